"""Survey exports -> responses: KoboToolbox CSV/XLSX, ODK Central CSV, Google Forms CSV,
and the self-assessment page's CSV and WhatsApp text.

Columns are matched to the survey (form.py) by XML name, with or without
group prefixes (``grup/nama`` in KoboToolbox, ``grup-nama`` in ODK Central),
by label in either language, or as a Google Forms grid column
``Pertanyaan [Baris]``. Every row or value that cannot be used is reported
with file, line and column (the spreadsheet column number) and skipped,
never guessed. Only ratings and the role's choice are kept: names, places
and free text are never read into a response.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.errors import ContentError
from ..content.messages import message
from .form import CONSENT, IMPORTANCE, KINDS, LANGUAGES, RESPONSE_ID, ROLE, ROLES, WORDS, Form, Scale

TEXT_MARKER = re.compile(r"berdaya\s+kebutuhan\s+v1\s+(?:skala\s+)?(\d+)\s*-\s*(\d+)\s+#([0-9a-z]+)", re.IGNORECASE)
TEXT_ITEM = re.compile(r"^\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s+(\S+)\s+(\S+)\s*$")
ID_COLUMNS = ("_uuid", "instanceid", "key")  # KoboToolbox, ODK (meta-instanceID), ODK Central
TIME_COLUMNS = ("timestamp", "cap waktu", "stempel waktu")  # Google Forms, in English and Indonesian
YES = {"ya", "yes", "y", "1", "true"}
DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Response:
    file: str
    line: int
    key: str | None  # the same submission seen twice has the same key
    ratings: dict[str, tuple[int | None, int | None]]
    role: str = ""  # a choice name from form.ROLES, never free text


@dataclass
class Reading:
    file: str
    format: str = ""
    responses: list[Response] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)  # reported, the rest still used
    unusable: bool = False  # nothing in the file could be used


# --- the entry point ---------------------------------------------------------


def read_export(path: Path, display: str, form: Form) -> Reading:
    reading = Reading(display)
    try:
        raw = path.read_bytes()
    except OSError as problem:
        return _fatal(reading, 1, 1, message("needs_cannot_read", reason=problem.strerror or str(problem)))
    if not raw.strip():
        return _fatal(reading, 1, 1, message("needs_empty_file"), message("needs_empty_file_hint"))
    if raw[:2] == b"PK":
        return read_xlsx(raw, reading, form)
    text = _decode(raw, reading)
    if TEXT_MARKER.search(text):
        return read_text(text, reading, form)
    return read_csv(text, reading, form)


def _fatal(reading: Reading, line: int, column: int, text: str, hint: str = "") -> Reading:
    reading.problems.append(ContentError(reading.file, line, column, "", text, hint))
    reading.unusable = True
    return reading


# --- encodings ---------------------------------------------------------------


def _decode(raw: bytes, reading: Reading) -> str:
    """UTF-8 (with or without Excel's BOM), UTF-16 with a BOM, else Windows-1252 with a notice."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = raw.count(b"\n", 0, problem.start) + 1
        column = problem.start - (raw.rfind(b"\n", 0, problem.start) + 1) + 1
        reading.problems.append(ContentError(reading.file, line, column, "", message("needs_not_utf8"), message("needs_not_utf8_hint")))
        return raw.decode("cp1252", errors="replace")


# --- tables (CSV and XLSX) ---------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    competency: str = ""
    kind: str = ""
    role: str = ""  # "id", "time", "consent", "role" for the columns that are not ratings


def read_csv(text: str, reading: Reading, form: Form) -> Reading:
    lines = text.splitlines()
    header_line = next((number for number, line in enumerate(lines, 1) if line.strip()), 1)
    delimiter, columns = _best_delimiter(lines[header_line - 1], form)
    if not any(column.competency for column in columns):
        return _no_columns(reading, header_line, lines[header_line - 1], form)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    start = 1
    rows = []
    for record in reader:
        if header is None and not any(cell.strip() for cell in record):
            start = reader.line_num + 1
            continue
        if header is None:
            header = record
        else:
            rows.append((start, record))
        start = reader.line_num + 1
    reading.format = _format_name(header or [], delimiter)
    return _read_rows(reading, form, header or [], rows)


def read_xlsx(raw: bytes, reading: Reading, form: Form) -> Reading:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        return _fatal(reading, 1, 1, message("needs_not_xlsx"), message("needs_not_xlsx_hint"))
    sheet = workbook.worksheets[0]  # KoboToolbox: the main sheet first, repeat groups after
    table = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    numbered = [(number, row) for number, row in enumerate(table, 1) if any(cell.strip() for cell in row)]
    if not numbered:
        return _fatal(reading, 1, 1, message("needs_empty_file"), message("needs_empty_file_hint"))
    (header_line, header), rows = numbered[0], numbered[1:]
    if not any(column.competency for column in match_columns(header, form)):
        return _no_columns(reading, header_line, " | ".join(header), form)
    reading.format = "kobo-xlsx" if "_uuid" in header else "xlsx"
    return _read_rows(reading, form, header, rows)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _best_delimiter(header_line: str, form: Form) -> tuple[str, list[Column]]:
    best = (DELIMITERS[0], [])
    for delimiter in DELIMITERS:
        header = next(csv.reader([header_line], delimiter=delimiter), [])
        columns = match_columns(header, form)
        if sum(bool(column.competency) for column in columns) > sum(bool(column.competency) for column in best[1]):
            best = (delimiter, columns)
    return best


def _no_columns(reading: Reading, line: int, header_line: str, form: Form) -> Reading:
    odd = next((mark for mark in "|:" if mark in header_line), "")
    hint = message("needs_no_columns_delimiter_hint", mark=odd) if odd else message("needs_no_columns_hint", example=form.ratings[0].name)
    return _fatal(reading, line, 1, message("needs_no_columns"), hint)


def _format_name(header: list[str], delimiter: str) -> str:
    names = {cell.strip().casefold() for cell in header}
    if "_uuid" in names and delimiter == ";":
        return "kobo-csv"
    if "submissiondate" in names or "key" in names:
        return "odk-central-csv"
    if names & set(TIME_COLUMNS):
        return "google-forms-csv"
    if "_uuid" in names:
        return "berdaya-csv"
    return "csv"


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold().rstrip("*").strip()


def _lookups(form: Form) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], dict[str, str], dict[tuple[str, str], tuple[str, str]]]:
    names = {rating.name: (rating.competency, rating.kind) for rating in form.ratings}
    labels = {_normal(rating.labels[lang]): (rating.competency, rating.kind) for rating in form.ratings for lang in LANGUAGES}
    stems = {_normal(WORDS[lang][f"{kind}_stem"]): kind for lang in LANGUAGES for kind in KINDS}
    grid = {(kind, _normal(competency.title)): (competency.id, kind) for competency in form.competencies for kind in KINDS}
    return names, labels, stems, grid


