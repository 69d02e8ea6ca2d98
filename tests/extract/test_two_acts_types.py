"""The type of an act chosen by what its clause does, where a sentence holds one act and the rules
read it as another (session 16). Short sentences written for the test."""

from __future__ import annotations

from pathlib import Path

from kb.extract import known_actors
from tests.extract.sentences import events, one, speakers

# --- an order to one's own people is a statement, not a demand -----------------------------------


def test_a_leader_instructing_his_own_military_makes_a_statement_not_a_demand():
    found = events("Netanyahu instructed the military on Sunday not to hold its fire.")
    assert not [e for e in found if e.type == "Demand"]
    assert speakers(one(found, "Statement")) == {"netanyahu"}


def test_telling_one_s_own_army_to_prepare_is_a_statement():
    found = events("Defence Minister Israel Katz responded on Monday, telling the army to prepare "
                   "for any scenario in Gaza.")
    assert not [e for e in found if e.type == "Demand"]
    assert one(found, "Statement").date.edtf == "2024-03-11"


def test_telling_another_side_s_people_to_move_stays_a_demand():
    found = events("Israel told 100,000 people on Monday to move south.")
    assert speakers(one(found, "Demand")) == {"israel"}


# --- words reported that oblige another side: a demand -------------------------------------------


def test_saying_that_another_side_must_act_is_a_demand():
    found = events("Netanyahu told his cabinet on Sunday that Hamas must lay down its weapons.")
    assert speakers(one(found, "Demand")) == {"netanyahu"}
    assert not [e for e in found if e.type == "Statement"]


def test_saying_that_one_s_own_side_must_act_or_that_hostages_must_be_freed_stays_a_statement():
    seeded = known_actors([Path(__file__).resolve().parents[2] / "seeds"])  # Netanyahu: Israel's
    for text in ("Netanyahu said on Sunday that Israel must win the war.",
                 "Netanyahu said on Sunday that the hostages must be released."):
        found = events(text, actors=seeded)
        assert not [e for e in found if e.type == "Demand"], text
        assert speakers(one(found, "Statement")) == {"benjamin-netanyahu"}


def test_an_order_to_the_military_after_a_statement_of_the_same_leader_is_an_act_of_its_own():
    found = events("Netanyahu's office said the ceasefire would not start on time. Netanyahu "
                   "instructed the military not to hold its fire until the list arrives.")
    statements = [e for e in found if e.type == "Statement"]
    assert len(statements) == 2, [(e.sentences, e.actors) for e in found]


def test_two_sentences_of_one_saying_stay_one_statement():
    found = events("Netanyahu's office said the ceasefire would not start on time. Netanyahu "
                   "also said the list had not arrived.")
    assert len([e for e in found if e.type == "Statement"]) == 1


# --- an outlet quoting an unnamed official of a side: the side's statement -------------------------


def test_an_outlet_quoting_an_unnamed_official_of_a_side_tells_that_side_s_statement():
    found = events("Al Qahera News quoted an Egyptian official on Monday as saying that talks had "
                   "resumed in Doha.")
    assert not [e for e in found if e.type == "MediaReport"]
    assert speakers(one(found, "Statement")) == {"egypt"}


def test_an_outlet_quoting_diplomats_of_no_named_side_stays_its_report():
    found = events("Reuters quoted two diplomats on Monday as saying the talks had stalled.")
    assert not [e for e in found if e.type == "Statement"]
    one(found, "MediaReport")


# --- refusing any talks until a condition is met: a precondition -----------------------------------


def test_rejecting_any_negotiation_before_the_war_ends_is_a_precondition():
    found = events("Hamas said on Monday that it rejected any negotiation on a prisoner exchange "
                   "before the aggression had come to a complete end.")
    assert not [e for e in found if e.type == "Rejection"]
    assert speakers(one(found, "Precondition")) == {"hamas"}


def test_rejecting_a_proposal_stays_a_rejection():
    found = events("Hamas rejected the Israeli proposal on Monday before the talks ended.")
    assert one(found, "Rejection").date.edtf == "2024-03-11"


# --- a proposal said to fall far short of one's demands: a rejection, no demand -------------------


def test_saying_a_proposal_fell_far_short_of_one_s_demands_is_a_rejection_and_no_demand():
    found = events("Israel's war cabinet said on Monday the proposal fell far short of Israel's "
                   "essential demands.")
    assert [e.type for e in found] == ["Rejection"]
    assert found[0].date.edtf == "2024-03-11"


# --- asking someone to act: a demand, the asker's own act ----------------------------------------


def test_calling_two_leaders_and_asking_them_to_act_is_also_a_demand():
    found = events("On Monday Biden called the Emir of Qatar and asked him to press Hamas to "
                   "accept.")
    assert one(found, "Demand").date.edtf == "2024-03-11"
    assert one(found, "Meeting").date.edtf == "2024-03-11"


def test_asking_nobody_or_asking_how_is_no_demand():
    for text in ("Nobody has asked us on Monday to close the office.",
                 "Qatar's prime minister asked on Monday how mediation could succeed.",
                 "Biden did not ask Qatar on Monday to expel anyone."):
        assert not [e for e in events(text) if e.type == "Demand"], text
