"""A training and the modules it names -> the plain data the schedule and documents use.

Here the training's overrides are applied: a module's JP, its group, the
activities and sections it leaves out, its T/P/PL split. Everything is a
function of (training, catalog); nothing reads files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from ..content.catalog import Catalog
from ..content.model import Activity, Module
from .model import BUILT_IN_SESSIONS, FieldPracticeEntry, ModuleEntry, SessionEntry, Training
from .schedule import MAX_DAYS, DayPlan, Item, Pause, Schedule, build_schedule, training_dates

# Which part of the structure table an activity's minutes count towards:
# P (penugasan) for work participants do in groups, PL (praktik lapangan) for
# work in the field; everything else, and module time no activity covers, is T.
PENUGASAN_METHODS = frozenset({"fgd", "diskusi-kelompok", "studi-kasus", "bermain-peran", "simulasi", "permainan"})
LAPANGAN_METHODS = frozenset({"praktik-lapangan"})
KINDS = ("t", "p", "pl")

ProgramEntry = ModuleEntry | SessionEntry | FieldPracticeEntry


def method_kind(method: str) -> str:
    if method in LAPANGAN_METHODS:
        return "pl"
    if method in PENUGASAN_METHODS:
        return "p"
    return "t"


def default_group(module: Module) -> str:
    return "dasar" if module.level == "dasar" else "inti"


@dataclass(frozen=True)
class Subject:
    """One row of the curriculum structure: a module, a built-in session or a field practice."""

    index: int  # position in training.program
    kind: str  # module | session | field
    key: str  # module id, session id, or "praktik-lapangan-<n>"
    title: str
    group: str
    jp: int
    split: dict[str, int]  # t, p, pl; sums to jp
    entry: ProgramEntry
    module: Module | None = None  # adapted: skipped parts left out


def kept_activities(module: Module, entry: ModuleEntry) -> list[Activity]:
    skipped = set(entry.skip_activities)
    return [activity for activity in module.activities if activity.id not in skipped]


def adapted_module(module: Module, entry: ModuleEntry) -> Module:
    """The module as this training runs it: skipped sections and activities left out."""
    skipped_sections = set(entry.skip_sections)
    return module.model_copy(update={
        "sections": [section for section in module.sections if section.id not in skipped_sections],
        "activities": kept_activities(module, entry),
        "duration_jp": entry.duration_jp or module.duration_jp,
    })


def split_by_minutes(jp: int, minutes: dict[str, int], jp_minutes: int) -> dict[str, int]:
    """Share ``jp`` whole JP among T, P and PL in proportion to their minutes.

    Minutes of the module not covered by any activity count as T. Rounding is
    by largest remainder (ties in the order T, P, PL), so the three always add
    up to ``jp``."""
    shares = {kind: minutes.get(kind, 0) for kind in KINDS}
    uncovered = jp * jp_minutes - sum(shares.values())
    if uncovered > 0:
        shares["t"] += uncovered
    whole = sum(shares.values())
    if whole == 0:
        return {"t": jp, "p": 0, "pl": 0}
    exact = {kind: Fraction(jp * shares[kind], whole) for kind in KINDS}
    result = {kind: int(exact[kind]) for kind in KINDS}  # floor: all values are >= 0
    left = jp - sum(result.values())
    by_remainder = sorted(KINDS, key=lambda kind: (-(exact[kind] - result[kind]), KINDS.index(kind)))
    for kind in by_remainder[:left]:
        result[kind] += 1
    return result


def module_split(module: Module, entry: ModuleEntry, jp: int, jp_minutes: int) -> dict[str, int]:
    if entry.jp_split is not None:
        return {"t": entry.jp_split.t, "p": entry.jp_split.p, "pl": entry.jp_split.pl}
    minutes: dict[str, int] = {}
    for activity in kept_activities(module, entry):
        kind = method_kind(activity.method)
        minutes[kind] = minutes.get(kind, 0) + activity.duration_minutes
    return split_by_minutes(jp, minutes, jp_minutes)


def session_jp(entry: SessionEntry) -> int:
    return entry.duration_jp or BUILT_IN_SESSIONS[entry.session][0]


def subjects(training: Training, catalog: Catalog, session_titles: dict[str, str]) -> list[Subject]:
    """Every program item as a structure row, in program order; unknown modules are left out."""
    rows = []
    field_count = 0
    for index, entry in enumerate(training.program):
        if isinstance(entry, ModuleEntry):
            module = catalog.module(entry.module)
            if module is None:
                continue
            jp = entry.duration_jp or module.duration_jp
            split = module_split(module, entry, jp, training.schedule.jp_minutes)
            rows.append(Subject(index, "module", module.id, module.title, entry.group or default_group(module), jp, split, entry, adapted_module(module, entry)))
        elif isinstance(entry, SessionEntry):
            jp, group, kind = session_jp(entry), *BUILT_IN_SESSIONS[entry.session][1:]
            title = entry.title or session_titles.get(entry.session, entry.session)
            rows.append(Subject(index, "session", entry.session, title, entry.group or group, jp, {**dict.fromkeys(KINDS, 0), kind: jp}, entry))
        else:
            field_count += 1
            rows.append(Subject(index, "field", f"praktik-lapangan-{field_count}", entry.field_practice, entry.group, entry.duration_jp, {"t": 0, "p": 0, "pl": entry.duration_jp}, entry))
    return rows


def schedule_items(rows: list[Subject]) -> list[Item]:
    items = []
    for row in rows:
        parts = tuple(row.entry.parts) if isinstance(row.entry, ModuleEntry) else ()
        items.append(Item(row.key, row.title, row.jp, row.kind, row.index, row.entry.new_day, parts, keep_together=row.kind == "session"))
    return items


def day_plans(training: Training, count: int) -> list[DayPlan]:
    """The first ``count`` days of the training with their times, breaks and dates."""
    settings = training.schedule
    own = {setting.day: setting for setting in settings.day_settings}
    dates: list[datetime.date | None] = [None] * count
    if training.start_date is not None:
        dates = list(training_dates(training.start_date, count, settings.weekends))
    plans = []
    for number, date in enumerate(dates, start=1):
        setting = own.get(number)
        breaks = settings.breaks
        if date is not None and date.weekday() == 4 and settings.friday_breaks is not None:
            breaks = settings.friday_breaks
        if setting is not None and setting.breaks is not None:
            breaks = setting.breaks
        start = setting.day_start if setting and setting.day_start is not None else settings.day_start
        end = setting.day_end if setting and setting.day_end is not None else settings.day_end
        pauses = tuple(Pause(pause.start, pause.minutes, pause.title) for pause in breaks)
        plans.append(DayPlan(number, start, end, pauses, date, setting.title if setting else "", setting.place if setting else ""))
    return plans


def schedule_for(training: Training, catalog: Catalog, session_titles: dict[str, str], days: int | None = None) -> Schedule:
    """The training's schedule over its set number of days (or as many as it needs, up to MAX_DAYS).

    Pass ``days`` to schedule over another number of days (validation uses
    MAX_DAYS to learn how many days a training that runs over would need)."""
    count = days or training.schedule.days or MAX_DAYS
    schedule = build_schedule(schedule_items(subjects(training, catalog, session_titles)), day_plans(training, count), training.schedule.jp_minutes)
    if days is None and training.schedule.days is None:
        schedule = trim_days(schedule)
    return schedule


def trim_days(schedule: Schedule) -> Schedule:
    """Drop the empty days at the end of an open-ended schedule."""
    last = max((index for index, day in enumerate(schedule.days) if day.sessions), default=-1)
    kept = schedule.days[: last + 1]
    capacity = sum(day.plan.capacity(schedule.jp_minutes) for day in kept)
    return Schedule(kept, schedule.jp_minutes, schedule.unplaced, capacity)
