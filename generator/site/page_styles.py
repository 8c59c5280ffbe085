"""A page's own stylesheets, linked in its head.

A page names the stylesheets it needs in ``data-berdaya-scripts`` (the quiz
widget's ``quiz.css``, the training documents' ``training.css``, the results
and needs pages'). Linked in the head they are there before the first paint,
so nothing shows unstyled, and pages that name none never download them.
site.js still adds any that are missing: after Material's instant navigation,
which swaps the page but not its head, and on pages built another way.
Done by the plugin on the built HTML, so it works with any theme folder.
"""

from __future__ import annotations

import re

import jinja2
from mkdocs.utils import get_relative_url

from .assets_files import SITE_DIR, page_stylesheets

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.site", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def with_page_styles(output: str, content: str, page_url: str) -> str:
    """``output`` (a whole page) with a <link> before </head> for each stylesheet ``content`` names."""
    names = page_stylesheets(content)
    found = _HEAD_END.search(output)
    if not names or not found:
        return output
    hrefs = [get_relative_url(f"{SITE_DIR}/{name}", page_url) for name in names]
    links = _TEMPLATES.get_template("page_styles.html.j2").render(hrefs=hrefs)
    return output[:found.start()] + links + output[found.start():]
