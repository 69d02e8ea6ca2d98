"""SPARQL text, read by one lexer: what a query may ask, its first keyword, substitutions, prefixes.

:func:`sparql_tokens` splits a text into ``(kind, text)`` tokens (joined again they give the text
back); everything here that reads a query's words uses it: the guard below, :func:`first_keyword`
(is it an update?) and :func:`substitute`, which binds parameters for a
remote store by rewriting the query token by token. A bottom module: imports only ``kb.errors``.

What a SPARQL text may ask before it reaches the engine: no SERVICE, no hostile nesting.

The decision is taken on the query's *tokens*, read by a lexer that follows the SPARQL 1.1
grammar's terminals (strings in their four quotings with escapes, IRIs, comments, variables,
language tags, prefixed names with dots inside, numbers, booleans). ``SERVICE`` is a reserved
keyword that the grammar uses in one place only (``ServiceGraphPattern``), so a ``SERVICE`` keyword
token anywhere in the text (in a subquery, ``EXISTS``, ``MINUS``, ``OPTIONAL``, any nested group)
is a federated call, and one found nowhere means none: ``"x"@en.SERVICE`` and ``true.SERVICE`` are
a language tag or a boolean, then a dot, then the keyword. ``\\uXXXX`` escapes are expanded first,
as the SPARQL grammar allows engines to, so an escaped keyword cannot slip past either (Oxigraph
rejects it anyway). Where the lexer is unsure it errs on refusing.

Oxigraph parses and evaluates recursively: a few thousand nested brackets or unary operators
overflow the thread's stack and kill the process (SIGSEGV). :func:`check` refuses nesting deeper
than :data:`MAX_DEPTH` with a 400, and :func:`with_deep_stack` runs the engine in a thread with a
large stack for the shapes that recurse without brackets (very long joins and operator chains).

A work-around for Oxigraph's ``GRAPH ?g { { SELECT ... } }`` (:func:`scope_graph_variables`):
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

import functools
import re
import threading

from pyoxigraph import Variable

from kb.errors import QueryError

#: Deepest nesting of (), [] and {} (and longest run of unary operators) a query may have.
MAX_DEPTH = 100
#: Stack of the thread the engine runs in (virtual memory: only the pages used are taken).
ENGINE_STACK_BYTES = 512 * 1024 * 1024

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NAME_START = r"A-Za-z_\u00c0-\ufffd"
_NAME = _NAME_START + r"0-9\-\u00b7"
_TOKEN = re.compile(
    rf"""(?P<space>\s+)
      | (?P<comment>\#[^\n\r]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
                   |"(?:[^"\\\n\r]|\\.)*(?:"|$)|'(?:[^'\\\n\r]|\\.)*(?:'|$))
      | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][{_NAME}]+)
      | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
      | (?P<pname>(?:[{_NAME_START}](?:[{_NAME}.]*[{_NAME}])?)?:
                  (?:(?:[{_NAME}:]|%[0-9A-Fa-f]{{2}}|\\.)(?:(?:[{_NAME}.:]|%[0-9A-Fa-f]{{2}}|\\.)*
                     (?:[{_NAME}:]|%[0-9A-Fa-f]{{2}}|\\.))?)?)
      | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
      | (?P<word>[A-Za-z]+)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_OPENING, _CLOSING = "([{", ")]}"
_UNARY = "!+-^"


class QueryRefused(QueryError):
    """A query this endpoint will not run (SERVICE, hostile nesting); a 400 that says why."""


def expand_escapes(text: str) -> str:
    """``text`` with its ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced by the characters."""
    def char(match: re.Match) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(char, text) if "\\" in text else text


@functools.lru_cache(maxsize=16)
def sparql_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """``(kind, text)`` tokens of a SPARQL text as written: strings, IRIs and comments kept whole.

    The last few texts' tokens are kept: one request's text is read several times (its checks,
    its dataset, its graph variables, its cost's shape, its cache key), and splitting it is most of
    the Python a request costs in a query worker."""
    return tuple((match.lastgroup, match.group()) for match in _TOKEN.finditer(text))


def tokens(text: str) -> tuple[tuple[str, str], ...]:
    """``(kind, text)`` tokens of a SPARQL text, after its unicode escapes are expanded."""
    return sparql_tokens(expand_escapes(text))


