"""Typed literals that are not what their XSD datatype says (``"2024-02-30"^^xsd:date``).

Oxigraph stores an ill-typed literal as it is, and then every comparison, FILTER and ORDER BY on it
quietly fails: a date that cannot be a date drops out of every timeline. RDF files are therefore
checked before anything is written. Validity is Oxigraph's own (a SPARQL cast of the lexical form to
the datatype), so what the check accepts is exactly what queries can use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kb.errors import CurationError
from kb.vocab import XSD

XSD_NS = XSD.iri
#: Datatypes checked by a cast to themselves, with what a valid value looks like.
CAST_TYPES = {
    "date": "YYYY-MM-DD, a day that exists (2024-02-29)",
    "dateTime": "YYYY-MM-DDThh:mm:ss, optionally a time zone (2024-10-01T09:30:00Z)",
    "time": "hh:mm:ss (09:30:00)",
    "gYearMonth": "YYYY-MM (2024-10)",
    "gYear": "YYYY (2024)",
    "gMonthDay": "--MM-DD (--10-01)",
    "gMonth": "--MM (--10)",
    "gDay": "---DD (---01)",
    "integer": "digits with an optional sign (42)",
    "decimal": "a decimal number (4.5)",
    "double": "a number (4.5, 1e3, INF)",
    "float": "a number (4.5, 1e3, INF)",
    "boolean": "true, false, 1 or 0",
    "duration": "an ISO 8601 duration (P1Y2M, PT3H)",
    "dayTimeDuration": "a duration in days and time (P2DT3H)",
    "yearMonthDuration": "a duration in years and months (P1Y2M)",
}
#: Integer types checked by a cast to xsd:integer and their range (None: unbounded).
INTEGER_RANGES = {
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
INTEGER_FORM = re.compile(r"[+-]?[0-9]+")
CHECKED = {NamedNode(XSD_NS + name) for name in (*CAST_TYPES, *INTEGER_RANGES)}
#: How many bad literals one error lists.
SHOWN = 5


def _valid_expression() -> str:
    """A SPARQL expression, true when ``?o`` is a valid literal of its (cast-checked) datatype."""
    return " || ".join(
        f"(datatype(?o) = <{XSD_NS}{name}> && COALESCE(isLiteral(<{XSD_NS}{name}>(STR(?o))), false))"
        for name in CAST_TYPES)


_CAST_LIST = ", ".join(f"<{XSD_NS}{name}>" for name in CAST_TYPES)
ILL_TYPED_QUERY = (
    "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
    f"FILTER(isLiteral(?o) && datatype(?o) IN ({_CAST_LIST}))"
    f" FILTER(!({_valid_expression()})) }} LIMIT {SHOWN + 1}"
)


_OBJECTS = "SELECT DISTINCT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_CAST_CHECKED = {NamedNode(XSD_NS + name) for name in CAST_TYPES}


def ill_typed_in(store: Store) -> list[tuple]:
    """Up to ``SHOWN + 1`` (subject, predicate, literal) whose literal is not valid for its type.

    Each distinct literal is checked once, in a store of its own: :data:`ILL_TYPED_QUERY` over
    every quad of a large store evaluates its filter on each (about 20 us a quad, 16 s CPU for the
    460k quads of 10k synthetic events with several claims), the distinct objects are read in a
    twentieth of that. Oxigraph stores the bounded integer types (xsd:int,
    xsd:nonNegativeInteger...) as xsd:integer, so their ranges can only be checked before storing
    (:func:`ill_typed`).
    """
    typed = {row[0] for row in store.query(_OBJECTS)
             if isinstance(row[0], Literal) and row[0].datatype in _CAST_CHECKED}
    if not typed:
        return []
    checked = Store()
    holder = NamedNode("urn:kb:literal-check")
    checked.bulk_extend(Quad(holder, holder, literal, holder) for literal in typed)
    found = []
    for row in checked.query(ILL_TYPED_QUERY):
        quad = next((quad for quad in store.quads_for_pattern(None, None, row["o"], None)
                     if not isinstance(quad.graph_name, DefaultGraph)), None)
        if quad is not None:
            found.append((quad.subject, quad.predicate, quad.object))
    return found


def _out_of_range(literal: Literal) -> bool:
    low, high = INTEGER_RANGES[literal.datatype.value.removeprefix(XSD_NS)]
    if not INTEGER_FORM.fullmatch(literal.value):
        return True
    value = int(literal.value)
    return (low is not None and value < low) or (high is not None and value > high)


def ill_typed(quads: Iterable[Quad]) -> list[tuple]:
    """The same for quads in memory, bounded integer types included."""
    store = Store()
    found = []
    bounded = {NamedNode(XSD_NS + name) for name in INTEGER_RANGES}
    for quad in quads:
        if not isinstance(quad.object, Literal) or quad.object.datatype not in CHECKED:
            continue
        if quad.object.datatype in bounded:
            if _out_of_range(quad.object) and len(found) <= SHOWN:
                found.append((quad.subject, quad.predicate, quad.object))
        else:
            store.add(quad)
    return (found + ill_typed_in(store))[: SHOWN + 1]


def line_of(path: Path, lexical: str) -> int | None:
    """The first line of ``path`` where ``lexical`` appears quoted (None when not found as written)."""
    needles = [f'"{lexical}"'.encode(), f"'{lexical}'".encode()]
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if any(needle in line for needle in needles):
                    return number
    except OSError:
        return None
    return None


def refuse(found: list[tuple], path: Path, where: str) -> None:
    """Raise the one-line error for the ill-typed literals ``found`` in the file ``path``."""
    if not found:
        return
    subject, predicate, literal = found[0]
    name = literal.datatype.value.removeprefix(XSD_NS)
    line = line_of(path, literal.value)
    shown = [f'"{lit.value}"^^xsd:{lit.datatype.value.removeprefix(XSD_NS)}' for _, _, lit in found[:SHOWN]]
    more = " and more" if len(found) > SHOWN else ""
    expected = CAST_TYPES.get(name) or f"an integer in the range of xsd:{name}"
    raise CurationError(
        f"{', '.join(shown)}{more}: not a valid value of its datatype "
        f"(first: {subject} {predicate})",
        where=f"{where} line {line}" if line else where,
        hint=f"write xsd:{name} as {expected}, or state an uncertain value as plain text; "
             "the store was not changed",
    )
