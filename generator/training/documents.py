"""A training's documents: the data each page shows, computed from (training, catalog).

Pages are rendered by the site's renderer (generator/site/pages.py), so the
same Jinja environment and text filters handle every piece of trainer text;
the templates live in generator/site/templates/training/. The functions here
only arrange data: the structure table with its totals, the days of the
schedule, the guide's sessions, the materials checklist and answer keys.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..content.catalog import Catalog
from ..content.model import Activity, Module, QuizBank
from ..site.pages import PageOptions, page_renderer
from . import urls
from .calendar import calendar_text
from .dates import date_range, long_date, time_span
from .locale import training_strings
from .model import GROUPS, ModuleEntry, Training
from .plan import KINDS, Subject, schedule_for, subjects
from .schedule import Pause, Schedule, Session
from .spreadsheet import schedule_csv


@dataclass
class Documents:
    """Everything the pages of one training show, computed once."""

    training: Training
    rows: list[Subject]
    schedule: Schedule
    strings: dict[str, Any]
    language: str

    @property
    def modules(self) -> list[Subject]:
        return [row for row in self.rows if row.kind == "module"]

    @cached_property
    def first_days(self) -> dict[int, int]:
        """{index of a program item: the number of the day its first piece runs}."""
        found: dict[int, int] = {}
        for day in self.schedule.days:
            for session in day.sessions:
                found.setdefault(session.item.index, day.number)
        return found

    def dates(self) -> str:
        dated = [day.date for day in self.schedule.days if day.date is not None]
        return date_range(dated[0], dated[-1], self.language) if dated else ""

    def total(self) -> dict[str, int]:
        totals = {kind: sum(row.split[kind] for row in self.rows) for kind in KINDS}
        totals["jp"] = sum(row.jp for row in self.rows)
        return totals


def documents_for(training: Training, catalog: Catalog, language: str) -> Documents:
    strings = training_strings(language)
    rows = subjects(training, catalog, strings["sessions"])
    return Documents(training, rows, schedule_for(training, catalog, strings["sessions"]), strings, language)


# --- the curriculum structure ---------------------------------------------------


def structure_groups(docs: Documents) -> list[dict[str, Any]]:
    """Rows by group (dasar, inti, penunjang) with letters A, B, C and each group's totals."""
    groups = []
    for group in GROUPS:
        rows = [row for row in docs.rows if row.group == group]
        if not rows:
            continue
        totals = {kind: sum(row.split[kind] for row in rows) for kind in KINDS}
        groups.append({"letter": "ABC"[len(groups)], "group": group, "title": docs.strings["groups"][group], "rows": rows, "totals": totals, "jp": sum(row.jp for row in rows)})
    return groups


# --- the schedule ------------------------------------------------------------------


def day_heading(docs: Documents, day) -> str:
    heading = docs.strings["day"].format(number=day.number)
    if day.date is not None:
        heading = f"{heading}: {long_date(day.date, docs.language)}"
    return heading


def schedule_days(docs: Documents) -> list[dict[str, Any]]:
    days = []
    for day in docs.schedule.days:
        entries = [_entry(docs, entry) for entry in day.entries()]
        days.append({"number": day.number, "heading": day_heading(docs, day), "title": day.plan.title, "place": day.plan.place, "place": day.plan.place, "entries": entries, "jp": day.jp})
    return days


def _entry(docs: Documents, entry: Session | Pause) -> dict[str, Any]:
    if isinstance(entry, Pause):
        return {"break": True, "time": time_span(entry.start, entry.end), "title": entry.title or docs.strings["break"]}
    row = _row(docs, entry.item.index)
    part = docs.strings["part"].format(piece=entry.piece, pieces=entry.pieces) if entry.pieces > 1 else ""
    return {"break": False, "time": time_span(entry.start, entry.end), "jp": entry.jp, "title": row.title, "part": part, "row": row, "facilitator": row.entry.facilitator, "anchor": session_anchor(row), "guide": guide_page_of(docs, row)}


def _row(docs: Documents, index: int) -> Subject:
    return next(row for row in docs.rows if row.index == index)


def session_anchor(row: Subject) -> str:
    return f"sesi-{row.index + 1}"


