"""Drive the quiz widget (generator/site/assets/quiz.js + quiz.css) in Chromium
on the standalone fixture page tests/browser/fixtures/quiz.html, which is the
real quiz template's output for tests/browser/fixtures/quiz.yml.

The fixture quiz (Indonesian strings from generator/site/locales/widget.yml):
  1 q01 single      right: "Masyarakat mampu ..."
  2 q02 multiple    right: Partisipasi, Kemandirian, Keberlanjutan
  3 q03 true_false  right: Salah (prompt shows an escaped <script> tag)
  4 q04 ordering    right: Pemetaan, Perencanaan, Pelaksanaan, Evaluasi
  5 q05 matching    right: FGD->Diskusi..., Curah->Menghasilkan..., Bermain->Berlatih...
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "generator" / "site" / "assets"
TEMPLATE = ROOT / "generator" / "site" / "templates" / "quiz_widget.html.j2"
FIXTURE = Path(__file__).parent / "fixtures" / "quiz.html"
LOCALES = ROOT / "generator" / "site" / "locales" / "widget.yml"
ARTIFACTS = ROOT / "test-artifacts"
KEY = "berdaya.v1.fixture.prinsip-pemberdayaan"
S = yaml.safe_load(LOCALES.read_text(encoding="utf-8"))["id"]

RIGHT = {
    1: "Masyarakat mampu mengambil keputusan dan bertindak sendiri",
    2: ["Partisipasi", "Kemandirian", "Keberlanjutan"],
    3: "Salah",
    4: ["Pemetaan kebutuhan", "Perencanaan partisipatif", "Pelaksanaan kegiatan", "Evaluasi bersama"],
    5: {
        "FGD": "Diskusi terarah dalam kelompok kecil",
        "Curah pendapat": "Menghasilkan banyak ide dengan cepat",
        "Bermain peran": "Berlatih menghadapi situasi nyata",
    },
}
WRONG = {
    1: "Masyarakat menerima bantuan secara rutin",
    2: ["Partisipasi"],
    3: "Benar",
    4: ["Pelaksanaan kegiatan", "Pemetaan kebutuhan", "Evaluasi bersama", "Perencanaan partisipatif"],
    5: {
        "FGD": "Menghasilkan banyak ide dengan cepat",
        "Curah pendapat": "Diskusi terarah dalam kelompok kecil",
        "Bermain peran": "Berlatih menghadapi situasi nyata",
    },
}


# --- fixtures and helpers ------------------------------------------------------


def test_fixture_page_is_current():
    """quiz.html is generated from quiz.yml with the real template and the current strings."""
    from tests.browser.fixtures.make_quiz_page import page_html

    assert FIXTURE.read_text(encoding="utf-8") == page_html(), (
        "tests/browser/fixtures/quiz.html is stale: run .venv/bin/python -m tests.browser.fixtures.make_quiz_page"
    )


@pytest.fixture
def site(tmp_path, http_server):
    """Copy the fixture page and the widget assets, keeping the repository
    layout so the page's relative ../../../generator/site/assets/ links resolve."""
    pages = tmp_path / "tests" / "browser" / "fixtures"
    pages.mkdir(parents=True)
    shutil.copy(FIXTURE, pages / "quiz.html")
    (tmp_path / "generator" / "site" / "assets").mkdir(parents=True)
    for name in ("quiz.js", "quiz.css"):
        shutil.copy(ASSETS / name, tmp_path / "generator" / "site" / "assets" / name)
    return http_server(tmp_path) + "/tests/browser/fixtures/quiz.html"


@pytest.fixture
def errors(page):
    """Uncaught exceptions, console errors/warnings and dialogs seen by the page."""
    seen: list[str] = []
    page.on("pageerror", lambda exc: seen.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: seen.append(f"console.{msg.type}: {msg.text}")
        if msg.type in ("error", "warning")
        else None,
    )

    def on_dialog(dialog):
        seen.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


LIVE = ".berdaya-quiz[data-bq-live]"  # set once the widget has enhanced the markup


