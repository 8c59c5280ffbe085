"""Read one YAML file safely and remember where every value came from.

PyYAML's safe loader alone forgets line numbers and silently keeps the last
of two duplicate keys. Here the document is composed into nodes, then walked
by hand: every value's line and column are recorded under its path (for
example ``("questions", 3, "choices")``), duplicate keys and unsafe tags are
reported, and alias expansion is bounded so an "alias bomb" cannot eat the
machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError

Path = tuple[Any, ...]

MAX_FILE_BYTES = 1_000_000
MAX_VALUES = 50_000  # after alias expansion; a real module has a few hundred
MAX_DEPTH = 40

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

# Hints for the YAML mistakes people make most when editing by hand.
_SYNTAX_HINTS = (
    ("cannot start any token", "YAML indentation must use spaces, not tabs"),
    ("mapping values are not allowed", "check the indentation of this line; if it is not a new field, text containing ': ' must be put in quotes, or written as a block with '|'"),
    ("expected <block end>", "check the indentation: items of one list or mapping must line up"),
    ("expected ',' or ']'", "a quote or bracket is opened but never closed"),
    ("expected ',' or '}'", "a quote or bracket is opened but never closed"),
    ("expected a single document", "a file holds one module or quiz bank; remove the second '---' and what follows, or move it to its own file"),
    ("could not find expected ':'", "check the indentation of this line and the one above it"),
    ("did not find expected key", "check the indentation: items of one list or mapping must line up"),
    ("did not find expected '-' indicator", "check the indentation: list items must line up"),
    ("found undefined alias", "an alias (*name) needs a matching anchor (&name) earlier in the file"),
    ("found unexpected end of stream", "a quote or bracket is opened but never closed"),
)


@dataclass
class YamlDocument:
    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path, str] = field(default_factory=dict)  # numbers and dates as written

    def position(self, path: Path) -> tuple[int, int]:
        """The position of ``path`` or of its nearest recorded parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)

    def error(self, path: Path, message: str, hint: str = "") -> ContentError:
        line, column = self.position(path)
        return ContentError(self.file, line, column, format_path(path), message, hint)


class YamlProblem(Exception):
    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(raw: bytes, file: str) -> YamlDocument:
    """Parse ``raw`` into plain Python data with positions; raise YamlProblem."""
    text = _decode(raw, file)
    _reject_invisible_characters(text, file)
    if _FAST_LOADER is not None:
        try:
            return _parse(text, file, _FAST_LOADER)
        except YamlProblem:
            pass  # parse again below, so every problem is worded the same with or without libyaml
    return _parse(text, file, yaml.SafeLoader)


# libyaml parses about ten times faster than PyYAML's pure-Python scanner and
# gives the same nodes and marks; it is optional in PyYAML wheels.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _parse(text: str, file: str, loader_class: type) -> YamlDocument:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(ContentError(file, 1, 1, "", "the file is empty", "a module or quiz bank is a YAML mapping that starts with 'id:'"))
        document = YamlDocument(file, None)
        walker = _Walker(loader, document)
        document.data = walker.build(node, ())
    except yaml.MarkedYAMLError as problem:
        raise YamlProblem(_syntax_error(problem, file)) from None
    except yaml.YAMLError as problem:  # errors without a position
        raise YamlProblem(ContentError(file, 1, 1, "", f"YAML error: {problem}")) from None
    except RecursionError:
        raise YamlProblem(ContentError(file, 1, 1, "", "the document is nested too deeply")) from None
    finally:
        loader.dispose()
    if not isinstance(document.data, dict):
        line, column = document.position(())
        raise YamlProblem(ContentError(file, line, column, "", "the file must be a YAML mapping (fields like 'id: ...'), not a list or a single value"))
    return document


# What YAML refuses (control characters) or silently reads as a line break
# (NEL, LINE and PARAGRAPH SEPARATOR): both arrive by pasting from other programs.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]|[\x85\u2028\u2029]")


def _reject_invisible_characters(text: str, file: str) -> None:
    found = _INVISIBLE.search(text)
    if not found:
        return
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    if found.group() in "\x85\u2028\u2029":
        message = f"the file contains the invisible line separator {code}, which YAML reads as a line break"
        hint = "delete it, or replace it with a space or a real line break"
    else:
        message = f"the file contains the invisible control character {code}, which YAML does not allow"
        hint = "delete it; such characters often come along when text is pasted from a word processor or a PDF"
    raise YamlProblem(ContentError(file, line, column, "", message, hint))


