"""Definite descriptions and their referents, session 15, on short texts written for the test:
"the army" or "the military" is the army of the one side whose forces the article has named (or
of the one country it named that has a known army), nobody's across two sides; a bare "His
Excellency" is the one person the article has named after that honorific, nobody's when two."""

from __future__ import annotations

from kb.extract import extract
from kb.extract.known import KnownActor
from tests.extract.sentences import ACTORS, DAY, one, speakers

IDF = KnownActor("idf", "Israel Defense Forces", "organization", ("IDF",))
WITH_ARMY = [*ACTORS, IDF]


def draft(text: str, actors: list = ACTORS):
    return extract(text, DAY, actors=actors)


def named(result) -> set[tuple[str, str]]:
    """The draft's actors the text mentions, as (id, name)."""
    return {(actor.id, actor.name) for actor in result.actors.values() if actor.mentions}


def test_the_army_after_a_side_s_troops_is_that_side():
    result = draft("Israeli troops entered the eastern part of Rafah on Monday. On Tuesday the "
                   "army said it had found the bodies of three hostages.")
    statement = one(result.events, "Statement")
    assert speakers(statement) == {"israel"}
    assert statement.date.edtf == "2024-03-12"
    assert statement.why == ["speech cue 'said'", "dated by its own words"]


def test_the_military_is_the_known_army_of_the_only_country_with_one():
    result = draft("Israel's cabinet met on Monday to weigh the proposal. On Tuesday the military "
                   "said it had struck a Hamas tunnel in Khan Younis.", WITH_ARMY)
    assert ("idf", "Israel Defense Forces") in named(result)
    attack = one(result.events, "Attack")
    assert ("idf", "perpetrator") in attack.actors
    assert attack.date.edtf == "2024-03-12"


def test_the_army_is_nobody_s_when_two_sides_forces_were_named():
    result = draft("Egyptian troops and Israeli troops were deployed on either side of the border "
                   "on Monday. On Tuesday the army said it had closed the crossing.", WITH_ARMY)
    assert ("idf", "Israel Defense Forces") not in named(result)
    assert not [e for e in result.events if e.type == "Statement"]


def test_the_army_is_nobody_s_before_the_article_names_a_side():
    result = draft("The army said on Tuesday that it had closed the crossing.", WITH_ARMY)
    assert named(result) == set()
    assert result.events == []


def test_the_military_wing_is_no_army():
    result = draft("Israel's cabinet met on Monday. The military wing of Hamas said on Tuesday "
                   "that it had fired rockets at Ashkelon.", WITH_ARMY)
    assert ("idf", "Israel Defense Forces") not in named(result)


def test_a_bare_his_excellency_is_the_person_named_after_it():
    result = draft("His Excellency Sheikh Mohammed bin Abdulrahman Al-Thani met the Egyptian "
                   "foreign minister in Doha on Tuesday. His Excellency stated that the talks "
                   "had reached a critical stage.")
    statement = one(result.events, "Statement")
    assert speakers(statement) == {"mohammed-bin-abdulrahman-al-thani"}
    assert ("mohammed-bin-abdulrahman-al-thani", "Mohammed bin Abdulrahman Al-Thani") in \
        named(result)
    assert statement.why[0] == "speech cue 'stated'"


def test_a_bare_his_excellency_after_two_is_nobody():
    result = draft("His Excellency Sheikh Mohammed bin Abdulrahman Al-Thani met His Excellency "
                   "Mr. Sameh Shoukry in Doha on Tuesday. His Excellency stated that the talks "
                   "had reached a critical stage.")
    assert not [e for e in result.events if e.type == "Statement"]


def test_a_bare_his_excellency_before_any_is_nobody():
    result = draft("His Excellency stated on Tuesday that the talks had reached a critical stage.")
    assert result.events == []
