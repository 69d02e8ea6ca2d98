"""Load time, peak memory, size on disk and timeline latencies of synthetic knowledge bases.

    python benchmarks/kb_scale.py [--events 10000 100000 1000000] [--workdir DIR] [--runs 50]

For each size: writes (or reuses) ``benchmarks/out/synthetic-N-*.nq`` (see ``synthetic.py``), then

- the baseline: pyoxigraph's own ``Store.bulk_load`` of that file into a fresh directory (not
  atomic), in a child process;
- ``kb load FILE`` into an empty store (bulk load aside, optimize, swap in), and ``kb load FILE``
  again into the now full store (replaces the file's graphs), each a child process whose peak
  memory is its own (``os.wait4``);
- latencies (p50/p95 after warm-up) of ``kb.timeline.window`` for one month (the digests of the
  month's periods, see ``kb/timeline/rows.py``), of the ``timeline`` named query with from/to (the
  FILTER scan it replaces), of ``kb.timeline.actor_events`` (one timeline row an event) and the
  ``actor-timeline`` named query for the actor with about 1,000 events.

Figures are printed next to the targets of issue 2 (section 9), and kept in
``benchmarks/out/kb_scale-N.json``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

WINDOW = (date(2024, 10, 1), date(2024, 10, 31))
TARGETS = {
    "load_ratio": 1.5,  # kb load time / bulk_load time
    "load_peak_mb": 2048,
    "window_ms": 20,
    "actor_ms": 50,
}
#: A child process that bulk loads one file into a fresh store, the way pyoxigraph documents it.
BASELINE = """
import json, resource, sys, time
from pyoxigraph import RdfFormat, Store
store = Store(sys.argv[2])
started = time.perf_counter()
store.bulk_load(path=sys.argv[1], format=RdfFormat.N_QUADS)
loaded = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
started = time.perf_counter()
store.optimize()
store.flush()
print(json.dumps({"bulk_load_s": loaded, "bulk_load_cpu_s": cpu, "bulk_load_peak_kb": peak,
                  "optimize_s": time.perf_counter() - started}))