def _decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(ContentError(file, 1, 1, "", f"the file is too large ({len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,})", "split a very long module into several modules"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        before = raw[: problem.start]
        line = before.count(b"\n") + 1
        line_start = before[before.rfind(b"\n") + 1 :]
        # Count characters, as an editor does, not bytes.
        column = len(line_start.decode("utf-8", errors="replace")) + 1
        raise YamlProblem(ContentError(file, line, column, "", "the file is not valid UTF-8 text", "save the file with UTF-8 encoding in your editor")) from None


def _syntax_error(problem: yaml.MarkedYAMLError, file: str) -> ContentError:
    # For an unclosed quote or bracket the opening one is what the trainer must fix.
    opened = (problem.context or "").startswith(("while scanning a quoted scalar", "while parsing a flow"))
    mark = (problem.context_mark if opened else None) or problem.problem_mark or problem.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = problem.problem or "invalid YAML"
    if problem.context and problem.context not in what:
        what = f"{problem.context}: {what}"
    hint = next((hint for needle, hint in _SYNTAX_HINTS if needle in what), "")
    return ContentError(file, line, column, "", f"YAML syntax error: {what}", hint)


class _Walker:
    """Turns composed nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, loader: yaml.SafeLoader, document: YamlDocument):
        self.loader = loader
        self.document = document
        self.values = 0
        self.open_nodes: set[int] = set()  # collections being built: an alias to one never ends

    def build(self, node: Node, path: Path) -> Any:
        # The hot loop of loading: one call per value of every file.
        self.values += 1
        if self.values > MAX_VALUES:
            self._fail(node, path, f"the file expands to more than {MAX_VALUES:,} values", "remove YAML aliases (*name) that repeat large parts of the file")
        if len(path) > MAX_DEPTH:
            self._fail(node, path, "the document is nested too deeply", "")
        mark = node.start_mark
        self.document.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        tag = node.tag
        if tag == _STR_TAG and type(node) is ScalarNode:
            return node.value  # most values: text needs no constructor
        if tag not in _STANDARD_TAGS:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            self._fail(node, path, f"the tag {tag!r} is not allowed", "remove the '!' tag; plain YAML values are enough")
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.open_nodes:
            self._fail_at_path(path, "the alias repeats the part of the file that contains it, so it never ends", "an alias (*name) may only repeat a part that is complete before the alias")
        self.open_nodes.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        finally:
            self.open_nodes.discard(id(node))

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        self.document.scalars[path] = node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, yaml.YAMLError):
            self._unbuildable(node, path)

    def _unbuildable(self, node: ScalarNode, path: Path) -> None:
        """PyYAML resolved the scalar (e.g. 2024-02-30 as a date) but cannot build it."""
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        mark = node.start_mark
        if mark.buffer and mark.buffer[mark.pointer : mark.pointer + 1] == "!":
            self._fail(node, path, f"{node.value!r} is not a valid value for the tag {tag!r}", f"remove the {tag!r} tag; plain YAML values are enough")
        kind = {"!!timestamp": "date", "!!int": "number", "!!float": "number", "!!bool": "true or false"}.get(tag, tag)
        self._fail(node, path, f"{node.value} looks like a {kind} but is not a real one", "put the value in quotes so YAML reads it as text")

    def _mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        merged = 0
        if any(key_node.tag == _MERGE_TAG for key_node, _ in node.value):
            explicit = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
            self.loader.flatten_mapping(node)  # resolves '<<' merge keys, merged pairs first
            merged = len(node.value) - explicit
        result: dict[str, Any] = {}
        written: set[str] = set()
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode):
                self._fail(key_node, path, "a field name must be plain text", "")
            # Use the key as written: 'no:' or 'on:' stay text, not booleans.
            key = str(key_node.value)
            if key in written:
                self._fail(key_node, (*path, key), f"the field {key!r} appears twice in the same mapping", "remove one of them; YAML would silently keep only the last")
            if index >= merged:  # a field written here may override a merged one
                written.add(key)
            # Point at the key, where a reader looks for a field, not at its value.
            key_mark = key_node.start_mark
            self.document.positions[(*path, key)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _fail_at_path(self, path: Path, message: str, hint: str) -> None:
        line, column = self.document.position(path)
        raise YamlProblem(ContentError(self.document.file, line, column, format_path(path), message, hint))

    def _fail(self, node: Node, path: Path, message: str, hint: str) -> None:
        mark = node.start_mark
        where = format_path(path)
        raise YamlProblem(ContentError(self.document.file, mark.line + 1, mark.column + 1, where, message, hint))
