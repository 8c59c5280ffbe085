"""Fixtures for the accessibility and HTML tests: the shipped curriculum built
once per session with --strict and served (one server) under its site_url path
(/berdaya/) as on GitHub Pages, and one Chromium for axe-core."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, NOT_FOUND, _QuietHandler, find_chromium

PROJECT = Path(__file__).resolve().parents[2]
SITE_PATH = "berdaya"  # the path of site_url in mkdocs.yml


def build_site_once() -> Path:
    """The built site, built on first use and kept for the session; its parent
    folder is the web root. A plain function, not only a fixture, because
    test_axe.py samples the built pages while it collects its tests."""
    global _BUILT
    if _BUILT is None:
        root = Path(tempfile.mkdtemp(prefix="berdaya-a11y-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        target = root / SITE_PATH
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
            cwd=PROJECT, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if result.returncode != 0:
            raise RuntimeError("mkdocs build failed:\n" + result.stderr)
        _BUILT = target
    return _BUILT


_BUILT: Path | None = None


@pytest.fixture(scope="session")
def built_site() -> Path:
    return build_site_once()


@pytest.fixture(scope="session")
def site_base(built_site) -> str:
    """URL of the site's root, e.g. http://127.0.0.1:4711/berdaya/: one
    server for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SITE_PATH}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


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


@pytest.fixture(scope="session")  # one browser for every a11y test; beside tests/browser's Playwright: own thread
def chromium() -> BrowserThread:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not found, and CI=true so the accessibility tests may not be skipped.", pytrace=False)
        pytest.skip(NOT_FOUND)
    browser = BrowserThread(executable)
    yield browser
    browser.close()