def open_quiz(page, url):
    page.goto(url)
    page.wait_for_selector(LIVE)


def question(page, n):
    return page.locator(".bq-q").nth(n - 1)


def check(page, n):
    question(page, n).get_by_role("button", name=S["check"]).click()


def feedback(page, n):
    return question(page, n).locator(".bq-fb")


def order_now(page, n=4):
    return question(page, n).locator(".bq-item .bq-txt").evaluate_all(
        "els => els.map(e => e.firstChild.textContent)"
    )


def answer(page, n, response):
    """Give question n the response (by visible text), using the mouse."""
    q = question(page, n)
    if n in (1, 3):
        q.get_by_label(response, exact=True).check()
    elif n == 2:
        for text in response:
            q.get_by_label(text, exact=True).check()
    elif n == 4:
        for target, text in enumerate(response):
            while order_now(page).index(text) > target:
                q.get_by_role("button", name=f"{S['up']}: {text}").click()
    elif n == 5:
        for left, right in response.items():
            q.get_by_label(left, exact=True).select_option(label=right)


def answer_and_check(page, responses):
    for n, response in responses.items():
        answer(page, n, response)
        check(page, n)


def stored(page):
    raw = page.evaluate(f"localStorage.getItem({KEY!r})")
    return None if raw is None else json.loads(raw)


def summary_text(page):
    return page.locator(".bq-sum").inner_text()


# --- single / multiple / true_false --------------------------------------------


def test_single_right_shows_positive_feedback_and_explanation(page, site, errors):
    open_quiz(page, site)
    answer(page, 1, RIGHT[1])
    check(page, 1)
    fb = feedback(page, 1)
    assert fb.get_attribute("aria-live") == "polite"
    assert "✓" in fb.locator(".bq-status").inner_text()
    assert S["correct"] in fb.locator(".bq-status").inner_text()
    assert "kemandirian adalah intinya" in fb.inner_text()
    assert "Pemberdayaan berarti masyarakat" in fb.locator(".bq-expl").inner_text()
    assert fb.locator(".bq-expl em").inner_text() == "mampu"  # sanitized HTML kept
    assert fb.locator(".bq-review").count() == 0  # no review link when right
    q = question(page, 1)
    assert q.locator("input").evaluate_all("els => els.every(e => e.matches(':disabled'))")
    assert S["markCorrect"] in q.locator("label.bq-opt").first.inner_text()
    assert errors == []


def test_single_wrong_shows_feedback_explanation_and_review_link(page, site, errors):
    open_quiz(page, site)
    answer(page, 1, WRONG[1])
    check(page, 1)
    fb = feedback(page, 1)
    assert S["incorrect"] in fb.locator(".bq-status").inner_text()
    assert "✗" in fb.locator(".bq-status").inner_text()
    assert "ketergantungan" in fb.inner_text()
    assert fb.locator(".bq-expl").is_visible()
    review = fb.locator(".bq-review")
    assert review.inner_text() == f"{S['review']} Pengantar"
    link = review.get_by_role("link", name="Pengantar")
    assert link.get_attribute("href") == "../modul/prinsip-pemberdayaan/#pengantar"
    # The wrong pick and the right answer are both marked, in words.
    labels = question(page, 1).locator("label.bq-opt")
    assert S["markWrong"] in labels.nth(1).inner_text()
    assert S["markMissed"] in labels.nth(0).inner_text()
    # Locked until "Coba lagi".
    assert question(page, 1).get_by_role("button", name=S["check"]).is_hidden()
    question(page, 1).get_by_role("button", name=S["retry"]).click()
    assert question(page, 1).locator("input:checked").count() == 0
    assert question(page, 1).locator("input:disabled").count() == 0
    assert errors == []


def test_check_without_answer_says_what_to_do(page, site, errors):
    open_quiz(page, site)
    check(page, 1)
    assert feedback(page, 1).inner_text() == S["chooseFirst"]
    question(page, 5).get_by_label("FGD", exact=True).select_option(index=1)
    check(page, 5)
    assert feedback(page, 5).inner_text() == S["matchFirst"]
    assert stored(page) is None
    assert errors == []


