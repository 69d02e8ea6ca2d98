"""The timeline (home page)."""

from __future__ import annotations

from flask import Blueprint, render_template

from kb.queries import catalogue, run
from webapp.state import get_kb

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def timeline():
    """The chronological table of every event."""
    table = run(get_kb(), catalogue()["timeline"])
    return render_template("timeline.html", events=table.records())
