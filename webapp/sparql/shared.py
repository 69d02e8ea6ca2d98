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
:class:`~webapp.sparql.pool.WorkerPool` does, watching its processor time. A worker past the time
limit is killed by the serving process that waited for it; one past its run limit is *demoted*
(:meth:`SharedLane._demote`: a mark in the lane's folder, the slow lane's niceness, a word to the
supervisor on the demotions pipe): it finishes its query, then ends, while a new worker takes its
slot at once (at most ``max_demoted`` at a time; past that it is killed and the query runs again in
the slow lane, as without a shared lane). A worker that has answered :attr:`Lanes.recycle_answers`
jobs or grown past the memory ceiling ends itself after its answer. Either way it writes no token
again, and the supervisor starts another in its slot, forked by the lane's fork server
(:mod:`webapp.sparql.zygote`: about 20 ms of processor time, against 180 for a fresh interpreter). A
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
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kb.errors import StoreError
from webapp.sparql.pool import Overran, lost, overran_limit, timed_out
from webapp.sparql.process import OpenStore, bound_memory, exit_with_parent, reply, unpack, worn
from webapp.sparql.run import Answer, Job
from webapp.sparql.zygote import ENDED, STARTED, ForkServer, records

WORKER = "webapp.sparql.shared:forked_worker"

log = logging.getLogger(__name__)

#: What is in the token pipe for each idle worker: its slot and its process id.
TOKEN = struct.Struct("<II")
#: The exit status of a worker that ends itself because it is worn (answers or memory).
WORN_EXIT = 3
#: A worker that ends sooner than this after its start (not killed, not worn) failed to start: the
#: next one in its slot starts a second later, so that a store that cannot be opened does not spin.
QUICK_FAILURE_SECONDS = 10.0
#: The exit status of a demoted worker, which ends once it has answered its query.
DEMOTED_EXIT = 4


def _socket_path(folder: str, slot: int) -> str:
    return os.path.join(folder, f"worker-{slot}.sock")


def _demoted_path(folder: str, pid: int) -> str:
    return os.path.join(folder, f"demoted-{pid}")


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)  # a worker only reads: nothing is left half-done
    except ProcessLookupError:
        pass


def _exit_path(folder: str, pid: int) -> str:
    return os.path.join(folder, f"exit-{pid}")