def test_multiple_requires_the_exact_set(page, site, errors):
    open_quiz(page, site)
    q = question(page, 2)
    retry = q.get_by_role("button", name=S["retry"])
    for picks in (["Partisipasi", "Kemandirian"], RIGHT[2] + ["Ketergantungan pada donor"]):
        answer(page, 2, picks)
        check(page, 2)
        assert S["incorrect"] in feedback(page, 2).inner_text(), picks
        retry.click()
    answer(page, 2, RIGHT[2])
    check(page, 2)
    assert S["correct"] in feedback(page, 2).inner_text()
    assert "warga terlibat sejak awal" in feedback(page, 2).inner_text()
    assert stored(page)["answers"]["q02"] == {"rev": "b2c3d4e5", "response": [0, 1, 3], "correct": True}
    assert errors == []


def test_true_false_feedback_and_escaped_prompt(page, site, errors):
    open_quiz(page, site)
    legend = question(page, 3).locator("legend")
    assert "<script>alert(1)</script>" in legend.inner_text()
    assert legend.locator("script").count() == 0
    answer(page, 3, WRONG[3])
    check(page, 3)
    assert "Hati-hati" in feedback(page, 3).inner_text()
    question(page, 3).get_by_role("button", name=S["retry"]).click()
    answer(page, 3, RIGHT[3])
    check(page, 3)
    assert "selalu waspada" in feedback(page, 3).inner_text()
    assert stored(page)["answers"]["q03"]["response"] is False
    assert errors == []  # includes: no alert dialog


# --- ordering / matching --------------------------------------------------------


def test_ordering_with_move_buttons(page, site, errors):
    open_quiz(page, site)
    q = question(page, 4)
    up = q.get_by_role("button", name=f"{S['up']}: Pemetaan kebutuhan")
    up.click()
    assert order_now(page)[0] == "Pemetaan kebutuhan"
    # Focus follows the moved item, and the new position is announced.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"{S['up']}: Pemetaan kebutuhan"
    assert page.locator(".bq-sr").inner_text().strip() == "Pemetaan kebutuhan: sekarang di posisi 1 dari 4"
    assert up.get_attribute("aria-disabled") == "true"
    q.get_by_role("button", name=f"{S['down']}: Evaluasi bersama").click()
    assert order_now(page)[3] == "Evaluasi bersama"

    answer(page, 4, WRONG[4])
    check(page, 4)
    fb = feedback(page, 4)
    assert S["incorrect"] in fb.inner_text()
    assert fb.locator(".bq-key li").all_inner_texts() == RIGHT[4]
    marks = q.locator(".bq-item .bq-mark").all_inner_texts()
    assert len(marks) == 4 and all(S["markWrong"] in m for m in marks)
    q.get_by_role("button", name=S["retry"]).click()
    answer(page, 4, RIGHT[4])
    check(page, 4)
    assert S["correct"] in fb.inner_text()
    assert order_now(page) == RIGHT[4]
    assert stored(page)["answers"]["q04"]["response"] == [1, 3, 0, 2]
    assert errors == []


def test_matching_with_selects(page, site, errors):
    open_quiz(page, site)
    q = question(page, 5)
    first = q.locator("select").first
    assert first.locator("option").first.inner_text() == S["choosePair"]
    answer(page, 5, WRONG[5])
    check(page, 5)
    fb = feedback(page, 5)
    assert S["incorrect"] in fb.inner_text()
    assert fb.locator(".bq-key li").all_inner_texts() == [f"{k} → {v}" for k, v in RIGHT[5].items()]
    marks = q.locator(".bq-pair .bq-mark").all_inner_texts()
    assert [S["markCorrect"] in m for m in marks] == [False, False, True]
    q.get_by_role("button", name=S["retry"]).click()
    answer(page, 5, RIGHT[5])
    check(page, 5)
    assert S["correct"] in fb.inner_text()
    assert errors == []


