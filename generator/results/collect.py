"""Finding result codes in what trainees sent, and deciding which ones count.

Readers (the edge): downloaded result files (JSON), pasted text, and
WhatsApp's "Export chat" (.txt, or the .zip iPhones make, holding
``_chat.txt``). Codes are found anywhere in a line, whatever surrounds them
(dates, names, emoji, *bold* marks); a code that a phone split over two lines
is joined again.

``sort_codes`` (pure) then keeps one pre-test and one post-test per
participant and reports, with file and line, every code it skips: broken,
another version, another training, another set of questions, duplicates.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..content.errors import ContentError
from ..content.messages import catalog as messages_catalog, message
from .assessment import Assessment
from .code import CODE_PATTERN, CodeError, ResultCode, decode

# Invisible marks WhatsApp and phones put into text (iOS: U+200E before a
# message's text); they would hide a code's start from the pattern.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")
# The start of a new message in an Android or iOS export: "03/12/26 09.15 - ", "[3/12/26, 09:15:22] ".
_MESSAGE_START = re.compile(r"^\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? ")
_CODE_CHARS = re.compile(r"^[0-9A-Za-z-]+")


@dataclass(frozen=True)
class Found:
    file: str
    line: int
    column: int
    text: str


@dataclass
class Sorted:
    """What counts (one code per participant and test) and what was skipped, and why."""

    counted: dict[tuple[str, str], tuple[ResultCode, Found]] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, found: Found, key: str, **fields) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        hint_key = key + "_hint"
        hint = message(hint_key, **fields) if hint_key in messages_catalog() else ""
        self.problems.append(ContentError(found.file, found.line, found.column, found.text[:20] + "…", message(key, **fields), hint))

    def scores(self, kind: str) -> dict[str, ResultCode]:
        return {participant: result for (test, participant), (result, _) in self.counted.items() if test == kind}


# ---- readers ------------------------------------------------------------------


def codes_in_text(text: str, file: str) -> list[Found]:
    lines = [_INVISIBLE.sub("", line) for line in text.splitlines()]
    found = []
    for number, line in enumerate(lines):
        for match in CODE_PATTERN.finditer(line):
            code = _repaired(match.group(0), line, match.end(), lines[number + 1] if number + 1 < len(lines) else "")
            found.append(Found(file, number + 1, match.start() + 1, code))
    return found


def _repaired(code: str, line: str, end: int, next_line: str) -> str:
    """The code as sent when the text around it broke it: a line wrap inside it,
    or a word glued to it with a hyphen ("BRD1-…-terima-kasih")."""
    if _reads(code):
        return code
    if end == len(line.rstrip()) and next_line and not _MESSAGE_START.match(next_line):
        rest = _CODE_CHARS.match(next_line.strip())
        if rest and _reads(code + rest.group(0)):
            return code + rest.group(0)
    parts = code.split("-")
    for cut in range(len(parts) - 1, 1, -1):
        shorter = "-".join(parts[:cut])
        if _reads(shorter):
            return shorter
    return code


def _reads(code: str) -> bool:
    try:
        decode(code)
    except CodeError:
        return False
    return True


def codes_in_json(text: str, file: str) -> list[Found]:
    """Every "code" value in a result file (or a list of them); positions from the text."""
    data = json.loads(text)
    codes = [value for value in _values(data, "code") if isinstance(value, str)]
    found = []
    lines = text.splitlines()
    for code in codes:
        number = next((i for i, line in enumerate(lines) if code in line), 0)
        found.append(Found(file, number + 1, (lines[number].find(code) + 1) if lines else 1, code))
    return found


def _values(data, key: str) -> Iterable:
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            else:
                yield from _values(value, key)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value, key)


def read_sources(paths: Iterable[Path], display=str) -> tuple[list[Found], list[ContentError]]:
    """Codes in every file; problems for files that cannot be read."""
    found: list[Found] = []
    problems: list[ContentError] = []
    for path in paths:
        name = display(path)
        try:
            if path.suffix.lower() == ".zip":
                found += _codes_in_zip(path, name)
                continue
            text = path.read_bytes().decode("utf-8-sig", errors="replace")
            if path.suffix.lower() == ".json":
                found += codes_in_json(text, name)
            else:
                found += codes_in_text(text, name)
        except json.JSONDecodeError as problem:
            problems.append(ContentError(name, problem.lineno, problem.colno, "", message("results_file_not_json", reason=problem.msg)))
        except (OSError, zipfile.BadZipFile) as problem:
            problems.append(ContentError(name, 1, 1, "", message("results_file_unreadable", reason=getattr(problem, "strerror", None) or str(problem))))
    return found, problems


def _codes_in_zip(path: Path, name: str) -> list[Found]:
    found = []
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.lower().endswith((".txt", ".json")):
                text = archive.read(member).decode("utf-8-sig", errors="replace")
                reader = codes_in_json if member.lower().endswith(".json") else codes_in_text
                found += reader(text, f"{name}:{member}")
    return found


# ---- which codes count --------------------------------------------------------


def sort_codes(found: Iterable[Found], assessment: Assessment) -> Sorted:
    result = Sorted()
    seen: dict[str, Found] = {}
    names: dict[str, tuple[str, Found]] = {}
    for place in found:
        try:
            code = decode(place.text)
        except CodeError as problem:
            result.skip(problem.reason, place, problem.reason, **problem.fields)
            continue
        canonical = place.text.upper().replace("-", "")
        if canonical in seen:
            first = seen[canonical]
            result.skip("duplicate", place, "results_code_duplicate", first=f"{first.file}:{first.line}")
            continue
        seen[canonical] = place
        if code.training_tag != assessment.training_tag:
            result.skip("other_training", place, "results_code_other_training", training=assessment.training)
            continue
        if code.test_tag != assessment.test_tag or code.total != len(assessment.items):
            result.skip("other_questions", place, "results_code_other_questions")
            continue
        participant = code.participant
        if not participant:
            result.skip("no_participant", place, "results_code_no_participant", name=code.name)
            continue
        _check_name(result, names, participant, code, place)
        _count(result, (code.kind, participant), code, place)
    return result


def _check_name(result: Sorted, names: dict, participant: str, code: ResultCode, place: Found) -> None:
    if participant not in names:
        names[participant] = (code.name, place)
        return
    name, first = names[participant]
    if name.casefold() != code.name.casefold():
        result.problems.append(ContentError(place.file, place.line, place.column, place.text[:20] + "…", message(
            "results_code_name_differs", participant=participant, name=code.name, other=name, first=f"{first.file}:{first.line}")))


def _count(result: Sorted, key: tuple[str, str], code: ResultCode, place: Found) -> None:
    """One code per participant and test: the one made last counts."""
    if key not in result.counted:
        result.counted[key] = (code, place)
        return
    earlier, earlier_place = result.counted[key]
    keep, drop = ((code, place), (earlier, earlier_place)) if code.minutes >= earlier.minutes else ((earlier, earlier_place), (code, place))
    result.counted[key] = keep
    kept = keep[1]
    result.skip("replaced", drop[1], "results_code_replaced", participant=key[1], test=key[0], kept=f"{kept.file}:{kept.line}")
