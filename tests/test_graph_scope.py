"""``GRAPH ?g { { SELECT ... } }`` binds ``?g`` to each named graph (SPARQL 1.1, section 18.6).

Oxigraph 0.5 leaves ``?g`` unbound there and evaluates the subquery over all graphs at once; the
knowledge base rewrites such queries (kb/sparql_text.py), on the embedded store, through the
endpoint and over a remote ``oxigraph serve``.
"""

from __future__ import annotations

import json

import pytest
from pyoxigraph import Literal as Lit
from pyoxigraph import NamedNode, Quad

from kb.sparql_text import scope_graph_variables
from kb.store import open_kb
from kb.vocab import PREFIXES
from tests.conftest import TEST_BASE, make_app
from tests.helpers_server import oxigraph_server

ARTICLE = f"{TEST_BASE}id/graph/ain-2024-10-hamas-rejects-safe-passage"
#: Offers in each claim graph of the seed article: three in the article's own voice (the standing
#: free-passage offers, Barnea's January offer, Hamas's July proposal), Barnea's October offer as the
#: Journal reported it, and Israel's reiterated offer as Falk said it.
SEED_OFFERS = {ARTICLE: 3, f"{ARTICLE}/wsj": 1, f"{ARTICLE}/falk": 1}
#: The same count without a subquery (what the standard gives; Oxigraph gets this form right).
PLAIN_COUNT = "SELECT ?g (COUNT(?offer) AS ?offers) WHERE { GRAPH ?g { ?offer a kbo:Offer } } GROUP BY ?g"
COUNT_PER_GRAPH = """SELECT ?g ?offers WHERE {
  GRAPH ?g { { SELECT (COUNT(?offer) AS ?offers) WHERE { ?offer a kbo:Offer } } }
}"""
KILLINGS_WITH_GRAPH = ("SELECT ?g ?killing WHERE { GRAPH ?g { "
                       "{ SELECT ?killing WHERE { ?killing a kbo:Killing } } } }")


def test_a_subquery_inside_graph_keeps_the_graph_name(seeded_store):
    with open_kb(seeded_store, read_only=True) as kb:
        rows = kb.select(KILLINGS_WITH_GRAPH, prefixes=PREFIXES)
    assert sorted((row["g"].value, row["killing"].value) for row in rows) == [
        (ARTICLE, f"{TEST_BASE}id/event/deif-killing-2024-07-13"),
        (ARTICLE, f"{TEST_BASE}id/event/sinwar-killing-2024-10"),
    ]


def offers_per_graph(store) -> dict[str, int]:
    """Offers in each graph of ``store`` by the plain count; the seed article's as it says."""
    with open_kb(store, read_only=True) as kb:
        rows = kb.select(PLAIN_COUNT, prefixes=PREFIXES)
    found = {row["g"].value: int(row["offers"].value) for row in rows}
    assert {g: n for g, n in found.items() if g.startswith(ARTICLE)} == SEED_OFFERS
    return found


def test_an_aggregate_inside_graph_counts_within_each_graph(seeded_store):
    expected = offers_per_graph(seeded_store)
    with open_kb(seeded_store, read_only=True) as kb:
        rows = kb.select(COUNT_PER_GRAPH, prefixes=PREFIXES)
    assert {row["g"].value: int(row["offers"].value) for row in rows} == expected


def test_the_graph_is_not_a_filter_the_subquery_escapes(tmp_path):
    ex = "http://example.com/"
    with open_kb(tmp_path / "store") as kb:
        kb.backend.store.add(Quad(NamedNode(ex + "a"), NamedNode(ex + "p"), Lit("1"), NamedNode(ex + "g1")))
        kb.backend.store.add(Quad(NamedNode(ex + "b"), NamedNode(ex + "p"), Lit("2"), NamedNode(ex + "g2")))
        rows = kb.select(f"SELECT ?g ?s WHERE {{ VALUES ?g {{ <{ex}g1> }} "
                         "GRAPH ?g { { SELECT ?s WHERE { ?s ?p ?o } } } }")
    assert [(row["g"].value, row["s"].value) for row in rows] == [(ex + "g1", ex + "a")]


def test_the_endpoint_answers_per_graph(seeded_store):
    app = make_app(seeded_store)
    try:
        response = app.test_client().get("/sparql", query_string={"query": COUNT_PER_GRAPH},
                                         headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200
        bindings = json.loads(response.data)["results"]["bindings"]
        answered = {b["g"]["value"]: int(b["offers"]["value"]) for b in bindings}
        assert answered == offers_per_graph(seeded_store)
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


def test_over_a_remote_oxigraph_the_same_answer(seeded_store, tmp_path):
    with open_kb(seeded_store, read_only=True) as kb:
        dataset = kb.dump("nquads")
    with oxigraph_server() as root:
        remote = open_kb(root)
        remote.backend._request(f"{root}/store", data=dataset, method="POST",
                                headers={"Content-Type": "application/n-quads"}, what="load")
        rows = remote.select(COUNT_PER_GRAPH, prefixes=PREFIXES)
    assert {row["g"].value: int(row["offers"].value) for row in rows} == offers_per_graph(seeded_store)


def test_a_syntax_error_still_points_at_the_users_text(seeded_store):
    broken = "SELECT ?g ?s WHERE {\n  GRAPH ?g { { SELECT ?s WHERE { ?s ?p ?o } } } }\n  FILTER(?s = ) }"
    with open_kb(seeded_store, read_only=True) as kb, pytest.raises(Exception) as raised:
        kb.select(broken)
    assert "3:" in str(raised.value) or "line 3" in str(raised.value)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { GRAPH ?g { { SELECT * WHERE { ?s ?p ?o } } } }",
    "SELECT ?g WHERE { GRAPH ?g { { SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } } } }",
    "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }",
    "SELECT ?g WHERE { GRAPH ?g { ?s ?p '{ SELECT ?x WHERE { } }' } }",
])
def test_queries_the_rewrite_does_not_apply_to_are_left_as_written(query):
    assert scope_graph_variables(query) == query


def test_the_rewrite_adds_the_graph_to_projection_and_grouping():
    assert scope_graph_variables(
        "SELECT ?g ?n WHERE { GRAPH ?g { { SELECT DISTINCT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s } } }"
    ) == ("SELECT ?g ?n WHERE { GRAPH ?g { { SELECT DISTINCT ?g ?s (COUNT(*) AS ?n) { ?s ?p ?o } "
          "GROUP BY ?g ?s } } }")