_GRID = re.compile(r"^(.*?)\s*\[(.*)\]\s*$")
_OTHER = {
    CONSENT: "consent",
    ROLE: "role",
}


def match_columns(header: list[str], form: Form) -> list[Column]:
    """Which competency and rating (or respondent field) each column holds."""
    names, labels, stems, grid = _lookups(form)
    other_labels = {_normal(WORDS[lang][key]): value for lang in LANGUAGES for key, value in (("consent", "consent"), ("role", "role"))}
    columns = []
    for index, cell in enumerate(header):
        text = cell.strip()
        last = re.split(r"[/\-]", text)[-1].strip() if text else ""
        normal = _normal(text)
        found = names.get(text) or names.get(last) or labels.get(normal)
        if found is None and "/" in normal:
            found = next((labels[label] for label in labels if normal.endswith("/" + label)), None)
        if found is None and (grid_match := _GRID.match(normal)):
            kind = stems.get(grid_match.group(1))
            found = grid.get((kind, _normal(grid_match.group(2)))) if kind else None
        if found:
            columns.append(Column(index, found[0], found[1]))
            continue
        lowered = last.casefold()
        if text.casefold() == RESPONSE_ID or lowered in ID_COLUMNS:
            columns.append(Column(index, role="id"))
        elif normal in TIME_COLUMNS:
            columns.append(Column(index, role="time"))
        elif last in _OTHER or normal in other_labels:
            columns.append(Column(index, role=_OTHER.get(last) or other_labels[normal]))
        else:
            columns.append(Column(index))
    return columns


def _read_rows(reading: Reading, form: Form, header: list[str], rows: list[tuple[int, list[str]]]) -> Reading:
    columns = match_columns(header, form)
    _report_missing(reading, form, columns, header)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        extra_is_empty = len(row) > len(header) and not any(cell.strip() for cell in row[len(header):])
        if len(row) != len(header) and not extra_is_empty:
            reading.problems.append(ContentError(reading.file, line, 1, "", message("needs_row_width", found=len(row), expected=len(header)), message("needs_row_width_hint")))
            continue
        response = _response(reading, form, columns, header, line, row)
        if response is not None:
            reading.responses.append(response)
    return reading


def _report_missing(reading: Reading, form: Form, columns: list[Column], header: list[str]) -> None:
    present = {(column.competency, column.kind) for column in columns if column.competency}
    missing = [rating.name for rating in form.ratings if (rating.competency, rating.kind) not in present]
    if missing:
        shown = ", ".join(missing[:4]) + (", ..." if len(missing) > 4 else "")
        reading.problems.append(ContentError(reading.file, 1, 1, "", message("needs_missing_columns", count=len(missing), names=shown), message("needs_missing_columns_hint")))


