"""The one sanitising step for trainer text: Markdown -> safe HTML.

Trainer text (any YAML string that reaches a page) is rendered here, by
Berdaya itself, with a fixed Markdown setup, then cleaned by nh3 (the Python
binding of the Rust sanitiser ammonia) against an allow-list, and only then
placed into a generated page. The site's own ``markdown_extensions`` never
see trainer Markdown: what reaches MkDocs is finished HTML in which every
character that means something to Markdown is written as a character
reference, so no site option (``attr_list``, ``md_in_html``, raw HTML) can
turn trainer text into markup again, and ``berdaya generate`` output is as
safe in another engine as in MkDocs.

The fixed setup: admonitions, tables, definition lists, details blocks,
fenced code, headings with ids and permalinks. Not: attribute lists,
Markdown in HTML, raw HTML (shown as typed, as before), smart symbols.

Three entry points, one per place text goes:
- ``block_html``: a body (summary, section body, notes) at the left margin of a page;
- ``line_html``: one line (title, key point, step, table cell, glossary entry)
  placed inside the page's own Markdown (a heading, list item, cell);
- ``fragment_html``: quiz text (several paragraphs possible) inside the widget's raw HTML.
``changes`` tells ``berdaya validate`` what the step would change or show as typed.
"""

from __future__ import annotations

import contextvars
import functools
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions.toc import slugify as _toc_slugify


# --- raw HTML typed by a trainer is shown as typed -------------------------------------

# A fence opens with three or more backticks or tildes and closes with the same.
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span: a run of backticks, anything, the same run again.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def prose_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of ``text`` outside fenced code and code spans."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    position = prose_start = 0
    for line in text.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence is None and opener:
            spans += _outside_code_spans(text, prose_start, position)
            fence = opener.group(1)[0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
            prose_start = position + len(line)
        position += len(line)
    if fence is None:  # an unclosed fence keeps the rest as code
        spans += _outside_code_spans(text, prose_start, len(text))
    return spans


def _outside_code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for code in _CODE_SPAN.finditer(text[start:end]):
        spans.append((start + position, start + code.start()))
        position = code.end()
    spans.append((start + position, end))
    return spans


def escape_html_in_markdown(text: str) -> str:
    """Escape raw HTML in Markdown ``text`` outside fenced code and code spans.

    Markdown shows code as typed already; everywhere else ``<`` and ``&``
    become character references, so raw HTML is shown as typed, never run.
    """
    if "<" not in text and "&" not in text:
        return text  # nothing to escape: the common case
    pieces: list[str] = []
    position = 0
    for start, end in prose_spans(text):
        pieces.append(text[position:start])
        pieces.append(text[start:end].replace("&", "&amp;").replace("<", "&lt;"))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# --- the allow-list -----------------------------------------------------------------

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TAGS = frozenset(
    {"p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd"}
    | {"table", "thead", "tbody", "tr", "th", "td", "a", "img", "div", "span", "details", "summary"}
    | HEADINGS
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "details": {"open"},
    **{heading: {"id"} for heading in HEADINGS},
}
# Material's admonition and details types; any other type is shown as a plain note.
ADMONITION_TYPES = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help faq "
    "warning caution attention failure fail missing danger error bug example quote cite".split()
)
# Pygments' short token classes, as fenced code highlighting writes them.
_PYGMENTS = frozenset(
    "hll c ch cm cp cpf c1 cs err esc g gd ge gr gh gi go gp gs gu gt k kc kd kn kp kr kt l ld m mb mf mh mi "
    "il mo n na nb bp nc no nd ni ne nf fm py nl nn nx nt nv vc vg vi vm o ow p pm s sa sb sc dl sd s2 se sh "
    "si sx sr s1 ss w x".split()
)
CLASSES = {
    "div": {"admonition", "highlight", *ADMONITION_TYPES},
    "p": {"admonition-title"},
    "details": set(ADMONITION_TYPES),
    "a": {"headerlink"},
    "span": set(_PYGMENTS),
}
# Column alignment in tables, exactly as Markdown writes it; any other style goes.
_ALIGN = {f"text-align: {side};" for side in ("left", "right", "center")}
ATTRIBUTE_VALUES = {"th": {"style": _ALIGN}, "td": {"style": _ALIGN}}
# Removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    "script style iframe frame frameset object embed applet form base meta link template svg math "
    "noscript noembed noframes textarea select title xmp".split()
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# WHATWG URL parsing, as a browser does it: leading/trailing C0 controls and
# spaces go, tabs and newlines anywhere are ignored, the scheme is case-blind.
_URL_JUNK = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url`` (lowercase), or None for a relative URL."""
    normalised = _URL_JUNK.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                 "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    found = _SCHEME.match(normalised)
    return found.group(1).lower() if found else None


def link_allowed(url: str) -> bool:
    """Links: http, https, mailto, relative paths and #anchors."""
    scheme = url_scheme(url)
    return scheme is None or scheme in LINK_SCHEMES


