"""Sentences that assert an event with words the cue lexicon did not know (session 18, round 5),
on short texts written for the test: a call for something with its day between ("called on
Tuesday for"), a request to two parties at once, a meeting told as under way ("are now meeting"),
consultations held, a deal signed, approval signalled, readiness to act renewed, soldiers who fell
in combat, and a round of talks that opened. Beside each, the near miss that must stay without
that event."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers


def _of(text: str, kind: str) -> list:
    return [event for event in events(text) if event.type == kind]


# --- "called on Tuesday for": a demand with its day between -------------------------------------

def test_a_call_with_its_day_between_is_a_demand_of_that_day():
    demand = one(events("The European Union called on Tuesday for immediate action to stop the "
                        "famine in Gaza."), "Demand")
    assert speakers(demand) == {"european-union"}
    assert demand.date.edtf == "2024-03-12"


def test_calling_on_a_day_without_for_is_no_demand():
    assert _of("Hamas called on Tuesday the mediators.", "Demand") == []


# --- "asked X and Y for": two asked at once --------------------------------------------------------

def test_asking_two_parties_for_something_is_a_demand():
    demand = one(events("On Tuesday Hamas asked the mediators and the Red Cross for heavy "
                        "equipment."), "Demand")
    assert speakers(demand) == {"hamas"}
    assert demand.date.edtf == "2024-03-12"


# --- "are now meeting": a meeting under way --------------------------------------------------------

def test_two_named_people_now_meeting_have_a_meeting_today():
    meeting = one(events("Marco Rubio and Benjamin Netanyahu are now meeting at the prime "
                         "minister's office."), "Meeting")
    assert ids(meeting) == {"marco-rubio", "benjamin-netanyahu"}
    assert meeting.date.edtf == "2024-03-14"


def test_a_meeting_point_is_no_meeting():
    assert _of("The meeting point was Doha.", "Meeting") == []


# --- "holding consultations": a meeting ------------------------------------------------------------

def test_consultations_held_with_the_factions_are_a_meeting():
    meeting = one(events("On Tuesday Hamas held national consultations with the Palestinian "
                         "factions."), "Meeting")
    assert "hamas" in ids(meeting)
    assert meeting.date.edtf == "2024-03-12"


# --- "signed the agreement": the signers accept it -------------------------------------------------

def test_signing_the_agreement_is_the_signers_acceptance():
    accepted = one(events("On Monday Israel and Hamas signed the ceasefire agreement."),
                   "Acceptance")
    assert ids(accepted) == {"israel", "hamas"}
    assert accepted.date.edtf == "2024-03-11"


def test_a_word_before_the_sentence_is_no_actor_of_the_signing():
    accepted = one(events("Overnight, Israel and Hamas signed the agreement in Doha."),
                   "Acceptance")
    assert ids(accepted) == {"israel", "hamas"}


def test_signing_a_document_that_backs_a_deal_is_no_acceptance():
    assert _of("On Monday Donald Trump signed a document backing the deal.", "Acceptance") == []


def test_signing_an_order_is_no_acceptance():
    assert _of("Bezalel Smotrich signed an order on Tuesday.", "Acceptance") == []


# --- "signalled initial approval": an answer given -------------------------------------------------

def test_approval_signalled_is_an_acceptance():
    accepted = one(events("Hamas signalled initial approval of the plan on Tuesday."), "Acceptance")
    assert ids(accepted) == {"hamas"}
    assert accepted.date.edtf == "2024-03-12"


def test_approval_awaited_is_no_acceptance():
    assert _of("Israel will carry out the deal as soon as Hamas gives its approval.",
               "Acceptance") == []


# --- "renews its readiness to release": an offer ---------------------------------------------------

def test_readiness_to_release_renewed_is_an_offer():
    offer = one(events("Hamas renews its readiness to release all the prisoners in return for an "
                       "end to the war."), "Offer")
    assert ids(offer) == {"hamas"}


def test_readiness_without_an_act_offered_is_no_offer():
    assert _of("Hamas renews its readiness for talks.", "Offer") == []


# --- "fell in combat": soldiers killed, the subject the victim ------------------------------------

def test_a_soldier_who_fell_in_combat_is_the_victim_of_a_killing():
    killing = one(events("Sgt. Yosef Yehuda Chayek fell in combat in the Gaza Strip on Tuesday."),
                  "Killing")
    assert dict(killing.actors) == {"yosef-yehuda-chayek": "victim"}
    assert killing.date.edtf == "2024-03-12"


def test_a_town_that_fell_is_no_killing():
    assert _of("On Tuesday the town fell to the army.", "Killing") == []


# --- "The round opened": a round of talks ---------------------------------------------------------

def test_a_round_that_opened_is_a_negotiation_round_of_its_day():
    held = one(events("The round opened in Doha on Saturday with Hamas and Israel."),
               "NegotiationRound")
    assert ids(held) >= {"hamas", "israel"}
    assert held.date.edtf == "2024-03-09"


def test_a_round_of_applause_is_no_round_of_talks():
    assert _of("A round of applause greeted Benjamin Netanyahu on Tuesday.",
               "NegotiationRound") == []
