"""Named queries: one ``.rq`` file per question in ``queries/``, with a header that declares it.

A header is the file's leading comment block::

    # title: Timeline
    # description: Every event in date order, with its date bounds, source and sentence.
    #   A description may continue on lines indented by two spaces.
    # param: from date optional -- first day of the window (YYYY-MM-DD)
    # param: actor actor default=hamas -- the actor (id, name or IRI)

A parameter is ``NAME TYPE [optional] [default=VALUE] -- help``; TYPE is one of :data:`PARAM_TYPES`
(``choice(a|b)`` accepts only the values listed).
Values are bound by the engine through pyoxigraph's ``substitutions=`` (never pasted into the text),
so a parameter must be projected by the SELECT; its constant column is dropped from the answer.
An optional parameter left out stays unbound: test it with ``COALESCE(?from, ?latest)``, not with
``BOUND(?from)``, which pyoxigraph 0.5 evaluates as false even for a substituted variable.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Variable

from kb.dates import parse_day
from kb.errors import NotFound, QueryError
from kb.paths import QUERIES_DIR, display
from kb.sparql_guard import check, with_deep_stack
from kb.store import KnowledgeBase
from kb.texttable import fit, term_text
from kb.vocab import PREFIXES, XSD, Minter

PARAM_TYPES = ("date", "actor", "event", "iri", "string", "integer", "choice")
_HEADER = re.compile(r"^#\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)(?:\((?P<choices>[a-z0-9_|-]+)\))?"
    r"(?P<optional>\s+optional)?(?:\s+default=(?P<default>\S+))?\s*(?:--\s*(?P<help>.*))?$"
)
OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


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
    last_key = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        where = f"{display(path)} line {number}"
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
        else:
            raise QueryError(
                f"unknown header key '{key}'", where=where, hint="use title, description or param"
            )
        last_key = key
    if "title" not in fields:
        raise QueryError(
            "the query has no title",
            where=f"{display(path)} line 1",
            hint="start the file with '# title: ...'",
        )
    return NamedQuery(path.stem, path, fields["title"], fields.get("description", ""), text, parameters)


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
    """An actor or event given by IRI, id or (actors) name or alias."""
    if value.startswith(("http://", "https://")):
        iri = NamedNode(value)
    else:
        iri = minter.entity(kind, value)
    if kb.contains(iri):
        return iri
    if kind == "actor":
        rows = kb.select(
            "SELECT DISTINCT ?actor ?name WHERE { ?actor a sem:Actor ; rdfs:label|skos:altLabel ?label "
            "FILTER(LCASE(STR(?label)) = LCASE(STR(?name))) }",
            substitutions={Variable("name"): Literal(value)},
            prefixes=PREFIXES,
        )
        if len(rows) == 1:
            return rows[0]["actor"]
        if len(rows) > 1:
            raise QueryError(
                f"the name {value!r} fits {len(rows)} actors",
                where=f"--param {kind}",
                hint="give the actor's id instead",
            )
    raise NotFound(
        f"unknown {kind} {value!r}",
        where=f"--param {kind}",
        hint="give an id or IRI ('kb query actors' lists the actors)"
        if kind == "actor"
        else "give an event id or IRI",
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
    if parameter.type in ("actor", "event"):
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


def plain(term):
    """A pyoxigraph term as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, (NamedNode, BlankNode)):
        return term.value
    datatype = term.datatype.value.rsplit("#", 1)[-1] if term.datatype else "string"
    try:
        if datatype == "integer":
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
        if datatype == "boolean":
            return term.value == "true"
        if datatype == "date":
            return date.fromisoformat(term.value)
    except ValueError:
        pass
    return term.value


def run_sparql(kb: KnowledgeBase, sparql: str, substitutions=None, drop: tuple[str, ...] = ()) -> Table:
    """Run a SELECT and return a :class:`Table`, leaving out the columns named in ``drop``.

    The query's own machine runs it, so SERVICE is allowed; hostile nesting is refused, and the
    engine runs on a large stack (see :mod:`kb.sparql_guard`).
    """
    check(sparql, allow_service=True)
    return with_deep_stack(_table, kb, sparql, substitutions, drop)


def _table(kb: KnowledgeBase, sparql: str, substitutions, drop: tuple[str, ...]) -> Table:
    solutions = kb.query(sparql, substitutions=substitutions, prefixes=PREFIXES)
    if not isinstance(solutions, QuerySolutions):
        raise QueryError("only SELECT queries give a table", hint="use 'kb export' or /sparql")
    columns = [v.value for v in solutions.variables if v.value not in drop]
    return Table(columns, [[solution[name] for name in columns] for solution in solutions])


def run(
    kb: KnowledgeBase, query: NamedQuery, values: dict[str, str] | None = None, minter: Minter | None = None
) -> Table:
    """Run a named query with textual parameter values."""
    substitutions = bind(kb, query, values or {}, minter)
    try:
        return run_sparql(kb, query.sparql, substitutions, drop=tuple(p.name for p in query.parameters))
    except QueryError as err:
        raise QueryError(err.message, where=display(query.path), hint=err.hint) from None


def cell(term) -> str:
    """A term as text for tables and CSV."""
    return "" if term is None else str(plain(term))


def render(table: Table, output: str, *, width: int | None = None,
           prefixes: dict[str, str] | None = None) -> str:
    """The table as text: CSV, TSV or SPARQL 1.1 JSON results with full values, or an aligned table
    for reading (IRIs as CURIEs from ``prefixes``, fitted to ``width`` characters)."""
    if output == "json":
        bindings = []
        for row in table.rows:
            bindings.append(
                {
                    name: _json_term(term)
                    for name, term in zip(table.columns, row, strict=True)
                    if term is not None
                }
            )
        return json.dumps(
            {"head": {"vars": table.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
        )
    if output in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if output == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        if output == "tsv":  # one row a line, as in SPARQL TSV: escape tabs and line breaks
            escape = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})
            writer.writerows([cell(term).translate(escape) for term in row] for row in table.rows)
        else:
            writer.writerows([cell(term) for term in row] for row in table.rows)
        return buffer.getvalue()
    if output != "table":
        raise QueryError(f"unknown format {output!r}", hint=f"use one of: {', '.join(OUTPUT_FORMATS)}")
    prefixes = prefixes if prefixes is not None else PREFIXES
    texts = [[term_text(term, prefixes) for term in row] for row in table.rows]
    return fit(table.columns, texts, width)


def _json_term(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    result = {"type": "literal", "value": term.value}
    if term.language:
        result["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        result["datatype"] = term.datatype.value
    return result
