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
- ``<month> kbo:eventCounts "..."``, ``<actor> kbo:eventCounts``, ``<source> kbo:eventCounts``:
  how many events there are by type and middle day and by status (each event once, in the month
  of its ``kbo:midDay``, which the loader writes beside its row), and how many each actor takes
  part in and each source reports: the whole timeline's counts and facets from a few hundred
  literals (:mod:`kb.timeline.overview`), rewritten by the same update as the index.

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
from kb.vocab import EVENT_TYPES, KB_NS, KBO, RDF, RDFS, SEM, STATUSES, XSD, Minter

#: The fields of a row, in order; a row ends with its list of ``[role, actor IRI]`` pairs.
ROW_FIELDS = ("event", "type", "earliest", "latest", "edtf", "date_text", "precision", "status", "label",
              "source")
#: Past this many years a date goes into the one period "wide" (read by every window).
MAX_PERIOD_YEARS = 100
WIDE_PERIOD = "wide"
DERIVED = (KBO.timelineRow, KBO.timelineDigest, KBO.timelineIndex, KBO.midDay, KBO.eventCounts,
           KBO.countsComplete)
#: The slug of the index graph (``id/graph/_timeline``): no source slug starts with "_".
INDEX_SLUG = "_timeline"
#: Periods re-indexed by one update when a staging store's whole index is rebuilt.
REINDEX_BATCH = 16
#: Actors and sources whose counts one update rewrites when the whole index is rebuilt.
RECOUNT_BATCH = 500
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


def mid_day(row: list) -> date:
    """The day halfway between a row's earliest and latest day (rounded down): where the event is
    counted (``kbo:midDay``) and in which bucket a view's counts place it."""
    first, last = date.fromisoformat(row[2]), date.fromisoformat(row[3])
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2)


def derived_quads(rows: dict[NamedNode, list[tuple[NamedNode, list]]], minter: Minter) -> list[Quad]:
    """The ``kbo:timelineRow`` and ``kbo:midDay`` of each event and the ``kbo:timelineDigest`` of
    each graph's periods."""
    quads = []
    for graph, events in rows.items():
        for event, row in events:
            quads.append(Quad(event, KBO.timelineRow, encode(row), graph))
            quads.append(Quad(event, KBO.midDay, Literal(mid_day(row).isoformat(), datatype=XSD.date), graph))
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


_RECOUNT_MONTHS = """DELETE {{ GRAPH {index} {{ ?month <{counts}> ?old }} }}
WHERE {{ {month_values}GRAPH {index} {{ ?month <{counts}> ?old }}
        FILTER(STRSTARTS(STR(?month), "{prefix}")) }} ;
INSERT {{ GRAPH {index} {{ ?month <{counts}> ?lines }} }}
WHERE {{
  SELECT ?month (GROUP_CONCAT(?line; separator="\\n") AS ?lines) WHERE {{
   {{ SELECT ?month ?line WHERE {{
    {{ SELECT ?month ?type ?day ?status (COUNT(?event) AS ?n) WHERE {{
        {{ SELECT ?event (MIN(?dating) AS ?kept) (MIN(?typeKey) AS ?firstType)
                 (MAX(?statusKey) AS ?lastStatus) WHERE {{
            {day_values}GRAPH ?someGraph {{ ?event <{mid_day}> ?someDay }}
            LATERAL {{ GRAPH ?graph {{  # each event's datings looked up, not joined with every event's
              ?event <{mid_day}> ?middle ; <{earliest}> ?first ; <{latest}> ?last ; a ?class .
              OPTIONAL {{ ?event <{status}> ?state }}
            }} }}
            BIND({type_key} AS ?typeKey)
            FILTER(?typeKey != "")
            BIND(CONCAT(STR(?first), " ", STR(?last), " ", STR(?middle)) AS ?dating)
            BIND({status_key} AS ?statusKey)
          }} GROUP BY ?event }}
        BIND(SUBSTR(?kept, STRLEN(?kept) - 9) AS ?day)
        BIND(SUBSTR(?firstType, 3) AS ?type)
        BIND(SUBSTR(?lastStatus, 2) AS ?status)
        BIND(IRI(CONCAT("{prefix}", SUBSTR(?day, 1, 7))) AS ?month)
        {month_filter}
      }} GROUP BY ?month ?type ?day ?status }}
    BIND(CONCAT(?type, " ", ?day, " ", ?status, " ", STR(?n)) AS ?line)
   }} ORDER BY ?month ?line }}
  }} GROUP BY ?month
}}"""

# Each event is counted once, as the web app's index merges the claims of several graphs: its
# earliest dating (the least earliest day, then the least latest day), its first type in the order
# of EVENT_TYPES and its last status in the order of STATUSES.

