"""The website and loads over a remote store beside the embedded one (issue 20's table).

For each size, ``kb serve`` runs once over the embedded store and once over ``oxigraph serve`` holding
the same data, and the script prints:

- start-up: seconds from starting ``kb serve`` to the first answer of the home page ``/``;
- the home page ``/`` (median of 3, after the first);
- ``/timeline.json`` for one month (median of 3, after the first);
- ``kb load`` of the same N-Quads file into a fresh embedded store and into a fresh ``oxigraph serve``
  (with ``--load``).

With ``--other-pages``, instead: pages of a few distinct events, actors and sources, unknown ids, the
query page and every named query, over ``kb serve`` on both stores running at once and asked in turn
(a busy machine slows both alike): the first request and the median of ``--runs`` more of each,
embedded / remote, within 2x + 100 ms or not, and the load average (``--cache-mb 0``: no answer
cache, so that every request is the store's work).

Data is built once and shared: ``synthetic-N-s0-v3.nq`` and ``store-synthetic-N`` (``kb load`` of it)
in ``--data`` (default ``/work/bench-data``, else ``benchmarks/out``; made with ``benchmarks/synthetic.py``
and ``kb load`` when missing). The shared store is only read: the embedded runs use a copy in
``--work``, the remote runs ``oxigraph serve-read-only`` over the shared store.

    .venv/bin/python benchmarks/remote_speed.py --events 100000 --load
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
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.store import mark_changed  # noqa: E402
from tests.helpers_server import KB, OXIGRAPH, free_port, log_of, start, stop  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
SHARED = Path("/work/bench-data")
MONTH = "/timeline.json?from=2012-06-01&to=2012-06-30"
#: A view the stored counts do not answer: lanes by actor over five years (its first request right
#: after start, while the in-memory index is being built, then again once it is).
FILTERED = "/timeline.json?from=2010-01-01&to=2014-12-31&lanes=actor&type=Offer"
#: The issue's figures at 100k events, measured before this work (ms; seconds for start-up and load).
ISSUE_BASELINE = {"home": (27, 20_604), "month": (6, 146), "startup": (19.4, 24.6), "load": (18, 66)}


def nquads_file(data: Path, events: int) -> Path:
    """The shared synthetic N-Quads file of ``events`` events (generated when missing)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic

    return synthetic.cached_nquads(events, data)


#: The shared stores' name after their size: "" (loaded before the stored counts) or "-v4" (made
#: current by ``kb reindex``: stored counts and middle days), set by ``--suffix``.
SUFFIX = {"value": ""}


def shared_store(data: Path, events: int) -> Path:
    """The shared embedded store of ``events`` events."""
    return data / f"store-synthetic-{events}{SUFFIX['value']}"


def store_copy(data: Path, work: Path, events: int, link: bool = False) -> Path:
    """A private copy of the shared embedded store (made once); with ``link``, a folder of links to
    its files instead (served read-only: ``kb serve`` opens it so, and writes only beside it)."""
    shared = shared_store(data, events)
    if not shared.exists():
        subprocess.run([str(KB), "--store", str(shared), "load", str(nquads_file(data, events))], check=True)
    copy = work / f"remote-speed-{'linked' if link else 'embedded'}-{events}{SUFFIX['value']}"
    if not (copy / ".complete").exists():
        shutil.rmtree(copy, ignore_errors=True)
        if link:
            copy.mkdir(parents=True)
            for item in shared.iterdir():
                (copy / item.name).symlink_to(item)
        else:
            shutil.copytree(shared, copy)
        mark_changed(copy)  # a load generation of its own, as any store kb load wrote has
        (copy / ".complete").write_text("copied\n")
    return copy


