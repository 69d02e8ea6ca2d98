"""The type of an act chosen by what its clause does, where a sentence holds one act and the rules
read it as another (session 16). Short sentences written for the test."""

from __future__ import annotations

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
