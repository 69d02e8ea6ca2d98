"""Speakers a sentence names (session 20, round 12). The words before a name are read within its
sentence: a preposition or a title that ends the sentence before on the same line ("... hosted
by President Joe Biden. On Sunday Hamas and Egypt said") says nothing of the next sentence's
subject. Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import draft, of_type, speakers


def _speakers(text: str, kind: str = "Statement") -> list[set[str]]:
    result = draft(text)
    return [{result.actors[actor].name for actor in speakers(event)}
            for event in of_type(result, kind)]


def test_the_preposition_of_the_sentence_before_is_not_the_subjects():
    said = _speakers("The talks were hosted by President Joe Biden. On Sunday Hamas and Egypt "
                     "said a deal was near.")
    assert {"Hamas", "Egypt"} in said


def test_a_preposition_in_the_same_sentence_still_counts():
    said = _speakers("On Sunday the talks hosted by President Joe Biden and Egypt ended, Hamas "
                     "said.")
    assert said == [{"Hamas"}]


# A surname alone opening a sentence, of a person the article named in full before, is that
# person, though the tagger reads a word ending in "s" there as a plural noun ("Guterres").

def test_a_surname_opening_a_sentence_speaks_for_the_one_named_in_full():
    said = _speakers("Antonio Guterres arrived in Cairo on Wednesday.\n\nGuterres told the "
                     "council on Thursday that the crossings must open.")
    assert said == [{"Antonio Guterres"}]


def test_a_surname_opening_a_sentence_on_the_same_line():
    said = _speakers("UN Secretary-General Antonio Guterres arrived in Cairo on Wednesday. "
                     "Guterres said on Thursday that the crossings must open.")
    assert said == [{"Antonio Guterres"}]


def test_a_surname_nobody_was_named_with_opens_no_actor():
    said = _speakers("Guterres said on Thursday that the crossings must open.")
    assert not any("Antonio Guterres" in found for found in said)


def test_the_one_told_is_no_speaker():
    said = _speakers("Antonio Guterres arrived in Cairo on Wednesday.\n\nHamas told Guterres on "
                     "Thursday that the crossings must open.")
    assert said == [{"Hamas"}]


def test_the_one_who_was_told_is_no_speaker():
    said = _speakers("Antonio Guterres arrived in Cairo on Wednesday.\n\nGuterres was told on "
                     "Thursday that the crossings would stay shut.")
    assert not any("Antonio Guterres" in found for found in said)


def test_a_surname_inside_the_quotation_is_no_speaker():
    said = _speakers("Antonio Guterres arrived in Cairo on Wednesday.\n\n\"Guterres is wrong "
                     "about the crossings,\" Hamas said on Thursday.")
    assert said == [{"Hamas"}]
