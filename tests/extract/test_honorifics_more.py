"""Descriptions and spellings of known people, on short sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from kb.extract import KnownActor, extract

PEOPLE = [
    KnownActor("israel", "Israel", "country"),
    KnownActor("qatar", "Qatar", "country"),
    KnownActor("egypt", "Egypt", "country"),
    KnownActor("hamas", "Hamas", "organization"),
    KnownActor("dan-levi", "Benjamin Levi", "person", organizations=("israel",),
               titles=("Israeli Prime Minister",)),
    KnownActor("qatar-pm", "Al-Kuwari", "person", organizations=("qatar",),
               titles=("Qatari Prime Minister",)),
    KnownActor("egypt-fm", "Nabil Sabry", "person", organizations=("egypt",),
               titles=("Egyptian Foreign Minister",)),
]


@pytest.mark.parametrize(("who", "expected"), [
    ("the Israeli leader", "dan-levi"),
    ("Qatar's PM", "qatar-pm"),
    ("Egypt's top diplomat", "egypt-fm"),
    ("Prime Minister Binyamin Levi", "dan-levi"),
])
def test_a_description_or_spelling_finds_the_known_person(who, expected):
    found = extract(f"{who} met Hamas on Tuesday.", date(2024, 3, 15), actors=PEOPLE).events
    assert [expected in {a for a, _ in e.actors} for e in found] == [True]
