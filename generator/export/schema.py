"""JSON Schemas of the file formats, generated from the pydantic models.

``berdaya schema OUT`` writes one schema per kind of file; content files name
theirs in a first line ``# yaml-language-server: $schema=...`` so editors
with yaml-language-server (VS Code's YAML extension) complete field names,
show what each field means in Indonesian and English, and mark mistakes
while the trainer types.

The schema says what one file can say about itself. What needs several
files (ids equal to file names, references to other modules, objectives and
sections) stays with ``berdaya validate``. Where the loader is kinder than
the model's types (a bare module id for a program item, ``08.00`` for a
time, a number for a group size) the schema is widened to match, and where
a model validator checks something a schema can express (exactly one right
choice) the schema says it too; tests hold loader and schema together on
the malformed-file corpus.

Adding a format is one line in SCHEMAS.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel

from ..content import model as content_model
from ..content.model import CompetencyFramework, Module, QuizBank
from ..training import model as training_model
from ..training.model import Training

# file name stem -> the model of that kind of file
SCHEMAS: dict[str, type[BaseModel]] = {
    "module": Module,
    "quiz": QuizBank,
    "training": Training,
    "competencies": CompetencyFramework,
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FOLDER = "schemas"  # where `berdaya new` points the yaml-language-server line, relative to the site root


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def all_schemas() -> dict[str, dict[str, Any]]:
    """{file name: schema} for every kind of file."""
    return {schema_file(kind): schema_for(kind) for kind in SCHEMAS}


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


@lru_cache(maxsize=None)
def _schema(kind: str) -> str:
    root_model = SCHEMAS[kind]
    schema = root_model.model_json_schema(mode="validation")
    definitions = schema.setdefault("$defs", {})
    models = _models_by_name(root_model)
    _describe(schema, root_model)
    for name, definition in definitions.items():
        if name in models:
            _describe(definition, models[name])
    _widen_for_loader(schema)
    for node in _nodes(schema):
        _discriminator_to_if_then(node, definitions)
        _no_blank_text(node)
    _choice_rules(definitions)
    schema = {"$schema": SCHEMA_DIALECT, "$id": schema_file(kind), **schema}
    return json.dumps(schema)


def schema_for(kind: str) -> dict[str, Any]:
    return json.loads(_schema(kind))


# --- descriptions ------------------------------------------------------------


@lru_cache(maxsize=None)
def field_docs() -> dict[str, dict[str, str]]:
    text = resources.files("generator.export").joinpath("fields.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def field_doc(model: type[BaseModel], field: str) -> dict[str, str] | None:
    """The texts of ``model.field``: its own, a base class's, or the shared '*.field'."""
    docs = field_docs()
    for klass in model.__mro__:
        entry = docs.get(f"{klass.__name__}.{field}")
        if entry:
            return entry
    return docs.get(f"*.{field}")


def describe(entry: dict[str, str]) -> str:
    return f"{entry['id']}\n\n{entry['en']}"


def _describe(definition: dict[str, Any], model: type[BaseModel]) -> None:
    for field, prop in definition.get("properties", {}).items():
        entry = field_doc(model, field)
        if entry:
            prop["description"] = describe(entry)
        prop.pop("title", None)  # pydantic's "Duration Minutes" says less than the description


def _models_by_name(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for module in (content_model, training_model):
        for item in vars(module).values():
            if isinstance(item, type) and issubclass(item, BaseModel):
                found[item.__name__] = item
    return found


def schema_models() -> list[type[BaseModel]]:
    """Every model that appears in some schema (for the test that every field is described)."""
    names = set()
    for kind in SCHEMAS:
        names |= set(schema_for(kind).get("$defs", {}))
    models = _models_by_name(Module)
    return [*SCHEMAS.values(), *(models[name] for name in sorted(names) if name in models)]


# --- shape -------------------------------------------------------------------


def _nodes(node: Any):
    """Every mapping in the schema, depth first."""
    if isinstance(node, dict):
        yield node
        for value in list(node.values()):
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _discriminator_to_if_then(node: dict[str, Any], definitions: dict[str, Any]) -> None:
    """A tagged union as if/then per tag: errors come from the one variant the tag names.

    A plain oneOf only says "not valid under any of the given schemas".
    """
    discriminator = node.get("discriminator")
    if not discriminator or "oneOf" not in node:
        return
    tag = discriminator["propertyName"]
    mapping = discriminator["mapping"]
    node.pop("oneOf")
    node.pop("discriminator")
    node["type"] = "object"
    node["required"] = [tag]
    node["properties"] = {tag: {"enum": list(mapping)}}
    node["allOf"] = [
        {"if": {"properties": {tag: {"const": value}}, "required": [tag]}, "then": {"$ref": ref}}
        for value, ref in mapping.items()
    ]


def _no_blank_text(node: dict[str, Any]) -> None:
    """The loader strips spaces before it checks for empty text; so must the schema."""
    if node.get("type") == "string" and node.get("minLength") == 1 and "pattern" not in node:
        node["pattern"] = r"\S"


def _choice_rules(definitions: dict[str, Any]) -> None:
    right = {"type": "object", "properties": {"correct": {"const": True}}, "required": ["correct"]}
    if "SingleQuestion" in definitions:
        definitions["SingleQuestion"]["properties"]["choices"].update(contains=right, minContains=1, maxContains=1)
    if "MultipleQuestion" in definitions:
        definitions["MultipleQuestion"]["properties"]["choices"].update(contains=right, minContains=1)


_TIME_TEXT = {"type": "string", "pattern": r"^\s*([01]?\d|2[0-3])[.:][0-5]\d\s*$"}


def _widen_for_loader(schema: dict[str, Any]) -> None:
    definitions = schema.get("$defs", {})
    activity = definitions.get("Activity")
    if activity:
        # "group_size: 5" is read as the text "5".
        size = activity["properties"]["group_size"]
        activity["properties"]["group_size"] = {"description": size.get("description", ""), "anyOf": [_without(size, "description"), {"type": "integer"}]}
    for name, shorthand in (("ModuleEntry", {"type": "string", "pattern": content_model.SLUG_PATTERN}),
                            ("SessionEntry", {"type": "string", "enum": list(training_model.BUILT_IN_SESSIONS)})):
        if name in definitions:
            # "- konsep-pemberdayaan" stands for "- module: konsep-pemberdayaan" (and sessions alike).
            definitions[name] = {"anyOf": [shorthand, definitions[name]]}
    for node in _nodes(schema):
        for field, prop in list(node.get("properties", {}).items()):
            if field in training_model.TIME_FIELDS:
                # Times are written 08.00 or 08:00; YAML 1.1 reads them as numbers, 1.2 as text.
                node["properties"][field] = {"description": prop.get("description", ""), "anyOf": [_TIME_TEXT, {"type": "number"}, {"type": "null"}]}
        items = node.get("items")
        if isinstance(items, dict) and isinstance(items.get("oneOf"), list) and "discriminator" not in items:
            # A union told apart by a function (training program items): any one that fits.
            items["anyOf"] = items.pop("oneOf")


def _without(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in copy.deepcopy(mapping).items() if k != key}
