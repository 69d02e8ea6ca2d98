"""kb.timeline.axis: the marks of a time axis, shared by the actor strip and the query page's chart."""

from __future__ import annotations

from datetime import date

from kb.timeline.axis import axis_ticks


def test_a_short_span_is_marked_at_each_month_with_the_year_at_january():
    ticks = axis_ticks(date(2023, 11, 15), date(2024, 2, 10), max_month_days=731)
    assert ticks == [(date(2023, 12, 1), "Dec"), (date(2024, 1, 1), "Jan 2024"), (date(2024, 2, 1), "Feb")]


def test_the_first_mark_can_carry_the_year():
    ticks = axis_ticks(date(2024, 3, 5), date(2024, 5, 1), max_month_days=1098, year_on_first=True)
    assert ticks == [(date(2024, 4, 1), "Apr 2024"), (date(2024, 5, 1), "May")]


def test_a_long_span_is_marked_at_each_new_year():
    ticks = axis_ticks(date(2019, 6, 1), date(2023, 2, 1), max_month_days=731)
    assert ticks == [(date(year, 1, 1), str(year)) for year in range(2020, 2024)]


def test_a_span_within_one_month_has_no_mark():
    assert axis_ticks(date(2024, 10, 2), date(2024, 10, 30), max_month_days=731) == []
