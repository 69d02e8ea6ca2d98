"""The learned triggers: a verb the lexicon does not know, taught as a trigger, makes a cue whose
event the rules' machinery completes; off by default; the file's errors."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kb.errors import KBError
from kb.extract import extract, lexicon
from kb.extract.parse import finite_verbs, parse_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_triggers

PUBLISHED = date(2025, 1, 31)
#: Triggers as the training writes them, taught here: "shuttle" tells a meeting.
TAUGHT = {"triggers": {"shuttle": {"type": "Meeting", "right": 3, "seen": 4},
                       "drop out": {"type": "Rejection", "right": 2, "seen": 2}},
          "anywhere": False}
#: A sentence whose only verb no cue of the lexicon knows.
SHUTTLED = ("Talks update\n\nOn Tuesday 28 January, Qatar's envoys shuttled between Israel and "
            "Hamas in Doha.\n")


def draft(text: str, triggers: dict | None):
    with lexicon.using_triggers(triggers):
        return extract(text, PUBLISHED, min_confidence=0.2)


def test_a_taught_trigger_makes_an_event_the_rules_complete():
    event, = draft(SHUTTLED, TAUGHT).events
    assert event.type == "Meeting"
    assert event.date.edtf == "2025-01-28"
    assert {actor for actor, _ in event.actors} >= {"qatar", "israel", "hamas"}
    assert event.confidence >= 0.8  # a dated verb cue with actors, as any other
    assert "learned trigger 'shuttle': 3 of 4 training sentences assert a Meeting" in event.why[0]


def test_without_triggers_the_sentence_draws_nothing():
    assert draft(SHUTTLED, None).events == []


def test_a_trigger_waits_where_the_lexicon_found_a_cue():
    text = ("Talks update\n\nOn Tuesday 28 January, Qatar's envoys shuttled between Israel and "
            "Hamas and met Egypt's intelligence chief in Doha.\n")
    events = draft(text, TAUGHT).events
    assert [event.type for event in events] == ["Meeting"]
    assert not any("learned trigger" in line for event in events for line in event.why)
    anywhere = draft(text, {**TAUGHT, "anywhere": True}).events
    assert any("learned trigger" in line for event in anywhere for line in event.why)


def test_a_trigger_goes_through_the_rules_filters():
    text = ("Talks update\n\nOn Tuesday 28 January, Qatar's envoys did not shuttle between Israel "
            "and Hamas.\n")
    assert draft(text, TAUGHT).events == []  # negated: no meeting


def test_the_key_is_the_lemma_with_its_particle():
    parsed, = parse_sentences(["Hamas dropped out of the process on Monday."], [0])
    assert [lexicon.trigger_key(token) for token, _, _ in finite_verbs(parsed)] == ["drop out"]


def test_off_by_default_and_the_shipped_file_loads():
    assert lexicon.TRIGGERS_BY_DEFAULT is False
    assert extract(SHUTTLED, PUBLISHED).events == []
    model = lexicon.load_triggers()
    assert set(model) >= {"triggers", "anywhere", "min_right", "min_precision", "trained_on"}
    assert model["min_right"] == train_triggers.MIN_RIGHT
    assert model["min_precision"] == train_triggers.MIN_PRECISION


def test_learning_keeps_a_trigger_right_often_enough():
    def sentence(types, candidates, quiet=True):
        return train_triggers.Sentence("set", 0, 1, 0, types, quiet, candidates, None)

    rows = [sentence(["Meeting"], ["shuttle"]), sentence(["Meeting"], ["shuttle"]),
            sentence([], ["shuttle"]), sentence([], ["go"]), sentence(["Killing"], ["go"]),
            sentence([], ["go"]), sentence(["Meeting"], ["shuttle"], quiet=False)]
    model = train_triggers.learn(rows, min_right=2, min_precision=0.5)
    assert model["triggers"] == {"shuttle": {"type": "Meeting", "right": 2, "seen": 3}}
    assert train_triggers.learn(rows, min_right=3, min_precision=0.5)["triggers"] == {}
    assert "go" not in train_triggers.learn(rows, min_right=1, min_precision=0.5)["triggers"]


@pytest.mark.parametrize("content, said", [
    (None, "is missing"),
    ("{not json", "cannot be read"),
    (json.dumps({"triggers": {"shuttle": {"type": "Meeting"}}}), "lacks its triggers"),
])
def test_a_missing_or_broken_file_names_itself_and_the_command(tmp_path, content, said):
    path = tmp_path / "learned_triggers.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(KBError) as caught:
        lexicon.load_triggers(path)
    message = str(caught.value)
    assert said in message and str(path) in message
    assert "benchmarks/train_triggers.py --write" in message and "\n" not in message
