"""Linked data: an entity's description as RDF, the dataset's VoID/DCAT description, schema.org.

Entity IRIs follow the 303 pattern (see :class:`kb.vocab.Minter`): ``{base}id/{kind}/{slug}`` names
the thing; the web app answers it with *303 See Other* to the document about it, ``/{kind}/{slug}``
as HTML or ``.ttl`` / ``.nt`` / ``.jsonld`` / ``.rdf``, whichever the ``Accept`` header prefers.
:func:`describe` builds that description; :func:`void` the dataset's; :func:`schema_org` the
schema.org JSON-LD that each HTML page embeds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, Variable, parse, serialize

from kb.formats import DOCUMENT_FORMATS, DUMP_FILES
from kb.formats import RDF as RDF_FORMATS
from kb.pages.actor import ActorPage
from kb.pages.event import EventPage
from kb.pages.ontology import OntologyPage
from kb.pages.parts import Ref
from kb.pages.place import PlacePage
from kb.pages.resource import ResourcePage
from kb.pages.source import SourcePage
from kb.paths import ONTOLOGY_FILE
from kb.store import KnowledgeBase
from kb.vocab import (
    ACTOR_SCHEMA_TYPES,
    DATASET_LICENSE,
    DCAT,
    DCT,
    IANA_MEDIA_TYPES,
    KB_NS,
    ONTOLOGY_IRI,
    PREFIXES,
    RDF,
    RDFS,
    SCHEMA,
    SCHEMA_CONTEXT,
    SPARQL_PROTOCOL,
    VOID,
    W3C_FORMATS,
    XSD,
)

#: The vocabularies the data uses (void:vocabulary).
VOCABULARIES = ("kbo", "sem", "schema", "prov", "org", "oa", "skos", "dct", "rdfs", "owl")
DATASET_RIGHTS = (
    "Curated events, dates and links: CC BY 4.0. Quoted sentences and article texts remain their "
    "publishers' and are quoted as evidence for the events."
)

_DESCRIBE = """
CONSTRUCT {
  ?s ?p ?o . ?o rdfs:label ?label .
  ?node ?np ?no .
  ?in ?ip ?s .
  ?gs ?gp ?go .
} WHERE {
  { ?s ?p ?o . OPTIONAL { ?o rdfs:label ?label } }
  UNION { ?s sem:hasActor|kbo:evidence|org:holds|oa:hasTarget ?node . ?node ?np ?no }
  UNION { ?s kbo:evidence/oa:hasTarget ?node . ?node ?np ?no }
  UNION { ?s kbo:evidence/oa:hasTarget/oa:hasSelector ?node . ?node ?np ?no }
  UNION { ?s oa:hasTarget/oa:hasSelector ?node . ?node ?np ?no }
  UNION { ?in ?ip ?s . FILTER(isIRI(?in)) }
  UNION { GRAPH ?s { ?gs ?gp ?go } }
}"""


def describe(kb: KnowledgeBase, iri: str) -> list[Triple]:
    """What the knowledge base says about ``iri``, across all graphs.

    Its own triples and the labels of what they point to; the nodes it owns (an event's roles and
    evidence annotations with their selectors, an actor's posts); the triples that point to it;
    and, for a claim graph, the triples the graph holds.
    """
    result = kb.query(_DESCRIBE, substitutions={Variable("s"): NamedNode(iri)}, prefixes=PREFIXES)
    return sorted(dict.fromkeys(result), key=lambda t: (t.subject.value != iri, not
                                                        t.subject.value.startswith(iri),
                                                        str(t.subject), str(t.predicate), str(t.object)))


def serialize_triples(triples: list[Triple], suffix: str) -> bytes:
    """``triples`` in the format of file suffix ``suffix`` (a key of :data:`DOCUMENT_FORMATS`)."""
    rdf_format = DOCUMENT_FORMATS[suffix][1]
    prefixes = ({**PREFIXES, "void": VOID.iri, "dcat": DCAT.iri}
                if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None)
    return serialize(triples, format=rdf_format, prefixes=prefixes)


def ontology_triples() -> list[Triple]:
    """The ontology (``ontology/kb.ttl``) as triples."""
    return [Triple(q.subject, q.predicate, q.object)
            for q in parse(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE)]


# --- the dataset: VoID and DCAT -----------------------------------------------------------------

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE {
  VALUES ?class { sem:Actor sem:Place schema:NewsArticle }
  ?thing a ?class .
} GROUP BY ?class"""
_EVENT_TYPES = """
SELECT ?class (COUNT(DISTINCT ?event) AS ?n) WHERE { ?event kbo:edtf ?edtf ; a ?class . } GROUP BY ?class"""
_EXAMPLES = "SELECT ?response ?offer WHERE { ?response kbo:answers ?offer } LIMIT 1"
_SOURCES = "SELECT ?source ?url WHERE { ?source a schema:NewsArticle OPTIONAL { ?source schema:url ?url } }"


@dataclass
class Site:
    """Where the dataset is served: the site's root URL and the IRI base its entities are minted in."""

    root: str
    base: str

    def url(self, path: str) -> str:
        """An absolute URL on the site for ``path`` (``/sparql``)."""
        return self.root.rstrip("/") + "/" + path.lstrip("/")

    @property
    def dataset(self) -> str:
        """The IRI of the dataset (a hash IRI in its VoID document)."""
        return self.url("/.well-known/void") + "#dataset"


def void(kb: KnowledgeBase, site: Site) -> list[Triple]:
    """The VoID and DCAT description of the dataset, with its dumps and SPARQL endpoint."""
    dataset = NamedNode(site.dataset)
    triples: list[Triple] = []

    def add(subject, predicate, obj) -> None:
        triples.append(Triple(subject, predicate, obj))

    add(dataset, RDF.type, VOID.Dataset)
    add(dataset, RDF.type, DCAT.Dataset)
    add(dataset, DCT.title, Literal("Negotiation timelines knowledge base", language="en"))
    add(dataset, DCT.description, Literal(
        "Dated events of the Israel–Hamas hostage negotiations (offers, rejections, meetings, "
        "statements, killings, releases), each with its actors in their roles, how sure its date "
        "is, and the verbatim sentence of the news article it is taken from. Claims an article "
        "relays from someone else are kept in named graphs of their own.", language="en"))
    add(dataset, DCT.license, NamedNode(DATASET_LICENSE))
    add(dataset, DCT.rights, Literal(DATASET_RIGHTS, language="en"))
    add(dataset, DCT.conformsTo, NamedNode(ONTOLOGY_IRI))
    add(dataset, DCAT.landingPage, NamedNode(site.url("/")))
    for keyword in ("negotiation", "hostages", "timeline", "events", "Israel", "Hamas"):
        add(dataset, DCAT.keyword, Literal(keyword, language="en"))
    add(dataset, VOID.sparqlEndpoint, NamedNode(site.url("/sparql")))
    add(dataset, VOID.uriSpace, Literal(site.base + "id/"))
    add(dataset, VOID.feature, W3C_FORMATS[RDF_FORMATS["turtle"].w3c_name])
    add(dataset, VOID.feature, W3C_FORMATS[RDF_FORMATS["jsonld"].w3c_name])
    add(dataset, VOID.triples, Literal(str(kb.count()), datatype=XSD.integer))
    for prefix in VOCABULARIES:
        add(dataset, VOID.vocabulary, NamedNode(PREFIXES[prefix].rstrip("#")))
    for name, (_, media_type) in DUMP_FILES.items():
        url = NamedNode(site.url(f"/dumps/{name}"))
        distribution = NamedNode(site.dataset + "-" + name.replace(".", "-"))
        add(dataset, VOID.dataDump, url)
        add(dataset, DCAT.distribution, distribution)
        add(distribution, RDF.type, DCAT.Distribution)
        add(distribution, DCAT.downloadURL, url)
        add(distribution, DCAT.mediaType,
            NamedNode(IANA_MEDIA_TYPES + media_type))
        add(distribution, DCT.format, Literal(media_type))
        add(distribution, DCT.license, NamedNode(DATASET_LICENSE))
    service = NamedNode(site.dataset + "-sparql")
    add(service, RDF.type, DCAT.DataService)
    add(service, DCAT.endpointURL, NamedNode(site.url("/sparql")))
    add(service, DCAT.servesDataset, dataset)
    add(service, DCT.conformsTo, NamedNode(SPARQL_PROTOCOL))
    add(dataset, DCAT.distribution, NamedNode(site.dataset + "-sparql-access"))
    add(NamedNode(site.dataset + "-sparql-access"), RDF.type, DCAT.Distribution)
    add(NamedNode(site.dataset + "-sparql-access"), DCAT.accessURL, NamedNode(site.url("/sparql")))
    add(NamedNode(site.dataset + "-sparql-access"), DCAT.accessService, service)
    for row in kb.select(_EXAMPLES, prefixes=PREFIXES):
        add(dataset, VOID.exampleResource, row["offer"])
        add(dataset, VOID.exampleResource, row["response"])
    for row in kb.select(_SOURCES, prefixes=PREFIXES):
        add(dataset, DCT.source, row["source"])
        if "url" in row:
            add(row["source"], RDFS.seeAlso, row["url"])
    rows = kb.select(_CLASS_COUNTS, prefixes=PREFIXES) + [
        row for row in kb.select(_EVENT_TYPES, prefixes=PREFIXES) if row["class"].value.startswith(KB_NS)]
    for row in rows:
        partition = NamedNode(site.dataset + "-class-" + row["class"].value.rsplit("/", 1)[-1]
                              .rsplit("#", 1)[-1])
        add(dataset, VOID.classPartition, partition)
        add(partition, VOID.class_, row["class"])
        add(partition, VOID.entities, Literal(row["n"].value, datatype=XSD.integer))
    order = {subject: index for index, subject in enumerate(dict.fromkeys(t.subject for t in triples))}
    return sorted(triples, key=lambda t: order[t.subject])


# --- schema.org JSON-LD for the HTML pages ------------------------------------------------------

_ACTOR_TYPES = {kind: cls.value.removeprefix(SCHEMA.iri) for kind, cls in ACTOR_SCHEMA_TYPES.items()}


def _thing(ref: Ref, schema_type: str = "Thing") -> dict:
    return {"@type": schema_type, "@id": ref.iri, "name": ref.label}


def schema_org(page: object, url: str) -> dict:
    """schema.org JSON-LD for a page's data (``url``: the page's own address)."""
    data: dict = {"@context": SCHEMA_CONTEXT, "url": url}
    if isinstance(page, EventPage):
        data.update({"@type": "Event", "@id": page.iri, "name": page.label, "identifier": page.id,
                     "description": f"{page.type_label.capitalize()}, {page.date.in_words}, according "
                                    f"to {page.claim.in_words}."})
        if page.date.exact:
            data["startDate"] = data["endDate"] = page.date.earliest.isoformat()
        if page.status == "planned":
            data["eventStatus"] = SCHEMA.EventScheduled.value
        if page.place:
            data["location"] = _thing(page.place, "Place")
        data["actor"] = [_thing(role.actor) for role in page.actors]
        data["subjectOf"] = [_thing(source, "NewsArticle") for source in page.sources]
    elif isinstance(page, ActorPage):
        data.update({"@type": _ACTOR_TYPES.get(page.kind, "Organization"), "@id": page.iri,
                     "name": page.name, "identifier": page.id})
        if page.aliases:
            data["alternateName"] = page.aliases
        if page.wikidata:
            data["sameAs"] = page.wikidata
        if page.kind == "person" and page.positions:
            data["jobTitle"] = [position.title for position in page.positions]
        if page.member_of:
            data["memberOf"] = [_thing(outer, "Organization") for outer in page.member_of]
    elif isinstance(page, PlacePage):
        data.update({"@type": "Place", "@id": page.iri, "name": page.name, "identifier": page.id})
        if page.wikidata:
            data["sameAs"] = page.wikidata
        if page.within:
            data["containedInPlace"] = _thing(page.within, "Place")
    elif isinstance(page, SourcePage):
        data.update({"@type": "NewsArticle", "@id": page.iri, "headline": page.title,
                     "identifier": page.id})
        if page.publisher:
            data["publisher"] = _thing(page.publisher, "Organization")
        if page.published and page.published.exact:
            data["datePublished"] = page.published.earliest.isoformat()
        if page.url:
            data["sameAs"] = page.url
    elif isinstance(page, OntologyPage):
        data.update({"@type": "DefinedTermSet", "@id": page.iri, "name": page.title,
                     "description": page.description,
                     "hasDefinedTerm": [
                         {"@type": "DefinedTerm", "@id": term.iri, "name": term.label,
                          "termCode": term.name, "description": term.definition}
                         for section in page.sections for term in section.terms]})
    elif isinstance(page, ResourcePage):
        data.update({"@type": "Thing", "@id": page.iri, "name": page.label, "identifier": page.id})
    return data


def dataset_schema_org(site: Site, earliest: str | None, latest: str | None) -> dict:
    """schema.org JSON-LD for the timeline (home) page: the dataset, its downloads and coverage."""
    data = {
        "@context": SCHEMA_CONTEXT, "@type": "Dataset", "@id": site.dataset, "url": site.url("/"),
        "name": "Negotiation timelines knowledge base",
        "description": "Dated, sourced events of the Israel–Hamas hostage negotiations.",
        "license": DATASET_LICENSE,
        "distribution": [{"@type": "DataDownload", "encodingFormat": media_type,
                          "contentUrl": site.url(f"/dumps/{name}")}
                         for name, (_, media_type) in DUMP_FILES.items()],
    }
    if earliest and latest:
        data["temporalCoverage"] = f"{earliest}/{latest}"
    return data


def script_json(data: dict) -> str:
    """JSON safe to put inside ``<script>`` (no ``</script>``, ``<!--`` or line separators)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text
