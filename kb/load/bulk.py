"""Loading a large RDF file fast and still all or nothing: build aside, then swap.

``Store.bulk_load`` is pyoxigraph's fastest path but is neither atomic nor isolated, so it never
writes into the live store. Instead it loads the file into a fresh staging store, then copies in the
live store's quads outside the graphs the file brings (nothing when the file replaces everything).
The timeline index (:mod:`kb.timeline.rows`) a file brings is kept only when the file is the whole store
(nothing kept, its rows and digests complete); otherwise it is rebuilt in the staging store from the
digests. The staging store is compacted and, only when all of that succeeded, renamed into place;
on any error it is deleted and the live store is untouched.

Removing the replaced graphs from a checkpoint of the live store instead (``Store.backup``, then
``remove_graph``) costs about 20 us a removed quad in transactions held in memory: reloading a
100k-event file (1.9M quads, 8k graphs) took 75 s and 2.6 GB against 24 s and 1.4 GB for the first
load. Copying what is kept costs only what is kept (see benchmarks/kb_scale.py).
"""

from __future__ import annotations

import shutil
import traceback
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store

from kb.conflicts import conflicts_graph, derive_all
from kb.errors import CurationError, KBError, StoreError, term_too_large
from kb.formats import TRIPLE_FORMATS
from kb.load import literals
from kb.load.ownership import Claims, claims_on, file_graph, file_owner, loads_graph
from kb.paths import display
from kb.store.reading import CountingReader, graphs_in
from kb.store.swap import remove_unfinished_staging, staging_of, swap_in
from kb.timeline.counts import rebuild_counts, recount
from kb.timeline.overview import mark_complete
from kb.timeline.role_counts import rebuild_role_counts, recount_roles
from kb.timeline.rows import (
    derive_in_store,
    derived_quads,
    event_quads,
    has_index,
    index_graph,
    mid_day_quads,
    mid_days_missing,
    missing_in,
    periods_of,
    rebuild_index,
    recount_batches,
    reindex,
    rows_of,
)
from kb.timeline.rows import has_counts as has_event_counts
from kb.vocab import KBO, Minter

#: Periods of the timeline index rewritten by one update on a remote store.
REMOTE_REINDEX_BATCH = 64
#: Graphs whose events one request reads from a remote store when their timeline rows are derived.
REMOTE_READ_BATCH = 2000


def _kept(live: Store, replaced: set[NamedNode], empty: list):
    """The live store's quads outside the ``replaced`` graphs; its empty graphs go to ``empty``."""
    yield from live.quads_for_pattern(None, None, None, DefaultGraph())
    for graph in live.named_graphs():
        if graph in replaced:
            continue
        quads = live.quads_for_pattern(None, None, None, graph)
        first = next(quads, None)
        if first is None:
            empty.append(graph)
            continue
        yield first
        yield from quads


class _Counted:
    """An iterator of quads that counts what went through it."""

    def __init__(self, quads):
        self.quads = quads
        self.count = 0

    def __iter__(self):
        for quad in self.quads:
            self.count += 1
            yield quad


def bulk_load_file(kb, path: Path, rdf_format: RdfFormat, minter: Minter, progress=None,
                   claims: Claims | None = None) -> int:
    """Load ``path`` into the knowledge base all or nothing; the number of lines read.

    ``claims`` (default: the store's records, nothing taken over) refuses a graph another source
    owns and records this file as the owner of what it writes (:mod:`kb.load.ownership`).
    """
    to_graph = file_graph(minter, path) if rdf_format in TRIPLE_FORMATS else None
    claims = claims or claims_on(kb, minter)
    if kb.remote:
        return _remote_load(kb, path, rdf_format, to_graph, minter, progress, claims)
    backend = kb.backend
    live: Path = backend.path
    staging = staging_of(live)
    remove_unfinished_staging(live)
    reader = CountingReader(path, progress)
    try:
        _build(backend.store, staging, reader, rdf_format, to_graph, minter, path, claims)
    except BaseException as err:  # whatever stopped the build, no staging store is left behind
        traceback.clear_frames(err.__traceback__)  # closes the staging store the frames hold
        shutil.rmtree(staging, ignore_errors=True)
        raise _as_kb_error(err, path, rdf_format) from None
    finally:
        reader.close()
    swap_in(live, backend.close)
    backend.store = backend._open()
    return reader.lines


def _remote_load(kb, path: Path, rdf_format: RdfFormat, to_graph: NamedNode | None, minter: Minter,
                 progress, claims: Claims) -> int:
    """Load ``path`` into a remote store: the file read once first (a syntax error stops the load
    before anything is sent), its graphs dropped and the file streamed (:meth:`RemoteBackend.bulk_load`),
    its timeline rows derived when it came without, the index rewritten a few periods an update,
    then the ownership records and a new load generation in one update."""
    backend = kb.backend
    try:
        named = graphs_in(path, rdf_format, base_iri=minter.base)
    except SyntaxError as err:
        raise _as_kb_error(err, path, rdf_format) from None
    graphs = {to_graph} if to_graph is not None else named
    claims.claim(graphs, file_owner(path))
    lines = backend.bulk_load(path, rdf_format, to_graph, progress, replaced=graphs)
    if graphs:
        derive_remote(backend, minter, graphs)
    backend.update(" ;\n".join(part for part in (claims.update(), backend.stamp_update()) if part))
    return lines


