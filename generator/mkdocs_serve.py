"""What the MkDocs door keeps between the rebuilds of `mkdocs serve`.

A save under `mkdocs serve` rebuilds the whole site. The core already redoes
only the changed file's work (content/cache.py, site/sanitize.py); these two
keep MkDocs' own share of a rebuild close to that:

- ``ConvertedPages``: MkDocs converts every page's Markdown again on each
  rebuild. A page whose Markdown, place and setting are what they were at the
  last rebuild gets its previous conversion back instead.
- ``BackgroundSearchIndex``: the Pagefind index is rebuilt after the pages are
  served instead of before, and the previous index answers meanwhile.

Only for `mkdocs serve`: `mkdocs build` always converts and indexes in full,
so its warnings (broken links) and its output never depend on a previous run.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .search.pagefind_index import IndexCancelled


@dataclass(frozen=True)
class _Conversion:
    """What ``Page.render`` leaves on a page (MkDocs 1.6)."""

    content: str
    toc: TableOfContents
    title: str | None
    anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


class ConvertedPages:
    """Markdown -> HTML conversions of the last rebuild, by page and content."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, _Conversion]] = {}
        self._waiting: dict[str, str] = {}  # src_uri -> key of a page converted in this build
        self._setting = ""
        self._files: Files | None = None
        self.reused = 0

    def start_build(self, config: MkDocsConfig, files: Files) -> None:
        """The setting every conversion depends on: the Markdown extensions and which pages exist where
        (a link to a page is written relative to it, and only if it exists)."""
        places = sorted((file.src_uri, file.dest_uri) for file in files)
        setting = repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"], places))
        self._setting = hashlib.sha256(setting.encode("utf-8")).hexdigest()
        self._files = files
        self._waiting = {}
        self.reused = 0
        kept = {file.src_uri for file in files}
        self._kept = {uri: entry for uri, entry in self._kept.items() if uri in kept}

    def reuse_or_watch(self, page: Page, markdown: str) -> None:
        """Give ``page`` its previous conversion if nothing it depends on changed; otherwise note it."""
        if "render" in vars(page):  # another plugin converts this page its own way (a notebook)
            return
        uri = page.file.src_uri
        key = hashlib.sha256(f"{self._setting}\0{markdown}".encode("utf-8")).hexdigest()
        kept = self._kept.get(uri)
        if kept is not None and kept[0] == key:
            page.render = lambda config, files: self._restore(page, kept[1])  # MkDocs calls it next
            self.reused += 1
        else:
            self._waiting[uri] = key

    def remember(self, page: Page) -> None:
        """Keep a conversion MkDocs just made (call before anything changes ``page.content``)."""
        key = self._waiting.pop(page.file.src_uri, None)
        if key is None or page.content is None:
            return
        links = page.links_to_anchors
        self._kept[page.file.src_uri] = (key, _Conversion(
            content=page.content,
            toc=page.toc,
            title=page._title_from_render,
            anchor_ids=frozenset(page.present_anchor_ids or ()),
            links_to_anchors=None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        ))

    def _restore(self, page: Page, conversion: _Conversion) -> None:
        page.content = conversion.content
        page.toc = conversion.toc
        page._title_from_render = conversion.title
        page.present_anchor_ids = set(conversion.anchor_ids)
        if conversion.links_to_anchors is not None and self._files is not None:
            linked = {uri: self._files.get_file_from_path(uri) for uri in conversion.links_to_anchors}
            page.links_to_anchors = {linked[uri]: dict(anchors) for uri, anchors in conversion.links_to_anchors.items() if linked[uri]}


class BackgroundSearchIndex:
    """Rebuilds the search index while the new pages are already served.

    Each build cleans the site folder; the previous index is set aside before
    that and put back after, so search answers (from the pages as they were)
    until the new index replaces it a few seconds later.
    """

    def __init__(self, index: Callable[[Path, threading.Event], object], log: logging.Logger) -> None:
        self._index = index  # raises IndexCancelled once the event is set
        self._log = log
        self._worker: threading.Thread | None = None
        self._cancelled = threading.Event()
        self._set_aside: Path | None = None

    def before_build(self, site_dir: Path, output_dir: str) -> None:
        # The pages are about to change: an index still being made would be out of date
        # and must not read the folder while it is cleaned. It stops at its next page.
        self._cancelled.set()
        self.wait()
        current = site_dir / output_dir
        if current.is_dir():
            self._set_aside = Path(tempfile.mkdtemp(prefix=".berdaya-search-", dir=site_dir.parent)) / output_dir
            shutil.move(str(current), str(self._set_aside))

    def after_build(self, site_dir: Path, output_dir: str) -> None:
        if self._set_aside is not None:
            if not (site_dir / output_dir).exists():
                shutil.move(str(self._set_aside), str(site_dir / output_dir))
            shutil.rmtree(self._set_aside.parent, ignore_errors=True)
            self._set_aside = None
        self._cancelled = threading.Event()
        self._worker = threading.Thread(target=self._run, args=(site_dir, self._cancelled), name="berdaya-search-index", daemon=True)
        self._worker.start()

    def wait(self) -> None:
        if self._worker is not None:
            self._worker.join()
            self._worker = None

    def _run(self, site_dir: Path, cancelled: threading.Event) -> None:
        try:
            self._index(site_dir, cancelled)
        except IndexCancelled:
            self._log.debug("search index of %s given up for a newer build", site_dir)
        except Exception as error:  # a thread's exception would only reach stderr as a traceback
            self._log.error(str(error))
