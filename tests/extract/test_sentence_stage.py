"""The sentence stage: an event from a sentence the rules proposed nothing from, where a model
(here one written for the test, then the shipped one) says it asserts one."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from kb.errors import KBError
from kb.extract import extract
from kb.extract import sentence_stage as stage
from kb.extract.cli import extract_command
from kb.load import load
from kb.paths import ONTOLOGY_DIR
from kb.store import open_kb

PUBLISHED = date(2024, 3, 6)
#: The rules propose the meetings of the second and third sentences; the fourth and fifth have no
#: cue of theirs; the fifth names no actor.
ARTICLE = ("Mediators press on with Gaza talks\n\n"
           "Egyptian mediators met the Hamas delegation on 3 March, officials said.\n"
           "Egypt sat down with the Hamas delegation in Cairo on 4 March.\n"
           "Qatar and Egypt kept the channel open with Hamas through the night.\n"
           "The mood was described as calm.\n")
KEPT = "Qatar and Egypt kept the channel open with Hamas through the night."
#: A model taught in the test: a sentence whose main verb is "keep" is an Effort, one whose
#: main verb is "describe" a Statement, anything else none; a sentence of the lexicon's meeting
#: cue would be a Meeting (the rules propose from it: the stage never reads it).
MODEL = {"classes": [stage.NONE, "Effort", "Meeting", "Statement"], "bias": [2.0, 0.0, 0.0, 0.0],
         "weights": {"root:keep": [0.0, 5.0, 0.0, 0.0], "root:describe": [0.0, 0.0, 0.0, 5.0],
                     "lexicon:Meeting": [0.0, 0.0, 6.0, 0.0]},
         "settings": {"threshold": 0.6}}


@pytest.fixture
def taught(monkeypatch):
    monkeypatch.setattr(stage, "load_model", lambda path=stage.MODEL_FILE: MODEL)


def test_a_quiet_sentence_the_model_is_sure_of_becomes_an_event_with_its_actors_and_date(taught):
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2, sentence_model=True)
    added = [e for e in draft.events if e.cue[0] == stage.CUE]
    assert len(added) == 1
    event = added[0]
    assert event.type == "Effort"
    assert event.sentences == [KEPT]
    start = ARTICLE.index(KEPT)
    assert event.sentence_span == (start, start + len(KEPT))
    names = {draft.actor_name(actor): role for actor, role in event.actors}
    assert names == {"Qatar": "participant", "Egypt": "participant", "Hamas": "participant"}
    # no date of its own: the article's date before it (4 March) up to the publication
    assert event.date.earliest == date(2024, 3, 4) and event.date.latest == PUBLISHED
    assert event.date.from_context
    # P(event) = 1 - e^2 / (e^2 + e^5 + 2): the confidence, and the why says what made it
    p_event = 1 - 7.389 / (7.389 + 148.41 + 2)
    assert event.confidence == round(p_event, 2)
    assert event.why[0].startswith(f"learned sentence model: p(event) {p_event:.2f}, "
                                   "p(Effort | event) 0.99; features root:keep")


def test_a_sentence_without_an_actor_or_with_a_proposal_gives_none(taught):
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2, sentence_model=True)
    texts = [e.sentences[0] for e in draft.events]
    assert not any(text.startswith("The mood") for text in texts)  # no actor: no proposal
    meetings = [e for e in draft.events if e.type == "Meeting"]
    assert len(meetings) == 2 and all(e.cue[0] != stage.CUE for e in meetings)


def test_the_sentences_own_date_and_subject_make_the_proposal(taught):
    text = ("Talks update\n\nQatar kept its line to Hamas open on 2 March, while Israel "
            "waited.\n")
    draft = extract(text, PUBLISHED, min_confidence=0.2, sentence_model=True)
    event = next(e for e in draft.events if e.cue[0] == stage.CUE)
    assert event.date.edtf == "2024-03-02" and event.date.text.startswith("2 March")
    assert event.actors[0] == ("qatar", "participant")


def test_below_the_threshold_or_with_the_stage_off_nothing_is_added(taught, monkeypatch):
    off = extract(ARTICLE, PUBLISHED, min_confidence=0.2, sentence_model=False)
    assert not any(e.cue[0] == stage.CUE for e in off.events)
    monkeypatch.setattr(stage, "load_model",
                        lambda path=stage.MODEL_FILE: {**MODEL, "settings": {"threshold": 0.99}})
    on = extract(ARTICLE, PUBLISHED, min_confidence=0.2, sentence_model=True)
    assert [e.sentences for e in on.events] == [e.sentences for e in off.events]


def test_a_sentence_whose_rules_proposal_is_left_out_is_read(taught):
    """At a minimum confidence above the rules' meetings, their sentences are quiet: the stage
    reads them (and the taught model calls them meetings)."""
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.9, sentence_model=True)
    assert sorted(e.type for e in draft.events) == ["Effort", "Meeting", "Meeting"]
    assert all(e.cue[0] == stage.CUE for e in draft.events)


def test_a_draft_with_the_stage_loads_and_says_why(tmp_path, taught):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    output, empty = tmp_path / "article.yaml", tmp_path / "none"
    empty.mkdir()  # no known actors: the draft declares its own
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2024-03-06",
                                                  "--actors", str(empty), "--sentences",
                                                  "--output", str(output)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(output.read_text(encoding="utf-8"))
    entry = next(e for e in draft["events"] if e["draft"]["cue"]["text"] == stage.CUE)
    assert entry["type"] == "Effort" and "todo" not in entry
    assert entry["draft"]["why"][0].startswith("learned sentence model: p(event)")
    with open_kb(tmp_path / "store") as kb:
        load(kb, [ONTOLOGY_DIR, output])


def test_a_missing_or_corrupt_model_file_says_which_and_how_to_rebuild_it(tmp_path):
    with pytest.raises(KBError, match=r"none\.json: the sentence stage's model file is missing "
                                      r"\(rebuild it with: python benchmarks/"
                                      r"train_sentences\.py --write"):
        stage.load_model(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(KBError, match=r"broken\.json: the sentence stage's model file cannot "
                                      r"be read"):
        stage.load_model(broken)
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"classes": [], "bias": [], "weights": {}}), encoding="utf-8")
    with pytest.raises(KBError, match=r"partial\.json: the sentence stage's model file lacks"):
        stage.load_model(partial)


def test_the_shipped_model_loads_and_names_only_features_the_stage_computes():
    model = stage.load_model()
    assert stage.NONE in model["classes"] and 0 < model["settings"]["threshold"] < 1
    families = {"word", "negation", "modal", "condition", "root", "root_pos", "tense", "reported",
                "passive", "subject", "quote", "question", "actors", "actor", "times", "time",
                "time_tense", "lexicon", "kind", "position", "previous", "length"}
    assert {name.split(":", 1)[0] for name in model["weights"]} <= families
