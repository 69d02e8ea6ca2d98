"""``/queries``: the gallery of questions, each with its description, text, run link and example."""

from __future__ import annotations

import dataclasses

from flask import Blueprint, jsonify, render_template, url_for

from kb import gallery

blueprint = Blueprint("gallery", __name__)


def _run_link(entry: gallery.Entry) -> str | None:
    """The query page with the question chosen, its example values filled in, and run."""
    if entry.federated:
        return None
    values = {f"param.{name}": value for name, value in entry.example_params.items()}
    return url_for("sparql.querypage.page", name=entry.name, run=1, **values)


@blueprint.get("/queries")
def page():
    """Every question as a section: description, parameters, text, run link, example answer."""
    entries = gallery.entries()
    return render_template("gallery/queries.html", entries=entries,
                           links={entry.name: _run_link(entry) for entry in entries}), 200, {
        "Link": f'<{url_for("gallery.page_json")}>; rel="alternate"; type="application/json"'}


@blueprint.get("/queries.json")
def page_json():
    """The JSON twin: the same questions, with their example answers and run links."""
    return jsonify({"ok": True, "queries": [dict(dataclasses.asdict(entry), run=_run_link(entry))
                                            for entry in gallery.entries()]})
