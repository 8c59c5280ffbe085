"""A schedule as plain text for the terminal (``berdaya schedule ID``)."""

from __future__ import annotations

from ..content.messages import message
from .dates import long_date, time_span
from .model import Training
from .schedule import Pause, Schedule, Session


def schedule_text(training: Training, schedule: Schedule, language: str, break_title: str) -> str:
    lines = [training.title, ""]
    for day in schedule.days:
        heading = message("training_terminal_day", number=day.number)
        if day.date is not None:
            heading = f"{heading} · {long_date(day.date, language)}"
        if day.plan.title:
            heading = f"{heading} · {day.plan.title}"
        lines.append(heading)
        for entry in day.entries():
            lines.append("  " + _entry_line(entry, break_title))
        if not day.sessions:
            lines.append("  " + message("training_terminal_empty_day"))
        lines.append("")
    lines.append(message("training_terminal_total", jp=schedule.total_jp, days=len(schedule.days), available=schedule.capacity_jp))
    return "\n".join(lines)


def _entry_line(entry: Session | Pause, break_title: str) -> str:
    span = time_span(entry.start, entry.end)
    if isinstance(entry, Pause):
        return f"{span}  {'':>5}  {entry.title or break_title}"
    title = entry.item.title
    if entry.pieces > 1:
        title = f"{title} ({message('training_terminal_piece', piece=entry.piece, pieces=entry.pieces)})"
    return f"{span}  {entry.jp:>2} JP  {title}"