_RECOUNT_THINGS = """DELETE {{ GRAPH {index} {{ ?thing <{counts}> ?old }} }}
WHERE {{ {values}GRAPH {index} {{ ?thing <{counts}> ?old }} FILTER(!STRSTARTS(STR(?thing), "{prefix}")) }} ;
INSERT {{ GRAPH {index} {{ ?thing <{counts}> ?line }} }}
WHERE {{
  SELECT ?thing (CONCAT(?kind, " ", STR(COUNT(DISTINCT ?event))) AS ?line) WHERE {{
    {{ {values}GRAPH ?graph {{ ?role <{value}> ?thing ; <{role_type}> ?roleType .
                              ?event <{has_actor}> ?role ; <{mid_day}> ?day }} BIND("actor" AS ?kind) }}
    UNION
    {{ {values}GRAPH ?graph {{ ?event <{source}> ?thing ; <{mid_day}> ?day }} BIND("source" AS ?kind) }}
  }} GROUP BY ?thing ?kind
}}"""


def _type_key() -> str:
    """A SPARQL expression: ``?class``'s place in :data:`EVENT_TYPES` and name ("00Offer"), or ""
    for a class that is no event type (a BIND rather than VALUES, which Oxigraph would join first)."""
    key = '""'
    for rank, kind in reversed(list(enumerate(EVENT_TYPES))):
        key = f'IF(?class = {KBO[kind]}, "{rank:02d}{kind}", {key})'
    return key


def _status_key() -> str:
    """A SPARQL expression: ``?state``'s place in :data:`STATUSES` and name ("1planned"), the
    first status when it has none or another."""
    key = f'"0{STATUSES[0]}"'
    for rank, state in reversed(list(enumerate(STATUSES))[1:]):
        key = f'IF(BOUND(?state) && ?state = {KBO[state]}, "{rank}{state}", {key})'
    return key


def _month_days(months: Iterable[str]) -> list[date]:
    days = []
    for key in sorted(set(months)):
        first = date.fromisoformat(f"{key}-01")
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        days += [date.fromordinal(day) for day in range(first.toordinal(), following.toordinal())]
    return days


def recount(minter: Minter, months: Iterable[str] | None = None, things: Iterable[NamedNode] | None = None
            ) -> list[str]:
    """The SPARQL updates (to join with ``;``) that rewrite the ``kbo:eventCounts`` of ``months``
    (``YYYY-MM``) and of ``things`` (actors and sources) from the events the store holds; of every
    month and thing when both are ``None``. Each event is counted once, however many graphs hold
    it: in the month of its ``kbo:midDay``, by type and day and by status, and once for each actor
    in a role in it and each source that reports it."""
    common = {"index": index_graph(minter), "counts": KBO.eventCounts.value, "mid_day": KBO.midDay.value,
              "prefix": period_iri(minter, "").value, "ns": KB_NS}
    everything = months is None and things is None
    parts = []
    months = None if everything else sorted(set(months or ()))
    if everything or months:
        day_values = month_values = ""
        if months:
            days = " ".join(str(Literal(day.isoformat(), datatype=XSD.date)) for day in _month_days(months))
            day_values = f"VALUES ?someDay {{ {days} }} "
            listed = " ".join(str(period_iri(minter, key)) for key in months)
            month_values = f"VALUES ?month {{ {listed} }} "
        month_filter = ""
        if months:
            month_filter = "FILTER(SUBSTR(?day, 1, 7) IN ({}))".format(", ".join(f'"{key}"' for key in
                                                                                 months))
        parts.append(_RECOUNT_MONTHS.format(
            **common, day_values=day_values, month_values=month_values, month_filter=month_filter,
            status=KBO.status.value, earliest=SEM.hasEarliestBeginTimeStamp.value,
            latest=SEM.hasLatestEndTimeStamp.value,
            type_key=_type_key(),
            status_key=_status_key()))
    things = None if everything else sorted(set(things or ()), key=str)
    if everything or things:
        values = f"VALUES ?thing {{ {' '.join(str(thing) for thing in things)} }} " if things else ""
        parts.append(_RECOUNT_THINGS.format(
            **common, values=values, value=RDF.value.value, role_type=SEM.roleType.value,
            has_actor=SEM.hasActor.value, source=KBO.source.value))
    return parts


