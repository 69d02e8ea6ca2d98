"""Reading a timeline from the store: a window's events, an actor's events, the extent, labels.

Oxigraph has no range index over literals, so a FILTER on date bounds reads every dated event, and
each column of each event is one more index lookup. :func:`window` and :func:`actor_events` read the
derived timeline quads the loader writes (:mod:`kb.timeline.rows`): the stored index of a window's
periods, or one row per event of an actor. :func:`window_rows` gives the timeline rows of a
window's events (what :class:`kb.timeline.index.TimelineIndex` is filled from when a view is built
without the web app's index). The month keys (``kbo:monthKey``, see :mod:`kb.dates`) serve
:func:`text_matches` and :func:`extent` (:data:`IN_WINDOW`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from datetime import date

from pyoxigraph import Literal, NamedNode, QuerySolutions

from kb.dates import months_between
from kb.errors import QueryError
from kb.queries import plain
from kb.store import KnowledgeBase
from kb.timeline.model import TimelineEvent
from kb.timeline.rows import index_graph, period_iri, unescape, window_periods
from kb.vocab import EVENT_TYPES, KB_NS, PREFIXES, XSD, Minter

# The window's bounds are written into the query as typed literals (made from ``date`` objects) rather
# than bound with ``substitutions=``: a substituted variable is bound only when evaluation starts, so
# Oxigraph's planner keeps the FILTERs after the last pattern and looks up every column of events
# that then fail them (1.5x slower at 100k events; see benchmarks/kb_scale.py).
#: The events of a window: month-key lookups, then the exact bounds (filled in with %-formatting).
IN_WINDOW = """  VALUES ?key { %(keys)s }
  ?event kbo:monthKey ?key .
  ?event sem:hasLatestEndTimeStamp ?latest .
  FILTER(?latest >= %(from)s)
  ?event sem:hasEarliestBeginTimeStamp ?earliest .
  FILTER(?earliest <= %(to)s)"""

_TEXTS = """
SELECT ?event ?text WHERE {
%(in_window)s
  ?event rdfs:label|kbo:sourceSentence|kbo:dateText|kbo:quote ?text .
}""".replace("%(in_window)s", IN_WINDOW)

_LABELS = """
SELECT ?thing ?label WHERE {
  VALUES ?thing { %s }
  ?thing rdfs:label ?label .
}"""

_TYPE_LABELS = """
SELECT ?type ?label WHERE {
  ?type a owl:Class ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?type), STR(kbo:)))
}"""

_EXTENT = """
SELECT (MIN(?earliest) AS ?first) (MAX(?latest) AS ?last) WHERE {
  ?event kbo:monthKey ?key ; sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest .
}"""

#: Past this many months a window lists no month keys (``UNDEF``): it holds most events anyway.
MAX_WINDOW_MONTHS = 1200
#: How long the whole dataset's first and last day are remembered (seconds).
EXTENT_TTL = 60.0


def _rows(kb: KnowledgeBase, sparql: str, columns: tuple[str, ...], substitutions=None):
    """A SELECT's rows as tuples of terms in the order of ``columns``.

    Reading a solution by position is about ten times cheaper than by name (``kb.select``): 15 of
    the 71 ms of a 514-event window at 100k events went to building dicts.
    """
    solutions = kb.query(sparql, substitutions=substitutions, prefixes=PREFIXES)
    if not isinstance(solutions, QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [variable.value for variable in solutions.variables]
    order = [names.index(column) for column in columns]
    for solution in solutions:
        values = tuple(solution)
        yield tuple(values[index] for index in order)


def _key(event) -> tuple:
    return (event.earliest, event.latest, event.iri)


def _in_window(sparql: str, earliest: date, latest: date) -> str:
    """``sparql`` with the window's month keys and bounds (typed literals made from dates)."""
    return sparql % {"keys": _month_keys(earliest, latest),
                     "from": Literal(earliest.isoformat(), datatype=XSD.date),
                     "to": Literal(latest.isoformat(), datatype=XSD.date)}


def _month_keys(earliest: date, latest: date) -> str:
    """The ``VALUES`` of the month keys a window overlaps (:func:`kb.dates.months_between`);
    ``UNDEF`` (every key) past :data:`MAX_WINDOW_MONTHS` months."""
    keys = months_between(earliest, latest)
    if len(keys) - 1 > MAX_WINDOW_MONTHS:
        return "UNDEF"
    return " ".join(f'"{key}"' for key in keys)  # fixed YYYY-MM keys, never user text


