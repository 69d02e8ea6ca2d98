"""Strict SPARQL 1.1 conformance of ``/sparql``: the service's base IRI, datasets named by the query
(section 13.2), the format names common clients send, and a request without a query. The same
behaviour over a remote store (``oxigraph serve``), where errors keep the user's lines and columns
and never show the store's own address.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from pyoxigraph import NamedNode, Quad, QueryResultsFormat, Store, parse_query_results
from rdflib import Graph

from kb.store import open_kb
from tests.conftest import TEST_BASE, make_app
from tests.helpers_server import OXIGRAPH, oxigraph_server

G1, G2 = NamedNode("http://example.org/graph/one"), NamedNode("http://example.org/graph/two")
P = NamedNode("http://example.org/p")


def _store_with_two_graphs(path):
    with open_kb(path) as kb:
        kb.replace_graphs([], [
            Quad(NamedNode(f"{TEST_BASE}thing/a"), P, NamedNode("http://example.org/in-one"), G1),
            Quad(NamedNode(f"{TEST_BASE}thing/b"), P, NamedNode("http://example.org/in-two"), G2),
        ])
    return path


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = make_app(_store_with_two_graphs(tmp_path_factory.mktemp("conform") / "store"),
                           QUERY_TIMEOUT=10.0, TIMELINE_INDEX="off")
    yield application
    application.extensions["sparql"].close()
    application.extensions["kb"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def values(response) -> list[str]:
    assert response.status_code == 200, response.data
    solutions = parse_query_results(response.data, QueryResultsFormat.JSON)
    name = solutions.variables[0].value
    return sorted(solution[name].value for solution in solutions)


def select(client, query: str, **extra) -> list[str]:
    return values(client.get("/sparql", query_string={"query": query, **extra},
                             headers={"Accept": "application/sparql-results+json"}))


# --- 1. relative IRIs resolve against the service's base -----------------------------------------

def test_relative_iris_resolve_against_the_base_of_the_deployment(client):
    assert select(client, "SELECT ?o WHERE { <thing/a> ?p ?o }") == ["http://example.org/in-one"]


def test_a_query_with_its_own_base_keeps_it(client):
    query = "BASE <http://elsewhere.example/> SELECT ?o WHERE { <thing/a> ?p ?o }"
    assert select(client, query) == []


def test_a_relative_iri_in_construct_becomes_absolute(client):
    response = client.get("/sparql", query_string={"query": "CONSTRUCT { <x> <y> <z> } WHERE {}"},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.data.decode().strip() == f"<{TEST_BASE}x> <{TEST_BASE}y> <{TEST_BASE}z> ."


# --- 2. FROM and FROM NAMED define the dataset ---------------------------------------------------

def test_without_a_dataset_the_default_graph_is_the_union(client):
    assert select(client, "SELECT ?o WHERE { ?s ?p ?o }") == ["http://example.org/in-one",
                                                             "http://example.org/in-two"]


def test_from_makes_the_default_graph(client):
    query = f"SELECT ?o FROM <{G1.value}> WHERE {{ ?s ?p ?o }}"
    assert select(client, query) == ["http://example.org/in-one"]


def test_from_named_alone_leaves_the_default_graph_empty(client):
    assert select(client, f"SELECT ?o FROM NAMED <{G2.value}> WHERE {{ ?s ?p ?o }}") == []
    query = f"SELECT ?o FROM NAMED <{G2.value}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert select(client, query) == ["http://example.org/in-two"]


def test_the_protocol_dataset_wins_over_the_query_dataset(client):
    query = f"SELECT ?o FROM <{G1.value}> WHERE {{ ?s ?p ?o }}"
    assert select(client, query, **{"default-graph-uri": G2.value}) == ["http://example.org/in-two"]


def test_the_word_from_in_a_string_names_no_dataset(client):
    query = 'SELECT ?o WHERE { ?s ?p ?o FILTER(?o != "FROM") }'
    assert len(select(client, query)) == 2


# --- 4. the format names clients send ------------------------------------------------------------

CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(("name", "media_type", "rdflib_format"), [
    ("rdf+xml", "application/rdf+xml", "xml"), ("xml", "application/rdf+xml", "xml"),
    ("json-ld", "application/ld+json", "json-ld"), ("json", "application/ld+json", "json-ld"),
    ("turtle", "text/turtle", "turtle"), ("n3", "text/turtle", "n3"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_sparqlwrapper_format_names_answer_a_construct(client, name, media_type, rdflib_format):
    response = client.get("/sparql", query_string={"query": CONSTRUCT, "format": name})
    assert response.status_code == 200, response.data
    assert response.mimetype == media_type
    assert len(Graph().parse(data=response.data, format=rdflib_format)) == 2


@pytest.mark.parametrize(("name", "media_type"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                                  ("xml", "application/sparql-results+xml"),
                                                  ("json", "application/sparql-results+json")])
def test_sparqlwrapper_format_names_answer_a_select(client, name, media_type):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "format": name})
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_an_unknown_format_falls_back_on_accept_for_a_construct(client):
    response = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "rdf/pretty"},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.mimetype == "application/n-triples"


# --- 5. a POST without a query -------------------------------------------------------------------

@pytest.mark.parametrize(("body", "content_type"), [
    ("", "application/x-www-form-urlencoded"), ("format=json", "application/x-www-form-urlencoded"),
    ("", "application/sparql-query"), ("   \n", "application/sparql-query"),
])
def test_a_post_without_a_query_is_a_400_saying_what_is_missing(client, body, content_type):
    response = client.post("/sparql", data=body, content_type=content_type,
                           headers={"Accept": "application/json"})
    assert response.status_code == 400
    error = json.loads(response.data)["error"]
    assert "no query" in error or "query is empty" in error


def test_a_bare_get_still_describes_the_service(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert b"sparql-service-description" in response.data


# --- the same over a remote store ----------------------------------------------------------------

@pytest.fixture(scope="module")
def remote_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("conform-remote")
    local = _store_with_two_graphs(folder / "local")
    dump = folder / "data.nq"
    with open_kb(local, read_only=True) as kb:
        dump.write_bytes(kb.dump("nquads"))
    shutil.rmtree(local)
    subprocess.run([str(OXIGRAPH), "load", "--location", str(folder / "remote"), "--file", str(dump)],
                   check=True, capture_output=True, timeout=60)
    with oxigraph_server(folder / "remote") as url:
        application = make_app(url, QUERY_TIMEOUT=10.0, TIMELINE_INDEX="off")
        yield application.test_client(), url
        application.extensions["sparql"].close()


def test_remote_relative_iris_and_datasets(remote_client):
    client, _ = remote_client
    assert select(client, "SELECT ?o WHERE { <thing/a> ?p ?o }") == ["http://example.org/in-one"]
    assert select(client, f"SELECT ?o FROM <{G1.value}> WHERE {{ ?s ?p ?o }}") == \
        ["http://example.org/in-one"]
    assert select(client, f"SELECT ?o FROM NAMED <{G2.value}> WHERE {{ ?s ?p ?o }}") == []
    assert len(select(client, "SELECT ?o WHERE { ?s ?p ?o }")) == 2


def test_remote_errors_name_the_users_line_and_column_and_not_the_store(remote_client):
    client, url = remote_client
    query = "SELECT ?o WHERE { ?s ?p ?o ) }"
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "application/json"})
    assert response.status_code == 400
    error = json.loads(response.data)
    try:  # the position the embedded store's parser gives for the user's own text
        Store().query(query)
    except SyntaxError as err:
        line, column = (int(part) for part in re.search(r"error at (\d+):(\d+)", str(err)).groups())
    assert (error["line"], error["column"]) == (line, column)
    multi = "SELECT ?o\nWHERE {\n  ?s ?p ?o ) }"
    response = client.get("/sparql", query_string={"query": multi}, headers={"Accept": "application/json"})
    assert json.loads(response.data)["line"] == 3
    assert url not in error["error"] and "127.0.0.1" not in error["error"]