def reindex(minter: Minter, period_iris: Iterable[NamedNode] | None = None,
            months: Iterable[str] | None = None, things: Iterable[NamedNode] | None = None) -> str:
    """A SPARQL update that rewrites the index of ``period_iris`` from the digests the store holds
    (the index of a period is its digests' lines, the digests in order of their text; a period no
    digest is left in loses its index), and the counts of ``months`` and ``things``
    (:func:`recount`); every period's index and every count when all three are ``None``."""
    everything = period_iris is None and months is None and things is None
    parts = []
    listed = None if period_iris is None else sorted(set(period_iris), key=str)
    if everything or listed:
        values = "" if listed is None else "VALUES ?period {{ {} }} ".format(" ".join(map(str, listed)))
        parts.append(_REINDEX.format(index=index_graph(minter), has_index=KBO.timelineIndex.value,
                                     has_digest=KBO.timelineDigest.value, values=values))
    if everything or months or things:
        parts += recount(minter, None if everything else months or (), None if everything else things or ())
    return " ;\n".join(parts)


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


_COUNTED_OF = """SELECT DISTINCT ?thing WHERE {
  { %(values)s GRAPH ?graph { ?event <%(mid_day)s> ?middle } GRAPH ?claim { ?event <%(mid_day)s> ?thing } }
  UNION { %(values)s GRAPH ?graph { ?role <%(value)s> ?thing ; <%(role_type)s> ?roleType } }
  UNION { %(values)s GRAPH ?graph { ?event <%(source)s> ?thing } }
}"""


def counted_of(store, graphs: Iterable[NamedNode] | None = None) -> tuple[set[str], set[NamedNode]]:
    """The months (of ``kbo:midDay``) and the actors and sources whose counts the events of
    ``graphs`` (of every graph when ``None``) are part of: the months of every claim of those
    events, in whichever graph (the month an event is counted in is chosen among them)."""
    values = ""
    if graphs is not None:
        listed = " ".join(str(graph) for graph in graphs)
        if not listed:
            return set(), set()
        values = f"VALUES ?graph {{ {listed} }}"
    months, things = set(), set()
    sparql = _COUNTED_OF % {"values": values, "mid_day": KBO.midDay.value, "value": RDF.value.value,
                            "role_type": SEM.roleType.value, "source": KBO.source.value}
    for (thing,) in store.query(sparql):
        if isinstance(thing, Literal):
            months.add(thing.value[:7])
        elif isinstance(thing, NamedNode):
            things.add(thing)
    return months, things


_CLAIM_MONTHS = "SELECT DISTINCT ?middle WHERE { VALUES ?event { %s } GRAPH ?graph { ?event <%s> ?middle } }"


def _counted_in(store, quads: Iterable[Quad]) -> tuple[set[str], set[NamedNode]]:
    """The months and the actors and sources whose counts ``quads`` are part of, with the months of
    the other claims ``store`` holds of their events."""
    months, things, events = set(), set(), set()
    for quad in quads:
        if quad.predicate == KBO.midDay:
            months.add(quad.object.value[:7])
            events.add(quad.subject)
        elif quad.predicate in (RDF.value, KBO.source) and isinstance(quad.object, NamedNode):
            things.add(quad.object)
    listed = sorted(events, key=str)
    for start in range(0, len(listed), 500):
        chunk = " ".join(str(event) for event in listed[start:start + 500])
        months.update(row[0].value[:7] for row in store.query(_CLAIM_MONTHS % (chunk, KBO.midDay.value)))
    return months, things


def has_index(store, minter: Minter) -> bool:
    """True when ``store`` holds an index (a store loaded before there was one holds none)."""
    sparql = f"ASK {{ GRAPH {index_graph(minter)} {{ ?period <{KBO.timelineIndex.value}> ?lines }} }}"
    return bool(store.query(sparql))


def has_counts(store, minter: Minter) -> bool:
    """True when ``store`` holds event counts (a store loaded before there were any holds none)."""
    sparql = f"ASK {{ GRAPH {index_graph(minter)} {{ ?thing <{KBO.eventCounts.value}> ?lines }} }}"
    return bool(store.query(sparql))


def index_update(store, minter: Minter, replace: Iterable[NamedNode], quads: Iterable[Quad]) -> str:
    """The update to run, after dropping ``replace`` and inserting ``quads`` and in the same request,
    that brings the index and the counts in step: the periods of the digests dropped and of those
    inserted, the months, actors and sources of the events dropped and inserted; everything when
    ``store`` has no index yet, every count when it has no counts yet."""
    quads = list(quads)
    if not has_index(store, minter):
        return reindex(minter)
    touched = periods_of(store, replace)
    touched.update(quad.subject for quad in quads if quad.predicate == KBO.timelineDigest)
    if not has_counts(store, minter):  # a store indexed before there were counts: count everything, once
        return " ;\n".join([*([reindex(minter, touched, [], [])] if touched else []), *recount(minter)])
    months, things = counted_of(store, replace)
    inserted = _counted_in(store, quads)
    months |= inserted[0]
    things |= inserted[1]
    return reindex(minter, touched, months, things) if touched or months or things else ""


