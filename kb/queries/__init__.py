"""Named queries: reading ``.rq`` headers, binding parameters, running, results (package ``kb.queries``).

May import the bottom modules (``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.formats``, ``kb.paths``,
``kb.sparql_text``) and ``kb.store``; the store never imports it (``kb.api`` adds ``run`` and
``dataframe`` to the Python API's knowledge base).

Named queries: one ``.rq`` file per question in ``queries/``, with a header that declares it.

A header is the file's leading comment block::

    # title: Timeline
    # description: Every event in date order, with its date bounds, source and sentence.
    #   A description may continue on lines indented by two spaces.
    # param: from date optional -- first day of the window (YYYY-MM-DD)
    # param: actor actor default=hamas -- the actor (id, name or IRI)
    # example: actor=david-barnea

``example`` gives the parameter values the gallery (``/queries``) shows the query with; its example
answer over the seed is kept in ``queries/examples/NAME.json`` (see :mod:`kb.gallery`).

A parameter is ``NAME TYPE [optional] [default=VALUE] -- help``; TYPE is one of :data:`PARAM_TYPES`
(``choice(a|b)`` accepts only the values listed).
Values are bound as RDF terms (:func:`bind`), then written into the query token by token, each in
its N-Triples form escaped by pyoxigraph (:func:`kb.remote.substitute`; never raw text), so that
Oxigraph plans with them; a parameter must be projected by the SELECT, and its constant column is
dropped from the answer. An optional parameter left out stays a free variable: test it with
``COALESCE(?from, ?latest)``.

Paging: a query whose answer grows with the store declares ``limit`` (and ``offset``) as integer
parameters with defaults and writes ``LIMIT n`` (``OFFSET m``) once, with those defaults, so that its
text runs as it is shown; the values given replace those numbers (:func:`paged`), never more than
:data:`MAX_LIMIT` rows a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    QuerySolutions,
    Variable,
    parse_query_results,
)

from kb.dates import parse_day
from kb.errors import NotFound, QueryError
from kb.formats import RESULTS
from kb.paths import QUERIES_DIR, display
from kb.sparql_text import check, sparql_tokens, with_deep_stack
from kb.store import KnowledgeBase
from kb.vocab import PREFIXES, XSD, Minter

#: The most rows one page of a paged query gives (see :func:`paged`).
MAX_LIMIT = 10_000
PAGING = ("limit", "offset")
PARAM_TYPES = ("date", "actor", "event", "place", "iri", "string", "integer", "choice")
_HEADER = re.compile(r"^#\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)(?:\((?P<choices>[a-z0-9_|-]+)\))?"
    r"(?P<optional>\s+optional)?(?:\s+default=(?P<default>\S+))?\s*(?:--\s*(?P<help>.*))?$"
)


@dataclass(frozen=True)
class Parameter:
    """A declared parameter of a named query."""

    name: str
    type: str
    optional: bool = False
    default: str | None = None
    help: str = ""
    #: The values a ``choice(a|b)`` parameter accepts.
    choices: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        """True when the caller must give a value."""
        return not self.optional and self.default is None


@dataclass
class NamedQuery:
    """A question the knowledge base answers: its text and its declared header."""

    name: str
    path: Path
    title: str
    description: str
    sparql: str
    parameters: list[Parameter] = field(default_factory=list)
    example: dict[str, str] = field(default_factory=dict)

    def parameter(self, name: str) -> Parameter:
        """The declared parameter ``name``; :class:`QueryError` when there is none."""
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        declared = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(
            f"query '{self.name}' has no parameter '{name}'",
            where=f"--param {name}",
            hint=f"its parameters: {declared}",
        )


def parse_header(path: Path, text: str | None = None) -> NamedQuery:
    """Read a ``.rq`` file and its header; a header line that does not parse names file and line."""
    text = path.read_text(encoding="utf-8") if text is None else text
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    example: dict[str, str] = {}
    last_key = None
    shown = display(path)  # once: it resolves the path
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        where = f"{shown} line {number}"
        if line.strip() == "#":
            continue
        if line.startswith("#   ") and last_key in ("description", "title"):
            fields[last_key] += " " + line[4:].strip()
            continue
        match = _HEADER.match(line)
        if not match:
            raise QueryError(
                "header line is not 'key: value'",
                where=where,
                hint="write '# title: ...', '# description: ...' or '# param: ...'",
            )
        key, value = match["key"], match["value"].strip()
        if key in ("title", "description"):
            fields[key] = value
        elif key == "param":
            parameters.append(_parse_param(value, where))
        elif key == "example":
            example.update(_parse_example(value, where))
        else:
            raise QueryError(
                f"unknown header key '{key}'", where=where, hint="use title, description, param or example"
            )
        last_key = key
    if "title" not in fields:
        raise QueryError(
            "the query has no title",
            where=f"{shown} line 1",
            hint="start the file with '# title: ...'",
        )
    query = NamedQuery(path.stem, path, fields["title"], fields.get("description", ""), text, parameters,
                       example)
    for name in example:
        if name not in {p.name for p in parameters}:
            raise QueryError(f"the example gives '{name}', which is not a parameter", where=shown,
                             hint="declare it with '# param: ...' or remove it from '# example:'")
    return query


def _parse_example(value: str, where: str) -> dict[str, str]:
    pairs = {}
    for item in value.split():
        name, equals, given = item.partition("=")
        if not equals or not name or not given:
            raise QueryError(f"cannot read example value {item!r}", where=where,
                             hint="write '# example: NAME=VALUE NAME=VALUE'")
        pairs[name] = given
    return pairs


def _parse_param(value: str, where: str) -> Parameter:
    match = _PARAM.match(value)
    if not match or match["type"] not in PARAM_TYPES or (match["type"] == "choice") != bool(match["choices"]):
        raise QueryError(
            f"cannot read parameter {value!r}",
            where=where,
            hint=f"write 'NAME TYPE [optional] [default=V] -- help', TYPE one of {', '.join(PARAM_TYPES)} "
                 "(choice as choice(a|b))",
        )
    choices = tuple(match["choices"].split("|")) if match["choices"] else ()
    return Parameter(match["name"], match["type"], bool(match["optional"]), match["default"],
                     (match["help"] or "").strip(), choices)


def catalogue(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query of ``folder``, by name."""
    return {path.stem: parse_header(path) for path in sorted(folder.glob("*.rq"))}


