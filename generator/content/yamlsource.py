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
from .messages import message, number
from .syntax import syntax_error

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

@dataclass
class YamlDocument:
    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path, str] = field(default_factory=dict)  # numbers and dates as written
    # Where each text value is written (0-based start line, column, end line, column),
    # and the file's text: a finding inside a text can then name its own line.
    spans: dict[Path, tuple[int, int, int, int]] = field(default_factory=dict)
    source: str = ""

    def position(self, path: Path) -> tuple[int, int]:
        """The position of ``path`` or of its nearest recorded parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)

    def error(self, path: Path, text: str, hint: str = "") -> ContentError:
        line, column = self.position(path)
        return ContentError(self.file, line, column, format_path(path), text, hint)

    def locate(self, path: Path, needle: str, occurrence: int = 0) -> tuple[int, int]:
        """The line and column of ``needle`` (its n-th appearance) inside the text value at ``path``.

        Found in the file as written, so it works for every YAML style; text that
        YAML escapes changed (or an empty needle) falls back to the value's start.
        """
        span = self.spans.get(path)
        if span is None:
            return self.position(path)
        lines = self.source.splitlines(keepends=True)
        start = sum(len(line) for line in lines[: span[0]]) + span[1]
        end = sum(len(line) for line in lines[: span[2]]) + span[3]
        found = start - 1
        for _ in range(occurrence + 1):
            found = self.source.find(needle, found + 1, end) if needle else -1
            if found < 0:
                return span[0] + 1, span[1] + 1
        line_start = self.source.rfind("\n", 0, found) + 1
        return self.source.count("\n", 0, found) + 1, found - line_start + 1


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
            raise YamlProblem(ContentError(file, 1, 1, "", message("content_file_empty"), message("content_file_empty_hint")))
        document = YamlDocument(file, None, source=text)
        walker = _Walker(loader, document)
        document.data = walker.build(node, ())
    except yaml.MarkedYAMLError as problem:
        raise YamlProblem(syntax_error(problem, file, text)) from None
    except yaml.YAMLError:  # errors without a position
        raise YamlProblem(ContentError(file, 1, 1, "", message("content_yaml_unreadable"), message("content_yaml_unreadable_hint"))) from None
    except RecursionError:
        raise YamlProblem(ContentError(file, 1, 1, "", message("content_nested_too_deep"))) from None
    finally:
        loader.dispose()
    if not isinstance(document.data, dict):
        line, column = document.position(())
        raise YamlProblem(ContentError(file, line, column, "", message("content_not_a_mapping")))
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
        text, hint = message("content_invisible_separator", code=code), message("content_invisible_separator_hint")
    else:
        text, hint = message("content_control_character", code=code), message("content_control_character_hint")
    raise YamlProblem(ContentError(file, line, column, "", text, hint))


def _decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(ContentError(file, 1, 1, "", message("content_file_too_large", size=number(len(raw)), limit=number(MAX_FILE_BYTES)), message("content_file_too_large_hint")))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        before = raw[: problem.start]
        line = before.count(b"\n") + 1
        line_start = before[before.rfind(b"\n") + 1 :]
        # Count characters, as an editor does, not bytes.
        column = len(line_start.decode("utf-8", errors="replace")) + 1
        raise YamlProblem(ContentError(file, line, column, "", message("content_not_utf8"), message("content_not_utf8_hint"))) from None


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
            self._fail(node, path, message("content_too_many_values", limit=number(MAX_VALUES)), message("content_too_many_values_hint"))
        if len(path) > MAX_DEPTH:
            self._fail(node, path, message("content_nested_too_deep"), "")
        mark = node.start_mark
        self.document.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        tag = node.tag
        if tag == _STR_TAG and type(node) is ScalarNode:
            end = node.end_mark
            self.document.spans[path] = (mark.line, mark.column, end.line, end.column)
            return node.value  # most values: text needs no constructor
        if tag not in _STANDARD_TAGS:
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            self._fail(node, path, message("content_tag_not_allowed", tag=tag), message("content_tag_not_allowed_hint"))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if id(node) in self.open_nodes:
            self._fail_at_path(path, message("content_alias_never_ends"), message("content_alias_never_ends_hint"))
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
            self._fail(node, path, message("content_tag_bad_value", value=node.value, tag=tag), message("content_tag_bad_value_hint", tag=tag))
        if tag == "!!timestamp":
            text = message("content_not_a_real_date", value=node.value)
        elif tag in ("!!int", "!!float"):
            text = message("content_not_a_real_number", value=node.value)
        else:
            text = message("content_not_a_real_value", value=node.value, tag=tag)
        self._fail(node, path, text, message("content_quote_as_text_hint"))

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
                self._fail(key_node, path, message("content_field_name_not_text"), "")
            # Use the key as written: 'no:' or 'on:' stay text, not booleans.
            key = str(key_node.value)
            if key in written:
                self._fail(key_node, (*path, key), message("content_duplicate_field", key=key), message("content_duplicate_field_hint"))
            if index >= merged:  # a field written here may override a merged one
                written.add(key)
            # Point at the key, where a reader looks for a field, not at its value.
            key_mark = key_node.start_mark
            self.document.positions[(*path, key)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _fail_at_path(self, path: Path, text: str, hint: str) -> None:
        line, column = self.document.position(path)
        raise YamlProblem(ContentError(self.document.file, line, column, format_path(path), text, hint))

    def _fail(self, node: Node, path: Path, text: str, hint: str) -> None:
        mark = node.start_mark
        where = format_path(path)
        raise YamlProblem(ContentError(self.document.file, mark.line + 1, mark.column + 1, where, text, hint))
