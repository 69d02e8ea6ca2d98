"""Proposals a curator throws away: what someone hopes for or wants, and what is named as an aim,
did not happen ("he hoped to see a ceasefire in place", "the hostages whom Israel wanted freed",
"freeing the hostages was among his tasks"); sentences written for the test."""

from __future__ import annotations

from kb.extract.draft import DEFAULT_MIN_CONFIDENCE
from tests.extract.sentences import events


def types(text: str) -> list[str]:
    """The types of the events a curator sees in the draft (kb extract's default threshold)."""
    return [event.type for event in events(text) if event.confidence >= DEFAULT_MIN_CONFIDENCE]


def test_a_ceasefire_hoped_for_is_no_ceasefire():
    found = types("Egypt said on Tuesday that it hoped to see a ceasefire in place before the "
                  "holiday.")
    assert "Ceasefire" not in found
    assert "Statement" in found  # what Egypt said stays


def test_hostages_a_side_wanted_freed_were_not_freed():
    found = types("Hamas said on Monday it had approved a list of hostages whom Israel wanted "
                  "freed in the first stage.")
    assert "HostageRelease" not in found


def test_a_release_named_among_the_aims_is_no_release():
    found = types("Egypt set out its aims on Wednesday: ending the fighting and freeing the "
                  "hostages were, its minister said, among the tasks of the coming month.")
    assert "HostageRelease" not in found


def test_a_release_told_beside_a_hope_stays_a_release():
    found = types("Hamas freed three hostages on Tuesday, and Qatar said it hoped the talks "
                  "would go on.")
    assert "HostageRelease" in found


def test_a_demand_that_wants_a_release_stays_a_demand():
    found = types("Israel demanded on Tuesday that Hamas free the hostages it wants home.")
    assert "Demand" in found
