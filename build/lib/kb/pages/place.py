"""A place's page: what it is and the events that happened there."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Variable

from kb.pages.parts import EntityNotFound, EventRef, Ref, event_refs, ref, values_by_name
from kb.store import KnowledgeBase
from kb.timeline.window import labels
from kb.vocab import PREFIXES, WIKIDATA_ENTITY, Minter


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
    values = values_by_name(kb, _PLACE, iri)
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