def derive_remote(backend, minter: Minter, graphs: set[NamedNode] | None = None) -> None:
    """Bring a remote store's derived data in step with its claims: the timeline rows (or only
    their middle days) of ``graphs`` (of every graph when ``None``) where they are missing, then the
    whole index, month counts, disagreements and timeline counts, a few periods an update (no update
    holds them all). The last step of a remote bulk load, and of ``kb reindex``; its requests wait
    as long as the store takes (:meth:`kb.store.remote.RemoteBackend.without_time_limit`)."""
    with backend.without_time_limit():
        _derive_remote(backend, minter, graphs)


def _derive_remote(backend, minter: Minter, graphs: set[NamedNode] | None) -> None:
    if missing_in(backend):  # events came without their timeline rows
        for batch in _graph_batches(backend, graphs):
            backend.add_quads(derived_quads(rows_of(event_quads(backend, batch)), minter))
    elif mid_days_missing(backend):  # rows written before there were counts
        for batch in _graph_batches(backend, graphs):
            backend.add_quads(list(mid_day_quads(backend, batch)))
    indexed = backend.query(f"SELECT DISTINCT ?period WHERE {{ GRAPH {index_graph(minter)} "
                            f"{{ ?period <{KBO.timelineIndex.value}> ?lines }} }}", union=False)
    listed = sorted(periods_of(backend) | {row[0] for row in indexed}, key=str)
    for start in range(0, len(listed), REMOTE_REINDEX_BATCH):
        backend.update(reindex(minter, listed[start:start + REMOTE_REINDEX_BATCH]))
    backend.update(recount(minter))
    backend.update(recount_roles(minter))
    backend.update(f"DROP SILENT GRAPH {conflicts_graph(minter)}")
    backend.add_quads(derive_all(backend, minter))
    for update in recount_batches(backend, minter):  # the timeline counts, a few months an update
        backend.update(update)
    mark_complete(backend, minter)


def _graph_batches(backend, graphs: set[NamedNode] | None) -> Iterator[list[NamedNode]]:
    """``graphs`` (every graph of the store when ``None``), :data:`REMOTE_READ_BATCH` a list: what one
    request reads of a remote store, so that no request grows with the whole store (one reading every
    event of a million timed out)."""
    listed = sorted(backend.graphs() if graphs is None else graphs, key=str)
    for start in range(0, len(listed), REMOTE_READ_BATCH):
        yield listed[start:start + REMOTE_READ_BATCH]


def _build(live: Store, staging: Path, reader: CountingReader, rdf_format: RdfFormat,
           to_graph: NamedNode | None, minter: Minter, path: Path, claims: Claims) -> None:
    """Build the new store at ``staging``: the file, the live store's other graphs, the index."""
    fresh = Store(str(staging))
    target = {"to_graph": to_graph} if to_graph else {}
    fresh.bulk_load(input=reader, format=rdf_format, base_iri=minter.base, **target)
    literals.refuse(literals.ill_typed_in(fresh), path, display(path))
    derived = missing_in(fresh)
    if derived:  # a file written elsewhere: derive its timeline rows and digests
        derive_in_store(fresh, minter)
    elif mid_days_missing(fresh):  # rows written before there were counts: their middle days
        derived = True
        fresh.bulk_extend(list(mid_day_quads(fresh)))
    loads = loads_graph(minter)
    fresh.remove_graph(loads)  # load records are the loader's to write (kb.load.ownership)
    replaced = {to_graph} if to_graph else {
        graph for graph in fresh.named_graphs() if isinstance(graph, NamedNode)}
    claims.claim(replaced, file_owner(path))
    empty: list = []
    kept = _Counted(_kept(live, replaced, empty))
    fresh.bulk_extend(kept)
    for graph in empty:
        fresh.add_graph(graph)
    fresh.update(claims.update())
    derive_conflicts(fresh, minter)
    if derived or kept.count or not has_index(fresh, minter) or not has_event_counts(fresh, minter):
        rebuild_index(fresh, minter)
    rebuild_counts(fresh, minter)  # the file's events and the kept graphs' together
    mark_complete(fresh, minter)
    rebuild_role_counts(fresh, minter)
    fresh.optimize()
    fresh.flush()
    del fresh


def derive_conflicts(store: Store, minter: Minter) -> int:
    """Rewrite the disagreements between sources of a staging ``store`` from all its claims
    (:mod:`kb.conflicts`); the number of quads written."""
    graph = conflicts_graph(minter)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    quads = derive_all(store, minter)
    store.bulk_extend(quads)
    return len(quads)


def _as_kb_error(err: BaseException, path: Path, rdf_format: RdfFormat) -> BaseException:
    """The one-line error for a failed build (a KBError passes; an interrupt stays one)."""
    if isinstance(err, KBError) or not isinstance(err, Exception):
        return err
    if isinstance(err, SyntaxError):
        return CurationError(f"not valid {rdf_format.name}: {err}", where=display(path),
                             hint="fix the syntax there; the store was not changed")
    if isinstance(err, MemoryError):
        return term_too_large(err, display(path), "split or shorten that term; the store was not changed")
    if isinstance(err, OSError):
        return StoreError(f"bulk load failed ({err})", where=display(path),
                          hint="the store was not changed")
    return StoreError(f"bulk load failed ({type(err).__name__}: {err})", where=display(path),
                      hint="the store was not changed")

