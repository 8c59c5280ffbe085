"""Engine portability: build `berdaya generate`'s output with Zensical and check it in Chromium.

Not a CI gate: a measurement for planning the move away from Material for
MkDocs (bench/README.md, "Engine portability"). Zensical reads mkdocs.yml
but runs no MkDocs plugins, so it is given what a plain MkDocs build gets
(the plugin-free twin of bench/overhead.py: hand-written docs/ plus what
`berdaya generate` writes, and a mkdocs.yml without the berdaya plugin but
with the widget's assets in extra_css/extra_javascript).

    .venv/bin/python -m bench.zensical_check            # or: make portability
    .venv/bin/python -m bench.zensical_check --no-install   # reuse the venv as it is

Zensical goes into its own venv (bench/results/zensical-venv, gitignored),
upgraded to the newest version the package registry serves that installs
here. Each check prints ok / FAIL with what it saw; the whole report goes to
bench/results/zensical.json. The exit code is 0 whatever the checks find.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.overhead import plain_site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VENV = RESULTS / "zensical-venv"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def install(venv: Path) -> str:
    """Create the venv if needed, upgrade zensical in it; return the installed version."""
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "zensical"], check=True)
    return zensical_version(venv)


def zensical_version(venv: Path) -> str:
    done = subprocess.run([str(venv / "bin" / "zensical"), "--version"], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip()


def build(venv: Path, site: Path) -> dict:
    start = time.perf_counter()
    done = subprocess.run(
        [str(venv / "bin" / "zensical"), "build", "--clean", "-f", "mkdocs.yml"],
        cwd=site, capture_output=True, text=True,
    )
    return {
        "ok": done.returncode == 0,
        "seconds": round(time.perf_counter() - start, 2),
        "output": (done.stdout + done.stderr).strip()[-3000:],
    }


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


class Report:
    def __init__(self) -> None:
        self.checks: list[dict] = []

    def check(self, area: str, name: str, run) -> None:
        """Run one check; it returns (passed, what was seen) or raises."""
        try:
            passed, seen = run()
        except Exception as problem:  # a check that crashes is a failed check, not a crashed report
            passed, seen = False, f"{type(problem).__name__}: {str(problem).splitlines()[0][:300]}"
        self.checks.append({"area": area, "check": name, "ok": bool(passed), "seen": seen})
        print(f"{'ok  ' if passed else 'FAIL'} [{area}] {name}: {seen}", flush=True)


def browser_checks(report: Report, site_dir: Path, generated: list[str], source: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, server = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                _pages(report, browser, base, site_dir, generated, source)
                _widget(report, browser, base, site_dir)
                _offline(report, browser, base, site_dir)
                _search(report, browser, base)
                _trainer_pages(report, browser, base, site_dir)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def plugin_navigation(site: Path) -> tuple[dict, list[str]]:
    """The section titles and module order the plugin's on_nav would give."""
    from generator.content.catalog import load_catalog
    from generator.settings import read_settings
    from generator.site.locale import page_strings

    settings = read_settings(site / "mkdocs.yml")
    catalog = load_catalog(settings.sources)
    return page_strings(settings.language), [module.id for module in catalog.module_items]


def _context(browser, **options):
    context = browser.new_context(viewport={"width": 360, "height": 740}, **options)
    context.set_default_timeout(10_000)
    return context


def _watched_page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)[:200]))
    return page, errors


