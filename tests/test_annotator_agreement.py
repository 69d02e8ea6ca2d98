"""benchmarks/annotator_agreement.py scores a second annotation as a draft is scored: a copy of a
gold file agrees with it wholly, and each kind of disagreement costs what it should."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from annotator_agreement import second_events
from extract_accuracy import BENCH, best_matching, devset_gold

GOLD = BENCH / "devset8" / "60_wire_truce_first_day.gold.yaml"


def _agreed(tmp_path: Path, change=None) -> tuple[int, int, int]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    if change:
        change(data)
    second = tmp_path / GOLD.name
    second.write_text(yaml.safe_dump(data), encoding="utf-8")
    first = devset_gold(GOLD)
    events = second_events(second, first.names)
    return len(first.events), len(events), len(best_matching(events, first.events))


def test_a_copy_of_the_first_annotation_agrees_wholly(tmp_path):
    gold, second, matched = _agreed(tmp_path)
    assert gold == second == matched > 5


def test_actors_agree_by_name_when_the_second_annotator_chose_other_ids(tmp_path):
    def rename(data):
        new = {actor["id"]: f"other-{actor['id']}" for actor in data["actors"]}
        for actor in data["actors"]:
            actor["id"] = new[actor["id"]]
        for event in data["events"]:
            event["actors"] = [new[a] for a in event["actors"]]

    gold, _, matched = _agreed(tmp_path, rename)
    assert matched == gold


def test_an_event_of_another_type_or_another_year_is_a_disagreement(tmp_path):
    def differ(data):
        data["events"][0]["type"] = "Killing" if data["events"][0]["type"] != "Killing" else "Offer"
        data["events"][1]["edtf"] = "2019-01-01"
        data["events"].append(dict(data["events"][2], id="again"))

    gold, second, matched = _agreed(tmp_path, differ)
    assert (second, matched) == (gold + 1, gold - 2)
