"""Processes and memory of a ``kb serve`` through many timed-out queries (issue 11, item 3).

    python benchmarks/timeouts.py [--count 1000] [--timeout 0.2] [--clients 4]

Serves the seeded store with ``kb serve --processes 1 --query-timeout T`` on 127.0.0.1, sends
``--count`` queries that always run past the limit (a four-way cross product) from ``--clients``
threads, and prints the number of processes under the server and their total resident memory
before and after (after the pool has settled). Baseline (issue 11, main before the fix): six
timed-out queries took the count from 5 to 11; a storm took it from 7 to 97 and 0.86 to 8.5 GB.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import make_store
from tests.helpers_server import kb_server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def rss_mb(pids: list[int]) -> float:
    """Total resident memory of ``pids`` in MB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def server_pid(port: int) -> int:
    """The pid of the ``kb serve`` listening on ``port`` (found by its command line)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in command and str(port).encode() in command:
                return int(entry.name)
    raise SystemExit("the server was not found")


def main() -> None:
    """Run the storm and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=0.2)
    parser.add_argument("--clients", type=int, default=4)
    options = parser.parse_args()
    store = make_store(Path(tempfile.mkdtemp()) / "store")
    with kb_server(store, query_timeout=options.timeout, env={"KB_SPARQL_CACHE_MB": "0"}) as root:
        pid = server_pid(int(root.rsplit(":", 1)[1]))
        for _ in range(50):  # the first queries also wait for the workers to start
            try:
                urllib.request.urlopen(f"{root}/sparql?query=ASK%7B%7D&format=json").read()
                break
            except urllib.error.HTTPError:
                time.sleep(0.2)
        before = tree(pid)
        print(f"before: {len(before)} processes, {rss_mb(before):.0f} MB")
        statuses: dict[int, int] = {}

        def ask(number: int) -> None:
            url = f"{root}/sparql?" + urllib.parse.urlencode({"query": f"{SLOW} # {number}",
                                                               "format": "json"})
            try:
                urllib.request.urlopen(url, timeout=60).read()
                status = 200
            except urllib.error.HTTPError as error:
                status = error.code
            statuses[status] = statuses.get(status, 0) + 1

        started = time.monotonic()
        with ThreadPoolExecutor(options.clients) as pool:
            list(pool.map(ask, range(options.count)))
        time.sleep(3)
        after = tree(pid)
        print(f"{options.count} time-outs ({statuses}) in {time.monotonic() - started:.0f} s")
        print(f"after: {len(after)} processes, {rss_mb(after):.0f} MB")


if __name__ == "__main__":
    main()
