"""The app's resources, built in one place from its config, and read by the blueprints.

:func:`init_app` (called once by ``create_app``) opens the knowledge base, starts the SPARQL query
service (worker processes, answer cache: :mod:`webapp.sparql`) and the in-memory timeline index;
blueprints only read them (:func:`get_kb`, :func:`get_service`, :func:`get_timeline_index`).

What a load changes, every serving process sees before its next request (over a remote store within
:data:`CHECK_SECONDS`): before a request (over a remote store at most once that often) the app reads
the store's load generation
(:meth:`kb.store.KnowledgeBase.generation`: on the embedded store the generation file a writer
leaves when it closes the store, see :func:`kb.store.mark_changed`; on a remote store one triple
every ``kb`` load rewrites, read by one small request with a short time limit) and, when it
changed, opens the store again and calls what the areas registered with :func:`on_reopen` (the
query workers restart, the answer cache is emptied, the timeline index is rebuilt). So several
``kb serve`` over one remote store hold nothing that stays stale after a load made through any of
them. Each request keeps the knowledge base it started with (``g.kb``), so no answer mixes the
data of two loads of an embedded store.
"""

from __future__ import annotations

import atexit
import fcntl
import gc
import hashlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app, g

from kb.errors import KBError
from kb.store import KnowledgeBase, open_kb
from kb.timeline import overview as counts
from kb.timeline.index import TimelineIndex
from kb.timeline.model import THRESHOLD, TimelineFilter, parse_filter
from kb.timeline.view import forget as forget_views
from kb.timeline.view import timeline, whole_and_plain
from kb.timeline.window import forget
from webapp.sparql.service import QueryService, lanes_from

#: Seconds between two looks at the generation file.
CHECK_SECONDS = 1.0
#: Rows of the timeline's table on one page.
TABLE_SIZE = 100
log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Build ``app``'s resources: its knowledge base, query service and timeline index."""
    open_store(app)
    start_query_service(app)
    start_timeline_index(app)


def open_store(app: Flask) -> None:
    """Open the knowledge base for ``app`` (once; read-only when KB_READ_ONLY) and load the seeds when
    asked (LOAD_SEEDS) and the store is empty."""
    read_only = bool(app.config.get("KB_READ_ONLY"))
    kb = open_kb(app.config["KB_STORE"], read_only=read_only)
    app.extensions["kb"] = kb
    if app.config.get("LOAD_SEEDS"):
        from kb.load import seed_if_empty

        seed_if_empty(kb, minter=app.extensions["minter"])
    if read_only or kb.remote:
        watcher = Watcher(app)
        app.extensions["kb_watcher"] = watcher
        app.before_request(watcher.pin)


def on_reopen(app: Flask, callback: Callable[[KnowledgeBase], None]) -> None:
    """Have ``callback(new_kb)`` called each time the app opens its store again."""
    app.extensions.setdefault("kb_reopened", []).append(callback)


def start_query_service(app: Flask) -> None:
    """Give the app its query service. Settings (config, else environment): the lanes of worker
    processes (:func:`~webapp.sparql.service.lanes_from`: ``SPARQL_WORKERS`` / ``KB_SPARQL_WORKERS``
    in the fast lane (3) ...), ``SPARQL_CACHE_MB`` / ``KB_SPARQL_CACHE_MB`` answer cache (32; 0
    turns it off); ``QUERY_TIMEOUT`` as ``kb serve`` sets it; ``SPARQL_SHARED_LANE``: the fast lane
    ``kb serve``'s supervisor runs for all its serving processes (:mod:`webapp.sparql.shared`)."""
    cache_mb = app.config.get("SPARQL_CACHE_MB", os.environ.get("KB_SPARQL_CACHE_MB", 32))
    service = QueryService(app.extensions["kb"], float(app.config["QUERY_TIMEOUT"]),
                           cache_bytes=int(float(cache_mb) * 1024 * 1024),
                           lanes=lanes_from(app.config, os.environ),
                           shared=app.config.get("SPARQL_SHARED_LANE"))
    app.extensions["sparql"] = service
    on_reopen(app, service.reopened)
    atexit.register(service.close)


def get_service() -> QueryService:
    """The app's query service (worker pool or remote store)."""
    return current_app.extensions["sparql"]


def timeline_threshold(config) -> int:
    """How many events a timeline view lists before it counts them by bucket (TIMELINE_THRESHOLD)."""
    return int(config.get("TIMELINE_THRESHOLD", THRESHOLD))


