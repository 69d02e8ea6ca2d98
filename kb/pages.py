"""What each entity page shows, as plain dataclasses: events, actors, places and other resources.

Builders take the knowledge base, a :class:`~kb.vocab.Minter` and an entity's id (its slug) and
return page data made of strings, numbers, dates and lists, never pyoxigraph terms, so that a
template or ``json.dumps`` can use them as they are (:func:`as_json`). An id that names nothing
raises :class:`EntityNotFound`. Sources are in :mod:`kb.source_page`, the ontology in
:mod:`kb.ontology_page`.
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
from kb.timeline.window import actor_events, labels, type_labels
from kb.vocab import CAMEO_NS, KB_NS, PREFIXES, ROLE_TYPES, WIKIDATA_ENTITY, Minter

#: Links between events: property -> (as the subject reads it, as the object reads it).
RELATIONS = {
    "answers": ("answers", "answered by"),
    "repeats": ("repeats", "repeated by"),
    "isPreconditionFor": ("is a precondition for", "has as precondition"),
    "partOfRound": ("is part of the round", "includes"),
    "precedes": ("precedes", "follows"),
    "reportsOn": ("reports on", "reported on by"),
}
ACTOR_KINDS = {
    "https://schema.org/Person": "person",
    "https://schema.org/Organization": "organization",
    "https://schema.org/Country": "country",
    KB_NS + "Group": "group",
}


class EntityNotFound(NotFound):
    """No entity of this kind has this id."""

    def __init__(self, kind: str, slug: str):
        hint = ("start from the timeline at / (the table lists every event)" if kind == "event"
                else "follow a link from an event, or ask the SPARQL endpoint")
        super().__init__(f"no {kind} '{slug}' in the knowledge base", where=f"/{kind}/{slug}", hint=hint)
        self.kind = kind
        self.slug = slug


# --- small parts shared by the pages ------------------------------------------------------------


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


def _in_words(edtf: str, fallback: str = "") -> str:
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
            _in_words(row["edtf"].value), plain(row["earliest"]), plain(row["latest"]),
            row["status"].value.removeprefix(KB_NS) if "status" in row else "happened")
    return found


_CLAIM = """
SELECT ?claimant ?parent ?graph WHERE {
  ?graph prov:wasAttributedTo ?claimant .
  OPTIONAL { ?graph prov:wasDerivedFrom ?parent }
}"""


def claim(kb: KnowledgeBase, minter: Minter, graph: str) -> Claim:
    """Who claims what a graph holds: its claimant, then who relays it, up the derivation chain."""
    chain_iris: list[str] = []
    current, seen = graph, set()
    while current and current not in seen and len(seen) < 8:
        seen.add(current)
        rows = kb.select(_CLAIM, substitutions={Variable("graph"): NamedNode(current)}, prefixes=PREFIXES)
        if not rows:
            break
        chain_iris.append(rows[0]["claimant"].value)
        current = rows[0]["parent"].value if "parent" in rows[0] else None
    names = labels(kb, chain_iris)
    graph_ref = ref(minter, graph)
    return Claim(graph, [ref(minter, iri, names.get(iri)) for iri in chain_iris],
                 graph_ref.id if graph_ref.kind == "graph" else None)


def _require(kb: KnowledgeBase, iri: NamedNode, kind: str, slug: str, sparql: str) -> None:
    if not kb.ask(sparql, substitutions={Variable("s"): iri}):
        raise EntityNotFound(kind, slug)


# --- events ---------------------------------------------------------------------------------


@dataclass
class RoleRef:
    """An actor in an event, in one role."""

    actor: Ref
    role: str
    role_label: str


@dataclass
class Evidence:
    """A verbatim sentence of a source that states the event, and where it is in the text."""

    sentence: str
    source: Ref
    start: int | None
    end: int | None
    claim: Claim

    @property
    def anchor_id(self) -> str | None:
        """The id of the sentence on the source's page."""
        return f"s{self.start}" if self.start is not None else None


@dataclass
class Relation:
    """A link from this event to another, read in the direction of this page."""

    property: str
    label: str
    direction: str  # "out": this event is the subject; "in": the object
    event: EventRef


@dataclass
class Code:
    """An event code (CAMEO or PLOVER) with its official label."""

    scheme: str
    notation: str
    label: str
    iri: str
    by_type: bool = False  # the event type's code (the event names none of its own)


