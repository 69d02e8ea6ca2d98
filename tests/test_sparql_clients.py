"""Real clients against ``kb serve`` on 127.0.0.1: SPARQLWrapper, rdflib's SPARQLStore, curl, and
federated queries from pyoxigraph and from an ``oxigraph serve`` process; the time limit under load.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from pyoxigraph import Store
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

import kb
from tests.conftest import TEST_BASE
from tests.helpers_server import kb_server, oxigraph_server

KBO = "https://w3id.org/negotiation-kb/ontology#"
OFFERS = f"""PREFIX kbo: <{KBO}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label WHERE {{ ?event a kbo:Offer ; rdfs:label ?label }} ORDER BY ?event"""
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store(seeded_template, tmp_path_factory):
    copy = tmp_path_factory.mktemp("clients") / "store"
    shutil.copytree(seeded_template, copy)
    return copy


@pytest.fixture(scope="module")
def expected(store) -> list[tuple[str, str]]:
    with kb.open(store, read_only=True) as base:
        return [(row["event"].value, row["label"].value) for row in base.select(OFFERS)]


@pytest.fixture(scope="module")
def server(store):
    with kb_server(store, query_timeout=5.0, base=TEST_BASE) as root:  # generous for a loaded machine
        yield root


@pytest.fixture
def endpoint(server) -> str:
    return f"{server}/sparql"


def wrapper(endpoint: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


# --- SPARQLWrapper -----------------------------------------------------------------------------

def test_sparqlwrapper_json(endpoint, expected):
    result = wrapper(endpoint, OFFERS, JSON).queryAndConvert()
    rows = [(b["event"]["value"], b["label"]["value"]) for b in result["results"]["bindings"]]
    assert rows == expected and rows


def test_sparqlwrapper_xml(endpoint, expected):
    document = wrapper(endpoint, OFFERS, XML).queryAndConvert()
    rows = []
    for result in document.getElementsByTagName("result"):
        values = {b.getAttribute("name"): b.firstChild.firstChild.nodeValue
                  for b in result.getElementsByTagName("binding")}
        rows.append((values["event"], values["label"]))
    assert rows == expected


def test_sparqlwrapper_csv(endpoint, expected):
    body = wrapper(endpoint, OFFERS, CSV).queryAndConvert()
    rows = [tuple(row) for row in csv.reader(io.StringIO(body.decode("utf-8")))][1:]
    assert rows == expected


def test_sparqlwrapper_post_ask_and_construct(endpoint):
    asking = wrapper(endpoint, f"ASK {{ ?e a <{KBO}Offer> }}", JSON)
    asking.setMethod(POST)
    assert asking.queryAndConvert()["boolean"] is True
    graph = wrapper(endpoint, f"CONSTRUCT WHERE {{ ?e a <{KBO}Offer> }}", TURTLE).queryAndConvert()
    assert len(Graph().parse(data=graph, format="turtle")) > 0


# --- rdflib's SPARQLStore ----------------------------------------------------------------------

def test_rdflib_sparqlstore(endpoint, expected):
    graph = Graph(store=SPARQLStore(endpoint))
    rows = [(str(row.event), str(row.label)) for row in graph.query(OFFERS)]
    assert rows == expected
    assert (URIRef(expected[0][0]), None, None) in graph


# --- curl, as the README shows it --------------------------------------------------------------

def curl(*args: str) -> str:
    done = subprocess.run(["curl", "--silent", "--show-error", "--fail-with-body", *args],
                          capture_output=True, text=True, timeout=20, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_curl_examples_of_the_readme(endpoint, expected):
    as_csv = curl("-H", "Accept: text/csv", "--get", "--data-urlencode", f"query={OFFERS}", endpoint)
    assert [tuple(r) for r in csv.reader(io.StringIO(as_csv))][1:] == expected
    as_json = curl("--data-urlencode", f"query={OFFERS}", endpoint)
    assert len(json.loads(as_json)["results"]["bindings"]) == len(expected)
    posted = curl("-H", "Content-Type: application/sparql-query", "-H", "Accept: text/tab-separated-values",
                  "--data-binary", OFFERS, endpoint)
    assert len(posted.strip().splitlines()) == len(expected) + 1
    description = curl("-H", "Accept: text/turtle", endpoint)
    assert "sd:SPARQL11Query" in description


def test_curl_sees_the_open_cors_policy(endpoint):
    headers = curl("--include", "-X", "OPTIONS", "-H", "Origin: https://example.org",
                   "-H", "Access-Control-Request-Method: POST", endpoint)
    assert "access-control-allow-origin: *" in headers.lower()


# --- federated queries into this endpoint ------------------------------------------------------

def test_pyoxigraph_federates_into_the_endpoint(endpoint, expected):
    query = f"""SELECT ?event ?label WHERE {{
      SERVICE <{endpoint}> {{ ?event a <{KBO}Offer> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
    }} ORDER BY ?event"""
    rows = [(s["event"].value, s["label"].value) for s in Store().query(query)]
    assert rows == expected


def test_oxigraph_serve_federates_into_the_endpoint(endpoint, expected):
    query = f"""SELECT ?event ?label WHERE {{
      SERVICE <{endpoint}> {{ ?event a <{KBO}Offer> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
    }} ORDER BY ?event"""
    with oxigraph_server() as other:
        request = urllib.request.Request(
            f"{other}/query", data=query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=20) as response:
            bindings = json.load(response)["results"]["bindings"]
    assert [(b["event"]["value"], b["label"]["value"]) for b in bindings] == expected


# --- the time limit, under a real server --------------------------------------------------------

def test_a_runaway_query_is_stopped_while_others_are_answered(endpoint):
    outcome = {}

    def runaway():
        started = time.monotonic()
        url = f"{endpoint}?{urllib.parse.urlencode({'query': EXPLOSIVE})}"
        try:
            urllib.request.urlopen(url, timeout=20)
            outcome["status"] = 200
        except urllib.error.HTTPError as err:
            outcome["status"], outcome["body"] = err.code, err.read().decode()
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    answered = []
    while thread.is_alive() and len(answered) < 20:
        started = time.monotonic()
        with urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=5) as response:
            assert json.load(response)["boolean"] is True
        answered.append(time.monotonic() - started)
        time.sleep(0.05)
    thread.join(10)
    assert outcome["status"] == 503
    assert "stopped after 5 s" in outcome["body"]
    assert 4.9 < outcome["seconds"] < 8
    assert answered and max(answered) < 1.0  # the other requests did not wait for the runaway
