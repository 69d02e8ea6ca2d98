"""Check data against the SHACL shapes of ``ontology/`` with pySHACL.

rdflib is used here only because pySHACL needs it; the store itself is Oxigraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import rdflib
from pyoxigraph import Quad, RdfFormat, serialize

from kb.paths import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILES = (ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl")
_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node at fault, the property path, the message and its severity."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"<{self.focus}>{path}: {self.message}"


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes, parsed once."""
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The ontology and the code lists, parsed once (pySHACL mixes them into the data)."""
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle")
    return graph


def to_rdflib(quads: list[Quad]) -> rdflib.Graph:
    """All quads as one rdflib graph (the union of their named graphs)."""
    triples = [quad.triple for quad in quads]
    data = serialize(triples, format=RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def check(quads: list[Quad]) -> list[Violation]:
    """Validate ``quads`` against the shapes; the violations and warnings found (empty: conforms)."""
    import pyshacl

    _, report, _ = pyshacl.validate(
        to_rdflib(quads),
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
    )
    found = []
    for result in report.subjects(rdflib.RDF.type, _SH.ValidationResult):
        severity = report.value(result, _SH.resultSeverity)
        path = report.value(result, _SH.resultPath)
        found.append(
            Violation(
                focus=str(report.value(result, _SH.focusNode)),
                path=report.namespace_manager.normalizeUri(path) if isinstance(path, rdflib.URIRef) else "",
                message=str(report.value(result, _SH.resultMessage) or "does not conform"),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    return sorted(found, key=lambda item: (item.severity != "Violation", item.focus, item.path))
