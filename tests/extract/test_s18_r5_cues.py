"""Sentences that assert an event with words the cue lexicon did not know (session 18, round 5),
on short texts written for the test: a call for something with its day between ("called on
Tuesday for"), a request to two parties at once, a meeting told as under way ("are now meeting"),
consultations held, a deal signed (also in the passive), approval signalled, readiness to act
renewed, soldiers who fell in combat, a round of talks that opened, a deal defended, an appeal to
act, words ready to do a deal's part (an offer) and words that accept only on terms (a
condition). Beside each, the near miss that must stay without that event."""

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


# --- "was signed by": a deal's signers in the passive ---------------------------------------------

def test_an_agreement_signed_by_two_parties_is_their_acceptance():
    accepted = one(events("The agreement was signed by Israel and Hamas on Tuesday."), "Acceptance")
    assert ids(accepted) == {"israel", "hamas"}
    assert accepted.date.edtf == "2024-03-12"


def test_an_order_signed_by_a_minister_is_no_acceptance():
    assert _of("The order was signed by Bezalel Smotrich on Thursday.", "Acceptance") == []


# --- "defended the deal": a position argued in public ---------------------------------------------

def test_defending_the_deal_is_a_statement():
    said = one(events("Benjamin Netanyahu defended the deal on television on Tuesday."),
               "Statement")
    assert speakers(said) == {"benjamin-netanyahu"}
    assert said.date.edtf == "2024-03-12"


def test_a_country_defending_itself_says_nothing():
    assert _of("Israel defended itself on Tuesday.", "Statement") == []


# --- "appealed to X to VERB": a demand -------------------------------------------------------------

def test_appealing_to_the_mediators_to_act_is_a_demand():
    demand = one(events("On Tuesday Hamas appealed to Qatar and Egypt to get a deal done."),
                 "Demand")
    assert speakers(demand) == {"hamas"}
    assert demand.date.edtf == "2024-03-12"


def test_an_appeal_to_a_court_is_no_demand():
    assert _of("On Tuesday Hamas appealed to the court.", "Demand") == []


# --- "said it was ready to negotiate": an offer -----------------------------------------------------

def test_words_ready_to_begin_negotiations_are_an_offer():
    offer = one(events("On Thursday Hamas said it was ready to begin negotiations on the second "
                       "phase."), "Offer")
    assert dict(offer.actors) == {"hamas": "offerer"}
    assert offer.date.edtf == "2024-03-14"


def test_words_ready_to_release_the_hostages_are_an_offer():
    offer = one(events("Hamas said on Tuesday it was ready to release all the remaining hostages "
                       "in one batch."), "Offer")
    assert ids(offer) == {"hamas"}


def test_words_ready_to_fight_are_no_offer():
    assert _of("Hamas said on Tuesday it was ready to fight.", "Offer") == []


# --- "would accept only": a condition set ------------------------------------------------------------

def test_words_accepting_only_an_end_to_the_war_set_a_condition():
    condition = one(events("On Tuesday Hamas said it would accept only an initiative that clearly "
                           "leads to a complete end to the war."), "Precondition")
    assert speakers(condition) == {"hamas"}
    assert condition.date.edtf == "2024-03-12"


def test_words_ending_the_war_only_on_terms_set_a_condition():
    condition = one(events("Benjamin Netanyahu said on Tuesday he would end the war only on clear "
                           "terms: all the hostages back."), "Precondition")
    assert speakers(condition) == {"benjamin-netanyahu"}


def test_words_accepting_the_deal_set_no_condition():
    assert _of("Hamas said on Tuesday it would accept the deal.", "Precondition") == []