def sessions_of(docs: Documents, row: Subject) -> list[dict[str, Any]]:
    """When a program item runs: every piece with its day and time."""
    found = []
    for day in docs.schedule.days:
        for session in day.sessions:
            if session.item.index == row.index:
                found.append({"day": day_heading(docs, day), "time": time_span(session.start, session.end), "jp": session.jp})
    return found


# --- the facilitator's guide -------------------------------------------------------
#
# panduan.md holds what concerns the whole training (how to use the guide, the
# days, the materials checklist); each day of the schedule has its own page,
# panduan-hari-<n>.md, with the program items that start on that day and the
# answer keys of their self-assessments, so that no page is heavy to load and
# each day prints on its own.


def guide_page_of(docs: Documents, row: Subject) -> str:
    """The guide page that holds a program item: its first day's, else the guide itself."""
    number = docs.first_days.get(row.index)
    training_id = docs.training.id
    return urls.guide_day_page(training_id, number) if number is not None else urls.training_page(training_id, "guide")


def unscheduled_rows(docs: Documents) -> list[Subject]:
    """Program items the schedule found no room for: the guide page itself holds them."""
    placed = docs.first_days
    return [row for row in docs.rows if row.index not in placed]


def guide_days(docs: Documents) -> list[dict[str, Any]]:
    """One entry per day: its page, heading, the items starting on it and those going on from before."""
    placed = docs.first_days
    days = []
    for day in docs.schedule.days:
        here = {session.item.index for session in day.sessions}
        rows = [row for row in docs.rows if placed.get(row.index) == day.number]
        continued = [row for row in docs.rows if row.index in here and placed[row.index] < day.number]
        days.append({
            "number": day.number, "heading": day_heading(docs, day), "title": day.plan.title, "place": day.plan.place,
            "path": urls.guide_day_page(docs.training.id, day.number), "rows": rows, "continued": continued,
            "jp": day.jp,
        })
    for index, day in enumerate(days):
        day["previous"] = days[index - 1] if index > 0 else None
        day["next"] = days[index + 1] if index + 1 < len(days) else None
    return days


_NUMBER = re.compile(r"\d+")
_PLENARY = ("pleno", "seluruh kelas", "whole class", "plenary")
_PER_PARTICIPANT = ("per peserta", "setiap peserta", "tiap peserta", "per orang", "per participant", "each participant")
_PER_GROUP = ("per kelompok", "setiap kelompok", "tiap kelompok", "per group", "each group")


def group_count(group_size: str, participants: int) -> int:
    """How many groups an activity makes: participants over the smallest group size it names."""
    text = group_size.casefold()
    if any(word in text for word in _PLENARY):
        return 1
    numbers = [int(number) for number in _NUMBER.findall(text) if int(number) > 0]
    if not numbers:
        return 1
    return max(1, math.ceil(participants / min(numbers)))


def material_count(material: str, groups: int, participants: int) -> tuple[int, str]:
    """(quantity, basis): one per participant when the material says so, else one per group."""
    text = material.casefold()
    if any(word in text for word in _PER_PARTICIPANT):
        return participants, "participant"
    if any(word in text for word in _PER_GROUP) or groups > 1:
        return groups, "group"
    return 1, "class"


def materials_checklist(docs: Documents) -> list[dict[str, Any]]:
    """Per module, in program order: each material of each activity run, with its count."""
    participants = docs.training.participants
    checklist = []
    for row in docs.modules:
        lines = []
        for activity in row.module.activities:
            groups = group_count(activity.group_size, participants)
            for material in activity.materials:
                quantity, basis = material_count(material, groups, participants)
                lines.append({"material": material, "quantity": quantity, "basis": basis, "groups": groups, "activity": activity})
        if lines:
            checklist.append({"row": row, "lines": lines})
    return checklist


def keys_of(keys: list[dict[str, Any]], rows: list[Subject]) -> list[dict[str, Any]]:
    """The answer keys of the given program items' modules, in program order."""
    indexes = {row.index for row in rows}
    return [key for key in keys if key["row"].index in indexes]


def answer_keys(docs: Documents, catalog: Catalog) -> list[dict[str, Any]]:
    keys = []
    for row in docs.modules:
        for quiz in catalog.quizzes_for(row.key):
            keys.append({"row": row, "quiz": quiz, "answers": [_answer(question) for question in quiz.questions]})
    return keys


