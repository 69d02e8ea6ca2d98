"""A folder of small files that the serving processes of one ``kb serve`` share: in the supervisor's
private lane folder (only its user can open it), each file written whole and then renamed, so that a
reader sees it whole or not at all, and the oldest removed past a bound (looked at every
:data:`SharedFolder.SWEEP_EVERY` writes). What the answer cache and the cost history share
(:class:`webapp.sparql.cache.SharedAnswers`, :class:`webapp.sparql.cost.SharedCosts`) is kept so."""

from __future__ import annotations

import os
import threading
from pathlib import Path


class SharedFolder:
    """Files named by their keys in ``folder`` (made private), at most ``max_bytes`` of them in all
    and at most ``max_files`` (``None``: no such bound)."""

    #: Writes between two sweeps of the folder for its size.
    SWEEP_EVERY = 64

    def __init__(self, folder: str | os.PathLike, *, max_bytes: int | None = None,
                 max_files: int | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(mode=0o700, exist_ok=True)
        self.max_bytes = max_bytes
        self.max_files = max_files
        self._writes = 0
        self._lock = threading.Lock()

    def read(self, name: str) -> bytes | None:
        """What file ``name`` holds (``None``: there is none, or it cannot be read)."""
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def write(self, name: str, data: bytes) -> None:
        """Keep ``data`` as file ``name`` (best effort: a full disk keeps nothing)."""
        path = self.folder / name
        partial = path.with_name(f"{name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            partial.write_bytes(data)
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)
            return
        with self._lock:
            self._writes += 1
            sweep = self._writes % self.SWEEP_EVERY == 0
        if sweep:
            self.sweep()

    def sweep(self) -> None:
        """Remove the oldest files until the folder is within its bounds."""
        entries = []
        for path in self.folder.iterdir():
            try:
                stat = path.stat()
            except OSError:  # removed meanwhile by another process
                continue
            entries.append((stat.st_mtime_ns, stat.st_size, path))
        total, count = sum(size for _, size, _ in entries), len(entries)
        for _, size, path in sorted(entries):
            if (self.max_bytes is None or total <= self.max_bytes) and \
                    (self.max_files is None or count <= self.max_files):
                break
            path.unlink(missing_ok=True)
            total, count = total - size, count - 1
