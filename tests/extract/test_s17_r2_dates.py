"""Dates on the shapes the blind sets of session 17 (round 2) showed wrong. Short texts written
for the test:

- a live blog whose line of coverage ends in its full date followed by more of the line ("-
  Thursday 6 June 2024 (all times Israel time)", "| Friday 24 May 2024 | All times ..."): its
  undated entries are of that day, not of the week before the publication;
- "this week" in a past-tense sentence: the days of the week up to the publication, not after;
- a weekday after "that" ("that Monday evening") in a story of a later day: not a day after it;
- a date that only names an event ("since its Oct. 7 attack", "the May 31 speech"): not the
  day the story goes on at;
- the tense of a weekday: "flew" is a past, and "the ceasefire plan to the mediators" is no
  future ("plan to");
- a sentence further on in the paragraph that named a day, without a day of its own, keeps the
  window from that day up to the publication (its day is not known: the text does not say it).
"""

from __future__ import annotations

from datetime import date

from kb.extract import extract
from kb.extract.reference import dateline
from kb.extract.sentences import split_sentences
from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, one

THURSDAY = date(2024, 6, 6)


def test_a_live_blog_line_that_goes_on_after_its_date_dates_the_blog():
    text = ("Live: leaders press Hamas on the deal\n"
            "Rolling coverage from Jerusalem and Doha - Thursday 6 June 2024 (all times Israel "
            "time)\n\n09:50\nQatar's prime minister said the gaps were narrowing.\n")
    line = dateline(text, split_sentences(text), THURSDAY)
    assert line is not None and line.edtf == "2024-06-06"
    found = events(text, published=THURSDAY)
    assert one(found, "Statement").date.edtf == "2024-06-06"


def test_a_live_blog_line_with_bars_dates_the_blog():  # (published that day)
    text = ("LIVE: court rules on Rafah - as it happened\n\n"
            "Northgate Live | Friday 24 May 2024 | All times Israel (GMT+3) | Live editors: "
            "Dana Efrati (Tel Aviv)\n\n21:30 Qatar's prime minister said the gaps were "
            "narrowing.\n")
    found = events(text, published=date(2024, 5, 24))
    assert one(found, "Statement").date.edtf == "2024-05-24"


def test_a_date_in_the_middle_of_a_sentence_is_no_date_line():
    text = ("Talks resume\n\nThe talks - Thursday 6 June 2024 (the third round) - went on.\n")
    assert dateline(text, split_sentences(text), THURSDAY) is None


def test_this_week_in_the_past_ends_at_the_publication():
    found = find_time_expressions("Qatar's prime minister met Hamas leaders this week.",
                                  date(2024, 11, 28))
    assert [(e.text, e.edtf) for e in found] == [("this week", "2024-11-25/2024-11-28")]


def test_this_week_in_the_future_is_the_whole_week():
    found = find_time_expressions("Qatar's prime minister will meet Hamas leaders this week.",
                                  date(2024, 11, 28))
    assert [e.edtf for e in found] == ["2024-11-25/2024-12-01"]


def test_that_monday_in_a_story_of_friday_is_the_monday_before():
    text = ("The round opened in Cairo on Tuesday. Prime Minister Benjamin Netanyahu's office "
            "said that Monday evening that the terms fell far short of Israel's demands.")
    found = events(text, published=date(2024, 5, 10))
    statement = [e for e in found if "Netanyahu's office" in e.sentences[0]]
    assert statement and {e.date.edtf for e in statement} == {"2024-05-06"}


def test_that_monday_after_the_day_the_story_is_at_stays_after_it():
    text = ("The round opened in Cairo on 30 April. Qatar's prime minister said that Monday "
            "evening that the gaps were narrowing.")
    found = events(text, published=date(2024, 5, 10))
    assert one(found, "Statement").date.edtf == "2024-05-06"


def test_a_date_after_since_is_not_the_day_the_story_goes_on_at():
    text = ("MOSCOW, Oct 26 (Wire) - A Hamas delegation held talks in Moscow on Thursday, in "
            "its first trip abroad since its Oct. 7 attack on Israel.\n\n"
            "Qatar's prime minister said the talks were useful.\n")
    found = events(text, published=date(2023, 10, 26))
    assert one(found, "Statement").date.edtf == "2023-10-26"


def test_a_date_before_the_event_it_names_is_not_the_day_the_story_goes_on_at():
    text = ("CAIRO, June 14 (Wire) - Egypt hosted Hamas leaders on Thursday to discuss the May 31 "
            "plan for a ceasefire.\n\nQatar's prime minister said the gaps were narrowing.\n")
    found = events(text, published=date(2024, 6, 14))
    # the day of the hosting (up to the publication: an undated sentence's window), not May 31
    assert one(found, "Statement").date.edtf in ("2024-06-13", "2024-06-13/2024-06-14")


