"""axe-core (WCAG 2.1 A and AA) on every kind of page of the shipped
curriculum: at 320 px and 360 px (phones) and on a desktop, in the light and
the dark scheme. No violations allowed.

Page kinds: PAGES below is the one list. An entry is
    kind: (page in the built site, what to do before the check, or None)
Add an entry when a page must be opened, answered or scrolled first, or when
one particular page should stand for its kind. Pages nobody listed are found
by themselves: the built site is sampled, one page per URL prefix
(url_prefix(): "modul/*" is every page directly below modul/, "pelatihan/*/*"
one level deeper, "glosarium" a page of its own), and the largest page of
each prefix no entry covers is checked as "auto:<prefix>". So a new kind of
page is checked at every width and in both schemes as soon as the site builds
it. Different kinds under one prefix (pelatihan/<id>/jadwal and
pelatihan/<id>/struktur are both "pelatihan/*/*") are sampled once: list
each of them here.

Cost: one site build, one HTTP server and one Chromium for the whole session.
Each test (kind x scheme) opens its page once in a fresh browser context,
injects axe once, prepares the page, and checks it at every width by resizing
the window, as when a phone is turned; the page keeps its state.

axe-core comes from npm (package.json at the repository root, `npm ci`).
Without node_modules/axe-core these tests are skipped with a warning, except
under CI=true, where they must run.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from tests.a11y.conftest import build_site_once

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def wait_for_quiz(page) -> None:
    page.locator(".berdaya-quiz[data-bq-live] .bq-q").first.wait_for()  # enhanced, not only in the HTML


def check_every_answer(page) -> None:
    """Answer each question with its first option (some right, some wrong) and check it."""
    wait_for_quiz(page)
    questions = page.locator(".bq-q")
    for i in range(questions.count()):
        question = questions.nth(i)
        if question.locator("input").count():
            question.locator("input").first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        question.locator(".bq-actions .bq-pri").click()
    page.locator(".bq-verdict").wait_for()


def open_search(page) -> None:
    page.keyboard.press("/")  # Material's shortcut, which opens Berdaya's search dialog (search.js)
    page.keyboard.type("kuasa")
    page.locator("dialog.bs .bs-hit").first.wait_for()


def open_menu(page) -> None:
    button = page.locator("label.md-header__button[for=__drawer]")
    if button.is_visible():  # phone; on a desktop the navigation is always shown
        button.click()
        page.wait_for_function(  # the drawer has finished sliding in
            "() => { const d = document.querySelector('.md-sidebar--primary');"
            " return d && d.getBoundingClientRect().left >= 0; }")


def answer_test(page) -> None:
    """A training's pre-test or post-test: name and number typed, every question answered with its first option."""
    page.locator(".bp-send[data-ready]").wait_for()
    wait_for_quiz(page)
    if not page.input_value("#bp-name"):
        page.fill("#bp-name", "Dewi")
        page.fill("#bp-number", "4")
    for question in page.locator(".bq-q").all():
        if question.locator("input").count():
            question.locator("input").first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        question.locator(".bq-actions .bq-pri").click()
    page.locator(".bp-send-ready:not([hidden]) .bp-qr svg").wait_for()  # saved, the code and QR code shown


def post_test_after_pre_test(page) -> None:
    """The pre-test saved first, then the post-test answered: both scores and the gain shown."""
    post = page.url
    page.goto(post.replace("post-test", "pre-test"))
    answer_test(page)
    page.goto(post)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    answer_test(page)
    page.locator(".bp-compare:not(:empty)").wait_for()


def collect_example_class(page) -> None:
    """The trainer pastes the example class's WhatsApp export: the class list fills."""
    page.locator(".bp-collect[data-ready]").wait_for()
    page.fill("#bp-paste", (PROJECT / "examples/results/whatsapp-pelatihan-dasar-3-hari.txt").read_text(encoding="utf-8"))
    page.click('[data-bp="add"]')
    page.locator(".bp-collect tbody tr").first.wait_for()


