"""Golden files of every training page kind, jadwal.ics and jadwal.csv, for the fixture training.

Run ``pytest tests/golden --update-golden`` after an intended change, then
review the diff of tests/golden/expected/training/ like any other code.
"""

from pathlib import Path

import pytest

from generator.content.catalog import Sources
from generator.project import load_project
from generator.site.pages import PageOptions
from generator.training.documents import render_trainings
from tests.conftest import FIXTURE_SITE, TESTS

EXPECTED = Path(__file__).parent / "expected" / "training"
CURRICULA = TESTS / "fixtures" / "training-project" / "curricula"


def rendered(language: str) -> dict[str, str]:
    project = load_project(Sources(FIXTURE_SITE, FIXTURE_SITE / "docs/modules", FIXTURE_SITE / "quizzes", CURRICULA))
    return render_trainings(project.catalog, project.training_items, PageOptions(language=language, site_slug="situs-uji"))


@pytest.mark.parametrize("language", ["id", "en"])
def test_training_pages_match_golden_files(language, update_golden):
    pages = rendered(language)
    folder = EXPECTED / language
    if update_golden:
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(text.encode("utf-8"))
    expected = {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8") for p in folder.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/expected/training/{language}/{path}"


def test_every_page_kind_is_covered():
    kinds = {Path(path).name for path in rendered("id")}
    assert {"index.md", "struktur.md", "rancangan.md", "jadwal.md", "panduan.md", "panduan-hari-1.md", "dasar.md", "jadwal.ics", "jadwal.csv"} <= kinds