def test_flew_is_a_past_tense():
    found = find_time_expressions(
        "Brett McGurk flew to Egypt on Sunday for talks on the hostages and was due to go on to "
        "Qatar.",
        date(2024, 1, 23))
    assert [(e.text, e.edtf) for e in found] == [("on Sunday", "2024-01-21")]


def test_a_plan_to_someone_is_not_a_future():
    found = find_time_expressions(
        "Hamas handed its answer to Biden's ceasefire plan to the mediators on Tuesday, with "
        "amendments.", date(2024, 6, 15))
    assert [(e.text, e.edtf) for e in found] == [("on Tuesday", "2024-06-11")]


def test_a_subject_that_plans_to_act_is_still_a_future():
    found = find_time_expressions("Israel plans to send a delegation on Tuesday.",
                                  date(2024, 6, 15))
    assert [e.edtf for e in found] == ["2024-06-18"]


def test_in_january_stays_a_month():
    found = find_time_expressions("Hamas rejected the offer in January, the ceasefire plan to "
                                  "the mediators.", date(2024, 6, 15))
    assert [e.edtf for e in found] == ["2024-01"]


def test_that_saturday_far_before_the_day_the_story_is_at_is_not_taken_back():
    text = ("Israel's military announced yesterday that the commander was killed. Israel had "
            "targeted him on that Saturday in July. Qatar's prime minister said the gaps were "
            "narrowing.")
    reading = extract(text, date(2024, 8, 2)).reading
    saturday = [e.edtf for e in reading.expressions if e.text == "that Saturday"]
    assert saturday and "2024-07-27" not in saturday


def test_a_sentence_further_on_in_the_paragraph_is_up_to_the_publication():
    found = events("Hamas rejected the outline on Monday. Qatar's prime minister said the gaps "
                   "remained wide.")
    assert one(found, "Statement").date.edtf == "2024-03-11/2024-03-14"


def test_a_clause_after_n_days_after_with_an_abbreviation_and_an_aside_is_n_days_before():
    text = ("Israel approved a new round of talks, Netanyahu's office said on Friday. The "
            "announcement came four days after the U.N. Security Council, with the United States "
            "abstaining, adopted a resolution demanding a ceasefire. Netanyahu said on the same "
            "day that the vote was a clear retreat.")
    draft = extract(text, date(2024, 3, 29))
    assert [e.edtf for e in draft.reading.expressions
            if e.text in ("four days after", "on the same day", "the same day")] == \
        ["2024-03-25", "2024-03-25"]


def test_a_sentence_opening_n_days_after_an_undated_clause_puts_the_clause_n_days_back():
    text = ("Where the talks stand\n\nMonday, 5 August 2024\n\nFive days after Ismail Haniyeh "
            "was killed in Tehran, the talks are on hold. Egypt said that day that the killing "
            "could undermine the efforts for a truce.")
    draft = extract(text, date(2024, 8, 5))
    assert [(e.text, e.edtf) for e in draft.reading.expressions
            if e.kind == "anchored"] == [("Five days after", "2024-07-31"),
                                         ("that day", "2024-07-31")]


def test_a_sentence_opening_on_a_day_n_days_after_keeps_that_day():
    text = ("Hamas made its appeal on Monday. On Thursday, three days after the appeal, Egypt "
            "said the talks would resume.")
    draft = extract(text, date(2024, 3, 14))
    assert [e.edtf for e in draft.reading.expressions if "Thursday" in e.text] == ["2024-03-14"]


def test_a_future_reported_after_that_is_not_the_tense_of_the_saying_s_day():
    found = find_time_expressions(
        "Biden said in a CNN interview broadcast on Wednesday that he would stop supplying some "
        "weapons.", date(2024, 5, 10))
    assert [(e.text, e.edtf) for e in found] == [("on Wednesday", "2024-05-08")]


def test_a_meeting_on_a_day_that_will_decide_stays_ahead():
    found = find_time_expressions("The cabinet meets on Sunday, a session that will decide the "
                                  "plan.", date(2024, 5, 10))
    assert [e.edtf for e in found] == ["2024-05-12"]


ROUND_UP = ("THE TALKS THIS WEEK\n\nRound-up published Wednesday 21 February 2024\n\n"
            "The mediators spent the days since Saturday trying to keep the deal alive.\n\n"
            "SATURDAY 17 FEBRUARY\n\n"
            "Qatar's prime minister said the pattern of the past few days had been poor.\n\n"
            "In the evening Benjamin Netanyahu told a news conference that Hamas's demands were "
            "delusional.\n\nSUNDAY 18 FEBRUARY\n\nEgypt's foreign minister said the gaps were "
            "narrowing.\n")


def test_a_span_under_a_day_heading_does_not_move_the_story_off_that_day():
    draft = extract(ROUND_UP, date(2024, 2, 21))
    assert [e.edtf for e in draft.reading.expressions if e.text == "In the evening"] == \
        ["2024-02-17"]
