"""Concurrent load on the SPARQL endpoint: ``kb serve`` beside bare ``oxigraph serve`` on one store.

    python benchmarks/concurrency.py [--events 100000] [--data DIR] [--clients 16] [--seconds 60]
                                     [--query-timeout 30] [--only kb|oxigraph] [--store DIR]

The store ``DIR/store-synthetic-N`` (see ``query_gallery.py``) is copied to ``DIR/tmp-pool/`` (the
shared one is never opened for writing) and served on 127.0.0.1 by:

- ``kb``: ``kb serve`` with its defaults (two serving processes, each with its fast and slow lane
  of query workers), the named queries posted to ``/sparql`` and the one-month window asked of
  ``/timeline.json`` (the timeline index);
- ``kb-one-lane``: the same with one lane of two workers, as before the lanes (the fast lane's
  budget set past the time limit, no recycling; waitress's threads as now);
- ``oxigraph``: ``oxigraph serve-read-only`` on the same copy, the same texts (with the prefixes
  written in, the default graph the union of the named graphs) posted to ``/query``, and the
  window as the named ``timeline`` query.

``--clients`` threads each send, for ``--seconds`` seconds, the queries of :data:`CHEAP` and
:data:`HEAVY` in turn (starting at a different one each), with parameters varied over months,
actors and places (``query_gallery.variants``), so that no cache answers what real clients would
not repeat. Printed: requests sent, answered (any HTTP answer within the client's limit) and by
status; p50/p95/p99 of the cheap and of the heavy questions; per query; and the resident memory
of the server's processes (serving processes and query workers) at the start of the load, its
peak and at the end (and the anonymous part of it: heaps and caches, not the store's files mapped);
the processor time the server's processes used (per request), the query workers replaced and why
(from the server's log), and the machine's load average meanwhile (on a shared machine the
latencies are upper bounds). Figures go to stdout and ``benchmarks/out/concurrency.json``. Targets
(issue 13): every request answered, the cheap ones' p99 <= 250 ms, memory flat. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import query_gallery as gallery  # noqa: E402

#: Questions that should be cheap at any size (their p99 is the target); "timeline" is the
#: one-month window, from /timeline.json on kb serve.
CHEAP = ["date-precision", "events-by-place", "co-actors", "actor-timeline", "timeline"]
#: Questions known to take long at 100k events and more (see query_gallery.py's figures).
HEAVY = ["killings-during-talks", "actor-roles", "second-hand", "events-per-month", "offers"]
#: The servers loaded, in turn.
KINDS = ["kb", "kb-one-lane", "oxigraph"]
#: Serving processes of ``kb serve`` by default (on this 2-core machine).
SERVING_PROCESSES = 2
#: Seconds a client waits for one answer before it counts the request as unanswered.
CLIENT_LIMIT = 90.0


def texts_for(store: Path) -> dict[str, list[str]]:
    """Each question's texts, parameters written in as RDF terms, one per variant."""
    from kb import queries
    from kb.sparql_text import substitute
    from kb.store import open_kb

    found = {}
    with open_kb(store, read_only=True) as kb:
        for name in CHEAP + HEAVY:
            query = queries.find(name)
            found[name] = [substitute(query.sparql, queries.bind(kb, query, params))
                           for params in gallery.variants(name)]
    return found


def windows() -> list[str]:
    """The one-month windows of /timeline.json, as query strings."""
    return [urllib.parse.urlencode(window) for window in gallery.variants("timeline")]


def send(request: urllib.request.Request) -> int:
    """The HTTP status of ``request`` (0: no answer within :data:`CLIENT_LIMIT` or no connection)."""
    try:
        with urllib.request.urlopen(request, timeout=CLIENT_LIMIT) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        err.read()
        return err.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0


class Target:
    """How one server is asked a question."""

    def __init__(self, kind: str, root: str, texts: dict[str, list[str]]):
        from kb.sparql_text import with_prefixes
        from kb.vocab import PREFIXES

        self.kind, self.root = kind, root
        if kind == "oxigraph":
            texts = {name: [with_prefixes(text, PREFIXES) for text in variants]
                     for name, variants in texts.items()}
        self.texts, self.windows = texts, windows()

    def request(self, name: str, turn: int) -> urllib.request.Request:
        """The request for the ``turn``-th variant of question ``name``."""
        if self.kind != "oxigraph" and name == "timeline":
            window = self.windows[turn % len(self.windows)]
            return urllib.request.Request(f"{self.root}/timeline.json?{window}")
        variants = self.texts[name]
        fields = {"query": variants[turn % len(variants)]}
        if self.kind == "oxigraph":
            fields["union-default-graph"] = ""
        path = "/query" if self.kind == "oxigraph" else "/sparql"
        return urllib.request.Request(f"{self.root}{path}", data=urllib.parse.urlencode(fields).encode(),
                                      headers={"Accept": "application/sparql-results+json"})


