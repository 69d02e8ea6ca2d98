"""The knowledge base over a remote SPARQL 1.1 store: a real ``oxigraph serve`` on 127.0.0.1.

The same ``kb`` commands load the same files into the embedded store and into the remote one; every
named query must then give the same answers, and so must the web app over either.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from pyoxigraph import CanonicalizationAlgorithm, Dataset, Literal, NamedNode, RdfFormat, Variable, parse

import kb
from kb import open_kb, queries
from kb.cli import main
from kb.errors import QueryError, StoreError
from kb.sparql_text import substitute
from kb.store.remote import RemoteBackend
from kb.vocab import PREFIXES
from tests.helpers_server import oxigraph_server
from tests.support import DATA, data_count

pytestmark = pytest.mark.remote

PARAMS = {"actor-timeline": ["--param", "actor=david-barnea"],
          "timeline": ["--param", "from=2024-07-01", "--param", "to=2024-10-31"],
          "offer-thread": ["--param", "offer=egypt-two-day-proposal-2024-10-27"],
          "term-changes": ["--param", "offer=egypt-two-day-proposal-2024-10-27"]}


def cli(store: str, *args: str):
    return CliRunner().invoke(main, ["--store", store, *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "data", extra=("--timeout-s", "3")) as root:
        result = cli(root, "load")
        assert result.exit_code == 0, result.output
        yield root


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("embedded") / "store")
    result = cli(path, "load")
    assert result.exit_code == 0, result.output
    return path


def answer(store: str, name: str) -> list[dict]:
    result = cli(store, "query", name, *PARAMS.get(name, []), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["results"]["bindings"]


# --- the same loads and the same answers -------------------------------------------------------

def test_load_reports_the_same_files_and_quads(remote, embedded, tmp_path):
    # loading again replaces whole graphs, so the output (and the store) is the same as the first time
    def untimed(output: str) -> str:  # the summary's time and rate differ from run to run
        return re.sub(r" in [0-9.]+ s \([0-9,]+ quads/s\)", "", output)

    assert untimed(cli(remote, "load").output) == untimed(cli(embedded, "load").output)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_named_query_answers_as_on_the_embedded_store(remote, embedded, name):
    assert answer(remote, name) == answer(embedded, name)


def test_stats_are_the_same(remote, embedded):
    assert cli(remote, "stats").output == cli(embedded, "stats").output


@pytest.mark.parametrize("name", ["trig", "nquads"])
def test_export_gives_the_same_dataset(remote, embedded, tmp_path, name):
    def exported(store: str) -> set:
        target = tmp_path / f"{abs(hash(store))}.{name}"
        assert cli(store, "export", "--format", name, "--output", str(target)).exit_code == 0
        rdf_format = RdfFormat.TRIG if name == "trig" else RdfFormat.N_QUADS
        data = Dataset(parse(path=str(target), format=rdf_format))
        data.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
        return set(data)

    assert exported(remote) == exported(embedded)


def test_validate_runs_over_the_remote_store(remote, embedded):
    assert cli(remote, "validate").output == cli(embedded, "validate").output


def test_the_store_can_come_from_the_environment(remote, embedded):
    by_env = CliRunner().invoke(main, ["stats"], env={"KB_STORE": remote}, catch_exceptions=False)
    assert by_env.exit_code == 0
    assert by_env.output == cli(embedded, "stats").output


def test_python_api_over_the_remote_store(remote, embedded):
    with kb.open(remote) as far, kb.open(embedded, read_only=True) as near:
        assert far.remote and not near.remote
        by_name = {"actor": "David Barnea"}
        assert far.run("actor-timeline", **by_name) == near.run("actor-timeline", **by_name)
        assert sorted(g.value for g in far.graphs()) == sorted(g.value for g in near.graphs())


def test_a_bad_file_changes_nothing_remotely(remote, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("date:", "date: 2024-02-30 #", 1), encoding="utf-8")
    shutil.copy(DATA / "minimal.txt", tmp_path / "minimal.txt")
    with open_kb(remote) as base:
        before = base.count()
        result = cli(remote, "load", str(bad))
        assert result.exit_code == 1
        assert base.count() == before


def test_an_unreachable_store_is_one_clear_line(tmp_path):
    result = cli("http://127.0.0.1:9", "stats")
    assert result.exit_code == 1
    assert result.output.startswith("Error: http://127.0.0.1:9/query: cannot reach the remote store")


def test_bulk_loads_go_through_the_graph_store_protocol(tmp_path, monkeypatch):
    from kb import load as loader

    monkeypatch.setattr(loader, "VALIDATE_LIMIT", 0)  # every RDF file takes the bulk path
    graph = "http://example.org/graph/bulk"
    nquads = tmp_path / "bulk.nq"
    nquads.write_text(f'<http://example.org/s> <http://example.org/p> "one" <{graph}> .\n'
                      f'<http://example.org/s> <http://example.org/p> "two" <{graph}> .\n', encoding="utf-8")
    turtle = tmp_path / "more.ttl"
    turtle.write_text('<http://example.org/t> <http://example.org/p> "three" .\n', encoding="utf-8")
    with oxigraph_server(tmp_path / "data") as root:
        for _ in range(2):  # the second load replaces the graphs of the first
            assert cli(root, "load", str(nquads)).exit_code == 0
            assert cli(root, "load", str(turtle)).exit_code == 0
        with open_kb(root) as base:
            assert data_count(base) == 3
            data_graphs = {g.value for g in base.graphs() if not g.value.endswith("/_loads")}
            assert data_graphs == {graph, "http://localhost:5000/id/graph/file-more"}


def test_the_timeline_index_is_kept_in_step_on_the_remote_store(tmp_path):
    """Each load sends the index's upkeep to the update endpoint: a window reads the same events
    over either store, also after a second source is loaded and then moved in time."""
    from datetime import date

    from kb.timeline.window import window
    from tests.support import variant

    windows = [(date(2024, 10, 1), date(2024, 10, 31)), (date(2024, 1, 1), date(2024, 1, 31)),
               (date(2024, 2, 1), date(2024, 2, 29)), (date(2023, 5, 1), date(2023, 5, 31))]

    def events(store: str) -> list[list[str]]:
        with open_kb(store) as base:
            return [[e.iri for e in window(base, first, last)] for first, last in windows]

    moved = variant(tmp_path, {"edtf: 2024-02-26/2024-03-03": "edtf: 2023-05-10"})
    embedded = str(tmp_path / "embedded")
    with oxigraph_server(tmp_path / "data") as remote:
        for store in (remote, embedded):
            assert cli(store, "load").exit_code == 0
        assert events(remote)[0] and events(remote) == events(embedded)
        for store in (remote, embedded):
            for path in (DATA / "minimal.yaml", moved):
                result = cli(store, "load", str(path))
                assert result.exit_code == 0, result.output
        assert events(remote) == events(embedded)
        assert any(iri.endswith("/test-offer") for iri in events(remote)[3])
        assert not any(iri.endswith("/test-offer") for iri in events(remote)[2])


@pytest.mark.parametrize("left_out", ["every derived quad", "the middle days"])
def test_a_bulk_load_without_timeline_quads_gets_them_on_the_remote_store(tmp_path, monkeypatch, left_out):
    """The rows (or only their middle days) a file came without are derived a few graphs a request
    and sent a batch at a time (at 1M events one request reading every event timed out)."""
    import sys
    from pathlib import Path

    from pyoxigraph import serialize

    from kb import load as loader
    from kb.load import bulk
    from kb.store import remote as remote_module
    from kb.timeline.rows import DERIVED
    from kb.timeline.window import actor_events, window
    from kb.vocab import KBO, Minter

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import synthetic

    monkeypatch.setattr(loader, "VALIDATE_LIMIT", 0)  # the bulk path: streamed by the Graph Store Protocol
    monkeypatch.setattr(bulk, "REMOTE_READ_BATCH", 7)  # many small requests, as at 1M events
    monkeypatch.setattr(remote_module, "ADD_BATCH", 50)
    written = tmp_path / "synthetic.nq"
    synthetic.write_nquads(written, 120, seed=2)
    quads = list(parse(path=str(written), format=RdfFormat.N_QUADS))
    bare = tmp_path / "bare.nq"
    dropped = DERIVED if left_out == "every derived quad" else {KBO.midDay}
    serialize([q for q in quads if q.predicate not in dropped], output=str(bare), format=RdfFormat.N_QUADS)
    events = list(synthetic.events(120, seed=2))
    first = min(e.date.earliest for e in events)
    last = max(e.date.latest for e in events)
    busy = Minter().actor(synthetic.BUSY_ACTOR).value
    with oxigraph_server(tmp_path / "data") as root:
        result = cli(root, "load", str(bare))
        assert result.exit_code == 0, result.output
        with open_kb(root) as base:
            counted = int(base.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s kbo:eventCounts ?c } }",
                                      prefixes=PREFIXES)[0]["n"].value)
            assert counted > 0  # the counts the load adds (the generator writes none)
            marking = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s kbo:countsComplete true } }"
            marks = int(base.select(marking, prefixes=PREFIXES)[0]["n"].value)
            assert marks == 1  # the load found every row with its middle day: the counts are complete
            assert data_count(base) == len(quads) + counted + marks  # the derived quads are back, as written
            found = {event.iri for event in window(base, first, last)}
            assert found == {Minter().event(e.slug).value for e in events}
            middle = sorted(e.date.earliest for e in events)[60]
            assert {e.iri for e in window(base, middle, middle)} == {
                Minter().event(e.slug).value for e in events if e.date.earliest <= middle <= e.date.latest}
            assert len(actor_events(base, busy)) == 12


# --- the web app over the remote store ---------------------------------------------------------

@pytest.fixture(scope="module")
def remote_app(remote):
    from webapp import create_app

    application = create_app({"TESTING": True, "KB_STORE": remote, "QUERY_TIMEOUT": 1.0})
    yield application
    application.extensions["sparql"].close()


def test_sparql_endpoint_over_the_remote_store(remote_app, embedded):
    query = "SELECT ?event ?label WHERE { ?event a kbo:Offer ; rdfs:label ?label } ORDER BY ?event"
    response = remote_app.test_client().get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    rows = [(b["event"]["value"], b["label"]["value"]) for b in response.get_json()["results"]["bindings"]]
    with kb.open(embedded, read_only=True) as near:
        assert rows == [(r["event"].value, r["label"].value)
                        for r in near.select(query, prefixes=PREFIXES)]


def test_the_query_page_over_the_remote_store(remote_app, embedded):
    response = remote_app.test_client().get(
        "/query.json", query_string={"name": "actor-timeline", "param.actor": "david-barnea", "run": "1"})
    events = [b["event"]["value"] for b in response.get_json()["result"]["results"]["bindings"]]
    with kb.open(embedded, read_only=True) as near:
        assert events == [row["event"] for row in near.run("actor-timeline", actor="david-barnea")]


def test_remote_errors_keep_their_meaning(remote_app):
    client = remote_app.test_client()
    syntax = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"},
                        headers={"Accept": "application/json"})
    assert syntax.status_code == 400 and syntax.get_json()["line"] == 1
    update = client.get("/sparql", query_string={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert update.status_code == 400 and b"read-only" in update.data


def test_a_runaway_query_on_the_remote_store_is_cut_off(remote_app):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = remote_app.test_client().get("/sparql", query_string={"query": query})
    assert response.status_code == 503
    assert b"did not answer within 1 s" in response.data


# --- explicit endpoints, as for Fuseki, GraphDB, QLever, Virtuoso -----------------------------

def test_explicit_endpoints_and_union_by_listing_graphs(remote, embedded):
    backend = RemoteBackend("http://unused.invalid", environ={
        "KB_STORE_QUERY": f"{remote}/query", "KB_STORE_GSP": f"{remote}/store"})
    assert backend.union_mode == "graphs"
    far = kb.KnowledgeBase(backend, "explicit")
    with kb.open(embedded, read_only=True) as near:
        assert far.run("timeline") == near.run("timeline")
        assert far.run("sources") == near.run("sources")


def test_an_unknown_union_mode_is_refused():
    with pytest.raises(StoreError) as raised:
        RemoteBackend("http://127.0.0.1:1", environ={"KB_STORE_UNION": "magic"})
    assert "oxigraph, native, graphs" in str(raised.value)


# --- parameters as substitutions, rewritten for the protocol -----------------------------------

def test_substitution_keeps_strings_iris_and_comments():
    text = 'SELECT ?x WHERE { ?x <http://e/?x> "?x" . # ?x\n FILTER(BOUND(?x)) }'
    rewritten = substitute(text, {Variable("x"): NamedNode("http://e/a")})
    assert rewritten == ('SELECT (<http://e/a> AS ?x) WHERE { <http://e/a> <http://e/?x> "?x" . # ?x\n'
                         ' FILTER(true) }')


def test_substitution_in_group_by_and_subqueries():
    text = "SELECT ?a ?n WHERE { { SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a } } ORDER BY ?a"
    rewritten = substitute(text, {Variable("a"): Literal("v")})
    assert rewritten == ('SELECT ("v" AS ?a) ?n WHERE { { SELECT  (COUNT(*) AS ?n) WHERE { "v" ?p ?o } '
                         'GROUP BY ("v") } } ORDER BY ("v")')


@pytest.mark.parametrize("text", ["SELECT ?y WHERE { BIND(1 AS ?x) }", "SELECT ?y WHERE { VALUES ?x { 1 } }",
                                  "SELECT ?y WHERE { VALUES (?z ?x) { (1 2) } }"])
def test_a_query_that_binds_the_parameter_itself_cannot_be_rewritten(text):
    with pytest.raises(QueryError):
        substitute(text, {Variable("x"): Literal("v")})


# --- a stateless web tier: several kb serve over one remote store -------------------------------

def _labels(root: str, query: str = "") -> set[str]:
    import urllib.request

    with urllib.request.urlopen(f"{root}/timeline.json{query}", timeout=30) as response:
        view = json.load(response)
    return {event["label"] for event in view["events"]}


def _page_label(root: str) -> str:
    import urllib.request

    with urllib.request.urlopen(f"{root}/event/test-offer.json", timeout=30) as response:
        return json.load(response)["label"]


def _sparql_labels(root: str) -> set[str]:
    import urllib.parse
    import urllib.request

    query = "SELECT ?label WHERE { ?event a kbo:Offer ; rdfs:label ?label }"
    request = urllib.request.Request(f"{root}/sparql?{urllib.parse.urlencode({'query': query})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {row["label"]["value"] for row in json.load(response)["results"]["bindings"]}


def test_two_web_instances_over_one_remote_store_both_serve_a_load_within_seconds(tmp_path):
    import time

    from tests.helpers_server import kb_server
    from tests.support import variant

    before, after = "Ann Example offers the Movement a ceasefire", "Ann Example offers the Movement a truce"
    month = "?from=2024-02-01&to=2024-03-31"
    with oxigraph_server(tmp_path / "data") as store:
        assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
        with kb_server(store, extra=("--processes", "1")) as one, \
                kb_server(store, extra=("--processes", "2")) as two:
            for root in (one, two):  # the whole timeline, a month, the endpoint (its answer cached)
                assert before in _labels(root) and before in _labels(root, month)
                assert _sparql_labels(root) == {before} and _sparql_labels(root) == {before}
                assert _page_label(root) == before == _page_label(root)  # built, then remembered
            moved = variant(tmp_path, {f"label: {before}": f"label: {after}"})
            result = cli(store, "load", str(moved))
            assert result.exit_code == 0, result.output
            loaded = time.monotonic()
            pending = {one, two}
            while pending and time.monotonic() - loaded < 15:
                for root in list(pending):
                    if after in _labels(root) and after in _labels(root, month) and \
                            _sparql_labels(root) == {after} and _page_label(root) == after:
                        pending.discard(root)
                time.sleep(0.2)
            assert not pending, f"still serving the old data 15 s after the load: {pending}"
            for root in (one, two):
                assert before not in _labels(root) | _labels(root, month)


def test_a_load_gives_the_remote_store_a_new_generation_no_export_shows(tmp_path):
    with oxigraph_server(tmp_path / "data") as store:
        with open_kb(store) as base:
            assert base.generation() is None and not base.has_graphs()
            assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
            first = base.generation()
            assert first and base.has_graphs()
            assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
            assert base.generation() not in (None, first)
            for name in ("nquads", "turtle"):  # the stamp is the loader's bookkeeping, not data
                dumped = base.dump(name).decode()
                assert "urn:x-kb:generation" not in dumped and "Ann Example" in dumped


@pytest.mark.parametrize("suffix, broken", [
    ("nq", '<http://example.org/s> <http://example.org/p> "two <http://example.org/g> .\n'),
    ("nt", '<http://example.org/s> <http://example.org/p> "two .\n'),
])
def test_a_malformed_bulk_file_sends_nothing_to_the_remote_store(tmp_path, monkeypatch, suffix, broken):
    from kb import load as loader

    monkeypatch.setattr(loader, "VALIDATE_LIMIT", 0)  # the bulk path
    bad = tmp_path / f"bad.{suffix}"
    graph = " <http://example.org/g>" if suffix == "nq" else ""
    good = f'<http://example.org/s> <http://example.org/p> "one"{graph}'
    bad.write_text(f"{good} .\n" * 1000 + broken, encoding="utf-8")
    with oxigraph_server(tmp_path / "data") as store:
        assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
        with open_kb(store) as base:
            before, stamp = base.count(), base.generation()
            result = CliRunner().invoke(main, ["--store", store, "load", str(bad)])
            assert result.exit_code == 1
            assert len(result.output.strip().splitlines()) == 1, result.output
            assert f"bad.{suffix}" in result.output and "line 1001" in result.output.replace(":", " ")
            assert "Traceback" not in result.output
            assert base.count() == before and base.generation() == stamp


def test_a_bulk_load_replaces_its_graphs_and_keeps_the_timeline_in_step(tmp_path, monkeypatch):
    from datetime import date

    from kb import load as loader
    from kb.timeline.window import window

    with oxigraph_server(tmp_path / "data") as store:
        assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
        with open_kb(store) as base:
            dumped = tmp_path / "all.nq"
            dumped.write_bytes(base.dump("nquads"))
            graphs, quads, stamp = set(base.graphs()), base.count(), base.generation()
        monkeypatch.setattr(loader, "VALIDATE_LIMIT", 0)  # the bulk path, twice: the same store
        for _ in range(2):
            result = cli(store, "load", "--replace", str(dumped))
            assert result.exit_code == 0, result.output
        with open_kb(store) as base:
            assert set(base.graphs()) == graphs and base.count() == quads
            assert base.generation() != stamp
            labels = {event.label for event in window(base, date(2024, 2, 1), date(2024, 3, 31))}
            assert "Ann Example offers the Movement a ceasefire" in labels


def test_the_extent_read_from_the_stored_index_is_the_extent_of_every_event(tmp_path):
    from datetime import date

    from kb.timeline import window
    from kb.vocab import Minter
    from tests.support import variant

    long_ago = variant(tmp_path, {"edtf: 2024-02-26/2024-03-03": "edtf: 1990/2030"})
    with oxigraph_server(tmp_path / "data") as store:
        for path in (DATA / "minimal.yaml", long_ago):  # dates listed by years beside those by months
            assert cli(store, "load", str(path)).exit_code == 0
            with open_kb(store) as base:
                scanned = base.select(window._EXTENT, prefixes=PREFIXES)[0]
                assert window.extent_from_index(base, Minter()) == (
                    date.fromisoformat(scanned["first"].value), date.fromisoformat(scanned["last"].value))


def test_reindex_over_a_remote_store_derives_what_it_lacks(tmp_path):
    """A remote store an earlier version loaded lacks the derived graphs: kb reindex writes them
    again, to what the load had written, and gives the store a new load generation."""
    from kb.vocab import Minter

    minter = Minter()
    with oxigraph_server(tmp_path / "data") as store:
        assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
        with open_kb(store) as base:
            loaded, stamp = set(parse(base.dump("nquads"), format=RdfFormat.N_QUADS)), base.generation()
            base.backend.update(" ;\n".join(f"DROP SILENT GRAPH {minter.graph(slug)}"
                                            for slug in ("_counts", "_conflicts", "_timeline")))
        assert "kb reindex" in cli(store, "status").output
        result = cli(store, "reindex")
        assert result.exit_code == 0 and "Derived" in result.output, result.output
        with open_kb(store) as base:
            assert set(parse(base.dump("nquads"), format=RdfFormat.N_QUADS)) == loaded
            assert base.generation() != stamp
        assert "Nothing to derive" in cli(store, "reindex").output


# --- entity pages: the same content over either store --------------------------------------------

_ENTITIES = """SELECT DISTINCT ?thing WHERE {
  { ?thing kbo:edtf ?date } UNION { ?thing a sem:Actor } UNION { ?thing a schema:NewsArticle }
}"""


def test_every_entity_page_is_the_same_over_the_remote_store(remote, embedded):
    """Every event, actor and source page (whose parts a remote store is asked for at once) holds
    exactly what the embedded store's does."""
    from kb.pages.actor import actor_page
    from kb.pages.event import event_page
    from kb.pages.source import source_page
    from kb.vocab import Minter

    builders = {"event": event_page, "actor": actor_page, "source": source_page}
    minter = Minter()
    near, far = open_kb(embedded, read_only=True), open_kb(remote)
    try:
        things = [minter.split(row["thing"].value) for row in near.select(_ENTITIES, prefixes=PREFIXES)]
        wanted = [(kind, slug) for kind, slug in filter(None, things) if kind in builders]
        assert {kind for kind, _ in wanted} == set(builders)
        for kind, slug in wanted:
            assert builders[kind](far, minter, slug) == builders[kind](near, minter, slug), (kind, slug)
    finally:
        near.close()


