"""Hostile trainer Markdown built into a real site and opened in Chromium.

tests/fixtures/hostile-project holds one payload per module section (every
extension of mkdocs.yml, every URL spelling) and in every Markdown-bearing
field (summary, objective, key point, step, materials, facilitator notes,
glossary, citation, quiz prompt, choice, feedback, explanation). Each
payload calls alert(): any dialog means trainer text ran. Every link and
image is hovered and the in-page ones clicked; no event-handler attribute
and no script address may be left in the DOM, nothing may be fetched from
another host, and the legitimate Markdown beside each payload (a table, an
admonition, a link to a section, an image) must still render.
"""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.test_site import _Quiet, mkdocs_build

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile-project"
PAGES = ["modul/serangan/", "modul/", "glosarium/", "uji/serangan/", "uji/", "kemajuan/"]

# Everything in the DOM that could run script: attributes named on*, script
# addresses in any attribute that takes a URL, script-bearing elements in the article.
FIND_UNSAFE = """() => {
  const bad = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") bad.push(element.tagName + " " + name);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(value) && element.closest("article")) bad.push(element.tagName + " " + name + "=" + value);
    }
  }
  for (const element of document.querySelectorAll("article script, article iframe, article object, article embed, article form, article svg, article base, body meta, body base")) {
    bad.push("element " + element.tagName);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory):
    site = tmp_path_factory.mktemp("hostile") / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    mkdocs_build(HOSTILE, site, SITE_URL=base + "/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def guarded(page, hostile_base):
    """The page, with every dialog, script error and outside request recorded."""
    seen = {"dialogs": [], "errors": [], "outside": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))

    def only_local(route):
        if route.request.url.startswith(hostile_base):
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    page.context.route("**/*", only_local)
    # The Content-Security-Policy must never have to block anything: the theme's own scripts are hashed.
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI))")
    return page, seen


def _poke_everything(page) -> None:
    """Hover every link, image and text block of the article, click the in-page links and the images."""
    targets = page.locator("article a, article img, article p, article td, article summary, article .admonition-title")
    for index in range(targets.count()):
        target = targets.nth(index)
        if not target.is_visible():
            continue
        target.hover(timeout=2000)
        href = target.get_attribute("href") if target.evaluate("e => e.tagName") == "A" else None
        if target.evaluate("e => e.tagName") in ("IMG", "SUMMARY") or (href is not None and href.startswith("#")) or href is None:
            target.click(timeout=2000, no_wait_after=True)


@pytest.mark.parametrize("path", PAGES)
def test_no_trainer_script_runs_and_none_is_left_in_the_dom(guarded, hostile_base, path):
    page, seen = guarded
    page.goto(f"{hostile_base}/{path}")
    page.wait_for_load_state("load")
    for details in page.locator("article details").all():
        details.evaluate("e => e.open = true")
    _poke_everything(page)
    assert page.evaluate(FIND_UNSAFE) == []
    assert seen == {"dialogs": [], "errors": [], "outside": []}
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy.startswith("script-src 'self' 'wasm-unsafe-eval' 'sha256-") and "object-src 'none'" in policy and "base-uri 'self'" in policy
    assert page.evaluate("window.__csp") == []


def test_instant_navigation_search_and_the_widget_work_under_the_policy(guarded, hostile_base):
    page, seen = guarded
    page.goto(f"{hostile_base}/modul/serangan/")
    page.locator("article a[href*='uji/serangan']").first.click()
    page.wait_for_selector(".berdaya-quiz[data-bq-live]")
    page.locator(".bq-q").first.locator("input").first.check()
    page.locator(".bq-q").first.locator("[data-bq=check]").click()
    page.locator(".bq-q").first.locator(".bq-fb").filter(has_text="Penjelasan").wait_for()
    page.keyboard.press("/")
    page.keyboard.type("serangan")
    page.locator("dialog.bs .bs-hit").first.wait_for()  # Pagefind (WebAssembly) under the policy
    assert page.evaluate("window.__csp") == []
    assert seen == {"dialogs": [], "errors": [], "outside": []}


def test_legitimate_markdown_beside_every_payload_still_renders(guarded, hostile_base):
    page, seen = guarded
    page.goto(f"{hostile_base}/modul/serangan/")
    page.wait_for_load_state("load")
    sections = page.evaluate("""() => [...document.querySelectorAll("article h2[id^=k]")].map(h => h.id)""")
    assert len(sections) >= 30
    for section in sections:
        # Everything between this section's heading and the next one.
        report = page.evaluate(
            """id => {
                const parts = [];
                for (let node = document.getElementById(id).nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) parts.push(node);
                const within = selector => parts.some(node => node.matches(selector) || node.querySelector(selector));
                const image = parts.map(node => node.querySelector('img[src$="gambar/titik.png"]')).find(Boolean);
                return {table: within("table td"), admonition: within(".admonition.tip .admonition-title"),
                        link: within('a[href$="/modul/serangan/#pengantar"], a[href="#pengantar"]'), image: Boolean(image && image.complete && image.naturalWidth === 4)};
            }""",
            section,
        )
        assert report == {"table": True, "admonition": True, "link": True, "image": True}, section
    assert page.locator("#pengantar").count() == 1
    page.locator('article a[href$="#pengantar"]').first.click()
    page.wait_for_function("location.hash === '#pengantar'")
    assert seen["dialogs"] == []


def test_payloads_are_shown_as_typed_where_they_are_text(guarded, hostile_base):
    page, _ = guarded
    page.goto(f"{hostile_base}/modul/serangan/")
    article = page.locator("article").inner_text()
    for typed in ("<script>alert('s12')</script>", '<img src=x onerror="alert(\'s13\')">', "{ onclick=\"alert('s16')\" }", "[klik](javascript:alert('s30'))"):
        assert typed in article
