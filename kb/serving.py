"""The record a serving ``kb serve`` leaves beside an embedded store: its process id, address and
start time, removed when it stops. A record whose process is gone is stale and ignored. ``kb status``
and the store's "in use" error read it.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from kb.paths import is_remote


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


