"""Answers kept for repeated queries: a small LRU cache bounded in bytes."""

from __future__ import annotations

import threading
from collections import OrderedDict

from webapp.sparql.run import Answer, Job

#: Answers larger than this are not cached.
CACHE_ENTRY_LIMIT = 256 * 1024


def cache_key(job: Job) -> tuple | None:
    if job.substitutions:
        return None
    prefixes = tuple(sorted(job.prefixes.items())) if job.prefixes else None
    return (job.sparql, job.result_format, job.graph_format, job.row_limit, prefixes,
            job.default_graph, job.named_graphs, job.allow_service)


class AnswerCache:
    """A thread-safe LRU cache of answers, bounded in bytes."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Answer | None:
        """The answer kept for ``key``, if any (and mark it recently used)."""
        with self._lock:
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
            return answer

    def put(self, key: tuple, answer: Answer) -> None:
        """Keep ``answer`` unless it is too large; forget the least recently used past the bound."""
        if len(answer.body) > min(CACHE_ENTRY_LIMIT, self.max_bytes):
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= len(previous.body)
            self._entries[key] = answer
            self.size += len(answer.body)
            while self.size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self.size = 0
