"""The whole timeline's counts kept by every load: right after a load, after a source's graph is
replaced, and the home page drawn from them (before the index is built) as it is drawn after."""

from __future__ import annotations

import shutil
import threading
import time
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from kb.load import load
from kb.store import open_kb
from kb.timeline import overview as counts
from kb.timeline.index import TimelineIndex
from kb.timeline.rows import index_graph
from kb.vocab import KBO, Minter
from tests.conftest import TEST_BASE, make_app
from tests.htmltree import parse_html
from tests.support import DATA

MINTER = Minter(TEST_BASE)


def _counts(store: Path):
    counts.forget(str(store))
    with open_kb(store, read_only=True) as kb:
        return counts.stored_counts(kb, MINTER, whole=True), TimelineIndex.build(kb, MINTER)


def _as_built(index: TimelineIndex) -> dict:
    """What the stored counts should say, counted from the in-memory index of every event."""
    by_type: dict[str, int] = {}
    statuses: dict[str, int] = {}
    actors: dict[str, int] = {}
    sources: dict[str, int] = {}
    for row in range(len(index)):
        kind = index.item(row, [], {}).type
        by_type[kind] = by_type.get(kind, 0) + 1
        status = index.item(row, [], {}).status
        statuses[status] = statuses.get(status, 0) + 1
        for number in index.cast(row):
            iri = MINTER.actor(index.actor_slugs[number]).value
            actors[iri] = actors.get(iri, 0) + 1
        for slug in index.sources_of(row):
            iri = MINTER.source(slug).value
            sources[iri] = sources.get(iri, 0) + 1
    return {"types": by_type, "statuses": statuses, "actors": actors, "sources": sources}


def _stored(found) -> dict:
    return {"types": found.types(), "statuses": found.statuses, "actors": found.actors,
            "sources": found.sources}


def test_counts_are_stored_by_the_load_and_agree_with_every_event(seeded_store):
    found, index = _counts(seeded_store)
    assert found is not None and found.total == len(index) > 0
    for kind, every in (("actor", found.actors), ("source", found.sources)):  # the first ones, by count
        assert found.how_many[kind] == len(every)
        assert found.top[kind] == sorted(every.items(), key=lambda item: (-item[1], item[0]))[:counts.TOP]
    assert _stored(found) == _as_built(index)
    # each event once, in the month of its middle day
    months = {}
    for row in range(len(index)):
        middle = (index.first[row] + index.last[row]) // 2
        key = date.fromordinal(middle).isoformat()[:7]
        months[key] = months.get(key, 0) + 1
    assert dict(found.by_month()) == months


def test_replacing_a_sources_graph_updates_the_counts(tmp_path):
    store = tmp_path / "store"
    with open_kb(store) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=MINTER)
    before, index = _counts(store)
    assert before is not None and before.total == len(index) == 2
    assert _stored(before) == _as_built(index)

    # the same source, now with one event fewer: its graph is replaced and the counts follow
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    fewer = tmp_path / "minimal.yaml"
    fewer.write_text(text.split("\n  - id: test-rejection")[0] + "\n", encoding="utf-8")
    shutil.copy(DATA / "minimal.txt", tmp_path / "minimal.txt")
    with open_kb(store) as kb:
        load(kb, [fewer], minter=MINTER)
    after, index = _counts(store)
    assert after is not None and after.total == len(index) == 1
    assert _stored(after) == _as_built(index)
    assert sum(after.actors.values()) < sum(before.actors.values())


def _page(app, path: str):
    response = app.test_client().get(path)
    assert response.status_code == 200
    return response


def _visible(html: bytes) -> str:
    """The page's main content as text (what a reader sees), whitespace collapsed."""
    return parse_html(html).find("main").text


def test_the_home_page_before_the_index_is_built_is_the_one_after(seeded_store):
    counted = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
    counted_json = _page(counted, "/timeline.json").get_json()
    counted_html = _page(counted, "/").data
    wide_json = _page(counted, "/timeline.json?from=1900-01-01&to=2100-12-31").get_json()
    counted.extensions["kb"].close()
    built = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="sync", TIMELINE_THRESHOLD=5)
    assert built.extensions.get("timeline_index") is not None
    built_json = _page(built, "/timeline.json").get_json()
    assert counted_json["mode"] == "aggregate" and counted_json["total"] > 5
    assert counted_json == built_json
    assert _visible(counted_html) == _visible(_page(built, "/").data)
    assert wide_json == _page(built, "/timeline.json?from=1900-01-01&to=2100-12-31").get_json()
    built.extensions["kb"].close()


def test_the_home_page_is_drawn_from_counts_while_the_index_is_being_built(seeded_store):
    app = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
    app.extensions["timeline_building"] = threading.Event()  # a build that never ends
    started = time.perf_counter()
    data = _page(app, "/timeline.json").get_json()
    assert time.perf_counter() - started < 30  # answered, not waiting 600 s
    assert data["mode"] == "aggregate"
    app.extensions["kb"].close()


