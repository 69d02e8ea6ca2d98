"""SPARQL text: its tokens, and a work-around for Oxigraph's ``GRAPH ?g { { SELECT ... } }``.

:func:`sparql_tokens` splits a query into tokens (strings, IRIs and comments kept whole).

Oxigraph 0.5 (pyoxigraph and ``oxigraph serve`` alike, up to 0.5.13) evaluates a subquery inside
``GRAPH ?g`` over all named graphs at once and drops ``?g`` with the subquery's projection, so
``SELECT ?g ?s WHERE { GRAPH ?g { { SELECT ?s WHERE { ?s ?p ?o } } } }`` answers every ``?s`` with
``?g`` unbound, and an aggregate in the subquery counts across graphs instead of within each.
SPARQL 1.1 (section 18.6, ``Graph(var, P)``) evaluates the subquery once per named graph and binds
``?g`` to it.

:func:`scope_graph_variables` rewrites such a query so that each subquery inside ``GRAPH ?g``
projects ``?g`` too (and groups by it when it aggregates). Under the standard semantics this changes
nothing: inside the subquery ``?g`` is not in scope, so projecting or grouping by it adds an unbound
column that the join with the graph's name fills in. Under Oxigraph's evaluation it restores the
per-graph answer. A subquery that mentions ``?g`` itself, or projects ``*``, is left as written.
One difference remains: a graph where an aggregating subquery matches nothing gets no row (the
standard gives it one, with a count of 0).

Only whitespace and variables are inserted, on the lines where they go, so line numbers stay; a
query that does not parse is run as the user wrote it, so that the error points at their text.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                   |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][\w\u00b7]+)
      | (?P<word>[A-Za-z_\u00c0-\uffff][\w.\-]*(?::[\w.\-:%\\]*)?|:[\w.\-:%\\]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


def sparql_tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` tokens of a SPARQL text: strings, IRIs and comments kept whole."""
    return [(match.lastgroup, match.group()) for match in _TOKEN.finditer(text)]


_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}


def scope_graph_variables(text: str) -> str:
    """``text`` with ``?g`` projected by every subquery inside ``GRAPH ?g`` (see the module)."""
    upper_text = text.upper()
    if "GRAPH" not in upper_text or upper_text.count("SELECT") < 2:
        return text
    tokens = sparql_tokens(text)
    significant = [i for i, (kind, _) in enumerate(tokens) if kind not in ("space", "comment")]
    position = {index: n for n, index in enumerate(significant)}
    closing: dict[int, int] = {}
    opened: list[int] = []
    for index in significant:
        if tokens[index][1] == "{":
            opened.append(index)
        elif tokens[index][1] == "}" and opened:
            closing[opened.pop()] = index
    if opened:
        return text  # unbalanced: let the parser say where

    def following(index: int, steps: int = 1) -> int | None:
        n = position[index] + steps
        return significant[n] if n < len(significant) else None

    def word(index: int | None) -> str:
        return tokens[index][1].upper() if index is not None else ""

    scopes: list[tuple[int, int, str]] = []  # (open brace, close brace, graph variable)
    for index in significant:
        if word(index) == "GRAPH":
            variable, brace = following(index), following(index, 2)
            if variable is not None and tokens[variable][0] == "var" and word(brace) == "{" \
                    and brace in closing:
                scopes.append((brace, closing[brace], tokens[variable][1][1:]))
    if not scopes:
        return text
    inserts: dict[int, list[str]] = {}
    for index in significant:
        if word(index) != "SELECT":
            continue
        outer = [brace for brace in closing if brace < index < closing[brace]]
        if not outer:
            continue  # the query itself, not a subquery
        end = closing[max(outer)]  # the brace that closes the subquery
        names = {name for brace, close, name in scopes if brace < index < close}
        _rewrite(tokens, significant, position, closing, index, end, names, inserts)
    if not inserts:
        return text
    return "".join(token + "".join(inserts.get(i, ())) for i, (_, token) in enumerate(tokens))


def _rewrite(tokens, significant, position, closing, select: int, end: int, names: set[str],
             inserts: dict[int, list[str]]) -> None:
    """Add the insertions that make the subquery at ``select`` (closed at ``end``) keep ``names``."""
    body = [i for i in significant if select < i < end]
    mentioned = {tokens[i][1][1:] for i in body if tokens[i][0] == "var"}
    missing = sorted(names - mentioned)
    if not missing:
        return
    projection_end = next((i for i in body if tokens[i][1].upper() in ("WHERE", "{")), None)
    if projection_end is None:
        return
    projection = [i for i in body if i < projection_end]
    depth = 0
    for i in projection:
        depth += {"(": 1, ")": -1}.get(tokens[i][1], 0)
        if depth == 0 and tokens[i][1] == "*":
            return  # SELECT *: nothing to add a variable to
    where = projection_end if tokens[projection_end][1] == "{" else \
        significant[position[projection_end] + 1]
    if tokens[where][1] != "{" or where not in closing:
        return
    after_where = closing[where]
    modifiers = [i for i in body if i > after_where]
    added = "".join(f" ?{name}" for name in missing)
    head = select
    if projection and tokens[projection[0]][1].upper() in ("DISTINCT", "REDUCED"):
        head = projection[0]
    inserts.setdefault(head, []).append(added)
    group_by = next((i for n, i in enumerate(modifiers[:-1])
                     if tokens[i][1].upper() == "GROUP" and tokens[modifiers[n + 1]][1].upper() == "BY"),
                    None)
    if group_by is not None:
        inserts.setdefault(significant[position[group_by] + 1], []).append(added)
        return
    aggregates = any(tokens[i][0] == "word" and tokens[i][1].upper() in _AGGREGATES for i in projection)
    having = any(tokens[i][1].upper() == "HAVING" for i in modifiers)
    if aggregates or having:
        inserts.setdefault(after_where, []).append(f" GROUP BY{added}")
