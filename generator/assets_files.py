"""The widget's static files and where they go in a built site."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SITE_DIR = "assets/berdaya"
STYLESHEETS = ("quiz.css",)
SCRIPTS = ("quiz.js",)


def asset_sources() -> dict[str, Path]:
    """{site path: file in the installed package} for every widget asset."""
    package = resources.files("generator").joinpath("assets")
    return {f"{SITE_DIR}/{name}": Path(str(package.joinpath(name))) for name in (*STYLESHEETS, *SCRIPTS)}


def stylesheet_paths() -> list[str]:
    return [f"{SITE_DIR}/{name}" for name in STYLESHEETS]


def script_paths() -> list[str]:
    return [f"{SITE_DIR}/{name}" for name in SCRIPTS]
