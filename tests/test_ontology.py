"""The ontology, the code lists and the SHACL shapes: they parse, define every term, and judge data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS

from kb.vocab import EVENT_TYPES, KBO, ROLE_TYPES, STATUSES

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
REFERENCE = ROOT / "seeds" / "reference"
FILES = ("kb.ttl", "codes.ttl", "shapes.ttl")

KBO_NS = Namespace(KBO.iri)
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
CAMEO = Namespace("https://w3id.org/negotiation-kb/codes/cameo/")
PLOVER = Namespace("https://w3id.org/negotiation-kb/codes/plover/")
CAMEO_SCHEME = URIRef("https://w3id.org/negotiation-kb/codes/cameo")
PLOVER_SCHEME = URIRef("https://w3id.org/negotiation-kb/codes/plover")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
DATA = Namespace("http://localhost:5000/id/")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """kb.ttl and codes.ttl together, as the loader hands them to pyshacl."""
    graph = Graph()
    graph.parse(ONTOLOGY / "kb.ttl")
    graph.parse(ONTOLOGY / "codes.ttl")
    return graph


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


# --- the files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_ontology_file_parses_with_pyoxigraph(name: str):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY / name), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 0


@pytest.mark.parametrize("name", FILES)
def test_ontology_file_parses_with_rdflib(name: str):
    assert len(Graph().parse(ONTOLOGY / name, format="turtle")) > 0


# --- the ontology --------------------------------------------------------------------------------


def test_every_declared_kbo_term_is_labelled_and_defined(ontology: Graph):
    undefined = [
        term
        for term in sorted(KBO.terms)
        if ontology.value(KBO_NS[term], RDFS.label) is None
        or ontology.value(KBO_NS[term], SKOS.definition) is None
    ]
    assert undefined == [], "kb.ttl lacks an rdfs:label or skos:definition for these terms"


def test_ontology_defines_no_kbo_term_the_code_cannot_spell(ontology: Graph):
    defined = {
        str(subject)[len(KBO.iri) :]
        for subject in ontology.subjects(RDFS.label, None)
        if str(subject).startswith(KBO.iri)
    }
    assert defined - KBO.terms == set()


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_event_type_is_a_negotiation_event(ontology: Graph, event_type: str):
    ancestors = set(ontology.transitive_objects(KBO_NS[event_type], RDFS.subClassOf))
    assert KBO_NS.NegotiationEvent in ancestors
    assert SEM.Event in set(ontology.transitive_objects(KBO_NS.NegotiationEvent, RDFS.subClassOf))


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_event_type_has_a_plover_category_or_says_why_not(ontology: Graph, event_type: str):
    categories = list(ontology.objects(KBO_NS[event_type], KBO_NS.ploverCategory))
    notes = " ".join(ontology.objects(KBO_NS[event_type], SKOS.note))
    assert len(categories) == 1 or (not categories and "PLOVER" in notes)
    for category in categories:
        assert (category, SKOS.topConceptOf, PLOVER_SCHEME) in ontology


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_event_type_has_cameo_codes_or_says_why_not(ontology: Graph, event_type: str):
    codes = list(ontology.objects(KBO_NS[event_type], KBO_NS.cameoCode))
    notes = " ".join(ontology.objects(KBO_NS[event_type], SKOS.note))
    assert codes or "CAMEO" in notes
    for code in codes:
        assert (code, SKOS.inScheme, CAMEO_SCHEME) in ontology, f"{code} is not in codes.ttl"


def test_every_role_and_status_is_a_named_individual(ontology: Graph):
    for role in ROLE_TYPES:
        assert (KBO_NS[role], RDF.type, KBO_NS.RoleType) in ontology
    for status in STATUSES:
        assert (KBO_NS[status], RDF.type, KBO_NS.EventStatus) in ontology


# --- the code lists ------------------------------------------------------------------------------


def test_cameo_concepts_match_the_reference_table_exactly(ontology: Graph):
    expected = {row["code"]: row["label"] for row in read_tsv("cameo.tsv")}
    found = {
        str(ontology.value(concept, SKOS.notation)): str(ontology.value(concept, SKOS.prefLabel))
        for concept in ontology.subjects(SKOS.inScheme, CAMEO_SCHEME)
    }
    assert found == expected
    for code in expected:
        assert (CAMEO[code], SKOS.notation, Literal(code)) in ontology


def test_plover_categories_match_the_reference_table(ontology: Graph):
    expected = {row["name"] for row in read_tsv("plover.tsv") if row["kind"] == "category"}
    found = {str(ontology.value(c, SKOS.notation)) for c in ontology.subjects(SKOS.topConceptOf)}
    assert found == expected
    assert len(found) == 16
    assert all((PLOVER[name], SKOS.topConceptOf, PLOVER_SCHEME) in ontology for name in expected)


# --- the shapes ----------------------------------------------------------------------------------

EVENT = DATA["event/barnea-offer-last-week"]
ARTICLE = DATA["source/ain-2024-10-safe-passage"]
SENTENCE = "Mossad Director David Barnea offered Hamas terrorists safe passage from Gaza"


def conforming_data() -> Graph:
    """One article, its actors, a place, a post, a claim graph and an Offer, as the loader writes them."""
    graph = Graph()
    add = graph.add

    barnea, hamas, wsj = DATA["actor/david-barnea"], DATA["actor/hamas"], DATA["actor/wsj"]
    for actor, label, kind in (
        (barnea, "David Barnea", SCHEMA.Person),
        (hamas, "Hamas", SCHEMA.Organization),
        (wsj, "The Wall Street Journal", SCHEMA.Organization),
    ):
        add((actor, RDF.type, SEM.Actor))
        add((actor, RDF.type, kind))
        add((actor, RDFS.label, Literal(label)))
    add((hamas, SCHEMA.sameAs, URIRef("http://www.wikidata.org/entity/Q38799")))
    add((barnea, SKOS.altLabel, Literal("Barnea")))

    doha = DATA["place/doha"]
    add((doha, RDF.type, SEM.Place))
    add((doha, RDF.type, SCHEMA.Place))
    add((doha, RDFS.label, Literal("Doha")))

    post = DATA["post/david-barnea-1"]
    add((post, RDF.type, URIRef("http://www.w3.org/ns/org#Post")))
    add((post, RDF.type, KBO_NS.Position))
    add((post, RDFS.label, Literal("Mossad Director")))
    add((post, URIRef("http://www.w3.org/ns/org#heldBy"), barnea))

    add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    add((ARTICLE, SCHEMA.headline, Literal("Hamas rejects Israel's new offer of safe passage")))
    add((ARTICLE, SCHEMA.publisher, wsj))
    add((ARTICLE, KBO_NS.edtf, Literal("2024-10-25/2024-10-26", datatype=EDTF)))
    add((ARTICLE, SEM.hasEarliestBeginTimeStamp, Literal("2024-10-25", datatype=XSD.date)))
    add((ARTICLE, SEM.hasLatestEndTimeStamp, Literal("2024-10-26", datatype=XSD.date)))
    add((ARTICLE, SCHEMA.text, Literal(SENTENCE + ", but was refused.")))
    add((ARTICLE, KBO_NS.fileName, Literal("000_04768d44cf00b2f8.txt")))

    claims = DATA["graph/ain-2024-10-safe-passage/wsj"]
    add((claims, RDF.type, KBO_NS.ClaimGraph))
    add((claims, RDFS.label, Literal("The Wall Street Journal, as relayed by the article")))
    add((claims, PROV.wasAttributedTo, wsj))
    add((claims, KBO_NS.reportedIn, ARTICLE))

    add((EVENT, RDF.type, KBO_NS.Offer))
    add((EVENT, RDFS.label, Literal("Barnea offers Hamas safe passage out of Gaza")))
    add((EVENT, KBO_NS.status, KBO_NS.happened))
    add((EVENT, KBO_NS.dateText, Literal("last week")))
    add((EVENT, KBO_NS.dateAnchor, Literal("2024-10-25/2024-10-26", datatype=EDTF)))
    add((EVENT, KBO_NS.edtf, Literal("2024-10-14/2024-10-20", datatype=EDTF)))
    add((EVENT, SEM.hasEarliestBeginTimeStamp, Literal("2024-10-14", datatype=XSD.date)))
    add((EVENT, SEM.hasLatestEndTimeStamp, Literal("2024-10-20", datatype=XSD.date)))
    add((EVENT, KBO_NS.datePrecision, Literal("range")))
    add((EVENT, KBO_NS.monthKey, Literal("2024-10")))
    for actor, role in ((barnea, KBO_NS.offerer), (hamas, KBO_NS.recipient)):
        role_node = BNode()
        add((EVENT, SEM.hasActor, role_node))
        add((role_node, RDF.type, SEM.Role))
        add((role_node, SEM.roleType, role))
        add((role_node, RDF.value, actor))
        add((EVENT, KBO_NS.involves, actor))
    add((EVENT, SEM.hasPlace, doha))
    add((EVENT, KBO_NS.offers, Literal("safe passage from Gaza to another country")))
    add((EVENT, KBO_NS.inExchangeFor, Literal("the release of the hostages")))
    add((EVENT, KBO_NS.cameo, CAMEO["030"]))
    add((EVENT, KBO_NS.plover, PLOVER.AGREE))
    add((EVENT, KBO_NS.source, ARTICLE))
    add((EVENT, KBO_NS.sourceSentence, Literal(SENTENCE)))

    annotation, target = DATA["annotation/barnea-offer-last-week-1"], BNode()
    quote, position = BNode(), BNode()
    add((EVENT, KBO_NS.evidence, annotation))
    add((annotation, RDF.type, OA.Annotation))
    add((annotation, OA.hasBody, EVENT))
    add((annotation, OA.motivatedBy, OA.describing))
    add((annotation, OA.hasTarget, target))
    add((target, RDF.type, OA.SpecificResource))
    add((target, OA.hasSource, ARTICLE))
    add((target, OA.hasSelector, quote))
    add((target, OA.hasSelector, position))
    add((quote, RDF.type, OA.TextQuoteSelector))
    add((quote, OA.exact, Literal(SENTENCE)))
    add((quote, OA.suffix, Literal(", but was refused.")))
    add((position, RDF.type, OA.TextPositionSelector))
    add((position, OA.start, Literal(0)))
    add((position, OA.end, Literal(len(SENTENCE))))
    return graph


@dataclass(frozen=True)
class Finding:
    severity: URIRef
    focus: object
    message: str


def judge(data: Graph, ontology: Graph, shapes: Graph) -> tuple[bool, list[Finding]]:
    """Validate as the loader does; return whether the data conforms and what was found."""
    conforms, report, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=False
    )
    findings = [
        Finding(
            report.value(result, SH.resultSeverity),
            report.value(result, SH.focusNode),
            str(report.value(result, SH.resultMessage)),
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return conforms, findings


def violations(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == SH.Violation]


def test_shapes_accept_a_conforming_event(ontology: Graph, shapes: Graph):
    conforms, findings = judge(conforming_data(), ontology, shapes)
    assert findings == []
    assert conforms


def test_event_without_a_date_is_rejected_and_told_to_add_one(ontology: Graph, shapes: Graph):
    data = conforming_data()
    for prop in (
        KBO_NS.dateText,
        KBO_NS.dateAnchor,
        KBO_NS.edtf,
        KBO_NS.datePrecision,
        KBO_NS.monthKey,
        SEM.hasEarliestBeginTimeStamp,
        SEM.hasLatestEndTimeStamp,
    ):
        data.remove((EVENT, prop, None))
    conforms, findings = judge(data, ontology, shapes)
    assert not conforms
    messages = [finding.message for finding in violations(findings) if finding.focus == EVENT]
    assert any("needs a date" in message and "`date:`" in message for message in messages)


def test_event_without_a_source_sentence_is_rejected_and_told_to_add_one(ontology: Graph, shapes: Graph):
    data = conforming_data()
    data.remove((EVENT, KBO_NS.sourceSentence, None))
    conforms, findings = judge(data, ontology, shapes)
    assert not conforms
    assert [(finding.focus, finding.message) for finding in violations(findings)] == [
        (
            EVENT,
            "every event needs at least one source sentence: add `sentences:` with a sentence "
            "copied verbatim from the article text (or, for a source without a stored text, "
            "`paraphrase:` in your own words)",
        )
    ]


def test_role_that_is_not_a_role_type_is_rejected_and_the_roles_listed(ontology: Graph, shapes: Graph):
    data = conforming_data()
    role_node = next(
        node for node in data.objects(EVENT, SEM.hasActor) if data.value(node, SEM.roleType) == KBO_NS.offerer
    )
    data.set((role_node, SEM.roleType, KBO_NS.Offer))
    conforms, findings = judge(data, ontology, shapes)
    assert not conforms
    [finding] = violations(findings)
    assert finding.focus == EVENT
    assert "`role:` must be one of" in finding.message
    assert all(role in finding.message for role in ROLE_TYPES)


def test_rejection_that_answers_nothing_gets_a_warning_not_a_violation(ontology: Graph, shapes: Graph):
    data = conforming_data()
    data.set((EVENT, RDF.type, KBO_NS.Rejection))
    conforms, findings = judge(data, ontology, shapes)
    assert violations(findings) == []
    [finding] = findings
    assert finding.severity == SH.Warning
    assert "`answers:`" in finding.message
    assert not conforms  # pyshacl counts warnings unless allow_warnings=True


def test_a_span_of_years_may_carry_the_wide_month_key(ontology: Graph, shapes: Graph):
    data = conforming_data()
    data.set((EVENT, KBO_NS.monthKey, Literal("wide")))
    conforms, findings = judge(data, ontology, shapes)
    assert findings == []
    assert conforms


def test_cameo_code_missing_from_the_code_list_is_rejected(ontology: Graph, shapes: Graph):
    data = conforming_data()
    data.set((EVENT, KBO_NS.cameo, CAMEO["9999"]))
    conforms, findings = judge(data, ontology, shapes)
    assert not conforms
    assert any(
        finding.focus == EVENT and "`cameo:` must be a CAMEO code" in finding.message
        for finding in violations(findings)
    )
