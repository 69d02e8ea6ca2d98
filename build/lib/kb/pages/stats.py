"""Counts that describe what the knowledge base holds."""

from __future__ import annotations

from kb.queries import plain
from kb.store import KnowledgeBase
from kb.vocab import PREFIXES

_COUNTS = {
    "quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "named graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kbo:dateText ?t }",
    "actors": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a sem:Actor }",
    "places": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sem:Place }",
    "sources": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a schema:NewsArticle }",
    "actors linked to Wikidata": (
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a sem:Actor ; schema:sameAs ?w }"
    ),
}
_BY_TYPE = """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kbo:dateText ?t ; a ?type }
GROUP BY ?type ORDER BY DESC(?n) ?type"""


def summary(kb: KnowledgeBase) -> list[tuple[str, int]]:
    """(label, count) pairs: totals, then events per type."""
    lines = []
    for label, sparql in _COUNTS.items():
        rows = kb.select(sparql, prefixes=PREFIXES)
        lines.append((label, plain(rows[0]["n"]) if rows else 0))
    for row in kb.select(_BY_TYPE, prefixes=PREFIXES):
        lines.append((f"  {row['type'].value.rsplit('#', 1)[-1]}", plain(row["n"])))
    return lines
