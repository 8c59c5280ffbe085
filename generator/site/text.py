"""Making trainers' text safe to place in Markdown and HTML.

Text from YAML is Markdown, but never raw HTML: a ``<script>`` typed in a
module must show as text. MkDocs renders all pages with one Markdown setup,
so instead of switching raw HTML off site-wide (which would break hand-written
pages) the generated Markdown escapes ``<`` and ``&`` everywhere except in
code, where Markdown already shows characters as typed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

import markdown

# A fence opens with three or more backticks or tildes and closes with the same.
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span: a run of backticks, anything, the same run again.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_HREF = re.compile(r'href="([^"]*)"')
_SAFE_URL = re.compile(r"^(?:https?://|mailto:|#|/|\.{1,2}/|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)


def escape_html_in_markdown(text: str) -> str:
    """Escape raw HTML in Markdown ``text`` outside fenced code and code spans."""
    if "<" not in text and "&" not in text:
        return text  # nothing to escape: the common case
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence is None and opener:
            out.append(_escape_prose("".join(prose)))
            prose = []
            fence = opener.group(1)[0] * 3
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
        else:
            prose.append(line)
    out.append(_escape_prose("".join(prose)))
    return "".join(out)


def _escape_prose(text: str) -> str:
    pieces: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(text):
        pieces.append(_escape_chars(text[position : span.start()]))
        pieces.append(span.group(0))
        position = span.end()
    pieces.append(_escape_chars(text[position:]))
    return "".join(pieces)


def _escape_chars(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def inline_text(text: str) -> str:
    """One line of escaped Markdown, for headings, list items and table cells."""
    return " ".join(escape_html_in_markdown(text).split())


def table_cell(text: str) -> str:
    return inline_text(text).replace("|", "\\|")


_INLINE_RENDERER = markdown.Markdown(extensions=[])
# Text that Markdown would return unchanged: one line, no character that means
# something to Markdown or HTML anywhere (code, emphasis, links, escapes,
# entities), and no start that opens a block (list, heading, quote, rule).
# Most quiz fragments are such sentences (hyphens inside Indonesian words like
# "masing-masing" are plain); skipping the renderer for them makes rendering
# several times faster.
_PLAIN = re.compile(r"(?![-+*#>=]|\d+\.)[^\\`*_\[\]<>&\x00-\x1f\x7f]*")


def inline_html(text: str) -> str:
    """Render short Markdown (prompts, choices, feedback) to a safe HTML fragment.

    Raw HTML was escaped before rendering, so the only tags in the result are
    the ones Markdown itself made; links to other schemes (javascript:) are
    neutralised.
    """
    text = text.strip()
    return text if _PLAIN.fullmatch(text) else render_inline_markdown(text)


def render_inline_markdown(text: str) -> str:
    """The full renderer behind ``inline_html``, for any text."""
    _INLINE_RENDERER.reset()
    rendered = _INLINE_RENDERER.convert(escape_html_in_markdown(text))
    rendered = _HREF.sub(_safe_href, rendered)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def inline_plain(text: str) -> str:
    """The words of ``inline_html(text)`` without tags, escaped for HTML text or attributes.

    For places that take no markup: <option> labels and aria-label values.
    """
    words = _TextOnly()
    words.feed(inline_html(text))
    words.close()
    return html.escape(" ".join("".join(words.parts).split()), quote=True)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _safe_href(match: re.Match[str]) -> str:
    url = html.unescape(match.group(1))
    return match.group(0) if _SAFE_URL.match(url) else 'href="#"'


def slugify(text: str) -> str:
    """A URL-safe anchor from free text, for glossary terms and the like."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9a-z]+", "-", folded).strip("-")
    return slug or "x"