# --- summary, persistence -------------------------------------------------------


def test_score_and_pass_after_all_checked(page, site, errors):
    open_quiz(page, site)
    answer_and_check(page, {1: WRONG[1], 2: RIGHT[2], 3: RIGHT[3], 4: RIGHT[4]})
    text = summary_text(page)
    assert "4 dari 5 soal dijawab" in text
    assert "Skor: 3 dari 5 benar" in text
    assert S["passed"] not in text and S["failed"] not in text  # not before the end
    answer_and_check(page, {5: RIGHT[5]})
    text = summary_text(page)
    assert "5 dari 5 soal dijawab" in text
    assert "Skor: 4 dari 5 benar" in text
    assert "Skor Anda 80% — batas lulus 70%" in text
    assert page.locator(".bq-badge").inner_text() == "✓" + S["passed"]
    assert page.locator(".bq-stat").get_attribute("aria-live") == "polite"
    assert errors == []


def test_fail_below_pass_mark(page, site, errors):
    open_quiz(page, site)
    answer_and_check(page, {1: WRONG[1], 2: WRONG[2], 3: RIGHT[3], 4: RIGHT[4], 5: RIGHT[5]})
    text = summary_text(page)
    assert "Skor Anda 60% — batas lulus 70%" in text
    assert S["failed"] in page.locator(".bq-badge").inner_text()
    assert S["failNote"] in text
    assert errors == []


def test_reload_restores_state(page, site, errors):
    open_quiz(page, site)
    answer_and_check(page, {1: WRONG[1], 2: RIGHT[2], 4: RIGHT[4], 5: WRONG[5]})
    answer(page, 3, RIGHT[3])  # answered but not checked: not kept
    before = [feedback(page, n).inner_text() for n in range(1, 6)]
    page.reload()
    page.wait_for_selector(LIVE)
    assert [feedback(page, n).inner_text() for n in range(1, 6)] == before
    # Labels now carry result marks too, so find the option by its text.
    assert question(page, 1).locator("label.bq-opt", has_text=WRONG[1]).locator("input").is_checked()
    assert order_now(page) == RIGHT[4]
    assert question(page, 5).get_by_label("FGD", exact=True).input_value() == "0"
    assert question(page, 2).locator("input:disabled").count() == 4
    assert "4 dari 5 soal dijawab" in summary_text(page)
    assert errors == []


VALID = {"rev": "a1b2c3d4", "response": 0, "correct": True}
CORRUPT = {
    "not json": "{not json",
    "null": "null",
    "number": "42",
    "array": "[1, 2]",
    "wrong version": json.dumps({"version": 2, "answers": {"q01": VALID}}),
    "answers is a list": json.dumps({"version": 1, "answers": [VALID]}),
    "answers is a string": json.dumps({"version": 1, "answers": "q01"}),
    "entry not an object": json.dumps({"version": 1, "answers": {"q01": 0}}),
    "unknown question id": json.dumps({"version": 1, "answers": {"q99": VALID, "__proto__": VALID}}),
    "rev mismatch": json.dumps({"version": 1, "answers": {"q01": {**VALID, "rev": "old"}}}),
    "correct not a bool": json.dumps({"version": 1, "answers": {"q01": {**VALID, "correct": "yes"}}}),
    "single out of range": json.dumps({"version": 1, "answers": {"q01": {**VALID, "response": 7}}}),
    "single not an int": json.dumps({"version": 1, "answers": {"q01": {**VALID, "response": 0.5}}}),
    "multiple out of range": json.dumps(
        {"version": 1, "answers": {"q02": {"rev": "b2c3d4e5", "response": [0, 9], "correct": False}}}
    ),
    "multiple duplicates": json.dumps(
        {"version": 1, "answers": {"q02": {"rev": "b2c3d4e5", "response": [1, 1], "correct": False}}}
    ),
    "multiple empty": json.dumps(
        {"version": 1, "answers": {"q02": {"rev": "b2c3d4e5", "response": [], "correct": False}}}
    ),
    "true_false not a bool": json.dumps(
        {"version": 1, "answers": {"q03": {"rev": "c3d4e5f6", "response": "false", "correct": True}}}
    ),
    "ordering not a permutation": json.dumps(
        {"version": 1, "answers": {"q04": {"rev": "d4e5f6a7", "response": [1, 1, 0, 2], "correct": False}}}
    ),
    "ordering out of range": json.dumps(
        {"version": 1, "answers": {"q04": {"rev": "d4e5f6a7", "response": [1, 3, 0, 4], "correct": False}}}
    ),
    "matching too short": json.dumps(
        {"version": 1, "answers": {"q05": {"rev": "e5f6a7b8", "response": [2, 0], "correct": False}}}
    ),
    "matching out of range": json.dumps(
        {"version": 1, "answers": {"q05": {"rev": "e5f6a7b8", "response": [2, 0, -1], "correct": False}}}
    ),
}


