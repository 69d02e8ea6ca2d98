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
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
    serialize,
)

from kb.errors import QueryError, QueryTimeout, StoreError
from kb.formats import RDF, RESULTS
from kb.sparql_text import has_base, names_dataset, scope_graph_variables, substitute, with_prefixes
from kb.store.reading import CountingReader, graphs_in
from kb.vocab import GENERATION, STORE_NODE

UNION_MODES = ("oxigraph", "native", "graphs")
#: How long the list of graphs sent as ``default-graph-uri`` (union mode ``graphs``) is reused.
GRAPH_LIST_SECONDS = 30.0
#: How long reading the load generation may take (a busy store is asked again a second later).
GENERATION_SECONDS = 2.0
#: Graphs dropped by one SPARQL update before a bulk load.
DROP_BATCH = 500
#: Derived quads sent by one Graph Store POST (:meth:`RemoteBackend.add_quads`).
ADD_BATCH = 200_000
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
        #: Asked of the Graph Store endpoint for a bulk load: Oxigraph's server (the bare-root layout)
        #: then loads without a transaction (its bulk loader); other stores get the plain request.
        self.bulk_parameter = "" if environ.get("KB_STORE_GSP") else "no_transaction"
        self._graph_list: tuple[float, list[NamedNode]] | None = None

    @contextmanager
    def without_time_limit(self):
        """The backend's own time limit lifted while the block runs: what ``kb load`` and ``kb
        reindex`` read and rewrite to derive the timeline grows with the store (at 1M events single
        requests took 4-7 minutes on a busy machine), so the loader waits as long as the store takes
        (the store's own limits still apply; Ctrl-C stops it). The web app keeps its limit."""
        kept, self.timeout = self.timeout, None
        try:
            yield self
        finally:
            self.timeout = kept

    # --- queries -------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions=None, prefixes=None, default_graph=None,
              named_graphs=None, union: bool = True, timeout: float | None = None,
              base_iri: str | None = None):
        """Run a query on the remote store; pyoxigraph results (solutions, boolean or triples).

        ``timeout`` (seconds) overrides the backend's own for this query. The dataset and the base
        are as for the embedded store: the union of the named graphs unless the request or the
        query names a dataset; relative IRIs against ``base_iri`` unless the query has a BASE.
        What this adds before the user's text goes on its first line, and an error's position is
        given back in the user's own lines and columns.
        """
        text = substitute(sparql, substitutions) if substitutions else sparql
        scoped = scope_graph_variables(text)  # Oxigraph drops ?g in GRAPH ?g { { SELECT } }
        rewritten = scoped is not text or bool(substitutions)
        text = with_prefixes(scoped, prefixes) if prefixes else scoped
        if base_iri and not has_base(sparql):
            text = f"BASE <{base_iri}> {text}"
        added = len(text) - len(scoped)  # all on the first line, before the user's text
        fields: list[tuple[str, str]] = [("query", text)]
        fields += [("default-graph-uri", _iri(g)) for g in _as_list(default_graph)]
        fields += [("named-graph-uri", _iri(g)) for g in _as_list(named_graphs)]
        if union and default_graph is None and named_graphs is None and not names_dataset(sparql):
            fields += self._union_fields()
        try:
            body, media_type = self._request(
                self.query_url, data=urllib.parse.urlencode(fields).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
                timeout=timeout, what="query")
        except QueryError as err:
            if not rewritten and added:
                err.message = user_position(err.message, added)
                err.args = (err.message,)
            raise
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
        """The named graphs in the remote store (``GRAPH ?g {}`` lists them without reading any
        quad: thousands of graphs of millions of quads in milliseconds, not a scan)."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }", union=False)
        return [row["g"] for row in result if isinstance(row["g"], NamedNode)]

    def has_graphs(self) -> bool:
        """True when the store holds any named graph."""
        return bool(self.query("ASK { GRAPH ?g {} }", union=False))

    # --- the load generation -------------------------------------------------------------------

    def generation(self) -> str | None:
        """The store's load generation (:data:`kb.vocab.GENERATION`, rewritten by every load made
        through ``kb``): one triple of the default graph, read by one small request."""
        rows = self.query(f"SELECT ?stamp WHERE {{ {STORE_NODE} {GENERATION} ?stamp }}", union=False,
                          timeout=GENERATION_SECONDS)
        stamps = sorted(row["stamp"].value for row in rows)
        return stamps[-1] if stamps else None

    @staticmethod
    def stamp_update() -> str:
        """The SPARQL update that gives the store a new load generation."""
        stamp = Literal(f"{time.time_ns()} {os.getpid()} {uuid.uuid4().hex[:8]}")
        return (f"DELETE WHERE {{ {STORE_NODE} {GENERATION} ?old }} ;\n"
                f"INSERT DATA {{ {STORE_NODE} {GENERATION} {stamp} }}")

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
            self.update(f"{then} ;\n{self.stamp_update()}" if then else self.stamp_update())
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

        The graphs the file replaces (``to_graph`` for a triples file, else ``replaced``, default:
        read from the file) that the store holds are dropped first, :data:`DROP_BATCH` to an update;
        then the file goes in one streamed request (constant memory), which Oxigraph's server is
        asked to load without a transaction (``no_transaction``: its bulk loader). Neither atomic
        nor isolated: a failure midway leaves part of the file in the store (the error says so).
        The timeline's upkeep is the loader's (:mod:`kb.load.bulk`)."""
        if to_graph is not None:
            dropped = [to_graph]
        else:
            dropped = sorted(graphs_in(path, rdf_format) if replaced is None else replaced, key=str)
        existing = set(self.graphs())
        self.drop([graph for graph in dropped if graph in existing])
        url = self._graph_url(to_graph) if to_graph is not None else self.gsp_url
        if self.bulk_parameter:
            url += ("&" if "?" in url else "?") + self.bulk_parameter
        reader = CountingReader(path, progress)
        try:
            self._request(url, data=reader, method="POST", what="load", unlimited=True,
                          headers={"Content-Type": rdf_format.media_type,
                                   "Content-Length": str(reader.total)})
        except StoreError as err:
            raise StoreError(f"{err.message}; the store may hold part of the file", where=err.where,
                             hint="load the file again: it replaces the same graphs") from None
        finally:
            reader.close()
            self._graph_list = None
        return reader.lines

    def drop(self, graphs: list[NamedNode]) -> None:
        """Drop ``graphs``, :data:`DROP_BATCH` to an update."""
        for start in range(0, len(graphs), DROP_BATCH):
            batch = graphs[start:start + DROP_BATCH]
            self.update(" ;\n".join(f"DROP SILENT GRAPH {graph}" for graph in batch))
        self._graph_list = None

    def add_quads(self, quads: list[Quad]) -> None:
        """Add derived ``quads`` to the store, :data:`ADD_BATCH` a Graph Store POST of N-Quads (nothing
        when empty). Oxigraph's server is asked for its bulk loader, as for :meth:`bulk_load` (a
        million quads in one transaction took minutes): a failure midway leaves part of them, which
        ``kb reindex`` derives again."""
        url = self.gsp_url
        if self.bulk_parameter:
            url += ("&" if "?" in url else "?") + self.bulk_parameter
        for start in range(0, len(quads), ADD_BATCH):
            self._request(url, data=serialize(quads[start:start + ADD_BATCH], format=RdfFormat.N_QUADS),
                          method="POST", what="load", unlimited=True,
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
            triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?p != {GENERATION}) }}")
            return serialize(triples, format=rdf_format, prefixes=prefixes)
        quads: list[Quad] = []
        for graph in [None, *self.graphs()]:
            body, media_type = self._request(self._graph_url(graph), what="export",
                                             headers={"Accept": "application/n-triples"},
                                             missing_ok=True)
            if body:
                target = DefaultGraph() if graph is None else graph
                quads += [Quad(t.subject, t.predicate, t.object, target)
                          for t in parse(body, format=_rdf_format(media_type, self.gsp_url))
                          if t.predicate != GENERATION]  # the loader's bookkeeping, not data
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


_ERROR_AT = re.compile(r"(error at |line )1([:, ]+(?:column )?)(\d+)")


def user_position(message: str, added: int) -> str:
    """A parser's message about a text that had ``added`` characters put before its first line,
    with the position on that line given back in the user's columns."""
    def back(match: re.Match) -> str:
        column = max(1, int(match[3]) - added)
        return f"{match[1]}1{match[2]}{column}"

    return _ERROR_AT.sub(back, message)
