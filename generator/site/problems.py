"""The banner that shows content mistakes in the browser while serving.

``mkdocs serve`` keeps serving the last good pages when a save breaks the
content; this banner, put on every page, tells the trainer what is wrong and
where (file:line:col, message, hint), so the terminal is not the only place
to look. Pure: the plugin decides when to use it.
"""

from __future__ import annotations

import re

import jinja2

from ..content.errors import ContentErrors
from ..content.messages import current_language, message

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.site", "templates"),
    autoescape=True,  # the messages quote what the trainer typed
    keep_trailing_newline=True,
)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def problems_banner(problems: ContentErrors) -> str:
    count = len(problems.errors)
    title = message("site_serve_banner_title_one") if count == 1 else message("site_serve_banner_title_many", count=count)
    return _TEMPLATES.get_template("problems.html.j2").render(
        language=current_language(),
        title=title,
        intro=message("site_serve_banner_intro"),
        hint_label=message("content_hint_label"),
        hide=message("site_serve_banner_hide"),
        summary=problems.summary(),
        problems=problems.errors,
    )


def with_banner(html: str, banner: str) -> str:
    """``html`` with ``banner`` first inside <body> (or first of all, for a fragment)."""
    found = _BODY.search(html)
    at = found.end() if found else 0
    return html[:at] + banner + html[at:]
