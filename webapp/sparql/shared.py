"""One fast lane shared by every serving process of ``kb serve --processes N``.

With a lane in each serving process, a connection's requests wait for that process's workers
while another process's stand idle (the kernel hands each new connection to one process, whatever
its queue): under 16 clients, the cheap requests' p99 was half as long again with two lanes of three
workers as with one of six. Here the supervisor starts the fast lane's workers (:class:`LaneHost`)
and every serving process hands its jobs to them (:class:`SharedLane`), first come, first served.

How a serving process gets a worker: the way GNU make's jobserver hands out job slots. Each idle
worker has one *token* (its slot and process id, :data:`TOKEN`) in a pipe that every serving
process can read; a worker writes its own token there when it is ready and again after each answer.
A serving process reads a token (each waiting thread of each serving process in one line, first
come, first served: :meth:`SharedLane._take`), connects to that worker's Unix socket in the lane's
private folder (checking by ``SO_PEERCRED`` that the process there is the one the token names: a
token left by a worker that has died since is dropped), sends the job and waits for the answer as
:class:`~webapp.sparql.pool.WorkerPool` does, watching its processor time. A worker past its run
limit or the time limit is killed by the serving process that waited for it; a worker that has
answered :attr:`Lanes.recycle_answers` jobs or grown past the memory ceiling ends itself after its
answer. Either way it writes no token again, and the supervisor starts another in its slot. A
worker opens the store again before a job when a load has changed it since
(:class:`~webapp.sparql.process.OpenStore`), so the lane needs no restart after a load.

The slow lane stays in each serving process: its line is bounded per process, and a heavy query is
rare enough that its wait is not what the tail of the cheap ones is made of.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection

from kb.errors import StoreError
from webapp.sparql.pool import Overran, lost, overran_limit, timed_out
from webapp.sparql.process import OpenStore, bound_memory, exit_with_parent, reply, unpack, worn
from webapp.sparql.run import Answer, Job

log = logging.getLogger(__name__)

#: What is in the token pipe for each idle worker: its slot and its process id.
TOKEN = struct.Struct("<II")
#: The exit status of a worker that ends itself because it is worn (answers or memory).
WORN_EXIT = 3
#: A worker that ends sooner than this after its start (not killed, not worn) failed to start: the
#: next one in its slot starts a second later, so that a store that cannot be opened does not spin.
QUICK_FAILURE_SECONDS = 10.0
#: What a shared worker runs; its socket, token pipe, slot, store and bounds come as arguments.
WORKER_COMMAND = "import sys; from webapp.sparql.shared import worker_process; worker_process(sys.argv[1:])"


def _socket_path(folder: str, slot: int) -> str:
    return os.path.join(folder, f"worker-{slot}.sock")


def _exit_path(folder: str, pid: int) -> str:
    return os.path.join(folder, f"exit-{pid}")


class LaneHost:
    """The supervisor's side: starts ``size`` workers over the store at ``location``, starts another
    in a slot whose worker ended, and stops them all at :meth:`close`.

    Each ended worker's exit status is written to the lane's folder (``exit-PID``), so that the
    serving process that waited for it can tell an allocation refused by the memory bound from
    another end. ``memory_mb``, ``max_answers``, ``max_rss_mb``: as :class:`WorkerPool`'s."""

    def __init__(self, location: str, size: int, *, memory_mb: float = 0, max_answers: int = 0,
                 max_rss_mb: float = 0):
        self.location = str(location)
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.max_answers = max_answers
        self.max_rss_mb = max_rss_mb
        self.folder = tempfile.mkdtemp(prefix="kb-lane-")  # private (0700): only we can connect
        self.tokens_read, self.tokens_write = os.pipe()
        os.set_blocking(self.tokens_read, False)  # readers poll, then read what is there or nothing
        self.workers: dict[int, subprocess.Popen] = {}
        self.watches: list[threading.Thread] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def describe(self) -> dict:
        """What a serving process needs to use the lane (its config's ``SPARQL_SHARED_LANE``)."""
        return {"folder": self.folder, "tokens": self.tokens_read, "memory_mb": self.memory_mb}

    def start(self) -> None:
        """Start every slot's worker."""
        for slot in range(self.size):
            self._start(slot)

    def _start(self, slot: int) -> None:
        with self.lock:
            if self.stopping.is_set():
                return
            process = subprocess.Popen(
                [sys.executable, "-P", "-c", WORKER_COMMAND, _socket_path(self.folder, slot),
                 str(self.tokens_write), str(slot), self.location, f"{self.memory_mb:g}",
                 str(self.max_answers), f"{self.max_rss_mb:g}"],
                pass_fds=(self.tokens_write,), stdin=subprocess.DEVNULL)
            self.workers[slot] = process
            watch = threading.Thread(target=self._watch, args=(slot, process, time.monotonic()),
                                     name="kb-lane-watch", daemon=True)
            self.watches = [one for one in self.watches if one.is_alive()] + [watch]
            watch.start()  # within the lock, so that close() never joins one not yet started

    def _watch(self, slot: int, process: subprocess.Popen, started: float) -> None:
        """Wait for the worker in ``slot`` to end; record how; start another."""
        status = process.wait()
        if self.stopping.is_set():  # the lane is closing: its folder goes
            return
        _write_exit(self.folder, process.pid, status)
        if status == WORN_EXIT:
            log.info("query worker %d of the shared fast lane replaced: worn", process.pid)
        elif status != -signal.SIGKILL:  # killed: the serving process that did it has said why
            log.warning("query worker %d of the shared fast lane ended (%s); starting another",
                        process.pid, status)
            if time.monotonic() - started < QUICK_FAILURE_SECONDS and self.stopping.wait(1.0):
                return
        self._start(slot)

    def close(self) -> None:
        """Stop every worker and remove the lane's folder."""
        with self.lock:
            self.stopping.set()
            workers = list(self.workers.values())
        for process in workers:
            if process.poll() is None:
                process.kill()
        for process in workers:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        for watch in self.watches:  # none writes into the folder as it is removed
            watch.join(5)
        for fd in (self.tokens_read, self.tokens_write):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_exit(folder: str, pid: int, status: int) -> None:
    """Record that worker ``pid`` ended with ``status``; forget records older than a minute."""
    try:
        partial = _exit_path(folder, pid) + ".tmp"
        with open(partial, "w") as out:
            out.write(str(status))
        os.replace(partial, _exit_path(folder, pid))
        now = time.time()
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            if name.startswith("exit-") and now - os.path.getmtime(path) > 60:
                os.unlink(path)
    except OSError:  # the lane is closing
        pass


