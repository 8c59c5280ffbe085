"""Page weight: what a phone downloads to open a self-assessment page the first time.

The shipped site is built and every page is weighed: its HTML plus every
stylesheet (<link rel="stylesheet">) and script (<script src>) it references,
and the page scripts site.js loads for it (data-berdaya-scripts, e.g. the
quiz widget), each gzipped at level 9 as a server would send it, as the site
ships it (our own scripts minified). URLs are resolved against the page. The
heaviest page of all and the heaviest self-assessment page are reported,
with the heaviest page of each kind (URL prefix). Not counted, because they load lazily and only when the reader
opens search: Material's search worker (its URL sits in the page's
__config JSON, not in a <script src>) and the search index it fetches; nor
the scripts a page names in data-berdaya-later (the QR generator), which
site.js loads only when a page script asks for them (listed as "later").
Images, fonts and the favicon are not counted either (theme.font is false,
so there are no web fonts).

Sizes are in KB of 1,000 bytes, the stricter reading of the targets.
"""

from __future__ import annotations

import gzip
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from bench.overhead import build
from generator.site.assets_files import SITE_DIR, asset_contents

PROJECT = Path(__file__).resolve().parent.parent
WIDGET = (f"{SITE_DIR}/quiz.js", f"{SITE_DIR}/quiz.css")  # as shipped (minified)
PAGE_TARGET_KB = 90
WIDGET_TARGET_KB = 10
NOTEBOOK_PAGE = "panduan/analisis-kebutuhan.html"
# Loaded on demand by the search feature, never on first load; excluded even if a page names them.
LAZY = ("workers/search", "search/search_index")


class _References(HTMLParser):
    """Collects stylesheet and script URLs in document order, and page scripts by site path."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.page_assets: list[str] = []
        self.later: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])
        for name in (values.get("data-berdaya-scripts") or "").split():
            self.page_assets.append(f"{SITE_DIR}/{name}")
        for name in (values.get("data-berdaya-later") or "").split():  # on demand: not first load
            self.later.append(f"{SITE_DIR}/{name}")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site_dir: Path, page: Path) -> dict:
    """The page's own gzipped size plus each referenced CSS/JS file's, by site path."""
    parser = _References()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    page_path = page.relative_to(site_dir).as_posix()
    files, external, lazy = {}, [], []
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:  # a third-party request: reported, cannot be weighed here
            external.append(url)
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path))
        if any(marker in path for marker in LAZY):
            lazy.append(path)
            continue
        files[path] = gzipped((site_dir / path).read_bytes())
    for path in parser.page_assets:
        files[path] = gzipped((site_dir / path).read_bytes())
    total = gzipped(html) + sum(files.values())
    return {"page": page_path, "html_gzip": gzipped(html), "files_gzip": files, "external": external, "lazy_excluded": lazy,
            "later": parser.later, "total_gzip": total}


def _kind(page: str) -> str:
    """'pelatihan/x/jadwal.html' -> 'pelatihan/*/jadwal', 'pelatihan/x/panduan-hari-2.html' ->
    'pelatihan/*/panduan-hari-*', 'modul/x.html' -> 'modul/*', 'glosarium.html' -> 'glosarium'."""
    parts = page.removesuffix(".html").split("/")
    if parts[0] == "pelatihan" and len(parts) == 3:  # a training's documents: jadwal, panduan, ...
        name = "panduan-hari-*" if parts[2].startswith("panduan-hari-") else parts[2]  # the guide's days: one kind
        return f"pelatihan/*/{name}"
    return "/".join([parts[0], *["*"] * (len(parts) - 1)])


def measure(workdir: Path) -> dict:
    site_dir = workdir / "weight-site"
    build(PROJECT / "mkdocs.yml", site_dir)
    every = [page_weight(site_dir, page) for page in sorted(site_dir.rglob("*.html")) if page.name != "404.html"]
    pages = [weight for weight in every if weight["page"].startswith("uji/") and weight["page"] != "uji/index.html"]
    heaviest = max(pages, key=lambda weight: weight["total_gzip"])
    overall = max(every, key=lambda weight: weight["total_gzip"])
    kinds: dict[str, dict] = {}
    for weight in every:
        kind = _kind(weight["page"])
        if kind not in kinds or weight["total_gzip"] > kinds[kind]["total_gzip"]:
            kinds[kind] = weight
    shipped = asset_contents()
    widget = sum(gzipped(shipped[path]) for path in WIDGET)
    notebook = page_weight(site_dir, site_dir / NOTEBOOK_PAGE)
    return {
        "pages_weighed": len(pages),
        "all_pages_weighed": len(every),
        "heaviest_overall": overall,
        "heaviest_overall_kb": overall["total_gzip"] / 1000,
        "overall_met": overall["total_gzip"] <= PAGE_TARGET_KB * 1000 and not overall["external"],
        "heaviest_by_kind": {kind: {"page": w["page"], "kb": w["total_gzip"] / 1000} for kind, w in sorted(kinds.items())},
        "heaviest": heaviest,
        "heaviest_kb": heaviest["total_gzip"] / 1000,
        "page_met": heaviest["total_gzip"] <= PAGE_TARGET_KB * 1000 and not heaviest["external"],
        # Each file gzipped on its own, as the server sends them; gzipping the two concatenated is ~0.15 KB smaller.
        "widget_gzip": widget,
        "widget_kb": widget / 1000,
        "widget_met": widget <= WIDGET_TARGET_KB * 1000,
        # The worked notebook (executed during the build) is held to the quiz pages' target.
        "notebook": notebook,
        "notebook_kb": notebook["total_gzip"] / 1000,
        "notebook_met": notebook["total_gzip"] <= PAGE_TARGET_KB * 1000 and not notebook["external"],
    }
