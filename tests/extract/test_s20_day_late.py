"""Session 20 (round 13): an act in the past perfect that one side says another side had done,
with no date of its own ("Hamas said on Friday that Israel had rejected the proposal"), was done
by the time of the saying, often the day before: it is dated by the week up to the saying, not by
the saying's day alone (which put it one day late)."""

from datetime import date

import pytest

from kb.extract import extract

FRIDAY = date(2024, 5, 10)


def _events(text: str, kind: str) -> list:
    return [e for e in extract(text, FRIDAY).events if e.type == kind]


def _edtfs(text: str, kind: str) -> list[str]:
    return [e.date.edtf for e in _events(text, kind)]


@pytest.mark.parametrize("text", [
    "Hamas said on Friday that Israel had rejected the ceasefire proposal of the mediators.",
    "Hamas said early on Friday that its team had left Cairo because Israel had in practice "
    "rejected the ceasefire proposal.",
    "On Friday morning, the Prime Minister's Office released a statement saying Hamas had "
    "rejected the proposal.",
])
def test_an_act_another_side_had_done_is_dated_up_to_the_saying(text: str) -> None:
    rejections = _events(text, "Rejection")
    assert rejections, "the rejection is still drafted"
    for rejection in rejections:
        assert rejection.date.edtf == "2024-05-04/2024-05-10"  # the day before is in it
        assert "up to the saying" in (rejection.date.note or "")


def test_the_saying_itself_keeps_its_day() -> None:
    text = "Hamas said on Friday that Israel had rejected the ceasefire proposal of the mediators."
    assert "2024-05-10" in _edtfs(text, "Statement")


@pytest.mark.parametrize("text, kind, edtf", [
    # a simple past act of the saying's day does not move
    ("Hamas said on Friday that Israel rejected the ceasefire proposal of the mediators.",
     "Rejection", "2024-05-10"),
    ("Hamas said on Friday it accepted the ceasefire proposal of the mediators.",
     "Acceptance", "2024-05-10"),
    # an act with a date of its own keeps it
    ("Hamas said on Friday that Israel had rejected the ceasefire proposal on Tuesday.",
     "Rejection", "2024-05-07"),
    # a side telling its own act tells it that day (the telling is the act)
    ("Hamas said on Friday that it had accepted the ceasefire proposal of the mediators.",
     "Acceptance", "2024-05-10"),
    ("Israel said on Friday that it had killed Omar Haddad in an air strike.",
     "Killing", "2024-05-10"),
    # an agreement a mediator tells as reached is dated by the telling
    ("Qatar's prime minister said on Friday that Israel and Hamas had agreed to a ceasefire.",
     "Acceptance", "2024-05-10"),
])
def test_what_must_not_move(text: str, kind: str, edtf: str) -> None:
    assert _edtfs(text, kind) == [edtf]