class _Unread(Exception):
    """The worker a job was sent to had died before it read it (so the job goes to another)."""


class SharedLane:
    """A serving process's side of the shared lane: runs a job in whichever worker is free.

    The same calls as a :class:`~webapp.sparql.pool.WorkerPool` lane (:meth:`run_measured`, with
    its time limit and run limit), from what :meth:`LaneHost.describe` gave."""

    def __init__(self, described: dict, name: str = "fast"):
        self.folder = described["folder"]
        self.tokens = int(described["tokens"])
        self.memory_mb = float(described.get("memory_mb") or 0)
        self.name = name
        self._connections: dict[int, tuple[int, Connection]] = {}  # slot: (pid, connection)
        self._using: dict[int, threading.Lock] = {}  # slot: held while a thread uses its connection

    def start(self) -> None:
        """Nothing to start: the supervisor runs the workers."""

    def restart(self) -> None:
        """Nothing to restart after a load: each worker opens the store again before its next job."""

    def close(self) -> None:
        """Close this process's connections to the workers (they go on serving the others)."""
        for _pid, connection in list(self._connections.values()):
            connection.close()
        self._connections.clear()

    def run(self, job: Job, timeout: float, run_limit: float | None = None) -> Answer:
        """Run ``job`` in a free worker and return its answer (see :meth:`run_measured`)."""
        return self.run_measured(job, timeout, run_limit)[0]

    def run_measured(self, job: Job, timeout: float,
                     run_limit: float | None = None) -> tuple[Answer, float]:
        """As :meth:`webapp.sparql.pool.WorkerPool.run_measured`: the answer and the processor
        seconds it took; past ``timeout`` (its wait counted) or ``run_limit`` the worker is killed."""
        deadline = time.monotonic() + timeout
        while True:
            slot, pid, connection = self._take(deadline, timeout)
            try:
                return self._run_on(slot, pid, connection, job, timeout, deadline, run_limit)
            except _Unread:
                continue
            finally:
                self._using[slot].release()

    def _run_on(self, slot: int, pid: int, connection: Connection, job: Job, timeout: float,
                deadline: float, run_limit: float | None) -> tuple[Answer, float]:
        try:
            connection.send(job)
            overran = run_limit is not None and overran_limit(connection, pid, run_limit, deadline)
            answered = not overran and connection.poll(max(0.0, deadline - time.monotonic()))
            status, payload, *spent = connection.recv() if answered else ("timeout", None)
        except (ConnectionResetError, BrokenPipeError):
            # a Unix socket is reset, or refuses what is sent, only when its worker ended with
            # the job unread: that worker died idle, and the job may go to another
            self._forget(slot)
            raise _Unread from None
        except (EOFError, OSError):
            self._forget(slot)
            raise lost(self.memory_mb, self._aborted(pid)) from None
        except BaseException:
            self._kill(slot, pid, "interrupted")
            raise
        if status == "timeout":
            self._kill(slot, pid, "past its run limit" if overran else "past the time limit")
            if overran:
                raise Overran(f"the query used more than {run_limit:g} s of processor time in the "
                              f"{self.name} lane")
            raise timed_out(timeout)
        if status == "error":
            raise unpack(payload)
        return payload, (spent[0] if spent else 0.0)

    def _take(self, deadline: float, timeout: float) -> tuple[int, int, Connection]:
        """A free worker (slot, pid, connection), waited for up to ``deadline``.

        Every waiting thread of every serving process waits on the token pipe with an epoll of its
        own marked ``EPOLLEXCLUSIVE``: the kernel wakes one waiter for each token written, the
        one that began to wait first, so the lane is first come, first served across processes
        (with a plain poll, every waiter would wake and the quickest would win)."""
        waiting = _Waiting(self.tokens)
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise timed_out(timeout, f"every {self.name} worker was busy")
                if not waiting.wait(left):
                    continue
                try:
                    token = os.read(self.tokens, TOKEN.size)
                except BlockingIOError:  # another waiter took it
                    continue
                if len(token) != TOKEN.size:
                    raise StoreError("the shared query lane's token pipe is closed",
                                     hint="restart kb serve")
                slot, pid = TOKEN.unpack(token)
                # the worker hands its token in once its answer is sent, which may be before the
                # thread of this process it answered has read all of it from their connection
                self._using.setdefault(slot, threading.Lock()).acquire()
                connection = self._connect(slot, pid)
                if connection is not None:
                    return slot, pid, connection
                self._using[slot].release()  # a token of a worker gone since: take another
        finally:
            waiting.close()

    def _connect(self, slot: int, pid: int) -> Connection | None:
        """This process's connection to worker ``pid`` in ``slot`` (made on first use); ``None``
        when that worker is gone."""
        known = self._connections.get(slot)
        if known is not None and known[0] == pid:
            try:
                if not known[1].poll(0):  # an idle worker says nothing unasked: it is alive
                    return known[1]
            except OSError:
                pass
            self._forget(slot)  # its end is closed: the worker is gone, its token stale
            return None
        self._forget(slot)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(_socket_path(self.folder, slot))
            peer = _peer(sock)[0]
        except OSError:
            sock.close()
            return None
        if peer != pid:
            sock.close()
            return None
        connection = Connection(sock.detach())
        self._connections[slot] = (pid, connection)
        return connection

    def _forget(self, slot: int) -> None:
        known = self._connections.pop(slot, None)
        if known is not None:
            known[1].close()

    def _kill(self, slot: int, pid: int, why: str) -> None:
        log.info("query worker %d of the shared %s lane stopped: %s", pid, self.name, why)
        self._forget(slot)
        try:
            os.kill(pid, signal.SIGKILL)  # it only reads: nothing is left half-done
        except ProcessLookupError:
            pass

    def _aborted(self, pid: int) -> bool:
        """True when worker ``pid`` ended by aborting (an allocation refused by its memory bound),
        as the supervisor recorded within a second."""
        if not self.memory_mb:
            return False
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            try:
                with open(_exit_path(self.folder, pid)) as record:
                    return int(record.read()) == -signal.SIGABRT
            except (OSError, ValueError):
                time.sleep(0.02)
        return False


