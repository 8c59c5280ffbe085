"""The results pages in Chromium on a phone: "Kemajuan saya" reads what the
quiz widget stored; pre-test and post-test are sent to the collection page."""

from __future__ import annotations

import functools
import json
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


# Picks per question for the fixture bank dasar (5 questions, pass 60 %). Ordering
# is left as shown (never the right order) and every pair gets the first answer
# (at most one pair right): both are always wrong.
GOOD = {"tunggal": [0], "jamak": [0, 1], "benar-salah": [1]}  # 3 of 5 = 60 %
WORSE = {"tunggal": [1], "jamak": [2], "benar-salah": [0]}  # 0 of 5


def take_quiz(page, plan):
    for question in page.locator(".bq-q").all():
        key = question.get_attribute("data-q").split("/")[-1]
        for index in plan.get(key, []):
            question.locator("input").nth(index).check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        question.locator('[data-bq="check"]').click()
        question.locator('[data-bq="retry"]:not([hidden])').wait_for()


def quiz_key(page):
    return json.loads(page.locator(".bp-quiz").first.get_attribute("data-berdaya-quiz"))["key"]


def test_progress_shows_best_and_last_score(page, results_base):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(results_base + "/uji/dasar/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    take_quiz(page, GOOD)
    page.locator(".bq-verdict").filter(has_text="Skor Anda 60%").wait_for()
    page.locator('[data-bq="retryAll"]').click()
    take_quiz(page, WORSE)
    page.locator(".bq-verdict").filter(has_text="Skor Anda 0%").wait_for()
    page.goto(results_base + "/kemajuan/")
    first = page.locator(".bp-quiz").first
    page.locator(".bp-badge.bp-started").first.wait_for()
    text = first.inner_text()
    assert "5 dari 5 soal dijawab" in text and "skor terakhir 0 %" in text and "skor terbaik 60 %" in text, text
    stored = page.evaluate("key => JSON.parse(localStorage.getItem(key))", quiz_key(page))
    assert stored["best"] == {"correct": 3, "total": 5, "percent": 60}
    # Trying again after the best stays the best; clearing the answers forgets it.
    page.goto(results_base + "/uji/dasar/")
    page.locator('[data-bq="clear"]:not([hidden])').click()
    page.goto(results_base + "/kemajuan/")
    page.locator(".bp-badge.bp-none").first.wait_for()
    assert "skor terbaik" not in first.inner_text()
    assert errors == []


def test_a_record_from_before_best_was_kept_counts_its_last_attempt_as_best(page, results_base):
    """Phones in the field hold records without "best": best = last, and the widget carries on from it."""
    page.goto(results_base + "/kemajuan/")
    page.locator(".bp-summary").filter(has_text="0 dari").wait_for()
    key = quiz_key(page)
    page.goto(results_base + "/uji/dasar/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    take_quiz(page, GOOD)
    # The same answers as an old widget wrote them: no "best".
    page.evaluate("key => { const v = JSON.parse(localStorage.getItem(key)); delete v.best; localStorage.setItem(key, JSON.stringify(v)); }", key)
    page.goto(results_base + "/kemajuan/")
    first = page.locator(".bp-quiz").first
    page.locator(".bp-badge.bp-passed").first.wait_for()
    assert "skor terakhir 60 %" in first.inner_text() and "skor terbaik 60 %" in first.inner_text()
    page.goto(results_base + "/uji/dasar/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    page.locator('[data-bq="retryAll"]').click()
    take_quiz(page, WORSE)
    page.goto(results_base + "/kemajuan/")
    page.locator(".bp-badge.bp-started").first.wait_for()
    text = first.inner_text()
    assert "skor terakhir 0 %" in text and "skor terbaik 60 %" in text, text
