"""A pool of worker processes (one *lane* of the query service): hands a job to an idle worker,
waits up to the time limit, replaces a worker that overran it (killed) or died, and recycles a
worker after a number of answers or above a resident-memory ceiling.

Why not ``concurrent.futures.ProcessPoolExecutor`` or ``multiprocessing.Pool``: neither can stop
one running task (``cancel`` only drops a task not yet started), and pyoxigraph cannot interrupt a
query, so a runaway query would hold its worker past any limit; killing the worker's process
breaks the whole executor (``BrokenProcessPool``). Here each worker is its own process that the
pool kills and replaces alone; recycling (``maxtasksperchild`` in ``multiprocessing.Pool``) is the
same replacement, done after an answer."""

from __future__ import annotations

import logging
import os
import queue
import signal
import subprocess
import threading
import time

from kb.errors import KBError, QueryTimeout, StoreError
from webapp.sparql.process import Worker, cpu_seconds, too_large, unpack, worn
from webapp.sparql.run import Answer, Job

log = logging.getLogger(__name__)

#: Seconds a worker may take to start (open the store) before it is replaced.
STARTUP_SECONDS = 60.0
#: How often (seconds) a job given a run limit looks at its worker's processor time.
WATCH_SECONDS = 0.02
#: A job with a run limit is also stopped when its wall-clock time passes this many times the limit
#: (a query waiting on the disk uses little processor time, yet holds its worker). Generous: on a
#: busy machine a cheap query waits for a core far longer than it runs, and stopping it there costs
#: a new worker (about 0.4 s of processor time) and the query again in the slow lane.
WALL_FACTOR = 20


class Overran(QueryTimeout):
    """A job ran past the run limit it was given (below its time limit): its worker was killed."""


