"""Trainings: loading (times as written), the T/P/PL rule, the schedule of a real file, the commands."""

from __future__ import annotations

import datetime
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from generator import cli
from generator.content import messages
from generator.content.catalog import Sources
from generator.content.errors import ContentErrors
from generator.project import load_project
from generator.training.load import load_trainings
from generator.training.locale import session_titles
from generator.training.plan import split_by_minutes, subjects, schedule_for
from tests.conftest import FIXTURE_SITE, TESTS

TRAINING_FIXTURE = TESTS / "fixtures" / "training-project" / "curricula"


def sources(curricula: Path) -> Sources:
    return Sources(FIXTURE_SITE, FIXTURE_SITE / "docs/modules", FIXTURE_SITE / "quizzes", curricula)


@pytest.fixture(scope="module")
def project():
    return load_project(sources(TRAINING_FIXTURE))


def write(tmp_path: Path, text: str, name: str = "pelatihan") -> Path:
    folder = tmp_path / "curricula"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def test_times_are_read_as_written_with_a_dot_or_a_colon(tmp_path):
    folder = write(tmp_path, """\
id: pelatihan
title: Uji
schedule:
  day_start: 07.30
  day_end: 16:00
  breaks:
    - {start: 10.30, minutes: 15}
    - {start: "12:00", minutes: 60}
modules: [dasar]
""")
    schedule = load_project(sources(folder)).training_items[0].schedule
    assert (schedule.day_start, schedule.day_end) == (450, 960)
    assert [pause.start for pause in schedule.breaks] == [630, 720]


def test_competency_framework_in_curricula_is_not_a_training(tmp_path):
    folder = write(tmp_path, "competencies:\n  - id: x\n", name="competencies")
    assert load_trainings(sources(folder), None) == ([], [])


def test_trainings_are_checked_even_when_modules_are_broken(tmp_path):
    folder = write(tmp_path, "id: pelatihan\ntitle: Uji\nmodules: [dasar]\ntimezone: Mars/Olympus\n")
    with pytest.raises(ContentErrors) as raised:
        load_project(sources(folder))
    assert any("Mars/Olympus" in error.message for error in raised.value.errors)


def test_split_rule_shares_whole_jp_by_minutes():
    # 4 JP = 180 min: 75 min group work (P), 105 min not covered -> T. 4*75/180 = 1.67 P, 2.33 T.
    assert split_by_minutes(4, {"p": 75}, 45) == {"t": 2, "p": 2, "pl": 0}
    # activities longer than the module: shares of 120 + 60 + 60 minutes over 2 JP
    assert split_by_minutes(2, {"t": 120, "p": 60, "pl": 60}, 45) == {"t": 1, "p": 1, "pl": 0}
    assert split_by_minutes(3, {}, 45) == {"t": 3, "p": 0, "pl": 0}
    for jp in range(1, 9):
        for p in range(0, 400, 35):
            split = split_by_minutes(jp, {"p": p, "pl": 400 - p}, 45)
            assert sum(split.values()) == jp
            assert abs(split["p"] - Fraction(jp * p, 400)) < 1


def test_the_fixture_training_in_rows_and_days(project):
    training = project.training("contoh")
    titles = session_titles("id")
    rows = subjects(training, project.catalog, titles)
    assert [(row.key, row.group, row.jp, row.split) for row in rows] == [
        ("pembukaan", "penunjang", 1, {"t": 1, "p": 0, "pl": 0}),
        ("pre-test", "penunjang", 1, {"t": 0, "p": 1, "pl": 0}),
        ("dasar", "dasar", 3, {"t": 3, "p": 0, "pl": 0}),  # curah-pendapat counts as T
        ("lanjutan", "penunjang", 1, {"t": 0, "p": 1, "pl": 0}),  # jp_split override
        ("praktik-lapangan-1", "inti", 2, {"t": 0, "p": 0, "pl": 2}),
        ("post-test", "penunjang", 1, {"t": 0, "p": 1, "pl": 0}),
        ("penutupan", "penunjang", 1, {"t": 1, "p": 0, "pl": 0}),
    ]
    schedule = schedule_for(training, project.catalog, titles)
    assert [day.date for day in schedule.days] == [datetime.date(2027, 3, 11), datetime.date(2027, 3, 12), datetime.date(2027, 3, 15)]
    assert schedule.total_jp == sum(row.jp for row in rows) == 10
    # Friday's own break (09.30–10.00) and day 3's own start (07.30)
    friday = [(s.start, s.end) for s in schedule.days[1].sessions]
    assert friday == [(480, 525), (525, 570)]
    assert schedule.days[2].sessions[0].start == 450 and schedule.days[2].plan.title == "Praktik lapangan"


def site_with_training(tmp_path: Path, training: str | None = None) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    if training:
        shutil.copytree(TRAINING_FIXTURE, site / "curricula")
    return site


def test_new_training_writes_a_file_that_validates_and_schedules(tmp_path, capsys, monkeypatch):
    site = site_with_training(tmp_path)
    monkeypatch.chdir(site)
    with messages.language("en"):
        assert cli.main(["new", "training", "pelatihan-baru"]) == 0
        assert (site / "curricula/pelatihan-baru.yml").is_file()
        assert cli.main(["new", "training", "pelatihan-baru"]) == 1
        assert cli.main(["validate"]) == 0
        assert cli.main(["schedule", "pelatihan-baru"]) == 0
    out = capsys.readouterr().out
    assert "created curricula/pelatihan-baru.yml" in out
    assert "Day 1" in out and "Opening" in out


def test_schedule_command_prints_days_in_indonesian(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(site_with_training(tmp_path, "contoh"))
    monkeypatch.delenv(messages.ENVIRONMENT_VARIABLE)  # the site's language: id
    with messages.language("id"):
        assert cli.main(["schedule", "contoh"]) == 0
        assert cli.main(["schedule", "tidak-ada"]) == 1
    captured = capsys.readouterr()
    assert "Hari 2 · Jumat, 12 Maret 2027" in captured.out
    assert "08.00–08.45   1 JP  Pembukaan" in captured.out
    assert "Jumlah: 10 JP dalam 3 hari (13 JP tersedia)" in captured.out
    assert "tidak ada pelatihan 'tidak-ada'" in captured.err
