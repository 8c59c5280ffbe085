"""Run every Berdaya benchmark, print a table, write bench/results/latest.json.

    make bench                      # or: .venv/bin/python -m bench.run
    .venv/bin/python -m bench.run --quick --only weight
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/run.py`: make the `bench` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench import core_time, overhead, synthetic, weight

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results"
OVERHEAD_MODULES = 200
PARTS = ("core", "overhead", "weight")


def main() -> int:
    parser = argparse.ArgumentParser(description="Berdaya performance benchmarks")
    parser.add_argument("--quick", action="store_true", help="3 repetitions instead of 5")
    parser.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    args = parser.parse_args()
    repeats = 3 if args.quick else 5
    parts = args.only or PARTS
    results: dict = {"machine": machine(), "quick": args.quick, "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    with tempfile.TemporaryDirectory(prefix="berdaya-bench-") as tmp:
        workdir = Path(tmp)
        steps = {"core": core_time.measure, "overhead": measure_overhead, "weight": lambda where, _: weight.measure(where)}
        for part in parts:
            print(f"{part} ...", flush=True)
            results[part] = steps[part](workdir, repeats)
            results["load_average_end"] = os.getloadavg()
            save(results)  # after each part: a long run that fails late keeps what it measured
    print()
    print(table(results))
    return 0


def measure_overhead(workdir: Path, repeats: int) -> dict:
    # Two trainings, as shipped: their pages (and the Pagefind index) are built on both sides.
    synthetic_site = synthetic.generate(workdir / f"overhead-{OVERHEAD_MODULES}", OVERHEAD_MODULES, trainings=2)
    return {
        "shipped": overhead.compare(PROJECT, workdir / "overhead-shipped", repeats),
        f"synthetic-{OVERHEAD_MODULES}": overhead.compare(synthetic_site, workdir / "overhead-synthetic", repeats),
    }


def machine() -> dict:
    versions = {name: _version(name) for name in ("mkdocs", "mkdocs-material", "pydantic", "PyYAML", "Markdown", "Jinja2")}
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "packages": versions,
        # Other work on the machine inflates wall times; the load shows how busy it was.
        "load_average_start": os.getloadavg(),
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor()
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), platform.processor())


def save(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    profile = results.get("core", {}).pop("profile", None)  # long text: its own file
    if profile:
        (RESULTS / "core_profile.txt").write_text(profile, encoding="utf-8")
        results["core"]["profile_file"] = "bench/results/core_profile.txt"
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def table(results: dict) -> str:
    rows = [("benchmark", "figure", "target", "met")]
    if "core" in results:
        rows += _core_rows(results["core"])
    for name, side in results.get("overhead", {}).items():
        figure = f"{side['ratio']:.2f}x  ({side['plugin_seconds']:.2f} s vs {side['plain_seconds']:.2f} s; CPU {side['cpu_ratio']:.2f}x)"
        met = _verdict(side["met"], side["cpu_ratio"] <= overhead.TARGET_RATIO)
        index = f", Pagefind {side['search_fragments']} pages" if side.get("same_search_index") else ", search index NOT the same"
        rows.append((f"overhead, {name} ({side['pages']} pages, {side['training_pages']} training{index})", figure, f"<= {overhead.TARGET_RATIO:.2f}x", met))
    if "weight" in results:
        result = results["weight"]
        heaviest = result["heaviest"]
        overall = result["heaviest_overall"]
        rows.append((f"first load, heaviest page ({overall['page']})", f"{result['heaviest_overall_kb']:.1f} KB gzip", f"<= {weight.PAGE_TARGET_KB} KB", _yes(result["overall_met"])))
        rows.append((f"first load, {heaviest['page']}", f"{result['heaviest_kb']:.1f} KB gzip", f"<= {weight.PAGE_TARGET_KB} KB", _yes(result["page_met"])))
        rows.append((f"first load, {result['notebook']['page']}", f"{result['notebook_kb']:.1f} KB gzip", f"<= {weight.PAGE_TARGET_KB} KB", _yes(result["notebook_met"])))
        rows.append(("widget quiz.js + quiz.css", f"{result['widget_kb']:.1f} KB gzip", f"<= {weight.WIDGET_TARGET_KB} KB", _yes(result["widget_met"])))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    if "profile_by_package" in results.get("core", {}):
        shares = ", ".join(f"{name} {share}%" for name, share in results["core"]["profile_by_package"].items())
        lines.append(f"\ncore profile ({results['core']['profile_modules']} modules), own time by package: {shares}")
        lines.append("top functions: bench/results/core_profile.txt")
    info = results["machine"]
    lines.append(f"\nmachine: {info['nproc']} cores ({info['cpu']}), Python {info['python']}, load average {info['load_average_start'][0]:.1f} -> {results['load_average_end'][0]:.1f}")
    return "\n".join(lines)


def _core_rows(core: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    for size in core["sizes"]:
        target, met = ("< 5 s", _verdict(core["budget_met"], core["cpu_budget_met"])) if size["modules"] == 1000 else ("", "")
        figure = f"{size['seconds']:.2f} s  ({size['ms_per_module']:.1f} ms/module; load {size['load_seconds']:.2f} + render {size['render_seconds']:.2f}; CPU {size['cpu_seconds']:.2f} s)"
        rows.append((f"core, {size['modules']} modules x {size['questions_per_module']} questions", figure, target, met))
    if "ratio_1000_to_100" in core:
        figure = f"{core['ratio_1000_to_100']:.2f}x  (CPU {core['cpu_ratio_1000_to_100']:.2f}x)"
        rows.append(("core growth, time(1000) / time(100)", figure, f"<= {core_time.LINEAR_FACTOR}x", _verdict(core["linear_met"], core["cpu_linear_met"])))
    return rows


def _verdict(wall_met: bool, cpu_met: bool) -> str:
    """The target is judged on wall time; CPU time is shown when it disagrees (a busy machine)."""
    return _yes(wall_met) if wall_met == cpu_met else f"{_yes(wall_met)} (CPU: {_yes(cpu_met)})"


def _yes(met: bool) -> str:
    return "yes" if met else "NO"


if __name__ == "__main__":
    sys.exit(main())
