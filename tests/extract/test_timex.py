"""Time expressions: each kind resolved to EDTF and bounds against several publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from kb.errors import DateError
from kb.extract.timex import find_time_expressions, parse_date, resolve

FRIDAY = date(2024, 10, 25)  # a Friday
AFTER_LEAP_DAY = date(2024, 3, 1)  # the day after 29 February 2024
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, just after a year boundary
YEAR_END = date(2025, 12, 31)  # a Wednesday, on a year boundary

# (published, expression, tense, edtf, earliest, latest, precision, kind)
CASES = [
    # absolute
    (FRIDAY, "July 13", None, "2024-07-13", "2024-07-13", "2024-07-13", "day", "absolute"),
    (FRIDAY, "in January", None, "2024-01", "2024-01-01", "2024-01-31", "month", "absolute"),
    (FRIDAY, "last October 2023", None, "2023-10", "2023-10-01", "2023-10-31", "month",
     "absolute"),
    (FRIDAY, "November of last year", None, "2023-11", "2023-11-01", "2023-11-30", "month",
     "absolute"),
    (FRIDAY, "7 October 2023", None, "2023-10-07", "2023-10-07", "2023-10-07", "day", "absolute"),
    (AFTER_LEAP_DAY, "July 13", None, "2023-07-13", "2023-07-13", "2023-07-13", "day",
     "absolute"),
    (AFTER_LEAP_DAY, "in February", None, "2024-02", "2024-02-01", "2024-02-29", "month",
     "absolute"),
    (AFTER_LEAP_DAY, "February 29", None, "2024-02-29", "2024-02-29", "2024-02-29", "day",
     "absolute"),
    (NEW_YEAR, "November of last year", None, "2023-11", "2023-11-01", "2023-11-30", "month",
     "absolute"),
    (NEW_YEAR, "in January", None, "2024-01", "2024-01-01", "2024-01-31", "month", "absolute"),
    (NEW_YEAR, "in December", None, "2023-12", "2023-12-01", "2023-12-31", "month", "absolute"),
    (YEAR_END, "November of last year", None, "2024-11", "2024-11-01", "2024-11-30", "month",
     "absolute"),
    (YEAR_END, "in January", "future", "2026-01", "2026-01-01", "2026-01-31", "month",
     "absolute"),
    (YEAR_END, "February 29", None, "2024-02-29", "2024-02-29", "2024-02-29", "day", "absolute"),
    # relative to the publication
    (FRIDAY, "on Friday", "past", "2024-10-25", "2024-10-25", "2024-10-25", "day", "relative"),
    (FRIDAY, "on Thursday", "past", "2024-10-24", "2024-10-24", "2024-10-24", "day",
     "relative"),
    (FRIDAY, "on Sunday", "future", "2024-10-27", "2024-10-27", "2024-10-27", "day",
     "relative"),
    (FRIDAY, "last week", None, "2024-10-14/2024-10-20", "2024-10-14", "2024-10-20", "week",
     "relative"),
    (FRIDAY, "earlier this month", None, "2024-10-01/2024-10-25", "2024-10-01", "2024-10-25",
     "range", "relative"),
    (FRIDAY, "this month", None, "2024-10", "2024-10-01", "2024-10-31", "month", "relative"),
    (FRIDAY, "the last couple of days", None, "2024-10-22/2024-10-25", "2024-10-22",
     "2024-10-25", "range", "relative"),
    (FRIDAY, "in the coming days", None, "2024-10-25/2024-11-01", "2024-10-25", "2024-11-01",
     "range", "relative"),
    (AFTER_LEAP_DAY, "last week", None, "2024-02-19/2024-02-25", "2024-02-19", "2024-02-25",
     "week", "relative"),
    (AFTER_LEAP_DAY, "last month", None, "2024-02", "2024-02-01", "2024-02-29", "month",
     "relative"),
    (AFTER_LEAP_DAY, "on Sunday", "future", "2024-03-03", "2024-03-03", "2024-03-03", "day",
     "relative"),
    (NEW_YEAR, "last week", None, "2023-12-25/2023-12-31", "2023-12-25", "2023-12-31", "week",
     "relative"),
    (NEW_YEAR, "on Friday", "past", "2023-12-29", "2023-12-29", "2023-12-29", "day",
     "relative"),
    (NEW_YEAR, "earlier this month", None, "2024-01-01/2024-01-02", "2024-01-01", "2024-01-02",
     "range", "relative"),
    (NEW_YEAR, "the last couple of days", None, "2023-12-30/2024-01-02", "2023-12-30",
     "2024-01-02", "range", "relative"),
    (YEAR_END, "last week", None, "2025-12-22/2025-12-28", "2025-12-22", "2025-12-28", "week",
     "relative"),
    (YEAR_END, "on Sunday", "future", "2026-01-04", "2026-01-04", "2026-01-04", "day",
     "relative"),
    (YEAR_END, "in the coming days", None, "2025-12-31/2026-01-07", "2025-12-31", "2026-01-07",
     "range", "relative"),
    (YEAR_END, "next month", None, "2026-01", "2026-01-01", "2026-01-31", "month", "relative"),
    # durations: the span they cover, ending at the publication
    (FRIDAY, "almost two months", None, "2024-08-25/2024-10-25", "2024-08-25", "2024-10-25",
     "duration", "duration"),
    (FRIDAY, "for weeks", None, "2024-08-30/2024-10-25", "2024-08-30", "2024-10-25",
     "duration", "duration"),
    (FRIDAY, "for months, if not years", "past", "2014-10-25/2024-10-25", "2014-10-25",
     "2024-10-25", "duration", "duration"),
    (FRIDAY, "for months, if not years", "future", "2024-10-25/2034-10-25", "2024-10-25",
     "2034-10-25", "duration", "duration"),
    (AFTER_LEAP_DAY, "almost two months", None, "2024-01-01/2024-03-01", "2024-01-01",
     "2024-03-01", "duration", "duration"),
    (NEW_YEAR, "for weeks", None, "2023-11-07/2024-01-02", "2023-11-07", "2024-01-02",
     "duration", "duration"),
    # anchored to another event
    (FRIDAY, "since the early days of the war", None, "2023-10-07/2024-10-25", "2023-10-07",
     "2024-10-25", "range", "anchored"),
    (NEW_YEAR, "since the early days of the war", None, "2023-10-07/2024-01-02", "2023-10-07",
     "2024-01-02", "range", "anchored"),
]


@pytest.mark.parametrize(
    ("published", "text", "tense", "edtf", "earliest", "latest", "precision", "kind"), CASES,
    ids=[f"{case[0]}-{case[1]}-{case[2] or 'any'}" for case in CASES])
def test_each_kind_of_expression_resolves_to_its_edtf_and_bounds(
        published, text, tense, edtf, earliest, latest, precision, kind):
    expression = resolve(text, published, tense)
    assert expression.edtf == edtf
    assert expression.earliest == date.fromisoformat(earliest)
    assert expression.latest == date.fromisoformat(latest)
    assert expression.precision == precision
    assert expression.kind == kind


def test_a_month_stays_a_month_never_its_first_day():
    expression = resolve("in January", FRIDAY)
    assert expression.edtf == "2024-01"
    assert (expression.earliest, expression.latest) == (date(2024, 1, 1), date(2024, 1, 31))


def test_anchors_name_what_the_expression_was_resolved_against():
    assert resolve("last week", FRIDAY).anchor == "published"
    assert resolve("since the early days of the war", FRIDAY).anchor.startswith("event:")


def test_since_a_date_spans_to_the_publication():
    expression = resolve("since January", FRIDAY)
    assert expression.edtf == "2024-01/2024-10-25"
    assert expression.precision == "range"


def test_the_sentence_tense_decides_the_side_of_a_weekday():
    text = ("The Wall Street Journal reported on Friday. "
            "Barnea is scheduled to participate in a summit in Doha on Sunday.")
    friday, sunday = find_time_expressions(text, FRIDAY)
    assert (friday.text, friday.edtf, friday.tense) == ("on Friday", "2024-10-25", "past")
    assert (sunday.text, sunday.edtf, sunday.tense) == ("on Sunday", "2024-10-27", "future")


def test_a_weekday_in_a_quotation_ignores_the_tense_outside_it():
    text = "“We met on Monday,” she said, adding that talks will resume."
    (monday,) = find_time_expressions(text, FRIDAY)
    assert monday.edtf == "2024-10-21"


def test_found_expressions_carry_their_character_offsets():
    text = "In January, Barnea offered them passage; the IDF struck on July 13."
    expressions = find_time_expressions(text, FRIDAY)
    assert [e.text for e in expressions] == ["In January", "July 13"]
    for expression in expressions:
        assert text[expression.start:expression.end] == expression.text


def test_a_named_day_of_the_war_keeps_its_year():
    (oct7,) = find_time_expressions("the main architect of the Oct. 7 massacre", FRIDAY)
    assert (oct7.edtf, oct7.kind) == ("2023-10-07", "anchored")


def test_may_as_a_verb_is_not_a_month():
    assert find_time_expressions("Hamas may accept the offer, officials said.", FRIDAY) == []


def test_over_the_weekend_is_the_saturday_and_sunday_before():
    assert resolve("over the weekend", FRIDAY).edtf == "2024-10-19/2024-10-20"


def test_an_empty_expression_is_an_error():
    with pytest.raises(DateError, match="empty"):
        resolve("  ", FRIDAY)


def test_words_that_are_no_time_expression_are_an_error():
    with pytest.raises(DateError, match="not a time expression"):
        resolve("banana", FRIDAY)


def test_an_impossible_day_is_an_error_naming_it():
    with pytest.raises(DateError, match="no such day"):
        resolve("February 30, 2024", FRIDAY)


def test_a_publication_date_that_is_no_date_is_an_error():
    with pytest.raises(DateError, match="not a date"):
        resolve("last week", "2024-10-25")


def test_an_unknown_tense_is_an_error():
    with pytest.raises(DateError, match="tense"):
        resolve("on Friday", FRIDAY, tense="sometime")


def test_parse_date_says_what_to_give():
    assert parse_date("2024-02-29", where="--published") == date(2024, 2, 29)
    with pytest.raises(DateError) as err:
        parse_date("yesterday", where="--published")
    assert str(err.value) == "--published 'yesterday': not a date (use YYYY-MM-DD)"
    with pytest.raises(DateError, match="no such day"):
        parse_date("2023-02-29", where="--published")
