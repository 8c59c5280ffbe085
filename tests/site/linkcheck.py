"""A small checker for links and anchors inside a built static site.

It reads every HTML page, follows each relative href/src to a file in the
site and, for #fragments, looks for the id on the target page. The quiz
widget's review links sit in <template> elements, which the parser reads
like any other markup, so they are checked too.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "data", "javascript")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("href") and attributes.get("rel") != "canonical":
            self.resources.append(attributes["href"])


def parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Every internal link or anchor that leads nowhere, as 'page: link'.

    ``base_path`` is the path of site_url: absolute links (the 404 page uses
    them) are resolved against it.
    """
    pages = {page: parse(page) for page in site.rglob("*.html")}
    problems = []
    for page, parser in pages.items():
        for link in parser.links + parser.resources:
            problem = _check(site, page, link, pages, base_path)
            if problem:
                problems.append(f"{page.relative_to(site)}: {link} ({problem})")
    return problems


def external_resources(site: Path) -> list[str]:
    """Resources (scripts, styles, images, fonts) a page would fetch from another host."""
    found = []
    for page in site.rglob("*.html"):
        for resource in parse(page).resources:
            if urlsplit(resource).scheme in ("http", "https") or resource.startswith("//"):
                found.append(f"{page.relative_to(site)}: {resource}")
    return found


def _check(site: Path, page: Path, link: str, pages: dict[Path, _PageParser], base_path: str) -> str:
    parts = urlsplit(link)
    if parts.scheme in EXTERNAL_SCHEMES or link.startswith("//"):
        return ""
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return "outside the site"
        page, path = site / "index.html", path[len(base_path):] or "."
    target = page if not parts.path else _resolve(site, page, path)
    if target is None or not target.exists():
        return "no such file"
    if parts.fragment and target.suffix == ".html":
        ids = pages[target].ids if target in pages else parse(target).ids
        if unquote(parts.fragment) not in ids:
            return "no such anchor"
    return ""


def _resolve(site: Path, page: Path, path: str) -> Path | None:
    base = posixpath.dirname(page.relative_to(site).as_posix())
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith(".."):
        return None
    target = site / joined
    return target / "index.html" if target.is_dir() else target
