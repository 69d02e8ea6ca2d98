"""The W3C SPARQL 1.1 Protocol test suite, run as it is written against a real ``kb serve``.

The manifest (vendored unchanged in tests/vendor/w3c-sparql11-protocol/, with its licence) encodes
each test as HTTP requests (method, path, headers, body and its character encoding) and what each
answer must be (a class of status, a kind of format, an ASK's boolean). Every request here is sent
byte for byte as the manifest gives it, with ``/sparql/`` read as the endpoint's path, over a
store holding the suite's graphs. The endpoint is read-only by design: a test whose first request
is an update (``update_*``) is run as a refusal (a 4xx, and the store unchanged); the other
update tests already expect a 4xx.
"""

from __future__ import annotations

import http.client
import urllib.parse
from pathlib import Path

import pytest
from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    parse,
    parse_query_results,
)
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from kb.store import open_kb
from tests.helpers_server import kb_server

SUITE = Path(__file__).parent / "vendor" / "w3c-sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
#: What each expected format admits, by media type (without parameters).
RESULTS = {"application/sparql-results+json": QueryResultsFormat.JSON,
           "application/sparql-results+xml": QueryResultsFormat.XML,
           "text/csv": QueryResultsFormat.CSV, "text/tab-separated-values": QueryResultsFormat.TSV}
RDF = {"application/rdf+xml": RdfFormat.RDF_XML, "text/turtle": RdfFormat.TURTLE,
       "application/n-triples": RdfFormat.N_TRIPLES}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

MANIFEST = Graph().parse(SUITE / "manifest.ttl", format="turtle")


def _entries() -> list:
    (listing,) = MANIFEST.objects(None, MF.entries)
    return list(Collection(MANIFEST, listing))


def _requests(test) -> list[dict]:
    """The test's requests in order: method, path, headers, body bytes, and what to expect."""
    (action,) = MANIFEST.objects(test, MF.action)
    (listing,) = MANIFEST.objects(action, HT.requests)
    requests = []
    for node in Collection(MANIFEST, listing):
        headers = {}
        for header_list in MANIFEST.objects(node, HT.headers):
            for header in Collection(MANIFEST, header_list):
                name = str(MANIFEST.value(header, HT.fieldName))
                headers[name] = str(MANIFEST.value(header, HT.fieldValue))
        body = MANIFEST.value(node, HT.body)
        data = None
        if body is not None:
            encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(MANIFEST.value(body, CNT.chars)).encode(encoding)
        response = MANIFEST.value(node, HT.resp)
        boolean = MANIFEST.value(response, MF.expectedBoolean)
        requests.append({
            "method": str(MANIFEST.value(node, HT.methodName)),
            "path": str(MANIFEST.value(node, HT.absolutePath)),
            "headers": headers, "body": data,
            "statuses": {int(str(status)[len(HTS)])
                         for status in MANIFEST.objects(response, MF.expectedStatus)},
            "format": str(MANIFEST.value(response, MF.expectedFormat) or "") or None,
            "boolean": None if boolean is None else boolean.toPython(),
        })
    return requests


TESTS = {str(test).rsplit("#", 1)[1]: test for test in _entries()}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """``kb serve`` over a store holding every graph the suite's tests name (``ut:graphData``)."""
    quads = []
    for data in set(MANIFEST.objects(None, UT.graphData)):
        graph = NamedNode(str(MANIFEST.value(data, RDFS.label)))
        source = SUITE / str(MANIFEST.value(data, UT.graph)).rsplit("/", 1)[1]
        quads += [Quad(triple.subject, triple.predicate, triple.object, graph)
                  for triple in parse(path=str(source), format=RdfFormat.N_TRIPLES)]
    store = tmp_path_factory.mktemp("w3c-protocol") / "store"
    with open_kb(store) as kb:
        kb.replace_graphs([], sorted(set(quads), key=str))
    with kb_server(store, query_timeout=10) as root:
        yield urllib.parse.urlsplit(root)


def send(endpoint, request: dict) -> tuple[int, str, bytes]:
    """Send ``request`` as written (only ``/sparql/`` becomes the endpoint's ``/sparql``)."""
    path = request["path"].replace("/sparql/", "/sparql", 1)
    connection = http.client.HTTPConnection(endpoint.hostname, endpoint.port, timeout=30)
    try:
        connection.putrequest(request["method"], path, skip_accept_encoding=True)
        for name, value in request["headers"].items():
            connection.putheader(name, value)
        if request["body"] is not None:
            connection.putheader("Content-Length", str(len(request["body"])))
        connection.endheaders(request["body"])
        response = connection.getresponse()
        media_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
        return response.status, media_type, response.read()
    finally:
        connection.close()


def count_quads(endpoint) -> int:
    status, _, body = send(endpoint, {"method": "GET", "headers": {}, "body": None,
                                      "path": "/sparql/?query=" + urllib.parse.quote(COUNT_ALL)})
    assert status == 200, body
    (solution,) = parse_query_results(body, QueryResultsFormat.JSON)
    return int(solution["n"].value)


def test_the_suite_is_the_whole_manifest():
    """Every test of the manifest is run here, none left out (34 in the vendored version)."""
    assert len(TESTS) == 34
    assert sum(name.startswith(("query_", "bad_query", "bad_multiple_queries")) for name in TESTS) == 20


@pytest.mark.parametrize("name", sorted(TESTS))
def test_w3c_protocol(endpoint, name):
    requests = _requests(TESTS[name])
    if name.startswith("update_"):  # a read-only endpoint: the update is refused, nothing changes
        before = count_quads(endpoint)
        status, _, body = send(endpoint, requests[0])
        assert status // 100 == 4, (status, body)
        assert count_quads(endpoint) == before
        return
    for request in requests:
        status, media_type, body = send(endpoint, request)
        assert status // 100 in request["statuses"], (name, status, body[:300])
        if request["format"] in ("boolean", "tabular"):
            assert media_type in RESULTS, (name, media_type)
            if media_type in ("text/csv", "text/tab-separated-values"):
                assert request["format"] == "tabular" and body.strip(), (name, body)
                continue
            answer = parse_query_results(body, RESULTS[media_type])
            if request["format"] == "boolean":
                assert isinstance(answer, QueryBoolean), (name, body)
                if request["boolean"] is not None:
                    assert bool(answer) is request["boolean"], (name, body)
            else:
                assert isinstance(answer, QuerySolutions) and answer.variables, (name, body)
        elif request["format"] == "RDF":
            assert media_type in RDF, (name, media_type)
            list(parse(body, format=RDF[media_type]))  # well-formed RDF
