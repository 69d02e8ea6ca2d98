"""Derived timeline quads: a row for each event, each graph's events per date period, and an index.

Every property of an event read by a query is one index lookup in Oxigraph (7-14 us each), so a
timeline of 5,000 events with ten columns costs more than half a second however the events are
found. The loader therefore writes, beside each event's own triples and in the same named graph:

- ``<event> kbo:timelineRow "[...]"^^rdf:JSON``: the event as one timeline line (:data:`ROW_FIELDS`
  and its ``[role, actor]`` pairs), so that one lookup gives a whole row (used for an actor's
  events and the website's timeline index);
- ``<period> kbo:timelineDigest "..."``: one text line (:func:`line`) for every event of that graph
  whose date overlaps the period (a month ``id/bucket/2024-10``, a year ``id/bucket/2019``, or
  ``id/bucket/wide``; see :func:`periods`). A period is typed ``kbo:DateBucket`` in the ontology
  and its IRI says ``bucket``: both are stored data and stay as they are.

And, in the one graph :func:`index_graph` that holds nothing else:

- ``<period> kbo:timelineIndex "..."``: the lines of every graph's digest of that period, so that a
  month's events are read from three literals (the month's, its year's and ``wide``), however
  many sources report them. A load rewrites the index of the periods it touches in the same SPARQL
  update that replaces the graphs (:func:`reindex`), so it is never out of step with the digests.

They are derived data, never claims: :func:`with_timeline` drops whatever a file brings and writes
rows and digests afresh from the file's own triples, and the bulk loader derives them for files
that lack them (:func:`missing_in`, :func:`derive_in_store`). Because rows and digests live in the
graph of the events they describe, replacing a graph replaces them in the same transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad, Store

from kb.dates import MAX_MONTH_KEYS, month_range
from kb.vocab import EVENT_TYPES, KB_NS, KBO, RDF, RDFS, SEM, Minter

#: The fields of a row, in order; a row ends with its list of ``[role, actor IRI]`` pairs.
ROW_FIELDS = ("event", "type", "earliest", "latest", "edtf", "date_text", "precision", "status", "label",
              "source")
#: Past this many years a date goes into the one period "wide" (read by every window).
MAX_PERIOD_YEARS = 100
WIDE_PERIOD = "wide"
DERIVED = (KBO.timelineRow, KBO.timelineDigest, KBO.timelineIndex)
#: The slug of the index graph (``id/graph/_timeline``): no source slug starts with "_".
INDEX_SLUG = "_timeline"
#: Periods re-indexed by one update when a staging store's whole index is rebuilt.
REINDEX_BATCH = 16
#: The IRI segment of a period (``id/bucket/2024-10``): stored data, kept as it was first written.
PERIOD_SEGMENT = "bucket"
_EVENT_CLASSES = {KBO[kind] for kind in EVENT_TYPES}
_JSON = RDF.JSON


def periods(earliest: date, latest: date) -> list[str]:
    """The periods a date with these bounds is listed in: its months when it spans less than three
    years, else its years when less than a century, else the one period ``wide``."""
    if (latest.year - earliest.year) * 12 + latest.month - earliest.month < MAX_MONTH_KEYS:
        return list(month_range(earliest, latest))
    if latest.year - earliest.year < MAX_PERIOD_YEARS:
        return [f"{year:04d}" for year in range(earliest.year, latest.year + 1)]
    return [WIDE_PERIOD]


def window_periods(earliest: date, latest: date, max_months: int) -> list[str] | None:
    """Every period an event overlapping the window can be listed in; ``None`` (all of them) when
    the window spans more than ``max_months`` months."""
    months = (latest.year - earliest.year) * 12 + latest.month - earliest.month + 1
    if months > max_months:
        return None
    years = [f"{year:04d}" for year in range(earliest.year, latest.year + 1)]
    return [*month_range(earliest, latest), *years, WIDE_PERIOD]


def encode(value) -> Literal:
    """A row or digest as an ``rdf:JSON`` literal (compact, non-ASCII kept as it is)."""
    return Literal(json.dumps(value, ensure_ascii=False, separators=(",", ":")), datatype=_JSON)


def index_graph(minter: Minter) -> NamedNode:
    """The named graph that holds the ``kbo:timelineIndex`` of every period, and nothing else."""
    return minter.entity("graph", INDEX_SLUG)


def period_iri(minter: Minter, key: str) -> NamedNode:
    """The IRI of the period ``key`` (``2024-10``, ``2019`` or ``wide``)."""
    return minter.entity(PERIOD_SEGMENT, key)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text: str) -> str:
    """A field of a digest line as it was (see :func:`line`)."""
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"t": "\t", "n": "\n"}.get(following, following))
        else:
            out.append(char)
    return "".join(out)


def line(row: list) -> str:
    """A row as one line of a digest: earliest and latest day (ten characters each, so that lines
    sort by date), IRI, type, EDTF value, date text, precision, status and label, separated by tabs;
    a tab, newline or backslash in the text is escaped with a backslash."""
    iri, kind, earliest, latest, edtf, date_text, precision, status, label = row[:9]
    return "\t".join((earliest, latest, iri, kind, edtf, _escape(date_text), precision, status,
                      _escape(label)))


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
        first, last = date.fromisoformat(earliest[0].value), date.fromisoformat(latest[0].value)
        row = [event.value, _local(kind), first.isoformat(), last.isoformat(), _first(get(KBO.edtf)),
               _first(get(KBO.dateText)), _first(get(KBO.datePrecision)),
               _local(status[0]) if status else "happened", _first(get(RDFS.label)),
               _first(get(KBO.source)), roles]
        found[graph].append((event, row))
    return found


def derived_quads(rows: dict[NamedNode, list[tuple[NamedNode, list]]], minter: Minter) -> list[Quad]:
    """The ``kbo:timelineRow`` of each event and the ``kbo:timelineDigest`` of each graph's periods."""
    quads = []
    for graph, events in rows.items():
        for event, row in events:
            quads.append(Quad(event, KBO.timelineRow, encode(row), graph))
        for key, listed in digests(row for _, row in events):
            quads.append(Quad(period_iri(minter, key), KBO.timelineDigest, Literal(listed), graph))
    return quads


