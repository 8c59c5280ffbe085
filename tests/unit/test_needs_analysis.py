"""Borich's model, checked against module 8's worked example with exact fractions."""

from __future__ import annotations

from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.needs.analysis import analyse, mean, median, mwds, need_of

# Module 8, "Relawan kelas belajar sore Rawa Indah": five volunteers, four competencies.
RAWA_INDAH = {
    "k1": [(5, 2), (5, 3), (4, 2), (5, 3), (4, 3)],
    "k2": [(4, 2), (3, 2), (4, 3), (4, 1), (3, 2)],
    "k3": [(3, 1), (3, 1), (4, 1), (3, 2), (2, 1)],
    "k4": [(5, 4), (4, 4), (5, 3), (4, 5), (5, 4)],
}


def test_the_worked_example_of_module_8():
    result = analyse(["k1", "k2", "k3", "k4"], RAWA_INDAH, respondents=5)
    by = result.by_competency()
    assert [need.competency for need in result.needs] == ["k1", "k2", "k3", "k4"]
    assert [need.rank for need in result.needs] == [1, 2, 3, 4]
    assert by["k1"].importance_mean == F(23, 5) and by["k1"].ability_mean == F(13, 5)
    assert [by[k].mwds for k in ("k1", "k2", "k3", "k4")] == [F(46, 5), F(144, 25), F(27, 5), F(69, 25)]
    assert [by[k].gap_mean for k in ("k1", "k2", "k3", "k4")] == [2, F(8, 5), F(9, 5), F(3, 5)]
    assert [by[k].gap_median for k in ("k1", "k2", "k3", "k4")] == [2, 1, 2, 1]
    assert [by[k].share_positive for k in ("k1", "k2", "k3", "k4")] == [1, 1, 1, F(3, 5)]
    # "rata-rata Ī keempat kompetensi adalah 3,95, dan rata-rata kesenjangannya 1,5"
    assert result.importance_cut == F(79, 20) and result.gap_cut == F(3, 2)
    assert [by[k].quadrant for k in ("k1", "k2", "k3", "k4")] == ["HH", "LH", "LH", "HL"]
    # By the median K3 comes level with K1: a swap with K2, but not a strong disagreement.
    assert [by[k].ordinal_rank for k in ("k1", "k2", "k3", "k4")] == [1, 3, 1, 4]
    assert not any(need.orderings_disagree for need in result.needs)
    assert result.small == list(result.needs)  # five respondents: every figure is small-n


def test_ties_in_mwds_are_broken_by_the_median_gap():
    # Same mean gap and importance, so the same MWDS; "b" has the larger median gap.
    pairs = {"a": [(4, 4), (4, 4), (4, 1)], "b": [(4, 3), (4, 3), (4, 3)]}
    result = analyse(["a", "b"], pairs, respondents=3)
    assert result.by_competency()["a"].mwds == result.by_competency()["b"].mwds == 4
    assert [need.competency for need in result.needs] == ["b", "a"]


def test_competencies_nobody_answered_come_last_without_figures():
    result = analyse(["a", "b"], {"b": [(5, 1)]}, respondents=1)
    assert [(need.competency, need.rank, need.n, need.mwds) for need in result.needs] == [("b", 1, 1, F(20)), ("a", None, 0, None)]


def test_strong_disagreement_is_flagged():
    # "a" has a high mean gap from one respondent, but most respondents have no gap.
    pairs = {
        "a": [(5, 1), (5, 1), (5, 5), (5, 5), (5, 5)],
        "b": [(5, 4)] * 5, "c": [(5, 4)] * 5, "d": [(5, 4)] * 5,
    }
    by = analyse(["a", "b", "c", "d"], pairs, respondents=5).by_competency()
    assert by["a"].rank == 1 and by["a"].ordinal_rank == 4
    assert by["a"].orderings_disagree


def test_mean_and_median():
    assert mean([1, 2, 2]) == F(5, 3)
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == F(5, 2)


ratings = st.integers(1, 7)
pair_lists = st.lists(st.tuples(ratings, ratings), min_size=1, max_size=40)


@settings(max_examples=100, deadline=None)
@given(pair_lists)
def test_mwds_is_mean_importance_times_mean_gap(pairs):
    importance = mean([i for i, _ in pairs])
    ability = mean([a for _, a in pairs])
    assert mwds(pairs) == importance * (importance - ability)
    need = need_of("x", pairs)
    assert need.gap_mean == importance - ability
    assert 0 <= need.share_positive <= 1
    gaps = [i - a for i, a in pairs]
    assert min(gaps) <= need.gap_median <= max(gaps)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), pair_lists, min_size=1), st.randoms())
def test_ranks_are_a_permutation_and_do_not_depend_on_respondent_order(pairs, random):
    order = list("abcdefgh")
    result = analyse(order, pairs, respondents=40)
    ranks = [need.rank for need in result.needs if need.n]
    assert ranks == list(range(1, len(pairs) + 1))
    assert all(need.quadrant in ("HH", "HL", "LH", "LL") for need in result.needs if need.n)
    shuffled = {key: random.sample(value, len(value)) for key, value in pairs.items()}
    assert analyse(order, shuffled, respondents=40) == result
    mwds_values = [need.mwds for need in result.needs if need.n]
    assert mwds_values == sorted(mwds_values, reverse=True)
