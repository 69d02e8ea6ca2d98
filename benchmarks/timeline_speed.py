"""How fast the timeline is served and drawn, with 10k, 100k (and 1M) synthetic events.

Figures printed (and written to ``benchmarks/out/timeline_speed-N.json``), beside the issue's targets:

- server time of ``/timeline.json`` for a one-month window (random months, in-process through Flask's
  test client, so no network), with the web app's in-memory index and without it (SPARQL only);
  the same with the margin the browser asks for, and for the whole dataset ("fit all");
  target: at most 20 ms at 100k events, 50 ms at 1M;
- how long the index takes to build when the app starts, and the memory it holds;
- in Chromium (Debian's, through Playwright, against a real HTTP server): the time from navigation
  to the first drawn timeline and to the page being interactive, and the time each redraw takes
  while zooming and panning (a frame is 16.7 ms at 60 Hz); target: interactive within 1 s at 10k;
  and the same gestures again under a Chrome trace, for the main thread's CPU time per frame (thread
  time: on a shared machine the frame intervals measure its load as much as the page).

The synthetic data comes from ``benchmarks/synthetic.py`` (events shaped like the seeds, spread over
2000-2025). Usage::

    .venv/bin/python benchmarks/timeline_speed.py                 # 10k and 100k, browser at 10k
    .venv/bin/python benchmarks/timeline_speed.py --sizes 1000000 --no-browser
    .venv/bin/python benchmarks/timeline_speed.py --stores /work/bench-data --no-sparql

With ``--stores DIR`` the stores ``DIR/store-synthetic-N`` (``kb load`` of the same generator) are opened
read-only instead of building stores under ``--workdir``.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import resource
import shutil
import statistics
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic  # noqa: E402  (benchmarks/synthetic.py)

OUT = ROOT / "benchmarks" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
TARGETS = {10_000: None, 100_000: 20.0, 1_000_000: 50.0}


def build_store(n_events: int, workdir: Path) -> Path:
    """A store holding ``n_events`` synthetic events and the ontology (built once, then reused)."""
    from pyoxigraph import NamedNode, RdfFormat, Store

    store_dir = workdir / f"timeline-{n_events}-v{synthetic.GENERATOR_VERSION}"
    done = store_dir / ".complete"
    if done.exists():
        return store_dir
    shutil.rmtree(store_dir, ignore_errors=True)
    source = synthetic.cached_nquads(n_events, OUT)
    started = time.perf_counter()
    store = Store(str(store_dir))
    store.bulk_load(path=str(source), format=RdfFormat.N_QUADS)
    store.bulk_load(path=str(ROOT / "ontology" / "kb.ttl"), format=RdfFormat.TURTLE,
                    to_graph=NamedNode("http://localhost:5000/id/graph/file-kb"))
    store.flush()
    store.optimize()
    del store
    done.write_text(f"{time.perf_counter() - started:.1f} s\n")
    return store_dir


def months(n: int, seed: int = 1) -> list[tuple[date, date]]:
    """``n`` random calendar months between 2001 and 2025."""
    rng = random.Random(seed)
    chosen = []
    for _ in range(n):
        start = date(rng.randint(2001, 2025), rng.randint(1, 12), 1)
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        chosen.append((start, end))
    return chosen


def rss_mb() -> float:
    """The process's resident memory now (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timings(client, urls: list[str]) -> dict:
    """Server time (ms) of each URL: median, 95th percentile, max; and what the answers held.

    Distinct URLs are answered afresh; a repeated one may be remembered by the app's index.
    """
    spent, modes, totals = [], [], []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        spent.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.data[:300]
        body = response.get_json()
        modes.append(body["mode"])
        totals.append(body["total"])
    spent.sort()
    return {"median_ms": round(statistics.median(spent), 2),
            "p95_ms": round(spent[int(len(spent) * 0.95) - 1], 2), "max_ms": round(spent[-1], 2),
            "events_in_window_median": statistics.median(totals),
            "drawn_one_by_one": modes.count("events"), "counted_per_bucket": modes.count("aggregate"),
            "runs": len(spent)}


