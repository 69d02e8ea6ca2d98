"""Two events in one sentence (session 18, round 6), on short texts written for the test: a
meeting with counterparts met one after the other ("met A and then B") or apart ("held separate
talks with A and with B") is one meeting with each (the gold conventions 3 and 6). Beside each,
the near miss that must stay as it was."""

from __future__ import annotations

from tests.extract.sentences import events, ids


def _of(found: list, kind: str) -> list:
    return [event for event in found if event.type == kind]


# --- counterparts met in turn or apart ----------------------------------------------------------

def test_a_meeting_and_then_another_counterpart_are_two_meetings():
    found = _of(events("On Friday morning Antony Blinken met Benjamin Netanyahu and then spent two "
                       "hours with Yahya Sinwar."), "Meeting")
    assert sorted(map(sorted, map(ids, found))) == [
        ["antony-blinken", "benjamin-netanyahu"], ["antony-blinken", "yahya-sinwar"]]
    assert {event.date.edtf for event in found} == {"2024-03-08"}


def test_separate_talks_with_two_counterparts_are_two_meetings():
    found = _of(events("On Saturday Kamala Harris held separate talks with Benjamin Netanyahu and "
                       "with Yahya Sinwar."), "Meeting")
    assert sorted(map(sorted, map(ids, found))) == [
        ["benjamin-netanyahu", "kamala-harris"], ["kamala-harris", "yahya-sinwar"]]


def test_separate_talks_told_after_a_meeting_stay_apart_from_it():
    found = _of(events("On Saturday Kamala Harris met Benjamin Netanyahu. She also held separate "
                       "talks with Yahya Sinwar and with Yoav Gallant."), "Meeting")
    assert sorted(map(sorted, map(ids, found))) == [
        ["benjamin-netanyahu", "kamala-harris"], ["kamala-harris", "yahya-sinwar"],
        ["kamala-harris", "yoav-gallant"]]


def test_talks_with_two_counterparts_told_together_stay_one_meeting():
    found = _of(events("On Saturday Kamala Harris held talks with Benjamin Netanyahu and Yahya "
                       "Sinwar."), "Meeting")
    assert [ids(event) for event in found] == [
        {"kamala-harris", "benjamin-netanyahu", "yahya-sinwar"}]


def test_a_meeting_then_a_journey_stays_one_meeting():
    found = _of(events("On Friday Antony Blinken met Benjamin Netanyahu and Yoav Gallant, then "
                       "flew to Cairo."), "Meeting")
    assert [ids(event) for event in found] == [
        {"antony-blinken", "benjamin-netanyahu", "yoav-gallant"}]


# --- an act coordinated with a saying, beside its words -----------------------------------------

def test_a_quoted_saying_and_a_rejection_coordinated_with_it_are_two_acts():
    found = events('On Monday Benjamin Netanyahu said "there is not a deal in the making" and '
                   "rejected a claim by an American official.")
    assert sorted(event.type for event in found) == ["Rejection", "Statement"]
    assert all(ids(event) == {"benjamin-netanyahu"} for event in found)


def test_words_then_a_comma_and_yet_an_acceptance_are_two_acts():
    found = events('On Monday Benjamin Netanyahu called the plan "unrealistic", yet agreed to send '
                   "the delegation.")
    assert sorted(event.type for event in found) == ["Acceptance", "Statement"]


def test_a_saying_that_reports_its_own_acceptance_stays_the_acceptance():
    found = events("On Monday Hamas said it had accepted the proposal and rejected the plan.")
    assert sorted(event.type for event in found) == ["Acceptance", "Rejection"]


# --- an act told as one besides another ---------------------------------------------------------

def test_a_demand_made_equally_is_a_second_demand():
    found = _of(events("On Monday Egypt demanded an immediate ceasefire. Egypt called equally for "
                       "the immediate delivery of aid."), "Demand")
    assert len(found) == 2
    assert [event.sentences for event in found] == [
        ["On Monday Egypt demanded an immediate ceasefire."],
        ["Egypt called equally for the immediate delivery of aid."]]


def test_a_meeting_held_separately_is_not_the_meeting_told_before():
    found = _of(events("On Monday Joe Biden and Kamala Harris met Benjamin Netanyahu at the White "
                       "House. Kamala Harris met Netanyahu separately, in her office."), "Meeting")
    assert len(found) == 2
    assert ["Kamala Harris met Netanyahu separately, in her office."] in [
        event.sentences for event in found]


def test_a_demand_told_again_without_such_a_word_stays_one():
    found = _of(events("On Monday Egypt demanded an immediate ceasefire. Egypt's demand was "
                       "rejected."), "Demand")
    assert len(found) == 1
