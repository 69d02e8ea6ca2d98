"""A remote SPARQL 1.1 store: queries over the SPARQL Protocol, loads over the Graph Store Protocol.

``open_kb("http://127.0.0.1:7878")`` gives a :class:`RemoteBackend`. A bare server root follows
Oxigraph's layout (``/query``, ``/update`` and ``/store``); any other SPARQL 1.1 store (Apache Jena
Fuseki, QLever, GraphDB, Virtuoso) is reached by naming its endpoints in the environment:

``KB_STORE_QUERY``   the query endpoint (default ``{root}/query``)
``KB_STORE_GSP``     the Graph Store Protocol endpoint (default ``{root}/store``)
``KB_STORE_UPDATE``  the SPARQL Update endpoint (default ``{root}/update``), used after each load
                     to bring the timeline index in step (:mod:`kb.timeline.rows`)
``KB_STORE_UNION``   how queries see the named graphs as their default graph: ``oxigraph`` (the
                     ``union-default-graph`` parameter; default for a bare root), ``native`` (the
                     store already does so, e.g. GraphDB, Virtuoso, Fuseki with
                     ``tdb2:unionDefaultGraph``) or ``graphs`` (every named graph is listed as a
                     ``default-graph-uri``; works on any store; default when KB_STORE_QUERY is set)

Results are parsed with pyoxigraph, so callers get the same ``QuerySolutions``, ``QueryBoolean``
and ``QueryTriples`` as from the embedded store. Parameters of named queries cannot travel as
pyoxigraph ``substitutions=`` over the protocol: :func:`substitute` rewrites the query instead,
token by token, writing each value in its N-Triples form (escaped by pyoxigraph), never splicing
raw text.

All or nothing, remotely: the Graph Store Protocol replaces one graph per request, and a remote
store offers no transaction across requests. :meth:`RemoteBackend.replace_graphs` therefore
serialises and checks everything before it sends anything, then PUTs each graph (each PUT replaces
its graph atomically) and DELETEs the graphs that are dropped. If a request fails midway, the error
names the graphs already written; loading again converges, because every load replaces whole graphs.
"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    Variable,
    parse,
    parse_query_results,
    serialize,
)

from kb.errors import QueryError, QueryTimeout, StoreError
from kb.formats import RDF, RESULTS
from kb.store.reading import CountingReader, graphs_in

UNION_MODES = ("oxigraph", "native", "graphs")
#: How long the list of graphs sent as ``default-graph-uri`` (union mode ``graphs``) is reused.
GRAPH_LIST_SECONDS = 30.0
#: What the backend asks a remote store for: SPARQL JSON results, or N-Triples for graphs.
ACCEPT = (f"{RESULTS['json'].media_type}, {RDF['ntriples'].media_type};q=0.9, "
          f"{RDF['turtle'].media_type};q=0.8")
USER_AGENT = "negotiation-kb"


class RemoteBackend:
    """A SPARQL 1.1 store over HTTP, with the interface of :class:`kb.store.EmbeddedBackend`."""

    remote = True

    def __init__(self, location: str, *, timeout: float | None = 60.0,
                 environ: dict[str, str] | None = None):
        environ = os.environ if environ is None else environ
        root = location.rstrip("/")
        self.location = location
        self.query_url = environ.get("KB_STORE_QUERY") or f"{root}/query"
        self.gsp_url = environ.get("KB_STORE_GSP") or f"{root}/store"
        self.update_url = environ.get("KB_STORE_UPDATE") or f"{root}/update"
        default_union = "graphs" if environ.get("KB_STORE_QUERY") else "oxigraph"
        self.union_mode = environ.get("KB_STORE_UNION") or default_union
        if self.union_mode not in UNION_MODES:
            raise StoreError(f"unknown KB_STORE_UNION {self.union_mode!r}", where="KB_STORE_UNION",
                             hint=f"use one of: {', '.join(UNION_MODES)}")
        self.timeout = timeout
        self._graph_list: tuple[float, list[NamedNode]] | None = None

    # --- queries -------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions=None, prefixes=None, default_graph=None,
              named_graphs=None, union: bool = True, timeout: float | None = None):
        """Run a query on the remote store; pyoxigraph results (solutions, boolean or triples).

        ``timeout`` (seconds) overrides the backend's own for this query.
        """
        text = substitute(sparql, substitutions) if substitutions else sparql
        if prefixes:
            text = with_prefixes(text, prefixes)
        fields: list[tuple[str, str]] = [("query", text)]
        fields += [("default-graph-uri", _iri(g)) for g in _as_list(default_graph)]
        fields += [("named-graph-uri", _iri(g)) for g in _as_list(named_graphs)]
        if union and default_graph is None and named_graphs is None:
            fields += self._union_fields()
        body, media_type = self._request(
            self.query_url, data=urllib.parse.urlencode(fields).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
            timeout=timeout, what="query")
        return _parse_answer(body, media_type, self.query_url)

    def _union_fields(self) -> list[tuple[str, str]]:
        if self.union_mode == "oxigraph":
            return [("union-default-graph", "")]
        if self.union_mode == "graphs":
            graphs = [graph.value for graph in self._graphs_for_union()]
            return [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        return []

    def _graphs_for_union(self) -> list[NamedNode]:
        """The named graphs, listed at most every :data:`GRAPH_LIST_SECONDS` (and after our writes)."""
        now = time.monotonic()
        if self._graph_list is None or now - self._graph_list[0] > GRAPH_LIST_SECONDS:
            self._graph_list = (now, self.graphs())
        return self._graph_list[1]

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the remote store."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return [row["g"] for row in result if isinstance(row["g"], NamedNode)]

    # --- writes --------------------------------------------------------------------------------

    def replace_graphs(self, replace: Iterable[NamedNode], quads: list[Quad], then: str = "") -> None:
        """Drop the graphs ``replace`` and put ``quads``, one Graph Store request per graph, then
        send the SPARQL update ``then`` to the update endpoint."""
        by_graph: dict[NamedNode | None, list] = {}
        for quad in quads:
            graph = None if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name
            by_graph.setdefault(graph, []).append(quad.triple)
        bodies = {graph: serialize(triples, format=RdfFormat.N_TRIPLES)
                  for graph, triples in by_graph.items()}
        self._graph_list = None
        dropped = [graph for graph in dict.fromkeys(replace) if graph not in bodies]
        done: list[str] = []
        try:
            for graph, body in bodies.items():
                self._request(self._graph_url(graph), data=body, method="PUT",
                              headers={"Content-Type": "application/n-triples"}, what="load")
                done.append(str(graph or "the default graph"))
            for graph in dropped:
                self._request(self._graph_url(graph), method="DELETE", what="load", missing_ok=True)
                done.append(f"dropped {graph}")
            if then:
                self.update(then)
        except StoreError as err:
            written = ", ".join(done) or "nothing"
            raise StoreError(f"{err.message}; already written: {written}", where=err.where,
                             hint="load again: every load replaces whole graphs, so it converges") \
                from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update at the update endpoint (the timeline index's upkeep, see
        :mod:`kb.timeline.rows`)."""
        self._request(self.update_url, data=sparql.encode(), method="POST", what="update",
                      unlimited=True, headers={"Content-Type": "application/sparql-update"})

    def bulk_load(self, path: Path, rdf_format: RdfFormat, to_graph: NamedNode | None,
                  progress=None, replaced: set[NamedNode] | None = None) -> int:
        """Stream a large RDF file to the Graph Store endpoint; the number of lines sent.

        A triples file replaces ``to_graph``; a dataset file first drops the graphs ``replaced`` it
        writes to (default: read from the file). The timeline's upkeep is the loader's
        (:mod:`kb.load.bulk`)."""
        if to_graph is not None:
            url, method, dropped = self._graph_url(to_graph), "PUT", []
        else:
            url, method = self.gsp_url, "POST"
            dropped = sorted(graphs_in(path, rdf_format) if replaced is None else replaced, key=str)
        for graph in dropped:
            self._request(self._graph_url(graph), method="DELETE", what="load", missing_ok=True)
        self._graph_list = None
        reader = CountingReader(path, progress)
        try:
            self._request(url, data=reader, method=method, what="load", unlimited=True,
                          headers={"Content-Type": rdf_format.media_type,
                                   "Content-Length": str(reader.total)})
        finally:
            reader.close()
        self._graph_list = None
        return reader.lines

    def add_quads(self, quads: list[Quad]) -> None:
        """Add ``quads`` to the store (one Graph Store POST of N-Quads); nothing when empty."""
        if quads:
            self._request(self.gsp_url, data=serialize(quads, format=RdfFormat.N_QUADS), method="POST",
                          what="load", unlimited=True,
                          headers={"Content-Type": RdfFormat.N_QUADS.media_type})
            self._graph_list = None

    def _graph_url(self, graph: NamedNode | None) -> str:
        query = "default" if graph is None else urllib.parse.urlencode({"graph": graph.value})
        return f"{self.gsp_url}{'&' if '?' in self.gsp_url else '?'}{query}"

    # --- reading everything --------------------------------------------------------------------

    def dump(self, rdf_format: RdfFormat, from_default: bool = False,
             prefixes: dict[str, str] | None = None) -> bytes:
        """Serialise the remote dataset (each graph fetched by the Graph Store Protocol)."""
        if from_default:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            return serialize(triples, format=rdf_format, prefixes=prefixes)
        quads: list[Quad] = []
        for graph in [None, *self.graphs()]:
            body, media_type = self._request(self._graph_url(graph), what="export",
                                             headers={"Accept": "application/n-triples"},
                                             missing_ok=True)
            if body:
                target = DefaultGraph() if graph is None else graph
                quads += [Quad(t.subject, t.predicate, t.object, target)
                          for t in parse(body, format=_rdf_format(media_type, self.gsp_url))]
        return serialize(quads, format=rdf_format, prefixes=prefixes)

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    # --- HTTP ----------------------------------------------------------------------------------

    def _request(self, url: str, *, data=None, method: str | None = None, headers=None,
                 timeout: float | None = None, unlimited: bool = False, what: str = "query",
                 missing_ok: bool = False) -> tuple[bytes, str]:
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"User-Agent": USER_AGENT, **(headers or {})})
        limit = None if unlimited else (timeout or self.timeout)
        try:
            with urllib.request.urlopen(request, timeout=limit) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            message = err.read().decode("utf-8", "replace").strip() or err.reason
            if missing_ok and err.code == 404:
                return b"", ""
            if what == "query" and "timeout" in message.lower():
                raise QueryTimeout(f"the remote store stopped the query: {message}", where=url,
                                   hint="narrow the query, or raise the store's time limit") from None
            if err.code == 400 and what == "query":
                raise QueryError(f"the remote store refused the query: {message}", where=url,
                                 hint="fix the query at that position") from None
            raise StoreError(f"the remote store answered {err.code} to a {what}: {message}",
                             where=url) from None
        except TimeoutError:
            raise QueryTimeout(f"the remote store did not answer within {limit:g} s", where=url,
                               hint="narrow the query, or raise the time limit") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise QueryTimeout(f"the remote store did not answer within {limit:g} s",
                                   where=url) from None
            raise StoreError(f"cannot reach the remote store ({err.reason})", where=url,
                             hint="is it running? check --store or KB_STORE") from None