def start_server(kind: str, store: Path, port: int, query_timeout: float) -> subprocess.Popen:
    """``kb serve`` or ``oxigraph serve-read-only`` over ``store`` on 127.0.0.1:``port``."""
    venv = Path(sys.executable).parent
    environment = dict(os.environ)
    if kind == "kb-one-lane":
        environment.update(KB_SPARQL_FAST_SECONDS=str(query_timeout * 2), KB_SPARQL_RECYCLE_ANSWERS="0",
                           KB_SPARQL_RECYCLE_MB="0", KB_SPARQL_WORKERS="2")
    if kind.startswith("kb"):
        command = [str(venv / "kb"), "--store", str(store), "serve", "--host", "127.0.0.1",
                   "--port", str(port), "--query-timeout", f"{query_timeout:g}"]
    else:
        command = [str(venv / "oxigraph"), "serve-read-only", "--location", str(store),
                   "--bind", f"127.0.0.1:{port}", "--timeout-s", str(int(query_timeout))]
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    server.log = log
    return server


def ready(server: subprocess.Popen, kind: str, seconds: float = 600) -> None:
    """Wait until each serving process of ``kb serve`` has built its timeline index (it logs it)."""
    deadline = time.monotonic() + seconds
    while kind != "oxigraph" and time.monotonic() < deadline:
        server.log.seek(0)
        if server.log.read().count(b"timeline index:") >= SERVING_PROCESSES:
            return
        time.sleep(1)


