"""Every IRI the code spells, in one place.

Vocabulary terms come from closed namespaces: asking for a term that is not declared raises
``AttributeError`` at once, so a misspelt property cannot slip into the data. Data IRIs (events,
actors, graphs, ...) are minted by :class:`Minter` under a configurable base.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from pyoxigraph import NamedNode


class ClosedNamespace:
    """A vocabulary whose terms are declared up front; an undeclared term raises."""

    def __init__(self, iri: str, terms: str):
        self.iri = iri
        self._terms = frozenset(terms.split())

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = name.rstrip("_")  # `in_`, `type_` for terms that clash with Python keywords
        if term not in self._terms:
            raise AttributeError(f"{term!r} is not a declared term of <{self.iri}>")
        return NamedNode(self.iri + term)

    def __getitem__(self, name: str) -> NamedNode:
        return getattr(self, name)

    def __contains__(self, name: str) -> bool:
        return name in self._terms

    @property
    def terms(self) -> frozenset[str]:
        """The declared local names."""
        return self._terms


# --- our ontology -----------------------------------------------------------------------------

KB_NS = "https://w3id.org/negotiation-kb/ontology#"

#: Event classes, in the order the ontology documents them.
EVENT_TYPES = [
    "Offer",
    "Rejection",
    "Acceptance",
    "Meeting",
    "Summit",
    "PressConference",
    "Statement",
    "Vow",
    "Threat",
    "Demand",
    "Precondition",
    "Killing",
    "Attack",
    "HostageRelease",
    "Ceasefire",
    "MediaReport",
    "NegotiationRound",
    "Effort",
]

#: Role types an actor can hold in an event.
ROLE_TYPES = [
    "offerer",
    "recipient",
    "responder",
    "mediator",
    "host",
    "participant",
    "speaker",
    "addressee",
    "perpetrator",
    "victim",
    "reporter",
    "releaser",
    "released",
    "subject",
]

#: The class of each term type of the curation format (``terms: - type: ceasefire``).
TERM_CLASSES = {
    "ceasefire": "CeasefireTerm",
    "hostages-released": "HostageReleaseTerm",
    "prisoners-released": "PrisonerReleaseTerm",
    "withdrawal": "WithdrawalTerm",
    "humanitarian-aid": "HumanitarianAidTerm",
    "safe-passage": "SafePassageTerm",
    "money": "MoneyTerm",
    "guarantees": "GuaranteeTerm",
    "phases": "PhasesTerm",
    "deadline": "DeadlineTerm",
    "disarmament": "DisarmamentTerm",
    "end-of-war": "EndOfWarTerm",
}

#: Status of an event as its source reports it.
STATUSES = ("happened", "planned", "ongoing")

KBO = ClosedNamespace(
    KB_NS,
    " ".join(EVENT_TYPES)
    + " NegotiationEvent Actor Group ClaimGraph RoleType EventStatus Position"
    + " "
    + " ".join(ROLE_TYPES)
    + " "
    + " ".join(STATUSES)
    + " dateText dateAnchor dateNote edtf datePrecision monthKey status involves"
    + " offers inExchangeFor means quote"
    + " answers answersUnrecorded isPreconditionFor repeats partOfRound precedes reportsOn"
    + " source sourceSentence evidence reportedIn curatorNote accordingTo asOf"
    + " cameo plover cameoCode ploverCategory fileName"
    + " DateBucket timelineRow timelineDigest timelineIndex midDay eventCounts countsComplete"
    + " loadedBy loadedFrom"
    + " MonthCount countedMonth countedType eventCount"
    + " RoleCounts rolesMonth carriedCells cellActor cellRole exactEvent RoleTotals roleTotal"
    + " CoActorTotals coActorTotal PairCells"
    + " curationFile"
    + " counters alsoReportedBy paraphrase hasTerm Term givenBy givenTo quantity unit"
    + " disagreement"
    + " termCategory ratio termText paxCategory pamProvision "
    + " ".join(TERM_CLASSES.values()),
)

# --- reused vocabularies ------------------------------------------------------------------------

RDF = ClosedNamespace(
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type value Property List first rest nil JSON"
)
RDFS = ClosedNamespace(
    "http://www.w3.org/2000/01/rdf-schema#",
    "label comment subClassOf subPropertyOf domain range seeAlso isDefinedBy Class Literal",
)
XSD = ClosedNamespace(
    "http://www.w3.org/2001/XMLSchema#",
    "string date dateTime integer decimal double float boolean gYearMonth anyURI",
)
OWL = ClosedNamespace(
    "http://www.w3.org/2002/07/owl#",
    "Ontology Class ObjectProperty DatatypeProperty AnnotationProperty NamedIndividual sameAs "
    "versionInfo equivalentClass inverseOf deprecated",
)
SKOS = ClosedNamespace(
    "http://www.w3.org/2004/02/skos/core#",
    "Concept ConceptScheme prefLabel altLabel definition notation inScheme note broadMatch "
    "closeMatch topConceptOf changeNote",
)
SEM = ClosedNamespace(
    "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "Event Actor Place Time Role RoleType hasActor hasPlace hasTime roleType "
    "hasEarliestBeginTimeStamp hasLatestEndTimeStamp hasTimeStamp eventType",
)
SCHEMA = ClosedNamespace(
    "https://schema.org/",
    "Event NewsArticle Person Organization Country Place GovernmentOrganization name headline "
    "publisher datePublished text sameAs url startDate endDate location containedInPlace "
    "EventScheduled eventStatus jobTitle author identifier description Dataset",
)
PROV = ClosedNamespace(
    "http://www.w3.org/ns/prov#",
    "Entity Agent Activity wasAttributedTo wasDerivedFrom wasQuotedFrom hadPrimarySource generatedAtTime "
    "invalidatedAtTime",
)
ORG = ClosedNamespace(
    "http://www.w3.org/ns/org#",
    "Post Organization holds heldBy postIn role memberOf subOrganizationOf",
)
OA = ClosedNamespace(
    "http://www.w3.org/ns/oa#",
    "Annotation SpecificResource TextQuoteSelector TextPositionSelector hasBody hasTarget "
    "hasSource hasSelector exact prefix suffix start end motivatedBy describing",
)
SH = ClosedNamespace(
    "http://www.w3.org/ns/shacl#",
    "NodeShape PropertyShape targetClass path minCount maxCount datatype class_ node in_ "
    "ValidationResult resultSeverity resultPath focusNode resultMessage",
)
DCT = ClosedNamespace(
    "http://purl.org/dc/terms/",
    "title description license created modified source creator publisher issued conformsTo format rights "
    "isReplacedBy hasVersion bibliographicCitation temporal PeriodOfTime",
)

VOID = ClosedNamespace(
    "http://rdfs.org/ns/void#",
    "Dataset triples entities sparqlEndpoint dataDump vocabulary exampleResource uriSpace "
    "classPartition class feature rootResource",
)
DCAT = ClosedNamespace(
    "http://www.w3.org/ns/dcat#",
    "Dataset Distribution DataService distribution downloadURL accessURL mediaType landingPage "
    "keyword endpointURL servesDataset accessService startDate endDate version",
)

SD = ClosedNamespace(
    "http://www.w3.org/ns/sparql-service-description#",
    "Service endpoint supportedLanguage SPARQL11Query resultFormat feature UnionDefaultGraph "
    "defaultDataset Dataset defaultGraph Graph namedGraph NamedGraph name",
)
W3C_FORMATS = ClosedNamespace(
    "http://www.w3.org/ns/formats/",
    "SPARQL_Results_JSON SPARQL_Results_XML SPARQL_Results_CSV SPARQL_Results_TSV Turtle N-Triples "
    "RDF_XML JSON-LD",
)

#: Concept IRIs of the event codes (ontology/codes.ttl): ``CAMEO_NS + "0353"``, ``PLOVER_NS + "AGREE"``.
CAMEO_NS = "https://w3id.org/negotiation-kb/codes/cameo/"
PLOVER_NS = "https://w3id.org/negotiation-kb/codes/plover/"

#: The Library of Congress datatype for Extended Date/Time Format literals.
EDTF_DATATYPE = NamedNode("http://id.loc.gov/datatypes/edtf/EDTF")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

#: Prefixes offered to every query (CLI, Python API, the query page).
PREFIXES: dict[str, str] = {
    "kbo": KB_NS,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "xsd": XSD.iri,
    "owl": OWL.iri,
    "skos": SKOS.iri,
    "sem": SEM.iri,
    "schema": SCHEMA.iri,
    "prov": PROV.iri,
    "org": ORG.iri,
    "oa": OA.iri,
    "dct": DCT.iri,
    "wd": WIKIDATA_ENTITY,
}

# --- data IRIs ----------------------------------------------------------------------------------

DEFAULT_BASE = "http://localhost:5000/"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def default_base() -> str:
    """The IRI base for minted data IRIs: ``KB_BASE`` in the environment, else localhost."""
    base = os.environ.get("KB_BASE", DEFAULT_BASE)
    return base if base.endswith("/") else base + "/"


class Minter:
    """Mints the IRIs of our data under one base.

    Entity IRIs are ``{base}id/{kind}/{slug}``: they name the thing, and the web app answers them
    with a 303 to the document about it (``{base}{kind}/{slug}`` as HTML, ``.ttl``, ``.jsonld``).
    """

    KINDS = ("event", "actor", "place", "source", "post", "annotation", "graph", "bucket")

    def __init__(self, base: str | None = None):
        base = base or default_base()
        self.base = base if base.endswith("/") else base + "/"

    def entity(self, kind: str, slug: str) -> NamedNode:
        """The IRI of an entity of ``kind`` (one of :attr:`KINDS`) named ``slug``."""
        if kind not in self.KINDS:
            raise ValueError(f"unknown IRI kind {kind!r}")
        return NamedNode(f"{self.base}id/{kind}/{quote(slug, safe='/-._~')}")

    def event(self, slug: str) -> NamedNode:
        """The IRI of an event."""
        return self.entity("event", slug)

    def actor(self, slug: str) -> NamedNode:
        """The IRI of an actor (person, organisation, state, group)."""
        return self.entity("actor", slug)

    def place(self, slug: str) -> NamedNode:
        """The IRI of a place."""
        return self.entity("place", slug)

    def source(self, slug: str) -> NamedNode:
        """The IRI of a source document (a news article)."""
        return self.entity("source", slug)

    def graph(self, source_slug: str, claimant: str | None = None) -> NamedNode:
        """The named graph of one source's claims, or of one claimant's claims as it relays them."""
        return self.entity("graph", f"{source_slug}/{claimant}" if claimant else source_slug)

    def prefixes(self) -> dict[str, str]:
        """The vocabularies' prefixes (:data:`PREFIXES`) and one per kind of IRI minted here
        (``event:`` for ``{base}id/event/``), for exports and short names."""
        return {**PREFIXES, **{kind: f"{self.base}id/{kind}/" for kind in self.KINDS}}

    def system_graphs(self) -> str:
        """The start of the IRIs of the graphs the knowledge base keeps for itself (the timeline
        index, load records, release tombstones): ``{base}id/graph/_``; no source slug starts so."""
        return f"{self.base}id/graph/_"

    def split(self, iri: str) -> tuple[str, str] | None:
        """``(kind, slug)`` for an IRI minted here, else ``None``."""
        prefix = self.base + "id/"
        if not iri.startswith(prefix):
            return None
        kind, _, slug = iri[len(prefix) :].partition("/")
        return (kind, slug) if kind in self.KINDS and slug else None


def is_slug(text: str) -> bool:
    """True when ``text`` is usable as the last segment of a minted IRI."""
    return bool(_SLUG.match(text))


# --- other IRIs the pages and the dataset description name ------------------------------------

#: The ontology itself (what the data conforms to).
ONTOLOGY_IRI = KB_NS.removesuffix("#")
#: The class of each kind of actor a curation file declares (``type: person``).
ACTOR_CLASSES = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "country": SCHEMA.Country,
    "group": KBO.Group,
}
#: The schema.org type of each kind of actor (a group is an organization to schema.org).
ACTOR_SCHEMA_TYPES = {kind: SCHEMA.Organization if kind == "group" else cls
                      for kind, cls in ACTOR_CLASSES.items()}
#: The JSON-LD ``@context`` of schema.org descriptions.
SCHEMA_CONTEXT = SCHEMA.iri.rstrip("/")
#: The curated data is CC BY 4.0 (the code is MIT); quoted article text stays its publisher's.
DATASET_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
#: IANA's page of a media type is this followed by the type (``application/n-quads``).
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"

# --- the loader's bookkeeping on a remote store -------------------------------------------------

#: The subject and predicate of a remote store's load generation: one triple in the store's default
#: graph (which holds no data: every load writes named graphs), rewritten by each load.
STORE_NODE = NamedNode("urn:x-kb:store")
GENERATION = NamedNode("urn:x-kb:generation")
