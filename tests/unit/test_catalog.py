"""Checks that span files: ids, references, prerequisites; all reported at once."""

from pathlib import Path

import pytest

from generator.content.catalog import Sources, load_catalog
from generator.content.errors import ContentErrors


def sources(site: Path) -> Sources:
    return Sources(site, site / "docs/modules", site / "quizzes")


def problems(site: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_catalog(sources(site))
    return [str(error) for error in caught.value.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_site_is_valid_and_ordered(site_copy):
    catalog = load_catalog(sources(site_copy))
    assert [m.id for m in catalog.module_items] == ["dasar", "lanjutan"]
    assert [q.id for q in catalog.quiz_items] == ["dasar"]


def test_id_must_equal_file_name(site_copy):
    edit(site_copy / "docs/modules/lanjutan.yml", "id: lanjutan", "id: lanjut")
    assert problems(site_copy)[0] == (
        "docs/modules/lanjutan.yml:1:1: id: the id 'lanjut' must equal the file name 'lanjutan'\n"
        "    hint: rename the file to 'lanjut.yml' or set 'id: lanjutan'"
    )


def test_missing_prerequisite_suggests_a_module(site_copy):
    edit(site_copy / "docs/modules/lanjutan.yml", "prerequisites: [dasar]", "prerequisites: [dasr]")
    assert problems(site_copy) == ["docs/modules/lanjutan.yml:7:17: prerequisites[0]: there is no module 'dasr'\n    hint: did you mean 'dasar'?"]


def test_prerequisite_cycle_is_reported_once(site_copy):
    edit(site_copy / "docs/modules/dasar.yml", "order: 1", "order: 1\nprerequisites: [lanjutan]")
    found = problems(site_copy)
    assert len(found) == 1 and "prerequisites form a cycle: dasar -> lanjutan -> dasar" in found[0]


def test_self_prerequisite(site_copy):
    edit(site_copy / "docs/modules/lanjutan.yml", "prerequisites: [dasar]", "prerequisites: [lanjutan]")
    assert problems(site_copy) == ["docs/modules/lanjutan.yml:7:17: prerequisites[0]: a module cannot be its own prerequisite"]


def test_quiz_must_name_an_existing_module(site_copy):
    edit(site_copy / "quizzes/dasar.yml", "module: dasar", "module: dasarr")
    assert problems(site_copy) == ["quizzes/dasar.yml:2:1: module: there is no module 'dasarr'\n    hint: did you mean 'dasar'?"]


def test_question_objective_and_section_must_exist(site_copy):
    edit(site_copy / "quizzes/dasar.yml", "objective: menjelaskan", "objective: menjelaskn")
    edit(site_copy / "quizzes/dasar.yml", "section: pengertian", "section: bab-satu")
    assert problems(site_copy) == [
        "quizzes/dasar.yml:17:5: questions[0].objective: module 'dasar' has no objective 'menjelaskn'\n    hint: did you mean 'menjelaskan'?",
        "quizzes/dasar.yml:18:5: questions[0].section: module 'dasar' has no section 'bab-satu'\n    hint: known section ids: kekuasaan, pengertian",
    ]


def test_duplicate_ids_inside_a_file(site_copy):
    edit(site_copy / "quizzes/dasar.yml", "  - id: jamak", "  - id: tunggal")
    edit(site_copy / "docs/modules/dasar.yml", "  - id: membedakan", "  - id: menjelaskan")
    found = problems(site_copy)
    assert "quizzes/dasar.yml:19:5: questions[1].id: the id 'tunggal' is used twice in questions\n    hint: each id in questions must be unique" in found
    assert any(line.startswith("docs/modules/dasar.yml:10:5: objectives[1].id: the id 'menjelaskan' is used twice") for line in found)


def test_duplicate_glossary_terms_ignore_case(site_copy):
    edit(site_copy / "docs/modules/dasar.yml", "  - term: <Pemberdayaan>", "  - term: KEKUASAAN")
    assert any("glossary[1].term: the term 'KEKUASAAN' is used twice" in line for line in problems(site_copy))


def test_reserved_section_id(site_copy):
    edit(site_copy / "docs/modules/dasar.yml", "  - id: kekuasaan", "  - id: kegiatan")
    found = problems(site_copy)
    assert any("sections[1].id: the section id 'kegiatan' is reserved" in line for line in found)


def test_problems_from_every_file_come_together_with_a_summary(site_copy):
    (site_copy / "docs/modules/rusak.yml").write_text("id: rusak\n\ttitle: x\n", encoding="utf-8")
    edit(site_copy / "quizzes/dasar.yml", "module: dasar", "module: tidak-ada")
    with pytest.raises(ContentErrors) as caught:
        load_catalog(sources(site_copy))
    assert [error.file for error in caught.value.errors] == ["docs/modules/rusak.yml", "quizzes/dasar.yml"]
    assert caught.value.summary() == "2 problems in 2 of 4 content files"


def test_yaml_extension_is_accepted(site_copy):
    (site_copy / "docs/modules/lanjutan.yml").rename(site_copy / "docs/modules/lanjutan.yaml")
    assert len(load_catalog(sources(site_copy)).modules) == 2
