"""Check data against the SHACL shapes of ``ontology/`` with pySHACL.

rdflib is used here only because pySHACL needs it; the store itself is Oxigraph.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kb.paths import CODES_FILE, ONTOLOGY_FILE, SHAPES_FILE
from kb.vocab import KBO, SH, XSD

ONTOLOGY_FILES = (ONTOLOGY_FILE, CODES_FILE)
# rdflib logs a traceback for every valid literal it cannot turn into a Python value (a year of five
# digits in an xsd:date): the shapes judge the lexical form, and Oxigraph has checked it on parsing.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


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


_ALSO_REPORTED_BY = KBO.alsoReportedBy


def to_rdflib(quads: list[Quad]) -> rdflib.Graph:
    """All quads as one rdflib graph (the union of their named graphs).

    Terms are converted one by one, in time linear in their length: going through N-Triples text
    made rdflib's parser take time quadratic in the escapes of a long literal (issue 11, item 15).
    """
    graph = rdflib.Graph()
    add = graph.add
    claims = {(quad.subject, quad.graph_name) for quad in quads if quad.predicate == _ALSO_REPORTED_BY}
    for quad in quads:
        subject = _term(quad.subject)
        if claims and (quad.subject, quad.graph_name) in claims:
            # A source's claim about an event another source defines: checked as an event of its
            # own (its date, type, actors), not merged with the other sources' claims.
            subject = rdflib.URIRef(f"{quad.subject.value}#claim-in-{getattr(quad.graph_name, 'value', '')}")
        add((subject, rdflib.URIRef(quad.predicate.value), _term(quad.object)))
    return graph


def _term(term) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype == XSD.string:  # as N-Triples gives it: a plain literal
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise ValueError(f"cannot validate the term {term!r}")  # RDF-star triples are not used here


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
    for result in report.subjects(rdflib.RDF.type, rdflib.URIRef(SH.ValidationResult.value)):
        severity = report.value(result, rdflib.URIRef(SH.resultSeverity.value))
        path = report.value(result, rdflib.URIRef(SH.resultPath.value))
        found.append(
            Violation(
                focus=str(report.value(result, rdflib.URIRef(SH.focusNode.value))),
                path=report.namespace_manager.normalizeUri(path) if isinstance(path, rdflib.URIRef) else "",
                message=str(report.value(result, rdflib.URIRef(SH.resultMessage.value))
                            or "does not conform"),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    return sorted(found, key=lambda item: (item.severity != "Violation", item.focus, item.path))
