"""Shapes of fresh text (session 16): what the extractor makes of sentences like those that a set
written blind (devset15) and the tuned sets still lost. Short sentences written for the test."""

from __future__ import annotations

from kb.extract.known import KnownActor
from tests.extract.sentences import ACTORS, events, ids, one, speakers

OFFICE = KnownActor("pmo", "Israeli Prime Minister’s Office", "organization", ("PMO",), (), ())
PREMIER = KnownActor("benjamin-netanyahu", "Benjamin Netanyahu", "person", (), ("israel",),
                     ("Prime Minister",))


# --- an unnamed official in a person's office speaks for that office ---------------------------

def test_an_official_in_a_premier_s_office_speaks_for_the_office():
    found = events("On Monday an official in Prime Minister Benjamin Netanyahu's office said "
                   "the army would stay in the corridor.", actors=[*ACTORS, OFFICE, PREMIER])
    statement = one(found, "Statement")
    assert speakers(statement) == {"pmo"}
    assert statement.date.edtf == "2024-03-11"


def test_an_official_in_an_office_after_the_words_still_only_vouches():
    found = events("The army will stay in the corridor, an official in Netanyahu's office said "
                   "on Monday.", actors=[*ACTORS, OFFICE, PREMIER])
    assert not [e for e in found if e.type == "Statement"]


# --- strikes a killing was done with, told with no article before them ------------------------

def test_strikes_without_an_article_are_the_means_of_the_killing():
    found = events("Four people were killed by Israeli strikes in Rafah on Monday.")
    assert [e.type for e in found] == ["Killing"]
    assert ids(found[0]) == {"israel"}
    assert found[0].date.edtf == "2024-03-11"


def test_airstrikes_after_in_are_the_means_of_the_killing():
    found = events("Hamas said on Tuesday that four of its members were killed in airstrikes "
                   "on Monday.")
    assert not [e for e in found if e.type == "Attack"]


def test_strikes_of_another_clause_stay_an_attack():
    found = events("Two soldiers were killed on Monday, but in strikes on Tuesday Israel hit "
                   "Hamas.")
    assert one(found, "Attack").date.edtf == "2024-03-12"


# --- a family name shared: another given name is another person --------------------------------

HAYYA = KnownActor("khalil-al-hayya", "Khalil al-Hayya", "person", ("al-Hayya",), ("hamas",), ())


def test_another_given_name_before_a_known_family_name_is_another_person():
    found = events("Hamam al-Hayya was killed in Doha on Tuesday.", actors=[*ACTORS, HAYYA])
    killing = one(found, "Killing")
    assert "khalil-al-hayya" not in ids(killing)
    assert "hamam-al-hayya" in ids(killing)


def test_the_known_given_name_with_a_title_before_it_is_still_the_known_person():
    found = events("Hamas negotiator Khalil al-Hayya said on Monday that the talks would go on.",
                   actors=[*ACTORS, HAYYA])
    assert speakers(one(found, "Statement")) == {"khalil-al-hayya"}


# --- a reply that arrives is a reply handed over (the gold convention 2) -----------------------

