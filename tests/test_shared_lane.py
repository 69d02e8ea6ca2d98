"""Issue 13, under load: with several serving processes, one fast lane of query workers run by the
supervisor serves them all (:mod:`webapp.sparql.shared`), with the single lane's guarantees: a
query past its run limit is stopped and its worker replaced, worn workers are replaced, a worker's
memory is bounded, a dead worker's token is dropped, and the lane ends with ``kb serve``.

Real parts: ``kb serve --processes 2`` over a seeded store on 127.0.0.1, its real processes (read
from /proc). Nothing here asserts a duration.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from tests.helpers_server import KB, free_port, log_of
from tests.test_query_lanes import CHEAP, COUNT, FINITE, HEAVY, _alive, ask, in_background, niceness, served
from tests.test_worker_memory import hungry


def _children(pid: int) -> dict[int, bytes]:
    """Live children of ``pid``: their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[1]) == pid and stat[0] != "Z":
                found[int(entry.name)] = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
    return found


def shared_workers(pid: int) -> set[int]:
    """The workers of the fast lane the supervisor ``pid`` shares among its serving processes: the
    children of its fork server (:mod:`webapp.sparql.zygote`)."""
    return {worker for server in fork_servers(pid) for worker in _children(server)}


def serving(pid: int) -> set[int]:
    return {child for child, command in _children(pid).items() if b"webapp.server" in command}


def settled(pid: int, count: int, wanted=lambda workers: True, seconds: float = 60) -> set[int]:
    """The supervisor's shared workers once there are ``count`` of them and ``wanted(them)``
    (seen twice in a row, so that a worker being replaced is not counted)."""
    deadline = time.monotonic() + seconds
    seen, last = 0, set()
    while seen < 2 and time.monotonic() < deadline:
        now = shared_workers(pid)
        seen = seen + 1 if len(now) == count and wanted(now) and now == last else 0
        last = now
        time.sleep(0.2)
    assert seen >= 2, f"the shared lane did not settle at {count} workers: {last}"
    return last


def test_every_serving_process_uses_the_one_fast_lane_the_supervisor_runs(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKERS="1") as (root, process):
        workers = settled(process.pid, 2)  # one per serving process, in one lane
        answers = [ask(root, COUNT.format(number=number)) for number in range(40)]
        counts = {json.loads(body)["results"]["bindings"][0]["n"]["value"] for _, _, body in answers}
        # the serving processes started no worker of their own (their slow lane starts when needed)
        own = {pid: _children(pid) for pid in serving(process.pid)}
        after = shared_workers(process.pid)
    assert [status for status, _, _ in answers] == [200] * 40
    assert len(counts) == 1 and int(counts.pop()) > 0
    assert len(own) == 2 and all(children == {} for children in own.values()), own
    assert after == workers  # the same workers answered every one


def test_a_query_past_its_run_limit_in_the_shared_lane_is_stopped_when_none_may_be_demoted(seeded_store):
    with served(seeded_store, query_timeout=20, processes=2, SPARQL_WORKERS="1",
                SPARQL_FAST_SECONDS="0.1", SPARQL_DEMOTED_WORKERS="0") as (root, process):
        before = settled(process.pid, 2)
        heavy: list = []
        thread = in_background(root, f"{HEAVY} # shared", heavy)
        replaced = settled(process.pid, 2, lambda now: now != before)  # one was replaced
        cheap = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        thread.join(60)
        log = log_of(process)
    assert len(before - replaced) == 1  # the one that ran the heavy query
    assert [status for status, _, _ in cheap] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in cheap)
    assert "of the shared fast lane stopped: past its run limit" in log
    assert "demoted" not in log
    assert heavy[0][0] == 503 and "stopped after 20 s" in heavy[0][2]  # run again in the slow lane


