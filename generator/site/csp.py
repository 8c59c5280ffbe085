"""Content-Security-Policy for built pages: defence in depth behind sanitize.py.

``script-src 'self'`` plus the sha256 of each inline script the theme wrote,
``object-src 'none'``, ``base-uri 'self'``: inline event handlers, script
addresses and scripts from elsewhere never run. Only scripts outside the
page's content are hashed (the theme's template around it), so nothing from
YAML or docs/ can ever be allowed by a hash. One policy for the whole site
(the union of all pages' theme scripts), because instant navigation keeps
the first page's policy while it shows the others. Pure functions: the
plugin collects and writes.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "berdaya-content-security-policy"
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)


def theme_script_hashes(output: str, content: str) -> set[str]:
    """Hashes of the inline scripts in ``output`` outside the page's own ``content``."""
    theme = output.replace(content, "", 1) if content else output
    return {_hash(match.group("body")) for match in _INLINE_SCRIPT.finditer(theme) if not _DATA_TYPE.search(match.group("attributes"))}


def with_placeholder(output: str) -> str:
    """The page with an empty policy first in <head> (before any script), filled in after the build."""
    head = _HEAD.search(output)
    if head is None or PLACEHOLDER in output:
        return output
    return f"{output[: head.end()]}\n{META}{output[head.end():]}"


def policy(hashes: set[str]) -> str:
    # 'wasm-unsafe-eval': Pagefind's search runs WebAssembly (it compiles no JavaScript from strings).
    sources = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(hashes)])
    return f"script-src {sources}; object-src 'none'; base-uri 'self'"


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
