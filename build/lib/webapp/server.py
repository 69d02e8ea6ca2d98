"""``kb serve``: the web app under waitress, over the embedded store (seeds loaded on first start).

One Python process answers about 2,000 trivial requests a second at most, whatever the number of
cores: Flask, waitress and the hand-over to a query worker all hold the interpreter's lock. With
``processes`` above one, this process (the *supervisor*) prepares the store (loads the seeds into an
empty one, then closes it), opens the listening socket, and starts that many serving processes
that share the socket: the kernel hands each new connection to one of them. Each serving process
is a fresh interpreter (not a fork) that builds its own app over the store opened read-only
(``Store.read_only``: no lock, a snapshot of the store as it was when it opened; nothing writes
while the app serves), with its own query workers and timeline index. The supervisor starts a new
one when one dies, and stops them all when it is stopped.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time

#: What a serving process runs; its socket's file descriptor and its config come as arguments.
CHILD_COMMAND = "import sys; from webapp.server import child; child(sys.argv[1:])"
#: Threads each waitress process answers with.
THREADS = 8


def default_processes() -> int:
    """Serving processes by default: one per core, two at most (the query workers need cores too)."""
    return max(1, min(2, os.cpu_count() or 1))


def _config(store: str, query_timeout: float, row_limit: int, base: str | None,
            access_log: bool = False) -> dict:
    config = {"KB_STORE": store, "QUERY_TIMEOUT": query_timeout, "ROW_LIMIT": row_limit,
              "ACCESS_LOG": access_log}
    if base:
        config["KB_BASE"] = base
    return config


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _interrupt(*_args) -> None:
    raise KeyboardInterrupt


def _setup_logging(quiet: bool = False) -> None:
    """Log lines on stderr in the one style of the project's messages (``Warning: ...``).

    Waitress warns of its task queue's depth whenever all its threads are busy: a fact of load,
    nothing an operator can act on from here, so only its errors show."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneStyle())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    logging.getLogger("waitress").setLevel(logging.WARNING)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


class _OneStyle(logging.Formatter):
    """``Error: ...``, ``Warning: ...``: the project's one style, for log lines too."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text if record.levelno < logging.WARNING else f"{record.levelname.capitalize()}: {text}"


def serve(store: str, host: str, port: int, query_timeout: float, row_limit: int,
          base: str | None = None, processes: int | None = None, access_log: bool = False,
          quiet: bool = False) -> None:
    """Build the app and serve it with waitress until interrupted; say when it starts and stops."""
    from waitress.server import create_server

    from kb.status import serving
    from webapp import create_app

    processes = default_processes() if processes is None else processes
    config = _config(store, query_timeout, row_limit, base, access_log)
    url = f"http://{host}:{port}/"
    announce = (lambda: None) if quiet else (lambda: _say(
        f"Serving the timeline at {url} and SPARQL at {url}sparql ({processes} process"
        f"{'es' if processes > 1 else ''}); Ctrl-C stops"))
    _setup_logging(quiet)
    config["LOG_QUIET"] = quiet
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with serving(store, url):
            if processes <= 1:
                app = create_app({**config, "LOAD_SEEDS": True})
                server = create_server(app, host=host, port=port, threads=THREADS, ident="negotiation-kb")
                announce()
                server.run()
            else:
                prepare_store(config)
                listener = socket.create_server((host, port), backlog=1024)
                listener.set_inheritable(True)
                Supervisor(listener, config, processes).run(announce)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if not quiet:
            _say(f"Stopped serving {url}")


def prepare_store(config: dict) -> None:
    """Load the seeds into an empty store, then close it so that readers can open it."""
    from webapp import create_app

    app = create_app({**config, "LOAD_SEEDS": True, "TIMELINE_INDEX": "off"})
    app.extensions["kb"].close()


class Supervisor:
    """Starts the serving processes, replaces one that dies, stops them all on SIGTERM/SIGINT."""

    def __init__(self, listener: socket.socket, config: dict, processes: int):
        self.listener = listener
        self.config = {**config, "KB_READ_ONLY": True}
        self.processes = processes
        self.children: list[subprocess.Popen] = []
        self.stopping = threading.Event()

    def _start_child(self) -> subprocess.Popen:
        fd = self.listener.fileno()
        return subprocess.Popen([sys.executable, "-c", CHILD_COMMAND, str(fd), json.dumps(self.config)],
                                pass_fds=(fd,), stdin=subprocess.DEVNULL)

    def _stop(self, *_args) -> None:
        self.stopping.set()

    def run(self, ready=None) -> None:
        """Serve until told to stop; then stop every serving process and return."""
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.children = [self._start_child() for _ in range(self.processes)]
            if ready:
                ready()
            while not self.stopping.wait(0.5):
                for index, child in enumerate(self.children):
                    if child.poll() is not None and not self.stopping.is_set():
                        print(f"kb serve: serving process {child.pid} ended ({child.returncode}); "
                              "starting another", file=sys.stderr, flush=True)
                        time.sleep(0.5)  # a process that cannot start must not spin
                        self.children[index] = self._start_child()
        finally:
            for child in self.children:
                if child.poll() is None:
                    child.terminate()
            for child in self.children:
                try:
                    child.wait(10)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
            self.listener.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def child(argv: list[str]) -> None:
    """The body of a serving process: ``SOCKET_FD CONFIG_JSON``; ends with its supervisor."""
    from waitress.server import create_server

    from webapp import create_app
    from webapp.sparql_workers import exit_with_parent

    fd, config = int(argv[0]), json.loads(argv[1])
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    app = create_app(config)
    listener = socket.socket(fileno=fd)
    _setup_logging(bool(config.get("LOG_QUIET")))
    create_server(app, sockets=[listener], threads=THREADS, ident="negotiation-kb").run()