def _peer(sock: socket.socket) -> tuple[int, int]:
    """The process id and user id of the process at the other end of a Unix socket."""
    pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                         struct.calcsize("3i")))
    return pid, uid


class _Waiting:
    """One thread's wait for a token on ``fd``: an exclusive epoll where there is one (Linux), else
    a poll."""

    def __init__(self, fd: int):
        if hasattr(select, "epoll") and hasattr(select, "EPOLLEXCLUSIVE"):
            self.epoll = select.epoll(1)
            self.epoll.register(fd, select.EPOLLIN | select.EPOLLEXCLUSIVE)
            self.wait = lambda seconds: bool(self.epoll.poll(seconds, 1))
        else:
            self.epoll = None
            polled = select.poll()
            polled.register(fd, select.POLLIN)
            self.wait = lambda seconds: bool(polled.poll(max(1, int(seconds * 1000))))

    def close(self) -> None:
        if self.epoll is not None:
            self.epoll.close()


def worker_process(argv: list[str]) -> None:
    """The body of a shared worker: ``SOCKET TOKENS_FD SLOT STORE MEMORY_MB MAX_ANSWERS MAX_RSS_MB``."""
    from kb.sparql_text import with_deep_stack

    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    path, tokens, slot, location, memory_mb, max_answers, max_rss_mb = argv
    # the engine recurses: run it on a large stack, so that no query can overflow it
    with_deep_stack(_serve, path, int(tokens), int(slot), location, float(memory_mb),
                    int(max_answers), float(max_rss_mb))


