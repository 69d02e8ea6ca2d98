"""The first page right after start, whatever the size of the store: drawn from the stored counts
(their completeness known from a mark the load writes, not by counting every row), naming only
the facet values it shows, reading only its first months' rows, while the in-memory index waits
for that page before it reads every event."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat, Store, parse, serialize

import kb.timeline.index as index_module
import kb.timeline.view as view_module
from kb.cli import main
from kb.load import load
from kb.store import mark_changed, open_kb
from kb.timeline import overview
from kb.timeline.index import TimelineIndex
from kb.timeline.model import FACET_LIMIT
from kb.timeline.rows import DERIVED, index_graph
from kb.vocab import KBO, Minter
from tests.conftest import TEST_BASE, make_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic

MINTER = Minter(TEST_BASE)
#: 44 sources of 25 events each: every source ties with the 40th shown.
EVENTS = 44 * synthetic.EVENTS_PER_SOURCE


def _bare(path: Path, events: int, seed: int) -> Path:
    """Synthetic events without any derived quad (the load derives them)."""
    written = path.with_suffix(".full.nq")
    synthetic.write_nquads(written, events, seed=seed, base=TEST_BASE)
    quads = [quad for quad in parse(path=str(written), format=RdfFormat.N_QUADS)
             if quad.predicate not in DERIVED]
    serialize(quads, output=str(path), format=RdfFormat.N_QUADS)
    return path


@pytest.fixture(scope="module")
def bulk_loaded(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("first-page")
    store = where / "store"
    with open_kb(store) as kb:
        load(kb, [_bare(where / "events.nq", EVENTS, seed=4)], minter=MINTER, bulk_over=0)
    return store


@pytest.fixture
def store(bulk_loaded, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(bulk_loaded, copy)
    return copy


def _fresh_counts(store: Path):
    overview.forget(str(store))
    view_module.forget(str(store))
    with open_kb(store, read_only=True) as kb:
        return overview.stored_counts(kb, MINTER, whole=True)


def _marked(store: Path) -> bool:
    with open_kb(store, read_only=True) as kb:
        return overview.is_marked(kb, MINTER)


def _unmark(store: Path, drop_a_middle_day: bool = False) -> None:
    with open_kb(store) as kb:
        raw = kb.backend.store
        for quad in list(raw.quads_for_pattern(None, KBO.countsComplete, None, None)):
            raw.remove(quad)
        if drop_a_middle_day:
            raw.remove(next(iter(raw.quads_for_pattern(None, KBO.midDay, None, None))))
        del raw


def _json(app, url: str) -> dict:
    response = app.test_client().get(url)
    assert response.status_code == 200, response.data[:300]
    return response.get_json()


def test_the_home_page_from_counts_shows_the_facets_of_the_index_with_ties(store, monkeypatch):
    asked: list[str] = []
    real_labels = view_module.labels

    def labels(kb, iris):
        iris = list(iris)
        asked.extend(iris)
        return real_labels(kb, iris)

    monkeypatch.setattr(view_module, "labels", labels)
    view_module.forget(str(store))
    counted = make_app(store, KB_READ_ONLY=True, TIMELINE_INDEX="off")
    from_counts = _json(counted, "/timeline.json")
    counted.extensions["kb"].close()
    built = make_app(store, KB_READ_ONLY=True, TIMELINE_INDEX="sync")
    from_index = _json(built, "/timeline.json")
    built.extensions["kb"].close()

    assert from_counts["facets"] == from_index["facets"]
    assert from_counts["facets_more"] == from_index["facets_more"]
    sources = from_counts["facets"]["source"]
    every_source = sorted(f"synthetic-source-{number:06d}" for number in range(44))
    # every source reports 25 events: the 40 shown are those first by slug, each with its count and name
    assert sorted(value["id"] for value in sources) == every_source[:FACET_LIMIT]
    assert {value["count"] for value in sources} == {synthetic.EVENTS_PER_SOURCE}
    assert all(value["label"] != value["id"] for value in sources)
    assert from_counts["facets_more"]["source"] == 44 - FACET_LIMIT
    # only the values shown were named
    assert len(asked) <= len(from_counts["facets"]["actor"]) + len(sources)


def test_a_bulk_load_marks_the_counts_complete_and_a_load_through_kb_keeps_the_mark(store, tmp_path):
    assert _marked(store)
    with open_kb(store) as kb:  # a per-file load that replaces a source's events
        load(kb, [_bare(tmp_path / "more.nq", 30, seed=9)], minter=MINTER, replace_owned=True)
    assert _marked(store)
    marked = _fresh_counts(store)
    _unmark(store)  # the same counts, checked by counting every row: the mark told the truth
    checked = _fresh_counts(store)
    assert marked is not None and checked is not None
    assert (marked.by_type_day, marked.statuses, marked.actors, marked.sources) == \
        (checked.by_type_day, checked.statuses, checked.actors, checked.sources)


def test_a_store_without_the_mark_gives_the_same_counts_and_reindex_marks_it(store):
    marked = _fresh_counts(store)
    _unmark(store)
    assert not _marked(store)
    unmarked = _fresh_counts(store)
    assert unmarked is not None and unmarked.total == marked.total == EVENTS
    assert unmarked.actors == marked.actors and unmarked.by_type_day == marked.by_type_day
    result = CliRunner().invoke(main, ["--store", str(store), "reindex", "--base", TEST_BASE])
    assert result.exit_code == 0, result.output
    assert "mark of complete timeline counts" in result.output
    assert _marked(store)


def test_a_store_whose_rows_lack_middle_days_stays_unmarked_through_a_load(store, tmp_path):
    _unmark(store, drop_a_middle_day=True)
    with open_kb(store) as kb:
        load(kb, [_bare(tmp_path / "more.nq", 30, seed=9)], minter=MINTER, replace_owned=True)
    assert not _marked(store)
    assert _fresh_counts(store) is None  # counted, and found wanting: the page reads the events
    result = CliRunner().invoke(main, ["--store", str(store), "reindex", "--base", TEST_BASE])
    assert result.exit_code == 0, result.output
    assert _marked(store)
    with open_kb(store, read_only=True) as kb:
        every = len(TimelineIndex.build(kb, MINTER))
    assert _fresh_counts(store).total == every == EVENTS - 2 * synthetic.EVENTS_PER_SOURCE + 30


def test_start_up_reads_no_row_and_the_first_page_only_its_first_months(store, monkeypatch):
    read: list[str] = []
    real_window_rows, real_all_rows = index_module.window_rows, index_module.all_row_texts

    def window_rows(*args, **kwargs):
        for row in real_window_rows(*args, **kwargs):
            read.append(row[0])
            yield row

    def all_row_texts(*args, **kwargs):
        for text in real_all_rows(*args, **kwargs):
            read.append(text)
            yield text

    monkeypatch.setattr(index_module, "window_rows", window_rows)
    monkeypatch.setattr(index_module, "all_row_texts", all_row_texts)
    view_module.forget(str(store))
    overview.forget(str(store))
    app = make_app(store, KB_READ_ONLY=True, TIMELINE_INDEX="background", TIMELINE_INDEX_DELAY=600)
    building = app.extensions["timeline_building"]
    assert read == [] and not building.is_set()  # started: nothing read yet

    page = app.test_client().get("/")
    assert page.status_code == 200
    assert f"{EVENTS:,}".encode() in page.data or str(EVENTS).encode() in page.data
    first_page = len(read)
    assert 0 < first_page < EVENTS // 4  # the table's first months, not every event

    assert building.wait(120)  # the page answered, the index is built
    assert len(app.extensions["timeline_index"]) == EVENTS
    assert len(read) >= first_page + EVENTS
    app.extensions["kb"].close()


def test_counts_are_read_again_only_when_the_load_generation_changes(store, monkeypatch):
    monkeypatch.setattr(overview, "COUNTS_TTL", 0.0)  # look at the generation on every read
    first = _fresh_counts(store)
    month = MINTER.entity("bucket", "2001-01")
    raw = Store(str(store))  # written behind kb's back: no new generation
    raw.update(f'INSERT DATA {{ GRAPH {index_graph(MINTER)} {{ {month} <{KBO.eventCounts.value}> '
               f'"Offer 2001-01-15 happened 1000" }} }}')
    del raw
    with open_kb(store, read_only=True) as kb:
        assert overview.stored_counts(kb, MINTER, whole=True).total == first.total  # remembered
        mark_changed(store)  # what a writer through kb leaves when it closes the store
        assert overview.stored_counts(kb, MINTER, whole=True).total == first.total + 1000
