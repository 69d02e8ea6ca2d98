"""The pool of worker processes: hands a job to an idle worker, waits up to the time limit, and
replaces a worker that overran it (killed) or died."""

from __future__ import annotations

import os
import queue
import threading
import time

from kb.errors import QueryTimeout, StoreError
from webapp.sparql.process import Worker, unpack
from webapp.sparql.run import Answer, Job

#: Seconds a worker may take to start (open the store) before it is replaced.
STARTUP_SECONDS = 60.0


class WorkerPool:
    """A pool of query worker processes over one store directory; started on first use."""

    def __init__(self, location: str | os.PathLike, size: int = 2):
        self.location = str(location)
        self.size = max(1, size)
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[Worker] = set()
        self._started = False
        self._closed = False

    def start(self) -> None:
        """Start the workers (done by the first query when not called)."""
        with self._lock:
            if self._started:
                return
            self._started = True
            for _ in range(self.size):
                self._add()

    def _add(self) -> None:
        worker = Worker(self.location)
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

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in its place, without holding up the caller."""

        def replace():
            worker.stop()
            with self._lock:
                if worker in self._workers and not self._closed:  # one replacement per worker
                    self._workers.discard(worker)
                    self._add()

        threading.Thread(target=replace, name="kb-sparql-replace", daemon=True).start()

    def run(self, job: Job, timeout: float) -> Answer:
        """Run ``job`` in a free worker; past ``timeout`` seconds the worker is killed."""
        self.start()
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise _timeout(timeout, "every query worker was busy") from None
        try:
            worker.jobs.send(job)
            answered = worker.replies.poll(max(0.0, deadline - time.monotonic()))
            status, payload = worker.replies.recv() if answered else ("timeout", None)
        except (EOFError, OSError):
            self._replace(worker)
            raise StoreError("the query worker stopped before it answered",
                             hint="the query may need more memory than there is; narrow it") from None
        except BaseException:
            self._replace(worker)
            raise
        if status == "timeout":
            self._replace(worker)
            raise _timeout(timeout)
        if worker in self._workers:
            self._idle.put(worker)
        else:  # the pool was restarted meanwhile
            worker.stop()
        if status == "error":
            raise unpack(payload)
        return payload

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


def _timeout(seconds: float, why: str = "") -> QueryTimeout:
    return QueryTimeout(f"the query was stopped after {seconds:g} s{' (' + why + ')' if why else ''}",
                        hint="narrow the query (a smaller date window, a LIMIT), or ask the "
                             "operator for a longer time limit (kb serve --query-timeout)")
