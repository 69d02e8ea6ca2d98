"""The small parts every page is made of: references, dates, claims, JSON, and not-found.

Page data are plain dataclasses of strings, numbers, dates and lists, never pyoxigraph terms, so that a
template or ``json.dumps`` can use them as they are (:func:`as_json`). An id that names nothing
raises :class:`EntityNotFound`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pyoxigraph import NamedNode, Variable

from kb.dates import describe, parse_edtf
from kb.errors import KBError, NotFound
from kb.queries import plain
from kb.store import KnowledgeBase
from kb.timeline.window import type_labels
from kb.vocab import KB_NS, PREFIXES, Minter


class EntityNotFound(NotFound):
    """No entity of this kind has this id."""

    def __init__(self, kind: str, slug: str):
        hint = ("start from the timeline at / (the table lists every event)" if kind == "event"
                else "follow a link from an event, or ask the SPARQL endpoint")
        super().__init__(f"no {kind} '{slug}' in the knowledge base", where=f"/{kind}/{slug}", hint=hint)
        self.kind = kind
        self.slug = slug


@dataclass
class Ref:
    """A link to another entity: its kind and id make its page ``/{kind}/{id}``."""

    kind: str
    id: str
    iri: str
    label: str


@dataclass
class DateInfo:
    """A date as the source gives it and as the knowledge base reads it."""

    edtf: str
    text: str | None
    earliest: date
    latest: date
    precision: str
    in_words: str
    note: str | None = None
    anchor: str | None = None

    @property
    def exact(self) -> bool:
        """True when the date is one known day."""
        return self.earliest == self.latest


@dataclass
class EventRef:
    """A link to an event, with what a reader needs to recognise it."""

    id: str
    iri: str
    label: str
    type: str
    type_label: str
    in_words: str
    earliest: date
    latest: date
    status: str


@dataclass
class Claim:
    """Whose word an event rests on: the claimant first, then whoever relays it."""

    graph: str
    chain: list[Ref] = field(default_factory=list)
    graph_id: str | None = None  # the graph's id when minted here: its page is /graph/{graph_id}

    @property
    def in_words(self) -> str:
        """'The Wall Street Journal, as reported by All Israel News'."""
        if not self.chain:
            return "unattributed"
        return ", as reported by ".join(ref.label for ref in self.chain)


_JSON_PROPERTIES = ("in_words", "exact", "anchor_id")
_names_of: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    names = _names_of.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind)) + tuple(
            name for name in _JSON_PROPERTIES if isinstance(getattr(kind, name, None), property))
        _names_of[kind] = names
    return names


def as_json(value: Any) -> Any:
    """Page data as JSON-ready values (dates as ISO text; properties such as ``in_words`` kept)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: as_json(getattr(value, name)) for name in _names(type(value))}
    return value


def ref(minter: Minter, iri: str, label: str | None = None) -> Ref:
    """A :class:`Ref` for an IRI minted here (kind ``external`` otherwise)."""
    split = minter.split(iri)
    kind, slug = split if split else ("external", iri)
    return Ref(kind, slug, iri, label or slug)


def date_info(edtf: str, text: str | None = None, note: str | None = None,
              anchor: str | None = None) -> DateInfo:
    """A :class:`DateInfo` from an EDTF value and the source's words."""
    value = parse_edtf(edtf)
    return DateInfo(edtf, text, value.earliest, value.latest, value.precision, describe(value), note,
                    anchor)


def in_words(edtf: str, fallback: str = "") -> str:
    try:
        return describe(parse_edtf(edtf))
    except KBError:
        return fallback or edtf


_EVENT_REFS = """
SELECT ?event ?label ?type ?edtf ?earliest ?latest ?status WHERE {
  VALUES ?event { %s }
  ?event a ?type ; rdfs:label ?label ; kbo:edtf ?edtf ;
         sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest .
  OPTIONAL { ?event kbo:status ?status }
  FILTER(STRSTARTS(STR(?type), STR(kbo:)))
}"""


