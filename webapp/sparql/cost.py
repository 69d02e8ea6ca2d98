"""What a query is likely to cost: the time its *shape* took when last measured.

A query's shape is its text without comments and spacing, with every literal, number and IRI
written as a placeholder: the same named query with another month, actor or place has the same
shape (and, in the main, the same cost). The history keeps the latest time measured for each of the
most recent shapes (a bounded LRU), so that the query service (:mod:`webapp.sparql.service`) can
send a shape it has seen take long straight to the slow lane.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from kb.sparql_text import sparql_tokens

_PLACEHOLDERS = {"string": '"_"', "number": "0", "iri": "<_>", "langtag": "@_"}


def query_shape(text: str) -> str:
    """A digest of ``text`` with spacing and comments dropped and literals and IRIs made alike."""
    parts = [_PLACEHOLDERS.get(kind, token.upper() if kind == "word" else token)
             for kind, token in sparql_tokens(text) if kind not in ("space", "comment")]
    return hashlib.blake2b(" ".join(parts).encode("utf-8", "replace"), digest_size=16).hexdigest()


class CostHistory:
    """The seconds each recently seen query shape took, the latest measurement of each."""

    def __init__(self, size: int = 4096):
        self.size = size
        self._seconds: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def seconds(self, shape: str) -> float | None:
        """How long ``shape`` took when last measured (``None``: never seen)."""
        with self._lock:
            return self._seconds.get(shape)

    def record(self, shape: str, seconds: float) -> None:
        """Remember that ``shape`` took ``seconds`` (forgetting the oldest shape past the bound)."""
        with self._lock:
            self._seconds.pop(shape, None)
            self._seconds[shape] = seconds
            while len(self._seconds) > self.size:
                self._seconds.popitem(last=False)
