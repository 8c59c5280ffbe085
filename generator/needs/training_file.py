"""A recommendation as a training file (``curricula/<id>.yml``, the format of trainings).

``fit`` tightens the JP budget until the training's own scheduler places
every session in the days asked for; ``training_yaml`` writes the file with
a ``reason`` on every module and what was left out in ``description``.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..content.catalog import Catalog
from ..content.messages import message
from ..content.model import NeedsReport
from ..training.model import BUILT_IN_SESSIONS, Training
from ..training.plan import day_plans, schedule_for
from .recommend import ModuleInfo, RankedNeed, Recommendation, recommend
from .report import decimal

OPENING = ["pembukaan", "pre-test", "bina-suasana"]
CLOSING = ["post-test", "rencana-tindak-lanjut", "evaluasi", "penutupan"]
# The trainings' usual day (README, "Trainings"): 08.00-16.00, a short break and ISHOMA; longer on Friday.
SCHEDULE = {
    "jp_minutes": 45,
    "day_start": "08.00",
    "day_end": "16.00",
    "breaks": [{"start": "10.00", "minutes": 15, "title": "Rehat"}, {"start": "12.00", "minutes": 60, "title": "ISHOMA"}],
    "friday_breaks": [{"start": "10.00", "minutes": 15, "title": "Rehat"}, {"start": "11.30", "minutes": 90, "title": "ISHOMA dan salat Jumat"}],
}


def ranked_needs(report: NeedsReport) -> list[RankedNeed]:
    return [RankedNeed(item.id, item.rank, item.mwds or 0.0, item.quadrant) for item in report.competencies if item.rank is not None]


def module_infos(catalog: Catalog) -> dict[str, ModuleInfo]:
    return {module.id: ModuleInfo(module.id, module.duration_jp, index, tuple(module.prerequisites), tuple(module.competencies)) for index, module in enumerate(catalog.module_items)}


def built_in_jp() -> int:
    return sum(BUILT_IN_SESSIONS[session][0] for session in (*OPENING, *CLOSING))


def training_data(recommendation: Recommendation, report: NeedsReport, catalog: Catalog, training_id: str, days: int | None, budget: int) -> dict[str, Any]:
    titles = {competency.id: competency.title for competency in catalog.competency_items}
    survey = report.title or report.survey
    modules = [{"module": choice.module, "reason": _reason(choice, titles, catalog)} for choice in recommendation.modules]
    schedule = {"days": days, **SCHEDULE} if days else dict(SCHEDULE)
    return {
        "id": training_id,
        "title": message("needs_training_title", survey=survey),
        "audience": message("needs_training_audience"),
        "participants": 30,
        "description": _description(recommendation, report, titles, budget),
        "goals": [message("needs_training_goal", title=titles.get(need.competency, need.competency)) for choice in recommendation.modules for need in choice.for_needs][:5],
        "schedule": schedule,
        "opening": OPENING,
        "modules": modules,
        "closing": CLOSING,
    }


def _need_text(need: RankedNeed, titles: dict[str, str]) -> str:
    return message("needs_reason_need", title=titles.get(need.competency, need.competency), rank=need.rank, mwds=decimal_text(need.mwds), quadrant=need.quadrant)


def decimal_text(value: float) -> str:
    from fractions import Fraction

    from ..content.messages import current_language

    text = decimal(Fraction(value).limit_denominator(10_000))
    return text.replace(".", ",") if current_language() == "id" else text


def _reason(choice, titles: dict[str, str], catalog: Catalog) -> str:
    parts = []
    if choice.for_needs:
        parts.append(message("needs_reason_for", needs="; ".join(_need_text(need, titles) for need in choice.for_needs)))
    if choice.prerequisite_of:
        parts.append(message("needs_reason_prerequisite", modules=", ".join(catalog.module(module).title for module in choice.prerequisite_of)))
    return " ".join(parts)


def _description(recommendation: Recommendation, report: NeedsReport, titles: dict[str, str], budget: int) -> str:
    text = message("needs_training_description", survey=report.title or report.survey, respondents=report.respondents, jp=recommendation.jp, budget=budget)
    if recommendation.left_out:
        left = "; ".join(message("needs_left_out_item", need=_need_text(need, titles), jp=jp) for need, jp in recommendation.left_out)
        text += " " + message("needs_left_out", items=left)
    if recommendation.uncovered:
        text += " " + message("needs_uncovered", titles=", ".join(titles.get(need.competency, need.competency) for need in recommendation.uncovered))
    return text


def capacity_jp(days: int) -> int:
    """JP the usual days offer, less the built-in opening and closing sessions."""
    skeleton = Training.model_validate({"id": "x", "title": "x", "schedule": {"days": days, **SCHEDULE}, "modules": ["x"]})
    return sum(plan.capacity(skeleton.schedule.jp_minutes) for plan in day_plans(skeleton, days)) - built_in_jp()


def fit(report: NeedsReport, catalog: Catalog, training_id: str, days: int | None, jp: int | None, session_titles: dict[str, str]) -> tuple[dict[str, Any], Recommendation]:
    """The largest recommendation whose schedule fits: the budget shrinks one JP at a time."""
    needs, modules = ranked_needs(report), module_infos(catalog)
    budget = jp if jp is not None else capacity_jp(days)
    while True:
        result = recommend(needs, modules, max(budget, 0))
        data = training_data(result, report, catalog, training_id, days, jp if jp is not None else capacity_jp(days))
        if days is None or not result.modules:
            return data, result
        training = Training.model_validate(data)
        if not schedule_for(training, catalog, session_titles, days).unplaced:
            return data, result
        budget = result.jp - 1


HEADER = (
    "# Written by 'berdaya needs recommend' from the needs analysis kebutuhan/{survey}.yml.\n"
    "# Every module says why it is here ('reason'); 'description' says what was left out for lack of time.\n"
    "# Edit freely: it is an ordinary training file (README, \"Trainings\"). Check it with: berdaya validate\n"
)


def training_yaml(data: dict[str, Any], survey: str) -> str:
    if data["schedule"].get("days") is None:
        data["schedule"].pop("days", None)
    return HEADER.format(survey=survey) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
