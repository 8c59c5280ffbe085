"""Trainer text as the other systems want it.

Prompts, choices and feedback are Markdown written for the site. Moodle's own
Markdown filter is an older dialect (no admonitions, different lists, raw
HTML passed through), so we render each text once with the site's renderer,
the same one the quiz widget uses, cleaned by the site's sanitiser (raw HTML typed by a trainer is
escaped, javascript: links neutralised), and hand the LMS HTML. Where a
system only takes plain text (the answers of a Moodle matching question,
which appear in a drop-down list) the tags are dropped again.
"""

from __future__ import annotations

import html
import re

from ..site.text import inline_html

_TAG = re.compile(r"<[^>]*>")


def as_html(markdown_text: str) -> str:
    """Safe HTML for ``markdown_text``; newlines become spaces except in code blocks."""
    rendered = inline_html(markdown_text)
    if "<pre" in rendered:
        return rendered
    return " ".join(rendered.split())


def as_label(markdown_text: str) -> str:
    """Plain words for a Moodle matching answer, with < and & as references.

    Moodle shows those answers as drop-down options through format_string,
    which reads its input as HTML: a typed '</b>' must arrive as text.
    """
    return html.escape(as_plain(markdown_text), quote=False)


def as_plain(markdown_text: str) -> str:
    """The words of ``markdown_text`` without markup, on one line."""
    return " ".join(html.unescape(_TAG.sub("", inline_html(markdown_text))).split())
