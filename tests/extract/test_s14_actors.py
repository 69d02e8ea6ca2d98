"""Who the actors of an event are and in which role, session 14, on short texts written for the
test: the sides of a meeting named on its verb, a subject the parser sets beside an opening
phrase, a body another runs."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one


def test_the_people_with_a_meeting_noun_s_verb_are_its_participants():
    found = events("Talks opened in Doha on Sunday with William Burns, Egypt's intelligence "
                   "chief, David Barnea and the Hamas team.")
    meeting = one(found, "Meeting")
    assert {"william-burns", "david-barnea", "hamas"} <= ids(meeting)
    assert meeting.date.edtf == "2024-03-10"
