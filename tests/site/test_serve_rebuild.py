"""Under `mkdocs serve` a rebuild reuses the conversions of unchanged pages and
indexes search after the build: the site it leaves must be the site a first
build of the same content makes."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BERDAYA_LANG": "en"}
EDIT = ("docs/modules/dasar.yml", "dapat **dialihkan**", "bisa **dialihkan**")


def serve_builds(site: Path, out: Path, *edit: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.site.serve_rebuild", str(site), str(out), *edit],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, env=ENV, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]) if edit else {}


def built(out: Path) -> dict[str, bytes]:
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}


def test_a_rebuild_after_one_edit_equals_a_first_build(site_copy, tmp_path):
    fresh = tmp_path / "fresh"
    shutil.copytree(site_copy, fresh)
    rebuilt = serve_builds(site_copy, tmp_path / "rebuilt", *EDIT)

    fresh_file = fresh / EDIT[0]
    fresh_file.write_text(fresh_file.read_text(encoding="utf-8").replace(EDIT[1], EDIT[2], 1), encoding="utf-8")
    serve_builds(fresh, tmp_path / "reference")

    assert rebuilt["same_plugin"], "MkDocs should keep the plugin across rebuilds (on_startup)"
    pages = [uri for uri in built(tmp_path / "reference") if uri.endswith(".html")]
    # Every page but the edited module's and those that show its text came from the first build.
    assert rebuilt["reused"] >= len(pages) - 8
    after, reference = built(tmp_path / "rebuilt"), built(tmp_path / "reference")
    assert sorted(after) == sorted(reference)
    changed = [uri for uri in reference if after[uri] != reference[uri] and uri != "sitemap.xml.gz"]
    assert changed == []
    assert b"bisa <strong>dialihkan</strong>" in after["modul/dasar/index.html"]
    # The search index is there and is the new one (its file names hash what it holds).
    fragments = b"".join(gzip.decompress(data) for uri, data in after.items() if uri.startswith("pagefind/fragment/"))
    assert b"bisa dialihkan" in fragments
