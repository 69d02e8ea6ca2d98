"""Events the rules found without an actor, session 16, on short texts written for the test: the
side a country's arms stand for ("Israeli aircraft pounded"), the body an "of" phrase names as
the doer of a noun's act ("the response of the Hamas movement"), the country of a delegation a
meeting noun falls back on. Each event must also score above ``kb extract``'s default minimum
confidence, so that a curator sees it."""

from __future__ import annotations

from kb.extract.draft import DEFAULT_MIN_CONFIDENCE
from tests.extract.sentences import events, ids, one


def test_a_country_s_aircraft_and_commandos_stand_for_it():
    attack = one(events("As Israeli aircraft and tanks pounded the camp on Saturday, the rescue "
                        "went on."), "Attack")
    assert ("israel", "perpetrator") in attack.actors
    assert attack.confidence >= DEFAULT_MIN_CONFIDENCE
    attack = one(events("Egyptian commandos stormed the building on Monday."), "Attack")
    assert ("egypt", "perpetrator") in attack.actors


def test_an_of_phrase_after_a_noun_names_whose_act_it_is():
    found = events("The response of the Hamas movement to the proposal was delivered to the "
                   "mediators on Saturday.")
    statement = next(e for e in found if e.cue[0] == "response")
    assert ("hamas", "speaker") in statement.actors
    assert statement.confidence >= DEFAULT_MIN_CONFIDENCE
    offer = one(events("The proposal of Egypt and Qatar was published on Monday."), "Offer")
    assert {"egypt", "qatar"} <= ids(offer)


def test_an_of_phrase_after_a_killing_or_release_names_who_it_was_done_to():
    killing = one(events("The killing of Ismail Haniyeh on Wednesday angered Qatar."), "Killing")
    assert ("ismail-haniyeh", "victim") in killing.actors
    assert not any(role == "perpetrator" for _, role in killing.actors)


def test_an_of_phrase_after_an_object_is_no_actor_of_the_noun():
    found = events("The talks on the release of Israeli hostages resumed on Monday.")
    assert all("israel" not in ids(e) for e in found if e.type == "Meeting")


def test_a_meeting_noun_falling_back_on_a_delegation_takes_its_country_too():
    found = events("A working-level Israeli delegation had been in Cairo since Tuesday, when "
                   "technical talks resumed.")
    meeting = one(found, "Meeting")
    assert "israel" in ids(meeting)
    assert meeting.confidence >= DEFAULT_MIN_CONFIDENCE


def test_the_dead_a_killing_names_after_its_count_are_its_victims():
    killing = one(events("Five people were killed in Khan Younis on Monday, including Mohammed "
                         "Deif."), "Killing")
    assert ("mohammed-deif", "victim") in killing.actors
    assert killing.confidence >= DEFAULT_MIN_CONFIDENCE
    killing = one(events("Six people were killed in Doha on Tuesday, among them a member of "
                         "Qatar's internal security force."), "Killing")
    assert ("qatar", "victim") in killing.actors
    assert not any(role == "perpetrator" for _, role in killing.actors)


def test_a_release_s_recipient_is_still_read_beside_the_named_freed():
    release = one(events("On Saturday three hostages were handed over to the Red Cross in Khan "
                         "Younis."), "HostageRelease")
    assert "red-cross" in ids(release)
