"""YAML file -> validated model, or a list of ContentErrors with positions.

Pydantic reports problems with a location tuple and an error type; this
module turns each into the trainer's language: the file, line and column of
the value, the path in the structure, what is wrong and, where we can, a hint.
"""

from __future__ import annotations

import datetime
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import model
from .errors import ContentError, split_hint
from .yamlsource import Path, YamlDocument, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)

_ID_HINT = "use lowercase letters, digits and single hyphens, for example 'strategi-mikro'"


@dataclass
class Loaded(Generic[M]):
    """A validated model together with the document it came from."""

    item: M
    document: YamlDocument


def load_file(path: FilePath, display_name: str, model_class: type[M], as_written: frozenset[str] = frozenset()) -> tuple[Loaded[M] | None, list[ContentError]]:
    try:
        raw = path.read_bytes()
    except OSError as problem:
        return None, [ContentError(display_name, 1, 1, "", f"cannot read the file: {problem.strerror}")]
    return load_bytes(raw, display_name, model_class, as_written)


def load_bytes(raw: bytes, display_name: str, model_class: type[M], as_written: frozenset[str] = frozenset()) -> tuple[Loaded[M] | None, list[ContentError]]:
    """``as_written`` names fields whose numbers are read as the text typed (times: 10.30, 10:30)."""
    try:
        document = read_yaml(raw, display_name)
    except YamlProblem as problem:
        return None, [problem.error]
    misplaced = _misplaced(document, model_class)
    if misplaced:
        return None, [misplaced]
    if as_written:
        _restore_written(document, as_written)
    try:
        item = model_class.model_validate(document.data)
    except ValidationError as invalid:
        return None, [_translate(error, document, model_class) for error in invalid.errors(include_url=False)]
    return Loaded(item, document), []


def _restore_written(document: YamlDocument, names: frozenset[str]) -> None:
    """YAML 1.1 reads 10.30 as 10.3 and 10:30 as 630; give the named fields back their text."""
    for path, text in document.scalars.items():
        if not path or path[-1] not in names:
            continue
        parent = document.data
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent[path[-1]], (int, float)) and not isinstance(parent[path[-1]], bool):
            parent[path[-1]] = text


# Fields that give away the other kind of file, and where that kind belongs.
_OTHER_KIND = {
    "Module": (("module", "questions"), "a quiz bank", "quizzes"),
    "QuizBank": (("sections", "objectives"), "a module", "docs/modules"),
}


def _misplaced(document: YamlDocument, model_class: type) -> ContentError | None:
    """A quiz bank in the modules folder (or the reverse) is one mistake, not nine."""
    fields, kind, folder = _OTHER_KIND.get(model_class.__name__, ((), "", ""))
    if fields and all(name in document.data for name in fields):
        present = " and ".join(repr(name) for name in fields)
        return document.error((), f"this looks like {kind} (it has {present}), but it is in the wrong folder", f"move it to the {folder} folder")
    return None


def _translate(error: dict[str, Any], document: YamlDocument, model_class: type = BaseModel) -> ContentError:
    path = _data_path(error["loc"], document)
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        parent, name = path[:-1], path[-1]
        return document.error(parent, f"the required field {name!r} is missing", _field_hint(name))
    if kind == "extra_forbidden":
        return document.error(path, f"unknown field {path[-1]!r}", _suggest_field(str(path[-1]), model_class))
    if kind.startswith("union_tag") and (*path, "type") in document.positions:
        path = (*path, "type")
    message, hint = _describe(kind, error, _as_written(value, path, document))
    return document.error(path, message, hint)


class _Written(str):
    """A scalar as the trainer typed it, where YAML turned it into something else."""


def _as_written(value: Any, path: Path, document: YamlDocument) -> Any:
    # YAML 1.1 reads 10:30 as 630 and 2024-08-17 as a date: show what was typed.
    if isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool) and path in document.scalars:
        return _Written(document.scalars[path])
    return value


