"""Session 20 (round 12): a killing told by a verb whose doer the sentence names only as the side
of its means ("were killed in an Israeli air strike", "Israeli air and artillery fire killed 25
people"). Without it the killing had no actor and scored below the default threshold."""

from datetime import date

import pytest

from kb.extract import extract

DAY = date(2024, 5, 6)


def _killings(text: str) -> list:
    draft = extract(text, DAY)
    return [e for e in draft.events if e.type == "Killing"]


def _doers(text: str) -> set[str]:
    return {a for e in _killings(text) for a, role in e.actors if role == "perpetrator"}


@pytest.mark.parametrize("text", [
    "On Monday at least 40 people were killed in an Israeli air strike on a camp in Rafah.",
    "Medics said on Monday that 12 people had been killed in Israeli strikes on Khan Younis.",
    "On Monday Israeli air and artillery fire killed at least 25 people in Gaza City.",
    "Twelve people were killed on Monday in Israel's strikes on the camp.",
    "Hamas said on Monday that the Israeli raid on the Nuseirat camp killed 270 people.",
    "The talks opened hours after an Israeli air strike on a school on Monday in which at least "
    "30 people were killed.",
])
def test_the_side_of_the_means_did_the_killing(text: str) -> None:
    assert "israel" in _doers(text)
    killing = next(e for e in _killings(text) if ("israel", "perpetrator") in e.actors)
    assert killing.confidence >= 0.2  # now drafted by `kb extract` at its default threshold
    assert any("whose means the sentence names" in p for p in killing.parsed)


@pytest.mark.parametrize("text", [
    # the victims' side is not the doer
    "On Monday two Israeli hostages were killed in a strike on a tunnel in Rafah.",
    # nor the target's
    "On Monday two people were killed in a rocket strike on an Israeli town.",
    "On Monday two people were killed in Israeli towns hit by rockets.",
    # a place is not a party, nor a side named in another clause
    "On Monday 12 people were killed in a strike in Rafah, Egyptian medics said.",
    "Israeli officials met on Monday after 12 people were killed in a strike on a market.",
])
def test_no_doer_from_a_side_that_is_not_the_means(text: str) -> None:
    assert _killings(text) and not _doers(text)
    assert all(e.confidence < 0.2 for e in _killings(text))
