"""The dataset as a whole: its VoID/DCAT description at ``/.well-known/void`` and full dumps."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from kb.errors import NotFound
from kb.formats import DUMP_FILES
from kb.pages.linked import Site, serialize_triples, void
from webapp.conneg import negotiate, rdf_response, with_links
from webapp.state import get_kb

blueprint = Blueprint("linked", __name__)
VOID_OFFERS = ("ttl", "jsonld", "nt", "rdf", "html")


def site() -> Site:
    """Where this site is served and the IRI base its entities are minted under."""
    return Site(request.url_root, current_app.extensions["minter"].base)


@blueprint.get("/.well-known/void", defaults={"suffix": None})
@blueprint.get("/.well-known/void.<any(ttl, jsonld, nt, rdf):suffix>")
def void_description(suffix: str | None):
    """The VoID and DCAT description (Turtle unless the client prefers another format or HTML)."""
    chosen = suffix or negotiate(VOID_OFFERS)
    triples = void(get_kb(), site())
    if chosen == "html":
        response = current_app.make_response(render_template(
            "void.html", turtle=serialize_triples(triples, "ttl").decode("utf-8"), dumps=DUMP_FILES,
            site=site()))
    else:
        response = rdf_response(triples, chosen)
    return with_links(response, url_for("linked.void_description"), VOID_OFFERS[:-1],
                      negotiated=suffix is None)


@blueprint.get("/dumps/<name>")
def dump(name: str):
    """The whole knowledge base, every named graph kept: N-Quads, TriG or JSON-LD."""
    if name not in DUMP_FILES:
        raise NotFound(f"no dump '{name}'", where=request.path, hint="use one of: " + ", ".join(DUMP_FILES))
    format_name, media_type = DUMP_FILES[name]
    return Response(get_kb().dump(format_name), content_type=f"{media_type}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "Access-Control-Allow-Origin": "*"})
