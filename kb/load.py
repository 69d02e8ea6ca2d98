"""Loading files into the knowledge base, all or nothing.

Curation files (``*.yaml``) are checked, turned into their source's named graphs and validated
against the SHACL shapes; RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD) are parsed and, up
to :data:`VALIDATE_LIMIT` bytes, validated too. Nothing is written until every file passed; then the
graphs they replace are dropped and the new ones inserted in one step. Loading a source again
replaces its graphs, so nothing is ever duplicated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Variable, parse

from kb.curation import SourceBundle, read_curation
from kb.digest import DERIVED, index_graph, index_update, with_timeline
from kb.errors import CurationError, ShapeError
from kb.paths import SEEDS_DIR, display
from kb.store import KnowledgeBase
from kb.validate import check
from kb.vocab import Minter, is_slug

CURATION_SUFFIXES = {".yaml", ".yml"}
RDF_SUFFIXES = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".trig": RdfFormat.TRIG,
    ".nq": RdfFormat.N_QUADS,
    ".jsonld": RdfFormat.JSON_LD,
}
#: RDF files larger than this are bulk loaded (parsed, not validated against the shapes).
VALIDATE_LIMIT = 20 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass
class LoadReport:
    """What a load did: per file, the graphs written and how many quads."""

    files: list[tuple[str, int, int]] = field(default_factory=list)  # (file, graphs, quads)
    warnings: list[str] = field(default_factory=list)

    @property
    def quads(self) -> int:
        """Quads written in all."""
        return sum(count for _, _, count in self.files)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to load: each file as given, each folder's curation and RDF files in name order."""
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
    if not found:
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


def file_graph(minter: Minter, path: Path) -> NamedNode:
    """The graph a triples-only RDF file (Turtle, N-Triples) is loaded into."""
    stem = path.stem.lower()
    slug = stem if is_slug(stem) else "".join(ch if ch.isalnum() else "-" for ch in stem).strip("-")
    return minter.graph(f"file-{slug or 'data'}")


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
    except (OSError, ValueError) as err:
        raise CurationError(f"cannot read ({err})", where=display(path)) from None
    quads = []
    for item in parsed:
        graph = target or item.graph_name
        if isinstance(graph, DefaultGraph):
            graph = file_graph(minter, path)
        quads.append(Quad(item.subject, item.predicate, item.object, graph))
    return quads, {quad.graph_name for quad in quads}


def _external_types(kb: KnowledgeBase, refs: set[NamedNode]) -> list[Quad]:
    """The rdf:type triples of entities a file refers to but another file defines."""
    quads = []
    for iri in refs:
        for row in kb.select("SELECT ?s ?t WHERE { ?s a ?t }", substitutions={Variable("s"): iri}):
            quads.append(
                Quad(
                    iri,
                    NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
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
) -> LoadReport:
    """Load curation and RDF files (default: ``seeds/``), all or nothing.

    An RDF file larger than ``bulk_over`` bytes (default :data:`VALIDATE_LIMIT`) is bulk loaded
    (see :mod:`kb.bulk`).
    """
    minter = minter or Minter()
    bulk_over = VALIDATE_LIMIT if bulk_over is None else bulk_over
    files = expand(list(paths) if paths else [SEEDS_DIR])
    report = LoadReport()
    replace: list[NamedNode] = []
    quads: list[Quad] = []
    bulk: list[Path] = []
    for path in files:
        if path.suffix in CURATION_SUFFIXES:
            bundle: SourceBundle = read_curation(path, minter, kb.contains)
            new = [quad for graph_quads in bundle.graphs.values() for quad in graph_quads]
            _validate(display(path), new, _external_types(kb, bundle.external_refs), report)
            new = with_timeline(new, minter)
            replace.extend(graphs_of_source(kb, minter, bundle.slug))
            replace.extend(bundle.graphs)
            report.files.append((display(path), len(bundle.graphs), len(new)))
            report.warnings.extend(bundle.warnings)
            quads.extend(new)
        elif path.suffix in RDF_SUFFIXES:
            if path.stat().st_size > bulk_over:
                bulk.append(path)
                continue
            new, graphs = read_rdf(path, minter)
            _validate(display(path), [q for q in new if q.predicate not in DERIVED], [], report)
            new = with_timeline(new, minter)
            replace.extend(graphs)
            report.files.append((display(path), len(graphs), len(new)))
            quads.extend(new)
        else:
            raise CurationError(
                f"unknown kind of file '{path.suffix}'",
                where=display(path),
                hint="give .yaml curation files or .ttl .nt .trig .nq .jsonld",
            )
    if bulk and (quads or len(bulk) > 1):
        raise CurationError(
            "a large RDF file must be loaded on its own",
            where=display(bulk[0]),
            hint="run 'kb load' once for it and once for the other files",
        )
    if bulk:
        return _bulk(kb, bulk[0], minter, report, progress)
    replace = list(dict.fromkeys(graph for graph in replace if graph != index_graph(minter)))
    kb.replace_graphs(replace, quads, then=index_update(kb, minter, replace, quads))
    return report


def _bulk(
    kb: KnowledgeBase, path: Path, minter: Minter, report: LoadReport, progress: Progress | None
) -> LoadReport:
    """Load one large RDF file, all or nothing (see :mod:`kb.bulk`)."""
    from kb.bulk import bulk_load_file

    written = bulk_load_file(kb, path, RDF_SUFFIXES[path.suffix], minter, progress)
    report.files.append((display(path), -1, written))
    report.warnings.append(
        f"{display(path)}: bulk loaded; not validated against the shapes (run 'kb validate' to check it)"
    )
    return report
