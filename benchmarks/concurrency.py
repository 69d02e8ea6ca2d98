"""Concurrent load on the SPARQL endpoint: ``kb serve`` beside bare ``oxigraph serve`` on one store.

    python benchmarks/concurrency.py [--events 100000] [--data DIR] [--clients 16] [--seconds 60]
                                     [--query-timeout 30] [--only kb oxigraph] [--store DIR]
                                     [--budget 0.1] [--rate R] [--reuse-costs] [--unique]

The store ``DIR/store-synthetic-N`` (see ``query_gallery.py``) is copied to ``DIR/tmp-pool/`` (the
shared one is never opened for writing) and served on 127.0.0.1 by:

- ``kb``: ``kb serve`` with its defaults (two serving processes, each with its fast and slow lane
  of query workers), every named query posted to ``/sparql`` as a client would send it (the text
  with its parameters written in);
- ``kb-one-lane``: the same with one lane of two workers, as before the lanes (the fast lane's
  budget set past the time limit, no recycling; waitress's threads as now);
- ``oxigraph``: ``oxigraph serve-read-only`` on the same copy, the same texts (with the prefixes
  written in, the default graph the union of the named graphs) posted to ``/query``.

``--clients`` threads each send, for ``--seconds`` seconds, every query of the gallery
(``queries/*.rq``) in turn (starting at a different one each), with parameters varied over months,
years, actors, places, sources or pages (``query_gallery.variants``), so that no cache answers what
real clients would not repeat. Each client sends its next request when it has its answer; with
``--rate R`` the clients together send at most R a second (each at even times), so that servers of
different speed can be compared under the same offered load; with ``--unique`` each request's text
carries a comment of its own, so that no cache answers it (clients that never repeat a question).

First, each variant is run once alone in this process (as a query worker runs it) and its processor
time kept (in ``benchmarks/out/single-costs-N.json``; ``--reuse-costs`` takes it from there): a
request is *cheap* when its variant took at most ``--budget`` (the fast lane's budget, 0.1 s: what
the server itself treats as cheap), *heavy* otherwise; how many of each question's variants are
heavy is printed. Printed per server: requests sent, answered (any HTTP answer within the client's
limit) and by status; p50/p95/p99 of the cheap requests (all, and those sent in the second half of
the run, once the workers have read what they read, and in each ten seconds of it), and of the heavy
ones; per query; the resident memory of the server's processes, all of them, the serving processes
and the query workers (and the anonymous part: heaps and caches, not the store's files mapped) at
the start of the load, its peak, its end and its growth over the last half of the run (flat: near 0
however long the run), with the query workers' ceiling that ``SPARQL_WORKER_MB`` states; the
processor time the server's processes used (per request) and the clients used (they share the
machine's cores with the server), the query workers replaced and why (from the server's log), and
the machine's load average meanwhile (on a shared machine the latencies are upper bounds). Figures
go to stdout and ``benchmarks/out/concurrency.json``. Targets (issue 13): every request answered,
the cheap ones' p99 <= 250 ms, memory flat. Nothing is asserted.
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
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import query_gallery as gallery  # noqa: E402

#: The servers loaded, in turn.
KINDS = ["kb", "kb-one-lane", "oxigraph"]
#: Serving processes of ``kb serve`` by default (on this 2-core machine).
SERVING_PROCESSES = 2
#: What a query worker holds once its store is open, before SPARQL_WORKER_MB counts (MB, resident).
WORKER_BASE_MB = 60
#: The cheap requests' p99 that issue 13 asks for (ms): each question's cheap requests slower than
#: this are counted.
TARGET_MS = 250.0
#: Seconds of the run each line of the cheap requests' figures over time covers.
INTERVAL = 10.0
#: Seconds a client waits for one answer before it counts the request as unanswered.
CLIENT_LIMIT = 90.0


class Outcome(NamedTuple):
    """One request of the load."""

    status: int  #: HTTP status (0: no answer)
    ms: float  #: how long its answer took
    cheap: bool  #: its text took at most the budget alone
    at: float  #: when it was sent, seconds into the run


def texts_for(store: Path) -> dict[str, list[str]]:
    """Each gallery question's texts as a client sends them (its page clause and parameters written
    in as RDF terms), one per variant; a question without a variant on this store (no offer to
    follow) is left out."""
    from kb import queries
    from kb.sparql_text import substitute
    from kb.store import open_kb

    texts = {}
    with open_kb(store, read_only=True) as kb:
        found = gallery.store_params(kb)
        for name, query in sorted(queries.catalogue().items()):
            declared = [parameter.name for parameter in query.parameters]
            pages = [queries.paged(query, queries.bind(kb, query, params))
                     for params in gallery.variants(name, declared, found)]
            if pages:
                texts[name] = [substitute(text, rest) for text, rest in pages]
    return texts


def single_costs(store: Path, texts: dict[str, list[str]], names: list[str]) -> dict[str, list[float]]:
    """The processor seconds one run of each variant of ``names`` takes alone, in this process on
    the embedded store (as a query worker runs it): the measure by which a variant is cheap or not."""
    from kb.store import open_kb
    from kb.vocab import PREFIXES

    costs = {}
    with open_kb(store, read_only=True) as kb:
        for name in names:
            costs[name] = []
            for text in texts[name]:
                began = time.process_time()
                for _ in kb.backend.query(text, prefixes=PREFIXES, union=True):
                    pass
                costs[name].append(time.process_time() - began)
    return costs


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
        self.texts = texts

    def variant(self, name: str, turn: int) -> int:
        """Which variant of ``name`` the ``turn``-th request sends."""
        return turn % len(self.texts[name])

    def request(self, name: str, turn: int, unique: str = "") -> urllib.request.Request:
        """The request for the ``turn``-th variant of question ``name`` (with ``unique``, a comment
        that makes its text one no cache has seen)."""
        variants = self.texts[name]
        fields = {"query": variants[turn % len(variants)] + (f"\n# {unique}\n" if unique else "")}
        if self.kind == "oxigraph":
            fields["union-default-graph"] = ""
        path = "/query" if self.kind == "oxigraph" else "/sparql"
        return urllib.request.Request(f"{self.root}{path}", data=urllib.parse.urlencode(fields).encode(),
                                      headers={"Accept": "application/sparql-results+json"})


def start_server(kind: str, store: Path, port: int, query_timeout: float,
                 processes: int = SERVING_PROCESSES) -> subprocess.Popen:
    """``kb serve`` or ``oxigraph serve-read-only`` over ``store`` on 127.0.0.1:``port``."""
    venv = Path(sys.executable).parent
    environment = dict(os.environ)
    if kind == "kb-one-lane":
        environment.update(KB_SPARQL_FAST_SECONDS=str(query_timeout * 2), KB_SPARQL_RECYCLE_ANSWERS="0",
                           KB_SPARQL_RECYCLE_MB="0", KB_SPARQL_WORKERS="2")
    if kind.startswith("kb"):
        command = [str(venv / "kb"), "--store", str(store), "serve", "--host", "127.0.0.1",
                   "--port", str(port), "--query-timeout", f"{query_timeout:g}",
                   "--processes", str(processes)]
    else:
        command = [str(venv / "oxigraph"), "serve-read-only", "--location", str(store),
                   "--bind", f"127.0.0.1:{port}", "--timeout-s", str(int(query_timeout))]
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    server.log = log
    return server


def ready(server: subprocess.Popen, kind: str, processes: int, seconds: float = 600) -> None:
    """Wait until each serving process of ``kb serve`` has built its timeline index (it logs it)."""
    deadline = time.monotonic() + seconds
    while kind != "oxigraph" and time.monotonic() < deadline:
        server.log.seek(0)
        if server.log.read().count(b"timeline index:") >= processes:
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


def sample(pid: int) -> dict[int, tuple[str, float, float]]:
    """Each process of the server now: ``{pid: (role, resident MB, anonymous MB)}`` (from /proc;
    anonymous: heaps and caches, not the store's files mapped, which the page cache holds once for
    every process). Role: ``workers`` (query workers: those of each serving process's lanes and
    those of the fast lane the supervisor shares among them, known by what they run) or ``serving``
    (the server and its serving processes)."""
    found = {}
    for one, _depth in processes(pid):
        try:
            command = Path(f"/proc/{one}/cmdline").read_bytes()
            with open(f"/proc/{one}/status") as status:
                fields = {line.split(":")[0]: line.split()[1] for line in status
                          if line.startswith(("VmRSS:", "RssAnon:"))}
            found[one] = ("workers" if b"webapp.sparql" in command else "serving",
                          int(fields["VmRSS"]) / 1024, int(fields["RssAnon"]) / 1024)
        except (OSError, KeyError, IndexError, ValueError):
            continue
    return found


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
         query_timeout: float, heavy_variants: dict[str, set[int]], rate: float = 0.0,
         processes: int = SERVING_PROCESSES, unique: bool = False) -> dict:
    """``clients`` threads for ``seconds`` against one server; outcomes, latencies, memory. With a
    ``rate``, the clients together send at most that many requests a second (each its own share,
    at even times; at once when behind): the same offered load for servers of different speed."""
    port = gallery.free_port()
    server = start_server(kind, store, port, query_timeout, processes)
    root = f"http://127.0.0.1:{port}"
    target = Target(kind, root, texts)
    mix = list(texts)
    outcomes: dict[str, list[Outcome]] = {name: [] for name in mix}
    lock = threading.Lock()
    try:
        try:
            gallery.wait_for(f"{root}/{'query' if kind == 'oxigraph' else 'sparql'}?query=ASK%7B%7D", server)
        except SystemExit:
            server.log.seek(0)
            print(server.log.read().decode(errors="replace")[-2000:], file=sys.stderr)
            raise
        ready(server, kind, processes)
        for name in mix:  # one of each, so that no client pays for starting a lane's workers
            send(target.request(name, 0))
        memory = [(0.0, sample(server.pid))]
        cpu_before, loads = cpu_seconds(server.pid), [machine_load()]
        clients_cpu_before = time.process_time()
        began, began_counter = time.monotonic(), time.perf_counter()
        stop_at = began + seconds

        def client(number: int) -> None:
            turn, sent = number, 0
            while time.monotonic() < stop_at:
                if rate:  # this client's next turn: one every clients / rate seconds
                    due = began + (sent + number / clients) * clients / rate
                    time.sleep(max(0.0, due - time.monotonic()))
                    sent += 1
                name = mix[turn % len(mix)]
                which = turn // len(mix) + number * 7
                request = target.request(name, which, f"{number} {turn}" if unique else "")
                turn += 1
                start = time.perf_counter()
                status = send(request)
                cheap = target.variant(name, which) not in heavy_variants.get(name, ())
                with lock:
                    outcomes[name].append(Outcome(status, (time.perf_counter() - start) * 1000, cheap,
                                                  start - began_counter))

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            time.sleep(2)
            memory.append((time.monotonic() - began, sample(server.pid)))
            loads.append(machine_load())
        cpu = cpu_seconds(server.pid) - cpu_before
        clients_cpu = time.process_time() - clients_cpu_before
        server.log.seek(0)
        log = server.log.read().decode(errors="replace")
        replaced = {why: log.count(why) for why in ("past its run limit", "past the time limit", "worn")}
        said = Counter(line[:200] for line in log.splitlines()
                       if line.startswith(("Error", "Warning", "Traceback", "kb serve:")))
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.log.close()
    ceiling = None
    if kind == "kb":  # kb serve's defaults (the environment may set others)
        from webapp.sparql.service import lanes_from

        lanes = lanes_from({}, os.environ)
        ceiling = round(lanes.most_workers(processes) * (lanes.worker_mb + WORKER_BASE_MB)) \
            if lanes.worker_mb else None
    return {**summary(outcomes, memory), "server_cpu_s": round(cpu, 1), "workers_ceiling_mb": ceiling,
            "clients_cpu_s": round(clients_cpu, 1), "rate": rate or None, "unique": unique,
            "workers_replaced": replaced, "server_said": said.most_common(5),
            "machine_load": [round(min(loads), 1), round(max(loads), 1)]}


def summary(outcomes: dict[str, list[Outcome]],
            memory: list[tuple[float, dict[int, tuple[str, float, float]]]]) -> dict:
    """Counts, statuses, percentiles by class (and of the cheap requests sent in the run's second
    half, once each worker has read what it reads) and by query, memory (:func:`memory_summary`)."""
    statuses = _statuses([one for results in outcomes.values() for one in results])
    sent = sum(statuses.values())
    half = max((one.at for results in outcomes.values() for one in results), default=0.0) / 2

    def figures(names: Iterable[str], cheap: bool | None = None, after: float = 0.0,
                before: float = float("inf")) -> dict:
        chosen = [one for name in names for one in outcomes.get(name, [])
                  if cheap in (None, one.cheap) and after <= one.at < before]
        return {**(gallery.percentiles([one.ms for one in chosen]) if chosen else {}),
                "ok": sum(one.status == 200 for one in chosen),
                "over_target": sum(one.ms > TARGET_MS for one in chosen)}

    return {"sent": sent, "answered": sent - statuses.get("0", 0), "statuses": statuses,
            "cheap": figures(outcomes, cheap=True),
            "cheap_second_half": figures(outcomes, cheap=True, after=half),
            "heavy": figures(outcomes, cheap=False),
            "cheap_by_interval": [{"from_s": round(start), **figures(outcomes, cheap=True, after=start,
                                                                    before=start + INTERVAL)}
                                  for start in range(0, int(2 * half) + 1, int(INTERVAL))],
            "queries": {name: {**figures([name]), "cheap": figures([name], cheap=True),
                               "statuses": _statuses(results)}
                        for name, results in outcomes.items()},
            "memory_mb": memory_summary(memory)}


def memory_summary(samples: list[tuple[float, dict[int, tuple[str, float, float]]]]) -> dict:
    """Resident and anonymous memory over time (MB): all the server's processes, the serving
    processes, the query workers; start, peak, end, and the growth over the last half of the run
    (flat: close to 0 however long the run); the largest worker and serving process at the end."""
    def series(role: str | None, part: int) -> list[float]:
        return [sum(one[part] for one in found.values() if role in (None, one[0])) for _, found in samples]

    half = next(i for i, (t, _) in enumerate(samples) if t >= samples[-1][0] / 2)
    half_seconds = max(1e-9, samples[-1][0] - samples[half][0])
    figures = {}
    for label, role, part in (("resident", None, 1), ("anonymous", None, 2), ("serving", "serving", 1),
                              ("serving_anonymous", "serving", 2), ("workers", "workers", 1),
                              ("workers_anonymous", "workers", 2)):
        values = series(role, part)
        growth = values[-1] - values[half]
        figures[label] = {"start_peak_end": _start_peak_end(values),
                          "last_half_growth_mb": round(growth),
                          "last_half_mb_a_minute": round(growth * 60 / half_seconds, 1)}
    last = samples[-1][1]
    workers_seen = {pid for _, found in samples for pid, one in found.items() if one[0] == "workers"}
    figures.update(
        processes_end=len(last), workers_seen=len(workers_seen),
        largest_worker_end=max(((round(r), round(a)) for role, r, a in last.values() if role == "workers"),
                               default=None),
        serving_end=sorted((round(r), round(a)) for role, r, a in last.values() if role == "serving"),
        samples=[(round(t), round(sum(one[1] for one in found.values()))) for t, found in samples])
    return figures


def _start_peak_end(values: list[float]) -> tuple[int, int, int]:
    return round(values[0]), round(max(values)), round(values[-1])


def _statuses(results: list[Outcome]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for one in results:
        counted[str(one.status)] = counted.get(str(one.status), 0) + 1
    return counted


#: How each group of requests is printed.
GROUPS = {"cheap": "cheap (variant <= the budget alone)",
          "cheap_second_half": "cheap, sent in the run's second half", "heavy": "heavy (the others)"}


def render_costs(costs: dict[str, list[float]], budget: float) -> str:
    """Each question's variants by their cost measured alone: how many are over ``budget`` (heavy)."""
    lines = [f"== each question's variants, one run each alone (processor ms), over "
             f"{budget * 1000:g} ms:"]
    for name, seconds in costs.items():
        ordered = sorted(seconds)
        over = [round(s * 1000) for s in sorted(seconds, reverse=True) if s > budget]
        lines.append(f"   {name:<24} {len(seconds)} variants: median "
                     f"{ordered[len(ordered) // 2] * 1000:.1f}, max {ordered[-1] * 1000:.1f}; "
                     f"{len(over)} over ({over[:8]})")
    return "\n".join(lines)


