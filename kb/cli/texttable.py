"""Tables for a terminal: short names for IRIs, columns fitted to the width, long text cut with "…".

Full values stay in the machine formats (``--format csv|tsv|json``); this is only for reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode

ELLIPSIS = "…"
#: No column is cut narrower than this (or its heading, if shorter).
MIN_COLUMN = 8
#: A cell is never wider than this, whatever the terminal.
MAX_COLUMN = 60
GAP = "  "


def curie(iri: str, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` for the longest namespace in ``prefixes`` that ``iri`` is in, else the IRI."""
    best = max((name for name, namespace in prefixes.items()
                if iri.startswith(namespace) and len(iri) > len(namespace)),
               key=lambda name: len(prefixes[name]), default=None)
    return f"{best}:{iri[len(prefixes[best]):]}" if best else iri


def term_text(term, prefixes: Mapping[str, str]) -> str:
    """A term as a reader wants it in a terminal: a CURIE for an IRI, a literal's lexical form."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return curie(term.value, prefixes)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return term.value
    return str(term)


def cut(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters (the last an ellipsis when cut)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + ELLIPSIS


def fit(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> str:
    """An aligned table of ``rows`` under ``columns``, at most ``width`` characters a line; when
    even the narrowest columns would not fit, one record after another (as psql's expanded mode)."""
    natural = [min(MAX_COLUMN, max([len(c)] + [len(" ".join(row[i].split())) for row in rows]))
               for i, c in enumerate(columns)]
    widths = list(natural)
    gaps = len(GAP) * (len(widths) - 1)
    if width:
        floor = [min(natural[i], max(MIN_COLUMN, len(c))) for i, c in enumerate(columns)]
        if sum(floor) + gaps > width:
            return expanded(columns, rows, width)
        while sum(widths) + gaps > width:
            widest = max(range(len(widths)), key=lambda i: (widths[i] - floor[i], widths[i]))
            widths[widest] -= 1
    lines = [GAP.join(cut(c, w).ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             GAP.join("-" * w for w in widths)]
    lines += [GAP.join(cut(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join([*lines, _count(rows)]) + "\n"


def expanded(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """Each record on lines of its own, ``column | value``, values cut to ``width``."""
    label = max(len(c) for c in columns)
    lines = []
    for number, row in enumerate(rows, start=1):
        lines.append((f"-[ record {number} ]" + "-" * width)[:width])
        lines += [f"{c.ljust(label)} | {cut(v, max(1, width - label - 3))}".rstrip()
                  for c, v in zip(columns, row, strict=True)]
    return "\n".join([*lines, _count(rows)]) + "\n"


def _count(rows: Sequence) -> str:
    return f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
