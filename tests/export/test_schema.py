"""The JSON Schemas: fresh, described in both languages, agreeing with the loader.

Checked with the `jsonschema` library (a standard validator, draft 2020-12),
independent of pydantic which the schemas are generated from.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest

from generator.content.load import load_bytes
from generator.content.yamlsource import YamlProblem, read_yaml
from generator.export.schema import SCHEMAS, all_schemas, field_doc, schema_for, schema_models, schema_text

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT / "tests" / "corpus" / "cases"
MODELINE = "# yaml-language-server: $schema="


def kind_of(relative: str) -> str | None:
    if relative.startswith("docs/modules/"):
        return "module"
    if relative.startswith("quizzes/"):
        return "quiz"
    if relative == "curricula/competencies.yml":
        return "competencies"
    if relative.startswith("curricula/"):
        return "training"
    return None


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema_for(kind), format_checker=jsonschema.FormatChecker())


def as_json(value):
    """YAML data as an editor's YAML 1.2 reader hands it to the schema: dates are text."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def shipped_files() -> list[Path]:
    return sorted(path for folder in ("docs/modules", "quizzes", "curricula") for path in (PROJECT / folder).glob("*.yml"))


def test_shipped_schemas_are_current():
    for name, schema in all_schemas().items():
        assert (PROJECT / "schemas" / name).read_text(encoding="utf-8") == schema_text(schema), f"run: berdaya schema schemas/ ({name} is stale)"


def test_schemas_are_valid_draft_2020_12():
    for kind in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(schema_for(kind))


def test_every_field_is_described_in_both_languages():
    missing = [f"{model.__name__}.{field}" for model in schema_models() for field in model.model_fields if not (field_doc(model, field) or {}).get("id") or not (field_doc(model, field) or {}).get("en")]
    assert not missing, "add to generator/export/fields.yml: " + ", ".join(missing)


@pytest.mark.parametrize("path", shipped_files(), ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_shipped_file_names_its_schema_and_follows_it(path):
    relative = path.relative_to(PROJECT).as_posix()
    kind = kind_of(relative)
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith(MODELINE), f"{relative}: the first line must be the yaml-language-server line"
    assert (path.parent / first[len(MODELINE):]).resolve() == (PROJECT / "schemas" / f"{kind}.schema.json").resolve()
    data = as_json(read_yaml(path.read_bytes(), relative).data)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator(kind).iter_errors(data)]
    assert not errors, errors


def test_errors_inside_a_question_name_the_field():
    """A wrong field inside one question type is reported there, not as 'not valid under any'."""
    quiz = {"id": "a", "module": "a", "title": "T", "questions": [
        {"id": "q1", "type": "single", "prompt": "P", "explanation": "E", "objective": "o", "section": "s", "choices": [{"text": "x", "correct": True}, {"correct": False}]},
        {"id": "q2", "type": "true_false", "prompt": "P", "explanation": "E", "objective": "o", "section": "s", "answer": "ya"},
        {"id": "q3", "type": "single", "prompt": "P", "explanation": "E", "objective": "o", "section": "s", "choices": [{"text": "x"}, {"text": "y"}]},
    ]}
    errors = {(tuple(error.absolute_path), error.validator) for error in validator("quiz").iter_errors(quiz)}
    leaves = {(path, kind) for path, kind in errors}
    assert (("questions", 0, "choices", 1), "required") in leaves
    assert (("questions", 1, "answer"), "type") in leaves
    assert (("questions", 2, "choices"), "contains") in leaves
    assert not any(kind in ("oneOf", "anyOf") for _, kind in errors)


# Single-file mistakes the loader sees and a JSON Schema cannot: repeats that
# differ only in letter case (uniqueItems compares exactly).
SCHEMA_CANNOT = {"matching-with-repeated-sides": "a JSON Schema cannot compare ignoring letter case"}
# Berdaya reads YAML 1.1, where an unquoted 2024-08-17 is a date; editors read
# YAML 1.2, where it is text, so a date where text belongs passes the schema.
SCHEMA_CANNOT["type-date-for-text"] = "YAML 1.2 (the editor) reads an unquoted date as text"


def corpus_files():
    for case in sorted(CORPUS.iterdir()):
        for path in sorted(case.rglob("*.y*ml")):
            relative = path.relative_to(case).as_posix()
            if kind_of(relative):
                yield pytest.param(case.name, path, relative, id=f"{case.name}/{relative}")


@pytest.mark.parametrize(("case", "path", "relative"), list(corpus_files()))
def test_schema_and_loader_agree_on_the_corpus(case, path, relative):
    """What the loader refuses in a file on its own, the schema refuses, and the reverse.

    Mistakes between files (ids and file names, references) are not a schema's
    business; files YAML itself cannot read never reach either.
    """
    raw = path.read_bytes()
    try:
        document = read_yaml(raw, relative)
    except YamlProblem:
        pytest.skip("not readable YAML: the editor's YAML parser reports it, not the schema")
    kind = kind_of(relative)
    _, loader_errors = load_bytes(raw, relative, SCHEMAS[kind])
    schema_errors = list(validator(kind).iter_errors(as_json(document.data)))
    if case in SCHEMA_CANNOT and loader_errors and not schema_errors:
        pytest.xfail(SCHEMA_CANNOT[case])
    assert bool(loader_errors) == bool(schema_errors), (
        [str(error) for error in loader_errors],
        [f"{list(error.absolute_path)}: {error.message}" for error in schema_errors],
    )


def test_new_files_name_their_schema_and_follow_it(site_copy):
    from generator import cli

    assert cli.main(["--config", str(site_copy / "mkdocs.yml"), "new", "musyawarah-desa"]) == 0
    assert cli.main(["--config", str(site_copy / "mkdocs.yml"), "new", "training", "pelatihan-baru"]) == 0
    written = {
        "docs/modules/musyawarah-desa.yml": "../../schemas/module.schema.json",
        "quizzes/musyawarah-desa.yml": "../schemas/quiz.schema.json",
    }
    trainings = list((site_copy / "curricula").glob("pelatihan-baru.yml")) if (site_copy / "curricula").is_dir() else []
    for path in trainings:
        written[path.relative_to(site_copy).as_posix()] = "../schemas/training.schema.json"
    assert trainings, "berdaya new training wrote no file"
    for relative, schema in written.items():
        text = (site_copy / relative).read_text(encoding="utf-8")
        assert text.split("\n", 1)[0] == MODELINE + schema
        data = as_json(read_yaml(text.encode(), relative).data)
        assert not list(validator(kind_of(relative)).iter_errors(data)), relative