def start_timeline_index(app: Flask) -> None:
    """Read every event into a :class:`TimelineIndex` (config TIMELINE_INDEX: background|sync|off),
    or read back the one kept for the store's load generation (config TIMELINE_CACHE, a folder).

    The serving processes of one machine build it once between them: the first takes a lock beside
    the kept file and builds, the others wait and read what it kept. Until the index is there, a
    window is read from the stored index of periods (three literals a month) and its events' rows,
    with the same answers, and the whole timeline with no filter (the home page) from the stored
    counts (:mod:`kb.timeline.overview`); only a window of more than :data:`LARGE_WINDOW` events
    waits for the index, which reads what it would read, once (see :func:`get_timeline_index`).
    """
    mode = app.config.get("TIMELINE_INDEX", "background")
    if mode in (False, None, "off"):
        return
    delay = float(app.config.get("TIMELINE_INDEX_DELAY", INDEX_DELAY_SECONDS))

    def build(done: threading.Event) -> None:
        kb = app.extensions["kb"]
        try:
            index = _kept_or_built(app, kb)
            if index is not None:
                with app.app_context():  # the first page and the whole timeline, ready before anyone asks
                    timeline(kb, parse_filter({}), app.extensions["minter"],
                             threshold=timeline_threshold(app.config), table_offset=0,
                             table_size=TABLE_SIZE, index=index)
        except Exception:  # the store went away (closed at shutdown): serve by SPARQL
            log.exception("the timeline index could not be built; the timeline is served by SPARQL")
            index = None
        if index is not None and app.extensions["kb"] is kb:  # not opened again meanwhile
            app.extensions["timeline_index"] = index
        done.set()
        if index is not None:
            gc.freeze()  # the index lives as long as the app: keep the collector from walking it again
            log.info("timeline index: %d events in %.1f s", len(index), index.seconds)

    def in_background(done: threading.Event, go: threading.Event) -> None:
        go.wait(delay)  # the first page first: it is drawn from what the store keeps
        with _gently():
            build(done)

    def start(_kb=None) -> None:
        app.extensions.pop("timeline_index", None)  # served from the stored index until built
        done = app.extensions["timeline_building"] = threading.Event()
        go = app.extensions["timeline_go"] = threading.Event()
        if mode == "sync" and _kb is None:
            go.set()
            build(done)
        else:
            threading.Thread(target=in_background, args=(done, go), name="timeline-index",
                             daemon=True).start()

    on_reopen(app, start)
    app.after_request(_answered)
    start()


#: Seconds the index build waits, after a start, for the first page to be answered (a view that
#: must wait for the index starts it at once; config TIMELINE_INDEX_DELAY).
INDEX_DELAY_SECONDS = 10.0
#: The interpreter's switch interval while the index is built in the background (seconds): a
#: request waiting for the interpreter's lock gets it within this, not within the default 5 ms,
#: each time it gave it up for I/O (a page read over a remote store gives it up hundreds of times).
BUILD_SWITCH_SECONDS = 0.0005


def _answered(response):
    """After a request: the index build may start (see :data:`INDEX_DELAY_SECONDS`)."""
    _build_now()
    return response


def _build_now() -> None:
    """Let the index build start now, without waiting for :data:`INDEX_DELAY_SECONDS`."""
    go = current_app.extensions.get("timeline_go")
    if go is not None:
        go.set()


@contextmanager
def _gently():
    """Build the index in this thread without holding up the pages: a lower priority for the
    thread (Linux: niceness is per thread) and a short switch interval while it runs."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, BUILD_SWITCH_SECONDS))
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (OSError, AttributeError):  # not on this system: the priority stays
        pass
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _kept_or_built(app: Flask, kb: KnowledgeBase) -> TimelineIndex | None:
    """The index kept for the store's generation, else one built now (and kept). The serving
    processes of one machine take turns (a lock per store in TIMELINE_CACHE): while one builds,
    the others wait, then read what it kept."""
    minter = app.extensions["minter"]
    kept = snapshot_path(app, kb)
    index = TimelineIndex.load(kept, minter) if kept else None
    if index is not None:
        return index
    folder = app.config.get("TIMELINE_CACHE")
    with _building(Path(folder) / f"timeline-{_store_key(kb)}.lock" if folder else None):
        index = TimelineIndex.load(kept, minter) if kept else None
        if index is None:
            index = TimelineIndex.build(kb, minter)
            if index is not None and kept is not None:
                _keep_only(kept)
                index.save(kept)
    return index


@contextmanager
def _building(lock: Path | None):
    """Hold ``lock`` (nothing when there is none or its folder cannot be written)."""
    try:
        if lock is None:
            raise OSError("no folder")
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a+b")  # held until the build is done
    except OSError:
        yield
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # releases the lock


def _store_key(kb: KnowledgeBase) -> str:
    return hashlib.sha256(kb.location.encode()).hexdigest()[:16]


def snapshot_path(app: Flask, kb: KnowledgeBase) -> Path | None:
    """Where the timeline index of the store's current load generation is kept between starts
    (config TIMELINE_CACHE, a folder; ``kb serve`` sets it), or ``None``. The file is named after
    the store, its generation and the base IRI, so a kept index is never read after a load."""
    folder = app.config.get("TIMELINE_CACHE")
    try:
        stamp = kb.generation() if folder else None
    except KBError:  # a store too busy to say: build, and keep nothing
        return None
    if not stamp:
        return None
    kept = hashlib.sha256(f"{stamp}\n{app.extensions['minter'].base}".encode()).hexdigest()[:16]
    return Path(folder) / f"timeline-{_store_key(kb)}-{kept}.json"


def _keep_only(kept: Path) -> None:
    """Remove the kept indexes of the same store's earlier generations."""
    prefix = kept.name.rsplit("-", 1)[0]
    for old in kept.parent.glob(f"{prefix}-*.json"):
        if old != kept:
            old.unlink(missing_ok=True)


