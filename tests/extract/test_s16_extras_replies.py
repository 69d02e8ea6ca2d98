"""Proposals a curator throws away: a reply handed over and a participle telling what it asks are
one event, not a reply and a demand (the gold convention 2 of benchmarks/devset/README.md: a reply
handed to the mediators is one event, typed by what it does); sentences written for the test."""

from __future__ import annotations

from kb.extract.draft import DEFAULT_MIN_CONFIDENCE
from tests.extract.sentences import events


def shown(text: str) -> list:
    """The events a curator sees in the draft (kb extract's default threshold)."""
    return [event for event in events(text) if event.confidence >= DEFAULT_MIN_CONFIDENCE]


def test_an_answer_asking_for_terms_is_one_reply():
    found = shown("Hamas handed Egypt its answer on Tuesday, asking for a full withdrawal from "
                  "the border towns.")
    assert [(event.type, event.date.edtf) for event in found] == [("Offer", "2024-03-12")]
    assert {actor for actor, _ in found[0].actors} >= {"hamas"}


def test_answered_accepting_but_asking_for_more_is_one_reply():
    found = shown("Hamas answered the Egyptian paper on Monday, accepting the first stage but "
                  "asking for guarantees on the second.")
    assert [(event.type, event.date.edtf) for event in found] == [("Acceptance", "2024-03-11")]


def test_a_reply_keeps_its_status_when_what_it_asks_is_to_come():
    found = shown("Israel delivered its reply to Qatar on Wednesday, asking for guarantees that "
                  "the pause would hold.")
    assert len(found) == 1
    assert found[0].type == "Offer" and found[0].status == "happened"


def test_a_demand_by_a_participle_without_a_reply_stays_a_demand():
    found = shown("Hamas issued a statement on Tuesday, asking for a full withdrawal from the "
                  "border towns.")
    assert "Demand" in {event.type for event in found}


def test_a_reply_and_another_sides_demand_stay_two_events():
    found = shown("Hamas handed Egypt its answer on Tuesday, and Israel called on Qatar to "
                  "press for a full withdrawal.")
    demands = [event for event in found if event.type == "Demand"]
    assert [{actor for actor, _ in event.actors} >= {"israel"} for event in demands] == [True]
    assert any(event.type != "Demand" and "hamas" in {actor for actor, _ in event.actors}
               for event in found)
