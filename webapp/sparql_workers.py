"""Running SPARQL queries for the web app: bounded in time and in rows, serialised to a format.

pyoxigraph cannot interrupt a running query (oxigraph issue 1926), so a time limit enforced in the
web app's own process would only stop *waiting* for a runaway query, not the query. Queries from
``/sparql`` and the query page therefore run in a small pool of worker processes (each a fresh
``python -c`` importing this module, so nothing of the web app's threads or open store is inherited
by a fork), each holding the store open read-only (``Store.read_only``: no lock, a snapshot as of
opening; the web app writes nothing while it serves). Jobs and replies travel as pickles over two
pipes. A worker runs the query, cuts it at the row limit and serialises it to the negotiated
format; the web app sends the bytes on. When the time
limit passes, the web app kills that worker (SIGKILL: it writes nothing, so nothing can be left
half-done) and starts a fresh one; the other workers go on answering meanwhile.

Over a remote store (``KB_STORE=http://...``) there is nothing local to kill: the query is sent with
an HTTP timeout, and a store with its own limit (``oxigraph serve --timeout-s``) stops the work.

Row limit: results are first written as TSV (SELECT) or N-Triples (CONSTRUCT/DESCRIBE), one row
or triple a line, by pyoxigraph's own serialiser into a writer that stops it after ``row_limit``
lines; only those lines are parsed again and written in the format asked for.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    parse,
    parse_query_results,
    serialize,
)

from kb.errors import KBError, NotAcceptable, QueryError, QueryTimeout, StoreError, UpdateRefused
from kb.formats import GRAPH_FORMATS, RESULT_FORMATS, Format
from kb.sparql_guard import check, uses_service, with_deep_stack
from kb.store.remote import UPDATE_KEYWORDS, first_keyword
from kb.vocab import PREFIXES

_POSITION = re.compile(r"error at (\d+):(\d+)")


class SparqlSyntaxError(QueryError):
    """A query that does not parse; carries the parser's position (1-based line and column)."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 where: str | None = None, hint: str | None = None):
        super().__init__(message, where=where, hint=hint)
        self.line = line
        self.column = column

    def to_json(self) -> dict:
        """The JSON error shape, with the parser's position."""
        return {**super().to_json(), "line": self.line, "column": self.column}


@dataclass(frozen=True)
class Job:
    """One query to run: its text, dataset, bound parameters, the formats negotiated, limits."""

    sparql: str
    result_format: str | None = "json"
    graph_format: str | None = "turtle"
    row_limit: int = 10000
    prefixes: dict | None = None
    substitutions: dict | None = None
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    allow_service: bool = False


@dataclass(frozen=True)
class CallJob:
    """A ``kb`` function to run in a worker under the time limit: ``module:function``, called with
    the worker's knowledge base and ``arguments``; its (picklable) result is the answer."""

    function: str
    arguments: dict


def call(kb, job: CallJob):
    """Run ``job``'s function over ``kb`` (only functions of the ``kb`` package)."""
    import importlib

    module, _, name = job.function.partition(":")
    if module.split(".")[0] != "kb":
        raise QueryError(f"{job.function} is not a kb function")
    return getattr(importlib.import_module(module), name)(kb, **job.arguments)


@dataclass(frozen=True)
class Answer:
    """A serialised answer: bytes in ``format`` of a ``form`` (select, ask or graph) result."""

    body: bytes
    format_name: str
    form: str
    rows: int
    truncated: bool = False
    elapsed: float = field(default=0.0, compare=False)

    @property
    def format(self) -> Format:
        """The :class:`Format` the body is written in."""
        return (GRAPH_FORMATS if self.form == "graph" else RESULT_FORMATS)[self.format_name]


def not_acceptable(form: str) -> NotAcceptable:
    """The 406 error, naming the formats on offer for this kind of result (``any``: all of them)."""
    offered = {"graph": GRAPH_FORMATS, "any": {**RESULT_FORMATS, **GRAPH_FORMATS}}.get(form, RESULT_FORMATS)
    names = ", ".join(f"{f.media_type} (format={f.name})" for f in offered.values())
    kind = {"graph": "CONSTRUCT and DESCRIBE results", "any": "any result"}.get(
        form, "SELECT and ASK results")
    return NotAcceptable(f"none of the formats in the Accept header can carry {kind}",
                         hint=f"accept one of: {names}")


