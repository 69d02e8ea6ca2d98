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


# --- several acts of one actor on one day: one event each (convention 6) -------------------------

def demands(text: str) -> list:
    return [event for event in events(text) if event.type == "Demand"]


def test_an_order_and_a_call_of_one_court_in_one_sentence_are_two_demands():
    found = demands("Egypt on Tuesday urged Israel to open the crossing and called for the "
                    "release of the hostages.")
    assert len(found) == 2
    assert {event.date.edtf for event in found} == {"2024-03-12"}
    assert [event.cue[0] for event in found] == ["urged", "called for"]
    assert all("egypt" in ids(event) for event in found)
    assert all(len(event.sentences) == 1 for event in found)


def test_in_the_same_ruling_is_another_demand_on_the_rulings_day():
    found = demands("The Northern Tribunal on Friday ordered Israel to halt the offensive in "
                    "Rafah. In the same ruling the Northern Tribunal called for the immediate "
                    "release of the hostages.")
    assert len(found) == 2
    assert [event.date.edtf for event in found] == ["2024-03-08", "2024-03-08"]
    assert any("the day of the act it goes on from" in why for why in found[1].why)
    assert "israel" not in ids(found[1])


def test_a_demand_retold_in_the_next_sentence_stays_one_event():
    found = demands("The Northern Tribunal on Friday ordered Israel to halt the offensive in "
                    "Rafah. The Northern Tribunal called for an end to the offensive.")
    assert len(found) == 1
    assert len(found[0].sentences) == 2


def test_in_the_same_statement_more_words_stay_one_statement():
    found = [event for event in events(
        "Hamas said on Monday it had received the proposal. In the same statement Hamas said "
        "it would study it.") if event.type == "Statement"]
    assert len(found) == 1
    assert len(found[0].sentences) == 2


def test_a_resolution_passed_demanding_a_truce_is_one_demand():
    found = demands("On Monday the Security Council passed a resolution demanding an immediate "
                    "ceasefire.")
    assert len(found) == 1


# --- two sentences telling one act are one event (convention 6) ---------------------------------

def test_an_acceptance_told_by_two_sources_on_one_day_is_one_acceptance():
    found = [event for event in events(
        "Israel accepted the new text on Wednesday, Egyptian officials said. On Wednesday the "
        "White House said Israel had accepted the new text.") if event.type == "Acceptance"]
    assert len(found) == 1
    assert found[0].date.edtf == "2024-03-13"
    assert ids(found[0]) == {"israel"}
    assert len(found[0].sentences) == 2
    assert any("mentioned in 2 sentences" in why for why in found[0].why)


def test_acceptances_told_on_two_days_stay_two():
    found = [event for event in events(
        "Israel accepted the new text on Wednesday, Egyptian officials said. On Tuesday the "
        "White House said Israel had accepted the new text.") if event.type == "Acceptance"]
    assert sorted(event.date.edtf for event in found) == ["2024-03-12", "2024-03-13"]


# --- told acts: a killing the speaker announces is a killing and a statement (convention 5) ----

def test_a_killing_the_killer_announces_is_a_killing_and_a_statement():
    found = events("Israel said on Tuesday that it had killed Omar Haddad in an air strike.")
    assert sorted(event.type for event in found) == ["Killing", "Statement"]
    killing = next(event for event in found if event.type == "Killing")
    statement = next(event for event in found if event.type == "Statement")
    assert {("israel", "perpetrator"), ("omar-haddad", "victim")} <= set(killing.actors)
    assert ("israel", "speaker") in statement.actors
    assert killing.date.edtf == statement.date.edtf == "2024-03-12"


def test_a_strike_the_striker_tells_stays_one_attack():
    found = events("Israel said on Tuesday that its jets had struck rocket launchers in the "
                   "south.")
    assert [event.type for event in found] == ["Attack"]


def test_an_acceptance_the_accepter_tells_stays_one_acceptance():
    found = events("Hamas told the mediators on Monday that it accepted their proposal.")
    assert [event.type for event in found] == ["Acceptance"]
