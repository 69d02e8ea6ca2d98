"""The timeline (home page) and its data, ``/timeline.json``.

The whole view lives in the URL (``from``, ``to``, ``lanes``, ``actor``, ``type``, ``source``,
``status``, ``q``, ``event``): the server renders it as a chronological table with the selected
event's details, so the page works without JavaScript; ``static/timeline.js`` draws the interactive
timeline over it from the same data.
"""

from __future__ import annotations

import gc
import logging
import threading
from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template, request, url_for

from kb.errors import NotFound, QueryError
from kb.pages.claims import thread_page
from kb.pages.event import event_page
from kb.pages.linked import Site, dataset_schema_org
from kb.pages.parts import as_json
from kb.publish.describe import dataset_facts, schema_org_additions
from kb.timeline.index import TimelineIndex
from kb.timeline.model import THRESHOLD, parse_filter
from kb.timeline.view import timeline
from webapp.conneg import json_response
from webapp.state import get_kb, on_reopen

blueprint = Blueprint("pages", __name__)
TABLE_SIZE = 100
log = logging.getLogger(__name__)


@blueprint.record_once
def build_index(setup) -> None:
    """Read every event into a :class:`TimelineIndex` (config TIMELINE_INDEX: background|sync|off).

    Until a background build is done, the timeline is served by SPARQL, with the same answers.
    """
    app, mode = setup.app, setup.app.config.get("TIMELINE_INDEX", "background")
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
            timeline(kb, parse_filter({}), app.extensions["minter"], threshold=_threshold(),
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


def _index() -> TimelineIndex | None:
    return current_app.extensions.get("timeline_index")


def _offset() -> int:
    raw = request.args.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise QueryError(f"{raw!r} is not a page number", where="parameter 'page'", hint="use 1, 2, ...")
    return (int(raw) - 1) * TABLE_SIZE


def _threshold() -> int:
    return int(current_app.config.get("TIMELINE_THRESHOLD", THRESHOLD))


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
    view = timeline(kb, parse_filter(request.args.to_dict(flat=False)), minter, threshold=_threshold(),
                    table_offset=_offset(), table_size=TABLE_SIZE, index=_index())
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


@blueprint.get("/timeline.json")
def timeline_json():
    """The timeline's data for a window and filters: events, or counts per bucket past a threshold.

    A text search (``q``) reads every event of the window: it runs in a query worker under the
    time limit, like a SPARQL query, so that it cannot hold up this process.
    """
    params = request.args.to_dict(flat=False)
    filt = parse_filter(params)
    if filt.text:
        view = current_app.extensions["sparql"].call(
            "kb.pages.timeline:timeline_data", params=params, base=current_app.extensions["minter"].base,
            threshold=_threshold(), margin_days=_margin())
    else:
        view = timeline(get_kb(), filt, current_app.extensions["minter"], threshold=_threshold(),
                        margin_days=_margin(), index=_index())
    response = json_response(view)
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