def syntax_error(sparql: str, message: str) -> QueryError:
    """A parser message as a 400 error with its position; an update gets the read-only refusal."""
    if first_keyword(sparql) in UPDATE_KEYWORDS:
        return UpdateRefused("updates are refused: this endpoint is read-only",
                             hint="send SELECT, ASK, CONSTRUCT or DESCRIBE queries only")
    message = " ".join(message.removeprefix("SPARQL syntax error: ").split())  # one line
    if len(message) > 300:
        message = message[:299] + "…"
    match = _POSITION.search(message)
    line, column = (int(match[1]), int(match[2])) if match else (None, None)
    return SparqlSyntaxError(f"SPARQL syntax error: {message}", line=line, column=column,
                             hint="fix the query at that line and column")


# --- running one query -------------------------------------------------------------------------

def execute(backend, job: Job) -> Answer:
    """Run ``job`` on a backend (embedded or remote) and serialise its answer."""
    started = time.perf_counter()
    check(job.sparql, allow_service=job.allow_service)
    graphs = {name: [graph_iri(iri, parameter) for iri in value]
              for name, parameter, value in (("default_graph", "default-graph-uri", job.default_graph),
                                             ("named_graphs", "named-graph-uri", job.named_graphs))
              if value is not None}
    try:
        results = backend.query(job.sparql, prefixes=job.prefixes, substitutions=job.substitutions,
                                union=not graphs, **graphs)
        answer = shape(results, job)
    except SparqlSyntaxError:
        raise
    except QueryError as err:
        if err.message.startswith("SPARQL syntax error") or (
                backend.remote and _POSITION.search(err.message)):
            raise syntax_error(job.sparql, err.message) from None
        raise
    except (OSError, RuntimeError, ValueError) as err:
        if job.allow_service and uses_service(job.sparql):  # never pass on what another host said
            raise QueryError("the query failed while calling another endpoint (SERVICE)",
                             hint="check that endpoint yourself") from None
        raise QueryError(f"the query failed: {_first_line(err)}") from None
    return dataclasses.replace(answer, elapsed=time.perf_counter() - started)


def graph_iri(text: str, parameter: str = "default-graph-uri") -> NamedNode:
    """The graph named by a protocol parameter, or a 400 naming the parameter."""
    try:
        return NamedNode(text)
    except ValueError as err:
        raise QueryError(f"{text[:200]!r} is not an IRI ({err})", where=f"parameter '{parameter}'",
                         hint="give an absolute IRI such as https://example.org/graph") from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else type(error).__name__


def shape(results, job: Job) -> Answer:
    """Cut ``results`` at the row limit and write them in the format negotiated for their form."""
    if isinstance(results, QueryBoolean):
        chosen = _chosen(RESULT_FORMATS, job.result_format, "ask")
        return Answer(results.serialize(format=chosen.oxigraph), chosen.name, "ask", 1)
    if isinstance(results, QuerySolutions):
        chosen = _chosen(RESULT_FORMATS, job.result_format, "select")
        lines = _FirstLines(job.row_limit + 1)  # the header line, then one line a row
        tsv = lines.take(lambda out: results.serialize(out, QueryResultsFormat.TSV))
        body = tsv if chosen.name == "tsv" else \
            parse_query_results(tsv, QueryResultsFormat.TSV).serialize(format=chosen.oxigraph)
        if lines.more and chosen.name == "json" and body.endswith(b"}"):
            body = body[:-1] + b',"truncated":true,"row_limit":%d}' % job.row_limit
        return Answer(body, chosen.name, "select", max(lines.seen - 1, 0), lines.more)
    chosen = _chosen(GRAPH_FORMATS, job.graph_format, "graph")
    lines = _FirstLines(job.row_limit)
    ntriples = lines.take(lambda out: results.serialize(out, RdfFormat.N_TRIPLES))
    if chosen.name == "ntriples":
        body = ntriples
    else:
        triples = (quad.triple for quad in parse(ntriples, format=RdfFormat.N_TRIPLES))
        prefixes = PREFIXES if chosen.name in ("turtle", "rdfxml") else None
        body = serialize(triples, format=chosen.oxigraph, prefixes=prefixes)
    return Answer(body, chosen.name, "graph", lines.seen, lines.more)


