"""A worker process: its body (open the store read-only, answer jobs from a pipe), its start and
its end (killed by the pool at a time limit, or gone with the web app)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kb.errors import KBError, NotAcceptable, QueryError, QueryTimeout, StoreError, UpdateRefused
from kb.sparql_text import with_deep_stack
from webapp.sparql.run import CallJob, SparqlSyntaxError, call, execute, first_line


def _worker_main(conn, location: str, memory_mb: float = 0) -> None:
    """A worker: open the store read-only, bound its memory from there (``memory_mb``, 0: no
    bound), then answer jobs until the pipe closes."""
    store = OpenStore(location)
    bound_memory(memory_mb)
    try:
        conn.send(("ready", None))  # the pool hands out a worker only once it can answer
    except OSError:
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if not reply(conn, store.answer(job, memory_mb), memory_mb):
            return


class OpenStore:
    """The store a worker holds open read-only (or the error opening it gave, told to each job)."""

    def __init__(self, location: str):
        self.location = location
        self.backend = self.failure = None
        self.open()

    def open(self) -> None:
        """Open the store (again): a snapshot of it as it is now."""
        from kb.store import EmbeddedBackend, generation

        self.opened = generation(self.location)
        try:
            self.backend, self.failure = EmbeddedBackend(Path(self.location), read_only=True), None
        except KBError as err:
            self.backend, self.failure = None, err

    def fresh(self) -> None:
        """Open the store again if a writer has closed it since it was opened (its generation file
        changed): a worker serving several processes sees every load before its next job."""
        from kb.store import generation

        if generation(self.location) != self.opened:
            self.backend = None  # the old snapshot's memory goes before the new one comes
            self.open()

    def answer(self, job, memory_mb: float = 0) -> tuple:
        """``(status, payload, processor seconds)``: ``("ok", answer)`` or ``("error", packed)``."""
        began = time.process_time()
        try:
            if self.failure is not None:
                raise self.failure
            if isinstance(job, CallJob):
                from kb.store import KnowledgeBase

                outcome = ("ok", call(KnowledgeBase(self.backend, self.location), job))
            else:
                outcome = ("ok", execute(self.backend, job))
        except KBError as err:
            outcome = ("error", pack(err))
        except MemoryError:
            outcome = ("error", pack(too_large(memory_mb)))
        except Exception as err:  # whatever the engine raises, the worker lives on
            outcome = ("error", pack(QueryError(f"the query failed: {first_line(err)}")))
        return (*outcome, time.process_time() - began)  # the processor time it took goes with it


def reply(conn, outcome: tuple, memory_mb: float = 0) -> bool:
    """Send ``outcome`` (:meth:`OpenStore.answer`'s); an answer too large to copy for the pipe is
    sent as the memory error. False when the other end is gone."""
    try:
        conn.send(outcome)
    except MemoryError:  # the answer fitted, but not its copy for the pipe
        try:
            conn.send(("error", pack(too_large(memory_mb)), outcome[-1]))
        except (OSError, MemoryError):
            return False
    except OSError:
        return False
    return True


#: What a worker process runs: its pipes' file descriptors and the store come as arguments.
WORKER_COMMAND = "import sys; from webapp.sparql.process import worker_process; worker_process(sys.argv[1:])"


def worker_process(argv: list[str]) -> None:
    """The body of a worker process: ``JOBS_FD REPLIES_FD STORE_DIRECTORY [NICENESS [MEMORY_MB]]``.

    A worker may be given a lower priority (a higher niceness: ``SPARQL_SLOW_NICE`` for the slow
    lane) and a memory bound (``SPARQL_WORKER_MB``, :func:`bound_memory`)."""
    jobs_fd, replies_fd, location, *rest = argv
    if rest and int(rest[0]) and hasattr(os, "nice"):
        os.nice(int(rest[0]))
    memory_mb = float(rest[1]) if len(rest) > 1 else 0.0
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    # the engine recurses: run it on a large stack, so that no query can overflow it
    with_deep_stack(_worker_main, _Duplex(Connection(int(jobs_fd), writable=False),
                                          Connection(int(replies_fd), readable=False)), location,
                    memory_mb)


def bound_memory(memory_mb: float) -> None:
    """Let this process hold at most ``memory_mb`` MB of memory more than it holds now (0: no bound).

    Called once the store is open (pyoxigraph reserves about 75 MB of address space for it then,
    most of it never touched), so that the bound covers what fills a worker as it serves: the
    store's caches (pyoxigraph's, which cannot be sized from Python), every query's working memory
    and its answer. It is the data limit (``RLIMIT_DATA``: heap and private writable mappings,
    counted as reserved, not as touched; not the store's files): an allocation past it fails, so
    a query that needs more ends with a one-line error (or ends its worker, which the pool
    replaces) instead of growing the worker."""
    if memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # no such limit on this system: the pool's recycling is what bounds it
        return
    now = _data_bytes()
    if now is None:
        return
    limit = now + int(memory_mb * 1024 * 1024)
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _data_bytes() -> int | None:
    """This process's data segment now (``VmData``, bytes; ``None`` where /proc has none)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmData:")) * 1024
    except (OSError, StopIteration, ValueError):
        return None


def too_large(memory_mb: float) -> QueryError:
    """The error of a query that needed more memory than its worker may hold."""
    bound = f"the {memory_mb:g} MB a query worker may use" if memory_mb else "the memory there is"
    return QueryError(f"the query needed more than {bound}",
                      hint="narrow the query (a smaller date window, a LIMIT), or ask the operator "
                           "for a larger bound (SPARQL_WORKER_MB)")


def exit_with_parent(parent: int) -> None:
    """End this worker when the web app is gone, even in the middle of a runaway query."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


class _Duplex:
    """Two one-way connections (jobs in, replies out) as one."""

    def __init__(self, jobs: Connection, replies: Connection):
        self.recv = jobs.recv
        self.send = replies.send


def pack(err: KBError) -> dict:
    """``err`` as a plain dict that crosses the pipe."""
    return {"kind": type(err).__name__, "message": err.message, "where": err.where,
            "hint": err.hint, "line": getattr(err, "line", None),
            "column": getattr(err, "column", None)}


_ERRORS = {cls.__name__: cls for cls in (QueryError, UpdateRefused, QueryTimeout, StoreError,
                                         NotAcceptable, KBError)}


def unpack(packed: dict) -> KBError:
    """The error :func:`pack` sent."""
    if packed["kind"] == "SparqlSyntaxError":
        return SparqlSyntaxError(packed["message"], line=packed["line"], column=packed["column"],
                                 where=packed["where"], hint=packed["hint"])
    cls = _ERRORS.get(packed["kind"], KBError)
    return cls(packed["message"], where=packed["where"], hint=packed["hint"])


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

#: Pipe capacity asked for the replies (Linux allows up to /proc/sys/fs/pipe-max-size, 1 MiB by default):
#: an answer of that size then crosses in one write instead of many 64 KiB rounds.
PIPE_BYTES = 1024 * 1024


def _widen(fd: int) -> None:
    """Make a pipe hold :data:`PIPE_BYTES` where the system allows it; harmless elsewhere."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def cpu_seconds(pid: int) -> float | None:
    """Processor seconds process ``pid`` has used so far (from /proc; ``None`` where there is none)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def rss_mb(pid: int) -> float | None:
    """Process ``pid``'s resident memory in MB (from /proc; ``None`` where there is none)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration, ValueError):
        return None


def worn(pid: int, answered: int, max_answers: int, max_rss_mb: float) -> bool:
    """True when worker ``pid`` has answered ``max_answers`` jobs or holds more than ``max_rss_mb``
    MB resident (0: no such bound): it is to be replaced."""
    if max_answers and answered >= max_answers:
        return True
    rss = rss_mb(pid) if max_rss_mb else None
    return rss is not None and rss > max_rss_mb


class Worker:
    """One worker process (a fresh interpreter, not a fork) and the parent's ends of its pipes."""

    def __init__(self, location: str, nice: int = 0, memory_mb: float = 0):
        jobs_read, jobs_write = os.pipe()
        replies_read, replies_write = os.pipe()
        _widen(replies_write)
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", WORKER_COMMAND, str(jobs_read), str(replies_write), location,
             str(nice), f"{memory_mb:g}"],
            pass_fds=(jobs_read, replies_write), stdin=subprocess.DEVNULL, close_fds=True)
        os.close(jobs_read)
        os.close(replies_write)
        self.jobs = Connection(jobs_write, readable=False)
        self.replies = Connection(replies_read, writable=False)
        self.stopping = threading.Lock()
        #: Jobs this worker has answered (it is recycled past the pool's count).
        self.answered = 0
        #: The most memory (MB) it may take beyond what it holds with its store open (0: no bound).
        self.memory_mb = memory_mb

    def stop(self) -> None:
        """Kill the process at once (it only reads) and reap it; stopping twice is harmless."""
        with self.stopping:
            if self.process.returncode is not None and self.jobs.closed:
                return
            self.process.kill()
            self.process.wait(5)
            for connection in (self.jobs, self.replies):
                if not connection.closed:
                    connection.close()
