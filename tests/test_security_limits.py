"""Issue 11, items 3, 4 and 6: time-outs leave no process behind; slow clients and many connections
do not stop others being served; dumps stream; windows past the calendar are a 400."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import make_app
from tests.helpers_server import kb_server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError):
                continue
    return found


def settled(pid: int, expected: int, seconds: float = 10.0) -> int:
    """The number of children of ``pid`` once it is ``expected`` (or after ``seconds``)."""
    deadline = time.monotonic() + seconds
    count = len(children(pid))
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        count = len(children(pid))
    return count


def test_timed_out_queries_leave_the_worker_count_flat(seeded_store):
    others = len(children(os.getpid()))  # processes of other tests' apps, still alive
    app = make_app(seeded_store, TIMELINE_INDEX="off", QUERY_TIMEOUT=0.2, SPARQL_WORKERS=2,
                   SPARQL_CACHE_MB=0)
    client = app.test_client()
    try:
        app.extensions["sparql"].pool.start()
        assert settled(os.getpid(), others + 2) == others + 2

        def slow(number: int) -> int:
            return client.get("/sparql", query_string={"query": f"{SLOW} # {number}",
                                                        "format": "json"}).status_code

        for number in range(10):
            assert slow(number) == 503
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(slow, range(10, 30)))
        assert set(statuses) == {503}
        assert settled(os.getpid(), others + 2) == others + 2
        answers = (client.get("/sparql?query=ASK%7B%7D&format=json") for _ in range(20))
        assert next(a for a in answers if a.status_code == 200).get_json()["boolean"] is True
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


@pytest.mark.parametrize("window", ["from=9999-12-01&to=9999-12-31&margin=30",
                                    "from=0001-01-01&to=0001-01-31&margin=1",
                                    "to=9999-12-31&margin=100000000000000000000",
                                    "from=9999-12-31&margin=1"])
@pytest.mark.parametrize("index", ["sync", "off"])
def test_a_window_past_the_calendar_is_a_400_naming_the_allowed_range(seeded_store, window, index):
    app = make_app(seeded_store, TIMELINE_INDEX=index)
    try:
        response = app.test_client().get(f"/timeline.json?{window}")
        assert response.status_code == 400
        error = response.get_json()["error"]
        assert "margin" in error and "must lie between" in error
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


class SlowClients:
    """``count`` connections that send a request's headers a few bytes at a time and never finish."""

    def __init__(self, root: str, count: int):
        host, port = root.removeprefix("http://").split(":")
        self.sockets = []
        for _ in range(count):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: kb.test\r\n")
            self.sockets.append(sock)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)
        self.thread.start()

    def _drip(self) -> None:
        while not self.stop.wait(0.5):
            for sock in self.sockets:
                try:
                    sock.sendall(b"X-a: b\r\n")
                except OSError:
                    pass

    def closed_by_server(self) -> int:
        """How many of the connections the server has closed."""
        closed = 0
        for sock in self.sockets:
            sock.settimeout(0.01)
            try:
                closed += sock.recv(1) == b""
            except TimeoutError:
                pass
            except OSError:
                closed += 1
        return closed

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for sock in self.sockets:
            sock.close()


@pytest.mark.parametrize("processes", ["1", "2"])
def test_two_hundred_slow_clients_do_not_stop_others_being_served(seeded_store, processes):
    with kb_server(seeded_store, extra=("--processes", processes),
                   env={"KB_REQUEST_SECONDS": "3"}) as root:
        slow = SlowClients(root, 200)
        try:
            time.sleep(1)
            for _ in range(3):
                started = time.monotonic()
                with urllib.request.urlopen(f"{root}/sparql?format=turtle", timeout=10) as r:
                    assert r.status == 200
                assert time.monotonic() - started < 5
            deadline = time.monotonic() + 20  # the trickling clients are cut off after 3 s
            while slow.closed_by_server() < 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert slow.closed_by_server() == 200
        finally:
            slow.close()


def test_dumps_stream_and_only_so_many_are_sent_at_once(app, seeded_store):
    from pyoxigraph import RdfFormat, parse

    from webapp.views.linked import MAX_DUMPS

    client = app.test_client()
    # the whole store, load records included, read through the app's own handle: a second,
    # read-only opening of a store another handle may be compacting can miss a file being replaced
    expected = set(app.extensions["kb"].backend.store.quads_for_pattern(None, None, None))
    open_ones = [client.get("/dumps/kb.nq", buffered=False) for _ in range(MAX_DUMPS)]
    try:
        assert all(response.status_code == 200 and response.is_streamed for response in open_ones)
        refused = client.get("/dumps/kb.nq", headers={"Accept": "application/json"})
        assert refused.status_code == 503 and "dumps are being sent" in refused.get_json()["error"]
        body = b"".join(open_ones[0].response)
        assert set(parse(body, format=RdfFormat.N_QUADS)) == expected
    finally:
        for response in open_ones:
            response.close()
    again = client.get("/dumps/kb.nq")
    assert again.status_code == 200
    assert set(parse(again.data, format=RdfFormat.N_QUADS)) == expected


@pytest.mark.parametrize("window", ["q=hamas", "q=offer&from=2000-01-01&to=2030-01-01&margin=30", "q=zzz"])
def test_a_text_search_runs_in_a_worker_with_the_same_answer(app, window):
    from urllib.parse import parse_qs

    from kb.pages.parts import as_json
    from kb.timeline.model import parse_filter
    from kb.timeline.view import timeline

    answer = app.test_client().get(f"/timeline.json?{window}").get_json()
    params = parse_qs(window)
    expected = as_json(timeline(app.extensions["kb"], parse_filter(params), app.extensions["minter"],
                                margin_days=int(params.get("margin", ["0"])[0]),
                                index=app.extensions["timeline_index"]))
    assert {**answer, "ok": None} == {**expected, "ok": None}


def test_the_home_page_search_gives_the_same_table_as_the_index(app):
    from tests.htmltree import parse_html

    searched = parse_html(app.test_client().get("/?q=hamas&from=2000-01-01&to=2030-01-01").data)
    rows = [row.text for row in searched.find_all("tr")]
    assert rows and any("Hamas" in row or "hamas" in row.lower() for row in rows)


def test_a_text_search_is_stopped_at_the_time_limit(seeded_store):
    app = make_app(seeded_store, QUERY_TIMEOUT=0.001)
    try:
        app.extensions["sparql"].pool.start()
        response = app.test_client().get("/timeline.json?q=a&from=0100-01-01&to=9000-01-01")
        assert response.status_code == 503 and "stopped after" in response.get_json()["error"]
        assert app.test_client().get("/timeline.json").status_code == 200  # no q: the index answers
        page = app.test_client().get("/?q=a&from=0100-01-01&to=9000-01-01")  # the page's own search
        assert page.status_code == 503 and b"stopped after" in page.data
        assert app.test_client().get("/").status_code == 200
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()
