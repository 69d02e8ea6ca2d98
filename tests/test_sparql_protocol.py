"""``/sparql`` by the SPARQL 1.1 Protocol: methods, formats, errors, read-only, limits, CORS.

Driven in-process through Flask's test client, over a copy of the seeded store; the queries still
run in the app's worker processes. Real clients over a real server are in test_sparql_clients.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
from urllib.parse import urlencode

import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, parse_query_results
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from tests.conftest import TEST_BASE, make_app

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EVENTS = """PREFIX kbo: <https://w3id.org/negotiation-kb/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label WHERE { ?event a kbo:Offer ; rdfs:label ?label } ORDER BY ?event"""
ASK_OFFER = "ASK { ?e a <https://w3id.org/negotiation-kb/ontology#Offer> }"
DESCRIBE_GRAPH = ("CONSTRUCT { ?s ?p ?o } "
                  "WHERE { ?s a <https://w3id.org/negotiation-kb/ontology#Offer> ; ?p ?o }")
RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt",
               "application/rdf+xml": "xml", "application/ld+json": "json-ld"}


@pytest.fixture(scope="module")
def store(seeded_template, tmp_path_factory):
    copy = tmp_path_factory.mktemp("sparql") / "store"
    shutil.copytree(seeded_template, copy)
    return copy


