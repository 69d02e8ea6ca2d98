"""The day of a live blog's undated entries (session 17): a blog whose day is in its headline
("Israel-Hamas war: live updates - Thursday 9 November 2023") dates what its time-stamped
entries tell without a date of their own to that day, not to the week before the publication;
a sentence that names its own day keeps it. Short texts written for the test."""

from __future__ import annotations

from datetime import date

from kb.extract.reference import dateline
from kb.extract.sentences import split_sentences
from tests.extract.sentences import events, ids, one

THURSDAY = date(2024, 3, 14)


def blog(headline: str, *entries: str) -> str:
    return headline + "\n\nLive coverage from our desk. All times GMT.\n\n" + "\n\n".join(entries)


def test_an_undated_entry_of_a_blog_dated_in_its_headline_is_of_that_day():
    found = events(blog("Gaza talks: live updates - Thursday 14 March 2024",
                        "09:40 GMT\nQatar's prime minister said the gaps were narrowing.",
                        "11:05 GMT\nHamas rejected the outline."), published=THURSDAY)
    assert one(found, "Statement").date.edtf == "2024-03-14"
    assert one(found, "Rejection").date.edtf == "2024-03-14"


def test_a_blog_published_the_day_after_keeps_the_day_of_its_headline():
    # "as it happened", put out on Friday: the entries are Thursday's, not the week to Friday
    found = events(blog("Gaza talks: as it happened - Thursday 14 March 2024",
                        "21:15 GMT\nQatar's prime minister said the gaps were narrowing."),
                   published=date(2024, 3, 15))
    assert one(found, "Statement").date.edtf == "2024-03-14"


def test_an_entry_that_names_an_earlier_day_keeps_it():
    found = events(blog("Gaza talks: live updates - Thursday 14 March 2024",
                        "10:20 GMT\nHamas rejected the outline on Monday, an official said.",
                        "11:05 GMT\nQatar's prime minister said the gaps were narrowing."),
                   published=THURSDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-11"
    assert one(found, "Statement").date.edtf == "2024-03-14"


def test_last_week_in_an_entry_is_that_week():
    found = events(blog("Gaza talks: live updates - Thursday 14 March 2024",
                        "10:20 GMT\nHamas rejected the outline last week."), published=THURSDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-04/2024-03-10"


def test_a_past_perfect_day_does_not_move_the_entry_s_day():
    found = events(blog("Gaza talks: live updates - Thursday 14 March 2024",
                        "10:20 GMT\nQatar's prime minister said Hamas had rejected the outline "
                        "on Monday.",
                        "11:05 GMT\nEgypt's foreign minister said the crossing would stay shut."),
                   published=THURSDAY)
    egypt = [event for event in found if "egypt" in ids(event)]
    assert [event.date.edtf for event in egypt] == ["2024-03-14"]


def test_the_headline_s_day_is_the_reference_of_today_and_yesterday():
    found = events(blog("Gaza talks: as it happened - Thursday 14 March 2024",
                        "09:40 GMT\nHamas rejected the outline yesterday."),
                   published=date(2024, 3, 16))
    assert one(found, "Rejection").date.edtf == "2024-03-13"


def test_a_headline_that_tells_an_event_on_a_day_is_no_date_line():
    text = "Hamas rejects the outline on 12 March 2024\n\nHamas rejected the outline on Tuesday."
    assert dateline(text, split_sentences(text), THURSDAY) is None


def test_a_headline_day_long_before_the_publication_is_no_date_line():
    text = ("Gaza talks: live updates - Thursday 8 February 2024\n\n"
            "09:40 GMT\nHamas rejected the outline.")
    assert dateline(text, split_sentences(text), THURSDAY) is None


def test_a_date_line_under_the_headline_comes_first():
    text = ("Gaza talks: live updates - Wednesday 13 March 2024\n"
            "Thursday 14 March 2024\n\n09:40 GMT\nHamas rejected the outline.")
    line = dateline(text, split_sentences(text), THURSDAY)
    assert line is not None and line.edtf == "2024-03-14"


def test_a_headline_day_set_off_by_a_bar_or_a_comma_dates_the_blog():
    for headline in ("Gaza talks | Wednesday 13 March 2024", "Gaza talks, 13 March 2024"):
        text = headline + "\n\n09:40 GMT\nHamas rejected the outline."
        line = dateline(text, split_sentences(text), THURSDAY)
        assert line is not None and line.edtf == "2024-03-13", headline
