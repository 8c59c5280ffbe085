"""The schedule's time arithmetic: exact hand-computed days and property tests."""

from __future__ import annotations

import datetime

from hypothesis import given, settings, strategies as st

from generator.training.schedule import DayPlan, Item, Pause, build_schedule, training_dates, used_days

JP = 45
# 08.00–16.00 with Rehat 10.00 (15) and ISHOMA 12.00 (60): slots of 2, 2 and 4 JP.
BREAKS = (Pause(600, 15, "Rehat"), Pause(720, 60, "ISHOMA"))


def day(number: int, breaks=BREAKS, start=480, end=960, date=None) -> DayPlan:
    return DayPlan(number, start, end, breaks, date)


def spans(schedule) -> list[tuple[int, int, int, str, int]]:
    return [(s.day, s.start, s.end, s.item.key, s.jp) for s in schedule.sessions]


def test_a_day_of_the_issue_holds_eight_jp():
    assert day(1).free_slots() == [(480, 600), (615, 720), (780, 960)]
    assert day(1).capacity(JP) == 2 + 2 + 4


def test_a_module_is_split_at_the_break_not_across_it():
    schedule = build_schedule([Item("a", "A", 3)], [day(1)], JP)
    assert spans(schedule) == [(1, 480, 570, "a", 2), (1, 615, 660, "a", 1)]
    assert [(s.piece, s.pieces) for s in schedule.sessions] == [(1, 2), (2, 2)]


def test_time_left_before_a_break_that_holds_no_whole_jp_stays_empty():
    # 08.00–09.30 is taken; 09.30–10.00 is 30 minutes, less than a JP.
    schedule = build_schedule([Item("a", "A", 2), Item("b", "B", 1)], [day(1)], JP)
    assert spans(schedule)[-1] == (1, 615, 660, "b", 1)


def test_the_day_end_moves_the_rest_to_the_next_morning():
    schedule = build_schedule([Item("a", "A", 7), Item("b", "B", 3)], [day(1), day(2)], JP)
    assert spans(schedule) == [
        (1, 480, 570, "a", 2), (1, 615, 705, "a", 2), (1, 780, 915, "a", 3),
        (1, 915, 960, "b", 1), (2, 480, 570, "b", 2),
    ]
    assert all(s.end <= 960 for s in schedule.sessions)


def test_friday_breaks_are_the_days_own_breaks():
    friday = day(1, breaks=(Pause(600, 15), Pause(690, 90, "ISHOMA dan salat Jumat")))
    # 08.00–10.00: 2 JP; 10.15–11.30: 1 JP (30 min left); 13.00–16.00: 4 JP
    assert friday.capacity(JP) == 7
    schedule = build_schedule([Item("a", "A", 4)], [friday], JP)
    assert spans(schedule) == [(1, 480, 570, "a", 2), (1, 615, 660, "a", 1), (1, 780, 825, "a", 1)]


def test_new_day_and_parts_start_on_a_fresh_morning():
    items = [Item("a", "A", 1), Item("b", "B", 4, parts=(1, 3)), Item("c", "C", 1, new_day=True)]
    schedule = build_schedule(items, [day(1), day(2), day(3)], JP)
    assert spans(schedule) == [
        (1, 480, 525, "a", 1), (1, 525, 570, "b", 1),
        (2, 480, 570, "b", 2), (2, 615, 660, "b", 1),
        (3, 480, 525, "c", 1),
    ]


def test_a_session_kept_together_waits_for_the_next_slot():
    items = [Item("a", "A", 1), Item("rtl", "RTL", 2, kind="session", keep_together=True)]
    schedule = build_schedule(items, [day(1)], JP)
    # 08.45–10.00 holds only 1 JP, so the two JP of the RTL go after the break.
    assert spans(schedule) == [(1, 480, 525, "a", 1), (1, 615, 705, "rtl", 2)]


def test_what_does_not_fit_is_reported_with_its_jp():
    schedule = build_schedule([Item("a", "A", 10)], [day(1)], JP)
    assert schedule.total_jp == 8 and schedule.unplaced_jp == 2 and schedule.capacity_jp == 8


def test_a_start_date_on_saturday_moves_to_monday_without_weekends():
    saturday = datetime.date(2027, 3, 6)
    assert training_dates(saturday, 3, weekends=False) == [datetime.date(2027, 3, 8), datetime.date(2027, 3, 9), datetime.date(2027, 3, 10)]
    assert training_dates(saturday, 2, weekends=True) == [saturday, datetime.date(2027, 3, 7)]
    friday = datetime.date(2027, 3, 12)
    assert training_dates(friday, 2, weekends=False) == [friday, datetime.date(2027, 3, 15)]


def test_breaks_are_listed_between_sessions_only():
    schedule = build_schedule([Item("a", "A", 3)], [day(1)], JP)
    entries = schedule.days[0].entries()
    assert [type(entry).__name__ for entry in entries] == ["Session", "Pause", "Session"]
    assert used_days(schedule) == 1


# --- properties ------------------------------------------------------------------

times = st.integers(min_value=6 * 60, max_value=9 * 60)
items = st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=12)


@st.composite
def day_plans(draw):
    start = draw(times)
    end = start + draw(st.integers(min_value=120, max_value=600))
    breaks = []
    cursor = start + draw(st.integers(min_value=0, max_value=120))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        minutes = draw(st.integers(min_value=5, max_value=90))
        if cursor + minutes > end:
            break
        breaks.append(Pause(cursor, minutes))
        cursor += minutes + draw(st.integers(min_value=0, max_value=150))
    count = draw(st.integers(min_value=1, max_value=6))
    return [DayPlan(n, start, end, tuple(breaks)) for n in range(1, count + 1)]


@settings(max_examples=200, deadline=None)
@given(day_plans(), items, st.integers(min_value=30, max_value=60), st.lists(st.booleans(), max_size=12))
def test_no_session_crosses_a_break_or_the_day_end_and_no_jp_is_lost(days, sizes, jp_minutes, keeps):
    program = [Item(f"i{n}", "", size, index=n, keep_together=(keeps[n] if n < len(keeps) else False)) for n, size in enumerate(sizes)]
    schedule = build_schedule(program, days, jp_minutes)
    by_number = {plan.number: plan for plan in days}
    for session in schedule.sessions:
        plan = by_number[session.day]
        assert plan.start <= session.start < session.end <= plan.end
        assert session.end - session.start == session.jp * jp_minutes
        for pause in plan.breaks:
            assert session.end <= pause.start or session.start >= pause.end
    placed: dict[str, int] = {}
    for session in schedule.sessions:
        placed[session.item.key] = placed.get(session.item.key, 0) + session.jp
    for item, left in schedule.unplaced:
        placed[item.key] = placed.get(item.key, 0) + left
    assert placed == {item.key: item.jp for item in program}
    assert schedule.total_jp + schedule.unplaced_jp == sum(sizes)
    assert schedule.total_jp <= schedule.capacity_jp
    # Sessions of one day never overlap and keep the program's order.
    order = [(s.day, s.start) for s in schedule.sessions]
    assert order == sorted(order) and len(set(order)) == len(order)


@settings(max_examples=100, deadline=None)
@given(day_plans(), items)
def test_everything_fits_when_there_is_room_and_nothing_is_kept_apart(days, sizes):
    program = [Item(f"i{n}", "", size, index=n) for n, size in enumerate(sizes)]
    schedule = build_schedule(program, days, 45)
    if sum(sizes) <= schedule.capacity_jp:
        assert not schedule.unplaced
