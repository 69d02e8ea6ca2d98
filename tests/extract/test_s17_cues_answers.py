"""Conditions an interviewee or a transcript's speaker sets with no "we" and no speech verb
(session 17): "A: A ceasefire cannot be complete unless ...", "Netanyahu: ... That is a necessary
condition." Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids

INTERVIEW = ("Majed al-Ansari, spokesman of Qatar's foreign ministry, spoke to us in Doha on "
             "Thursday.\n\nQ: Is the war over?\n\n")
PRESSER = ("Prime Minister Benjamin Netanyahu faced reporters on Tuesday evening in Tel Aviv."
           "\n\nQ: What do you need?\n\n")


def _conditions(found: list) -> list:
    return [e for e in found if e.type == "Precondition"]


def test_an_answer_that_a_ceasefire_cannot_be_complete_unless_is_a_condition():
    found = events(INTERVIEW + "A: A ceasefire cannot be complete unless there is a full "
                   "withdrawal.")
    conditions = _conditions(found)
    assert len(conditions) == 1
    assert "majed-al-ansari" in ids(conditions[0])


def test_the_same_words_told_by_the_writer_set_no_condition():
    found = events("A ceasefire cannot be complete unless there is a full withdrawal, the "
                   "mediators have long argued.", min_confidence=0)
    assert not _conditions(found)


def test_a_necessary_condition_in_a_speaker_s_turn_is_his_dated_by_the_exchange():
    found = events(PRESSER + "Netanyahu: Israel must keep control of the border. That is a "
                   "necessary condition.")
    conditions = _conditions(found)
    assert len(conditions) == 1
    assert "benjamin-netanyahu" in ids(conditions[0])
    assert conditions[0].date.earliest.isoformat() == "2024-03-12"


def test_a_condition_reported_as_necessary_upgrades_the_saying():
    found = events("On Tuesday Egypt said a full withdrawal was a necessary condition.")
    assert [e.type for e in found] == ["Precondition"]
