"""Issue 11, proof: fuzzing SPARQL text and every HTTP parameter of the web app.

For each input: an answer or a clear error (status below 500 but for 503 time-outs, one JSON error
shape), never a traceback or a crashed worker, the security headers on every response; and the
SERVICE guard agrees with a real SPARQL parser (rdflib's): whatever rdflib parses as a SERVICE
pattern, the guard refuses. Bounded: a few hundred examples, a 2 s query time limit, no deadline
per example (the time limit bounds each), about 20-30 s in all.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.sparql_text import uses_service
from tests.conftest import make_app

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_client(seeded_template, tmp_path_factory):
    """One app over a copy of the seeded store, with a short time limit."""
    store = tmp_path_factory.mktemp("fuzz") / "store"
    shutil.copytree(seeded_template, store)
    app = make_app(store, QUERY_TIMEOUT=2.0, TIMELINE_INDEX="sync")
    yield app.test_client()
    app.extensions["sparql"].close()
    app.extensions["kb"].close()


FRAGMENTS = ["SELECT", "*", "WHERE", "{", "}", "(", ")", "[", "]", "?s", "?p", "?o", "$x", ".", ";",
             ",", "SERVICE", "service", "SeRvIcE", "SILENT", "<http://127.0.0.1:9/x>", "<x>", "ex:a",
             "ex:a.b", ":", "_:b", '"x"', '"x"@en', '"x"@en-GB', "'y'", '"""z"""', "true", "false",
             "1", "1.5", "1e3", ".5", "-", "+", "!", "^", "^^", "a", "FILTER", "EXISTS", "NOT",
             "MINUS", "OPTIONAL", "UNION", "GRAPH", "BIND", "AS", "VALUES", "LIMIT", "ASK",
             "CONSTRUCT", "DESCRIBE", "PREFIX", "ex:", "<http://x/>", "# c\n", "\n", " ", "\\u0053",
             "&&", "||", "=", "<", ">", "IRI", "STR", "CONCAT", "COUNT", "GROUP BY", "ORDER BY"]
QUERY_TEXT = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30).map(" ".join) | \
    st.text(max_size=200)


def _assert_clean(response) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.get_data(as_text=True)
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    if response.mimetype == "text/html":
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert "Access-Control-Allow-Origin" not in response.headers
    if response.status_code >= 400 and response.mimetype == "application/json":
        error = response.get_json()
        assert error["ok"] is False and "\n" not in error["error"]


@SETTINGS
@given(text=QUERY_TEXT)
def test_any_query_text_gets_an_answer_or_a_clear_error(fuzz_client, text):
    response = fuzz_client.post("/sparql", data={"query": text}, headers={"Accept": "application/json"})
    _assert_clean(response)
    if uses_service(text):
        assert response.status_code == 400


def _rdflib_sees_service(text: str) -> bool | None:
    """True/False when rdflib parses ``text`` (whether it holds a SERVICE pattern); None otherwise."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # not SPARQL to rdflib: nothing to compare
        return None
    found = []

    def walk(node) -> None:
        if getattr(node, "name", None) == "ServiceGraphPattern":
            found.append(node)
        values = node.values() if isinstance(node, dict) else node if isinstance(node, list | tuple) else []
        for child in values:
            walk(child)

    walk(tree)
    return bool(found)


SERVICE_QUERIES = st.builds(
    lambda before, keyword, after: f"SELECT * WHERE {{ {before}{keyword} <http://127.0.0.1:9/> "
                                   f"{{ ?a ?b ?c }} {after} }}",
    st.sampled_from(["", "?s ?p ?o .", '?s ?p "x"@en.', "?s ?p true.", "?s ?p 1.", "{ } ",
                     "FILTER EXISTS { ", "OPTIONAL { ", "MINUS { ", "# SERVICE\n", "?s ?p 'q'."]),
    st.sampled_from(["SERVICE", "service", "Service", "SERVICE SILENT"]),
    st.sampled_from(["", "}", "} ?x ?y ?z"]))


@SETTINGS
@given(text=SERVICE_QUERIES | QUERY_TEXT)
def test_the_guard_refuses_every_service_pattern_a_parser_finds(text):
    if _rdflib_sees_service(text):
        assert uses_service(text), text


PARAMETER_VALUES = st.one_of(
    st.text(max_size=40), st.integers(-10**30, 10**30).map(str),
    st.sampled_from(["", "0", "-1", "9999-12-31", "0001-01-01", "2024-10", "2024-02-30", "../..",
                     "javascript:alert(1)", "<script>", "\x00", "\ud800".encode("utf-8", "surrogatepass")
                     .decode("utf-8", "replace"), "%", "a" * 5000, "type", "json", "ttl"]))
PATHS = ["/", "/timeline.json", "/query", "/query.json", "/query.csv", "/sparql", "/event/x",
         "/actor/x.json", "/source/x", "/.well-known/void", "/dumps/kb.nq", "/ontology"]
NAMES = ["from", "to", "margin", "lanes", "type", "actor", "source", "status", "q", "event", "page",
         "format", "default-graph-uri", "named-graph-uri", "query", "name", "param.actor", "view", "run"]


@SETTINGS
@given(path=st.sampled_from(PATHS),
       parameters=st.dictionaries(st.sampled_from(NAMES), PARAMETER_VALUES, max_size=4),
       accept=st.sampled_from(["text/html", "application/json", "*/*", "text/turtle", "x/y", ""]))
def test_every_parameter_gets_an_answer_or_a_clear_error(fuzz_client, path, parameters, accept):
    response = fuzz_client.get(path, query_string=parameters, headers={"Accept": accept})
    _assert_clean(response)


def test_after_the_fuzzing_the_workers_still_answer(fuzz_client):
    response = fuzz_client.get("/sparql?query=ASK%7B%7D&format=json")
    assert response.status_code == 200 and response.get_json()["boolean"] is True
