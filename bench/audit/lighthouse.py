"""Lighthouse audit of the built site: home, a module, a self-assessment, a training schedule, the glossary.

    make audit                                    # or:
    .venv/bin/python bench/audit/lighthouse.py [--runs 3] [--out DIR]

Builds the site with `mkdocs build --strict`, serves it on 127.0.0.1 under its
site_url path (/berdaya/) the way GitHub Pages does (gzip, Cache-Control
max-age=600), runs the pinned Lighthouse from node_modules (mobile, the
default form factor, simulated throttling) with Debian's Chromium, five times
per page by default, and prints for each page the median of every figure (the
four category scores, LCP, TBT, CLS, transfer size) with its spread (lowest
and highest run), and Lighthouse's benchmarkIndex of this machine. With
--strict, exit status 1 when a median misses a target.

Performance is timed on this machine's CPU (slowed down 4x by Lighthouse), so
other busy processes lower it: read the load average printed with the table.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT / "node_modules/.bin/lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
SITE_PATH = "berdaya"  # the path of site_url in mkdocs.yml
PAGES = {
    "home": "index.html",
    "module": "modul/prinsip-pemberdayaan.html",
    "self-assessment": "uji/prinsip-pemberdayaan.html",
    "training schedule": "pelatihan/pelatihan-dasar-3-hari/jadwal.html",
    "glossary": "glosarium.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LIMITS = {"lcp_ms": 2500, "tbt_ms": 200, "cls": 0.02}  # at most
FIGURES = (*CATEGORIES, "lcp_ms", "tbt_ms", "cls", "transfer_kib")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Static files with gzip and a 10-minute cache, as GitHub Pages serves them."""

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def build(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)],
                   cwd=PROJECT, env=env, check=True)


def lighthouse_command(url: str, report: Path) -> list[str]:
    return [str(LIGHTHOUSE.relative_to(PROJECT)), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}"]


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run(lighthouse_command(url, report), cwd=PROJECT, env={**os.environ, "CHROME_PATH": CHROME},
                   check=True, timeout=300)
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"lighthouse failed on {url}: {result['runtimeError']['message']}")
    audits = result["audits"]
    return {
        **{name: result["categories"][name]["score"] for name in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "transfer_kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "failed": sorted(
            f"{name}: {ref['id']}" for name in CATEGORIES for ref in result["categories"][name]["auditRefs"]
            if ref["weight"] > 0 and name != "performance" and audits[ref["id"]]["score"] not in (None, 1)
        ),
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "lighthouse": result["lighthouseVersion"],
    }


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def summarise(runs: list[dict]) -> dict:
    """Each figure's median over the runs, and its (lowest, highest) spread."""
    summary = {name: median([r[name] for r in runs]) for name in FIGURES}
    summary["spread"] = {name: (min(r[name] for r in runs), max(r[name] for r in runs)) for name in FIGURES}
    summary["failed"] = sorted({failed for r in runs for failed in r["failed"]})
    return summary


def _cell(name: str, value: float) -> str:
    if name == "lcp_ms":
        return f"{value / 1000:.2f} s"
    if name == "tbt_ms":
        return f"{value:.0f} ms"
    if name == "cls":
        return f"{value:.3f}"
    if name == "transfer_kib":
        return f"{value:.0f} KiB"
    return f"{value:.2f}"


def table(rows: dict[str, dict]) -> str:
    """Medians, each with its spread (lowest-highest) when the runs differ."""
    head = "| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transfer |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for page, r in rows.items():
        cells = []
        for name in FIGURES:
            low, high = r["spread"][name]
            cell = _cell(name, r[name])
            if _cell(name, low) != _cell(name, high):
                cell += f" ({_cell(name, low).split()[0]}-{_cell(name, high)})"
            cells.append(cell)
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def missed_targets(rows: dict[str, dict]) -> list[str]:
    missed = [f"{page}: {name} {r[name]:.2f} < {target:.2f}" for page, r in rows.items()
              for name, target in TARGETS.items() if r[name] < target]
    missed += [f"{page}: {name} {_cell(name, r[name])} > {_cell(name, limit)}" for page, r in rows.items()
               for name, limit in LIMITS.items() if r[name] > limit]
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page; medians are shown (default 5)")
    parser.add_argument("--out", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--site", type=Path, help="audit this already built site instead of building one")
    parser.add_argument("--page", choices=PAGES, action="append", help="audit only this page (repeatable)")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a target is missed (for a gate); by default the audit reports and exits 0, like make bench")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci` at the repository root")
    if not Path(CHROME).is_file():
        raise SystemExit(f"Chromium not found at {CHROME}: apt-get install -y chromium, or set CHROME_PATH")
    with tempfile.TemporaryDirectory(prefix="berdaya-audit-") as tmp:
        root = Path(tmp)
        if args.site:
            (root / SITE_PATH).symlink_to(args.site.resolve(), target_is_directory=True)
        else:
            build(root / SITE_PATH)
        out = args.out or root / "reports"
        out.mkdir(parents=True, exist_ok=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/{SITE_PATH}/"
        print("Each run: CHROME_PATH=" + CHROME + " " + shlex.join(lighthouse_command(base + "<page>", out / "<page>.json")))
        rows, indices, load = {}, [], os.getloadavg()[0]
        try:
            for name in args.page or PAGES:
                runs = [lighthouse(base + PAGES[name], out / f"{name.replace(' ', '-')}-{i + 1}.json")
                        for i in range(args.runs)]
                rows[name] = summarise(runs)
                indices += [r["benchmark_index"] for r in runs]
                version = runs[0]["lighthouse"]
        finally:
            server.shutdown()
            server.server_close()
    print(f"\nLighthouse {version}, mobile (simulated throttling), median of {args.runs} run(s) per page, "
          f"(lowest-highest) when runs differ; benchmarkIndex {min(indices):.0f}-{max(indices):.0f}; "
          f"load average {load:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print(table(rows))
    for page, r in rows.items():
        for failed in r["failed"]:
            print(f"  {page}: failing audit {failed}")
    missed = missed_targets(rows)
    if missed:
        print("\nTargets missed:\n  " + "\n  ".join(missed))
        return 1 if args.strict else 0
    print("\nAll targets met (performance >= 0.95, LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.02; "
          "accessibility, best practices, SEO = 1.00).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