def test_deriving_over_a_remote_store_waits_as_long_as_the_store_takes(tmp_path):
    """The loader's reads grow with the store (at 1M events single requests took minutes, past the
    backend's 60 s): kb reindex's requests carry no time limit, and the limit holds again after."""
    from kb.load.bulk import derive_remote
    from kb.store.remote import RemoteBackend
    from kb.vocab import Minter

    class Recorded(RemoteBackend):  # the real backend, noting the limit each request is sent with
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.limits = []

        def _request(self, url, **kwargs):
            self.limits.append(None if kwargs.get("unlimited") else (kwargs.get("timeout") or self.timeout))
            return super()._request(url, **kwargs)

    minter = Minter()
    with oxigraph_server(tmp_path / "data") as store:
        assert cli(store, "load", str(DATA / "minimal.yaml")).exit_code == 0
        with open_kb(store) as base:
            loaded = set(parse(base.dump("nquads"), format=RdfFormat.N_QUADS))
            base.backend.update(" ;\n".join(f"DROP SILENT GRAPH {minter.graph(slug)}"
                                            for slug in ("_counts", "_conflicts", "_timeline")))
        backend = Recorded(store, timeout=60.0)
        derive_remote(backend, minter)
        assert backend.limits and set(backend.limits) == {None}
        backend.graphs()
        assert backend.limits[-1] == 60.0
        with open_kb(store) as base:
            assert set(parse(base.dump("nquads"), format=RdfFormat.N_QUADS)) == loaded
