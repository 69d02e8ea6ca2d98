"""The store: the backend interface every higher layer uses (package ``kb.store``).

Owns :class:`KnowledgeBase` (queries, whole-graph writes, dumps) over one of two backends,
:class:`EmbeddedBackend` (pyoxigraph on disk, here) and :class:`kb.store.remote.RemoteBackend` (SPARQL
protocol), the crash-safe swap of a store directory (:mod:`kb.store.swap`), and reading a data file
as a stream (:mod:`kb.store.reading`). May import only the bottom modules (``kb.vocab``,
``kb.dates``, ``kb.errors``, ``kb.formats``, ``kb.paths``, ``kb.sparql_text``); named queries, loading and
the timeline are built on it (``kb.queries``, ``kb.load``, ``kb.timeline``), never the reverse.

Opening the knowledge base (embedded on disk, or a remote SPARQL 1.1 store), loading, dumping.

``open_kb(location)`` gives a :class:`KnowledgeBase`. ``location`` is a directory for the embedded
Oxigraph store, or an ``http(s)://`` URL of a remote store; ``None`` means ``KB_STORE`` from the
environment, else ``./data/store``.

Every write replaces whole named graphs in one step: on the embedded store one SPARQL update (one
transaction), so a failure leaves the store exactly as it was; a large RDF file is bulk loaded into a
staging store that replaces the live one only when everything succeeded (see :mod:`kb.load.bulk`).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    serialize,
)

from kb.errors import QueryError, StoreError
from kb.formats import DATASET_FORMATS, DUMP_FORMATS
from kb.paths import is_remote
from kb.serving import server_of
from kb.sparql_text import names_dataset, scope_graph_variables, substitute
from kb.store import swap

DEFAULT_LOCATION = "data/store"


def default_location() -> str:
    """``KB_STORE`` from the environment, else ``data/store`` in the working directory."""
    return os.environ.get("KB_STORE") or DEFAULT_LOCATION


def open_kb(location: str | os.PathLike | None = None, *, read_only: bool = False) -> KnowledgeBase:
    """Open the knowledge base at ``location`` (directory or URL; default :func:`default_location`)."""
    location = str(location or default_location())
    if is_remote(location):
        from kb.store.remote import RemoteBackend

        return KnowledgeBase(RemoteBackend(location), location)
    return KnowledgeBase(EmbeddedBackend(Path(location), read_only=read_only), location)


def holds_data(location: str | os.PathLike) -> bool:
    """True when the store at ``location`` holds any named graph; an embedded store is looked at
    read-only, so that the look neither waits for a lock nor changes the store's generation.
    Call it before this process opens the store (the probe of RocksDB's lock is per process)."""
    location = str(location)
    if not is_remote(location):
        if not swap.holds_a_store(Path(location)):
            return False
        _refuse_if_in_use(Path(location))
    with open_kb(location, read_only=not is_remote(location)) as kb:
        return kb.has_graphs()


def _refuse_if_in_use(path: Path) -> None:
    """The error a read-write open gives when another process holds the store (RocksDB's lock on
    its ``LOCK`` file), found without opening it: readers must not start beside a writer."""
    try:
        with (path / "LOCK").open("a+b") as handle:
            fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.lockf(handle.fileno(), fcntl.LOCK_UN)
    except BlockingIOError:
        server = server_of(str(path))
        holder = f"kb serve (process {server['pid']} at {server['url']})" if server else "another process"
        raise StoreError(f"the store is in use by {holder}", where=str(path),
                         hint="stop it, or give another --store") from None
    except OSError:
        pass  # a read-only medium: nobody writes there


def generation_file(path: str | os.PathLike) -> Path:
    """The file in a store directory that changes each time a writer has closed the store (the
    store's own files keep RocksDB's names; a directory swapped in by a bulk load has none yet,
    which readers see as a change too)."""
    return Path(path) / "kb.generation"


def mark_changed(path: str | os.PathLike) -> None:
    """Record (atomically) that the store at ``path`` was written and closed."""
    marker = generation_file(path)
    partial = marker.with_name(f"{marker.name}.{os.getpid()}.tmp")
    try:
        partial.write_text(f"{time.time_ns()} {os.getpid()}\n", encoding="utf-8")
        os.replace(partial, marker)
    except OSError:  # a store on a read-only medium: nobody can have written it
        partial.unlink(missing_ok=True)


def generation(path: str | os.PathLike) -> tuple[int, int, int] | None:
    """What the store's generation file says now (``None`` when it has none)."""
    try:
        stat = generation_file(path).stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def quads_as_update(replace: Iterable[NamedNode], quads: Iterable[Quad]) -> str:
    """One SPARQL update that drops ``replace`` and inserts ``quads`` (terms as N-Triples)."""
    parts = [f"DROP SILENT GRAPH {graph}" for graph in replace]
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)
        by_graph.setdefault(graph, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    for graph, triples in by_graph.items():
        body = "\n".join(triples)
        parts.append(
            f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}" if graph else f"INSERT DATA {{\n{body}\n}}"
        )
    return " ;\n".join(parts)


