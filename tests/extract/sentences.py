"""What the extractor's tests on short sentences share: the known actors, a publication day (a
Thursday), the draft of a text and its events, the one event of a kind among them (or all of
them), and an event's actors (all of them, their names, or its speakers)."""

from __future__ import annotations

from datetime import date

from kb.extract import extract
from tests.support import known_actors

ACTORS = known_actors()
DAY = date(2024, 3, 14)  # a Thursday


def draft(text: str, known: list = ACTORS):
    """The whole draft of ``text``, published on :data:`DAY`."""
    return extract(text, DAY, actors=known)


def events(text: str, published: date = DAY, actors: list = ACTORS, **options) -> list:
    return extract(text, published, actors=actors, **options).events


def of_type(result, kind: str) -> list:
    """The events of ``kind`` in a draft."""
    return [event for event in result.events if event.type == kind]


def names(result, event) -> set[str]:
    """The names of the actors ``event`` names, in any role."""
    return {result.actors[actor].name for actor, _ in event.actors}


def one(found: list, kind: str):
    matching = [event for event in found if event.type == kind]
    assert len(matching) == 1, [(e.type, e.sentences, e.actors, e.date.edtf) for e in found]
    return matching[0]


def ids(event) -> set[str]:
    """The ids of the actors ``event`` names, in any role."""
    return {actor for actor, _ in event.actors}


def speakers(event) -> set[str]:
    """The ids of the actors ``event`` names as speakers."""
    return {actor for actor, role in event.actors if role == "speaker"}


def speaker_names(text: str, kind: str = "Statement") -> list[set[str]]:
    """For each event of ``kind`` in the draft of ``text``, the names of its speakers."""
    result = draft(text)
    return [{result.actors[actor].name for actor in speakers(event)}
            for event in of_type(result, kind)]
