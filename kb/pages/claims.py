"""What each source says of one event, side by side, and an offer's thread with its terms.

An event several sources report is one event IRI; each source's claim about it (date, type,
status, place, actors, terms, wording) is in that source's claim graph. :func:`event_claims` reads
the claims graph by graph and marks the fields the sources disagree on, as the named query
``conflicts`` finds them (queries/conflicts.rq: the one place the rule is written).
:func:`thread_page` follows ``kbo:counters`` and ``kbo:answers`` from an offer to the whole thread,
in date order, with each step's terms and what changed from the proposal it counters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Variable

from kb.errors import NotFound
from kb.pages.parts import EntityNotFound, Ref, in_words, ref
from kb.queries import find, run
from kb.store import KnowledgeBase
from kb.timeline.window import labels
from kb.vocab import KB_NS, PREFIXES, Minter

#: The fields compared, in the order the columns list them (terms follow, by term type).
FIELDS = ("date", "type", "status", "place", "actors")

_CLAIMS = """
SELECT ?g ?p ?o ?claimant ?who ?source ?title ?published ?published_edtf ?url ?s WHERE {
  GRAPH ?g { ?s ?p ?o }
  ?g kbo:reportedIn ?source ; prov:wasAttributedTo ?claimant .
  OPTIONAL { ?claimant rdfs:label ?who }
  ?source sem:hasEarliestBeginTimeStamp ?published ; kbo:edtf ?published_edtf .
  OPTIONAL { ?source rdfs:label ?title }
  OPTIONAL { ?source schema:url ?url }
}"""
_ROLES = """
SELECT ?g ?role ?actor ?s WHERE {
  GRAPH ?g { ?s sem:hasActor ?node . ?node sem:roleType ?role ; rdf:value ?actor }
}"""
_TERMS = """
SELECT ?g ?t ?class ?q ?u ?text ?category ?ratio ?by ?to ?s WHERE {
  GRAPH ?g { ?s kbo:hasTerm ?t . ?t a ?class . FILTER(?class != kbo:Term)
    OPTIONAL { ?t kbo:quantity ?q } OPTIONAL { ?t kbo:unit ?u } OPTIONAL { ?t kbo:termText ?text }
    OPTIONAL { ?t kbo:termCategory ?category } OPTIONAL { ?t kbo:ratio ?ratio }
    OPTIONAL { ?t kbo:givenBy ?by } OPTIONAL { ?t kbo:givenTo ?to } }
}"""


@dataclass
class Term:
    """One term of a proposal as one source states it."""

    type: str
    value: str
    detail: str = ""


@dataclass
class SourceClaim:
    """One source's claim about the event: a column of the side-by-side table."""

    graph: str
    claimant: str
    source: Ref
    published: str
    published_words: str
    url: str | None
    date: str = ""
    date_text: str = ""
    type: str = ""
    status: str = ""
    place: str = ""
    actors: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    wording: str = ""
    paraphrased: bool = False


@dataclass
class ClaimRow:
    """One field across the claims: each claim's value (empty when it does not say), and whether
    the sources disagree on it."""

    field: str
    values: list[str]
    disputed: bool = False


def _local(iri: str) -> str:
    return iri.removeprefix(KB_NS).rsplit("/", 1)[-1]


def _roles_and_names(kb: KnowledgeBase, subject: dict) -> tuple[list[dict], dict[str, str]]:
    role_rows = kb.select(_ROLES, substitutions=subject, prefixes=PREFIXES)
    return role_rows, labels(kb, [row["actor"].value for row in role_rows])


def _conflicts(kb: KnowledgeBase, iri: NamedNode, minter: Minter) -> list[dict]:
    """The disagreements the sources have about the event (the named query ``conflicts``)."""
    try:
        return run(kb, find("conflicts"), {"of": iri.value}, minter).records()
    except NotFound:
        return []


