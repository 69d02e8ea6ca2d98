"""Where the sources disagree about an event: the rule, written once, and its derived data.

An event several sources report (one of its claims carries ``kbo:alsoReportedBy``) has one claim
per named graph. Two claims disagree (:func:`disagreements`, the one statement of the rule):

- on the **date** when their bounds do not overlap;
- on the **type**, **status** or **place** when one claim states a value the other, which states
  one, does not (types: the ontology's own classes);
- on the **actors** when one claim names an actor another claim that names actors leaves out;
- on a **term's number** when two terms of the same class state different quantities once hours
  and weeks are turned into days.

Each disagreement is listed for each claim in it: (field, that claim's value, that claim's graph).
Comparing an event's claims is a few lookups by subject, but comparing every event's in a query
takes a minute at 100k events, so the loader derives them, never a file: in the graph
``id/graph/_conflicts`` (:func:`conflicts_graph`, which holds nothing else), one literal a side,
the claim's graph, the field and that claim's value separated by a space (an IRI and a field hold
none, so the value is all the rest)::

    <event> kbo:disagreement "http://localhost:5000/id/graph/afp-2024-10-27 term:CeasefireTerm 2 day" .

(one literal rather than a node with three properties: the whole record is read four times faster).

A load rewrites the disagreements of every event its graphs claim, or claimed before, from all
graphs' claims of those events, in the same update that replaces the graphs
(:func:`conflicts_update`); a bulk load derives them all in its staging store (:func:`derive_all`).
``queries/conflicts.rq`` reads them with each claim's claimant and source.

May import the bottom modules only (``kb.vocab``); reads any store through pyoxigraph's ``query``
(an embedded ``Store`` or :class:`kb.store.remote.RemoteBackend`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kb.vocab import EVENT_TYPES, KB_NS, KBO, RDF, SEM, XSD, Minter

#: The slug of the graph of derived disagreements (``id/graph/_conflicts``).
CONFLICTS_SLUG = "_conflicts"
#: Events whose claims one SPARQL request reads.
BATCH = 400
#: Days in one of a term's units; a unit not listed is compared as it is.
DAYS_IN = {"hour": Fraction(1, 24), "week": Fraction(7)}
_NUMERIC = {XSD.integer, XSD.decimal, NamedNode("http://www.w3.org/2001/XMLSchema#double"),
            NamedNode("http://www.w3.org/2001/XMLSchema#float")}
#: What a claim's comparison reads of the event, and of its role and term nodes.
_EVENT_PREDICATES = (RDF.type, KBO.status, SEM.hasPlace, SEM.hasEarliestBeginTimeStamp,
                     SEM.hasLatestEndTimeStamp, KBO.edtf, SEM.hasActor, KBO.hasTerm, KBO.alsoReportedBy)
_NODE_PREDICATES = (RDF.value, RDF.type, KBO.quantity, KBO.unit)
#: What makes a subject a claim about an event (its role and term nodes are not).
_CLAIM_PREDICATES = tuple(predicate for predicate in _EVENT_PREDICATES if predicate != RDF.type)
_EVENT_CLASSES = frozenset(KBO[kind] for kind in EVENT_TYPES)
_TYPE, _STATUS, _PLACE, _EDTF = RDF.type, KBO.status, SEM.hasPlace, KBO.edtf
_EARLIEST, _LATEST, _HAS_ACTOR, _HAS_TERM = (SEM.hasEarliestBeginTimeStamp, SEM.hasLatestEndTimeStamp,
                                             SEM.hasActor, KBO.hasTerm)
_VALUE, _QUANTITY, _UNIT, _TERM = RDF.value, KBO.quantity, KBO.unit, KBO.Term
_COMPARED = (("type", _TYPE), ("status", _STATUS), ("place", _PLACE))


def conflicts_graph(minter: Minter) -> NamedNode:
    """The graph of the derived disagreements, and nothing else."""
    return minter.entity("graph", CONFLICTS_SLUG)


@dataclass
class Claim:
    """What one graph says of an event that the rule compares."""

    values: dict[NamedNode, list] = field(default_factory=lambda: defaultdict(list))
    nodes: dict[NamedNode, dict[NamedNode, list]] = field(default_factory=dict)

    def get(self, predicate: NamedNode) -> list:
        """The objects of ``predicate`` for the event in this claim."""
        return self.values.get(predicate, [])

    def linked(self, predicate: NamedNode) -> Iterator[dict[NamedNode, list]]:
        """The triples of each node (role or term) the event links to by ``predicate``."""
        for node in self.get(predicate):
            yield self.nodes.get(node, {})


def _local(term, pattern: str) -> str:
    return re.sub(pattern, "", term.value)


def _days(quantity, unit) -> object:
    """A term's number in days when its unit is hours or weeks (exact), else as stated."""
    if not isinstance(quantity, Literal) or quantity.datatype not in _NUMERIC:
        return quantity
    try:
        number = Fraction(quantity.value)
    except ValueError:
        return quantity
    return number * DAYS_IN.get(unit.value if unit is not None else "", 1)


