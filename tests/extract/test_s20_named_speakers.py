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


# "it" or "they" inside a sentence, as a speech verb's subject, is the side the sentence opened
# with ("Hamas's armed wing has named the hostages it says it will free").

def test_it_inside_the_sentence_speaks_for_the_side_it_opened_with():
    said = _speakers("Qatar hosted the talks on Monday. Hamas's armed wing has named the "
                     "three hostages it says it will free on Saturday.")
    assert said == [{"Hamas"}]


def test_it_after_a_colon_speaks_for_the_party_the_sentence_opened_with():
    said = _speakers("Smotrich's party has drawn its own line: it has said it will stay in the "
                     "coalition only if the war resumes.", "Precondition")
    assert said == [{"Smotrich"}]


def test_it_opening_its_sentence_is_not_the_sentence_subject_rule():
    said = _speakers("Egypt hosted the talks on Monday. It said a deal was near.")
    assert said == [{"Egypt"}]


def test_a_person_the_sentence_opened_with_is_not_it():
    said = _speakers("Karim Haddad named the three hostages it says it will free on Saturday.")
    assert not any("Karim Haddad" in found for found in said)


def test_a_side_named_after_a_preposition_is_not_it():
    said = _speakers("In talks with Qatar, the mediators named the three hostages it says it "
                     "will free on Saturday.")
    assert not any("Qatar" in found for found in said)


def test_it_between_commas_is_not_the_side_the_sentence_opened_with():
    said = _speakers("Egypt said on Monday that the talks went well. Hamas was stalling again, "
                     "it said, and the mediators were losing patience.")
    assert not any(found == {"Hamas"} for found in said)