def uses_service(text: str) -> bool:
    """True when the query has a SERVICE pattern anywhere."""
    if "service" not in text.lower() and "\\" not in text:
        return False
    return any(kind == "word" and token.upper() == "SERVICE" for kind, token in tokens(text))


def nesting(text: str) -> int:
    """The deepest nesting of brackets, or the longest run of unary operators, in the query."""
    depth = deepest = run = 0
    for kind, token in tokens(text):
        if kind in ("space", "comment"):
            continue
        if kind == "other" and token in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "other" and token in _CLOSING:
            depth = max(0, depth - 1)
        if kind == "other" and token in _UNARY:
            run += 1
            deepest = max(deepest, run)
        else:
            run = 0
    return deepest


def check(text: str, allow_service: bool = False, where: str | None = None) -> None:
    """Refuse (400) a query that calls another endpoint or nests past :data:`MAX_DEPTH`."""
    if not allow_service and uses_service(text):
        raise QueryRefused("SERVICE is not allowed: this endpoint does not query other endpoints",
                           where=where,
                           hint="run the federated query from your own store, with SERVICE pointing here")
    depth = nesting(text)
    if depth > MAX_DEPTH:
        raise QueryRefused(f"the query nests brackets or operators {depth} deep; at most {MAX_DEPTH} "
                           "are allowed", where=where, hint="flatten the query")


def with_deep_stack(function, *args, **kwargs):
    """``function(*args, **kwargs)`` run in a thread with a large stack; its result or its error.
    Called again within such a thread (a query worker's loop runs on one), it runs there: a new
    thread with a 512 MB stack costs 3-4 ms of processor time, as much as a cheap query."""
    if getattr(_ON_DEEP_STACK, "yes", False):
        return function(*args, **kwargs)
    outcome: dict = {}

    def target() -> None:
        _ON_DEEP_STACK.yes = True
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    with _STACK_LOCK:
        previous = threading.stack_size(ENGINE_STACK_BYTES)
        try:
            thread = threading.Thread(target=target, name="kb-sparql-engine", daemon=True)
            thread.start()
        except RuntimeError:  # the system would not give that much address space: the usual stack
            thread = None
        finally:
            threading.stack_size(previous)
    if thread is None:
        return function(*args, **kwargs)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


_STACK_LOCK = threading.Lock()
_ON_DEEP_STACK = threading.local()


# --- reading and rewriting SPARQL text (remote stores, the web app) ------------------------------

_PROJECTION_END = {"WHERE", "FROM", "{"}
_GROUP_END = {"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES", "}"}
_ORDER_END = {"LIMIT", "OFFSET", "VALUES", "}"}
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def first_keyword(text: str) -> str | None:
    """The first keyword after the prologue (PREFIX/BASE), upper-cased: SELECT, INSERT, ..."""
    skip = 0
    for kind, token in sparql_tokens(text):
        if kind in ("space", "comment"):
            continue
        if skip:
            skip -= 1
            continue
        upper = token.upper()
        if upper == "PREFIX":
            skip = 2
        elif upper == "BASE":
            skip = 1
        else:
            return upper if kind == "word" else None
    return None


def with_prefixes(text: str, prefixes: dict[str, str]) -> str:
    """``text`` with PREFIX declarations before it, on its first line (line numbers kept)."""
    declared = {match.lower() for match in re.findall(r"(?i)PREFIX\s+([\w.\-]*):", text)}
    lines = " ".join(f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items()
                     if name.lower() not in declared)
    return f"{lines} {text}" if lines else text