@pytest.mark.parametrize("raw", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_storage_is_discarded(page, site, errors, raw):
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(raw)})")
    open_quiz(page, site)
    assert page.locator(".bq-q").count() == 5
    assert page.locator(".bq-fb:not(:empty)").count() == 0
    assert "0 dari 5 soal dijawab" in summary_text(page)
    # Still usable, and the next save replaces the garbage.
    answer(page, 1, RIGHT[1])
    check(page, 1)
    assert stored(page) == {"version": 1, "answers": {"q01": VALID}}
    assert errors == []


def test_valid_entries_survive_next_to_corrupt_ones(page, site, errors):
    saved = {"version": 1, "answers": {"q01": VALID, "q04": {"rev": "x", "response": [0], "correct": 1}}}
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(json.dumps(saved))})")
    open_quiz(page, site)
    assert S["correct"] in feedback(page, 1).inner_text()
    assert feedback(page, 4).inner_text() == ""
    assert errors == []


def test_stored_correct_flag_is_recomputed(page, site, errors):
    saved = {"version": 1, "answers": {"q01": {**VALID, "response": 1, "correct": True}}}
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(json.dumps(saved))})")
    open_quiz(page, site)
    assert S["incorrect"] in feedback(page, 1).inner_text()
    assert errors == []


def test_works_without_localstorage(page, site, errors):
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('blocked', 'SecurityError'); }});"
    )
    open_quiz(page, site)
    answer_and_check(page, {1: RIGHT[1], 2: RIGHT[2], 3: RIGHT[3], 4: RIGHT[4], 5: RIGHT[5]})
    assert "Skor Anda 100%" in summary_text(page)
    page.get_by_role("button", name=S["clear"]).click()
    assert "0 dari 5 soal dijawab" in summary_text(page)
    assert errors == []


def test_full_storage_does_not_break(page, site, errors):
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    open_quiz(page, site)
    answer_and_check(page, {1: RIGHT[1]})
    assert S["correct"] in feedback(page, 1).inner_text()
    assert errors == []


# --- retry buttons --------------------------------------------------------------


def test_retry_wrong_clears_only_the_wrong_ones(page, site, errors):
    open_quiz(page, site)
    answer_and_check(page, {1: RIGHT[1], 2: WRONG[2], 3: RIGHT[3], 4: WRONG[4], 5: RIGHT[5]})
    page.get_by_role("button", name=S["retryWrong"]).click()
    assert [feedback(page, n).inner_text() != "" for n in range(1, 6)] == [True, False, True, False, True]
    assert question(page, 2).locator("input:checked").count() == 0
    assert question(page, 2).locator("input:disabled").count() == 0
    # Focus lands on the first cleared question.
    assert page.evaluate("document.activeElement.closest('.bq-q') === document.querySelectorAll('.bq-q')[1]")
    assert sorted(stored(page)["answers"]) == ["q01", "q03", "q05"]
    assert "3 dari 5 soal dijawab" in summary_text(page)
    assert page.get_by_role("button", name=S["retryWrong"]).is_hidden()
    assert errors == []


