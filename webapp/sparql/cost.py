"""What a query is likely to cost: the processor time its exact text, else its *shape*, took.

A query's shape is its text without comments and spacing, with every literal, number and IRI
written as a placeholder: the same named query with another month, actor or place has the same
shape (and, in the main, a like cost). The history keeps the times of the last few runs of each of
the most recent texts and shapes (a bounded LRU), so that the query service
(:mod:`webapp.sparql.service`) can send a text, or a shape, whose runs mostly took long straight to
the slow lane.
"""

from __future__ import annotations

import hashlib
import statistics
import threading
from collections import OrderedDict, deque

from kb.sparql_text import sparql_tokens

#: Runs kept per exact text.
RUNS = 8
#: Runs kept per shape: one named query's variants differ (a busy actor, a long window), so its
#: shape's cost is the median of many, not of the last few (which one heavy variant could tip).
SHAPE_RUNS = 32
_PLACEHOLDERS = {"string": '"_"', "number": "0", "iri": "<_>", "langtag": "@_"}


def query_shape(text: str) -> str:
    """A digest of ``text`` with spacing and comments dropped and literals and IRIs made alike."""
    parts = [_PLACEHOLDERS.get(kind, token.upper() if kind == "word" else token)
             for kind, token in sparql_tokens(text) if kind not in ("space", "comment")]
    return hashlib.blake2b(" ".join(parts).encode("utf-8", "replace"), digest_size=16).hexdigest()


def exact_text(text: str) -> str:
    """A digest of ``text`` as it is (the key of one exact query in the history)."""
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).hexdigest()


class CostHistory:
    """The processor seconds each recently seen query (exact text or shape) took, its last few
    runs each (a query stopped at its time limit counts as the whole limit).

    A key's cost is the median of its last runs (:data:`RUNS` of an exact text, :data:`SHAPE_RUNS`
    of a shape, the keys after the first): a shape that a few busy actors or long windows made slow
    is still cheap when most of its runs are."""

    def __init__(self, size: int = 8192):
        self.size = size
        self._seconds: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def seconds(self, keys: tuple[str, ...]) -> float | None:
        """The median time of the first of ``keys`` seen (``None``: none seen)."""
        with self._lock:
            runs = next((self._seconds[key] for key in keys if key in self._seconds), None)
            return statistics.median(runs) if runs else None

    def record(self, keys: tuple[str, ...], seconds: float) -> None:
        """Remember that ``keys`` took ``seconds`` (forgetting the oldest key past the bound)."""
        with self._lock:
            for number, key in enumerate(keys):
                runs = self._seconds.pop(key, None) or deque(maxlen=SHAPE_RUNS if number else RUNS)
                runs.append(seconds)
                self._seconds[key] = runs
            while len(self._seconds) > self.size:
                self._seconds.popitem(last=False)
