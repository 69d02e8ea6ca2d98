"""Shapes of news English that benchmarks/devset8 (written before the extractor ran on it) showed
the extractor misread. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one

# --- names ------------------------------------------------------------------------------------


def test_a_middle_initial_is_no_part_of_a_new_person_s_name():
    from kb.extract import extract
    from tests.extract.sentences import DAY
    draft = extract("President Harry S. Walker met Hamas on Monday. On Tuesday Walker left.", DAY,
                    actors=[])
    meeting = one(draft.events, "Meeting")
    walker = next(a for a in ids(meeting) if "walker" in a)
    assert "Harry Walker" in draft.actors[walker].aliases


def test_a_middle_initial_counts_for_nothing_against_a_known_name():
    from kb.extract import KnownActor
    from tests.extract.sentences import ACTORS
    known = [*ACTORS, KnownActor("harry-walker", "Harry Walker", "person")]
    assert "harry-walker" in ids(one(events("Harry S. Walker met Hamas on Monday.", actors=known),
                                     "Meeting"))
