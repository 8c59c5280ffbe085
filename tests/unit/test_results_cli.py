"""berdaya results collect on a real site with a training that has tests, and the
tests: field of a training file checked with file and line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.content import messages
from generator.content.catalog import Sources
from generator.content.errors import ContentErrors
from generator.project import load_project
from generator.results import assessment
from generator.results.code import ResultCode, encode
from tests.conftest import FIXTURE_SITE, TESTS

TRAINING = (TESTS / "fixtures/training-project/curricula/contoh.yml").read_text(encoding="utf-8")
TESTS_FIELD = "tests:\n  questions: [dasar/tunggal, benar-salah, jamak, urutan]\n"


def site_with(tmp_path: Path, training_text: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    (site / "curricula").mkdir(exist_ok=True)
    (site / "curricula/contoh.yml").write_text(training_text, encoding="utf-8")
    return site


def project_of(site: Path):
    return load_project(Sources(site, site / "docs/modules", site / "quizzes", site / "curricula"))


def test_questions_by_reference_and_by_draw(tmp_path):
    site = site_with(tmp_path, TRAINING + TESTS_FIELD)
    project = project_of(site)
    test = assessment.for_training(project.catalog, project.training("contoh"))
    assert [item.ref for item in test.items] == ["dasar/tunggal", "dasar/benar-salah", "dasar/jamak", "dasar/urutan"]
    assert [item.type for item in test.items] == ["single", "true_false", "multiple", "ordering"]
    drawn = assessment.draw(project.catalog, "contoh", ["dasar", "lanjutan"], 3, seed=7)
    assert len(drawn) == 3 and drawn == assessment.draw(project.catalog, "contoh", ["dasar", "lanjutan"], 3, seed=7)
    assert all(ref.startswith("dasar/") for ref in drawn)
    # The banks' order is kept within a module.
    order = ["dasar/tunggal", "dasar/jamak", "dasar/benar-salah", "dasar/urutan", "dasar/pasangan"]
    assert drawn == sorted(drawn, key=order.index)


@pytest.mark.parametrize("field, expected", [
    ("tests:\n  questions: [dasar/tak-ada]\n", "curricula/contoh.yml:{line}:15: tests.questions[0]: there is no question dasar/tak-ada"),
    ("tests:\n  questions: [tunggal, tunggal]\n", "curricula/contoh.yml:{line}:24: tests.questions[1]: question tunggal is chosen twice"),
    ("tests:\n  per_module: 2\n  questions: [tunggal]\n", "curricula/contoh.yml:{line}:1: tests: give either questions or per_module"),
])
def test_mistakes_in_the_tests_field_name_file_and_line(tmp_path, field, expected):
    site = site_with(tmp_path, TRAINING + field)
    line = len(TRAINING.splitlines()) + 2
    with messages.language("en"), pytest.raises(ContentErrors) as problems:
        project_of(site)
    rendered = problems.value.render()
    assert expected.format(line=line if "per_module" not in field else line - 1) in rendered, rendered


def test_collect_writes_the_class_list_outside_and_the_summary_inside(tmp_path, capsys):
    site = site_with(tmp_path, TRAINING + TESTS_FIELD)
    project = project_of(site)
    test = assessment.for_training(project.catalog, project.training("contoh"))

    def code(kind, number, name, correct):
        return encode(ResultCode(test.training_tag, test.test_tag, kind, 3_600_000, number, name, correct, tuple(1 if ok else 2 for ok in correct)))

    T, X = True, False
    chat = tmp_path / "unduhan" / "WhatsApp Chat dengan Pelatihan.txt"
    chat.parent.mkdir()
    chat.write_text("\n".join([
        f"11/03/27 08.10 - Ani: {code('pre', '1', 'Ani', (T, X, X, X))}",   # 25 %
        f"11/03/27 08.11 - Budi: {code('pre', '2', 'Budi', (T, T, X, X))}",  # 50 %
        f"11/03/27 08.12 - Citra: {code('pre', '3', 'Citra', (X, X, X, X))}",  # 0 %, no post-test
        f"13/03/27 15.00 - Ani: {code('post', '1', 'Ani', (T, T, T, X))}",  # 75 %
        f"13/03/27 15.01 - Budi: {code('post', '2', 'Budi', (T, T, T, T))}",  # 100 %
        f"13/03/27 15.02 - Budi: {code('post', '2', 'Budi', (T, T, T, T))}",  # the same again
        "13/03/27 15.03 - Dodi: BRD1-0000",
    ]) + "\n", encoding="utf-8")
    with messages.language("en"):
        status = cli.main(["--config", str(site / "mkdocs.yml"), "results", "collect", str(chat)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "7 codes found for training contoh: 5 counted, 2 skipped" in out
    assert "left out: 1 with only a pre-test, 0 with only a post-test" in out
    # pre (25 + 50) / 2 = 37.5, post (75 + 100) / 2 = 87.5; <g> = 50 / 62.5 = 0.8
    assert "pre-test 37.5 %, post-test 87.5 %; class gain ⟨g⟩ = 0.80 (high)" in out
    # individual: Ani 50/75 = 0.667, Budi 50/50 = 1: mean 0.833
    assert "mean of individual gains: 0.83 (over 2 participants)" in out
    assert "WhatsApp Chat dengan Pelatihan.txt:6:" in err and "already in" in err
    assert "WhatsApp Chat dengan Pelatihan.txt:7:" in err and "cut off or mistyped" in err
    rows = list(csv.reader((chat.parent / "contoh-peserta.csv").open(encoding="utf-8")))
    assert [row[:5] for row in rows[1:]] == [["1", "Ani", "25.0", "75.0", "0.667"], ["2", "Budi", "50.0", "100.0", "1.000"], ["3", "Citra", "0.0", "", ""]]
    summary = yaml.safe_load((site / "results/contoh.yml").read_text(encoding="utf-8"))
    assert summary["gain"]["class_gain"] == 0.8 and summary["participants"]["only_pre"] == 1
    assert "Ani" not in (site / "results/contoh.yml").read_text(encoding="utf-8")


def test_collect_refuses_to_write_names_into_the_site(tmp_path, capsys):
    site = site_with(tmp_path, TRAINING + TESTS_FIELD)
    (site / "chat.txt").write_text("nothing\n", encoding="utf-8")
    with messages.language("en"):
        status = cli.main(["--config", str(site / "mkdocs.yml"), "results", "collect", "--training", "contoh", str(site / "chat.txt")])
    assert status == 2
    assert "may not be written inside the site's folder" in capsys.readouterr().err
    assert not (site / "results").exists()


def test_generate_writes_the_test_pages_as_the_plugin_does(tmp_path):
    site = site_with(tmp_path, TRAINING + TESTS_FIELD)
    assert cli.main(["--config", str(site / "mkdocs.yml"), "generate", str(tmp_path / "out")]) == 0
    for name in ("pre-test", "post-test", "kumpul"):
        assert (tmp_path / "out/pelatihan/contoh" / f"{name}.md").is_file()
    assert not (tmp_path / "out/pelatihan/contoh/hasil.md").exists()  # no results/contoh.yml yet
