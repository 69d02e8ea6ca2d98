"""Latency of every named query (queries/*.rq) on synthetic knowledge bases, and a concurrent load.

    python benchmarks/query_gallery.py [--events 10000 100000 1000000] [--data DIR] [--runs 10]
                                       [--store-suffix -v4] [--limit-s 30] [--load-events 100000]
                                       [--load-seconds 60] [--only NAME ...] [--random-windows N]

For each size: the store ``DIR/store-synthetic-N`` (``DIR/store-synthetic-N-v4`` with
``--store-suffix -v4``: a copy made current with ``kb reindex``; built once with ``kb load`` from
``DIR/synthetic-N-s0-v3.nq``, written by ``synthetic.py``, when missing; ``DIR`` defaults to
``/work/bench-data`` when it exists, else ``benchmarks/out``) is opened read-only, and each named
query runs with the parameters of :data:`PARAMS` (a one-month window, the busy actor ...) and, for
the queries about one offer's thread, an offer of that store that some offer counters (found by a
query: :func:`store_params`):

- ``embedded``: ``kb.queries.run`` on the embedded store, in a child process per query that is
  killed after ``--limit-s`` seconds (a running pyoxigraph query cannot be interrupted); beside
  the wall-clock times, the child process's CPU time per run (on a shared machine the wall clock
  also counts the time other processes held the cores);
- ``serve``: the same query through ``oxigraph serve-read-only`` on the same store, by the remote
  backend (``union-default-graph``), with the server's own ``--timeout-s``; beside the times, the
  server's CPU time per run (from ``/proc``, in clock ticks of 10 ms);
- for ``timeline``, its ad hoc equivalents beside it: ``kb.timeline.window`` (the timeline index) and
  the FILTER formulation the named query had before (a scan of every dated event).

Then the concurrent load over the ``--load-events`` store, for ``--load-seconds`` seconds:
``benchmarks/concurrency.py --only kb oxigraph`` (16 clients sending every gallery query to
``kb serve``'s ``/sparql`` and to ``oxigraph serve``; its figures are printed as it runs, and their
summary at the end).

With ``--random-windows N`` each query of ``--only`` that takes a window (from/to) runs instead over
N random calendar months (2001-2024, :data:`RANDOM_SEED`), then N random three-month windows and N
random years that begin on any day, each window once after one warm-up window (so each run reads
a month it has not read before); a line each: ``NAME [1 month]``, ``[3 months]``, ``[1 year]``.

Targets (issue 13): p95 <= 100 ms at 100k and <= 1 s at 1M per query; under load every request
answered and the cheap queries' p99 <= 250 ms, memory flat. Figures go to stdout and to
``benchmarks/out/query_gallery.json``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SHARED = Path("/work/bench-data")
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synthetic  # noqa: E402

from kb.vocab import Minter  # noqa: E402

WINDOW = {"from": "2024-10-01", "to": "2024-10-31"}


def synthetic_source(number: int) -> str:
    """The IRI of the ``number``-th source of a synthetic store."""
    return Minter().source(synthetic.source_slug(number)).value



#: Parameters each named query runs with on synthetic data (the others run with none). The busy
#: actor always comes first in an event (offerer, speaker ...); actor-0002, among the most frequent
#: of the others, also holds the later roles (recipient, mediator) and is a claimant.
PARAMS: dict[str, dict[str, str]] = {
    "timeline": WINDOW,
    "actor-timeline": {"actor": synthetic.BUSY_ACTOR},
    "offers": {"recipient": "actor-0002"},
    "co-actors": {"actor": synthetic.BUSY_ACTOR},
    "mediation": {"mediator": "actor-0002"},
    "events-per-month": {"from": "2024-01-01", "to": "2024-12-31"},
    "killings-during-talks": WINDOW,
    "actor-roles": WINDOW,
    "second-hand": {"claimant": "actor-0002"},
    "events-by-place": {"place": "place-001"},
    "date-precision": {"source": synthetic_source(1)},
}
OLD_TIMELINE = """SELECT ?event ?type ?label ?earliest ?latest ?edtf ?date_text ?source
       (GROUP_CONCAT(DISTINCT ?one_sentence; separator="\\n") AS ?sentence) WHERE {
  ?event kbo:dateText ?date_text ; a ?type ; rdfs:label ?label ; kbo:edtf ?edtf ;
         sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest ;
         kbo:source ?source ; kbo:sourceSentence ?one_sentence .
  FILTER(?latest >= "%s"^^xsd:date) FILTER(?earliest <= "%s"^^xsd:date)
} GROUP BY ?event ?type ?label ?earliest ?latest ?edtf ?date_text ?source ORDER BY ?earliest ?latest ?event"""


def percentiles(times: list[float]) -> dict:
    """p50, p95, p99 (ms) of ``times``."""
    times = sorted(times)
    pick = lambda q: times[min(len(times) - 1, int(len(times) * q))]  # noqa: E731
    return {"p50_ms": statistics.median(times), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "runs": len(times)}


def own_cpu_ms() -> float:
    """CPU time this process has used (every thread, user and system), in ms."""
    return time.process_time() * 1000


def process_cpu_ms(pid: int) -> float:
    """CPU time process ``pid`` has used (user and system, from ``/proc``), in ms."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def latency(call, runs: int, budget_s: float, cpu=own_cpu_ms) -> dict:
    """Percentiles of ``call()`` over up to ``runs`` runs after one warm-up (at least 3 runs), or the
    warm-up alone when it took more than ``budget_s``; the CPU time of each run as ``cpu()`` counts it
    beside the wall-clock time (``cpu_p50_ms``, ``cpu_p95_ms``)."""
    def timed() -> tuple[float, float, list]:
        cpu_begin, begin = cpu(), time.perf_counter()
        result = call()
        return (time.perf_counter() - begin) * 1000, cpu() - cpu_begin, result

    first, first_cpu, result = timed()
    if first > budget_s * 1000:
        return {**percentiles([first]), **_cpu([first_cpu]), "rows": len(result)}
    times: list[float] = []
    cpu_times: list[float] = []
    started = time.perf_counter()
    while len(times) < runs and (len(times) < 3 or time.perf_counter() - started < budget_s):
        elapsed, used, result = timed()
        times.append(elapsed)
        cpu_times.append(used)
    return {**percentiles(times), **_cpu(cpu_times), "rows": len(result)}


