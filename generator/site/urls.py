"""Where generated pages live and how one page links to another.

Markdown links between generated pages use source paths (``../uji/x.md``)
so MkDocs rewrites and checks them. The quiz widget's review links travel in
JSON, which MkDocs never sees, so those are computed here as MkDocs would.
"""

from __future__ import annotations

import functools
import posixpath

MODULES_DIR = "modul"
QUIZZES_DIR = "uji"
MODULES_INDEX = f"{MODULES_DIR}/index.md"
QUIZZES_INDEX = f"{QUIZZES_DIR}/index.md"
GLOSSARY = "glosarium.md"
COVERAGE = "cakupan.md"  # for authors and trainers: which objectives the questions assess


def module_page(module_id: str) -> str:
    return f"{MODULES_DIR}/{module_id}.md"


def quiz_page(quiz_id: str) -> str:
    return f"{QUIZZES_DIR}/{quiz_id}.md"


@functools.lru_cache(maxsize=4096)  # every question links to its module: the same few pairs
def source_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link between two source pages."""
    relative = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def page_url(page: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a source page, relative to the site root."""
    stem, _ = posixpath.splitext(page)
    if not use_directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        directory = posixpath.dirname(stem)
        return f"{directory}/" if directory else ""
    return f"{stem}/"


@functools.lru_cache(maxsize=4096)
def url_link(from_page: str, to_page: str, use_directory_urls: bool, anchor: str = "") -> str:
    """A relative URL from one built page to another, as the browser needs it."""
    source_url = page_url(from_page, use_directory_urls)
    target_url = page_url(to_page, use_directory_urls)
    base = source_url if source_url.endswith("/") or not source_url else posixpath.dirname(source_url) + "/"
    relative = posixpath.relpath(target_url or ".", base.rstrip("/") or ".")
    if target_url.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return f"{relative}#{anchor}" if anchor else relative
