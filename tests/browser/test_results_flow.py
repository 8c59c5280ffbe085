"""Three trainees take the pre-test and the post-test on phones and send their
results by text, by file and by the QR link to the trainer's collection page;
then `berdaya results collect` reads the same results. Every figure is
checked against values computed by hand (in the comments)."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from generator import cli
from generator.content import messages
from generator.results.code import decode
from tests.browser.test_site import TESTS, _Quiet, mkdocs_build

TRAINING = (TESTS / "fixtures/training-project/curricula/contoh.yml").read_text(encoding="utf-8")
TESTS_FIELD = "tests:\n  questions: [dasar/tunggal, jamak, benar-salah, urutan]\n"
PHONE = {"width": 360, "height": 740}
ARTIFACTS = TESTS.parent / "test-artifacts"

# What each trainee picks: tunggal (choice index), jamak (choice indexes),
# benar-salah (0 = Benar, 1 = Salah; Salah is right). Ordering is always left
# as shown, which is never the right order: wrong for everyone.
RIGHT = {"tunggal": [0], "jamak": [0, 1], "benar-salah": [1]}
PLANS = {
    # number, name: (pre, post), per question True = right
    ("1", "Ani"): ({"tunggal": [1], "jamak": [0], "benar-salah": [0]}, RIGHT),  # 0 % -> 75 %: g = 0.75
    ("2", "Budi"): ({"tunggal": [0], "jamak": [2], "benar-salah": [0]},
                    {"tunggal": [0], "jamak": [0, 1], "benar-salah": [0]}),  # 25 % -> 50 %: g = 1/3
    ("3", "Citra"): (RIGHT, RIGHT),  # 75 % -> 75 %: g = 0
}


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("flow")
    source = root / "project"
    shutil.copytree(TESTS / "fixtures/sample-project", source)
    (source / "curricula").mkdir(exist_ok=True)
    (source / "curricula/contoh.yml").write_text(TRAINING + TESTS_FIELD, encoding="utf-8")
    site = root / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    mkdocs_build(source, site, SITE_URL=base + "/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield source, base
    server.shutdown()
    server.server_close()


def take_test(context, base, kind, number, name, plan, first=False):
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/pelatihan/contoh/{kind}-test/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    if first:
        page.fill("#bp-name", name)
        page.fill("#bp-number", number)
    else:  # typed once on this device
        assert page.input_value("#bp-name") == name and page.input_value("#bp-number") == number
    for question in page.locator(".bq-q").all():
        key = question.get_attribute("data-q").split("/")[1]
        for index in plan.get(key, []):
            question.locator("input").nth(index).check()
        question.locator('[data-bq="check"]').click()
        if kind == "pre":  # saved, never marked
            assert question.locator(".bq-status").inner_text() == "Jawaban tersimpan."
            assert question.locator(".bq-mark, .bq-expl, .bq-review").count() == 0
    page.locator(".bp-send-ready:not([hidden])").wait_for()
    code = page.locator('[data-bp="code"]').inner_text()
    assert errors == []
    return page, code


def test_three_trainees_send_their_results_to_the_trainer(chromium_browser, project_site, tmp_path):
    source, base = project_site
    sent = {}
    for (number, name), (pre, post) in PLANS.items():
        context = chromium_browser.new_context(viewport=PHONE, accept_downloads=True)
        page, pre_code = take_test(context, base, "pre", number, name, pre, first=True)
        page.close()
        page, post_code = take_test(context, base, "post", number, name, post)
        if number == "1":
            page.screenshot(path=str(ARTIFACTS / "post-test-phone.png"), full_page=True)
        sent[number] = {"pre": pre_code, "post": post_code, "compare": page.locator(".bp-compare").inner_text()}
        if number == "2":  # sends files
            for kind in ("post", "pre"):
                if kind == "pre":
                    page.goto(f"{base}/pelatihan/contoh/pre-test/")
                    page.locator(".bp-send-ready:not([hidden])").wait_for()
                with page.expect_download() as download:
                    page.click('[data-bp="download"]')
                target = tmp_path / f"hasil-{kind}.json"
                download.value.save_as(target)
                sent[number][kind + "_file"] = target
        if number == "3":  # the QR code's link
            sent[number]["link"] = page.locator('[data-bp="link"]').get_attribute("href")
            assert page.locator('[data-bp="qr"] svg').count() == 1
        context.close()

    assert "Pre-test 0 %, post-test 75 %." in sent["1"]["compare"] and "0.75" in sent["1"]["compare"]
    assert "0.33" in sent["2"]["compare"] and "0.00" in sent["3"]["compare"]
    data = json.loads(sent["2"]["post_file"].read_text(encoding="utf-8"))
    assert decode(data["code"]).kind == "post" and data["score"] == 2 and data["total"] == 4

    trainer = chromium_browser.new_context(viewport=PHONE, accept_downloads=True)
    phone = trainer.new_page()
    phone.set_default_timeout(15_000)
    # Ani pastes her codes into the group chat; the trainer copies the messages.
    phone.goto(f"{base}/pelatihan/contoh/kumpul/")
    phone.locator(".bp-collect[data-ready]").wait_for()
    chat = f"03/12/26 09.15 - Ani: 🙏 {sent['1']['pre']}\n05/12/26 15.40 - Ani: *{sent['1']['post']}* makasih\nBRD1-RUSAK0\n"
    phone.fill("#bp-paste", chat)
    phone.click('[data-bp="add"]')
    assert phone.locator(".bp-added").inner_text() == "2 hasil ditambahkan, 0 sudah ada."
    assert "baris 3:" in phone.locator(".bp-problems").inner_text()
    # Budi's result files, pasted as text.
    phone.fill("#bp-paste", sent["2"]["pre_file"].read_text(encoding="utf-8") + sent["2"]["post_file"].read_text(encoding="utf-8"))
    phone.click('[data-bp="add"]')
    # Citra's QR codes: the trainer's phone opens their links.
    for kind in ("pre", "post"):
        link = sent["3"]["link"] if kind == "post" else sent["3"]["link"].replace(sent["3"]["post"], sent["3"]["pre"])
        phone.goto(link)
        try:
            phone.locator(".bp-added").filter(has_text="1 hasil ditambahkan").wait_for()
        except Exception:
            raise AssertionError((kind, link, phone.url, phone.locator(".bp-added").inner_text(), phone.locator(".bp-problems").inner_text()))
        assert "#" not in phone.url  # the code is not added again on reload
    phone.goto(f"{base}/pelatihan/contoh/kumpul/")
    summary = phone.locator(".bp-class")
    summary.filter(has_text="3 peserta").wait_for()
    # pre 0, 25, 75 -> 33.3; post 75, 50, 75 -> 66.7; <g> = 33.3 / 66.7 = 0.50
    assert summary.inner_text() == "3 peserta dengan kedua tes (0 tidak dihitung): rata-rata pre-test 33.3 %, post-test 66.7 %, gain kelas ⟨g⟩ = 0.50 (sedang)."
    rows = [row.locator("td").all_inner_texts() for row in phone.locator("tbody tr").all()]
    assert rows == [["1", "Ani", "0", "75", "0.75"], ["2", "Budi", "25", "50", "0.33"], ["3", "Citra", "75", "75", "0.00"]]
    phone.screenshot(path=str(ARTIFACTS / "collect-phone.png"), full_page=True)
    with phone.expect_download() as download:
        phone.click('[data-bp="csv"]')
    class_list = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert class_list[1] == "1,Ani,0,75,0.750" and class_list[2] == "2,Budi,25,50,0.333"
    trainer.close()

    # The same results through the command line: a WhatsApp export and Budi's files.
    export = tmp_path / "WhatsApp Chat dengan Pelatihan.txt"
    export.write_text(
        f"[03/12/26 09.15.22] Ani: {sent['1']['pre']}\n[03/12/26 09.16.01] Citra: {sent['3']['pre']}\n"
        f"[05/12/26 15.40.10] Ani: {sent['1']['post']}\n[05/12/26 15.41.30] Citra: {sent['3']['post']}\n", encoding="utf-8")
    with messages.language("en"):
        status = cli.main(["--config", str(source / "mkdocs.yml"), "results", "collect", str(export),
                           str(sent["2"]["pre_file"]), str(sent["2"]["post_file"])])
    assert status == 0
    summary = yaml.safe_load((source / "results/contoh.yml").read_text(encoding="utf-8"))
    assert summary["participants"] == {"pre": 3, "post": 3, "both": 3, "only_pre": 0, "only_post": 0}
    # <g> = 0.5 (medium); mean of gains (3/4 + 1/3 + 0) / 3 = 13/36 = 0.361
    assert summary["gain"] == {"pre_mean": 33.33, "post_mean": 66.67, "class_gain": 0.5, "band": "medium",
                               "mean_of_gains": 0.361, "with_own_gain": 3, "perfect_pre": 0,
                               "bands": {"low": 1, "medium": 1, "high": 1}}  # g = 0, 1/3, 3/4
    post = {item["question"]: item for item in summary["items"]["post"]}
    # Post totals Ani 3, Citra 3, Budi 2: upper group Ani, lower group Budi.
    assert (post["dasar/tunggal"]["difficulty"], post["dasar/tunggal"]["flags"], post["dasar/tunggal"]["choices"]) == (1.0, ["too_easy"], [3, 0])
    assert post["dasar/jamak"]["choices"] == [3, 3, 0]
    assert (post["dasar/benar-salah"]["difficulty"], post["dasar/benar-salah"]["discrimination"], post["dasar/benar-salah"]["choices"]) == (0.667, 1.0, [1, 2])
    assert (post["dasar/urutan"]["difficulty"], post["dasar/urutan"]["flags"]) == (0.0, ["too_hard"])
    pre = {item["question"]: item for item in summary["items"]["pre"]}
    # Pre totals Citra 3, Budi 1, Ani 0: upper Citra, lower Ani.
    assert (pre["dasar/jamak"]["difficulty"], pre["dasar/jamak"]["discrimination"], pre["dasar/jamak"]["choices"]) == (0.333, 1.0, [2, 1, 1])
    rows = (tmp_path / "contoh-peserta.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1:] == ["1,Ani,0.0,75.0,0.750,high,", "2,Budi,25.0,50.0,0.333,medium,", "3,Citra,75.0,75.0,0.000,low,"]


@pytest.mark.parametrize("path", ["pelatihan/contoh/pre-test/", "pelatihan/contoh/post-test/", "pelatihan/contoh/kumpul/"])
def test_no_wcag_violations_on_the_results_pages(chromium_browser, project_site, path):
    from tests.a11y.test_axe import AXE, TAGS, report

    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing: run `npm ci`")
    _, base = project_site
    context = chromium_browser.new_context(viewport=PHONE, bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/{path}")
    page.locator(".bp-collect[data-ready], .bp-send[data-ready]").first.wait_for()
    if "test" in path:  # everything answered: the send box with its QR code is shown
        page.fill("#bp-name", "Dewi")
        page.fill("#bp-number", "4")
        for question in page.locator(".bq-q").all():
            if question.locator("input").count():
                question.locator("input").first.check()
            question.locator('[data-bq="check"]').click()
        page.locator(".bp-send-ready:not([hidden])").wait_for()
    # The content only, and no link-colour rule: the fixture site lacks the shipped theme
    # (docs/stylesheets/berdaya.css), which tests/a11y checks on the real site.
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "tags => axe.run({include: [['article']]}, {runOnly: {type: 'tag', values: tags}, rules: {'link-in-text-block': {enabled: false}}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))",
        TAGS)
    context.close()
    assert violations == [], report(violations)


def test_the_pre_test_can_be_changed_until_the_post_test_starts_then_is_locked(chromium_browser, project_site):
    _, base = project_site
    context = chromium_browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/pelatihan/contoh/pre-test/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    page.fill("#bp-name", "Eka")
    page.fill("#bp-number", "5")
    lock = page.locator(".bp-lock")
    assert lock.is_hidden()  # nothing saved yet, nothing to say
    questions = page.locator(".bq-q")
    first = questions.nth(0)
    first.locator("input").nth(1).check()  # a mis-tap: the wrong choice
    first.locator('[data-bq="check"]').click()
    lock.filter(has_text="masih dapat diubah sampai Anda memulai post-test").wait_for()
    # Before the post-test a mis-tap can be put right.
    first.locator('[data-bq="retry"]').click()
    first.locator("input").nth(0).check()
    first.locator('[data-bq="check"]').click()
    for index in (1, 2):  # the last question (ordering) is left unanswered
        question = questions.nth(index)
        question.locator("input").first.check()
        question.locator('[data-bq="check"]').click()
    key = "berdaya.v1.situs-uji.pelatihan.contoh.pre"
    before = page.evaluate("key => localStorage.getItem(key)", key)
    assert '"response":0' in before.replace(" ", "")  # the corrected answer was stored
    assert page.locator(".bp-send-ready").is_hidden()  # not everything answered, not locked: wait

    # The post-test is started: one answer is enough to lock the pre-test.
    page.goto(f"{base}/pelatihan/contoh/post-test/")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    assert "pre-test di perangkat ini terkunci" in page.locator(".bp-lock").inner_text()
    post_first = page.locator(".bq-q").first
    post_first.locator("input").first.check()
    post_first.locator('[data-bq="check"]').click()
    # Clearing the post-test does not unlock the pre-test.
    page.locator('[data-bq="clear"]').click()

    page.goto(f"{base}/pelatihan/contoh/pre-test/")
    page.locator(".berdaya-quiz.bp-locked").wait_for()
    assert "Pre-test terkunci" in lock.inner_text() and "1 soal tidak dijawab dan dihitung salah." in lock.inner_text()
    for question in questions.all():
        controls = question.locator(".bq-fs input, .bq-fs select, .bq-fs button")
        assert controls.count() and all(control.is_disabled() for control in controls.all())
        assert question.locator('[data-bq="retry"]').is_hidden() and question.locator('[data-bq="check"]').is_hidden()
    assert page.locator('[data-bq="clear"]').is_hidden()
    with pytest.raises(Exception):  # nothing to tap
        questions.nth(0).locator("input").nth(1).check(timeout=1_000)
    assert page.evaluate("key => localStorage.getItem(key)", key) == before
    # What was answered can still be sent: the unanswered question counts as wrong.
    page.locator(".bp-send-ready:not([hidden])").wait_for()
    code = decode(page.locator('[data-bp="code"]').inner_text())
    assert code.kind == "pre" and code.responses[-1] == 0 and code.correct[-1] is False and code.responses[0] == 1
    context.close()
    assert errors == []


def test_the_lock_is_explained_in_english_too(tmp_path):
    from generator.site.results_pages import strings

    english = strings("results_page_", "en")
    assert "until you start the post-test" in english["pre_open"] and "locked" in english["pre_locked"]
    assert "sampai Anda memulai post-test" in strings("results_page_", "id")["pre_open"]


def answer_post_test(page, number="6", name="Fajar"):
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    page.fill("#bp-name", name)
    page.fill("#bp-number", number)
    for question in page.locator(".bq-q").all():
        if question.locator("input").count():
            question.locator("input").first.check()
        question.locator('[data-bq="check"]').click()
    page.locator(".bp-send-ready:not([hidden])").wait_for()
    return page.locator('[data-bp="code"]').inner_text()


def test_the_qr_code_holds_the_collection_page_at_the_address_the_page_came_from(chromium_browser, project_site, http_server):
    """Built for one address (site_url), opened from others: a LAN-style host name and a
    fork's sub-folder. The QR code must open the collection page where the phone found the site."""
    source, base = project_site
    port = base.rsplit(":", 1)[1]
    other = http_server(source.parent)  # the built site under /site/, as a fork on another path
    for start, expected in [(f"http://localhost:{port}", f"http://localhost:{port}/pelatihan/contoh/kumpul/"),
                            (f"{other}/site", f"{other}/site/pelatihan/contoh/kumpul/")]:
        context = chromium_browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{start}/pelatihan/contoh/post-test/")
        code = answer_post_test(page)
        qr = page.locator('[data-bp="qr"]')
        assert qr.get_attribute("data-url") == f"{expected}#r={code}"
        # The drawn QR code is the vendored generator's code for exactly that address.
        same = page.evaluate("""url => { const q = qrcode(0, "M"); q.addData(url); q.make();
            const d = document.createElement("div"); d.innerHTML = q.createSvgTag({cellSize: 4, margin: 4, scalable: true});
            return d.querySelector("path").getAttribute("d") === document.querySelector('[data-bp="qr"] svg path').getAttribute("d"); }""",
            f"{expected}#r={code}")
        assert same
        context.close()
        # The trainer's phone opens it: the result arrives.
        trainer = chromium_browser.new_context(viewport=PHONE)
        phone = trainer.new_page()
        phone.set_default_timeout(15_000)
        phone.goto(f"{expected}#r={code}")
        phone.locator(".bp-added").filter(has_text="1 hasil ditambahkan").wait_for()
        assert phone.locator("tbody tr td").first.inner_text() == "6"
        trainer.close()