def _differ(days, days2) -> bool:
    """Two terms' numbers differ (a number and a text that is not one are not compared)."""
    if isinstance(days, Fraction) != isinstance(days2, Fraction):
        return False
    return days != days2


def _terms(claim: Claim) -> list[tuple[NamedNode, Literal, object]]:
    """(class, quantity, unit) of each numbered term of a claim, one per class it has."""
    return [(kind, quantity, unit)
            for node in claim.linked(_HAS_TERM)
            for kind in node.get(_TYPE, []) if kind != _TERM
            for quantity in node.get(_QUANTITY, [])
            for unit in (node.get(_UNIT) or [None])]


def _actors(claim: Claim) -> set:
    return {actor for node in claim.linked(_HAS_ACTOR) for actor in node.get(_VALUE, [])}


def _bounds(claim: Claim) -> list[tuple[str, str]]:
    return [(first.value, last.value) for first in claim.get(_EARLIEST) for last in claim.get(_LATEST)]


def disagreements(claims: dict[NamedNode, Claim]) -> list[tuple[str, str, NamedNode]]:
    """Where the claims of one event (by graph) disagree: sorted (field, value, graph) triples,
    each claim's side of each disagreement (the rule of this module's docstring)."""
    found: set[tuple[str, str, NamedNode]] = set()
    listed = [(graph, claim, _bounds(claim), _actors(claim), _terms(claim))
              for graph, claim in claims.items()]
    for graph, claim, bounds, actors, terms in listed:
        for other_graph, other, other_bounds, other_actors, other_terms in listed:
            if other_graph == graph:
                continue
            if any(first2 > last or last2 < first
                   for first, last in bounds for first2, last2 in other_bounds):
                found.update(("date", edtf.value, graph) for edtf in claim.get(_EDTF))
            for name, predicate in _COMPARED:
                theirs = other.get(predicate)
                if not theirs:
                    continue
                for term in claim.get(predicate):
                    if term not in theirs and (predicate != _TYPE or term.value.startswith(KB_NS)):
                        found.add((name, _local(term, r"^.*[/#]"), graph))
            if other.get(_HAS_ACTOR):
                found.update(("actors", _local(actor, r"^.*/"), graph) for actor in actors - other_actors)
            for kind, quantity, unit in terms:
                days = _days(quantity, unit)
                if any(kind == kind2 and _differ(days, _days(quantity2, unit2))
                       for kind2, quantity2, unit2 in other_terms):
                    shown = quantity.value + (f" {unit.value}" if unit is not None else "")
                    found.add((f"term:{_local(kind, r'^.*#')}", shown, graph))
    return sorted(found, key=lambda row: (row[0], row[1], row[2].value))


# --- reading claims -----------------------------------------------------------------------------


def claims_in(quads: Iterable[Quad]) -> dict[NamedNode, dict[NamedNode, Claim]]:
    """The claims among ``quads`` (named graphs only): ``{event: {graph: Claim}}``, with the
    triples of the role and term nodes they link to."""
    by_graph: dict[tuple, list[Quad]] = defaultdict(list)
    for quad in quads:
        if not isinstance(quad.graph_name, DefaultGraph):
            by_graph[(quad.graph_name, quad.subject)].append(quad)
    found: dict[NamedNode, dict[NamedNode, Claim]] = defaultdict(dict)
    for (graph, subject), listed in by_graph.items():
        claim = Claim()
        for quad in listed:
            if quad.predicate in _EVENT_PREDICATES:
                claim.values[quad.predicate].append(quad.object)
        if not _is_claim(claim):
            continue
        for link in (SEM.hasActor, KBO.hasTerm):
            for node in claim.get(link):
                claim.nodes[node] = _node_triples(by_graph.get((graph, node), ()))
        found[subject][graph] = claim
    return found


