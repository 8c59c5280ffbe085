"""Fixtures for the accessibility and HTML tests: the shipped curriculum built
once with --strict and served under its site_url path (/berdaya/) as on GitHub
Pages, and a Chromium for axe-core."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, NOT_FOUND, find_chromium, http_server  # noqa: F401 - shared fixture

PROJECT = Path(__file__).resolve().parents[2]
SITE_PATH = "berdaya"  # the path of site_url in mkdocs.yml


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The built site; its parent folder is the web root."""
    target = tmp_path_factory.mktemp("a11y") / SITE_PATH
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=PROJECT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture
def site_base(built_site, http_server) -> str:  # noqa: F811 - http_server is the shared fixture
    """URL of the site's root, e.g. http://127.0.0.1:4711/berdaya/."""
    return f"{http_server(built_site.parent)}/{SITE_PATH}/"


class BrowserThread:
    """The system Chromium, driven from a thread of its own.

    tests/browser keeps a session-wide sync Playwright in the main thread, and
    only one may run per thread; so here every call goes through run()."""

    def __init__(self, executable: str):
        from playwright.sync_api import sync_playwright

        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="a11y-chromium")
        self._playwright = self._thread.submit(lambda: sync_playwright().start()).result()
        self._browser = self.run(lambda _: self._playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True))

    def run(self, function, *args):
        """function(browser, *args), run in the browser's thread; returns its result."""
        return self._thread.submit(function, getattr(self, "_browser", None), *args).result()

    def close(self) -> None:
        self.run(lambda browser: (browser.close(), self._playwright.stop()))
        self._thread.shutdown()


@pytest.fixture(scope="module")  # runs beside tests/browser's Playwright: own thread
def chromium() -> BrowserThread:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not found, and CI=true so the accessibility tests may not be skipped.", pytrace=False)
        pytest.skip(NOT_FOUND)
    browser = BrowserThread(executable)
    yield browser
    browser.close()
