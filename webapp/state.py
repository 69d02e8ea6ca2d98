"""The app's resources, built in one place from its config, and read by the blueprints.

:func:`init_app` (called once by ``create_app``) opens the knowledge base, starts the SPARQL query
service (worker processes, answer cache: :mod:`webapp.sparql`) and the in-memory timeline index;
blueprints only read them (:func:`get_kb`, :func:`get_service`, :func:`get_timeline_index`).

A serving process of ``kb serve --processes N`` holds the store open read-only, which shows the
store as it was when it was opened. When a writer (``kb load``) has closed the store, it leaves a
new generation file beside it (:func:`kb.store.mark_changed`); before a request, at most once a
second, the app looks at that file and, when it changed, opens the store again and calls what the
areas registered with :func:`on_reopen` (the query workers restart, caches are dropped, the
timeline index is rebuilt). Each request keeps the knowledge base it started with (``g.kb``), so
no answer mixes the data of two loads.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import threading
import time
from collections.abc import Callable

from flask import Flask, current_app, g

from kb.store import KnowledgeBase, generation, open_kb
from kb.timeline.index import TimelineIndex
from kb.timeline.model import THRESHOLD, parse_filter
from kb.timeline.view import timeline
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
    if read_only and not kb.remote:
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
    turns it off); ``QUERY_TIMEOUT`` as ``kb serve`` sets it."""
    cache_mb = app.config.get("SPARQL_CACHE_MB", os.environ.get("KB_SPARQL_CACHE_MB", 32))
    service = QueryService(app.extensions["kb"], float(app.config["QUERY_TIMEOUT"]),
                           cache_bytes=int(float(cache_mb) * 1024 * 1024),
                           lanes=lanes_from(app.config, os.environ))
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
    """Read every event into a :class:`TimelineIndex` (config TIMELINE_INDEX: background|sync|off).

    Until a background build is done, the timeline is served by SPARQL, with the same answers.
    """
    mode = app.config.get("TIMELINE_INDEX", "background")
    if mode in (False, None, "off"):
        return

    def build() -> None:
        kb = app.extensions["kb"]
        try:
            index = TimelineIndex.build(kb, app.extensions["minter"])
        except Exception:  # the store went away (closed at shutdown): serve by SPARQL
            log.exception("the timeline index could not be built; the timeline is served by SPARQL")
            return
        if index is None:
            return
        with app.app_context():  # the first page and the whole timeline, ready before anyone asks
            timeline(kb, parse_filter({}), app.extensions["minter"], threshold=timeline_threshold(app.config),
                     table_offset=0, table_size=TABLE_SIZE, index=index)
        if app.extensions["kb"] is kb:  # not opened again meanwhile
            app.extensions["timeline_index"] = index
        gc.freeze()  # the index lives as long as the app: keep the collector from walking it again
        log.info("timeline index: %d events in %.1f s", len(index), index.seconds)

    def start(_kb=None) -> None:
        app.extensions.pop("timeline_index", None)  # served by SPARQL until the new one is built
        if mode == "sync" and _kb is None:
            build()
        else:
            threading.Thread(target=build, name="timeline-index", daemon=True).start()

    on_reopen(app, start)
    start()


def get_timeline_index() -> TimelineIndex | None:
    """The app's timeline index, once built (``None`` meanwhile: the timeline is served by SPARQL)."""
    return current_app.extensions.get("timeline_index")


def get_kb() -> KnowledgeBase:
    """The knowledge base of this request (the one the app held when the request began)."""
    return g.get("kb") or current_app.extensions["kb"]


class Watcher:
    """Opens the store again when its generation file changes (looked at once a second at most)."""

    def __init__(self, app: Flask):
        self.app = app
        self.path = app.extensions["kb"].backend.path
        self.seen = generation(self.path)
        self.looked = time.monotonic()
        self.lock = threading.Lock()

    def pin(self) -> None:
        """Before a request: look for a new generation, then keep this request on one store."""
        self.check()
        g.kb = self.app.extensions["kb"]

    def check(self) -> None:
        """Open the store again if a writer has closed it since we opened it."""
        if time.monotonic() - self.looked < CHECK_SECONDS:
            return
        with self.lock:
            if time.monotonic() - self.looked < CHECK_SECONDS:
                return
            self.looked = time.monotonic()
            current = generation(self.path)
            if current == self.seen:
                return
            kb = open_kb(self.path, read_only=True)
            self.seen = current
            self.app.extensions["kb"] = kb  # the old one goes when its last request is done
            for callback in self.app.extensions.get("kb_reopened", []):
                callback(kb)
