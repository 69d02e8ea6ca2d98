"""When the events of a text happened, third round: days counted on from the day a story is at,
and the tense of a day said before a saying. Short texts written for the test."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, ids, one

# --- the tense of a day before a saying -----------------------------------------------------------


def test_a_day_in_an_opening_phrase_is_of_the_saying_not_of_the_future_it_reports():
    found = find_time_expressions("In the early hours of Monday, the ministry said the convoy "
                                  "would be let through.", date(2024, 3, 14))
    assert [(e.text, e.edtf) for e in found] == [("Monday", "2024-03-11")]


def test_a_day_before_a_source_s_saying_keeps_the_future_of_its_own_clause():
    found = find_time_expressions("The crossing will reopen on Monday, an official said.",
                                  date(2024, 3, 14))
    assert [(e.text, e.edtf) for e in found] == [("on Monday", "2024-03-18")]


# --- a day counted on from the day the story is at ------------------------------------------------


def test_later_that_day_in_the_paragraph_bounds_the_sentences_before_it_to_that_day():
    found = events("AMMAN, March 14 (Wire) - The Jordanian foreign minister met Egypt's foreign "
                   "minister on Monday. Qatar's prime minister said the gaps were narrowing. "
                   "Hamas rejected the outline later that day.")
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-11"
    assert ids(statement) == {"qatar"}


def test_a_day_counted_on_in_another_paragraph_does_not_bound_the_sentences_before_it():
    found = events("AMMAN, March 14 (Wire) - The Jordanian foreign minister met Egypt's foreign "
                   "minister on Monday. Qatar's prime minister said the gaps were narrowing.\n\n"
                   "Analysts in the region were divided.\n\n"
                   "Hamas rejected the outline later that day.")
    assert one(found, "Statement").date.edtf == "2024-03-11/2024-03-14"


# --- "By Tuesday" opening a sentence in the past ---------------------------------------------------


def test_by_a_day_opening_a_sentence_in_the_past_is_the_day_the_story_is_at_not_a_deadline():
    found = events("DOHA, March 14 (Wire) - Israeli jets struck a compound on Monday. By Tuesday, "
                   "reports of a walkout were circulating widely. Qatar's prime minister said the "
                   "same day that the talks would go on.")
    assert one(found, "Statement").date.edtf == "2024-03-12"


def test_by_a_day_in_a_demand_stays_a_deadline():
    found = events("DOHA, March 14 (Wire) - Israeli jets struck a compound on Monday. Hamas must "
                   "answer by Saturday, the mediators said. Qatar's prime minister said the same "
                   "day that the talks would go on.")
    assert [e.date.edtf for e in found if "qatar" in ids(e)] == ["2024-03-11"]


# --- a day and the hours beside it -------------------------------------------------------------


def test_a_day_with_hours_before_a_clause_beside_it_dates_the_main_clause():
    found = events("GENEVA, March 14 (Wire) - The envoy had flown in for the conference, and on "
                   "Tuesday, hours before he returned home, he was received by the Emir of "
                   "Qatar.")
    assert one(found, "Meeting").date.edtf == "2024-03-12"


# --- a story that goes back ---------------------------------------------------------------------


def test_the_sentences_before_a_story_goes_back_to_an_earlier_day_are_at_the_day_it_was_at():
    found = events("CAIRO, March 14 (Wire) - Shots were fired at the border crossing on Tuesday. "
                   "Egypt's army spokesman announced an investigation.\n\n"
                   "To understand why, go back a month. On 12 February Israeli tanks entered "
                   "the town.")
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-12"
    assert ids(statement) == {"egypt"}


# --- weeks ago ---------------------------------------------------------------------------------


def test_a_week_ago_is_seven_days_back_a_day_either_way_not_a_calendar_week():
    found = find_time_expressions("The envoy met the emir a week ago.", date(2024, 3, 14))
    assert [e.edtf for e in found] == ["2024-03-06/2024-03-08"]
    found = find_time_expressions("Two weeks ago the talks broke up.", date(2024, 3, 14))
    assert [e.edtf for e in found] == ["2024-02-27/2024-03-02"]


# --- since an event, in a past perfect ---------------------------------------------------------


def test_since_an_event_in_a_past_perfect_runs_up_to_the_day_the_story_is_at():
    found = events("Qatar keeps talking\n\nDOHA, March 14 (Wire) - Israeli jets struck the camp on "
                   "1 March. On Monday, Qatar's prime minister said his government had met Hamas "
                   "leaders since the strike.")
    meeting = one(found, "Meeting")
    assert meeting.date.edtf == "2024-03-01/2024-03-11"


# --- a round-up's next day heading --------------------------------------------------------------


def test_the_next_day_heading_of_a_round_up_bounds_the_sentences_under_the_one_before():
    found = events("The week in the talks\n\nSaturday 16 March 2024\n\nMONDAY\n\nIsrael's war "
                   "cabinet met in Tel Aviv. Speaking in Doha later that day, Qatar's prime "
                   "minister urged both sides to close the gaps. Egypt's foreign minister said "
                   "the talks would resume.\n\nTUESDAY\n\nHamas rejected the outline.")
    said = one(found, "Statement")
    assert said.date.edtf == "2024-03-11/2024-03-12"
    assert ids(said) == {"egypt"}


# --- the past day ---------------------------------------------------------------------------------


def test_the_past_day_is_one_day_not_the_vague_days_of_a_plural():
    found = find_time_expressions("The army says it killed dozens of fighters in the past day.",
                                  date(2024, 3, 14))
    assert [e.edtf for e in found] == ["2024-03-13/2024-03-14"]
    found = find_time_expressions("Talks went on over the past days.", date(2024, 3, 14))
    assert [e.edtf for e in found] == ["2024-03-07/2024-03-14"]


# --- the day right after a saying's verb ---------------------------------------------------------


def test_last_night_right_after_the_verb_frames_the_news_conference_of_the_sentence():
    found = events("Evening bulletin\n\nThe truce was announced last night by Egypt's foreign "
                   "minister, at a news conference in Cairo.")
    assert one(found, "PressConference").date.edtf == "2024-03-13"


# --- a sentence that goes on with the person just told of ----------------------------------------


def test_he_after_a_dated_sentence_is_that_day_or_the_next_not_up_to_the_publication():
    found = events("Analysis\n\n14 March 2024\n\nAntony Blinken met the Emir of Qatar in Doha "
                   "on Friday. He told reporters that the gaps were narrowing.\n\nFew believed "
                   "him.")
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-08/2024-03-09"
    assert ids(statement) == {"antony-blinken"}


def test_a_name_after_a_dated_sentence_is_still_up_to_the_publication():
    found = events("Analysis\n\n14 March 2024\n\nAntony Blinken met the Emir of Qatar in Doha "
                   "on Friday. Qatar's prime minister told reporters that the gaps were narrowing.")
    assert one(found, "Statement").date.edtf == "2024-03-08/2024-03-14"


def test_a_sentence_naming_the_event_just_told_is_that_day_or_the_next():
    found = events("Analysis\n\n14 March 2024\n\nHamas delivered its reply to the mediators on "
                   "Friday. Antony Blinken said the reply was unacceptable.\n\nFew were surprised.")
    said = [e for e in found if e.type == "Statement" and "antony-blinken" in ids(e)]
    assert [e.date.edtf for e in said] == ["2024-03-08/2024-03-09"]