def _as_list(graphs) -> list:
    if graphs is None:
        return []
    return list(graphs) if isinstance(graphs, (list, tuple)) else [graphs]


def _iri(graph) -> str:
    return graph.value if isinstance(graph, NamedNode) else str(graph)


def _rdf_format(media_type: str, where: str) -> RdfFormat:
    found = RdfFormat.from_media_type(media_type.split(";")[0].strip() or "application/n-triples")
    if found is None:
        raise StoreError(f"the remote store answered in an unknown format {media_type!r}", where=where)
    return found


def _parse_answer(body: bytes, media_type: str, where: str):
    """Remote results as pyoxigraph's own result types."""
    base = media_type.split(";")[0].strip()
    results_format = QueryResultsFormat.from_media_type(base) if base else None
    try:
        if results_format is not None:
            return parse_query_results(body, results_format)
        graph = Store()
        graph.extend(Quad(t.subject, t.predicate, t.object)
                     for t in parse(body, format=_rdf_format(base, where)))
        return graph.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    except SyntaxError as err:
        raise StoreError(f"the remote store's answer does not parse ({err})", where=where) from None


# --- SPARQL text: prefixes and substitutions ---------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                   |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][\w\u00b7]+)
      | (?P<word>[A-Za-z_\u00c0-\uffff][\w.\-]*(?::[\w.\-:%\\]*)?|:[\w.\-:%\\]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_PROJECTION_END = {"WHERE", "FROM", "{"}
_GROUP_END = {"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES", "}"}
_ORDER_END = {"LIMIT", "OFFSET", "VALUES", "}"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def sparql_tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` tokens of a SPARQL text: strings, IRIs and comments kept whole."""
    return [(match.lastgroup, match.group()) for match in _TOKEN.finditer(text)]


def first_keyword(text: str) -> str | None:
    """The first keyword after the prologue (PREFIX/BASE), upper-cased: SELECT, INSERT, ..."""
    skip = 0
    for kind, token in sparql_tokens(text):
        if kind in ("space", "comment"):
            continue
        if skip:
            skip -= 1
            continue
        upper = token.upper()
        if upper == "PREFIX":
            skip = 2
        elif upper == "BASE":
            skip = 1
        else:
            return upper if kind == "word" else None
    return None


def uses_keyword(text: str, keyword: str) -> bool:
    """True when ``keyword`` occurs as a keyword (not inside a string, IRI or comment)."""
    if keyword.lower() not in text.lower():
        return False
    return any(kind == "word" and token.upper() == keyword for kind, token in sparql_tokens(text))


def with_prefixes(text: str, prefixes: dict[str, str]) -> str:
    """``text`` with PREFIX declarations before it, on its first line (line numbers kept)."""
    declared = {match.lower() for match in re.findall(r"(?i)PREFIX\s+([\w.\-]*):", text)}
    lines = " ".join(f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items()
                     if name.lower() not in declared)
    return f"{lines} {text}" if lines else text


def substitute(text: str, substitutions: dict[Variable, object]) -> str:
    """The query with each substituted variable replaced by its value (SEP-0007 semantics).

    Projected at the top level, ``?v`` becomes ``(VALUE AS ?v)``; a subquery stops projecting it
    (it is a constant there); in GROUP BY and ORDER BY it becomes ``(VALUE)``; ``BOUND(?v)`` becomes
    ``true``; elsewhere ``?v`` becomes ``VALUE``. A query that binds the variable itself (``AS ?v``,
    ``VALUES ?v``) cannot be rewritten and raises :class:`QueryError`.
    """
    values = {variable.value: str(term) for variable, term in substitutions.items()}
    tokens = sparql_tokens(text)
    out: list[str] = []
    braces = 0
    clause = None  # "projection", "group", "order" or None
    clause_parens = 0
    projection_kept = 0
    i = 0

    def significant(start: int, step: int) -> tuple[int, str]:
        j = start
        while 0 <= j < len(tokens) and tokens[j][0] in ("space", "comment"):
            j += step
        return (j, tokens[j][1]) if 0 <= j < len(tokens) else (j, "")

    while i < len(tokens):
        kind, token = tokens[i]
        upper = token.upper() if kind in ("word", "other") else ""
        if clause == "projection" and clause_parens == 0 and upper in _PROJECTION_END:
            if projection_kept == 0 and braces > 0:
                raise QueryError("a subquery projects only substituted parameters",
                                 hint="project another variable in the subquery too")
            clause = None
        elif clause == "group" and clause_parens == 0 and upper in _GROUP_END:
            clause = None
        elif clause == "order" and clause_parens == 0 and upper in _ORDER_END:
            clause = None
        if upper == "SELECT":
            clause, clause_parens, projection_kept = "projection", 0, 0
        elif upper in ("GROUP", "ORDER"):
            following, word = significant(i + 1, 1)
            if word.upper() == "BY":
                out.extend(t for _, t in tokens[i:following + 1])
                clause, clause_parens = upper.lower(), 0
                i = following + 1
                continue
        elif upper == "(" and clause:
            clause_parens += 1
            if clause == "projection" and clause_parens == 1:
                projection_kept += 1
        elif upper == ")" and clause:
            clause_parens -= 1
        elif upper == "{":
            braces += 1
        elif upper == "}":
            braces -= 1
        elif upper == "BOUND":
            opening, paren = significant(i + 1, 1)
            variable, name = significant(opening + 1, 1)
            closing, close = significant(variable + 1, 1)
            if paren == "(" and name[1:] in values and close == ")":
                out.append("true")
                i = closing + 1
                continue
        elif clause == "projection" and clause_parens == 0 and (token == "*" or (
                kind == "var" and token[1:] not in values)):
            projection_kept += 1
        if kind == "var" and token[1:] in values:
            value = values[token[1:]]
            _, before = significant(i - 1, -1)
            if before.upper() in ("AS", "VALUES") or _in_values_header(tokens, i):
                raise QueryError(f"cannot substitute ?{token[1:]}: the query binds it itself",
                                 hint="remove its AS or VALUES, or do not pass it as a parameter")
            if clause == "projection" and clause_parens == 0:
                out.append(f"({value} AS {token})" if braces == 0 else "")
            elif clause in ("group", "order") and clause_parens == 0:
                out.append(f"({value})")
            else:
                out.append(value)
        else:
            out.append(token)
        i += 1
    return "".join(out)


def _in_values_header(tokens: list[tuple[str, str]], index: int) -> bool:
    """True when the variable at ``index`` sits in ``VALUES ( ?a ?b )``."""
    j = index - 1
    while j >= 0 and (tokens[j][0] in ("space", "comment", "var") or tokens[j][1] == "("):
        if tokens[j][1] == "(":
            k = j - 1
            while k >= 0 and tokens[k][0] in ("space", "comment"):
                k -= 1
            return k >= 0 and tokens[k][1].upper() == "VALUES"
        j -= 1
    return False
