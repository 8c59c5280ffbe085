"""A schedule as an iCalendar file (jadwal.ics): one event per session, local times with TZID.

Written with the icalendar library, which also adds the VTIMEZONE block
from the zone database, so phones show the times of the training's zone
(WIB, WITA, WIT) wherever they are. The file is the same on every build:
UIDs count the sessions and DTSTAMP is the training's first morning.
"""

from __future__ import annotations

import datetime
import zoneinfo

from icalendar import Calendar, Event

from .model import Training
from .plan import Subject
from .schedule import Schedule


def calendar_text(training: Training, schedule: Schedule, rows: list[Subject]) -> str | None:
    """The .ics text, or None when the training has no start_date (events need dates)."""
    if training.start_date is None:
        return None
    zone = zoneinfo.ZoneInfo(training.timezone)
    by_index = {row.index: row for row in rows}
    calendar = Calendar()
    calendar.add("prodid", "-//Berdaya//Jadwal pelatihan//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", training.title)
    calendar.add("x-wr-timezone", training.timezone)
    stamp = datetime.datetime.combine(training.start_date, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    number = 0
    for day in schedule.days:
        for session in day.sessions:
            number += 1
            row = by_index[session.item.index]
            event = Event()
            event.add("uid", f"{training.id}-{number:03d}@berdaya")
            event.add("dtstamp", stamp)
            event.add("dtstart", _at(day.date, session.start, zone))
            event.add("dtend", _at(day.date, session.end, zone))
            summary = row.title if session.pieces == 1 else f"{row.title} ({session.piece}/{session.pieces})"
            event.add("summary", summary)
            place = day.plan.place or getattr(row.entry, "place", "") or training.place
            if place:
                event.add("location", place)
            details = [f"{session.jp} JP", training.title]
            if row.entry.facilitator:
                details.append(row.entry.facilitator)
            event.add("description", " · ".join(details))
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def _at(date: datetime.date, minutes: int, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(minutes // 60, minutes % 60), tzinfo=zone)
