"""What an operator asks first: which store, how big, what it holds, its last load, who serves it.

Who serves a store is read from the record ``kb serve`` leaves beside it (:mod:`kb.serving`).
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from kb.errors import KBError
from kb.load.rederive import lacking
from kb.paths import is_remote
from kb.serving import server_of
from kb.store import open_kb
from kb.vocab import PREFIXES, Minter, default_base

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
        missing = lacking(kb, Minter(default_base()))
        if missing:
            lines.append(("lacking", f"{', '.join(missing)} (loaded by an earlier version): "
                                     "run 'kb reindex'"))
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
