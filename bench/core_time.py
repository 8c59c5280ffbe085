"""Generator core time: load + validate + render, in process, without MkDocs.

For each size a synthetic site is written once (not timed), then
``load_project`` (YAML + pydantic + cross-file checks) and ``render_project``
(Jinja pages + quiz JSON) run several times, each as a first build (the
rendered-text cache is emptied; the Jinja environment, built once per
process like the templates' bytecode, is not); the median wall time
(time.perf_counter) is the figure. CPU time (time.process_time) is kept
beside it because other work on a 2-core machine inflates wall time but
hardly CPU time, which tells a slow generator from a busy machine.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import statistics
import time
from pathlib import Path

from generator.project import load_project, render_project
from generator.settings import read_settings
from generator.site import sanitize

from bench import synthetic

SIZES = (10, 100, 1000)
QUESTIONS = 20
LINEAR_FACTOR = 11  # time(1000) may be at most 11 x time(100): linear plus 10 % slack
BUDGET_1000 = 5.0  # seconds for 1,000 modules


def run_once(site: Path) -> dict[str, float]:
    settings = read_settings(site / "mkdocs.yml")
    # Rendered text is remembered within a process (sanitize.py); every run is a first build.
    sanitize.clear_cache()
    wall, cpu = time.perf_counter(), time.process_time()
    project = load_project(settings.sources)
    loaded_wall = time.perf_counter()
    pages = render_project(project, settings.page_options)
    end_wall, end_cpu = time.perf_counter(), time.process_time()
    assert len(pages) > len(project.catalog.modules) + len(project.catalog.quizzes)  # the work was really done
    return {"total": end_wall - wall, "load": loaded_wall - wall, "render": end_wall - loaded_wall, "cpu": end_cpu - cpu}


def measure_size(site: Path, modules: int, repeats: int) -> dict:
    runs = [run_once(site) for _ in range(repeats)]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return {
        "modules": modules,
        "questions_per_module": QUESTIONS,
        "repeats": repeats,
        "seconds": median["total"],
        "load_seconds": median["load"],
        "render_seconds": median["render"],
        "cpu_seconds": median["cpu"],
        "ms_per_module": 1000 * median["total"] / modules,
        "all_seconds": [run["total"] for run in runs],
    }


def measure(workdir: Path, repeats: int, sizes: tuple[int, ...] = SIZES) -> dict:
    results = []
    for modules in sizes:
        site = synthetic.generate(workdir / f"core-{modules}", modules, QUESTIONS)
        if not results:
            run_once(site)  # warm-up, once per process: first-use costs (imports, pydantic, regexes) are not per-module costs
        # One 1,000-module run takes minutes today; three of them give a stable median.
        results.append(measure_size(site, modules, min(repeats, 3) if modules >= 1000 else repeats))
        print(f"  core {modules:>5} modules: {results[-1]['seconds']:.2f} s (CPU {results[-1]['cpu_seconds']:.2f} s)", flush=True)
    by_size = {r["modules"]: r for r in results}
    summary: dict = {"sizes": results}
    if {100, 1000} <= by_size.keys():
        summary["ratio_1000_to_100"] = by_size[1000]["seconds"] / by_size[100]["seconds"]
        summary["cpu_ratio_1000_to_100"] = by_size[1000]["cpu_seconds"] / by_size[100]["cpu_seconds"]
    summary["linear_met"] = summary.get("ratio_1000_to_100", float("inf")) <= LINEAR_FACTOR
    summary["cpu_linear_met"] = summary.get("cpu_ratio_1000_to_100", float("inf")) <= LINEAR_FACTOR
    summary["budget_met"] = 1000 in by_size and by_size[1000]["seconds"] < BUDGET_1000
    summary["cpu_budget_met"] = 1000 in by_size and by_size[1000]["cpu_seconds"] < BUDGET_1000
    if not (summary["linear_met"] and summary["budget_met"]):
        # A missed target must come with where the time goes, not just a number.
        # The 100-module site is profiled: cProfile slows this code ~5x, and
        # the per-module hot spots are the same at any size.
        summary["profile_modules"] = 100 if 100 in sizes else min(sizes)
        summary["profile_by_package"], summary["profile"] = profile(workdir / f"core-{summary['profile_modules']}")
    return summary


def profile(site: Path, top: int = 30) -> tuple[dict[str, float], str]:
    """cProfile of one load + render: share of own time per package, and the top functions."""
    profiler = cProfile.Profile()
    profiler.runcall(run_once, site)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    shares = _share_by_package(stats)
    stats.strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return shares, out.getvalue()


def _share_by_package(stats: pstats.Stats) -> dict[str, float]:
    """Own time grouped by the package the function lives in (yaml, markdown, pydantic, ...)."""
    totals: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        totals[_package(filename)] = totals.get(_package(filename), 0.0) + own
    grand = sum(totals.values()) or 1.0
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return {name: round(100 * own / grand, 1) for name, own in ranked if own / grand >= 0.005}


def _package(filename: str) -> str:
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "generator" in parts:
        return ".".join(parts[parts.index("generator") :]).removesuffix(".py")
    return "python (stdlib, builtins)"
