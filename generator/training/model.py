"""The training format: pydantic models for ``curricula/<id>.yml``.

A training names the modules of one real training in order, with the
changes this training makes to them (nothing in docs/modules/ is edited),
the built-in sessions every Indonesian training has (pembukaan, pre-test,
...), and the settings of its days. Field names are public format and
documented in the README. As in content/model.py, unknown fields are
refused; checks that need the modules (ids of modules, activities and
sections) and the schedule's own checks live in validate.py.

New optional fields: add them to the model they belong to with a default,
so existing files stay valid (e.g. ``ModuleEntry.reason`` for the needs
recommendation, ``Training.tests`` for a question selection).
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator, model_validator

from ..content.errors import Finding
from ..content.messages import message
from ..content.model import Slug, Strict, Text, OptionalText

GROUPS = ("dasar", "inti", "penunjang")
Group = Literal[GROUPS]  # type: ignore[valid-type]

# The built-in sessions: (default JP, default group, T/P/PL kind). Durations
# are what Indonesian training institutions commonly allot; any training may
# override them. Their titles live in the locale files.
BUILT_IN_SESSIONS: dict[str, tuple[int, str, str]] = {
    "pembukaan": (1, "penunjang", "t"),
    "pre-test": (1, "penunjang", "p"),
    "bina-suasana": (2, "penunjang", "p"),
    "post-test": (1, "penunjang", "p"),
    "rencana-tindak-lanjut": (2, "penunjang", "p"),
    "evaluasi": (1, "penunjang", "p"),
    "penutupan": (1, "penunjang", "t"),
}
SessionId = Literal[tuple(BUILT_IN_SESSIONS)]  # type: ignore[valid-type]

_TIME = re.compile(r"^([01]?\d|2[0-3])[.:]([0-5]\d)$")


def parse_time(value: object) -> int:
    """'08.00' or '08:00' -> minutes after midnight. The loader hands the text as written."""
    text = str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
    found = _TIME.match(text) if text is not None else None
    if not found:
        raise Finding(message("training_time_invalid", value=value), message("training_time_invalid_hint"))
    return int(found.group(1)) * 60 + int(found.group(2))


TimeOfDay = Annotated[int, BeforeValidator(parse_time)]

# Fields whose YAML value is a time: YAML 1.1 reads 10.30 as the number 10.3
# and 10:30 as 630, so the loader gives these fields the text as written.
TIME_FIELDS = frozenset({"start", "day_start", "day_end"})


def format_time(minutes: int, separator: str = ".") -> str:
    return f"{minutes // 60:02d}{separator}{minutes % 60:02d}"


def _parse_date(value: object) -> object:
    """YAML reads 2027-03-08 as a date already; text must be written the same way."""
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise Finding(message("training_date_invalid", value=value), message("training_date_invalid_hint")) from None


class Break(Strict):
    start: TimeOfDay
    minutes: int = Field(gt=0, le=600)
    title: OptionalText = ""


class DaySetting(Strict):
    """One day's own settings: a different start or end, other breaks, a field day."""

    day: int = Field(ge=1, le=60)
    day_start: TimeOfDay | None = None
    day_end: TimeOfDay | None = None
    breaks: list[Break] | None = None
    title: OptionalText = ""
    place: OptionalText = ""


class Schedule(Strict):
    days: int | None = Field(default=None, ge=1, le=60)
    jp_minutes: int = Field(default=45, ge=10, le=120)
    day_start: TimeOfDay = 8 * 60
    day_end: TimeOfDay = 16 * 60
    breaks: list[Break] = []
    friday_breaks: list[Break] | None = None
    weekends: bool = False
    day_settings: list[DaySetting] = []


class JpSplit(Strict):
    """A module's JP split into T (teori), P (penugasan) and PL (praktik lapangan)."""

    t: int = Field(default=0, ge=0)
    p: int = Field(default=0, ge=0)
    pl: int = Field(default=0, ge=0)

    @property
    def total(self) -> int:
        return self.t + self.p + self.pl


