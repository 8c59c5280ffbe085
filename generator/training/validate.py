"""Checks of one training that need the modules or the whole schedule.

Each check returns ContentErrors pointing at the line of the field at fault.
The schedule is only built once the parts it is built from are sound, so a
wrong time is reported as a wrong time, not as a schedule that does not fit.
"""

from __future__ import annotations

import difflib
from collections import Counter

from ..content.catalog import Catalog
from ..content.errors import ContentError
from ..content.load import Loaded
from ..content.messages import current_language, message
from ..content.yamlsource import YamlDocument
from ..results.assessment import check_tests
from .locale import session_titles
from .model import Break, FieldPracticeEntry, ModuleEntry, Training, format_time
from .plan import schedule_for, subjects
from .schedule import MAX_DAYS, used_days


def check_training(entry: Loaded[Training], catalog: Catalog | None) -> list[ContentError]:
    training, document = entry.item, entry.document
    errors = _check_days(training, document)
    if catalog is not None:
        errors += _check_modules(training, document, catalog)
        errors += check_tests(training, document, catalog)
    if errors or catalog is None:
        return errors
    return _check_fit(training, document, catalog)


# --- times and days ------------------------------------------------------------


def _check_days(training: Training, document: YamlDocument) -> list[ContentError]:
    settings = training.schedule
    errors = []
    if settings.day_end <= settings.day_start:
        errors.append(document.error(("schedule", "day_end"), message("training_day_end_before_start", start=format_time(settings.day_start), end=format_time(settings.day_end)), message("training_day_end_before_start_hint")))
        return errors
    errors += _check_breaks(document, ("schedule", "breaks"), settings.breaks, settings.day_start, settings.day_end)
    if settings.friday_breaks is not None:
        errors += _check_breaks(document, ("schedule", "friday_breaks"), settings.friday_breaks, settings.day_start, settings.day_end)
    seen: set[int] = set()
    for index, setting in enumerate(settings.day_settings):
        path = ("schedule", "day_settings", index)
        if setting.day in seen:
            errors.append(document.error((*path, "day"), message("training_day_setting_twice", day=setting.day), message("training_day_setting_twice_hint")))
        seen.add(setting.day)
        if settings.days is not None and setting.day > settings.days:
            errors.append(document.error((*path, "day"), message("training_day_setting_beyond", day=setting.day, days=settings.days), message("training_day_setting_beyond_hint")))
        start = setting.day_start if setting.day_start is not None else settings.day_start
        end = setting.day_end if setting.day_end is not None else settings.day_end
        if end <= start:
            field = "day_end" if setting.day_end is not None else "day_start"
            errors.append(document.error((*path, field), message("training_day_end_before_start", start=format_time(start), end=format_time(end)), message("training_day_end_before_start_hint")))
            continue
        breaks = setting.breaks if setting.breaks is not None else settings.breaks
        if setting.breaks is not None or setting.day_start is not None or setting.day_end is not None:
            where = (*path, "breaks") if setting.breaks is not None else ("schedule", "breaks")
            errors += _check_breaks(document, where, breaks, start, end)
    if training.start_date is not None and training.start_date.weekday() >= 5 and not settings.weekends:
        errors.append(document.error(("start_date",), message("training_start_on_weekend", date=training.start_date.isoformat()), message("training_start_on_weekend_hint")))
    return errors


def _check_breaks(document: YamlDocument, path: tuple, breaks: list[Break], day_start: int, day_end: int) -> list[ContentError]:
    errors = []
    ordered = sorted(enumerate(breaks), key=lambda pair: pair[1].start)
    for index, pause in ordered:
        if pause.start < day_start or pause.start + pause.minutes > day_end:
            errors.append(document.error((*path, index, "start"), message("training_break_outside_day", start=format_time(pause.start), end=format_time(pause.start + pause.minutes), day_start=format_time(day_start), day_end=format_time(day_end)), message("training_break_outside_day_hint")))
    for (first_index, first), (index, pause) in zip(ordered, ordered[1:]):
        if pause.start < first.start + first.minutes:
            errors.append(document.error((*path, index, "start"), message("training_breaks_overlap", start=format_time(pause.start), other=format_time(first.start), other_end=format_time(first.start + first.minutes)), message("training_breaks_overlap_hint")))
    return errors


