"""Who acts when the text names an actor by a definite description (session 19, round 8): "the
army" / "the military" that says, warns or strikes is the armed forces of the side whose forces
the text has named most ("Israeli troops", "Lebanese soldiers"), else those of the country it has
named most; not "the army radio", not a side nobody named. Short texts written for the
test."""

from __future__ import annotations

from kb.extract.known import KnownActor
from tests.extract.sentences import ACTORS, draft, names, of_type

IDF = KnownActor(id="idf", name="Israel Defense Forces", type="organization", aliases=("IDF",))



def test_the_army_that_speaks_is_the_army_of_the_side_whose_troops_were_named():
    result = draft("Israeli troops entered Rafah on Monday.\n\n"
                   "The army said on Tuesday that two soldiers had been killed in the fighting.")
    statement = of_type(result, "Statement")
    assert len(statement) == 1
    assert {"Israeli army", "Israel"} <= names(result, statement[0])


def test_the_army_is_the_known_army_of_that_side_when_the_knowledge_base_has_it():
    result = draft("Israeli strikes hit Khan Younis on Monday.\n\n"
                   "The army warned on Tuesday that it would use unprecedented force.",
                   known=[*ACTORS, IDF])
    threat = of_type(result, "Threat")
    assert len(threat) == 1
    assert "Israel Defense Forces" in names(result, threat[0])


def test_another_country_whose_soldiers_were_named_has_its_own_army():
    result = draft("Lebanese troops deployed in the south on Monday.\n\n"
                   "The army said on Tuesday it had taken over the border posts.")
    statement = of_type(result, "Statement")
    assert len(statement) == 1
    assert "Lebanese army" in names(result, statement[0])
    assert "Israel" not in names(result, statement[0])


def test_the_side_whose_forces_were_named_most_wins_over_a_passing_mention():
    result = draft("Israeli troops entered Rafah on Monday. Israeli tanks reached the crossing.\n\n"
                   "American bombers struck Iran on Sunday.\n\n"
                   "The army announced on Tuesday that seven soldiers had been killed.",
                   known=[*ACTORS, IDF])
    statement = of_type(result, "Statement")
    assert len(statement) == 1
    assert "Israel Defense Forces" in names(result, statement[0])
    assert "United States" not in names(result, statement[0])


def test_with_no_forces_named_the_army_is_that_of_the_country_named_most():
    result = draft("Israel and Hamas agreed on Monday to extend the truce. Israel will free "
                   "prisoners.\n\nThe army said on Tuesday that one of the bodies was not that "
                   "of a hostage.", known=[*ACTORS, IDF])
    statement = of_type(result, "Statement")
    assert len(statement) == 1
    assert "Israel Defense Forces" in names(result, statement[0])


def test_the_army_in_a_text_that_names_no_side_stays_unnamed():
    result = draft("The army said on Tuesday that two soldiers had been killed in the fighting.")
    assert not of_type(result, "Statement")
    assert all(not event.actors for event in result.events)


def test_a_compound_with_army_is_no_reference_to_the_army():
    result = draft("Israeli troops entered Rafah on Monday.\n\n"
                   "The army radio said on Tuesday that talks would resume in Cairo.")
    statement = of_type(result, "Statement")
    assert all("Israeli army" not in names(result, event) for event in statement)


def test_bare_soldiers_killed_are_the_army_of_the_side_the_text_set_up():
    result = draft("Israeli troops entered Rafah on Monday.\n\n"
                   "Two soldiers were killed on Tuesday in Rafah.")
    killing = of_type(result, "Killing")
    assert len(killing) == 1
    assert "Israeli army" in names(result, killing[0])


def test_soldiers_with_an_owner_are_not_the_army_of_another_side():
    result = draft("Israeli troops entered Rafah on Monday.\n\n"
                   "Hamas fighters attacked a post on Tuesday.")
    attack = of_type(result, "Attack")
    assert len(attack) == 1
    assert "Israeli army" not in names(result, attack[0])
    assert "Hamas" in names(result, attack[0])