def image_allowed(url: str) -> bool:
    """Images: a path within the site or https; never another host without TLS, never data:."""
    scheme = url_scheme(url)
    if scheme is not None:
        return scheme == "https"
    start = _URL_JUNK.sub("", url).strip().replace("\\", "/")
    return not start.startswith("//")  # protocol-relative: another host


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not image_allowed(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    tag_attribute_values={tag: {name: set(values) for name, values in attributes.items()} for tag, attributes in ATTRIBUTE_VALUES.items()},
    allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def clean(html: str) -> str:
    """HTML from anywhere -> HTML with only what the allow-list keeps (nh3)."""
    return _CLEANER.clean(html)


# --- the fixed Markdown setup -----------------------------------------------------------

_ANCHOR_PREFIX: contextvars.ContextVar[str] = contextvars.ContextVar("anchor_prefix", default="")


def _heading_slug(value: str, separator: str) -> str:
    # A body's headings get ids under their section's, so two bodies' "Contoh" don't clash.
    slug = _toc_slugify(value, separator)
    prefix = _ANCHOR_PREFIX.get()
    return f"{prefix}{separator}{slug}" if prefix else slug


def _without_raw_html(renderer: markdown.Markdown) -> markdown.Markdown:
    """Raw HTML is escaped before rendering; these make sure Markdown never passes any through."""
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    return renderer


def _block_renderer() -> markdown.Markdown:
    return _without_raw_html(
        markdown.Markdown(
            extensions=["admonition", "tables", "def_list", "pymdownx.details", "pymdownx.superfences", "toc"],
            extension_configs={"toc": {"permalink": True, "slugify": _heading_slug}},
        )
    )


def _line_renderer() -> markdown.Markdown:
    """Inline Markdown only: every line is one paragraph, whatever it starts with."""
    renderer = markdown.Markdown(extensions=[])
    for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference"):
        renderer.parser.blockprocessors.deregister(name)
    return _without_raw_html(renderer)


def _fragment_renderer() -> markdown.Markdown:
    """Quiz text: plain Markdown (paragraphs, lists, emphasis, code, links)."""
    return _without_raw_html(markdown.Markdown(extensions=[]))


_BLOCK = _block_renderer()
_LINE = _line_renderer()
_FRAGMENT = _fragment_renderer()


def _render(renderer: markdown.Markdown, text: str) -> str:
    renderer.reset()
    return renderer.convert(escape_html_in_markdown(text))


def render_block_markdown(text: str, anchor_prefix: str = "") -> str:
    """Trainer Markdown -> HTML as the fixed setup writes it, before cleaning."""
    token = _ANCHOR_PREFIX.set(anchor_prefix)
    try:
        return _render(_BLOCK, text)
    finally:
        _ANCHOR_PREFIX.reset(token)


# --- the three entry points -------------------------------------------------------------


# The entry points are pure (same text, same HTML), and a site renders the same text
# more than once: a training's adapted module pages repeat the module's bodies, an
# ordering item is an attribute and a label, and under `mkdocs serve` every rebuild
# renders the unchanged modules again. So each keeps what it rendered, within bounds.
_cached = functools.lru_cache(maxsize=8192)


def clear_cache() -> None:
    """Forget every rendered text (for measuring a first build)."""
    for entry in (block_html, line_html, fragment_html):
        entry.cache_clear()


@_cached
def block_html(text: str, anchor_prefix: str = "") -> str:
    """A body of trainer Markdown as safe HTML, for a page's left margin (one raw HTML block per element).

    Placed at the start of a line, with blank lines around, Markdown passes it through as it is.
    """
    if not text.strip():
        return ""
    return _serialise(clean(render_block_markdown(text, anchor_prefix)), inert=True)


@_cached
def line_html(text: str) -> str:
    """One line of trainer Markdown as safe inline HTML, for inside the page's own Markdown."""
    line = " ".join(text.split())
    if _PLAIN_LINE.fullmatch(line):
        return line  # the common case: a sentence with nothing to render or protect
    _LINE.reset()
    rendered = _LINE.convert(escape_html_in_markdown(line))
    return _serialise(clean(_unwrap_paragraph(rendered)), inert=True, line=True)


@_cached
def fragment_html(text: str) -> str:
    """Quiz text as a safe HTML fragment inside the widget's raw HTML (no blank lines in it)."""
    text = text.strip()
    if PLAIN_FRAGMENT.fullmatch(text):
        return text
    return render_fragment(text)


def render_fragment(text: str) -> str:
    """The full path behind ``fragment_html``, for any text."""
    written = _serialise(clean(_unwrap_paragraph(_render(_FRAGMENT, text))), inert=True)
    # A blank line would end the raw HTML block the widget lives in; in code it is still a blank line.
    return _BLANK_LINE.sub("&#10;", written)


_BLANK_LINE = re.compile(r"\n(?=\n)")


def _unwrap_paragraph(rendered: str) -> str:
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


# Text that every renderer returns unchanged and that needs no protection: no
# character that means something to Markdown or HTML anywhere (code, emphasis,
# links, escapes, entities, attribute lists, table pipes), no start that opens
# a block (list, heading, quote, rule, definition, admonition). Most trainer
# lines are such sentences; skipping the renderer for them keeps builds fast.
PLAIN_FRAGMENT = re.compile(r"(?![-+*#>=]|\d+\.)[^\\`*_\[\]<>&{}|\x00-\x1f\x7f]*")
_PLAIN_LINE = re.compile(r"(?![-+*#>=:!?~|]|\d+[.)])[^\\`*_\[\]<>&{}|\x00-\x1f\x7f]*")


# --- writing cleaned HTML so that Markdown leaves it alone -------------------------------

# Characters Markdown (with any common extension) reads as syntax anywhere in a line.
_SYNTAX_ANYWHERE = {ord(char): f"&#{ord(char)};" for char in "\\`*_[]{}|"}
_ESCAPE_TEXT = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_ESCAPE_ATTRIBUTE = {**_ESCAPE_TEXT, ord('"'): "&quot;"}
# At the start of a line these open a block (heading, list, quote, definition, admonition, table).
_BLOCK_START = re.compile(r"[#>\-+*:=!?~|]|\d+(?=[.)])")
_VOID = frozenset({"br", "hr", "img"})


class _Serialiser(HTMLParser):
    """Re-writes nh3's output: images without an allowed address become their
    description, links without one become their text, and with ``inert`` every
    Markdown character is a character reference (the browser shows the same)."""

    def __init__(self, inert: bool):
        super().__init__(convert_charrefs=True)
        self.inert = inert
        self.out: list[str] = []
        self.links: list[bool] = []

    def _text(self, text: str) -> str:
        text = text.translate(_ESCAPE_TEXT)
        return text.translate(_SYNTAX_ANYWHERE) if self.inert else text

    def _attribute(self, value: str) -> str:
        value = value.translate(_ESCAPE_ATTRIBUTE)
        return value.translate(_SYNTAX_ANYWHERE) if self.inert else value

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img" and "src" not in values:
            self.out.append(self._text(values.get("alt") or ""))
            return
        if tag == "a":
            self.links.append("href" in values)
            if "href" not in values:
                return
        written = "".join(f' {name}="{self._attribute(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{written}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in _VOID or (tag == "a" and self.links and not self.links.pop()):
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(self._text(data))


def _serialise(html: str, inert: bool, line: bool = False) -> str:
    writer = _Serialiser(inert)
    writer.feed(html)
    writer.close()
    written = "".join(writer.out)
    if line:
        written = " ".join(written.split())
        start = _BLOCK_START.match(written)
        if start:  # a line that would open a block where the page places it
            char = written[start.end()] if start.group().isdigit() else written[0]
            at = start.end() if start.group().isdigit() else 0
            written = f"{written[:at]}&#{ord(char)};{written[at + 1:]}"
    return written


# --- what the step changes, for berdaya validate -------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One construct in a piece of trainer text that the page will not show as Markdown/HTML.

    ``key`` and ``fields`` name a message of the catalog; ``needle`` is the text as
    typed, to find its position in the file (empty: the start of the value).
    """

    key: str
    needle: str = ""
    fields: dict[str, str] = field(default_factory=dict)


# HTML element names a trainer might type; other <words> are ordinary text.
_HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col "
    "colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map "
    "mark marquee math menu meta meter nav noscript object ol optgroup option output p param picture pre progress q "
    "s samp script section select small source span strike strong style sub summary sup svg table tbody td template "
    "textarea tfoot th thead time title tr track u ul var video wbr xmp".split()
)
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?/?>")
_ATTRIBUTE_NAME = re.compile(r"""(?:^|[\s"'])([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=""")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*[=#.][^{}\n]*)\}")
_DANGEROUS_ATTRIBUTE = re.compile(r"on[a-z]+|style|srcdoc|formaction|xlink:href", re.IGNORECASE)


def changes(text: str) -> list[Change]:
    """Everything in ``text`` that the page shows differently from what the trainer typed."""
    if not any(char in text for char in "<{]"):
        return []  # no HTML, no attribute list, no link or image: nothing to change
    found = _typed_markup(text)
    found += _cleaned_away(render_block_markdown(text))
    return found


def _typed_markup(text: str) -> list[Change]:
    """Raw HTML and attribute lists: shown as typed, never applied."""
    found: list[Change] = []
    for start, end in prose_spans(text):
        prose = text[start:end]
        for tag in _TAG.finditer(prose):
            dangerous = _dangerous_attribute(tag.group(2) or "")
            if dangerous:
                found.append(Change("site_text_attribute_shown", tag.group(0), {"name": dangerous, "typed": _short(tag.group(0))}))
            elif tag.group(1).lower() in _HTML_ELEMENTS:
                found.append(Change("site_text_html_shown", tag.group(0), {"typed": _short(tag.group(0))}))
        for attributes in _ATTRIBUTE_LIST.finditer(prose):
            dangerous = _dangerous_attribute(" " + attributes.group(1))
            key = "site_text_attribute_shown" if dangerous else "site_text_attribute_list_shown"
            found.append(Change(key, attributes.group(0), {"name": dangerous or "", "typed": _short(attributes.group(0))}))
    return found


def _dangerous_attribute(attributes: str) -> str:
    for name in _ATTRIBUTE_NAME.finditer(attributes):
        if _DANGEROUS_ATTRIBUTE.fullmatch(name.group(1)):
            return name.group(1)
    return ""


def _short(typed: str, limit: int = 60) -> str:
    typed = " ".join(typed.split())
    return typed if len(typed) <= limit else typed[: limit - 1] + "…"


class _Inspector(HTMLParser):
    """Walks rendered (not yet cleaned) HTML and notes what the allow-list removes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Change] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.found.append(Change("site_text_element_removed", "", {"name": tag}))
            return
        for name, value in attrs:
            value = value or ""
            if name == "class":
                for unknown in (c for c in value.split() if c not in CLASSES.get(tag, ())):
                    key = "site_text_type_unknown" if tag in ("div", "details") else "site_text_attribute_removed"
                    self.found.append(Change(key, unknown, {"name": unknown if key == "site_text_type_unknown" else "class"}))
            elif name in ATTRIBUTE_VALUES.get(tag, {}):
                if value not in ATTRIBUTE_VALUES[tag][name]:
                    self.found.append(Change("site_text_attribute_removed", "", {"name": name}))
            elif name not in ATTRIBUTES.get(tag, ()):
                self.found.append(Change("site_text_attribute_removed", "", {"name": name}))
            elif (tag, name) == ("a", "href") and not link_allowed(value):
                self.found.append(Change("site_text_link_removed", value, {"url": _short(value)}))
            elif (tag, name) == ("img", "src") and not image_allowed(value):
                self.found.append(Change("site_text_image_removed", value, {"url": _short(value)}))


def _cleaned_away(rendered: str) -> list[Change]:
    inspector = _Inspector()
    inspector.feed(rendered)
    inspector.close()
    return inspector.found
