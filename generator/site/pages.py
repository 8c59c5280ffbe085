"""Catalog -> {site path: Markdown text}. Pure: no MkDocs, no file writes.

Both doors onto the core use this: the MkDocs plugin serves the pages as
generated files and ``berdaya generate`` writes them to disk.
"""

from __future__ import annotations

import functools
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import needs_pages, results_pages, urls
from ..content.catalog import Catalog
from .locale import page_strings, widget_strings
from ..content.messages import fill
from ..content.model import Module, QuizBank
from .quizdata import QuizContext, json_for_script, progress_lookup, question_views, quiz_payload
from ..export.coverage import coverage
from .text import inline_html, inline_plain, inline_text, markdown_block, slugify, table_cell

JP_MINUTES = 45


@dataclass(frozen=True)
class PageOptions:
    language: str = "id"
    use_directory_urls: bool = True
    site_slug: str = "berdaya"
    templates_dir: Path | None = None


def render_site(catalog: Catalog, options: PageOptions) -> dict[str, str]:
    renderer = _Renderer(catalog, options)
    pages = {
        urls.MODULES_INDEX: renderer.modules_index(),
        urls.QUIZZES_INDEX: renderer.quizzes_index(),
        urls.GLOSSARY: renderer.glossary(),
    }
    for module in catalog.module_items:
        pages[urls.module_page(module.id)] = renderer.module(module)
    for quiz in catalog.quiz_items:
        pages[urls.quiz_page(quiz.id)] = renderer.quiz(quiz)
    pages[results_pages.PROGRESS] = renderer.progress()
    if catalog.competency_items:
        pages[needs_pages.ASSESSMENT] = needs_pages.assessment_page(catalog, renderer._render, options.site_slug, options.language, options.use_directory_urls)
    for entry in catalog.needs_reports:
        pages[needs_pages.report_page(entry.item.survey)] = needs_pages.needs_report_page(catalog, entry.item, renderer._render, options.language)
    pages[urls.COVERAGE] = renderer.coverage()
    return pages


def merged_glossary(catalog: Catalog) -> list[dict[str, Any]]:
    """All glossary entries, one per term (case-insensitive), alphabetical."""
    terms: dict[str, dict[str, Any]] = {}
    for module in catalog.module_items:
        for entry in module.glossary:
            merged = terms.setdefault(entry.term.casefold(), {"term": entry.term, "anchor": slugify(entry.term), "definitions": []})
            same = next((d for d in merged["definitions"] if d["text"] == entry.definition), None)
            if same:
                same["modules"].append(module)
            else:
                merged["definitions"].append({"text": entry.definition, "modules": [module]})
    return [terms[key] for key in sorted(terms, key=lambda term: (_initial(term), term))]


def _initial(term: str) -> str:
    """The letter a term is filed under; terms starting with a symbol go under '#'."""
    return next((char for char in term if char.isalnum()), "#").upper()


def page_renderer(catalog: Catalog, options: PageOptions) -> "_Renderer":
    """The site's renderer, for other parts' pages (training/): same Jinja environment, same filters."""
    return _Renderer(catalog, options)


class _Renderer:
    def __init__(self, catalog: Catalog, options: PageOptions):
        self.catalog = catalog
        self.options = options
        self.strings = page_strings(options.language)
        self.env = _environment(options.templates_dir)

    def _render(self, template: str, page: str, **context: Any) -> str:
        def link(to_page: str, anchor: str = "") -> str:
            return urls.source_link(page, to_page, anchor)

        return self.env.get_template(template).render(
            t=self.strings, link=link, urls=urls, catalog=self.catalog, jp_minutes=JP_MINUTES, **context
        )

    def render(self, template: str, page: str, **context: Any) -> str:
        """Render ``template`` as the page ``page`` (links are relative to it)."""
        return self._render(template, page, **context)

    def modules_index(self) -> str:
        total = sum(module.duration_jp for module in self.catalog.module_items)
        return self._render("modules_index.md.j2", urls.MODULES_INDEX, modules=self.catalog.module_items, total_jp=total)

    def quizzes_index(self) -> str:
        # Each quiz's storage key and question revs, so the page can show the trainee's own progress.
        progress = {
            quiz.id: html.escape(json.dumps(progress_lookup(quiz, self.options.site_slug), separators=(",", ":")), quote=True)
            for quiz in self.catalog.quiz_items
        }
        return self._render("quizzes_index.md.j2", urls.QUIZZES_INDEX, quizzes=self.catalog.quiz_items, progress=progress)

    def glossary(self) -> str:
        entries = merged_glossary(self.catalog)
        letters: dict[str, list] = {}
        for entry in entries:
            letters.setdefault(_initial(entry["term"]), []).append(entry)
        return self._render("glossary.md.j2", urls.GLOSSARY, letters=letters)

    def module(self, module: Module) -> str:
        prerequisites = [self.catalog.module(module_id) for module_id in module.prerequisites]
        return self._render(
            "module.md.j2",
            urls.module_page(module.id),
            module=module,
            prerequisites=prerequisites,
            quizzes=self.catalog.quizzes_for(module.id),
        )

    def coverage(self) -> str:
        return self._render("coverage.md.j2", urls.COVERAGE, report=coverage(self.catalog))

    def progress(self) -> str:
        return results_pages.progress_page(
            self.catalog, self._render, self.options.site_slug, self.options.use_directory_urls, self.options.language)

    def quiz(self, quiz: QuizBank) -> str:
        module = self.catalog.module(quiz.module)
        context = QuizContext(module, self.options.site_slug, self.options.use_directory_urls, widget_strings(self.options.language))
        data = json_for_script(quiz_payload(quiz, context))
        return self._render(
            "quiz.md.j2", urls.quiz_page(quiz.id),
            quiz=quiz, module=module, questions=question_views(quiz, context), w=context.strings, quiz_json=data,
        )


def template_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja environment every page is rendered with: its filters are the one way trainer text reaches a page."""
    return _environment(templates_dir)


@functools.lru_cache(maxsize=8)
def _environment(templates_dir: Path | None) -> jinja2.Environment:
    """Built once per templates folder and process: compiling the templates costs more than
    rendering a small site. Jinja checks each template's file on every ``get_template``
    (``auto_reload``), so an override edited under `mkdocs serve` is compiled again."""
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("generator.site", "templates")]
    if templates_dir is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(templates_dir)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        # Pages are Markdown, not HTML: escaping is done by the md filters below.
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # md, md_block, cell: trainer text into Markdown; html, plain: into raw HTML (the quiz widget).
    env.filters.update(
        md=inline_text, md_block=markdown_block, cell=table_cell, html=inline_html, plain=inline_plain,
        front_matter=_front_matter, fmt=_format,
    )
    return env


def _front_matter(values: dict[str, Any]) -> str:
    # Themes print page.meta values into HTML unescaped (MkDocs' Jinja has no
    # autoescape), so they are escaped here, once.
    escaped = {key: html.escape(" ".join(str(value).split()), quote=True) for key, value in values.items()}
    return "---\n" + yaml.dump(escaped, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000) + "---"


# libyaml's emitter when PyYAML has it: several times faster than the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _format(template: str, **values: Any) -> str:
    return fill(template, **values)
