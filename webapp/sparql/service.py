"""The query service the views read: the app's time limit over the worker pool and the answer
cache (embedded store), or over the remote store's own HTTP timeout."""

from __future__ import annotations

from webapp.sparql.cache import AnswerCache, cache_key
from webapp.sparql.pool import WorkerPool
from webapp.sparql.run import Answer, CallJob, Job, call, execute


class QueryService:
    """Runs jobs with the app's time limit: in the worker pool, or on the remote store.

    Answers of up to :data:`CACHE_ENTRY_LIMIT` bytes are kept in a small LRU cache (``cache_bytes``;
    0 turns it off), so a repeated query gets the same bytes without a round trip to a worker or to
    the remote store. Their freshness is known: the cache is emptied when the store's load
    generation changes (:meth:`reopened`, within a second of a load; see :mod:`webapp.state`).
    Jobs with bound parameters are not cached.
    """

    def __init__(self, kb, timeout: float, workers: int = 2, cache_bytes: int = 32 * 1024 * 1024):
        self.kb = kb
        self.timeout = timeout
        self.pool = None if kb.remote else WorkerPool(kb.backend.path, workers)
        self.cache = AnswerCache(cache_bytes) if cache_bytes > 0 else None

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, or a :class:`KBError` (400, 406, 503 ...)."""
        key = cache_key(job) if self.cache is not None else None
        if key is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        if self.pool is None:
            answer = execute(_RemoteWithTimeout(self.kb.backend, self.timeout), job)
        else:
            answer = self.pool.run(job, self.timeout)
        if key is not None:
            self.cache.put(key, answer)
        return answer

    def call(self, function: str, **arguments):
        """Run a ``kb`` function (``module:function``) over the store in a worker, under the time
        limit (in this process over a remote store, which bounds its own queries)."""
        job = CallJob(function, arguments)
        if self.pool is None:
            return call(self.kb, job)
        return self.pool.run(job, self.timeout)

    def reopened(self, kb) -> None:
        """The app opened its store again (a load was made): new workers, no cached answers."""
        self.kb = kb
        self.refresh()

    def refresh(self) -> None:
        """Forget cached answers and restart the workers (after the store was written)."""
        if self.cache is not None:
            self.cache.clear()
        if self.pool is not None:
            self.pool.restart()

    def close(self) -> None:
        """Stop the workers, if any."""
        if self.pool is not None:
            self.pool.close()


class _RemoteWithTimeout:
    """A remote backend whose queries carry the app's time limit as their HTTP timeout."""

    remote = True

    def __init__(self, backend, timeout: float):
        self.backend = backend
        self.timeout = timeout

    def query(self, sparql: str, **options):
        return self.backend.query(sparql, timeout=self.timeout, **options)
