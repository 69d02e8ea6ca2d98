"""The published tables, read from the store: events, claims, roles, actors, places, sources, relations.

Each table is read with a few SPARQL scans by predicate (one index lookup per triple, never a join
per event), then assembled in Python. Rows are lists of plain values in the order of the table's
columns (:mod:`kb.publish.columns`); ``None`` is an empty cell. :func:`write_csv` writes them.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode, QuerySolutions

from kb.dates import parse_edtf
from kb.errors import QueryError
from kb.publish.columns import MULTI_SEPARATOR, RELATIONS, TABLES
from kb.publish.precision import acled_time_precision, span_days, ucdp_date_prec, wikidata_precision
from kb.store import KnowledgeBase
from kb.vocab import EVENT_TYPES, KB_NS, PREFIXES, Minter

Row = list
#: How many IRIs one ``VALUES`` block holds when only some events are asked for.
CHUNK = 500

_EVENT_FIELDS = {
    "kbo:status": "status",
    "rdfs:label": "label",
    "kbo:edtf": "edtf",
    "kbo:dateText": "date_text",
    "kbo:dateAnchor": "date_anchor",
    "kbo:dateNote": "date_note",
    "sem:hasPlace": "place",
    "kbo:offers": "offers",
    "kbo:inExchangeFor": "in_exchange_for",
    "kbo:means": "means",
    "kbo:quote": "quote",
    "kbo:cameo": "cameo",
    "kbo:plover": "plover",
    "kbo:curatorNote": "curator_note",
    "kbo:sourceSentence": "sentences",
    "kbo:source": "source",
    **{f"kbo:{name}": name for name in RELATIONS},
}
_MULTI = {"in_exchange_for", "sentences", *RELATIONS}


def _solutions(kb: KnowledgeBase, sparql: str) -> Iterator[tuple]:
    solutions = kb.query(sparql, prefixes=PREFIXES)
    if not isinstance(solutions, QuerySolutions):
        raise QueryError("expected a SELECT query")
    for solution in solutions:
        yield tuple(solution)


def _values(iris: Iterable[str]) -> str:
    return " ".join(str(NamedNode(iri)) for iri in iris)


class _Ids:
    """Short ids (IRI slugs) for the IRIs minted under the data's base; other IRIs stay whole."""

    def __init__(self, minter: Minter):
        self.minter = minter
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str | None) -> str | None:
        if iri is None:
            return None
        found = self.cache.get(iri)
        if found is None:
            split = self.minter.split(iri)
            found = self.cache[iri] = split[1] if split else iri
        return found


def _date_cells(edtf: str) -> list:
    value = parse_edtf(edtf)
    first, last = value.earliest, value.latest
    return [
        first,
        last,
        value.edtf,
        value.precision,
        span_days(first, last),
        acled_time_precision(first, last),
        ucdp_date_prec(first, last),
        wikidata_precision(first, last),
    ]


def _join(values: Iterable[str] | None) -> str | None:
    values = [value for value in dict.fromkeys(values or ()) if value]
    return MULTI_SEPARATOR.join(values) if values else None


def _local(iri: str, namespace: str) -> str:
    return iri[len(namespace) :] if iri.startswith(namespace) else iri


#: What an event's timeline row (:data:`kb.timeline.rows.ROW_FIELDS`) gives, read in one lookup.
_ROW_FIELDS = ("type", "earliest", "latest", "edtf", "date_text", "precision", "status", "label", "source")
#: The fields a timeline row does not hold, read by predicate (most events have few of them).
_SPARSE = {
    curie: name
    for curie, name in _EVENT_FIELDS.items()
    if name not in ("status", "label", "edtf", "date_text", "source")
}


def _names(fields: dict[str, str]) -> dict[str, str]:
    return {PREFIXES[curie.split(":")[0]] + curie.split(":")[1]: name for curie, name in fields.items()}


def _add(facts: dict, per_graph: dict, graph: str, subject: str, name: str, value) -> None:
    event = facts.get(subject)
    if event is None:
        return
    in_graph = per_graph.setdefault((subject, graph), {})
    if name in _MULTI:
        event.setdefault(name, []).append(value)
        in_graph.setdefault(name, []).append(value)
    else:
        # Several sources' claims: the least value, whichever graph is read first (each claim's
        # own values are in claims.csv); a claim about another's event may leave a field out.
        if event.get(name) in (None, "") or (value not in (None, "") and str(value) < str(event[name])):
            event[name] = value
        in_graph.setdefault(name, value)


