"""The app's one state object: the open knowledge base, shared by every request."""

from __future__ import annotations

from flask import Flask, current_app

from kb.store import KnowledgeBase, open_kb


def init_app(app: Flask) -> None:
    """Open the knowledge base for ``app`` (once; read-only when KB_READ_ONLY) and load the seeds when
    asked (LOAD_SEEDS) and the store is empty."""
    kb = open_kb(app.config["KB_STORE"], read_only=bool(app.config.get("KB_READ_ONLY")))
    app.extensions["kb"] = kb
    if app.config.get("LOAD_SEEDS") and not kb.graphs():
        from kb.load import load
        from kb.paths import SEED_TARGETS

        load(kb, list(SEED_TARGETS), minter=app.extensions["minter"])


def get_kb() -> KnowledgeBase:
    """The knowledge base of the running app."""
    return current_app.extensions["kb"]
