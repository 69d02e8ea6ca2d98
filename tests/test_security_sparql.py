"""Issue 11, items 1 and 5: hostile SPARQL. No SERVICE call leaves the server, whatever its shape;
deeply nested queries and malformed dataset IRIs get a 400 and crash nothing (web or CLI)."""

from __future__ import annotations

import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import make_app
from tests.helpers_server import KB

REMOTE_SECRET = "remote-body-7f3a"


class _Recorder(BaseHTTPRequestHandler):
    """A host that records every request it gets and answers with a recognisable body."""

    def _answer(self) -> None:
        self.server.requests.append(self.path)
        body = f"<html>{REMOTE_SECRET}</html>".encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def remote_host():
    """A real HTTP server on 127.0.0.1 that must never be called; yields its root URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def shared(seeded_template, tmp_path_factory):
    """One app (and its query workers) for the tests of this module that only read."""
    import shutil

    store = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(seeded_template, store)
    app = make_app(store, TIMELINE_INDEX="off")
    yield app.test_client()
    app.extensions["sparql"].close()
    app.extensions["kb"].close()


SERVICE_SHAPES = [
    'SELECT * WHERE {{ ?s ?p "host"@en.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p true.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p false.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p 42.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p 4.2e1.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * {{ ?s ?p "x"^^<http://www.w3.org/2001/XMLSchema#int>.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p """multi\nline"""@en-GB.SERVICE <{url}> {{ ?a ?b ?c }} }}',
    "SELECT * WHERE {{ ?s ?p 'single'.SERVICE <{url}> {{ ?a ?b ?c }} }}",
    'SELECT * WHERE {{ service <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ SeRvIcE SILENT <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ SERVICE<{url}>{{?a ?b ?c}} }}',
    'SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }} }}',
    'ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}',
    'ASK {{ FILTER NOT EXISTS {{ {{ {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }} }} }}',
    'SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}',
    'SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}',
    'SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}',
    'SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}',
    'SELECT * WHERE {{ # a comment "\n SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ BIND(<{url}> AS ?where) SERVICE ?where {{ ?a ?b ?c }} }}',
    'CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'DESCRIBE ?a WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }}',
    'PREFIX x: <http://x/> SELECT * WHERE {{ ?s x:p x:o.\tSERVICE <{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ ?s ?p ?o .\tSERVICE\n<{url}> {{ ?a ?b ?c }} }}',
    'SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?a ?b ?c }} }}',
]


@pytest.mark.parametrize("shape", SERVICE_SHAPES)
def test_service_anywhere_is_refused_before_anything_runs(shared, remote_host, shape):
    url = f"http://127.0.0.1:{remote_host.server_port}/sparql"
    response = shared.post("/sparql", data={"query": shape.format(url=url)},
                           headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 400
    assert "SERVICE is not allowed" in response.get_json()["error"]
    assert REMOTE_SECRET not in response.get_data(as_text=True)
    assert remote_host.requests == []


@pytest.mark.parametrize("query", [
    'SELECT ?SERVICE WHERE { ?SERVICE ?p "SERVICE <http://127.0.0.1:9/> { }" } LIMIT 1',
    "SELECT * WHERE { ?s ?p ?o # SERVICE <http://127.0.0.1:9/> { }\n } LIMIT 1",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o } LIMIT 1",
    "PREFIX x: <http://x/> SELECT * WHERE { ?s x:a.SERVICE ?o } LIMIT 1",
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o } LIMIT 1",
])
def test_the_word_service_in_names_strings_and_comments_is_not_a_call(shared, query):
    response = shared.post("/sparql", data={"query": query},
                           headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)


def test_a_failing_allowed_service_never_echoes_the_remote_body(seeded_store, remote_host):
    app = make_app(seeded_store, TIMELINE_INDEX="off", SPARQL_ALLOW_SERVICE=True)
    url = f"http://127.0.0.1:{remote_host.server_port}/sparql"
    try:
        response = app.test_client().post(
            "/sparql", data={"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?a ?b ?c }} }}"},
            headers={"Accept": "application/json"})
        assert response.status_code == 400
        assert REMOTE_SECRET not in response.get_data(as_text=True)
        assert "SERVICE" in response.get_json()["error"]
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


DEEP = {
    "groups": "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "brackets": "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "blank nodes": "SELECT * WHERE { ?s ?p " + "[ ?p " * 3000 + "?o" + " ]" * 3000 + " }",
    "collections": "SELECT * WHERE { ?s ?p " + "(" * 5000 + ")" * 5000 + " }",
    "negations": "SELECT * WHERE { FILTER(" + "!" * 20000 + "true) }",
    "minus signs": "SELECT * WHERE { FILTER(" + "- " * 20000 + "1 > 0) }",
    "exists": "ASK {" + "FILTER EXISTS {" * 3000 + "}" * 3000 + "}",
}


@pytest.mark.parametrize("name", DEEP)
def test_deeply_nested_query_is_a_400_and_the_workers_live_on(shared, name):
    response = shared.post("/sparql", data={"query": DEEP[name]}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "deep" in response.get_json()["error"]
    after = shared.get("/sparql?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
    assert after.status_code == 200 and after.get_json()["boolean"] is True


def test_a_long_flat_query_runs_on_a_stack_large_enough(shared):
    """50,000 FILTER conjuncts recurse in the engine without any bracket: no crash, an answer."""
    query = "ASK { FILTER(true" + " && true" * 10_000 + ") }"
    response = shared.post("/sparql", data={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["boolean"] is True


@pytest.mark.parametrize("name", ["groups", "negations"])
def test_kb_query_on_a_deeply_nested_file_is_a_one_line_error(seeded_store, tmp_path, name):
    path = tmp_path / "deep.rq"
    path.write_text(DEEP[name])
    done = subprocess.run([str(KB), "--store", str(seeded_store), "query", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "deep" in lines[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["not an iri", "", "http://x/ y", "<http://x/>", "\x00"])
def test_a_malformed_dataset_iri_is_a_400_naming_the_parameter(shared, parameter, value):
    response = shared.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                                                   parameter: value},
                          headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert parameter in response.get_json()["error"]
    after = shared.get("/sparql?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
    assert after.status_code == 200


def test_the_engine_runs_on_one_deep_stack_however_often_it_is_asked_for():
    """A query run where the engine already has its large stack (a worker's loop runs on one) stays
    on that thread instead of starting another of 512 MB; a first call still gets its own."""
    import threading

    from kb.sparql_text import with_deep_stack

    caller = threading.current_thread()
    outer = with_deep_stack(threading.current_thread)
    inner = with_deep_stack(lambda: (threading.current_thread(), with_deep_stack(threading.current_thread)))
    assert outer is not caller and outer.name == "kb-sparql-engine"
    assert inner[0] is inner[1] and inner[0] is not caller
