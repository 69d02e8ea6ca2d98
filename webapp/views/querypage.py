"""``/query``: a query editor over the named queries of ``queries/``, with shareable URLs.

The whole state is in the URL: ``query`` (the text, left out while it is a named query's own text),
``name`` (the named query whose parameters apply), ``param.NAME`` (its parameters, bound by
:func:`kb.queries.bind`, never pasted into the text), ``view=timeline`` and ``run=1``. The same
arguments give the answer as CSV (``/query.csv``), JSON (``/query.json``, with the list of named
queries) or Turtle for CONSTRUCT and DESCRIBE (``/query.ttl``). Queries run like ``/sparql``'s: in
the worker pool, under the time and row limits.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from datetime import date

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from pyoxigraph import BlankNode, NamedNode, QueryResultsFormat, parse_query_results

from kb import queries
from kb.dates import describe, parse_day, parse_edtf
from kb.errors import DateError, KBError, NotFound, QueryError
from kb.formats import RESULT_FORMATS
from kb.queries import NamedQuery, Table
from kb.vocab import PREFIXES, Minter
from webapp.security import link_target
from webapp.sparql.cache import Remembered
from webapp.sparql.run import Answer, Job, SparqlSyntaxError
from webapp.state import get_kb, get_service

blueprint = Blueprint("querypage", __name__)

SAMPLE_QUERY = """SELECT ?event ?label ?earliest ?latest
WHERE {
  ?event a kbo:Offer ; rdfs:label ?label ;
         sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest .
}
ORDER BY ?earliest
LIMIT 100
"""
#: Columns a band chart can take its label from, in order of preference.
LABEL_COLUMNS = ("label", "offer_label", "name", "victim", "title", "headline")
MAX_EVENTS = 2000  # a result drawn on the timeline: past this, rows are left out (and counted)


# --- page data ---------------------------------------------------------------------------------

@dataclass
class ParamField:
    """A named query's parameter as a form field."""

    name: str
    type: str
    required: bool
    default: str | None
    help: str
    value: str


@dataclass
class CatalogueEntry:
    """A named query in the list."""

    name: str
    title: str
    description: str
    parameters: list[ParamField]
    href: str


@dataclass
class Cell:
    """One value of a result table: its text, a link for IRIs, its kind and full form."""

    text: str
    href: str | None = None
    kind: str = "literal"
    full: str = ""


@dataclass
class ResultView:
    """What a query answered: a table, a boolean or a graph in Turtle."""

    form: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    boolean: bool | None = None
    graph_text: str = ""
    count: int = 0
    truncated: bool = False
    row_limit: int = 0
    elapsed_ms: float = 0.0
    can_timeline: bool = False
    timeline: dict | None = None  # the result in the shape of /timeline.json, for static/timeline.js


@dataclass
class ErrorView:
    """An error, with the query's lines and the parser's position when it has one."""

    message: str
    status: int
    line: int | None = None
    column: int | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class QueryPage:
    """Everything the query page shows."""

    queries: list[CatalogueEntry]
    prefixes: dict[str, str]
    editor_text: str
    selected: CatalogueEntry | None = None
    original_text: str = ""
    view: str = "table"
    result: ResultView | None = None
    error: ErrorView | None = None
    links: dict[str, str] = field(default_factory=dict)


# --- views -------------------------------------------------------------------------------------

@blueprint.get("/query")
def page():
    """The query page: editor, named queries, and the answer when there is a query to run."""
    state = _state()
    page_data, status = _page(state)
    twin = url_for("sparql.querypage.page_json", **request.args.to_dict())
    return render_template("sparql/query.html", page=page_data), status, {
        "Link": f'<{twin}>; rel="alternate"; type="application/json"'}


