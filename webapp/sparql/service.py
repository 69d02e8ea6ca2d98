"""The query service the views read: the app's time limit over two lanes of worker processes and
the answer cache (embedded store), or over the remote store's own HTTP timeout."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from kb.errors import KBError, QueryTimeout
from webapp.sparql.cache import AnswerCache, SharedAnswers, cache_key
from webapp.sparql.cost import CostHistory, SharedCosts, exact_text, query_shape
from webapp.sparql.pool import LaneFull, Overran, WorkerPool, timed_out
from webapp.sparql.run import Answer, CallJob, Job, call, execute
from webapp.sparql.shared import SharedLane

#: A query new to the fast lane is stopped there (its worker killed) only past this many times the
#: budget: one a little over it is let finish (and goes to the slow lane next time), since a new
#: worker costs about 0.4 s of processor time, more than most such queries take (measured under 16
#: clients: stopping at the budget itself replaced 21 workers a minute, half the server's processor
#: time, and answered 368 requests; at 4 times it, 0-1 and 678-1,802).
STOP_FACTOR = 4
#: Where the fast lane can demote a worker (:mod:`webapp.sparql.shared`), a query new to it leaves it
#: past this many times the budget: a demotion loses no work and costs a worker forked in about 20 ms
#: of processor time, so the lane lets go sooner (measured at 1M events, every text new, 16 clients:
#: cheap p99 493-501 ms at 2, 531-3,337 at 4, 798 at 1, which demoted 51 queries a minute).
DEMOTE_FACTOR = 2


@dataclass(frozen=True)
class Lanes:
    """How the embedded store's queries are shared between the fast, the slow and the heavy lane.

    ``fast_workers`` answer every query first; one that used more than ``fast_seconds`` of processor
    time goes to another lane next time, one that uses more than :data:`STOP_FACTOR` times that is
    stopped and run again in the slow lane at once, or, in the fast lane ``kb serve`` shares between
    its serving processes, goes on in its worker, which leaves the lane (another takes its place at
    once) and ends after its answer: ``demoted_workers`` at most at a time, at ``slow_nice``
    (:class:`~webapp.sparql.shared.SharedLane`). A query whose own text was heavy when it last ran
    goes to the *heavy* lane, whose ``heavy_workers`` run at the lower priority ``heavy_nice``; one
    new to the service whose *shape* was heavy (the same question with other values) goes to the
    *slow* lane, at ``slow_nice``. So the fast lane's questions take the processor first, a known
    heavy question asked again last, and a new one whose shape was heavy, which may be a cheap
    variant of a heavy question, in between (measured at 1M events, 16 clients, the gallery's mix:
    every lane at niceness 0 gave a cheap p99 of 152-288 ms, these defaults 97-131 ms; see
    docs/scaling.md, "Eleventh session").
    The slow and heavy lanes each run their workers with at most ``slow_waiting`` more queries
    waiting in line, each up to its time limit (past either: 503 with Retry-After); with
    ``heavy_workers`` 0 the slow lane takes the heavy lane's queries. A worker of any lane is
    replaced after ``recycle_answers`` answers or above ``recycle_mb`` MB resident (0: never).
    ``worker_mb``: the most memory a worker may take beyond what it holds once its store is open
    (about 60 MB resident, half of it the interpreter's and libraries' files), the store's caches
    and every query's working memory and answer included: a query that would need more gets a
    one-line 400 (0: no bound). So the workers of ``kb serve`` hold at most
    ``most_workers(processes) * (worker_mb + 60)`` MB, however long it serves; measured, a worker
    holds about 100 MB once its caches are full at 100k events, 140 MB at 1M.

    The defaults fit a small machine (``kb serve`` runs two serving processes, each with its own
    slow and heavy lane, and one fast lane of ``fast_workers`` for each of them, shared by both:
    :mod:`webapp.sparql.shared`; two a process, four in all, since each worker keeps its own store
    caches and fewer cost less processor time a query on two cores: measured at 100k events, every
    text new, 16 clients, 15-16 ms a request in all with four against 17-18 with six, the cheap p99
    260-286 ms against 322-334): each line holds ``slow_waiting`` (16) queries, as many as a closed
    loop of 16 clients can send, so none is refused, and a serving process has three times as many
    threads (:data:`webapp.server.THREADS`), so that with both lines full a third of them stay free
    for cheap questions."""

    fast_workers: int = 2
    slow_workers: int = 1
    heavy_workers: int = 1
    demoted_workers: int = 2
    slow_waiting: int = 16
    fast_seconds: float = 0.1
    recycle_answers: int = 1000
    recycle_mb: float = 512
    worker_mb: float = 1024
    slow_nice: int = 5
    heavy_nice: int = 10

    def most_workers(self, processes: int) -> int:
        """How many query workers ``kb serve`` with ``processes`` serving processes runs at most."""
        return processes * (self.fast_workers + self.slow_workers + self.heavy_workers) + \
            self.demoted_workers


def lanes_from(config, environ) -> Lanes:
    """The lanes a config sets (``SPARQL_WORKERS``, ``SPARQL_SLOW_WORKERS``, ``SPARQL_HEAVY_WORKERS``,
    ``SPARQL_DEMOTED_WORKERS``, ``SPARQL_SLOW_WAITING``, ``SPARQL_FAST_SECONDS``,
    ``SPARQL_RECYCLE_ANSWERS``, ``SPARQL_RECYCLE_MB``, ``SPARQL_WORKER_MB``, ``SPARQL_SLOW_NICE``,
    ``SPARQL_HEAVY_NICE``),
    else the environment (the same names after ``KB_``), else :class:`Lanes`' defaults."""
    values = {}
    for field, kind in (("fast_workers", int), ("slow_workers", int), ("heavy_workers", int),
                        ("demoted_workers", int), ("slow_waiting", int),
                        ("fast_seconds", float), ("recycle_answers", int), ("recycle_mb", float),
                        ("worker_mb", float), ("slow_nice", int), ("heavy_nice", int)):
        name = "SPARQL_" + {"fast_workers": "WORKERS"}.get(field, field.upper())
        value = config.get(name, environ.get("KB_" + name))
        if value in (None, ""):
            continue
        try:
            values[field] = kind(value)
        except (TypeError, ValueError):
            raise KBError(f"{name} is {value!r}, not a number", where="configuration",
                          hint=f"set {name} (or KB_{name}) to a number such as "
                               f"{getattr(Lanes, field)}") from None
        if values[field] < 0:
            raise KBError(f"{name} is {value!r}, below 0", where="configuration",
                          hint=f"set {name} (or KB_{name}) to 0 or more")
    return Lanes(**values)