class EmbeddedBackend:
    """An Oxigraph store on disk, through pyoxigraph."""

    remote = False

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self.store = self._open()

    def _open(self) -> Store:
        """Open the store, first finishing or undoing a swap a killed load left (:mod:`kb.store.swap`).

        A store that was created here and is gone is an error, never a fresh empty store.
        """
        with swap.locked(self.path, required=not self.read_only) as held:
            if held:
                swap.recover(self.path)
            present = swap.holds_a_store(self.path)
            if not present and swap.marker_of(self.path).exists():
                raise swap.gone_error(self.path)
            if self.read_only and not present:
                raise StoreError("there is no store here", where=str(self.path),
                                 hint="create it with 'kb load', or give the right --store")
            store = self._open_store()
            if not self.read_only:
                swap.mark_created(self.path)
                swap.remove_unfinished_staging(self.path)
            return store

    def _open_store(self) -> Store:
        try:
            if self.read_only:
                return Store.read_only(str(self.path))
            self.path.mkdir(parents=True, exist_ok=True)
            return Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                server = server_of(str(self.path))
                holder = (f"kb serve (process {server['pid']} at {server['url']})" if server
                          else "another process")
                raise StoreError(
                    f"the store is in use by {holder}",
                    where=str(self.path),
                    hint="stop it, or serve with '--processes 2' (its serving processes read the store "
                         "and take up each load), or give another --store",
                ) from None
            raise StoreError(f"cannot open the store ({err})", where=str(self.path)) from None

    def query(
        self,
        sparql: str,
        *,
        substitutions=None,
        prefixes=None,
        default_graph=None,
        named_graphs=None,
        union: bool = True,
        base_iri: str | None = None,
    ):
        """Run a SPARQL query; pyoxigraph results (solutions, boolean or triples).

        The default graph is the union of the named graphs unless the request (``default_graph``,
        ``named_graphs``) or the query itself (``FROM``, ``FROM NAMED``) names a dataset; relative
        IRIs resolve against ``base_iri`` unless the query has its own ``BASE``.

        Values of ``substitutions`` are written into the text as terms (:func:`kb.remote.substitute`,
        token by token, each value escaped by pyoxigraph) rather than passed as pyoxigraph's
        ``substitutions=``: Oxigraph plans a query before it sees those, so a given source or place
        was still found by scanning every event (582 ms instead of 1.5 ms at 100k events). A
        subquery inside ``GRAPH ?g`` is made to keep ``?g`` (:mod:`kb.sparql_text`)."""
        if substitutions:
            sparql = substitute(sparql, substitutions)
        options = dict(prefixes=prefixes,
                       use_default_graph_as_union=union and default_graph is None and named_graphs is None
                       and not names_dataset(sparql),
                       default_graph=default_graph, named_graphs=named_graphs, base_iri=base_iri)
        try:
            scoped = scope_graph_variables(sparql)
            if scoped is not sparql:
                try:
                    return self.store.query(scoped, **options)
                except SyntaxError:
                    pass  # the user's own text gives the error, at the user's line and column
            return self.store.query(sparql, **options)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}", hint="fix the query at that position") from None
        except (RuntimeError, ValueError) as err:
            raise QueryError(str(err)) from None

    def replace_graphs(self, replace: Iterable[NamedNode], quads: list[Quad], then: str = "") -> None:
        """Drop the graphs ``replace``, add ``quads`` and run the update ``then``, in one transaction."""
        if self.read_only:
            raise StoreError("the store is open read-only", where=str(self.path))
        update = quads_as_update(list(replace), quads)
        self.store.update(f"{update} ;\n{then}" if then and update else then or update)
        self.store.flush()

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the store."""
        return [graph for graph in self.store.named_graphs() if isinstance(graph, NamedNode)]

    def has_graphs(self) -> bool:
        """True when the store holds any named graph."""
        return next(iter(self.store.named_graphs()), None) is not None

    def generation(self) -> str | None:
        """The store's load generation: what its generation file says now (:func:`generation`)."""
        stamp = generation(self.path)
        return None if stamp is None else " ".join(map(str, stamp))

    def dump(self, rdf_format: RdfFormat, from_default: bool = False, output=None,
             prefixes: dict[str, str] | None = None) -> bytes | None:
        """Serialise the whole dataset (or, for triple formats, the union of its graphs), declaring
        ``prefixes`` where the format has them; written to the binary writer ``output`` as it goes
        (constant memory) when one is given."""
        if not from_default:
            return self.store.dump(output, format=rdf_format, prefixes=prefixes)
        triples = self.store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
        )
        return serialize(triples, output, format=rdf_format, prefixes=prefixes)

    def close(self) -> None:
        """Flush and release the store (and its lock); after a read-write session, mark the store
        changed (:func:`mark_changed`) so that the processes serving it open it again."""
        if not self.read_only:
            self.store.flush()
        del self.store
        if not self.read_only:
            mark_changed(self.path)


