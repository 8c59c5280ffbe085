"""The documents of a training agree with each other; the calendar file reads back."""

from __future__ import annotations

import csv
import datetime
import io
import re
import zoneinfo
from pathlib import Path

import icalendar
import pytest

from generator.content.catalog import Sources
from generator.project import load_project
from generator.site.pages import PageOptions
from generator.training.documents import documents_for, group_count, material_count, render_trainings, structure_groups
from generator.training.locale import training_strings
from tests.conftest import FIXTURE_SITE, PROJECT, TESTS

CURRICULA = TESTS / "fixtures" / "training-project" / "curricula"


def project_of(root: Path, curricula: Path):
    return load_project(Sources(root, root / "docs/modules", root / "quizzes", curricula))


PROJECTS = {
    "fixture": lambda: project_of(FIXTURE_SITE, CURRICULA),
    "shipped": lambda: project_of(PROJECT, PROJECT / "curricula"),
}


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def rendered(request):
    project = PROJECTS[request.param]()
    pages = render_trainings(project.catalog, project.training_items, PageOptions(language="id"))
    return project, pages


def test_structure_schedule_calendar_and_csv_agree_on_every_session_and_total(rendered):
    project, pages = rendered
    assert project.trainings
    for training in project.training_items:
        docs = documents_for(training, project.catalog, "id")
        sessions = docs.schedule.sessions
        # structure: groups add up to the grand total, every row to its JP
        groups = structure_groups(docs)
        assert sum(group["jp"] for group in groups) == docs.total()["jp"] == docs.schedule.total_jp
        for group in groups:
            assert sum(group["totals"].values()) == group["jp"]
        for row in docs.rows:
            assert sum(row.split.values()) == row.jp
            assert sum(s.jp for s in sessions if s.item.index == row.index) == row.jp
        # calendar: one event per session, same local times and length
        calendar = icalendar.Calendar.from_ical(pages[f"pelatihan/{training.id}/jadwal.ics"])
        events = list(calendar.walk("VEVENT"))
        assert len(events) == len(sessions)
        zone = zoneinfo.ZoneInfo(training.timezone)
        for event, session, day in zip(events, sessions, [d for d in docs.schedule.days for _ in d.sessions]):
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert start.tzinfo is not None and event["dtstart"].params["TZID"] == training.timezone
            assert start == datetime.datetime.combine(day.date, datetime.time(session.start // 60, session.start % 60), tzinfo=zone)
            assert (end - start).total_seconds() == session.jp * training.schedule.jp_minutes * 60
            assert str(event["summary"]).startswith(next(r.title for r in docs.rows if r.index == session.item.index))
        assert len({str(event["uid"]) for event in events}) == len(events)
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == training.timezone
        # CSV: the same sessions, the same JP
        text = pages[f"pelatihan/{training.id}/jadwal.csv"]
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text[1:])))
        session_rows = [row for row in rows if row["Jenis"] == "sesi"]
        assert len(session_rows) == len(sessions)
        assert sum(int(row["JP"]) for row in session_rows) == docs.total()["jp"]
        for row, session in zip(session_rows, sessions):
            assert (row["Mulai"], row["Selesai"]) == (f"{session.start // 60:02d}:{session.start % 60:02d}", f"{session.end // 60:02d}:{session.end % 60:02d}")
        # the schedule page lists every session's time
        schedule_page = pages[f"pelatihan/{training.id}/jadwal.md"]
        for session in sessions:
            assert f"{session.start // 60:02d}.{session.start % 60:02d}–{session.end // 60:02d}.{session.end % 60:02d}" in schedule_page


def test_shipped_trainings_are_three_and_five_days_from_the_eight_modules():
    project = PROJECTS["shipped"]()
    days = {training.id: len(documents_for(training, project.catalog, "id").schedule.days) for training in project.training_items}
    assert days == {"pelatihan-dasar-3-hari": 3, "pelatihan-lengkap-5-hari": 5}
    used = {entry.module for training in project.training_items for entry in training.modules if hasattr(entry, "skip_sections")}
    assert used == {module.id for module in project.catalog.module_items}


