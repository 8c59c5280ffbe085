"""Placing a training's sessions into days: pure time arithmetic over plain data.

Times are whole minutes after midnight. A day is its start and end with
breaks cut out of it; what is left are free slots. Each item of the program
(a module, a built-in session, a field practice) is laid into the slots in
order, as whole JP: when the current slot has room for fewer JP than the
item still needs, the item is split at a JP boundary and goes on after the
break (or the next morning). So no session crosses a break or the end of a
day, and the JP of every item are kept exactly. Nothing here reads files or
knows about YAML; training_schedule() in plan.py builds the inputs from a
training.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterable, Sequence

MAX_DAYS = 60  # a bound for trainings without a set number of days


@dataclass(frozen=True)
class Item:
    """One thing to schedule, in JP. ``parts`` splits it by hand; each later part starts a new day."""

    key: str
    title: str
    jp: int
    kind: str = "module"  # module | session | field
    index: int = 0
    new_day: bool = False
    parts: tuple[int, ...] = ()
    keep_together: bool = False  # built-in sessions: moved to the next slot rather than split

    def part_sizes(self) -> tuple[int, ...]:
        return self.parts or (self.jp,)


@dataclass(frozen=True)
class Pause:
    start: int
    minutes: int
    title: str = ""

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class DayPlan:
    number: int
    start: int
    end: int
    breaks: tuple[Pause, ...] = ()
    date: datetime.date | None = None
    title: str = ""
    place: str = ""

    def free_slots(self) -> list[tuple[int, int]]:
        """The day minus its breaks, as (start, end) pairs in order."""
        slots = []
        cursor = self.start
        for pause in sorted(self.breaks, key=lambda pause: pause.start):
            if pause.start > cursor:
                slots.append((cursor, min(pause.start, self.end)))
            cursor = max(cursor, pause.end)
        if cursor < self.end:
            slots.append((cursor, self.end))
        return [(start, end) for start, end in slots if end > start]

    def capacity(self, jp_minutes: int) -> int:
        """Whole JP that fit into the day's free slots."""
        return sum((end - start) // jp_minutes for start, end in self.free_slots())


@dataclass(frozen=True)
class Session:
    """A piece of an item placed at one time on one day."""

    day: int
    start: int
    end: int
    jp: int
    item: Item
    piece: int = 1
    pieces: int = 1


@dataclass(frozen=True)
class Day:
    plan: DayPlan
    sessions: tuple[Session, ...]

    @property
    def number(self) -> int:
        return self.plan.number

    @property
    def date(self) -> datetime.date | None:
        return self.plan.date

    @property
    def jp(self) -> int:
        return sum(session.jp for session in self.sessions)

    def entries(self) -> list[Session | Pause]:
        """Sessions and the breaks between them, in time order (no break after the last session)."""
        if not self.sessions:
            return []
        last_end = self.sessions[-1].end
        pauses = [pause for pause in self.plan.breaks if self.plan.start <= pause.start < last_end]
        return sorted([*self.sessions, *pauses], key=lambda entry: (entry.start, isinstance(entry, Session)))


@dataclass(frozen=True)
class Schedule:
    days: tuple[Day, ...]
    jp_minutes: int
    unplaced: tuple[tuple[Item, int], ...] = ()  # items (and their JP) that found no room
    capacity_jp: int = 0  # the whole JP the given days offer

    @property
    def sessions(self) -> list[Session]:
        return [session for day in self.days for session in day.sessions]

    @property
    def total_jp(self) -> int:
        return sum(session.jp for session in self.sessions)

    @property
    def unplaced_jp(self) -> int:
        return sum(jp for _, jp in self.unplaced)


@dataclass
class _Cursor:
    """Where the next session goes: a day, a slot of that day, a minute of that slot."""

    days: Sequence[DayPlan]
    jp_minutes: int
    day: int = 0
    slot: int = 0
    minute: int = 0
    placed: list[list[Session]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.placed = [[] for _ in self.days]
        self._enter_day(0)

    def _enter_day(self, index: int) -> None:
        self.day, self.slot = index, 0
        slots = self._slots()
        self.minute = slots[0][0] if slots else 0

    def _slots(self) -> list[tuple[int, int]]:
        return self.days[self.day].free_slots() if self.day < len(self.days) else []

    @property
    def exhausted(self) -> bool:
        return self.day >= len(self.days)

    def room(self) -> int:
        """Whole JP left in the current slot."""
        slots = self._slots()
        if self.slot >= len(slots):
            return 0
        return (slots[self.slot][1] - self.minute) // self.jp_minutes

    def advance_slot(self) -> None:
        slots = self._slots()
        if self.slot + 1 < len(slots):
            self.slot += 1
            self.minute = slots[self.slot][0]
        else:
            self.next_day()

    def next_day(self) -> None:
        self._enter_day(self.day + 1)

    def day_is_empty(self) -> bool:
        return self.exhausted or not self.placed[self.day]

    def place(self, item: Item, jp: int) -> None:
        end = self.minute + jp * self.jp_minutes
        self.placed[self.day].append(Session(self.days[self.day].number, self.minute, end, jp, item))
        self.minute = end


def build_schedule(items: Iterable[Item], days: Sequence[DayPlan], jp_minutes: int) -> Schedule:
    """Lay ``items`` in order into ``days``; what does not fit is returned as ``unplaced``."""
    cursor = _Cursor(days, jp_minutes)
    unplaced: list[tuple[Item, int]] = []
    for item in items:
        for part_number, size in enumerate(item.part_sizes()):
            starts_day = item.new_day if part_number == 0 else True
            if starts_day and not cursor.day_is_empty():
                cursor.next_day()
            left = _place_part(cursor, item, size)
            if left:
                unplaced.append((item, left))
    placed = [Day(plan, tuple(sessions)) for plan, sessions in zip(days, cursor.placed)]
    capacity = sum(plan.capacity(jp_minutes) for plan in days)
    return Schedule(tuple(_number_all(placed)), jp_minutes, tuple(unplaced), capacity)


def _place_part(cursor: _Cursor, item: Item, size: int) -> int:
    """Place ``size`` JP of ``item`` from the cursor on; return the JP that found no room."""
    left = size
    # An item kept together waits for a slot that holds it whole, if any slot can.
    whole = item.keep_together and size <= _largest_slot(cursor.days, cursor.jp_minutes)
    while left and not cursor.exhausted:
        room = cursor.room()
        if room == 0 or (whole and room < left):
            cursor.advance_slot()
            continue
        taken = min(room, left)
        cursor.place(item, taken)
        left -= taken
    return left


def _largest_slot(days: Sequence[DayPlan], jp_minutes: int) -> int:
    return max(((end - start) // jp_minutes for plan in days for start, end in plan.free_slots()), default=0)


def _number_all(days: list[Day]) -> list[Day]:
    """Give every piece its number among the pieces of its item ("bagian 2 dari 3")."""
    counts: dict[tuple[str, int], int] = {}
    for day in days:
        for session in day.sessions:
            counts[(session.item.key, session.item.index)] = counts.get((session.item.key, session.item.index), 0) + 1
    seen: dict[tuple[str, int], int] = {}
    numbered = []
    for day in days:
        sessions = []
        for session in day.sessions:
            key = (session.item.key, session.item.index)
            seen[key] = seen.get(key, 0) + 1
            sessions.append(Session(session.day, session.start, session.end, session.jp, session.item, seen[key], counts[key]))
        numbered.append(Day(day.plan, tuple(sessions)))
    return numbered


def used_days(schedule: Schedule) -> int:
    """The number of the last day that has a session (0 when nothing was placed)."""
    return max((day.number for day in schedule.days if day.sessions), default=0)


def training_dates(start: datetime.date, count: int, weekends: bool) -> list[datetime.date]:
    """``count`` training days from ``start``: consecutive, Saturdays and Sundays left out unless ``weekends``."""
    dates = []
    day = start
    while len(dates) < count:
        if weekends or day.weekday() < 5:
            dates.append(day)
        day += datetime.timedelta(days=1)
    return dates