def test_a_store_without_counts_still_serves_the_same_home_page(seeded_store, tmp_path):
    plain = tmp_path / "no-counts"
    shutil.copytree(seeded_store, plain)
    with open_kb(plain) as kb:
        store = kb.backend.store
        for predicate in (KBO.midDay, KBO.eventCounts):
            for quad in list(store.quads_for_pattern(None, predicate, None, None)):
                store.remove(quad)
        assert not list(store.quads_for_pattern(None, KBO.eventCounts, None, index_graph(MINTER)))
        del store  # the store is released when the last reference goes
    found, _ = _counts(plain)
    assert found is None
    without = make_app(plain, KB_READ_ONLY=True, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
    without_json = _page(without, "/timeline.json").get_json()
    without.extensions["kb"].close()
    built = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="sync", TIMELINE_THRESHOLD=5)
    assert without_json == _page(built, "/timeline.json").get_json()
    built.extensions["kb"].close()


def test_counts_of_a_store_with_graphs_loaded_before_counts_are_not_used(seeded_store):
    # one event's middle day missing (its graph loaded by an older version, which wrote no mark of
    # complete counts): the counts do not add up
    with open_kb(seeded_store) as kb:
        store = kb.backend.store
        quad = next(iter(store.quads_for_pattern(None, KBO.midDay, None, None)))
        store.remove(Quad(quad.subject, quad.predicate, quad.object, quad.graph_name))
        for mark in list(store.quads_for_pattern(None, KBO.countsComplete, None, None)):
            store.remove(mark)
        assert isinstance(quad.subject, NamedNode)
        del store, quad
    found, _ = _counts(seeded_store)
    assert found is None


def test_the_home_page_without_the_index_is_drawn_from_the_stored_counts(seeded_store):
    # doctor the stored counts: the page that reads them shows the doctored figures
    with open_kb(seeded_store) as kb:
        kb.backend.store.update(
            f'INSERT DATA {{ GRAPH {index_graph(MINTER)} {{ {MINTER.entity("bucket", "2024-10")} '
            f'<{KBO.eventCounts.value}> "Offer 2024-10-01 happened 1000" }} }}')
    app = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
    data = _page(app, "/timeline.json").get_json()
    app.extensions["kb"].close()
    _, index = _counts(seeded_store)
    assert data["total"] == len(index) + 1000
    offers = {facet["id"]: facet["count"] for facet in data["facets"]["type"]}["Offer"]
    assert offers > 1000


def test_an_event_several_sources_date_differently_is_counted_once_where_the_index_shows_it(
        seeded_store, tmp_path):
    # four sources report the Egyptian offer; one of them now dates it two months earlier
    original = DATA.parent.parent / "seeds" / "003_newsmax_blinken_hamas_refused.yaml"
    earlier = tmp_path / original.name
    text = original.read_text(encoding="utf-8")
    assert text.count("edtf: 2024-10/2024-11-04") == 1
    earlier.write_text(text.replace("edtf: 2024-10/2024-11-04", "edtf: 2024-08/2024-09-10"), encoding="utf-8")
    for version in (earlier, original):
        with open_kb(seeded_store) as kb:
            load(kb, [version], minter=MINTER)
        found, index = _counts(seeded_store)
        assert found is not None and found.total == len(index)
        assert _stored(found) == _as_built(index)
        months = {}
        for row in range(len(index)):
            key = date.fromordinal((index.first[row] + index.last[row]) // 2).isoformat()[:7]
            months[key] = months.get(key, 0) + 1
        assert dict(found.by_month()) == months
        assert ("2024-08" in months) == (version is earlier)


def test_a_load_into_a_store_indexed_before_counts_counts_everything(seeded_store):
    with open_kb(seeded_store) as kb:
        kb.backend.store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?thing <{KBO.eventCounts.value}> ?lines }} }}")
    found, _ = _counts(seeded_store)
    assert found is None
    with open_kb(seeded_store) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=MINTER)
    found, index = _counts(seeded_store)
    assert found is not None and found.total == len(index)
    assert _stored(found) == _as_built(index)


def test_over_a_remote_store_the_home_page_from_counts_is_the_one_after(tmp_path):
    from click.testing import CliRunner

    from kb.cli import main
    from tests.helpers_server import oxigraph_server
    from webapp import create_app

    with oxigraph_server(tmp_path / "data") as root:
        result = CliRunner().invoke(main, ["--store", root, "load"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        views = {}
        for mode in ("off", "sync"):
            app = create_app({"TESTING": True, "KB_STORE": root, "TIMELINE_INDEX": mode,
                              "TIMELINE_THRESHOLD": 5})
            if mode == "off":  # the remote store has its counts, and this page is drawn from them
                assert counts.stored_counts(app.extensions["kb"], app.extensions["minter"]) is not None
            views[mode] = _page(app, "/timeline.json").get_json()
            app.extensions["sparql"].close()
        assert views["off"]["mode"] == "aggregate" and views["off"]["total"] > 5
        assert views["off"] == views["sync"]
