"""Proposals a curator throws away: a title in quotation marks over an interview or a feature is
its headline, not a sentence of the story; sentences written for the test."""

from __future__ import annotations

from kb.extract.draft import DEFAULT_MIN_CONFIDENCE
from tests.extract.sentences import events

BODY = ("Hamas said on Tuesday that it had accepted the Egyptian proposal. We asked Omar Haddad, "
        "a member of its political bureau, what comes next.")


def shown(text: str) -> list:
    """The events a curator sees in the draft (kb extract's default threshold)."""
    return [event for event in events(text) if event.confidence >= DEFAULT_MIN_CONFIDENCE]


def test_a_quoted_title_over_an_interview_proposes_nothing():
    found = shown('"We accepted. Now it is up to Israel to say yes"\n'
                  "Omar Haddad on the Egyptian proposal\n\n" + BODY)
    assert not any(sentence.startswith('"We accepted') for event in found
                   for sentence in event.sentences)
    assert [event.type for event in found] == ["Acceptance"]
    assert found[0].date.edtf == "2024-03-12"


def test_the_quoted_title_is_read_as_the_headline():
    found = events('"We accepted. Now it is up to Israel to say yes"\n\n' + BODY)
    titled = [event for event in found if event.sentences[0].startswith('"We accepted')]
    assert titled and all(event.confidence <= 0.15 for event in titled)
    assert all("from the headline" in event.why for event in titled)


def test_a_quotation_that_is_the_whole_text_stays_the_story():
    found = shown('"Hamas accepted the Egyptian proposal on Tuesday"')
    assert [event.type for event in found] == ["Acceptance"]
