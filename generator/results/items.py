"""Item analysis of one test (the pre-test or the post-test). Pure, exact.

Per question:
- difficulty *p*: the share of participants who answered it right (an
  unanswered question counts as wrong), so a high *p* is an easy question;
- discrimination *D* (Kelley's upper-lower index): *p* in the upper group
  minus *p* in the lower group, the groups being the 27 % of participants
  with the highest and the lowest total score on the same test (27 % of *N*
  rounded half up, at least 1, at most half of *N*; participants with equal
  totals are put in order by participant number, so the result does not
  depend on the order the codes arrived in). *D* is None below 2 participants.
  Chosen over the point-biserial correlation because it is exact with
  fractions, easy to explain in a training room, and the usual index in
  Indonesian test-analysis practice;
- how often each choice was picked (``single``, ``multiple``,
  ``true_false``): the wrong ones are the distractors.

Flags: ``too_easy`` at p ≥ 0.9 (nearly everyone gets it), ``too_hard`` at
p ≤ 0.2 (nearly no one does), ``negative_discrimination`` at D < 0 (the
stronger participants miss it more often than the weaker ones: check the key
and the wording).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import floor
from typing import Sequence

from .assessment import Assessment, AssessmentItem, chosen_options

GROUP_SHARE = Fraction(27, 100)
TOO_EASY_FROM = Fraction(9, 10)
TOO_HARD_UPTO = Fraction(2, 10)


@dataclass(frozen=True)
class Sheet:
    """One participant's answers to one test, as a result code carries them."""

    participant: str
    correct: tuple[bool, ...]
    responses: tuple[int, ...]

    @property
    def score(self) -> int:
        return sum(self.correct)


@dataclass(frozen=True)
class ItemStats:
    ref: str
    participants: int
    right: int
    unanswered: int
    difficulty: Fraction | None
    discrimination: Fraction | None
    option_counts: tuple[int, ...]  # per choice, in the bank's order; () for ordering and matching
    flags: tuple[str, ...]


def group_size(count: int) -> int:
    """How many participants form the upper (and the lower) group."""
    if count < 2:
        return 0
    size = floor(GROUP_SHARE * count + Fraction(1, 2))
    return min(max(size, 1), count // 2)


def analyse(assessment: Assessment, sheets: Sequence[Sheet]) -> list[ItemStats]:
    ranked = sorted(sheets, key=lambda sheet: (-sheet.score, _natural(sheet.participant)))
    size = group_size(len(ranked))
    upper, lower = ranked[:size], ranked[len(ranked) - size :]
    return [_item(index, item, ranked, upper, lower) for index, item in enumerate(assessment.items)]


def _item(index: int, item: AssessmentItem, sheets: Sequence[Sheet], upper, lower) -> ItemStats:
    count = len(sheets)
    right = sum(1 for sheet in sheets if sheet.correct[index])
    difficulty = Fraction(right, count) if count else None
    discrimination = _share_right(upper, index) - _share_right(lower, index) if upper else None
    counts = [0] * item.options
    for sheet in sheets:
        for option in chosen_options(item, sheet.responses[index]):
            counts[option] += 1
    return ItemStats(
        ref=item.ref,
        participants=count,
        right=right,
        unanswered=sum(1 for sheet in sheets if sheet.responses[index] == 0),
        difficulty=difficulty,
        discrimination=discrimination,
        option_counts=tuple(counts),
        flags=_flags(difficulty, discrimination),
    )


def _share_right(group, index: int) -> Fraction:
    return Fraction(sum(1 for sheet in group if sheet.correct[index]), len(group))


def _flags(difficulty: Fraction | None, discrimination: Fraction | None) -> tuple[str, ...]:
    flags = []
    if difficulty is not None and difficulty >= TOO_EASY_FROM:
        flags.append("too_easy")
    if difficulty is not None and difficulty <= TOO_HARD_UPTO:
        flags.append("too_hard")
    if discrimination is not None and discrimination < 0:
        flags.append("negative_discrimination")
    return tuple(flags)


def _natural(text: str) -> tuple:
    return (0, int(text), "") if text.isdigit() else (1, 0, text.casefold())
