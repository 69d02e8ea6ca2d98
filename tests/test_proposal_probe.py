"""benchmarks/proposal_probe.py labels each of the rules' proposals by the gold (its matched gold
event's family type, a free gold event's type from its own sentence, or NONE) and changes a draft's
proposals as a model's probabilities say. Runs without torch: the drafting is the rules'."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

#: A short wire report written for these tests: a turning down, a saying, a demand.
_TEXT = ("CAIRO, May 6 - Hamas turned down the Egyptian offer on Monday, a spokesman said.\n\n"
         "Egypt said on Monday that its mediators would keep working.\n\n"
         "Israel demanded on Monday the return of all hostages.\n")
_TURNED = "CAIRO, May 6 - Hamas turned down"
_DEMANDED = "Israel demanded on Monday"


def _draft(tmp_path: Path, events: list[dict]) -> dict:
    """The rules' draft of the report, with ``events`` as its gold."""
    from extract_accuracy import SEEDS, devset_gold
    from proposal_probe import draft_article

    from kb.extract import known_actors, known_places

    (tmp_path / "01_wire.txt").write_text(_TEXT, encoding="utf-8")
    gold = {"published": date(2024, 5, 7), "outlet": "wire", "actors": [
        {"id": "hamas", "name": "Hamas"}, {"id": "egypt", "name": "Egypt"},
        {"id": "israel", "name": "Israel"}], "events": events}
    path = tmp_path / "01_wire.gold.yaml"
    path.write_text(yaml.safe_dump(gold), encoding="utf-8")
    return draft_article(devset_gold(path), known_actors([SEEDS]), known_places([SEEDS]))


def test_a_proposal_is_labelled_by_its_match_a_free_event_of_its_sentence_or_none(tmp_path):
    from proposal_probe import label_proposals

    article = _draft(tmp_path, [
        {"id": "offer", "type": "Offer", "edtf": "2024-05-06", "actors": ["hamas"],
         "sentence": _TURNED},
        {"id": "terms", "type": "Precondition", "edtf": "2024-05-06", "actors": ["israel"],
         "sentence": _DEMANDED}])
    assert [p["type"] for p in article["proposed"]] == ["Rejection", "Statement", "Demand"]
    # the rejection would count as the gold offer; Egypt's saying has no gold event; the demand
    # counts (labelled by its family: a precondition is a demand)
    assert label_proposals(article["proposed"], article["gold"]) == ["Offer", "NONE", "Demand"]
    # what the model reads: type and cue, then the sentence with the cue marked
    assert article["texts"][0].startswith("Rejection turned down: CAIRO")
    assert "Hamas [turned down] the Egyptian" in article["texts"][0]


def test_a_free_gold_event_of_another_sentence_labels_nothing(tmp_path):
    """The gold offer is asserted by Egypt's sentence: Hamas's turning down, from another sentence,
    is no telling of it, though the dates and an actor agree."""
    from proposal_probe import label_proposals

    article = _draft(tmp_path, [
        {"id": "offer", "type": "Offer", "edtf": "2024-05-06", "actors": ["hamas"],
         "sentence": "Egypt said on Monday"}])
    assert label_proposals(article["proposed"], article["gold"]) == ["NONE", "NONE", "NONE"]


def test_one_gold_event_labels_one_proposal():
    """Two tellings of one demand: the one the scorer matches keeps its label; the other is NONE."""
    from proposal_probe import label_proposals

    day = date(2024, 5, 6)
    told = {"type": "Statement", "earliest": day, "latest": day, "actors": {"israel"},
            "spans": [(0, 20)]}
    gold = [{"type": "Demand", "earliest": day, "latest": day, "actors": {"israel"},
             "at": (0, 20)}]
    assert label_proposals([told, {**told}], gold) == ["Demand", "NONE"]
    assert label_proposals([told, {**told, "type": "Demand"}], gold) == ["NONE", "Demand"]


def test_the_settings_retype_across_families_and_drop():
    from proposal_probe import apply

    day = date(2024, 5, 6)
    proposals = [{"type": t, "earliest": day, "latest": day, "actors": {"x"}}
                 for t in ("Statement", "Vow", "Rejection")]
    probs = [{"NONE": 0.1, "Statement": 0.1, "Demand": 0.8},
             {"NONE": 0.05, "Statement": 0.95, "Demand": 0.0},  # a vow is a statement: kept
             {"NONE": 0.7, "Statement": 0.2, "Demand": 0.1}]
    kept, retyped, dropped = apply(proposals, probs, "retype", 0.7, 1.0)
    assert [p["type"] for p in kept] == ["Demand", "Vow", "Rejection"] and retyped == [0]
    assert proposals[0]["type"] == "Statement"  # the draft itself is left as it was
    kept, retyped, dropped = apply(proposals, probs, "both", 0.9, 0.6)
    assert [p["type"] for p in kept] == ["Statement", "Vow"] and dropped == [2] and not retyped
    kept, _, dropped = apply(proposals, probs, "drop", 1.0, 0.75)
    assert len(kept) == 3 and not dropped