def _cpu(cpu_times: list[float]) -> dict:
    figures = percentiles(cpu_times)
    return {"cpu_p50_ms": figures["p50_ms"], "cpu_p95_ms": figures["p95_ms"]}


#: An offer for the queries about an offer's thread: one that another offer counters or a response
#: answers, else any offer (the synthetic data of generator v3 has neither links).
_OFFERS = ("SELECT ?offer WHERE { ?step kbo:counters|kbo:answers ?offer } LIMIT 1",
           "SELECT ?offer WHERE { ?offer a kbo:Offer } LIMIT 1")


def store_params(kb) -> dict[str, dict[str, str]]:
    """Parameters that depend on the store: for the queries about an offer's thread, the first offer
    (in the store's order) that is countered or answered, else the first offer; none without offers."""
    from kb.vocab import PREFIXES

    for sparql in _OFFERS:
        rows = kb.select(sparql, prefixes=PREFIXES)
        if rows:
            offer = {"offer": rows[0]["offer"].value}
            return {"offer-thread": offer, "term-changes": offer}
    return {}


# --- one query in a child process ---------------------------------------------------------------

def child(store: str, name: str, params: dict[str, str], runs: int, budget_s: float) -> None:
    """Measure one named query with ``params`` (or an ad hoc timeline) on the embedded store; print
    JSON."""
    from kb import queries
    from kb.store import open_kb
    from kb.timeline.window import window
    from kb.vocab import PREFIXES

    kb = open_kb(store, read_only=True)
    if name == "adhoc:window":
        first, last = (date.fromisoformat(WINDOW[k]) for k in ("from", "to"))
        call = lambda: window(kb, first, last)  # noqa: E731
    elif name == "adhoc:filter":
        text = OLD_TIMELINE % (WINDOW["from"], WINDOW["to"])
        call = lambda: kb.select(text, prefixes=PREFIXES)  # noqa: E731
    else:
        query = queries.find(name)
        call = lambda: queries.run(kb, query, params).rows  # noqa: E731
    print(json.dumps(latency(call, runs, budget_s)))


#: The random windows of --random-windows: (label, months, month-aligned).
RANDOM_SPANS = (("1 month", 1, True), ("3 months", 3, False), ("1 year", 12, False))
RANDOM_SEED = 13


