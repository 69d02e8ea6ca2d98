"""Merges that join two events the gold keeps apart (session 19): the demands of a statement's
numbered points are one act each (the gold convention 6), while its plain statements stay one
statement; sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids

COMMUNIQUE = (
    "The Northern League issued a communique on Tuesday after its summit in Valdora.\n"
    "First: We condemn the shelling of the port and the killing of civilians.\n"
    "Second: We demand that the blockade of the port be lifted at once.\n"
    "Third: We demand that the Council send observers to the border crossings.\n"
    "Fourth: We affirm our support for the talks between the two sides.\n")


def demands(text: str) -> list:
    return [event for event in events(text) if event.type in ("Demand", "Precondition")]


def test_two_numbered_points_that_demand_are_two_demands():
    found = demands(COMMUNIQUE)
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert [event.sentences[0][:7] for event in found] == ["Second:", "Third: "]
    for event in found:
        assert len(event.sentences) == 1  # each cites its own point only


def test_the_points_of_a_digit_numbered_list_are_apart_too():
    text = ("The Northern League said in a statement on Tuesday:\n"
            "1. We demand that the crossing at Ostrel be opened in both directions.\n"
            "2. We call on the mediators to compel the other side to respect the truce.\n")
    found = demands(text)
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert {event.sentences[0][:2] for event in found} == {"1.", "2."}


def test_the_statements_of_numbered_points_stay_one_statement():
    statements = [event for event in events(COMMUNIQUE) if event.type == "Statement"
                  and any(s.startswith(("First:", "Fourth:")) for s in event.sentences)]
    assert len(statements) == 1, [(e.sentences, e.actors) for e in statements]
    assert len(statements[0].sentences) == 2


def test_a_bulleted_point_with_no_number_is_still_its_own_demand():
    text = ("The Northern League said in a statement on Tuesday:\n"
            "- We demand that the blockade of the port be lifted.\n"
            "- We demand that observers be sent to the crossings.\n")
    found = demands(text)
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert all(ids(event) for event in found)
