"""Dates fresh text gave (session 16): forms the extractor does not read, and the forms it reads
in their stead. Session 16 added days of the month in words ("the thirteenth of July"), "a
fortnight ago", "on Thursday last week", "the day before yesterday", "that afternoon", "earlier
in the week" and a count back from "the announcement came a day after ..." behind switches that
were off; session 17 removed them, as they measured nothing on devset16 (written blind). Short
texts written for the test; published Thursday 14 March 2024 unless said."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, ids, one


def test_a_fortnight_ago_is_not_read_as_a_date():
    # (session 18 reads the day in words again: devset15, tuned on in round 4, has one killing
    # dated so; see test_s18_dates_actors.py)
    found = find_time_expressions("He was killed on the thirteenth of July, a fortnight ago.",
                                  date(2024, 8, 2))
    assert [e.text for e in found] == ["the thirteenth of July"]


def test_a_day_of_the_month_in_digits_after_the_is_read():
    found = find_time_expressions("He was killed on the 13th of July.", date(2024, 8, 2))
    assert [(e.text, e.edtf) for e in found] == [("the 13th of July", "2024-07-13")]


def test_a_main_clause_that_names_no_dated_event_still_counts_from_the_last_date():
    found = events("Bulletin\n\nIsrael's army said on Wednesday that it was ready. The move "
                   "came a day after Hamas rejected the outline.")
    rejection = one(found, "Rejection")
    assert rejection.date.edtf == "2024-03-12"
    assert ids(rejection) == {"hamas"}


def test_a_weekday_and_last_week_in_two_clauses_stay_two_expressions():
    found = find_time_expressions("He left on Thursday, last week he stayed.", date(2024, 8, 2))
    assert [(e.text, e.edtf) for e in found] == [("on Thursday", "2024-08-01"),
                                                  ("last week", "2024-07-22/2024-07-28")]
