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
from .errors import ContentError, Finding, split_hint
from .messages import message
from .yamlsource import Path, YamlDocument, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """A validated model together with the document it came from."""

    item: M
    document: YamlDocument


def load_file(path: FilePath, display_name: str, model_class: type[M], as_written: frozenset[str] = frozenset()) -> tuple[Loaded[M] | None, list[ContentError]]:
    try:
        raw = path.read_bytes()
    except OSError as problem:
        return None, [ContentError(display_name, 1, 1, "", message("content_cannot_read_file", reason=problem.strerror))]
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


# Fields that give away the other kind of file, the message, and where that kind belongs.
_OTHER_KIND = {
    "Module": (("module", "questions"), "content_looks_like_quiz_bank", "quizzes"),
    "QuizBank": (("sections", "objectives"), "content_looks_like_module", "docs/modules"),
}


def _misplaced(document: YamlDocument, model_class: type) -> ContentError | None:
    """A quiz bank in the modules folder (or the reverse) is one mistake, not nine."""
    fields, key, folder = _OTHER_KIND.get(model_class.__name__, ((), "", ""))
    if fields and all(name in document.data for name in fields):
        present = message("content_and").join(repr(name) for name in fields)
        return document.error((), message(key, fields=present), message("content_move_to_folder_hint", folder=folder))
    return None


def _translate(error: dict[str, Any], document: YamlDocument, model_class: type = BaseModel) -> ContentError:
    path = _data_path(error["loc"], document)
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        parent, name = path[:-1], path[-1]
        return document.error(parent, message("content_required_field_missing", name=name), _field_hint(name))
    if kind == "extra_forbidden":
        return document.error(path, message("content_unknown_field", name=path[-1]), _suggest_field(str(path[-1]), model_class))
    if kind.startswith("union_tag") and (*path, "type") in document.positions:
        path = (*path, "type")
    text, hint = _describe(kind, error, _as_written(value, path, document))
    return document.error(path, text, hint)


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
        hint = message("content_quote_as_text_hint") if isinstance(value, (bool, int, float, _Written)) else ""
        return message("content_expected_text", found=_show(value)), hint
    if kind == "string_too_short":
        return message("content_must_not_be_empty"), ""
    if kind == "string_pattern_mismatch" and "https?" in str(context.get("pattern", "")):
        return message("content_not_a_web_address", value=_show(value)), message("content_not_a_web_address_hint")
    if kind == "string_pattern_mismatch":
        return message("content_not_a_valid_id", value=_show(value)), message("content_id_hint")
    if kind == "literal_error":
        allowed = _allowed_from(context.get("expected", ""))
        return message("content_not_one_of", value=_show(value), allowed=", ".join(allowed)), did_you_mean(str(value), allowed)
    if kind == "union_tag_invalid":
        allowed = list(model.QUESTION_TYPES)
        tag = context.get("tag")
        return message("content_unknown_question_type", tag=tag, allowed=", ".join(allowed)), did_you_mean(str(tag or ""), allowed)
    if kind == "union_tag_not_found":
        return message("content_question_type_missing"), message("content_question_type_missing_hint", allowed=", ".join(model.QUESTION_TYPES))
    if kind == "too_short":
        need = context.get("min_length", 1)
        return (message("content_needs_one_item") if need == 1 else message("content_needs_items", count=need)), ""
    if kind == "list_type":
        return message("content_expected_list", found=_show(value)), message("content_expected_list_hint")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return message("content_expected_mapping", found=_show(value)), message("content_expected_mapping_hint")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return message("content_expected_whole_number", found=_show(value)), ""
    if kind in ("bool_type", "bool_parsing"):
        return message("content_expected_true_false", found=_show(value)), ""
    if kind in _BOUNDS:
        key, limit = _BOUNDS[kind]
        return message(key, limit=context.get(limit), found=_show(value)), ""
    if kind == "value_error" and isinstance(context.get("error"), Finding):
        return context["error"].text, context["error"].hint
    if kind == "value_error" and context.get("error") is not None:
        return split_hint(str(context["error"]))  # a validator's own words, from the catalog
    # A check without wording of its own: pydantic's English, marked as such.
    return message("content_value_not_accepted", detail=error["msg"]), ""


# pydantic's bound checks: the message and the name of the limit in its context.
_BOUNDS = {
    "greater_than": ("content_must_be_greater_than", "gt"),
    "greater_than_equal": ("content_must_be_at_least", "ge"),
    "less_than": ("content_must_be_less_than", "lt"),
    "less_than_equal": ("content_must_be_at_most", "le"),
}


def did_you_mean(value: str, options: list[str]) -> str:
    """'did you mean ...?' with the closest option, or nothing."""
    close = difflib.get_close_matches(value, options, n=1)
    return message("content_did_you_mean_hint", value=close[0]) if close else ""


def _written_kind(value: str) -> str:
    if re.match(r"^\d{4}-\d\d?-\d\d?", value):
        return message("content_show_date", value=value)
    return value


def _allowed_from(expected: str) -> list[str]:
    # pydantic writes "'dasar', 'menengah' or 'lanjut'"
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def _show(value: Any) -> str:
    if value is None:
        return message("content_show_nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Written):
        return _written_kind(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return message("content_show_mapping")
    if isinstance(value, list):
        return message("content_show_list")
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
        return message("content_field_of_other_part_hint", name=name)
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    if close:
        return message("content_did_you_mean_hint", value=close[0])
    return message("content_check_spelling_hint")


def _field_hint(name: Any) -> str:
    name = str(name)
    if name == "id":
        return message("content_required_id_hint")
    if name == "explanation":
        return message("content_required_explanation_hint")
    if name == "section":
        return message("content_required_section_hint")
    if name == "objective":
        return message("content_required_objective_hint")
    if name == "type":
        return message("content_required_type_hint", allowed=", ".join(model.QUESTION_TYPES))
    return ""
