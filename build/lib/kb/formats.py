"""Every RDF and SPARQL results format the project reads or writes, in one place.

A :class:`Format` is one of pyoxigraph's :class:`~pyoxigraph.RdfFormat` or
:class:`~pyoxigraph.QueryResultsFormat` with what the project calls it: the name the CLI and the
``format=`` parameter use (``turtle``), its media type and file extension (pyoxigraph's), the other
media types accepted for it, and what it is used for (documents, dumps, loading). Tables elsewhere
are views of these two lists; add a format here and every place that lists formats offers it.

Imports pyoxigraph only: every layer may import this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class Format:
    """A format: the name the CLI and URLs use, pyoxigraph's format, other media types accepted."""

    name: str
    oxigraph: RdfFormat | QueryResultsFormat
    aliases: tuple[str, ...] = ()    # other media types a client may ask for it by
    document: bool = False           # an entity document may be given in it (``/id/event/x.ttl``)
    loadable: bool = False           # ``kb load`` reads files with its extension

    @property
    def media_type(self) -> str:
        """The media type, without parameters (``text/csv``)."""
        return self.oxigraph.media_type.split(";")[0]

    @property
    def extension(self) -> str:
        """The file extension and URL suffix, without the dot (``ttl``)."""
        return self.oxigraph.file_extension

    @property
    def dataset(self) -> bool:
        """True when the format carries named graphs (a whole knowledge base)."""
        return isinstance(self.oxigraph, RdfFormat) and self.oxigraph.supports_datasets

    @property
    def w3c_name(self) -> str:
        """The local name of the format's IRI under ``http://www.w3.org/ns/formats/`` (``Turtle``)."""
        return self.oxigraph.iri.rsplit("/", 1)[1]

    @property
    def content_type(self) -> str:
        """The Content-Type header (text formats say their charset)."""
        return f"{self.media_type}; charset=utf-8" if self.media_type.startswith("text/") else self.media_type


#: RDF formats by name, in the order ``kb dump`` has always listed them.
RDF: dict[str, Format] = {f.name: f for f in (
    Format("nquads", RdfFormat.N_QUADS, loadable=True),
    Format("trig", RdfFormat.TRIG, loadable=True),
    Format("turtle", RdfFormat.TURTLE, ("application/x-turtle",), document=True, loadable=True),
    Format("ntriples", RdfFormat.N_TRIPLES, ("text/plain",), document=True, loadable=True),
    Format("jsonld", RdfFormat.JSON_LD, ("application/json",), document=True, loadable=True),
    Format("rdfxml", RdfFormat.RDF_XML, ("application/xml", "text/xml"), document=True),
)}
#: SELECT and ASK results by name, in order of preference when a client states none.
RESULTS: dict[str, Format] = {f.name: f for f in (
    Format("json", QueryResultsFormat.JSON, ("application/json",)),
    Format("xml", QueryResultsFormat.XML, ("application/xml", "text/xml")),
    Format("csv", QueryResultsFormat.CSV),
    Format("tsv", QueryResultsFormat.TSV),
)}

#: ``kb dump`` and :meth:`kb.store.KnowledgeBase.dump`: name -> pyoxigraph format.
DUMP_FORMATS: dict[str, RdfFormat] = {name: f.oxigraph for name, f in RDF.items()}
#: The dump formats that keep named graphs (the others take the default graph).
DATASET_FORMATS: set[str] = {name for name, f in RDF.items() if f.dataset}
#: What the SPARQL endpoint answers CONSTRUCT and DESCRIBE in, in order of preference.
GRAPH_FORMATS: dict[str, Format] = {name: RDF[name] for name in ("turtle", "ntriples", "rdfxml", "jsonld")}
#: What the SPARQL endpoint answers SELECT and ASK in, in order of preference.
RESULT_FORMATS: dict[str, Format] = RESULTS
#: ``format=`` names a browser may give besides the names above: name -> (results, graph) name.
FORMAT_ALIASES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"),
    **{f.extension: (None, f.name) for f in GRAPH_FORMATS.values() if f.extension != f.name},
    **{f.extension: (f.name, None) for f in RESULTS.values() if f.extension != f.name},
    # What common clients send (SPARQLWrapper's defaults among them): N3 is answered as Turtle,
    # which every N3 reader reads.
    "rdf+xml": (None, "rdfxml"), "rdf": (None, "rdfxml"), "json-ld": (None, "jsonld"),
    "n3": (None, "turtle"), "text/n3": (None, "turtle"), "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
}
#: An entity document's formats: URL suffix -> (media type, pyoxigraph format).
DOCUMENT_FORMATS: dict[str, tuple[str, RdfFormat]] = {
    f.extension: (f.media_type, f.oxigraph) for f in RDF.values() if f.document}
#: The dumps the web app serves: file name -> (dump format name, media type).
DUMP_FILES: dict[str, tuple[str, str]] = {
    f"kb.{f.extension}": (name, f.media_type) for name, f in RDF.items() if f.dataset}
#: ``kb load``: file suffix (with the dot) -> pyoxigraph format.
LOAD_SUFFIXES: dict[str, RdfFormat] = {f".{f.extension}": f.oxigraph for f in RDF.values() if f.loadable}
#: Curation files ``kb load`` reads (YAML).
CURATION_SUFFIXES: set[str] = {".yaml", ".yml"}
#: Formats without named graphs: a file in one of them is loaded into a graph of its own.
TRIPLE_FORMATS: tuple[RdfFormat, ...] = tuple(
    f.oxigraph for f in RDF.values() if f.loadable and not f.dataset)