_INDEX = """
SELECT ?lines WHERE {
  VALUES ?period { %s }
  GRAPH %s { ?period kbo:timelineIndex ?lines }
}"""
_ALL_INDEX = "SELECT ?lines WHERE { GRAPH %s { ?period kbo:timelineIndex ?lines } }"
_ACTOR_ROWS = "SELECT ?row WHERE { ?event kbo:involves %s ; kbo:timelineRow ?row }"


def _from_row(row: list) -> TimelineEvent:
    """A :class:`TimelineEvent` from a timeline row (:data:`kb.timeline.rows.ROW_FIELDS`)."""
    iri, kind, earliest, latest, edtf, date_text, precision, status, label = row[:9]
    return TimelineEvent(iri, kind, label, date.fromisoformat(earliest), date.fromisoformat(latest),
                         edtf, date_text, precision, status)


def window(kb: KnowledgeBase, earliest: date, latest: date, minter: Minter | None = None
           ) -> list[TimelineEvent]:
    """Events whose date bounds overlap ``earliest``..``latest``, in date order.

    Read from the stored timeline index of the window's month, year and wide periods (see
    :mod:`kb.timeline.rows`): a one-month window reads three literals, whatever the size of the store,
    and keeps the lines whose bounds overlap the window. Lines begin with the event's bounds, so
    they sort by date as text and are filtered before anything else is made of them.
    """
    minter = minter or Minter()
    graph = index_graph(minter)
    keys = window_periods(earliest, latest, MAX_WINDOW_MONTHS)
    if keys is None:
        sparql = _ALL_INDEX % graph
    else:
        sparql = _INDEX % (" ".join(str(period_iri(minter, key)) for key in keys), graph)
    low, high = earliest.isoformat(), latest.isoformat()
    lines: set[str] = set()
    for (text,) in _rows(kb, sparql, ("lines",)):
        lines.update(line for line in text.value.split("\n") if line[11:21] >= low and line[:10] <= high)
    days: dict[str, date] = {}
    seen: set[str] = set()
    events = []
    for line in sorted(lines):  # ISO days compare as text
        first, last, iri, kind, edtf, date_text, precision, status, label = line.split("\t")
        if iri in seen:  # the same event as another source dates it: its earliest dating is kept
            continue
        seen.add(iri)
        begin = days.get(first) or days.setdefault(first, date.fromisoformat(first))
        end = days.get(last) or days.setdefault(last, date.fromisoformat(last))
        events.append(TimelineEvent(iri, kind, unescape(label), begin, end, edtf, unescape(date_text),
                                    precision, status))
    return events


#: Past this many events, a window's rows are read from an embedded store in one pass over every
#: row rather than by IRI (in process that is faster; over a remote store it would cost the store).
ROWS_BY_IRI = 20_000
#: Events whose rows one request asks a remote store for (the requests run at once).
REMOTE_ROWS_BATCH = 2_000
_ROWS_OF = "SELECT ?row WHERE { VALUES ?event { %s } ?event kbo:timelineRow ?row }"
_ALL_ROWS = "SELECT ?row WHERE { ?event kbo:timelineRow ?row }"


def all_row_texts(kb: KnowledgeBase) -> Iterator[str]:
    """Every stored timeline row as JSON text (:data:`kb.timeline.rows.ROW_FIELDS` and
    ``[role, actor]`` pairs), one for each event and graph that holds it."""
    return (row.value for (row,) in kb.query(_ALL_ROWS, prefixes=PREFIXES))


def window_rows(kb: KnowledgeBase, earliest: date, latest: date, minter: Minter | None = None
                ) -> Iterator[list]:
    """The timeline rows of the events :func:`window` finds (every row of each: one for each
    graph that holds the event). A remote store is asked for them by IRI, in requests of
    :data:`REMOTE_ROWS_BATCH` events sent at once: the cost grows with the window, never with
    the store."""
    iris = [event.iri for event in window(kb, earliest, latest, minter)]
    if kb.remote:
        batches = [iris[start:start + REMOTE_ROWS_BATCH] for start in range(0, len(iris), REMOTE_ROWS_BATCH)]
        for texts in kb.together(*(lambda batch=batch: _row_texts(kb, batch) for batch in batches)):
            yield from map(json.loads, texts)
        return
    if len(iris) > ROWS_BY_IRI:
        wanted = set(iris)
        yield from (row for row in map(json.loads, all_row_texts(kb)) if row[0] in wanted)
        return
    for start in range(0, len(iris), 500):
        yield from map(json.loads, _row_texts(kb, iris[start:start + 500]))


def _row_texts(kb: KnowledgeBase, iris: list[str]) -> list[str]:
    """The timeline rows (JSON text) of the events ``iris``."""
    return [row.value for (row,) in _rows(kb, _ROWS_OF % _values(iris), ("row",))]