def event_claims(kb: KnowledgeBase, minter: Minter, slug: str) -> tuple[list[SourceClaim], list[ClaimRow]]:
    """Each source's claim about the event ``slug`` (in publication order) and the compared fields."""
    iri = minter.event(slug)
    subject = {Variable("s"): iri}
    claims: dict[str, SourceClaim] = {}
    values: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in kb.select(_CLAIMS, substitutions=subject, prefixes=PREFIXES):
        graph = row["g"].value
        values[graph][row["p"].value].append(row["o"].value)
        if graph not in claims:
            source = row["source"].value
            claims[graph] = SourceClaim(
                graph=graph, claimant=row["who"].value if "who" in row else _local(row["claimant"].value),
                source=ref(minter, source, row["title"].value if "title" in row else None),
                published=row["published"].value, published_words=in_words(row["published_edtf"].value),
                url=row["url"].value if "url" in row else None)
    if not claims:
        return [], []
    # What is left does not depend on one another: at once over a remote store.
    (role_rows, names), term_rows, place_names, conflicts = kb.together(
        lambda: _roles_and_names(kb, subject),
        lambda: kb.select(_TERMS, substitutions=subject, prefixes=PREFIXES),
        lambda: labels(kb, [place for graph in values.values() for place in graph.get(_SEM_PLACE, [])]),
        lambda: _conflicts(kb, iri, minter))
    roles: dict[str, list[str]] = defaultdict(list)
    for row in role_rows:
        actor = row["actor"].value
        roles[row["g"].value].append(f"{names.get(actor, _local(actor))} ({_local(row['role'].value)})")
    terms: dict[str, dict[str, Term]] = defaultdict(dict)
    for row in term_rows:
        number = row["q"].value + (f" {row['u'].value}" if "u" in row else "") if "q" in row else ""
        words = row["text"].value if "text" in row else ""
        detail = "; ".join(part for part in (
            f"category: {row['category'].value}" if "category" in row else "",
            f"ratio {row['ratio'].value}" if "ratio" in row else "",
            f"given by {_local(row['by'].value)}" if "by" in row else "",
            f"to {_local(row['to'].value)}" if "to" in row else "") if part)
        detail = "; ".join(part for part in (words if number else "", detail) if part)
        terms[row["g"].value][row["t"].value] = Term(_local(row["class"].value), number or words, detail)
    for graph, claim in claims.items():
        found = values[graph]
        kinds = [kind for kind in found.get(_RDF_TYPE, []) if kind.startswith(KB_NS)]
        claim.type = _local(kinds[0]) if kinds else ""
        claim.date = (found.get(KB_NS + "edtf") or [""])[0]
        claim.date_text = (found.get(KB_NS + "dateText") or [""])[0]
        claim.status = _local((found.get(KB_NS + "status") or [""])[0])
        place = (found.get(_SEM_PLACE) or [""])[0]
        claim.place = place_names.get(place, _local(place)) if place else ""
        claim.actors = sorted(dict.fromkeys(roles.get(graph, [])))
        claim.terms = sorted(terms.get(graph, {}).values(), key=lambda term: term.type)
        paraphrase = found.get(KB_NS + "paraphrase")
        claim.paraphrased = bool(paraphrase)
        claim.wording = paraphrase[0] if paraphrase else (found.get(_RDFS_LABEL) or [""])[0]
    ordered = sorted(claims.values(), key=lambda claim: (claim.published, claim.source.id, claim.graph))
    disputed = {row["field"] for row in conflicts}
    rows = [
        ClaimRow("date", [f"{c.date}: “{c.date_text}”" if c.date else "" for c in ordered],
                 "date" in disputed),
        ClaimRow("type", [c.type for c in ordered], "type" in disputed),
        ClaimRow("status", [c.status for c in ordered], "status" in disputed),
        ClaimRow("place", [c.place for c in ordered], "place" in disputed),
        ClaimRow("actors", ["; ".join(c.actors) for c in ordered], "actors" in disputed),
    ]
    term_types = sorted({term.type for claim in ordered for term in claim.terms})
    for kind in term_types:
        cells = ["; ".join(term.value + (f" ({term.detail})" if term.detail else "")
                           for term in claim.terms if term.type == kind) for claim in ordered]
        rows.append(ClaimRow(f"term: {kind}", cells, f"term:{kind}" in disputed))
    return ordered, rows


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SEM_PLACE = "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"


# -- offer threads -------------------------------------------------------------------------------


@dataclass
class ThreadStep:
    """One step of an offer thread: a proposal, a counter-proposal, an acceptance or a rejection."""

    event: Ref
    type: str
    earliest: str
    latest: str
    responds_to: str | None
    terms: list[str] = field(default_factory=list)
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)  # term, before, after, change


@dataclass
class ThreadPage:
    """An offer's thread, in order, with a term-by-term diff between successive proposals."""

    id: str
    label: str
    steps: list[ThreadStep] = field(default_factory=list)


def thread_page(kb: KnowledgeBase, minter: Minter, slug: str) -> ThreadPage:
    """The thread of the offer ``slug`` (any step of it)."""
    iri = minter.event(slug).value
    try:
        steps = run(kb, find("offer-thread"), {"offer": iri}, minter).records()
    except NotFound:
        raise EntityNotFound("event", slug) from None
    if not steps:
        raise EntityNotFound("event", slug)
    changes: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for row in run(kb, find("term-changes"), {"offer": iri}, minter).records():
        changes[row["later"]].append((row["term"], row.get("before") or "", row.get("after") or "",
                                      row["change"]))
    names = labels(kb, [row["step"] for row in steps])
    page = ThreadPage(slug, names.get(iri, slug))
    for row in steps:
        page.steps.append(ThreadStep(
            event=ref(minter, row["step"], row.get("label") or names.get(row["step"])),
            type=_local(row["type"]), earliest=str(row["earliest"]), latest=str(row["latest"]),
            responds_to=_local(row["responds_to"]) if row.get("responds_to") else None,
            terms=[part for part in (row.get("terms") or "").split(" | ") if part],
            changes=changes.get(row["step"], [])))
    return page