#: A view whose window holds more events than this (as the stored counts say) waits for the index
#: being built rather than reading them: reading that many rows costs about what the build does.
LARGE_WINDOW = 200_000
#: A window of more months than this waits for the index on a store without counts (nothing to
#: tell how many events it holds).
WIDE_MONTHS = 24
#: How long a view waits for the index at most (then it is read from the store).
INDEX_WAIT_SECONDS = 600.0


def get_timeline_index(filt: TimelineFilter | None = None) -> TimelineIndex | None:
    """The app's timeline index, once built (``None`` meanwhile: views are read from the store).

    While it is being built, a view (``filt``) is answered from what the store keeps (the whole
    timeline with no filter from the stored counts, any other window from its stored rows, read in
    a few requests whose cost grows with the window, never with the store), so no page waits. Two
    waits remain, both for less than reading the rows would cost: the index read back from the
    file kept for this load generation (a fraction of a second), and a window of more than
    :data:`LARGE_WINDOW` events (on a store without counts, of more than :data:`WIDE_MONTHS`
    months)."""
    index = current_app.extensions.get("timeline_index")
    building = current_app.extensions.get("timeline_building")
    if index is None and filt is not None and building is not None and not building.is_set() \
            and (_kept() or _too_large(filt)):
        _build_now()  # a view that waits for the index: its build starts now
        building.wait(INDEX_WAIT_SECONDS)
        index = current_app.extensions.get("timeline_index")
    return index


def _kept() -> bool:
    """True when the index is being read back from the file kept for this load generation (a
    fraction of a second: better waited for than drawn from the counts)."""
    kept = snapshot_path(current_app, get_kb())
    return kept is not None and kept.exists()


def _too_large(filt: TimelineFilter) -> bool:
    """True when the view of ``filt`` would read more rows than building the index does, or as
    many (see :data:`LARGE_WINDOW`): never the view the stored counts answer."""
    kb, minter = get_kb(), current_app.extensions["minter"]
    try:
        found = counts.stored_counts(kb, minter)
        if found is None:
            return _wide(filt)
        if whole_and_plain(kb, filt, minter):
            return False
    except KBError:  # a store too busy to say: wait for the index
        return True
    first = filt.earliest.isoformat()[:7] if filt.earliest else ""
    last = filt.latest.isoformat()[:7] if filt.latest else "9999-12"
    return sum(count for month, count in found.by_month() if first <= month <= last) > LARGE_WINDOW


def _wide(filt: TimelineFilter) -> bool:
    if filt.earliest is None or filt.latest is None:
        return True  # the whole timeline
    months = (filt.latest.year - filt.earliest.year) * 12 + filt.latest.month - filt.earliest.month
    return months > WIDE_MONTHS


def get_kb() -> KnowledgeBase:
    """The knowledge base of this request (the one the app held when the request began)."""
    return g.get("kb") or current_app.extensions["kb"]


class Watcher:
    """Opens the store again when its load generation changes (looked at once a second at most)."""

    def __init__(self, app: Flask):
        self.app = app
        kb = app.extensions["kb"]
        self.location, self.remote = kb.location, kb.remote
        try:
            self.seen = kb.generation()
        except KBError as error:  # a store too busy to say now: the first look that can will reopen
            log.warning("the store's load generation could not be read (%s)", error)
            self.seen = None
        self.looked = time.monotonic()
        self.lock = threading.Lock()

    def pin(self) -> None:
        """Before a request: look for a new generation, then keep this request on one store."""
        self.check()
        g.kb = self.app.extensions["kb"]

    def check(self) -> None:
        """Open the store again if a writer has closed it since we opened it: an embedded store's
        generation file is looked at before every request (a ``stat``: the query workers shared by
        the serving processes look at it before every job, and a page must not lag behind them),
        a remote store's at most every :data:`CHECK_SECONDS` (one HTTP request)."""
        interval = CHECK_SECONDS if self.remote else 0.0
        if time.monotonic() - self.looked < interval:
            return
        if not self.remote:
            try:
                if self.app.extensions["kb"].generation() == self.seen:
                    return
            except KBError:
                pass
        with self.lock:
            if time.monotonic() - self.looked < interval:
                return
            self.looked = time.monotonic()
            try:
                current = self.app.extensions["kb"].generation()
            except KBError as error:  # a store too busy to say: serve what we have, ask again later
                log.warning("the store's load generation could not be read (%s)", error)
                return
            if current == self.seen:
                return
            kb = open_kb(self.location, read_only=not self.remote)
            self.seen = current
            forget(self.location)
            counts.forget(self.location)
            forget_views(self.location)
            self.app.extensions["kb"] = kb  # the old one goes when its last request is done
            for callback in self.app.extensions.get("kb_reopened", []):
                callback(kb)
