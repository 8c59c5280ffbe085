"""The widget's static files and where they go in a built site."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

from .minify import shipped

SITE_DIR = "assets/berdaya"
# On every page (extra_css): the offline box, tables on phones, the search dialog.
STYLESHEETS = ("site.css",)
SCRIPTS = ("site.js",)
# Run before Material's bundle (the plugin lists them in extra.polyfills, which
# the theme writes ahead of it): search.js must unname Material's search form
# before the bundle looks for it, or the bundle downloads its whole index.
EARLY_SCRIPTS = ("search.js",)
# Loaded by a script when the trainee first asks for it; "save for offline" stores them too.
ON_DEMAND_SCRIPTS = ("search-dialog.js",)
# Loaded only on the pages that name them ([data-berdaya-scripts]): the quiz
# widget on pages with a quiz, the results and needs scripts on theirs, the
# training documents' print styles on those. Stylesheets among them are linked
# in the page's head (page_styles.py), so nothing shows
# unstyled; site.js adds any that are missing (instant navigation, pages built
# another way).
PAGE_STYLESHEETS = ("quiz.css", "training.css", "results.css", "needs.css")
PAGE_ASSETS = ("quiz.css", "training.css", "quiz.js", "results.css", "resultcode.js", "results.js", "resultsend.js", "vendor/qrcode.js", "vendor/qrcode-generator.LICENSE", "needs.css", "needs.js")
PAGE_SCRIPTS_ATTRIBUTE = re.compile(r'data-berdaya-scripts="([^"]*)"')
SERVICE_WORKER = "sw.js"  # at the site root, so its scope covers every page
# Material's offline plugin loads this shim from unpkg.com so search works from
# file://; a local copy (MIT, iframe-worker 1.0.4) keeps the site third-party free.
OFFLINE_SHIM = "vendor/iframe-worker-shim.js"
VENDOR = (OFFLINE_SHIM, "vendor/iframe-worker.LICENSE")


def asset_sources() -> dict[str, Path]:
    """{site path: file in the installed package} for every widget asset."""
    package = resources.files("generator.site").joinpath("assets")
    return {
        f"{SITE_DIR}/{name}": Path(str(package.joinpath(name)))
        for name in (*STYLESHEETS, *EARLY_SCRIPTS, *ON_DEMAND_SCRIPTS, *SCRIPTS, *PAGE_ASSETS, *VENDOR)
    }


def asset_contents() -> dict[str, bytes]:
    """{site path: the bytes the site ships} (minify.py: our own files minified)."""
    return {path: shipped(path, source.read_bytes()) for path, source in asset_sources().items()}


def page_stylesheets(html: str) -> list[str]:
    """The page stylesheets a page's HTML names in data-berdaya-scripts, in order, once each."""
    names = [name for value in PAGE_SCRIPTS_ATTRIBUTE.findall(html) for name in value.split()]
    return list(dict.fromkeys(name for name in names if name in PAGE_STYLESHEETS))


def stylesheet_paths() -> list[str]:
    return [f"{SITE_DIR}/{name}" for name in STYLESHEETS]


def script_paths() -> list[str]:
    return [f"{SITE_DIR}/{name}" for name in SCRIPTS]


def early_script_paths() -> list[str]:
    return [f"{SITE_DIR}/{name}" for name in EARLY_SCRIPTS]


def offline_shim_path() -> str:
    return f"{SITE_DIR}/{OFFLINE_SHIM}"


def service_worker(pages: dict[str, str]) -> str:
    """The service worker, its cache named after this build's content."""
    digest = hashlib.sha256()
    for path in sorted(pages):
        digest.update(path.encode() + b"\0" + pages[path].encode())
    for source in asset_sources().values():
        digest.update(source.read_bytes())
    template = resources.files("generator.site").joinpath("assets", SERVICE_WORKER).read_text(encoding="utf-8")
    return template.replace("__VERSION__", digest.hexdigest()[:12])
