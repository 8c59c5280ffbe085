"""The needs report page ``kebutuhan/<survey>/``: ranking table, Locus-for-Focus
chart (inline SVG from a template) and a plain-language summary.

Built only from the aggregate file (content.model.NeedsReport): no response
ever reaches the site. Numbers are formatted for the page's language here;
the chart's geometry is computed here, the drawing is the template's.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from typing import Any, Callable

from ..content.catalog import Catalog
from ..content.messages import catalog as messages_catalog
from ..content.model import NeedFigures, NeedsReport
from . import urls
from ..needs.form import ABILITY, IMPORTANCE, Scale, choice_label, xml_name
from .text import slugify

NEEDS_DIR = "kebutuhan"
NEEDS_MODULE = "desain-pelatihan-berbasis-kebutuhan"  # module 8 teaches this analysis
SMALL_N = 10
TOP = 3
PREFIX = "needs_page_"

# The chart's drawing area, in SVG user units (scaled to the page's width).
WIDTH, HEIGHT = 360, 320
LEFT, RIGHT, TOP_EDGE, BOTTOM = 50, 346, 16, 268


def report_page(survey: str) -> str:
    return f"{NEEDS_DIR}/{survey}.md"


def strings(page_language: str) -> dict[str, str]:
    chosen = page_language if page_language in ("id", "en") else "id"
    return {key[len(PREFIX):]: entry[chosen] for key, entry in messages_catalog().items() if key.startswith(PREFIX)}


def number(value: float | None, language: str, places: int = 2) -> str:
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if language == "id" else text


@dataclass(frozen=True)
class Point:
    rank: int
    title: str
    x: float
    y: float
    priority: bool
    label: str


def chart(report: NeedsReport, titles: dict[str, str], words: dict[str, str], language: str) -> dict[str, Any]:
    """Positions of the dots, cut lines, gridlines and ticks in SVG units."""
    rated = [item for item in report.competencies if item.rank is not None]
    # Zoomed to the data, in half steps: answers crowd the top of the scale.
    importances = [item.importance_mean for item in rated] or [float(report.scale.low), float(report.scale.high)]
    gaps = [item.gap_mean for item in rated] or [0.0]
    low = max(report.scale.low, _half_down(min(importances) - 0.2))
    high = min(report.scale.high, _half_up(max(importances) + 0.2))
    gap_low = min(0.0, _half_down(min(gaps) - 0.2))
    gap_high = max(0.5, _half_up(max(gaps) + 0.2))

    def x(value: float) -> float:
        return round(LEFT + (value - low) / (high - low) * (RIGHT - LEFT), 1)

    def y(value: float) -> float:
        return round(BOTTOM - (value - gap_low) / (gap_high - gap_low) * (BOTTOM - TOP_EDGE), 1)

    points = [
        Point(item.rank, titles.get(item.id, item.id), x(item.importance_mean), y(item.gap_mean), item.quadrant == "HH",
              words["point"].format(rank=item.rank, title=titles.get(item.id, item.id), importance=number(item.importance_mean, language), gap=number(item.gap_mean, language)))
        for item in sorted(rated, key=lambda item: -item.rank)  # rank 1 drawn last, on top
    ]
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": RIGHT, "top": TOP_EDGE, "bottom": BOTTOM,
        "points": points,
        "x_ticks": [(x(value), number(value, language, 1)) for value in _halves(low, high)],
        "y_ticks": [(y(value), number(value, language, 1)) for value in _halves(gap_low, gap_high)],
        "cut_x": x(report.importance_cut) if report.importance_cut is not None else None,
        "cut_y": y(report.gap_cut) if report.gap_cut is not None else None,
    }


def _half_down(value: float) -> float:
    return math.floor(value * 2) / 2


def _half_up(value: float) -> float:
    return math.ceil(value * 2) / 2


def _halves(low: float, high: float) -> list[float]:
    return [low + step / 2 for step in range(int(round((high - low) * 2)) + 1)]


def _row(item: NeedFigures, titles: dict[str, str], language: str, words: dict[str, str], catalog: Catalog) -> dict[str, Any]:
    modules = catalog.modules_for_competency(item.id)
    share = "–" if item.share_positive is None else f"{round(item.share_positive * 100)}"
    return {
        "rank": str(item.rank) if item.rank else "–",
        "title": titles.get(item.id, item.id),
        "module": modules[0] if modules else None,  # the title links to the first module that covers it
        "n": str(item.n),
        "importance": number(item.importance_mean, language),
        "ability": number(item.ability_mean, language),
        "gap": number(item.gap_mean, language),
        "mwds": number(item.mwds, language),
        "median": number(item.gap_median, language, 1),
        "share": share,
        "quadrant": item.quadrant or words["not_rated"],
    }


def _summary(report: NeedsReport, catalog: Catalog, titles: dict[str, str], language: str) -> dict[str, Any]:
    rated = sorted((item for item in report.competencies if item.rank is not None), key=lambda item: item.rank)
    top = [
        {
            "item": item,
            "title": titles.get(item.id, item.id),
            "mwds": number(item.mwds, language),
            "share": str(round((item.share_positive or 0) * 100)),
            "median": number(item.gap_median, language, 1),
            "modules": catalog.modules_for_competency(item.id),
        }
        for item in rated[:TOP]
    ]
    small = [item for item in report.competencies if 0 < item.n < SMALL_N]
    return {
        "top": top,
        "hh": [titles.get(item.id, item.id) for item in rated if item.quadrant == "HH"],
        "lowest": {"title": titles.get(rated[-1].id, rated[-1].id), "mwds": number(rated[-1].mwds, language)} if len(rated) > TOP else None,
        "disagree": [item for item in rated if item.orderings_disagree],
        "small": {"count": len(small), "smallest": min((item.n for item in small), default=0), "threshold": SMALL_N},
    }


def needs_report_page(catalog: Catalog, report: NeedsReport, render: Callable[..., str], language: str) -> str:
    titles = {competency.id: competency.title for competency in catalog.competency_items}
    words = strings(language)
    return render(
        "needs_report.md.j2",
        report_page(report.survey),
        report=report,
        w=words,
        title=report.title or words["title"].format(survey=report.survey),
        rows=[_row(item, titles, language, words, catalog) for item in report.competencies],
        summary=_summary(report, catalog, titles, language),
        chart=chart(report, titles, words, language),
        cuts={"importance_cut": number(report.importance_cut, language), "gap_cut": number(report.gap_cut, language)},
        needs_module=catalog.module(NEEDS_MODULE),
        date=str(report.date),
    )


# --- the self-assessment page -------------------------------------------------

ASSESSMENT = "penilaian-kebutuhan.md"
ASSESSMENT_ASSETS = "needs.css needs.js"  # loaded by site.js only on this page
SELF_PREFIX = "needs_self_"
SCALE = (1, 5)  # the survey's default scale, so the CSV joins a KoboToolbox export


def storage_key(site_slug: str) -> str:
    return f"berdaya.needs.v1.{slugify(site_slug)}"


def assessment_page(catalog: Catalog, render: Callable[..., str], site_slug: str, language: str, use_directory_urls: bool) -> str:
    chosen = language if language in ("id", "en") else "id"
    words = {key[len(SELF_PREFIX):]: entry[chosen] for key, entry in messages_catalog().items() if key.startswith(SELF_PREFIX)}
    items = []
    for competency in catalog.competency_items:
        modules = [{"title": module.title, "url": urls.url_link(ASSESSMENT, urls.module_page(module.id), use_directory_urls)} for module in catalog.modules_for_competency(competency.id)]
        items.append({
            "competency": competency,
            "names": [xml_name(competency.id, IMPORTANCE), xml_name(competency.id, ABILITY)],
            "modules": modules,
        })
    low, high = SCALE
    state = {
        "key": storage_key(site_slug),
        "scale": f"{low}-{high}",
        "items": [{"id": item["competency"].id, "title": item["competency"].title, "names": item["names"], "modules": item["modules"]} for item in items],
        "strings": words,
    }
    labels = {kind: [choice_label(kind, value, Scale(low, high), chosen) for value in range(low, high + 1)] for kind in (IMPORTANCE, ABILITY)}
    return render(
        "needs_assessment.md.j2",
        ASSESSMENT,
        s=words,
        items=items,
        values=list(range(low, high + 1)),
        low=low,
        high=high,
        labels=labels,
        state=html.escape(json.dumps(state, ensure_ascii=False, separators=(",", ":")), quote=True),
        scripts=ASSESSMENT_ASSETS,
    )
