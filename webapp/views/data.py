"""The data as tables: ``/timeline.csv``, ``/data/{table}.csv``, ``/data/datapackage.json``, and the
answers for events that are gone (410) or merged (301), in every format.

``/timeline.csv`` takes the parameters of ``/timeline.json`` (window, filters, text) and gives the
events table's rows of every event the view matches (not only those drawn), up to
:data:`CSV_ROW_LIMIT` (past it the answer says so in ``X-KB-Truncated``). A named query's answer is
``/query.csv`` (see :mod:`webapp.views.querypage`).
"""

from __future__ import annotations

import json
import time
from urllib.parse import quote

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from kb.errors import NotFound
from kb.pages.linked import Site, describe
from kb.publish import tombstones
from kb.publish.codebook import codebook_html, codebook_markdown
from kb.publish.columns import TABLES
from kb.publish.datapackage import descriptor
from kb.publish.tables import csv_text, event_rows, page_event_rows
from kb.timeline.model import parse_filter
from kb.timeline.view import timeline
from webapp.conneg import MEDIA_TYPES, negotiate, rdf_response
from webapp.state import get_kb, get_service

blueprint = Blueprint("data", __name__)
#: At most this many events in one ``/timeline.csv``.
CSV_ROW_LIMIT = 50_000
CSV_TYPE = "text/csv; charset=utf-8"
#: How long a whole table, once made, is served as it is (seconds): a table of 100k events takes
#: tens of seconds to make.
TABLE_TTL = 300.0


def _csv(text: str, filename: str) -> Response:
    response = Response(text, content_type=CSV_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@blueprint.get("/timeline.csv")
def timeline_csv():
    """The events of a timeline view as the events table (same parameters as ``/timeline.json``)."""
    kb, minter = get_kb(), current_app.extensions["minter"]
    view = timeline(
        kb,
        parse_filter(request.args.to_dict(flat=False)),
        minter,
        threshold=0,
        table_offset=0,
        table_size=CSV_ROW_LIMIT,
        index=current_app.extensions.get("timeline_index"),
    )
    rows = event_rows(kb, minter, [item.iri for item in view.table]) if view.table else []
    response = _csv(csv_text("events", rows), "timeline.csv")
    if view.total > len(view.table):
        response.headers["X-KB-Truncated"] = "true"
    query = quote(request.query_string.decode("latin-1"), safe="=&%+")  # nothing that ends a Link
    twin = url_for("pages.timeline_json") + (f"?{query}" if query else "")
    response.headers["Link"] = f'<{twin}>; rel="alternate"; type="application/json"'
    return response


@blueprint.get("/data/<name>.csv")
def table_csv(name: str):
    """One whole table (events, claims, roles, actors, places, sources, relations)."""
    if name not in TABLES:
        raise NotFound(f"no table '{name}'", where=request.path, hint="use one of: " + ", ".join(TABLES))
    kb, cache = get_kb(), current_app.extensions.setdefault("table_csv", {})
    cached = cache.get(name)
    if cached is None or cached[0] is not kb or time.monotonic() - cached[1] > TABLE_TTL:
        # Reading a whole table must not hold up this process: a query worker does it, under the
        # time limit; kept a few minutes, and read again once the store is opened after a load.
        text = get_service().call("kb.publish.tables:table_csv", name=name,
                                  base=current_app.extensions["minter"].base)
        cached = cache[name] = (kb, time.monotonic(), text)
    return _csv(cached[2], f"{name}.csv")


@blueprint.get("/data/codebook.<any(html, md):suffix>")
def codebook(suffix: str):
    """The codebook of every table and column, as a page or as Markdown."""
    if suffix == "html":
        return Response(codebook_html(), content_type="text/html; charset=utf-8")
    return Response(codebook_markdown(), content_type="text/markdown; charset=utf-8")


@blueprint.get("/data/datapackage.json")
def datapackage_json():
    """The data package descriptor, its resources pointing at ``/data/{table}.csv``."""
    package = descriptor()
    site = Site(request.url_root, current_app.extensions["minter"].base)
    for resource in package["resources"]:
        resource["path"] = site.url(f"/data/{resource['name']}.csv")
    response = current_app.response_class(
        json.dumps(package, indent=1, ensure_ascii=False), content_type="application/json"
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


#: Pages whose events come as a table (``/actor/ID.csv``), answered through the entity view.
CSV_KINDS = ("event", "actor", "place", "source")


def page_csv(kind: str, slug: str):
    """The events of a page as the events table: an event's row, an actor's, place's or source's events."""
    kb, minter = get_kb(), current_app.extensions["minter"]
    gone = tombstone_answer(kind, slug, "csv", ("html",))
    if gone is not None:
        return gone
    if not kb.contains(minter.entity(kind, slug)):
        raise NotFound(f"no {kind} '{slug}'", where=request.path, hint="start from the timeline at /")
    return _csv(csv_text("events", page_event_rows(kb, minter, kind, slug)), f"{slug}.csv")


def tombstone_answer(
    kind: str, slug: str, suffix: str | None, offers: tuple[str, ...], identifier: bool = False
) -> Response | None:
    """For an event that a release removed: 301 to the survivor of a merge, else 410 Gone with when
    and why, in the format asked for. ``None`` for anything else."""
    if kind != "event":
        return None
    kb, minter = get_kb(), current_app.extensions["minter"]
    stone = tombstones.find(kb, minter, slug)
    if stone is None or tombstones.is_live(kb, minter, slug):
        return None
    target = tombstones.survivor(kb, minter, stone)
    if target is not None:
        if identifier:
            location = url_for("entities.identifier", kind="event", slug=target)
        else:
            path = url_for("entities.document", kind="event", slug=target)
            location = f"{path}.{suffix}" if suffix else path
        response = redirect(location, code=301)
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
    chosen = suffix or negotiate(offers)
    if chosen == "csv":  # a table has no room for a tombstone: the one JSON error shape says it
        chosen = "json"
    message = (
        f"event '{slug}' was removed in release {stone.version} on {stone.removed_on.isoformat()}: "
        f"{stone.reason}"
    )
    if chosen == "json":
        response = current_app.json.response(
            {"ok": False, "error": message, "status": 410, "tombstone": stone.as_json()}
        )
    elif chosen == "html":
        response = current_app.make_response(render_template("data/gone.html", stone=stone))
    else:
        response = rdf_response(describe(kb, minter.event(slug).value), chosen)
    response.status_code = 410
    response.headers["Access-Control-Allow-Origin"] = "*"
    if chosen in MEDIA_TYPES and not suffix:
        response.vary.add("Accept")
    return response