# --- modules, activities, sections ---------------------------------------------


def _check_modules(training: Training, document: YamlDocument, catalog: Catalog) -> list[ContentError]:
    errors = []
    known = {module.id for module in catalog.module_items}
    counts = Counter(entry.module for entry in training.modules if isinstance(entry, ModuleEntry))
    reported: set[str] = set()
    for index, entry in enumerate(training.modules):
        path = ("modules", index)
        if isinstance(entry, FieldPracticeEntry):
            if entry.module is not None and entry.module not in known:
                errors.append(document.error((*path, "module"), message("training_module_unknown", id=entry.module), _closest(entry.module, known)))
            continue
        if not isinstance(entry, ModuleEntry):
            continue
        where = (*path, "module") if (*path, "module") in document.positions else path
        module = catalog.module(entry.module)
        if module is None:
            errors.append(document.error(where, message("training_module_unknown", id=entry.module), _closest(entry.module, known)))
            continue
        if counts[entry.module] > 1 and entry.module in reported:
            errors.append(document.error(where, message("training_module_twice", id=entry.module), message("training_module_twice_hint")))
        reported.add(entry.module)
        errors += _check_entry(document, path, entry, module)
    return errors


def _check_entry(document: YamlDocument, path: tuple, entry: ModuleEntry, module) -> list[ContentError]:
    errors = []
    activities = {activity.id for activity in module.activities}
    sections = {section.id for section in module.sections}
    for index, activity in enumerate(entry.skip_activities):
        if activity not in activities:
            errors.append(document.error((*path, "skip_activities", index), message("training_activity_unknown", module=module.id, id=activity), _closest(activity, activities)))
    for index, section in enumerate(entry.skip_sections):
        if section not in sections:
            errors.append(document.error((*path, "skip_sections", index), message("training_section_unknown", module=module.id, id=section), _closest(section, sections)))
    if sections and sections <= set(entry.skip_sections):
        errors.append(document.error((*path, "skip_sections"), message("training_all_sections_skipped", module=module.id), message("training_all_sections_skipped_hint")))
    jp = entry.duration_jp or module.duration_jp
    if entry.parts and sum(entry.parts) != jp:
        errors.append(document.error((*path, "parts"), message("training_parts_sum", parts=" + ".join(map(str, entry.parts)), total=sum(entry.parts), jp=jp), message("training_parts_sum_hint", jp=jp)))
    if entry.jp_split is not None and entry.jp_split.total != jp:
        split = entry.jp_split
        errors.append(document.error((*path, "jp_split"), message("training_split_sum", t=split.t, p=split.p, pl=split.pl, total=split.total, jp=jp), message("training_split_sum_hint", jp=jp)))
    return errors


def _closest(value: str, options: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(options), n=1)
    if close:
        return message("training_did_you_mean", value=close[0])
    if options:
        return message("training_known_ids", ids=", ".join(sorted(options)))
    return ""


# --- does it fit? ---------------------------------------------------------------


def _check_fit(training: Training, document: YamlDocument, catalog: Catalog) -> list[ContentError]:
    titles = session_titles(current_language())
    settings = training.schedule
    rows = subjects(training, catalog, titles)
    needed = sum(row.jp for row in rows)
    schedule = schedule_for(training, catalog, titles)
    if not schedule.unplaced:
        return []
    if settings.days is None:
        return [document.error(("modules",), message("training_does_not_fit_any", days=MAX_DAYS, jp=needed), message("training_does_not_fit_any_hint"))]
    per_day = {day.plan.capacity(settings.jp_minutes) for day in schedule.days}
    if needed > schedule.capacity_jp:
        if len(per_day) == 1:
            hint = message("training_too_long_hint", days=settings.days, per_day=per_day.pop(), available=schedule.capacity_jp, needed=needed)
        else:
            hint = message("training_too_long_uneven_hint", days=settings.days, available=schedule.capacity_jp, needed=needed)
        return [document.error(("schedule", "days"), message("training_too_long", days=settings.days, available=schedule.capacity_jp, needed=needed), hint)]
    longer = schedule_for(training, catalog, titles, days=MAX_DAYS)
    first_item = schedule.unplaced[0][0]
    return [document.error(("schedule", "days"), message("training_runs_over", days=settings.days, needed=used_days(longer), title=first_item.title), message("training_runs_over_hint"))]
