"""Right event, wrong date or wrong actor (session 18, round 4): a statement's later section dated
by its own heading (a weekday, a date of another calendar and the Gregorian one), a day of the
month spelled as an ordinal ("the thirteenth of July"). Short texts written for the test; the
publication day is Thursday 14 March 2024 unless a test gives another."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, ids, one, speakers

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


def test_a_date_in_quoted_words_does_not_date_their_saying():
    found = events("Trump spoke to reporters in Florida on Tuesday.\n\n\"January 20 is a very big "
                   "day,\" Trump said, adding that his team was working very hard.",
                   date(2024, 12, 14))
    statements = [event for event in found if event.sentences[0].startswith('"January')]
    assert statements
    assert all(event.date.earliest >= date(2024, 12, 10) for event in statements)


def test_a_date_opening_the_quoted_words_is_not_the_saying_s_opening_date():
    found = events("\"On 20 January we will act,\" Trump said.", date(2024, 12, 14))
    assert all(event.date.edtf != "2024-01-20" for event in found)


def test_an_honorific_and_a_given_name_are_the_person_the_text_named_in_full():
    found = events("Sheikh Mohammed bin Abdulrahman Al-Thani met Antony Blinken in Washington on "
                   "Monday.\n\nHE Sheikh Mohammed called on both parties to seize the opportunity "
                   "to stop the war.", date(2024, 1, 30))
    first = one(found, "Meeting")
    demand = one(found, "Demand")
    assert set(speakers(demand)) and set(speakers(demand)) <= ids(first)


def test_a_bare_given_name_the_text_never_gave_in_full_stays_its_own_actor():
    found = events("HE Sheikh Mohammed called on both parties to seize the opportunity to stop "
                   "the war.", date(2024, 1, 30))
    assert ids(one(found, "Demand")) == {"mohammed"}


def test_the_announcement_a_later_sentence_counts_from_is_the_day_it_was_made():
    # the killing the announcement told of was weeks earlier; the story stays at the announcing
    found = events("NEWSREADER: Israel's military announced yesterday that Mohammed Deif was "
                   "killed in an air strike in Khan Younis on the thirteenth of July.\n\n"
                   "The timing is striking: the announcement came a day after Ismail Haniyeh was "
                   "killed in Tehran.", date(2024, 8, 2))
    killings = {event.sentences[0][:12]: event.date.edtf for event in found
                if event.type == "Killing"}
    assert killings == {"NEWSREADER: ": "2024-07-13", "The timing i": "2024-07-31"}


def test_a_person_with_an_apposed_post_of_a_body_is_the_victim_of_a_passive():
    found = events("The stakes have grown since Ismail Haniyeh, Hamas's political leader, was "
                   "killed in Tehran last month.")
    assert "ismail-haniyeh" in ids(one(found, "Killing"))


def test_a_participle_right_after_a_date_is_of_that_date():
    found = events("The Ministry notes that South Africa returned to the Court on Friday, 10 May, "
                   "asking it to order urgent measures.", date(2024, 5, 12))
    assert one(found, "Demand").date.edtf == "2024-05-10"


def test_n_days_after_a_killing_counted_back_from_the_day_of_the_text_dates_the_killing():
    found = events("Monday, 5 August 2024\n\nFive days after Ismail Haniyeh was killed in Tehran, "
                   "the negotiations are, at best, on hold.", date(2024, 8, 5))
    assert one(found, "Killing").date.edtf == "2024-07-31"


def test_a_day_before_a_killing_still_dates_the_main_clause():
    # counted forward from the story's day, not back: the main clause keeps it
    found = events("Israel said on Monday that it had struck Beirut.\n\nA day before Haniyeh was "
                   "killed, Israel killed Fuad Shukr in Beirut.", date(2024, 8, 5))
    shukr = [event for event in found if event.type == "Killing" and "fuad-shukr" in ids(event)]
    assert [event.date.edtf for event in shukr] == ["2024-08-04"]
