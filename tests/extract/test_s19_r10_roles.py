"""Who took part in talks or a round the text tells opening, resuming or ending with no party
named (session 19, round 10): the parties of the talks told just before ("Israel and Hamas held
talks ... The talks resume today."), else the sides whose delegation, team or negotiators the
sentence names, or the sentence before in the same paragraph. Not talks that only date another
act ("Hours before the talks began"), not talks that are only stuck. Short texts written for the
test."""

from __future__ import annotations

from tests.extract.sentences import draft, names, of_type


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