@dataclass
class EventPage:
    """Everything an event's page shows."""

    iri: str
    id: str
    label: str
    type: str
    type_label: str
    type_definition: str
    status: str
    date: DateInfo
    claim: Claim
    actors: list[RoleRef] = field(default_factory=list)
    place: Ref | None = None
    offers: str | None = None
    in_exchange_for: list[str] = field(default_factory=list)
    means: str | None = None
    quote: str | None = None
    note: str | None = None
    codes: list[Code] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sources: list[Ref] = field(default_factory=list)


_EVENT = "SELECT ?p ?o ?g ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
_ROLES = """
SELECT ?role ?actor ?s WHERE { ?s sem:hasActor ?node . ?node sem:roleType ?role ; rdf:value ?actor . }"""
_EVIDENCE = """
SELECT ?annotation ?exact ?start ?end ?source ?s WHERE {
  ?s kbo:evidence ?annotation .
  ?annotation oa:hasTarget ?target .
  ?target oa:hasSource ?source ; oa:hasSelector ?quote .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
  OPTIONAL { ?target oa:hasSelector ?position .
             ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }
}"""
_INBOUND = """
SELECT ?p ?other ?s WHERE {
  VALUES ?p { kbo:answers kbo:repeats kbo:isPreconditionFor kbo:partOfRound kbo:precedes kbo:reportsOn }
  ?other ?p ?s .
}"""
_TERMS = """
SELECT ?term ?label ?definition ?notation ?s WHERE {
  VALUES ?term { %s }
  OPTIONAL { ?term rdfs:label|skos:prefLabel ?label }
  OPTIONAL { ?term skos:definition ?definition }
  OPTIONAL { ?term skos:notation ?notation }
}"""
_TYPE_CODES = "SELECT ?code ?s WHERE { ?s kbo:cameoCode|kbo:ploverCategory ?code }"


def _terms(kb: KnowledgeBase, iris: list[str]) -> dict[str, dict[str, str]]:
    if not iris:
        return {}
    values = " ".join(str(NamedNode(iri)) for iri in dict.fromkeys(iris))
    found: dict[str, dict[str, str]] = {}
    for row in kb.select(_TERMS % values, prefixes=PREFIXES):
        entry = found.setdefault(row["term"].value, {})
        for name in ("label", "definition", "notation"):
            if name in row:
                entry.setdefault(name, row[name].value)
    return found


