"""The ontology's page: every class, property and named individual of ``kbo:``, labelled and defined.

The terms are read from the store (``kb load`` puts ``ontology/kb.ttl`` in a graph of its own);
when the store does not hold the ontology, from ``ontology/kb.ttl`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import RdfFormat, Store

from kb.pages.parts import curie
from kb.paths import ONTOLOGY_FILE
from kb.store import KnowledgeBase
from kb.vocab import KB_NS, ONTOLOGY_IRI, PREFIXES

SECTIONS = (
    ("classes", "Classes", "owl:Class"),
    ("object-properties", "Object properties", "owl:ObjectProperty"),
    ("datatype-properties", "Datatype properties", "owl:DatatypeProperty"),
    ("annotation-properties", "Annotation properties", "owl:AnnotationProperty"),
    ("individuals", "Named individuals (role types and statuses)", "owl:NamedIndividual"),
)


@dataclass
class TermLink:
    """A term another term points to (a superclass, a domain), in ``prefix:name`` form."""

    name: str
    iri: str
    local: bool


@dataclass
class Term:
    """One class, property or individual of the ontology."""

    name: str
    iri: str
    label: str
    definition: str
    notes: list[str] = field(default_factory=list)
    parents: list[TermLink] = field(default_factory=list)
    types: list[TermLink] = field(default_factory=list)
    domain: list[TermLink] = field(default_factory=list)
    range: list[TermLink] = field(default_factory=list)
    codes: list[TermLink] = field(default_factory=list)


@dataclass
class Section:
    """The terms of one kind."""

    id: str
    title: str
    terms: list[Term] = field(default_factory=list)


@dataclass
class OntologyPage:
    """Everything the ontology's page shows."""

    iri: str
    namespace: str
    title: str
    description: str
    version: str | None
    license: str | None
    sections: list[Section] = field(default_factory=list)
    from_store: bool = True

    @property
    def term_count(self) -> int:
        """How many terms the page documents."""
        return sum(len(section.terms) for section in self.sections)


_HEADER = """
SELECT ?title ?description ?version ?license ?iri WHERE {
  ?iri a owl:Ontology .
  OPTIONAL { ?iri dct:title ?title }
  OPTIONAL { ?iri dct:description ?description }
  OPTIONAL { ?iri owl:versionInfo ?version }
  OPTIONAL { ?iri dct:license ?license }
}"""
_TERMS = """
SELECT ?term ?kind ?p ?o WHERE {
  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty
                 owl:NamedIndividual }
  ?term a ?kind .
  FILTER(STRSTARTS(STR(?term), STR(kbo:)))
  OPTIONAL {
    ?term ?p ?o .
    VALUES ?p { rdfs:label skos:definition skos:note rdfs:subClassOf rdfs:subPropertyOf rdfs:domain
                rdfs:range rdf:type kbo:cameoCode kbo:ploverCategory }
  }
}"""


def _run(kb: KnowledgeBase | Store, sparql: str, substitutions=None) -> list[dict]:
    if isinstance(kb, KnowledgeBase):
        return kb.select(sparql, substitutions=substitutions, prefixes=PREFIXES)
    solutions = kb.query(sparql, prefixes=PREFIXES, substitutions=substitutions)
    names = [v.value for v in solutions.variables]
    return [{n: s[n] for n in names if s[n] is not None} for s in solutions]


def _file_store() -> Store:
    store = Store()
    store.load(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE)
    return store


def _link(iri: str) -> TermLink:
    return TermLink(curie(iri), iri, iri.startswith(KB_NS))


def ontology_page(kb: KnowledgeBase) -> OntologyPage:
    """The ontology's page, from the store or, when the store lacks it, from ``ontology/kb.ttl``."""
    from pyoxigraph import NamedNode, Variable

    source: KnowledgeBase | Store = kb
    rows = _run(kb, _TERMS)
    if not rows:
        source, rows = _file_store(), None
        rows = _run(source, _TERMS)
    header_rows = _run(source, _HEADER, {Variable("iri"): NamedNode(ONTOLOGY_IRI)})
    header = header_rows[0] if header_rows else {}
    terms: dict[str, Term] = {}
    kinds: dict[str, str] = {}
    for row in rows:
        iri = row["term"].value
        kind = curie(row["kind"].value)
        if kinds.get(iri) != "owl:NamedIndividual":  # a term is filed once; individuals stay so
            kinds[iri] = kind if kind == "owl:NamedIndividual" or iri not in kinds else kinds[iri]
        term = terms.setdefault(iri, Term(iri.removeprefix(KB_NS), iri, iri.removeprefix(KB_NS), ""))
        if "p" not in row:
            continue
        predicate, value = curie(row["p"].value), row["o"]
        if predicate == "rdfs:label":
            term.label = value.value
        elif predicate == "skos:definition":
            term.definition = value.value
        elif predicate == "skos:note" and value.value not in term.notes:
            term.notes.append(value.value)
        elif predicate in ("rdfs:subClassOf", "rdfs:subPropertyOf"):
            _add(term.parents, value.value)
        elif predicate == "rdfs:domain":
            _add(term.domain, value.value)
        elif predicate == "rdfs:range":
            _add(term.range, value.value)
        elif predicate == "rdf:type" and value.value.startswith(KB_NS):
            _add(term.types, value.value)
        elif predicate in ("kbo:cameoCode", "kbo:ploverCategory"):
            _add(term.codes, value.value)
    sections = []
    for section_id, title, kind in SECTIONS:
        members = sorted((t for iri, t in terms.items() if kinds[iri] == kind),
                         key=lambda t: (t.types[0].name if t.types else "", t.name.casefold()))
        sections.append(Section(section_id, title, members))
    return OntologyPage(
        iri=ONTOLOGY_IRI, namespace=KB_NS,
        title=header["title"].value if "title" in header else "Ontology",
        description=header["description"].value if "description" in header else "",
        version=header["version"].value if "version" in header else None,
        license=header["license"].value if "license" in header else None,
        sections=sections, from_store=isinstance(source, KnowledgeBase),
    )


def _add(links: list[TermLink], iri: str) -> None:
    if all(link.iri != iri for link in links):
        links.append(_link(iri))
        links.sort(key=lambda link: link.name)
