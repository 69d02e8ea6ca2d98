"""How well `kb extract` proposes the curated events of the seed article: precision and recall.

Run: .venv/bin/python benchmarks/extract_accuracy.py [--article TXT --curated YAML --published DATE]

A proposed event matches a curated one when
- their types are compatible (:data:`FAMILIES`: a Vow, Threat or Statement is a statement; a
  Meeting, Summit, PressConference or NegotiationRound a meeting; Demand and Precondition go
  together, and so do Killing and Attack; any other type only matches itself),
- their date bounds overlap (earliest/latest of the EDTF values), and
- at least one actor agrees (by id, or by name or alias for actors the extractor proposes as new).

Matching is one to one (a maximum bipartite matching), so a curated event found twice counts once
and the second proposal counts against precision.

Two runs are printed. "unseen" gives the extractor no known actors, as for an article about actors
no curation file names yet: the fair stand-in for an article it has never seen. "known actors"
gives it the actors of every curation file in seeds/ (for the seed itself that includes its own
curated actors, so the figure is flattering on actor names, not on events or dates).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.dates import parse_edtf  # noqa: E402
from kb.extract import Draft, extract, known_actors, known_places, read_article  # noqa: E402
from kb.timex import parse_date  # noqa: E402

SEED = ROOT / "seeds" / "000_04768d44cf00b2f8.txt"
CURATED = ROOT / "seeds" / "000_04768d44cf00b2f8.yaml"
PUBLISHED = date(2024, 10, 25)

#: Types that count as the same kind of event.
FAMILIES = (
    {"Statement", "Vow", "Threat"},
    {"Meeting", "Summit", "PressConference", "NegotiationRound"},
    {"Demand", "Precondition"},
    {"Killing", "Attack"},
)


def compatible(first: str, second: str) -> bool:
    """Whether two event types count as the same kind of event."""
    return first == second or any(first in family and second in family for family in FAMILIES)


def _norm(name: str) -> str:
    name = re.sub(r"(?i)^the\s+", "", name.replace("’", "'").strip())
    return re.sub(r"\s+", " ", name).lower()


def curated_events(path: Path) -> tuple[list[dict], dict[str, str]]:
    """The curated events (type, bounds, actor ids, sentence) and a name -> actor id index."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for actor in data.get("actors") or []:
        for name in (actor["name"], *(actor.get("aliases") or [])):
            names.setdefault(_norm(name), actor["id"])
    events = []
    for event in data.get("events") or []:
        value = parse_edtf(str(event["date"]["edtf"]))
        events.append({"id": event["id"], "type": event["type"], "edtf": event["date"]["edtf"],
                       "earliest": value.earliest, "latest": value.latest,
                       "actors": {a["actor"] for a in event.get("actors") or []}})
    return events, names


def proposed_events(draft: Draft, names: dict[str, str]) -> list[dict]:
    """The draft's events with their actors mapped to curated actor ids where names agree."""
    events = []
    for event in draft.events:
        actor_ids = set()
        for actor_id, _ in event.actors:
            actor = draft.actors[actor_id]
            actor_ids.add(actor_id)
            for name in (actor.name, *actor.aliases):
                if _norm(name) in names:
                    actor_ids.add(names[_norm(name)])
        events.append({"id": event.id, "type": event.type, "edtf": event.date.edtf,
                       "earliest": event.date.earliest, "latest": event.date.latest,
                       "actors": actor_ids, "sentence": event.sentences[0]})
    return events


def matches(proposed: dict, curated: dict) -> bool:
    """Type compatible, date bounds overlapping, one actor in common."""
    return (compatible(proposed["type"], curated["type"])
            and proposed["earliest"] <= curated["latest"]
            and curated["earliest"] <= proposed["latest"]
            and bool(proposed["actors"] & curated["actors"]))


def best_matching(proposed: list[dict], curated: list[dict]) -> dict[int, int]:
    """A maximum one-to-one matching: curated index -> proposed index."""
    edges = {i: [j for j, c in enumerate(curated) if matches(p, c)] for i, p in enumerate(proposed)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(proposed)):
        augment(i, set())
    return owner


def evaluate(label: str, draft: Draft, curated: list[dict], names: dict[str, str]) -> tuple[
        float, float]:
    """Print precision, recall and the unmatched events of one run; return the two figures."""
    proposed = proposed_events(draft, names)
    owner = best_matching(proposed, curated)
    matched = len(owner)
    precision = matched / len(proposed) if proposed else 0.0
    recall = matched / len(curated) if curated else 0.0
    print(f"== {label}: {len(proposed)} proposed, {len(curated)} curated, {matched} matched")
    print(f"   precision {precision:.2f}   recall {recall:.2f}")
    used = set(owner.values())
    missed = [c for j, c in enumerate(curated) if j not in owner]
    extra = [p for i, p in enumerate(proposed) if i not in used]
    print("   curated events not found:")
    for event in missed or [None]:
        print(f"     - {event['id']} ({event['type']}, {event['edtf']})" if event else "     (none)")
    print("   proposed events matching nothing curated:")
    for event in extra or [None]:
        if event is None:
            print("     (none)")
            continue
        print(f"     - {event['id']} ({event['type']}, {event['edtf']}, "
              f"actors {sorted(event['actors'])}): {event['sentence'][:90]}")
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    """Run the extractor on the seed article and print its precision and recall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--curated", type=Path, default=CURATED)
    parser.add_argument("--published", default=PUBLISHED.isoformat())
    args = parser.parse_args(argv)
    if not args.curated.exists():
        print(f"{args.curated}: no curated events yet (write them first)", file=sys.stderr)
        return 1
    text = read_article(args.article)
    published = parse_date(args.published, where="--published")
    curated, names = curated_events(args.curated)
    seeds = args.curated.parent
    runs = [
        ("unseen (no known actors)", extract(text, published, source_file=str(args.article))),
        ("known actors (from seeds/)", extract(
            text, published, source_file=str(args.article), actors=known_actors([seeds]),
            places=known_places([seeds]))),
    ]
    for label, draft in runs:
        evaluate(label, draft, curated, names)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
