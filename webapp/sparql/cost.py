"""What a query is likely to cost: the processor time its exact text, else its *shape*, took.

A query's shape is its text without comments and spacing, with every literal, number and IRI
written as a placeholder: the same named query with another month, actor or place has the same
shape (and, in the main, a like cost). The history keeps the times of the last few runs of each of
the most recent texts and shapes (a bounded LRU), so that the query service
(:mod:`webapp.sparql.service`) can send a text whose runs mostly took long straight to the heavy
lane, and a new text whose shape's runs mostly did to the slow lane. Under ``kb serve``'s
supervisor the serving processes also share what each shape costs (:class:`SharedCosts`), so
that a shape one of them found heavy is not tried in the fast lane by each of the others in turn.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import threading
from collections import OrderedDict, deque

from kb.sparql_text import sparql_tokens
from webapp.sparql.folder import SharedFolder

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


class SharedCosts(SharedFolder):
    """What each query shape costs, as the serving processes of one ``kb serve`` last saw it: one
    small file a shape (its median processor seconds, as text) in a folder only their user can open
    (the supervisor's lane folder), written whole (:class:`~webapp.sparql.folder.SharedFolder`); an
    unreadable one counts as unknown. At most ``size`` shapes are kept, the oldest removed."""

    def __init__(self, folder: str | os.PathLike, size: int = 4096):
        super().__init__(folder, max_files=size)

    def get(self, key: str) -> float | None:
        """The cost another process (or this one) kept for shape ``key``, if any."""
        kept = self.read(key)
        try:
            return float(kept) if kept is not None else None
        except ValueError:
            return None

    def put(self, key: str, seconds: float) -> None:
        """Keep ``seconds`` as shape ``key``'s cost (best effort)."""
        self.write(key, repr(seconds).encode())


#: A shape's cost is shared at its first run and then every this many runs.
SHARE_EVERY = 4


class CostHistory:
    """The processor seconds each recently seen query (exact text or shape) took, its last few
    runs each (a query stopped at its time limit counts as the whole limit).

    A key's cost is the median of its last runs (:data:`RUNS` of an exact text, :data:`SHAPE_RUNS`
    of a shape, the keys after the first): a shape that a few busy actors or long windows made slow
    is still cheap when most of its runs are. With ``shared`` (:class:`SharedCosts`), a shape this
    process has not run yet costs what the others last saw of it, and this process tells them what
    it sees (at a shape's first run, then every :data:`SHARE_EVERY` runs)."""

    def __init__(self, size: int = 8192, shared: SharedCosts | None = None):
        self.size = size
        self.shared = shared
        self._seconds: OrderedDict[str, deque[float]] = OrderedDict()
        self._runs: dict[str, int] = {}  # shapes' runs recorded here (when to share their cost)
        self._lock = threading.Lock()

    def seconds(self, keys: tuple[str, ...]) -> float | None:
        """The median time of the first of ``keys`` seen (``None``: none seen), here or, for a
        shape, by another serving process."""
        return self.cost(keys)[0]

    def cost(self, keys: tuple[str, ...]) -> tuple[float | None, int | None]:
        """:meth:`seconds` of ``keys`` and which of them it is the cost of (0: the exact text's
        own runs; ``None``: none seen)."""
        with self._lock:
            for number, key in enumerate(keys):
                if self._seconds.get(key):
                    return statistics.median(self._seconds[key]), number
        if self.shared is not None:
            for number, key in enumerate(keys[1:], start=1):
                if (cost := self.shared.get(key)) is not None:
                    return cost, number
        return None, None

    def record(self, keys: tuple[str, ...], seconds: float) -> None:
        """Remember that ``keys`` took ``seconds`` (forgetting the oldest key past the bound)."""
        shares = []
        with self._lock:
            for number, key in enumerate(keys):
                runs = self._seconds.pop(key, None) or deque(maxlen=SHAPE_RUNS if number else RUNS)
                runs.append(seconds)
                self._seconds[key] = runs
                if number and self.shared is not None:
                    count = self._runs[key] = self._runs.get(key, 0) + 1
                    if count == 1 or count % SHARE_EVERY == 0:
                        shares.append((key, statistics.median(runs)))
            while len(self._seconds) > self.size:
                self._runs.pop(self._seconds.popitem(last=False)[0], None)
        for key, cost in shares:
            self.shared.put(key, cost)