# The one list of page kinds: kind -> (page, what to do before the check).
PAGES = {
    "home": ("index.html", None),
    "home-search-open": ("index.html", open_search),
    "home-menu-open": ("index.html", open_menu),
    "module": ("modul/prinsip-pemberdayaan.html", None),
    "module-with-many-tables": ("modul/desain-pelatihan-berbasis-kebutuhan.html", None),
    "quiz": ("uji/prinsip-pemberdayaan.html", wait_for_quiz),
    "quiz-checked": ("uji/prinsip-pemberdayaan.html", check_every_answer),
    "modules-index": ("modul/index.html", None),
    "quizzes-index": ("uji/index.html", None),
    "glossary": ("glosarium.html", None),
    "progress": ("kemajuan.html", lambda page: page.locator(".bp-summary:not(:empty)").wait_for()),
    "needs-report": ("kebutuhan/contoh-pendamping-desa.html", None),
    "needs-self-assessment": ("penilaian-kebutuhan.html", lambda page: page.locator(".bn-progress:not(:empty)").wait_for()),
    "coverage": ("cakupan.html", None),
    "worked-notebook": ("panduan/analisis-kebutuhan.html", None),
    "not-found": ("404.html", None),
    "trainings-index": ("pelatihan/index.html", None),
    "training-overview": ("pelatihan/pelatihan-dasar-3-hari/index.html", None),
    "training-structure": ("pelatihan/pelatihan-dasar-3-hari/struktur.html", None),
    "training-design": ("pelatihan/pelatihan-dasar-3-hari/rancangan.html", None),
    "training-schedule": ("pelatihan/pelatihan-dasar-3-hari/jadwal.html", None),
    "training-guide": ("pelatihan/pelatihan-dasar-3-hari/panduan.html", None),
    "training-guide-day": ("pelatihan/pelatihan-dasar-3-hari/panduan-hari-2.html", None),
    "training-module": ("pelatihan/pelatihan-dasar-3-hari/modul/konsep-pemberdayaan.html", None),
    "training-pre-test": ("pelatihan/pelatihan-dasar-3-hari/pre-test.html", wait_for_quiz),
    "training-pre-test-saved": ("pelatihan/pelatihan-dasar-3-hari/pre-test.html", answer_test),
    "training-post-test-answered": ("pelatihan/pelatihan-dasar-3-hari/post-test.html", post_test_after_pre_test),
    "training-collect": ("pelatihan/pelatihan-dasar-3-hari/kumpul.html", collect_example_class),
    "training-results": ("pelatihan/pelatihan-dasar-3-hari/hasil.html", None),
}
# Checked in this order on one page; the first is where the page is prepared.
VIEWPORTS = {
    "320px": {"width": 320, "height": 640},
    "360px": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}
SCHEMES = ("light", "dark")


def url_prefix(page: str) -> str:
    """What a page's address says about its kind: 'modul/x.html' and
    'modul/x/index.html' -> 'modul/*'; 'modul/index.html' -> 'modul'; the home page -> '/'."""
    parts = page.removesuffix(".html").split("/")
    if parts[-1] == "index":
        parts.pop()
    return "/".join(parts[:1] + ["*"] * (len(parts) - 1)) or "/"


def sampled_kinds(site: Path) -> dict[str, tuple[str, None]]:
    """One page for each URL prefix of the built site that PAGES does not
    cover: the largest, as the one with the most on it."""
    covered = {url_prefix(page) for page, _ in PAGES.values()}
    largest: dict[str, Path] = {}
    for path in sorted(site.rglob("*.html")):
        prefix = url_prefix(path.relative_to(site).as_posix())
        if prefix not in covered and (prefix not in largest or path.stat().st_size > largest[prefix].stat().st_size):
            largest[prefix] = path
    return {f"auto:{prefix}": (path.relative_to(site).as_posix(), None) for prefix, path in sorted(largest.items())}


