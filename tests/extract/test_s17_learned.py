"""Session 17: the sentence stage's new feature families (every verb's lemma, the main verb's
object) and the shipped models rebuilt on the doubled anchored gold."""

from __future__ import annotations

import json
from datetime import date

from kb.extract import extract
from kb.extract import sentence_stage as stage
from kb.extract.date_stage import MODEL_FILE as DATE_MODEL
from kb.extract.learned import MODEL_FILE as LEARNED_MODEL

PUBLISHED = date(2024, 3, 6)
ARTICLE = ("Talks in Cairo\n\n"
           "Egypt wants to keep the channel to Hamas open, officials said.\n"
           "Qatar handed Israel a new paper on Tuesday.\n")


def _reading_and_index(text: str, start: str):
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.0, sentence_model=False)
    reading = draft.reading
    index = next(s.index for s in reading.sentences if s.text.startswith(start))
    return draft, reading, index


def test_every_verb_of_a_sentence_is_a_feature_not_only_the_main_one():
    _, reading, index = _reading_and_index(ARTICLE, "Egypt wants")
    found = stage.features(reading, index, set())
    assert "verb:keep" in found and "verb:want" in found
    assert "verb:channel" not in found and "verb:egypt" not in found


def test_the_main_verbs_object_is_a_feature_by_its_lemma_and_a_name_by_its_kind():
    _, reading, index = _reading_and_index(ARTICLE, "Qatar handed")
    found = stage.features(reading, index, set())
    assert "object:paper" in found
    assert "object:PROPN" in found  # Israel, the dative: never the name itself
    assert not any(name.startswith("object:israel") for name in found)


def test_a_model_weighing_a_verb_feature_proposes_from_a_quiet_sentence():
    draft, reading, index = _reading_and_index(ARTICLE, "Egypt wants")
    sentence = next(s for s in reading.sentences if s.index == index)
    model = {"classes": [stage.NONE, "Effort"], "bias": [2.0, 0.0],
             "weights": {"verb:keep": [0.0, 5.0]}, "settings": {"threshold": 0.6}}
    others = [e for e in draft.events if sentence.text not in e.sentences]
    added = stage.propose(reading, others, model)
    assert [e.sentences for e in added] == [[sentence.text]]
    assert added[0].type == "Effort"
    assert "verb:keep" in added[0].why[0]
    # the same model without the verb's weight says nothing of the sentence
    quiet = dict(model, weights={})
    assert stage.propose(reading, others, quiet) == []


def test_the_shipped_models_were_trained_on_the_blind_sets_of_session_17():
    for path in (stage.MODEL_FILE, LEARNED_MODEL):
        trained = json.loads(path.read_text(encoding="utf-8"))["trained_on"]
        assert {f"devset{n}" for n in range(17, 26)} <= set(trained)
        assert not {"devset12", "devset4", "devset13", "devset14"} & set(trained)
        assert not any(name.startswith("unseen") for name in trained)
    assert json.loads(DATE_MODEL.read_text(encoding="utf-8"))["weights"]
