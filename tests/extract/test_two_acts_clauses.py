"""Two acts in one sentence where the rules proposed one: the second act, told in a clause of its
own, is its own event (session 16). Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, one, speakers

# --- another's act in a clause of time or cause is no part of the words reported ----------------


def test_a_promise_told_in_an_after_clause_is_the_promisers_own_vow():
    found = events("Hamas said on Tuesday it would go ahead with the exchange, after Egypt and "
                   "Qatar promised to make Israel let the shelters in.")
    assert speakers(one(found, "Statement")) == {"hamas"}
    assert speakers(one(found, "Vow")) == {"egypt", "qatar"}


def test_a_demand_told_in_a_when_clause_is_the_demanders_own():
    found = events("Israel said on Monday that it would send a team to Cairo when Egypt urged "
                   "both sides to resume the talks.")
    assert speakers(one(found, "Demand")) == {"egypt"}
    assert speakers(one(found, "Statement")) == {"israel"}


def test_a_promise_inside_the_words_reported_still_types_the_saying():
    found = events("Hamas said on Tuesday that Egypt had promised to let the shelters in.")
    assert len(found) == 1 and speakers(found[0]) == {"hamas"}
