"""Linked data: IRIs answer 303 by content negotiation, documents come in four RDF formats, the
dataset is described in VoID and DCAT, and full dumps hold every named graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Dataset, RdfFormat, parse
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDF

from tests.conftest import TEST_BASE, make_app

KBO = Namespace("https://w3id.org/negotiation-kb/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kb.ttl"
OFFER = "barnea-offer-2024-10"
OFFER_IRI = URIRef(f"{TEST_BASE}id/event/{OFFER}")
SOURCE = "ain-2024-10-hamas-rejects-safe-passage"
FORMATS = {
    "text/turtle": ("ttl", "turtle"),
    "application/ld+json": ("jsonld", "json-ld"),
    "application/n-triples": ("nt", "nt"),
    "application/rdf+xml": ("rdf", "xml"),
}


def rdf(response, rdflib_format: str) -> Graph:
    assert response.status_code == 200, response.data[:300]
    return Graph().parse(data=response.data, format=rdflib_format)


def assert_same_graph(first: Graph, second: Graph) -> None:
    if not isomorphic(first, second):
        _, only_first, only_second = graph_diff(to_isomorphic(first), to_isomorphic(second))
        pytest.fail(f"graphs differ:\nonly in the first:\n{only_first.serialize(format='nt')}"
                    f"\nonly in the second:\n{only_second.serialize(format='nt')}")


# --- IRIs and documents --------------------------------------------------------------------------


@pytest.mark.parametrize("accept, suffix", [
    ("text/html", ""), ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ""),
    ("*/*", ""), ("application/json", ".json"),
    *[(media, "." + suffix) for media, (suffix, _) in FORMATS.items()],
])
def test_an_entity_iri_answers_303_to_the_document_in_the_format_asked_for(client, accept, suffix):
    response = client.get(f"/id/event/{OFFER}", headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/event/{OFFER}{suffix}"
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize("iri_path, document", [
    ("/id/actor/hamas", "/actor/hamas"),
    ("/id/place/doha", "/place/doha"),
    (f"/id/source/{SOURCE}", f"/source/{SOURCE}"),
    (f"/id/graph/{SOURCE}/wsj", f"/graph/{SOURCE}/wsj"),
    (f"/id/event/{OFFER}/role/offerer-david-barnea", f"/event/{OFFER}"),
    (f"/id/annotation/{OFFER}-1/position", f"/annotation/{OFFER}-1"),
])
def test_every_kind_of_iri_redirects_to_the_document_that_describes_it(client, iri_path, document):
    response = client.get(iri_path, headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"] == document + ".ttl"
    described = rdf(client.get(document + ".ttl"), "turtle")
    assert (URIRef(TEST_BASE + iri_path.lstrip("/")), None, None) in described


@pytest.mark.parametrize("accept", list(FORMATS))
def test_a_document_negotiates_its_format_and_says_so(client, accept):
    response = client.get(f"/event/{OFFER}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    assert "Accept" in response.headers["Vary"]
    graph = rdf(response, FORMATS[accept][1])
    assert (OFFER_IRI, RDF.type, KBO.Offer) in graph


def test_the_four_formats_give_the_same_graph(client):
    graphs = [rdf(client.get(f"/event/{OFFER}.{suffix}"), name) for suffix, name in FORMATS.values()]
    for other in graphs[1:]:
        assert_same_graph(graphs[0], other)


def test_an_event_description_holds_its_roles_evidence_and_links(client):
    graph = rdf(client.get(f"/event/{OFFER}.ttl"), "turtle")
    roles = {(str(graph.value(node, SEM.roleType)), str(graph.value(node, RDF.value)))
             for node in graph.objects(OFFER_IRI, SEM.hasActor)}
    assert roles == {(str(KBO.offerer), f"{TEST_BASE}id/actor/david-barnea"),
                     (str(KBO.recipient), f"{TEST_BASE}id/actor/hamas")}
    starts = set()
    for annotation in graph.objects(OFFER_IRI, KBO.evidence):
        target = graph.value(annotation, OA.hasTarget)
        assert graph.value(target, OA.hasSource) == URIRef(f"{TEST_BASE}id/source/{SOURCE}")
        for selector in graph.objects(target, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in graph:
                starts.add(int(graph.value(selector, OA.start)))
    assert len(starts) == 2
    rejection = URIRef(f"{TEST_BASE}id/event/hamas-rejects-barnea-offer-2024-10")
    assert (rejection, KBO.answers, OFFER_IRI) in graph   # who points to it, too


def test_a_claim_graph_document_holds_the_claims(client):
    graph = rdf(client.get(f"/graph/{SOURCE}/wsj.nt"), "nt")
    assert (OFFER_IRI, RDF.type, KBO.Offer) in graph
    attributed = URIRef("http://www.w3.org/ns/prov#wasAttributedTo")
    claimant = graph.value(URIRef(f"{TEST_BASE}id/graph/{SOURCE}/wsj"), attributed)
    assert claimant == URIRef(f"{TEST_BASE}id/actor/wall-street-journal")


def test_an_unacceptable_format_is_a_406_naming_the_ones_there_are(client):
    response = client.get(f"/event/{OFFER}", headers={"Accept": "image/png"})
    assert response.status_code == 406
    response = client.get(f"/id/event/{OFFER}", headers={"Accept": "image/png, application/json;q=0"})
    assert response.status_code == 406
    body = client.get(f"/event/{OFFER}", headers={"Accept": "image/png;q=1, application/json;q=0.001"})
    assert body.status_code == 200 and body.mimetype == "application/json"


def test_a_document_lists_its_other_formats_in_a_link_header(client):
    links = client.get("/actor/hamas.ttl").headers["Link"]
    for media, (suffix, _) in FORMATS.items():
        assert f'</actor/hamas.{suffix}>; rel="alternate"; type="{media}"' in links
    assert f'<{TEST_BASE}id/actor/hamas>; rel="describes"' in links


def test_the_iri_base_is_the_configured_one(client):
    graph = rdf(client.get("/actor/hamas.ttl"), "turtle")
    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef)}
    assert f"{TEST_BASE}id/actor/hamas" in subjects
    assert not any(s.startswith("http://localhost:5000/") for s in subjects)
    page = client.get("/actor/hamas.json").get_json()
    assert page["iri"] == f"{TEST_BASE}id/actor/hamas"


def test_another_base_mints_and_serves_its_own_iris(tmp_path):
    from tests.conftest import make_store

    base = "https://negotiations.example.org/kb/"
    store = make_store(tmp_path / "store", base=base)
    from webapp import create_app

    app = create_app({"TESTING": True, "KB_STORE": str(store), "KB_BASE": base})
    try:
        client = app.test_client()
        assert client.get(f"/id/event/{OFFER}").status_code == 303
        page = client.get(f"/event/{OFFER}.json").get_json()
    finally:
        app.extensions["kb"].close()
    assert page["iri"] == f"{base}id/event/{OFFER}"


def test_the_ontology_document_is_the_ontology(client):
    assert_same_graph(rdf(client.get("/ontology.ttl"), "turtle"), Graph().parse(ONTOLOGY))
    response = client.get("/ontology", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"


# --- the dataset -------------------------------------------------------------------------------------


def void_graph(client, accept: str = "text/turtle", name: str = "turtle") -> Graph:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.mimetype == accept
    return rdf(response, name)


def test_void_describes_the_dataset_its_dumps_and_endpoint(client, app):
    graph = void_graph(client)
    [dataset] = list(graph.subjects(RDF.type, VOID.Dataset))
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    assert int(graph.value(dataset, VOID.triples)) == app.extensions["kb"].count()
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    assert str(graph.value(dataset, VOID.uriSpace)) == f"{TEST_BASE}id/"
    dumps = {str(url).rsplit("/", 1)[1] for url in graph.objects(dataset, VOID.dataDump)}
    assert dumps == {"kb.nq", "kb.trig", "kb.jsonld"}
    downloads = {str(graph.value(d, DCAT.downloadURL)).rsplit("/", 1)[1]: str(graph.value(d, DCAT.mediaType))
                 for d in graph.objects(dataset, DCAT.distribution) if graph.value(d, DCAT.downloadURL)}
    assert downloads["kb.nq"].endswith("application/n-quads")
    assert URIRef(str(KBO).rstrip("#")) in set(graph.objects(dataset, VOID.vocabulary))
    assert graph.value(dataset, DCTERMS.license) is not None
    assert URIRef(f"{TEST_BASE}id/source/{SOURCE}") in set(graph.objects(dataset, DCTERMS.source))
    examples = set(graph.objects(dataset, VOID.exampleResource))
    assert examples and all(str(e).startswith(f"{TEST_BASE}id/event/") for e in examples)
    partitions = {graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
                  for p in graph.objects(dataset, VOID.classPartition)}
    assert partitions[KBO.Offer] == 6


@pytest.mark.parametrize("accept, name", [("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
                                          ("application/rdf+xml", "xml")])
def test_void_comes_in_other_formats(client, accept, name):
    assert_same_graph(void_graph(client, accept, name), void_graph(client))


def test_void_shows_a_page_to_browsers(client):
    response = client.get("/.well-known/void", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.mimetype == "text/html"
    assert client.get("/.well-known/void").mimetype == "text/turtle"


@pytest.mark.parametrize("name, rdf_format, media", [
    ("kb.nq", RdfFormat.N_QUADS, "application/n-quads"),
    ("kb.trig", RdfFormat.TRIG, "application/trig"),
    ("kb.jsonld", RdfFormat.JSON_LD, "application/ld+json"),
])
def test_a_dump_holds_every_quad_with_its_graph(client, app, name, rdf_format, media):
    response = client.get(f"/dumps/{name}")
    assert response.status_code == 200 and response.mimetype == media
    dumped = Dataset(parse(response.data, format=rdf_format))
    stored = Dataset(app.extensions["kb"].backend.store.quads_for_pattern(None, None, None))
    assert len(dumped) == len(stored) and set(dumped) == set(stored)


def test_an_unknown_dump_is_a_404(client):
    response = client.get("/dumps/kb.csv", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert "kb.nq" in response.get_json()["error"]


def test_literals_keep_their_language_and_datatype(client):
    graph = rdf(client.get(f"/event/{OFFER}.jsonld"), "json-ld")
    earliest = graph.value(OFFER_IRI, SEM.hasEarliestBeginTimeStamp)
    assert isinstance(earliest, Literal) and str(earliest.datatype).endswith("#date")


def test_make_app_is_reusable(seeded_store):
    app = make_app(seeded_store)
    try:
        assert app.test_client().get("/id/actor/hamas").status_code == 303
    finally:
        app.extensions["kb"].close()
