"""One event per act (the gold conventions 3 and 6 of benchmarks/devset/README.md): a call with
two counterparts is two calls, unless the text says they were on one call; sentences written for
the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids


def meetings(text: str) -> list:
    return [event for event in events(text) if event.type == "Meeting"]


def test_a_call_to_two_counterparts_is_one_call_each():
    found = meetings("Pedro Alvarez phoned Omar Haddad and Lena Brandt on Tuesday to press "
                     "for a deal.")
    assert sorted(sorted(ids(event)) for event in found) == [
        ["lena-brandt", "pedro-alvarez"], ["omar-haddad", "pedro-alvarez"]]
    for event in found:
        assert event.date.edtf == "2024-03-12"
        assert any("one call per counterpart" in why for why in event.why)
        assert event.confidence >= 0.6


def test_spoke_by_telephone_with_one_and_with_another_is_two_calls():
    found = meetings("On Monday Lena Brandt spoke by telephone with Omar Haddad, and with "
                     "Pedro Alvarez, about the hostages.")
    assert sorted(sorted(ids(event)) for event in found) == [
        ["lena-brandt", "omar-haddad"], ["lena-brandt", "pedro-alvarez"]]
    assert {event.date.edtf for event in found} == {"2024-03-11"}


def test_conveyed_by_telephone_to_two_counterparts_is_two_calls():
    found = meetings("Omar Haddad conveyed the answer by telephone to Lena Brandt and to "
                     "Pedro Alvarez on Wednesday.")
    assert sorted(sorted(ids(event)) for event in found) == [
        ["lena-brandt", "omar-haddad"], ["omar-haddad", "pedro-alvarez"]]


def test_a_joint_call_stays_one_call():
    found = meetings("Pedro Alvarez held a joint call with Omar Haddad and Lena Brandt on "
                     "Tuesday.")
    assert len(found) == 1
    assert {"pedro-alvarez", "omar-haddad", "lena-brandt"} <= ids(found[0])
    assert not any("one call per counterpart" in why for why in found[0].why)


def test_phoned_them_together_stays_one_call():
    found = meetings("Pedro Alvarez phoned Omar Haddad and Lena Brandt together on Tuesday.")
    assert len(found) == 1
    assert {"omar-haddad", "lena-brandt"} <= ids(found[0])


def test_a_meeting_with_two_counterparts_stays_one_meeting():
    found = meetings("Pedro Alvarez met Omar Haddad and Lena Brandt in Cairo on Tuesday.")
    assert len(found) == 1
    assert {"pedro-alvarez", "omar-haddad", "lena-brandt"} <= ids(found[0])
