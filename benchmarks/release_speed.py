"""How long `kb release` takes, and its peak memory, on synthetic knowledge bases.

    python benchmarks/release_speed.py [--events 10000 100000] [--workdir DIR]

For each size: writes (or reuses) the synthetic N-Quads of ``synthetic.py``, loads them with
``kb load`` into a fresh store, then times, each in a child process:

- the baseline: ``kb export --format nquads`` (one dump; a release writes two, N-Quads and TriG);
- ``kb export --format datapackage`` (the tables, their schema and the codebook);
- ``kb release 1.0.0`` (the first release: dumps, package, codebook, changelog, CITATION.cff);
- ``kb release 1.0.1`` (a second release: the same, plus the comparison with 1.0.0).

Do not run it at 1M events on a shared 2-core machine (the release holds every table in memory).
Figures go to ``benchmarks/out/release_speed-N.json``; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from kb_scale import OUT, disk_mb, kb_command, run_child  # noqa: E402


def measure(n_events: int, workdir: Path) -> dict:
    """Every figure for one size."""
    path = synthetic.cached_nquads(n_events, OUT)
    store, releases = workdir / f"release-{n_events}", workdir / f"releases-{n_events}"
    for folder in (store, releases, workdir / f"package-{n_events}"):
        shutil.rmtree(folder, ignore_errors=True)
    kb = [*kb_command(), "--store", str(store)]
    loaded = run_child([*kb, "load", str(path)])
    results: dict = {"events": n_events, "load_s": loaded["seconds"], "store_mb": disk_mb(store)}
    steps = {
        "baseline: export nquads": [*kb, "export", "--format", "nquads", "-o", str(workdir / "dump.nq")],
        "export datapackage": [
            *kb,
            "export",
            "--format",
            "datapackage",
            str(workdir / f"package-{n_events}"),
        ],
        "release 1.0.0 (first)": [*kb, "release", "1.0.0", "--into", str(releases)],
        "release 1.0.1 (with changelog)": [*kb, "release", "1.0.1", "--into", str(releases)],
    }
    for name, command in steps.items():
        child = run_child(command)
        results[name] = {"seconds": child["seconds"], "cpu_s": child["cpu_s"], "peak_mb": child["peak_mb"]}
        print(
            f"   {n_events:>9,} events  {name:<32} {child['seconds']:7.1f} s"
            f"  peak {child['peak_mb']:7.0f} MB",
            flush=True,
        )
    results["bundle_mb"] = disk_mb(releases / "1.0.1")
    (workdir / "dump.nq").unlink(missing_ok=True)
    for folder in (store, releases, workdir / f"package-{n_events}"):
        shutil.rmtree(folder, ignore_errors=True)
    (OUT / f"release_speed-{n_events}.json").write_text(json.dumps(results, indent=1))
    return results


def main(argv: list[str] | None = None) -> None:
    """Measure each size asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=OUT / "release-work")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(exist_ok=True)
    for n_events in args.events:
        figures = measure(n_events, args.workdir)
        print(f"   bundle {figures['bundle_mb']:.0f} MB; load {figures['load_s']:.1f} s", flush=True)


if __name__ == "__main__":
    main()
