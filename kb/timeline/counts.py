"""Derived month counts: how many events of each type have each month key (``queries/events-per-month``).

Counting a year of events at query time reads every event of the year (about 60,000 at 1M events),
so the loader keeps the counts, in the one graph :func:`counts_graph` that holds nothing else::

    <id/bucket/2024-10/Killing> a kbo:MonthCount ; kbo:countedMonth "2024-10" ;
                                kbo:countedType kbo:Killing ; kbo:eventCount 12 .

A count is the number of distinct events that some source's claim types with that class and gives
that month key (``kbo:monthKey``, ``"wide"`` included), in the same graph: exactly what the
per-month query counted over the events. A load recounts the month keys it touches (those of the
graphs it replaces and of the quads it writes) in the same SPARQL update as the load
(:func:`counts_update`), and a bulk load recounts them all (:func:`recount`), so the counts are never
out of step with the events. They are derived data, never claims: a file's own counts are dropped
(:func:`without_counts`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kb.timeline.role_counts import ROLE_COUNTED
from kb.timeline.rows import PERIOD_SEGMENT
from kb.vocab import KBO, Minter

#: The slug of the counts graph (``id/graph/_counts``): no source slug starts with "_".
COUNTS_SLUG = "_counts"
COUNTED = (KBO.countedMonth, KBO.countedType, KBO.eventCount)
#: Month keys recounted by one update when every count is rebuilt.
BATCH = 64

_RECOUNT = """DELETE {{ GRAPH {graph} {{ ?cell ?p ?o }} }}
WHERE {{ {values}GRAPH {graph} {{ ?cell <{month}> ?key ; ?p ?o }} }} ;
INSERT {{ GRAPH {graph} {{ ?cell a <{cls}> ; <{month}> ?key ; <{type}> ?kind ; <{count}> ?n }} }}
WHERE {{
  SELECT ?key ?kind (COUNT(DISTINCT ?event) AS ?n)
         (IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/", STRAFTER(STR(?kind), "#"))) AS ?cell)
  WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key ; a ?kind }}
    FILTER(STRSTARTS(STR(?kind), "{kbo}") && ?claim != {graph})
  }} GROUP BY ?key ?kind
}}"""


def counts_graph(minter: Minter) -> NamedNode:
    """The named graph that holds the month counts, and nothing else."""
    return minter.entity("graph", COUNTS_SLUG)


def recount(minter: Minter, keys: Iterable[str] | None = None) -> str:
    """A SPARQL update that rewrites the counts of the month ``keys`` (every key when ``None``)."""
    values = ""
    if keys is not None:
        listed = " ".join(str(Literal(key)) for key in sorted(set(keys)))
        values = f"VALUES ?key {{ {listed} }} "
    return _RECOUNT.format(
        graph=counts_graph(minter), values=values, month=KBO.countedMonth.value, cls=KBO.MonthCount.value,
        type=KBO.countedType.value, count=KBO.eventCount.value, month_key=KBO.monthKey.value,
        prefix=minter.entity(PERIOD_SEGMENT, "").value, kbo=KBO.MonthCount.value.rsplit("#", 1)[0] + "#")


def has_counts(store, minter: Minter) -> bool:
    """True when ``store`` (anything with pyoxigraph's ``query``) holds month counts; a store loaded
    before there were counts holds none, and its next load counts every key."""
    sparql = f"ASK {{ GRAPH {counts_graph(minter)} {{ ?cell <{KBO.eventCount.value}> ?n }} }}"
    return bool(store.query(sparql))


def counts_update(store, minter: Minter, replace: Iterable[NamedNode], quads: Iterable[Quad]) -> str:
    """The update to run, after dropping ``replace`` and inserting ``quads`` and in the same request,
    that brings the counts in step: the month keys of the graphs dropped and of the quads inserted;
    every key when ``store`` has no counts yet and holds events."""
    keys = {quad.object.value for quad in quads if quad.predicate == KBO.monthKey}
    if not has_counts(store, minter):
        has_events = bool(store.query(f"ASK {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?k }} }}"))
        return recount(minter) if keys or has_events else ""
    listed = " ".join(str(graph) for graph in replace)
    if listed:
        sparql = (f"SELECT DISTINCT ?key WHERE {{ VALUES ?g {{ {listed} }} "
                  f"GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?key }} }}")
        keys.update(row[0].value for row in store.query(sparql))
    return recount(minter, keys) if keys else ""


def without_counts(quads: list[Quad]) -> list[Quad]:
    """``quads`` without any month counts or role counts a file brings (the store's own are derived)."""
    return [quad for quad in quads if quad.predicate not in COUNTED and quad.predicate not in ROLE_COUNTED]


def rebuild_counts(store, minter: Minter) -> int:
    """Recount every month key of a pyoxigraph ``store`` not yet in use (a staging store), a batch of
    keys an update, after dropping any counts it holds; the number of keys."""
    graph = counts_graph(minter)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    for quad in [q for predicate in COUNTED for q in store.quads_for_pattern(None, predicate, None)]:
        store.remove(quad)
    keys = sorted({row[0].value for row in store.query(
        f"SELECT DISTINCT ?key WHERE {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?key }} }}")})
    for start in range(0, len(keys), BATCH):
        store.update(recount(minter, keys[start:start + BATCH]))
    return len(keys)
