"""The learned stage: the shipped model, a model taught in the test, reasons in ``why``, loading."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.errors import KBError
from kb.extract import extract, learned
from kb.extract.cli import extract_command
from kb.extract.model import DraftDate, DraftEvent
from kb.load import load
from kb.paths import ONTOLOGY_DIR
from kb.store import open_kb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_learned

PUBLISHED = date(2025, 1, 30)
ACTORS = ("Egypt", "Qatar", "Israel", "Hamas", "Jordan", "Turkey")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
#: What the test teaches: "welcomed" is an acceptance, "said" no event, "offered" an offer.
TAUGHT = {"welcomed": "Acceptance", "said": learned.NONE, "offered": "Offer"}
SETTINGS = {"retype": 0.6, "weight": 1.0, "pivot": 0.9, "raise": False, "no_actor": 0.15}


def lesson(shift: int) -> str:
    """An article of six sentences of each taught kind, its actors and days shifted."""
    lines = ["Talks update", ""]
    for k, day in enumerate(DAYS):
        one, two = ACTORS[(k + shift) % 6], ACTORS[(k + shift + 1) % 6]
        lines += [f"{one} offered {two} a six-week truce on {day}.",
                  f"{one} welcomed the new plan on {day}.",
                  f"{two} said on {day} that the talks would resume."]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def taught() -> dict:
    """A model trained on three lessons labelled by their cues."""
    drafted = []
    for shift in range(3):
        draft = extract(lesson(shift), PUBLISHED, learned=False)
        labels = [TAUGHT[event.cue[0]] for event in draft.events]
        drafted.append(train_learned.Drafted(None, draft, labels))
    return train_learned.train(drafted, SETTINGS, strength=10.0)


def test_the_shipped_model_loads_and_names_only_features_the_code_computes():
    model = learned.load_model()
    assert learned.NONE in model["classes"] and len(model["bias"]) == len(model["classes"])
    assert set(model["settings"]) == {"retype", "weight", "pivot", "raise", "no_actor"}
    assert {learned.family_of(name) for name in model["weights"]} <= set(model["families"])
    assert set(model["families"]) <= set(learned.FAMILIES)
    assert all(len(row) == len(model["classes"]) for row in model["weights"].values())
    assert learned.MODEL_FILE.stat().st_size < 1_000_000


def test_a_taught_model_retypes_and_drops_what_it_was_taught_and_leaves_the_rest(taught):
    text = ("Jordan welcomed the new plan on Monday.\n"
            "Turkey said on Tuesday that the talks would resume.\n"
            "Egypt offered Israel a six-week truce on Wednesday.\n")
    draft = extract(text, PUBLISHED, learned=False)
    by_cue = {event.cue[0]: event for event in draft.events}
    before = {cue: event.confidence for cue, event in by_cue.items()}
    assert by_cue["welcomed"].type == "Statement"
    learned.apply(draft.events, taught)
    welcomed, said, offered = by_cue["welcomed"], by_cue["said"], by_cue["offered"]
    assert welcomed.type == "Acceptance" and welcomed.actors == [("jordan", "responder")]
    assert any(why.startswith("learned: Statement→Acceptance, p ") for why in welcomed.why)
    assert said.type == "Statement" and said.confidence < 0.2
    assert offered.type == "Offer" and offered.confidence == before["offered"]
    assert all(why.startswith("learned: p(event) ") for why in
               (event.why[-1] for event in draft.events))


def test_training_is_deterministic(taught):
    again = []
    for shift in range(3):
        draft = extract(lesson(shift), PUBLISHED, learned=False)
        again.append(train_learned.Drafted(None, draft, [TAUGHT[e.cue[0]] for e in draft.events]))
    assert json.dumps(train_learned.train(again, SETTINGS, strength=10.0)) == json.dumps(taught)


def test_retyping_maps_the_roles_to_the_new_types():
    when = DraftDate("on Monday", "published", "2025-01-27", date(2025, 1, 27),
                     date(2025, 1, 27), "own")
    meeting = DraftEvent("Meeting", when, ["x"], actors=[("egypt", "participant"),
                                                         ("hamas", "participant"),
                                                         ("qatar", "mediator")])
    learned.retype(meeting, "Offer")
    assert meeting.actors == [("egypt", "offerer"), ("hamas", "recipient"), ("qatar", "mediator")]
    statement = DraftEvent("Statement", when, ["x"], actors=[("qatar", "speaker"),
                                                             ("israel", "addressee")])
    learned.retype(statement, "Demand")
    assert statement.actors == [("qatar", "speaker"), ("israel", "addressee")]


def test_the_stage_says_why_in_every_proposal_and_its_draft_loads(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Egypt offered Hamas a six-week truce on Monday.\n"
                       "Qatar said on Tuesday that Israel welcomed the plan.\n", encoding="utf-8")
    output, empty = tmp_path / "article.yaml", tmp_path / "none"
    empty.mkdir()  # no known actors: the draft declares its own
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2025-01-30",
                                                  "--actors", str(empty), "--learned",
                                                  "--output", str(output)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert draft["events"]
    assert all(any(why.startswith("learned: p(event) ") for why in event["draft"]["why"])
               for event in draft["events"])
    with open_kb(tmp_path / "store") as kb:
        load(kb, [ONTOLOGY_DIR, output])


def test_without_the_stage_no_reason_names_it():
    draft = extract("Egypt offered Hamas a six-week truce on Monday.\n", PUBLISHED, learned=False)
    assert draft.events and not any("learned" in why for e in draft.events for why in e.why)


def test_a_missing_or_corrupt_model_file_says_which_and_how_to_write_it(tmp_path):
    with pytest.raises(KBError, match=r"none\.json: the learned stage's model file is missing "
                                    r"\(write it with: python benchmarks/train_learned\.py --write"):
        learned.load_model(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(KBError, match=r"broken\.json: the learned stage's model file cannot "
                                      r"be read"):
        learned.load_model(broken)


def test_an_old_extractors_proposals_come_back_as_todays_with_todays_features(tmp_path):
    """The fresh-like rows: what benchmarks/old_drafts.py writes of a draft (here today's, as an
    old commit's would be) reads back as the same proposals, sentence by today's parse, and today's
    features; the labels are the benchmark's."""
    import old_drafts

    text = lesson(0)
    gold_events = [{"type": "Offer", "edtf": "2025-01-27", "earliest": date(2025, 1, 27),
                    "latest": date(2025, 1, 27), "kinds": [], "actors": {"egypt"}}]
    gold = train_learned.Gold("lesson", text, PUBLISHED, gold_events, {})
    (today,) = train_learned.draft_set([gold])
    dumped = {"events": [old_drafts._event(event) for event in today.draft.events],
              "actors": {key: {"name": actor.name, "aliases": list(actor.aliases),
                               "known": bool(actor.known)}
                         for key, actor in today.draft.actors.items()}}
    cache = tmp_path / "lesson.json"
    cache.write_text(json.dumps({"lesson": dumped}), encoding="utf-8")
    original = train_learned._old_proposals
    train_learned._old_proposals = lambda name, golds: json.loads(cache.read_text())
    try:
        (fresh,) = train_learned.fresh_like("devset", [today])
    finally:
        train_learned._old_proposals = original
    assert [(e.type, e.actors, e.date, e.cue, e.sentence_index, e.confidence)
            for e in fresh.draft.events] == [
        (e.type, e.actors, e.date, e.cue, e.sentence_index, e.confidence)
        for e in today.draft.events]
    assert [e.features for e in fresh.draft.events] == [e.features for e in today.draft.events]
    assert fresh.labels == today.labels and "Offer" in fresh.labels
