"""The content format: pydantic models for learning modules and quiz banks.

Field names are part of the public format that trainers write by hand, so
they are stable and documented in the README. Models check what one file
can check on its own; checks that need several files live in catalog.py.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from .errors import Finding
from .messages import message

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True)]

# Anchors the module page uses for its own headings; sections may not reuse them.
RESERVED_ANCHORS = ("tujuan", "poin-kunci", "kegiatan", "istilah", "rujukan", "uji-pemahaman")

LEVELS = ("dasar", "menengah", "lanjut")
Level = Literal[LEVELS]  # type: ignore[valid-type]

# Methods a trainer can name for an activity. A fixed list keeps activity
# pages and schedules consistent; the labels live in the locale files.
METHODS = (
    "ceramah-interaktif",
    "curah-pendapat",
    "fgd",
    "diskusi-kelompok",
    "studi-kasus",
    "bermain-peran",
    "simulasi",
    "permainan",
    "refleksi",
    "praktik-lapangan",
    "presentasi",
    "demonstrasi",
)
Method = Literal[METHODS]  # type: ignore[valid-type]  # the same list, for validation


class Strict(BaseModel):
    """Base for every content model: unknown fields are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- learning modules --------------------------------------------------------


class Objective(Strict):
    id: Slug
    text: Text


class Section(Strict):
    id: Slug
    title: Text
    body: Text


class Activity(Strict):
    id: Slug
    title: Text
    method: Method
    duration_minutes: int = Field(gt=0, le=600)
    group_size: Text
    materials: list[Text] = []
    steps: list[Text] = Field(min_length=1)
    facilitator_notes: OptionalText = ""

    @field_validator("group_size", mode="before")
    @classmethod
    def _number_is_text(cls, value: object) -> object:
        # "group_size: 5" is natural to write; keep it as the text "5".
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class GlossaryEntry(Strict):
    term: Text
    definition: Text


class Reference(Strict):
    key: Slug
    citation: Text
    url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(https?://[^\s<>\"'`]+)?$")] = ""


class Module(Strict):
    id: Slug
    title: Text
    summary: Text
    level: Level
    duration_jp: int = Field(gt=0, le=200)
    order: int = Field(default=100, ge=0)
    competencies: list[Slug] = []
    prerequisites: list[Slug] = []
    objectives: list[Objective] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    key_points: list[Text] = []
    activities: list[Activity] = []
    glossary: list[GlossaryEntry] = []
    references: list[Reference] = []


# --- the competency framework (curricula/competencies.yml) ------------------


class Competency(Strict):
    id: Slug
    title: Text
    description: Text
    domain: OptionalText = ""


class CompetencyFramework(Strict):
    title: OptionalText = ""
    competencies: list[Competency] = Field(min_length=1)


# --- a needs analysis's aggregate (kebutuhan/<survey>.yml) -------------------
# Written by 'berdaya needs analyze'; only figures per competency and counts.

QUADRANTS = ("HH", "HL", "LH", "LL")


class NeedFigures(Strict):
    id: Slug
    rank: int | None = Field(default=None, ge=1)
    ordinal_rank: int | None = Field(default=None, ge=1)
    n: int = Field(ge=0)
    importance_mean: float | None = None
    ability_mean: float | None = None
    gap_mean: float | None = None
    mwds: float | None = None
    gap_median: float | None = None
    share_positive: float | None = Field(default=None, ge=0, le=1)
    quadrant: Literal["HH", "HL", "LH", "LL", ""] = ""
    orderings_disagree: bool = False


class RatingScale(Strict):
    low: int = Field(ge=0, le=10)
    high: int = Field(ge=1, le=10)


class NeedsReport(Strict):
    survey: Slug
    title: OptionalText = ""
    date: Union[datetime.date, OptionalText] = ""
    scale: RatingScale
    respondents: int = Field(ge=0)
    formats: dict[Slug, int] = {}
    roles: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], int] = {}
    importance_cut: float | None = None
    gap_cut: float | None = None
    competencies: list[NeedFigures] = Field(min_length=1)


# --- quiz banks --------------------------------------------------------------


class Choice(Strict):
    text: Text
    correct: bool = False
    feedback: OptionalText = ""


class MatchPair(Strict):
    left: Text
    right: Text


class QuestionBase(Strict):
    id: Slug
    prompt: Text
    explanation: Text
    objective: Slug
    section: Slug


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    choices: list[Choice] = Field(min_length=2)

    @field_validator("choices")
    @classmethod
    def _exactly_one_correct(cls, choices: list[Choice]) -> list[Choice]:
        count = sum(choice.correct for choice in choices)
        if count != 1:
            raise Finding(message("content_single_needs_one_correct", count=count), message("content_single_needs_one_correct_hint"))
        return choices


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    choices: list[Choice] = Field(min_length=2)

    @field_validator("choices")
    @classmethod
    def _at_least_one_correct(cls, choices: list[Choice]) -> list[Choice]:
        if not any(choice.correct for choice in choices):
            raise Finding(message("content_no_correct_choice"), message("content_no_correct_choice_hint"))
        return choices


class TrueFalseQuestion(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    feedback_true: OptionalText = ""
    feedback_false: OptionalText = ""


class OrderingQuestion(QuestionBase):
    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2)

    @field_validator("items")
    @classmethod
    def _items_distinct(cls, items: list[str]) -> list[str]:
        _reject_repeats(items, "content_repeated_item", "content_repeated_item_hint")
        return items


class MatchingQuestion(QuestionBase):
    type: Literal["matching"]
    pairs: list[MatchPair] = Field(min_length=2)

    @field_validator("pairs")
    @classmethod
    def _sides_distinct(cls, pairs: list[MatchPair]) -> list[MatchPair]:
        _reject_repeats([pair.left for pair in pairs], "content_repeated_left", "content_repeated_left_hint")
        _reject_repeats([pair.right for pair in pairs], "content_repeated_right", "content_repeated_right_hint")
        return pairs


QUESTION_TYPES = ("single", "multiple", "true_false", "ordering", "matching")

Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, OrderingQuestion, MatchingQuestion],
    Field(discriminator="type"),
]


class QuizBank(Strict):
    id: Slug
    module: Slug
    title: Text
    description: OptionalText = ""
    pass_percent: int = Field(default=70, ge=1, le=100)
    questions: list[Question] = Field(min_length=1)


def _reject_repeats(values: list[str], key: str, hint_key: str) -> None:
    seen: set[str] = set()
    for value in values:
        folded = value.casefold()
        if folded in seen:
            raise Finding(message(key, value=value), message(hint_key))
        seen.add(folded)