@blueprint.get("/query.json")
def page_json():
    """The JSON twin: the named queries and prefixes, and the answer when there is one to run."""
    state = _state()
    body = {"ok": True, "queries": [dataclasses.asdict(q) for q in _catalogue(state)],
            "prefixes": PREFIXES}
    if state.runs:
        table, answer = _run_table(state)
        if table is None:
            body["result"] = json.loads(answer.body)
        else:
            body["result"] = json.loads(queries.render(table, "json"))
        body.update(truncated=answer.truncated, row_limit=current_app.config["ROW_LIMIT"],
                    rows=answer.rows)
    return jsonify(body)


@blueprint.get("/query.<any(csv, ttl):suffix>")
def download(suffix: str):
    """The answer as CSV (SELECT) or Turtle (CONSTRUCT, DESCRIBE), to save."""
    state = _state()
    if not (state.runs or state.named):
        raise QueryError("no query to run", where="query", hint="add query=... or name=...")
    table, answer = _run_table(state, graph=suffix == "ttl")
    if suffix == "csv" and table is None:
        raise QueryError("only SELECT results can be saved as CSV", hint="use /query.json or /query.ttl")
    if suffix == "ttl" and answer.form != "graph":
        raise QueryError("only CONSTRUCT and DESCRIBE results are RDF", hint="use /query.csv")
    filename = f"{state.named.name if state.named else 'query'}.{suffix}"
    if table is not None:
        response = Response(queries.render(table, "csv"), content_type=RESULT_FORMATS["csv"].content_type)
    else:
        response = Response(answer.body, content_type=answer.format.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if answer.truncated:
        response.headers["X-KB-Truncated"] = "true"
    return response


# --- reading the URL ---------------------------------------------------------------------------

@dataclass
class _State:
    """The query page's arguments."""

    named: NamedQuery | None
    text: str
    values: dict[str, str]
    view: str
    runs: bool
    edited: bool


def _state() -> _State:
    args = request.args
    name = args.get("name", "")
    if name and not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise NotFound(f"no named query {name!r}", where="name",
                       hint="pick one from the list on /query")
    named = queries.find(name) if name else None
    given = args.get("query")
    text = given.replace("\r\n", "\n") if given is not None else None
    edited = bool(text) and (named is None or text.strip() != named.sparql.strip())
    if text is None or not text.strip():
        text = named.sparql if named else _default_text()
    values = {key[len("param."):]: value for key, value in args.items()
              if key.startswith("param.") and value != ""}
    runs = bool(args.get("run")) or (given is not None and bool(given.strip()))
    return _State(named, text, values, "timeline" if args.get("view") == "timeline" else "table",
                  runs, edited)


def _default_text() -> str:
    prefixes = "\n".join(f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items())
    return f"{prefixes}\n\n{SAMPLE_QUERY}"


def _share_args(state: _State, **extra) -> dict[str, str]:
    args: dict[str, str] = {}
    if state.named:
        args["name"] = state.named.name
    if state.edited or not state.named:
        args["query"] = state.text
    args.update({f"param.{k}": v for k, v in state.values.items()})
    args["run"] = "1"
    if state.view == "timeline":
        args["view"] = "timeline"
    args.update(extra)
    return args


def _catalogue(state: _State) -> list[CatalogueEntry]:
    entries = []
    for item in queries.catalogue().values():
        values = state.values if state.named and state.named.name == item.name else {}
        entries.append(CatalogueEntry(
            item.name, item.title, item.description,
            [ParamField(p.name, p.type, p.required, p.default, p.help, values.get(p.name, ""))
             for p in item.parameters],
            url_for("sparql.querypage.page", name=item.name)))
    return entries


# --- running -----------------------------------------------------------------------------------

def _run(state: _State, graph_format: str = "turtle") -> Answer:
    """Bind the parameters (when a named query is chosen) and run the text in the worker pool."""
    substitutions, text = None, state.text
    if state.named:
        text, substitutions = _bound(dataclasses.replace(state.named, sparql=state.text), state.values)
    elif state.values:
        raise QueryError("parameters need a named query", where="param",
                         hint="choose a named query (name=...) or write the values into the query")
    return get_service().run(Job(text, "tsv", graph_format,
                                 int(current_app.config["ROW_LIMIT"]), prefixes=PREFIXES,
                                 substitutions=substitutions or None,
                                 base=current_app.config["KB_BASE"]))


def _bound(query: NamedQuery, values: dict[str, str]) -> tuple[str, dict]:
    """The named query's text and the terms of its parameters (:func:`kb.queries.bind`, then
    :func:`kb.queries.paged`), worked out once a load generation: binding an actor or an event asks
    the store, a round trip over a remote one that a repeated question need not make."""
    service = get_service()
    remembered = current_app.extensions.setdefault("bound_parameters", Remembered())
    key = (service.generation, query.name, query.sparql, tuple(sorted(values.items())))
    return remembered.get(key, lambda: queries.paged(
        query, queries.bind(get_kb(), query, values, current_app.extensions["minter"])))


def _run_table(state: _State, graph: bool = False) -> tuple[Table | None, Answer]:
    """The answer, and for SELECT a :class:`Table` without the named query's parameter columns."""
    answer = _run(state, graph_format="turtle" if graph else "jsonld")
    if answer.form != "select":
        return None, answer
    solutions = parse_query_results(answer.body, QueryResultsFormat.TSV)
    columns = [v.value for v in solutions.variables]
    table = Table(columns, [[row[name] for name in columns] for row in solutions])
    if state.named:
        bound = {p.name for p in state.named.parameters if state.values.get(p.name) or p.default}
        table = queries.without_parameters(table, state.named, bound)
    return table, answer


def _page(state: _State) -> tuple[QueryPage, int]:
    catalogue = _catalogue(state)
    selected = next((c for c in catalogue if state.named and c.name == state.named.name), None)
    page_data = QueryPage(catalogue, PREFIXES, state.text, selected,
                          state.named.sparql if state.named else "", state.view)
    if not state.runs:
        return page_data, 200
    try:
        if state.named is None or not state.named.parameters or _has_required(state):
            page_data.result = _result_view(state)
        else:
            raise QueryError(f"query '{state.named.name}' needs its parameters",
                             hint="fill in the fields above")
    except KBError as error:
        page_data.error = _error_view(error, state.text)
        return page_data, error.status
    page_data.links = {suffix: url_for("sparql.querypage.download", suffix=suffix, **_share_args(state))
                       for suffix in ("csv", "ttl")}
    page_data.links["json"] = url_for("sparql.querypage.page_json", **_share_args(state))
    page_data.links["share"] = url_for("sparql.querypage.page", **_share_args(state))
    page_data.links["table"] = url_for("sparql.querypage.page", **_share_args(state, view="table"))
    page_data.links["timeline"] = url_for("sparql.querypage.page", **_share_args(state, view="timeline"))
    return page_data, 200


def _has_required(state: _State) -> bool:
    return all(p.name in state.values for p in state.named.parameters if p.required)


def _result_view(state: _State) -> ResultView:
    table, answer = _run_table(state, graph=True)
    row_limit = int(current_app.config["ROW_LIMIT"])
    common = {"truncated": answer.truncated, "row_limit": row_limit,
              "elapsed_ms": round(answer.elapsed * 1000, 1)}
    if answer.form == "ask":
        return ResultView("ask", boolean=answer.body.strip().lower() == b"true", count=1, **common)
    if table is None:
        return ResultView("graph", graph_text=answer.body.decode("utf-8"), count=answer.rows, **common)
    minter = current_app.extensions["minter"]
    rows = [[_cell(term, minter) for term in row] for row in table.rows]
    view = ResultView("select", table.columns, rows, count=len(rows), **common)
    view.can_timeline = {"earliest", "latest"} <= set(table.columns)
    if view.can_timeline and state.view == "timeline":
        view.timeline = result_timeline(table.columns, rows)
    return view


def _cell(term, minter: Minter) -> Cell:
    if term is None:
        return Cell("", kind="unbound")
    if isinstance(term, NamedNode):
        split = minter.split(term.value)
        if split:
            path = term.value[len(minter.base) - 1:]
            return Cell("/".join(split), path, "iri", term.value)
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and "/" not in term.value[len(iri):]:
                return Cell(f"{prefix}:{term.value[len(iri):]}", link_target(term.value), "iri", term.value)
        return Cell(term.value, link_target(term.value), "iri", term.value)
    if isinstance(term, BlankNode):
        return Cell(f"_:{term.value}", kind="bnode")
    datatype = term.datatype.value if term.datatype else ""
    full = f"@{term.language}" if term.language else datatype
    return Cell(term.value, kind="literal", full=full)


def _error_view(error: KBError, text: str) -> ErrorView:
    view = ErrorView(str(error), error.status)
    if isinstance(error, SparqlSyntaxError):
        view.line, view.column = error.line, error.column
        view.lines = list(enumerate(text.split("\n"), start=1))
    return view


# --- the result as a timeline -------------------------------------------------------------------

def result_timeline(columns: list[str], rows: list[list[Cell]]) -> dict:
    """Rows with ``earliest`` and ``latest`` as the timeline component draws events (one per link).

    Lanes follow a ``type`` column when there is one (``kbo:Offer`` gives the Offer lane and its
    colour and shape), else all rows share one lane.
    """
    at = {name: index for index, name in enumerate(columns)}
    label_at = next((at[name] for name in LABEL_COLUMNS if name in at), None)
    events: dict[str, dict] = {}
    links: dict[str, str] = {}
    left_out = 0
    for number, row in enumerate(rows):
        earliest, latest = _day(row[at["earliest"]].text), _day(row[at["latest"]].text)
        if not earliest or not latest:
            left_out += 1
            continue
        latest = max(latest, earliest)
        link = next((cell for cell in row if cell.href), None)
        label = row[label_at].text if label_at is not None else (link.text if link else f"row {number + 1}")
        key = link.href if link else f"row-{number + 1}"
        if key in events or len(events) >= MAX_EVENTS:
            left_out += key not in events
            continue
        kind = row[at["type"]].text.rpartition(":")[2].rpartition("/")[2] if "type" in at else ""
        event_id = f"r{len(events) + 1}"
        events[key] = {
            "id": event_id, "label": label or "(no label)", "earliest": earliest.isoformat(),
            "latest": latest.isoformat(), "type": kind or "result", "type_label": _words(kind) or "result",
            "in_words": _in_words(earliest, latest), "edtf": "", "status": "happened",
            "lanes": [kind or "result"], "actors": [], "iri": link.full if link else "",
        }
        if link and link_target(link.href):
            links[event_id] = link.href
    drawn = list(events.values())
    counts: dict[str, int] = {}
    for event in drawn:
        counts[event["type"]] = counts.get(event["type"], 0) + 1
    lanes = [{"key": key, "label": _words(key) if key != "result" else "result", "count": count}
             for key, count in sorted(counts.items(), key=lambda pair: -pair[1])]
    first = min((event["earliest"] for event in drawn), default="")
    last = max((event["latest"] for event in drawn), default="")
    return {"mode": "events", "lanes_by": "type", "total": len(drawn), "earliest": first, "latest": last,
            "extent_earliest": first, "extent_latest": last, "lanes": lanes, "events": drawn,
            "links": links, "left_out": left_out}


def _words(type_name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", type_name).lower()


def _in_words(earliest: date, latest: date) -> str:
    edtf = earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}/{latest.isoformat()}"
    return describe(parse_edtf(edtf))


def _day(text: str) -> date | None:
    try:
        return parse_day(text[:10], "a date column")
    except DateError:
        return None
