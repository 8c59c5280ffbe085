"""MkDocs hook of the plain twin in overhead.py: the search step the berdaya plugin runs.

The plugin indexes the built site with Pagefind in its ``on_post_build``; a
plain site that wants the same search runs the same step after its build.
This hook does exactly that, in the same process and with the same language,
so the overhead benchmark compares two builds that both end with an index.
"""

from __future__ import annotations

from pathlib import Path

from generator.search.pagefind_index import index_site


def on_post_build(config, **_) -> None:
    index_site(Path(config.site_dir), config.theme.get("language") or "id")