def pytest_generate_tests(metafunc):
    if "kind" in metafunc.fixturenames:
        kinds = {**PAGES, **sampled_kinds(build_site_once())}
        metafunc.parametrize("kind", [pytest.param((name, *kinds[name]), id=name) for name in kinds])


@pytest.fixture(scope="session")
def axe_core() -> Path:
    if not AXE.is_file():
        message = "node_modules/axe-core is missing: run `npm ci` at the repository root"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: the accessibility tests may not be skipped)", pytrace=False)
        warnings.warn(message + "; accessibility tests SKIPPED", stacklevel=1)
        pytest.skip(message + "; accessibility tests SKIPPED")
    return AXE


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))",
        TAGS,
    )


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def settle(page) -> None:
    """Let the page react to a new size (ResizeObserver, media queries) before axe looks."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def audit(browser, url: str, scheme: str, prepare) -> tuple[str, dict[str, list[dict]]]:
    """Open url once in a fresh context, prepare it, run axe at every width:
    (colour scheme shown, {width: violations})."""
    first, *_ = VIEWPORTS.values()
    context = browser.new_context(viewport=first, color_scheme=scheme)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        page.wait_for_function("() => !document.querySelector('.md-typeset table:not([class])')"
                               " || document.querySelector('.md-typeset__scrollwrap')")  # Material has started
        shown = page.get_attribute("body", "data-md-color-scheme")
        # Colours are judged as they end, not halfway through the theme's
        # 125-250 ms colour transitions (a busy machine catches those).
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
        if prepare:
            prepare(page)
        page.add_script_tag(path=str(AXE))
        found = {}
        for name, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            settle(page)
            found[name] = axe_violations(page)
        return shown, found
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_wcag_violations(kind, scheme, axe_core, chromium, site_base):
    name, path, prepare = kind
    shown, found = chromium.run(audit, site_base + path, scheme, prepare)
    assert shown == ("slate" if scheme == "dark" else "default")
    failures = {width: violations for width, violations in found.items() if violations}
    assert not failures, "\n".join(f"{name} ({path}, {scheme}, {width}):\n{report(v)}" for width, v in failures.items())


def test_every_listed_page_is_built(built_site):
    missing = sorted({page for page, _ in PAGES.values() if not (built_site / page).is_file()})
    assert not missing, f"PAGES lists pages the site does not build: {missing}"


def test_pages_are_sampled_by_url_prefix(tmp_path):
    # Prefixes PAGES does not list ("contoh/...") are sampled; listed ones are not.
    for page in ["index.html", "modul/index.html", "modul/a.html", "modul/b.html", "contoh/x/jadwal.html",
                 "contoh/y/index.html", "laporan.html"]:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x" * len(page), encoding="utf-8")
    assert url_prefix("index.html") == "/" and url_prefix("modul/index.html") == "modul"
    assert url_prefix("modul/a.html") == url_prefix("modul/a/index.html") == "modul/*"
    sampled = sampled_kinds(tmp_path)
    assert sampled == {"auto:laporan": ("laporan.html", None), "auto:contoh/*": ("contoh/y/index.html", None),
                       "auto:contoh/*/*": ("contoh/x/jadwal.html", None)}


def test_axe_finds_a_planted_violation(axe_core, chromium, site_base):
    """The harness itself works: an image without alt text is reported."""
    def plant(page):
        page.evaluate("document.querySelector('article').append(document.createElement('img'))")

    _, found = chromium.run(audit, site_base + "index.html", "light", plant)
    assert all("image-alt" in [v["id"] for v in violations] for violations in found.values())


def test_search_dialog_has_a_name(built_site):
    """overrides/main.html names Material's search dialog (axe's aria-dialog-name,
    a best practice outside the WCAG tags, which Lighthouse counts)."""
    for page in built_site.rglob("*.html"):
        assert 'data-md-component="search" role="dialog" aria-label="Cari"' in page.read_text(encoding="utf-8"), page