def event_page(kb: KnowledgeBase, minter: Minter, slug: str) -> EventPage:
    """The page of the event ``slug``."""
    iri = minter.event(slug)
    subject = {Variable("s"): iri}
    rows = kb.select(_EVENT, substitutions=subject, prefixes=PREFIXES)
    values: dict[str, list] = {}
    graph = None
    for row in rows:
        values.setdefault(row["p"].value, []).append(row["o"])
        if row["p"].value.endswith("22-rdf-syntax-ns#type"):
            graph = row["g"].value

    def first(name: str) -> str | None:
        found = values.get(KB_NS + name) or values.get(name)
        return found[0].value if found else None

    types = [term.value.removeprefix(KB_NS) for term in
             values.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [])
             if term.value.startswith(KB_NS)]
    label = values.get("http://www.w3.org/2000/01/rdf-schema#label")
    if not types or not label or not first("edtf"):
        raise EntityNotFound("event", slug)
    type_name = types[0]
    roles = kb.select(_ROLES, substitutions=subject, prefixes=PREFIXES)
    actor_names = labels(kb, [row["actor"].value for row in roles])
    actors = sorted(
        (RoleRef(ref(minter, row["actor"].value, actor_names.get(row["actor"].value)),
                 row["role"].value.removeprefix(KB_NS), row["role"].value.removeprefix(KB_NS))
         for row in roles),
        key=lambda r: (ROLE_TYPES.index(r.role) if r.role in ROLE_TYPES else 99, r.actor.label))
    code_iris = [term.value for name in ("cameo", "plover") for term in values.get(KB_NS + name, [])]
    by_type = not code_iris
    if by_type:
        code_iris = sorted(row["code"].value for row in kb.select(
            _TYPE_CODES, substitutions={Variable("s"): NamedNode(KB_NS + type_name)}, prefixes=PREFIXES))
    term_info = _terms(kb, [KB_NS + type_name, *code_iris, *(KB_NS + r.role for r in actors)])
    for role in actors:
        role.role_label = term_info.get(KB_NS + role.role, {}).get("label", role.role)
    event_claim = claim(kb, minter, graph) if graph else Claim("")
    evidence = []
    for row in sorted(kb.select(_EVIDENCE, substitutions=subject, prefixes=PREFIXES),
                      key=lambda r: (int(r["start"].value) if "start" in r else 0, r["annotation"].value)):
        source_iri = row["source"].value
        evidence.append(Evidence(
            row["exact"].value, ref(minter, source_iri),
            int(row["start"].value) if "start" in row else None,
            int(row["end"].value) if "end" in row else None, event_claim))
    source_iris = [term.value for term in values.get(KB_NS + "source", [])]
    if not evidence:  # data loaded from elsewhere: sentences without annotations
        for sentence in values.get(KB_NS + "sourceSentence", []):
            evidence.append(Evidence(sentence.value, ref(minter, source_iris[0]) if source_iris
                                     else Ref("external", "", "", "unknown source"), None, None,
                                     event_claim))
    source_names = labels(kb, source_iris + [e.source.iri for e in evidence])
    for item in evidence:
        item.source.label = source_names.get(item.source.iri, item.source.label)
    relations = _relations(kb, minter, values, subject)
    place_iri = values.get("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace")
    place = None
    if place_iri:
        place = ref(minter, place_iri[0].value, labels(kb, [place_iri[0].value]).get(place_iri[0].value))
    codes = []
    for code_iri in code_iris:
        info = term_info.get(code_iri, {})
        scheme = "CAMEO" if code_iri.startswith(CAMEO_NS) else "PLOVER"
        notation = info.get("notation") or code_iri.rstrip("/").rsplit("/", 1)[-1]
        codes.append(Code(scheme, notation, info.get("label", ""), code_iri, by_type))
    status = (first("status") or KB_NS + "happened").removeprefix(KB_NS)
    anchor = first("dateAnchor")
    return EventPage(
        iri=iri.value, id=slug, label=label[0].value, type=type_name,
        type_label=term_info.get(KB_NS + type_name, {}).get("label", type_name),
        type_definition=term_info.get(KB_NS + type_name, {}).get("definition", ""),
        status=status,
        date=date_info(first("edtf"), first("dateText"), first("dateNote"),
                       _in_words(anchor) if anchor else None),
        claim=event_claim, actors=actors, place=place,
        offers=first("offers"),
        in_exchange_for=sorted(term.value for term in values.get(KB_NS + "inExchangeFor", [])),
        means=first("means"), quote=first("quote"), note=first("curatorNote"),
        codes=codes, evidence=evidence, relations=relations,
        sources=[ref(minter, iri, source_names.get(iri)) for iri in source_iris],
    )


def _relations(kb: KnowledgeBase, minter: Minter, values: dict[str, list], subject: dict) -> list[Relation]:
    pairs: list[tuple[str, str, str]] = []  # (property, direction, other event)
    for name in RELATIONS:
        for term in values.get(KB_NS + name, []):
            pairs.append((name, "out", term.value))
    for row in kb.select(_INBOUND, substitutions=subject, prefixes=PREFIXES):
        pairs.append((row["p"].value.removeprefix(KB_NS), "in", row["other"].value))
    refs = event_refs(kb, minter, [other for _, _, other in pairs])
    relations = [
        Relation(name, RELATIONS[name][0 if direction == "out" else 1], direction, refs[other])
        for name, direction, other in dict.fromkeys(pairs) if other in refs
    ]
    order = list(RELATIONS)
    relations.sort(key=lambda r: (order.index(r.property), r.direction == "in", r.event.earliest))
    return relations


# --- actors ---------------------------------------------------------------------------------


@dataclass
class Position:
    """A post a source says the actor holds."""

    title: str
    organization: Ref | None
    according_to: Ref | None
    as_of: str | None
    note: str | None
    claim: Claim


@dataclass
class ActorEvent:
    """One of an actor's events, placed on the actor's small timeline (percentages of its width)."""

    event: EventRef
    roles: list[str]
    left: float
    width: float
    row: int

    @property
    def exact(self) -> bool:
        """True when the event's date is one known day."""
        return self.event.earliest == self.event.latest