def test_group_and_material_counts():
    assert group_count("5–6 orang per kelompok", 30) == 6
    assert group_count("3 orang per kelompok (pendamping, warga, pengamat)", 30) == 10
    assert group_count("Seluruh kelas (pleno)", 30) == 1
    assert group_count("berpasangan", 30) == 1
    assert material_count("Lembar kasus, satu per peserta", 6, 30) == (30, "participant")
    assert material_count("Satu set kartu per kelompok", 6, 30) == (6, "group")
    assert material_count("Spidol", 6, 30) == (6, "group")
    assert material_count("Papan tulis", 1, 30) == (1, "class")


def test_trainer_text_cannot_become_a_spreadsheet_formula(tmp_path):
    folder = tmp_path / "curricula"
    folder.mkdir()
    (folder / "rumus.yml").write_text('id: rumus\ntitle: "=HYPERLINK(\\"http://x\\")"\nmodules:\n  - module: dasar\n    facilitator: "+62 812"\n', encoding="utf-8")
    project = project_of(FIXTURE_SITE, folder)
    pages = render_trainings(project.catalog, project.training_items, PageOptions(language="id"))
    rows = list(csv.reader(io.StringIO(pages["pelatihan/rumus/jadwal.csv"][1:])))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert "pelatihan/rumus/jadwal.ics" not in pages  # no start_date, no calendar


def _guide_pages(pages, training_id):
    """The guide's day pages of a training, in day order, as {path: text}."""
    prefix = f"pelatihan/{training_id}/panduan-hari-"
    return dict(sorted(((p, t) for p, t in pages.items() if p.startswith(prefix)), key=lambda item: int(item[0][len(prefix):-3])))


def test_answer_keys_and_session_steps_are_in_the_guide(rendered):
    project, pages = rendered
    strings = training_strings("id")
    for training in project.training_items:
        guide = "".join(_guide_pages(pages, training.id).values())
        for entry in training.program:
            if hasattr(entry, "session"):
                assert strings["session_steps"][entry.session][0] in guide
        for entry in training.modules:
            for quiz in project.catalog.quizzes_for(getattr(entry, "module", "") or ""):
                assert guide.count(f"{{ #kunci-{quiz.id} }}") == 1


_SESSION_HEADING = re.compile(r"^## \d+\. .* \{ #(sesi-\d+) \.berdaya-page \}$", re.M)
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#([^)\s]+))?\)")


def test_every_session_is_on_exactly_one_day_page_in_order_on_the_day_it_starts(rendered):
    project, pages = rendered
    for training in project.training_items:
        docs = documents_for(training, project.catalog, "id")
        day_pages = _guide_pages(pages, training.id)
        assert len(day_pages) == len(docs.schedule.days)
        found = [(number, anchor) for number, text in enumerate(day_pages.values(), 1) for anchor in _SESSION_HEADING.findall(text)]
        assert [anchor for _, anchor in found] == [f"sesi-{row.index + 1}" for row in docs.rows]
        first_day = {}
        for day in docs.schedule.days:
            for session in day.sessions:
                first_day.setdefault(f"sesi-{session.item.index + 1}", day.number)
        assert all(first_day[anchor] == number for number, anchor in found)
        # the guide page itself keeps the whole-training parts and no session
        guide = pages[f"pelatihan/{training.id}/panduan.md"]
        assert not _SESSION_HEADING.search(guide) and "{ #bahan .berdaya-page }" in guide
        for number, text in enumerate(day_pages.values(), 1):
            assert f"— Hari {number}" in text.split("\n# ", 1)[1].splitlines()[0]


def test_links_into_the_guide_land_on_a_page_and_anchor_that_exist(rendered):
    project, pages = rendered
    for training in project.training_items:
        folder = f"pelatihan/{training.id}/"
        sources = [folder + name for name in ("jadwal.md", "panduan.md", "index.md", *(p[len(folder):] for p in _guide_pages(pages, training.id)))]
        checked = 0
        for source in sources:
            for target, anchor in _LINK.findall(pages[source]):
                if not target.startswith("panduan"):
                    continue
                text = pages[folder + target]
                checked += 1
                if anchor:
                    assert f"{{ #{anchor} " in text or f"{{ #{anchor} }}" in text, (source, target, anchor)
        assert checked > len(training.program)
        days = list(_guide_pages(pages, training.id))
        for previous, current in zip(days, days[1:]):
            assert f"]({current[len(folder):]})" in pages[previous] and f"]({previous[len(folder):]})" in pages[current]