def random_windows(count: int, months: int, aligned: bool, seed: int = RANDOM_SEED) -> list[dict[str, str]]:
    """``count`` windows of ``months`` months in 2001-2024: calendar months when ``aligned``, else
    from a random day to the day before the same day ``months`` later."""
    import random
    from datetime import timedelta

    rng = random.Random(f"{seed}-{months}-{aligned}")
    found = []
    for _ in range(count):
        year, month = rng.randrange(2001, 2025), rng.randrange(1, 13)
        day = 1 if aligned else rng.randrange(1, 29)
        first = date(year, month, day)
        index = year * 12 + month - 1 + months
        last = date(index // 12, index % 12 + 1, day) - timedelta(days=1)
        found.append({"from": first.isoformat(), "to": last.isoformat()})
    return found


def child_windows(store: str, name: str, spans: list[dict[str, str]]) -> None:
    """Run one named query once over each window of ``spans`` after one warm-up window; print the
    percentiles (wall and CPU) as JSON."""
    from kb import queries
    from kb.store import open_kb

    kb = open_kb(store, read_only=True)
    query = queries.find(name)
    queries.run(kb, query, {"from": "2000-06-01", "to": "2000-06-30"})  # warm-up
    times, cpu_times, rows = [], [], []
    for span in spans:
        cpu_begin, begin = own_cpu_ms(), time.perf_counter()
        rows.append(len(queries.run(kb, query, span).rows))
        times.append((time.perf_counter() - begin) * 1000)
        cpu_times.append(own_cpu_ms() - cpu_begin)
    print(json.dumps({**percentiles(times), **_cpu(cpu_times), "rows": int(statistics.median(rows))}))


def embedded_windows(store: Path, name: str, spans: list[dict[str, str]], limit_s: float) -> dict:
    """:func:`child_windows` in a child process, killed after ``limit_s`` seconds a window."""
    command = [sys.executable, __file__, "--child-windows", str(store), name,
               "--child-params", json.dumps(spans)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit_s * (len(spans) + 1))
    except subprocess.TimeoutExpired:
        return {"error": f"> {limit_s:.0f} s a window"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1][:120] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout)


def embedded(store: Path, name: str, params: dict[str, str], runs: int, limit_s: float) -> dict:
    """:func:`child` in a child process, killed after ``limit_s`` seconds."""
    command = [sys.executable, __file__, "--child", str(store), name, "--child-params", json.dumps(params),
               "--runs", str(runs), "--limit-s", str(limit_s)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit_s * 3)
    except subprocess.TimeoutExpired:
        return {"error": f"> {limit_s:.0f} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1][:120] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout)


# --- the same queries through oxigraph serve --------------------------------------------------------

def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 600) -> None:
    """Wait until ``url`` answers (a large store can take a while to open)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def served(store: Path, names: list[str], params: dict[str, dict[str, str]], runs: int, limit_s: float
           ) -> dict[str, dict]:
    """Each named query (with its ``params``) through ``oxigraph serve-read-only`` on ``store``."""
    from kb import queries
    from kb.errors import KBError
    from kb.store import open_kb

    oxigraph = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    process = subprocess.Popen([str(oxigraph), "serve-read-only", "--location", str(store), "--bind",
                                f"127.0.0.1:{port}", "--timeout-s", str(int(limit_s))],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results: dict[str, dict] = {}
    try:
        root = f"http://127.0.0.1:{port}"
        wait_for(f"{root}/query?query=ASK%7B%7D", process)
        remote = open_kb(root)
        remote.backend.timeout = limit_s + 5
        for name in names:
            query, values = queries.find(name), params.get(name, {})
            try:
                results[name] = latency(lambda q=query, v=values: queries.run(remote, q, v).rows,
                                        runs, limit_s / 2, cpu=lambda: process_cpu_ms(process.pid))
            except (KBError, SyntaxError, OSError) as err:  # a time-out can cut the answer short
                results[name] = {"error": str(err).splitlines()[0][:120]}
            print(f"   serve {name:<24} {_cell(results[name])}", flush=True)
    finally:
        process.terminate()
        process.wait(30)
    return results


# --- building the stores -------------------------------------------------------------------------

def found_params(store: Path) -> dict[str, dict[str, str]]:
    """:func:`store_params` of ``store``, opened read-only for the time of the query."""
    from kb.store import open_kb

    with open_kb(store, read_only=True) as kb:
        return store_params(kb)


def store_for(n_events: int, data: Path, suffix: str = "") -> Path:
    """``data/store-synthetic-N`` (``N-v4`` with the ``suffix`` "-v4"), loaded once with ``kb load``
    from the synthetic N-Quads."""
    store = data / f"store-synthetic-{n_events}{suffix}"
    if store.exists():
        return store
    if suffix:
        raise SystemExit(f"{store} is missing (build it with kb reindex on a copy of the store, or leave "
                         "out --store-suffix)")
    source = data / f"synthetic-{n_events}-s0-v{synthetic.GENERATOR_VERSION}.nq"
    if not source.exists():
        partial = source.with_suffix(".partial")
        synthetic.write_nquads(partial, n_events)
        partial.rename(source)
    building = store.with_name(store.name + ".building")
    kb = Path(sys.executable).with_name("kb")
    subprocess.run([str(kb), "--store", str(building), "load", str(source)], check=True)
    building.rename(store)
    for beside in building.parent.glob(building.name + ".*"):  # kb's records of the store go with it
        beside.rename(store.with_name(store.name + beside.name[len(building.name):]))
    return store


# --- the parameters of the concurrent load (benchmarks/concurrency.py) ------------------------------

def variants(name: str, declared: list[str], found: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Parameter values for the concurrent load, by the parameters the query declares: different
    months, years, actors, places, sources, or else pages (offset), so that the endpoint's cache of
    repeated answers serves only what real clients would repeat; the offer of ``found``
    (:func:`store_params`) for the queries about one offer's thread (none when the store has no
    offer)."""
    months = [(year, month) for year in range(2019, 2026) for month in range(1, 13)]
    actors = [f"actor-{n:04d}" for n in range(1, 61)]
    if name == "events-per-month":
        return [{"from": f"{y}-01-01", "to": f"{y}-12-31"} for y in range(2000, 2026)]
    if "from" in declared:
        return [{"from": f"{y}-{m:02d}-01", "to": f"{y}-{m:02d}-28"} for y, m in months]
    for one in ("actor", "recipient", "mediator", "claimant"):
        if one in declared:
            return [{one: actor} for actor in actors]
    if "place" in declared:
        return [{"place": f"place-{n:03d}"} for n in range(1, 11)]
    if "source" in declared:
        return [{"source": synthetic_source(n)} for n in range(60)]
    if "offer" in declared:
        return [found[name]] if name in found else []
    if "offset" in declared:
        return [{"offset": str(100 * page)} for page in range(10)]
    return [{}]