def get(url: str, timeout: float = 600.0) -> float:
    """Seconds to fetch ``url`` whole (fails on an error status)."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
    return time.perf_counter() - started


@contextmanager
def served(store: str, env: dict[str, str] | None = None, query_timeout: float = 600):
    """``kb serve`` over ``store``; yields (root, seconds until the home page first answered)."""
    port = free_port()
    started = time.perf_counter()
    process = start([str(KB), "--store", store, "serve", "--host", "127.0.0.1", "--port", str(port),
                     "--query-timeout", str(query_timeout)], env)
    root = f"http://127.0.0.1:{port}"
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"kb serve ended: {log_of(process)}")
            try:
                get(root + "/")
                break
            except OSError:
                time.sleep(0.1)
        yield root, time.perf_counter() - started
    finally:
        stop(process)


@contextmanager
def oxigraph(location: Path, read_only: bool):
    port = free_port()
    command = [str(OXIGRAPH), "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"127.0.0.1:{port}"]
    process = start(command)
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                get(f"{root}/query?query=ASK%7B%7D", timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        yield root
    finally:
        stop(process)


def pages(store: str, runs: int, cache: Path) -> dict[str, float]:
    """Start-up (s), home page and one month (ms) of ``kb serve`` over ``store``; start-up again
    with the timeline index kept from the first start (``KB_CACHE_DIR``)."""
    shutil.rmtree(cache, ignore_errors=True)
    env = {"KB_CACHE_DIR": str(cache)}
    with served(store, env) as (root, startup):
        filtered_first = get(root + FILTERED)
        home = [get(root + "/") for _ in range(runs)]
        month = [get(root + MONTH) for _ in range(runs + 1)][1:]
    with served(store, env) as (root, restart):
        pass
    shutil.rmtree(cache, ignore_errors=True)
    return {"startup": startup, "restart": restart, "home": statistics.median(home) * 1000,
            "month": statistics.median(month) * 1000, "filtered_first": filtered_first * 1000}


#: Seconds a named query may run here (past it: a 503, reported and left out).
OTHER_TIMEOUT = 20
QUERY_PARAMS = {"actor-timeline": "&param.actor=actor-0001", "offers": "&param.recipient=actor-0001"}
#: Distinct entities of each kind asked for (the first request of each builds its page: a second
#: is remembered by kb serve, embedded read-only or remote alike).
ENTITIES = 5


def entity_urls(events: int) -> dict[str, list[str]]:
    """Pages of a few distinct events, actors (the busiest first) and sources of the synthetic data,
    the query page, and unknown ids (a 404 each)."""
    sources = -(-events // 25)
    return {
        "event": [f"/event/synthetic-{k * events // ENTITIES + 17:07d}" for k in range(ENTITIES)],
        "actor": [f"/actor/actor-{n:04d}" for n in (1, 2, 10, 100, 1000)][:ENTITIES],
        "source": [f"/source/synthetic-source-{k * sources // ENTITIES + 3:06d}" for k in range(ENTITIES)],
        "unknown actor or source (404)": ["/actor/nobody-at-all", "/source/nobody-at-all"],
        "/query": ["/query"],
    }


def timed(url: str) -> tuple[float, int]:
    """Milliseconds to fetch ``url`` whole, and its status."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return (time.perf_counter() - started) * 1000, status


def other_pages(embedded: str, remote: str, events: int, runs: int, env: dict[str, str]) -> list[dict]:
    """Entity pages, the query page and every named query, over ``kb serve`` on the embedded store
    and on the remote one, both running at once and asked in turn (so a busy machine slows both
    alike): for each, the first request and the median of ``runs`` more, in ms, with the statuses."""
    from kb.queries import catalogue

    groups = entity_urls(events)
    groups.update({f"named query {name}": [f"/query.json?name={name}&run=1{QUERY_PARAMS.get(name, '')}"]
                   for name in sorted(catalogue())})
    rows = []
    with served(embedded, env, query_timeout=OTHER_TIMEOUT) as (near, _), \
            served(remote, env, query_timeout=OTHER_TIMEOUT) as (far, _):
        for label, urls in groups.items():
            firsts, agains, statuses = {"near": [], "far": []}, {"near": [], "far": []}, set()
            for turn, url in enumerate(urls):
                order = [("near", near), ("far", far)][::1 if turn % 2 == 0 else -1]
                for side, root in order:
                    ms, status = timed(root + url)
                    firsts[side].append(ms)
                    statuses.add(status)
                for _ in range(runs):
                    for side, root in order:
                        ms, status = timed(root + url)
                        agains[side].append(ms)
                        statuses.add(status)
            rows.append({"page": label, "statuses": sorted(statuses), "load": os.getloadavg()[0],
                         **{f"{side}_{what}": statistics.median(values[side])
                            for what, values in (("first", firsts), ("again", agains))
                            for side in ("near", "far")}})
            print(_other_row(rows[-1]), flush=True)
    return rows


def _within(near: float, far: float) -> str:
    return "yes" if far <= 2 * near + 100 else "NO"


def _other_row(row: dict) -> str:
    statuses = "" if row["statuses"] == [200] else f" (status {', '.join(map(str, row['statuses']))})"
    return (f"{row['page']}{statuses} | {row['near_first']:,.0f} / {row['far_first']:,.0f} ms | "
            f"{_within(row['near_first'], row['far_first'])} | {row['near_again']:,.0f} / "
            f"{row['far_again']:,.0f} ms | {_within(row['near_again'], row['far_again'])} | "
            f"{row['load']:.1f}")