class LaneFull(QueryTimeout):
    """Every worker of a bounded lane is busy and its waiting line is full, or a job waited in it
    until its time limit: a 503 to retry later.

    ``retry_after`` (seconds) goes into the response's ``Retry-After`` header."""

    def __init__(self, message: str, *, retry_after: int, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class WorkerPool:
    """A pool of query worker processes over one store directory; started on first use.

    ``max_answers``: a worker is replaced after that many answers (0: never); ``max_rss_mb``: a
    worker whose resident memory is above it after an answer is replaced (0: never); ``memory_mb``:
    the most memory a worker may take beyond what it holds with its store open, its store's caches
    and every query included (0: no bound; :func:`~webapp.sparql.process.bound_memory`); ``nice``: the
    workers' niceness; ``waiting``: how many jobs may wait
    for a busy pool (``None``: any number); past it :class:`LaneFull` at once. A job waits in line
    (first come, first served) up to its time limit; a bounded pool's job still waiting then is
    :class:`LaneFull` too (with ``Retry-After``), an unbounded one's the time limit's 503.
    """

    #: A pool of its own stops a query past its run limit (only the shared lane can demote one).
    demotes = False

    def __init__(self, location: str | os.PathLike, size: int = 2, *, name: str = "query",
                 max_answers: int = 0, max_rss_mb: float = 0, nice: int = 0,
                 waiting: int | None = None, memory_mb: float = 0):
        self.location = str(location)
        self.size = max(1, size)
        self.name = name
        self.max_answers = max_answers
        self.max_rss_mb = max_rss_mb
        self.memory_mb = memory_mb
        self.nice = nice
        self.waiting = waiting
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[Worker] = set()
        self._started = False
        self._closed = False
        self._queued = 0  # jobs waiting for a worker
        self._running = 0  # jobs handed to a worker
        #: Workers replaced because they had answered enough or grown too large.
        self.recycled = 0

    def start(self) -> None:
        """Start the workers (done by the first query when not called)."""
        with self._lock:
            if self._started:
                return
            self._started = True
            for _ in range(self.size):
                self._add()

    def _add(self) -> None:
        worker = Worker(self.location, self.nice, self.memory_mb)
        self._workers.add(worker)
        threading.Thread(target=self._when_ready, args=(worker,), name="kb-sparql-start",
                         daemon=True).start()

    def _when_ready(self, worker: Worker) -> None:
        """Hand ``worker`` out once it has opened the store (a time limit never counts its start)."""
        try:
            ready = worker.replies.poll(STARTUP_SECONDS) and worker.replies.recv()[0] == "ready"
        except (EOFError, OSError):
            ready = False
        if ready and worker in self._workers:
            self._idle.put(worker)
        elif worker in self._workers:
            time.sleep(1.0)  # a worker that cannot start must not make the pool spin
            self._replace(worker)
        else:
            worker.stop()

    def _replace(self, worker: Worker, why: str = "") -> None:
        """Kill ``worker`` and start another in its place, without holding up the caller."""
        if why:
            log.info("query worker %d of the %s lane replaced: %s", worker.process.pid, self.name, why)

        def replace():
            worker.stop()
            with self._lock:
                if worker in self._workers and not self._closed:  # one replacement per worker
                    self._workers.discard(worker)
                    self._add()

        threading.Thread(target=replace, name="kb-sparql-replace", daemon=True).start()

    def busy(self) -> int:
        """Jobs running or waiting in this pool now."""
        with self._lock:
            return self._queued + self._running

    def pids(self) -> set[int]:
        """The process ids of the current workers (started or starting)."""
        with self._lock:
            return {worker.process.pid for worker in self._workers}

    def _take(self, timeout: float) -> Worker:
        """An idle worker, waited for up to ``timeout`` seconds (or :class:`LaneFull` at once)."""
        with self._lock:
            if self.waiting is not None and self._running + self._queued >= self.size + self.waiting:
                raise LaneFull(f"the {self.name} lane is full: {self._running} heavy "
                               f"quer{'y' if self._running == 1 else 'ies'} running, "
                               f"{self._queued} waiting", retry_after=max(1, round(timeout / 4)),
                               hint="retry in a little while, or narrow the query "
                                    "(a smaller date window, a LIMIT)")
            self._queued += 1
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            if self.waiting is None:
                raise timed_out(timeout, f"every {self.name} worker was busy") from None
            raise LaneFull(f"the query waited {timeout:.1f} s for a worker of the {self.name} lane "
                           f"({self.size} busy, {self._queued - 1} more waiting)",
                           retry_after=max(1, round(timeout / 4)),
                           hint="retry in a little while, or narrow the query "
                                "(a smaller date window, a LIMIT)") from None
        finally:
            with self._lock:
                self._queued -= 1
        with self._lock:
            self._running += 1
        return worker

    def run(self, job: Job, timeout: float, run_limit: float | None = None) -> Answer:
        """Run ``job`` in a free worker and return its answer (see :meth:`run_measured`)."""
        return self.run_measured(job, timeout, run_limit)[0]

    def run_measured(self, job: Job, timeout: float,
                     run_limit: float | None = None) -> tuple[Answer, float]:
        """Run ``job`` in a free worker; past ``timeout`` seconds (its wait for a worker counted)
        the worker is killed. Returns the answer and the processor seconds the worker spent on it.

        ``run_limit``: processor seconds the job may use once a worker has it; past it (or past
        :data:`WALL_FACTOR` times it on the clock) the worker is killed and :class:`Overran`
        raised, so that the caller can run the job elsewhere. Processor time, not the clock: on a
        busy machine a cheap query waits for a core, and that is no reason to kill it."""
        self.start()
        deadline = time.monotonic() + timeout
        worker = self._take(timeout)
        try:
            return self._run_on(worker, job, timeout, deadline, run_limit)
        finally:
            with self._lock:
                self._running -= 1

    def _run_on(self, worker: Worker, job: Job, timeout: float, deadline: float,
                run_limit: float | None) -> tuple[Answer, float]:
        try:
            worker.jobs.send(job)
            overran = run_limit is not None and overran_limit(worker.replies, worker.process.pid,
                                                                run_limit, deadline)
            answered = not overran and worker.replies.poll(max(0.0, deadline - time.monotonic()))
            status, payload, *spent = worker.replies.recv() if answered else ("timeout", None)
        except (EOFError, OSError):
            aborted = bool(self.memory_mb) and _aborted(worker)
            self._replace(worker, "past its memory bound" if aborted else "")
            raise lost(self.memory_mb, aborted) from None
        except BaseException:
            self._replace(worker)
            raise
        if status == "timeout":
            self._replace(worker, "past its run limit" if overran else "past the time limit")
            if overran:
                raise Overran(f"the query used more than {run_limit:g} s of processor time in the "
                              f"{self.name} lane")
            raise timed_out(timeout)
        worker.answered += 1
        if worn(worker.process.pid, worker.answered, self.max_answers, self.max_rss_mb):
            self.recycled += 1
            self._replace(worker, f"worn ({worker.answered} answers)")
        elif worker in self._workers:
            self._idle.put(worker)
        else:  # the pool was restarted meanwhile
            worker.stop()
        if status == "error":
            raise unpack(payload)
        return payload, (spent[0] if spent else 0.0)

    def restart(self) -> None:
        """Replace every worker, so that they see what was written since they started. Idle
        workers stop now; a busy one finishes its query and is stopped when it hands it back."""
        with self._lock:
            self._workers = set()
            idle, self._idle = self._idle, queue.Queue()
            if self._started and not self._closed:
                for _ in range(self.size):
                    self._add()
        while True:
            try:
                idle.get_nowait().stop()
            except queue.Empty:
                break

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.stop()


def lost(memory_mb: float, aborted: bool) -> KBError:
    """The error of a job whose worker ended before it answered: ``aborted`` (an allocation past
    its memory bound of ``memory_mb``, which ends a worker in the engine) or otherwise."""
    if aborted:
        return too_large(memory_mb)
    return StoreError("the query worker stopped before it answered",
                      hint="the query may need more memory than there is; narrow it")


def overran_limit(replies, pid: int, run_limit: float, deadline: float) -> bool:
    """Wait for a reply on ``replies`` while worker ``pid`` stays within ``run_limit`` processor
    seconds (and :data:`WALL_FACTOR` times that on the clock) and ``deadline``; True when it went past."""
    began = time.monotonic()
    used_before = cpu_seconds(pid)
    wall_limit = min(deadline, began + run_limit * WALL_FACTOR)
    while True:
        now = time.monotonic()
        if now >= deadline:
            return False  # the time limit's, not the run limit's
        if now >= wall_limit:
            return True
        if replies.poll(min(WATCH_SECONDS, wall_limit - now)):
            return False
        used = cpu_seconds(pid)
        if used is None or used_before is None:  # no /proc: the clock is all there is
            if time.monotonic() - began > run_limit:
                return True
        elif used - used_before > run_limit:
            return True


def _aborted(worker: Worker) -> bool:
    """True when ``worker``'s process ended by aborting (what an allocation refused by its memory
    bound does in the engine, which cannot raise one), within a second."""
    try:
        return worker.process.wait(1.0) == -signal.SIGABRT
    except subprocess.TimeoutExpired:
        return False


def timed_out(seconds: float, why: str = "") -> QueryTimeout:
    """The 503 of a query stopped (or not started) within its time limit of ``seconds``."""
    return QueryTimeout(f"the query was stopped after {seconds:g} s{' (' + why + ')' if why else ''}",
                        hint="narrow the query (a smaller date window, a LIMIT), or ask the "
                             "operator for a longer time limit (kb serve --query-timeout)")
