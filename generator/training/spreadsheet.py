"""A schedule as CSV (jadwal.csv) for the organiser's spreadsheet: one row per session and break.

UTF-8 with a byte order mark, so spreadsheet programs read Indonesian text
right; cells that start like a formula (=, +, -, @) get a leading quote,
since trainer text must never run as a formula on the organiser's computer.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from .model import format_time
from .schedule import Pause

if TYPE_CHECKING:
    from .documents import Documents


def schedule_csv(docs: "Documents") -> str:
    strings = docs.strings["csv"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([strings[name] for name in ("day", "date", "start", "end", "jp", "kind", "title", "part", "group", "facilitator", "place")])
    rows = {row.index: row for row in docs.rows}
    for day in docs.schedule.days:
        date = day.date.isoformat() if day.date else ""
        place = day.plan.place or docs.training.place
        for entry in day.entries():
            start, end = format_time(entry.start, ":"), format_time(entry.end, ":")
            if isinstance(entry, Pause):
                cells = [day.number, date, start, end, "", strings["break"], entry.title or docs.strings["break"], "", "", "", place]
            else:
                row = rows[entry.item.index]
                part = f"{entry.piece}/{entry.pieces}" if entry.pieces > 1 else ""
                cells = [day.number, date, start, end, entry.jp, strings["session"], row.title, part, docs.strings["groups"][row.group], row.entry.facilitator, getattr(row.entry, "place", "") or place]
            writer.writerow([_safe(cell) for cell in cells])
    return "\ufeff" + buffer.getvalue()


def _safe(cell: object) -> object:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