def test_retry_all_and_clear(page, site, errors):
    open_quiz(page, site)
    assert page.get_by_role("button", name=S["retryAll"]).is_hidden()  # nothing to redo yet
    answer_and_check(page, {1: RIGHT[1], 2: WRONG[2]})
    page.get_by_role("button", name=S["retryAll"]).click()
    assert page.locator(".bq-fb:not(:empty)").count() == 0
    assert stored(page) == {"version": 1, "answers": {}}
    answer_and_check(page, {3: RIGHT[3]})
    page.get_by_role("button", name=S["clear"]).click()
    assert stored(page) is None
    assert page.locator(".bq-sr").inner_text().strip() == S["cleared"]
    page.reload()
    page.wait_for_selector(LIVE)
    assert page.locator(".bq-fb:not(:empty)").count() == 0
    assert errors == []


# --- keyboard, layout, screenshot ------------------------------------------------


def tab_until(page, predicate_js, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_whole_quiz_by_keyboard_only(page, site, errors):
    open_quiz(page, site)
    kb = page.keyboard
    in_q = "e.closest('.bq-q') === document.querySelectorAll('.bq-q')[{}]"
    check_btn = f"e.textContent === {S['check']!r}"

    # 1 single: Tab into the radio group, pick the first choice with Space.
    tab_until(page, f"{in_q.format(0)} && e.type === 'radio'")
    kb.press("Space")
    tab_until(page, check_btn)
    kb.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == S["retry"]  # focus kept

    # 2 multiple: Space on choices 1, 2 and 4.
    tab_until(page, f"{in_q.format(1)} && e.type === 'checkbox'")
    for pick in (True, True, False, True):
        if pick:
            kb.press("Space")
        kb.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == S["check"]
    kb.press("Enter")

    # 3 true/false: arrows move within the radio group and select.
    tab_until(page, f"{in_q.format(2)} && e.type === 'radio'")
    kb.press("ArrowDown")
    tab_until(page, check_btn)
    kb.press("Enter")

    # 4 ordering: Enter on an item's "Naik" button; focus follows the item,
    # so Enter again keeps moving it.
    tab_until(page, f"{in_q.format(3)} && e.matches('.bq-mv')")
    for target, text in enumerate(RIGHT[4]):
        steps = order_now(page).index(text) - target
        if steps:
            tab_until(page, f"e.getAttribute('aria-label') === {S['up'] + ': ' + text!r}")
            for _ in range(steps):
                kb.press("Enter")
    assert order_now(page) == RIGHT[4]
    tab_until(page, check_btn)
    kb.press("Enter")

    # 5 matching: arrows change a focused <select>.
    for left in RIGHT[5]:
        tab_until(page, "e.tagName === 'SELECT'")
        wanted = page.evaluate(
            "t => [...document.activeElement.options].findIndex(o => o.text === t)", RIGHT[5][left]
        )
        for _ in range(wanted):
            kb.press("ArrowDown")
    tab_until(page, check_btn)
    kb.press("Enter")

    text = summary_text(page)
    assert "5 dari 5 soal dijawab" in text
    assert "Skor Anda 100%" in text
    assert page.locator(".bq-q.bq-is-ok").count() == 5
    assert errors == []


def no_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        " && [...document.querySelectorAll('.bq *')].every(e => e.getBoundingClientRect().right"
        " <= document.documentElement.clientWidth + 0.5)"
    )


def test_no_horizontal_scroll_at_320px(page, site, errors):
    page.set_viewport_size({"width": 320, "height": 640})
    open_quiz(page, site)
    assert no_horizontal_scroll(page)
    answer_and_check(page, WRONG)
    assert no_horizontal_scroll(page)
    # Touch targets: every button, option row and select is at least 44px tall.
    small = page.evaluate(
        "[...document.querySelectorAll('.bq button:not([hidden]), .bq-opt, .bq select')]"
        ".filter(e => e.offsetParent && e.getBoundingClientRect().height < 44).length"
    )
    assert small == 0
    assert errors == []


