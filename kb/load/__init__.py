"""Loading: curation and RDF files into the store, all or nothing (package ``kb.load``).

Owns check-then-write loading (this module), bulk loading through a staging store
(:mod:`kb.load.bulk`), who owns each graph (:mod:`kb.load.ownership`) and the check of typed literals
(:mod:`kb.load.literals`). May import the bottom modules, ``kb.store``, ``kb.curation`` and
``kb.timeline.rows`` (the derived timeline quads it writes beside each event) and ``kb.conflicts``
(the disagreements it derives in the same update); never ``kb.queries``,
``kb.pages``, ``kb.cli`` or the web app.

Loading files into the knowledge base, all or nothing.

Curation files (``*.yaml``) are checked, turned into their source's named graphs and validated
against the SHACL shapes; RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD) are parsed and, up
to :data:`VALIDATE_LIMIT` bytes, validated too. Nothing is written until every file passed; then the
graphs they replace are dropped and the new ones inserted in one step. Loading a source again
replaces its graphs, so nothing is ever duplicated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Variable, parse

from kb.conflicts import conflicts_update
from kb.curation import raise_all, read_files
from kb.curation.catalog import check_together, scan
from kb.curation.validate import check
from kb.errors import CurationError, KBError, ShapeError, term_too_large
from kb.formats import CURATION_SUFFIXES
from kb.formats import LOAD_SUFFIXES as RDF_SUFFIXES
from kb.load import literals
from kb.load.ownership import (
    Claims,
    claims_on,
    file_graph,
    file_owner,
    loader_graphs,
    source_owner,
)
from kb.paths import SEED_TARGETS, SEEDS_DIR, display
from kb.store import KnowledgeBase
from kb.timeline.counts import counts_update, without_counts
from kb.timeline.overview import keep_mark
from kb.timeline.role_counts import role_counts_update
from kb.timeline.rows import DERIVED, index_update, with_timeline
from kb.vocab import RDF, Minter

#: RDF files larger than this are bulk loaded (parsed, not validated against the shapes).
VALIDATE_LIMIT = 20 * 1024 * 1024

Progress = Callable[[int, int], None]
#: Told of each file as a load reaches it: its name as the user would type it, its number, how many.
FileProgress = Callable[[str, int, int], None]


@dataclass
class LoadReport:
    """What a load did: per file, the graphs written and how many quads."""

    files: list[tuple[str, int, int]] = field(default_factory=list)  # (file, graphs, quads)
    warnings: list[str] = field(default_factory=list)

    @property
    def quads(self) -> int:
        """Quads written in all."""
        return sum(count for _, _, count in self.files)


def expand(paths: Iterable[Path], allow_empty: bool = False) -> list[Path]:
    """Files to load: each file as given, each folder's curation and RDF files in name order
    (none at all is an error unless ``allow_empty``)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.iterdir()
                    if child.suffix in CURATION_SUFFIXES or child.suffix in RDF_SUFFIXES
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise CurationError(
                "no such file or folder",
                where=display(path),
                hint="check the path; 'kb load' with no path loads seeds/",
            )
    if not found and not allow_empty:
        raise CurationError(
            "nothing to load",
            where=", ".join(display(p) for p in paths),
            hint="give .yaml curation files or RDF files (.ttl .nt .trig .nq .jsonld)",
        )
    return found


def graphs_of_source(kb: KnowledgeBase, minter: Minter, slug: str) -> list[NamedNode]:
    """The graphs a source already has in the store (its own and its claimants')."""
    main = minter.graph(slug).value
    return [graph for graph in kb.graphs() if graph.value == main or graph.value.startswith(main + "/")]


def read_rdf(path: Path, minter: Minter) -> tuple[list[Quad], set[NamedNode]]:
    """Parse an RDF file into quads; a syntax error names the file, line and column."""
    rdf_format = RDF_SUFFIXES[path.suffix]
    target = (
        None
        if rdf_format in (RdfFormat.TRIG, RdfFormat.N_QUADS, RdfFormat.JSON_LD)
        else file_graph(minter, path)
    )
    try:
        parsed = list(parse(path=str(path), format=rdf_format, base_iri=minter.base))
    except SyntaxError as err:
        raise CurationError(
            f"not valid {rdf_format.name}: {err}",
            where=display(path),
            hint="fix the syntax at that line and column",
        ) from None
    except MemoryError as err:
        raise term_too_large(err, display(path), "split or shorten that term") from None
    except (OSError, ValueError) as err:
        raise CurationError(f"cannot read ({err})", where=display(path)) from None
    quads = []
    own = loader_graphs(minter)
    for item in parsed:
        graph = target or item.graph_name
        if isinstance(graph, DefaultGraph):
            graph = file_graph(minter, path)
        if graph not in own:  # the loader's to write (load records, derived data)
            quads.append(Quad(item.subject, item.predicate, item.object, graph))
    literals.refuse(literals.ill_typed(quads), path, display(path))
    return quads, {quad.graph_name for quad in quads}