def test_a_query_past_its_run_limit_is_demoted_finishing_in_its_worker_while_another_takes_its_slot(
        seeded_store):
    """Past the fast lane's run limit, a query new to it is not stopped and run again: its worker
    leaves the lane and finishes it (at the slow lane's niceness, 10 here), a new worker takes its
    slot at once, and the demoted one ends after its answer, which is the whole one."""
    with served(seeded_store, query_timeout=30, processes=2, SPARQL_WORKERS="1",
                SPARQL_FAST_SECONDS="0.1", SPARQL_SLOW_NICE="10") as (root, process):
        own = niceness(process.pid) or 0  # a worker's niceness adds to the server's (under `nice`)
        slow = min(own + 10, 19)
        before = settled(process.pid, 2)
        finite: list = []
        longer = FINITE.replace("3000000", "10000000")  # about three seconds of processor time
        thread = in_background(root, longer.format(number="demoted"), finite)
        # while it runs: three workers, the demoted one at the slow lane's niceness, two in the lane
        during = settled(process.pid, 3, lambda now: any(niceness(pid) == slow for pid in now))
        demoted = {pid for pid in during if niceness(pid) == slow}
        cheap = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        thread.join(120)
        after = settled(process.pid, 2, lambda now: not now & demoted)
        log = log_of(process)
    assert len(demoted) == 1 and demoted <= before, (before, during)
    assert finite and finite[0][0] == 200, finite
    assert json.loads(finite[0][2])["results"]["bindings"][0]["n"]["value"] == "10000000"
    assert [status for status, _, _ in cheap] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in cheap)
    assert all(niceness(pid) == own for pid in after)  # the lane's workers at the server's priority
    assert "of the shared fast lane demoted: past its run limit" in log
    assert "stopped: past its run limit" not in log


def test_a_worn_shared_worker_ends_itself_and_is_replaced_answers_staying_right(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKERS="1", SPARQL_RECYCLE_ANSWERS="3") as (root, process):
        before = settled(process.pid, 2)
        answers = [ask(root, COUNT.format(number=number)) for number in range(12)]
        after = settled(process.pid, 2, lambda now: not now & before)
        log = log_of(process)
    assert log.count("of the shared fast lane replaced: worn") >= 2, log
    assert [status for status, _, _ in answers] == [200] * 12
    assert len({body for _, _, body in answers}) == 1
    assert not before & after  # 12 answers, 3 each: both first workers were worn and replaced


def test_a_dead_workers_token_is_dropped_and_the_lane_goes_on(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKERS="1") as (root, process):
        before = settled(process.pid, 2)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)  # idle: its token stays in the pipe (asked at once, the
        # job may even be sent to it as it dies: then it goes to the other worker)
        answers = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        after = settled(process.pid, 2, lambda now: victim not in now)
    assert [status for status, _, _ in answers] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in answers)
    assert victim not in after and before - {victim} <= after


def fork_servers(pid: int) -> set[int]:
    """The fork servers of the supervisor ``pid``'s shared lane (one while it serves)."""
    return {child for child, command in _children(pid).items() if b"webapp.sparql.zygote" in command}


def test_the_lane_comes_back_when_its_fork_server_dies(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKERS="1") as (root, process):
        before = settled(process.pid, 2)
        (server,) = fork_servers(process.pid)
        os.kill(server, signal.SIGKILL)
        after = settled(process.pid, 2, lambda now: not now & before)  # every worker new
        answers = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        servers = fork_servers(process.pid)
        log = log_of(process)
    assert len(servers) == 1 and server not in servers
    assert not [pid for pid in before if _alive(pid)] and len(after) == 2
    assert [status for status, _, _ in answers] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in answers)
    assert "fork server ended" in log


def test_a_query_past_the_memory_bound_in_the_shared_lane_gets_one_line(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKER_MB="64") as (root, _process):
        status, headers, body = ask(root, hungry())
        after = ask(root, "ASK { ?offer a kbo:Offer }")
    message = json.loads(body)["error"] if headers.get("Content-Type", "").startswith(
        "application/json") else body
    assert status == 400 and "64 MB a query worker may use" in message, body
    assert "Traceback" not in body and len(message.strip().splitlines()) <= 2
    assert after[0] == 200 and json.loads(after[2])["boolean"] is True


def test_kb_serve_stops_the_shared_lane_and_removes_its_folder(seeded_store):
    with served(seeded_store, processes=2, SPARQL_WORKERS="1") as (root, process):
        workers = settled(process.pid, 2)
        servers = fork_servers(process.pid)
        folders = {Path(Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[5].decode())
                   for pid in workers}
        assert ask(root, CHEAP.format(number=0))[0] == 200
        assert all(folder.is_dir() for folder in folders)
    deadline = time.monotonic() + 10
    while [pid for pid in workers | servers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers | servers if _alive(pid)]
    assert len(servers) == 1  # the fork server the workers came from, gone with them
    assert len(folders) == 1 and not any(folder.exists() for folder in folders)


def test_a_bad_lane_setting_stops_kb_serve_at_once_with_one_line(seeded_store):
    result = subprocess.run([str(KB), "--store", str(seeded_store), "serve", "--host", "127.0.0.1",
                             "--port", str(free_port()), "--processes", "2"],
                            env={**os.environ, "KB_SPARQL_WORKERS": "lots"}, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "SPARQL_WORKERS" in errors[0] and "Traceback" not in result.stderr
