"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint, with a Service Description on a bare GET.

Queries come as ``GET ?query=``, a form-encoded POST or a POST of ``application/sparql-query``,
with ``default-graph-uri`` / ``named-graph-uri`` to choose the dataset (by default the default graph
is the union of all named graphs). Answers are negotiated from ``Accept``, or named by ``format=``
(json, xml, csv, tsv for SELECT and ASK; turtle, ntriples, rdfxml, jsonld for CONSTRUCT and
DESCRIBE). Updates are refused (400); queries run in worker processes that are killed at the time
limit (503); answers past the row limit are cut and say so in ``X-KB-Truncated: true`` (and, in
SPARQL JSON, a top-level ``"truncated": true`` that standard clients ignore).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qs, urlencode

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, request, url_for
from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kb.errors import KBError, QueryError, UpdateRefused
from kb.formats import FORMAT_ALIASES, GRAPH_FORMATS, RESULT_FORMATS, Format
from kb.vocab import DCT, PREFIXES, RDF, SD, W3C_FORMATS
from webapp import error_page, log_failure, retry_after
from webapp.security import COMMON_HEADERS, CORS_HEADERS
from webapp.sparql.run import Answer, Job, not_acceptable
from webapp.state import get_kb, get_service

blueprint = Blueprint("sparql", __name__)

FORMAT_IRIS = {f.name: f.w3c_name for f in (*RESULT_FORMATS.values(), *GRAPH_FORMATS.values())}
QUERY_TYPES = ("application/x-www-form-urlencoded", "application/sparql-query")
_RESULT_TYPES = {t: f.name for f in RESULT_FORMATS.values() for t in (f.media_type, *f.aliases)}
_GRAPH_TYPES = {t: f.name for f in GRAPH_FORMATS.values() for t in (f.media_type, *f.aliases)}
#: Longest query text accepted, in characters.
MAX_QUERY_LENGTH = 100_000


class UnsupportedMediaType(QueryError):
    """A POST whose body is neither a form nor a SPARQL query."""

    status = 415


class QueryTooLong(QueryError):
    """A query text longer than :data:`MAX_QUERY_LENGTH`."""

    status = 413


@blueprint.route("/sparql", methods=["GET", "POST"], provide_automatic_options=False)
def endpoint():
    """Answer a query by the SPARQL 1.1 Protocol, or describe the service when there is none."""
    early = request.environ.pop(FastPath.ERROR_KEY, None)
    if early is not None:  # the fast path ran the query and it failed: answer its error here
        raise early
    sparql, default_graphs, named_graphs = read_protocol_request()
    if sparql is None:
        return service_description()
    accept = request.accept_mimetypes
    result_format, graph_format = negotiate(accept, request.values.get("format"))
    if "format" not in request.values and request.method == "GET" and \
            prefers_html(accept, result_format, graph_format):
        return redirect(url_for("sparql.querypage.page", query=sparql), 303)
    answer = get_service().run(make_job(current_app.config, sparql, result_format, graph_format,
                                        default_graphs, named_graphs))
    return Response(answer.body, headers=answer_headers(answer, current_app.config["ROW_LIMIT"]))


def make_job(config, sparql: str, result_format: str | None, graph_format: str | None,
             default_graphs: tuple[str, ...] | None = None,
             named_graphs: tuple[str, ...] | None = None) -> Job:
    """The job for one protocol request, with the app's row limit and SERVICE policy."""
    return Job(sparql, result_format, graph_format, int(config["ROW_LIMIT"]), prefixes=PREFIXES,
               default_graph=default_graphs, named_graphs=named_graphs,
               allow_service=bool(config.get("SPARQL_ALLOW_SERVICE", False)), base=config["KB_BASE"])


def answer_headers(answer: Answer, row_limit: int) -> list[tuple[str, str]]:
    """The headers of a successful answer (the CORS ones too, for the fast path)."""
    headers = [("Content-Type", answer.format.content_type), ("X-KB-Rows", str(answer.rows)),
               ("X-KB-Row-Limit", str(row_limit)), ("Vary", "Accept")]
    if answer.truncated:
        headers.append(("X-KB-Truncated", "true"))
    return [*headers, *COMMON_HEADERS, *CORS_HEADERS]


