"""The whole timeline's counts, read from the few hundred ``kbo:eventCounts`` literals a load writes.

A view of every event (the home page before any window is chosen) shows counts per lane and
bucket, the facet counts of every actor, source, type and status, and the first page of the
table. The web app's in-memory index gives them once it has read every event's row; until then
:func:`stored_counts` reads them from the counts the loader keeps in the index graph
(:mod:`kb.timeline.rows`, :func:`~kb.timeline.rows.recount`): each event once, in the month of its
middle day, by type and day and by status, and once for each actor and source. A store loaded
before there were counts (or with graphs loaded before) has none that add up: ``None``.

Whether they add up is known without counting: a load or ``kb reindex`` that finds every timeline
row with its middle day marks the counts complete (:func:`mark_complete`, one ``kbo:countsComplete``
triple in the index graph, read with the counts). A load through ``kb`` keeps that true (every row
it writes has its middle day, a graph it drops loses both), so only a store without the mark is
checked by counting its rows and middle days (two counts over every row, seconds at 1M events).
What is read is remembered for the store's load generation (:meth:`KnowledgeBase.generation`):
after :data:`COUNTS_TTL` seconds the generation is looked at, and the counts read again only
when it changed (:func:`still`).
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Quad

from kb.errors import KBError
from kb.store import KnowledgeBase
from kb.timeline.model import FACET_LIMIT
from kb.timeline.rows import index_graph, period_iri
from kb.vocab import EVENT_TYPES, KBO, Minter

#: How long counts read from the store are trusted before the store's load generation is looked at
#: again (seconds; a load seen by the web app empties them at once, see forget).
COUNTS_TTL = 60.0
_COUNTS = "SELECT ?thing ?lines WHERE { GRAPH %s { ?thing <%s> ?lines } }"
_ANY_ROW = f"ASK {{ GRAPH ?graph {{ ?event <{KBO.timelineRow.value}> ?row }} }}"
_TALLY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?graph { ?event <%s> ?value } }"


#: The actors and sources in most events kept with the counts (the home page shows this many).
TOP = FACET_LIMIT


@dataclass
class StoredCounts:
    """How many events there are: by (type, middle day), by status; the :data:`TOP` actors and
    sources in most events (``top``, by count then slug, as :meth:`Minter.split` gives it) and how
    many actors and sources there are (``how_many``); with ``whole``, the count of every actor and
    source by IRI (``actors``, ``sources``: 130,000 of them at 1M events)."""

    by_type_day: dict[tuple[str, date], int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    top: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    how_many: dict[str, int] = field(default_factory=dict)
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
        """Events by the month (``YYYY-MM``) of their middle day, in order (worked out once)."""
        if "by_month" not in self.memo:
            found: dict[str, int] = defaultdict(int)
            for (_, day), count in self.by_type_day.items():
                found[f"{day.year:04d}-{day.month:02d}"] += count
            self.memo["by_month"] = sorted(found.items())
        return self.memo["by_month"]


_cache: dict[tuple[str, bool], tuple[float, object, StoredCounts | None]] = {}


def stored_counts(kb: KnowledgeBase, minter: Minter, whole: bool = False) -> StoredCounts | None:
    """The store's counts (with ``whole``, of every actor and source too), or ``None`` when it has
    none or they do not cover every event (graphs loaded before there were counts). Remembered
    while the store's load generation stays the same (looked at every :data:`COUNTS_TTL` seconds,
    see :func:`still`)."""
    now = time.monotonic()
    key = (kb.location, whole)
    cached = _cache.get(key)
    if cached and now - cached[0] < COUNTS_TTL:
        return cached[2]
    stamp = generation_of(kb)
    if cached and still(stamp, cached[1]):
        _cache[key] = (now, cached[1], cached[2])
        return cached[2]
    found = _read(kb, minter, whole)
    _cache[key] = (now, stamp, found)
    return found


#: What :func:`generation_of` gives for a store too busy to say.
UNKNOWN = "(unknown)"


def generation_of(kb: KnowledgeBase):
    """The store's load generation (``None`` when it has none: no load through ``kb`` since it
    was made; a load gives it one), or :data:`UNKNOWN` when the store is too busy to say."""
    try:
        return kb.generation()
    except KBError:
        return UNKNOWN


def still(stamp, seen) -> bool:
    """True when what was read at generation ``seen`` is still true at ``stamp``: the same
    generation (a store that has none still has none: nothing was loaded through ``kb``, which is
    all any reader can see), or a store too busy to say (what was read is served meanwhile, as
    the web app's watcher does)."""
    return stamp == UNKNOWN or stamp == seen


def forget(location: str) -> None:
    """Drop the counts remembered of the store at ``location`` (a load changed them)."""
    for whole in (False, True):
        _cache.pop((location, whole), None)


def _read(kb: KnowledgeBase, minter: Minter, whole: bool = False) -> StoredCounts | None:
    counts = StoredCounts()
    prefix = period_iri(minter, "").value
    known = set(EVENT_TYPES)
    by_day: dict[tuple[str, str], int] = defaultdict(int)
    statuses: dict[str, int] = defaultdict(int)
    every: dict[str, dict[str, int]] = {"actor": {}, "source": {}}
    for thing, lines in kb.query(_COUNTS % (index_graph(minter), KBO.eventCounts.value)):
        iri, text = thing.value, lines.value
        if not iri.startswith(prefix):
            if text.startswith("actor ") and text[6:].isdigit():  # one line: "actor N" or "source N"
                every["actor"][iri] = int(text[6:])
            elif text.startswith("source ") and text[7:].isdigit():
                every["source"][iri] = int(text[7:])
            continue
        for line in text.split("\n"):
            parts = line.split(" ")
            if len(parts) == 4 and parts[0] in known:
                number = int(parts[3])
                by_day[(parts[0], parts[1])] += number
                statuses[parts[2]] += number
    days: dict[str, date] = {}
    months: dict[str, int] = defaultdict(int)
    for (kind, day), number in by_day.items():
        parsed = days.get(day) or days.setdefault(day, date.fromisoformat(day))
        counts.by_type_day[(kind, parsed)] = number
        months[day[:7]] += number
    counts.memo["by_month"] = sorted(months.items())
    counts.statuses = dict(statuses)
    if not counts.by_type_day or not (is_marked(kb, minter) or _complete(kb)):
        return None
    for kind, found in every.items():
        counts.how_many[kind] = len(found)
        counts.top[kind] = first_values(found, minter, minter.entity(kind, "").value, TOP)
    if whole:
        counts.actors, counts.sources = every["actor"], every["source"]
    return counts


def first_values(by_iri: dict[str, int], minter: Minter, prefix: str, limit: int) -> list[tuple[str, int]]:
    """The ``limit`` IRIs of ``by_iri`` with the highest counts, a tie by slug (see :func:`slug_of`),
    with their counts, in that order: only the candidates (a count at least the ``limit``-th
    highest) are ranked, and none is named (at 1M synthetic events every one of 40,000 sources
    reports 25 events, all tied)."""
    if not by_iri:
        return []
    least = heapq.nlargest(limit, by_iri.values())[-1]
    ranked = sorted((-count, slug_of(iri, minter, prefix), iri)
                    for iri, count in by_iri.items() if count >= least)
    return [(iri, -count) for count, _, iri in ranked[:limit]]


def slug_of(iri: str, minter: Minter, prefix: str) -> str:
    """The slug of ``iri`` (an IRI not minted here is its own), without parsing it when it starts
    with ``prefix`` (the usual case)."""
    slug = iri[len(prefix):]
    if iri.startswith(prefix) and slug and "/" not in slug:
        return slug
    split = minter.split(iri)
    return split[1] if split else iri


def _tally(store, predicate) -> int:
    return int(next(iter(store.query(_TALLY % predicate.value)))[0].value)


def _complete(store) -> bool:
    """True when every stored timeline row of ``store`` (anything with pyoxigraph's ``query``) has
    its middle day (nothing loaded before counts were)."""
    return _tally(store, KBO.timelineRow) == _tally(store, KBO.midDay)


def mark_complete(store, minter: Minter) -> bool:
    """After a load or a reindex: mark the counts of ``store`` (anything with pyoxigraph's
    ``query`` and ``update``: an embedded store or :class:`kb.store.remote.RemoteBackend`)
    complete when it holds timeline rows, every event has its row and every row its middle day,
    else drop the mark; True when marked. Three counts over every event (seconds at 1M events), paid by the
    writer, not by each reader (:func:`stored_counts`, ``kb status``, ``kb serve``)."""
    node, flag = f"<{index_graph(minter).value}>", f"<{KBO.countsComplete.value}>"
    rows = _tally(store, KBO.timelineRow)
    complete = rows > 0 and rows == _tally(store, KBO.midDay) == _tally(store, KBO.dateText)
    update = f"DELETE WHERE {{ GRAPH {node} {{ {node} {flag} ?old }} }}"
    if complete:
        update += f" ;\nINSERT DATA {{ GRAPH {node} {{ {node} {flag} true }} }}"
    store.update(update)
    return complete


def keep_mark(store, minter: Minter, quads: Iterable[Quad]) -> str:
    """The update a load through ``kb`` of ``quads`` adds to its own (same request): the mark of
    complete counts when ``store`` holds it already, or holds no timeline row yet and ``quads``
    bring some (every row such a load writes has its middle day and every event its row, and a
    graph it drops loses both, so what was complete stays so); nothing otherwise (a store that
    was never checked stays unmarked)."""
    node = f"<{index_graph(minter).value}>"
    if not is_marked(store, minter) and (bool(store.query(_ANY_ROW))
                                         or not any(quad.predicate == KBO.timelineRow for quad in quads)):
        return ""
    return (f"DELETE WHERE {{ GRAPH {node} {{ {node} <{KBO.countsComplete.value}> ?old }} }} ;\n"
            f"INSERT DATA {{ GRAPH {node} {{ {node} <{KBO.countsComplete.value}> true }} }}")


def is_marked(store, minter: Minter) -> bool:
    """True when ``store`` holds the mark :func:`mark_complete` writes."""
    node = f"<{index_graph(minter).value}>"
    return bool(store.query(f"ASK {{ GRAPH {node} {{ {node} <{KBO.countsComplete.value}> true }} }}"))
