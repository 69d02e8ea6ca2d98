"""Issue 13, memory flat under load: a query worker holds at most ``SPARQL_WORKER_MB`` more than it
held at its start (the store's caches and every query included), so the workers' memory has a
ceiling set by configuration, not by how long the app serves or what it is asked.

Real parts: ``kb serve`` over a seeded store on 127.0.0.1 with its real worker processes. The
memory-hungry query builds one long string by doubling (``CONCAT``), so its need is known whatever
the store holds: 8 bytes doubled 23 times is 64 MB for the last string, above 128 MB with the ones
before it and the engine's copies.
"""

from __future__ import annotations

import json

import pytest

from kb.errors import KBError
from tests.conftest import make_app
from tests.test_query_lanes import ask, served

DOUBLINGS = 23


def hungry(doublings: int = DOUBLINGS) -> str:
    """A query whose answer is the length of a string of 8 x 2^doublings bytes built in memory."""
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(doublings))
    return f'SELECT (STRLEN(?s{doublings}) AS ?n) WHERE {{ BIND("xxxxxxxx" AS ?s0) {binds} }}'


def answer_of(body: str) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_a_query_past_the_worker_memory_bound_gets_one_line_and_the_workers_go_on(seeded_store):
    with served(seeded_store, SPARQL_WORKER_MB="64") as (root, _):
        status, headers, body = ask(root, hungry())
        assert status == 400, body
        message = json.loads(body)["error"] if headers.get("Content-Type", "").startswith(
            "application/json") else body
        assert "64 MB a query worker may use" in message and "SPARQL_WORKER_MB" in message
        assert "Traceback" not in body and len(message.strip().splitlines()) <= 2
        # a small query is answered by the same lanes, right after
        status, _, body = ask(root, "ASK { ?offer a kbo:Offer }")
        assert status == 200 and json.loads(body)["boolean"] is True
        # and a string within the bound is built
        status, _, body = ask(root, hungry(10))
        assert status == 200 and answer_of(body) == 8 * 2 ** 10


def test_the_same_query_within_the_default_bound_is_answered(seeded_store):
    with served(seeded_store) as (root, _):
        status, _, body = ask(root, hungry())
        assert status == 200, body
        assert answer_of(body) == 8 * 2 ** DOUBLINGS


def test_a_bad_worker_memory_setting_is_a_one_line_error_naming_it(seeded_store):
    with pytest.raises(KBError) as raised:
        make_app(seeded_store, TIMELINE_INDEX="off", SPARQL_WORKER_MB="lots")
    assert "SPARQL_WORKER_MB" in str(raised.value) and "\n" not in str(raised.value)
