"""Two builds the way `mkdocs serve` makes them (one process, the plugin kept
across rebuilds), with one edit between them. Run as a program so the plugin
kept by MkDocs never leaks into other tests' builds:

    python -m tests.site.serve_rebuild SITE OUT FILE OLD NEW

prints how many pages the second build took from the first (JSON). Without
FILE OLD NEW it makes the first build only: the reference a rebuild must equal.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def serve_build(site: Path, out: Path, first: bool = False):
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=SERVE_URL)
    config.plugins["berdaya"].background_index.wait()
    return config


def main(site: str, out: str, *edit: str) -> None:
    site_dir, out_dir = Path(site), Path(out)
    first = serve_build(site_dir, out_dir, first=True)
    if not edit:
        return
    file, old, new = edit
    edited = site_dir / file
    edited.write_text(edited.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    second = serve_build(site_dir, out_dir)
    plugin = second.plugins["berdaya"]
    print(json.dumps({"reused": plugin.converted.reused, "same_plugin": plugin is first.plugins["berdaya"]}))


if __name__ == "__main__":
    main(*sys.argv[1:])
