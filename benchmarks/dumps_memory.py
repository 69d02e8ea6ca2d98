"""Memory of ``kb serve`` while clients download the full dump at once (issue 11, item 4).

    python benchmarks/dumps_memory.py [--events 20000] [--clients 8] [--path /dumps/kb.nq]

Builds a store of ``--events`` synthetic events (``synthetic.py``, bulk-loaded), serves it with
``kb serve --processes 1``, has ``--clients`` threads download ``--path`` together (reading slowly,
64 KiB at a time), and prints the resident memory of the server and its workers before and at its
peak (sampled every 50 ms), with the dump's size. Baseline (issue 11, main before the fix): the
dump was built in memory, 4 downloads at once took 4.8 GB. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pyoxigraph import RdfFormat, Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import write_nquads
from benchmarks.timeouts import rss_mb, server_pid, tree
from tests.helpers_server import kb_server


def main() -> None:
    """Download the dump from several clients and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--path", default="/dumps/kb.nq")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    quads = write_nquads(folder / "data.nq", options.events)
    store = Store(str(folder / "store"))
    store.bulk_load(path=str(folder / "data.nq"), format=RdfFormat.N_QUADS)
    store.flush()
    del store
    with kb_server(folder / "store", extra=("--processes", "1")) as root:
        pid = server_pid(int(root.rsplit(":", 1)[1]))
        before = rss_mb(tree(pid))
        peak, done = [before], threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], rss_mb(tree(pid)))

        def download(_number: int) -> tuple[int, int]:
            size = 0
            try:
                with urllib.request.urlopen(root + options.path, timeout=600) as response:
                    while chunk := response.read(65536):
                        size += len(chunk)
                        time.sleep(0.001)
                return 200, size
            except urllib.error.HTTPError as error:
                return error.code, 0

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        with ThreadPoolExecutor(options.clients) as pool:
            results = list(pool.map(download, range(options.clients)))
        done.set()
        sampler.join()
        print(f"{options.events} events ({quads} quads); {options.clients} clients downloading "
              f"{options.path}: {[status for status, _ in results]}, "
              f"{max(size for _, size in results) / 1e6:.0f} MB each, {time.monotonic() - started:.0f} s")
        print(f"server RSS before: {before:.0f} MB, peak while downloading: {peak[0]:.0f} MB")


if __name__ == "__main__":
    main()