def text_matches(kb: KnowledgeBase, needle: str, earliest: date, latest: date) -> set[str]:
    """IRIs of the window's events whose label, sentence, date text or quote holds ``needle``."""
    found = set()
    for iri, text in _rows(kb, _in_window(_TEXTS, earliest, latest), ("event", "text")):
        if needle in text.value.casefold():
            found.add(iri.value)
    return found


def actor_events(kb: KnowledgeBase, actor_iri: str) -> list[TimelineEvent]:
    """One actor's events in date order, each with the actor's role(s) in it (one timeline row read
    for each event; see :mod:`kb.timeline.rows`)."""
    events: dict[str, TimelineEvent] = {}
    for (row,) in _rows(kb, _ACTOR_ROWS % NamedNode(actor_iri), ("row",)):
        values = json.loads(row.value)
        if values[0] in events:
            continue
        event = events[values[0]] = _from_row(values)
        event.roles = [role for role, actor in values[-1] if actor == actor_iri]
    return sorted(events.values(), key=_key)


_extent_cache: dict[str, tuple[float, date | None, date | None]] = {}


def extent(kb: KnowledgeBase, minter: Minter | None = None) -> tuple[date | None, date | None]:
    """The first and last day of any event (remembered for :data:`EXTENT_TTL` seconds), read from
    a few literals of the stored index (:func:`extent_from_index`), else by a pass over every event."""
    now = time.monotonic()
    cached = _extent_cache.get(kb.location)
    if cached and now - cached[0] < EXTENT_TTL:
        return cached[1], cached[2]
    found = extent_from_index(kb, minter or Minter())
    if found is None:
        rows = kb.select(_EXTENT, prefixes=PREFIXES)
        found = (plain(rows[0].get("first")) if rows else None, plain(rows[0].get("last")) if rows else None)
    _extent_cache[kb.location] = (now, *found)
    return found


_PERIODS = "SELECT ?period WHERE { GRAPH %s { ?period kbo:timelineIndex ?lines } }"


def extent_from_index(kb: KnowledgeBase, minter: Minter) -> tuple[date, date] | None:
    """The extent from at most five literals of the stored index, whatever the size of the store:
    an event listed by months has its earliest day in the first month listed and its latest in
    the last one; the same holds for events listed by years; ``wide`` is read whole. ``None``
    when the store has no index."""
    graph = index_graph(minter)
    keys = {period.value.rsplit("/", 1)[-1]: period for (period,) in _rows(kb, _PERIODS % graph, ("period",))}
    if not keys:
        return None
    months = sorted(key for key in keys if len(key) == 7 and key[4] == "-")
    years = sorted(key for key in keys if len(key) == 4 and key.isdigit())
    wanted = {key for group in (months, years) if group for key in (group[0], group[-1])}
    wanted.update(key for key in keys if key not in months and key not in years)
    firsts, lasts = [], []
    listed = " ".join(str(keys[key]) for key in sorted(wanted))
    for (text,) in _rows(kb, _INDEX % (listed, graph), ("lines",)):
        lines = [line for line in text.value.split("\n") if line]
        firsts += [line[:10] for line in lines]
        lasts += [line[11:21] for line in lines]
    if not firsts:
        return None
    return date.fromisoformat(min(firsts)), date.fromisoformat(max(lasts))


def forget(location: str) -> None:
    """Drop what is remembered of the store at ``location`` (its extent and type labels): a load
    changed it (see :mod:`webapp.state`)."""
    _extent_cache.pop(location, None)
    _type_label_cache.pop(location, None)


def _values(iris: Iterable[str]) -> str:
    return " ".join(str(NamedNode(iri)) for iri in iris)  # IRIs read from the store


def labels(kb: KnowledgeBase, iris: Iterable[str]) -> dict[str, str]:
    """``rdfs:label`` of each of ``iris`` that has one."""
    iris = list(dict.fromkeys(iris))
    found: dict[str, str] = {}
    for start in range(0, len(iris), 500):
        chunk = _values(iris[start:start + 500])
        for thing, label in _rows(kb, _LABELS % chunk, ("thing", "label")):
            found.setdefault(thing.value, label.value)
    return found


_type_label_cache: dict[str, dict[str, str]] = {}


def type_labels(kb: KnowledgeBase) -> dict[str, str]:
    """The ontology's label of each event type ("offer or proposal"), by local name."""
    cached = _type_label_cache.get(kb.location)
    if cached:
        return cached
    found = {row["type"].value.removeprefix(KB_NS): row["label"].value
             for row in kb.select(_TYPE_LABELS, prefixes=PREFIXES)}
    result = {name: found.get(name, name) for name in EVENT_TYPES}
    if found:
        _type_label_cache[kb.location] = result
    return result