def app_config(store_dir: Path, **config) -> dict:
    """The web app's settings over ``store_dir`` (read-only when it is a shared store)."""
    shared = not (store_dir / ".complete").exists()
    return {"KB_STORE": str(store_dir), "KB_READ_ONLY": shared, **config}


def serve_times(store_dir: Path, runs: int, with_index: bool, whole_dataset: bool = True) -> dict:
    """Server times of /timeline.json with or without the app's in-memory index."""
    from webapp import create_app

    rss_before = rss_mb()
    started = time.perf_counter()
    app = create_app(app_config(store_dir, TIMELINE_INDEX="sync" if with_index else "off"))
    startup = time.perf_counter() - started
    rss_after = rss_mb()
    client = app.test_client()
    for start, end in months(3, seed=99):  # warm up (other months than those timed)
        client.get(f"/timeline.json?from={start}&to={end}")
    windows = months(runs)
    month_urls = [f"/timeline.json?from={a}&to={b}" for a, b in windows]
    margin_urls = [f"/timeline.json?from={a}&to={b}&margin=15" for a, b in windows]
    result = {"app_start_s": round(startup, 2)}
    index = app.extensions.get("timeline_index")
    if index is not None:
        result["index"] = {"events": len(index), "build_s": round(index.seconds, 2),
                           "rss_growth_mb": round(rss_after - rss_before, 1)}
    result["one_month"] = timings(client, month_urls)
    result["one_month_with_margin"] = timings(client, margin_urls)
    if whole_dataset:
        started = time.perf_counter()
        client.get("/timeline.json")
        result["fit_all_first_ms"] = round((time.perf_counter() - started) * 1000, 1)
        result["fit_all"] = timings(client, ["/timeline.json"] * max(3, runs // 10))
    by_actor = [url + "&lanes=actor" for url in month_urls[: runs // 2]]
    result["one_month_by_actor_lanes"] = timings(client, by_actor)
    app.extensions["kb"].close()
    return result


class LiveServer:
    """The app over HTTP on 127.0.0.1, in a thread (werkzeug's threaded server)."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()


_REDRAWS = """async ([kind, steps]) => {
  const timeline = window.negotiationTimeline;
  timeline.drawTimes.length = 0;
  const stamps = [];
  const frame = () => new Promise(done => requestAnimationFrame(stamp => { stamps.push(stamp); done(); }));
  const started = performance.now();
  for (let i = 0; i < steps; i++) {
    if (kind === "zoom") { timeline.zoom(i < steps / 2 ? 0.93 : 1 / 0.93); }
    else { timeline.pan(i < steps / 2 ? 0.03 : -0.03); }
    await frame();
  }
  await frame();
  const times = timeline.drawTimes.slice().sort((a, b) => a - b);
  const gaps = [];
  for (let i = 1; i < stamps.length; i++) { gaps.push(stamps[i] - stamps[i - 1]); }
  gaps.sort((a, b) => a - b);
  return {frames: steps, seconds: (performance.now() - started) / 1000, draws: times.length,
          median_draw_ms: times[Math.floor(times.length / 2)],
          p95_draw_ms: times[Math.floor(times.length * 0.95)],
          max_draw_ms: times[times.length - 1],
          median_frame_ms: gaps[Math.floor(gaps.length / 2)],
          p95_frame_ms: gaps[Math.floor(gaps.length * 0.95)],
          over_16_7_ms: gaps.filter(gap => gap > 16.7 * 1.5).length};
}"""


def main_thread_cpu(browser, page, kind: str, steps: int = 60) -> dict:
    """The gesture again under a Chrome trace: the renderer's main-thread CPU time per frame.

    Thread time, not wall time: on a machine shared with other work the frame intervals measure the
    machine's load as much as the page, while this measures what the page asks of the main thread
    (script, style, layout, paint, commit) for each frame."""
    browser.start_tracing(page=page, categories=["toplevel", "devtools.timeline", "cc"])
    page.evaluate(_REDRAWS, [kind, steps])
    events = json.loads(browser.stop_tracing())["traceEvents"]
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    on_main = [e for e in events if (e["pid"], e["tid"]) in main and e.get("ph") == "X" and "tdur" in e]
    tasks = sorted((e for e in on_main if e["name"] in ("ThreadControllerImpl::RunTask", "RunTask")),
                   key=lambda e: e["ts"])
    busy, end = 0.0, -1
    for task in tasks:  # top-level tasks only
        if task["ts"] >= end:
            busy += task["tdur"] / 1000
            end = task["ts"] + task["dur"]
    frames = sorted(e["tdur"] / 1000 for e in on_main if e["name"] == "ProxyMain::BeginMainFrame")
    if not frames:
        return {}
    return {"cpu_ms_per_frame": round(busy / steps, 1),
            "frame_cpu_p50_ms": round(frames[len(frames) // 2], 1),
            "frame_cpu_p95_ms": round(frames[int(len(frames) * 0.95)], 1),
            "frames_over_16_ms_cpu": sum(1 for spent in frames if spent > 16.7)}


def browser_times(store_dir: Path, paths: list[str]) -> dict:
    """Load the timeline in Chromium: time to first draw and to interactive; redraw times."""
    from playwright.sync_api import sync_playwright

    from webapp import create_app

    app = create_app(app_config(store_dir, TIMELINE_INDEX="sync"))
    server = LiveServer(app)
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                loads = []
                for _ in range(3):
                    page = browser.new_page(viewport={"width": 1440, "height": 960})
                    page.goto(server.url + path, wait_until="load")
                    page.wait_for_function("() => performance.getEntriesByName('timeline-drawn').length > 0")
                    page.wait_for_function("() => window.NegotiationTimeline.idle()", polling=10)
                    settled = page.evaluate("performance.now()")
                    loads.append(page.evaluate("""(settled) => {
                      const nav = performance.getEntriesByType('navigation')[0];
                      const drawn = performance.getEntriesByName('timeline-drawn')[0].startTime;
                      return {first_draw_ms: drawn, dom_content_loaded_ms: nav.domContentLoadedEventEnd,
                              load_ms: nav.loadEventEnd, response_end_ms: nav.responseEnd,
                              html_bytes: nav.encodedBodySize,
                              interactive_ms: Math.max(drawn, nav.domContentLoadedEventEnd),
                              settled_ms: settled,
                              items: document.querySelectorAll('#timeline-canvas .tl-item').length,
                              bars: document.querySelectorAll('#timeline-canvas .tl-bar').length,
                              mode: window.negotiationTimeline.data().mode};
                    }""", settled))
                    if len(loads) < 3:
                        page.close()
                page.wait_for_load_state("networkidle")
                best = min(loads, key=lambda item: item["interactive_ms"])
                results[path] = {
                    "loads": loads, "interactive_ms_best": round(best["interactive_ms"], 1),
                    "interactive_ms_median": round(statistics.median(x["interactive_ms"] for x in loads), 1),
                    "settled_ms_median": round(statistics.median(x["settled_ms"] for x in loads), 1),
                    "zoom": page.evaluate(_REDRAWS, ["zoom", 60]),
                }
                # A pan is timed from a view at rest: started at once, its first frames would be the
                # zoom's own re-layout (due 140 ms after the last zoom step).
                page.wait_for_function("() => window.NegotiationTimeline.idle()", polling=10)
                results[path]["pan"] = page.evaluate(_REDRAWS, ["pan", 60])
                for kind in ("zoom", "pan"):
                    page.wait_for_function("() => window.NegotiationTimeline.idle()", polling=10)
                    results[path][kind]["cpu"] = main_thread_cpu(browser, page, kind)
                page.close()
            browser.close()
    finally:
        server.stop()
        app.extensions["kb"].close()
    return results


def report(n_events: int, result: dict) -> str:
    lines = [f"\n== {n_events:,} events =="]
    target = TARGETS.get(n_events)
    for label, key in (("with index", "indexed"), ("SPARQL only", "sparql")):
        if key not in result:
            continue
        part = result[key]
        if "index" in part:
            index = part["index"]
            lines.append(f"  index: {index['events']:,} events read in {index['build_s']} s at start-up "
                         f"(resident memory +{index['rss_growth_mb']} MB)")
        month = part["one_month"]
        met = "met" if target is not None and month["median_ms"] <= target else "NOT met"
        verdict = "" if target is None else f" (target <= {target:.0f} ms: {met})"
        lines.append(f"  /timeline.json one month, {label}: median {month['median_ms']} ms, "
                     f"p95 {month['p95_ms']} ms, max {month['max_ms']} ms{verdict}; "
                     f"{month['events_in_window_median']} events in the window (median), "
                     f"{month['drawn_one_by_one']} drawn one by one / {month['counted_per_bucket']} counted")
        margin = part["one_month_with_margin"]
        whole = (f" whole dataset: {part['fit_all_first_ms']} ms, then {part['fit_all']['median_ms']} ms;"
                 if "fit_all" in part else "")
        lines.append(f"    with the browser's margin: median {margin['median_ms']} ms, "
                     f"p95 {margin['p95_ms']} ms;{whole}"
                     f" lanes by actor: median {part['one_month_by_actor_lanes']['median_ms']} ms")
    for path, figures in result.get("browser", {}).items():
        goal = 1000 if n_events <= 10_000 else 2000
        lines.append(f"  Chromium {path}: interactive in {figures['interactive_ms_best']} ms "
                     f"(median of 3: {figures['interactive_ms_median']} ms; target <= {goal} ms), "
                     f"every fetch answered and drawn at {figures['settled_ms_median']} ms (median); "
                     f"{figures['loads'][0]['items']} items / {figures['loads'][0]['bars']} bars drawn")
        for kind in ("zoom", "pan"):
            redraw = figures[kind]
            lines.append(f"    {kind}: {redraw['frames']} steps in {redraw['seconds']:.2f} s, redraw median "
                         f"{redraw['median_draw_ms']:.1f} ms, p95 {redraw['p95_draw_ms']:.1f} ms, "
                         f"max {redraw['max_draw_ms']:.1f} ms; frame interval median "
                         f"{redraw['median_frame_ms']:.1f} ms, p95 {redraw['p95_frame_ms']:.1f} ms, "
                         f"{redraw['over_16_7_ms']} of {redraw['frames']} frames late (> 25 ms)")
            cpu = redraw.get("cpu")
            if cpu:
                lines.append(f"      main-thread CPU (thread time, robust to the machine's load): "
                             f"{cpu['cpu_ms_per_frame']} ms per frame; a frame's work median "
                             f"{cpu['frame_cpu_p50_ms']} ms, p95 {cpu['frame_cpu_p95_ms']} ms, "
                             f"{cpu['frames_over_16_ms_cpu']} over 16.7 ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=40, help="random one-month windows per size")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--no-sparql", action="store_true", help="skip the SPARQL-only server times")
    parser.add_argument("--browser-sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=OUT / "work")
    parser.add_argument("--stores", type=Path, default=None,
                        help="a folder of shared stores store-synthetic-N, opened read-only")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    for n_events in args.sizes:
        print(f"building the {n_events:,}-event store (reused when present) ...", flush=True)
        shared = args.stores / f"store-synthetic-{n_events}" if args.stores else None
        store_dir = shared if shared is not None and shared.is_dir() else build_store(n_events, args.workdir)
        result = {"events": n_events, "store": str(store_dir)}
        result["indexed"] = serve_times(store_dir, args.runs, with_index=True)
        if not args.no_sparql:
            result["sparql"] = serve_times(store_dir, max(10, args.runs // 4), with_index=False,
                                           whole_dataset=n_events <= 100_000)
        if not args.no_browser and n_events in args.browser_sizes and Path(CHROMIUM).exists():
            result["browser"] = browser_times(store_dir, ["/", "/?from=2015-01-01&to=2015-12-31",
                                                          "/?from=2015-06-01&to=2015-06-30"])
        (OUT / f"timeline_speed-{n_events}.json").write_text(json.dumps(result, indent=1, default=str))
        print(report(n_events, result), flush=True)


if __name__ == "__main__":
    main()
