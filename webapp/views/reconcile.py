"""``/reconcile``: the W3C Reconciliation Service API (0.2) for OpenRefine and other clients.

A bare GET gives the manifest; ``queries=`` (GET or POST form) reconciles a batch; ``extend=``
adds properties to reconciled ids; ``/reconcile/suggest/{entity,type,property}``,
``/reconcile/propose_properties`` and ``/reconcile/preview`` complete the API. The logic is
:mod:`kb.publish.reconcile`; errors are the one JSON shape with status 400.
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, jsonify, render_template, request

from kb.errors import KBError
from kb.publish import reconcile as service
from webapp.state import get_kb, get_service

blueprint = Blueprint("reconcile", __name__, url_prefix="/reconcile")


def _index() -> service.Index:
    """The candidates, read in a query worker under the time limit (reading every actor, place and
    event must not hold up this process), kept :data:`~kb.publish.reconcile.INDEX_TTL` seconds."""
    kb, cached = get_kb(), current_app.extensions.get("reconcile_index")
    if cached is None or cached[0] is not kb or time.monotonic() - cached[1].built > service.INDEX_TTL:
        base = current_app.extensions["minter"].base
        found = get_service().call("kb.publish.reconcile:entities", base=base)
        cached = current_app.extensions["reconcile_index"] = (kb, service.Index(found))
    return cached[1]  # read again once the store is opened again after a load


def _json(data: object, status: int = 200):
    response = jsonify(data)
    response.status_code = status
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@blueprint.errorhandler(KBError)
def reconcile_error(error: KBError):
    """Every error of the service as the one JSON shape (clients read JSON, whatever they accept)."""
    return _json(error.to_json(), error.status)


def _param(name: str) -> str | None:
    return (
        request.form.get(name)
        if request.method == "POST" and name in request.form
        else request.args.get(name)
    )


@blueprint.route("", methods=["GET", "POST"])
def endpoint():
    """The manifest, or the answer to ``queries=`` or ``extend=``."""
    queries, extend = _param("queries"), _param("extend")
    if queries is not None:
        batch = service.read_queries(service.parse_json(queries, "queries"))
        return _json(service.reconcile(_index(), batch))
    if extend is not None:
        return _json(service.extend(_index(), service.parse_json(extend, "extend")))
    root = request.url_root
    return _json(service.manifest(root, current_app.extensions["minter"].base + "id/"))


def _limit(default: int = 10) -> int:
    raw = request.args.get("limit", str(default))
    if not raw.isdigit() or int(raw) < 1:
        raise service.ReconcileError(
            f"{raw!r} is not a positive whole number", where="limit", hint="send e.g. 10"
        )
    return min(int(raw), service.MAX_LIMIT)


@blueprint.get("/suggest/entity")
def suggest_entity():
    """Entities whose name starts with ``prefix`` (optionally of one ``type``)."""
    return _json(
        {
            "result": service.suggest_entities(
                _index(), request.args.get("prefix", ""), request.args.get("type") or None, _limit()
            )
        }
    )


@blueprint.get("/suggest/type")
def suggest_type():
    """Types whose name starts with ``prefix``."""
    return _json({"result": service.suggest_types(request.args.get("prefix", ""))})


@blueprint.get("/suggest/property")
def suggest_property():
    """Properties whose id or name starts with ``prefix``."""
    return _json(
        {
            "result": service.suggest_properties(
                request.args.get("prefix", ""), request.args.get("type") or None
            )
        }
    )


@blueprint.get("/propose_properties")
def propose_properties():
    """The properties data extension offers for a ``type``."""
    limit = _limit() if "limit" in request.args else None
    return _json(service.propose_properties(request.args.get("type"), limit))


@blueprint.get("/preview")
def preview():
    """A small HTML description of one entity (``id=actor/hamas``), for OpenRefine's pop-up."""
    found = service.entity(_index(), request.args.get("id", ""))
    response = current_app.make_response(
        render_template(
            "reconcile/preview.html",
            entity=found,
            kind_name=service.TYPES[found.kind],
            page_url=request.url_root + found.id,
        )
    )
    return response