def processes(pid: int) -> list[tuple[int, int]]:
    """``(pid, depth)`` of ``pid`` and its descendants (children started by any of its threads):
    depth 0 the server (``kb serve``'s supervisor), 1 its serving processes, 2 their workers."""
    found, pending = [], [(pid, 0)]
    while pending:
        current, depth = pending.pop()
        found.append((current, depth))
        try:
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                pending += [(int(child), depth + 1) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def rss_mb(pid: int) -> tuple[float, float, int]:
    """Resident memory (MB, from /proc) of ``pid`` with its serving processes, and of the query
    workers under them; and how many processes there are."""
    servers = workers = 0.0
    found = processes(pid)
    for one, depth in found:
        try:
            with open(f"/proc/{one}/status") as status:
                mb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
        except (OSError, StopIteration, ValueError):
            continue
        if depth >= 2:
            workers += mb
        else:
            servers += mb
    return servers, workers, len(found)


def anonymous_mb(pid: int) -> float:
    """Anonymous resident memory (MB: heaps, caches; not the store's files mapped, which the page
    cache holds once for every process) of ``pid`` and its descendants."""
    total = 0.0
    for one, _ in processes(pid):
        try:
            with open(f"/proc/{one}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("RssAnon:")) / 1024
        except (OSError, StopIteration, ValueError):
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """Processor seconds used so far by ``pid`` and its descendants: each live process's own, and
    those of the children it has reaped (killed or recycled query workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for one, _ in processes(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += sum(int(field) for field in fields[11:15])  # utime, stime, cutime, cstime
    return total / ticks


def machine_load() -> float:
    """The one-minute load average (the machine is shared: figures are upper bounds)."""
    return os.getloadavg()[0]


def load(kind: str, store: Path, texts: dict[str, list[str]], clients: int, seconds: float,
         query_timeout: float) -> dict:
    """``clients`` threads for ``seconds`` against one server; outcomes, latencies, memory."""
    port = gallery.free_port()
    server = start_server(kind, store, port, query_timeout)
    root = f"http://127.0.0.1:{port}"
    target = Target(kind, root, texts)
    mix = [name for pair in zip(CHEAP, HEAVY, strict=True) for name in pair]
    outcomes: dict[str, list[tuple[int, float]]] = {name: [] for name in mix}
    lock = threading.Lock()
    try:
        try:
            gallery.wait_for(f"{root}/{'query' if kind == 'oxigraph' else 'sparql'}?query=ASK%7B%7D", server)
        except SystemExit:
            server.log.seek(0)
            print(server.log.read().decode(errors="replace")[-2000:], file=sys.stderr)
            raise
        ready(server, kind)
        warm_until = time.monotonic() + 10  # one round of each, then a few more
        while time.monotonic() < warm_until:
            for name in CHEAP:
                send(target.request(name, 0))
        memory = [(0.0, *rss_mb(server.pid))]
        cpu_before, loads, anonymous = cpu_seconds(server.pid), [machine_load()], [anonymous_mb(server.pid)]
        began = time.monotonic()
        stop_at = began + seconds

        def client(number: int) -> None:
            turn = number
            while time.monotonic() < stop_at:
                name = mix[turn % len(mix)]
                request = target.request(name, turn // len(mix) + number * 7)
                turn += 1
                start = time.perf_counter()
                status = send(request)
                with lock:
                    outcomes[name].append((status, (time.perf_counter() - start) * 1000))

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(2)
            memory.append((time.monotonic() - began, *rss_mb(server.pid)))
            loads.append(machine_load())
            anonymous.append(anonymous_mb(server.pid))
        cpu = cpu_seconds(server.pid) - cpu_before
        server.log.seek(0)
        log = server.log.read().decode(errors="replace")
        replaced = {why: log.count(why) for why in ("past its run limit", "past the time limit", "worn")}
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.log.close()
    return {**summary(outcomes, memory), "server_cpu_s": round(cpu, 1), "workers_replaced": replaced,
            "anonymous_mb_start_peak_end": _start_peak_end(anonymous),
            "machine_load": [round(min(loads), 1), round(max(loads), 1)]}


def summary(outcomes: dict[str, list[tuple[int, float]]],
            memory: list[tuple[float, float, float, int]]) -> dict:
    """Counts, statuses, percentiles by class and by query, memory start/peak/end."""
    statuses: dict[str, int] = {}
    for results in outcomes.values():
        for status, _ in results:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
    sent = sum(statuses.values())

    def figures(names: list[str]) -> dict:
        times = [ms for name in names for _, ms in outcomes.get(name, [])]
        ok = [ms for name in names for status, ms in outcomes.get(name, []) if status == 200]
        return {**(gallery.percentiles(times) if times else {}), "ok": len(ok)}

    return {"sent": sent, "answered": sent - statuses.get("0", 0), "statuses": statuses,
            "cheap": figures(CHEAP), "heavy": figures(HEAVY),
            "queries": {name: {**figures([name]), "statuses": _statuses(results)}
                        for name, results in outcomes.items()},
            "memory_mb": {"start": sum(memory[0][1:3]), "peak": max(s + w for _, s, w, _ in memory),
                          "end": sum(memory[-1][1:3]), "processes_end": memory[-1][3],
                          "servers_start_peak_end": _start_peak_end([s for _, s, _, _ in memory]),
                          "workers_start_peak_end": _start_peak_end([w for _, _, w, _ in memory]),
                          "samples": [(round(t), round(s + w)) for t, s, w, _ in memory]}}


def _start_peak_end(values: list[float]) -> tuple[int, int, int]:
    return round(values[0]), round(max(values)), round(values[-1])


def _statuses(results: list[tuple[int, float]]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for status, _ in results:
        counted[str(status)] = counted.get(str(status), 0) + 1
    return counted


def render(kind: str, report: dict) -> str:
    """One server's figures as text."""
    lines = [f"== {kind}: {report['sent']} requests, {report['answered']} answered, statuses "
             f"{report['statuses']}; server processor time {report['server_cpu_s']} s "
             f"({report['server_cpu_s'] * 1000 / max(1, report['sent']):.0f} ms a request); machine "
             f"load (1 min) {report['machine_load'][0]}-{report['machine_load'][1]}; query workers "
             f"replaced {report.get('workers_replaced')}"]
    for group in ("cheap", "heavy"):
        one = report[group]
        if "p50_ms" in one:
            lines.append(f"   {group:<6} p50 {one['p50_ms']:9.1f}  p95 {one['p95_ms']:9.1f}  "
                         f"p99 {one['p99_ms']:9.1f} ms  ({one['runs']} requests, {one['ok']} 200)")
    for name, one in report["queries"].items():
        if "p50_ms" in one:
            lines.append(f"     {name:<24} p50 {one['p50_ms']:9.1f}  p99 {one['p99_ms']:9.1f} ms  "
                         f"{one['statuses']}")
    memory = report["memory_mb"]
    lines.append(f"   memory (MB, server and workers): start {memory['start']:.0f}, peak "
                 f"{memory['peak']:.0f}, end {memory['end']:.0f} ({memory['processes_end']} processes); "
                 f"serving processes {memory['servers_start_peak_end']}, query workers "
                 f"{memory['workers_start_peak_end']} (start, peak, end); anonymous (not the store's "
                 f"files mapped) {report.get('anonymous_mb_start_peak_end')}")
    lines.append(f"   over time (s, MB): {memory['samples']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Copy the store, load each server in turn, print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--data", type=Path,
                        default=gallery.SHARED if gallery.SHARED.exists() else gallery.OUT)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--query-timeout", type=float, default=30.0)
    parser.add_argument("--only", choices=KINDS)
    parser.add_argument("--store", type=Path,
                        help="serve this store in place instead of a copy (every server here only "
                             "reads it; kb serve's record of itself goes beside it, so give a link "
                             "in a folder of your own to a shared store)")
    args = parser.parse_args(argv)
    if args.store:
        copy = args.store
    else:
        source = gallery.store_for(args.events, args.data)
        copy = args.data / "tmp-pool" / source.name
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy)
    try:
        texts = texts_for(copy)
        reports = {}
        for kind in KINDS:
            if args.only in (None, kind):
                reports[kind] = load(kind, copy, texts, args.clients, args.seconds, args.query_timeout)
                print(render(kind, reports[kind]), flush=True)
    finally:
        if not args.store:
            shutil.rmtree(copy.parent, ignore_errors=True)
    gallery.OUT.mkdir(exist_ok=True)
    (gallery.OUT / "concurrency.json").write_text(json.dumps(
        {"events": args.events, "clients": args.clients, "seconds": args.seconds, **reports}, indent=1))


if __name__ == "__main__":
    main()
