"""An embedded store's files on disk, and swapping a staging store in so that no crash loses it.

Beside the store directory ``data/store`` live:

``data/store.created``  written when the store is first created (or first opened by this version):
                        it records that a store was here, so that a store that has gone is reported
                        instead of being replaced, silently, by a fresh empty one.
``data/store.lock``     a lock file (``lockf``) held while the store is opened, swapped or recovered,
                        so that no process opens the store in the middle of a swap.
``data/store.loading``  a staging store a bulk load builds (:mod:`kb.load.bulk`).
``data/store.swap``     the swap journal: written, durably, once the staging store is complete. Its
                        existence is the commit point of a bulk load.
``data/store.retired``  the old store, between the two renames of a swap.

The swap: write the journal; rename live -> retired; rename staging -> live; delete the journal;
delete the retired copy. A process killed at any instant leaves a state that :func:`recover` turns
into a consistent store: with the journal, the swap is finished (the new store); without it, any
staging store is an unfinished build and is deleted, and a retired copy with no live store is put
back (the old store). Nothing here needs the killed process.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kb.errors import StoreError

#: Test-only hook: ``KB_TEST_SWAP_PAUSE=<step>`` makes a swap print ``kb-test: paused at <step>``
#: on stderr and wait, at that step, so that a test can kill the process there (see
#: tests/test_integrity_swap.py). Steps: staging-built, journal-written, live-retired,
#: staging-in-place, journal-removed.
PAUSE_VARIABLE = "KB_TEST_SWAP_PAUSE"
#: Seconds a process waits for another one's swap or recovery before giving up.
LOCK_SECONDS = 120.0
#: The lock is a POSIX record lock (``lockf``): unlike ``flock``, a process forked while it is held
#: (a serving process's worker) does not inherit it. Record locks do not exclude threads of one
#: process from each other, hence this lock as well.
_IN_PROCESS = threading.RLock()


def _fresh_lock_in_child() -> None:
    global _IN_PROCESS  # a child forked while a thread held the lock must not inherit it held
    _IN_PROCESS = threading.RLock()


os.register_at_fork(after_in_child=_fresh_lock_in_child)


def sidecar(live: Path, suffix: str) -> Path:
    """The file or directory ``suffix`` beside the store ``live`` (``data/store.loading``)."""
    return live.with_name(live.name + suffix)


def staging_of(live: Path) -> Path:
    """Where a bulk load builds the new store."""
    return sidecar(live, ".loading")


def retired_of(live: Path) -> Path:
    """Where the old store waits during a swap."""
    return sidecar(live, ".retired")


def journal_of(live: Path) -> Path:
    """The swap journal: present from the commit point of a swap until it is finished."""
    return sidecar(live, ".swap")


def marker_of(live: Path) -> Path:
    """The file that records that a store was created at ``live``."""
    return sidecar(live, ".created")


def pause_for_tests(step: str) -> None:
    """Wait forever at ``step`` when the test-only :data:`PAUSE_VARIABLE` names it."""
    if os.environ.get(PAUSE_VARIABLE) == step:
        print(f"kb-test: paused at {step}", file=sys.stderr, flush=True)
        while True:
            time.sleep(60)


def _sync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (a temporary file, fsync, rename, fsync of the folder)."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.rename(path)
    _sync_dir(path.parent)


@contextmanager
def locked(live: Path, *, required: bool = True) -> Iterator[bool]:
    """Hold the store's lock file (waiting for another process's swap); yields whether it is held.

    With ``required=False`` a lock file that cannot be created (a read-only folder) is skipped.
    """
    lock_path = sidecar(live, ".lock")
    try:
        live.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a+b")
    except OSError as err:
        if required:
            raise StoreError(f"cannot create the lock file ({err})", where=str(lock_path),
                             hint="check that the store's folder is writable") from None
        yield False
        return
    _IN_PROCESS.acquire()
    try:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"another process has held the store's lock for {LOCK_SECONDS:.0f} s",
                        where=str(lock_path),
                        hint="wait for the other 'kb load' to finish, or stop it",
                    ) from None
                time.sleep(0.05)
        yield True
    finally:
        handle.close()  # closing the file releases the lock
        _IN_PROCESS.release()


def holds_a_store(live: Path) -> bool:
    """True when ``live`` is an Oxigraph (RocksDB) store directory."""
    return (live / "CURRENT").is_file()


def recover(live: Path) -> str | None:
    """Finish or undo a swap that a killed process left (call under :func:`locked`).

    Returns what was done, or None. Never deletes a staging store (a build may be running): see
    :func:`remove_unfinished_staging`.
    """
    journal, staging, retired = journal_of(live), staging_of(live), retired_of(live)
    sidecar(journal, ".tmp").unlink(missing_ok=True)
    done = None
    if journal.exists():
        if holds_a_store(staging):  # committed, not yet in place: finish the swap
            if live.exists():
                shutil.rmtree(retired, ignore_errors=True)
                live.rename(retired)
            staging.rename(live)
        _sync_dir(live.parent)
        journal.unlink()
        done = "finished an interrupted swap: the store holds the new load"
    elif not live.exists() and holds_a_store(retired):  # renamed away, never replaced: put it back
        retired.rename(live)
        _sync_dir(live.parent)
        done = "undid an interrupted swap: the store holds what it held before the load"
    if live.exists() and retired.exists():
        shutil.rmtree(retired, ignore_errors=True)
    return done


def remove_unfinished_staging(live: Path) -> None:
    """Delete a staging store left by a failed or killed bulk load.

    Call only while holding the live store open read-write (no other process can be building one)
    and with no journal (a journal means the staging store is the committed new store).
    """
    if not journal_of(live).exists():
        shutil.rmtree(staging_of(live), ignore_errors=True)


def gone_error(live: Path) -> StoreError:
    """The error for a store that was created at ``live`` and is no longer there."""
    marker = marker_of(live)
    try:
        created = json.loads(marker.read_text(encoding="utf-8")).get("created", "?")
    except (OSError, ValueError, AttributeError):
        created = "?"
    return StoreError(
        f"the store is missing: one was created here ({created}, recorded in {marker.name}) and "
        "its directory is gone or empty",
        where=str(live),
        hint=f"restore the store from a backup; to start an empty store instead, delete {marker}",
    )


def mark_created(live: Path) -> None:
    """Record that a store exists at ``live`` (once)."""
    marker = marker_of(live)
    if not marker.exists():
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        _write_durably(marker, json.dumps({
            "store": live.name, "created": stamp,
            "note": "a negotiation-kb store lives beside this file; if the store is gone, "
                    "'kb' refuses to start an empty one until this file is deleted",
        }) + "\n")


def swap_in(live: Path, close_live: Callable[[], None]) -> None:
    """Replace the store ``live`` by its complete staging store, surviving a kill at any instant.

    ``close_live`` closes the live store (it is called under the lock, before anything moves).
    """
    staging, retired, journal = staging_of(live), retired_of(live), journal_of(live)
    pause_for_tests("staging-built")
    with locked(live):
        close_live()
        _sync_dir(live.parent)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        _write_durably(journal, json.dumps({"staging": staging.name, "started": stamp}) + "\n")
        pause_for_tests("journal-written")
        shutil.rmtree(retired, ignore_errors=True)
        if live.exists():
            live.rename(retired)
        pause_for_tests("live-retired")
        staging.rename(live)
        _sync_dir(live.parent)
        pause_for_tests("staging-in-place")
        journal.unlink()
        _sync_dir(live.parent)
        pause_for_tests("journal-removed")
        shutil.rmtree(retired, ignore_errors=True)
