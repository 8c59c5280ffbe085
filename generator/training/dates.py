"""Dates and times as an Indonesian (or English) reader expects them, through Babel."""

from __future__ import annotations

import datetime

from babel.dates import format_date

from .model import format_time


def long_date(date: datetime.date, language: str) -> str:
    """'Senin, 8 Maret 2027' (id) or 'Monday, 8 March 2027' (en)."""
    return format_date(date, "EEEE, d MMMM y", locale=_locale(language))


def short_date(date: datetime.date, language: str) -> str:
    return format_date(date, "d MMMM y", locale=_locale(language))


def date_range(first: datetime.date, last: datetime.date, language: str) -> str:
    if first == last:
        return short_date(first, language)
    return f"{short_date(first, language)} – {short_date(last, language)}"


def time_span(start: int, end: int) -> str:
    """'08.00–08.45': the dot is how Indonesian writes times."""
    return f"{format_time(start)}–{format_time(end)}"


def _locale(language: str) -> str:
    return "id" if language.split("-")[0].lower() == "id" else "en_GB"
