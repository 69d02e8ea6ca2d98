"""The page of any other resource (posts, annotations, claim graphs, rounds): its statements."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Variable

from kb.pages.parts import Claim, EntityNotFound, EventRef, Ref, claim, curie, event_refs, ref
from kb.store import KnowledgeBase
from kb.timeline.window import labels
from kb.vocab import PREFIXES, Minter


@dataclass
class Value:
    """One value of a property: a text, or a link to a resource."""

    text: str
    iri: str | None = None
    link: Ref | None = None


@dataclass
class Statement:
    """A property of a resource and its values."""

    property: str
    iri: str
    values: list[Value] = field(default_factory=list)


@dataclass
class Part:
    """A node that belongs to a resource (an annotation's target and selectors, an event's roles)."""

    iri: str
    statements: list[Statement] = field(default_factory=list)


@dataclass
class ResourcePage:
    """A resource without a page of its own: what the knowledge base says about it."""

    iri: str
    kind: str
    id: str
    label: str
    statements: list[Statement] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    claim: Claim | None = None
    events: list[EventRef] = field(default_factory=list)


_DESCRIBE = "SELECT ?p ?o ?s WHERE { ?s ?p ?o }"
_GRAPH_EVENTS = "SELECT DISTINCT ?event ?s WHERE { GRAPH ?s { ?event kbo:edtf ?edtf } }"


def _statements(kb: KnowledgeBase, minter: Minter, rows: list[dict], owner: str) -> list[Statement]:
    linked = [row["o"].value for row in rows if isinstance(row["o"], NamedNode)]
    names = labels(kb, linked)
    statements: dict[str, Statement] = {}
    for row in rows:
        predicate, obj = row["p"].value, row["o"]
        statement = statements.setdefault(predicate, Statement(curie(predicate), predicate))
        if isinstance(obj, NamedNode):
            target = ref(minter, obj.value, names.get(obj.value))
            inside = obj.value.startswith(owner + "/")
            statement.values.append(Value(names.get(obj.value) or curie(obj.value), obj.value,
                                          target if target.kind != "external" and not inside else None))
        else:
            statement.values.append(Value(obj.value))
    return sorted(statements.values(), key=lambda s: (s.property != "rdf:type", s.property))


def resource_page(kb: KnowledgeBase, minter: Minter, kind: str, slug: str) -> ResourcePage:
    """The page of a post, annotation, claim graph or round: its statements, one per property."""
    iri = minter.entity(kind, slug)
    subject = {Variable("s"): iri}
    rows = kb.select(_DESCRIBE, substitutions=subject, prefixes=PREFIXES)
    if not rows:
        raise EntityNotFound(kind, slug)
    label = next((row["o"].value for row in rows if row["p"].value.endswith("rdf-schema#label")), slug)
    page = ResourcePage(iri.value, kind, slug, label, _statements(kb, minter, rows, iri.value))
    pending = [row["o"].value for row in rows
               if isinstance(row["o"], NamedNode) and row["o"].value.startswith(iri.value + "/")]
    seen: set[str] = set()
    while pending and len(seen) < 50:
        part = pending.pop(0)
        if part in seen:
            continue
        seen.add(part)
        part_rows = kb.select(_DESCRIBE, substitutions={Variable("s"): NamedNode(part)}, prefixes=PREFIXES)
        page.parts.append(Part(part, _statements(kb, minter, part_rows, iri.value)))
        pending.extend(row["o"].value for row in part_rows
                       if isinstance(row["o"], NamedNode) and row["o"].value.startswith(iri.value + "/"))
    if kind == "graph":
        page.claim = claim(kb, minter, iri.value)
        events = [row["event"].value for row in kb.select(_GRAPH_EVENTS, substitutions=subject,
                                                            prefixes=PREFIXES)]
        page.events = sorted(event_refs(kb, minter, events).values(),
                             key=lambda e: (e.earliest, e.latest, e.iri))
    return page
