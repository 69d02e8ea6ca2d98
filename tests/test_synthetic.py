"""The synthetic benchmark data loads through the validating loader, and month keys find every event.

``kb.timeline.window`` looks events up by month key instead of scanning their bounds; here it must
return exactly the events a brute-force overlap test over the generated events finds, including
events spanning several months and "wide" ones (more than 36 months, keyed only ``"wide"``).
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pyoxigraph import Literal, Quad, RdfFormat, Store, parse, serialize

from kb.load import load
from kb.store import open_kb
from kb.timeline.rows import DERIVED, index_graph, periods, reindex, window_periods, with_timeline
from kb.timeline.window import actor_events, window
from kb.vocab import KBO, RDF, Minter
from tests.support import data_count

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import synthetic


def _counts_in(store) -> int:
    """The ``kbo:eventCounts`` a load adds (the generator writes none): more than none; and its
    one mark of complete counts (every row with its middle day)."""
    sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{KBO.eventCounts.value}> ?c }} }}"
    found = int(store.select(sparql)[0]["n"].value)
    assert found > 0
    marks = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{KBO.countsComplete.value}> true }} }}"
    marked = int(store.select(marks)[0]["n"].value)
    assert marked == 1
    return found + marked


N_EVENTS = 50
#: Ranges and wide spans far more often than in the benchmark mix, so 50 events hold several.
MIX = {"day": 0.3, "week": 0.1, "month": 0.1, "months": 0.2, "year": 0.1, "long": 0.1, "wide": 0.1}


@pytest.fixture(scope="module")
def generated() -> list[synthetic.SyntheticEvent]:
    """The 50 events the file holds."""
    return list(synthetic.events(N_EVENTS, seed=7, date_mix=MIX))


@pytest.fixture(scope="module")
def kb(tmp_path_factory, generated):
    """A store loaded from the synthetic N-Quads file, through the loader that validates."""
    folder = tmp_path_factory.mktemp("synthetic")
    path = folder / "synthetic.nq"
    written = synthetic.write_nquads(path, N_EVENTS, seed=7, annotations=True, date_mix=MIX)
    store = open_kb(folder / "store")
    report = load(store, [path])  # small enough to be validated against the SHACL shapes
    index = [quad for quad in _file_quads(path) if quad.predicate == KBO.timelineIndex]
    assert index  # the file's index is the store's to write: the report counts the file's own quads
    assert report.files[0][2] + len(index) == written == data_count(store) - _counts_in(store)
    yield store
    store.close()


def overlapping(events: list[synthetic.SyntheticEvent], first: date, last: date) -> set[str]:
    """The IRIs of the events whose bounds overlap first..last, by brute force."""
    minter = Minter()
    return {minter.event(event.slug).value for event in events
            if event.date.earliest <= last and event.date.latest >= first}


def windows(events: list[synthetic.SyntheticEvent]) -> list[tuple[date, date]]:
    """One-month, one-day, cross-month and empty windows around the generated dates."""
    spans = sorted((event.date.earliest, event.date.latest) for event in events)
    middle = spans[len(spans) // 2][0]
    month = middle.replace(day=1)
    return [
        (month, (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)),
        (middle, middle),
        (middle - timedelta(days=20), middle + timedelta(days=45)),
        (spans[0][0] - timedelta(days=40), spans[0][0] - timedelta(days=1)),
        (date(1999, 1, 1), date(2030, 12, 31)),
    ]


def test_the_data_has_multi_month_and_wide_events(generated):
    keys = [event.date.month_keys() for event in generated]
    assert any(len(k) > 1 for k in keys)
    assert any(k == ["wide"] for k in keys)
    busy = [e for e in generated if any(actor == synthetic.BUSY_ACTOR for _, actor in e.actors)]
    assert len(busy) == N_EVENTS // 10


def test_window_returns_exactly_the_events_that_overlap_it(kb, generated):
    for first, last in windows(generated):
        found = {event.iri for event in window(kb, first, last)}
        assert found == overlapping(generated, first, last), (first, last)


def test_windows_find_multi_month_and_wide_events_from_their_middle(kb, generated):
    spanning = [event for event in generated if len(event.date.month_keys()) > 2]
    wide = [event for event in generated if event.date.month_keys() == ["wide"]]
    for event in spanning[:5] + wide[:5]:
        inside = event.date.earliest + (event.date.latest - event.date.earliest) / 2
        found = {item.iri for item in window(kb, inside, inside)}
        assert Minter().event(event.slug).value in found
        assert found == overlapping(generated, inside, inside)


def test_actor_events_are_the_actors_events_with_its_roles(kb, generated):
    actor = Minter().actor(synthetic.BUSY_ACTOR).value
    found = actor_events(kb, actor)
    expected = {Minter().event(event.slug).value: sorted(role for role, who in event.actors
                                                         if who == synthetic.BUSY_ACTOR)
                for event in generated if any(who == synthetic.BUSY_ACTOR for _, who in event.actors)}
    assert {event.iri: sorted(event.roles) for event in found} == expected
    assert [(e.earliest, e.latest) for e in found] == sorted((e.earliest, e.latest) for e in found)


# --- the derived timeline rows and digests (kb.timeline.rows) -------------------------------------------

def _file_quads(path: Path) -> list[Quad]:
    return list(parse(path=str(path), format=RdfFormat.N_QUADS))


def test_the_generator_writes_the_timeline_quads_the_loader_derives(tmp_path):
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, 200, seed=3, date_mix=MIX)
    quads = _file_quads(path)
    index = {quad for quad in quads if quad.predicate == KBO.timelineIndex}
    own = [quad for quad in quads if quad.predicate != KBO.timelineIndex]
    written = {quad for quad in own if quad.predicate in DERIVED}
    derived = set(with_timeline(own, Minter())) - set(own)
    assert written and not derived  # nothing the loader would add or change
    assert set(with_timeline(quads, Minter())) == set(own)  # a file's index is never taken as it is
    rows = [q for q in written if q.predicate == KBO.timelineRow]
    assert len(rows) == 200
    store = Store()  # the index, as the loader's update writes it from the digests
    store.extend(own)
    store.update(reindex(Minter()))
    assert set(store.quads_for_pattern(None, KBO.timelineIndex, None)) == index
    assert {quad.graph_name for quad in index} == {index_graph(Minter())}


def test_a_bulk_loaded_file_without_timeline_quads_gets_them(tmp_path, generated):
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, N_EVENTS, seed=7, date_mix=MIX)
    with_them = _file_quads(path)
    bare = tmp_path / "bare.nq"
    serialize([q for q in with_them if q.predicate not in DERIVED], output=str(bare),
              format=RdfFormat.N_QUADS)
    store = open_kb(tmp_path / "store")
    try:
        load(store, [bare], bulk_over=0)  # the bulk path: staging store, then swap
        assert data_count(store) - _counts_in(store) == len(with_them)
        for first, last in windows(generated):
            assert {e.iri for e in window(store, first, last)} == overlapping(generated, first, last)
    finally:
        store.close()


def test_a_bulk_loaded_file_with_its_own_index_but_no_counts_gets_them(tmp_path, generated):
    """The generator writes rows, middle days and an index but no counts: a bulk load into an
    empty store counted nothing (it rebuilt the index, and with it the counts, only when it lacked
    one), so the home page had no counts to draw from."""
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, N_EVENTS, seed=7, date_mix=MIX)
    store = open_kb(tmp_path / "store")
    try:
        load(store, [path], bulk_over=0)
        assert data_count(store) - _counts_in(store) == len(_file_quads(path))
    finally:
        store.close()


def test_stale_timeline_quads_in_a_file_are_rewritten(tmp_path):
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, 30, seed=5, annotations=True, date_mix=MIX)
    quads = _file_quads(path)
    row = next(q for q in quads if q.predicate == KBO.timelineRow)
    stale = Quad(row.subject, row.predicate, Literal('["stale"]', datatype=RDF.JSON), row.graph_name)
    edited = tmp_path / "edited.nq"
    serialize([stale if q == row else q for q in quads], output=str(edited), format=RdfFormat.N_QUADS)
    store = open_kb(tmp_path / "store")
    try:
        load(store, [edited])
        assert list(store.backend.store.quads_for_pattern(row.subject, KBO.timelineRow, None)) == [row]
    finally:
        store.close()


def test_periods_are_months_years_or_wide():
    assert periods(date(2024, 10, 3), date(2024, 10, 3)) == ["2024-10"]
    assert periods(date(2023, 11, 1), date(2024, 1, 31)) == ["2023-11", "2023-12", "2024-01"]
    assert periods(date(2019, 1, 1), date(2024, 10, 25)) == [str(y) for y in range(2019, 2025)]
    assert periods(date(1900, 1, 1), date(2024, 10, 25)) == ["wide"]
    assert window_periods(date(2024, 10, 1), date(2024, 10, 31), 1200) == ["2024-10", "2024", "wide"]
    assert window_periods(date(1000, 1, 1), date(2024, 10, 31), 1200) is None
