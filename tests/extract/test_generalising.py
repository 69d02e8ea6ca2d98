"""Readings that hold for news writing in general, not for one article (branch h17d): which
date a sentence passes on to the sentences after it, and which dates a cue may borrow from its
sentence. Short sentences written for the test, with the real English model."""

from __future__ import annotations

from datetime import date

from kb.extract import extract
from tests.extract.sentences import DAY, events, one

# --- the date the article goes on talking about ------------------------------------------------

def test_a_date_in_a_clause_on_a_noun_is_not_passed_on_to_the_next_sentence():
    found = events("On Tuesday the council adopted a text that backed the plan Egypt put "
                   "forward on March 1. Hamas said it welcomed the text.")
    welcomed = one(found, "Statement")
    assert welcomed.date.earliest == date(2024, 3, 12)  # Tuesday, not March 1
    assert "the article's date before it ('On Tuesday')" in welcomed.date.note


def test_a_relative_date_is_passed_on_rather_than_a_date_of_a_clause_on_a_noun():
    found = events("Egypt and Qatar held talks with Hamas in Cairo on Saturday. "
                   "Two days after the talks, the council adopted a text backing the plan that "
                   "Qatar presented on March 1. At the council, Israel's envoy said the goals "
                   "had not changed.")
    envoy = one([e for e in found if ("israel", "speaker") in e.actors], "Statement")
    assert envoy.date.earliest == date(2024, 3, 11)  # two days after Saturday 9 March


def test_a_date_of_the_sentence_own_clause_is_still_passed_on_when_it_is_the_only_one():
    found = events("The talks that Qatar hosted on Monday ended without a deal. "
                   "Hamas said it would study the text.")
    said = one(found, "Statement")
    assert said.date.earliest == date(2024, 3, 11)  # the one date, though in a clause on a noun


# --- dates a cue may borrow from its sentence ------------------------------------------------------

def test_a_cue_does_not_borrow_the_date_of_a_clause_on_another_noun():
    found = events("Israel rejected the plan that Qatar presented on March 1.")
    rejection = one(found, "Rejection")
    assert rejection.date.earliest != date(2024, 3, 1)
    assert "no date found" in rejection.why


def test_a_date_in_a_clause_on_an_event_noun_dates_that_event():
    found = events("Hamas is studying the proposal that Egypt presented on Monday.")
    offer = one(found, "Offer")
    assert offer.date.earliest == date(2024, 3, 11)
    assert ("egypt", "offerer") in offer.actors


# --- lexicons of event words and of who acts ----------------------------------------------------

def test_a_demonym_before_a_kind_of_unit_and_forces_stands_for_the_country():
    found = events("On Tuesday, Israeli special forces raided a house in Rafah.")
    attack = one(found, "Attack")
    assert "israel" in {actor for actor, _ in attack.actors}


def test_a_phone_call_with_its_day_between_verb_and_partner_is_a_meeting():
    found = events("Joe Biden had spoken by telephone on Friday with the emir of Qatar.")
    meeting = one(found, "Meeting")
    assert meeting.date.earliest == date(2024, 3, 8)
    assert "joe-biden" in {actor for actor, _ in meeting.actors}


def test_reports_as_the_object_of_a_verb_name_no_media_report():
    found = events("Hamas denied reports on Tuesday that it had accepted the plan.")
    assert [e.type for e in found if e.type == "MediaReport"] == []
    denial = one(found, "Statement")
    assert ("hamas", "speaker") in denial.actors


def test_what_someone_denies_is_proposed_as_no_event():
    found = events("Hamas denied reports on Tuesday that it had accepted the plan. "
                   "Israel dismissed claims that its jets had struck the school.")
    assert [e.type for e in found if e.type in ("Acceptance", "Attack")] == []


# --- dates relative to a clause -----------------------------------------------------------------

def test_a_clause_after_two_days_after_is_dated_before_the_main_day_by_the_parse():
    found = events("Hamas said on Tuesday it had received the outline, two days after "
                   "intelligence chiefs from several countries met in Paris.")
    meeting = one(found, "Meeting")
    assert meeting.date.earliest == date(2024, 3, 10)  # Tuesday 12 March less two days


# --- first-person statements ---------------------------------------------------------------------

STATEMENT = ("Statement of Hamas on the plan\n14 March 2024\n"
             "We agree to release the captives under the exchange the plan sets.\n"
             "We ask the mediators to keep the talks going.\n"
             "We thank the states that worked to end the war.\n")


def test_we_agree_to_in_a_statement_is_the_acceptance_of_the_we():
    acceptance = one(events(STATEMENT), "Acceptance")
    assert ("hamas", "responder") in acceptance.actors
    assert acceptance.date.earliest == DAY


