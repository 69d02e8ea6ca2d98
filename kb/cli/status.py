"""What an operator asks first: which store, how big, what it holds, its last load, who serves it.

A serving ``kb serve`` leaves a small record beside an embedded store (:func:`serving_record`):
its process id, address and start time, removed when it stops. A record whose process is gone is
stale and ignored.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path

from kb.errors import KBError
from kb.store import is_remote, open_kb
from kb.vocab import PREFIXES

_COUNTS = """SELECT
  (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?source) AS ?sources) WHERE {
  { ?event kbo:dateText ?text } UNION { ?source a schema:NewsArticle }
}"""


def check_port(host: str, port: int) -> None:
    """Raise a one-line error when nothing could listen on ``host``:``port``."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise KBError(f"port {port} on {host} is already in use",
                          hint="choose another with --port, or stop what serves there") from None
        raise KBError(f"cannot listen on {host}:{port}: {err.strerror or err}",
                      hint="check --host and --port") from None


def serving_record(store: str) -> Path | None:
    """Where a server of the embedded store at ``store`` records itself (``None`` for a URL)."""
    if is_remote(store):
        return None
    path = Path(store)
    return path.with_name(path.name + ".serving.json")


@contextmanager
def serving(store: str, url: str):
    """Record, while the block runs, that this process serves ``store`` at ``url``."""
    record = serving_record(store)
    if record is not None:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"pid": os.getpid(), "url": url,
                                      "since": time.strftime("%Y-%m-%d %H:%M:%S %Z")}))
    try:
        yield
    finally:
        if record is not None:
            record.unlink(missing_ok=True)


def server_of(store: str) -> dict | None:
    """The live server recorded for ``store``, if any."""
    record = serving_record(store)
    if record is None or not record.is_file():
        return None
    try:
        found = json.loads(record.read_text())
        os.kill(int(found["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found


def _size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def _megabytes(count: int) -> str:
    return f"{count / 1e6:,.1f} MB"


def status(store: str) -> list[tuple[str, str]]:
    """(label, value) lines about the store at ``store``."""
    lines = [("store", f"{store} ({'remote SPARQL store' if is_remote(store) else 'embedded'})")]
    if not is_remote(store):
        path = Path(store)
        if not path.exists():
            lines.append(("state", "no store here yet: 'kb load' or 'kb serve' creates it"))
            return lines
        lines.append(("size", f"{_megabytes(_size(path))} on disk"))
    server = server_of(store)
    with open_kb(store, read_only=not is_remote(store)) as kb:
        row = kb.select(_COUNTS, prefixes=PREFIXES)[0]
        lines.append(("events", f"{int(row['events'].value):,}"))
        lines.append(("sources", f"{int(row['sources'].value):,}"))
        lines.append(("graphs", f"{len(kb.graphs()):,}"))
        lines.append(("last load", last_load(kb)))
    if server:
        lines.append(("served", f"by process {server['pid']} at {server['url']} since {server['since']}"))
    elif not is_remote(store):
        lines.append(("served", "not by a kb serve on this machine"))
    return lines


def last_load(kb) -> str:
    """When the store was last loaded, and what: from the load records in the store."""
    from kb.load import last_load_record

    record = last_load_record(kb)
    if record is None:
        return "unknown (no load record: the store was loaded before loads were recorded)"
    when, what = record
    return f"{when} ({what})"
