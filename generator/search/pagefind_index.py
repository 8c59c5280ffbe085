"""Index a built site with Pagefind (its Snowball stemmer knows Indonesian).

Runs after the HTML exists, from both doors: the MkDocs plugin's
on_post_build and ``berdaya search-index SITE`` after a build of
``berdaya generate`` output. Only the page content is indexed (Material's
article, without navigation, the table of contents and the quiz widget).
The glossary, the quiz pages and the index pages repeat words that the
modules explain, so their text weighs less (a quarter, a half) and a module
ranks first for the same word.

The index is written to a temporary folder beside the site and moved into
place whole (``pagefind/``), with ``files.json``, the list that the "save for
offline" button stores.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

OUTPUT_DIR = "pagefind"
FILE_LIST = "files.json"
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = [".headerlink", ".berdaya-quiz", "[data-berdaya-offline]", ".md-source-file", "nav", "script", "style"]
# Pages that repeat module text, and how much of a module's weight their words carry.
LIGHT_PAGES = (
    (re.compile(r"^glosarium(/index)?\.html$"), 0.25),
    (re.compile(r"^uji/"), 0.5),
    (re.compile(r"^[^/]+/index\.html$"), 0.5),
    (re.compile(r"^pelatihan/"), 0.5),  # training documents quote objectives, sections and activities
)
# A training's adapted copy of a module (pelatihan/<training>/modul/<module>)
# repeats the shared module page word for word: indexing it would list every
# module several times. Search leads to the shared page; the training's page
# links its own copies.
ADAPTED_MODULE_COPY = re.compile(r"^pelatihan/[^/]+/modul/")
_HEADING_WEIGHTS = {"h1": 7, "h2": 6, "h3": 5, "h4": 4, "h5": 3, "h6": 2}  # Pagefind's defaults
_TEXT_TAGS = re.compile(r"<(h[1-6]|p|li|dt|dd|td|th|summary)(?=[\s>])")
# Pagefind also writes its ready-made search interfaces and the index for
# pages of unknown language; the site has its own interface (search.js) and
# one language, so these are removed rather than stored offline.
UNUSED = re.compile(r"^(pagefind-(component-|modular-)?ui\.(js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$")


class IndexCancelled(Exception):
    """The pages changed while they were being indexed (a new build began): nothing was written."""


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    files: int
    bytes: int


def index_site(site_dir: Path, language: str, cancelled: threading.Event | None = None) -> IndexSummary:
    """Write ``site_dir/pagefind/`` for every HTML page of ``site_dir``.

    Once ``cancelled`` is set, indexing stops at the next page and raises
    ``IndexCancelled``, leaving any index already in place as it was."""
    job = _index(Path(site_dir), language, cancelled or threading.Event())
    if not _event_loop_running():
        return asyncio.run(job)
    # A caller that is itself inside an event loop (a build started from an
    # async program or test harness) can't asyncio.run here: index in a thread.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, job).result()


def _event_loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def _index(site_dir: Path, language: str, cancelled: threading.Event) -> IndexSummary:
    from pagefind.index import IndexConfig, PagefindIndex  # imported here: only builds that index pay for it

    pages = sorted(path for path in site_dir.rglob("*.html") if not _skipped(path.relative_to(site_dir)))
    if not pages:
        return IndexSummary(pages=0, files=0, bytes=0)  # nothing built (yet): nothing to index
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
    try:
        output = scratch / OUTPUT_DIR
        config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=EXCLUDE, force_language=language, output_path=str(output))
        async with PagefindIndex(config=config) as index:
            for page in pages:
                if cancelled.is_set():
                    raise IndexCancelled(str(site_dir))
                relative = page.relative_to(site_dir).as_posix()
                html = weighted(relative, page.read_text(encoding="utf-8"))
                await index.add_html_file(content=html, url=_url(relative))
        for unused in [p for p in output.iterdir() if UNUSED.match(p.name)]:
            unused.unlink()
        written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
        (output / FILE_LIST).write_text(json.dumps(written, separators=(",", ":")), encoding="utf-8")
        size = sum((output / name).stat().st_size for name in written)
        target = site_dir / OUTPUT_DIR
        if target.exists():
            shutil.rmtree(target)
        output.rename(target)
        return IndexSummary(pages=len(pages), files=len(written), bytes=size)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _skipped(relative: Path) -> bool:
    # The 404 page and anything already in an index folder are not content.
    path = relative.as_posix()
    return path == "404.html" or relative.parts[0] == OUTPUT_DIR or bool(ADAPTED_MODULE_COPY.match(path))


def _url(relative: str) -> str:
    """Result URLs relative to the site root (no leading slash): the browser
    side joins them to the site's address, so a site under /berdaya/ works."""
    return relative[: -len("index.html")] if relative.endswith("/index.html") or relative == "index.html" else relative


def weighted(relative: str, html: str) -> str:
    """The page with Pagefind weights on its text elements when it only repeats module text."""
    factor = next((factor for pattern, factor in LIGHT_PAGES if pattern.match(relative)), None)
    if factor is None:
        return html

    def weigh(match: re.Match[str]) -> str:
        tag = match.group(1)
        return f'<{tag} data-pagefind-weight="{_HEADING_WEIGHTS.get(tag, 1) * factor:g}"'

    return _TEXT_TAGS.sub(weigh, html)