def other_table(events: int, rows: list[dict]) -> str:
    """The pages' table: first request and repeated requests, embedded / remote, and the load."""
    lines = [f"{events:,} events: page | first request, embedded / remote | within 2x + 100 ms | "
             "again (median), embedded / remote | within 2x + 100 ms | load average",
             "---|---|---|---|---|---"]
    return "\n".join(lines + [_other_row(row) for row in rows])


def timed_load(store: str, path: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(KB), "--store", store, "load", str(path)], check=True, capture_output=True)
    return time.perf_counter() - started


def measure(events: int, data: Path, work: Path, runs: int, load: bool, link: bool = False) -> dict:
    figures: dict[str, dict] = {"embedded": {}, "remote": {}}
    cache = work / f"remote-speed-cache-{events}"
    figures["embedded"].update(pages(str(store_copy(data, work, events, link=link)), runs, cache))
    if not load:  # the pages over the shared store (loaded embedded: it has no load generation)
        with oxigraph(shared_store(data, events), read_only=True) as root:
            figures["remote"].update(pages(root, runs, cache))
        return figures
    source = nquads_file(data, events)
    target = work / f"remote-speed-load-{events}"
    shutil.rmtree(target, ignore_errors=True)
    figures["embedded"]["load"] = timed_load(str(target), source)
    shutil.rmtree(target, ignore_errors=True)
    with oxigraph(target, read_only=False) as root:  # loaded through kb, then served
        figures["remote"]["load"] = timed_load(root, source)
        figures["remote"].update(pages(root, runs, cache))
    shutil.rmtree(target, ignore_errors=True)
    return figures


def table(events: int, figures: dict) -> str:
    rows = [("home page / (median of 3)", "home", "ms"), ("/timeline.json, one month", "month", "ms"),
            ("start-up to the first page", "startup", "s"),
            ("a filtered view right after start (first request)", "filtered_first", "ms"),
            ("start-up again (index kept)", "restart", "s"), ("kb load of the file", "load", "s")]
    lines = [f"{events:,} events | embedded | over oxigraph serve | remote/embedded | issue (before)",
             "---|---|---|---|---"]
    for label, key, unit in rows:
        near, far = figures["embedded"].get(key), figures["remote"].get(key)
        if near is None:
            continue
        ratio = f"{far / near:.1f}x" if near else ""
        before = ISSUE_BASELINE.get(key) if events == 100_000 else None
        was = f"{before[0]:,} / {before[1]:,} {unit}" if before else ""
        fmt = "{:,.0f} ms" if unit == "ms" else "{:,.1f} s"
        lines.append(f"{label} | {fmt.format(near)} | {fmt.format(far)} | {ratio} | {was}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000])
    parser.add_argument("--data", type=Path, default=SHARED if SHARED.exists() else OUT)
    parser.add_argument("--work", type=Path, default=None, help="where private copies go (default: --data)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--load", action="store_true", help="also time kb load into both stores")
    parser.add_argument("--link", action="store_true",
                        help="serve the shared embedded store through links (read-only) instead of a copy")
    parser.add_argument("--other-pages", action="store_true",
                        help="only time entity pages, the query page and every named query, "
                        "embedded and remote served at once and asked in turn")
    parser.add_argument("--cache-mb", type=float, default=None,
                        help="with --other-pages: kb serve's answer cache (KB_SPARQL_CACHE_MB; 0: off)")
    parser.add_argument("--label", default="now", help="a name for this run (benchmarks/out/*.json)")
    parser.add_argument("--suffix", default="", help="the shared stores' names end so: '-v4' for the "
                        "copies kb reindex made current (stored counts)")
    args = parser.parse_args()
    SUFFIX["value"] = args.suffix
    work = args.work or args.data
    work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KB_BASE", "http://localhost:5000/")
    for events in args.events:
        if args.other_pages:
            env = {"KB_SPARQL_CACHE_MB": str(args.cache_mb)} if args.cache_mb is not None else {}
            with oxigraph(shared_store(args.data, events), read_only=True) as root:
                rows = other_pages(str(store_copy(args.data, work, events, link=args.link)), root,
                                   events, args.runs, env)
            print(f"load average: {os.getloadavg()[0]:.1f} (2 cores shared; figures are upper bounds)")
            print(other_table(events, rows), flush=True)
            (OUT / f"remote_speed-pages-{events}-{args.label}.json").write_text(json.dumps(rows, indent=1))
            continue
        figures = measure(events, args.data, work, args.runs, args.load, args.link)
        print(f"load average: {os.getloadavg()[0]:.1f} (2 cores shared; figures are upper bounds)")
        print(table(events, figures), flush=True)
        (OUT / f"remote_speed-{events}-{args.label}.json").write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
