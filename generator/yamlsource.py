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
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError

Path = tuple[Any, ...]

MAX_FILE_BYTES = 1_000_000
MAX_VALUES = 50_000  # after alias expansion; a real module has a few hundred
MAX_DEPTH = 40

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
    ("mapping values are not allowed", "text containing ': ' must be put in quotes, or written as a block with '|'"),
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
    loader = yaml.SafeLoader(text)
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


def _decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(ContentError(file, 1, 1, "", f"the file is too large ({len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,})", "split a very long module into several modules"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        before = raw[: problem.start]
        line = before.count(b"\n") + 1
        column = problem.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(ContentError(file, line, column, "", "the file is not valid UTF-8 text", "save the file with UTF-8 encoding in your editor")) from None


def _syntax_error(problem: yaml.MarkedYAMLError, file: str) -> ContentError:
    mark = problem.problem_mark or problem.context_mark
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

    def build(self, node: Node, path: Path) -> Any:
        self._count(node, path)
        mark = node.start_mark
        self.document.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            self._fail(node, path, f"the tag {node.tag!r} is not allowed", "remove the '!' tag; plain YAML values are enough")
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        self.loader.flatten_mapping(node)  # resolves '<<' merge keys
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._fail(key_node, path, "a field name must be plain text", "")
            # Use the key as written: 'no:' or 'on:' stay text, not booleans.
            key = str(key_node.value)
            if key in result:
                self._fail(key_node, (*path, key), f"the field {key!r} appears twice in the same mapping", "remove one of them; YAML would silently keep only the last")
            # Point at the key, where a reader looks for a field, not at its value.
            key_mark = key_node.start_mark
            self.document.positions[(*path, key)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _count(self, node: Node, path: Path) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            self._fail(node, path, f"the file expands to more than {MAX_VALUES:,} values", "remove YAML aliases (*name) that repeat large parts of the file")
        if len(path) > MAX_DEPTH:
            self._fail(node, path, "the document is nested too deeply", "")

    def _fail(self, node: Node, path: Path, message: str, hint: str) -> None:
        mark = node.start_mark
        where = format_path(path)
        raise YamlProblem(ContentError(self.document.file, mark.line + 1, mark.column + 1, where, message, hint))
