"""What an entity page asks a remote store: an unknown id costs one request; a claim's chain of
relays is one request, however long, and reads the same on both stores.

Real parts: a real ``oxigraph serve`` on 127.0.0.1, reached through a real HTTP relay that counts
the requests it passes on, and a real on-disk store beside it.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad

from kb.cli import main
from kb.pages.actor import actor_page
from kb.pages.event import event_page
from kb.pages.parts import CHAIN_LINKS, EntityNotFound, claims
from kb.pages.source import source_page
from kb.store import open_kb
from kb.vocab import PROV, RDFS, Minter
from tests.helpers_server import oxigraph_server
from tests.support import DATA

pytestmark = pytest.mark.remote


class _Relay(BaseHTTPRequestHandler):
    """Passes each request on to ``server.target`` and counts it."""

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() in ("content-type", "accept")}
        with self.server.lock:
            self.server.count += 1
        request = urllib.request.Request(self.server.target + self.path, data=body,
                                         method=self.command, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, media_type, answer = response.status, response.headers.get("Content-Type"), \
                    response.read()
        except urllib.error.HTTPError as error:
            status, media_type, answer = error.code, error.headers.get("Content-Type"), error.read()
        self.send_response(status)
        if media_type:
            self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST = do_PUT = do_DELETE = _relay

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def relayed(tmp_path_factory):
    """A loaded ``oxigraph serve`` and a counting relay in front of it: (store root, relay)."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "data") as store:
        result = CliRunner().invoke(main, ["--store", store, "load", str(DATA / "minimal.yaml")])
        assert result.exit_code == 0, result.output
        relay = ThreadingHTTPServer(("127.0.0.1", 0), _Relay)
        relay.target, relay.count, relay.lock = store, 0, threading.Lock()
        thread = threading.Thread(target=relay.serve_forever, daemon=True)
        thread.start()
        try:
            yield store, relay
        finally:
            relay.shutdown()
            relay.server_close()


def _requests(relay, call) -> int:
    before = relay.count
    call()
    return relay.count - before


@pytest.mark.parametrize("build, kind", [(actor_page, "actor"), (source_page, "source"),
                                         (event_page, "event")])
def test_an_unknown_id_costs_one_request_and_is_not_found(relayed, build, kind):
    """An id that names nothing is a 404 after one request to the store (never the page's other
    queries); a known one is found through the same relay."""
    _, relay = relayed
    kb, minter = open_kb(f"http://127.0.0.1:{relay.server_port}"), Minter()

    def unknown():
        with pytest.raises(EntityNotFound) as raised:
            build(kb, minter, "nobody-at-all")
        assert raised.value.status == 404 and f"no {kind} 'nobody-at-all'" in raised.value.message

    assert _requests(relay, unknown) == 1
    known = {"actor": "ann-example", "source": "test-minimal", "event": "test-offer"}[kind]
    assert build(kb, minter, known).id == known


def _chains(base: str) -> tuple[list[Quad], dict[str, list[str]]]:
    """Graphs whose claims are relayed: a chain of three, a loop, one longer than the cut, one
    nobody claims; and the claimants each should name, in order."""
    minter = Minter(base)
    graph = {name: minter.graph(name) for name in ("three", "loop-a", "loop-b", "unclaimed",
                                                   *(f"long-{n}" for n in range(CHAIN_LINKS + 3)))}
    actor = {name: minter.actor(name) for name in ("first", "second", "third")}
    holder = minter.graph("chains")
    quads = [Quad(actor[name], RDFS.label, Literal(name.title()), holder) for name in actor]

    def derived(child: str, parent: str | None, claimant: NamedNode) -> None:
        quads.append(Quad(graph[child], PROV.wasAttributedTo, claimant, holder))
        if parent:
            quads.append(Quad(graph[child], PROV.wasDerivedFrom, graph[parent], holder))

    derived("three", "loop-a", actor["first"])
    derived("loop-a", "loop-b", actor["second"])
    derived("loop-b", "loop-a", actor["third"])  # a loop: a, b, then a again
    for n in range(CHAIN_LINKS + 3):
        derived(f"long-{n}", f"long-{n + 1}" if n + 1 < CHAIN_LINKS + 3 else None,
                actor[("first", "second", "third")[n % 3]])
    quads.append(Quad(graph["unclaimed"], RDFS.label, Literal("nobody's"), holder))
    expected = {
        graph["three"].value: ["First", "Second", "Third"],
        graph["loop-b"].value: ["Third", "Second"],
        graph["long-0"].value: [("First", "Second", "Third")[n % 3] for n in range(CHAIN_LINKS)],
        graph["unclaimed"].value: [],
    }
    return quads, expected


def test_a_chain_of_relayed_claims_is_one_request_and_the_same_on_both_stores(relayed, tmp_path):
    """Who claims a graph, then who relays it, up to :data:`CHAIN_LINKS` links and never round a
    loop: one request for every graph a page shows, the same chains embedded and remote."""
    _, relay = relayed
    base = "http://chains.test/"
    quads, expected = _chains(base)
    far = open_kb(f"http://127.0.0.1:{relay.server_port}")
    far.backend.add_quads(quads)
    with open_kb(tmp_path / "store") as near:
        near.backend.store.extend(quads)
        minter = Minter(base)
        found = {}
        assert _requests(relay, lambda: found.update(claims(far, minter, list(expected)))) == 1
        assert found == claims(near, minter, list(expected))
    assert {graph: [link.label for link in claim.chain] for graph, claim in found.items()} == expected
    assert found[next(iter(expected))].in_words == "First, as reported by Second, as reported by Third"