def event_refs(kb: KnowledgeBase, minter: Minter, iris: list[str]) -> dict[str, EventRef]:
    """:class:`EventRef` of each event IRI that names an event."""
    if not iris:
        return {}
    values = " ".join(str(NamedNode(iri)) for iri in dict.fromkeys(iris))  # IRIs from the store
    names = type_labels(kb)
    found = {}
    for row in kb.select(_EVENT_REFS % values, prefixes=PREFIXES):
        iri, type_name = row["event"].value, row["type"].value.removeprefix(KB_NS)
        found[iri] = EventRef(
            ref(minter, iri).id, iri, row["label"].value, type_name, names.get(type_name, type_name),
            in_words(row["edtf"].value), plain(row["earliest"]), plain(row["latest"]),
            row["status"].value.removeprefix(KB_NS) if "status" in row else "happened")
    return found


#: Every link of each graph's chain of derivation, its claimant and the claimant's name: one request
#: for the whole chain of every graph a page shows.
_CLAIMS = """
SELECT ?subject ?graph ?link ?claimant ?parent ?name WHERE {
  %s
  OPTIONAL {
    ?graph prov:wasDerivedFrom* ?link .
    ?link prov:wasAttributedTo ?claimant .
    OPTIONAL { ?link prov:wasDerivedFrom ?parent }
    OPTIONAL { ?claimant rdfs:label ?name }
  }
}"""
#: Links of a chain followed at most (a longer chain, or a loop, is cut there).
CHAIN_LINKS = 8


def claims(kb: KnowledgeBase, minter: Minter, graphs: list[str]) -> dict[str, Claim]:
    """Who claims what each graph holds: its claimant, then who relays it, up the derivation chain
    (at most :data:`CHAIN_LINKS` links), for all of ``graphs`` in one request."""
    graphs = list(dict.fromkeys(graphs))
    if not graphs:
        return {}
    values = " ".join(str(NamedNode(graph)) for graph in graphs)
    return _claims(kb, minter, f"VALUES ?graph {{ {values} }}", graphs)


def claims_where(kb: KnowledgeBase, minter: Minter, graph_pattern: str, subject: NamedNode
                 ) -> dict[str, Claim]:
    """:func:`claims` of every graph ``?graph`` that ``graph_pattern`` finds for ``?subject`` (such
    as ``?graph kbo:reportedIn ?subject``), found and followed in one request."""
    return _claims(kb, minter, graph_pattern, None, {Variable("subject"): subject})


def _claims(kb: KnowledgeBase, minter: Minter, graph_pattern: str, graphs: list[str] | None,
            substitutions: dict | None = None) -> dict[str, Claim]:
    rows = kb.select(_CLAIMS % graph_pattern, substitutions=substitutions, prefixes=PREFIXES)
    step: dict[str, tuple[str, str | None]] = {}  # link -> (claimant, parent): the least of each
    names: dict[str, str] = {}
    for row in rows:
        if "claimant" not in row:  # a graph nobody is said to claim
            continue
        link, claimant = row["link"].value, row["claimant"].value
        parent = row["parent"].value if "parent" in row else None
        if link not in step or (claimant, parent or "") < (step[link][0], step[link][1] or ""):
            step[link] = (claimant, parent)
        if "name" in row:
            names.setdefault(claimant, row["name"].value)
    if graphs is None:
        graphs = list(dict.fromkeys(row["graph"].value for row in rows))
    found = {}
    for graph in graphs:
        chain: list[str] = []
        current, seen = graph, set()
        while current in step and current not in seen and len(seen) < CHAIN_LINKS:
            seen.add(current)
            claimant, current = step[current]
            chain.append(claimant)
        graph_ref = ref(minter, graph)
        found[graph] = Claim(graph, [ref(minter, iri, names.get(iri)) for iri in chain],
                             graph_ref.id if graph_ref.kind == "graph" else None)
    return found


def claim(kb: KnowledgeBase, minter: Minter, graph: str) -> Claim:
    """Who claims what a graph holds (:func:`claims` of one graph)."""
    return claims(kb, minter, [graph])[graph]


def curie(iri: str) -> str:
    """``kbo:answers`` for an IRI in a known namespace, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def values_by_name(kb: KnowledgeBase, sparql: str, iri: NamedNode) -> dict[str, list[str]]:
    """The values of ``iri``'s properties by local name (``type``, ``label``): ``sparql`` selects
    ``?p ?o`` of the subject ``?s``."""
    values: dict[str, list[str]] = {}
    for row in kb.select(sparql, substitutions={Variable("s"): iri}, prefixes=PREFIXES):
        values.setdefault(row["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(row["o"].value)
    return values
