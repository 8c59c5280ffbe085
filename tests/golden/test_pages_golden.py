"""Golden tests: the fixture site's generated Markdown, page by page.

Run ``pytest tests/golden --update-golden`` after an intended change to the
templates, then review the diff of tests/golden/expected/ like any other code.
"""

from pathlib import Path

import pytest

from generator.content.catalog import Sources, load_catalog
from generator.site.pages import PageOptions, render_site
from tests.conftest import FIXTURE_SITE

EXPECTED = Path(__file__).parent / "expected"


def rendered(language: str) -> dict[str, str]:
    catalog = load_catalog(Sources(FIXTURE_SITE, FIXTURE_SITE / "docs/modules", FIXTURE_SITE / "quizzes"))
    return render_site(catalog, PageOptions(language=language, site_slug="situs-uji"))


@pytest.mark.parametrize("language", ["id", "en"])
def test_generated_pages_match_golden_files(language, update_golden):
    pages = rendered(language)
    folder = EXPECTED / language
    if update_golden:
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/expected/{language}/{path}"
