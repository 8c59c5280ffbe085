"""The needs survey as an XLSForm (.xlsx) for KoboToolbox and ODK Central.

``sheets`` is pure (rows of the survey, choices and settings sheets);
``write_xlsform`` is the only part that touches a file (openpyxl).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .form import ABILITY, CONSENT, IMPORTANCE, KINDS, LANGUAGE_NAMES, LANGUAGES, NAME, PLACE, ROLE, ROLES, WORDS, Form, choice_label, group_name

Sheet = list[list[str]]


def _label_columns(prefix: str) -> list[str]:
    return [f"{prefix}::{LANGUAGE_NAMES[lang]}" for lang in LANGUAGES]


def _labels(key: str, **fields: str) -> list[str]:
    return [WORDS[lang][key].format(**fields) for lang in LANGUAGES]


def _list_name(kind: str, form: Form) -> str:
    return f"skala_{'penting' if kind == IMPORTANCE else 'mampu'}_{form.scale.low}_{form.scale.high}"


def survey_sheet(form: Form) -> Sheet:
    header = ["type", "name", *_label_columns("label"), *_label_columns("hint"), "required", "relevant", "appearance"]
    agreed = f"${{{CONSENT}}} = 'ya'"
    rows: Sheet = [
        header,
        ["start", "start", "", "", "", "", "", "", ""],
        ["end", "end", "", "", "", "", "", "", ""],
        ["note", "pengantar", *_labels("intro"), "", "", "", "", ""],
        ["select_one ya_tidak", CONSENT, *_labels("consent"), "", "", "yes", "", ""],
        ["select_one peran", ROLE, *_labels("role"), "", "", "yes", agreed, ""],
        ["text", PLACE, *_labels("place"), "", "", "yes", agreed, ""],
        ["text", NAME, *_labels("name"), "", "", "", agreed, ""],
    ]
    for competency in form.competencies:
        description = [competency.description, competency.description]
        rows.append(["begin_group", group_name(competency.id), competency.title, competency.title, *description, "", agreed, "field-list"])
        for kind in KINDS:
            rating = form.rating(competency.id, kind)
            rows.append([f"select_one {_list_name(kind, form)}", rating.name, *(rating.labels[lang] for lang in LANGUAGES), "", "", "yes", "", "horizontal-compact"])
        rows.append(["end_group", "", "", "", "", "", "", "", ""])
    return rows


def choices_sheet(form: Form) -> Sheet:
    rows: Sheet = [["list_name", "name", *_label_columns("label")]]
    rows += [["ya_tidak", "ya", *_labels("yes")], ["ya_tidak", "tidak", *_labels("no")]]
    rows += [["peran", name, indonesian, english] for name, indonesian, english in ROLES]
    for kind in (IMPORTANCE, ABILITY):
        for value in form.scale.values:
            rows.append([_list_name(kind, form), str(value), *(choice_label(kind, value, form.scale, lang) for lang in LANGUAGES)])
    return rows


def settings_sheet(form: Form, version: str) -> Sheet:
    return [
        ["form_title", "form_id", "version", "default_language", "style"],
        [WORDS["id"]["title"], form.survey_id.replace("-", "_"), version, LANGUAGE_NAMES["id"], "pages"],
    ]


def sheets(form: Form, version: str) -> dict[str, Sheet]:
    return {"survey": survey_sheet(form), "choices": choices_sheet(form), "settings": settings_sheet(form, version)}


def write_xlsform(path: Path, form: Form, version: str) -> None:
    """Write the workbook beside the target, then move it in: never half-written."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets(form, version).items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".berdaya-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