@dataclass
class Tick:
    """A labelled mark on a small timeline's axis (``left``: percent of its width)."""

    left: float
    label: str


@dataclass
class ActorPage:
    """Everything an actor's page shows."""

    iri: str
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    wikidata_id: str | None = None
    positions: list[Position] = field(default_factory=list)
    member_of: list[Ref] = field(default_factory=list)
    members: list[Ref] = field(default_factory=list)
    events: list[ActorEvent] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    rows: int = 0
    ticks: list[Tick] = field(default_factory=list)


_ACTOR = """
SELECT ?p ?o ?s WHERE {
  ?s ?p ?o .
  VALUES ?p { rdf:type rdfs:label skos:altLabel schema:sameAs org:memberOf org:subOrganizationOf }
}"""
_MEMBERS = "SELECT ?member ?s WHERE { ?member org:memberOf|org:subOrganizationOf ?s }"
_POSITIONS = """
SELECT ?post ?title ?org ?according ?as_of ?note ?g ?s WHERE {
  GRAPH ?g {
    ?post org:heldBy ?s ; rdfs:label ?title .
    OPTIONAL { ?post org:postIn ?org }
    OPTIONAL { ?post kbo:accordingTo ?according }
    OPTIONAL { ?post kbo:asOf ?as_of }
    OPTIONAL { ?post kbo:curatorNote ?note }
  }
}"""


