"""`mkdocs serve` while a trainer edits: a broken save keeps the site up and
shows the problems on the page; the next good save takes them away."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BANNER = "#berdaya-problems"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(condition, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _get(url: str, timeout: float) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


@pytest.fixture
def served_site(site_copy: Path):
    """The fixture site under `mkdocs serve`, in its own language (Indonesian)."""
    port = _free_port()
    log = site_copy / "serve.log"
    env = {key: value for key, value in os.environ.items() if key != "BERDAYA_LANG"}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL="")
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site_copy, env=env, stdout=output, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(lambda: _get(base + "/modul/dasar/", 2)[0] == 200, "the first build")
        yield site_copy, base, log
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_broken_save_shows_on_the_page_and_goes_with_the_fix(served_site, page):
    site, base, log = served_site
    module = site / "docs/modules/dasar.yml"
    good = module.read_text(encoding="utf-8")
    page.goto(base + "/modul/dasar/")
    assert page.locator(BANNER).count() == 0

    module.write_text(good.replace("level: dasar", "level: dasr", 1), encoding="utf-8")
    banner = page.locator(BANNER)
    banner.wait_for(timeout=60_000)  # live reload brings the rebuilt page
    text = banner.inner_text()
    assert "docs/modules/dasar.yml:4:1" in text
    assert "'dasr' bukan salah satu dari: dasar, menengah, lanjut" in text
    assert "petunjuk: apakah maksudnya 'dasar'?" in text
    # The last good page is still there under the banner.
    assert page.locator("h1").first.inner_text().startswith("Dasar")

    # Another request while the content is broken is answered at once, with the banner.
    started = time.monotonic()
    status, html = _get(base + "/uji/dasar/", timeout=5)
    assert status == 200 and "berdaya-problems" in html
    assert time.monotonic() - started < 5

    # The same mistake saved again is printed in full again (MkDocs would drop a repeat).
    module.write_text(good.replace("level: dasar", "level: dasr", 1) + "\n", encoding="utf-8")
    _wait_for(lambda: log.read_text(encoding="utf-8").count("docs/modules/dasar.yml:4:1:") >= 2, "the second report")

    module.write_text(good, encoding="utf-8")
    banner.wait_for(state="detached", timeout=60_000)
    assert "berdaya-problems" not in _get(base + "/modul/dasar/", timeout=10)[1]
