"""``kb serve``: the web app under waitress, over the embedded store (seeds loaded on first start).

One Python process answers about 2,000 trivial requests a second at most, whatever the number of
cores: Flask, waitress and the hand-over to a query worker all hold the interpreter's lock. With
``processes`` above one, this process (the *supervisor*) prepares the store (loads the seeds into an
empty one, then closes it), opens the listening socket, and starts that many serving processes
that share the socket: the kernel hands each new connection to one of them. Each serving process
is a fresh interpreter (not a fork) that builds its own app over the store opened read-only
(``Store.read_only``: no lock, a snapshot of the store as it was when it opened; opened again
after a ``kb load``, see :mod:`webapp.state`), with its own timeline index and slow lane of query
workers. The fast lane's workers are the supervisor's, shared by every serving process
(:mod:`webapp.sparql.shared`), so that no request waits for its own process's workers while
another's are free.
The supervisor starts a new one when one dies, and stops them all when it is stopped.
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

from kb.errors import KBError

#: What a serving process runs; its socket's file descriptor and its config come as arguments.
CHILD_COMMAND = "import sys; from webapp.server import child; child(sys.argv[1:])"
#: Threads each waitress process answers with. Most of them wait on a query worker (a heavy query
#: holds its thread while it waits in the slow or the heavy lane's line, up to the time limit), so
#: there are three times as many as one line holds (:class:`webapp.sparql.service.Lanes`): a cheap
#: request never waits for a thread behind heavy ones; an idle thread costs little (it waits on a
#: lock).
THREADS = 48
#: Connections each serving process holds at most (more wait in the listening backlog).
CONNECTION_LIMIT = 1000
#: Seconds a client may take to send one whole request (headers and body) before it is cut off
#: (the environment variable KB_REQUEST_SECONDS changes it).
REQUEST_SECONDS = 20
#: Seconds a kept-alive connection may stay idle between requests.
IDLE_SECONDS = 15
#: How often (seconds) slow and idle connections are looked for.
SWEEP_SECONDS = 2
#: What waitress is told, besides the app and where to listen.
WAITRESS_OPTIONS = {"threads": THREADS, "ident": "negotiation-kb", "connection_limit": CONNECTION_LIMIT,
                    "channel_timeout": IDLE_SECONDS, "cleanup_interval": SWEEP_SECONDS,
                    "backlog": 1024, "asyncore_use_poll": True}


def make_server(app, **where):
    """A waitress server for ``app`` (``host``/``port`` or ``sockets``), slow clients cut off.

    Waitress reads requests in one event loop, so a client that sends its headers a byte at a
    time holds no thread; but it holds a connection, and waitress only cuts connections that are
    *idle* (``channel_timeout``). A sweep also cuts a connection whose request is still arriving
    :data:`REQUEST_SECONDS` after it began, so trickling clients cannot fill the connection limit.
    """
    from waitress.server import BaseWSGIServer, create_server

    server = create_server(app, **WAITRESS_OPTIONS, **where)
    servers = [server] if isinstance(server, BaseWSGIServer) else \
        [s for s in getattr(server, "map", {}).values() if isinstance(s, BaseWSGIServer)]
    for one in servers:
        one.maintenance = _sweeper(one, one.maintenance)
    return server


def _sweeper(server, idle_sweep):
    limit = float(os.environ.get("KB_REQUEST_SECONDS") or REQUEST_SECONDS)

    def maintenance(now: float) -> None:
        idle_sweep(now)
        for channel in list(server.active_channels.values()):
            request = channel.request  # a request still arriving (none while served or idle)
            if request is None or channel.requests:
                continue
            if getattr(channel, "kb_arriving", (None,))[0] is not request:
                channel.kb_arriving = (request, now)
            elif now - channel.kb_arriving[1] > limit:
                channel.will_close = True

    return maintenance


def default_processes() -> int:
    """Serving processes by default: one per core, two at most (the query workers need cores too)."""
    return max(1, min(2, os.cpu_count() or 1))


def _config(store: str, query_timeout: float, row_limit: int, base: str | None,
            access_log: bool = False) -> dict:
    config = {"KB_STORE": store, "QUERY_TIMEOUT": query_timeout, "ROW_LIMIT": row_limit,
              "ACCESS_LOG": access_log, "TIMELINE_CACHE": timeline_cache()}
    if base:
        config["KB_BASE"] = base
    return config


def timeline_cache() -> str:
    """The folder where serving processes keep their timeline index between starts, one file per
    store, load generation and base IRI: ``KB_CACHE_DIR``, else ``~/.cache/negotiation-kb``."""
    folder = os.environ.get("KB_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache",
                                                            "negotiation-kb")
    return os.path.join(folder, "timeline")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _interrupt(*_args) -> None:
    raise KeyboardInterrupt


def _setup_logging(quiet: bool = False) -> None:
    """Log lines on stderr in the one style of the project's messages (``Warning: ...``).

    Waitress warns of its task queue's depth whenever all its threads are busy: a fact of load,
    nothing an operator can act on from here, so only its errors show."""

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
          quiet: bool = False, prepared: bool = False) -> None:
    """Build the app and serve it with waitress until interrupted; say when it starts and stops
    (``prepared``: the caller has already seeded an empty store, as ``kb serve`` does)."""
    from kb.serving import serving
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
                server = make_server(app, host=host, port=port)
                announce()
                server.run()
            else:
                if not prepared:
                    prepare_store(config)
                listener = socket.create_server((host, port), backlog=1024)
                listener.set_inheritable(True)
                Supervisor(listener, config, processes, lane=shared_lane(config, processes)).run(announce)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if not quiet:
            _say(f"Stopped serving {url}")


def prepare_store(config: dict) -> None:
    """Load the seeds into an empty store, then close it so that readers can open it.

    A store that holds data is only looked at (read-only, one cheap question), so that starting
    the server neither reads much nor changes the store's generation (which would make every
    serving process build its timeline index afresh instead of reading the one kept on disk).
    """
    from kb.load import seed_if_empty
    from kb.store import holds_data, open_kb
    from kb.vocab import Minter, default_base

    store = str(config["KB_STORE"])
    if holds_data(store):
        return
    with open_kb(store) as kb:
        seed_if_empty(kb, minter=Minter((config.get("KB_BASE") or default_base()).rstrip("/") + "/"))


def shared_lane(config: dict, processes: int):
    """The fast lane of query workers every serving process shares (:mod:`webapp.sparql.shared`),
    as many workers as ``processes`` lanes of ``SPARQL_WORKERS`` would hold; ``None`` over a remote
    store (it bounds its own queries)."""
    from kb.paths import is_remote
    from webapp.sparql.service import lanes_from
    from webapp.sparql.shared import LaneHost

    if is_remote(str(config["KB_STORE"])):
        return None
    lanes = lanes_from(config, os.environ)
    return LaneHost(str(config["KB_STORE"]), lanes.fast_workers * processes, memory_mb=lanes.worker_mb,
                    max_answers=lanes.recycle_answers, max_rss_mb=lanes.recycle_mb,
                    max_demoted=lanes.demoted_workers, demoted_nice=lanes.slow_nice)


class Supervisor:
    """Starts the serving processes, replaces one that dies, stops them all on SIGTERM/SIGINT.

    A process that dies within :data:`QUICK_FAILURE_SECONDS` of its start is a failure to start:
    the next start waits twice as long as the last (from half a second), and after
    :data:`MAX_QUICK_FAILURES` in a row the supervisor stops everything and raises a
    :class:`KBError` that says so (the CLI prints it on one line, exit status 1).
    """

    def __init__(self, listener: socket.socket, config: dict, processes: int,
                 command: str = CHILD_COMMAND, lane=None):
        self.listener = listener
        self.lane = lane
        self.config = {**config, "KB_READ_ONLY": True}
        if lane is not None:
            self.config["SPARQL_SHARED_LANE"] = lane.describe()
        self.processes = processes
        self.command = command
        self.children: list[subprocess.Popen] = []
        self.started: list[float] = []
        self.stopping = threading.Event()
        self.quick_failures = 0

    def _start_child(self) -> subprocess.Popen:
        fd = self.listener.fileno()
        # -P: the working directory is not put on the import path, so a folder named like one of
        # our packages there cannot shadow the installed one
        shared = self.lane.inherited() if self.lane is not None else ()
        return subprocess.Popen([sys.executable, "-P", "-c", self.command, str(fd),
                                 json.dumps(self.config)],
                                pass_fds=(fd, *shared), stdin=subprocess.DEVNULL)

    def _stop(self, *_args) -> None:
        self.stopping.set()

    def run(self, ready=None) -> None:
        """Serve until told to stop; then stop every serving process and return."""
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            if self.lane is not None:
                self.lane.start()
            self.children = [self._start_child() for _ in range(self.processes)]
            self.started = [time.monotonic()] * self.processes
            if ready:
                ready()
            while not self.stopping.wait(0.5):
                for index, child in enumerate(self.children):
                    if child.poll() is not None and not self.stopping.is_set():
                        self._restart(index, child)
        finally:
            self._stop_children()
            if self.lane is not None:
                self.lane.close()
            self.listener.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _restart(self, index: int, child: subprocess.Popen) -> None:
        quick = time.monotonic() - self.started[index] < QUICK_FAILURE_SECONDS
        self.quick_failures = self.quick_failures + 1 if quick else 0
        if self.quick_failures >= MAX_QUICK_FAILURES:
            raise KBError(f"kb serve: the serving processes failed {self.quick_failures} times in a row "
                          f"as they started (last exit status {child.returncode})",
                          hint="read the messages above; check the store and the installation")
        delay = 0.5 * 2 ** max(0, self.quick_failures - 1) if quick else 0.5
        print(f"kb serve: serving process {child.pid} ended ({child.returncode}); starting another "
              f"in {delay:g} s", file=sys.stderr, flush=True)
        if self.stopping.wait(delay):
            return
        self.children[index] = self._start_child()
        self.started[index] = time.monotonic()

    def _stop_children(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.terminate()
        for child in self.children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


#: A serving process that ends sooner than this after its start failed to start.
QUICK_FAILURE_SECONDS = 10.0
#: Failures to start in a row after which ``kb serve`` gives up.
MAX_QUICK_FAILURES = 5


def child(argv: list[str]) -> None:
    """The body of a serving process: ``SOCKET_FD CONFIG_JSON``; ends with its supervisor."""
    from webapp import create_app
    from webapp.sparql.process import exit_with_parent

    fd, config = int(argv[0]), json.loads(argv[1])
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    app = create_app(config)
    listener = socket.socket(fileno=fd)
    _setup_logging(bool(config.get("LOG_QUIET")))
    make_server(app, sockets=[listener]).run()

