"""Everything a site is built from, loaded and checked together.

The doors call ``load_project``: the curriculum (content/) and the
trainings (training/) are validated in one run, so ``berdaya validate``
and ``mkdocs build`` report every problem of every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .content.cache import ParseCache
from .content.catalog import Catalog, Sources, load_catalog
from .content.errors import ContentError, ContentErrors
from .content.load import Loaded
from .results.aggregate import load_aggregates
from .site import results_pages
from .site.pages import PageOptions, render_site
from .training.documents import render_trainings
from .training.load import load_trainings
from .training.model import Training


@dataclass
class Project:
    catalog: Catalog
    trainings: list[Loaded[Training]] = field(default_factory=list)
    results: dict = field(default_factory=dict)  # training id -> results.aggregate.Aggregate (results/<id>.yml)

    @property
    def training_items(self) -> list[Training]:
        return [entry.item for entry in self.trainings]

    def training(self, training_id: str) -> Training | None:
        return next((item for item in self.training_items if item.id == training_id), None)


def load_project(sources: Sources, cache: ParseCache | None = None) -> Project:
    """``cache`` (content/cache.py): the plugin keeps one across `mkdocs serve` rebuilds."""
    errors: list[ContentError] = []
    catalog: Catalog | None = None
    try:
        catalog = load_catalog(sources, cache)
    except ContentErrors as problems:
        errors += problems.errors
    # With broken modules the trainings are still read, so their own mistakes show too.
    trainings, problems = load_trainings(sources, catalog, cache)
    errors += problems
    results, problems = load_aggregates(sources, {entry.item.id: entry.item for entry in trainings})
    errors += problems
    if errors or catalog is None:
        raise ContentErrors(errors, files_checked=len(sources.content_files()))
    return Project(catalog, trainings, results)


def render_project(project: Project, options: PageOptions) -> dict[str, str]:
    """{site path: text} of every generated file: the curriculum's pages and each training's."""
    pages = render_site(project.catalog, options)
    pages.update(render_trainings(project.catalog, project.training_items, options))
    pages.update(results_pages.project_pages(project, options))
    return pages
