"""Speakers a sentence names (session 20, round 12). The words before a name are read within its
sentence: a preposition or a title that ends the sentence before on the same line ("... hosted
by President Joe Biden. On Sunday Hamas and Egypt said") says nothing of the next sentence's
subject. Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import speaker_names as _speakers


def test_the_preposition_of_the_sentence_before_is_not_the_subjects():
    said = _speakers("The talks were hosted by President Joe Biden. On Sunday Hamas and Egypt "
                     "said a deal was near.")
    assert {"Hamas", "Egypt"} in said


def test_a_preposition_in_the_same_sentence_still_counts():
    said = _speakers("On Sunday the talks hosted by President Joe Biden and Egypt ended, Hamas "
                     "said.")
    assert said == [{"Hamas"}]
