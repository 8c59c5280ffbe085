"""Interface words for pages and the quiz widget, chosen by theme.language."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANGUAGE = "id"
SCRIPT_WORDS = ("table_region", "table_region_untitled")


def language_code(theme_language: str | None) -> str:
    """Map Material's ``theme.language`` (e.g. 'id', 'en', 'en-GB') to a locale we ship."""
    code = (theme_language or DEFAULT_LANGUAGE).split("-")[0].lower()
    return code if code in _available() else DEFAULT_LANGUAGE


def page_strings(language: str) -> dict[str, Any]:
    return _catalog("pages.yml")[language_code(language)]


def script_words(language: str) -> dict[str, str]:
    """The words site.js uses on every page, hand-written pages included."""
    strings = page_strings(language)
    return {key: strings[key] for key in SCRIPT_WORDS}


def widget_strings(language: str) -> dict[str, str]:
    return _catalog("widget.yml")[language_code(language)]


@lru_cache(maxsize=None)
def _catalog(name: str) -> dict[str, Any]:
    text = resources.files("generator.site").joinpath("locales", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _available() -> set[str]:
    return set(_catalog("pages.yml"))
