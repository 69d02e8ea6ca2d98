"""The timeline index (``kbo:timelineIndex``, see kb/timeline/rows.py) stays in step with every load.

``kb.timeline.window`` reads one index literal a date period, holding the lines of every graph's
events in it. Each load rewrites the index of the periods it touches in the same update that
replaces the graphs; a bulk load rebuilds it in the staging store. Here the window must give, after
each kind of load, exactly the events the `timeline` named query finds by filtering every event's
bounds.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kb import open_kb
from kb.errors import KBError
from kb.load import load
from kb.timeline.rows import index_graph
from kb.timeline.window import window
from kb.vocab import KBO, Minter
from tests.conftest import TEST_BASE
from tests.support import DATA, variant

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic

MINTER = Minter(TEST_BASE)
WINDOWS = [
    (date(2024, 2, 1), date(2024, 2, 29)),   # the test file's offer ("last week" before 6 March)
    (date(2024, 3, 1), date(2024, 3, 31)),
    (date(2023, 5, 1), date(2023, 5, 31)),
    (date(2024, 1, 1), date(2024, 1, 31)),   # the seeds' January offer
    (date(2024, 10, 1), date(2024, 10, 31)),  # the seed article's month
    (date(2023, 10, 7), date(2023, 10, 7)),
    (date(2000, 1, 1), date(2030, 12, 31)),
]


def by_filter(kb, first: date, last: date) -> set[str]:
    """The events the `timeline` named query finds for the window (one page holding them all)."""
    rows = kb.run("timeline", **{"from": first.isoformat(), "to": last.isoformat()}, limit=10_000)
    return {str(row["event"]) for row in rows}


def assert_in_step(kb) -> None:
    for first, last in WINDOWS:
        found = [event.iri for event in window(kb, first, last, MINTER)]
        assert len(found) == len(set(found)), (first, last)
        assert set(found) == by_filter(kb, first, last), (first, last)


def test_the_seeded_store_has_an_index_in_step(seeded_store):
    with open_kb(seeded_store) as kb:
        assert kb.ask(f"ASK {{ GRAPH {index_graph(MINTER)} {{ ?b <{KBO.timelineIndex.value}> ?i }} }}")
        assert window(kb, date(2024, 10, 1), date(2024, 10, 31), MINTER)
        assert_in_step(kb)


def test_a_second_source_and_its_reload_keep_the_index_in_step(seeded_store, tmp_path):
    offer = MINTER.event("test-offer").value
    with open_kb(seeded_store) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=MINTER)
        assert offer in {e.iri for e in window(kb, date(2024, 2, 1), date(2024, 2, 29), MINTER)}
        assert_in_step(kb)
        moved = variant(tmp_path, {"edtf: 2024-02-26/2024-03-03": "edtf: 2023-05-10"})
        load(kb, [moved], minter=MINTER)  # the offer leaves February for May 2023
        assert offer not in {e.iri for e in window(kb, date(2024, 2, 1), date(2024, 2, 29), MINTER)}
        in_may = window(kb, date(2023, 5, 1), date(2023, 5, 31), MINTER)
        assert [(e.iri, e.earliest, e.latest) for e in in_may if e.iri == offer] == [
            (offer, date(2023, 5, 10), date(2023, 5, 10))]
        assert_in_step(kb)


def test_a_store_without_an_index_gets_one_at_its_next_load(seeded_store):
    with open_kb(seeded_store) as kb:
        kb.backend.store.remove_graph(index_graph(MINTER))  # as a store loaded before there was one
        assert window(kb, date(2024, 10, 1), date(2024, 10, 31), MINTER) == []
        load(kb, [DATA / "minimal.yaml"], minter=MINTER)
        assert_in_step(kb)


def test_a_file_cannot_write_the_index(seeded_store, tmp_path):
    """An index a file brings (e.g. an export) is dropped: the index is rebuilt from the digests."""
    with open_kb(seeded_store) as kb:
        exported = tmp_path / "export.nq"
        exported.write_bytes(kb.dump("nquads"))
    fresh = tmp_path / "fresh"
    with open_kb(fresh) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=MINTER)
        load(kb, [exported], minter=MINTER)  # small: validated, its index dropped and rebuilt
        assert MINTER.event("test-offer").value in {
            e.iri for e in window(kb, date(2024, 2, 1), date(2024, 2, 29), MINTER)}
        assert_in_step(kb)


def test_a_bulk_load_beside_other_graphs_indexes_them_all(seeded_store, tmp_path):
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, 300, seed=4, base=TEST_BASE)
    generated = list(synthetic.events(300, seed=4, base=TEST_BASE))
    with open_kb(seeded_store) as kb:
        for _ in range(2):  # the first load, then a reload that replaces the file's graphs
            load(kb, [path], minter=MINTER, bulk_over=0)  # the seeds' graphs are kept beside it
            assert_in_step(kb)
            everything = {e.iri for e in window(kb, date(1990, 1, 1), date(2030, 12, 31), MINTER)}
            assert {MINTER.event(e.slug).value for e in generated} <= everything


def test_a_failed_load_leaves_the_index_as_it_was(seeded_store, tmp_path):
    bad = variant(tmp_path, {"edtf: 2024-02-26/2024-03-03": "edtf: 2024-02-30"})
    with open_kb(seeded_store) as kb:
        before = set(kb.backend.store.quads_for_pattern(None, KBO.timelineIndex, None))
        with pytest.raises(KBError, match="2024-02-30"):
            load(kb, [bad], minter=MINTER)
        assert set(kb.backend.store.quads_for_pattern(None, KBO.timelineIndex, None)) == before


def test_a_bulk_file_that_is_the_whole_store_has_its_index_in_step(tmp_path):
    """Nothing kept beside it and its rows and digests complete: the store's index is the file's,
    literal for literal, and windows agree with the FILTER query."""
    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, 300, seed=6, base=TEST_BASE)
    brought = {(q.subject, q.object) for q in parse(path=str(path), format=RdfFormat.N_QUADS)
               if q.predicate == KBO.timelineIndex}
    with open_kb(tmp_path / "store") as kb:
        load(kb, [path], minter=MINTER, bulk_over=0)
        stored = {(q.subject, q.object) for q in
                  kb.backend.store.quads_for_pattern(None, KBO.timelineIndex, None, index_graph(MINTER))}
        assert brought and stored == brought
        assert_in_step(kb)