def _event_facts(kb: KnowledgeBase, iris: list[str] | None) -> tuple[dict, dict]:
    """Per event: its type and its values by field (from any graph); per (event, graph): its fields.

    The common fields and the roles come from each event's timeline row (one lookup an event, see
    :mod:`kb.timeline.rows`); the optional ones by predicate. A store without timeline rows is read by
    predicate throughout.
    """
    chunks = [None] if iris is None else [iris[i : i + CHUNK] for i in range(0, len(iris), CHUNK)]
    facts: dict[str, dict] = {}
    per_graph: dict[tuple[str, str], dict] = {}
    for chunk in chunks:
        bound = "" if chunk is None else f"VALUES ?s {{ {_values(chunk)} }}"
        found = 0
        rows = f"SELECT ?g ?s ?row WHERE {{ {bound} GRAPH ?g {{ ?s kbo:timelineRow ?row }} }}"
        for graph, subject, row in _solutions(kb, rows):
            values = json.loads(row.value)
            event = facts.setdefault(subject.value, {"type": values[1], "roles": set()})
            event["roles"].update((role, actor) for role, actor in values[-1])
            for name, value in zip(_ROW_FIELDS[1:], values[2:10], strict=True):
                if value is not None and name != "precision":
                    _add(facts, per_graph, graph.value, subject.value, name, value)
            found += 1
        fields = _SPARSE if found else _EVENT_FIELDS
        if not found:
            types = " ".join(f"kbo:{name}" for name in EVENT_TYPES)
            for subject, kind in _solutions(
                kb, f"SELECT ?s ?type WHERE {{ {bound} VALUES ?type {{ {types} }} ?s a ?type }}"
            ):
                facts.setdefault(subject.value, {"type": _local(kind.value, KB_NS)})
        names = _names(fields)
        sparql = (
            f"SELECT ?g ?s ?p ?o WHERE {{ {bound} VALUES ?p {{ {' '.join(fields)} }} "
            "GRAPH ?g { ?s ?p ?o } }"
        )
        for graph, subject, predicate, obj in _solutions(kb, sparql):
            _add(facts, per_graph, graph.value, subject.value, names[predicate.value], obj.value)
    for event in facts.values():
        if "status" in event:
            event["status"] = _local(event["status"], KB_NS)
    return facts, per_graph


def event_rows(
    kb: KnowledgeBase, minter: Minter, iris: list[str] | None = None, _facts: tuple[dict, dict] | None = None
) -> list[Row]:
    """The events table (every event, or those of ``iris``), in date order."""
    ids = _Ids(minter)
    facts, per_graph = _facts or _event_facts(kb, iris)
    claims: dict[str, int] = defaultdict(int)
    for event, _graph in per_graph:
        claims[event] += 1
    rows = []
    for iri, event in facts.items():
        if "edtf" not in event or "status" not in event:
            continue  # a typed thing that is not (or no longer) a whole event
        rows.append(
            [
                ids(iri),
                iri,
                event["type"],
                event.get("label"),
                event["status"],
                *_date_cells(event["edtf"]),
                event.get("date_text"),
                event.get("date_anchor"),
                event.get("date_note"),
                ids(event.get("place")),
                event.get("offers"),
                _join(event.get("in_exchange_for")),
                event.get("means"),
                event.get("quote"),
                event["cameo"].rsplit("/", 1)[-1] if event.get("cameo") else None,
                event["plover"].rsplit("/", 1)[-1] if event.get("plover") else None,
                event.get("curator_note"),
                claims[iri],
            ]
        )
    rows.sort(key=lambda row: (row[5], row[6], row[0]))
    return rows


_GRAPHS = """
SELECT ?g ?who ?parent WHERE {
  ?g a kbo:ClaimGraph .
  OPTIONAL { ?g prov:wasAttributedTo ?who }
  OPTIONAL { ?g prov:wasDerivedFrom ?parent }
}"""


