"""The answer cache: the same on the embedded store and over a remote one, keyed on everything an
answer depends on, and never giving an answer from before a load.

Real parts: on-disk stores, the real app, a real ``oxigraph serve`` and ``kb serve`` on 127.0.0.1.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Variable

from kb.cli import main
from tests.conftest import TEST_BASE, make_app, make_store
from tests.helpers_server import kb_server, oxigraph_server
from tests.support import DATA, variant
from webapp.sparql.cache import cache_key
from webapp.sparql.run import Job

OFFER = "Ann Example offers the Movement a ceasefire"


def _named(name: str, **params: str) -> dict:
    return {"name": name, "run": "1", **{f"param.{key}": value for key, value in params.items()}}


def _labels(response) -> list[str]:
    assert response.status_code == 200, response.data[:300]
    return sorted(row["label"]["value"] for row in response.get_json()["result"]["results"]["bindings"])


def test_a_named_query_with_parameters_is_cached_and_answers_the_same_on_both_stores(tmp_path):
    """Asked again, a named query with a bound parameter is answered from the cache, embedded and
    remote alike, and both stores give the same rows: once the store cannot answer any more (the
    query workers stopped, the remote server stopped), the same question is still answered, the
    same with another parameter is not."""
    embedded = make_store(tmp_path / "store", [DATA / "minimal.yaml"])
    ask = _named("actor-timeline", actor="ann-example")
    other = _named("actor-timeline", actor="the-movement")
    near = make_app(embedded, QUERY_TIMEOUT=60.0)  # workers start slowly on a busy machine
    try:
        with oxigraph_server(tmp_path / "remote") as store:
            make_store(store, [DATA / "minimal.yaml"])
            far = make_app(store, QUERY_TIMEOUT=60.0)
            first = {app: _labels(app.test_client().get("/query.json", query_string=ask))
                     for app in (near, far)}
        near.extensions["sparql"].close()  # neither store can answer now
        for app in (near, far):
            app.extensions["sparql"].timeout = 1.0  # what cannot be answered fails in a second
            client = app.test_client()
            assert first[app] == [OFFER]
            assert _labels(client.get("/query.json", query_string=ask)) == first[app]
            assert client.get("/query.json", query_string=other).status_code >= 500
        far.extensions["sparql"].close()
    finally:
        near.extensions["kb"].close()


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def _served_labels(root: str, **params: str) -> list[str]:
    body = _get_json(f"{root}/query.json?{urllib.parse.urlencode(_named('actor-timeline', **params))}")
    return sorted(row["label"]["value"] for row in body["result"]["results"]["bindings"])


def _update(store: str, sparql: str) -> None:
    request = urllib.request.Request(f"{store}/update", data=sparql.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with urllib.request.urlopen(request, timeout=30):
        pass


def test_a_cached_answer_is_dropped_after_a_load_through_another_instance(tmp_path):
    """A ``kb serve`` over a remote store keeps its answer while the store's load generation stays
    (a change made behind kb's back is not seen: the answer is the cached one), and gives the new
    data within seconds of a load made by another ``kb`` over the same store."""
    changed = "Ann Example offers the Movement a truce"
    with oxigraph_server(tmp_path / "data") as store:
        assert CliRunner().invoke(main, ["--store", store, "load", str(DATA / "minimal.yaml")]).exit_code == 0
        with kb_server(store, extra=("--processes", "1")) as root:
            assert _served_labels(root, actor="ann-example") == [OFFER]
            _update(store, f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                DELETE {{ GRAPH ?g {{ ?e rdfs:label "{OFFER}" }} }}
                INSERT {{ GRAPH ?g {{ ?e rdfs:label "behind kb's back" }} }}
                WHERE {{ GRAPH ?g {{ ?e rdfs:label "{OFFER}" }} }}""")
            time.sleep(1.5)  # past the app's next look at the load generation
            fresh = _served_labels(root, actor="the-movement")  # not asked before: from the store
            assert "behind kb's back" in fresh and OFFER not in fresh
            assert _served_labels(root, actor="ann-example") == [OFFER]  # cached, same generation
            moved = variant(tmp_path, {f"label: {OFFER}": f"label: {changed}"})
            result = CliRunner().invoke(main, ["--store", store, "load", str(moved)])
            assert result.exit_code == 0, result.output
            deadline = time.monotonic() + 15
            while _served_labels(root, actor="ann-example") != [changed]:
                assert time.monotonic() < deadline, "the cached answer outlived the load by 15 s"
                time.sleep(0.2)