# --- the report ------------------------------------------------------------------------------------

def _cell(figures: dict) -> str:
    if not figures:
        return "-"
    if "error" in figures:
        return figures["error"]
    cpu = (f" {figures['cpu_p50_ms']:7.1f} {figures['cpu_p95_ms']:7.1f}" if "cpu_p50_ms" in figures
           else f" {'':7} {'':7}")
    return f"{figures['p50_ms']:9.1f} {figures['p95_ms']:9.1f}{cpu} {figures['rows']:7}"


def target(n_events: int) -> float | None:
    """The p95 target (ms) at this size."""
    return {100_000: 100.0, 1_000_000: 1000.0}.get(n_events)


def main(argv: list[str] | None = None) -> None:
    """Measure every size, print the tables, then the concurrent load."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--data", type=Path, default=SHARED if SHARED.exists() else OUT)
    parser.add_argument("--store-suffix", default="", help="read DIR/store-synthetic-N<suffix> "
                        "(-v4: the copies made current with kb reindex); built when missing only without it")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query (after one warm-up)")
    parser.add_argument("--limit-s", type=float, default=30.0, help="seconds before a run counts as too slow")
    parser.add_argument("--only", nargs="*", help="only these named queries")
    parser.add_argument("--no-serve", action="store_true", help="skip oxigraph serve")
    parser.add_argument("--load-events", type=int, default=100_000, help="0: no concurrent load")
    parser.add_argument("--load-seconds", type=float, default=60.0)
    parser.add_argument("--random-windows", type=int, default=0, metavar="N",
                        help="each windowed query of --only over N random months, 3-month windows, years")
    parser.add_argument("--child", nargs=2, metavar=("STORE", "NAME"), help=argparse.SUPPRESS)
    parser.add_argument("--child-windows", nargs=2, metavar=("STORE", "NAME"), help=argparse.SUPPRESS)
    parser.add_argument("--child-params", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], json.loads(args.child_params), args.runs, args.limit_s / 2)
        return
    if args.child_windows:
        child_windows(args.child_windows[0], args.child_windows[1], json.loads(args.child_params))
        return
    from kb import queries

    OUT.mkdir(parents=True, exist_ok=True)
    names = args.only or sorted(queries.catalogue())
    report: dict = {"cores": os.cpu_count(), "load_average": os.getloadavg()[0], "sizes": {}}
    for n_events in args.events:
        store = store_for(n_events, args.data, args.store_suffix)
        load_start = os.getloadavg()[0]
        print(f"\n== {n_events:,} events ({store}); load average {load_start:.1f}", flush=True)
        params = {**PARAMS, **found_params(store)}
        figures: dict[str, dict] = {}
        if args.random_windows:
            for name in (name for name in names if "from" in PARAMS.get(name, {})):
                for label, months, aligned in RANDOM_SPANS:
                    spans = random_windows(args.random_windows, months, aligned)
                    key = f"{name} [{label}]"
                    figures[key] = {"embedded": embedded_windows(store, name, spans, args.limit_s),
                                    "params": {"windows": f"{len(spans)} random, the first "
                                               f"{spans[0]['from']}..{spans[0]['to']}"}}
                    print(f"   embedded {key:<24} {_cell(figures[key]['embedded'])}", flush=True)
            report["sizes"][n_events] = {"store": str(store), "load_average_start": load_start,
                                         "load_average_end": os.getloadavg()[0], "queries": figures}
            continue
        for name in names + (["adhoc:window", "adhoc:filter"] if "timeline" in names else []):
            figures[name] = {"embedded": embedded(store, name, params.get(name, {}), args.runs, args.limit_s),
                             "params": params.get(name, {})}
            print(f"   embedded {name:<24} {_cell(figures[name]['embedded'])}", flush=True)
        if not args.no_serve:
            for name, result in served(store, names, params, args.runs, args.limit_s).items():
                figures[name]["serve"] = result
        report["sizes"][n_events] = {"store": str(store), "load_average_start": load_start,
                                     "load_average_end": os.getloadavg()[0], "queries": figures}
        (OUT / "query_gallery.json").write_text(json.dumps(report, indent=1))
    if args.load_events:  # one load test, one definition of it: benchmarks/concurrency.py
        print(f"\n== concurrent load over {args.load_events:,} events (benchmarks/concurrency.py)",
              flush=True)
        subprocess.run([sys.executable, str(HERE / "concurrency.py"), "--events", str(args.load_events),
                        "--data", str(args.data), "--seconds", f"{args.load_seconds:g}",
                        "--only", "kb", "oxigraph"], check=True)
        report["load"] = json.loads((OUT / "concurrency.json").read_text())
        (OUT / "query_gallery.json").write_text(json.dumps(report, indent=1))
    print(render(report))


def render(report: dict) -> str:
    """The tables: per size, each query's p50/p95 embedded and through oxigraph serve."""
    lines = [f"{report['cores']} cores, load average at start {report['load_average']:.1f}"]
    for n_events, size in report["sizes"].items():
        goal = target(int(n_events))
        lines.append(f"\n{int(n_events):,} events ({size['store']}; load average "
                     f"{size['load_average_start']:.1f} at start, {size['load_average_end']:.1f} at end)"
                     + (f" (target p95 <= {goal:.0f} ms)" if goal else ""))
        lines.append(f"  {'':<24} {'embedded: wall p50':>19} {'p95':>9} {'CPU p50':>7} {'p95':>7} {'rows':>7}"
                     f"   {'serve: wall p50':>15} {'p95':>9} {'CPU p50':>7} {'p95':>7} {'rows':>7}  params")
        for name, pair in size["queries"].items():
            params = " ".join(f"{k}={v}" for k, v in pair.get("params", {}).items())
            missed = (goal and not name.startswith("adhoc:")  # the ad hoc rows are for comparison
                      and "p95_ms" in pair["embedded"] and pair["embedded"]["p95_ms"] > goal)
            lines.append(f"  {name:<24} {_cell(pair['embedded']):>46}   {_cell(pair.get('serve', {})):>46}"
                         f"  {params}{'  MISSED' if missed else ''}")
    for kind in ("kb", "oxigraph"):
        one = report.get("load", {}).get(kind)
        if one:
            cheap, memory = one["cheap"], one["memory_mb"]["resident"]
            lines.append(f"\nconcurrent load, {kind}: {one['sent']} requests, {one['answered']} answered, "
                         f"statuses {one['statuses']}; cheap p99 {cheap.get('p99_ms', 0):.1f} ms (target "
                         f"<= 250); resident memory start/peak/end {memory['start_peak_end']} MB, "
                         f"{memory['last_half_growth_mb']:+d} MB over the last half")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