def _chosen(formats: dict[str, Format], name: str | None, form: str) -> Format:
    if name is None:
        raise not_acceptable("graph" if form == "graph" else "select")
    return formats[name]


class _Enough(Exception):
    """Raised inside a serialiser's write to stop it once enough lines are written."""


class _FirstLines:
    """A binary writer that keeps the first ``wanted`` lines and stops the serialiser after them."""

    def __init__(self, wanted: int):
        self.wanted = wanted
        self.seen = 0
        self.more = False
        self.parts: list[bytes] = []

    def write(self, chunk) -> int:
        chunk = bytes(chunk)
        room = self.wanted - self.seen
        count = chunk.count(b"\n")
        if count < room or (count == room and chunk.endswith(b"\n")):
            self.parts.append(chunk)
            self.seen += count
            return len(chunk)
        end = -1
        for _ in range(room):
            end = chunk.index(b"\n", end + 1)
        self.parts.append(chunk[:end + 1])
        self.seen = self.wanted
        if len(chunk) > end + 1:
            self.more = True
            raise _Enough
        return len(chunk)

    def flush(self) -> None:
        """Nothing buffered here."""

    def take(self, serialise) -> bytes:
        """Run ``serialise(self)`` and return the lines kept."""
        try:
            serialise(self)
        except _Enough:
            pass
        return b"".join(self.parts)


# --- the pool of worker processes --------------------------------------------------------------

def _worker_main(conn, location: str) -> None:
    """A worker: open the store read-only, then answer jobs until the pipe closes."""
    from kb.store import EmbeddedBackend

    try:
        backend = EmbeddedBackend(Path(location), read_only=True)
        failure = None
    except KBError as err:
        backend, failure = None, err
    try:
        conn.send(("ready", None))  # the pool hands out a worker only once it can answer
    except OSError:
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if failure is not None:
                raise failure
            if isinstance(job, CallJob):
                from kb.store import KnowledgeBase

                reply = ("ok", call(KnowledgeBase(backend, location), job))
            else:
                reply = ("ok", execute(backend, job))
        except KBError as err:
            reply = ("error", _pack(err))
        except Exception as err:  # whatever the engine raises, the worker lives on
            reply = ("error", _pack(QueryError(f"the query failed: {_first_line(err)}")))
        try:
            conn.send(reply)
        except OSError:
            return


#: What a worker process runs: its pipes' file descriptors and the store come as arguments.
WORKER_COMMAND = "import sys; from webapp.sparql_workers import worker_process; worker_process(sys.argv[1:])"


def worker_process(argv: list[str]) -> None:
    """The body of a worker process: ``JOBS_FD REPLIES_FD STORE_DIRECTORY``."""
    jobs_fd, replies_fd, location = argv
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    # the engine recurses: run it on a large stack, so that no query can overflow it
    with_deep_stack(_worker_main, _Duplex(Connection(int(jobs_fd), writable=False),
                                          Connection(int(replies_fd), readable=False)), location)


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


def _pack(err: KBError) -> dict:
    return {"kind": type(err).__name__, "message": err.message, "where": err.where,
            "hint": err.hint, "line": getattr(err, "line", None),
            "column": getattr(err, "column", None)}


_ERRORS = {cls.__name__: cls for cls in (QueryError, UpdateRefused, QueryTimeout, StoreError,
                                         NotAcceptable, KBError)}


