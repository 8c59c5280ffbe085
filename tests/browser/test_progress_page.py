"""The results pages in Chromium on a phone: "Kemajuan saya" reads what the
quiz widget stored; pre-test and post-test are sent to the collection page."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.browser.test_site import TESTS, _Quiet, mkdocs_build


@pytest.fixture(scope="module")
def results_base(tmp_path_factory):
    site = tmp_path_factory.mktemp("results") / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    mkdocs_build(TESTS / "fixtures/sample-project", site, SITE_URL=base + "/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def answer_first_choice(page, count):
    questions = page.locator(".bq-q")
    for index in range(count):
        question = questions.nth(index)
        question.locator("input").first.check()
        question.locator(".bq-actions .bq-pri").click()


def test_progress_shows_each_quiz_and_what_to_review(page, results_base):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(results_base + "/kemajuan/")
    first = page.locator(".bp-quiz").first
    page.locator(".bp-summary").filter(has_text="0 dari").wait_for()
    assert "Belum dimulai" in first.inner_text()
    page.goto(results_base + "/uji/dasar/")
    page.locator(".bq-q").first.wait_for()
    answer_first_choice(page, 2)
    page.goto(results_base + "/kemajuan/")
    page.locator(".bp-badge.bp-started").first.wait_for()
    text = first.inner_text()
    assert "Sedang dikerjakan" in text and "2 dari 5 soal dijawab" in text
    review = first.locator(".bp-review a")
    assert review.count() >= 1 and review.first.get_attribute("href").startswith("../modul/dasar/#")
    page.screenshot(path=str(TESTS.parent / "test-artifacts/progress-phone.png"), full_page=True)
    page.locator(".bp-reset-ask").click()
    page.locator(".bp-reset-yes").click()
    page.locator(".bp-reset-done").filter(has_text="dihapus").wait_for()
    assert "Belum dimulai" in first.inner_text()
    assert errors == []