def _data_path(loc: tuple[Any, ...], document: YamlDocument) -> Path:
    """Drop the parts of pydantic's location that are not in the YAML (union tags)."""
    path: Path = ()
    for index, part in enumerate(loc):
        candidate = (*path, part)
        is_last = index == len(loc) - 1
        if candidate in document.positions or is_last:
            path = candidate
    return path


def _describe(kind: str, error: dict[str, Any], value: Any) -> tuple[str, str]:
    context = error.get("ctx") or {}
    if kind == "string_type":
        hint = "put the value in quotes so YAML reads it as text" if isinstance(value, (bool, int, float, _Written)) else ""
        return f"expected text, found {_show(value)}", hint
    if kind == "string_too_short":
        return "must not be empty", ""
    if kind == "string_pattern_mismatch" and "https?" in str(context.get("pattern", "")):
        return f"{_show(value)} is not a web address", "write the full address starting with https:// (no spaces, quotes or < >)"
    if kind == "string_pattern_mismatch":
        return f"{_show(value)} is not a valid id", _ID_HINT
    if kind == "literal_error":
        allowed = _allowed_from(context.get("expected", ""))
        close = difflib.get_close_matches(str(value), allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else ""
        return f"{_show(value)} is not one of: {', '.join(allowed)}", hint
    if kind == "union_tag_invalid":
        allowed = list(model.QUESTION_TYPES)
        close = difflib.get_close_matches(str(context.get("tag", "")), allowed, n=1)
        return f"unknown question type {context.get('tag')!r}; use one of: {', '.join(allowed)}", (f"did you mean {close[0]!r}?" if close else "")
    if kind == "union_tag_not_found":
        return "the field 'type' is missing", f"add 'type:' with one of: {', '.join(model.QUESTION_TYPES)}"
    if kind == "too_short":
        need = context.get("min_length", 1)
        return f"needs at least {need} {'item' if need == 1 else 'items'}", ""
    if kind in ("list_type",):
        return f"expected a list, found {_show(value)}", "write each item on its own line starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields, found {_show(value)}", "write fields as 'name: value' lines, indented under this one"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {_show(value)}", ""
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {_show(value)}", ""
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return _bound_message(kind, context, value), ""
    if kind == "value_error":
        return split_hint(str(context.get("error", error["msg"])))
    return error["msg"][:1].lower() + error["msg"][1:], ""


def _bound_message(kind: str, context: dict[str, Any], value: Any) -> str:
    words = {
        "greater_than": ("greater than", "gt"),
        "greater_than_equal": ("at least", "ge"),
        "less_than": ("less than", "lt"),
        "less_than_equal": ("at most", "le"),
    }
    word, key = words[kind]
    return f"must be {word} {context.get(key)}, found {_show(value)}"


def _written_kind(value: str) -> str:
    if re.match(r"^\d{4}-\d\d?-\d\d?", value):
        return f"the date {value}"
    return value


def _allowed_from(expected: str) -> list[str]:
    # pydantic writes "'dasar', 'menengah' or 'lanjut'"
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def _show(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Written):
        return _written_kind(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _all_field_names(model_class: type = BaseModel) -> set[str]:
    """Field names of the content format and of the format ``model_class`` belongs to."""
    names: set[str] = set()
    namespaces = [vars(model), vars(sys.modules.get(model_class.__module__, model))]
    for namespace in namespaces:
        for item in namespace.values():
            if isinstance(item, type) and issubclass(item, BaseModel):
                names.update(item.model_fields)
    return names


def _suggest_field(name: str, model_class: type = BaseModel) -> str:
    known = _all_field_names(model_class)
    if name in known:
        return f"{name!r} is a field of another part of the format: check the indentation, or whether this file is in the right folder"
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    return "check the spelling against the field reference in README.md"


def _field_hint(name: Any) -> str:
    hints = {
        "id": "every module, quiz bank, objective, section, activity and question needs an id",
        "explanation": "say why the right answer is right; trainees see it after checking",
        "section": "name the module section to review when this question is missed",
        "objective": "name the module objective this question assesses",
        "type": f"one of: {', '.join(model.QUESTION_TYPES)}",
    }
    return hints.get(str(name), "")
