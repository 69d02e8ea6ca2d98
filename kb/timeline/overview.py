"""The whole timeline's counts, read from the few hundred ``kbo:eventCounts`` literals a load writes.

A view of every event (the home page before any window is chosen) shows counts per lane and
bucket, the facet counts of every actor, source, type and status, and the first page of the
table. The web app's in-memory index gives them once it has read every event's row; until then
:func:`stored_counts` reads them from the counts the loader keeps in the index graph
(:mod:`kb.timeline.rows`, :func:`~kb.timeline.rows.recount`): each event once, in the month of its
middle day, by type and day and by status, and once for each actor and source. A store loaded
before there were counts (or with graphs loaded before) has none that add up: ``None``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from kb.store import KnowledgeBase
from kb.timeline.rows import index_graph, period_iri
from kb.vocab import EVENT_TYPES, KBO, Minter

#: How long counts read from the store are remembered (seconds; a load empties them, see forget).
COUNTS_TTL = 60.0
_COUNTS = "SELECT ?thing ?lines WHERE { GRAPH %s { ?thing <%s> ?lines } }"
_TALLY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?graph { ?event <%s> ?value } }"


@dataclass
class StoredCounts:
    """How many events there are: by (type, middle day), by status, by actor IRI, by source IRI."""

    by_type_day: dict[tuple[str, date], int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    #: Views drawn from these counts, by filter and options (they stay true as long as the counts).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def total(self) -> int:
        """How many events (each once)."""
        return sum(self.by_type_day.values())

    def types(self) -> dict[str, int]:
        """Events by type."""
        found: dict[str, int] = defaultdict(int)
        for (kind, _), count in self.by_type_day.items():
            found[kind] += count
        return dict(found)

    def by_month(self) -> list[tuple[str, int]]:
        """Events by the month (``YYYY-MM``) of their middle day, in order."""
        found: dict[str, int] = defaultdict(int)
        for (_, day), count in self.by_type_day.items():
            found[day.isoformat()[:7]] += count
        return sorted(found.items())


_cache: dict[str, tuple[float, StoredCounts | None]] = {}


def stored_counts(kb: KnowledgeBase, minter: Minter) -> StoredCounts | None:
    """The store's counts (remembered for :data:`COUNTS_TTL` seconds), or ``None`` when it has none
    or they do not cover every event (graphs loaded before there were counts)."""
    now = time.monotonic()
    cached = _cache.get(kb.location)
    if cached and now - cached[0] < COUNTS_TTL:
        return cached[1]
    found = _read(kb, minter)
    _cache[kb.location] = (now, found)
    return found


def forget(location: str) -> None:
    """Drop the counts remembered of the store at ``location`` (a load changed them)."""
    _cache.pop(location, None)


def _read(kb: KnowledgeBase, minter: Minter) -> StoredCounts | None:
    counts = StoredCounts()
    prefix = period_iri(minter, "").value
    known = set(EVENT_TYPES)
    for thing, lines in kb.query(_COUNTS % (index_graph(minter), KBO.eventCounts.value)):
        iri = thing.value
        for line in lines.value.split("\n"):
            parts = line.split(" ")
            if len(parts) == 2 and parts[0] in ("actor", "source") and not iri.startswith(prefix):
                (counts.actors if parts[0] == "actor" else counts.sources)[iri] = int(parts[1])
            elif len(parts) == 4 and iri.startswith(prefix) and parts[0] in known:
                kind, day, status, count = parts[0], date.fromisoformat(parts[1]), parts[2], int(parts[3])
                counts.by_type_day[(kind, day)] = counts.by_type_day.get((kind, day), 0) + count
                counts.statuses[status] = counts.statuses.get(status, 0) + count
    if not counts.by_type_day or not _complete(kb):
        return None
    return counts


def _complete(kb: KnowledgeBase) -> bool:
    """True when every stored timeline row has its middle day (nothing loaded before counts were)."""
    def tally(predicate) -> int:
        return int(next(iter(kb.query(_TALLY % predicate.value)))[0].value)

    return tally(KBO.timelineRow) == tally(KBO.midDay)
