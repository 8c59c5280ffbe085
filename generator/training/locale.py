"""Words on training pages and in the terminal schedule, by language (id, en)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..site.locale import language_code


def training_strings(language: str) -> dict[str, Any]:
    return _catalog()[language_code(language)]


def session_titles(language: str) -> dict[str, str]:
    return training_strings(language)["sessions"]


@lru_cache(maxsize=None)
def _catalog() -> dict[str, Any]:
    text = resources.files("generator.training").joinpath("locales", "pages.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
