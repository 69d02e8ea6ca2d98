"""``kb serve --processes N``: a supervisor and N serving processes sharing one port (real processes)."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.helpers_server import KB, free_port, start, stop, wait_until_up

ASK = urllib.parse.quote("ASK { ?s ?p ?o }")


def _children(pid: int) -> dict[int, str]:
    """Processes whose parent is ``pid``, with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError):
            continue
    return {child: cmdline.decode() for child, cmdline in found.items()}


def _serving(pid: int) -> set[int]:
    return {child for child, cmdline in _children(pid).items() if "webapp.server" in cmdline}


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read()


def _until(predicate, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not reached within {seconds} s")


def _serve(store: Path, processes: int):
    """``kb serve --processes N`` on a free port, up and answering; (process, root URL)."""
    port = free_port()
    process = start([str(KB), "--store", str(store), "serve", "--host", "127.0.0.1",
                     "--port", str(port), "--processes", str(processes)])
    root = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{root}/sparql", process, seconds=60)
    except BaseException:
        stop(process)
        raise
    return process, root


def test_two_serving_processes_share_the_port_and_one_that_dies_is_replaced(tmp_path):
    process, root = _serve(tmp_path / "store", 2)
    try:
        serving = _until(lambda: (found := _serving(process.pid)) and len(found) == 2 and found)
        # the supervisor loaded the seeds into the empty store before the readers opened it
        answer = json.loads(_get(f"{root}/sparql?query={ASK}"))
        assert answer["boolean"] is True
        assert b"Sinwar" in _get(f"{root}/timeline.json?from=2024-10-01&to=2024-10-31")

        victim = min(serving)
        os.kill(victim, signal.SIGKILL)
        for _ in range(20):  # the other process answers meanwhile
            assert json.loads(_get(f"{root}/sparql?query={ASK}"))["boolean"] is True
        replaced = _until(lambda: (found := _serving(process.pid)) and len(found) == 2
                          and victim not in found and found)
        assert serving - {victim} <= replaced
        assert b"Sinwar" in _get(f"{root}/timeline.json?from=2024-10-01&to=2024-10-31")
    finally:
        everyone = _serving(process.pid)
        workers = {worker for child in everyone for worker in _children(child)}
        stop(process)
    assert process.returncode == 0
    # stopping the supervisor stops the serving processes and their query workers
    _until(lambda: not any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)
                           for pid in everyone | workers), seconds=15)


def _state(pid: int) -> str:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "zombie"
    return "zombie" if state == "Z" else state


def test_one_process_serves_alone(tmp_path):
    process, root = _serve(tmp_path / "store", 1)
    try:
        assert json.loads(_get(f"{root}/sparql?query={ASK}"))["boolean"] is True
        assert not _serving(process.pid)
    finally:
        stop(process)