def _pages(report: Report, browser, base: str, site_dir: Path, generated: list[str], source: Path) -> None:
    strings, module_order = plugin_navigation(source)
    expected = sorted(str(Path(p).with_suffix(".html")) for p in generated)
    missing = [p for p in expected if not (site_dir / p).exists()]
    report.check("pages", "every generated page has an HTML page", lambda: (not missing, f"{len(expected) - len(missing)}/{len(expected)} present" + (f", missing {missing[:5]}" if missing else "")))

    context = _context(browser)
    page, errors = _watched_page(context)

    def open_all():
        without_h1 = []
        for path in expected:
            if path in missing:
                continue
            page.goto(f"{base}/{path}", wait_until="load")
            if page.locator("article h1").count() == 0:
                without_h1.append(path)
        return not without_h1 and not errors, f"{len(expected) - len(missing)} opened, {len(without_h1)} without a heading, script errors: {errors[:3]}"

    report.check("pages", "every page opens with its heading and no script error", open_all)

    def theme():
        page.goto(f"{base}/modul/index.html")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
        sheets = page.evaluate("[...document.styleSheets].map(s => s.href || '').filter(h => h.includes('/assets/stylesheets/')).map(h => h.split('/assets/stylesheets/')[1])")
        berdaya_css = page.evaluate("!!document.querySelector('link[href$=\"stylesheets/berdaya.css\"]')")
        return header != "static" and berdaya_css, f"header position {header}; theme sheets {sheets}; berdaya.css linked: {berdaya_css}"

    report.check("pages", "theme styles and the site's own stylesheet load", theme)

    def nav_order():
        page.goto(f"{base}/index.html")
        sections = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > label .md-ellipsis").evaluate_all("els => els.map(e => e.textContent.trim())")
        links = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        in_nav = [Path(link).stem for link in links if "/modul/" in link and not link.endswith("index.html")]
        wanted_titles = {strings["modules_title"], strings["quizzes_title"]}
        same_order = in_nav == module_order
        titled = wanted_titles <= set(sections)
        return same_order and titled, f"sections {sections} (the plugin names them {sorted(wanted_titles)}); modules in curriculum order: {same_order}"

    report.check("pages", "navigation: section titles and module order (the plugin's on_nav does this)", nav_order)

    def overrides():
        page.goto(f"{base}/index.html")
        deferred = page.evaluate("[...document.querySelectorAll('script[src]')].every(s => s.defer)")
        named = page.evaluate("!!document.querySelector('[data-md-component=search][role=dialog][aria-label]')")
        raw = (site_dir / "index.html").read_text(encoding="utf-8")
        tag = re.search(r'<div class="md-search"[^>]*>', raw)
        doubled = bool(tag) and tag.group(0).count("aria-label=") > 1
        return deferred and named and not doubled, f"all scripts deferred: {deferred}; search dialog has a name: {named}; name given twice (engine + override): {doubled}"

    report.check("pages", "template overrides (overrides/main.html) applied", overrides)
    context.close()


def _widget(report: Report, browser, base: str, site_dir: Path) -> None:
    quizzes = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "uji").glob("*.html") if p.name != "index.html")
    target = f"{base}/{quizzes[0]}" if quizzes else f"{base}/uji/index.html"

    def prerendered():
        context = _context(browser, java_script_enabled=False)
        page = context.new_page()
        page.goto(target)
        questions = page.locator(".bq-q").count()
        buttons = page.locator("[data-bq=check]").count()
        context.close()
        return questions > 0 and buttons > 0, f"{quizzes[0] if quizzes else '-'} with scripts off: {questions} questions, {buttons} check buttons"

    report.check("widget", "questions are in the HTML (scripts off)", prerendered)

    def answer():
        context = _context(browser)
        page, errors = _watched_page(context)
        page.goto(target)
        page.wait_for_selector(".berdaya-quiz[data-bq-live]")
        first = page.locator(".bq-q").first
        first.locator("fieldset input").first.check()
        first.locator("[data-bq=check]").click()
        status = first.locator(".bq-status").inner_text()
        stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('berdaya.'))")
        context.close()
        return bool(status.strip()) and not errors, f"status after check: {status.strip()!r}; stored keys {stored}; script errors {errors[:3]}"

    report.check("widget", "the widget goes live and checks an answer", answer)


QUERY = "pendamping"  # must find the module peran-pendamping
COUNTED = re.compile(r"\d+ (results?|hasil|dokumen)")


def berdaya_search(page, query: str = QUERY) -> tuple[list[str], str]:
    """Berdaya's header search (assets/search.js, Pagefind): open it with its key, type,
    wait for result links; (their addresses, the status line)."""
    page.wait_for_function("document.readyState === 'complete'")
    page.keyboard.press("s")  # search.js opens its dialog on f, s and /, as Material does
    page.locator("dialog.bs input.bs-q").fill(query)
    page.locator("dialog.bs a.bs-link").first.wait_for()
    links = page.locator("dialog.bs a.bs-link").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    return links, page.locator("dialog.bs .bs-status").inner_text().strip()


