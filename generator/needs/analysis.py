"""Borich's needs model with its ordinal companions: pure arithmetic over ratings.

Every figure is an exact ``Fraction``; rounding happens only where a file
or page is written. Per competency, only respondents who gave both ratings
count (n); for them:

- importance mean Ī, ability mean Ā, gap mean = mean(I − A) = Ī − Ā;
- MWDS (Borich 1980) = mean over respondents of (I − A) × Ī = Ī × (Ī − Ā);
- the median gap and the share of respondents with a positive gap, because
  the ratings are ordinal (Narine & Harder 2021);
- the Locus-for-Focus quadrant: Ī against the gap mean, each cut at its mean
  over the competencies that have answers ("H" when at or above the cut).

Competencies are ranked by MWDS, highest first, ties broken by the median
gap, then by the framework's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

Pair = tuple[int, int]  # (importance, ability) of one respondent
SMALL_N = 10  # below this many respondents a ranking says little
DISAGREEMENT = 3  # rank positions between MWDS and the ordinal ordering worth a flag


def mean(values: Sequence[int | Fraction]) -> Fraction:
    if not values:
        raise ValueError("the mean of no values")
    return Fraction(sum(values)) / len(values)


def median(values: Sequence[int | Fraction]) -> Fraction:
    if not values:
        raise ValueError("the median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle]) / 2


def mwds(pairs: Sequence[Pair]) -> Fraction:
    """Borich's mean weighted discrepancy score, computed as the model defines it."""
    weight = mean([importance for importance, _ in pairs])
    return mean([(importance - ability) * weight for importance, ability in pairs])


@dataclass(frozen=True)
class Need:
    competency: str
    n: int
    importance_mean: Fraction | None = None
    ability_mean: Fraction | None = None
    gap_mean: Fraction | None = None
    mwds: Fraction | None = None
    gap_median: Fraction | None = None
    share_positive: Fraction | None = None
    rank: int | None = None
    ordinal_rank: int | None = None
    quadrant: str = ""

    @property
    def orderings_disagree(self) -> bool:
        """MWDS and the ordinal ordering (median gap, then share) far apart."""
        if self.rank is None or self.ordinal_rank is None:
            return False
        return abs(self.rank - self.ordinal_rank) >= DISAGREEMENT


def need_of(competency: str, pairs: Sequence[Pair]) -> Need:
    if not pairs:
        return Need(competency, 0)
    gaps = [importance - ability for importance, ability in pairs]
    return Need(
        competency,
        len(pairs),
        importance_mean=mean([importance for importance, _ in pairs]),
        ability_mean=mean([ability for _, ability in pairs]),
        gap_mean=mean(gaps),
        mwds=mwds(pairs),
        gap_median=median(gaps),
        share_positive=Fraction(sum(gap > 0 for gap in gaps), len(gaps)),
    )


@dataclass(frozen=True)
class Analysis:
    needs: tuple[Need, ...]  # in rank order; competencies without answers last
    importance_cut: Fraction | None
    gap_cut: Fraction | None
    respondents: int

    def by_competency(self) -> dict[str, Need]:
        return {need.competency: need for need in self.needs}

    @property
    def small(self) -> list[Need]:
        return [need for need in self.needs if 0 < need.n < SMALL_N]


def analyse(order: Sequence[str], pairs: Mapping[str, Sequence[Pair]], respondents: int) -> Analysis:
    """Rank the competencies in ``order`` (the framework's) from their rating pairs."""
    needs = [need_of(competency, pairs.get(competency, ())) for competency in order]
    answered = [need for need in needs if need.n]
    importance_cut = mean([need.importance_mean for need in answered]) if answered else None
    gap_cut = mean([need.gap_mean for need in answered]) if answered else None
    position = {competency: index for index, competency in enumerate(order)}
    ranked = sorted(answered, key=lambda need: (-need.mwds, -need.gap_median, position[need.competency]))
    ordinal = _competition_ranks(answered, key=lambda need: (-need.gap_median, -need.share_positive))
    result = []
    for rank, need in enumerate(ranked, start=1):
        quadrant = _level(need.importance_mean, importance_cut) + _level(need.gap_mean, gap_cut)
        result.append(_replace(need, rank=rank, ordinal_rank=ordinal[need.competency], quadrant=quadrant))
    result += [need for need in needs if not need.n]
    return Analysis(tuple(result), importance_cut, gap_cut, respondents)


def _level(value: Fraction, cut: Fraction) -> str:
    return "H" if value >= cut else "L"


def _competition_ranks(needs: Iterable[Need], key) -> dict[str, int]:
    """Standard competition ranking ("1224"): equal keys share the best rank."""
    ordered = sorted(needs, key=key)
    ranks: dict[str, int] = {}
    for index, need in enumerate(ordered):
        same = index and key(ordered[index - 1]) == key(need)
        ranks[need.competency] = ranks[ordered[index - 1].competency] if same else index + 1
    return ranks


def _replace(need: Need, **changes) -> Need:
    from dataclasses import replace

    return replace(need, **changes)
