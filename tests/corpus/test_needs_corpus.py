"""Malformed needs-survey exports and what trainers are told about them.

Each folder in ``needs/`` holds one export file as a tool (or a spreadsheet)
might leave it, and ``expected.txt`` (English) and ``expected.id.txt``
(Indonesian): every problem as printed
(``file:line:col: column: what``, hint below), then a line with the format
recognised and the responses used. ``pytest tests/corpus --update-golden``
rewrites the expected files; read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import messages
from generator.content.catalog import Sources, load_catalog
from generator.needs.form import build_form
from generator.needs.readers import combine, read_export

CASES = Path(__file__).parent / "needs"
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def form():
    return build_form(load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes")).competency_items)


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


GOLDEN = {"en": "expected.txt", "id": "expected.id.txt"}


def told(case: Path, form, language: str = "en") -> str:
    [export] = [path for path in case.iterdir() if path.name not in GOLDEN.values()]
    with messages.language(language):
        reading = read_export(export, export.name, form)
        combined = combine([reading])
        lines = [str(problem) for problem in sorted(reading.problems)] + [str(duplicate) for duplicate in combined.duplicates]
    status = "unusable" if reading.unusable else f"format: {reading.format}; responses used: {len(combined.responses)}"
    return "\n".join([*lines, status]) + "\n"


def test_the_needs_corpus_covers_the_issue():
    assert {"wrong-delimiter", "missing-columns", "text-in-rating", "off-scale", "empty-file", "utf8-bom", "windows-1252"} <= set(case_names())


@pytest.mark.parametrize("language", sorted(GOLDEN))
@pytest.mark.parametrize("name", case_names())
def test_needs_case_matches_golden(name: str, language: str, form, update_golden: bool):
    actual = told(CASES / name, form, language)
    expected = CASES / name / GOLDEN[language]
    if update_golden:
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")
