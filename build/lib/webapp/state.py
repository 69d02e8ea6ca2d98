"""The app's one state object: the open knowledge base, shared by every request.

A serving process of ``kb serve --processes N`` holds the store open read-only, which shows the
store as it was when it was opened. When a writer (``kb load``) has closed the store, it leaves a
new generation file beside it (:func:`kb.store.mark_changed`); before a request, at most once a
second, the app looks at that file and, when it changed, opens the store again and calls what the
areas registered with :func:`on_reopen` (the query workers restart, caches are dropped, the
timeline index is rebuilt). Each request keeps the knowledge base it started with (``g.kb``), so
no answer mixes the data of two loads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from flask import Flask, current_app, g

from kb.store import KnowledgeBase, generation, open_kb

#: Seconds between two looks at the generation file.
CHECK_SECONDS = 1.0


def init_app(app: Flask) -> None:
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
