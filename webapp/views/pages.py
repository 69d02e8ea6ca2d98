"""The timeline (home page) and its data, ``/timeline.json``.

The whole view lives in the URL (``from``, ``to``, ``lanes``, ``actor``, ``type``, ``source``,
``status``, ``q``, ``event``): the server renders it as a chronological table with the selected
event's details, so the page works without JavaScript; ``static/timeline.js`` draws the interactive
timeline over it from the same data.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template, request, url_for

from kb.errors import NotFound, QueryError
from kb.pages.claims import thread_page
from kb.pages.event import event_page
from kb.pages.linked import Site, dataset_schema_org
from kb.pages.parts import as_json
from kb.publish.describe import dataset_facts, schema_org_additions
from kb.timeline.index import TimelineIndex
from kb.timeline.model import THRESHOLD, TimelineFilter, TimelineView, parse_filter
from kb.timeline.view import timeline
from webapp import families
from webapp.conneg import json_response
from webapp.state import TABLE_SIZE, get_kb, get_service, get_timeline_index, timeline_threshold

blueprint = Blueprint("pages", __name__)
log = logging.getLogger(__name__)


def _index(filt: TimelineFilter | None = None) -> TimelineIndex | None:
    return get_timeline_index(filt)


def _offset() -> int:
    raw = request.args.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise QueryError(f"{raw!r} is not a page number", where="parameter 'page'", hint="use 1, 2, ...")
    return (int(raw) - 1) * TABLE_SIZE


def _threshold() -> int:
    return timeline_threshold(current_app.config)


def _margin() -> int:
    raw = request.args.get("margin", "0")
    if not raw.isdigit():
        raise QueryError(f"{raw!r} is not a number of days", where="parameter 'margin'",
                         hint="give the days to add on each side of the window, e.g. 30")
    return int(raw)


@blueprint.get("/")
def home():
    """The timeline: filters, the selected event and the chronological table of the window."""
    kb, minter = get_kb(), current_app.extensions["minter"]
    view = _view(request.args.to_dict(flat=False), table_offset=_offset(), table_size=TABLE_SIZE)
    selected, missing = None, None
    if request.args.get("event"):
        try:
            selected = event_page(kb, minter, request.args["event"])
        except NotFound as error:
            missing = error
    site = Site(request.url_root, minter.base)
    jsonld = dataset_schema_org(site, str(view.extent_earliest or ""), str(view.extent_latest or ""))
    additions = schema_org_additions(dataset_facts(kb, minter, site), site)
    jsonld = {**jsonld, **additions, "distribution": jsonld["distribution"] + additions["distribution"]}
    response = current_app.make_response(render_template(
        "timeline.html", view=view, selected=selected, missing=missing, jsonld=jsonld,
        initial={"timeline": {**as_json(view), "table": []},
                 "selected": as_json(selected) if selected else None},
        table_size=TABLE_SIZE))
    query = request.query_string.decode("ascii")
    response.headers["Link"] = (f'<{url_for("pages.timeline_json")}{"?" + query if query else ""}>; '
                                'rel="alternate"; type="application/json"')
    return response


def _view(params: dict[str, list[str]], margin_days: int = 0, table_offset: int | None = None,
          table_size: int = THRESHOLD) -> TimelineView:
    """The view the parameters ask for. A text search (``q``) reads every event of the window: it
    runs in a query worker under the time limit, like a SPARQL query, so that it cannot hold up
    this process; the others come from the in-memory index (or the stored one)."""
    filt = parse_filter(params)
    options = {"threshold": _threshold(), "margin_days": margin_days, "table_offset": table_offset,
               "table_size": table_size}
    if filt.text:
        return get_service().call(
            "kb.pages.timeline:timeline_view", params=params, base=current_app.extensions["minter"].base,
            **options)
    return timeline(get_kb(), filt, current_app.extensions["minter"], index=_index(filt), **options)


@blueprint.get("/timeline.json")
def timeline_json():
    """The timeline's data for a window and filters: events, or counts per bucket past a threshold."""
    response = json_response(_view(request.args.to_dict(flat=False), margin_days=_margin()))
    response.headers["Link"] = f'<{url_for("pages.home")}>; rel="alternate"; type="text/html"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@blueprint.get("/thread/<slug>")
def thread(slug: str):
    """An offer's thread: proposal, counter-proposals, answers, with their terms and what changed."""
    as_data = slug.endswith(".json")
    slug = slug.removesuffix(".json")
    page = thread_page(get_kb(), current_app.extensions["minter"], slug)
    if as_data:
        response = json_response(page)
        html = url_for("pages.thread", slug=slug)
        response.headers["Link"] = f'<{html}>; rel="alternate"; type="text/html"'
        return response
    response = current_app.make_response(render_template("thread.html", page=page))
    response.headers["Link"] = (f'<{url_for("pages.thread", slug=slug + ".json")}>; rel="alternate"; '
                                'type="application/json"')
    return response


@blueprint.app_template_global()
def view_url(**changes) -> str:
    """The timeline's URL with this request's view, changed by ``changes`` (``None`` removes)."""
    args = request.args.to_dict(flat=False) if request.endpoint == "pages.home" else {}
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = value if isinstance(value, list) else [str(value)]
    return url_for("pages.home") + ("?" + urlencode(args, doseq=True) if args else "")


@blueprint.app_template_global()
def type_family(event_type: str) -> dict[str, str]:
    """The family, shape and shade of an event type (see :mod:`webapp.families`)."""
    return families.type_family(event_type)


@blueprint.app_template_global()
def event_families() -> dict:
    """Every family and type, for the script that draws the timeline."""
    return families.families_json()
