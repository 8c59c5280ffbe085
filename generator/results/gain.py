"""Learning gain from a pre-test and a post-test (Hake 1998). Pure, exact.

Scores are percentages as ``Fraction``s. Hake's normalised gain is the share
of the possible improvement that was achieved:

    g = (post - pre) / (100 - pre)

For a class, Hake computes ⟨g⟩ from the class averages (``class_gain``);
the mean of the participants' own gains is given beside it, because the two
differ when weak and strong participants gain differently. A participant who
scored 100 % on the pre-test has no room to improve: their own gain is
undefined (not zero, not one), and they are counted apart. Only participants
with both tests count; the others are reported as left out.

Hake, R. R. (1998). Interactive-engagement versus traditional methods: A
six-thousand-student survey of mechanics test data for introductory physics
courses. American Journal of Physics, 66(1), 64-74.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Mapping

HUNDRED = Fraction(100)
# Hake's bands: "high-g" ⟨g⟩ ≥ 0.7, "medium-g" 0.7 > ⟨g⟩ ≥ 0.3, "low-g" ⟨g⟩ < 0.3.
# A value on a boundary belongs to the band above it (0.3 is medium, 0.7 is high).
MEDIUM_FROM = Fraction(3, 10)
HIGH_FROM = Fraction(7, 10)


def percent(score: int, total: int) -> Fraction:
    return Fraction(100 * score, total) if total else Fraction(0)


def normalised_gain(pre: Fraction, post: Fraction) -> Fraction | None:
    """Hake's g for one pair of percentages; None when the pre-test was 100 %."""
    if pre >= HUNDRED:
        return None
    return (post - pre) / (HUNDRED - pre)


def band(gain: Fraction) -> str:
    """'low', 'medium' or 'high', as Hake (1998) draws them."""
    if gain >= HIGH_FROM:
        return "high"
    if gain >= MEDIUM_FROM:
        return "medium"
    return "low"


@dataclass(frozen=True)
class ParticipantGain:
    participant: str
    pre: Fraction | None
    post: Fraction | None

    @property
    def complete(self) -> bool:
        return self.pre is not None and self.post is not None

    @property
    def gain(self) -> Fraction | None:
        return normalised_gain(self.pre, self.post) if self.complete else None


@dataclass(frozen=True)
class ClassGain:
    counted: int  # participants with both tests
    only_pre: int
    only_post: int
    pre_mean: Fraction | None
    post_mean: Fraction | None
    class_gain: Fraction | None  # ⟨g⟩ from the class averages; None without pairs or at a 100 % pre mean
    mean_of_gains: Fraction | None  # mean of individual g over those who have one
    with_own_gain: int  # participants the mean of gains is over
    perfect_pre: int  # counted participants with pre = 100 %: no own gain
    bands: Mapping[str, int]  # individual gains per Hake band

    @property
    def left_out(self) -> int:
        return self.only_pre + self.only_post

    @property
    def band(self) -> str | None:
        return band(self.class_gain) if self.class_gain is not None else None


def participant_gains(pre: Mapping[str, Fraction], post: Mapping[str, Fraction]) -> list[ParticipantGain]:
    """One line per participant seen in either test, by participant number."""
    numbers = sorted(set(pre) | set(post), key=_natural)
    return [ParticipantGain(number, pre.get(number), post.get(number)) for number in numbers]


def class_gain(participants: Iterable[ParticipantGain]) -> ClassGain:
    people = list(participants)
    pairs = [person for person in people if person.complete]
    pre_mean = _mean([person.pre for person in pairs])
    post_mean = _mean([person.post for person in pairs])
    own = [person.gain for person in pairs if person.gain is not None]
    bands = {name: 0 for name in ("low", "medium", "high")}
    for gain in own:
        bands[band(gain)] += 1
    return ClassGain(
        counted=len(pairs),
        only_pre=sum(1 for person in people if person.pre is not None and person.post is None),
        only_post=sum(1 for person in people if person.post is not None and person.pre is None),
        pre_mean=pre_mean,
        post_mean=post_mean,
        class_gain=normalised_gain(pre_mean, post_mean) if pairs else None,
        mean_of_gains=_mean(own),
        with_own_gain=len(own),
        perfect_pre=len(pairs) - len(own),
        bands=bands,
    )


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def _natural(text: str) -> tuple:
    """Participant '2' before '10'; numbers first, then the rest as text."""
    return (0, int(text), "") if text.isdigit() else (1, 0, text.casefold())
