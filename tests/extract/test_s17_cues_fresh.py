"""Sentences that drew no proposal, or one of the wrong type, on fresh text (session 17): a veto,
a call between two named leaders, a video made public, a premier facing the press, the last round
of talks, a summit called off. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers

# --- a veto is the vetoing member's rejection ---------------------------------------------------


def test_a_veto_is_a_rejection_by_the_vetoing_member():
    found = events("On Tuesday the United States vetoed a draft resolution drafted by Algeria.")
    rejection = one(found, "Rejection")
    assert "united-states" in {actor for actor, role in rejection.actors if role == "responder"}
    assert rejection.date.edtf == "2024-03-12"
    assert not [e for e in found if e.type == "Statement"]


def test_the_noun_veto_alone_is_no_rejection():
    found = events("Egypt said on Monday that the text could pass without a veto.")
    assert not [e for e in found if e.type == "Rejection"]


# --- "X and Y spoke by phone": a call between them -----------------------------------------------


def test_two_leaders_who_spoke_by_phone_had_a_call():
    found = events("Joe Biden and Benjamin Netanyahu spoke by phone on Tuesday.")
    call = one(found, "Meeting")
    assert {"joe-biden", "benjamin-netanyahu"} <= ids(call)
    assert call.date.edtf == "2024-03-12"


def test_spoke_by_phone_with_a_counterpart_stays_one_call():
    found = events("Joe Biden spoke by phone with Benjamin Netanyahu on Tuesday.")
    assert {"joe-biden", "benjamin-netanyahu"} <= ids(one(found, "Meeting"))


# --- a video made public is a statement of the one who publishes it ------------------------------


def test_a_published_video_is_a_statement_of_the_publisher():
    found = events("On Tuesday Hamas published a short video showing three captives.")
    assert speakers(one(found, "Statement")) == {"hamas"}


def test_a_video_address_of_another_party_is_not_read_as_published():
    found = events("Hamas watched the talks closely on Tuesday, a video showed.")
    assert not [e for e in found if e.type == "Statement" and "hamas" in speakers(e)]


# --- facing reporters is a press conference -----------------------------------------------------


def test_facing_reporters_is_a_press_conference():
    found = events("Benjamin Netanyahu faced reporters in Tel Aviv on Tuesday evening.")
    conference = one(found, "PressConference")
    assert "benjamin-netanyahu" in ids(conference)
    assert conference.date.edtf == "2024-03-12"


def test_facing_pressure_is_no_press_conference():
    found = events("Benjamin Netanyahu faced pressure from his coalition on Tuesday.")
    assert not [e for e in found if e.type == "PressConference"]


# --- "the last round" of talks, told on its own, is a round --------------------------------------


def test_the_last_round_is_a_negotiation_round():
    found = events("The talks stalled. The last round, in Cairo, ended on Tuesday without "
                   "agreement.", min_confidence=0.0)
    assert one(found, "NegotiationRound").date.edtf == "2024-03-12"


def test_the_last_round_of_strikes_is_no_negotiation_round():
    found = events("The last round of strikes ended on Tuesday.", min_confidence=0.0)
    assert not [e for e in found if e.type == "NegotiationRound"]


# --- a summit called off: the calling off is the act, not the summit ----------------------------


def test_a_summit_called_off_is_a_statement_not_a_summit():
    found = events("On Tuesday Jordan called off a summit in Amman.")
    assert speakers(one(found, "Statement")) == {"jordan"}
    assert not [e for e in found if e.type == "Summit"]


def test_a_visit_cancelled_is_a_statement_of_who_cancelled_it():
    found = events("On Tuesday Benjamin Netanyahu cancelled a planned visit of his advisers to "
                   "Washington.")
    assert speakers(one(found, "Statement")) == {"benjamin-netanyahu"}


def test_a_statement_called_off_is_no_event():
    found = events("On Tuesday Benny Gantz called off a televised statement.")
    assert not found


# --- the setting a sentence opens with: its participant is the one who acts ---------------------


def test_a_news_conference_opening_the_sentence_is_the_subject_s():
    found = events("The talks went on. At a news conference on Tuesday evening, Benjamin "
                   "Netanyahu rejected calls for a ceasefire.")
    conference = one(found, "PressConference")
    assert "benjamin-netanyahu" in ids(conference)
    assert conference.date.edtf == "2024-03-12"


def test_a_news_conference_after_a_date_line_is_the_subject_s():
    found = events("JERUSALEM, March 12 (Wire) - At a news conference on Tuesday, Prime Minister "
                   "Benjamin Netanyahu said the army would go on.")
    assert "benjamin-netanyahu" in ids(one(found, "PressConference"))


# --- forces that free a person: a release -------------------------------------------------------


def test_forces_that_freed_a_soldier_made_a_release():
    found = events("On Tuesday Israeli forces freed a soldier held in Gaza.")
    release = one(found, "HostageRelease")
    assert "israel" in ids(release)
    assert release.date.edtf == "2024-03-12"


def test_a_statement_released_is_no_release():
    found = events("On Tuesday Hamas released a statement on the talks.")
    assert not [e for e in found if e.type == "HostageRelease"]
