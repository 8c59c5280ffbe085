"""Whole-site overhead: `mkdocs build` through the plugin versus a plain build of the same pages.

The plain side is a second site folder: the hand-written pages plus what
`berdaya generate` writes (generated Markdown and widget assets), and a
mkdocs.yml without the berdaya plugin but with the same theme, extensions
and plugins, the widget's CSS and JS in extra_css/extra_javascript and, when
the offline plugin is on, the local iframe-worker shim in extra.polyfills -
everything the plugin would have added - and, when the plugin would index the
site for search, a hook (plain_search_hook.py) that runs the same Pagefind
step after the build. The difference between the two builds is then exactly
what the plugin costs.

Both sides run as `mkdocs build` subprocesses, alternately (the side that
goes first swaps every round, so drift on a shared machine hits both), and
the figure is the median of the per-round ratios.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from generator.site.assets_files import early_script_paths, offline_shim_path, script_paths, stylesheet_paths
from generator.site.locale import script_words
from generator.content.catalog import YAML_SUFFIXES
from generator.settings import read_settings

BIN = Path(sys.executable).parent
SEARCH_HOOK = Path(__file__).resolve().with_name("plain_search_hook.py")
TARGET_RATIO = 1.10
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def plain_site(site: Path, target: Path) -> Path:
    """Write the plugin-free twin of ``site`` into ``target``.

    The twin's docs/ holds the module YAML too, kept out of the build by
    ``exclude_docs`` as the plugin keeps it out, and the site's other folders
    (quizzes/, curricula/, examples/ ...) are linked beside it: the worked
    notebook, executed during both builds, reads the project it sits in."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = site / config.get("docs_dir", "docs")
    shutil.copytree(docs, target / "docs")
    built = (site / config.get("site_dir", "site")).resolve()
    for entry in sorted(site.iterdir()):
        if entry.name.startswith(".") or entry.name == "mkdocs.yml" or entry.resolve() in (docs.resolve(), built):
            continue
        (target / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    generated = target.with_name(target.name + "-generated")
    _run([BIN / "berdaya", "--config", str(site / "mkdocs.yml"), "generate", str(generated)])
    shutil.copytree(generated, target / "docs", dirs_exist_ok=True, ignore=shutil.ignore_patterns(".berdaya-generated"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(config, site), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def plain_config(config: dict, site: Path) -> dict:
    """The site's config minus the berdaya plugin, plus what the plugin's on_config adds."""
    plugins = [entry for entry in config.get("plugins", []) if _plugin_name(entry) != "berdaya"]
    plain = {**config, "plugins": plugins, "docs_dir": "docs"}
    berdaya = next((entry for entry in config.get("plugins", []) if _plugin_name(entry) == "berdaya"), None)
    options = (berdaya.get("berdaya") or {}) if isinstance(berdaya, dict) else {}
    # Paths outside docs/ are relative to the config file: point them back at the original site.
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        plain["theme"] = {**theme, "custom_dir": str((site / theme["custom_dir"]).resolve())}
    hooks = [str((site / hook).resolve()) for hook in config.get("hooks") or []]
    if berdaya is not None and options.get("search_index", True):
        hooks.append(str(SEARCH_HOOK))  # the plugin's on_post_build step: the Pagefind index
    if hooks:
        plain["hooks"] = hooks
    sources = _module_sources(config, site)
    if sources:  # the YAML modules are inputs of the plugin, not pages; the plugin hides them too
        plain["exclude_docs"] = "\n".join(filter(None, [config.get("exclude_docs", "").strip(), *sources])) + "\n"
    plain["extra_css"] = [*config.get("extra_css", []), *stylesheet_paths()]
    plain["extra_javascript"] = [*config.get("extra_javascript", []), *script_paths()]
    extra = dict(config.get("extra") or {})
    offline = any(_plugin_name(entry) in ("offline", "material/offline") for entry in plugins)
    extra["polyfills"] = [*extra.get("polyfills", []), *([offline_shim_path()] if offline else []), *early_script_paths()]
    if berdaya is not None:  # the words site.js reads on every page (overrides/main.html writes them)
        theme_language = theme.get("language") if isinstance(theme, dict) else None
        extra["berdaya_words"] = script_words(theme_language or "id")
    plain["extra"] = extra
    return plain


def _module_sources(config: dict, site: Path) -> list[str]:
    """exclude_docs patterns for the YAML files directly in the modules folder, if it is inside docs/."""
    docs = (site / config.get("docs_dir", "docs")).resolve()
    modules_dir = read_settings(site / "mkdocs.yml").sources.modules_dir.resolve()
    if modules_dir != docs and docs not in modules_dir.parents:
        return []
    folder = modules_dir.relative_to(docs).as_posix()
    prefix = "/" if folder == "." else f"/{folder}/"
    return [f"{prefix}*{suffix}" for suffix in sorted(YAML_SUFFIXES)]


def _plugin_name(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def build(config: Path, site_dir: Path) -> tuple[float, float]:
    """One `mkdocs build`: (wall seconds, CPU seconds of the child process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    _run([BIN / "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)])
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _run(command: list) -> None:
    done = subprocess.run([str(part) for part in command], env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")


def compare(site: Path, workdir: Path, repeats: int) -> dict:
    """Alternate plugin and plain builds of ``site``; median ratio plugin/plain."""
    workdir.mkdir(parents=True)
    plain = plain_site(site, workdir / "plain")
    sides = {"plugin": site / "mkdocs.yml", "plain": plain / "mkdocs.yml"}
    outputs = {name: workdir / f"site-{name}" for name in sides}
    for name in sides:  # warm-up round: disk cache and .pyc files, not timed
        build(sides[name], outputs[name])
    same_pages = _html_pages(outputs["plugin"]) == _html_pages(outputs["plain"])
    search_files = {name: _search_files(output) for name, output in outputs.items()}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for round_ in range(repeats):
        for name in (("plugin", "plain") if round_ % 2 == 0 else ("plain", "plugin")):
            times[name].append(build(sides[name], outputs[name]))
    ratios = [p[0] / q[0] for p, q in zip(times["plugin"], times["plain"])]
    cpu_ratios = [p[1] / q[1] for p, q in zip(times["plugin"], times["plain"])]
    return {
        "site": str(site),
        "pages": len(_html_pages(outputs["plugin"])),
        "same_pages": same_pages,
        "training_pages": len([page for page in _html_pages(outputs["plugin"]) if page.startswith("pelatihan/")]),
        # Both sides end with a Pagefind index with a fragment per page (the file names are
        # content hashes, and the pages differ in their navigation: the plugin orders it).
        "search_fragments": _fragments(search_files["plugin"]),
        "same_search_index": _fragments(search_files["plugin"]) == _fragments(search_files["plain"]) > 0,
        "repeats": repeats,
        "plugin_seconds": statistics.median(t[0] for t in times["plugin"]),
        "plain_seconds": statistics.median(t[0] for t in times["plain"]),
        "ratio": statistics.median(ratios),
        "cpu_ratio": statistics.median(cpu_ratios),
        "all_ratios": ratios,
        "met": statistics.median(ratios) <= TARGET_RATIO,
    }


def _search_files(site_dir: Path) -> list[str]:
    index = site_dir / "pagefind"
    return sorted(path.relative_to(index).as_posix() for path in index.rglob("*") if path.is_file()) if index.is_dir() else []


def _fragments(files: list[str]) -> int:
    return sum(name.startswith("fragment/") for name in files)


def _html_pages(site_dir: Path) -> list[str]:
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
