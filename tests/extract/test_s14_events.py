"""Which events the extractor proposes, in shapes that benchmarks/devset9-11 (written blind) showed
it missed or joined (session 14): a death of wounds, an act told with "also" or "further" beside
another of the same kind. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one


def test_dying_of_wounds_is_a_killing_of_its_subject():
    killing = one(events("Sergeant Yoav Levin died of his wounds in hospital on Tuesday."),
                  "Killing")
    assert [role for actor, role in killing.actors if "levin" in actor] == ["victim"]
    assert killing.date.edtf == "2024-03-12"


def test_succumbing_to_injuries_is_a_killing_of_its_subject():
    killing = one(events("Rami Haddad succumbed to his injuries on Monday, his family said."),
                  "Killing")
    assert [role for actor, role in killing.actors if "haddad" in actor] == ["victim"]
    assert killing.date.edtf == "2024-03-11"


def test_a_further_call_is_a_second_demand():
    found = events("On Tuesday Egypt called on Israel to halt its offensive. It further called "
                   "upon the international community to intervene at once.")
    demands = [e for e in found if e.type == "Demand"]
    assert len(demands) == 2
    assert all("egypt" in ids(d) for d in demands)
    assert demands[0].date.edtf == "2024-03-12"
    assert demands[1].date.earliest == demands[0].date.earliest


def test_words_said_also_are_the_same_statement():
    found = events("On Tuesday Qatar said the talks had made progress. Qatar also said that "
                   "the next round would be held in Doha.")
    assert [e.type for e in found].count("Statement") == 1
