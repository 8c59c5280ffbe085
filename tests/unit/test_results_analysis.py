"""Learning gain and item analysis on small classes computed by hand, exactly."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given, settings, strategies as st

from generator.results.assessment import Assessment, AssessmentItem, chosen_options, response_number
from generator.results.gain import band, class_gain, normalised_gain, participant_gains
from generator.results.items import Sheet, analyse, group_size


def test_gain_is_the_share_of_the_possible_improvement():
    assert normalised_gain(F(25), F(75)) == F(2, 3)
    assert normalised_gain(F(50), F(40)) == F(-1, 5)  # a loss is a negative gain
    assert normalised_gain(F(100), F(75)) is None  # no room to improve: no gain, not 0 or 1


@pytest.mark.parametrize("gain, expected", [
    (F(-1, 2), "low"), (F(0), "low"), (F(299, 1000), "low"), (F(3, 10), "medium"),
    (F(699, 1000), "medium"), (F(7, 10), "high"), (F(1), "high"),
])
def test_hake_bands_put_a_boundary_in_the_band_above(gain, expected):
    assert band(gain) == expected


def test_class_gain_from_class_averages_with_the_mean_of_gains_beside_it():
    pre = {"1": F(25), "2": F(50), "3": F(100), "4": F(0)}
    post = {"1": F(75), "2": F(100), "3": F(75), "5": F(25)}
    people = participant_gains(pre, post)
    assert [person.participant for person in people] == ["1", "2", "3", "4", "5"]
    summary = class_gain(people)
    assert summary.counted == 3 and summary.only_pre == 1 and summary.only_post == 1 and summary.left_out == 2
    assert summary.pre_mean == F(175, 3) and summary.post_mean == F(250, 3)
    assert summary.class_gain == F(3, 5) and summary.band == "medium"
    # Participant 3 (pre 100 %) has no gain of their own but counts in the class averages.
    assert summary.mean_of_gains == F(5, 6) and summary.with_own_gain == 2 and summary.perfect_pre == 1
    assert summary.bands == {"low": 0, "medium": 1, "high": 1}


def test_a_class_without_pairs_has_no_gain():
    summary = class_gain(participant_gains({"1": F(50)}, {"2": F(60)}))
    assert summary.counted == 0 and summary.class_gain is None and summary.mean_of_gains is None and summary.band is None


def test_a_class_all_at_100_percent_before_has_no_class_gain():
    summary = class_gain(participant_gains({"1": F(100)}, {"1": F(100)}))
    assert summary.class_gain is None and summary.perfect_pre == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=30))
def test_class_gain_lies_between_the_extremes(scores):
    pre = {str(i): F(100 * a, 20) for i, (a, _) in enumerate(scores)}
    post = {str(i): F(100 * b, 20) for i, (_, b) in enumerate(scores)}
    summary = class_gain(participant_gains(pre, post))
    if summary.class_gain is not None:
        assert summary.class_gain <= 1
        assert (summary.class_gain > 0) == (summary.post_mean > summary.pre_mean)


@pytest.mark.parametrize("count, size", [(1, 0), (2, 1), (3, 1), (4, 1), (10, 3), (30, 8), (100, 27)])
def test_groups_are_27_percent_rounded_half_up(count, size):
    assert group_size(count) == size


ITEMS = Assessment("t", (
    AssessmentItem("b", "q1", "single", "r", 3, (0,)),
    AssessmentItem("b", "q2", "true_false", "r", 2, (0,)),
    AssessmentItem("b", "q3", "multiple", "r", 3, (0, 2)),
    AssessmentItem("b", "q4", "ordering", "r", 0, ()),
))
T, X = True, False
SHEETS = [  # given out of order: the analysis sorts them itself
    Sheet("C", (T, X, X, T), (1, 2, 3, 1)),
    Sheet("A", (T, T, T, X), (1, 1, 5, 2)),
    Sheet("D", (X, X, X, T), (3, 2, 0, 1)),
    Sheet("B", (T, T, X, X), (1, 1, 1, 2)),
]


def test_item_analysis_by_hand():
    # Totals A 3, B 2, C 2, D 1; groups of 1 (27 % of 4 = 1.08): upper A, lower D.
    q1, q2, q3, q4 = analyse(ITEMS, SHEETS)
    assert (q1.difficulty, q1.discrimination, q1.option_counts, q1.flags) == (F(3, 4), F(1), (3, 0, 1), ())
    assert (q2.difficulty, q2.discrimination, q2.option_counts) == (F(1, 2), F(1), (2, 2))
    assert (q3.difficulty, q3.discrimination, q3.option_counts, q3.unanswered) == (F(1, 4), F(1), (3, 1, 1), 1)
    assert (q4.difficulty, q4.discrimination, q4.option_counts) == (F(1, 2), F(-1), ())
    assert q4.flags == ("negative_discrimination",)


def test_flags_for_questions_nearly_everyone_or_no_one_gets():
    sheets = [Sheet(str(i), (T, X), (1, 2)) for i in range(10)]
    easy, hard = analyse(Assessment("t", ITEMS.items[:2]), sheets)
    assert easy.flags == ("too_easy",) and easy.discrimination == 0
    assert hard.flags == ("too_hard",)


def test_one_participant_has_no_discrimination():
    (stats, *_) = analyse(ITEMS, SHEETS[:1])
    assert stats.discrimination is None and stats.difficulty == 1


def test_response_numbers_round_trip_to_choices():
    single, true_false, multiple, ordering = ITEMS.items
    assert response_number(single, 2, False) == 3 and chosen_options(single, 3) == [2]
    assert response_number(true_false, False, False) == 2 and chosen_options(true_false, 2) == [1]
    assert response_number(multiple, [0, 2], True) == 5 and chosen_options(multiple, 5) == [0, 2]
    assert response_number(ordering, [2, 0, 1], False) == 2 and chosen_options(ordering, 2) == []
    assert response_number(single, None, False) == 0 and chosen_options(single, 0) == []
