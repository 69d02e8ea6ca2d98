"""Entity pages and linked data: ``/id/...`` answers 303, ``/{kind}/{id}`` the page in any format.

An entity's IRI ``{KB_BASE}id/{kind}/{id}`` names the thing (an event, an actor ...: a kind of
:attr:`kb.vocab.Minter.KINDS`); requested at this site it answers *303 See Other* to the document
about it, ``/{kind}/{id}`` for HTML or ``/{kind}/{id}.ttl|.jsonld|.nt|.rdf|.json`` as the ``Accept``
header prefers. The documents negotiate too, and each suffix gives one format outright.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from kb.pages.actor import actor_page
from kb.pages.event import event_page
from kb.pages.linked import describe, ontology_triples, schema_org
from kb.pages.ontology import ontology_page
from kb.pages.parts import EntityNotFound
from kb.pages.place import place_page
from kb.pages.resource import resource_page
from kb.pages.source import source_page
from kb.vocab import Minter
from webapp.conneg import json_response, negotiate, rdf_response, split_suffix, with_links
from webapp.security import link_target
from webapp.state import get_kb
from webapp.views.data import CSV_KINDS, page_csv, tombstone_answer

blueprint = Blueprint("entities", __name__)

KINDS = ", ".join(Minter.KINDS)
OFFERS = ("html", "json", "ttl", "jsonld", "nt", "rdf")
#: Kinds whose IRIs may have parts below them (roles, selectors) that their document covers.
OWN_PARTS = {"event", "actor", "place", "source", "annotation", "post"}
BUILDERS = {
    "event": (event_page, "event.html"),
    "actor": (actor_page, "actor.html"),
    "place": (place_page, "place.html"),
    "source": (source_page, "source.html"),
}


#: Entity pages each serving process remembers (per load generation: a load empties it).
PAGE_CACHE_SIZE = 256


def _page(kb, kind: str, slug: str):
    """The page of an entity, built (a dozen queries: tens of milliseconds each over a remote
    store) or remembered for the store ``kb`` is; the store's next generation starts afresh."""
    held = current_app.extensions.get("page_cache")
    if held is None or held[0] is not kb:
        held = current_app.extensions["page_cache"] = (kb, OrderedDict(), threading.Lock())
    _, pages, lock = held
    with lock:
        page = pages.get((kind, slug))
        if page is not None:
            pages.move_to_end((kind, slug))
            return page
    build = BUILDERS.get(kind, (None, None))[0]
    page = build(kb, minter(), slug) if build else resource_page(kb, minter(), kind, slug)
    if not kb.remote and not current_app.config.get("KB_READ_ONLY"):
        return page  # a store this process writes: nothing tells a cached page is stale
    with lock:
        pages[(kind, slug)] = page
        while len(pages) > PAGE_CACHE_SIZE:
            pages.popitem(last=False)
    return page


def minter():
    """The app's IRI minter (its base is the KB_BASE setting)."""
    return current_app.extensions["minter"]


@blueprint.get(f"/id/<any({KINDS}):kind>/<path:slug>")
def identifier(kind: str, slug: str):
    """An entity IRI: 303 See Other to the document about it, in the format asked for."""
    document_slug = slug.split("/", 1)[0] if kind in OWN_PARTS else slug
    gone = tombstone_answer(kind, slug, None, OFFERS, identifier=True)
    if gone is not None:  # removed (410) or merged (301) by a release
        return gone
    if not get_kb().contains(minter().entity(kind, slug)):
        raise EntityNotFound(kind, slug)
    suffix = negotiate(OFFERS)
    target = url_for("entities.document", kind=kind, slug=document_slug)
    response = redirect(target if suffix == "html" else f"{target}.{suffix}", code=303)
    response.vary.add("Accept")
    return response


@blueprint.get(f"/<any({KINDS}):kind>/<path:slug>")
def document(kind: str, slug: str):
    """The document about an entity: its page, its JSON twin or its RDF description."""
    kb, slug_only = get_kb(), slug
    if kind in CSV_KINDS and slug.endswith(".csv") and not kb.contains(minter().entity(kind, slug)):
        return page_csv(kind, slug.removesuffix(".csv"))  # the page's events as the events table
    slug_only, suffix = split_suffix(slug)
    if suffix and kb.contains(minter().entity(kind, slug)):  # a slug that ends like a suffix
        slug_only, suffix = slug, None
    gone = tombstone_answer(kind, slug_only, suffix, OFFERS)
    if gone is not None:  # removed (410) or merged (301) by a release
        return gone
    page = _page(kb, kind, slug_only)
    template = BUILDERS.get(kind, (None, "resource.html"))[1]
    chosen = suffix or negotiate(OFFERS)
    path = url_for("entities.document", kind=kind, slug=slug_only)
    if chosen == "json":
        response = json_response(page)
    elif chosen != "html":
        response = rdf_response(describe(kb, page.iri), chosen)
    else:
        response = current_app.make_response(render_template(
            template, page=page, jsonld=schema_org(page, url_for("entities.document", kind=kind,
                                                                 slug=slug_only, _external=True))))
    return with_links(response, path, OFFERS, page.iri, negotiated=suffix is None)


@blueprint.get("/ontology", defaults={"suffix": None})
@blueprint.get("/ontology.<any(json, ttl, jsonld, nt, rdf):suffix>")
def ontology(suffix: str | None):
    """Every class and property of the ontology, labelled and defined."""
    page = ontology_page(get_kb())
    chosen = suffix or negotiate(OFFERS)
    if chosen == "json":
        response = json_response(page)
    elif chosen != "html":
        response = rdf_response(ontology_triples(), chosen)
    else:
        response = current_app.make_response(render_template(
            "ontology.html", page=page, jsonld=schema_org(page, url_for("entities.ontology",
                                                                        _external=True))))
    return with_links(response, url_for("entities.ontology"), OFFERS, page.iri,
                      negotiated=suffix is None)


@blueprint.app_template_global()
def entity_url(ref) -> str:
    """The page of a :class:`kb.pages.parts.Ref` (or an external IRI as it is)."""
    if ref.kind == "external":
        return link_target(ref.iri) or "#"
    return url_for("entities.document", kind=ref.kind, slug=ref.id)


@blueprint.app_template_global()
def event_url(event_id: str) -> str:
    """The page of an event by id."""
    return url_for("entities.document", kind="event", slug=event_id)


@blueprint.app_template_global()
def request_args() -> dict:
    """The request's query arguments, as lists (for links that keep the view)."""
    return request.args.to_dict(flat=False)


@blueprint.app_template_filter("script_json")
def script_json_filter(data: dict) -> str:
    """JSON for a ``<script>`` element (``</script>`` cannot close it early)."""
    from kb.pages.linked import script_json

    return script_json(data)
