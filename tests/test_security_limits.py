"""Issue 11, items 3, 4 and 6: time-outs leave no process behind; slow clients and many connections
do not stop others being served; dumps stream; windows past the calendar are a 400."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import make_app

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
    app = make_app(seeded_store, TIMELINE_INDEX="off", QUERY_TIMEOUT=0.2, SPARQL_WORKERS=2,
                   SPARQL_CACHE_MB=0)
    client = app.test_client()
    try:
        app.extensions["sparql"].pool.start()
        assert settled(os.getpid(), 2) == 2

        def slow(number: int) -> int:
            return client.get("/sparql", query_string={"query": f"{SLOW} # {number}",
                                                        "format": "json"}).status_code

        for number in range(10):
            assert slow(number) == 503
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(slow, range(10, 30)))
        assert set(statuses) == {503}
        assert settled(os.getpid(), 2) == 2
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