"""


def run_child(command: list[str]) -> dict:
    """Run a command; its wall time, exit status, peak RSS (its own and its children's), output.

    The disks are synced first, so that no step pays for writing back what the one before it left
    in the page cache (gigabytes at 1M events: the store just built, the store just deleted).
    """
    if hasattr(os, "sync"):
        os.sync()
    started = time.perf_counter()
    with open(OUT / "child.log", "ab") as log:
        log.write(f"\n$ {' '.join(command)}\n".encode())
        log.flush()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed (status {process.returncode}); see {OUT / 'child.log'}")
    return {"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "output": output.decode()}


def disk_mb(path: Path) -> float:
    """Bytes under ``path`` (like ``du -sb``), in MB."""
    return sum(entry.stat().st_size for entry in path.rglob("*") if entry.is_file()) / 2**20


def kb_command() -> list[str]:
    """The ``kb`` command of this environment."""
    script = Path(sys.executable).with_name("kb")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from kb.cli import main; main()"]


def latency(call, runs: int, budget_s: float = 30.0) -> dict:
    """p50/p95 of ``call()`` in ms over ``runs`` runs after 3 warm-up runs (1 warm-up and as few as
    3 runs when a run takes seconds: the runs stop after ``budget_s``)."""
    started = time.perf_counter()
    result = call()
    if time.perf_counter() - started < 1:
        for _ in range(2):
            result = call()
    times, cpu = [], []
    started = time.perf_counter()
    while len(times) < runs and (len(times) < 3 or time.perf_counter() - started < budget_s):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        result = call()
        times.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.process_time() - begin_cpu) * 1000)
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[min(len(times) - 1, int(len(times) * 0.95))],
            "cpu_p50_ms": statistics.median(cpu), "runs": len(times), "rows": len(result)}


def measure(n_events: int, workdir: Path, runs: int) -> dict:
    """Every figure for one size."""
    from kb import queries
    from kb.store import open_kb
    from kb.timeline.window import actor_events, window
    from kb.vocab import Minter

    results: dict = {"events": n_events}
    started = time.perf_counter()
    path = synthetic.cached_nquads(n_events, OUT)
    results["generate_s"] = time.perf_counter() - started
    with path.open("rb") as handle:
        quads = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))
    results.update(file=str(path), quads=quads, file_mb=path.stat().st_size / 2**20)
    results["load_average"] = os.getloadavg()[0]
    print(f"\n== {n_events:,} events: {quads:,} quads ({quads / n_events:.1f} an event), "
          f"{results['file_mb']:,.0f} MB of N-Quads ({path.name}); load average "
          f"{results['load_average']:.1f}", flush=True)

    baseline_dir = workdir / f"baseline-{n_events}"
    shutil.rmtree(baseline_dir, ignore_errors=True)
    child = run_child([sys.executable, "-c", BASELINE, str(path), str(baseline_dir)])
    figures = json.loads(child["output"])
    results["baseline"] = {"seconds": figures["bulk_load_s"], "cpu_s": figures["bulk_load_cpu_s"],
                           "peak_mb": figures["bulk_load_peak_kb"] / 1024,
                           "optimize_s": figures["optimize_s"], "peak_with_optimize_mb": child["peak_mb"],
                           "disk_mb": disk_mb(baseline_dir)}
    shutil.rmtree(baseline_dir, ignore_errors=True)
    print(f"   baseline bulk_load {figures['bulk_load_s']:.1f} s (+ optimize {figures['optimize_s']:.1f} s)",
          flush=True)

    store = workdir / f"kb-{n_events}"
    for suffix in ("", ".loading", ".retired"):
        shutil.rmtree(store.with_name(store.name + suffix), ignore_errors=True)
    for step in ("load", "reload"):
        child = run_child([*kb_command(), "--store", str(store), "load", str(path)])
        results[step] = {"seconds": child["seconds"], "cpu_s": child["cpu_s"], "peak_mb": child["peak_mb"],
                         "disk_mb": disk_mb(store)}
        print(f"   kb {step} {child['seconds']:.1f} s", flush=True)

    kb = open_kb(store, read_only=True)
    actor = Minter().actor(synthetic.BUSY_ACTOR).value
    timeline_query, actor_query = queries.find("timeline"), queries.find("actor-timeline")
    window_params = {"from": WINDOW[0].isoformat(), "to": WINDOW[1].isoformat()}
    results["latency"] = {
        "window": latency(lambda: window(kb, *WINDOW), runs),
        "timeline query (FILTER)": latency(lambda: queries.run(kb, timeline_query, window_params).rows, runs),
        "actor_events": latency(lambda: actor_events(kb, actor), runs),
        "actor-timeline query": latency(
            lambda: queries.run(kb, actor_query, {"actor": synthetic.BUSY_ACTOR}).rows, runs),
    }
    kb.close()
    (OUT / f"kb_scale-{n_events}.json").write_text(json.dumps(results, indent=1))
    return results


LOAD_WIDTHS = (8, 8, 10, 8, 9, 9)
QUERY_WIDTHS = (8, 8, 8, 6, 7, 8)


def _line(cells: list, widths: tuple[int, ...], target: str = "") -> str:
    first, *rest = cells
    padded = "".join(f"{cell:>{width}}" for cell, width in zip(rest, widths, strict=True))
    return f"  {first:<40}{padded}  {target}".rstrip()


def report(results: dict) -> str:
    """One size's figures as a table, with the targets beside them."""
    base, quads = results["baseline"], results["quads"]
    lines = [f"{results['events']:,} events, {quads:,} quads, load average {results['load_average']:.1f}",
             _line(["load", "time s", "cpu s", "quads/s", "x base", "peak MB", "disk MB"], LOAD_WIDTHS,
                   "target")]
    rows = [("pyoxigraph bulk_load (baseline)", base, ""),
            ("kb load, empty store (+optimize, swap)", results["load"],
             f"<= {TARGETS['load_ratio']}x base, < {TARGETS['load_peak_mb']} MB"),
            ("kb load again (replace its graphs)", results["reload"], "")]
    for name, figures, target in rows:
        seconds = figures["seconds"]
        cells = [name, f"{seconds:.1f}", f"{figures['cpu_s']:.1f}", f"{quads / seconds:,.0f}",
                 f"{seconds / base['seconds']:.2f}", f"{figures['peak_mb']:,.0f}",
                 f"{figures['disk_mb']:,.0f}"]
        lines.append(_line(cells, LOAD_WIDTHS, target))
    lines.append(f"  (baseline optimize: {base['optimize_s']:.1f} s more, peak "
                 f"{base['peak_with_optimize_mb']:,.0f} MB with it; then {base['disk_mb']:,.0f} MB on disk)")
    lines.append(_line(["query", "p50 ms", "p95 ms", "cpu ms", "runs", "rows", "us/row"], QUERY_WIDTHS,
                       "target"))
    targets = {"window": f"<= {TARGETS['window_ms']} ms", "actor_events": f"<= {TARGETS['actor_ms']} ms"}
    for name, figures in results["latency"].items():
        per_row = figures["p50_ms"] * 1000 / max(1, figures["rows"])
        cells = [name, f"{figures['p50_ms']:.1f}", f"{figures['p95_ms']:.1f}", f"{figures['cpu_p50_ms']:.1f}",
                 figures["runs"], figures["rows"], f"{per_row:.0f}"]
        lines.append(_line(cells, QUERY_WIDTHS, targets.get(name, "")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark for each size and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--workdir", type=Path, default=OUT / "work",
                        help="where the stores are built (default: benchmarks/out/work)")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per query (after 3 warm-up runs)")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"pyoxigraph {__import__('pyoxigraph').__version__}, {os.cpu_count()} cores; "
          f"one-month window {WINDOW[0]}..{WINDOW[1]}; busy actor {synthetic.BUSY_ACTOR}", flush=True)
    tables = [report(measure(n_events, args.workdir, args.runs)) for n_events in args.events]
    print("\n" + "\n\n".join(tables))


if __name__ == "__main__":
    main()
