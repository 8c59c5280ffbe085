"""The analysis written out: ``needs.csv`` for the trainer and the aggregate file the site renders.

Both hold only figures per competency and counts: no names, places, free
text or single responses, so the aggregate file may be committed and
published. Numbers are rounded here and only here.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from fractions import Fraction
from pathlib import Path

import yaml

from .analysis import Analysis
from .form import Form

NEEDS_CSV_COLUMNS = ("rank", "competency", "title", "n", "importance_mean", "ability_mean", "gap_mean", "mwds", "gap_median", "share_positive", "quadrant")
FIGURES = ("importance_mean", "ability_mean", "gap_mean", "mwds", "gap_median", "share_positive")


def decimal(value: Fraction | None, places: int = 2) -> str:
    """Exact rounding half away from zero (a spreadsheet's ROUND), not binary float rounding."""
    if value is None:
        return ""
    scaled = abs(value) * 10**places
    whole = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    sign = "-" if value < 0 and whole else ""
    text = str(whole).rjust(places + 1, "0")
    return f"{sign}{text[:-places]}.{text[-places:]}" if places else f"{sign}{text}"


def needs_csv(analysis: Analysis, form: Form) -> str:
    titles = form.titles()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NEEDS_CSV_COLUMNS)
    for need in analysis.needs:
        figures = [decimal(getattr(need, name)) for name in FIGURES]
        writer.writerow([need.rank or "", need.competency, titles[need.competency], need.n, *figures, need.quadrant])
    return out.getvalue()


def aggregate(analysis: Analysis, form: Form, formats: dict[str, int], roles: dict[str, int], date: str, title: str = "") -> dict:
    """The report's data for the site: figures per competency and counts, nothing personal."""
    def number(value: Fraction | None) -> float | None:
        return None if value is None else float(decimal(value, 4))

    return {
        "survey": form.survey_id,
        "title": title,
        "date": date,
        "scale": {"low": form.scale.low, "high": form.scale.high},
        "respondents": analysis.respondents,
        "formats": dict(sorted(formats.items())),
        "roles": dict(sorted(roles.items())),
        "importance_cut": number(analysis.importance_cut),
        "gap_cut": number(analysis.gap_cut),
        "competencies": [
            {
                "id": need.competency,
                "rank": need.rank,
                "ordinal_rank": need.ordinal_rank,
                "n": need.n,
                **{name: number(getattr(need, name)) for name in FIGURES},
                "quadrant": need.quadrant,
                "orderings_disagree": need.orderings_disagree,
            }
            for need in analysis.needs
        ],
    }


HEADER = (
    "# Written by 'berdaya needs analyze'. Only aggregate figures of the needs survey:\n"
    "# no names, places, free text or single responses. The site renders it as kebutuhan/{survey}/.\n"
)


def aggregate_yaml(data: dict) -> str:
    return HEADER.format(survey=data["survey"]) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_files(files: dict[Path, str]) -> None:
    """Write every file beside its target first, then move them all in: never half-written."""
    staged = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".berdaya-", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            staged.append((temporary, path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.remove(temporary)
