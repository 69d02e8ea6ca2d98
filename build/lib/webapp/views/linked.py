"""The dataset as a whole: its VoID/DCAT description at ``/.well-known/void`` and full dumps."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, render_template, request, url_for

from kb.errors import KBError, NotFound
from kb.formats import DUMP_FILES
from kb.pages.linked import Site, serialize_triples, void
from kb.publish.describe import dataset_facts, void_additions
from webapp.conneg import negotiate, rdf_response, with_links
from webapp.state import get_kb

blueprint = Blueprint("linked", __name__)
log = logging.getLogger(__name__)
VOID_OFFERS = ("ttl", "jsonld", "nt", "rdf", "html")


def site() -> Site:
    """Where this site is served and the IRI base its entities are minted under."""
    return Site(request.url_root, current_app.extensions["minter"].base)


@blueprint.get("/.well-known/void", defaults={"suffix": None})
@blueprint.get("/.well-known/void.<any(ttl, jsonld, nt, rdf):suffix>")
def void_description(suffix: str | None):
    """The VoID and DCAT description (Turtle unless the client prefers another format or HTML)."""
    chosen = suffix or negotiate(VOID_OFFERS)
    kb = get_kb()
    facts = dataset_facts(kb, current_app.extensions["minter"], site())
    triples = void(kb, site()) + void_additions(facts, site())
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
    if not _DUMPING.acquire(blocking=False):
        error = KBError(f"{MAX_DUMPS} dumps are being sent already", where=request.path,
                        hint="try again in a minute")
        error.status = 503
        raise error
    kb = get_kb()
    try:
        chunks = streamed(lambda output: kb.dump(format_name, output))
    except BaseException:
        _DUMPING.release()
        raise
    return Response(_released(chunks), content_type=f"{media_type}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


#: Dumps a serving process sends at once (each streams from the store in constant memory).
MAX_DUMPS = 8
_DUMPING = threading.BoundedSemaphore(MAX_DUMPS)
#: Bytes gathered before a chunk is handed to the client, and chunks waiting at most.
CHUNK_BYTES = 256 * 1024
QUEUED_CHUNKS = 8


def _released(chunks):
    try:
        yield from chunks
    finally:
        _DUMPING.release()


class _Stopped(Exception):
    """Raised in the writer when the client has gone."""


def streamed(write) -> Iterator[bytes]:
    """The bytes ``write(output)`` writes, as chunks: it runs in a thread and waits while at most
    :data:`QUEUED_CHUNKS` chunks of :data:`CHUNK_BYTES` wait for the client (constant memory)."""
    chunks: queue.Queue = queue.Queue(QUEUED_CHUNKS)
    gone = threading.Event()

    class Writer:
        def __init__(self):
            self.buffer = bytearray()

        def write(self, data) -> int:
            self.buffer += data
            if len(self.buffer) >= CHUNK_BYTES:
                self.flush()
            return len(data)

        def flush(self) -> None:
            if self.buffer:
                _put(bytes(self.buffer))
                self.buffer.clear()

    def _put(item) -> None:
        while True:
            if gone.is_set():
                raise _Stopped
            try:
                chunks.put(item, timeout=1)
                return
            except queue.Full:
                continue

    def run() -> None:
        writer = Writer()
        try:
            write(writer)
            writer.flush()
            _put(None)
        except _Stopped:
            pass
        except Exception as error:  # the client is told the dump was cut short
            log.exception("a dump failed")
            try:
                _put(error)
            except _Stopped:
                pass

    threading.Thread(target=run, name="kb-dump", daemon=True).start()

    def chunks_of() -> Iterator[bytes]:
        try:
            while True:
                item = chunks.get()
                if item is None:
                    return
                if isinstance(item, Exception):
                    raise item
                yield item
        finally:
            gone.set()

    return chunks_of()
