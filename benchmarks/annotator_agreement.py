"""How far two people annotating the same articles agree: the ceiling an extractor is held to.

Run: .venv/bin/python benchmarks/annotator_agreement.py [SET ...]

``benchmarks/agreement/SET/NN_name.gold.yaml`` is a second annotation of the article
``benchmarks/SET/NN_name.txt``, made by someone who saw neither the first annotation
(``benchmarks/SET/NN_name.gold.yaml``) nor the extractor, under the same rules (those of
``benchmarks/devset/README.md`` and the conventions the later sets' READMEs add).

The second annotation is scored against the first exactly as ``extract_accuracy.py`` scores a
draft: the same one-to-one matching (compatible types, overlapping date bounds, one actor in
common, actors agreeing by id or by name), so "recall" is the share of the first annotator's events
the second found and "precision" the share of the second's events the first has. Where the
extractor's figures on a set come close to these, they come close to what people agree on.
Without arguments every set with a folder under ``benchmarks/agreement/`` is measured.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_accuracy import (
    BENCH,
    Score,
    best_matching,
    date_ok,
    devset_gold,
    edtf_bounds,
    gold_ids,
)

AGREEMENT = BENCH / "agreement"


def second_events(path: Path, names: dict[str, str]) -> list[dict]:
    """The second annotation's events, their actors mapped to the first's ids by id or name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first_ids = set(names.values())
    actors = {}
    for actor in data.get("actors") or []:
        ids = gold_ids((actor["name"], *(actor.get("aliases") or [])), names)
        actors[actor["id"]] = ids | ({actor["id"]} & first_ids)
    events = []
    for event in data.get("events") or []:
        earliest, latest = edtf_bounds(event["edtf"])
        events.append({"type": event["type"], "earliest": earliest, "latest": latest,
                       "actors": set().union(*(actors.get(a, set()) for a in event["actors"]))})
    return events


def agreement(folder: Path) -> Score:
    """Print the second annotation's agreement with the first, per article and in total."""
    total = Score()
    for path in sorted(folder.glob("*.gold.yaml")):
        first = devset_gold(BENCH / folder.name / path.name)
        second = second_events(path, first.names)
        owner = best_matching(second, first.events)
        score = Score(proposed=len(second), gold=len(first.events), matched=len(owner),
                      dated=sum(date_ok(second[i], first.events[j]) for j, i in owner.items()))
        print(score.line(first.name))
        total.add(score)
    print(total.line(f"{folder.name}: second against first"))
    return total


def main(argv: list[str] | None = None) -> int:
    """Measure each named set (or every set with a second annotation)."""
    names = (sys.argv[1:] if argv is None else argv) or sorted(
        p.name for p in AGREEMENT.iterdir() if p.is_dir())
    total = Score()
    for name in names:
        folder = AGREEMENT / name
        if not folder.is_dir():
            print(f"benchmarks/agreement/{name}: no such folder; the sets with a second "
                  f"annotation are the folders of benchmarks/agreement/", file=sys.stderr)
            return 2
        total.add(agreement(folder))
    if len(names) > 1:
        print(total.line("all sets: second against first"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
