"""Unnamed speakers the cue finds but no side (session 18, round 7): an official described by a
clause after the noun ("A US official travelling with Blinken said") speaks for his side, not
for the person the clause names; "the same official said" speaks for the side the official
spoke for before. Short texts written for the test; the publication day is Thursday 14 March
2024."""

from __future__ import annotations

from tests.extract.sentences import events, ids, speakers


def statements(text: str) -> list:
    return [event for event in events(text) if event.type == "Statement"]


def test_an_official_travelling_with_a_minister_speaks_for_his_country():
    found = statements("A US official travelling with Blinken said Hamas must accept the proposal.")
    assert len(found) == 1
    assert speakers(found[0]) == {"united-states"}
    assert "antony-blinken" not in ids(found[0])


def test_an_official_of_another_country_travelling_with_a_minister_speaks_for_his_own():
    found = statements("A Qatari official travelling with Blinken told reporters Hamas must accept "
                       "the proposal.")
    assert len(found) == 1
    assert speakers(found[0]) == {"qatar"}
    assert "united-states" not in ids(found[0])


def test_the_same_official_speaks_for_the_side_he_spoke_for_before():
    found = statements("A senior Israeli official said on Saturday that the talks would resume. "
                       "This afternoon the same official said Hamas must accept the proposal.")
    assert [speakers(event) for event in found] == [{"israel"}, {"israel"}]
    assert "hamas" in ids(found[1])


def test_the_same_official_with_no_official_before_is_still_nobody():
    assert statements("The same official said Hamas must accept the proposal.") == []


def test_the_same_official_is_not_a_source_of_another_word_told_before():
    found = statements("An Egyptian source said Israel must withdraw. The same official said "
                       "Israel must withdraw from the crossing.")
    assert [speakers(event) for event in found] == [{"egypt"}]


def test_an_official_without_a_clause_still_speaks_for_his_country():
    found = statements("A US official said Hamas must accept the proposal.")
    assert [speakers(event) for event in found] == [{"united-states"}]


def test_a_condition_the_same_official_set_is_his_side_s():
    found = events("A Hamas official said today that the movement had approved a list of 34 "
                   "hostages. The same official said the releases would depend on an agreement "
                   "on an Israeli withdrawal from Gaza.")
    conditions = [event for event in found if event.sentences[0].startswith("The same official")]
    assert [speakers(event) for event in conditions] == [{"hamas"}]
