"""Whole-site properties of the shipped curriculum, built once with --strict."""

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.linkcheck import broken_links, external_resources

PROJECT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
                          cwd=PROJECT, capture_output=True, text=True, env=ENV, timeout=600)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("project") / "site"
    result = build(target)
    assert result.returncode == 0, result.stderr
    return target


def test_every_generated_page_exists(built_site):
    modules = sorted(p.stem for p in (PROJECT / "docs/modules").glob("*.yml"))
    quizzes = sorted(p.stem for p in (PROJECT / "quizzes").glob("*.yml"))
    assert len(modules) >= 2 and len(quizzes) >= 2
    for module in modules:
        assert (built_site / f"modul/{module}.html").is_file()
    for quiz in quizzes:
        assert (built_site / f"uji/{quiz}.html").is_file()
    for page in ("index.html", "modul/index.html", "uji/index.html", "glosarium.html"):
        assert (built_site / page).is_file()


def test_no_broken_internal_links_or_anchors(built_site):
    assert broken_links(built_site, base_path="/berdaya/") == []


def test_link_checker_finds_a_broken_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#missing">x</a><a href="c.html">y</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h2 id="here">b</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a.html: b.html#missing (no such anchor)", "a.html: c.html (no such file)"]


def test_pages_load_nothing_from_other_hosts(built_site):
    assert external_resources(built_site) == []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, page


def test_two_builds_are_byte_identical(built_site, tmp_path):
    second = tmp_path / "again"
    assert build(second).returncode == 0
    comparison = filecmp.dircmp(built_site, second)
    assert _differences(comparison) == []


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = comparison.left_only + comparison.right_only + comparison.diff_files + comparison.funny_files
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_the_worked_notebook_is_executed_and_downloadable(built_site):
    page = (built_site / "panduan/analisis-kebutuhan.html").read_text(encoding="utf-8")
    article = page[page.index('<article'):page.index('</article>')]
    # Figures from this build's run on the shipped sample (43 respondents, top need's MWDS).
    assert "Dipakai: 43 responden" in article and "MWDS = 2945/294 ≈ 10.02" in article
    assert "<table>" in article and "HH:" in article and "Tidak muat:" in article
    assert "<script" not in article and "<style" not in article and "cdnjs" not in page
    assert "Traceback" not in article and "stderr" not in article  # no warnings either
    source = json.loads((built_site / "panduan/analisis-kebutuhan.ipynb").read_text(encoding="utf-8"))
    assert all(cell.get("outputs", []) == [] for cell in source["cells"])  # the shipped source, not the run


def test_every_training_page_and_file_is_built(built_site):
    trainings = sorted(p.stem for p in (PROJECT / "curricula").glob("*.yml") if p.name != "competencies.yml")
    assert trainings == ["pelatihan-dasar-3-hari", "pelatihan-lengkap-5-hari"]
    assert (built_site / "pelatihan/index.html").is_file()
    for training in trainings:
        folder = built_site / "pelatihan" / training
        for name in ("index.html", "struktur.html", "rancangan.html", "jadwal.html", "panduan.html", "jadwal.ics", "jadwal.csv"):
            assert (folder / name).is_file(), f"{training}/{name}"
        assert (folder / "jadwal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
        assert list((folder / "modul").glob("*.html"))
        days = sorted(folder.glob("panduan-hari-*.html"))
        assert days and (folder / "panduan-hari-1.html") in days
        guide = (folder / "panduan.html").read_text(encoding="utf-8")
        assert all(f'href="{day.name}"' in guide for day in days)
