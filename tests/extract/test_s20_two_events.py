"""Two sayings of one speaker in two sentences (session 20): a statement told with "also" or
"further" on a verb that does more than go on with the words ("He also accused ...", "also
welcomed ...", "also confirmed ...") is a second statement, an act of its own (the gold
convention 6); "He also said ...", "also told ...", "also stressed ..." go on with the saying
told before, one statement. Sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, speakers


def statements(text: str) -> list:
    return [event for event in events(text) if event.type == "Statement"]


def test_also_accused_in_the_next_sentence_is_a_second_statement():
    found = statements("Qatar said on Tuesday that the talks in Doha had made progress. "
                       "It also accused Israel of slowing the exchange of lists.")
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert [len(event.sentences) for event in found] == [1, 1]
    assert all("qatar" in speakers(event) for event in found)


def test_also_welcomed_is_a_second_statement():
    found = statements("Egypt said on Monday that a new round would open next week. "
                       "Egypt also welcomed the return of the Israeli team to Cairo.")
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert found[1].sentences[0].startswith("Egypt also welcomed")


def test_also_said_goes_on_with_the_saying_before():
    found = statements("Qatar said on Tuesday that the talks in Doha had made progress. "
                       "It also said that the gaps on the prisoners remained wide.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
    assert len(found[0].sentences) == 2


def test_also_stressed_goes_on_with_the_saying_before():
    found = statements("Egypt said on Monday that a new round would open next week. "
                       "Egypt also stressed that the crossing would stay open.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
    assert len(found[0].sentences) == 2


def test_a_plain_second_saying_without_also_stays_one_statement():
    found = statements("Qatar said on Tuesday that the talks in Doha had made progress. "
                       "The gaps on the prisoners remained wide, Qatar said.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
