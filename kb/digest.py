"""Derived timeline quads: a row for each event, and a digest of each graph's events per date bucket.

Every property of an event read by a query is one index lookup in Oxigraph (7-14 us each), so a
timeline of 5,000 events with ten columns costs more than half a second however the events are
found. The loader therefore writes, beside each event's own triples and in the same named graph:

- ``<event> kbo:timelineRow "[...]"^^rdf:JSON``: the event as one timeline line (:data:`ROW_FIELDS`
  and its ``[role, actor]`` pairs), so that one lookup gives a whole row (used for an actor's
  events);
- ``<bucket> kbo:timelineDigest "[[...], ...]"^^rdf:JSON``: the rows of every event of that graph
  whose date overlaps the bucket (a month ``id/bucket/2024-10``, a year ``id/bucket/2019``, or
  ``id/bucket/wide``; see :func:`buckets`), so that a month's events are read from a few hundred
  literals rather than thousands of events.

They are derived data, never claims: :func:`with_timeline` drops whatever a file brings and writes
them afresh from the file's own triples, and the bulk loader derives them for files that lack them
(:func:`missing_in`, :func:`derive_in_store`). Because they live in the graph of the events they
describe, replacing a graph replaces its digests in the same transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad

from kb.dates import MAX_MONTH_KEYS, month_range
from kb.vocab import EVENT_TYPES, KB_NS, KBO, RDF, RDFS, SEM, Minter

#: The fields of a row, in order; a row ends with its list of ``[role, actor IRI]`` pairs.
ROW_FIELDS = ("event", "type", "earliest", "latest", "edtf", "date_text", "precision", "status", "label",
              "source")
#: Past this many years a date goes into the one bucket "wide" (read by every window).
MAX_BUCKET_YEARS = 100
WIDE_BUCKET = "wide"
DERIVED = (KBO.timelineRow, KBO.timelineDigest)
_EVENT_CLASSES = {KBO[kind] for kind in EVENT_TYPES}
_JSON = RDF.JSON


def buckets(earliest: date, latest: date) -> list[str]:
    """The buckets a date with these bounds is listed in: its months when it spans less than three
    years, else its years when less than a century, else the one bucket ``wide``."""
    if (latest.year - earliest.year) * 12 + latest.month - earliest.month < MAX_MONTH_KEYS:
        return list(month_range(earliest, latest))
    if latest.year - earliest.year < MAX_BUCKET_YEARS:
        return [f"{year:04d}" for year in range(earliest.year, latest.year + 1)]
    return [WIDE_BUCKET]


def window_buckets(earliest: date, latest: date, max_months: int) -> list[str] | None:
    """Every bucket an event overlapping the window can be listed in; ``None`` (all of them) when
    the window spans more than ``max_months`` months."""
    months = (latest.year - earliest.year) * 12 + latest.month - earliest.month + 1
    if months > max_months:
        return None
    years = [f"{year:04d}" for year in range(earliest.year, latest.year + 1)]
    return [*month_range(earliest, latest), *years, WIDE_BUCKET]


def encode(value) -> Literal:
    """A row or digest as an ``rdf:JSON`` literal (compact, non-ASCII kept as it is)."""
    return Literal(json.dumps(value, ensure_ascii=False, separators=(",", ":")), datatype=_JSON)


def _local(term) -> str:
    return term.value.removeprefix(KB_NS)


def _first(values: list) -> str:
    return values[0].value if values else ""


def rows_of(quads: Iterable[Quad]) -> dict[NamedNode, list[tuple[NamedNode, list]]]:
    """The timeline row of each event among ``quads`` (those typed with an event class and dated),
    by graph: ``{graph: [(event, row), ...]}``."""
    values: dict[tuple, list] = defaultdict(list)
    events: list[tuple[NamedNode, NamedNode, NamedNode]] = []
    for quad in quads:
        if quad.predicate in DERIVED:
            continue
        values[(quad.graph_name, quad.subject, quad.predicate)].append(quad.object)
        if quad.predicate == RDF.type and quad.object in _EVENT_CLASSES:
            events.append((quad.graph_name, quad.subject, quad.object))
    found: dict[NamedNode, list[tuple[NamedNode, list]]] = defaultdict(list)
    seen = set()
    for graph, event, kind in events:
        if (graph, event) in seen:
            continue
        seen.add((graph, event))

        def get(predicate, graph=graph, event=event):
            return values.get((graph, event, predicate), [])

        earliest, latest = get(SEM.hasEarliestBeginTimeStamp), get(SEM.hasLatestEndTimeStamp)
        if not earliest or not latest:
            continue  # not dated: the shapes say so; it cannot be placed on a timeline
        roles = sorted(
            [_local(role_type), actor.value]
            for node in get(SEM.hasActor)
            for role_type in values.get((graph, node, SEM.roleType), [])
            for actor in values.get((graph, node, RDF.value), [])
        )
        status = get(KBO.status)
        row = [event.value, _local(kind), earliest[0].value, latest[0].value, _first(get(KBO.edtf)),
               _first(get(KBO.dateText)), _first(get(KBO.datePrecision)),
               _local(status[0]) if status else "happened", _first(get(RDFS.label)),
               _first(get(KBO.source)), roles]
        found[graph].append((event, row))
    return found


def derived_quads(rows: dict[NamedNode, list[tuple[NamedNode, list]]], minter: Minter) -> list[Quad]:
    """The ``kbo:timelineRow`` of each event and the ``kbo:timelineDigest`` of each graph's buckets."""
    quads = []
    for graph, events in rows.items():
        for event, row in events:
            quads.append(Quad(event, KBO.timelineRow, encode(row), graph))
        for key, listed in digests(row for _, row in events):
            quads.append(Quad(minter.entity("bucket", key), KBO.timelineDigest, encode(listed), graph))
    return quads