def engine_search(page, query: str = QUERY) -> tuple[list[str], str]:
    """The engine's own search box (Material's lunr, or Zensical's in a shadow root), which a
    page opened from disk keeps (search.js stays out of the way there)."""
    page.locator("label[for=__search]").first.click()
    page.keyboard.type(query)
    counted = page.get_by_text(COUNTED).first
    counted.wait_for()
    links = page.locator(".md-search-result a[href]").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    return links + page.evaluate(SHADOW_LINKS), counted.inner_text().strip()


def _found(links: list[str], status: str, where: str, errors: list[str]) -> tuple[bool, str]:
    peran = [link for link in links if "peran-pendamping" in link]
    return bool(peran) and not errors, f"{where}: {QUERY!r} gives {status!r} ({len(links)} links, {len(peran)} to peran-pendamping, first {links[:1]}); script errors {errors[:2]}"


def _offline_search(page, errors: list[str]) -> tuple[bool, str]:
    try:
        return _found(*berdaya_search(page), "offline, Berdaya search", errors)
    except Exception as problem:
        return False, f"offline search shows no results ({type(problem).__name__}: {str(problem).splitlines()[0][:120]})"


def _offline(report: Report, browser, base: str, site_dir: Path) -> None:
    def worker():
        context = _context(browser)
        page = context.new_page()
        page.goto(f"{base}/modul/index.html")
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        page.wait_for_timeout(300)
        context.set_offline(True)
        page.reload()
        heading = page.locator("h1").first.inner_text()
        context.close()
        return bool(heading), f"offline reload shows {heading!r}"

    report.check("offline", "service worker: a page once read reloads offline", worker)

    def save_course():
        context = _context(browser)
        page, errors = _watched_page(context)
        page.goto(f"{base}/modul/index.html")
        box = page.locator("[data-berdaya-offline]")
        box.get_by_role("button").click()
        status = box.locator("[role=status]")
        page.wait_for_function("el => /Selesai|Gagal|gagal|fail/i.test(el.textContent)", arg=status.element_handle(), timeout=30_000)
        saved = status.inner_text()
        context.set_offline(True)
        quizzes = sorted(p.name for p in (site_dir / "uji").glob("*.html") if p.name != "index.html")
        page.goto(f"{base}/uji/{quizzes[-1]}")
        questions = page.locator(".bq-q").count()
        offline_search.append(_offline_search(page, errors))
        context.close()
        return "Selesai" in saved and questions > 0, f"box says {saved.strip()!r}; unvisited quiz offline: {questions} questions; errors {errors[:2]}"

    offline_search: list[tuple[bool, str]] = []
    report.check("offline", "'save for offline' stores the course; an unvisited page opens offline", save_course)
    report.check("offline", "search works offline after 'save for offline'", lambda: offline_search[0] if offline_search else (False, "not reached"))

    def from_disk():
        context = _context(browser)
        page, errors = _watched_page(context)
        page.goto((site_dir / "index.html").as_uri())
        title = page.locator("h1").first.inner_text()
        quiz = next(p for p in sorted((site_dir / "uji").glob("*.html")) if p.name != "index.html")
        page.goto(quiz.as_uri())
        page.wait_for_selector(".berdaya-quiz[data-bq-live]")
        context.close()
        return not errors, f"home {title!r}; quiz widget live from file://; script errors {errors[:2]}"

    report.check("offline", "the built folder opened from disk (file://)", from_disk)

    def from_disk_search():
        context = _context(browser)
        page, errors = _watched_page(context)
        page.goto((site_dir / "index.html").as_uri())
        links, status = engine_search(page)
        context.close()
        return _found(links, status, "file://, the engine's own search (search.js stays out)", errors)

    report.check("offline", "opened from disk, the engine's own search is the fallback and finds the module", from_disk_search)


# Zensical's search draws its box inside a shadow root: walk them all for links.
SHADOW_LINKS = """() => {
  const links = [];
  const walk = root => root.querySelectorAll("*").forEach(el => {
    if (el.shadowRoot) { el.shadowRoot.querySelectorAll("a[href]").forEach(a => links.push(a.getAttribute("href"))); walk(el.shadowRoot); }
  });
  walk(document);
  return links;
}"""


