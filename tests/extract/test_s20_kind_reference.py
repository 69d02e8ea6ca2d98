"""A body referred to by its kind (session 20, round 13): "the foundation", "the office" is the
one body the article named before whose name's head noun is that kind ("the Northern Relief
Foundation" -> "the foundation"); nothing when two bodies of the kind were named, or none."""

from __future__ import annotations

from tests.extract.sentences import draft, names, of_type


def _speakers_of(text: str) -> list[set[str]]:
    result = draft(text)
    return [names(result, event) for event in of_type(result, "Statement")]


def test_the_foundation_said_is_the_one_foundation_named_before():
    found = _speakers_of("The Northern Relief Foundation opened two food sites in Rafah on "
                         "Monday.\n\nOn Tuesday the foundation said it would close both sites "
                         "for a day.")
    assert any("Northern Relief Foundation" in speakers for speakers in found), found


def test_the_office_said_is_the_one_office_named_before():
    found = _speakers_of("The Regional Coordination Office met the mediators on Monday.\n\n"
                         "On Tuesday the office said the talks had made no progress.")
    assert any("Regional Coordination Office" in speakers for speakers in found), found


def test_a_kind_shared_by_two_bodies_named_before_resolves_to_neither():
    text = ("The Northern Relief Foundation and the Southern Water Foundation opened sites in "
            "Rafah on Monday.\n\nOn Tuesday the foundation said it would close both sites.")
    result = draft(text)
    tuesday = [event for event in result.events if "close both" in event.sentences[0]]
    assert all(not names(result, event) & {"Northern Relief Foundation",
                                            "Southern Water Foundation"} for event in tuesday)


def test_a_generic_office_with_no_office_named_is_no_body():
    result = draft("Qatar hosted the talks on Monday.\n\nOn Tuesday the office said the talks "
                   "had made no progress.")
    assert all(actor.name.lower() not in ("office", "the office")
               for actor in result.actors.values())
    tuesday = [event for event in result.events if "no progress" in event.sentences[0]]
    assert all("Qatar" not in names(result, event) for event in tuesday)