def test_we_ask_and_we_thank_in_a_statement_are_a_demand_and_a_statement_of_the_we():
    found = events(STATEMENT)
    assert ("hamas", "speaker") in one(found, "Demand").actors
    assert ("hamas", "speaker") in one(found, "Statement").actors


# --- merging ------------------------------------------------------------------------------------

def test_two_dated_speech_verbs_of_one_speaker_in_two_sentences_are_two_statements():
    found = events("Hamas said on Tuesday it had received the outline. "
                   "Late on Tuesday, Hamas denied that it had given an answer.")
    statements = [e for e in found if e.type == "Statement"]
    assert [e.date.earliest for e in statements] == [date(2024, 3, 12), date(2024, 3, 12)]
    assert [len(e.sentences) for e in statements] == [1, 1]


def test_an_undated_speech_verb_after_a_dated_one_of_the_same_speaker_is_the_same_statement():
    found = events("Hamas said on Tuesday it had received the outline. "
                   "Hamas also said it would study it with care.")
    statement = one(found, "Statement")
    assert len(statement.sentences) == 2


# --- handovers -----------------------------------------------------------------------------------

def test_people_handed_to_the_red_cross_are_released_by_who_handed_them():
    found = events("Hamas fighters handed Omar Haddad and Samir Nasser to the International "
                   "Committee of the Red Cross in Khan Younis on Saturday.")
    release = one(found, "HostageRelease")
    assert {("omar-haddad", "released"), ("samir-nasser", "released"),
            ("hamas", "releaser")} <= set(release.actors)
    assert not [actor for actor, role in release.actors
                if role == "released" and actor not in ("omar-haddad", "samir-nasser")]
    assert release.date.earliest == date(2024, 3, 9)


def test_someone_handed_over_to_the_red_cross_without_the_word_hostage_is_released():
    release = one(events("Omar Haddad was handed over to the Red Cross in Gaza City on "
                          "Saturday."), "HostageRelease")
    assert ("omar-haddad", "released") in release.actors


def test_a_document_handed_to_a_mediator_is_no_release():
    found = events("Hamas handed its reply to the Qatari mediators on Saturday.")
    assert [e for e in found if e.type == "HostageRelease"] == []


# --- event nouns named by what someone went somewhere for ----------------------------------------

def test_a_round_someone_flew_somewhere_for_is_a_round_of_theirs_on_that_day():
    found = events("Omar Haddad flew to Doha on Monday for another round.")
    meeting = next(e for e in found if e.type in ("NegotiationRound", "Meeting"))
    assert ("omar-haddad", "participant") in meeting.actors
    assert meeting.date.earliest == date(2024, 3, 11)


def test_talks_someone_will_travel_for_are_no_event_yet():
    found = events("Omar Haddad will travel to Doha next week for talks.")
    assert [e for e in found if e.type in ("NegotiationRound", "Meeting")
            and e.status == "happened"] == []


# --- speech within speech --------------------------------------------------------------------------

def test_a_speech_verb_in_words_a_later_speaker_reports_leaves_that_speaker_a_statement():
    found = events("Omar Haddad informed Qatar of the decision, Hamas said.")
    statement = one(found, "Statement")
    assert ("hamas", "speaker") in statement.actors


def test_the_date_of_a_background_sentence_is_not_the_next_sentence_reference_time():
    found = events("Hamas said on Monday it would study the plan. The war began on Oct. 7 last "
                   "year, when gunmen attacked southern Israel. Egypt said it was hopeful.")
    egypt = one([e for e in found if ("egypt", "speaker") in e.actors], "Statement")
    assert egypt.date.earliest == date(2024, 3, 11)  # Monday, not 7 October 2023


# --- names and titles ----------------------------------------------------------------------------

def test_a_name_written_with_its_particle_apart_or_together_is_the_same_known_person():
    from kb.extract import KnownActor
    known = [KnownActor("abdelatty", "Badr Abdelatty", "person", (), ("egypt",),
                        ("Egyptian Foreign Minister",))]
    for name in ("Foreign Minister Badr Abdel Aty", "Badr Abdel-Aty", "Badr Abdelatty"):
        found = extract(f"{name} said on Monday that the talks would go on.", DAY,
                        actors=known).events
        assert ("abdelatty", "speaker") in one(found, "Statement").actors, name


def test_a_hyphenated_title_before_a_name_is_not_part_of_the_name():
    found = events("UN Secretary-General Antonio Guterres said on Monday he was shocked.")
    statement = one(found, "Statement")
    assert ("antonio-guterres", "speaker") in statement.actors