def digests(rows: Iterable[list]) -> list[tuple[str, str]]:
    """One graph's rows grouped by period: ``[(period key, its lines in order), ...]`` by key."""
    by_period: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        text = line(row)
        for key in periods(date.fromisoformat(row[2]), date.fromisoformat(row[3])):
            by_period[key].append(text)
    return sorted((key, "\n".join(sorted(lines))) for key, lines in by_period.items())


# --- the index: every graph's digest of a period in one literal ---------------------------------

_REINDEX = """DELETE {{ GRAPH {index} {{ ?period <{has_index}> ?old }} }}
WHERE {{ {values}GRAPH {index} {{ ?period <{has_index}> ?old }} }} ;
INSERT {{ GRAPH {index} {{ ?period <{has_index}> ?lines }} }}
WHERE {{
  SELECT ?period (GROUP_CONCAT(?digest; separator="\\n") AS ?lines) WHERE {{
    {{ SELECT ?period ?digest WHERE {{ {values}GRAPH ?graph {{ ?period <{has_digest}> ?digest }} }}
      ORDER BY ?period ?digest }}
  }} GROUP BY ?period
}}"""


def reindex(minter: Minter, period_iris: Iterable[NamedNode] | None = None) -> str:
    """A SPARQL update that rewrites the index of ``period_iris`` (every period when ``None``) from
    the digests the store holds: the index of a period is its digests' lines, the digests in order
    of their text. A period no digest is left in loses its index."""
    values = ""
    if period_iris is not None:
        listed = " ".join(str(iri) for iri in sorted(set(period_iris), key=str))
        values = f"VALUES ?period {{ {listed} }} "
    return _REINDEX.format(index=index_graph(minter), has_index=KBO.timelineIndex.value,
                           has_digest=KBO.timelineDigest.value, values=values)


_PERIODS_OF = """SELECT DISTINCT ?period WHERE {
  %s GRAPH ?graph { ?period <%s> ?digest }
}"""


def periods_of(store, graphs: Iterable[NamedNode] | None = None) -> set[NamedNode]:
    """The periods the digests of ``graphs`` (of every graph when ``None``) are stated of, in
    anything with pyoxigraph's ``query``."""
    values = ""
    if graphs is not None:
        listed = " ".join(str(graph) for graph in graphs)
        if not listed:
            return set()
        values = f"VALUES ?graph {{ {listed} }}"
    return {row[0] for row in store.query(_PERIODS_OF % (values, KBO.timelineDigest.value))}


def has_index(store, minter: Minter) -> bool:
    """True when ``store`` holds an index (a store loaded before there was one holds none)."""
    sparql = f"ASK {{ GRAPH {index_graph(minter)} {{ ?period <{KBO.timelineIndex.value}> ?lines }} }}"
    return bool(store.query(sparql))


def index_update(store, minter: Minter, replace: Iterable[NamedNode], quads: Iterable[Quad]) -> str:
    """The update to run, after dropping ``replace`` and inserting ``quads`` and in the same request,
    that brings the index in step: the periods of the digests dropped and of those inserted; every
    period when ``store`` has no index yet."""
    if not has_index(store, minter):
        return reindex(minter)
    touched = periods_of(store, replace)
    touched.update(quad.subject for quad in quads if quad.predicate == KBO.timelineDigest)
    return reindex(minter, touched) if touched else ""


def rebuild_index(store: Store, minter: Minter) -> int:
    """Rewrite the whole index of a pyoxigraph ``store`` not yet in use (a staging store), a few
    periods an update so that no update holds the whole index in memory; the number of periods."""
    graph = index_graph(minter)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    listed = sorted(periods_of(store), key=str)
    for start in range(0, len(listed), REINDEX_BATCH):
        store.update(reindex(minter, listed[start:start + REINDEX_BATCH]))
    return len(listed)


def with_timeline(quads: list[Quad], minter: Minter) -> list[Quad]:
    """``quads`` without any timeline rows, digests or index they bring, plus freshly derived rows
    and digests (the index is the store's: see :func:`index_update`)."""
    kept = [quad for quad in quads if quad.predicate not in DERIVED]
    return kept + derived_quads(rows_of(kept), minter)


# --- stores loaded in bulk ---------------------------------------------------------------------

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?event %s ?value } }"


def missing_in(store) -> bool:
    """True when the events of ``store`` (what has a ``kbo:dateText``) and its timeline rows differ
    in number: two counts over one index each, a second or so at 1M events. ``store`` is anything
    with pyoxigraph's ``query``: an embedded store or :class:`kb.store.remote.RemoteBackend`."""
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
    ``query`` (an embedded store or :class:`kb.store.remote.RemoteBackend`); only ``graphs`` when given."""
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