class LocalExample(Strict):
    title: Text
    body: Text


class ItemBase(Strict):
    facilitator: OptionalText = ""
    new_day: bool = False


class ModuleEntry(ItemBase):
    module: Slug
    group: Group | None = None
    duration_jp: int | None = Field(default=None, gt=0, le=200)
    jp_split: JpSplit | None = None
    parts: list[Annotated[int, Field(gt=0)]] = []
    skip_activities: list[Slug] = []
    skip_sections: list[Slug] = []
    local_notes: OptionalText = ""
    local_examples: list[LocalExample] = []
    reason: OptionalText = ""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        # "- konsep-pemberdayaan" is the same as "- module: konsep-pemberdayaan".
        return {"module": value} if isinstance(value, str) else value


class SessionEntry(ItemBase):
    session: SessionId
    title: OptionalText = ""
    duration_jp: int | None = Field(default=None, gt=0, le=40)
    group: Group | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        # "- pembukaan" is the same as "- session: pembukaan".
        return {"session": value} if isinstance(value, str) else value


class FieldPracticeEntry(ItemBase):
    """Praktik lapangan: time in a village, counted as PL (of a module, when named)."""

    field_practice: Text
    duration_jp: int = Field(gt=0, le=80)
    place: OptionalText = ""
    module: Slug | None = None
    group: Group = "inti"
    new_day: bool = True
    notes: OptionalText = ""


def _program_kind(value: object) -> str:
    """Which kind of program item a value is; a bare id is a module."""
    if isinstance(value, dict) and "field_practice" in value:
        return "field-practice-entry"
    if isinstance(value, dict) and "session" in value:
        return "session-entry"
    return "module-entry"


ProgramItem = Annotated[
    Union[
        Annotated[ModuleEntry, Tag("module-entry")],
        Annotated[SessionEntry, Tag("session-entry")],
        Annotated[FieldPracticeEntry, Tag("field-practice-entry")],
    ],
    Discriminator(_program_kind),
]


class QuestionSelection(Strict):
    """``tests:`` of a training: the questions of its pre-test and post-test (the same both times).

    Either ``questions`` (``quiz-id/question-id``, or a question id found in one
    bank only) or ``per_module`` questions drawn from each module's banks with
    ``seed`` (change the seed for another draw). Checked against the banks in
    results/assessment.py."""

    # The same rule for editors: the JSON Schema says "one of the two" too.
    model_config = {**Strict.model_config, "json_schema_extra": {"oneOf": [
        {"required": ["questions"], "not": {"required": ["per_module"]}},
        {"required": ["per_module"], "not": {"required": ["questions"]}},
    ]}}

    questions: list[Text] = []
    per_module: int | None = Field(default=None, ge=1, le=100)
    seed: int = 0

    @model_validator(mode="after")
    def _one_way(self) -> "QuestionSelection":
        if bool(self.questions) == (self.per_module is not None):
            raise ValueError(message("results_tests_one_way") + " [hint: " + message("results_tests_one_way_hint") + "]")
        return self


class Training(Strict):
    id: Slug
    title: Text
    audience: OptionalText = ""
    participants: int = Field(default=25, ge=1, le=1000)
    organizer: OptionalText = ""
    place: OptionalText = ""
    description: OptionalText = ""
    goals: list[Text] = []
    start_date: Annotated[datetime.date | None, BeforeValidator(_parse_date)] = None
    timezone: Text = "Asia/Jakarta"
    schedule: Schedule = Schedule()
    opening: list[SessionEntry] = []
    modules: list[ProgramItem] = Field(min_length=1)
    closing: list[SessionEntry] = []
    tests: QuestionSelection | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise Finding(message("training_timezone_unknown", value=value), message("training_timezone_unknown_hint")) from None
        return value

    @property
    def program(self) -> list[ModuleEntry | SessionEntry | FieldPracticeEntry]:
        """Every item in the order it is run: opening, modules, closing."""
        return [*self.opening, *self.modules, *self.closing]