class FastPath:
    """WSGI middleware answering the plainest ``GET /sparql?query=...`` without Flask's machinery.

    Flask costs about 0.3 ms a request, as much as the query and the worker together for a trivial
    ASK. A GET on ``/sparql`` whose only arguments are ``query`` (and ``format``) is answered here
    with the same functions and headers as :func:`endpoint`; anything else (a bare GET, a browser
    that prefers HTML, other arguments, POST, and every error) goes to Flask, and an error raised
    while running the query travels there in the WSGI environ, so the query never runs twice.
    """

    ERROR_KEY = "kb.sparql.error"

    def __init__(self, wsgi_app, app):
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != "/sparql" or environ.get("REQUEST_METHOD") != "GET" or \
                not self.app.config.get("SPARQL_FAST_PATH", True):
            return self.wsgi_app(environ, start_response)
        arguments = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        texts = arguments.get("query", ())
        watcher = self.app.extensions.get("kb_watcher")
        if watcher is not None:  # Flask's before_request does not run on this path
            watcher.check()
        if len(texts) != 1 or not texts[0] or len(texts[0]) > MAX_QUERY_LENGTH or \
                set(arguments) - {"query", "format"} or len(arguments.get("format", ())) > 1:
            return self.wsgi_app(environ, start_response)
        formats = _fast_formats(environ.get("HTTP_ACCEPT", ""), arguments.get("format", [None])[0])
        if formats is None:
            return self.wsgi_app(environ, start_response)
        result_format, graph_format = formats
        config = self.app.config
        try:
            answer = self.app.extensions["sparql"].run(
                make_job(config, texts[0], result_format, graph_format))
        except KBError as error:
            environ[self.ERROR_KEY] = error
            return self.wsgi_app(environ, start_response)
        headers = answer_headers(answer, config["ROW_LIMIT"])
        start_response("200 OK", [*headers, ("Content-Length", str(len(answer.body)))])
        return [answer.body]


@lru_cache(maxsize=256)
def _fast_formats(accept_header: str, named: str | None) -> tuple[str | None, str | None] | None:
    """What :func:`endpoint` would negotiate, or ``None`` when it would not answer with results."""
    accept = parse_accept_header(accept_header, MIMEAccept)
    try:
        formats = negotiate(accept, named)
    except KBError:
        return None
    if named is None and prefers_html(accept, *formats):
        return None
    return formats


@blueprint.route("/sparql", methods=["OPTIONS"], provide_automatic_options=False)
def preflight():
    """Answer a CORS preflight: any origin may read."""
    response = Response(status=204, mimetype="text/plain")
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = \
        request.headers.get("Access-Control-Request-Headers") or "Accept, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


@blueprint.errorhandler(KBError)
def _error(error: KBError):
    """Errors as the client reads them: an HTML page, the JSON shape, or plain text."""
    log_failure(error)
    accept = request.accept_mimetypes
    json_quality = max(accept["application/json"], accept["application/sparql-results+json"])
    if request.path.endswith(".json") or (accept and json_quality > accept["text/plain"]):
        return jsonify(error.to_json()), error.status, retry_after(error)
    if accept and accept["text/html"] > max(json_quality, accept["text/plain"]):
        return error_page(error)
    return Response(f"{error}\n", status=error.status, content_type="text/plain; charset=utf-8",
                    headers=retry_after(error))


# --- reading the request -----------------------------------------------------------------------

def read_protocol_request() -> tuple[str | None, tuple[str, ...] | None, tuple[str, ...] | None]:
    """The query text and the dataset IRIs of a protocol request; ``None`` text for a bare GET."""
    if "update" in request.values or request.mimetype == "application/sparql-update":
        raise UpdateRefused("updates are refused: this endpoint is read-only",
                            hint="there is no update endpoint; send queries only")
    if request.method == "POST" and request.mimetype not in QUERY_TYPES:
        raise UnsupportedMediaType(
            f"cannot read a POST body of type {request.mimetype or '(none)'!r}",
            hint="send application/x-www-form-urlencoded with query=..., or application/sparql-query")
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        if "query" in request.args:
            raise QueryError("the query is both in the URL and in the body", hint="send it once")
        texts = [request.get_data(as_text=True)]
    else:
        texts = request.args.getlist("query") + request.form.getlist("query")
    if not texts and request.method == "POST":
        raise QueryError("the request has no query",
                         hint="send query=... form-encoded, or the query itself as application/sparql-query")
    if not texts:
        return None, None, None
    if not texts[0].strip():
        raise QueryError("the query is empty", where="query", hint="send a SELECT, ASK, CONSTRUCT or "
                         "DESCRIBE query")
    if len(texts) > 1:
        raise QueryError("more than one query in the request", hint="send exactly one query=")
    if len(texts[0]) > MAX_QUERY_LENGTH:
        raise QueryTooLong(f"the query has {len(texts[0])} characters",
                           hint=f"send at most {MAX_QUERY_LENGTH}")
    default = request.args.getlist("default-graph-uri") + request.form.getlist("default-graph-uri")
    named = request.args.getlist("named-graph-uri") + request.form.getlist("named-graph-uri")
    return texts[0], tuple(default) if default else None, tuple(named) if named else None


