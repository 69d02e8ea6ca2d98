"""How fast the issue-15 questions are answered with several claims per event (synthetic data).

Builds (or reuses) a compacted store of N synthetic events, each also reported by later sources
(benchmarks/synthetic.py, ``claims=True``: about 2.2 claims an event, a tenth of the repeated
claims a month off, offers with a ceasefire term and counter-proposal threads), then times:

- ``conflicts`` for one event (what the event page runs) and for the whole record;
- ``offer-thread`` and ``term-changes`` for one offer;
- timeline windows of one month through the web app's index (kb.timeline.view), with
  ``certainty=certain`` and with ``as_known_on``, and the same windows through the ``timeline``
  named query (SPARQL, no index);
and prints p50/p95/max beside the budget (p95 <= 1 s). Usage::

    python benchmarks/claims_speed.py 100000 [--runs 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_nquads  # noqa: E402
from kb import queries  # noqa: E402
from kb.store import open_kb  # noqa: E402
from kb.timeline.index import TimelineIndex  # noqa: E402
from kb.timeline.model import TimelineFilter  # noqa: E402
from kb.timeline.view import timeline  # noqa: E402
from kb.vocab import Minter  # noqa: E402

OUT = Path(__file__).parent / "out"
BUDGET = 1.0


def build(n_events: int) -> Path:
    """A compacted store of ``n_events`` events with several claims each (cached in out/)."""
    store_dir = OUT / f"claims-store-{n_events}"
    if (store_dir / "done").exists():
        return store_dir
    OUT.mkdir(exist_ok=True)
    source = OUT / f"claims-{n_events}.nq"
    started = time.perf_counter()
    quads = write_nquads(source, n_events, claims=True)
    print(f"generated {quads:,} quads in {time.perf_counter() - started:.1f} s")
    store = Store(str(store_dir))
    store.bulk_load(path=str(source), format=RdfFormat.N_QUADS)
    store.bulk_load(path=str(ROOT / "ontology" / "kb.ttl"), format=RdfFormat.TURTLE,
                    to_graph=NamedNode("http://localhost:5000/id/graph/file-kb"))
    store.flush()
    store.optimize()
    del store
    source.unlink()
    (store_dir / "done").write_text(f"{time.perf_counter() - started:.1f} s\n")
    print(f"loaded and compacted in {time.perf_counter() - started:.1f} s")
    return store_dir


def timed(work, runs: int) -> tuple[list[float], object]:
    times, answer = [], None
    for _ in range(runs):
        started = time.perf_counter()
        answer = work()
        times.append(time.perf_counter() - started)
    return times, answer


def report(name: str, times: list[float], note: str = "") -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    verdict = "ok" if p95 <= BUDGET else "OVER"
    print(f"{name:<44} p50 {statistics.median(ordered) * 1000:8.1f} ms  p95 {p95 * 1000:8.1f} ms  "
          f"max {ordered[-1] * 1000:8.1f} ms  [{verdict} vs {BUDGET:.0f} s] {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=int)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    store_dir = build(args.events)
    rng = random.Random(7)
    minter = Minter()
    with open_kb(store_dir, read_only=True) as kb:
        offers = [row["e"].value for row in kb.select(
            "SELECT ?e WHERE { ?e <https://w3id.org/negotiation-kb/ontology#counters> ?x } LIMIT 2000")]
        claimed = [row["e"].value for row in kb.select(
            "SELECT ?e WHERE { ?e <https://w3id.org/negotiation-kb/ontology#alsoReportedBy> ?x } LIMIT 5000")]
        print(f"{args.events:,} events; sample: {len(claimed):,} claimed events, "
              f"{len(offers):,} counter-offers")
        conflicts, thread, changes, timeline_query = (queries.find(name) for name in (
            "conflicts", "offer-thread", "term-changes", "timeline"))

        times = []
        for _ in range(args.runs):
            event = rng.choice(claimed)
            took, table = timed(lambda event=event: queries.run(kb, conflicts, {"of": event}, minter), 1)
            times += took
        report("conflicts of one event (event page)", times)
        took, table = timed(lambda: queries.run(kb, conflicts, {}, minter), 1 if args.events >= 50000 else 3)
        report("conflicts, the whole record", took, f"({len(table.rows):,} rows)")

        for name, query in (("offer-thread", thread), ("term-changes of one offer", changes)):
            times = []
            for _ in range(args.runs):
                offer = rng.choice(offers)
                took, table = timed(lambda offer=offer, query=query: queries.run(
                    kb, query, {"offer": offer}, minter), 1)
                times += took
            report(name, times)

        started = time.perf_counter()
        index = TimelineIndex.build(kb, minter)
        print(f"timeline index built in {time.perf_counter() - started:.1f} s "
              f"({len(index):,} events, {len(index.claims):,} with several claims, "
              f"{len(index.disputed):,} disputed)")
        months = []
        for _ in range(args.runs):
            first = date(rng.randrange(2001, 2025), rng.randrange(1, 13), 1)
            months.append((first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)))
        for label, extra in (("possible", {}), ("certain", {"certainty": "certain"}),
                             ("as_known_on", {"as_known_on": "known"})):
            times = []
            for first, last in months:
                known = last + timedelta(days=rng.randrange(0, 400)) if extra.get("as_known_on") else None
                filt = TimelineFilter(earliest=first, latest=last,
                                      certainty=extra.get("certainty", "possible"), as_known_on=known)
                index.memo.clear()
                took, _ = timed(lambda filt=filt: timeline(kb, filt, minter, index=index), 1)
                times += took
            report(f"timeline month, index, {label}", times)
        for label, extra in (("possible", {}), ("certain", {"certainty": "certain"})):
            times = []
            for first, last in months[: max(3, args.runs // 4)]:
                values = {"from": first.isoformat(), "to": last.isoformat(), **extra}
                took, _ = timed(lambda values=values: queries.run(kb, timeline_query, values, minter), 1)
                times += took
            report(f"timeline month, named query, {label}", times)
        times = []
        for first, last in months[: max(3, args.runs // 4)]:
            values = {"from": first.isoformat(), "to": last.isoformat(),
                      "as_known_on": (last + timedelta(days=90)).isoformat()}
            took, _ = timed(lambda values=values: queries.run(kb, timeline_query, values, minter), 1)
            times += took
        report("timeline month, named query, as_known_on", times)


if __name__ == "__main__":
    main()
