"""Where training pages go in the site's navigation (the plugin asks; no MkDocs here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import urls
from .locale import training_strings
from .model import ModuleEntry
from .plan import schedule_for

if TYPE_CHECKING:
    from ..project import Project


def training_nav_order(project: "Project") -> list[str]:
    """Training pages in reading order: overview, structure, design, schedule, guide and its days, then modules."""
    order = []
    for training in project.training_items:
        order += [urls.training_page(training.id, kind) for kind in urls.PAGES]
        days = schedule_for(training, project.catalog, training_strings("id")["sessions"]).days
        order += [urls.guide_day_page(training.id, day.number) for day in days]
        order += [urls.training_module_page(training.id, entry.module) for entry in training.modules if isinstance(entry, ModuleEntry)]
    return order


def training_section_titles(project: "Project", language: str) -> dict[str, str]:
    """{index page of a section: its title}: 'Pelatihan', each training's title, its modules."""
    strings = training_strings(language)
    titles = {urls.TRAININGS_INDEX: strings["trainings_title"]} if project.trainings else {}
    for training in project.training_items:
        titles[urls.training_page(training.id)] = training.title
    return titles
