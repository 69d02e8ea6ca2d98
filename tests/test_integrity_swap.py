"""Issue 11 item 7: a bulk load's swap survives kill -9 at any instant, and a store that was here
and is gone is reported, never silently replaced by an empty one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.errors import StoreError
from kb.load import VALIDATE_LIMIT, load
from kb.store import open_kb
from kb.store.swap import PAUSE_VARIABLE, journal_of, marker_of, retired_of, staging_of
from tests.support import canonical_dump

KB = Path(sys.executable).parent / "kb"
OLD_GRAPH = "http://example.org/graph/old"
NEW_GRAPH = "http://example.org/graph/new"


def small_file(path: Path) -> Path:
    lines = [f'<http://example.org/o{i}> <http://example.org/p> "old {i}" <{OLD_GRAPH}> .\n'
             for i in range(20)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def large_file(tmp_path_factory) -> Path:
    """An N-Quads file just over the bulk threshold, of few quads (long literals), fast to load."""
    path = tmp_path_factory.mktemp("large") / "large.nq"
    filler = "x" * 10_000
    count = VALIDATE_LIMIT // 10_000 + 10
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(f'<http://example.org/n{i}> <http://example.org/p> "{i} {filler}" <{NEW_GRAPH}> .\n')
    return path


@pytest.fixture(scope="module")
def states(tmp_path_factory, large_file) -> dict[str, Path]:
    """Two stores to compare with: before the large load and after it."""
    base = tmp_path_factory.mktemp("states")
    old = base / "old"
    with open_kb(old) as kb:
        load(kb, [small_file(base / "small.nq")])
    new = base / "new"
    shutil.copytree(old, new)
    with open_kb(new) as kb:
        load(kb, [large_file])
    return {"old": old, "new": new, "old_dump": canonical_dump(old), "new_dump": canonical_dump(new)}


def store_like(states, tmp_path: Path, which: str) -> Path:
    live = tmp_path / "store"
    shutil.copytree(states[which], live)
    return live


def kill_during_load(store: Path, large_file: Path, step: str) -> None:
    """Run a real 'kb load' of the large file and kill -9 it at ``step`` of the swap."""
    env = {**os.environ, PAUSE_VARIABLE: step, "KB_STORE": str(store)}
    process = subprocess.Popen([str(KB), "load", str(large_file)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stderr:
            if f"paused at {step}" in line:
                break
        else:
            raise AssertionError(f"kb load ended without reaching {step} (exit {process.wait()})")
        process.kill()
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -9


@pytest.mark.parametrize(
    "step, expected",
    [("staging-built", "old"), ("journal-written", "new"), ("live-retired", "new"),
     ("staging-in-place", "new"), ("journal-removed", "new")],
)
def test_a_load_killed_at_any_step_of_the_swap_leaves_a_whole_store(
        states, large_file, tmp_path, step, expected):
    store = store_like(states, tmp_path, "old")
    kill_during_load(store, large_file, step)
    result = CliRunner().invoke(main, ["--store", str(store), "stats"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert canonical_dump(store) == states[f"{expected}_dump"]
    with open_kb(store):  # a read-write open clears what the killed load left
        pass
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == ["store"]
    assert not journal_of(store).exists()


def test_a_load_killed_while_it_builds_leaves_the_old_store_and_no_staging(states, large_file, tmp_path):
    store = store_like(states, tmp_path, "old")
    env = {**os.environ, "KB_STORE": str(store)}
    process = subprocess.Popen([str(KB), "load", str(large_file)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not staging_of(store).exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        process.kill()
    finally:
        process.kill()
        process.wait(timeout=30)
    assert canonical_dump(store) in (states["old_dump"], states["new_dump"])
    with open_kb(store):
        pass
    assert not staging_of(store).exists()


@pytest.mark.parametrize(
    "layout, expected",
    [
        # killed between the two renames of the old, journal-less swap: the old store comes back
        ({"retired": "old", "staging": "new"}, "old"),
        # committed (journal), nothing renamed yet
        ({"live": "old", "staging": "new", "journal": True}, "new"),
        # committed, live already renamed away
        ({"retired": "old", "staging": "new", "journal": True}, "new"),
        # committed and in place, journal not yet removed
        ({"live": "new", "retired": "old", "journal": True}, "new"),
        # finished, the retired copy not yet deleted
        ({"live": "new", "retired": "old"}, "new"),
        # an unfinished build (no journal): thrown away
        ({"live": "old", "staging": "new"}, "old"),
    ],
)
def test_a_store_found_mid_swap_opens_whole(states, tmp_path, layout, expected):
    live = tmp_path / "store"
    places = {"live": live, "retired": retired_of(live), "staging": staging_of(live)}
    for role, which in layout.items():
        if role != "journal":
            shutil.copytree(states[which], places[role])
    if layout.get("journal"):
        journal_of(live).write_text("{}\n", encoding="utf-8")
    marker_of(live).write_text('{"created": "earlier"}\n', encoding="utf-8")
    assert canonical_dump(live) == states[f"{expected}_dump"]  # a read-only open recovers too
    with open_kb(live) as kb:
        assert kb.count() == len(states[f"{expected}_dump"].splitlines())
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["store"]


def test_a_store_that_is_gone_is_reported_not_replaced(states, tmp_path):
    store = store_like(states, tmp_path, "old")
    with open_kb(store):  # the first open records that a store lives here
        pass
    shutil.rmtree(store)
    with pytest.raises(StoreError) as caught:
        open_kb(store)
    message = str(caught.value)
    assert "store is missing" in message and str(marker_of(store)) in message
    assert not store.exists()
    for command in (["load", str(tmp_path / "x.nq")], ["stats"]):
        small_file(tmp_path / "x.nq")
        result = CliRunner().invoke(main, ["--store", str(store), *command], catch_exceptions=False)
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and "store is missing" in result.output
    assert not store.exists()


def test_an_emptied_store_directory_is_reported_too(tmp_path):
    store = tmp_path / "store"
    with open_kb(store) as kb:
        load(kb, [small_file(tmp_path / "x.nq")])
    for child in store.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    with pytest.raises(StoreError, match="store is missing"):
        open_kb(store)


def test_first_start_creates_a_store_and_deleting_the_marker_allows_a_fresh_one(tmp_path):
    store = tmp_path / "store"
    with open_kb(store) as kb:
        assert kb.count() == 0
    assert marker_of(store).exists()
    shutil.rmtree(store)
    marker_of(store).unlink()
    with open_kb(store) as kb:
        assert kb.count() == 0


def test_a_missing_store_opened_read_only_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "stats"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no store here" in result.output
    assert not (tmp_path / "none").exists()