def digests(rows: Iterable[list]) -> list[tuple[str, list[list]]]:
    """One graph's rows grouped by bucket: ``[(bucket key, rows in date order), ...]`` by key."""
    by_bucket: dict[str, list[list]] = defaultdict(list)
    for row in rows:
        for key in buckets(date.fromisoformat(row[2]), date.fromisoformat(row[3])):
            by_bucket[key].append(row)
    for listed in by_bucket.values():
        listed.sort(key=lambda row: (row[2], row[3], row[0]))
    return sorted(by_bucket.items())


def with_timeline(quads: list[Quad], minter: Minter) -> list[Quad]:
    """``quads`` without any timeline rows or digests they bring, plus freshly derived ones."""
    kept = [quad for quad in quads if quad.predicate not in DERIVED]
    return kept + derived_quads(rows_of(kept), minter)


# --- stores loaded in bulk ---------------------------------------------------------------------

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?event %s ?value } }"


def missing_in(store) -> bool:
    """True when the events of ``store`` (what has a ``kbo:dateText``) and its timeline rows differ
    in number: two counts over one index each, a second or so at 1M events. ``store`` is anything
    with pyoxigraph's ``query``: an embedded store or :class:`kb.remote.RemoteBackend`."""
    def count(predicate: NamedNode) -> int:
        return int(next(iter(store.query(_COUNT % predicate)))["n"].value)

    return count(KBO.dateText) != count(KBO.timelineRow)


_EVENT_QUADS = """
SELECT ?g ?s ?p ?o WHERE {
  GRAPH ?g {
    { ?s a ?type . FILTER(?type IN (%(types)s)) ?s ?p ?o }
    UNION
    { ?e a ?type . FILTER(?type IN (%(types)s)) ?e <%(has_actor)s> ?s . ?s ?p ?o }
  }
}"""


def event_quads(store, graphs: set | None = None) -> Iterator[Quad]:
    """The triples of every event and of its role nodes, as quads, from anything with pyoxigraph's
    ``query`` (an embedded store or :class:`kb.remote.RemoteBackend`); only ``graphs`` when given."""
    sparql = _EVENT_QUADS % {"types": ", ".join(str(kind) for kind in sorted(_EVENT_CLASSES, key=str)),
                             "has_actor": SEM.hasActor.value}
    for row in store.query(sparql):
        if graphs is None or row["g"] in graphs:
            yield Quad(row["s"], row["p"], row["o"], row["g"])


def derive_in_store(store, minter: Minter) -> int:
    """Rewrite every timeline row and digest of a pyoxigraph ``store`` from its events' triples (for
    a file loaded in bulk without them); the number of events."""
    for quad in [q for predicate in DERIVED for q in store.quads_for_pattern(None, predicate, None)]:
        store.remove(quad)
    rows = rows_of(event_quads(store))
    store.bulk_extend(derived_quads(rows, minter))
    return sum(len(events) for events in rows.values())
