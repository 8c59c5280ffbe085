"""The needs report page: built only from the aggregate, chart accessible, table complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.content.catalog import Sources, load_catalog
from generator.content.errors import ContentErrors
from generator.site.pages import PageOptions, render_site

PROJECT = Path(__file__).resolve().parents[2]
PAGE = "kebutuhan/contoh-pendamping-desa.md"


@pytest.fixture(scope="module")
def pages():
    catalog = load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes"))
    return {language: render_site(catalog, PageOptions(language=language)) for language in ("id", "en")}


def test_the_shipped_sample_report_is_a_page(pages):
    text = pages["id"][PAGE]
    assert text.startswith("---\ntitle: 'Contoh: kebutuhan pelatihan pendamping desa (data rekaan)'")
    assert "## Ringkasan" in text and "## Peta Locus for Focus" in text and "## Peringkat kebutuhan" in text


def test_the_chart_has_a_title_a_description_and_one_dot_per_rated_competency(pages):
    svg = re.search(r"<svg .*?</svg>", pages["id"][PAGE], re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="locus-title locus-desc"' in svg
    assert '<title id="locus-title">' in svg and '<desc id="locus-desc">' in svg
    assert "tabel peringkat di bawah" in svg  # the table is its text alternative
    assert svg.count("<circle") == 13
    assert "\n\n" not in svg  # one HTML block for Markdown


def test_the_table_lists_every_competency_in_rank_order(pages):
    rows = [line for line in pages["en"][PAGE].splitlines() if re.match(r"^\| \d+ \|", line)]
    assert [int(row.split("|")[1]) for row in rows] == list(range(1, 14))
    assert rows[0].startswith("| 1 | [Menilai kebutuhan pelatihan](../modul/desain-pelatihan-berbasis-kebutuhan.md) | 42 | 4.43 | 2.17 | 2.26 | 10.02 |")


def test_numbers_use_the_page_language(pages):
    assert "| 10,02 |" in pages["id"][PAGE] and "| 10.02 |" in pages["en"][PAGE]


def test_the_summary_names_the_top_needs_and_their_modules(pages):
    text = pages["id"][PAGE]
    summary = text.split("## Ringkasan")[1].split("## Peta")[0]
    assert summary.index("1. Menilai kebutuhan pelatihan") < summary.index("2. Memetakan dan menggerakkan")
    assert "(../modul/desain-pelatihan-berbasis-kebutuhan.md)" in summary
    assert "Di kuadran HH" in summary


def test_trainer_text_in_the_framework_is_escaped(site_copy: Path):
    (site_copy / "curricula").mkdir()
    (site_copy / "curricula/competencies.yml").write_text(
        "competencies:\n  - id: a\n    title: <script>alert(1)</script>\n    description: x\n", encoding="utf-8")
    (site_copy / "kebutuhan").mkdir()
    report = {"survey": "s", "scale": {"low": 1, "high": 5}, "respondents": 3, "importance_cut": 4.0, "gap_cut": 1.0,
              "competencies": [{"id": "a", "rank": 1, "n": 3, "importance_mean": 4.0, "ability_mean": 3.0, "gap_mean": 1.0,
                                "mwds": 4.0, "gap_median": 1.0, "share_positive": 1.0, "quadrant": "HH"}]}
    (site_copy / "kebutuhan/s.yml").write_text(yaml.safe_dump(report), encoding="utf-8")
    text = render_site(load_catalog(Sources(site_copy, site_copy / "docs/modules", site_copy / "quizzes")), PageOptions())["kebutuhan/s.md"]
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "!!! warning" in text  # three respondents: the small-n warning


def test_a_report_naming_an_unknown_competency_is_reported_with_its_line(site_copy: Path):
    (site_copy / "curricula").mkdir()
    (site_copy / "curricula/competencies.yml").write_text("competencies:\n  - id: a\n    title: A\n    description: x\n", encoding="utf-8")
    (site_copy / "kebutuhan").mkdir()
    (site_copy / "kebutuhan/lain.yml").write_text(
        "survey: s\nscale: {low: 1, high: 5}\nrespondents: 1\ncompetencies:\n  - id: b\n    n: 0\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_catalog(Sources(site_copy, site_copy / "docs/modules", site_copy / "quizzes"))
    found = sorted((error.file, error.line, error.message) for error in raised.value.errors)
    assert found == [
        ("kebutuhan/lain.yml", 1, "the survey 's' must equal the file name 'lain'"),
        ("kebutuhan/lain.yml", 5, "there is no competency 'b' in curricula/competencies.yml"),
    ]


def test_the_self_assessment_page_asks_every_competency_with_the_survey_names(pages):
    from generator.needs.form import xml_name

    text = pages["id"]["penilaian-kebutuhan.md"]
    catalog = load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes"))
    for competency in catalog.competency_items:
        for kind in ("importance", "ability"):
            assert text.count(f'name="{xml_name(competency.id, kind)}"') == 5
    assert text.count("<fieldset class=\"bn-item\"") == 13
    assert 'data-berdaya-scripts="needs.css needs.js"' in text
    assert "berdaya.needs.v1.berdaya" in text.replace("&quot;", '"')
    assert "<built-in" not in text


def test_the_self_assessment_page_escapes_framework_text(site_copy: Path):
    (site_copy / "curricula").mkdir()
    (site_copy / "curricula/competencies.yml").write_text(
        'competencies:\n  - id: a\n    title: <img src=x onerror=alert(1)>\n    description: "\\" onmouseover=x <b>"\n', encoding="utf-8")
    text = render_site(load_catalog(Sources(site_copy, site_copy / "docs/modules", site_copy / "quizzes")), PageOptions())["penilaian-kebutuhan.md"]
    assert "<img" not in text and "<b>" not in text
