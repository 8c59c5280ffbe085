"""Pages of trainees' results: "Kemajuan saya" (the trainee's own progress on
this device) and, per training, its pre-test, post-test, collection page and
results page. Data for the browser travels as escaped JSON in attributes;
trainer text reaches the page only through the environment's text filters.
"""

from __future__ import annotations

import html
import json
from typing import Any, Callable

from . import urls
from ..content.catalog import Catalog
from ..content.messages import catalog as messages_catalog
from .quizdata import progress_lookup
from .text import slugify

PROGRESS = "kemajuan.md"
SCRIPTS = "results.css resultcode.js results.js"  # loaded by site.js only where a page asks for them


def strings(prefix: str, page_language: str) -> dict[str, str]:
    """Every results.yml message starting with ``prefix``, in the page's language, by the rest of its key."""
    chosen = page_language if page_language in ("id", "en") else "id"
    return {key[len(prefix):]: entry[chosen] for key, entry in messages_catalog().items() if key.startswith(prefix)}


def attribute_json(value: Any) -> str:
    return html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=True)


def progress_page(catalog: Catalog, render: Callable[..., str], site_slug: str, use_directory_urls: bool, page_language: str) -> str:
    modules = []
    for module in catalog.module_items:
        sections = {section.id: section.title for section in module.sections}
        quizzes = []
        for quiz in catalog.quizzes_for(module.id):
            lookup = progress_lookup(quiz, site_slug)
            lookup["pass"] = quiz.pass_percent
            lookup["review"] = {
                question.id: [sections.get(question.section, question.section),
                              urls.url_link(PROGRESS, urls.module_page(module.id), use_directory_urls, question.section)]
                for question in quiz.questions
            }
            quizzes.append({"quiz": quiz, "data": attribute_json(lookup)})
        modules.append({"module": module, "quizzes": quizzes})
    t = strings("results_progress_", page_language)
    state = {"prefix": f"berdaya.v1.{slugify(site_slug)}.", "strings": t}
    return render("progress.md.j2", PROGRESS, modules=modules, r=t, state=attribute_json(state), scripts=SCRIPTS)