def actor_page(kb: KnowledgeBase, minter: Minter, slug: str) -> ActorPage:
    """The page of the actor ``slug``: its posts, its events on a small timeline, its Wikidata link."""
    iri = minter.actor(slug)
    subject = {Variable("s"): iri}
    rows = kb.select(_ACTOR, substitutions=subject, prefixes=PREFIXES)
    values: dict[str, list[str]] = {}
    for row in rows:
        values.setdefault(row["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(row["o"].value)
    kinds = [ACTOR_KINDS[t] for t in values.get("type", []) if t in ACTOR_KINDS]
    is_actor = any(t.endswith(("sem/Actor", "#Actor")) for t in values.get("type", []))
    if not is_actor or not values.get("label"):
        raise EntityNotFound("actor", slug)
    wikidata = next((v for v in values.get("sameAs", []) if v.startswith(WIKIDATA_ENTITY)), None)
    members = [row["member"].value for row in kb.select(_MEMBERS, substitutions=subject, prefixes=PREFIXES)]
    outer = values.get("memberOf", []) + values.get("subOrganizationOf", [])
    position_rows = kb.select(_POSITIONS, substitutions=subject, prefixes=PREFIXES)
    names = labels(kb, [*members, *outer, *(r["org"].value for r in position_rows if "org" in r),
                        *(r["according"].value for r in position_rows if "according" in r)])
    positions = []
    for row in sorted(position_rows, key=lambda r: r["post"].value):
        positions.append(Position(
            title=row["title"].value,
            organization=ref(minter, row["org"].value, names.get(row["org"].value)) if "org" in row else None,
            according_to=(ref(minter, row["according"].value, names.get(row["according"].value))
                          if "according" in row else None),
            as_of=_in_words(row["as_of"].value) if "as_of" in row else None,
            note=row["note"].value if "note" in row else None,
            claim=claim(kb, minter, row["g"].value),
        ))
    page = ActorPage(
        iri=iri.value, id=slug, name=values["label"][0], kind=kinds[0] if kinds else "actor",
        aliases=sorted(values.get("altLabel", [])), wikidata=wikidata,
        wikidata_id=wikidata.removeprefix(WIKIDATA_ENTITY) if wikidata else None,
        positions=positions,
        member_of=[ref(minter, o, names.get(o)) for o in sorted(outer)],
        members=sorted((ref(minter, m, names.get(m)) for m in members), key=lambda r: r.label),
    )
    _place_on_strip(page, kb, minter, iri.value)
    return page


def _place_on_strip(page: ActorPage, kb: KnowledgeBase, minter: Minter, iri: str) -> None:
    """Fill ``page.events`` with the actor's events, laid out in rows that do not overlap."""
    events = actor_events(kb, iri)
    if not events:
        return
    names = type_labels(kb)
    page.first = min(e.earliest for e in events)
    page.last = max(e.latest for e in events)
    span = (page.last - page.first).days + 1
    row_ends: list[float] = []
    for event in events:
        left = (event.earliest - page.first).days / span * 100
        width = ((event.latest - event.earliest).days + 1) / span * 100
        reach = left + max(width, 1.2) + 0.6
        row = next((i for i, end in enumerate(row_ends) if end <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(reach)
        else:
            row_ends[row] = reach
        reference = EventRef(ref(minter, event.iri).id, event.iri, event.label, event.type,
                             names.get(event.type, event.type), event.in_words, event.earliest,
                             event.latest, event.status)
        page.events.append(ActorEvent(reference, event.roles, round(left, 3), round(width, 3), row))
    page.rows = len(row_ends)
    page.ticks = axis_ticks(page.first, page.last)


def axis_ticks(first: date, last: date) -> list[Tick]:
    """Month ticks (years past two years) for a small timeline from ``first`` to ``last``."""
    span = (last - first).days + 1
    ticks = []
    if span > 2 * 366:
        for year in range(first.year + 1, last.year + 1):
            ticks.append(Tick(round((date(year, 1, 1) - first).days / span * 100, 3), str(year)))
        return ticks
    year, month = first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start = date(year, month, 1)
        if start > last:
            return ticks
        label = start.strftime("%b") if month != 1 else start.strftime("%b %Y")
        ticks.append(Tick(round((start - first).days / span * 100, 3), label))


# --- places ---------------------------------------------------------------------------------


@dataclass
class PlacePage:
    """Everything a place's page shows."""

    iri: str
    id: str
    name: str
    wikidata: str | None = None
    wikidata_id: str | None = None
    within: Ref | None = None
    contains: list[Ref] = field(default_factory=list)
    events: list[EventRef] = field(default_factory=list)
    events_within: list[EventRef] = field(default_factory=list)  # at places inside this one


_PLACE = """
SELECT ?p ?o ?s WHERE {
  ?s ?p ?o . VALUES ?p { rdf:type rdfs:label schema:sameAs schema:containedInPlace }
}"""
_PLACE_LINKS = """
SELECT ?inner ?event ?within ?s WHERE {
  { ?inner schema:containedInPlace ?s }
  UNION { ?event sem:hasPlace ?s }
  UNION { ?within sem:hasPlace ?place . ?place schema:containedInPlace+ ?s }
}"""


def place_page(kb: KnowledgeBase, minter: Minter, slug: str) -> PlacePage:
    """The page of the place ``slug``: what it is in, what is in it, what happened there."""
    iri = minter.place(slug)
    subject = {Variable("s"): iri}
    values: dict[str, list[str]] = {}
    for row in kb.select(_PLACE, substitutions=subject, prefixes=PREFIXES):
        values.setdefault(row["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(row["o"].value)
    if not any(t.endswith(("sem/Place", "schema.org/Place")) for t in values.get("type", [])):
        raise EntityNotFound("place", slug)
    links = kb.select(_PLACE_LINKS, substitutions=subject, prefixes=PREFIXES)
    inner = [row["inner"].value for row in links if "inner" in row]
    events = [row["event"].value for row in links if "event" in row]
    within = [row["within"].value for row in links if "within" in row]
    outer = values.get("containedInPlace", [])
    names = labels(kb, inner + outer)
    wikidata = next((v for v in values.get("sameAs", []) if v.startswith(WIKIDATA_ENTITY)), None)
    refs = event_refs(kb, minter, events + within)

    def in_order(iris: list[str]) -> list[EventRef]:
        return sorted((refs[i] for i in dict.fromkeys(iris) if i in refs),
                      key=lambda e: (e.earliest, e.latest, e.iri))

    return PlacePage(
        iri=iri.value, id=slug, name=values.get("label", [slug])[0], wikidata=wikidata,
        wikidata_id=wikidata.removeprefix(WIKIDATA_ENTITY) if wikidata else None,
        within=ref(minter, outer[0], names.get(outer[0])) if outer else None,
        contains=sorted((ref(minter, i, names.get(i)) for i in inner), key=lambda r: r.label),
        events=in_order(events), events_within=in_order(within),
    )


# --- any other resource (posts, annotations, claim graphs, rounds) ----------------------------


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


def curie(iri: str) -> str:
    """``kbo:answers`` for an IRI in a known namespace, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


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
