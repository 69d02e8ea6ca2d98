"""When the events of a text happened, second round: the day a story is at, past the dates it
goes back to. Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one

# --- the backstory's day --------------------------------------------------------------------------


def test_the_war_s_first_day_long_past_does_not_move_the_day_the_story_is_at():
    found = events("CAIRO, March 14 (Wire) - Egypt hosted a new round of talks on Thursday. "
                   "The two soldiers were captured near the border on Oct. 7 and have not been "
                   "heard from since. Qatar's prime minister said the gaps were narrowing.")
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-14"
    assert ids(statement) == {"qatar"}