def render(kind: str, report: dict) -> str:
    """One server's figures as text."""
    offered = f"offered at most {report['rate']:g} a second; " if report.get("rate") else ""
    offered += "every request's text new (no cache answers); " if report.get("unique") else ""
    lines = [f"== {kind}: {report['sent']} requests, {report['answered']} answered, statuses "
             f"{report['statuses']}; server processor time {report['server_cpu_s']} s "
             f"({report['server_cpu_s'] * 1000 / max(1, report['sent']):.0f} ms a request), the clients' "
             f"{report['clients_cpu_s']} s (this process); "
             f"{offered}machine "
             f"load (1 min) {report['machine_load'][0]}-{report['machine_load'][1]}; query workers "
             f"replaced {report.get('workers_replaced')}"]
    for line, count in report.get("server_said", []):
        lines.append(f"   the server said ({count}x): {line}")
    for group in GROUPS:
        one = report[group]
        if "p50_ms" in one:
            lines.append(f"   {GROUPS[group]:<40} p50 {one['p50_ms']:9.1f}  p95 {one['p95_ms']:9.1f}  "
                         f"p99 {one['p99_ms']:9.1f} ms  ({one['runs']} requests, {one['ok']} 200, "
                         f"{one['over_target']} over {TARGET_MS:g} ms)")
    intervals = [f"{one['from_s']}s {one['p99_ms']:.0f} ({one['runs']})"
                 for one in report.get("cheap_by_interval", []) if "p99_ms" in one]
    if intervals:
        lines.append(f"   cheap p99 ms (requests) sent in each {INTERVAL:g} s from: " + ", ".join(intervals))
    for name, one in report["queries"].items():
        if "p50_ms" in one:
            cheap = one.get("cheap", {})
            mixed = f"  (its cheap ones: p99 {cheap['p99_ms']:.1f} ms of {cheap['runs']})" \
                if cheap.get("runs", one["runs"]) != one["runs"] and "p99_ms" in cheap else ""
            if cheap.get("over_target"):
                mixed += f"  {cheap['over_target']} cheap over {TARGET_MS:g} ms"
            lines.append(f"     {name:<24} p50 {one['p50_ms']:9.1f}  p99 {one['p99_ms']:9.1f} ms  "
                         f"{one['statuses']}{mixed}")
    memory = report["memory_mb"]
    for label in ("resident", "anonymous", "serving", "serving_anonymous", "workers", "workers_anonymous"):
        one = memory[label]
        lines.append(f"   memory {label:<18} start/peak/end {one['start_peak_end']} MB; over the "
                     f"last half {one['last_half_growth_mb']:+d} MB ({one['last_half_mb_a_minute']:+.1f} "
                     f"MB a minute)")
    lines.append(f"   {memory['processes_end']} processes at the end; query workers seen "
                 f"{memory['workers_seen']}; "
                 f"largest worker at the end (resident, anonymous MB) {memory['largest_worker_end']}; "
                 f"serving processes {memory['serving_end']}")
    if report.get("workers_ceiling_mb"):
        lines.append(f"   the query workers' stated ceiling (Lanes.most_workers x "
                     f"(SPARQL_WORKER_MB + {WORKER_BASE_MB})): {report['workers_ceiling_mb']} MB; their peak "
                     f"{memory['workers']['start_peak_end'][1]} MB")
    lines.append(f"   resident over time (s, MB): {memory['samples']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Copy the store, load each server in turn, print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--data", type=Path,
                        default=gallery.SHARED if gallery.SHARED.exists() else gallery.OUT)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--processes", type=int, default=SERVING_PROCESSES,
                        help="serving processes of kb serve (its default on this 2-core machine: 2)")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="requests a second the clients send together at most (default: each "
                             "sends its next as soon as it has its answer)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--query-timeout", type=float, default=30.0)
    parser.add_argument("--only", choices=KINDS, nargs="+",
                        help="only these servers (default: all; kb oxigraph: the two side by side)")
    parser.add_argument("--budget", type=float, default=0.1,
                        help="processor seconds a variant may take alone to count as cheap (the fast "
                             "lane's budget, SPARQL_FAST_SECONDS)")
    parser.add_argument("--store", type=Path,
                        help="serve this store in place instead of a copy (every server here only "
                             "reads it; kb serve's record of itself goes beside it, so give a link "
                             "in a folder of your own to a shared store)")
    parser.add_argument("--unique", action="store_true",
                        help="make every request's text one never sent before (a comment), so that no "
                             "cache answers it: clients that never repeat a question")
    parser.add_argument("--reuse-costs", action="store_true",
                        help="take each variant's cost alone from the last run at this size "
                             "(benchmarks/out/single-costs-N.json) instead of measuring it again")
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
        known = gallery.OUT / f"single-costs-{args.events}.json"
        if args.reuse_costs and known.exists():
            costs = json.loads(known.read_text())
        else:
            costs = single_costs(copy, texts, list(texts))
            gallery.OUT.mkdir(exist_ok=True)
            known.write_text(json.dumps(costs))
        print(render_costs(costs, args.budget), flush=True)
        heavy_variants = {name: {n for n, s in enumerate(seconds) if s > args.budget}
                          for name, seconds in costs.items()}
        reports = {}
        for kind in KINDS:
            if args.only is None or kind in args.only:
                reports[kind] = load(kind, copy, texts, args.clients, args.seconds, args.query_timeout,
                                     heavy_variants, args.rate, args.processes, args.unique)
                print(render(kind, reports[kind]), flush=True)
    finally:
        if not args.store:
            shutil.rmtree(copy.parent, ignore_errors=True)
    gallery.OUT.mkdir(exist_ok=True)
    (gallery.OUT / "concurrency.json").write_text(json.dumps(
        {"events": args.events, "clients": args.clients, "seconds": args.seconds,
         "single_costs_s": costs, **reports}, indent=1))


if __name__ == "__main__":
    main()
