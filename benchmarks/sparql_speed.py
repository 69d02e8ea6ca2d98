"""Speed of ``/sparql`` under ``kb serve`` beside ``oxigraph serve`` on the same data (127.0.0.1).

    python benchmarks/sparql_speed.py [--events 100000] [--seconds 10] [--month 2024-10]

Builds (or reuses) a store of ``--events`` synthetic events (``synthetic.py``, loaded with
``kb load``), then serves that same store directory with

- ``kb serve`` (its default two serving processes, each with its query worker pool, the time limit
  on) with its answer cache off, so that every request runs its query in a worker;
- ``kb serve`` as it ships, with the answer cache on (the trivial ASK only: a cache hit);
- ``kb serve --processes 1``, cache off (the trivial ASK only: what one Python process can do);
- ``oxigraph serve-read-only --union-default-graph`` (Oxigraph's own Rust server),

and measures with ``wrk`` when it is installed (else a loop of Python threads with keep-alive):

- a trivial ``ASK { ?s ?p ?o }``: requests/s with 4 connections, and latency;
- the ``timeline`` named query for a one-month window (its parameters written into the text, so
  that both servers receive the same query): latency of ``--timeline-runs`` requests on one
  connection to each server, both servers up and taking turns, so that load from elsewhere on the
  machine falls on both alike;
- in-process: the time limit's cost, as the p50 of a query run through the worker pool minus the
  p50 of the same query run in this process (the worker pool is what makes the limit real), for
  the trivial ASK, for a cheap SELECT of 1,000 rows (the cost of carrying an answer back), and,
  interleaved, for the timeline query.

Figures are printed beside the targets of issue 3 (section 7) and kept in
``benchmarks/out/sparql_speed-N.json``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import calendar
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import synthetic  # noqa: E402

from kb import queries  # noqa: E402
from kb.sparql_text import substitute, with_prefixes  # noqa: E402
from kb.vocab import PREFIXES, XSD  # noqa: E402

ASK = "ASK { ?s ?p ?o }"
TARGETS = {"timeline_ratio": 1.25, "ask_per_s": 2000, "limit_cost_ms": 1.0}


# --- the data ----------------------------------------------------------------------------------

def store_of(events: int) -> Path:
    """A store with ``events`` synthetic events, loaded once with ``kb load`` and kept."""
    store = OUT / "sparql_speed" / f"store-{events}-v{synthetic.GENERATOR_VERSION}"
    if (store / ".complete").exists():
        return store
    shutil.rmtree(store, ignore_errors=True)
    store.parent.mkdir(parents=True, exist_ok=True)
    source = synthetic.cached_nquads(events)
    print(f"loading {source.name} into {store} ...", flush=True)
    subprocess.run([str(BIN / "kb"), "--store", str(store), "load", str(source)], check=True)
    (store / ".complete").write_text("loaded\n")
    return store


def timeline_query(month: str) -> str:
    """The ``timeline`` named query for one month, standalone (parameters and prefixes written in)."""
    from pyoxigraph import Literal, Variable

    year, number = (int(part) for part in month.split("-"))
    first, last = date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
    named = queries.find("timeline")
    text = substitute(named.sparql, {Variable("from"): Literal(first.isoformat(), datatype=XSD.date),
                                     Variable("to"): Literal(last.isoformat(), datatype=XSD.date)})
    return with_prefixes(text, PREFIXES)


# --- servers -----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], ready_url: str, seconds: float = 120.0,
          env: dict[str, str] | None = None) -> subprocess.Popen:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(ready_url, timeout=60):
                settle(process)
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}") from None
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{ready_url} did not answer")


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (``kb serve`` runs serving processes and query workers)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def settle(process: subprocess.Popen, seconds: float = 300.0) -> None:
    """Wait until the server is idle: its start-up work in the background (``kb serve`` builds the
    website's timeline index in a thread of each serving process, 15 s of CPU at 100k events) must
    not compete with the load."""
    if not Path(f"/proc/{process.pid}/stat").exists():  # not Linux: give it a moment
        time.sleep(5)
        return

    def cpu() -> float:
        total = 0
        for pid in _tree(process.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    deadline = time.monotonic() + seconds
    before = cpu()
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu()
        if now - before < 0.05:
            return
        before = now


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def kb_serve(store: Path, port: int, cache_mb: int = 0, processes: int | None = None) -> subprocess.Popen:
    extra = ["--processes", str(processes)] if processes else []
    return start([str(BIN / "kb"), "--store", str(store), "serve", "--host", "127.0.0.1",
                  "--port", str(port), "--query-timeout", "60", *extra],
                 f"http://127.0.0.1:{port}/sparql?query={urllib.parse.quote(ASK)}",
                 env={**os.environ, "KB_SPARQL_CACHE_MB": str(cache_mb)})


def kb_serve_cached(store: Path, port: int) -> subprocess.Popen:
    return kb_serve(store, port, cache_mb=32)


def oxigraph_serve(store: Path, port: int) -> subprocess.Popen:
    return start([str(BIN / "oxigraph"), "serve-read-only", "--location", str(store), "--bind",
                  f"127.0.0.1:{port}", "--union-default-graph"],
                 f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(ASK)}")


# --- load generators ---------------------------------------------------------------------------

def wrk(url: str, connections: int, seconds: float) -> dict:
    """Requests/s and latency percentiles from ``wrk --latency`` (one client thread: on a small
    machine the client should take as little CPU from the server as it can)."""
    done = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency",
                           "--timeout", "60s", url], capture_output=True, text=True, check=True)
    text = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text)[1])
    percentiles = {}
    for label, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        percentiles[label] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"per_s": rate, "p50_ms": percentiles.get("50"), "p90_ms": percentiles.get("90"),
            "p99_ms": percentiles.get("99"), "requests": int(re.search(r"(\d+) requests in", text)[1]),
            "errors": int(errors[1]) if errors else 0, "tool": "wrk"}


def python_load(url: str, connections: int, seconds: float) -> dict:
    """The same figures from Python threads with keep-alive connections (when wrk is missing)."""
    parts = urllib.parse.urlsplit(url)
    path = f"{parts.path}?{parts.query}"
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        mine = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return {"per_s": len(ordered) / elapsed, "p50_ms": at(0.5), "p90_ms": at(0.9), "p99_ms": at(0.99),
            "requests": len(ordered), "errors": errors[0], "tool": "python"}


def measure(url: str, connections: int, seconds: float) -> dict:
    load = wrk if shutil.which("wrk") else python_load
    load(url, connections, min(2.0, seconds))  # warm-up
    return load(url, connections, seconds)


def alternating(urls: list[str], runs: int) -> list[dict]:
    """Latency of ``runs`` requests to each URL, taking turns (after one warm-up each)."""
    connections = []
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        connections.append((http.client.HTTPConnection(parts.hostname, parts.port, timeout=600),
                            f"{parts.path}?{parts.query}"))
    latencies: list[list[float]] = [[] for _ in urls]
    for index in range(runs + 1):
        for (connection, path), mine in zip(connections, latencies, strict=True):
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            if index:
                mine.append((time.perf_counter() - started) * 1000)
    figures = []
    for mine in latencies:
        ordered = sorted(mine)
        figures.append({"per_s": 1000 / statistics.mean(ordered), "p50_ms": statistics.median(ordered),
                        "p90_ms": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
                        "p99_ms": ordered[-1], "requests": runs, "errors": 0, "tool": "python"})
    return figures


def rows_of(url: str) -> int:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return len(json.load(response)["results"]["bindings"])


# --- the cost of the time limit ----------------------------------------------------------------

def limit_cost(store: Path, sparql: str, runs: int) -> dict:
    """p50 through the worker pool minus p50 in this process, for one query."""
    from kb.store import EmbeddedBackend
    from webapp.sparql.pool import WorkerPool
    from webapp.sparql.run import Job, execute

    job = Job(sparql, "json", "turtle", 10000)
    backend = EmbeddedBackend(store, read_only=True)
    pool = WorkerPool(store, 1)
    try:
        for _ in range(min(runs, 20) if runs > 20 else 1):
            pool.run(job, 600)
            execute(backend, job)
        pooled, direct = [], []
        for _ in range(runs):
            started = time.perf_counter()
            pool.run(job, 600)
            pooled.append(time.perf_counter() - started)
            started = time.perf_counter()
            execute(backend, job)
            direct.append(time.perf_counter() - started)
    finally:
        pool.close()
        backend.close()
    p50_pool, p50_direct = statistics.median(pooled) * 1000, statistics.median(direct) * 1000
    return {"pool_p50_ms": p50_pool, "direct_p50_ms": p50_direct, "cost_ms": p50_pool - p50_direct,
            "runs": runs}


# --- the run -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each load run")
    parser.add_argument("--month", default="2024-10", help="the timeline window, YYYY-MM")
    parser.add_argument("--timeline-runs", type=int, default=7, help="timeline requests a server")
    args = parser.parse_args()

    store = store_of(args.events)
    timeline = timeline_query(args.month)
    results: dict[str, dict] = {"kb serve /sparql": {}, "kb serve /sparql, cache on": {},
                                "kb serve --processes 1": {}, "oxigraph serve": {}}
    ours_port, theirs_port = free_port(), free_port()
    ours, theirs = kb_serve(store, ours_port), oxigraph_serve(store, theirs_port)
    try:  # both up at once, the timeline requests alternating, so that both see the same machine
        urls = {"kb serve /sparql": f"http://127.0.0.1:{ours_port}/sparql?query=",
                "oxigraph serve": f"http://127.0.0.1:{theirs_port}/query?query="}
        for name, base in urls.items():
            results[name]["timeline_rows"] = rows_of(base + urllib.parse.quote(timeline))
        latencies = alternating([base + urllib.parse.quote(timeline) for base in urls.values()],
                                args.timeline_runs)
        for name, figures in zip(urls, latencies, strict=True):
            results[name]["timeline"] = figures
        for name, base in urls.items():
            results[name]["ask"] = measure(base + urllib.parse.quote(ASK), 4, args.seconds)
    finally:
        stop(ours)
        stop(theirs)
    port = free_port()
    cached = kb_serve_cached(store, port)
    try:
        results["kb serve /sparql, cache on"]["ask"] = measure(
            f"http://127.0.0.1:{port}/sparql?query={urllib.parse.quote(ASK)}", 4, args.seconds)
    finally:
        stop(cached)
    port = free_port()
    single = kb_serve(store, port, processes=1)
    try:
        results["kb serve --processes 1"]["ask"] = measure(
            f"http://127.0.0.1:{port}/sparql?query={urllib.parse.quote(ASK)}", 4, args.seconds)
    finally:
        stop(single)
    cost = {"ask": limit_cost(store, ASK, 2000),
            "1000 rows": limit_cost(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 1000", 500),
            "timeline": limit_cost(store, timeline, args.timeline_runs)}

    ours, theirs = results["kb serve /sparql"], results["oxigraph serve"]
    ratio = ours["timeline"]["p50_ms"] / theirs["timeline"]["p50_ms"]
    print(f"\n{args.events:,} events, timeline window {args.month} ({ours['timeline_rows']} rows; "
          f"oxigraph serve: {theirs['timeline_rows']}), {os.cpu_count()} cores, "
          f"load by {ours['ask']['tool']}")
    print(f"{'':44}{'req/s':>10}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name, figures in results.items():
        for query in ("ask", "timeline"):
            if query not in figures:
                continue
            row = figures[query]
            label = f"{name}, {'ASK x4 conn' if query == 'ask' else 'timeline x1'}"
            print(f"{label:44}{row['per_s']:>10.0f}{row['p50_ms']:>10.2f}{row['p90_ms']:>10.2f}"
                  f"{row['p99_ms']:>10.2f}{row['errors']:>8}")
    print("\nagainst the targets of issue 3")
    print(f"  timeline p50, /sparql / oxigraph serve   {ratio:6.2f}x   "
          f"(target <= {TARGETS['timeline_ratio']}x)")
    cached = results["kb serve /sparql, cache on"]
    print(f"  trivial ASK, 4 connections, run in a worker {ours['ask']['per_s']:8.0f}/s   "
          f"(target >= {TARGETS['ask_per_s']}/s)")
    print(f"  trivial ASK, 4 connections, cache hit       {cached['ask']['per_s']:8.0f}/s")
    single = results["kb serve --processes 1"]
    print(f"  trivial ASK, 4 connections, one process     {single['ask']['per_s']:8.0f}/s")
    for query, figures in cost.items():
        print(f"  time limit cost, {query:<9} p50 {figures['pool_p50_ms']:.3f} ms pooled - "
              f"{figures['direct_p50_ms']:.3f} ms in-process = {figures['cost_ms']:.3f} ms   "
              f"(target <= {TARGETS['limit_cost_ms']} ms)")
    OUT.mkdir(exist_ok=True)
    report = {"events": args.events, "month": args.month, "servers": results, "limit_cost": cost,
              "timeline_ratio": ratio, "targets": TARGETS, "cores": os.cpu_count()}
    (OUT / f"sparql_speed-{args.events}.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
