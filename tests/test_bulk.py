"""Large RDF files: bulk loaded into a staging store and swapped in, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import CurationError
from kb.load import load
from kb.store import open_kb
from tests.support import quads_of, seed_store

GRAPH = "http://localhost:5000/id/graph/bulk-test"


def nquads(path: Path, count: int, graph: str = GRAPH, broken: bool = False) -> Path:
    lines = [
        f'<http://example.org/s{i}> <http://example.org/p> "value {i}" <{graph}> .\n' for i in range(count)
    ]
    if broken:
        lines.append('<http://example.org/oops> <http://example.org/p> "no end\n')
    path.write_text("".join(lines), encoding="utf-8")
    return path


def bulk(store: Path, path: Path, **kwargs):
    with open_kb(store) as kb:
        return load(kb, [path], bulk_over=0, **kwargs)


def test_bulk_load_into_an_empty_store(tmp_path):
    store = tmp_path / "store"
    seen = []
    report = bulk(
        store, nquads(tmp_path / "big.nq", 500), progress=lambda done, total: seen.append((done, total))
    )
    assert len(quads_of(store)) == 500
    assert report.files[0][2] == 500
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached the whole file
    assert not [p for p in tmp_path.glob("store.*") if p.is_dir()]  # no staging or retired directories left


def test_bulk_reload_replaces_its_graphs_and_keeps_the_rest(tmp_path):
    store = seed_store(tmp_path / "store")
    seeded = quads_of(store)
    bulk(store, nquads(tmp_path / "big.nq", 300))
    bulk(store, nquads(tmp_path / "big.nq", 200))
    after = quads_of(store)
    assert seeded < after
    assert len(after - seeded) == 200


def test_a_broken_bulk_file_leaves_the_store_unchanged(tmp_path):
    store = seed_store(tmp_path / "store")
    bulk(store, nquads(tmp_path / "big.nq", 100))
    before = quads_of(store)
    with pytest.raises(CurationError) as caught:
        bulk(store, nquads(tmp_path / "big.nq", 300, broken=True))
    assert "big.nq" in str(caught.value) and "the store was not changed" in str(caught.value)
    assert quads_of(store) == before
    assert not [p for p in tmp_path.glob("store.*") if p.is_dir()]
