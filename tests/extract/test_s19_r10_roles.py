"""Who took part in a meeting the text names by a noun with no subject (session 19, round 10): the
people and bodies a verb of gathering after the noun names ("The meeting in Paris brought
together X and Y", "The talks, which were also attended by X"), or the bodies whose heads met
("a meeting between the heads of the CIA and the Mossad"). Not the names of another clause, not
what a war or a crisis "brought together". Short texts written for the test."""

from __future__ import annotations

from kb.extract import extract
from tests.extract.sentences import ACTORS, DAY


def draft(text: str):
    return extract(text, DAY, actors=ACTORS)


def names(result, event) -> set[str]:
    """The names of the actors ``event`` names, in any role."""
    return {result.actors[actor].name for actor, _ in event.actors}


def of_type(result, kind: str) -> list:
    return [event for event in result.events if event.type == kind]


def test_a_meeting_that_brought_together_named_people_is_theirs():
    result = draft("The Sunday meeting in Paris brought together CIA Director William Burns and "
                   "the head of the Mossad, David Barnea.")
    meetings = of_type(result, "Meeting")
    assert len(meetings) == 1
    assert {"William Burns", "David Barnea"} <= names(result, meetings[0])


def test_talks_attended_by_named_people_are_theirs():
    result = draft("The talks on Monday, which were also attended by Ronen Bar and David Barnea, "
                   "dealt with the hostages.")
    meetings = of_type(result, "Meeting")
    assert len(meetings) == 1
    assert {"Ronen Bar", "David Barnea"} <= names(result, meetings[0])


def test_a_meeting_between_the_heads_of_bodies_is_the_bodies():
    result = draft("The framework came out of a meeting on 28 January between the heads of the "
                   "CIA and the Mossad.")
    meetings = of_type(result, "Meeting")
    assert len(meetings) == 1
    assert {"CIA", "Mossad"} <= {name.removeprefix("the ") for name in names(result, meetings[0])}


def test_the_list_stops_where_another_clause_begins():
    result = draft("The meeting in Cairo brought together William Burns and David Barnea, "
                   "while Qatar stayed away.")
    meetings = of_type(result, "Meeting")
    assert len(meetings) == 1
    assert "Qatar" not in names(result, meetings[0])


def test_what_a_war_brought_together_is_no_meeting():
    result = draft("The war brought together Qatar and Egypt on Monday.")
    assert of_type(result, "Meeting") == []


def test_talks_that_resume_are_those_of_the_parties_of_the_talks_told_before():
    result = draft("Israel and Hamas held talks in Doha on Monday. The talks resume today.")
    later = [e for e in of_type(result, "Meeting") if e.sentences[0] == "The talks resume today."]
    assert len(later) == 1
    assert {"Israel", "Hamas"} <= names(result, later[0])


def test_a_round_that_ended_is_of_the_side_whose_delegation_the_sentence_names():
    result = draft("The last round, in Cairo, ended on 9 March without agreement after Israel's "
                   "delegation left the Egyptian capital.")
    rounds = of_type(result, "NegotiationRound")
    assert len(rounds) == 1
    assert "Israel" in names(result, rounds[0])


def test_talks_that_resumed_are_of_the_bodies_whose_team_left_for_them():
    result = draft("Indirect talks resumed in Cairo on Monday, and a team of Mossad officials "
                   "left for the Egyptian capital.")
    talks = of_type(result, "Meeting")
    assert len(talks) == 1
    assert any("Mossad" in name for name in names(result, talks[0]))


def test_talks_that_only_date_another_act_take_no_parties():
    result = draft("Israel and Hamas held talks in Doha on Monday. Hours before the talks began "
                   "again on Wednesday, Israeli tanks took the crossing.")
    later = [e for e in of_type(result, "Meeting") if "Hours before" in e.sentences[0]]
    assert all(not e.actors for e in later)


def test_talks_that_are_stuck_take_no_parties_from_before():
    result = draft("Israel and Hamas held talks in Doha on Monday. The talks have been stuck "
                   "since February.")
    later = [e for e in of_type(result, "Meeting") if "stuck" in e.sentences[0]]
    assert all(not e.actors for e in later)


def test_talks_that_opened_are_of_the_negotiators_the_sentence_before_named():
    result = draft("Hamas negotiators are sitting in the same Red Sea resort.\n"
                   "The indirect talks that opened in Sharm el-Sheikh on Monday are the closest "
                   "the two sides have come to a deal.")
    talks = [e for e in of_type(result, "Meeting") if "opened" in e.sentences[0]]
    assert len(talks) == 1
    assert "Hamas" in names(result, talks[0])


def test_negotiators_of_another_paragraph_are_not_taken():
    result = draft("Hamas negotiators are sitting in the same Red Sea resort.\n\n"
                   "The indirect talks that opened in Sharm el-Sheikh on Monday are the closest "
                   "the two sides have come to a deal.")
    talks = [e for e in of_type(result, "Meeting") if "opened" in e.sentences[0]]
    assert all(not e.actors for e in talks)
