"""The one catalog of what Berdaya tells trainers, in Indonesian and English.

Every content and data message (validation, trainings, needs and results
imports, the command line's own words) is an entry in
``locales/messages/<part>.yml`` (one file per part of Berdaya: content,
site, training, needs, results, export, cli) with an ``id`` and an ``en`` text, looked up by
key and filled with ``str.format`` fields. Code never spells a message
itself, so a translation can't be forgotten (a test checks every entry has
both languages and every key used in the code exists).

The language is chosen once per run by the door (the site's
``theme.language``, ``--lang`` or ``BERDAYA_LANG``) with ``use_language``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import yaml

LANGUAGES = ("id", "en")
ENVIRONMENT_VARIABLE = "BERDAYA_LANG"
_state = {"language": "en"}


def use_language(code: str | None) -> str:
    """Set the language of every later message; unknown codes fall back to English."""
    chosen = (os.environ.get(ENVIRONMENT_VARIABLE) or code or "en").split("-")[0].lower()
    _state["language"] = chosen if chosen in LANGUAGES else "en"
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


def message(key: str, **values: Any) -> str:
    """The text of message ``key`` in the current language, fields filled in."""
    entry = catalog()[key]
    return entry[_state["language"]].format(**values)


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
