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

import markdown

# A fence opens with three or more backticks or tildes and closes with the same.
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span: a run of backticks, anything, the same run again.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_HREF = re.compile(r'href="([^"]*)"')
_SAFE_URL = re.compile(r"^(?:https?://|mailto:|#|/|\.{1,2}/|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)


def escape_html_in_markdown(text: str) -> str:
    """Escape raw HTML in Markdown ``text`` outside fenced code and code spans."""
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
# Text that Markdown would return unchanged: no character with a meaning in
# Markdown or HTML, one line, not starting like a numbered list. Most quiz
# fragments are such plain sentences; skipping the renderer for them makes
# rendering several times faster.
_PLAIN = re.compile(r"(?!\d+\.)[^\\`*_\[\]!<>&#|~=+\-\x00-\x1f\x7f]*")


def inline_html(text: str) -> str:
    """Render short Markdown (prompts, choices, feedback) to a safe HTML fragment.

    Raw HTML was escaped before rendering, so the only tags in the result are
    the ones Markdown itself made; links to other schemes (javascript:) are
    neutralised.
    """
    text = text.strip()
    if _PLAIN.fullmatch(text):
        return text
    _INLINE_RENDERER.reset()
    rendered = _INLINE_RENDERER.convert(escape_html_in_markdown(text))
    rendered = _HREF.sub(_safe_href, rendered)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def _safe_href(match: re.Match[str]) -> str:
    url = html.unescape(match.group(1))
    return match.group(0) if _SAFE_URL.match(url) else 'href="#"'


def slugify(text: str) -> str:
    """A URL-safe anchor from free text, for glossary terms and the like."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9a-z]+", "-", folded).strip("-")
    return slug or "x"