#: Requests a remote store is sent at once by :meth:`KnowledgeBase.together`.
CONCURRENT_QUERIES = 8


class KnowledgeBase:
    """The knowledge base, whichever store holds it. ``kb/`` code talks to this only."""

    def __init__(self, backend, location: str):
        self.backend = backend
        self.location = location

    @property
    def remote(self) -> bool:
        """True when the data lives in a remote SPARQL store."""
        return self.backend.remote

    def query(
        self,
        sparql: str,
        *,
        substitutions=None,
        prefixes=None,
        default_graph=None,
        named_graphs=None,
        union: bool = True,
        base_iri: str | None = None,
    ):
        """Run a SPARQL query and return pyoxigraph results (dataset and base as
        :meth:`EmbeddedBackend.query` says)."""
        return self.backend.query(
            sparql,
            substitutions=substitutions,
            prefixes=prefixes,
            default_graph=default_graph,
            named_graphs=named_graphs,
            union=union,
            base_iri=base_iri,
        )

    def select(self, sparql: str, substitutions=None, prefixes=None) -> list[dict]:
        """Run a SELECT; each row a dict of variable name -> pyoxigraph term (unbound left out)."""
        solutions = self.query(sparql, substitutions=substitutions, prefixes=prefixes)
        if not isinstance(solutions, QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [variable.value for variable in solutions.variables]
        # Reading a solution by position is about 4x cheaper than by name.
        return [
            {name: term for name, term in zip(names, solution, strict=True) if term is not None}
            for solution in solutions
        ]

    def together(self, *calls: Callable[[], Any]) -> list[Any]:
        """The results of ``calls`` (functions of no argument that query this knowledge base), in
        order. Over a remote store they run at once (up to :data:`CONCURRENT_QUERIES` in flight): a
        page's independent parts then cost about one round trip each instead of one after the
        other. The embedded store runs them in turn (in process a query costs no round trip, and
        threads would only contend for the interpreter's lock)."""
        if not self.remote or len(calls) < 2:
            return [call() for call in calls]
        with ThreadPoolExecutor(max_workers=min(CONCURRENT_QUERIES, len(calls))) as pool:
            return [future.result() for future in [pool.submit(call) for call in calls]]

    def ask(self, sparql: str, substitutions=None) -> bool:
        """Run an ASK query."""
        result = self.query(sparql, substitutions=substitutions)
        if not isinstance(result, QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def contains(self, iri: NamedNode) -> bool:
        """True when ``iri`` is the subject of some triple in any graph."""
        from pyoxigraph import Variable

        return self.ask("ASK { ?s ?p ?o }", substitutions={Variable("s"): iri})

    def replace_graphs(self, replace: Iterable[NamedNode], quads: list[Quad], then: str = "") -> None:
        """Replace named graphs by new quads, then run the SPARQL update ``then`` (all or nothing
        on the embedded store)."""
        self.backend.replace_graphs(list(replace), quads, then)

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the store."""
        return self.backend.graphs()

    def has_graphs(self) -> bool:
        """True when the store holds any named graph (one cheap question, whatever the size)."""
        return self.backend.has_graphs()

    def generation(self) -> str | None:
        """What changes each time a load has written the store, read cheaply (on the embedded
        store its generation file, on a remote store one triple every ``kb`` load rewrites);
        ``None`` when nothing was ever recorded."""
        return self.backend.generation()

    def dump(self, name: str, output=None, prefixes: dict[str, str] | None = None) -> bytes | None:
        """The whole knowledge base in format ``name`` (see :data:`DUMP_FORMATS`), with ``prefixes``
        declared where the format has them (Turtle, TriG, RDF/XML); with ``output`` (a binary writer)
        written there instead, streamed from an embedded store."""
        if name not in DUMP_FORMATS:
            raise QueryError(f"unknown format {name!r}", hint=f"use one of: {', '.join(DUMP_FORMATS)}")
        from_default = name not in DATASET_FORMATS
        if output is not None and self.remote:
            output.write(self.backend.dump(DUMP_FORMATS[name], from_default=from_default,
                                           prefixes=prefixes))
            return None
        if output is None:
            return self.backend.dump(DUMP_FORMATS[name], from_default=from_default, prefixes=prefixes)
        return self.backend.dump(DUMP_FORMATS[name], from_default=from_default, output=output,
                                 prefixes=prefixes)

    def count(self) -> int:
        """How many quads the store holds."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value) if rows else 0

    def close(self) -> None:
        """Release the store."""
        self.backend.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

