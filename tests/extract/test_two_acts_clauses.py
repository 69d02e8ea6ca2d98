"""Two acts in one sentence where the rules proposed one: the second act, told in a clause of its
own, is its own event (session 16). Short sentences written for the test."""

from __future__ import annotations

from pathlib import Path

from kb.extract import known_actors
from tests.extract.sentences import events, one, speakers

# --- another's act in a clause of time or cause is no part of the words reported ----------------


def test_a_promise_told_in_an_after_clause_is_the_promisers_own_vow():
    found = events("Hamas said on Tuesday it would go ahead with the exchange, after Egypt and "
                   "Qatar promised to make Israel let the shelters in.")
    assert speakers(one(found, "Statement")) == {"hamas"}
    assert speakers(one(found, "Vow")) == {"egypt", "qatar"}


def test_a_demand_told_in_a_when_clause_is_the_demanders_own():
    found = events("Israel said on Monday that it would send a team to Cairo when Egypt urged "
                   "both sides to resume the talks.")
    assert speakers(one(found, "Demand")) == {"egypt"}
    assert speakers(one(found, "Statement")) == {"israel"}


def test_a_promise_inside_the_words_reported_still_types_the_saying():
    found = events("Hamas said on Tuesday that Egypt had promised to let the shelters in.")
    assert len(found) == 1 and speakers(found[0]) == {"hamas"}


# --- a deal announced and reached: the announcing and the parties' acceptance --------------------


def test_a_deal_told_as_reached_between_two_parties_is_their_acceptance_beside_the_announcing():
    found = events("Qatar said on Tuesday that an agreement had been reached between Israel and "
                   "Hamas.")
    assert speakers(one(found, "Statement")) == {"qatar"}
    accepted = one(found, "Acceptance")
    assert {a for a, role in accepted.actors if role == "responder"} == {"israel", "hamas"}
    assert accepted.date.edtf == "2024-03-12"


def test_a_deal_reached_through_a_mediator_is_an_acceptance_and_talks_reached_are_not():
    found = events("A deal on the prisoners was reached through Egypt on Monday.")
    assert one(found, "Acceptance").date.edtf == "2024-03-11"
    found = events("The talks reached through the night on Monday.")
    assert not [e for e in found if e.type == "Acceptance"]


# --- an offer coupled with a demand: two acts of the side that makes both -------------------------


def test_a_demand_coupled_with_an_offer_is_a_second_act_of_the_offering_side():
    found = events("On Monday Egypt conveyed an Israeli offer of a truce, coupled with a demand "
                   "that Hamas disarm.")
    assert speakers(one(found, "Demand")) == {"israel"}
    assert one(found, "Offer").date.edtf == one(found, "Demand").date.edtf == "2024-03-11"


def test_an_offer_and_a_demand_conveyed_together_are_two_events():
    found = events("On Monday Egypt conveyed an Israeli offer of a truce and a demand that Hamas "
                   "disarm.")
    assert sorted(e.type for e in found if e.type in ("Offer", "Demand")) == ["Demand", "Offer"]


def test_a_demand_coupled_with_an_offer_rejected_is_no_act_of_its_own():
    found = events("On Monday Hamas rejected the Israeli offer of a truce, coupled with a demand "
                   "that it disarm.")
    assert [e.type for e in found] == ["Rejection"]


# --- informing two people in phone calls: one call with each --------------------------------------


def test_informing_two_counterparts_in_phone_calls_is_one_call_with_each():
    found = events("Haniyeh informed Qatar's prime minister and Egypt's intelligence chief of the "
                   "group's approval in phone calls on Monday evening.")
    calls = [e for e in found if e.type == "Meeting"]
    assert len(calls) == 2
    assert all("haniyeh" in {a for a, _ in call.actors} for call in calls)
    assert {call.date.edtf for call in calls} == {"2024-03-11"}


def test_briefing_by_telephone_is_a_call_and_saying_in_a_call_is_no_meeting():
    found = events("Blinken briefed Egypt's foreign minister by telephone on Monday.")
    assert one(found, "Meeting").date.edtf == "2024-03-11"
    found = events("Blinken said in a phone call on Monday that talks would resume.")
    assert not [e for e in found if e.type == "Meeting"]


# --- an act told during a reception: the statement and the meeting ---------------------------------


def test_a_statement_made_during_a_reception_of_a_visitor_is_also_a_meeting():
    seeded = known_actors([Path(__file__).resolve().parents[2] / "seeds"])  # Sisi: a person
    found = events("President Sisi affirmed on Monday Egypt's rejection of any displacement, during "
                   "his reception at the palace of Her Excellency Ms. Annalena Baerbock.",
                   actors=seeded)
    assert one(found, "Meeting").date.edtf == "2024-03-11"
    assert one(found, "Statement").date.edtf == "2024-03-11"


def test_a_reception_point_is_no_meeting():
    found = events("The three freed hostages reached a reception point near Reim on Monday.")
    assert not [e for e in found if e.type == "Meeting"]


# --- a second speech verb of the same subject: its own act, its own type ---------------------------


def test_said_and_told_the_captors_they_would_be_spared_if_is_a_statement_and_an_offer():
    found = events("Netanyahu said on Thursday that the war was not over, and told the hostages' "
                   "captors they would be spared if they laid down their arms.")
    assert speakers(one(found, "Statement")) == {"netanyahu"}
    offer = one(found, "Offer")
    assert {a for a, role in offer.actors if role == "offerer"} == {"netanyahu"}
    assert offer.date.edtf == "2024-03-14"


def test_a_threat_without_a_condition_offered_stays_one_statement():
    found = events("Netanyahu said on Thursday that the war was not over, and told reporters the "
                   "army would keep fighting.")
    assert [e.type for e in found] == ["Statement"]


# --- a strike, then deaths told without a killer: the striker's killing beside the strike --------


def test_deaths_told_without_a_killer_after_a_strike_are_the_striker_s_killing():
    found = events("Israel struck a compound in Doha on Tuesday where Hamas leaders had gathered. "
                   "The group said its negotiating team survived, but six people were killed.")
    killing = one(found, "Killing")
    assert {a for a, role in killing.actors if role == "perpetrator"} == {"israel"}
    assert killing.date.edtf == one(found, "Attack").date.edtf == "2024-03-12"


def test_deaths_told_without_a_killer_far_from_any_strike_get_no_killer():
    found = events("Israel struck a compound in Doha on Tuesday. Qatar condemned it on Tuesday. "
                   "Six people were killed on Tuesday, the ministry said.")
    assert all("israel" not in {a for a, _ in e.actors} for e in found if e.type == "Killing")


def test_the_target_named_after_a_strike_is_an_attack_on_that_person_and_no_statement():
    found = events("Israel struck a compound west of Khan Younis on Saturday. The target, Israel "
                   "says, was Mohammed Deif, the commander of Hamas's armed wing.")
    attacks = [e for e in found if e.type == "Attack"]
    assert len(attacks) == 2
    on_target = next(e for e in attacks if any(r == "victim" for _, r in e.actors))
    assert {a for a, r in on_target.actors if r == "perpetrator"} == {"israel"}
    assert on_target.date.edtf == "2024-03-09"
    assert not [e for e in found if e.type == "Statement"]


def test_a_target_named_with_no_strike_before_makes_no_attack():
    found = events("Hamas met Egypt on Saturday. The target, Israel says, was Mohammed Deif.")
    assert not [e for e in found if e.type == "Attack"]