def negotiate(accept: MIMEAccept, named: str | None) -> tuple[str | None, str | None]:
    """The result format and the graph format for ``format=`` or, without it, the Accept header.

    ``None`` where the client takes none of ours for that kind of result; when it takes none for
    either, :class:`NotAcceptable` (406) names the formats on offer.
    """
    if named:
        chosen = _format_parameter(named.strip())
        if chosen != (None, None):
            return chosen
    # No format=, or one we do not know: the Accept header decides (as Fuseki and Virtuoso do).
    if not accept:
        return "json", "turtle"
    choices = []
    for by_type in (_RESULT_TYPES, _GRAPH_TYPES):
        best = accept.best_match(list(by_type))
        choices.append(by_type[best] if best and accept[best] > 0 else None)
    if choices == [None, None]:
        raise not_acceptable("any")
    return choices[0], choices[1]


def _format_parameter(name: str) -> tuple[str | None, str | None]:
    lowered = name.lower()
    if lowered in FORMAT_ALIASES:
        return FORMAT_ALIASES[lowered]
    if lowered in RESULT_FORMATS:
        return lowered, None
    if lowered in GRAPH_FORMATS:
        return None, lowered
    base = lowered.split(";")[0].strip()
    result = _by_media_type(RESULT_FORMATS, base)
    graph = _by_media_type(GRAPH_FORMATS, base)
    return result, graph  # (None, None) for a format we do not know: the Accept header decides


def _by_media_type(formats: dict[str, Format], media_type: str) -> str | None:
    for fmt in formats.values():
        if media_type in (fmt.media_type, *fmt.aliases):
            return fmt.name
    return None


def prefers_html(accept: MIMEAccept, result_format: str | None, graph_format: str | None) -> bool:
    """True for a browser: it ranks text/html above every format we would answer in."""
    if not accept:
        return False
    offered = [RESULT_FORMATS[result_format].media_type] if result_format else []
    offered += [GRAPH_FORMATS[graph_format].media_type] if graph_format else []
    return accept["text/html"] > max(accept[t] for t in offered)


# --- the service description -------------------------------------------------------------------

def service_description():
    """The SPARQL Service Description, in RDF, or as an HTML page for a browser."""
    endpoint_iri = request.base_url
    config = current_app.config
    if "format" in request.values:
        graph_format = _format_parameter(request.values["format"])[1]
    else:
        accept = request.accept_mimetypes
        offers = ["text/html", *(t for f in GRAPH_FORMATS.values() for t in (f.media_type, *f.aliases))]
        best = accept.best_match(offers) if accept else "text/turtle"
        if best == "text/html":
            return render_template(
                "sparql/service.html", endpoint=endpoint_iri, timeout=config["QUERY_TIMEOUT"],
                row_limit=config["ROW_LIMIT"], results=list(RESULT_FORMATS.values()),
                graphs_formats=list(GRAPH_FORMATS.values()),
                graphs=sorted(g.value for g in get_kb().graphs()),
                example=urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"}),
                turtle=url_for("sparql.endpoint", format="turtle"))
        graph_format = _by_media_type(GRAPH_FORMATS, best) if best else None
    if graph_format is None:
        raise not_acceptable("graph")
    chosen = GRAPH_FORMATS[graph_format]
    body = serialize(description_triples(endpoint_iri), format=chosen.oxigraph,
                     prefixes={"sd": SD.iri, "formats": W3C_FORMATS.iri, "dct": DCT.iri})
    response = Response(body, content_type=chosen.content_type)
    response.vary.add("Accept")
    return response


def description_triples(endpoint_iri: str) -> list[Triple]:
    """The Service Description of this endpoint as triples."""
    config = current_app.config
    service, dataset, default_graph = BlankNode(), BlankNode(), BlankNode()
    triples = [
        (service, RDF.type, SD.Service),
        (service, SD.endpoint, NamedNode(endpoint_iri)),
        (service, SD.supportedLanguage, SD.SPARQL11Query),
        (service, SD.feature, SD.UnionDefaultGraph),
        (service, DCT.description, Literal(
            f"A read-only SPARQL 1.1 query endpoint over a knowledge base of negotiation timelines. "
            f"Updates are refused; a query is stopped after {config['QUERY_TIMEOUT']:g} s; answers "
            f"past {config['ROW_LIMIT']} rows are cut, with the header X-KB-Truncated: true.")),
        (service, SD.defaultDataset, dataset),
        (dataset, RDF.type, SD.Dataset),
        (dataset, SD.defaultGraph, default_graph),
        (default_graph, RDF.type, SD.Graph),
        (default_graph, DCT.description, Literal("The union of all the named graphs.")),
    ]
    triples += [(service, SD.resultFormat, W3C_FORMATS[iri]) for iri in FORMAT_IRIS.values()]
    for graph in get_kb().graphs():
        node = BlankNode()
        triples += [(dataset, SD.namedGraph, node), (node, RDF.type, SD.NamedGraph),
                    (node, SD.name, graph)]
    return [Triple(*triple) for triple in triples]
