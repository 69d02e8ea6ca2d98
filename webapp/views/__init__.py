"""The route table: each area is a blueprint in its own module."""

from __future__ import annotations

from flask import Flask

from webapp.views import data, entities, gallery, linked, pages, reconcile, sparql


def register(app: Flask) -> None:
    """Register every blueprint on ``app``."""
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(entities.blueprint)
    app.register_blueprint(linked.blueprint)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(data.blueprint)
    app.register_blueprint(reconcile.blueprint)
    app.register_blueprint(gallery.blueprint)
