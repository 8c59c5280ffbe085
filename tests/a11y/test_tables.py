"""Tables on phones (site.css, site.js): tables fit a 320 px screen where they
can; one that cannot scrolls sideways in a region the keyboard reaches and a
screen reader names, and only while it has to."""

from __future__ import annotations

PHONES = ({"width": 320, "height": 640}, {"width": 360, "height": 740})
DESKTOP = {"width": 1280, "height": 800}
WIDE_TABLES = "modul/strategi-mikro-mezzo-makro.html"  # tables too wide for 320 px, not for 360 px

SCROLLERS = """() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(wrap => ({
  overflows: wrap.scrollWidth > wrap.clientWidth + 1,
  tableScrolls: wrap.querySelector('table').scrollWidth > wrap.querySelector('table').clientWidth + 1,
  tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'), label: wrap.getAttribute('aria-label'),
}))"""


def settle(page) -> None:
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_page(browser, url: str, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(url, wait_until="load")
    page.locator(".md-typeset__scrollwrap").first.wait_for()
    settle(page)
    return context, page


def test_the_modules_index_fits_a_phone_without_scrolling(chromium, site_base):
    def measure(browser):
        found = []
        for viewport in PHONES:
            context, page = open_page(browser, site_base + "modul/index.html", viewport)
            found.append((viewport["width"], page.evaluate(SCROLLERS), page.evaluate("document.documentElement.scrollWidth")))
            context.close()
        return found

    for width, scrollers, page_width in chromium.run(measure):
        assert page_width == width
        assert [s["overflows"] or s["tableScrolls"] for s in scrollers] == [False], (width, scrollers)


def test_a_table_wider_than_the_screen_is_a_named_region_the_keyboard_scrolls(chromium, site_base):
    def walk(browser):
        context, page = open_page(browser, site_base + WIDE_TABLES, DESKTOP)
        try:
            desktop = page.evaluate(SCROLLERS)
            page.set_viewport_size(PHONES[0])
            settle(page)
            phone = page.evaluate(SCROLLERS)
            wrap = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
            wrap.focus()
            focused = page.evaluate("document.activeElement.classList.contains('md-typeset__scrollwrap')")
            page.keyboard.press("ArrowRight")
            page.wait_for_function("document.activeElement.scrollLeft > 0")
            page.set_viewport_size(DESKTOP)
            settle(page)
            return desktop, phone, focused, page.evaluate(SCROLLERS)
        finally:
            context.close()

    desktop, phone, focused, desktop_again = chromium.run(walk)
    plain = {"overflows": False, "tableScrolls": False, "tabindex": None, "role": None, "label": None}
    assert desktop == desktop_again == [plain] * len(desktop)  # no needless tab stops on a wide screen
    wide = [s for s in phone if s["overflows"]]
    assert wide, "expected a table too wide for 320 px on " + WIDE_TABLES
    assert not any(s["tableScrolls"] for s in phone)  # one scroll container per table: the named one
    for scroller in phone:
        if scroller["overflows"]:
            assert scroller["tabindex"] == "0" and scroller["role"] == "region"
            assert scroller["label"].startswith("Tabel: ") and scroller["label"].endswith(", dapat digeser ke samping")
            assert "¶" not in scroller["label"]
        else:
            assert scroller == plain
    assert focused