class QueryService:
    """Runs jobs with the app's time limit: in a lane of worker processes, or on the remote store.

    Three lanes (:class:`Lanes`), so that cheap questions never queue behind heavy ones. A query
    goes to the *fast* lane unless its recent runs took more processor time than the fast lane's
    budget: the median of its exact text's runs, in which case it goes straight to the *heavy*
    lane (at a lower priority), else its shape's (:func:`~webapp.sparql.cost.query_shape`: the
    text with literals and IRIs made alike, so one named query with other parameters), in which
    case it goes to the *slow* lane. A query that uses more than :data:`STOP_FACTOR` times
    the budget in the fast lane is stopped there (its worker is killed and replaced) and run again
    in the slow lane with what is left of its time limit. Costs are processor time, not the clock,
    so a cheap query slowed by a busy machine is neither stopped nor taken for a heavy one. The
    slow and heavy lanes' lines are bounded: when one is full, or a query waited in it until its
    time limit, the answer is a 503 with ``Retry-After``.

    Answers of up to :data:`CACHE_ENTRY_LIMIT` bytes are kept in a small LRU cache (``cache_bytes``;
    0 turns it off), so a repeated query gets the same bytes without a round trip to a worker or to
    the remote store, embedded or remote alike. Their freshness is known: an answer is kept under
    the store's load generation as this service counts them (:attr:`generation`, one more at each
    :meth:`reopened`, before the next request after a load through any instance, within a second over
    a remote store; see :mod:`webapp.state`), so
    an answer begun before a load is never given after it (:func:`~webapp.sparql.cache.cache_key`).
    Under ``kb serve``'s supervisor (``shared``) the serving processes also share the answers any
    of them gave (:class:`~webapp.sparql.cache.SharedAnswers`), under the store's own generation.
    """

    def __init__(self, kb, timeout: float, workers: int = 2, cache_bytes: int = 32 * 1024 * 1024,
                 lanes: Lanes | None = None, shared: dict | None = None):
        self.kb = kb
        self.timeout = timeout
        self.lanes = lanes or Lanes(fast_workers=workers)
        self.history = CostHistory(shared=SharedCosts(os.path.join(shared["folder"], "costs"))
                                   if shared and not kb.remote else None)
        self.fast = self.slow = self.heavy = None
        if not kb.remote:
            where, lanes = kb.backend.path, self.lanes
            # the fast lane: the one the supervisor runs for every serving process, else our own
            self.fast = SharedLane(shared) if shared else \
                WorkerPool(where, lanes.fast_workers, name="fast", max_answers=lanes.recycle_answers,
                           max_rss_mb=lanes.recycle_mb, memory_mb=lanes.worker_mb)
            self.slow = WorkerPool(where, lanes.slow_workers, name="slow", max_answers=lanes.recycle_answers,
                                   max_rss_mb=lanes.recycle_mb, nice=lanes.slow_nice,
                                   waiting=lanes.slow_waiting, memory_mb=lanes.worker_mb)
            # texts known heavy by their own runs: the slow lane's when there is no heavy lane
            self.heavy = self.slow if not lanes.heavy_workers else \
                WorkerPool(where, lanes.heavy_workers, name="heavy", max_answers=lanes.recycle_answers,
                           max_rss_mb=lanes.recycle_mb, nice=lanes.heavy_nice,
                           waiting=lanes.slow_waiting, memory_mb=lanes.worker_mb)
        self.cache = AnswerCache(cache_bytes) if cache_bytes > 0 else None
        #: The answers every serving process of ``kb serve`` shares (embedded store, cache on).
        self.shared_answers = SharedAnswers(os.path.join(shared["folder"], "answers"), cache_bytes) \
            if shared and self.cache is not None and not kb.remote else None
        #: The store's load generations this service has seen (the answer cache's freshness).
        self.generation = 0

    @property
    def pool(self) -> WorkerPool | SharedLane | None:
        """The fast lane (``None`` over a remote store)."""
        return self.fast

    def start(self) -> None:
        """Start the fast lane's workers now (the slow lane starts when first needed)."""
        if self.fast is not None:
            self.fast.start()

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, or a :class:`KBError` (400, 406, 503 ...)."""
        key = cache_key(job, self.generation) if self.cache is not None else None
        if key is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        shared = self._shared_key(key)
        answer = self.shared_answers.get(shared) if shared is not None else None
        if answer is None:
            if self.fast is None:
                answer = execute(_RemoteWithTimeout(self.kb.backend, self.timeout), job)
            else:
                answer = self._in_lanes(job, (exact_text(job.sparql), query_shape(job.sparql)))
            if shared is not None:
                self.shared_answers.put(shared, answer)
        if key is not None and key[0] == self.generation:  # else kept only to be forgotten
            self.cache.put(key, answer)
        return answer

    def _shared_key(self, key: tuple | None) -> tuple | None:
        """``key`` with the store's own generation (the same in every serving process) in place of
        this process's count of loads; ``None`` when answers are not shared or the store has none."""
        if key is None or self.shared_answers is None:
            return None
        stamp = self.kb.generation()
        return None if stamp is None else (stamp, *key[1:])

    def _in_lanes(self, job: Job | CallJob, keys: tuple[str, ...]):
        """Run ``job`` in the lane its history points to (``keys``: its exact text's, then its
        shape's); learn how much processor time it took."""
        budget = self.lanes.fast_seconds
        known, whose = self.history.cost(keys)
        try:
            if budget * STOP_FACTOR >= self.timeout:  # nothing would be left to the slow lane
                result, spent = self.fast.run_measured(job, self.timeout)
            elif known is not None and known > budget:  # heavy by its own runs, or by its shape's
                lane = self.heavy if whose == 0 else self.slow
                result, spent = lane.run_measured(job, self.timeout)
            else:  # unknown or cheap so far
                result, spent = self._fast_then_slow(job, keys)
        except LaneFull:
            raise
        except QueryTimeout:
            self.history.record(keys, self.timeout)
            raise
        self.history.record(keys, spent)
        return result

    def _fast_then_slow(self, job: Job | CallJob, keys: tuple[str, ...]):
        """Run ``job`` in the fast lane within its budget; past it, in the slow lane: where the fast
        lane can hand a worker over (:attr:`SharedLane.demotes`), the query goes on in its worker,
        which leaves the fast lane (another takes its place at once); else it is stopped and run
        again in the slow lane."""
        began = time.monotonic()
        limit = self.lanes.fast_seconds * STOP_FACTOR
        try:
            if self.fast.demotes:
                return self.fast.run_measured(job, self.timeout, run_limit=limit,
                                              demote_after=self.lanes.fast_seconds * DEMOTE_FACTOR)
            return self.fast.run_measured(job, self.timeout, run_limit=limit)
        except Overran:  # run again in the slow lane, whose time is recorded (counted once)
            pass
        try:
            return self.slow.run_measured(job, self.timeout - (time.monotonic() - began))
        except LaneFull:  # not run: this text at least is known to be heavy
            self.history.record(keys[:1], self.timeout)
            raise
        except QueryTimeout:  # the time limit the client is told is the whole one
            raise timed_out(self.timeout) from None

    def call(self, function: str, **arguments):
        """Run a ``kb`` function (``module:function``) over the store in a worker, under the time
        limit (in this process over a remote store, which bounds its own queries)."""
        job = CallJob(function, arguments)
        if self.fast is None:
            return call(self.kb, job)
        return self._in_lanes(job, (exact_text(function + repr(sorted(arguments.items()))),
                                    f"{function}({','.join(sorted(arguments))})"))

    def reopened(self, kb) -> None:
        """The app opened its store again (a load was made): new workers, no cached answers."""
        self.kb = kb
        self.refresh()

    def refresh(self) -> None:
        """Forget cached answers and restart the workers (after the store was written)."""
        self.generation += 1
        if self.cache is not None:
            self.cache.clear()
        for lane in self._lanes():
            lane.restart()

    def close(self) -> None:
        """Stop the workers, if any."""
        for lane in self._lanes():
            lane.close()

    def _lanes(self) -> list:
        """Each lane once (the heavy lane may be the slow one)."""
        return list(dict.fromkeys(lane for lane in (self.fast, self.slow, self.heavy) if lane is not None))


class _RemoteWithTimeout:
    """A remote backend whose queries carry the app's time limit as their HTTP timeout."""

    remote = True

    def __init__(self, backend, timeout: float):
        self.backend = backend
        self.timeout = timeout

    def query(self, sparql: str, **options):
        return self.backend.query(sparql, timeout=self.timeout, **options)
