"""What ``berdaya results collect`` writes: the class list (CSV, with names,
for the trainer only) and the aggregate file the site builds its results page
from (YAML, no names, no participant numbers). Builders are pure; the two
writers at the end write to a temporary file and rename it, so an output is
either whole or not there.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from ..content.messages import message
from .assessment import Assessment
from .collect import Sorted
from .gain import ClassGain, ParticipantGain, band, class_gain, participant_gains, percent
from .items import ItemStats, Sheet, analyse

FORMAT = "berdaya-results"
FORMAT_VERSION = 1
BINS = 10  # score distribution: 0-<10 %, 10-<20 %, ..., 90-100 %


def percents(collected: Sorted, kind: str) -> dict[str, Fraction]:
    return {participant: percent(code.score, code.total) for participant, code in collected.scores(kind).items()}


def sheets(collected: Sorted, kind: str) -> list[Sheet]:
    return [Sheet(participant, code.correct, code.responses) for participant, code in collected.scores(kind).items()]


def gains(collected: Sorted) -> list[ParticipantGain]:
    return participant_gains(percents(collected, "pre"), percents(collected, "post"))


def distribution(scores: list[Fraction]) -> list[int]:
    counts = [0] * BINS
    for score in scores:
        counts[min(int(score // (100 // BINS)), BINS - 1)] += 1
    return counts


# ---- the class list (names: never into the site) --------------------------------


def class_csv(collected: Sorted) -> str:
    pre, post = collected.scores("pre"), collected.scores("post")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([message(f"results_csv_{column}") for column in ("participant", "name", "pre", "post", "gain", "band", "note")])
    for person in gains(collected):
        code = post.get(person.participant) or pre.get(person.participant)
        writer.writerow([
            person.participant,
            code.name,
            _number(person.pre, 1),
            _number(person.post, 1),
            _number(person.gain, 3),
            message(f"results_band_{band(person.gain)}") if person.gain is not None else "",
            _note(person),
        ])
    return out.getvalue()


def _note(person: ParticipantGain) -> str:
    if person.pre is None:
        return message("results_note_no_pre")
    if person.post is None:
        return message("results_note_no_post")
    if person.gain is None:
        return message("results_note_perfect_pre")
    return ""


# ---- the aggregate (no names) -----------------------------------------------------


def aggregate(collected: Sorted, assessment: Assessment) -> dict[str, Any]:
    people = gains(collected)
    summary = class_gain(people)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "training": assessment.training,
        "test_tag": assessment.test_tag,
        "questions": [item.ref for item in assessment.items],
        "participants": {
            "pre": len(collected.scores("pre")),
            "post": len(collected.scores("post")),
            "both": summary.counted,
            "only_pre": summary.only_pre,
            "only_post": summary.only_post,
        },
        "gain": _gain_fields(summary),
        "distribution": {kind: distribution(list(percents(collected, kind).values())) for kind in ("pre", "post")},
        "items": {kind: [_item_fields(stats) for stats in analyse(assessment, sheets(collected, kind))] for kind in ("pre", "post")},
    }


def _gain_fields(summary: ClassGain) -> dict[str, Any]:
    return {
        "pre_mean": _number(summary.pre_mean, 2, text=False),
        "post_mean": _number(summary.post_mean, 2, text=False),
        "class_gain": _number(summary.class_gain, 3, text=False),
        "band": summary.band,
        "mean_of_gains": _number(summary.mean_of_gains, 3, text=False),
        "with_own_gain": summary.with_own_gain,
        "perfect_pre": summary.perfect_pre,
        "bands": dict(summary.bands),
    }


def _item_fields(stats: ItemStats) -> dict[str, Any]:
    return {
        "question": stats.ref,
        "participants": stats.participants,
        "right": stats.right,
        "unanswered": stats.unanswered,
        "difficulty": _number(stats.difficulty, 3, text=False),
        "discrimination": _number(stats.discrimination, 3, text=False),
        "choices": list(stats.option_counts),
        "flags": list(stats.flags),
    }


def _number(value: Fraction | None, places: int, text: bool = True):
    if value is None:
        return "" if text else None
    rounded = round(value, places)  # Fraction rounds half to even, exactly
    return f"{float(rounded):.{places}f}" if text else float(rounded)


def aggregate_yaml(data: dict[str, Any]) -> str:
    header = message("results_aggregate_header", training=data["training"])
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return "".join(f"# {line}\n" for line in header.splitlines()) + body


# ---- writers ---------------------------------------------------------------------


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