def test_the_code_and_qr_scripts_are_fetched_only_once_a_result_is_ready(chromium_browser, project_site):
    """First load: neither the result code's script nor the QR generator (data-berdaya-later:
    bench/weight.py does not count them); once the result is ready: each comes, once."""
    _, base = project_site
    context = chromium_browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{base}/pelatihan/contoh/post-test/", wait_until="networkidle")
    page.locator(".berdaya-quiz[data-bq-live]").wait_for()
    assert any(url.endswith("/resultsend.js") for url in fetched)
    assert not [url for url in fetched if "qrcode" in url or "resultcode" in url]
    answer_post_test(page)
    assert page.locator('[data-bp="qr"] svg').count() == 1
    expect(page.locator('[data-bp="qr-intro"]')).to_be_visible()  # "scan this QR code", above it
    page.fill("#bp-name", "Dewi Lestari")  # a new result: drawn again, with the same script
    page.locator('[data-bp="qr"] svg').wait_for()
    assert [url.rsplit("/", 2)[-2:] for url in fetched if "qrcode" in url] == [["vendor", "qrcode.js"]]
    assert len([url for url in fetched if url.endswith("/resultcode.js")]) == 1
    context.close()


def test_from_a_folder_the_qr_code_is_replaced_by_a_plain_note(chromium_browser, project_site, tmp_path):
    source, _ = project_site
    # A folder copied to a phone: built with the offline plugin, as the shipped site is.
    folder = tmp_path / "project"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("results"))
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - berdaya\n", "  - berdaya\n  - offline\n"), encoding="utf-8")
    page_file = mkdocs_build(folder, tmp_path / "site") / "pelatihan/contoh/post-test.html"
    context = chromium_browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    code = answer_post_test(page)
    qr = page.locator('[data-bp="qr"]')
    assert qr.locator("svg").count() == 0 and qr.get_attribute("data-url") is None
    assert "bukan dari folder di ponsel" in qr.inner_text() and "Salin kode" in qr.inner_text()
    expect(page.locator('[data-bp="qr-intro"]')).to_be_hidden()  # no "scan this QR code" above the note
    assert decode(code).kind == "post"  # the text code still works
    context.close()
    assert errors == []