def _answer(question) -> dict[str, Any]:
    kind = question.type
    if kind in ("single", "multiple"):
        answer = [choice.text for choice in question.choices if choice.correct]
    elif kind == "true_false":
        answer = [question.answer]
    elif kind == "ordering":
        answer = list(question.items)
    else:
        answer = [f"{pair.left} → {pair.right}" for pair in question.pairs]
    return {"question": question, "kind": kind, "answer": answer}


# --- the learning design (GBPP / RBPMP) ----------------------------------------------

_SUBHEADING = re.compile(r"^#{3,4}\s+(.+?)\s*(\{.*\})?\s*$", re.M)


def subtopics(body: str) -> list[str]:
    """Sub-topics of a section: the level-3 and level-4 headings in its body."""
    return [match.group(1) for match in _SUBHEADING.finditer(body)]


def methods_of(module: Module) -> list[str]:
    seen: list[str] = ["ceramah-interaktif"]
    for activity in module.activities:
        if activity.method not in seen:
            seen.append(activity.method)
    return seen


def media_of(module: Module) -> list[str]:
    seen: dict[str, str] = {}
    for activity in module.activities:
        for material in activity.materials:
            seen.setdefault(material.casefold(), material)
    return list(seen.values())


# --- all pages of all trainings ---------------------------------------------------------


def render_trainings(catalog: Catalog, trainings: list[Training], options: PageOptions) -> dict[str, str]:
    """{site path: text} for every training: Markdown pages, jadwal.ics and jadwal.csv."""
    if not trainings:
        return {}
    renderer = page_renderer(catalog, options)
    strings = training_strings(options.language)
    common = {"tt": strings, "turls": urls}
    all_docs = [documents_for(training, catalog, options.language) for training in trainings]
    pages = {urls.TRAININGS_INDEX: renderer.render("training/index.md.j2", urls.TRAININGS_INDEX, trainings=all_docs, **common)}
    for docs in all_docs:
        pages.update(_training_pages(renderer, docs, catalog, common))
    return pages


def _training_pages(renderer, docs: Documents, catalog: Catalog, common: dict[str, Any]) -> dict[str, str]:
    training = docs.training
    pages: dict[str, str] = {}

    def page(kind: str, template: str, **context: Any) -> None:
        path = urls.training_page(training.id, kind)
        pages[path] = renderer.render(template, path, training=training, docs=docs, **common, **context)

    calendar = calendar_text(training, docs.schedule, docs.rows)
    page("overview", "training/overview.md.j2", competencies=_competencies(docs, catalog), has_calendar=calendar is not None)
    page("structure", "training/structure.md.j2", groups=structure_groups(docs), total=docs.total())
    page("design", "training/design.md.j2", subtopics=subtopics, methods_of=methods_of, media_of=media_of)
    facilitators = any(row.entry.facilitator for row in docs.rows)
    page("schedule", "training/schedule.md.j2", days=schedule_days(docs), has_calendar=calendar is not None, facilitators=facilitators)
    days = guide_days(docs)
    guide = {"sessions_of": sessions_of, "anchor": session_anchor, "guide_page_of": guide_page_of}
    keys = answer_keys(docs, catalog)
    unscheduled = unscheduled_rows(docs)
    page("guide", "training/guide.md.j2", days=days, unscheduled=unscheduled, checklist=materials_checklist(docs), keys=keys_of(keys, unscheduled), **guide)
    for day in days:
        pages[day["path"]] = renderer.render("training/guide_day.md.j2", day["path"], training=training, docs=docs, day=day, keys=keys_of(keys, day["rows"]), **common, **guide)
    for row in docs.modules:
        path = urls.training_module_page(training.id, row.key)
        pages[path] = renderer.render(
            "training/module.md.j2", path, module=row.module, entry=row.entry, training=training,
            prerequisites=[m for m in (catalog.module(p) for p in row.module.prerequisites) if m is not None],
            quizzes=catalog.quizzes_for(row.key), **common,
        )
    if calendar is not None:
        pages[urls.training_file(training.id, urls.CALENDAR)] = calendar
    pages[urls.training_file(training.id, urls.SPREADSHEET)] = schedule_csv(docs)
    return pages


def _competencies(docs: Documents, catalog: Catalog) -> list[Any]:
    seen: dict[str, Any] = {}
    for row in docs.modules:
        for competency_id in row.module.competencies:
            competency = catalog.competency(competency_id)
            if competency is not None:
                seen.setdefault(competency_id, competency)
    return list(seen.values())
