"""One query and its answer: the job, running it on a backend, cutting and writing the answer.

Runs in a worker process (:mod:`webapp.sparql.process`) or, over a remote store, in the web app.
"""

from __future__ import annotations

import dataclasses
import re
import time
from dataclasses import dataclass, field

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

from kb.errors import KBError, NotAcceptable, QueryError, UpdateRefused
from kb.formats import GRAPH_FORMATS, RESULT_FORMATS, Format
from kb.sparql_text import UPDATE_KEYWORDS, check, first_keyword, uses_service
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
    #: The service's base IRI: relative IRIs in a query without BASE resolve against it.
    base: str | None = None


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
                                union=not graphs, base_iri=job.base, **graphs)
        answer = shape(results, job)
    except SparqlSyntaxError:
        raise
    except KBError as err:
        if backend.remote:  # the remote store's own address is not the client's business
            err.where = None
        if not isinstance(err, QueryError):
            raise
        if err.message.startswith("SPARQL syntax error") or (
                backend.remote and _POSITION.search(err.message)):
            raise syntax_error(job.sparql, err.message) from None
        raise
    except (OSError, RuntimeError, ValueError) as err:
        if job.allow_service and uses_service(job.sparql):  # never pass on what another host said
            raise QueryError("the query failed while calling another endpoint (SERVICE)",
                             hint="check that endpoint yourself") from None
        raise QueryError(f"the query failed: {first_line(err)}") from None
    return dataclasses.replace(answer, elapsed=time.perf_counter() - started)


def graph_iri(text: str, parameter: str = "default-graph-uri") -> NamedNode:
    """The graph named by a protocol parameter, or a 400 naming the parameter."""
    try:
        return NamedNode(text)
    except ValueError as err:
        raise QueryError(f"{text[:200]!r} is not an IRI ({err})", where=f"parameter '{parameter}'",
                         hint="give an absolute IRI such as https://example.org/graph") from None


def first_line(error: BaseException) -> str:
    """The first line of an error's text, at most 300 characters."""
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
