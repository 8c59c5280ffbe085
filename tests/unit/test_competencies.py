"""The competency framework: shipped content covers it, modules are checked against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import messages
from generator.content.catalog import Sources, load_catalog
from generator.content.errors import ContentErrors

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped():
    return load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes"))


def test_the_shipped_framework_has_ten_to_fourteen_competencies(shipped):
    assert 10 <= len(shipped.competency_items) <= 14
    assert all(item.description for item in shipped.competency_items)


def test_every_competency_is_covered_by_a_shipped_module(shipped):
    uncovered = [item.id for item in shipped.competency_items if not shipped.modules_for_competency(item.id)]
    assert uncovered == []


def test_every_shipped_module_names_a_competency(shipped):
    assert [module.id for module in shipped.module_items if not module.competencies] == []


def test_lookup_by_id(shipped):
    assert shipped.competency("menilai-kebutuhan-pelatihan").title == "Menilai kebutuhan pelatihan"
    assert shipped.competency("tidak-ada") is None
    modules = [module.id for module in shipped.modules_for_competency("menilai-kebutuhan-pelatihan")]
    assert modules == ["desain-pelatihan-berbasis-kebutuhan"]


def test_unknown_competency_is_reported_where_it_is_written(site_copy: Path):
    (site_copy / "curricula").mkdir()
    (site_copy / "curricula/competencies.yml").write_text(
        "competencies:\n  - id: memfasilitasi-kelompok\n    title: Memfasilitasi\n    description: Memandu.\n",
        encoding="utf-8",
    )
    module = site_copy / "docs/modules/dasar.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("title:", "competencies: [memfasilitasi-kelompk]\ntitle:", 1), encoding="utf-8")
    line = next(number for number, row in enumerate(module.read_text(encoding="utf-8").splitlines(), 1) if row.startswith("competencies"))
    with messages.language("en"), pytest.raises(ContentErrors) as raised:
        load_catalog(Sources(site_copy, site_copy / "docs/modules", site_copy / "quizzes"))
    [error] = raised.value.errors
    assert (error.file, error.line, error.column) == ("docs/modules/dasar.yml", line, 16)
    assert error.message == "there is no competency 'memfasilitasi-kelompk' in curricula/competencies.yml"
    assert error.hint == "did you mean 'memfasilitasi-kelompok'?"


def test_a_site_without_framework_and_without_competencies_is_fine(site_copy: Path):
    catalog = load_catalog(Sources(site_copy, site_copy / "docs/modules", site_copy / "quizzes"))
    assert catalog.competency_items == []
