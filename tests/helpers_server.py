"""Real servers on 127.0.0.1 for the protocol tests: ``kb serve`` and ``oxigraph serve`` processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
OXIGRAPH = VENV_BIN / "oxigraph"
KB = VENV_BIN / "kb"


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 20.0) -> None:
    """Poll ``url`` until it answers (any HTTP status), or fail with the process's output."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log_of(process)}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start a server process whose output goes to a temporary file (read by :func:`log_of`)."""
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    process.log = log
    return process


def log_of(process: subprocess.Popen) -> str:
    """What a process started by :func:`start` has written so far."""
    process.log.seek(0)
    return process.log.read().decode("utf-8", "replace")


def stop(process: subprocess.Popen) -> None:
    """Stop a server process we started (by its own handle), then reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    process.log.close()


@contextmanager
def kb_server(store: Path, *, query_timeout: float = 2.0, row_limit: int = 10000,
              base: str | None = None, env: dict[str, str] | None = None, extra: tuple[str, ...] = ()):
    """``kb serve`` over ``store`` on a free port (``extra`` options after ``serve``); yields its root."""
    port = free_port()
    command = [str(KB), "--store", str(store), "serve", "--host", "127.0.0.1", "--port", str(port),
               "--query-timeout", str(query_timeout), "--row-limit", str(row_limit), *extra]
    if base:
        command += ["--base", base]
    cache = tempfile.mkdtemp(prefix="kb-cache-")  # the timeline index it keeps, not in ~/.cache
    process = start(command, {"KB_CACHE_DIR": cache, **(env or {})})
    root = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{root}/sparql", process)
        yield root
    finally:
        stop(process)
        shutil.rmtree(cache, ignore_errors=True)


@contextmanager
def oxigraph_server(location: Path | None = None, extra: tuple[str, ...] = ()):
    """``oxigraph serve`` (on disk at ``location``, or in memory) on a free port; yields its root."""
    port = free_port()
    command = [str(OXIGRAPH), "serve", "--bind", f"127.0.0.1:{port}", *extra]
    if location is not None:
        command += ["--location", str(location)]
    process = start(command)
    root = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{root}/query?query=ASK%7B%7D", process)
        yield root
    finally:
        stop(process)
