"""The one catalog of what Berdaya tells trainers, in Indonesian and English.

Every content and data message (validation, trainings, needs and results
imports, the command line's own words) is an entry in
``locales/messages/<part>.yml`` (one file per part of Berdaya: content,
site, training, needs, results, export, cli) with an ``id`` and an ``en`` text, looked up by
key and filled with ``str.format`` fields (``fill``: a field may also pick
a word by its number, ``{days:day|days}``, for English; Indonesian never
needs it). Code never spells a message
itself, so a translation can't be forgotten (a test checks every entry has
both languages and every key used in the code exists).

The language is chosen once per run by the door with ``use_language``:
``--lang`` (command line) wins over the ``BERDAYA_LANG`` environment
variable, which wins over the site's ``theme.language``; without any of
them messages are in Indonesian. A ``ContentError`` holds its texts already
worded, so choose the language before loading.
"""

from __future__ import annotations

import os
import string
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import yaml

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"  # Indonesian first, like the site
FALLBACK_LANGUAGE = "en"  # a site in another language gets English messages
ENVIRONMENT_VARIABLE = "BERDAYA_LANG"
_state = {"language": DEFAULT_LANGUAGE}


def choose_language(site_language: str | None, override: str | None = None) -> str:
    """The language of a run: ``--lang``, else ``BERDAYA_LANG``, else the site's ``theme.language``."""
    chosen = override or os.environ.get(ENVIRONMENT_VARIABLE) or site_language or DEFAULT_LANGUAGE
    code = chosen.replace("_", "-").split("-")[0].strip().lower()
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def use_language(site_language: str | None, override: str | None = None) -> str:
    """Set the language of every later message (see ``choose_language``); returns it."""
    _state["language"] = choose_language(site_language, override)
    return _state["language"]


def current_language() -> str:
    return _state["language"]


@contextmanager
def language(code: str) -> Iterator[None]:
    """Messages in ``code`` for the duration of a block (tests, one-off renders)."""
    before = _state["language"]
    _state["language"] = code
    try:
        yield
    finally:
        _state["language"] = before


def message(key: str, /, **values: Any) -> str:
    """The text of message ``key`` in the current language, fields filled in.

    Keys are always written out in full at the call (never built from parts),
    so the catalog test can find every key the code uses."""
    entry = catalog()[key]
    return fill(entry[_state["language"]], **values)


class _WordsByNumber(string.Formatter):
    """``{n:one|other}`` writes the first word when n is 1, else the second (English's rule)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int):
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        return super().format_field(value, format_spec)


_FORMATTER = _WordsByNumber()


def fill(template: str, /, **values: Any) -> str:
    """``template`` with its fields filled in, ``str.format`` style, plus ``{n:one|other}``."""
    return _FORMATTER.format(template, **values)


def number(value: int) -> str:
    """A whole number grouped as the language writes it: 1,000,000 or 1.000.000."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if _state["language"] == "id" else grouped


@lru_cache(maxsize=None)
def catalog() -> dict[str, dict[str, str]]:
    """Every entry of every part's file; a key defined twice is a mistake in Berdaya itself."""
    entries: dict[str, dict[str, str]] = {}
    folder = resources.files("generator.content").joinpath("locales", "messages")
    for part in sorted(folder.iterdir(), key=lambda item: item.name):
        if not part.name.endswith(".yml"):
            continue
        for key, entry in (yaml.safe_load(part.read_text(encoding="utf-8")) or {}).items():
            if key in entries:
                raise RuntimeError(f"message key {key!r} is defined twice ({part.name})")
            entries[key] = entry
    return entries
