"""Site search in Chromium: Pagefind on http(s), Material's lunr search from disk.

Measures recall@5 on tests/browser/search_queries.yml for both and writes the
figures to test-artifacts/search-recall.json (reported in bench/README.md).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.test_site import ARTIFACTS, PROJECT, mkdocs_build

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return mkdocs_build(PROJECT, tmp_path_factory.mktemp("search") / "site")


def _page(url: str) -> str:
    """'.../modul/x.html#s' -> 'x' for module pages, the path otherwise."""
    path = url.split("#")[0].split("?")[0]
    name = path.rsplit("/", 1)[-1]
    return name[: -len(".html")] if "/modul/" in path and name.endswith(".html") else path


def _recall(found: dict[str, list[str]]) -> float:
    hits = [any(page in found[q["query"]][:5] for page in q["expect"]) for q in QUERIES]
    return sum(hits) / len(hits)


def test_query_list_is_large_enough():
    assert len(QUERIES) >= 30
    modules = {p.stem for p in (PROJECT / "docs/modules").glob("*.yml")}
    assert all(set(q["expect"]) <= modules for q in QUERIES)


def test_search_opens_from_the_header_and_loads_only_then(page, http_server, built):
    base = http_server(built)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/modul/prinsip-pemberdayaan.html")
    page.wait_for_load_state("networkidle")
    # Nothing before it is opened: not the dialog's script, not Pagefind.
    assert not [url for url in requested if "/pagefind/" in url or url.endswith("/search-dialog.js")]
    # Material's own index (hundreds of KB) is for file:// only: never fetched over http.
    assert not [url for url in requested if "search_index" in url]
    page.keyboard.press("/")  # Material's shortcut opens ours
    dialog = page.locator("dialog.bs")
    expect(dialog).to_be_visible()
    search = dialog.get_by_role("searchbox")
    expect(search).to_be_focused()
    page.wait_for_load_state("networkidle")
    at_open = _sent(built, requested)  # the program, fetched while the trainee types
    assert len([url for url in requested if url.endswith("/search-dialog.js")]) == 1
    search.fill("pendampingan")
    first = dialog.locator(".bs-hit a").first
    expect(first).to_have_attribute("href", "/modul/peran-pendamping.html#pengantar")
    assert "dokumen ditemukan" in dialog.get_by_role("status").inner_text()
    assert first.locator(".bs-section").inner_text().startswith("Pengantar")
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-phone.png"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/modul/peran-pendamping.html#pengantar")
    expect(dialog).to_be_hidden()
    # The header button opens it again after instant navigation.
    page.locator('label[for="__search"]').first.click()
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    names = {url.split("/pagefind/")[1].split("?")[0] for url in requested if "/pagefind/" in url}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.id.pagefind"} <= names
    figures = {"opened": at_open, "opened_and_one_query": _sent(built, requested)}
    (ARTIFACTS / "search-open-bytes.json").write_text(json.dumps(figures), encoding="utf-8")
    assert figures["opened"] < 110_000 and figures["opened_and_one_query"] < 200_000, figures


def _sent(built: Path, requested: list[str]) -> int:
    """Bytes of the search files requested so far (the dialog's script and Pagefind's), as a gzip-serving host sends them
    (the index parts and the WebAssembly are compressed already)."""
    names = {url.split("/pagefind/")[1].split("?")[0] for url in requested if "/pagefind/" in url}
    files = [built / "pagefind" / name for name in names]
    files += [built / "assets/berdaya/search-dialog.js" for url in requested if url.endswith("/search-dialog.js")][:1]
    return sum(len(gzip.compress(f.read_bytes(), 9)) if f.suffix in (".js", ".json") else f.stat().st_size for f in files)


def test_recall_at_5_pagefind_and_lunr(page, http_server, built):
    base = http_server(built)
    page.goto(base + "/index.html")
    pagefind = {}
    for q in QUERIES:
        urls = page.evaluate(
            """async (query) => {
            const pf = window.__pf || (window.__pf = await import(new URL('pagefind/pagefind.js', location.href).href));
            await pf.options({ baseUrl: '/' });
            const found = await pf.search(query);
            return Promise.all(found.results.slice(0, 5).map(async r => (await r.data()).url));
        }""",
            q["query"],
        )
        pagefind[q["query"]] = [_page(url) for url in urls]
    # The folder opened from disk: Material's own (lunr) search, as a trainee gets it there.
    page.goto((built / "index.html").as_uri())
    lunr = {}
    page.locator('label[for="__search"]').first.click()
    box = page.locator(".md-search__input")
    for q in QUERIES:
        box.fill("")
        box.press_sequentially(q["query"])  # Material searches on key events
        page.wait_for_function(
            """() => { const meta = document.querySelector('.md-search-result__meta').textContent;
                return /Tidak ada/.test(meta) || (/ditemukan/.test(meta)
                    && document.querySelectorAll('.md-search-result__list > li').length > 0); }""",
            timeout=10_000,
        )
        hrefs = page.locator(".md-search-result__list > li > a").evaluate_all("els => els.map(a => a.href)")
        lunr[q["query"]] = [_page(url) for url in hrefs]
    figures = {
        "queries": len(QUERIES),
        "pagefind_recall_at_5": round(_recall(pagefind), 3),
        "lunr_recall_at_5": round(_recall(lunr), 3),
        "missed_by_pagefind": [q["query"] for q in QUERIES if not set(q["expect"]) & set(pagefind[q["query"]][:5])],
        "missed_by_lunr": [q["query"] for q in QUERIES if not set(q["expect"]) & set(lunr[q["query"]][:5])],
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-recall.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    print(figures)
    assert figures["pagefind_recall_at_5"] >= 0.8, figures
    assert figures["pagefind_recall_at_5"] > figures["lunr_recall_at_5"], figures


def test_search_works_offline_after_saving_the_course(chromium_browser, http_server, built):
    base = http_server(built)
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + "/modul/index.html")
    box = page.locator("[data-berdaya-offline]")
    box.get_by_role("button").click()
    expect(box.locator("[role=status]")).to_contain_text("Selesai", timeout=30_000)
    context.set_offline(True)
    page.goto(base + "/glosarium.html")
    page.locator('label[for="__search"]').first.click()
    dialog = page.locator("dialog.bs")
    dialog.get_by_role("searchbox").fill("berkuasa")
    expect(dialog.locator(".bs-hit").first).to_be_visible()
    assert "/modul/" in dialog.locator(".bs-hit a").first.get_attribute("href")
    context.close()


def test_tabbing_past_the_header_field_does_not_open_the_dialog(page, http_server, built):
    page.set_viewport_size({"width": 1280, "height": 800})  # the header field shows on wide screens
    page.goto(http_server(built) + "/index.html")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert page.locator("dialog.bs[open]").count() == 0
    page.keyboard.type("berdaya")  # typing there opens it, nothing typed is lost
    dialog = page.locator("dialog.bs")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("searchbox")).to_have_value("berdaya")
    expect(dialog.locator(".bs-hit").first).to_be_visible()
