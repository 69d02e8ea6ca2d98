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
