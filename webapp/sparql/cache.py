"""Answers kept for repeated queries: a small LRU cache bounded in bytes, keyed on everything an
answer depends on (:func:`cache_key`), the store's load generation included; and the answers the
serving processes of one ``kb serve`` share (:class:`SharedAnswers`)."""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict

from kb.sparql_text import tokens, uses_service
from webapp.sparql.folder import SharedFolder
from webapp.sparql.run import Answer, Job

#: Answers larger than this are not cached.
CACHE_ENTRY_LIMIT = 256 * 1024
#: Functions whose value changes from one run of a query to the next (a query calling one is never
#: answered from the cache).
VOLATILE_FUNCTIONS = frozenset({"NOW", "RAND", "UUID", "STRUUID"})


def cache_key(job: Job, generation: object) -> tuple | None:
    """What ``job``'s answer depends on: its text, bound parameters (each in its N-Triples form),
    prefixes, base, dataset, formats and row limit, and ``generation`` (the store's load generation
    as the caller counts them, so that an answer kept before a load is never given after it).
    ``None`` for a job whose answer can change without a load: one calling another endpoint
    (``SERVICE``) or a function such as ``NOW()`` or ``RAND()``."""
    if job.allow_service and uses_service(job.sparql):
        return None
    if any(kind == "word" and text.upper() in VOLATILE_FUNCTIONS for kind, text in tokens(job.sparql)):
        return None
    bound = tuple(sorted((str(variable), str(term)) for variable, term in job.substitutions.items())) \
        if job.substitutions else None
    prefixes = tuple(sorted(job.prefixes.items())) if job.prefixes else None
    return (generation, job.sparql, bound, prefixes, job.base, job.default_graph, job.named_graphs,
            job.result_format, job.graph_format, job.row_limit, job.allow_service)


#: What an entry holds beyond its answer's body and its key's text (the key tuple, the answer
#: object, the LRU's links, the strings' headers): about 1 KB measured in CPython 3.11, counted high.
ENTRY_OVERHEAD = 1536


def entry_weight(key: tuple, answer: Answer) -> int:
    """The bytes an entry is counted for: its answer's body, its key's text (the query itself, often
    larger than a small answer) and :data:`ENTRY_OVERHEAD`."""
    return len(answer.body) + _text_size(key) + ENTRY_OVERHEAD


def _text_size(part) -> int:
    if isinstance(part, str | bytes):
        return len(part)
    if isinstance(part, tuple | list | frozenset | set):
        return sum(_text_size(item) for item in part)
    return 32  # a number, None or a term's small object


class AnswerCache:
    """A thread-safe LRU cache of answers, bounded in bytes: each entry counted for its body, its
    key's text and a fixed overhead (:func:`entry_weight`), so that many distinct long queries with
    small answers stay within the bound as surely as a few large answers do."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple, tuple[Answer, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Answer | None:
        """The answer kept for ``key``, if any (and mark it recently used)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: tuple, answer: Answer) -> None:
        """Keep ``answer`` unless it is too large; forget the least recently used past the bound."""
        weight = entry_weight(key, answer)
        if len(answer.body) > CACHE_ENTRY_LIMIT or weight > self.max_bytes:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= previous[1]
            self._entries[key] = (answer, weight)
            self.size += weight
            while self.size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self.size = 0


class Remembered:
    """A small LRU of what a page works out from the store before it asks its query (such as the
    terms a named query's parameters name: an actor's IRI, found by asking the store), each kept
    under the load generation it was worked out in (part of its key), so a load forgets it."""

    def __init__(self, size: int = 1024):
        self.size = size
        self._entries: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute):
        """The value kept for ``key``, else ``compute()`` (kept unless it raised)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


class SharedAnswers(SharedFolder):
    """Answers every serving process of one ``kb serve`` can read, one file each in a folder only
    its user can open (the supervisor's, from ``mkdtemp``), so that a question one process answered
    is not asked of the store again by another: with two serving processes, each heavy question of
    a burst is computed once, not once in each.

    An entry's name is a digest of its key (:func:`cache_key` with the store's own generation, which
    every process reads alike, not a process's count of loads); it is written whole and then
    renamed, so a reader sees an entry whole or not at all, and an unreadable one counts as absent.
    Past ``max_bytes`` the oldest entries are removed (:class:`~webapp.sparql.folder.SharedFolder`)."""

    def __init__(self, folder: str | os.PathLike, max_bytes: int):
        super().__init__(folder, max_bytes=max_bytes)

    def _name(self, key: tuple) -> str:
        return hashlib.blake2b(repr(key).encode("utf-8", "replace"), digest_size=20).hexdigest()

    def get(self, key: tuple) -> Answer | None:
        """The answer another process (or this one) kept for ``key``, if any."""
        kept = self.read(self._name(key))
        try:
            found = pickle.loads(kept) if kept is not None else None
        except (EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
            return None
        return found if isinstance(found, Answer) else None

    def put(self, key: tuple, answer: Answer) -> None:
        """Keep ``answer`` for ``key`` unless it is too large (best effort: a full disk keeps none)."""
        if len(answer.body) > CACHE_ENTRY_LIMIT or len(answer.body) > self.max_bytes:
            return
        self.write(self._name(key), pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