def test_the_key_holds_everything_an_answer_depends_on():
    """Two jobs share a key only when text, parameters, prefixes, base, dataset, formats, row limit
    and load generation are all the same; a query whose answer changes by itself has none."""
    text = "SELECT ?event ?actor WHERE { ?event <urn:p> ?actor }"
    job = Job(text, substitutions={Variable("actor"): NamedNode("urn:a")}, base=TEST_BASE)
    assert cache_key(job, 1) == cache_key(Job(text, substitutions={Variable("actor"): NamedNode("urn:a")},
                                              base=TEST_BASE), 1)
    others = [
        Job(text, substitutions={Variable("actor"): NamedNode("urn:b")}, base=TEST_BASE),
        Job(text, substitutions={Variable("actor"): Literal("urn:a")}, base=TEST_BASE),
        Job(text, substitutions={Variable("event"): NamedNode("urn:a")}, base=TEST_BASE),
        Job(text, base=TEST_BASE),
        Job(text, substitutions={Variable("actor"): NamedNode("urn:a")}, base="http://other.test/"),
        Job(text, "xml", substitutions={Variable("actor"): NamedNode("urn:a")}, base=TEST_BASE),
        Job(text, row_limit=5, substitutions={Variable("actor"): NamedNode("urn:a")}, base=TEST_BASE),
        Job(text, substitutions={Variable("actor"): NamedNode("urn:a")}, base=TEST_BASE,
            default_graph=("urn:g",)),
        Job(text, substitutions={Variable("actor"): NamedNode("urn:a")}, base=TEST_BASE,
            prefixes={"ex": "urn:x:"}),
    ]
    keys = {cache_key(other, 1) for other in others} | {cache_key(job, 2)}
    assert cache_key(job, 1) not in keys and len(keys) == len(others) + 1
    for volatile in ("SELECT (NOW() AS ?t) {}", "SELECT (rand() AS ?r) {}", "SELECT (STRUUID() AS ?u) {}"):
        assert cache_key(Job(volatile), 1) is None
    service = "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert cache_key(Job(service, allow_service=True), 1) is None
    assert cache_key(Job('SELECT ("NOW()" AS ?t) {} # RAND()'), 1) is not None  # words in strings



def test_serving_processes_share_answers_within_one_load_generation(seeded_store):
    """What one serving process answered, another gives without running it (as ``kb serve``'s
    processes do, over its supervisor's folder), and only while the store's load generation stays:
    after a load each asks the store again. Real parts: the store, the supervisor's fast lane and
    its workers, two query services over the store as two serving processes hold them."""
    from kb.store import mark_changed, open_kb
    from webapp.sparql.cost import exact_text, query_shape
    from webapp.sparql.service import QueryService
    from webapp.sparql.shared import LaneHost

    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    keys = (exact_text(text), query_shape(text))
    host = LaneHost(str(seeded_store), 1)
    host.start()
    try:
        with open_kb(seeded_store, read_only=True) as one, open_kb(seeded_store, read_only=True) as two:
            first = QueryService(one, 20, shared=host.describe())
            second = QueryService(two, 20, shared=host.describe())
            try:
                answered = first.run(Job(text))
                shared = second.run(Job(text))
                never_ran = second.history.seconds(keys[:1])  # its own runs (shapes' costs are shared)
                mark_changed(seeded_store)  # a load through another kb: the generation moves on
                second.reopened(two)  # what the app does before its next request
                again = second.run(Job(text))
                ran = second.history.seconds(keys[:1])
            finally:
                first.close()
                second.close()
        folder = Path(host.folder) / "answers"
        mode = folder.stat().st_mode & 0o777
    finally:
        host.close()
    assert json.loads(answered.body)["results"]["bindings"][0]["n"]["value"] != "0"
    assert shared.body == answered.body and never_ran is None  # the second never asked the store
    assert again.body == answered.body and ran is not None  # asked again after the load
    assert mode == 0o700 and not folder.exists()  # only its user's; gone with kb serve


def test_shared_answers_stay_within_their_bound(tmp_path):
    """Past its bound the folder drops its oldest answers; an answer too large is never kept."""
    from webapp.sparql.cache import CACHE_ENTRY_LIMIT, SharedAnswers
    from webapp.sparql.run import Answer

    shared = SharedAnswers(tmp_path / "answers", max_bytes=20_000)
    for number in range(SharedAnswers.SWEEP_EVERY * 2):
        shared.put(("g", number), Answer(b"x" * 1000, "json", "select", 1))
    sizes = sum(path.stat().st_size for path in (tmp_path / "answers").iterdir())
    assert sizes <= 20_000
    assert shared.get(("g", SharedAnswers.SWEEP_EVERY * 2 - 1)).body == b"x" * 1000  # the newest kept
    assert shared.get(("g", 0)) is None  # the oldest gone
    shared.put(("g", "large"), Answer(b"y" * (CACHE_ENTRY_LIMIT + 1), "json", "select", 1))
    assert shared.get(("g", "large")) is None