def _search(report: Report, browser, base: str) -> None:
    """Over http the header search is Berdaya's (search.js + the Pagefind index that
    `berdaya search-index` writes after the build); Material's, or the engine's, stays
    as the fallback for file:// (checked with the offline ones)."""
    seen: dict[str, str] = {}

    def search():
        context = _context(browser)
        page, errors = _watched_page(context)
        page.goto(f"{base}/index.html")
        if not page.evaluate("!!document.querySelector('script[src*=\"berdaya/search.js\"]')"):
            context.close()
            return False, "search.js is not on the page: the header search is the engine's own"
        links, seen["status"] = berdaya_search(page)
        seen["close"] = page.locator("dialog.bs .bs-close").get_attribute("aria-label") or ""
        context.close()
        return _found(links, seen["status"], "Berdaya search (Pagefind)", errors)

    report.check("search", f"header search finds the module on {QUERY!r}", search)

    def wording():
        # The status line takes the theme's words (__config translations); the close button search.js's own.
        status, close = seen.get("status", ""), seen.get("close", "")
        indonesian = bool(re.search(r"dokumen|ditemukan|hasil", status)) and close.startswith("Tutup")
        return indonesian, f"status line {status!r}, close button {close!r} (theme.language is id)"

    report.check("search", "the search dialog speaks the site's language", wording)


def _trainer_pages(report: Report, browser, base: str, site_dir: Path) -> None:
    context = _context(browser)
    page, errors = _watched_page(context)
    reports = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "kebutuhan").glob("*.html")) if (site_dir / "kebutuhan").is_dir() else []

    def needs():
        page.goto(f"{base}/{reports[0]}")
        charts = page.locator("article svg").count()
        tables = page.locator("article table").count()
        return charts > 0 and tables > 0 and not errors, f"{reports[0]}: {charts} charts, {tables} tables"

    report.check("trainer pages", "needs report page", needs if reports else lambda: (False, "no kebutuhan/*.html page built"))

    trainings = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.parts[len(site_dir.parts)] in ("pelatihan", "trainings"))

    def training():
        page.goto(f"{base}/{trainings[0]}")
        return page.locator("article h1").count() > 0 and not errors, f"{len(trainings)} training pages; {trainings[0]} opens"

    report.check("trainer pages", "training pages", training if trainings else lambda: (False, "berdaya generate writes no training page yet (nothing to build)"))

    def progress():
        page.goto(f"{base}/kemajuan.html")
        page.wait_for_load_state("networkidle")
        scripts = page.evaluate("[...document.scripts].map(s => s.src.split('/').pop()).filter(n => n.startsWith('result'))")
        return bool(scripts) and not errors, f"per-page scripts loaded: {scripts}; errors {errors[:2]}"

    report.check("trainer pages", "progress page (kemajuan) loads its own scripts", progress)
    context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="use the venv as it is")
    parser.add_argument("--no-search-index", action="store_true", help="skip berdaya search-index after the build")
    parser.add_argument("--site", type=Path, default=ROOT, help="the site folder (mkdocs.yml), default: the project")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    RESULTS.mkdir(parents=True, exist_ok=True)
    version = zensical_version(VENV) if args.no_install else install(VENV)
    print(f"zensical {version}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="berdaya-zensical-"))
    try:
        plain = plain_site(args.site.resolve(), work / "plain")
        generated = sorted(
            p.relative_to(work / "plain-generated").as_posix()
            for p in (work / "plain-generated").rglob("*.md")
        )
        built = build(VENV, plain)
        print(f"build: {'ok' if built['ok'] else 'FAILED'} in {built['seconds']} s", flush=True)
        report = Report()
        if built["ok"] and not args.no_search_index:
            # The plugin indexes in on_post_build, which Zensical never calls: index the result as after any other build.
            indexed = subprocess.run([str(Path(sys.executable).parent / "berdaya"), "search-index", str(plain / "site")], capture_output=True, text=True)
            built["search_index"] = indexed.returncode == 0
            print(f"berdaya search-index: {'ok' if indexed.returncode == 0 else 'FAILED ' + indexed.stderr[-300:]}", flush=True)
        if built["ok"]:
            browser_checks(report, plain / "site", generated, args.site.resolve())
        else:
            print(built["output"])
        summary = {"zensical": version, "build": built, "checks": report.checks}
        (RESULTS / "zensical.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
        passed = sum(check["ok"] for check in report.checks)
        print(f"{passed}/{len(report.checks)} checks pass; report in {RESULTS / 'zensical.json'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