def _is_claim(claim: Claim) -> bool:
    """True when what one graph says of a subject is a claim about an event: it dates, places or
    rates it, or gives it an event type (a role or term node alone is not)."""
    return any(claim.get(predicate) for predicate in _CLAIM_PREDICATES) \
        or bool(_EVENT_CLASSES.intersection(claim.get(RDF.type)))


def _node_triples(quads: Iterable[Quad]) -> dict[NamedNode, list]:
    """What the rule compares of a role or term node, from ``quads`` about it in one graph."""
    triples: dict[NamedNode, list] = defaultdict(list)
    for quad in quads:
        if quad.predicate in _NODE_PREDICATES:
            triples[quad.predicate].append(quad.object)
    return triples


def _values(name: str, terms: Iterable) -> str:
    return f"VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"


_CLAIMS = """SELECT ?g ?s ?p ?o WHERE {{
  {events}
  {{ {event_predicates} GRAPH ?g {{ ?e ?p ?o }} BIND(?e AS ?s) }}
  UNION
  {{ VALUES ?link {{ {links} }} {node_predicates} GRAPH ?g {{ ?e ?link ?s . ?s ?p ?o }} }}
}}"""


def read_claims(store, events: Iterable[NamedNode]) -> Iterator[Quad]:
    """The quads the rule compares of ``events`` in every named graph of ``store`` (anything with
    pyoxigraph's ``query``), read :data:`BATCH` events a request, each a lookup by subject."""
    if isinstance(store, Store):  # embedded: the same lookups without a query to plan
        yield from _lookups(store, events)
        return
    listed = sorted(set(events), key=str)
    for start in range(0, len(listed), BATCH):
        sparql = _CLAIMS.format(
            events=_values("e", listed[start:start + BATCH]),
            event_predicates=_values("p", _EVENT_PREDICATES),
            links=f"{SEM.hasActor} {KBO.hasTerm}", node_predicates=_values("p", _NODE_PREDICATES))
        for row in store.query(sparql):
            yield Quad(row["s"], row["p"], row["o"], row["g"])


def _lookups(store: Store, events: Iterable[NamedNode]) -> Iterator[Quad]:
    for event in dict.fromkeys(events):
        for predicate in _EVENT_PREDICATES:
            for quad in store.quads_for_pattern(event, predicate, None, None):
                if isinstance(quad.graph_name, DefaultGraph):
                    continue
                yield quad
                if predicate in (_HAS_ACTOR, _HAS_TERM):
                    for node_predicate in _NODE_PREDICATES:
                        yield from store.quads_for_pattern(quad.object, node_predicate, None, quad.graph_name)


# --- the derived data ---------------------------------------------------------------------------


def side(graph: NamedNode, name: str, value: str) -> Literal:
    """One side of a disagreement as it is stored: graph, field and value, space-separated."""
    return Literal(f"{graph.value} {name} {value}")


def derived_quads(event: NamedNode, rows: list[tuple[str, str, NamedNode]], minter: Minter) -> list[Quad]:
    """The quads that state ``rows`` (from :func:`disagreements`) of ``event``."""
    graph = conflicts_graph(minter)
    return [Quad(event, KBO.disagreement, side(claim_graph, name, value), graph)
            for name, value, claim_graph in rows]


def _derive(claimed: Iterable[tuple[NamedNode, dict[NamedNode, Claim]]], minter: Minter) -> list[Quad]:
    quads = []
    for event, claims in claimed:
        if len(claims) > 1 and any(claim.get(KBO.alsoReportedBy) for claim in claims.values()):
            quads += derived_quads(event, disagreements(claims), minter)
    return quads


_CLAIMED_IN = """SELECT DISTINCT ?e WHERE {{
  {graphs} {{ {predicates} GRAPH ?g {{ ?e ?p ?o }} }} UNION {{ {classes} GRAPH ?g {{ ?e a ?o }} }}
}}"""