class LaneHost:
    """The supervisor's side: starts ``size`` workers over the store at ``location`` (forked by a
    :class:`~webapp.sparql.zygote.ForkServer`), starts another in a slot whose worker ended or was
    demoted, and stops them all at :meth:`close`.

    Each ended worker's exit status is written to the lane's folder (``exit-PID``), so that the
    serving process that waited for it can tell an allocation refused by the memory bound from
    another end. ``memory_mb``, ``max_answers``, ``max_rss_mb``: as :class:`WorkerPool`'s;
    ``max_demoted``: how many demoted workers may finish their query at once (0: none is demoted,
    a query past the fast lane's run limit is stopped and run again in the slow lane);
    ``demoted_nice``: the niceness they finish it at (the slow lane's)."""

    def __init__(self, location: str, size: int, *, memory_mb: float = 0, max_answers: int = 0,
                 max_rss_mb: float = 0, max_demoted: int = 0, demoted_nice: int = 0):
        self.location = str(location)
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.max_answers = max_answers
        self.max_rss_mb = max_rss_mb
        self.max_demoted = max_demoted
        self.demoted_nice = demoted_nice
        self.folder = tempfile.mkdtemp(prefix="kb-lane-")  # private (0700): only we can connect
        self.tokens_read, self.tokens_write = os.pipe()
        os.set_blocking(self.tokens_read, False)  # readers poll, then read what is there or nothing
        self.demotions_read, self.demotions_write = os.pipe()
        self.server: ForkServer | None = None
        self.current: dict[int, int] = {}  # slot: its worker's pid (0 while one is starting)
        self.live: dict[int, tuple[int, float]] = {}  # pid: (slot, started) of every worker, demoted too
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def describe(self) -> dict:
        """What a serving process needs to use the lane (its config's ``SPARQL_SHARED_LANE``)."""
        return {"folder": self.folder, "tokens": self.tokens_read, "memory_mb": self.memory_mb,
                "demotions": self.demotions_write, "max_demoted": self.max_demoted,
                "demoted_nice": self.demoted_nice}

    def inherited(self) -> tuple[int, ...]:
        """The descriptors a serving process inherits to use the lane."""
        return (self.tokens_read, self.demotions_write)

    def start(self) -> None:
        """Start the fork server, then every slot's worker."""
        self.server = self._fork_server()
        for target, name in ((self._follow, "kb-lane-follow"), (self._listen, "kb-lane-demotions")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self.threads.append(thread)
        for slot in range(self.size):
            self._start(slot)

    def _fork_server(self) -> ForkServer:
        arguments = [self.folder, str(self.tokens_write), self.location, f"{self.memory_mb:g}",
                     str(self.max_answers), f"{self.max_rss_mb:g}"]
        return ForkServer(WORKER, arguments, pass_fds=(self.tokens_write,))

    def _start(self, slot: int) -> None:
        with self.lock:
            if self.stopping.is_set():
                return
            self.current[slot] = 0
        self.server.spawn(slot)

    def _follow(self) -> None:
        """Keep the slots' record as the fork server reports workers started and ended; start
        another fork server, and every slot's worker, if it ends while the lane serves."""
        while True:
            started = time.monotonic()
            for kind, first, second in self.server.reports():
                if kind == STARTED:
                    with self.lock:
                        self.current[first] = second
                        self.live[second] = (first, time.monotonic())
                elif kind == ENDED:
                    self._ended(first, second)
            if self.stopping.is_set():
                return
            status = self.server.process.wait()
            log.warning("the shared query lane's fork server ended (%s); starting another, and "
                        "every worker of the lane again", status)
            with self.lock:
                orphans, self.live, self.current = list(self.live), {}, {}
            for pid in orphans:  # they would end by themselves within a second, their parent gone
                _kill(pid)
            if time.monotonic() - started < QUICK_FAILURE_SECONDS and self.stopping.wait(1.0):
                return
            with self.lock:
                if self.stopping.is_set():
                    return
                self.server = self._fork_server()
            for slot in range(self.size):
                self._start(slot)

    def _ended(self, pid: int, status: int) -> None:
        """Record how worker ``pid`` ended; start another in its slot, unless it had left it."""
        if self.stopping.is_set():  # the lane is closing: its folder goes
            return
        _write_exit(self.folder, pid, status)
        Path(_demoted_path(self.folder, pid)).unlink(missing_ok=True)
        with self.lock:
            slot, started = self.live.pop(pid, (None, 0.0))
            current = slot is not None and self.current.get(slot) == pid
        if not current:  # demoted: its slot has another worker already
            return
        if status == WORN_EXIT:
            log.info("query worker %d of the shared fast lane replaced: worn", pid)
        elif status != -signal.SIGKILL:  # killed: the serving process that did it has said why
            log.warning("query worker %d of the shared fast lane ended (%s); starting another", pid, status)
            if time.monotonic() - started < QUICK_FAILURE_SECONDS and self.stopping.wait(1.0):
                return
        self._start(slot)

    def _listen(self) -> None:
        """Start a worker in the slot of each worker a serving process demoted."""
        pending = b""
        while not self.stopping.is_set():
            ready, _, _ = select.select([self.demotions_read], [], [], 0.5)
            if not ready:
                continue
            try:
                data = os.read(self.demotions_read, 4096)
            except OSError:
                return
            if not data:
                return
            demoted, pending = records(pending + data, TOKEN)
            for slot, pid in demoted:
                with self.lock:
                    current = self.current.get(slot) == pid
                if current:
                    log.info("query worker %d of the shared fast lane demoted; another takes its slot", pid)
                    self._start(slot)

    def close(self) -> None:
        """Stop every worker and the fork server; remove the lane's folder."""
        with self.lock:
            self.stopping.set()
            pids = list(self.live)
        for pid in pids:
            _kill(pid)
        if self.server is not None:
            self.server.close()
        for thread in self.threads:  # none writes into the folder as it is removed
            thread.join(5)
        for fd in (self.tokens_read, self.tokens_write, self.demotions_read, self.demotions_write):
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
        self.demotions = described.get("demotions")
        self.max_demoted = int(described.get("max_demoted") or 0)
        self.demoted_nice = int(described.get("demoted_nice") or 0)
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

    @property
    def demotes(self) -> bool:
        """True when a query past its run limit here may be demoted rather than stopped."""
        return self.demotions is not None and self.max_demoted > 0

    def run_measured(self, job: Job, timeout: float, run_limit: float | None = None,
                     demote_after: float | None = None) -> tuple[Answer, float]:
        """As :meth:`webapp.sparql.pool.WorkerPool.run_measured`: the answer and the processor
        seconds it took; past ``timeout`` (its wait counted) or ``run_limit`` the worker is killed.

        ``demote_after``: processor seconds after which the query is *demoted* when the lane
        allows it (fewer than ``max_demoted`` are): its worker leaves the fast lane and finishes
        it (at the slow lane's niceness), then ends, and the fast lane has another worker in its
        slot at once; no work is lost or done twice, and ``run_limit`` no longer applies (only
        ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            slot, pid, connection = self._take(deadline, timeout)
            try:
                return self._run_on(slot, pid, connection, job, timeout, deadline, run_limit,
                                    demote_after if self.demotes else None)
            except _Unread:
                continue
            finally:
                self._using[slot].release()

    def _run_on(self, slot: int, pid: int, connection: Connection, job: Job, timeout: float,
                deadline: float, run_limit: float | None,
                demote_after: float | None) -> tuple[Answer, float]:
        demoted = False
        try:
            connection.send(job)
            if demote_after is not None and overran_limit(connection, pid, demote_after, deadline):
                demoted = self._demote(slot, pid)
                if not demoted and run_limit is not None:
                    run_limit = max(0.0, run_limit - demote_after)
            overran = not demoted and run_limit is not None and \
                overran_limit(connection, pid, run_limit, deadline)
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
        if demoted:  # it ends after this answer: the connection goes with it
            self._forget(slot)
        if status == "error":
            raise unpack(payload)
        return payload, (spent[0] if spent else 0.0)

    def _demote(self, slot: int, pid: int) -> bool:
        """Mark worker ``pid`` demoted (it ends after its answer), give it the demoted niceness and
        tell the supervisor, which starts another worker in its ``slot``; False (nothing done) when
        ``max_demoted`` are finishing already or the worker is gone."""
        if sum(name.startswith("demoted-") for name in os.listdir(self.folder)) >= self.max_demoted:
            return False
        try:
            with open(_demoted_path(self.folder, pid), "x"):
                pass
        except OSError:
            return False
        if self.demoted_nice > 0:
            try:
                for thread in os.listdir(f"/proc/{pid}/task"):  # a thread's niceness is its own
                    now = os.getpriority(os.PRIO_PROCESS, int(thread))  # added to, as os.nice
                    os.setpriority(os.PRIO_PROCESS, int(thread),  # does for the slow lane's
                                   min(19, now + self.demoted_nice))
            except OSError:  # it ended meanwhile: its answer, or its end, is on the connection
                pass
        os.write(self.demotions, TOKEN.pack(slot, pid))
        log.info("query worker %d of the shared %s lane demoted: past its run limit", pid, self.name)
        return True

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
        _kill(pid)

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


def forked_worker(slot: int, argv: list[str]) -> None:
    """The body of a shared worker, forked by the lane's fork server (:mod:`webapp.sparql.zygote`)
    for ``slot``: ``argv`` is ``FOLDER TOKENS_FD STORE MEMORY_MB MAX_ANSWERS MAX_RSS_MB``."""
    from kb.sparql_text import with_deep_stack

    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    folder, tokens, location, memory_mb, max_answers, max_rss_mb = argv
    # the engine recurses: run it on a large stack, so that no query can overflow it
    with_deep_stack(_serve, _socket_path(folder, slot), int(tokens), slot, location, float(memory_mb),
                    int(max_answers), float(max_rss_mb))


#: Seconds an idle worker waits for a job before it looks whether it was demoted meanwhile.
IDLE_LOOK = 1.0


def _serve(path: str, tokens: int, slot: int, location: str, memory_mb: float, max_answers: int,
           max_rss_mb: float) -> None:
    """Open the store, listen on ``path``, hand in a token; answer a job from whichever serving
    process sends one, hand the token in again; end when worn, or demoted (after its answer)."""
    import selectors

    store = OpenStore(location)
    bound_memory(memory_mb)
    if os.path.exists(path):
        os.unlink(path)  # the socket of the worker this one replaces
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    token = TOKEN.pack(slot, os.getpid())
    demoted = _demoted_path(os.path.dirname(path), os.getpid())  # made by the serving process
    os.write(tokens, token)
    ready = selectors.DefaultSelector()
    ready.register(listener, selectors.EVENT_READ)
    answered = 0
    while True:
        events = ready.select(IDLE_LOOK)
        if not events and os.path.exists(demoted):
            os._exit(DEMOTED_EXIT)  # demoted just as it answered: its token is stale, its slot taken
        for key, _ in events:
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
            if os.path.exists(demoted):
                os._exit(DEMOTED_EXIT)  # another worker has its slot: no token
            if worn(os.getpid(), answered, max_answers, max_rss_mb):
                os._exit(WORN_EXIT)
            os.write(tokens, token)