def _unpack(packed: dict) -> KBError:
    if packed["kind"] == "SparqlSyntaxError":
        return SparqlSyntaxError(packed["message"], line=packed["line"], column=packed["column"],
                                 where=packed["where"], hint=packed["hint"])
    cls = _ERRORS.get(packed["kind"], KBError)
    return cls(packed["message"], where=packed["where"], hint=packed["hint"])


class _Worker:
    """One worker process (a fresh interpreter, not a fork) and the parent's ends of its pipes."""

    def __init__(self, location: str):
        jobs_read, jobs_write = os.pipe()
        replies_read, replies_write = os.pipe()
        _widen(replies_write)
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", WORKER_COMMAND, str(jobs_read), str(replies_write), location],
            pass_fds=(jobs_read, replies_write), stdin=subprocess.DEVNULL, close_fds=True)
        os.close(jobs_read)
        os.close(replies_write)
        self.jobs = Connection(jobs_write, readable=False)
        self.replies = Connection(replies_read, writable=False)
        self.stopping = threading.Lock()

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


#: Seconds a worker may take to start (open the store) before it is replaced.
STARTUP_SECONDS = 60.0


class WorkerPool:
    """A pool of query worker processes over one store directory; started on first use."""

    def __init__(self, location: str | os.PathLike, size: int = 2):
        self.location = str(location)
        self.size = max(1, size)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
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
        worker = _Worker(self.location)
        self._workers.add(worker)
        threading.Thread(target=self._when_ready, args=(worker,), name="kb-sparql-start",
                         daemon=True).start()

    def _when_ready(self, worker: _Worker) -> None:
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

    def _replace(self, worker: _Worker) -> None:
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
            raise _unpack(payload)
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


# --- the service the views use -----------------------------------------------------------------

class QueryService:
    """Runs jobs with the app's time limit: in the worker pool, or on the remote store.

    Over the embedded store, answers of up to :data:`CACHE_ENTRY_LIMIT` bytes are kept in a small
    LRU cache (``cache_bytes``; 0 turns it off): the store does not change while the app serves and
    the workers see a snapshot anyway, so a repeated query gets the same bytes without a round trip
    to a worker. Jobs with bound parameters and remote stores (which others may write) are not cached.
    """

    def __init__(self, kb, timeout: float, workers: int = 2, cache_bytes: int = 32 * 1024 * 1024):
        self.kb = kb
        self.timeout = timeout
        self.pool = None if kb.remote else WorkerPool(kb.backend.path, workers)
        self.cache = AnswerCache(cache_bytes) if cache_bytes > 0 and self.pool is not None else None

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, or a :class:`KBError` (400, 406, 503 ...)."""
        if self.pool is None:
            return execute(_RemoteWithTimeout(self.kb.backend, self.timeout), job)
        key = _cache_key(job) if self.cache is not None else None
        if key is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
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


#: Answers larger than this are not cached.
CACHE_ENTRY_LIMIT = 256 * 1024


def _cache_key(job: Job) -> tuple | None:
    if job.substitutions:
        return None
    prefixes = tuple(sorted(job.prefixes.items())) if job.prefixes else None
    return (job.sparql, job.result_format, job.graph_format, job.row_limit, prefixes,
            job.default_graph, job.named_graphs, job.allow_service)


class AnswerCache:
    """A thread-safe LRU cache of answers, bounded in bytes."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Answer | None:
        """The answer kept for ``key``, if any (and mark it recently used)."""
        with self._lock:
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
            return answer

    def put(self, key: tuple, answer: Answer) -> None:
        """Keep ``answer`` unless it is too large; forget the least recently used past the bound."""
        if len(answer.body) > min(CACHE_ENTRY_LIMIT, self.max_bytes):
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= len(previous.body)
            self._entries[key] = answer
            self.size += len(answer.body)
            while self.size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self.size = 0


class _RemoteWithTimeout:
    """A remote backend whose queries carry the app's time limit as their HTTP timeout."""

    remote = True

    def __init__(self, backend, timeout: float):
        self.backend = backend
        self.timeout = timeout

    def query(self, sparql: str, **options):
        return self.backend.query(sparql, timeout=self.timeout, **options)