def find(name_or_path: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """A named query by name, or a ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return parse_header(path)
    candidate = folder / f"{name_or_path}.rq"
    if candidate.exists():
        return parse_header(candidate)
    names = ", ".join(catalogue(folder))
    raise NotFound(
        f"no named query '{name_or_path}'", where="query", hint=f"give a .rq file or one of: {names}"
    )


# --- binding -----------------------------------------------------------------------------------


def resolve_entity(kb: KnowledgeBase, kind: str, value: str, minter: Minter) -> NamedNode:
    """An actor, event or place given by IRI, id or (actors and places) name or alias."""
    if value.startswith(("http://", "https://")):
        iri = NamedNode(value)
    else:
        iri = minter.entity(kind, value)
    if kb.contains(iri):
        return iri
    if kind in ("actor", "place"):
        rows = kb.select(
            f"SELECT DISTINCT ?actor ?name WHERE {{ ?actor a sem:{kind.title()} ; "
            "rdfs:label|skos:altLabel ?label FILTER(LCASE(STR(?label)) = LCASE(STR(?name))) }",
            substitutions={Variable("name"): Literal(value)},
            prefixes=PREFIXES,
        )
        if len(rows) == 1:
            return rows[0]["actor"]
        if len(rows) > 1:
            raise QueryError(
                f"the name {value!r} fits {len(rows)} {kind}s",
                where=f"--param {kind}",
                hint=f"give the {kind}'s id instead",
            )
    raise NotFound(
        f"unknown {kind} {value!r}",
        where=f"--param {kind}",
        hint={"actor": "give an id or IRI ('kb query actors' lists the actors)",
              "place": "give an id or IRI ('kb query events-by-place' lists the places)"}.get(
            kind, "give an event id or IRI"),
    )


def bind(
    kb: KnowledgeBase, query: NamedQuery, values: dict[str, str], minter: Minter | None = None
) -> dict[Variable, object]:
    """Turn textual parameter values into terms, checking each against its declaration."""
    minter = minter or Minter()
    for name in values:
        query.parameter(name)
    bound = {}
    for parameter in query.parameters:
        raw = values.get(parameter.name, parameter.default)
        if raw is None or raw == "":
            if parameter.required:
                raise QueryError(
                    f"query '{query.name}' needs the parameter '{parameter.name}'",
                    where=f"--param {parameter.name}",
                    hint=f"add --param {parameter.name}=... ({parameter.help})",
                )
            continue
        bound[Variable(parameter.name)] = _term(kb, parameter, str(raw), minter)
    first, last = bound.get(Variable("from")), bound.get(Variable("to"))
    if first is not None and last is not None and first.value > last.value:  # both YYYY-MM-DD
        raise QueryError(f"the window's from ({first.value}) is after its to ({last.value})",
                         where="--param from", hint="give a first day on or before the last day")
    return bound


def _term(kb: KnowledgeBase, parameter: Parameter, raw: str, minter: Minter):
    where = f"--param {parameter.name}"
    if parameter.type == "date":
        return Literal(parse_day(raw, where).isoformat(), datatype=XSD.date)
    if parameter.type == "choice":
        if raw.strip() not in parameter.choices:
            raise QueryError(f"{raw[:40]!r} is not one of {', '.join(parameter.choices)}", where=where,
                             hint=f"give one of: {', '.join(parameter.choices)}")
        return Literal(raw.strip())
    if parameter.type == "integer":
        if not re.fullmatch(r"-?\d+", raw.strip()):
            raise QueryError(f"{raw!r} is not a whole number", where=where)
        return Literal(raw.strip(), datatype=XSD.integer)
    if parameter.type in ("actor", "event", "place"):
        return resolve_entity(kb, parameter.type, raw, minter)
    if parameter.type == "iri":
        if not raw.startswith(("http://", "https://", "urn:")):
            raise QueryError(f"{raw!r} is not an IRI", where=where, hint="give a full http(s) IRI")
        return NamedNode(raw)
    return Literal(raw)


# --- running and rendering ---------------------------------------------------------------------


@dataclass
class Table:
    """A query's answer: column names and rows of pyoxigraph terms (``None`` when unbound)."""

    columns: list[str]
    rows: list[list]

    def records(self) -> list[dict]:
        """Rows as dicts of plain Python values (IRIs as strings, xsd:date as ``date``)."""
        return [
            {c: plain(v) for c, v in zip(self.columns, row, strict=True) if v is not None}
            for row in self.rows
        ]


def _boolean(text: str) -> bool:
    return text == "true"


#: How a literal of each XSD datatype becomes a Python value (any other keeps its text).
_PLAIN = {XSD.integer.value: int, XSD.decimal.value: float, XSD.double.value: float, XSD.float.value: float,
          XSD.boolean.value: _boolean, XSD.date.value: date.fromisoformat}


def plain(term):
    """A pyoxigraph term as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, (NamedNode, BlankNode)):
        return term.value
    convert = _PLAIN.get(term.datatype.value) if term.datatype is not None else None
    if convert is None:
        return term.value
    try:
        return convert(term.value)
    except ValueError:  # a lexical form Python does not read (a year of five digits): its text
        return term.value


def run_sparql(kb: KnowledgeBase, sparql: str, substitutions=None, drop: tuple[str, ...] = ()) -> Table:
    """Run a SELECT and return a :class:`Table`, leaving out the columns named in ``drop``.

    The query's own machine runs it, so SERVICE is allowed; hostile nesting is refused, and the
    engine runs on a large stack (see :mod:`kb.sparql_text`).
    """
    check(sparql, allow_service=True)
    return with_deep_stack(_table, kb, sparql, substitutions, drop)


def _table(kb: KnowledgeBase, sparql: str, substitutions, drop: tuple[str, ...]) -> Table:
    solutions = kb.query(sparql, substitutions=substitutions, prefixes=PREFIXES)
    if not isinstance(solutions, QuerySolutions):
        raise QueryError("only SELECT queries give a table", hint="use 'kb export' or /sparql")
    kept = [(at, v.value) for at, v in enumerate(solutions.variables) if v.value not in drop]
    places = [at for at, _ in kept]
    return Table([name for _, name in kept], [[solution[at] for at in places] for solution in solutions])


def run(
    kb: KnowledgeBase, query: NamedQuery, values: dict[str, str] | None = None, minter: Minter | None = None
) -> Table:
    """Run a named query with textual parameter values."""
    substitutions = bind(kb, query, values or {}, minter)
    text, rest = paged(query, substitutions)
    try:
        table = run_sparql(kb, text, rest)
    except QueryError as err:
        raise QueryError(err.message, where=display(query.path), hint=err.hint) from None
    return without_parameters(table, query, {variable.value for variable in substitutions})


def paged(query: NamedQuery, substitutions: dict[Variable, object]) -> tuple[str, dict[Variable, object]]:
    """The query's text with the numbers of its page clause (``LIMIT n OFFSET m``, both words, as the
    .rq files write it) replaced by the values of its ``limit`` and ``offset`` parameters, and the
    other substitutions (a ``LIMIT`` a user adds alone to an edited text is left as written); the text
    as it is for a query without them. A limit below 1 or above :data:`MAX_LIMIT`, or an offset below
    0, is refused."""
    rest = {variable: term for variable, term in substitutions.items() if variable.value not in PAGING}
    numbers = {variable.value: int(term.value) for variable, term in substitutions.items()
               if variable.value in PAGING}
    if not numbers:
        return query.sparql, rest
    if not 1 <= numbers.get("limit", 1) <= MAX_LIMIT:
        raise QueryError(f"limit {numbers['limit']} is out of range", where="--param limit",
                         hint=f"give 1 to {MAX_LIMIT} rows a page, and offset= for the next page")
    if numbers.get("offset", 0) < 0:
        raise QueryError("offset must not be negative", where="--param offset",
                         hint="give the number of rows to skip (0 for the first page)")
    tokens = list(sparql_tokens(query.sparql))
    solid = [number for number, (kind, _) in enumerate(tokens) if kind != "space"]
    out = [token for _, token in tokens]
    for at in range(len(solid) - 3):  # the page clause: "LIMIT n OFFSET m", as the .rq files write it
        words = [tokens[solid[at + step]] for step in range(4)]
        if ([kind for kind, _ in words] == ["word", "number", "word", "number"]
                and words[0][1].upper() == "LIMIT" and words[2][1].upper() == "OFFSET"):
            if "limit" in numbers:
                out[solid[at + 1]] = str(numbers["limit"])
            if "offset" in numbers:
                out[solid[at + 3]] = str(numbers["offset"])
    return "".join(out), rest


def without_parameters(table: Table, query: NamedQuery, bound: set[str]) -> Table:
    """The table without the columns of the query's parameters: a bound one is a constant, and one
    left out is dropped too when no row binds it (a query may leave an optional parameter free, so
    that it ranges over every value: then its column stays)."""
    drop = {p.name for p in query.parameters if p.name in bound}
    drop.update(p.name for p in query.parameters if p.name in table.columns
                and all(row[table.columns.index(p.name)] is None for row in table.rows))
    keep = [i for i, column in enumerate(table.columns) if column not in drop]
    return Table([table.columns[i] for i in keep], [[row[i] for i in keep] for row in table.rows])


def render(table: Table, output: str) -> str:
    """The table in the SPARQL results format ``output`` (json, xml, csv, tsv), full values, written
    by pyoxigraph's own writers (the CLI's aligned table for reading is :mod:`kb.cli.texttable`)."""
    if output not in RESULTS:
        raise QueryError(f"unknown format {output!r}", hint=f"use one of: {', '.join(RESULTS)}")
    return solutions(table).serialize(format=RESULTS[output].oxigraph).decode("utf-8")


def solutions(table: Table) -> QuerySolutions:
    """The table as pyoxigraph ``QuerySolutions`` (read back from SPARQL TSV, where every term is in
    its N-Triples form as pyoxigraph writes it)."""
    lines = ["\t".join(f"?{name}" for name in table.columns)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in table.rows]
    return parse_query_results("\n".join(lines).encode("utf-8") + b"\n", format=QueryResultsFormat.TSV)
