"""Proposals a curator throws away: a ceasefire already in force, named as what is broken, kept,
extended or running out ("it broke the ceasefire", "resumed enforcing the ceasefire", "before
the truce was due to run out"), is no new ceasefire; sentences written for the test."""

from __future__ import annotations

from kb.extract.draft import DEFAULT_MIN_CONFIDENCE
from tests.extract.sentences import events


def types(text: str) -> list[str]:
    """The types of the events a curator sees in the draft (kb extract's default threshold)."""
    return [event.type for event in events(text) if event.confidence >= DEFAULT_MIN_CONFIDENCE]


def test_a_ceasefire_broken_is_no_new_ceasefire():
    assert "Ceasefire" not in types("On Tuesday night Israel broke the ceasefire and struck "
                                    "Rafah.")


def test_a_ceasefire_enforced_again_is_no_new_ceasefire():
    found = types("Israel said on Wednesday it had resumed enforcing the ceasefire in Gaza.")
    assert "Ceasefire" not in found
    assert "Statement" in found


def test_a_truce_running_out_is_no_new_truce():
    found = types("Qatar said on Monday that Israel and Hamas had agreed to add two days, hours "
                  "before the four-day truce was due to run out.")
    assert "Ceasefire" not in found


def test_a_ceasefire_taking_effect_stays_a_ceasefire():
    found = types("Israel and Hamas said the ceasefire took effect on Sunday morning.")
    assert "Ceasefire" in found


def test_a_truce_agreed_stays_a_ceasefire():
    assert "Ceasefire" in types("Egypt said on Tuesday that a truce between Israel and Hamas "
                                "began at dawn.")
