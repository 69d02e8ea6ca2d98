"""A fork server for the shared lane's workers: one process that has imported what a worker needs
and forks a worker from itself on request.

A worker started as a fresh interpreter (``python -c``) costs about a quarter of a second of
processor time before it opens the store (the interpreter and the imports: pyoxigraph, ``kb``);
forked from a process that has done that already, a few milliseconds, then the store's opening
(about 20 ms at 1M events). That makes a worker cheap enough to start whenever one leaves the fast
lane: killed past a limit, worn, or *demoted* (:mod:`webapp.sparql.shared`: a query past the fast
lane's budget finishes at the lowest priority in its worker, which then ends, and a new worker
takes its place at once). It is the pattern of ``multiprocessing``'s ``forkserver`` start method,
here because the supervisor must know each worker's process id and how it ended, which
``multiprocessing`` keeps to itself.

The server is single-threaded (a fork copies only the thread that forks, so a process with other
threads could hand a child a lock held forever) and opens no store (a store's handles must not be
shared across a fork). It reads commands on its standard input (:data:`COMMAND`: the slot to start
a worker in) and writes reports on its standard output (:data:`REPORT`: a worker started, with its
slot and process id, or ended, with its process id and exit status as ``subprocess`` gives it:
negative for a signal). It ends when its parent (the supervisor) is gone or closes its input; each
worker ends when the server is gone (:func:`~webapp.sparql.process.exit_with_parent`).
"""

from __future__ import annotations

import os
import select
import signal
import struct
import subprocess
import sys
import threading

#: What the supervisor writes to start a worker: the slot it is for.
COMMAND = struct.Struct("<I")
#: What the server writes: (:data:`STARTED`, slot, pid) or (:data:`ENDED`, pid, exit status).
REPORT = struct.Struct("<iii")
STARTED, ENDED = 1, 2
#: How often (seconds) the server looks whether its parent is gone and reaps ended workers.
TICK = 0.2

SERVER_COMMAND = "import sys; from webapp.sparql.zygote import main; main(sys.argv[1:])"


def records(pending: bytes, layout: struct.Struct) -> tuple[list[tuple], bytes]:
    """The whole ``layout`` records at the start of ``pending`` (bytes read from a pipe), and what
    is left after them (a record not yet all read)."""
    whole = len(pending) - len(pending) % layout.size
    return list(layout.iter_unpack(pending[:whole])), pending[whole:]


class ForkServer:
    """The supervisor's handle on the fork server: :meth:`spawn` a worker in a slot, read
    :meth:`reports` as workers start and end. ``worker``: the function a worker runs
    (``module:function``, called with its slot and ``arguments``; its module is imported once, by
    the server); ``pass_fds``: descriptors the workers inherit."""

    def __init__(self, worker: str, arguments: list[str], pass_fds: tuple[int, ...] = ()):
        self.process = subprocess.Popen([sys.executable, "-P", "-c", SERVER_COMMAND, worker, *arguments],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        pass_fds=pass_fds, bufsize=0)
        self.lock = threading.Lock()

    def spawn(self, slot: int) -> bool:
        """Ask for a worker in ``slot``; False when the server is gone."""
        try:
            with self.lock:
                self.process.stdin.write(COMMAND.pack(slot))
            return True
        except (OSError, ValueError):
            return False

    def reports(self):
        """``(kind, a, b)`` as the server writes them, until it ends."""
        out = self.process.stdout
        while True:
            data = out.read(REPORT.size)
            if not data or len(data) < REPORT.size:
                return
            yield REPORT.unpack(data)

    def close(self) -> None:
        """Stop the server (its idle workers end with it; the caller kills the busy ones)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main(argv: list[str]) -> None:
    """The server: ``WORKER ARGUMENTS...``; import the worker's module (and the store's, which it
    opens), then fork a worker for each command read."""
    import importlib

    module, _, name = argv[0].partition(":")
    if module.split(".")[0] != "webapp":
        raise SystemExit(f"{argv[0]} is not a webapp function")
    worker = getattr(importlib.import_module(module), name)
    importlib.import_module("kb.store")
    argv = argv[1:]
    parent = os.getppid()
    commands, reports = sys.stdin.buffer.fileno(), sys.stdout.buffer.fileno()
    pending = b""
    while os.getppid() == parent:
        ready, _, _ = select.select([commands], [], [], TICK)
        if ready:
            data = os.read(commands, 4096)
            if not data:
                break
            commanded, pending = records(pending + data, COMMAND)
            for (slot,) in commanded:
                pid = os.fork()
                if pid == 0:
                    _child(worker, slot, argv, commands, reports)
                os.write(reports, REPORT.pack(STARTED, slot, pid))
        _reap(reports)


def _reap(reports: int) -> None:
    """Report every worker that has ended."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        os.write(reports, REPORT.pack(ENDED, pid, code))


def _child(worker, slot: int, argv: list[str], commands: int, reports: int) -> None:
    """In the forked worker: leave the server's pipes, then run ``worker(slot, argv)``."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, commands)
        os.dup2(2, reports)  # what a worker prints goes where the server's errors go
        os.close(devnull)
        worker(slot, argv)
        code = 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)
