"""What the two Moodle formats share: which Moodle, grades, categories.

Ordering questions: Moodle has had an ordering question type (qtype_ordering)
as a plugin since Moodle 2.x and in core since Moodle 4.4 (MDL-72394). For a
Moodle older than 4.4 we write ordering questions as matching questions
(item -> position), which every Moodle imports; ``ordering="native"`` keeps
the native type for older sites that installed the plugin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

ORDERING_IN_CORE = (4, 4)
DEFAULT_VERSION = (4, 5)  # the current long-term support release
ORDERING_CHOICES = ("auto", "native", "matching")

# Moodle refuses imported grades that are not in its list of grade options
# (unless the teacher picks "nearest grade"), so shares are written as these.
_GRADE_OPTIONS = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)


@dataclass(frozen=True)
class MoodleTarget:
    version: tuple[int, int] = DEFAULT_VERSION
    ordering: str = "auto"

    @property
    def native_ordering(self) -> bool:
        if self.ordering == "auto":
            return self.version >= ORDERING_IN_CORE
        return self.ordering == "native"


def parse_version(text: str) -> tuple[int, int]:
    """'4.1' or '4.1.3' -> (4, 1); ValueError for anything else."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)*\+?", text.strip())
    if not match:
        raise ValueError(text)
    return int(match.group(1)), int(match.group(2))


def percent(share: Fraction) -> str:
    """A share of the mark (-1..1) as the nearest percentage Moodle accepts, e.g. '-33.33333'."""
    magnitude = min(_GRADE_OPTIONS, key=lambda option: abs(Fraction(option) - abs(share) * 100))
    return f"-{magnitude}" if share < 0 and magnitude != "0" else magnitude


def multiple_shares(correct: list[bool]) -> list[Fraction]:
    """Partial credit for a multiple-answer question.

    Every right choice earns an equal share, together 100 %; every wrong
    choice costs an equal share, together -100 %, so ticking every box earns
    nothing (Moodle never lets a question's mark fall below zero).
    """
    right = sum(correct)
    wrong = len(correct) - right
    return [Fraction(1, right) if is_right else Fraction(-1, wrong) for is_right in correct]


def category_path(*names: str) -> str:
    """A Moodle question-category path under the course's top category.

    Moodle separates levels with '/', and reads '//' as a slash inside a name.
    """
    parts = [" ".join(name.split()).replace("/", "//") for name in names]
    return "$course$/top/" + "/".join(parts)