def test_screenshot_of_checked_quiz(page, site, errors):
    open_quiz(page, site)
    answer_and_check(page, {1: WRONG[1], 2: RIGHT[2], 3: RIGHT[3], 4: WRONG[4], 5: RIGHT[5]})
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("document.activeElement.blur()")
    page.screenshot(path=str(ARTIFACTS / "widget-fixture.png"), full_page=True)
    assert (ARTIFACTS / "widget-fixture.png").stat().st_size > 10_000
    assert errors == []


# --- start-up ----------------------------------------------------------------------


def test_initialises_each_container_once(page, site, errors):
    open_quiz(page, site)
    page.add_script_tag(url="../../../generator/site/assets/quiz.js")  # a second copy runs init again
    assert page.locator(".berdaya-quiz .bq").count() == 1
    # Enhanced once: one click moves an item one place, one check gives one status.
    question(page, 4).get_by_role("button", name=f"{S['up']}: Pemetaan kebutuhan").click()
    assert order_now(page)[:2] == ["Pemetaan kebutuhan", "Pelaksanaan kegiatan"]
    answer_and_check(page, {1: RIGHT[1]})
    assert feedback(page, 1).locator(".bq-status").count() == 1
    assert feedback(page, 1).locator(".bq-expl").count() == 1
    assert "1 dari 5 soal dijawab" in summary_text(page)
    assert errors == []


def swap_content(page, data_tag):
    """Do what Material's instant navigation does: fetch the page, replace the
    content with the fetched quiz box, then emit on document$ (twice)."""
    return page.evaluate(
        """async (tag) => {
        const html = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.berdaya-quiz');
        const json = fresh.querySelector('.berdaya-quiz-data').content.textContent;
        document.querySelector('main').replaceChildren(document.adoptNode(fresh));
        if (tag === 'bare-script') {
            // Material re-creates inline scripts with their text only: no type,
            // no class. The browser then runs the JSON, a SyntaxError.
            fresh.querySelector('.berdaya-quiz-data').remove();
            const s = document.createElement('script');
            s.textContent = json;
            fresh.append(s);
        }
        window.document$.subs.forEach(fn => fn(document));
        window.document$.subs.forEach(fn => fn(document));
        return document.querySelectorAll('.berdaya-quiz[data-bq-live] > .bq').length;
    }""",
        data_tag,
    )


@pytest.fixture
def material_stand_in(page):
    # Material's document$ replays the current document to each subscriber
    # and emits again after every instant navigation.
    page.add_init_script("window.document$ = { subs: [], subscribe(fn) { this.subs.push(fn); fn(); } };")


def test_material_document_observable(page, site, errors, material_stand_in):
    open_quiz(page, site)
    assert page.locator(".bq").count() == 1
    assert swap_content(page, "template") == 1  # new box enhanced, once, despite two emissions
    assert page.locator(".bq-q").count() == 5
    question(page, 4).get_by_role("button", name=f"{S['up']}: Pemetaan kebutuhan").click()
    assert order_now(page)[:2] == ["Pemetaan kebutuhan", "Pelaksanaan kegiatan"]
    answer_and_check(page, {1: RIGHT[1]})
    assert feedback(page, 1).locator(".bq-status").count() == 1
    assert errors == []


def test_material_instant_navigation_strips_script_attributes(page, site, errors, material_stand_in):
    open_quiz(page, site)
    assert swap_content(page, "bare-script") == 1
    assert page.locator(".bq-q").count() == 5
    answer_and_check(page, {1: RIGHT[1]})
    assert S["correct"] in feedback(page, 1).inner_text()
    # The only error is the browser running the attribute-less JSON script
    # (Material's doing); see the report on using <template> instead.
    assert len(errors) == 1 and "Unexpected token" in errors[0], errors


# --- before and without scripts ----------------------------------------------------


