"""A worked notebook's page, as mkdocs-jupyter renders it, made to fit the site.

mkdocs-jupyter (nbconvert's lab template) puts into the page body about
600 KB of JupyterLab and Pygments CSS, a script tag for MathJax (a CDN
address by default, an empty ``src`` when ``custom_mathjax_url`` is empty),
a module script that imports Mermaid from cdnjs when a diagram is present,
and an inlined copy-to-clipboard library with a second, hidden copy of every
code cell. None of it is needed by a page of Python and its printed output,
and the CDN addresses are third-party requests waiting to happen. So every
``<style>`` and ``<script>`` in the notebook body is removed (the body holds
no widgets: widget state is never saved in our notebooks), the clipboard
parts go, and the code takes Material's own markup (``.highlight`` with
``pre > code``, ``.headerlink``), so it is coloured and laid out like every
other code block of the site. What is left is styled by docs/stylesheets/berdaya.css.
Pure: text in, text out.
"""

from __future__ import annotations

import re

SUFFIX = ".ipynb"

_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.S | re.I)
# <div class="zeroclipboard-container"><clipboard-copy ...>...</clipboard-copy></div>
_CLIPBOARD_BUTTON = re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.S)
# The hidden second copy of a code cell that the button copies (escaped text, no tags inside).
_CLIPBOARD_TEXT = re.compile(r'<div class="clipboard-copy-txt" id="cell-\d+">[^<]*</div>\s*')
_CODE_BLOCK = re.compile(r'<div class="highlight-ipynb hl-(\w+)[^"]*"><pre>(?:<span></span>)?(.*?)</pre></div>', re.S)
# nbconvert makes every cell wrapper and output focusable; they are not controls.
_FOCUSABLE_DIV = re.compile(r'(<div class="jp-[^"]*")\s+tabindex="0"')


def is_notebook(src_path: str) -> bool:
    return src_path.endswith(SUFFIX)


def notebook_html(html: str) -> str:
    html = _SCRIPT.sub("", html)
    html = _STYLE.sub("", html)
    html = _CLIPBOARD_BUTTON.sub("", html)
    html = _CLIPBOARD_TEXT.sub("", html)
    html = _CODE_BLOCK.sub(lambda match: f'<div class="language-{match[1]} highlight"><pre><code>{match[2]}</code></pre></div>', html)
    html = _FOCUSABLE_DIV.sub(r"\1", html)
    return html.replace('<a class="anchor-link" href=', '<a class="headerlink" href=')
