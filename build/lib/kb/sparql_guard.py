"""What a SPARQL text may ask before it reaches the engine: no SERVICE, no hostile nesting.

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
"""

from __future__ import annotations

import re
import threading

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


def tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` tokens of a SPARQL text, after its unicode escapes are expanded."""
    return [(match.lastgroup, match.group()) for match in _TOKEN.finditer(expand_escapes(text))]


def uses_service(text: str) -> bool:
    """True when the query has a SERVICE pattern anywhere."""
    if "service" not in text.lower() and "\\" not in text:
        return False
    return any(kind == "word" and token.upper() == "SERVICE" for kind, token in tokens(text))


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
    """``function(*args, **kwargs)`` run in a thread with a large stack; its result or its error."""
    outcome: dict = {}

    def target() -> None:
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
