"""The site's text filters: what templates use to place trainer text on a page.

Every filter goes through the one sanitising step (sanitize.py): trainer
Markdown is rendered by Berdaya with a fixed setup, cleaned by nh3 and
written so that the page's own Markdown leaves it alone.

- ``md``    (``inline_text``): one line, inside a heading, list item or link text;
- ``cell``  (``table_cell``): the same, inside a Markdown table cell;
- ``md_block`` (``markdown_block``): a body, at the left margin, blank lines around;
- ``html``  (``inline_html``): quiz text inside raw HTML (the widget's markup);
- ``plain`` (``inline_plain``): its words only, for attributes and <option> labels.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from .sanitize import PLAIN_FRAGMENT, block_html, escape_html_in_markdown, fragment_html, line_html, prose_spans, render_fragment

__all__ = [
    "escape_html_in_markdown",
    "inline_html",
    "inline_plain",
    "inline_text",
    "markdown_block",
    "prose_spans",
    "render_inline_markdown",
    "slugify",
    "table_cell",
]


def inline_text(text: str) -> str:
    """One line of trainer Markdown as safe inline HTML (the ``md`` filter)."""
    return line_html(text)


def table_cell(text: str) -> str:
    """The ``cell`` filter: pipes are character references already, so a cell stays one cell."""
    return line_html(text)


def markdown_block(text: str, anchor_prefix: str = "") -> str:
    """A body of trainer Markdown as safe HTML (the ``md_block`` filter)."""
    return block_html(text, anchor_prefix)


# The html filter: quiz text inside the widget's raw HTML.
inline_html = fragment_html
render_inline_markdown = render_fragment


def inline_plain(text: str) -> str:
    """The words of ``inline_html(text)`` without tags, escaped for HTML text or attributes.

    For places that take no markup: <option> labels and aria-label values.
    """
    if PLAIN_FRAGMENT.fullmatch(text.strip()):
        return html.escape(" ".join(text.split()), quote=True)  # inline_html returns it with no tags
    return html_words(inline_html(text))


def html_words(markup: str) -> str:
    """The text of an HTML fragment, whitespace collapsed, escaped for HTML text or attributes."""
    words = _TextOnly()
    words.feed(markup)
    words.close()
    return html.escape(" ".join("".join(words.parts).split()), quote=True)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def slugify(text: str) -> str:
    """A URL-safe anchor from free text, for glossary terms and the like."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9a-z]+", "-", folded).strip("-")
    return slug or "x"