def _external_types(kb: KnowledgeBase, refs: set[NamedNode]) -> list[Quad]:
    """The rdf:type triples of entities a file refers to but another file defines."""
    quads = []
    for iri in refs:
        for row in kb.select("SELECT ?s ?t WHERE { ?s a ?t }", substitutions={Variable("s"): iri}):
            quads.append(
                Quad(
                    iri,
                    RDF.type,
                    row["t"],
                    NamedNode("urn:x-kb:context"),
                )
            )
    return quads


def _validate(where: str, quads: list[Quad], context: list[Quad], report: LoadReport) -> None:
    """Check ``quads`` against the shapes; ``context`` only lets references to other files resolve.

    The context's entities were validated when their own file was loaded: results about them (they
    appear here with their types only) are not this file's.
    """
    outside = {quad.subject.value for quad in context}
    violations = [v for v in check(quads + context) if v.focus not in outside]
    errors = [v for v in violations if v.severity == "Violation"]
    report.warnings.extend(f"{where}: {v}" for v in violations if v.severity != "Violation")
    if errors:
        listed = "; ".join(str(v) for v in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise ShapeError(
            f"does not conform to ontology/shapes.ttl: {listed}{more}",
            where=where,
            hint="fix the data, or run 'kb validate' for the full report",
        )


def load(
    kb: KnowledgeBase,
    paths: Iterable[Path] | None = None,
    *,
    minter: Minter | None = None,
    progress: Progress | None = None,
    bulk_over: int | None = None,
    on_file: FileProgress | None = None,
    replace_owned: bool = False,
) -> LoadReport:
    """Load curation and RDF files (default: ``seeds/``), all or nothing.

    An RDF file larger than ``bulk_over`` bytes (default :data:`VALIDATE_LIMIT`) is bulk loaded
    (see :mod:`kb.load.bulk`). A file that would replace a graph another source or file loaded is
    refused unless ``replace_owned`` (see :mod:`kb.load.ownership`).
    """
    minter = minter or Minter()
    bulk_over = VALIDATE_LIMIT if bulk_over is None else bulk_over
    files = expand(list(paths) if paths else [SEEDS_DIR])
    report = LoadReport()
    replace: list[NamedNode] = []
    quads: list[Quad] = []
    bulk: list[Path] = []
    errors: list[KBError] = []
    claims = claims_on(kb, minter, replace_owned=replace_owned)
    curation = [path for path in files if path.suffix in CURATION_SUFFIXES]
    if on_file:
        for number, path in enumerate(curation, start=1):
            on_file(display(path), number, len(files))
    if curation:
        quads.extend(_read_curation_files(kb, curation, minter, report, replace, errors, claims))
    for number, path in enumerate((p for p in files if p not in curation), start=len(curation) + 1):
        if on_file:
            on_file(display(path), number, len(files))
        if path.suffix in RDF_SUFFIXES:
            if path.stat().st_size > bulk_over:
                bulk.append(path)
                continue
            try:
                new, graphs = read_rdf(path, minter)
                claims.claim(graphs, file_owner(path))
                _validate(display(path), [q for q in new if q.predicate not in DERIVED], [], report)
            except CurationError as err:
                errors.append(err)
                continue
            new = without_counts(with_timeline(new, minter))
            replace.extend(graphs)
            report.files.append((display(path), len(graphs), len(new)))
            quads.extend(new)
        else:
            errors.append(
                CurationError(
                    f"unknown kind of file '{path.suffix}'",
                    where=display(path),
                    hint="give .yaml curation files or .ttl .nt .trig .nq .jsonld",
                )
            )
    raise_all(errors)
    if bulk and (quads or len(bulk) > 1):
        raise CurationError(
            "a large RDF file must be loaded on its own",
            where=display(bulk[0]),
            hint="run 'kb load' once for it and once for the other files",
        )
    if bulk:
        return _bulk(kb, bulk[0], minter, report, progress, claims)
    own = loader_graphs(minter)
    replace = list(dict.fromkeys(graph for graph in replace if graph not in own))
    then = [claims.update(dropped=replace), index_update(kb, minter, replace, quads),
            *derivations(kb, minter, replace, quads), keep_mark(kb, minter, quads)]
    kb.replace_graphs(replace, quads, then=" ;\n".join(part for part in then if part))
    _record_load(kb, report)
    return report


def derivations(kb: KnowledgeBase, minter: Minter, replace: list[NamedNode], quads: list[Quad]
                ) -> list[str]:
    """The updates that bring derived data in step with a load that drops ``replace`` and inserts
    ``quads``, to run in the same request (read from the store as it is before the load): the
    events per month and type (:mod:`kb.timeline.counts`), the disagreements between sources
    (:mod:`kb.conflicts`) and the roles per month, actor and role (:mod:`kb.timeline.role_counts`)."""
    return [counts_update(kb, minter, replace, quads), conflicts_update(kb, minter, replace, quads),
            role_counts_update(kb, minter, replace, quads)]


def _load_record(kb: KnowledgeBase) -> Path | None:
    """The note beside an embedded store of its last load (none for a remote store)."""
    return None if kb.remote else Path(f"{kb.location.rstrip('/')}.last-load.json")


def _record_load(kb: KnowledgeBase, report: LoadReport) -> None:
    """Note when the store was last loaded and with which files (for ``kb status``)."""
    record = _load_record(kb)
    if record is None:
        return
    note = {"when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
            "files": [name for name, _, _ in report.files], "quads": report.quads}
    try:
        record.write_text(json.dumps(note))
    except OSError:
        pass  # a note for the operator: the load itself has succeeded


def last_load_record(kb: KnowledgeBase) -> tuple[str, str] | None:
    """When the store was last loaded and what, as text; ``None`` when nobody noted it."""
    record = _load_record(kb)
    try:
        note = json.loads(record.read_text()) if record else None
        files = note["files"]
        what = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        return note["when"], f"{what}: {note['quads']:,} quads"
    except (OSError, ValueError, KeyError, TypeError):
        return None


def seed_if_empty(kb: KnowledgeBase, *, minter: Minter | None = None, progress: Progress | None = None,
                  on_file: FileProgress | None = None) -> LoadReport | None:
    """Load the ontology and seeds (:data:`kb.paths.SEED_TARGETS`) into a store with no graph;
    a store that holds anything is left as it is (``None``)."""
    if kb.has_graphs():
        return None
    return load(kb, list(SEED_TARGETS), minter=minter, progress=progress, on_file=on_file)


def _read_curation_files(
    kb: KnowledgeBase,
    paths: list[Path],
    minter: Minter,
    report: LoadReport,
    replace: list[NamedNode],
    errors: list[KBError],
    claims: Claims,
) -> list[Quad]:
    """Check the curation files of one load together (see :mod:`kb.curation.catalog`); their quads.

    Every error of every file is added to ``errors``; the shapes are checked only for files that
    passed their own checks.
    """
    catalog = scan(paths, minter, kb)
    bundles = read_files(catalog)
    errors.extend(catalog.errors)
    errors.extend(check_together(catalog))
    types: dict[NamedNode, list[Quad]] = {}
    for bundle in bundles:
        for quad in (q for graph_quads in bundle.graphs.values() for q in graph_quads):
            if quad.predicate == RDF.type:
                types.setdefault(quad.subject, []).append(
                    Quad(quad.subject, quad.predicate, quad.object, NamedNode("urn:x-kb:context"))
                )
    quads: list[Quad] = []
    for bundle in bundles:
        errors.extend(bundle.errors)
        if bundle.errors:
            continue
        where = display(bundle.path)
        new = [quad for graph_quads in bundle.graphs.values() for quad in graph_quads]
        from_load = [quad for iri in bundle.external_refs for quad in types.get(iri, [])]
        stored = _external_types(kb, {iri for iri in bundle.external_refs if iri not in types})
        try:
            _validate(where, new, from_load + stored, report)
        except ShapeError as err:
            errors.append(err)
            continue
        new = without_counts(with_timeline(new, minter))
        try:
            claims.claim([*graphs_of_source(kb, minter, bundle.slug), *bundle.graphs],
                         source_owner(bundle.slug, bundle.path))
        except KBError as err:
            errors.append(err)
            continue
        replace.extend(graphs_of_source(kb, minter, bundle.slug))
        replace.extend(bundle.graphs)
        report.files.append((where, len(bundle.graphs), len(new)))
        report.warnings.extend(bundle.warnings)
        quads.extend(new)
    return quads



def _bulk(
    kb: KnowledgeBase, path: Path, minter: Minter, report: LoadReport, progress: Progress | None,
    claims: Claims,
) -> LoadReport:
    """Load one large RDF file, all or nothing (see :mod:`kb.load.bulk`)."""
    from kb.load.bulk import bulk_load_file

    written = bulk_load_file(kb, path, RDF_SUFFIXES[path.suffix], minter, progress, claims)
    report.files.append((display(path), -1, written))
    _record_load(kb, report)
    report.warnings.append(
        f"{display(path)}: bulk loaded; not validated against the shapes (run 'kb validate' to check it)"
    )
    return report
