"""A store loaded by an earlier version lacks derived data (month counts, disagreements, the timeline
index): `kb status` says so, and `kb reindex` derives it in place, giving the answers a fresh load
gives; on a store that lacks nothing it changes nothing."""

from __future__ import annotations

import shutil

import pytest
from pyoxigraph import Store

from kb.store import open_kb
from kb.vocab import KBO, Minter
from tests.support import quads_of, seed_store
from tests.test_cli_operator import run

MINTER = Minter()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("reindex") / "fresh")


def as_an_earlier_version_left_it(fresh, where):
    """A copy of ``fresh`` without the derived graphs and rows this version writes."""
    shutil.copytree(fresh, where)
    store = Store(str(where))
    for slug in ("_counts", "_conflicts", "_timeline"):
        store.remove_graph(MINTER.graph(slug))
    for predicate in (KBO.timelineRow, KBO.timelineDigest, KBO.midDay):
        for quad in list(store.quads_for_pattern(None, predicate, None)):
            store.remove(quad)
    del store
    return where


def answer(store, name, *params):
    result = run("query", "--store", str(store), name, *params, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return sorted(result.stdout.splitlines()[1:])


def test_status_names_what_is_lacking_and_reindex_derives_it(fresh, tmp_path):
    old = as_an_earlier_version_left_it(fresh, tmp_path / "old")
    status = run("status", "--store", str(old))
    assert status.returncode == 0, status.stderr
    assert "lacking:" in status.stdout and "kb reindex" in status.stdout
    assert all(part in status.stdout for part in ("timeline rows", "timeline index", "month counts"))
    assert answer(old, "events-per-month") == []           # what a researcher would have seen
    assert answer(old, "conflicts") == []

    done = run("reindex", "--store", str(old))
    assert done.returncode == 0, done.stderr
    assert "Derived" in done.stdout and "month counts" in done.stdout
    assert "lacking" not in run("status", "--store", str(old)).stdout
    assert answer(old, "events-per-month") == answer(fresh, "events-per-month") != []
    assert answer(old, "conflicts") == answer(fresh, "conflicts") != []
    assert quads_of(old) == quads_of(fresh)


def test_reindex_of_a_store_that_lacks_nothing_changes_nothing(fresh, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(fresh, copy)
    before = quads_of(copy)
    done = run("reindex", "--store", str(copy))
    assert done.returncode == 0 and "Nothing to derive" in done.stdout
    assert quads_of(copy) == before


def test_reindex_of_a_store_a_server_holds_is_one_line(fresh, tmp_path):
    copy = tmp_path / "held"
    shutil.copytree(fresh, copy)
    with open_kb(copy):  # another process's lock is what a running kb serve holds
        done = run("reindex", "--store", str(copy))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2 and str(copy.name) in done.stderr