@pytest.fixture(scope="module")
def app(store):
    application = make_app(store, QUERY_TIMEOUT=5.0)  # generous: a loaded CI machine is slow
    yield application
    application.extensions["sparql"].close()
    application.extensions["kb"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def rows_of(body: bytes, media_type: str) -> list[tuple]:
    """The rows of a SELECT answer as tuples of N-Triples strings (CSV: of plain values)."""
    if media_type == "text/csv":
        reader = csv.reader(io.StringIO(body.decode("utf-8")))
        next(reader)
        return [tuple(row) for row in reader]
    solutions = parse_query_results(body, RESULT_TYPES[media_type])
    names = [v.value for v in solutions.variables]
    return [tuple(str(solution[name]) for name in names) for solution in solutions]


def expected_rows(app, sparql: str, plain: bool = False) -> list[tuple]:
    solutions = app.extensions["kb"].query(sparql)
    names = [v.value for v in solutions.variables]
    return [tuple(solution[name].value if plain else str(solution[name]) for name in names)
            for solution in solutions]


def graph_of(body: bytes, media_type: str) -> Graph:
    return Graph().parse(data=body, format=GRAPH_TYPES[media_type])


def expected_graph(app) -> Graph:
    triples = app.extensions["kb"].query(DESCRIBE_GRAPH)
    return Graph().parse(data=triples.serialize(format=RdfFormat.N_TRIPLES), format="nt")


# --- methods -----------------------------------------------------------------------------------

def test_get_answers_a_select_as_sparql_json(client, app):
    response = client.get("/sparql", query_string={"query": EVENTS})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    rows = rows_of(response.data, response.mimetype)
    assert rows == expected_rows(app, EVENTS)
    assert len(rows) >= 3


def test_post_form_and_post_query_body_give_the_get_answer(client):
    by_get = client.get("/sparql", query_string={"query": EVENTS}).data
    by_form = client.post("/sparql", data={"query": EVENTS})
    by_body = client.post("/sparql", data=EVENTS.encode(),
                          content_type="application/sparql-query; charset=utf-8")
    assert by_form.status_code == by_body.status_code == 200
    assert by_form.data == by_body.data == by_get


def test_query_both_in_url_and_body_is_refused(client):
    response = client.post("/sparql?" + urlencode({"query": ASK_OFFER}), data=EVENTS.encode(),
                           content_type="application/sparql-query")
    assert response.status_code == 400


def test_two_queries_in_one_request_are_refused(client):
    response = client.get("/sparql?" + urlencode([("query", ASK_OFFER), ("query", EVENTS)]))
    assert response.status_code == 400
    assert b"more than one query" in response.data


def test_default_graph_uri_chooses_the_default_graph(client, app):
    graph = next(g.value for g in app.extensions["kb"].graphs() if "/id/graph/" in g.value)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = rows_of(client.get("/sparql", query_string={"query": count}).data,
                         "application/sparql-results+json")
    one = rows_of(client.get("/sparql", query_string={"query": count, "default-graph-uri": graph}).data,
                  "application/sparql-results+json")
    direct = app.extensions["kb"].backend.store.query(count, default_graph=[NamedNode(graph)])
    assert one == [tuple(str(s["n"]) for s in direct)]
    assert int(one[0][0].split('"')[1]) < int(everything[0][0].split('"')[1])


def test_named_graph_uri_limits_the_graphs_a_query_sees(client, app):
    graphs = sorted(g.value for g in app.extensions["kb"].graphs())
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.post("/sparql", data={"query": query, "named-graph-uri": graphs[:2]})
    assert sorted(row[0].strip("<>") for row in rows_of(response.data, response.mimetype)) == graphs[:2]


# --- formats -----------------------------------------------------------------------------------

@pytest.mark.parametrize("media_type", [*RESULT_TYPES, "text/csv"])
def test_select_in_each_results_format(client, app, media_type):
    response = client.get("/sparql", query_string={"query": EVENTS}, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert rows_of(response.data, media_type) == expected_rows(app, EVENTS, plain=media_type == "text/csv")


@pytest.mark.parametrize("media_type", [*RESULT_TYPES, "text/csv"])
def test_ask_in_each_results_format(client, media_type):
    response = client.get("/sparql", query_string={"query": ASK_OFFER}, headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    if media_type == "text/csv":
        assert response.data.strip() == b"true"
    else:
        assert bool(parse_query_results(response.data, RESULT_TYPES[media_type])) is True


@pytest.mark.parametrize("media_type", list(GRAPH_TYPES))
def test_construct_in_each_rdf_format(client, app, media_type):
    response = client.get("/sparql", query_string={"query": DESCRIBE_GRAPH},
                          headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert isomorphic(graph_of(response.data, media_type), expected_graph(app))


def test_describe_answers_a_graph_about_the_resource(client):
    iri = f"{TEST_BASE}id/event/barnea-offer-2024-01"
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{iri}>"},
                          headers={"Accept": "text/turtle"})
    graph = graph_of(response.data, "text/turtle")
    assert (URIRef(iri), URIRef("https://w3id.org/negotiation-kb/ontology#datePrecision"),
            Literal("month")) in graph


@pytest.mark.parametrize(("name", "query", "media_type"), [
    ("csv", EVENTS, "text/csv"), ("tsv", EVENTS, "text/tab-separated-values"),
    ("xml", EVENTS, "application/sparql-results+xml"), ("json", EVENTS, "application/sparql-results+json"),
    ("ttl", DESCRIBE_GRAPH, "text/turtle"), ("jsonld", DESCRIBE_GRAPH, "application/ld+json"),
    ("xml", DESCRIBE_GRAPH, "application/rdf+xml"), ("text/csv", EVENTS, "text/csv"),
])
def test_format_parameter_overrides_the_browser_accept_header(client, name, query, media_type):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", query_string={"query": query, "format": name},
                          headers={"Accept": browser})
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_a_browser_asking_a_query_is_sent_to_the_query_page(client):
    response = client.get("/sparql", query_string={"query": ASK_OFFER},
                          headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/query?query=")


def test_no_accept_header_gets_json_or_turtle(client):
    assert client.get("/sparql", query_string={"query": ASK_OFFER}).mimetype == \
        "application/sparql-results+json"
    assert client.get("/sparql", query_string={"query": DESCRIBE_GRAPH}).mimetype == "text/turtle"


# --- errors ------------------------------------------------------------------------------------

def test_unacceptable_format_is_406_naming_the_formats(client):
    response = client.get("/sparql", query_string={"query": EVENTS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    for media_type in ("application/sparql-results+json", "text/csv", "text/turtle"):
        assert media_type.encode() in response.data


def test_graph_result_in_a_results_only_format_is_406(client):
    response = client.get("/sparql", query_string={"query": DESCRIBE_GRAPH}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert b"text/turtle" in response.data and b"CONSTRUCT" in response.data


def test_select_with_an_rdf_only_format_is_406(client):
    response = client.get("/sparql", query_string={"query": EVENTS, "format": "turtle"})
    assert response.status_code == 406
    assert b"application/sparql-results+json" in response.data


def test_an_unknown_format_name_falls_back_on_the_accept_header(client):
    response = client.get("/sparql", query_string={"query": EVENTS, "format": "yaml"},
                          headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    plain = client.get("/sparql", query_string={"query": EVENTS, "format": "yaml"})
    assert plain.status_code == 200
    assert plain.mimetype == "application/sparql-results+json"


def test_unknown_content_type_is_415(client):
    response = client.post("/sparql", data=EVENTS.encode(), content_type="text/plain")
    assert response.status_code == 415
    assert b"application/sparql-query" in response.data


def test_syntax_error_is_400_with_the_parsers_message_and_position(client):
    query = "SELECT ?s\nWHERE { ?s ?p }"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    error = response.get_json()
    assert error["ok"] is False and error["status"] == 400
    assert error["line"] == 2 and error["column"] >= 14
    assert "error at 2:" in error["error"]


def test_syntax_error_is_plain_text_for_a_plain_client(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE {"}, headers={"Accept": "*/*"})
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert response.data.startswith(b"SPARQL syntax error: error at 1:")


def test_a_query_too_long_is_413(client):
    response = client.post("/sparql", data={"query": "ASK {}" + " " * 100_001})
    assert response.status_code == 413


def test_a_request_too_large_is_413(client):
    response = client.post("/sparql", data=b"#" * (1024 * 1024 + 1), content_type="application/sparql-query")
    assert response.status_code == 413


def test_service_is_refused(client):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    assert b"SERVICE is not allowed" in response.data


def test_the_word_service_in_a_string_is_not_a_service_call(client):
    query = 'ASK { FILTER("SERVICE" != "x") }'
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


# --- read-only ---------------------------------------------------------------------------------

@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX ex: <urn:ex:>\nDELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR GRAPH <urn:g>",
])
def test_an_update_sent_as_a_query_is_400_and_changes_nothing(client, app, update):
    before = app.extensions["kb"].count()
    for response in (client.get("/sparql", query_string={"query": update}),
                     client.post("/sparql", data={"query": update}),
                     client.post("/sparql", data=update.encode(), content_type="application/sparql-query")):
        assert response.status_code == 400
        assert b"read-only" in response.data
    assert app.extensions["kb"].count() == before


def test_an_update_by_the_update_protocol_is_refused(client, app):
    before = app.extensions["kb"].count()
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = client.post("/sparql", data={"update": update})
    body = client.post("/sparql", data=update.encode(), content_type="application/sparql-update")
    assert form.status_code == body.status_code == 400
    assert b"read-only" in form.data and b"read-only" in body.data
    assert app.extensions["kb"].count() == before


@pytest.mark.parametrize("path", ["/update", "/sparql/update", "/store", "/sparql/statements"])
def test_there_is_no_update_or_graph_store_route(client, path):
    response = client.post(path, data="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                           content_type="application/sparql-update")
    assert response.status_code in (404, 405)


def test_put_and_delete_are_not_allowed_on_the_endpoint(client):
    assert client.put("/sparql", data=b"<urn:a> <urn:b> <urn:c> .").status_code == 405
    assert client.delete("/sparql").status_code == 405


# --- the service description -------------------------------------------------------------------

def test_bare_get_describes_the_service(client, app):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format="turtle")
    service = graph.value(predicate=SD.endpoint, object=URIRef("http://localhost/sparql"))
    assert service is not None
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert URIRef("http://www.w3.org/ns/formats/Turtle") in formats
    assert len(formats) == 8
    dataset = graph.value(service, SD.defaultDataset)
    names = {graph.value(node, SD.name) for node in graph.objects(dataset, SD.namedGraph)}
    assert names == {URIRef(g.value) for g in app.extensions["kb"].graphs()}


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_service_description_in_other_rdf_formats(client, accept, rdflib_format):
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.mimetype == accept
    graph = Graph().parse(data=response.data, format=rdflib_format)
    assert len(list(graph.subjects(SD.endpoint, None))) == 1


def test_service_description_for_a_browser_is_a_page_linking_the_query_page(client):
    from html.parser import HTMLParser

    response = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    links = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                links.append(dict(attrs).get("href"))

    Links().feed(response.data.decode("utf-8"))
    assert "/query" in links


# --- CORS --------------------------------------------------------------------------------------

def test_answers_and_errors_are_open_to_any_origin(client):
    ok = client.get("/sparql", query_string={"query": ASK_OFFER}, headers={"Origin": "https://elsewhere.example"})
    error = client.get("/sparql", query_string={"query": "SELECT"}, headers={"Origin": "https://elsewhere.example"})
    description = client.get("/sparql")
    for response in (ok, error, description):
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-KB-Truncated" in ok.headers["Access-Control-Expose-Headers"]


def test_preflight_is_answered(client):
    response = client.options("/sparql", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


# --- time and row limits -----------------------------------------------------------------------

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_runaway_query_is_stopped_and_its_worker_killed(client, app):
    pool = app.extensions["sparql"].pool
    pool.start()
    before = {worker.process.pid for worker in pool._workers}
    started = time.monotonic()
    response = client.get("/sparql", query_string={"query": EXPLOSIVE},
                          headers={"Accept": "application/json"})
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "stopped after 5 s" in response.get_json()["error"]
    assert elapsed < 10
    killed = before - {worker.process.pid for worker in pool._workers}
    deadline = time.monotonic() + 5
    while not killed and time.monotonic() < deadline:
        time.sleep(0.05)
        killed = before - {worker.process.pid for worker in pool._workers}
    assert len(killed) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(killed.pop(), 0)  # the query really stopped: its process is gone
    assert client.get("/sparql", query_string={"query": ASK_OFFER}).status_code == 200


@pytest.fixture(scope="module")
def small_app(seeded_template, tmp_path_factory):
    copy = tmp_path_factory.mktemp("sparql-small") / "store"
    shutil.copytree(seeded_template, copy)
    application = make_app(copy, ROW_LIMIT=5, SPARQL_WORKERS=1)
    yield application
    application.extensions["sparql"].close()
    application.extensions["kb"].close()


def test_rows_past_the_limit_are_cut_and_the_answer_says_so(small_app):
    client = small_app.test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.headers["X-KB-Truncated"] == "true"
    assert response.headers["X-KB-Row-Limit"] == "5"
    body = response.get_json()
    assert len(body["results"]["bindings"]) == 5
    assert body["truncated"] is True and body["row_limit"] == 5


@pytest.mark.parametrize("media_type",
                         ["text/csv", "text/tab-separated-values", "application/sparql-results+xml"])
def test_the_cut_applies_to_every_results_format(small_app, media_type):
    response = small_app.test_client().get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"},
                                           headers={"Accept": media_type})
    assert response.headers["X-KB-Truncated"] == "true"
    assert len(rows_of(response.data, media_type)) == 5


def test_the_cut_applies_to_graphs(small_app):
    response = small_app.test_client().get(
        "/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "text/turtle"})
    assert response.headers["X-KB-Truncated"] == "true"
    assert len(graph_of(response.data, "text/turtle")) == 5


def test_an_answer_exactly_at_the_limit_is_not_cut(small_app):
    response = small_app.test_client().get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert "X-KB-Truncated" not in response.headers
    assert "truncated" not in response.get_json()
    assert response.headers["X-KB-Rows"] == "5"


def test_literals_with_line_breaks_do_not_confuse_the_cut(small_app):
    query = 'SELECT ?text WHERE { VALUES ?text { "one\\ntwo" "three\\r\\nfour" "five\\tsix" } }'
    response = small_app.test_client().get("/sparql", query_string={"query": query})
    values = [b["text"]["value"] for b in response.get_json()["results"]["bindings"]]
    assert values == ["one\ntwo", "three\r\nfour", "five\tsix"]
    assert "X-KB-Truncated" not in response.headers


# --- the fast path and Flask agree -------------------------------------------------------------

@pytest.mark.parametrize(("query", "accept"), [
    (EVENTS, "application/sparql-results+json"), (EVENTS, "text/csv"), (ASK_OFFER, "*/*"),
    (DESCRIBE_GRAPH, "text/turtle"), ("SELECT * WHERE {", "*/*"), (EVENTS, "image/png"),
])
def test_the_fast_path_answers_as_flask_does(app, query, accept):
    client = app.test_client()
    fast = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    app.config["SPARQL_FAST_PATH"] = False
    try:
        slow = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    finally:
        app.config["SPARQL_FAST_PATH"] = True
    assert fast.status_code == slow.status_code
    assert fast.data == slow.data or fast.mimetype == "text/turtle"  # blank node labels differ
    for name in ("Content-Type", "X-KB-Rows", "Vary", "Access-Control-Allow-Origin"):
        assert fast.headers.get(name) == slow.headers.get(name)


def test_json_error_shape(client):
    response = client.get("/sparql", query_string={"query": "SELECT"}, headers={"Accept": "application/json"})
    assert set(json.loads(response.data)) >= {"ok", "error", "status"}


# --- the answer cache --------------------------------------------------------------------------

def test_a_repeated_query_is_answered_from_the_cache(app, client):
    service = app.extensions["sparql"]
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
    first = client.get("/sparql", query_string={"query": query})
    pool = service.pool
    runs = pool.run, pool.run_measured
    pool.run = pool.run_measured = None  # a second run in a worker would fail now
    try:
        second = client.get("/sparql", query_string={"query": query})
    finally:
        pool.run, pool.run_measured = runs
    assert first.status_code == second.status_code == 200
    assert first.data == second.data


def test_the_cache_is_bounded_and_forgets_the_least_recently_used():
    from webapp.sparql.cache import AnswerCache, entry_weight
    from webapp.sparql.run import Answer

    one = entry_weight(("a",), Answer(b"1234", "json", "select", 1))
    cache = AnswerCache(max_bytes=2 * one + 1)
    for key in "abc":
        cache.put((key,), Answer(b"1234", "json", "select", 1))
    assert cache.get(("a",)) is None and cache.get(("c",)) is not None
    assert cache.size == 2 * one
    cache.put(("big",), Answer(b"x" * (2 * one), "json", "select", 1))
    assert cache.get(("big",)) is None


def test_many_long_queries_with_small_answers_stay_within_the_cache_bound():
    """Counting answers' bodies alone, a 1 MB cache held 40,000 small answers of 2 KB queries in
    93 MB: the bound counts each key's text and the entry's own cost too, measured by allocation."""
    import tracemalloc

    from webapp.sparql.cache import AnswerCache
    from webapp.sparql.run import Answer

    bound = 1024 * 1024
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cache = AnswerCache(max_bytes=bound)
        for number in range(20_000):
            text = f"SELECT * WHERE {{ ?s ?p {number} }} # " + "x" * 2000
            cache.put(("generation", text, None, (("kb", "https://example.org/"),), None),
                      Answer(b'{"n": %d}' % number, "json", "select", 1))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert cache.size <= bound
    assert held <= 1.25 * bound, f"{held:,} bytes held for a {bound:,}-byte bound"