def conflicts_update(store, minter: Minter, replace: Iterable[NamedNode], quads: list[Quad]) -> str:
    """The update to run after dropping ``replace`` and inserting ``quads``, in the same request,
    that rewrites the disagreements of every event those graphs claim or claimed, from every
    graph's claims of those events (``store``'s outside ``replace``, ``quads`` inside)."""
    replaced = set(replace) | {quad.graph_name for quad in quads}
    replaced.discard(conflicts_graph(minter))
    new = claims_in(quads)
    events = set(new)
    if replaced:
        sparql = _CLAIMED_IN.format(graphs=_values("g", sorted(replaced, key=str)),
                                    predicates=_values("p", _CLAIM_PREDICATES),
                                    classes=_values("o", sorted(_EVENT_CLASSES, key=str)))
        events.update(row["e"] for row in store.query(sparql))
    if not events:
        return ""
    kept = (quad for quad in read_claims(store, events) if quad.graph_name not in replaced)
    claimed = claims_in(kept)
    for event, claims in new.items():
        claimed.setdefault(event, {}).update(claims)
    graph = conflicts_graph(minter)
    listed = sorted(events, key=str)
    sides = f"GRAPH {graph} {{ ?e {KBO.disagreement} ?side }}"
    parts = [f"DELETE {{ {sides} }} WHERE {{ {_values('e', listed[start:start + BATCH])} {sides} }}"
             for start in range(0, len(listed), BATCH)]
    derived = _derive(claimed.items(), minter)
    if derived:
        body = "\n".join(f"{quad.subject} {quad.predicate} {quad.object} ." for quad in derived)
        parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return " ;\n".join(parts)


_ALSO_REPORTED = f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e {KBO.alsoReportedBy} ?source }} }}"


def derive_all(store, minter: Minter) -> list[Quad]:
    """Every event's disagreements, from ``store`` (anything with pyoxigraph's ``query``), as
    quads to write into a conflicts graph emptied first (a bulk load's staging store).

    An embedded store is read in one pass over the events several sources report, each event's
    claims by a lookup a compared predicate and one a node it links to (:func:`claims_of`): at
    100k synthetic events (84k of them with several claims) 30 s CPU against 57 s when read
    through :func:`read_claims` and :func:`claims_in`, as a remote store still is (:data:`BATCH`
    events a request). Most of what is left is pyoxigraph decoding the quads read."""
    events = [row["e"] for row in store.query(_ALSO_REPORTED)]
    if isinstance(store, Store):
        return _derive(((event, claims_of(store, event)) for event in events), minter)
    quads = []
    for start in range(0, len(events), BATCH):
        quads += _derive(claims_in(read_claims(store, events[start:start + BATCH])).items(), minter)
    return quads


def claims_of(store: Store, event: NamedNode) -> dict[NamedNode, Claim]:
    """The claims of ``event`` in the named graphs of an embedded ``store`` (``{graph: Claim}``),
    as :func:`claims_in` finds them among the quads :func:`read_claims` reads."""
    found: dict[NamedNode, Claim] = {}
    for predicate in _EVENT_PREDICATES:
        for quad in store.quads_for_pattern(event, predicate, None, None):
            graph = quad.graph_name
            if not isinstance(graph, DefaultGraph):
                claim = found.get(graph)
                if claim is None:
                    claim = found[graph] = Claim()
                claim.values[predicate].append(quad.object)
    for graph, claim in list(found.items()):
        if not _is_claim(claim):
            del found[graph]
            continue
        for node in (*claim.get(_HAS_ACTOR), *claim.get(_HAS_TERM)):
            claim.nodes[node] = _node_triples(
                () if isinstance(node, Literal) else store.quads_for_pattern(node, None, None, graph))
    return found


_DISPUTED = "SELECT DISTINCT ?e WHERE {{ {values} GRAPH ?c {{ ?e <" + KBO.disagreement.value + "> ?side }} }}"


def disputed(store, events: Iterable[NamedNode] | None = None) -> set[str]:
    """The IRIs of the events (of ``events``, of all when ``None``) whose sources disagree, from
    the derived disagreements (lookups when ``events`` are given)."""
    if events is None:
        return {row["e"].value for row in store.query(_DISPUTED.format(values=""))}
    listed = sorted(set(events), key=str)
    found: set[str] = set()
    for start in range(0, len(listed), BATCH):
        sparql = _DISPUTED.format(values=_values("e", listed[start:start + BATCH]))
        found.update(row["e"].value for row in store.query(sparql))
    return found