def rebuild_index(store: Store, minter: Minter) -> int:
    """Rewrite the whole index of a pyoxigraph ``store`` not yet in use (a staging store), a few
    periods an update so that no update holds the whole index in memory; the number of periods."""
    graph = index_graph(minter)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    listed = sorted(periods_of(store), key=str)
    for start in range(0, len(listed), REINDEX_BATCH):
        store.update(reindex(minter, listed[start:start + REINDEX_BATCH]))
    for update in recount_batches(store, minter):
        store.update(update)
    return len(listed)


def recount_batches(store, minter: Minter) -> Iterator[str]:
    """Updates that rewrite every count of ``store`` (anything with pyoxigraph's ``query``) a few
    months or :data:`RECOUNT_BATCH` actors and sources at a time, so that no update holds every
    count in memory; counts of what holds no event any more are dropped."""
    months, things = counted_of(store)
    sparql = (f"SELECT ?thing WHERE {{ GRAPH {index_graph(minter)} "
              f"{{ ?thing <{KBO.eventCounts.value}> ?lines }} }}")
    prefix = period_iri(minter, "").value
    for (thing,) in store.query(sparql):
        if thing.value.startswith(prefix):
            months.add(thing.value.removeprefix(prefix))
        else:
            things.add(thing)
    listed, named = sorted(months), sorted(things, key=str)
    for start in range(0, len(listed), REINDEX_BATCH):
        yield reindex(minter, [], listed[start:start + REINDEX_BATCH], [])
    for start in range(0, len(named), RECOUNT_BATCH):
        yield reindex(minter, [], [], named[start:start + RECOUNT_BATCH])


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
  %(values)s
  GRAPH ?g {
    { ?s a ?type . FILTER(?type IN (%(types)s)) ?s ?p ?o }
    UNION
    { ?e a ?type . FILTER(?type IN (%(types)s)) ?e <%(has_actor)s> ?s . ?s ?p ?o }
  }
}"""


def event_quads(store, graphs: Iterable[NamedNode] | None = None) -> Iterator[Quad]:
    """The triples of every event and of its role nodes, as quads, from anything with pyoxigraph's
    ``query`` (an embedded store or :class:`kb.store.remote.RemoteBackend`); only those of
    ``graphs`` when given (looked up graph by graph, not read from the whole store)."""
    values = "" if graphs is None else "VALUES ?g {{ {} }}".format(" ".join(str(graph) for graph in graphs))
    sparql = _EVENT_QUADS % {"types": ", ".join(str(kind) for kind in sorted(_EVENT_CLASSES, key=str)),
                             "has_actor": SEM.hasActor.value, "values": values}
    for row in store.query(sparql):
        yield Quad(row["s"], row["p"], row["o"], row["g"])


def derive_in_store(store, minter: Minter) -> int:
    """Rewrite every timeline row and digest of a pyoxigraph ``store`` from its events' triples (for
    a file loaded in bulk without them); the number of events."""
    for quad in [q for predicate in DERIVED for q in store.quads_for_pattern(None, predicate, None)]:
        store.remove(quad)
    rows = rows_of(event_quads(store))
    store.bulk_extend(derived_quads(rows, minter))
    return sum(len(events) for events in rows.values())


def mid_days_missing(store) -> bool:
    """True when some timeline row of ``store`` (anything with pyoxigraph's ``query``) has no
    ``kbo:midDay`` beside it (a file written before there were counts)."""
    def count(predicate: NamedNode) -> int:
        return int(next(iter(store.query(_COUNT % predicate)))["n"].value)

    return count(KBO.timelineRow) != count(KBO.midDay)


_ROWS_IN = "SELECT ?g ?event ?row WHERE { %s GRAPH ?g { ?event <%s> ?row } }"


def mid_day_quads(store, graphs: Iterable[NamedNode] | None = None) -> Iterator[Quad]:
    """The ``kbo:midDay`` of every timeline row of ``graphs`` (of every graph when ``None``) in
    ``store`` (anything with pyoxigraph's ``query``), from the rows themselves."""
    values = "" if graphs is None else "VALUES ?g {{ {} }}".format(" ".join(str(graph) for graph in graphs))
    for graph, event, row in store.query(_ROWS_IN % (values, KBO.timelineRow.value)):
        day = mid_day(json.loads(row.value)).isoformat()
        yield Quad(event, KBO.midDay, Literal(day, datatype=XSD.date), graph)


def derive_counts(store: Store, minter: Minter) -> int:
    """Give a pyoxigraph ``store`` loaded before there were counts its events' ``kbo:midDay`` (from
    their stored timeline rows) and every count; the number of rows."""
    for quad in list(store.quads_for_pattern(None, KBO.midDay, None)):
        store.remove(quad)
    added = list(mid_day_quads(store))
    store.bulk_extend(added)
    for update in recount_batches(store, minter):
        store.update(update)
    return len(added)
