"""Shared fixtures: the small test site and helpers to copy and build it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content import messages

TESTS = Path(__file__).parent
FIXTURE_SITE = TESTS / "fixtures" / "sample-project"
PROJECT = TESTS.parent


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture site that a test may break."""
    target = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, target)
    return target


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Tests compare message texts in English unless they choose another
    language (``with messages.language("id"):``, or removing BERDAYA_LANG
    before running a door, which then speaks the site's language)."""
    monkeypatch.setenv(messages.ENVIRONMENT_VARIABLE, "en")
    with messages.language("en"):
        yield
