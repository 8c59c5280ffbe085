"""Rebuild after one edit: the parse cache (generator/content/cache.py) on a 200-module site.

    .venv/bin/python -m bench.rebuild [--modules 200] [--edits 3]

1. Core, in process: load_project of the synthetic site without a cache
   (median of --edits runs) against load_project with a warm cache after one
   module file was edited (median over --edits edits, a different module each
   time); render_project is timed beside it, once as a first build (nothing
   rendered before in the process) and after each edit, when the sanitised
   text of every unchanged module is remembered (generator/site/sanitize.py).
2. Whole rebuild: a real `mkdocs serve` on the same site; after the first
   build a module file is edited --edits times and the seconds MkDocs prints
   ("Documentation built in N seconds") are read for each rebuild.
Writes bench/results/rebuild.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import synthetic
from generator.content.cache import ParseCache
from generator.project import load_project
from generator.settings import read_settings
from generator.project import render_project
from generator.site import sanitize

BIN = Path(sys.executable).parent
RESULTS = Path(__file__).resolve().parent / "results"
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def edit_module(site: Path, index: int, round_: int) -> Path:
    """Change one module's title: a real edit that every page linking to it shows."""
    paths = sorted((site / "docs" / "modules").glob("*.yml"))
    path = paths[index % len(paths)]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} r{round_}", text, count=1, flags=re.M), encoding="utf-8")
    return path


def core(site: Path, edits: int) -> dict:
    sources = read_settings(site / "mkdocs.yml").sources
    options = read_settings(site / "mkdocs.yml").page_options
    cold = []
    for _ in range(edits):
        start = time.perf_counter()
        project = load_project(sources)
        cold.append(time.perf_counter() - start)
    cache = ParseCache()
    sanitize.clear_cache()
    project = load_project(sources, cache)
    start = time.perf_counter()
    render_project(project, options)  # the first build of `mkdocs serve`
    first_render = time.perf_counter() - start
    warm, renders = [], []
    for round_ in range(edits):
        edit_module(site, 7 + 13 * round_, round_)
        before = cache.misses
        start = time.perf_counter()
        project = load_project(sources, cache)
        warm.append(time.perf_counter() - start)
        assert cache.misses - before == 1, "exactly the edited file is parsed again"
        start = time.perf_counter()
        render_project(project, options)
        renders.append(time.perf_counter() - start)
    return {
        "load_no_cache_seconds": statistics.median(cold),
        "load_after_one_edit_seconds": statistics.median(warm),
        "render_first_build_seconds": first_render,
        "render_after_one_edit_seconds": statistics.median(renders),
        "all_no_cache": cold, "all_after_edit": warm, "all_render_after_edit": renders,
    }


def serve(site: Path, edits: int) -> dict:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(site.parent / "serve.log", "w+", encoding="utf-8")
    process = subprocess.Popen(
        # Live reload stays on: without it `mkdocs serve` does not watch the files at all.
        [str(BIN / "mkdocs"), "serve", "--config-file", str(site / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        times = [_wait_for_build(log, 1, process)]
        for round_ in range(edits):
            time.sleep(1.5)  # the watcher waits for the file system to settle too
            edit_module(site, 40 + 17 * round_, round_)
            times.append(_wait_for_build(log, round_ + 2, process))
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    return {"first_build_seconds": times[0], "rebuild_seconds": times[1:], "rebuild_median": statistics.median(times[1:])}


def _wait_for_build(log, count: int, process, timeout: float = 600) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log.seek(0)
        found = BUILT.findall(log.read())
        if len(found) >= count:
            return float(found[count - 1])
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError("mkdocs serve stopped:\n" + log.read()[-3000:])
        time.sleep(0.5)
    raise TimeoutError(f"no build number {count} within {timeout} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=200)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="berdaya-rebuild-") as work:
        site = synthetic.generate(Path(work) / "site", args.modules, 20, trainings=2)
        result = {"modules": args.modules, "core": core(site, args.edits)}
        print(json.dumps(result["core"], indent=1), flush=True)
        if not args.no_serve:
            result["serve"] = serve(site, args.edits)
            print(json.dumps(result["serve"], indent=1), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "rebuild.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
