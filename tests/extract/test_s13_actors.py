"""Who the actors of an event are, on short texts written for the test: the interviewee of a
question-and-answer text, first-person possessives, officials without a name."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, ids, one

INTERVIEW = """Talks stall again over the exchange
Yusuf Karimi, a senior member of Hamas's negotiating team, on the state of the talks
By our correspondent in Beirut, 3 March 2025

We reached Yusuf Karimi by phone on Sunday evening.

Q: Where do the talks stand?
A: On Friday we rejected the new paper from the mediators. On Saturday Israel killed our \
colleague Tariq Mansour in a strike on his car.
"""


def test_the_person_an_interview_introduces_speaks_for_the_body_an_apposition_names():
    found = events(INTERVIEW, date(2025, 3, 3))
    rejection = one(found, "Rejection")
    assert "hamas" in ids(rejection)
    assert rejection.date.edtf == "2025-02-28"


def test_our_colleague_named_after_the_verb_is_the_victim_not_the_speaker():
    found = events(INTERVIEW, date(2025, 3, 3))
    killing = one(found, "Killing")
    assert ids(killing) == {"israel", "tariq-mansour"}
    assert killing.date.edtf == "2025-03-01"
