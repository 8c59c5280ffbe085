"""The pages of a training's tests, rendered without MkDocs: the pre-test never
carries feedback, trainer text is escaped, the results page reads the summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.content.catalog import Sources
from generator.project import load_project
from generator.results.aggregate import Aggregate
from generator.site import results_pages
from generator.site.pages import PageOptions, _Renderer
from tests.conftest import FIXTURE_SITE, TESTS

TRAINING = (TESTS / "fixtures/training-project/curricula/contoh.yml").read_text(encoding="utf-8")
FIELD = "tests:\n  questions: [dasar/tunggal, jamak, benar-salah, urutan]\n"
SUMMARY = {
    "format": "berdaya-results", "version": 1, "training": "contoh", "test_tag": 1, "questions": [],
    "participants": {"pre": 3, "post": 3, "both": 3, "only_pre": 0, "only_post": 0},
    "gain": {"pre_mean": 33.33, "post_mean": 66.67, "class_gain": 0.5, "band": "medium", "mean_of_gains": 0.361,
             "with_own_gain": 3, "perfect_pre": 0, "bands": {"low": 1, "medium": 1, "high": 1}},
    "distribution": {"pre": [1, 0, 1, 0, 0, 0, 0, 1, 0, 0], "post": [0, 0, 0, 0, 0, 1, 0, 2, 0, 0]},
    "items": {"pre": [], "post": [
        {"question": "dasar/tunggal", "participants": 3, "right": 3, "unanswered": 0, "difficulty": 1.0, "discrimination": 0.0, "choices": [3, 0], "flags": ["too_easy"]},
        {"question": "dasar/benar-salah", "participants": 3, "right": 2, "unanswered": 0, "difficulty": 0.667, "discrimination": 1.0, "choices": [1, 2], "flags": []},
    ]},
}


def pages(tmp_path: Path, language: str = "id", summary: dict = SUMMARY) -> dict[str, str]:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    (site / "curricula").mkdir(exist_ok=True)
    (site / "curricula/contoh.yml").write_text(TRAINING + FIELD, encoding="utf-8")
    project = load_project(Sources(site, site / "docs/modules", site / "quizzes", site / "curricula"))
    options = PageOptions(language=language, site_slug="situs-uji")
    renderer = _Renderer(project.catalog, options)
    return results_pages.training_pages(project.catalog, project.training_items, renderer._render, options,
                                        {"contoh": Aggregate.model_validate(summary)})


def test_every_training_with_tests_gets_four_pages(tmp_path):
    assert sorted(pages(tmp_path)) == ["pelatihan/contoh/hasil.md", "pelatihan/contoh/kumpul.md",
                                      "pelatihan/contoh/post-test.md", "pelatihan/contoh/pre-test.md"]


def test_the_pre_test_saves_and_never_teaches(tmp_path):
    rendered = pages(tmp_path)
    pre, post = rendered["pelatihan/contoh/pre-test.md"], rendered["pelatihan/contoh/post-test.md"]
    assert 'data-bq-mode="pretest"' in pre and "bq-after" not in pre and "Simpan jawaban" in pre
    assert "data-bq-mode" not in post and "bq-after" in post and "Periksa jawaban" in post
    for text in (pre, post):
        assert 'data-q="dasar/tunggal"' in text and "vendor/qrcode.js" in text
        assert "<b>Contoh</b>" not in text and "<script>alert" not in text  # trainer text escaped
    assert "berdaya.v1.situs-uji.pelatihan.contoh.pre" in pre


def test_the_results_page_reads_the_summary_and_names_no_one(tmp_path):
    text = pages(tmp_path)["pelatihan/contoh/hasil.md"]
    assert "Gain ternormalisasi kelas ⟨g⟩ = 0.50, kategori sedang" in text
    assert "| Peserta dengan kedua tes | 3 |" in text
    assert "terlalu mudah" in text and "Benar: 1<br>Salah ✓: 2" in text
    assert "Soal yang perlu ditinjau penulisnya (terlalu mudah, terlalu sulit, atau daya beda negatif): nomor 1." in text
    assert yaml.safe_load(text.split("---")[1])["title"].startswith("Hasil pre-test dan post-test")


def test_an_example_summary_says_so_on_its_page(tmp_path):
    assert "data rekaan" not in pages(tmp_path)["pelatihan/contoh/hasil.md"]
    text = pages(tmp_path / "x", summary={**SUMMARY, "example": True})["pelatihan/contoh/hasil.md"]
    assert '!!! warning "Contoh dengan data rekaan"' in text and "bukan dari pelatihan yang sungguh terjadi" in text
    english = pages(tmp_path / "y", "en", summary={**SUMMARY, "example": True})["pelatihan/contoh/hasil.md"]
    assert "An example with made-up data" in english


def test_the_send_box_data_carries_every_word_resultsend_js_shows_there_and_no_other():
    import re

    from generator.site.results_pages import SEND_STRINGS, strings

    script = (Path(__file__).resolve().parents[2] / "generator/site/assets/resultsend.js").read_text(encoding="utf-8")
    used = set()
    for name in ("sendBox", "preLock"):
        body = script[script.index(f"function {name}("):]
        body = body[:body.index("\n  }\n")]
        used |= set(re.findall(r"\bt\.(\w+)", body))
    assert used == set(SEND_STRINGS)
    assert set(SEND_STRINGS) <= set(strings("results_page_", "id")) and set(SEND_STRINGS) <= set(strings("results_page_", "en"))