def test_readable_and_printable_without_scripts(chromium_browser, site):
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site)
    assert page.locator(".bq-q").count() == 5
    assert "Apa tujuan utama pemberdayaan masyarakat?" in question(page, 1).locator("legend").inner_text()
    assert question(page, 1).get_by_label(RIGHT[1], exact=True).is_visible()
    assert question(page, 2).locator("input[type=checkbox]").count() == 4
    assert question(page, 3).get_by_label("Salah", exact=True).is_visible()
    assert order_now(page) == WRONG[4]  # shown in the build's shuffled order
    assert question(page, 5).get_by_label("FGD", exact=True).locator("option").all_inner_texts()[1:] == [
        "Menghasilkan banyak ide dengan cepat", "Berlatih menghadapi situasi nyata", "Diskusi terarah dalam kelompok kecil"]
    # Nothing of the answers shows before a check (the feedback is in inert templates).
    assert "kemandirian adalah intinya" not in page.locator("main").inner_text()
    assert page.locator(".bq-noscript").is_visible()
    assert no_horizontal_scroll(page)
    page.emulate_media(media="print")
    assert question(page, 1).get_by_role("button", name=S["check"]).is_hidden()
    assert question(page, 4).locator(".bq-mv").first.is_hidden()
    assert page.locator(".bq-noscript").is_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "widget-fixture-noscript.pdf"), format="A4")
    assert (ARTIFACTS / "widget-fixture-noscript.pdf").stat().st_size > 10_000
    context.close()


def test_first_paint_needs_no_script(page, site):
    """The quiz is laid out before quiz.js runs, and enhancing it moves nothing."""
    crashes = []
    page.on("pageerror", lambda exc: crashes.append(str(exc)))
    page.route("**/quiz.js", lambda route: route.abort())  # as if the script were still on its way
    page.goto(site)
    tops = "[...document.querySelectorAll('.bq-q, .bq-sum')].map(e => e.getBoundingClientRect().top)"
    before = page.evaluate(tops)
    assert len(before) == 6 and page.locator(LIVE).count() == 0
    page.add_script_tag(url="../../../generator/site/assets/quiz.js?late")  # not matched by the route
    page.wait_for_selector(LIVE)
    assert page.evaluate(tops) == before
    answer_and_check(page, {1: RIGHT[1]})
    assert S["correct"] in feedback(page, 1).inner_text()
    assert crashes == []


def test_no_network_requests_beyond_the_page(page, site, errors):
    hosts = []
    page.on("request", lambda request: hosts.append(re.sub(r"^\w+://([^/]+)/.*$", r"\1", request.url)))
    open_quiz(page, site)
    answer_and_check(page, RIGHT)
    assert set(hosts) == {site.split("/")[2]}
    assert errors == []


# --- strings and size ------------------------------------------------------------


def test_strings_cover_every_key_the_widget_uses():
    locales = yaml.safe_load(LOCALES.read_text(encoding="utf-8"))
    assert set(locales) == {"id", "en"}
    assert set(locales["id"]) == set(locales["en"])
    for lang in locales.values():
        assert all(isinstance(v, str) and v.strip() for v in lang.values())
    for key in locales["id"]:
        assert set(re.findall(r"\{(\w+)\}", locales["id"][key])) == set(
            re.findall(r"\{(\w+)\}", locales["en"][key])
        ), key
    js = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    template = TEMPLATE.read_text(encoding="utf-8")
    used_js = set(re.findall(r"\bt\(\"(\w+)\"", js))
    used_template = {a or b for a, b in re.findall(r"\bw(?:\.(\w+)|\[\"(\w+)\"\])", template)}
    assert used_js | used_template <= set(locales["id"]), (used_js | used_template) - set(locales["id"])
    quoted = set(re.findall(r"\"(\w+)\"", js)) | used_template
    assert set(locales["id"]) <= quoted, set(locales["id"]) - quoted


def test_size_budget():
    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes(), 9)) for name in ("quiz.js", "quiz.css")}
    assert sum(sizes.values()) < 10_000, sizes
