"""Right event, wrong date or wrong actor (session 18, round 4): a statement's later section dated
by its own heading (a weekday, a date of another calendar and the Gregorian one), a day of the
month spelled as an ordinal ("the thirteenth of July"). Short texts written for the test; the
publication day is Thursday 14 March 2024 unless a test gives another."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, one

TWO_SECTIONS = (
    "Office of the Prime Minister\nStatements to the press\n\n"
    "I. Monday, 2 Adar II 5784, corresponding to 11 March 2024\n\n"
    "1. The Office regards the vote today as a mistake.\n\n"
    "II. Tuesday, 3 Adar II 5784, corresponding to 12 March 2024\n\n"
    "1. Last night Hamas once again rejected the American proposal.\n\n"
    "2. Qatar said yesterday that the talks would go on.\n")


def test_a_later_section_s_heading_dates_its_sentences_not_the_first_section_s_day():
    found = events(TWO_SECTIONS)
    assert one(found, "Rejection").date.edtf == "2024-03-11"  # the night before the Tuesday


def test_yesterday_under_a_later_section_s_heading_is_the_day_before_that_heading():
    found = events(TWO_SECTIONS)
    assert one(found, "Statement").date.edtf == "2024-03-11"
    assert not any(event.date.earliest <= date(2024, 3, 5) for event in found)


def test_a_weekday_beside_a_full_date_is_that_date_s_weekday_not_a_week_before():
    found = events("Statements to the press\n\nI. Monday, 11 March 2024\n\n1. Hamas rejected the "
                   "American proposal.\n\nII. Tuesday, 3 Adar II 5784, corresponding to 12 March "
                   "2024\n\n1. Egypt rejected the Israeli plan.\n")
    rejections = {event.sentences[0][:8]: event.date.edtf for event in found
                  if event.type == "Rejection"}
    assert rejections == {"1. Hamas": "2024-03-11", "1. Egypt": "2024-03-12"}


def test_a_day_of_the_month_spelled_as_an_ordinal_is_that_day():
    found = find_time_expressions("He was killed on the thirteenth of July.", date(2024, 8, 2))
    assert [(e.text, e.edtf) for e in found] == [("the thirteenth of July", "2024-07-13")]
    found = find_time_expressions("It ended on the twenty-first of May 2023.", date(2024, 8, 2))
    assert [e.edtf for e in found] == ["2023-05-21"]


def test_a_killing_told_yesterday_is_dated_by_its_own_spelled_day():
    found = events("Israel's military announced yesterday that Mohammed Deif was killed in an "
                   "air strike in Khan Younis on the thirteenth of July.", date(2024, 8, 2))
    assert one(found, "Killing").date.edtf == "2024-07-13"


def test_the_first_of_the_month_without_a_month_is_no_date():
    assert find_time_expressions("He left on the first of the month.", date(2024, 8, 2)) == []
