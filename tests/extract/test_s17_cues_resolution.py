"""What a resolution says is its body's act (session 17): "The Security Council passed a resolution
... It also asks X to ..., and demands Y" gives the council's demands, each an act of its own, on
the resolution's day. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, speakers

PASSED = "The Security Council passed a resolution on Gaza on Tuesday. "


def _demands(found: list) -> list:
    return [e for e in found if e.type == "Demand"]


def test_it_after_a_resolution_is_the_council_speaking():
    found = events(PASSED + "The vote was close. It also asks Egypt to open the crossing.")
    asks = [e for e in _demands(found) if "asks" in e.sentences[0]]
    assert len(asks) == 1
    assert speakers(asks[0]) == {"security-council"}
    assert asks[0].date.edtf != "2024-03-14"  # not the article's day


def test_two_verbs_after_also_are_two_demands_of_the_council():
    found = events(PASSED + "The vote was close. It also asks Egypt to open the crossing, and "
                   "demands the release of all hostages.")
    later = [e for e in _demands(found) if e.sentences[0].startswith("It also")]
    assert len(later) == 2
    assert all(speakers(e) == {"security-council"} for e in later)


def test_it_after_another_side_spoke_is_that_side():
    found = events(PASSED + "Hamas welcomed the resolution on Wednesday. It said on Wednesday "
                   "that Israel must withdraw.")
    said = [e for e in found if e.sentences[0].startswith("It said")]
    assert said and all("security-council" not in speakers(e) for e in said)


def test_it_far_after_a_resolution_is_not_the_council():
    filler = "The talks went on. " * 7
    found = events(PASSED + filler + "It also asks Egypt to open the crossing.", min_confidence=0)
    asks = [e for e in found if "asks" in e.sentences[0]]
    assert all("security-council" not in speakers(e) for e in asks)


# --- a draft voted down: the council turns down its sponsor --------------------------------------


def test_a_draft_that_failed_to_win_enough_votes_is_the_council_s_rejection():
    found = events("On Tuesday an Egyptian draft resolution failed to win enough votes in the "
                   "Security Council.")
    rejection = [e for e in found if e.type == "Rejection"]
    assert len(rejection) == 1
    roles = dict((role, actor) for actor, role in rejection[0].actors)
    assert roles.get("responder") == "security-council"
    assert roles.get("subject") == "egypt"
    assert rejection[0].date.edtf == "2024-03-12"


def test_a_side_that_failed_to_win_support_abroad_is_no_rejection():
    found = events("On Tuesday Hamas failed to win support in Cairo.", min_confidence=0)
    assert not [e for e in found if e.type == "Rejection"]


# --- envoys summoned: a meeting of the side that summons them ------------------------------------


def test_ambassadors_to_be_summoned_meet_the_side_that_says_so():
    found = events("Israel said on Tuesday that the ambassadors of the three countries would be "
                   "summoned to Jerusalem for a reprimand.")
    meeting = [e for e in found if e.type == "Meeting"]
    assert len(meeting) == 1
    assert "israel" in {actor for actor, _ in meeting[0].actors}


def test_summoning_the_spanish_ambassador_is_a_meeting():
    found = events("On Tuesday Israel summoned the Spanish ambassador.")
    assert [e.type for e in found] == ["Meeting"]


# --- "The text, put forward by X, demands ...": X's demand, no offer -----------------------------


def test_a_text_put_forward_by_a_side_demands_as_that_side():
    found = events("The vote is today. The text, put forward by Egypt and Qatar, demands an "
                   "immediate ceasefire.")
    assert not [e for e in found if e.type == "Offer"]
    demand = [e for e in found if e.type == "Demand"]
    assert len(demand) == 1
    assert {"egypt", "qatar"} <= speakers(demand[0])


def test_a_plan_put_forward_by_a_side_is_still_an_offer():
    found = events("On Tuesday Egypt put forward a plan for a truce.")
    assert [e.type for e in found] == ["Offer"]