def test_a_response_that_arrives_is_the_replier_s_statement():
    statement = one(events("The Hamas response arrived on Monday."), "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-11"


def test_a_response_that_reached_the_mediators_is_handed_over():
    statement = one(events("The Hamas response reached the mediators on Monday night."),
                    "Statement")
    assert speakers(statement) == {"hamas"}


def test_a_response_that_came_as_a_surprise_is_no_reply_handed_over():
    assert not events("The response came as a surprise to Israel on Monday.")


def test_the_reply_handed_over_is_the_acceptance_the_text_tells():
    found = events("Hamas accepted the proposal on Monday, a Hamas official said. The Hamas "
                   "response reached the mediators on Monday night.")
    assert [e.type for e in found] == ["Acceptance"]
    assert len(found[0].sentences) == 2


# --- ", accusing X of ...": the subject of the main clause speaks ------------------------------

def test_accusing_after_another_verb_is_a_statement_of_the_main_subject():
    found = events("On Friday Basem Naim, a member of the Hamas political bureau, went further, "
                   "accusing Egypt of misrepresenting the talks.")
    statement = one(found, "Statement")
    assert speakers(statement) == {"basem-naim"}
    assert statement.date.edtf == "2024-03-08"


def test_accusing_after_a_saying_is_that_one_saying():
    found = events("Qatar said on Monday that the talks had stalled, accusing Israel of stalling.")
    assert speakers(one(found, "Statement")) == {"qatar"}


# --- "answered that ...", "replied that ...": words given in answer ----------------------------

def test_answered_that_is_a_statement_of_who_answers():
    found = events("Egypt answered on Tuesday that no such arrangement had been agreed.")
    statement = one(found, "Statement")
    assert speakers(statement) == {"egypt"}
    assert statement.date.edtf == "2024-03-12"


def test_answered_with_a_quotation_is_a_statement():
    found = events('On Monday Hamas answered "We were never asked" in a short statement.')
    assert speakers(one(found, "Statement")) == {"hamas"}


def test_answering_a_proposal_is_no_saying():
    found = events("Hamas answered the Egyptian proposal on Monday.")
    assert not [e for e in found if e.type == "Statement"]


# --- "sat down together with": a meeting ------------------------------------------------------

def test_sitting_down_together_with_someone_is_a_meeting():
    found = events("On Monday Egypt and Qatar sat down together with Hamas in Cairo.")
    meeting = one(found, "Meeting")
    assert {"egypt", "qatar", "hamas"} <= ids(meeting)
    assert meeting.date.edtf == "2024-03-11"


# --- a victim named in apposition, with an age or a rank ---------------------------------------

def test_a_name_apposed_to_the_subject_of_a_passive_is_its_victim():
    found = events("The army said a reservist, Yona Feldbaum, was killed in Rafah on Tuesday.")
    killing = one(found, "Killing")
    assert ids(killing) == {"yona-feldbaum"}
    assert killing.date.edtf == "2024-03-12"


def test_an_age_after_the_name_and_a_rank_before_it_leave_the_victim_named():
    found = events("Master Sergeant Yona Efraim Feldbaum, 37, was killed in Rafah on Tuesday.")
    assert ids(one(found, "Killing")) == {"yona-efraim-feldbaum"}



def test_a_response_that_came_with_no_replier_named_before_it_is_no_event():
    assert not events("The response came on Monday.")


# --- "had spoken to Mr X": a call or a meeting with a person named by his honorific ------------

def test_speaking_to_mr_someone_is_a_meeting():
    found = events("Qatar said on Tuesday that it had spoken to Mr Haniyeh on Monday.")
    meeting = one(found, "Meeting")
    assert {"qatar", "haniyeh"} <= ids(meeting)
    assert meeting.date.edtf == "2024-03-11"


def test_speaking_to_reporters_is_no_meeting():
    found = events("Qatar's prime minister spoke to reporters in Doha on Monday.")
    assert not [e for e in found if e.type == "Meeting"]


# --- "took questions": answers given in public ------------------------------------------------

def test_taking_questions_at_a_forum_is_a_statement():
    found = events("Qatar's foreign ministry took questions at the Doha Forum on Saturday.")
    statement = one(found, "Statement")
    assert "qatar" in ids(statement)
    assert statement.date.edtf == "2024-03-09"


def test_a_question_taken_up_is_no_statement():
    found = events("Qatar took up the question of the crossing with Egypt.")
    assert not [e for e in found if e.type == "Statement"]


# --- a vote against: the voter turns it down --------------------------------------------------

def test_voting_against_a_resolution_is_a_rejection_of_the_voter():
    rejection = one(events("On Monday Egypt voted against the resolution."), "Rejection")
    assert ids(rejection) == {"egypt"}
    assert rejection.date.edtf == "2024-03-11"


def test_casting_the_only_vote_against_is_a_rejection():
    found = events("The cabinet approved the plan on Monday by eight votes to one. Israel cast "
                   "the only vote against.")
    rejection = one(found, "Rejection")
    assert "israel" in ids(rejection)


# --- "asked by reporters whether ...": the one asked answers in the main clause ---------------

def test_the_answer_after_a_passive_asked_is_the_statement_of_who_answers():
    found = events('In Cairo, asked by reporters whether the Israeli prime minister was doing '
                   'enough to secure a deal, Egypt answered "No" on Monday.')
    statement = one(found, "Statement")
    assert speakers(statement) == {"egypt"}
    assert statement.date.edtf == "2024-03-11"


def test_asking_how_in_public_is_still_a_statement():
    found = events("On Monday Qatar's prime minister, Sheikh Mohammed, asked on social media how "
                   "mediation could succeed.")
    assert one(found, "Statement").date.edtf == "2024-03-11"


# --- an order of strikes is an order to one's own forces: a statement, no demand --------------

def test_ordering_strikes_is_a_statement_of_who_orders():
    found = events('On Tuesday Israel ordered "powerful strikes" on Gaza.')
    assert not [e for e in found if e.type == "Demand"]
    assert "israel" in speakers(one(found, "Statement"))


def test_ordering_another_side_to_act_is_still_a_demand():
    found = events("On Tuesday Egypt ordered Hamas to release the hostages.")
    assert "egypt" in ids(one(found, "Demand"))


# --- the remains of the dead handed over: a release of them ------------------------------------

def test_remains_handed_over_to_the_red_cross_free_the_one_named():
    found = events("On Wednesday Hamas handed over to the Red Cross the remains of Sudthisak "
                   "Rinthalak, a Thai farm worker.")
    release = one(found, "HostageRelease")
    assert ("hamas", "releaser") in release.actors
    assert ("sudthisak-rinthalak", "released") in release.actors
    assert release.date.edtf == "2024-03-13"


def test_returning_the_bodies_of_hostages_is_a_release():
    found = events("On Wednesday Hamas returned the bodies of two hostages.")
    assert "hamas" in ids(one(found, "HostageRelease"))


def test_a_statement_returned_is_no_release():
    found = events("On Wednesday Hamas returned the proposal to the mediators.")
    assert not [e for e in found if e.type == "HostageRelease"]


# --- a bulletin's headlines summarise what it tells below ---------------------------------------

def test_a_bulletin_s_headlines_propose_nothing_of_their_own():
    found = events("NEWSREADER: Good morning. The headlines this hour: Egypt says the talks "
                   "will resume; Qatar says the gaps remain wide.\nNEWSREADER: Egypt said on "
                   "Wednesday that the talks would resume in Cairo.", min_confidence=0.2)
    assert [(e.type, speakers(e)) for e in found] == [("Statement", {"egypt"})]
    assert found[0].date.edtf == "2024-03-13"


def test_a_story_sentence_that_mentions_headlines_is_still_news():
    found = events("Egypt said on Wednesday that the headlines were wrong: the talks would "
                   "resume.", min_confidence=0.2)
    assert speakers(one(found, "Statement")) == {"egypt"}


# --- urging a side to fight is a stance on the war, no demand of the talks ---------------------

def test_saying_a_side_should_hit_back_is_a_statement():
    found = events('On Wednesday Qatar said Israel "should hit back" after the attack.')
    assert [e.type for e in found] == ["Statement"]
    assert speakers(found[0]) == {"qatar"}


def test_saying_a_side_would_have_to_finish_the_job_is_a_statement():
    found = events('On Friday Egypt said Israel would have to "finish the job".')
    assert [e.type for e in found] == ["Statement"]


def test_saying_a_side_should_release_prisoners_is_still_a_demand():
    found = events("On Wednesday Qatar said Israel should release the prisoners.")
    assert speakers(one(found, "Demand")) == {"qatar"}