def claim_rows(kb: KnowledgeBase, minter: Minter, _facts: tuple[dict, dict] | None = None) -> list[Row]:
    """The claims table: one row per event and named graph that states it."""
    ids = _Ids(minter)
    facts, per_graph = _facts or _event_facts(kb, None)
    graphs = {
        graph.value: (who.value if who else None, parent.value if parent else None)
        for graph, who, parent in _solutions(kb, _GRAPHS)
    }
    rows = []
    for (event, graph), fields in per_graph.items():
        if event not in facts or "status" not in facts[event]:
            continue
        who, parent = graphs.get(graph, (None, None))
        graph_id = ids(graph)
        rows.append(
            [
                f"{graph_id}#{ids(event)}",
                ids(event),
                graph_id,
                ids(fields.get("source")),
                ids(who),
                ids(parent),
                _join(fields.get("sentences")),
            ]
        )
    rows.sort(key=lambda row: row[0])
    return rows


def relation_rows(kb: KnowledgeBase, minter: Minter, _facts: tuple[dict, dict] | None = None) -> list[Row]:
    """The relations table: each link from one event to another (answers, repeats ...)."""
    ids = _Ids(minter)
    facts, _ = _facts or _event_facts(kb, None)
    rows = {
        (ids(iri), name, ids(target))
        for iri, event in facts.items()
        for name in RELATIONS
        for target in event.get(name, ())
    }
    return [list(row) for row in sorted(rows)]


_ROLES = """
SELECT ?event ?role ?actor WHERE {
  ?event sem:hasActor ?node . ?node sem:roleType ?role ; rdf:value ?actor .
}"""


def role_rows(kb: KnowledgeBase, minter: Minter, _facts: tuple[dict, dict] | None = None) -> list[Row]:
    """The roles table: one row per event, role and actor."""
    ids = _Ids(minter)
    facts = (_facts or ({}, {}))[0]
    if facts and all("roles" in event for event in facts.values()):  # read with the timeline rows
        rows = {
            (ids(iri), role, ids(actor))
            for iri, event in facts.items()
            if "status" in event
            for role, actor in event["roles"]
        }
        return [list(row) for row in sorted(rows)]
    rows = {
        (ids(event.value), _local(role.value, KB_NS), ids(actor.value))
        for event, role, actor in _solutions(kb, _ROLES)
    }
    return [list(row) for row in sorted(rows)]


_ACTORS = """
SELECT ?actor ?p ?o WHERE {
  ?actor a kbo:Actor .
  VALUES ?p { schema:name rdf:type skos:altLabel schema:sameAs org:memberOf org:subOrganizationOf }
  ?actor ?p ?o .
}"""
_KINDS = {
    "https://schema.org/Person": "person",
    "https://schema.org/Organization": "organization",
    "https://schema.org/Country": "country",
    KB_NS + "Group": "group",
}


def _wikidata(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri and iri.startswith(PREFIXES["wd"]) else None


def actor_rows(kb: KnowledgeBase, minter: Minter) -> list[Row]:
    """The actors table: one row per actor, names and aliases merged across sources."""
    ids = _Ids(minter)
    actors: dict[str, dict] = {}
    for actor, predicate, obj in _solutions(kb, _ACTORS):
        facts = actors.setdefault(actor.value, defaultdict(list))
        facts[predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]].append(obj.value)
    rows = []
    for iri, facts in actors.items():
        kinds = [_KINDS[kind] for kind in facts["type"] if kind in _KINDS]
        rows.append(
            [
                ids(iri),
                iri,
                (facts["name"] or [ids(iri)])[0],
                kinds[0] if kinds else "organization",
                _join(sorted(set(facts["altLabel"]))),
                _wikidata((facts["sameAs"] or [None])[0]),
                _join(sorted({ids(outer) for outer in facts["memberOf"] + facts["subOrganizationOf"]})),
            ]
        )
    rows.sort(key=lambda row: row[0])
    return rows


_PLACES = """
SELECT ?place ?name ?same ?within WHERE {
  ?place a sem:Place ; schema:name ?name .
  OPTIONAL { ?place schema:sameAs ?same }
  OPTIONAL { ?place schema:containedInPlace ?within }
}"""


def place_rows(kb: KnowledgeBase, minter: Minter) -> list[Row]:
    """The places table."""
    ids = _Ids(minter)
    rows: dict[str, Row] = {}
    for place, name, same, within in _solutions(kb, _PLACES):
        rows.setdefault(
            place.value,
            [
                ids(place.value),
                place.value,
                name.value,
                _wikidata(same.value if same else None),
                ids(within.value) if within else None,
            ],
        )
    return sorted(rows.values(), key=lambda row: row[0])