def _serve(path: str, tokens: int, slot: int, location: str, memory_mb: float, max_answers: int,
           max_rss_mb: float) -> None:
    """Open the store, listen on ``path``, hand in a token; answer a job from whichever serving
    process sends one, hand the token in again; end when worn."""
    import selectors

    store = OpenStore(location)
    bound_memory(memory_mb)
    if os.path.exists(path):
        os.unlink(path)  # the socket of the worker this one replaces
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    token = TOKEN.pack(slot, os.getpid())
    os.write(tokens, token)
    ready = selectors.DefaultSelector()
    ready.register(listener, selectors.EVENT_READ)
    answered = 0
    while True:
        for key, _ in ready.select():
            if key.fileobj is listener:
                client, _ = listener.accept()
                if _peer(client)[1] != os.getuid():  # the folder is private; pickles come only from us
                    client.close()
                    continue
                ready.register(Connection(client.detach()), selectors.EVENT_READ)
                continue
            connection = key.fileobj
            try:
                job = connection.recv()
            except (EOFError, OSError):  # that serving process is gone, or closed its side
                ready.unregister(connection)
                connection.close()
                continue
            store.fresh()
            if not reply(connection, store.answer(job, memory_mb), memory_mb):
                ready.unregister(connection)
                connection.close()
            answered += 1
            if worn(os.getpid(), answered, max_answers, max_rss_mb):
                os._exit(WORN_EXIT)
            os.write(tokens, token)
