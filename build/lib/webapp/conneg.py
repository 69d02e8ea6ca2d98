"""Content negotiation for documents: HTML, the JSON twin, or RDF, by suffix or ``Accept`` header."""

from __future__ import annotations

from flask import Response, current_app, request

from kb.errors import NotAcceptable
from kb.formats import DOCUMENT_FORMATS
from kb.pages.linked import serialize_triples
from kb.pages.parts import as_json

#: Suffix -> media type of every representation a document can have.
MEDIA_TYPES = {"html": "text/html", "json": "application/json",
               **{suffix: media for suffix, (media, _) in DOCUMENT_FORMATS.items()}}
SUFFIXES = tuple(name for name in MEDIA_TYPES if name != "html")


def split_suffix(path: str) -> tuple[str, str | None]:
    """``("barnea-offer", "ttl")`` for ``barnea-offer.ttl``; no suffix when none is known."""
    stem, dot, suffix = path.rpartition(".")
    if dot and stem and suffix in SUFFIXES:
        return stem, suffix
    return path, None


def negotiate(offers: tuple[str, ...]) -> str:
    """The suffix (``html``, ``ttl``, ...) of the offer the ``Accept`` header prefers (first wins ties)."""
    if not request.accept_mimetypes:
        return offers[0]
    best = request.accept_mimetypes.best_match([MEDIA_TYPES[name] for name in offers])
    if best is None:
        raise NotAcceptable(
            f"cannot answer in any of the formats asked for ({request.headers.get('Accept')})",
            where=request.path,
            hint="ask for one of: " + ", ".join(MEDIA_TYPES[name] for name in offers))
    return next(name for name in offers if MEDIA_TYPES[name] == best)


def alternates(path: str, offers: tuple[str, ...], iri: str | None = None) -> str:
    """A ``Link`` header listing the document's other representations (and the thing it describes)."""
    links = [f'<{path if name == "html" else f"{path}.{name}"}>; rel="alternate"; '
             f'type="{MEDIA_TYPES[name]}"' for name in offers]
    if iri:
        links.append(f'<{iri}>; rel="describes"')
    return ", ".join(links)


def json_response(data: object, status: int = 200) -> Response:
    """A JSON twin: the page data as JSON, with ``"ok": true``."""
    payload = as_json(data)
    body = {"ok": True, **payload} if isinstance(payload, dict) else {"ok": True, "data": payload}
    response = current_app.json.response(body)
    response.status_code = status
    return response


def rdf_response(triples: list, suffix: str) -> Response:
    """Triples serialised in the format of ``suffix``."""
    return Response(serialize_triples(triples, suffix), mimetype=MEDIA_TYPES[suffix],
                    content_type=f"{MEDIA_TYPES[suffix]}; charset=utf-8")


def with_links(response: Response, path: str, offers: tuple[str, ...], iri: str | None = None,
               negotiated: bool = True) -> Response:
    """Add the ``Link`` alternates (and ``Vary: Accept`` when the answer depended on it)."""
    response.headers["Link"] = alternates(path, offers, iri)
    if negotiated:
        response.vary.add("Accept")
    if response.mimetype != "text/html":  # data may be read by pages of other sites
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response