_SOURCES = """
SELECT ?source ?title ?publisher ?url ?edtf ?file WHERE {
  ?source a schema:NewsArticle ; schema:headline ?title ; kbo:edtf ?edtf .
  OPTIONAL { ?source schema:publisher ?publisher }
  OPTIONAL { ?source schema:url ?url }
  OPTIONAL { ?source kbo:fileName ?file }
}"""


def source_rows(kb: KnowledgeBase, minter: Minter) -> list[Row]:
    """The sources table."""
    ids = _Ids(minter)
    rows: dict[str, Row] = {}
    for source, title, publisher, url, edtf, file_name in _solutions(kb, _SOURCES):
        rows.setdefault(
            source.value,
            [
                ids(source.value),
                source.value,
                title.value,
                ids(publisher.value) if publisher else None,
                url.value if url else None,
                *_date_cells(edtf.value)[:4],
                file_name.value if file_name else None,
            ],
        )
    return sorted(rows.values(), key=lambda row: row[0])


def all_tables(
    kb: KnowledgeBase, minter: Minter | None = None, names: Iterable[str] | None = None
) -> dict[str, list[Row]]:
    """The tables of :data:`kb.publish.columns.TABLES` (or those of ``names``), by name."""
    minter = minter or Minter()
    names = list(names or TABLES)
    unknown = [name for name in names if name not in TABLES]
    if unknown:
        raise QueryError(f"no table {unknown[0]!r}", hint="use one of: " + ", ".join(TABLES))
    needs_events = {"events", "claims", "roles", "relations"} & set(names)
    facts = _event_facts(kb, None) if needs_events else ({}, {})
    build = {
        "events": lambda: event_rows(kb, minter, _facts=facts),
        "claims": lambda: claim_rows(kb, minter, _facts=facts),
        "roles": lambda: role_rows(kb, minter, _facts=facts),
        "actors": lambda: actor_rows(kb, minter),
        "places": lambda: place_rows(kb, minter),
        "sources": lambda: source_rows(kb, minter),
        "relations": lambda: relation_rows(kb, minter, _facts=facts),
    }
    return {name: build[name]() for name in names}


def cell(value) -> str:
    """A value as CSV text: empty for ``None``, ISO for dates."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_text(table: str, rows: Iterable[Row]) -> str:
    """A table as CSV text (RFC 4180, a header row of the stable column names, ``\\n`` line ends)."""
    buffer = io.StringIO()
    write_rows(buffer, table, rows)
    return buffer.getvalue()


def write_rows(out, table: str, rows: Iterable[Row]) -> None:
    """Write a header and ``rows`` of ``table`` as CSV to the text stream ``out``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TABLES[table].column_names)
    writer.writerows([cell(value) for value in row] for row in rows)


def write_csv(path: Path, table: str, rows: Iterable[Row]) -> None:
    """Write ``table`` to ``path`` as UTF-8 CSV."""
    with path.open("w", encoding="utf-8", newline="") as out:
        write_rows(out, table, rows)


_VIEW_EVENTS = {
    "actor": "SELECT DISTINCT ?event ?thing WHERE { ?event kbo:involves ?thing }",
    "place": "SELECT DISTINCT ?event ?thing WHERE { ?event sem:hasPlace ?thing }",
    "source": "SELECT DISTINCT ?event ?thing WHERE { ?event kbo:source ?thing ; kbo:status ?status }",
}


def page_event_rows(kb: KnowledgeBase, minter: Minter, kind: str, slug: str) -> list[Row]:
    """The events table of a page: an event's own row, or the events of an actor, place or source."""
    from pyoxigraph import Variable

    iri = minter.entity(kind, slug)
    if kind == "event":
        return event_rows(kb, minter, [iri.value])
    if kind not in _VIEW_EVENTS:
        raise QueryError(
            f"a {kind} page has no events table", hint="use an event, actor, place or source page"
        )
    solutions = kb.query(_VIEW_EVENTS[kind], substitutions={Variable("thing"): iri}, prefixes=PREFIXES)
    iris = sorted({solution["event"].value for solution in solutions})
    return event_rows(kb, minter, iris) if iris else []


def table_csv(kb: KnowledgeBase, name: str, base: str | None = None) -> str:
    """One whole table of the store as CSV text (the web app runs this in a query worker)."""
    return csv_text(name, all_tables(kb, Minter(base), [name])[name])
