"""Dump an old extractor's proposals for some articles as JSON (a helper of train_learned.py).

Run inside an old commit's worktree, never with today's code on the path:
PYTHONPATH=/tmp/old .venv/bin/python benchmarks/old_drafts.py SEEDS OUTPUT ARTICLE.gold.yaml ...

``kb`` is imported from ``PYTHONPATH`` (the old commit's package), so the proposals are the ones
that extractor drew when the set was fresh (stage by stage as it then was, every proposal kept:
min-confidence 0). Only what today's features and the benchmark's matching read is written: each
event's fields (dates as ISO text, ``answers`` as whether it answers another) and the draft's
actors (id, name, aliases, known). This file imports nothing of today's ``kb``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

import yaml

from kb.extract import extract, known_actors, known_places, read_article


def _plain(value: object) -> object:
    """A JSON form of a field's value (dates as ISO text, tuples as lists)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _event(event: object) -> dict:
    """The fields of one old proposal."""
    found = {}
    for item in dataclasses.fields(event):
        value = getattr(event, item.name)
        if item.name == "answers":
            found["answers"] = value is not None
        elif item.name == "date":
            found["date"] = {part.name: _plain(getattr(value, part.name))
                             for part in dataclasses.fields(value)}
        elif isinstance(value, (str, int, float, bool, list, tuple, date)) or value is None:
            found[item.name] = _plain(value)
    return found


def main(argv: list[str]) -> int:
    """Draft each article with the old extractor and write the proposals."""
    seeds, output, paths = Path(argv[0]), Path(argv[1]), [Path(p) for p in argv[2:]]
    actors, places = known_actors([seeds]), known_places([seeds])
    drafts = {}
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = read_article(path.with_name(path.name.replace(".gold.yaml", ".txt")))
        draft = extract(text, data["published"], actors=actors, places=places,
                        source_file=path.name.replace(".gold.yaml", ".txt"), min_confidence=0.0)
        drafts[path.name.replace(".gold.yaml", "")] = {
            "events": [_event(event) for event in draft.events],
            "actors": {key: {"name": actor.name, "aliases": list(actor.aliases),
                             "known": bool(actor.known)} for key, actor in draft.actors.items()}}
    output.write_text(json.dumps(drafts, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
