"""The real thing: sites built by MkDocs through the plugin, in Chromium.

The fixture site carries hostile text (<script>, quotes, &) in every field;
the shipped curriculum is checked page by page with the network cut off.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

TESTS = Path(__file__).resolve().parents[1]
PROJECT = TESTS.parent
ARTIFACTS = PROJECT / "test-artifacts"
STRINGS = yaml.safe_load((PROJECT / "generator/site/locales/widget.yml").read_text(encoding="utf-8"))["id"]


def mkdocs_build(config_dir: Path, target: Path, **env: str) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=config_dir, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    assert result.returncode == 0, result.stderr
    return target


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def fixture_base(tmp_path_factory):
    """The fixture site, built with site_url = its server's address.

    Material only turns on instant navigation when the page lives under
    site_url, so the port is taken first and the site built for it.
    """
    site = tmp_path_factory.mktemp("fixture") / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    mkdocs_build(TESTS / "fixtures/sample-project", site, SITE_URL=base + "/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def project_site(tmp_path_factory) -> Path:
    return mkdocs_build(PROJECT, tmp_path_factory.mktemp("project") / "site")


@pytest.fixture
def watched(page):
    """Collects script errors and dialogs; any alert() means text was executed."""
    seen = {"errors": [], "dialogs": []}
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    return seen


def test_module_page_shows_hostile_text_as_typed(page, fixture_base, watched):
    page.goto(fixture_base + "/modul/dasar/")
    assert page.locator("h1").inner_text().rstrip("¶") == 'Dasar <b>Pemberdayaan</b> & "Kutipan"'
    assert page.title().startswith('Dasar <b>Pemberdayaan</b> & "Kutipan"')
    article = page.locator("article").inner_text()
    for typed in ('Ringkasan dengan <script>alert("x")</script> & tanda kutip \'tunggal\'.',
                  "Paragraf dengan <script>alert(1)</script> dan AT&T", "Pengertian </script>",
                  "<blok kode> & tetap", "Diskusikan <pertanyaan>.", "<Pemberdayaan>"):
        assert typed in article
    assert page.locator("article script").count() == 0
    assert page.locator("article b").count() == 0
    assert page.locator("article i", has_text="pertama").count() == 0
    assert page.locator("article em", has_text="pemberdayaan").count() == 0
    assert page.locator("meta[name=description]").get_attribute("content").startswith("Ringkasan dengan <script>")
    assert watched == {"errors": [], "dialogs": []}


def test_quiz_shows_hostile_text_as_typed_and_neutralises_links(page, fixture_base, watched):
    page.goto(fixture_base + "/uji/dasar/")
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")  # questions are in the HTML: wait for the widget
    first = page.locator(".bq-q").first
    assert 'Apa arti <script>alert("soal")</script> pemberdayaan & "kekuasaan"?' in first.locator("legend").inner_text()
    assert "Memberi <b>bantuan</b> saja" in first.inner_text()
    first.get_by_label("Memberi <b>bantuan</b> saja").check()
    first.get_by_role("button", name=STRINGS["check"]).click()
    explanation = first.locator(".bq-expl")
    assert "sumber" in explanation.inner_text()  # the javascript: link is left as its text
    assert explanation.get_by_role("link").count() == 0
    assert first.locator(".bq-review a").inner_text() == "Pengertian </script>"
    assert watched == {"errors": [], "dialogs": []}


def test_answering_right_and_wrong_with_score_review_link_and_reload(page, fixture_base, watched):
    base = fixture_base
    page.goto(base + "/uji/dasar/")
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")  # questions are in the HTML: wait for the widget
    questions = page.locator(".bq-q")
    single = questions.nth(0)
    single.get_by_label("Memperkuat kemampuan masyarakat").check()
    single.get_by_role("button", name=STRINGS["check"]).click()
    assert STRINGS["correct"] in single.locator(".bq-status").inner_text()
    assert "Tepat." in single.inner_text()

    true_false = questions.nth(2)
    true_false.get_by_label(STRINGS["optTrue"], exact=True).check()
    true_false.get_by_role("button", name=STRINGS["check"]).click()
    assert STRINGS["incorrect"] in true_false.locator(".bq-status").inner_text()
    assert "Belum tepat." in true_false.inner_text()
    assert "Kekuasaan juga dapat dibangun." in true_false.locator(".bq-expl").inner_text()
    assert "1 dari 5" in page.locator(".bq-sum").inner_text() or "2 dari 5" in page.locator(".bq-sum").inner_text()

    page.reload()
    questions = page.locator(".bq-q")
    assert STRINGS["correct"] in questions.nth(0).locator(".bq-status").inner_text()
    assert STRINGS["incorrect"] in questions.nth(2).locator(".bq-status").inner_text()
    stored = json.loads(page.evaluate("localStorage.getItem('berdaya.v1.situs-uji.dasar')"))
    assert stored["version"] == 1 and set(stored["answers"]) == {"tunggal", "benar-salah"}

    questions.nth(2).locator(".bq-review a").click()
    page.wait_for_url("**/modul/dasar/#kekuasaan")
    expect(page.locator("#kekuasaan")).to_be_visible()  # the address changes before the content is swapped in
    assert watched["errors"] == []


def test_self_assessment_index_shows_the_answers_stored_on_this_device(page, fixture_base, watched):
    page.goto(fixture_base + "/uji/")
    line = page.locator("[data-berdaya-progress]")
    expect(line).to_be_hidden()  # nothing answered yet

    page.goto(fixture_base + "/uji/dasar/")
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")  # questions are in the HTML: wait for the widget
    single = page.locator(".bq-q").nth(0)
    single.get_by_label("Memperkuat kemampuan masyarakat").check()
    single.get_by_role("button", name=STRINGS["check"]).click()
    # An answer to an older version of a question (other rev) does not count.
    page.evaluate("""() => {
        const key = 'berdaya.v1.situs-uji.dasar', state = JSON.parse(localStorage.getItem(key));
        state.answers['jamak'] = {rev: 'old', response: [0, 1], correct: true};
        localStorage.setItem(key, JSON.stringify(state));
    }""")

    page.evaluate("window.__samePage = true")
    # The link sits in the closed navigation drawer on a phone: a click event, as a tap would give.
    page.locator(".md-nav").get_by_role("link", name="Uji Pemahaman").first.dispatch_event("click")
    page.wait_for_url("**/uji/")
    assert page.evaluate("window.__samePage === true"), "instant navigation should not reload the page"
    expect(line).to_have_text("Jawaban Anda di perangkat ini: 1 dari 5 soal dijawab, 1 benar.")
    assert watched["errors"] == []


def test_widget_starts_after_instant_navigation(page, fixture_base, watched):
    page.goto(fixture_base + "/modul/dasar/")
    page.evaluate("window.__samePage = true")
    page.locator("article a", has_text="Uji <Dasar>").click()
    page.wait_for_url("**/uji/dasar/")
    # Material changes the address before it swaps the content in: wait for the widget
    # to have enhanced the (pre-rendered) questions.
    expect(page.locator(".berdaya-quiz[data-bq-live] .bq-q")).to_have_count(5)
    assert page.evaluate("window.__samePage === true"), "instant navigation should not reload the page"
    page.go_back()
    page.wait_for_url("**/modul/dasar/")
    page.go_forward()
    page.wait_for_url("**/uji/dasar/")
    expect(page.locator(".berdaya-quiz[data-bq-live] .bq-q")).to_have_count(5)
    single = page.locator(".bq-q").first
    single.get_by_label("Memperkuat kemampuan masyarakat").check()
    single.get_by_role("button", name=STRINGS["check"]).click()
    assert STRINGS["correct"] in single.locator(".bq-status").inner_text()
    assert watched["errors"] == []


def test_first_question_of_a_real_quiz_by_keyboard_only(page, http_server, project_site, watched):
    page.goto(http_server(project_site) + "/uji/prinsip-pemberdayaan.html")
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")  # questions are in the HTML: wait for the widget
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.bq-q') && document.activeElement.tagName === 'INPUT'"):
            break
    page.keyboard.press("Space")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.textContent === {STRINGS['check']!r}"):
            break
    page.keyboard.press("Enter")
    assert page.locator(".bq-q").first.locator(".bq-status").count() == 1
    assert watched["errors"] == []


def test_every_page_of_the_curriculum_works_with_the_network_cut_off(chromium_browser, http_server, project_site):
    base = http_server(project_site)
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740})
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = sorted(p.relative_to(project_site).as_posix() for p in project_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page.goto(f"{base}/{path}", wait_until="networkidle")
    context.close()
    assert outside == []
    assert errors == []


def test_pages_once_read_stay_readable_offline(chromium_browser, http_server, project_site):
    base = http_server(project_site)
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + "/modul/prinsip-pemberdayaan.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null || !!navigator.serviceWorker.ready", timeout=10_000)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()  # now controlled: this load goes through the worker and is cached
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(300)
    context.set_offline(True)
    page.reload()
    assert "Prinsip" in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    context.close()


def test_saving_the_course_makes_unvisited_pages_readable_offline(chromium_browser, http_server, project_site):
    base = http_server(project_site)
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + "/modul/index.html")
    box = page.locator("[data-berdaya-offline]")
    expect(box).to_be_visible()
    box.get_by_role("button").click()
    expect(box.locator("[role=status]")).to_contain_text("Selesai", timeout=30_000)
    saved = box.locator("[role=status]").inner_text()
    modules = len(list((project_site / "modul").glob("*.html"))) - 1
    assert int(saved.split(":")[1].split()[0]) >= 2 * modules + 3, saved  # modules, quizzes, indexes, glossary, home

    # Scripts a page loads only later (the training tests' result code and QR generator) are stored too.
    for later in ("resultcode.js", "vendor/qrcode.js"):
        assert page.evaluate("""url => caches.keys().then(names => Promise.all(names.map(name => caches.open(name)
            .then(cache => cache.match(url))))).then(hits => hits.some(Boolean))""", f"{base}/assets/berdaya/{later}"), later

    context.set_offline(True)
    page.goto(base + "/uji/peran-pendamping.html")  # never opened before
    expect(page.locator(".berdaya-quiz[data-bq-live] .bq-q").first).to_be_visible()  # the widget's script came from the device too
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    page.goto(base + "/glosarium.html")
    assert "Glosarium" in page.locator("h1").inner_text()

    page.goto(base + "/modul/index.html")  # the box remembers the last save
    expect(box.locator("[role=status]")).to_contain_text("Terakhir disimpan")
    context.close()


def test_screenshot_of_a_checked_quiz_on_a_phone(page, http_server, project_site):
    page.goto(http_server(project_site) + "/uji/strategi-mikro-mezzo-makro.html")
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")  # questions are in the HTML: wait for the widget
    first = page.locator(".bq-q").first
    first.locator("input").nth(1).check()
    first.get_by_role("button", name=STRINGS["check"]).click()
    # Scroll as a reader would: the question just below the sticky header.
    first.evaluate("q => window.scrollTo(0, q.getBoundingClientRect().top + window.scrollY - document.querySelector('.md-header').offsetHeight - 8)")
    page.wait_for_timeout(200)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "quiz-phone-checked.png"))
    page.screenshot(path=str(ARTIFACTS / "quiz-phone-page.png"), full_page=False)
    assert first.locator(".bq-expl").is_visible()


def test_printing_a_module_opens_the_facilitator_notes(page, http_server, project_site, watched):
    page.goto(http_server(project_site) + "/modul/peran-pendamping.html")
    notes = page.locator("article details")
    assert notes.count() >= 1
    assert page.locator("article details[open]").count() == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details[open]").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "module-handout.pdf"), format="A4")
    assert watched["errors"] == []


def test_needs_self_assessment_rate_export_import_analyse(page, http_server, project_site, watched, tmp_path):
    """Rate every competency on a phone, export CSV and WhatsApp text, read both back, analyse."""
    from generator.content.catalog import Sources, load_catalog
    from generator.needs.analysis import analyse
    from generator.needs.form import build_form
    from generator.needs.readers import combine, read_export

    form = build_form(load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes")).competency_items)
    page.goto(http_server(project_site) + "/penilaian-kebutuhan.html")
    progress = page.locator(".bn-progress")
    expect(progress).to_have_text(f"0 dari {len(form.competencies)} kompetensi sudah dinilai.")
    # By keyboard: the first importance question, then arrows move within the radio group.
    first = form.competencies[0].id.replace("-", "_")
    page.locator(f"input[name={first}_penting][value='1']").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"input[name={first}_penting][value='2']")).to_be_checked()
    wanted = {}
    for index, competency in enumerate(form.competencies):
        importance, ability = 5 - index % 2, 1 + index % 4
        name = competency.id.replace("-", "_")
        page.locator(f"input[name={name}_penting][value='{importance}']").check()
        if index != 3:  # one ability left unanswered
            page.locator(f"input[name={name}_mampu][value='{ability}']").check()
        wanted[competency.id] = (importance, None if index == 3 else ability)
    expect(progress).to_have_text(f"{len(form.competencies) - 1} dari {len(form.competencies)} kompetensi sudah dinilai.")
    expect(page.locator(".bn-gaps li").first).to_contain_text(form.competencies[0].title)
    expect(page.locator(".bn-gaps li a").first).to_be_visible()
    page.reload()  # kept on the device
    expect(page.locator(f"input[name={first}_penting][value='5']")).to_be_checked()
    expect(page.get_by_role("button", name="Salin teks untuk WhatsApp")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    text = tmp_path / "whatsapp.txt"
    text.write_text("03/12/26 09.15 - Peserta: " + page.locator("#bn-text").input_value(), encoding="utf-8")
    assert watched == {"errors": [], "dialogs": []}

    readings = [read_export(path, path.name, form) for path in (exported, text)]
    for reading in readings:
        assert reading.problems == [] and [response.ratings for response in reading.responses] == [wanted]
    assert readings[0].format == "berdaya-csv" and readings[1].format == "berdaya-text"
    combined = combine(readings)
    assert len(combined.responses) == 1 and len(combined.duplicates) == 1  # the same answers, counted once
    order = [competency.id for competency in form.competencies]
    pairs = {key: [value] for key, value in wanted.items() if None not in value}
    assert analyse(order, combined.pairs(), 1) == analyse(order, pairs, 1)


def test_worked_notebook_on_a_phone_offline_with_its_download(chromium_browser, http_server, project_site):
    base = http_server(project_site)
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740}, accept_downloads=True)
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/panduan/analisis-kebutuhan.html", wait_until="networkidle")
    # The site's look: Material's code blocks (coloured, focusable when they scroll), nothing wider than the phone.
    assert page.locator("article .highlight pre > code").count() >= 6
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "notebook-phone.png"))
    with page.expect_download() as download:
        page.locator("article a[download]").first.click()
    notebook = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "analisis-kebutuhan.ipynb"
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    context.close()
    assert outside == [] and errors == []


TRAINING = "/pelatihan/pelatihan-dasar-3-hari"


def test_training_schedule_prints_on_a4_one_day_per_page_without_navigation(page, http_server, project_site, watched):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_server(project_site) + TRAINING + "/jadwal.html")
    days = page.locator("h2.berdaya-day")
    assert days.count() == 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "training-schedule-phone.png"))
    # The "Cetak" button prints (window.print is replaced so no dialog opens).
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Cetak").click()
    assert page.evaluate("window.__printed === true")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".berdaya-print-bar"):
        assert page.locator(chrome).first.evaluate("e => getComputedStyle(e).display") == "none", chrome
    breaks = [days.nth(i).evaluate("e => getComputedStyle(e).breakBefore") for i in range(3)]
    assert breaks == ["auto", "page", "page"]
    page.pdf(path=str(ARTIFACTS / "training-schedule-a4.pdf"), format="A4")
    assert watched["errors"] == []


def test_facilitator_guide_day_prints_on_a4_every_session_on_a_new_page(page, http_server, project_site):
    page.goto(http_server(project_site) + TRAINING + "/panduan-hari-1.html")
    assert page.locator("h1").inner_text().startswith("Panduan fasilitator — Hari 1")
    page.emulate_media(media="print")
    sessions = page.locator("h2.berdaya-page")
    assert sessions.count() >= 3
    assert sessions.nth(0).evaluate("e => getComputedStyle(e).breakBefore") == "auto"
    assert sessions.nth(1).evaluate("e => getComputedStyle(e).breakBefore") == "page"
    assert page.locator(".berdaya-guide-days").first.evaluate("e => getComputedStyle(e).display") == "none"
    # tables fit the A4 width (210 mm minus margins, at 96 px per inch)
    widths = page.locator("article table").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().width)")
    assert widths and max(widths) <= 700
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "training-guide-day-1-a4.pdf"), format="A4")


def test_schedule_links_each_session_to_its_day_of_the_guide_on_a_phone(page, http_server, project_site, watched):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_server(project_site) + TRAINING + "/jadwal.html")
    # a session that starts on day 2 links to day 2's page of the guide
    target = page.locator('article table a[href*="panduan-hari-2.html#sesi-"]').first
    href = target.get_attribute("href")
    assert "/pelatihan-dasar-3-hari/panduan-hari-2.html#sesi-" in href
    anchor = href.split("#", 1)[1]
    target.scroll_into_view_if_needed()
    target.click()
    page.wait_for_url(f"**/panduan-hari-2.html#{anchor}")
    heading = page.locator(f"h2#{anchor}")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    assert page.locator("h1").inner_text().startswith("Panduan fasilitator — Hari 2")
    # back and forward between days
    expect(page.locator(".berdaya-guide-days").first.get_by_role("link", name="Hari 1", exact=False)).to_have_attribute("href", re.compile(r"(^|/)panduan-hari-1\.html$"))
    expect(page.locator(".berdaya-guide-days").first.get_by_role("link", name="Hari 3", exact=False)).to_have_attribute("href", re.compile(r"(^|/)panduan-hari-3\.html$"))
    assert watched["errors"] == []
