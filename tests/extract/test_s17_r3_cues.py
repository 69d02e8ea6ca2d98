"""Speech verbs whose speaker the rules missed, so that no event was drafted from them (session
17, round 3), on short texts written for the test: a body of a side named by a demonym ("the
Russian foreign ministry said"), a spokesman for such a body ("a spokesman for the Egyptian
presidency denied"), and a named subject set beside a title whose second verb speaks ("The
ambassador, X, spoke after the vote and said"). Unnamed sources of no side still speak for no
one."""

from __future__ import annotations

from tests.extract.sentences import events, one, speakers


def _statements(text: str) -> list:
    return [event for event in events(text) if event.type == "Statement"]


def test_a_ministry_named_by_its_countrys_demonym_speaks_for_the_country():
    said = one(events("The Russian foreign ministry said on Wednesday the contacts were held in "
                      "Moscow."), "Statement")
    assert speakers(said) == {"russia"}
    assert said.date.edtf == "2024-03-13"


def test_a_spokesman_for_a_presidency_named_by_a_demonym_speaks_for_the_country():
    denied = one(events("In Cairo, a spokesman for the Egyptian presidency denied on Wednesday "
                        "a report that Hamas had left the talks."), "Statement")
    assert speakers(denied) == {"egypt"}
    assert denied.date.edtf == "2024-03-13"


def test_a_government_of_no_named_side_speaks_for_no_one():
    assert _statements("The government said the talks would resume next week.") == []


def test_a_spokesman_of_two_sides_speaks_for_neither():
    assert _statements("A spokesman for the Egyptian and Jordanian presidencies said the talks "
                       "would resume next week.") == []
    assert _statements("The Egyptian and Jordanian governments said on Wednesday the talks would "
                       "resume.") == []


def test_the_named_subject_beside_a_title_speaks_with_its_second_verb():
    said = one(events("The Palestinian ambassador, Riyad Mansour, spoke after the vote of a "
                      "historic day and said the Palestinians would keep knocking on the doors."),
               "Statement")
    assert speakers(said) == {"riyad-mansour"}


def test_an_unnamed_official_with_two_verbs_still_speaks_for_no_one():
    assert _statements("An official spoke to reporters after the meeting and said the talks "
                       "had failed.") == []


def test_a_sides_official_with_two_verbs_speaks_for_the_side():
    said = one(events("A Hamas official spoke to reporters after the meeting and said the talks "
                      "had failed."), "Statement")
    assert speakers(said) == {"hamas"}


def test_an_act_of_speech_before_an_unnamed_attribution_is_the_actors_own():
    welcomed = one(events("Benjamin Netanyahu on Wednesday welcomed Egypt's readiness to help "
                          "advance a deal, the office said."), "Statement")
    assert speakers(welcomed) == {"benjamin-netanyahu"}
    assert welcomed.date.edtf == "2024-03-13"


def test_an_act_of_speech_told_by_an_unnamed_source_after_its_verb_stays_its_words():
    assert _statements("An official said Benjamin Netanyahu had welcomed Egypt's readiness to "
                       "help advance a deal.") == []


def test_a_named_speaker_joined_with_an_unnamed_body_speaks():
    announced = one(events("On Tuesday Hamas and the families' forum announced his death."),
                    "Statement")
    assert speakers(announced) == {"hamas"}
    assert announced.date.edtf == "2024-03-12"


def test_an_unnamed_body_alone_still_speaks_for_no_one():
    assert _statements("On Tuesday the families' forum announced his death.") == []
