"""What ``Extractor._event`` makes of a speech verb whose speaker is unnamed (session 15): an
official, a source or a spokesman of a named side speaks for that side (the gold convention
"Unnamed officials of a named side"); a source of no side, or one vouching for an act, still
gives no statement. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, one, speakers


def test_an_unnamed_official_of_a_country_speaks_for_it():
    statement = one(events("On Tuesday an Israeli official said the gaps in the talks remained "
                           "wide."), "Statement")
    assert speakers(statement) == {"israel"}
    assert statement.date.edtf == "2024-03-12"
    assert statement.confidence >= 0.6


def test_an_unnamed_official_of_a_group_speaks_for_it():
    statement = one(events("A senior Hamas official said on Monday that the group would study "
                           "the proposal."), "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-11"


def test_sources_of_a_country_speak_for_it():
    statement = one(events("Egyptian sources said on Monday that the next round would be held "
                           "in Cairo."), "Statement")
    assert speakers(statement) == {"egypt"}


def test_a_spokesman_telling_reporters_after_another_verb_speaks_for_his_side():
    found = events("A Hamas spokesman brushed the report aside on Wednesday, telling reporters "
                   "that nothing had changed.")
    assert any(e.type == "Statement" and speakers(e) == {"hamas"} for e in found), \
        [(e.type, e.actors) for e in found]


def test_a_source_of_no_side_gives_no_statement():
    found = events("Officials said on Monday that the talks would resume. A source close to "
                   "the talks said on Tuesday that the gaps remained wide.")
    assert not [e for e in found if e.type == "Statement"]


def test_an_unnamed_official_vouching_for_an_act_gives_no_statement():
    found = events("The three women met their families on Monday, an Israeli official said.")
    assert not [e for e in found if e.type == "Statement"]


def test_an_unnamed_official_after_the_words_only_vouches_for_them():
    found = events("The gaps in the talks remain wide, an Israeli official said on Tuesday.")
    assert not [e for e in found if e.type == "Statement"]


def test_an_unnamed_official_before_the_words_of_an_act_speaks_for_his_side():
    found = events("An Israeli official said on Saturday that the three sides had agreed to "
                   "meet again in Cairo.")
    statement = one(found, "Statement")
    assert speakers(statement) == {"israel"}
    assert statement.date.edtf == "2024-03-09"
