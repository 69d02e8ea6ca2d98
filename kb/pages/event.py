"""An event's page: what happened, when, who took part in which role, and the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Variable

from kb.pages.claims import ClaimRow, SourceClaim, event_claims
from kb.pages.parts import (
    Claim,
    DateInfo,
    EntityNotFound,
    EventRef,
    Ref,
    claim,
    date_info,
    event_refs,
    in_words,
    ref,
)
from kb.store import KnowledgeBase
from kb.timeline.window import labels
from kb.vocab import CAMEO_NS, KB_NS, PREFIXES, RDF, RDFS, ROLE_TYPES, SEM, Minter

#: Links between events: property -> (as the subject reads it, as the object reads it).
RELATIONS = {
    "answers": ("answers", "answered by"),
    "repeats": ("repeats", "repeated by"),
    "isPreconditionFor": ("is a precondition for", "has as precondition"),
    "partOfRound": ("is part of the round", "includes"),
    "precedes": ("precedes", "follows"),
    "reportsOn": ("reports on", "reported on by"),
    "counters": ("counters", "countered by"),
}



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
    #: The curator's paraphrase of a source whose text is not stored (not the source's words).
    paraphrased: bool = False

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
    #: Each source's claim about the event, in publication order (the side-by-side columns).
    claims: list[SourceClaim] = field(default_factory=list)
    claim_rows: list[ClaimRow] = field(default_factory=list)
    #: True when the event is a step of an offer thread (it counters, answers or is answered).
    in_thread: bool = False

    @property
    def disputed(self) -> bool:
        """True when the sources that report the event disagree on it."""
        return any(row.disputed for row in self.claim_rows)


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
  VALUES ?p { kbo:answers kbo:repeats kbo:isPreconditionFor kbo:partOfRound kbo:precedes kbo:reportsOn
              kbo:counters }
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
    by_graph: dict[str, dict[str, list]] = {}
    for row in rows:
        by_graph.setdefault(row["g"].value, {}).setdefault(row["p"].value, []).append(row["o"])
    # Several sources' claims: the page's facts are those of the source that defines the event
    # (its claim has the label and no kbo:alsoReportedBy); the others are shown side by side.
    graph = next((g for g, found in by_graph.items() if KB_NS + "alsoReportedBy" not in found
                  and RDF.type.value in found), next(iter(by_graph), None))
    values: dict[str, list] = dict(by_graph.get(graph, {})) if graph else {}
    values[KB_NS + "source"] = [term for found in by_graph.values()
                                for term in found.get(KB_NS + "source", [])]

    def first(name: str) -> str | None:
        found = values.get(KB_NS + name) or values.get(name)
        return found[0].value if found else None

    types = [term.value.removeprefix(KB_NS) for term in
             values.get(RDF.type.value, [])
             if term.value.startswith(KB_NS)]
    label = values.get(RDFS.label.value)
    if not types or not label or not first("edtf"):
        raise EntityNotFound("event", slug)
    type_name = types[0]

    def roles_and_names() -> tuple[list[dict], dict[str, str]]:
        roles = kb.select(_ROLES, substitutions=subject, prefixes=PREFIXES)
        return roles, labels(kb, [row["actor"].value for row in roles])

    def codes_and_terms() -> tuple[list[str], bool, dict[str, dict[str, str]]]:
        code_iris = [term.value for name in ("cameo", "plover") for term in values.get(KB_NS + name, [])]
        by_type = not code_iris
        if by_type:
            code_iris = sorted(row["code"].value for row in kb.select(
                _TYPE_CODES, substitutions={Variable("s"): NamedNode(KB_NS + type_name)}, prefixes=PREFIXES))
        # Every role type's words too: the event's roles are not known yet (asked at the same time).
        return code_iris, by_type, _terms(kb, [KB_NS + type_name, *code_iris,
                                               *(KB_NS + role for role in ROLE_TYPES)])

    def roles_and_terms() -> tuple[list[RoleRef], list[str], bool, dict[str, dict[str, str]]]:
        (roles, actor_names), (code_iris, by_type, term_info) = kb.together(roles_and_names,
                                                                            codes_and_terms)
        actors = sorted(
            (RoleRef(ref(minter, row["actor"].value, actor_names.get(row["actor"].value)),
                     row["role"].value.removeprefix(KB_NS), row["role"].value.removeprefix(KB_NS))
             for row in roles),
            key=lambda r: (ROLE_TYPES.index(r.role) if r.role in ROLE_TYPES else 99, r.actor.label))
        other_roles = [KB_NS + r.role for r in actors if KB_NS + r.role not in term_info]
        term_info.update(_terms(kb, other_roles))  # roles from elsewhere than this ontology
        for role in actors:
            role.role_label = term_info.get(KB_NS + role.role, {}).get("label", role.role)
        return actors, code_iris, by_type, term_info

    place_iri = values.get(SEM.hasPlace.value)
    # The page's parts that do not depend on one another: at once over a remote store.
    source_iris = [term.value for term in values.get(KB_NS + "source", [])]
    (actors, code_iris, by_type, term_info), event_claim, evidence_rows, (claims, claim_rows), relations, \
        place_names, source_names = kb.together(
            roles_and_terms,
            lambda: claim(kb, minter, graph) if graph else Claim(""),
            lambda: kb.select(_EVIDENCE, substitutions=subject, prefixes=PREFIXES),
            lambda: event_claims(kb, minter, slug),
            lambda: _relations(kb, minter, values, subject),
            lambda: labels(kb, [place_iri[0].value]) if place_iri else {},
            lambda: labels(kb, source_iris))
    evidence = []
    for row in sorted(evidence_rows,
                      key=lambda r: (int(r["start"].value) if "start" in r else 0, r["annotation"].value)):
        source_iri = row["source"].value
        evidence.append(Evidence(
            row["exact"].value, ref(minter, source_iri),
            int(row["start"].value) if "start" in row else None,
            int(row["end"].value) if "end" in row else None, event_claim))
    if not evidence:  # data loaded from elsewhere: sentences without annotations
        for sentence in values.get(KB_NS + "sourceSentence", []):
            evidence.append(Evidence(sentence.value, ref(minter, source_iris[0]) if source_iris
                                     else Ref("external", "", "", "unknown source"), None, None,
                                     event_claim))
    for item in claims:
        if item.paraphrased:
            evidence.append(Evidence(item.wording, item.source, None, None, Claim(item.graph, [Ref(
                "external", "", "", item.claimant)]), paraphrased=True))
    source_names.update(labels(kb, [e.source.iri for e in evidence if e.source.iri not in source_names]))
    for item in evidence:
        item.source.label = source_names.get(item.source.iri, item.source.label)
    place = None
    if place_iri:
        place = ref(minter, place_iri[0].value, place_names.get(place_iri[0].value))
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
                       in_words(anchor) if anchor else None),
        claim=event_claim, actors=actors, place=place,
        offers=first("offers"),
        in_exchange_for=sorted(term.value for term in values.get(KB_NS + "inExchangeFor", [])),
        means=first("means"), quote=first("quote"), note=first("curatorNote"),
        codes=codes, evidence=evidence, relations=relations,
        sources=[ref(minter, iri, source_names.get(iri)) for iri in dict.fromkeys(source_iris)],
        claims=claims, claim_rows=claim_rows if len(claims) > 1 else [],
        in_thread=any(r.property in ("answers", "counters") for r in relations),
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