def _response(reading: Reading, form: Form, columns: list[Column], header: list[str], line: int, row: list[str]) -> Response | None:
    def cell(column: Column) -> str:
        return row[column.index].strip() if column.index < len(row) else ""

    consent = next((column for column in columns if column.role == "consent"), None)
    if consent is not None and _normal(cell(consent)) not in YES:
        reading.problems.append(ContentError(reading.file, line, consent.index + 1, header[consent.index], message("needs_no_consent")))
        return None
    ratings: dict[str, list[int | None]] = {competency.id: [None, None] for competency in form.competencies}
    for column in columns:
        if not column.competency or not cell(column):
            continue
        value = parse_rating(cell(column), form.scale)
        if value is None:
            reading.problems.append(ContentError(reading.file, line, column.index + 1, header[column.index], message("needs_bad_rating", value=cell(column)[:40], scale=form.scale), message("needs_bad_rating_hint", low=form.scale.low, high=form.scale.high)))
            continue
        ratings[column.competency][KINDS.index(column.kind)] = value
    key = _key(columns, cell, ratings)
    role = next((_role(cell(column)) for column in columns if column.role == "role"), "")
    return Response(reading.file, line, key, {competency: (pair[0], pair[1]) for competency, pair in ratings.items()}, role)


def _key(columns: list[Column], cell, ratings) -> str | None:
    for column in columns:
        if column.role == "id" and cell(column):
            return "id:" + cell(column).removeprefix("uuid:")
    for column in columns:
        if column.role == "time" and cell(column):
            # Google Forms has no submission id: the time and the answers together identify one.
            return "time:" + cell(column) + ":" + repr(sorted(ratings.items()))
    return None


def _role(value: str) -> str:
    normal = _normal(value)
    for name, indonesian, english in ROLES:
        if normal in (name, _normal(indonesian), _normal(english)):
            return name
    return ""


def parse_rating(text: str, scale: Scale) -> int | None:
    """'4', '4.0' (a spreadsheet's number) or a choice label '5 (sangat penting)'; None when not on the scale."""
    match = re.fullmatch(r"(\d+)(?:[.,]0+)?(?:\s*\(.*\)|\s*[-–:].*)?", text.strip())
    if not match:
        return None
    value = int(match.group(1))
    return value if scale.low <= value <= scale.high else None


# --- the self-assessment page's text (WhatsApp) ------------------------------


def read_text(text: str, reading: Reading, form: Form) -> Reading:
    """One or more pasted texts, also inside a WhatsApp chat export."""
    reading.format = "berdaya-text"
    known = {competency.id for competency in form.competencies}
    current: dict | None = None
    for number, line in enumerate(text.splitlines(), 1):
        marker = TEXT_MARKER.search(line)
        if marker:
            current = _start_text(reading, form, number, marker)
            continue
        item = TEXT_ITEM.match(line)
        if current is None or item is None:
            if line.strip() and current is not None and current["items"]:
                current = None  # the message ended
            continue
        competency = item.group(1)
        if competency not in known:
            reading.problems.append(ContentError(reading.file, number, item.start(1) + 1, "", message("needs_unknown_competency", competency=competency)))
            continue
        pair = [None, None]
        for position, group in ((0, 2), (1, 3)):
            value = item.group(group)
            if value == "-":
                continue
            parsed = parse_rating(value, form.scale)
            if parsed is None:
                reading.problems.append(ContentError(reading.file, number, item.start(group) + 1, competency, message("needs_bad_rating", value=value[:40], scale=form.scale), message("needs_bad_rating_hint", low=form.scale.low, high=form.scale.high)))
            pair[position] = parsed
        if current["usable"]:
            current["items"][competency] = (pair[0], pair[1])
    return reading


def _start_text(reading: Reading, form: Form, number: int, marker: re.Match) -> dict:
    usable = (int(marker.group(1)), int(marker.group(2))) == (form.scale.low, form.scale.high)
    if not usable:
        reading.problems.append(ContentError(reading.file, number, marker.start(1) + 1, "", message("needs_text_other_scale", found=f"{marker.group(1)}-{marker.group(2)}", scale=form.scale)))
    ratings: dict[str, tuple[int | None, int | None]] = {}
    response = Response(reading.file, number, "id:" + marker.group(3).lower(), ratings)  # the same id as the page's CSV _uuid
    if usable:
        reading.responses.append(response)
    return {"items": ratings, "usable": usable}


# --- several files together ---------------------------------------------------


@dataclass(frozen=True)
class Combined:
    responses: list[Response]
    duplicates: list[ContentError]  # told, not problems: each counted once

    def pairs(self) -> dict[str, list[tuple[int, int]]]:
        """Per competency, the (importance, ability) of every respondent who gave both."""
        pairs: dict[str, list[tuple[int, int]]] = {}
        for response in self.responses:
            for competency, (importance, ability) in response.ratings.items():
                if importance is not None and ability is not None:
                    pairs.setdefault(competency, []).append((importance, ability))
        return pairs

    def roles(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for response in self.responses:
            if response.role:
                counts[response.role] = counts.get(response.role, 0) + 1
        return counts


def combine(readings: list[Reading]) -> Combined:
    """All responses of all files, each submission once (the first one seen)."""
    seen: dict[str, Response] = {}
    kept: list[Response] = []
    duplicates: list[ContentError] = []
    for reading in readings:
        for response in reading.responses:
            first = seen.get(response.key) if response.key else None
            if first is not None:
                duplicates.append(ContentError(response.file, response.line, 1, "", message("needs_duplicate", file=first.file, line=first.line)))
                continue
            if response.key:
                seen[response.key] = response
            kept.append(response)
    return Combined(kept, duplicates)
