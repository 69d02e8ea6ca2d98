"""The route table: each area is a blueprint in its own module."""

from __future__ import annotations

from flask import Flask

from webapp.views import data, entities, gallery, linked, pages, querypage, reconcile, sparql

# /query rides on the SPARQL blueprint (endpoints ``sparql.querypage.*``); neither module imports the other
sparql.blueprint.register_blueprint(querypage.blueprint)


def register(app: Flask) -> None:
    """Register every blueprint on ``app``."""
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(entities.blueprint)
    app.register_blueprint(linked.blueprint)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(data.blueprint)
    app.register_blueprint(reconcile.blueprint)
    app.register_blueprint(gallery.blueprint)
    app.wsgi_app = sparql.FastPath(app.wsgi_app, app)  # GET /sparql answered before Flask routing
