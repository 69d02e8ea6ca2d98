"""When the events of a text happened, second round: the day a story is at, past the dates it
goes back to. Short texts written for the test."""

from __future__ import annotations

from datetime import date

from kb.extract.sentences import split_sentences
from tests.extract.sentences import events, ids, one

# --- the backstory's day --------------------------------------------------------------------------


def test_the_war_s_first_day_long_past_does_not_move_the_day_the_story_is_at():
    found = events("CAIRO, March 14 (Wire) - Egypt hosted a new round of talks on Thursday. "
                   "The two soldiers were captured near the border on Oct. 7 and have not been "
                   "heard from since. Qatar's prime minister said the gaps were narrowing.")
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-14"
    assert ids(statement) == {"qatar"}


# --- a story told day by day ----------------------------------------------------------------------


def test_a_sentence_between_two_days_of_a_story_is_up_to_the_second_not_the_publication():
    found = events("CAIRO, March 14 (Wire) - The reply from Doha came on Tuesday. Qatar's prime "
                   "minister said he was appalled by the remarks. On Wednesday the Israeli "
                   "delegation flew to Cairo.")
    assert one(found, "Statement").date.edtf == "2024-03-12/2024-03-13"


def test_a_day_later_in_its_sentence_does_not_bound_the_sentences_before_it():
    found = events("CAIRO, March 14 (Wire) - The reply from Doha came on Tuesday. Qatar's prime "
                   "minister said he was appalled by the remarks. The Israeli delegation flew "
                   "to Cairo on Wednesday.")
    assert one(found, "Statement").date.edtf == "2024-03-12/2024-03-14"


def test_the_day_a_saying_names_bounds_the_sentences_before_it_too():
    found = events("CAIRO, March 14 (Wire) - The reply from Doha came on Tuesday. Qatar's prime "
                   "minister said he was appalled by the remarks. An Egyptian official said on "
                   "Wednesday that the Israeli delegation would fly to Cairo.")
    qatar = [e for e in found if e.type == "Statement" and "qatar" in ids(e)]
    assert [e.date.edtf for e in qatar] == ["2024-03-12/2024-03-13"]


# --- sentences ------------------------------------------------------------------------------------


def test_a_semicolon_before_a_clause_parts_two_sayings():
    found = events("CAIRO, March 14 (Wire) - Egypt's foreign ministry announced an inquiry into "
                   "the shooting on Wednesday; the Israeli army said it was in contact with the "
                   "Egyptian side.")
    statements = [e for e in found if e.type == "Statement"]
    speakers = [{actor for actor, role in e.actors if role == "speaker"} for e in statements]
    assert speakers == [{"egypt"}, {"israel"}]


# --- the date that frames a sentence --------------------------------------------------------------


def test_the_one_date_of_a_sentence_dates_what_has_none_of_its_own():
    found = events("CAIRO, March 14 (Wire) - Qatar hosted talks on Monday. Two days later, at a "
                   "news conference in Doha, Qatar's prime minister said the gaps were narrowing.")
    assert one(found, "PressConference").date.edtf == "2024-03-13"  # not Monday up to today


def test_a_date_of_a_clause_before_the_main_one_frames_the_sentence():
    found = events("CAIRO, March 14 (Wire) - Qatar hosted talks on Monday. Before the war cabinet "
                   "met on Tuesday night, Netanyahu's office put out a statement insisting that "
                   "the negotiators had a broad mandate.")
    assert one(found, "Statement").date.edtf == "2024-03-12"


def test_a_day_after_is_of_the_clause_it_leads_not_of_the_sentence():
    found = events("DOHA, March 14 (Wire) - The United States recalled its negotiators from Doha "
                   "on Thursday. \"We will now consider other options,\" Steve Witkoff wrote on "
                   "X, a day after Hamas handed the mediators its latest response.")
    by = {speaker: event.date.edtf for event in found for speaker, role in event.actors
          if role == "speaker"}
    assert by["steve-witkoff"] == "2024-03-14"  # Thursday, not Hamas's day
    assert by["hamas"] == "2024-03-13"  # (the reply handed over, no more said of it: a
    # statement of Hamas, the gold convention 2 of session 15)


def test_the_day_of_a_saying_before_its_that_frames_the_sentence():
    found = events("CAIRO, March 14 (Wire) - Qatar hosted talks on Monday. Egypt's foreign "
                   "minister told reporters on Tuesday, at a news conference in Cairo, that the "
                   "gaps were narrowing.")
    assert one(found, "PressConference").date.edtf == "2024-03-12"


def test_a_list_s_label_opening_a_line_stays_with_its_item():
    text = "Fourth: The world watched on Saturday.\nA: We accepted. Q: Why?\nHamas: We refuse."
    assert [s.text for s in split_sentences(text)] == [
        "Fourth: The world watched on Saturday.", "A: We accepted.", "Q: Why?",
        "Hamas: We refuse."]  # a name is no label; an interview's Q and A stay on their line


def test_7_october_without_a_year_is_the_war_s_first_day_not_its_anniversary():
    found = events("JERUSALEM, Feb. 8 (Wire) - Eli Sharabi learned only after his release that "
                   "Hamas gunmen had killed his wife and daughters in Be'eri on 7 October.",
                   date(2025, 2, 8))
    assert one(found, "Killing").date.edtf == "2023-10-07"
