"""How much of loading is the YAML parser itself: the floor under `load_catalog`.

    .venv/bin/python -m bench.yaml_floor [--modules 1000] [--repeats 3]

On one synthetic site (N modules x 20 questions), in CPU seconds
(time.process_time, steadier than wall time on a shared machine), median of
--repeats runs each:
  compose   libyaml (yaml.CSafeLoader) building the node tree of every file:
            the least any loader that reports line and column can do;
  safe_load libyaml + PyYAML's constructor: plain Python objects, no positions;
  catalog   load_catalog: the above plus positions, pydantic and the checks;
  render    render_site of that catalog, as a first build (empty text cache).
Writes bench/results/yaml_floor.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench import synthetic
from generator.content.catalog import load_catalog
from generator.settings import read_settings
from generator.site import sanitize
from generator.site.pages import render_site

RESULTS = Path(__file__).resolve().parent / "results"


def cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="berdaya-floor-") as work:
        site = synthetic.generate(Path(work) / "site", args.modules, 20)
        settings = read_settings(site / "mkdocs.yml")
        texts = [path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.yml")) if path.parent.name in ("modules", "quizzes")]
        steps = {
            "compose": lambda: [yaml.compose(text, Loader=yaml.CSafeLoader) for text in texts],
            "safe_load": lambda: [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts],
            "catalog": lambda: load_catalog(settings.sources),
        }
        result: dict = {"modules": args.modules, "files": len(texts), "megabytes": sum(map(len, texts)) / 1e6}
        for name, step in steps.items():
            runs = [cpu(step) for _ in range(args.repeats)]
            result[name] = statistics.median(runs)
            print(f"{name:10s} {result[name]:7.2f} s CPU  {[round(r, 2) for r in runs]}", flush=True)
        catalog = load_catalog(settings.sources)
        def render() -> None:
            sanitize.clear_cache()  # a first build: nothing rendered before
            render_site(catalog, settings.page_options)

        runs = [cpu(render) for _ in range(args.repeats)]
        result["render"] = statistics.median(runs)
        print(f"{'render':10s} {result['render']:7.2f} s CPU  {[round(r, 2) for r in runs]}", flush=True)
    result["compose_share_of_catalog"] = result["compose"] / result["catalog"]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "yaml_floor.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