def substitute(text: str, substitutions: dict[Variable, object]) -> str:
    """The query with each substituted variable replaced by its value (SEP-0007 semantics).

    Projected at the top level, ``?v`` becomes ``(VALUE AS ?v)``; a subquery stops projecting it
    (it is a constant there); in GROUP BY and ORDER BY it becomes ``(VALUE)``; ``BOUND(?v)`` becomes
    ``true``; elsewhere ``?v`` becomes ``VALUE``. A query that binds the variable itself (``AS ?v``,
    ``VALUES ?v``) cannot be rewritten and raises :class:`QueryError`.
    """
    values = {variable.value: str(term) for variable, term in substitutions.items()}
    tokens = sparql_tokens(text)
    out: list[str] = []
    braces = 0
    clause = None  # "projection", "group", "order" or None
    clause_parens = 0
    projection_kept = 0
    i = 0

    def significant(start: int, step: int) -> tuple[int, str]:
        j = start
        while 0 <= j < len(tokens) and tokens[j][0] in ("space", "comment"):
            j += step
        return (j, tokens[j][1]) if 0 <= j < len(tokens) else (j, "")

    while i < len(tokens):
        kind, token = tokens[i]
        upper = token.upper() if kind in ("word", "other") else ""
        if clause == "projection" and clause_parens == 0 and upper in _PROJECTION_END:
            if projection_kept == 0 and braces > 0:
                raise QueryError("a subquery projects only substituted parameters",
                                 hint="project another variable in the subquery too")
            clause = None
        elif clause == "group" and clause_parens == 0 and upper in _GROUP_END:
            clause = None
        elif clause == "order" and clause_parens == 0 and upper in _ORDER_END:
            clause = None
        if upper == "SELECT":
            clause, clause_parens, projection_kept = "projection", 0, 0
        elif upper in ("GROUP", "ORDER"):
            following, word = significant(i + 1, 1)
            if word.upper() == "BY":
                out.extend(t for _, t in tokens[i:following + 1])
                clause, clause_parens = upper.lower(), 0
                i = following + 1
                continue
        elif upper == "(" and clause:
            clause_parens += 1
            if clause == "projection" and clause_parens == 1:
                projection_kept += 1
        elif upper == ")" and clause:
            clause_parens -= 1
        elif upper == "{":
            braces += 1
        elif upper == "}":
            braces -= 1
        elif upper == "BOUND":
            opening, paren = significant(i + 1, 1)
            variable, name = significant(opening + 1, 1)
            closing, close = significant(variable + 1, 1)
            if paren == "(" and name[1:] in values and close == ")":
                out.append("true")
                i = closing + 1
                continue
        elif clause == "projection" and clause_parens == 0 and (token == "*" or (
                kind == "var" and token[1:] not in values)):
            projection_kept += 1
        if kind == "var" and token[1:] in values:
            value = values[token[1:]]
            _, before = significant(i - 1, -1)
            if before.upper() in ("AS", "VALUES") or _in_values_header(tokens, i):
                raise QueryError(f"cannot substitute ?{token[1:]}: the query binds it itself",
                                 hint="remove its AS or VALUES, or do not pass it as a parameter")
            if clause == "projection" and clause_parens == 0:
                out.append(f"({value} AS {token})" if braces == 0 else "")
            elif clause in ("group", "order") and clause_parens == 0:
                out.append(f"({value})")
            else:
                out.append(value)
        else:
            out.append(token)
        i += 1
    return "".join(out)


def _in_values_header(tokens: list[tuple[str, str]], index: int) -> bool:
    """True when the variable at ``index`` sits in ``VALUES ( ?a ?b )``."""
    j = index - 1
    while j >= 0 and (tokens[j][0] in ("space", "comment", "var") or tokens[j][1] == "("):
        if tokens[j][1] == "(":
            k = j - 1
            while k >= 0 and tokens[k][0] in ("space", "comment"):
                k -= 1
            return k >= 0 and tokens[k][1].upper() == "VALUES"
        j -= 1
    return False


def names_dataset(text: str) -> bool:
    """True when the query gives its own dataset (``FROM`` or ``FROM NAMED``): then the query's
    dataset is the one it names, not the union of every graph (SPARQL 1.1 section 13.2)."""
    if "from" not in text.lower() and "\\" not in text:
        return False
    return any(kind == "word" and token.upper() == "FROM" for kind, token in tokens(text))


def has_base(text: str) -> bool:
    """True when the query declares its own ``BASE``."""
    if "base" not in text.lower() and "\\" not in text:
        return False
    return any(kind == "word" and token.upper() == "BASE" for kind, token in tokens(text))


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
    projected = "".join(tokens[i][1] for i in projection).upper()
    aggregates = any(f"{name}(" in projected for name in _AGGREGATES)
    having = any(tokens[i][1].upper() == "HAVING" for i in modifiers)
    if aggregates or having:
        inserts.setdefault(after_where, []).append(f" GROUP BY{added}")
