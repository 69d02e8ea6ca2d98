"""Who the actors of an event are, on short texts written for the test (session 17, shapes of
fresh text): the one who held a news conference put before its clause, a resolution's text
speaking for the council that adopted it, "HE" (His Excellency) before a post, the holder of a
post "of" a body named in an apposition, and places named like people (a military base, "Air Force
One", "Pearl Harbor")."""

from __future__ import annotations

from kb.extract import extract
from tests.extract.sentences import ACTORS, DAY, events, ids, one, speakers


def test_a_news_conference_put_before_its_clause_is_held_by_the_clauses_subject():
    found = events("At a news conference on Monday evening, Yair Golan rejected calls for a halt "
                   "to the fighting.")
    conference = one(found, "PressConference")
    assert ids(conference) == {"yair-golan"}
    assert conference.date.edtf == "2024-03-11"
    assert ids(one(found, "Rejection")) == {"yair-golan"}


def test_a_meeting_put_before_its_clause_is_the_subjects_and_keeps_its_own_counterpart():
    meeting = one(events("During a meeting with Egypt on Tuesday, Qatar urged Hamas to accept the "
                         "proposal."), "Meeting")
    assert ids(meeting) == {"qatar", "egypt"}


def test_talks_during_which_strikes_killed_people_are_not_the_strikes_side():
    found = events("During the ceasefire talks in Cairo on Monday, Israeli strikes killed 20 "
                   "people in Gaza.")
    assert all("israel" not in ids(event) for event in found if event.type == "Meeting")


def test_a_setting_after_the_verb_is_not_read_as_put_before_it():
    # "rejected calls at a news conference": the conference is still the subject's, found by the
    # rules that read a setting after its verb (unchanged)
    found = events("Yair Golan rejected calls for a halt to the fighting at a news conference on "
                   "Monday evening.")
    assert "yair-golan" in ids(one(found, "PressConference"))


COUNCIL = """The Security Council adopted a resolution on Friday after a week of delays.

The text, drafted by the United Arab Emirates, calls for urgent steps to let aid reach Gaza. It \
also demands the immediate release of all hostages held by Hamas.
"""


def test_a_resolutions_text_asks_in_the_voice_of_the_council_that_adopted_it():
    draft = extract(COUNCIL, DAY, actors=ACTORS)
    council = next(actor.id for actor in draft.actors.values() if actor.name == "Security Council")
    demands = [event for event in draft.events if event.type == "Demand"]
    asked = [event for event in demands if "urgent steps" in event.sentences[0]
             or "release of all hostages" in event.sentences[0]]
    assert asked, [(e.type, e.sentences, e.actors) for e in draft.events]
    assert all(council in {actor for actor, _ in event.actors} for event in asked)


def test_a_text_that_is_no_resolution_of_a_named_body_gets_no_council():
    # no council or assembly named: "the text" stays nobody's
    found = events("Negotiators met in Cairo on Monday. The text calls for a six-week pause.")
    assert all(not any("council" in actor for actor in ids(event)) for event in found)


def test_what_a_resolution_welcomes_is_no_act_of_the_council():
    found = events("The Security Council adopted a resolution on Friday. The text welcomes the "
                   "proposal of 31 May.")
    assert not any(event.type == "Statement" and "welcomes" in event.cue[0] for event in found)


def test_he_before_a_post_is_his_excellency_not_an_actor_named_he():
    text = ("Qatar welcomed the decisions, and HE the Secretary-General of the Arab League, Ahmed "
            "Aboul Gheit, said the three countries had placed themselves on the right side of "
            "history.")
    draft = extract(text, DAY, actors=ACTORS)
    assert not any(actor.name.lower() == "he" for actor in draft.actors.values())


def test_the_holder_of_a_post_of_a_body_named_in_apposition_speaks():
    statement = one(events("The Secretary-General of the Arab League, Ahmed Aboul Gheit, said "
                           "on Wednesday that the three countries were on the right side of "
                           "history."), "Statement")
    assert "ahmed-aboul-gheit" in speakers(statement)
    assert statement.date.edtf == "2024-03-13"


def test_an_air_base_and_the_presidents_aircraft_are_places_not_people():
    text = ("Speaking to reporters aboard Air Force One on Wednesday, Trump said Israel should "
            "hit back. Later, at Joint Base Andrews, he greeted the freed hostages.")
    draft = extract(text, DAY, actors=ACTORS)
    names = {actor.name for actor in draft.actors.values()}
    assert not names & {"Air Force One", "Base Andrews", "Joint Base Andrews"}


def test_a_named_military_base_overrun_is_no_victim_of_its_own():
    draft = extract("Gunmen overran the Nahal Oz base on Saturday and seized soldiers.", DAY,
                    actors=ACTORS)
    assert all(draft.actors[actor].name != "Nahal Oz"
               for event in draft.events for actor, _ in event.actors)


def test_a_name_ending_in_a_kind_of_place_is_no_victim():
    draft = extract("Golan likened the moment to the attack on Pearl Harbor.", DAY, actors=ACTORS)
    assert all(draft.actors[actor].name != "Pearl Harbor"
               for event in draft.events for actor, _ in event.actors)
