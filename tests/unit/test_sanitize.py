"""The sanitising step's rules, one by one (generator/site/sanitize.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from generator.site.sanitize import block_html, clean, fragment_html, image_allowed, line_html, link_allowed

class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """The elements of ``html`` with their attributes, as a browser would parse them."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def unsafe(html: str) -> list[tuple[str, dict[str, str]]]:
    """Elements that could run script: event handlers, script addresses, script-bearing tags."""
    return [
        (tag, attrs) for tag, attrs in elements(html)
        if tag in ("script", "iframe", "object", "embed", "form", "base", "meta", "svg", "math")
        or any(name.startswith("on") or name == "srcdoc" for name in attrs)
        or attrs.get("style", "text-align: left;") not in ("text-align: left;", "text-align: right;", "text-align: center;")
        or any(name in ("href", "src") and not link_allowed(value) for name, value in attrs.items())
    ]


# Every way of writing a script address that browsers accept.
SCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml;base64,PHN2Zz4=",
    "livescript:alert(1)",
]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_addresses_are_not_links_in_any_spelling(url):
    assert not link_allowed(url)
    assert not image_allowed(url)


@pytest.mark.parametrize("url", ["https://contoh.id/a?b=1#c", "http://contoh.id", "mailto:a@contoh.id", "#pengertian", "../modul/a/#b", "gambar/x.png", "/berdaya/x.png"])
def test_ordinary_addresses_are_links(url):
    assert link_allowed(url)


@pytest.mark.parametrize("url,allowed", [("gambar/x.png", True), ("../gambar/x.png", True), ("https://contoh.id/x.png", True), ("http://contoh.id/x.png", False), ("//contoh.id/x.png", False), ("/\\contoh.id/x.png", False), ("data:image/png;base64,AAAA", False)])
def test_images_come_from_the_site_or_https(url, allowed):
    assert image_allowed(url) is allowed


@pytest.mark.parametrize(
    "html",
    [
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href=" JAVASCRIPT:alert(1)">x</a>',
        '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        "<script>alert(1)</script>",
        '<object data="x.swf"></object><embed src="x.swf">',
        '<form action="https://contoh.id"><input name="q"><button formaction="javascript:alert(1)">k</button></form>',
        '<base href="https://contoh.id/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        '<svg onload="alert(1)"><script>alert(1)</script></svg>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        '<details open ontoggle="alert(1)"><summary>x</summary></details>',
        '<div class="admonition note" data-md-component="x" id="__search">x</div>',
        '<td style="color:red">x</td>',
    ],
)
def test_the_allow_list_removes_script_and_style(html):
    cleaned = clean(html).lower()
    for gone in ("onerror", "onclick", "onload", "ontoggle", "javascript", "style=\"c", "srcdoc", "<script", "<iframe", "<object", "<embed", "<form", "<base", "<meta", "<svg", "<math", "data-md", "__search", "formaction"):
        assert gone not in cleaned, (html, cleaned)


def test_the_allow_list_keeps_what_the_format_promises():
    html = (
        '<h2 id="a">T<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
        '<div class="admonition example"><p class="admonition-title">I</p><p><strong>b</strong> <em>i</em> <code>c</code></p></div>'
        '<details class="note" open><summary>S</summary><ol start="3"><li>x</li></ol></details>'
        '<table><thead><tr><th style="text-align: right;">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>'
        '<dl><dt>t</dt><dd>d</dd></dl><blockquote><p>q</p></blockquote><hr><pre><code>k</code></pre>'
        '<p><a href="https://contoh.id" title="judul">l</a> <a href="mailto:a@b.id">m</a> <img src="x.png" alt="g"></p>'
    )
    assert clean(html) == html.replace('<hr>', '<hr>').replace("open>", 'open="">')


def test_a_body_with_everything_renders_and_keeps_no_script():
    body = (
        "Paragraf **tebal** dan [bagian](#pengertian).\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        '!!! example "Ilustrasi"\n    Isi ![gambar](gambar/x.png){ onerror="alert(1)" }\n\n'
        "??? note \"Catatan\"\n    [x](javascript:alert(1))\n\n"
        "Istilah\n:   Definisi\n\n"
        "## Contoh\n\n```python\nprint('<b>')\n```\n"
    )
    html = block_html(body, "pengertian")
    assert '<a href="#pengertian">bagian</a>' in html
    assert '<th style="text-align: left;">a</th>' in html
    assert '<div class="admonition example">' in html and '<img alt="gambar" src="gambar/x.png">' in html
    assert '<details class="note">' in html and "javascript" not in html
    assert "<dl>" in html and '<h2 id="pengertian-contoh">' in html
    assert "&lt;b&gt;" in html and unsafe(html) == []
    assert '&#123; onerror="alert(1)" &#125;' in html  # shown as typed


def test_unknown_admonition_types_become_plain_notes():
    assert block_html("!!! berdaya-quiz\n    x") == '<div class="admonition">\n<p class="admonition-title">Berdaya-quiz</p>\n<p>x</p>\n</div>'


def test_images_from_elsewhere_become_their_description():
    assert block_html("![peta desa](http://contoh.id/peta.png)") == "<p>peta desa</p>"
    assert fragment_html("![peta](data:image/png;base64,AAAA)") == "peta"


def test_raw_html_is_shown_as_typed():
    assert line_html('<img src=x onerror="alert(1)">') == '&lt;img src=x onerror="alert(1)"&gt;'
    assert block_html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


# The site-wide setup of mkdocs.yml, plus extensions a fork might add.
SITE_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences", "footnotes", "abbr", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark", "pymdownx.emoji"]


@pytest.mark.parametrize(
    "text",
    [
        "\\[x](javascript:alert(1))",
        "\\{ onclick=alert(1) \\}",
        "a \\*b\\* \\_c\\_ \\`d\\` | e",
        "1\\. tidak daftar",
        "\\# bukan judul",
        "\\- bukan daftar",
        "`[x](javascript:alert(1)){: onclick=alert(1) }`",
        "\\!\\!\\! note",
        "\\[\\^1\\] \\*\\[HTML\\]",
    ],
)
def test_a_line_is_inert_in_any_site_markdown(text):
    """What the md filter writes, put in a heading, a list item and a cell, renders to the same text."""
    line = line_html(text)
    for page in (f"## {line} {{ #x }}", f"- {line}", f"| a |\n| --- |\n| {line} |", f"{line}\n:   d"):
        rendered = markdown.markdown(page, extensions=SITE_EXTENSIONS)
        tags = [tag for tag, _ in elements(rendered)]
        assert unsafe(rendered) == [] and "a" not in tags, rendered
        assert not {"ol", "ul", "h1", "sup", "abbr", "del", "mark"} & set(tags[1:]), rendered


def test_a_body_is_passed_through_by_any_site_markdown():
    body = "Isi \\*x\\* \\{ onclick=alert(1) \\} \\[a](javascript:alert(1))\n\n!!! note\n    y\n"
    html = block_html(body)
    assert markdown.markdown(html, extensions=SITE_EXTENSIONS) == html
