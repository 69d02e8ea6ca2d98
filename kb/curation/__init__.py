"""Curation files: reading, checking and turning them into quads (package ``kb.curation``).

Owns the curation format (:mod:`kb.curation.format`: keys, synonyms, limits), the YAML reader that
keeps line numbers (:mod:`kb.curation.yamlines`), the checks across files (:mod:`kb.curation.catalog`),
"did you mean" hints (:mod:`kb.curation.hints`) and the SHACL check of the quads
(:mod:`kb.curation.validate`); this module reads one file into a :class:`Bundle` of quads. May import
the bottom modules (``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.formats``, ``kb.paths``) and
``kb.store``; never ``kb.load``, ``kb.queries``, ``kb.timeline`` or anything above.

Turn a curation file (seeds/*.yaml) and the article it cites into named graphs of quads.

Everything is checked before a single quad is produced: keys (each mapping has a closed set), ids,
roles, types, dates, Wikidata ids (only from ``seeds/reference/wikidata.tsv``) and that every cited
sentence and quote occurs verbatim in the article. Every error of the file is reported, one line
each, naming the file, line and field, and saying what to do (with the nearest known name).
A file refers to what other files define (in the same load or in the store) through a
:class:`kb.curation.catalog.Catalog`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kb import vocab
from kb.curation.catalog import Catalog, check_together, scan
from kb.curation.format import (
    KEYS,
    MIN_SENTENCE_CHARS,
    MIN_SENTENCE_WORDS,
    SYNONYMS,
    TERM_TYPES,
    TERM_UNITS,
)
from kb.curation.hints import closest_span, did_you_mean
from kb.curation.yamlines import Located, LocatedList
from kb.dates import DateValue, parse_edtf
from kb.errors import CurationError, CurationErrors
from kb.paths import WIKIDATA_TSV
from kb.vocab import (
    ACTOR_CLASSES,
    CAMEO_NS,
    EDTF_DATATYPE,
    KBO,
    OA,
    ORG,
    OWL,
    PLOVER_NS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
    Minter,
    is_slug,
)

#: The class of each kind of actor (``kind:`` in a curation file): :data:`kb.vocab.ACTOR_CLASSES`.
ACTOR_TYPES = ACTOR_CLASSES
ARTICLE = "article"
RELATIONS = {
    "answers": KBO.answers,
    "repeats": KBO.repeats,
    "precondition_for": KBO.isPreconditionFor,
    "part_of_round": KBO.partOfRound,
    "precedes": KBO.precedes,
    "reports_on": KBO.reportsOn,
    # This source's event is the same happening as an event another source reports (each source
    # keeps its own event, attributed to it; the link says they are one).
    "same_as": OWL.sameAs,
    # A counter-proposal to an offer, proposal or demand (the link that makes offer threads).
    "counters": KBO.counters,
}
#: A link the store can hold: http(s), no spaces or characters IRIs forbid.
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.ASCII)
_CODE = re.compile(r"[A-Za-z0-9_.-]{1,16}", re.ASCII)


@lru_cache(maxsize=1)
def wikidata_ids(path: Path = WIKIDATA_TSV) -> dict[str, str]:
    """The verified Wikidata ids (QID -> label) of ``seeds/reference/wikidata.tsv``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["qid"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}


@dataclass
class SourceBundle:
    """What one curation file contributes: its source, graphs and the quads of each."""

    slug: str
    path: Path
    graphs: dict[NamedNode, list[Quad]] = field(default_factory=dict)
    external_refs: set[NamedNode] = field(default_factory=set)
    errors: list[CurationError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Skip(Exception):
    """Stops checking one item (an actor, an event, ...) after its error was recorded."""


class _Reader:
    """Checks one curation file, records every error, and builds its quads."""

    def __init__(self, entry, minter: Minter, catalog: Catalog):
        self.path = entry.path
        self.where_file = entry.where
        self.minter = minter
        self.catalog = catalog
        self.data: Located = entry.data
        self.external: set[NamedNode] = set()
        self.errors: list[CurationError] = []
        self.article_text: str | None = None
        self.paraphrase_mode = False
        self.published: DateValue | None = None
        self.quads: dict[NamedNode, list[Quad]] = {}
        self.warnings: list[str] = []

    # -- errors ---------------------------------------------------------------------------------

    def line(self, node: object, key: str | None = None, item: int | None = None) -> int:
        line = node.line_of(key) if isinstance(node, Located) and key else getattr(node, "line", 0)
        items = node.get(key) if isinstance(node, Located) and key else None
        if item is not None and isinstance(items, LocatedList) and item < len(items.lines):
            line = items.lines[item]
        return line

    def note(
        self,
        node: object,
        key: str | None,
        message: str,
        hint: str | None = None,
        item: int | None = None,
        error: type[CurationError] = CurationError,
    ) -> None:
        """Record an error and go on."""
        line = self.line(node, key, item)
        where = f"{self.where_file} line {line}" if line else self.where_file
        self.errors.append(error(message, where=where, hint=hint))

    def fail(self, node, key, message, hint=None, item=None, error=CurationError):
        """Record an error and stop checking the current item."""
        self.note(node, key, message, hint, item, error)
        raise _Skip

    def each(self, items, check) -> None:
        """Run ``check`` on each item; an item's error does not stop the others."""
        for item in items:
            try:
                check(item)
            except _Skip:
                continue
            except ValueError as err:  # a value pyoxigraph cannot hold (should be caught earlier)
                self.note(item, None, f"a value cannot be stored as RDF ({err})", "fix the value")

    def closed(self, node: Located, kind: str, what: str) -> None:
        """Refuse keys the format does not have in a mapping of ``kind``, suggesting the nearest."""
        allowed = KEYS[kind]
        for key in node:
            if key not in allowed and SYNONYMS.get(key) in allowed:
                self.note(node, key, f"{what} has an unknown key '{key}'", f"did you mean '{SYNONYMS[key]}'?")
            elif key not in allowed:
                self.note(
                    node,
                    key,
                    f"{what} has an unknown key '{key}'",
                    did_you_mean(
                        key,
                        allowed,
                        f"keys of {kind if kind != 'file' else 'the file'} are: {', '.join(sorted(allowed))}",
                    ),
                )

    def mapping(self, value: object, parent: Located, key: str, what: str, item=None) -> Located:
        if not isinstance(value, Located):
            self.fail(
                parent,
                key,
                f"{what} must be a mapping ('key: value' lines), not {_kind(value)}",
                "see seeds/README.md",
                item=item,
            )
        return value

    def need(self, node: Located, key: str, what: str, hint: str | None = None):
        value = node.get(key)
        if value is None or value == "" or value == []:
            self.fail(node, key, f"{what} has no '{key}'", hint)
        return value

    def text(self, node: Located, key: str, what: str, required: bool = True) -> str | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            found = "" if value is None else f", not {_kind(value)}"
            self.fail(node, key, f"{what}: '{key}' must be a non-empty text{found}", f"write '{key}: ...'")
        return value.strip()

    def texts(self, node: Located, key: str, what: str) -> list[str]:
        """A list of non-empty texts (a single text counts as a list of one)."""
        value = node.get(key)
        if value is None:
            return []
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list):
            self.fail(
                node,
                key,
                f"{what}: '{key}' must be a list of texts, not {_kind(value)}",
                f"write '{key}: [first, second]'",
            )
        for index, item in enumerate(values):
            if not isinstance(item, str) or not item.strip():
                self.fail(
                    node,
                    key,
                    f"{what}: item {index + 1} of '{key}' must be a non-empty text, not {_kind(item)}",
                    "write each item as plain text",
                    item=index,
                )
        return [item.strip() for item in values]

    def ids(self, node: Located, key: str, what: str) -> list[str]:
        """A list of ids (a single id counts as a list of one)."""
        values = self.texts(node, key, what)
        for index, value in enumerate(values):
            if not is_slug(value):
                self.fail(
                    node,
                    key,
                    f"{what}: {value!r} in '{key}' is not an id",
                    "ids are lower-case letters, digits, '-', '.' or '_'",
                    item=index,
                )
        return values

    def slug(self, node: Located, what: str, key: str = "id") -> str:
        value = node.get(key)
        if not isinstance(value, str) or not is_slug(value):
            self.fail(
                node,
                key,
                f"{what} has no valid '{key}' ({_short(value)})",
                "use lower-case letters, digits, '-', '.' or '_', e.g. 'id: barnea-offer'",
            )
        return value

    def items(self, key: str) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.note(
                self.data,
                key,
                f"'{key}' must be a list of mappings, not {_kind(value)}",
                "see seeds/README.md",
            )
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, Located):
                good.append(item)
            else:
                self.note(
                    self.data,
                    key,
                    f"item {index + 1} of '{key}' must be a mapping, not {_kind(item)}",
                    "write it as '- id: ...' with its keys below",
                    item=index,
                )
        return good

    # -- the file -------------------------------------------------------------------------------

    def read(self) -> SourceBundle:
        self.closed(self.data, "file", "the file")
        source = self.data.get("source")
        if not isinstance(source, Located):
            self.note(
                self.data,
                "source",
                "the file has no 'source' mapping",
                "start the file with 'source:' (see seeds/README.md)",
            )
            return SourceBundle("", self.path, errors=self.errors)
        try:
            self.source_slug = self.slug(source, "the source")
        except _Skip:
            return SourceBundle("", self.path, errors=self.errors)
        self.article = self.minter.source(self.source_slug)
        self.main_graph = self.minter.graph(self.source_slug)
        self.quads = {self.main_graph: []}
        self.actor_nodes = [n for n in self.items("actors") if "ref" not in n]
        self.ref_nodes = [n for n in self.items("actors") if "ref" in n]
        self.actors = self.read_actors()
        self.places = self.read_places()
        self.each([source], self.read_source)
        self.claimants = self.read_claimants()
        self.read_positions()
        self.read_events()
        bundle = SourceBundle(self.source_slug, self.path, errors=self.errors)
        bundle.graphs = self.quads
        bundle.external_refs = self.external
        bundle.warnings = self.warnings
        return bundle

    def add(self, graph: NamedNode, subject, predicate, obj) -> None:
        self.quads.setdefault(graph, []).append(Quad(subject, predicate, obj, graph))

    def add_text(self, graph, subject, predicate, value: str) -> None:
        self.add(graph, subject, predicate, Literal(value))

    def add_date(self, graph, subject, value: DateValue) -> None:
        self.add(graph, subject, KBO.edtf, Literal(value.edtf, datatype=EDTF_DATATYPE))
        self.add(
            graph,
            subject,
            SEM.hasEarliestBeginTimeStamp,
            Literal(value.earliest.isoformat(), datatype=XSD.date),
        )
        self.add(
            graph, subject, SEM.hasLatestEndTimeStamp, Literal(value.latest.isoformat(), datatype=XSD.date)
        )
        self.add_text(graph, subject, KBO.datePrecision, value.precision)

    def wikidata(self, node: Located, subject: NamedNode, names: list[str]) -> None:
        qid = node.get("wikidata")
        if qid is None:
            return
        known = wikidata_ids()
        if not isinstance(qid, str) or qid not in known:
            self.fail(
                node,
                "wikidata",
                f"Wikidata id {_short(qid)} is not in seeds/reference/wikidata.tsv",
                "only verified ids may be used: remove 'wikidata' to leave the entity unlinked",
            )
        if known[qid].casefold() not in {name.casefold() for name in names}:
            self.fail(
                node,
                "wikidata",
                f"Wikidata id {qid} is listed for '{known[qid]}', not for '{names[0] if names else '?'}'",
                f"add '{known[qid]}' as an alias if it is the same entity, else remove 'wikidata'",
            )
        self.add(self.main_graph, subject, SCHEMA.sameAs, NamedNode(vocab.WIKIDATA_ENTITY + qid))

    def read_actors(self) -> dict[str, NamedNode]:
        actors: dict[str, NamedNode] = {}
        for node in self.actor_nodes:
            value = node.get("id")
            if isinstance(value, str) and is_slug(value):
                actors.setdefault(value, self.minter.actor(value))
        self.each(self.actor_nodes, lambda node: self.read_actor(node, actors))
        self.each(self.ref_nodes, lambda node: self.read_actor_ref(node, actors))
        for node in self.actor_nodes:
            try:
                for whole in self.ids(node, "part_of", f"actor '{node.get('id')}'"):
                    outer = self.ref(node, "part_of", actors, "actor", value=whole)
                    link = ORG.memberOf if node.get("type") == "person" else ORG.subOrganizationOf
                    if node.get("id") in actors:
                        self.add(self.main_graph, actors[node["id"]], link, outer)
            except _Skip:
                continue
        return actors

    def read_actor(self, node: Located, actors: dict[str, NamedNode]) -> None:
        slug = self.slug(node, "an actor")
        self.closed(node, "actor", f"actor '{slug}'")
        kind = node.get("type", "organization")
        if not isinstance(kind, str) or kind not in ACTOR_TYPES:
            self.fail(
                node,
                "type",
                f"actor '{slug}' has unknown type {_short(kind)}",
                did_you_mean(kind, ACTOR_TYPES),
            )
        iri = actors[slug]
        name = self.text(node, "name", f"actor '{slug}'")
        aliases = self.texts(node, "aliases", f"actor '{slug}'")
        graph = self.main_graph
        self.add(graph, iri, RDF.type, SEM.Actor)
        self.add(graph, iri, RDF.type, KBO.Actor)
        self.add(graph, iri, RDF.type, ACTOR_TYPES[kind])
        self.add_text(graph, iri, RDFS.label, name)
        self.add_text(graph, iri, SCHEMA.name, name)
        for alias in aliases:
            self.add_text(graph, iri, SKOS.altLabel, alias)
        self.curator_note(node, iri, f"actor '{slug}'")
        self.wikidata(node, iri, [name, *aliases])

    def curator_note(self, node: Located, subject: NamedNode, what: str) -> None:
        note = self.text(node, "note", what, required=False)
        if note:
            self.add_text(self.main_graph, subject, KBO.curatorNote, note)

    def read_actor_ref(self, node: Located, actors: dict[str, NamedNode]) -> None:
        """``- ref: ID``: an actor another file defines, with what this source adds about it."""
        slug = self.slug(node, "an actor reference", "ref")
        self.closed(node, "actor reference", f"actor reference '{slug}'")
        if slug in actors:
            self.fail(
                node,
                "ref",
                f"actor '{slug}' is defined in this file and referred to with 'ref'",
                "add the aliases, positions or wikidata to its definition",
            )
        iri = self.ref(node, "ref", actors, "actor")
        aliases = self.texts(node, "aliases", f"actor reference '{slug}'")
        for alias in aliases:
            self.add_text(self.main_graph, iri, SKOS.altLabel, alias)
        self.curator_note(node, iri, f"actor reference '{slug}'")
        if node.get("wikidata") is not None:
            name = self.catalog.actor_label(slug) or slug
            self.wikidata(node, iri, [name, *aliases])
        actors[slug] = iri

    def read_places(self) -> dict[str, NamedNode]:
        places: dict[str, NamedNode] = {}
        nodes = self.items("places")
        for node in nodes:
            value = node.get("id")
            if isinstance(value, str) and is_slug(value):
                places.setdefault(value, self.minter.place(value))

        def read_place(node: Located) -> None:
            slug = self.slug(node, "a place")
            self.closed(node, "place", f"place '{slug}'")
            iri = places[slug]
            name = self.text(node, "name", f"place '{slug}'")
            self.add(self.main_graph, iri, RDF.type, SEM.Place)
            self.add(self.main_graph, iri, RDF.type, SCHEMA.Place)
            self.add_text(self.main_graph, iri, RDFS.label, name)
            self.add_text(self.main_graph, iri, SCHEMA.name, name)
            self.curator_note(node, iri, f"place '{slug}'")
            self.wikidata(node, iri, [name])
            if node.get("within") is not None:
                outer = self.ref(node, "within", places, "place")
                self.add(self.main_graph, iri, SCHEMA.containedInPlace, outer)

        self.each(nodes, read_place)
        return places

    def ref(self, node: Located, key: str, local: dict, kind: str, value=None) -> NamedNode:
        """Resolve an id to an IRI: defined in this file, by another file of the load, or in the store."""
        value = node.get(key) if value is None else value
        if value is None:
            self.fail(
                node,
                key,
                f"'{key}' names no {kind}",
                f"give the id of {'an' if kind[0] in 'aeiou' else 'a'} {kind}, e.g. '{key}: ID'",
            )
        if isinstance(value, str) and value in local:
            return local[value]
        if isinstance(value, str) and is_slug(value):
            iri = self.minter.entity(kind, value)
            if self.catalog.defined_elsewhere(kind, value, self.where_file) or self.catalog.in_store(iri):
                self.external.add(iri)
                return iri
        known = set(local) | self.catalog.names(kind)
        close = did_you_mean(
            value, known, f"define it under '{kind}s:' in this file or load the file that defines it"
        )
        self.fail(node, key, f"unknown {kind} {_short(value)}", close)

    def read_source(self, source: Located) -> None:
        self.closed(source, "source", "the source")
        graph, article = self.main_graph, self.article
        self.add_text(graph, graph, KBO.curationFile, self.path.name)
        self.paraphrase_mode = source.get("text") is None and "text" not in source
        if not self.paraphrase_mode:
            self.attempt(self.read_article, source)
        elif source.get("url") is None:
            self.note(
                source,
                "url" if "url" in source else "id",
                "a source without a stored text (paraphrase mode) has no 'url'",
                "give 'url: https://...' where the report was published, or add 'text:' with the "
                "article's text beside this file",
            )
        author = self.attempt(self.text, source, "author", "the source", False)
        published = self.attempt(self.read_published, source)
        publisher = self.attempt(self.ref, source, "publisher", self.actors, "actor")
        title = self.attempt(self.text, source, "title", "the source")
        url = source.get("url")
        if url is not None and (not isinstance(url, str) or not _URL.fullmatch(url)):
            self.note(
                source,
                "url",
                f"the source's url {_short(url)} is not an http(s) address",
                "give the full address, e.g. https://example.org/story (spaces as %20), or 'url: null'",
            )
            url = None
        if None in (published, publisher, title) or (self.article_text is None and not self.paraphrase_mode):
            raise _Skip
        note = self.text(published, "note", "source.published", required=False)
        self.add(graph, article, RDF.type, SCHEMA.NewsArticle)
        self.add(graph, article, RDF.type, PROV.Entity)
        self.add_text(graph, article, SCHEMA.headline, title)
        self.add_text(graph, article, RDFS.label, title)
        self.add(graph, article, SCHEMA.publisher, publisher)
        if self.article_text is not None:
            self.add_text(graph, article, SCHEMA.text, self.article_text)
            self.add_text(graph, article, KBO.fileName, self.text_name)
        if author:
            self.add_text(graph, article, SCHEMA.author, author)
        self.add_date(graph, article, self.published)
        if note:
            self.add_text(graph, article, KBO.dateNote, note)
        if url:
            self.add(graph, article, SCHEMA.url, NamedNode(url))
        self.describe_graph(graph, publisher, f"What '{title}' states in its own voice", None)

    def read_article(self, source: Located) -> None:
        text_name = self.text_name = self.text(source, "text", "the source")
        folder = self.path.parent.resolve()
        text_path = (self.path.parent / text_name).resolve()
        if not text_path.is_relative_to(folder) or text_path == folder:
            self.fail(
                source,
                "text",
                f"the article text {text_name!r} is outside the curation file's folder",
                "put the article's text beside the curation file and give its name",
            )
        try:
            article_text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else "not UTF-8 text"
            self.fail(
                source,
                "text",
                f"cannot read the article text {text_name} ({reason})",
                "put the article's text beside the curation file",
            )
        self.article_text = article_text

    def read_published(self, source: Located) -> Located:
        published = (
            self.mapping(source.get("published"), source, "published", "source.published")
            if source.get("published") is not None
            else None
        )
        if published is None:
            self.fail(
                source,
                "published",
                "the source has no 'published' date",
                "add 'published: {edtf: ..., note: ...}', with the reasoning when inferred",
            )
        self.closed(published, "published", "source.published")
        self.published = self.date_value(published, "edtf", "source.published.edtf")
        return published

    def describe_graph(self, graph: NamedNode, claimant: NamedNode, label: str, parent) -> None:
        self.add(self.main_graph, graph, RDF.type, KBO.ClaimGraph)
        self.add(self.main_graph, graph, PROV.wasAttributedTo, claimant)
        self.add(self.main_graph, graph, KBO.reportedIn, self.article)
        self.add_text(self.main_graph, graph, RDFS.label, label)
        if parent is not None:
            self.add(self.main_graph, graph, PROV.wasDerivedFrom, parent)

    def read_claimants(self) -> dict[str, NamedNode]:
        claimants = {ARTICLE: self.main_graph}
        nodes = self.items("claimants")
        for node in nodes:
            value = node.get("id")
            if isinstance(value, str) and is_slug(value) and value not in claimants:
                claimants[value] = self.minter.graph(self.source_slug, value)

        def read_claimant(node: Located) -> None:
            slug = self.slug(node, "a claimant")
            self.closed(node, "claimant", f"claimant '{slug}'")
            if slug == ARTICLE or sum(1 for other in nodes if other.get("id") == slug) > 1:
                self.fail(node, "id", f"claimant id {slug!r} is taken", "choose another id")
            actor = self.ref(node, "actor", self.actors, "actor")
            via = node.get("via", ARTICLE)
            if not isinstance(via, str) or via not in claimants or via == slug:
                self.fail(
                    node,
                    "via",
                    f"claimant {slug!r} is relayed via unknown {_short(via)}",
                    did_you_mean(via, set(claimants) - {slug}, "name 'article' or another claimant id"),
                )
            verb = self.text(node, "verb", f"claimant '{slug}'", required=False) or "claims"
            label = f"What {self.actor_name(node['actor'])} {verb}, as the article relays it"
            self.describe_graph(claimants[slug], actor, label, claimants[via])

        self.each(nodes, read_claimant)
        return claimants

    def actor_name(self, slug: str) -> str:
        for node in self.actor_nodes:
            if node.get("id") == slug and isinstance(node.get("name"), str):
                return node["name"]
        return self.catalog.actor_label(slug) or slug

    def claim_graph(self, node: Located) -> NamedNode:
        claimant = node.get("according_to", ARTICLE)
        if not isinstance(claimant, str) or claimant not in self.claimants:
            self.fail(
                node,
                "according_to",
                f"unknown claimant {_short(claimant)}",
                did_you_mean(
                    claimant,
                    self.claimants,
                    f"use 'article' or one of the claimants: {', '.join(sorted(self.claimants))}",
                ),
            )
        return self.claimants[claimant]

    def read_positions(self) -> None:
        for actor_node in self.actor_nodes + self.ref_nodes:
            slug = actor_node.get("id", actor_node.get("ref"))
            if not isinstance(slug, str) or slug not in self.actors or actor_node.get("positions") is None:
                continue
            positions = actor_node["positions"]
            if not isinstance(positions, list):
                self.note(
                    actor_node,
                    "positions",
                    f"actor '{slug}': 'positions' must be a list of mappings, not {_kind(positions)}",
                    "write '- title: ...' under it",
                )
                continue
            numbered = list(enumerate(positions, start=1))
            self.each(
                numbered,
                lambda pair, slug=slug, actor_node=actor_node: self.read_position(actor_node, slug, *pair),
            )

    def read_position(self, actor_node: Located, slug: str, index: int, node: object) -> None:
        node = self.mapping(node, actor_node, "positions", f"position {index} of '{slug}'", item=index - 1)
        self.closed(node, "position", f"a position of '{slug}'")
        post = self.minter.entity("post", f"{self.source_slug}-{slug}-{index}")
        graph = self.claim_graph(node)
        title = self.text(node, "title", f"a position of '{slug}'")
        note = self.text(node, "note", f"a position of '{slug}'", required=False)
        org = None
        if node.get("organization") is not None:
            org = self.ref(node, "organization", self.actors, "actor")
        if self.published is None:
            raise _Skip
        self.add(graph, post, RDF.type, ORG.Post)
        self.add(graph, post, RDF.type, KBO.Position)
        self.add_text(graph, post, RDFS.label, title)
        self.add(graph, post, ORG.heldBy, self.actors[slug])
        self.add(graph, self.actors[slug], ORG.holds, post)
        self.add(graph, post, KBO.accordingTo, self.article)
        self.add(graph, post, KBO.asOf, Literal(self.published.edtf, datatype=EDTF_DATATYPE))
        if org is not None:
            self.add(graph, post, ORG.postIn, org)
        if note:
            self.add_text(graph, post, KBO.curatorNote, note)

    # -- events ---------------------------------------------------------------------------------

    def date_value(self, node: Located, key: str, field: str) -> DateValue:
        try:
            return parse_edtf(node.get(key), field)
        except CurationError as err:
            self.fail(node, key, f"{field}: {err.message}", err.hint, error=type(err))

    def read_events(self) -> None:
        nodes = self.items("events")
        if self.data.get("events") in (None, []):
            self.note(self.data, "events", "the file has no events", "add at least one under 'events:'")
        nodes = self.finished(nodes)
        self.events: dict[str, NamedNode] = {}
        self.event_nodes: dict[str, Located] = {}
        claims = [node for node in nodes if "ref" in node and "id" not in node]
        nodes = [node for node in nodes if not ("ref" in node and "id" not in node)]
        for node in nodes:
            value = node.get("id")
            if isinstance(value, str) and is_slug(value) and value not in self.events:
                self.events[value] = self.minter.event(value)
                self.event_nodes[value] = node
        self.each(nodes, self.read_event)
        self.claimed: dict[str, Located] = {}
        self.each(claims, self.read_claim)

    def read_claim(self, node: Located) -> None:
        """``- ref: ID`` under ``events:``: this source's own claim about an event another source
        defines. The claim goes to this source's graph about the same event IRI, so the record has
        one event and, per source, what that source says of it."""
        slug = self.slug(node, "a claim about a known event", "ref")
        what = f"the claim about event '{slug}'"
        self.closed(node, "event claim", what)
        if slug in self.events:
            self.fail(
                node,
                "ref",
                f"event '{slug}' is defined in this file and claimed again with 'ref'",
                "a source says what it says of an event once: merge the two entries",
            )
        if self.claimed.setdefault(slug, node) is not node:
            self.fail(
                node,
                "ref",
                f"this source already has a claim about event '{slug}' "
                f"(line {self.claimed[slug].line_of('ref')})",
                "a source says what it says of an event once: merge the two entries",
            )
        iri = self.minter.event(slug)
        if not (self.catalog.defined_elsewhere("event", slug, self.where_file) or self.catalog.in_store(iri)):
            self.fail(
                node,
                "ref",
                f"no source defines an event '{slug}'",
                did_you_mean(
                    slug,
                    self.catalog.names("event"),
                    "name an event id another curation file defines (load it too), or make this "
                    "a new event with 'id:'",
                ),
            )
        self.external.add(iri)
        graph = self.attempt(self.claim_graph, node) or self.main_graph
        self.add(graph, iri, KBO.alsoReportedBy, self.article)
        self.read_account(node, iri, graph, what, f"{slug}--{self.source_slug}")

    def finished(self, nodes: list[Located]) -> list[Located]:
        """The events without a 'todo:' (a part kb extract could not fill). In a draft (a file
        with 'draft: true') each unfinished event is left out with a warning; elsewhere it is an
        error. An event's 'draft:' mapping (why kb extract proposed it) is never loaded."""
        ready = []
        for node in nodes:
            todo = node.get("todo")
            if todo is None:
                ready.append(node)
            elif self.data.get("draft") is True:
                self.warnings.append(
                    f"{self.where_file} line {node.line_of('todo')}: event '{node.get('id')}' "
                    f"left out of the load: todo: {todo}")
            else:
                self.note(node, "todo", f"event '{node.get('id')}' is not finished: {todo}",
                          "finish it and remove 'todo' (or mark the file 'draft: true')")
        return ready

    def read_event(self, node: Located) -> None:
        slug = self.slug(node, "an event")
        what = f"event '{slug}'"
        if self.event_nodes.get(slug) is not node:
            raise _Skip  # a second definition: reported by kb.curation.catalog.check_together
        self.closed(node, "event", what)
        iri = self.events[slug]
        graph = self.attempt(self.claim_graph, node) or self.main_graph
        self.attempt(self.read_codes, node, iri, graph, what)
        self.read_account(node, iri, graph, what, slug)

    def read_account(self, node: Located, iri, graph, what: str, anchor: str) -> None:
        """What a source says of an event, whether it defines the event or reports one another
        defines (the keys of :data:`kb.curation.format._ACCOUNT`). Each part is checked on its own,
        so that one run reports every fault of the event."""
        self.attempt(self.read_event_kind, node, iri, graph, what)
        self.attempt(self.read_event_date, node, iri, graph, what)
        self.attempt(self.read_event_actors, node, iri, graph, what)
        self.attempt(self.read_event_details, node, iri, graph, what)
        for key, predicate in RELATIONS.items():
            self.attempt(self.read_relation, node, key, predicate, iri, graph, what)
        self.attempt(self.read_terms, node, iri, graph, what)
        self.attempt(self.read_sentences, node, iri, graph, what, anchor)

    def attempt(self, check, *args):
        """Run one part of a check; its error is recorded and the other parts go on."""
        try:
            return check(*args)
        except _Skip:
            return None

    def read_event_kind(self, node: Located, iri, graph, what: str) -> None:
        kind = self.need(node, "type", what, "add e.g. 'type: Offer'")
        if kind not in vocab.EVENT_TYPES:
            self.fail(
                node, "type", f"{what} has unknown type {_short(kind)}", did_you_mean(kind, vocab.EVENT_TYPES)
            )
        label = self.attempt(self.text, node, "label", what, "ref" not in node)
        status = node.get("status", "happened")
        if status not in vocab.STATUSES:
            self.fail(
                node,
                "status",
                f"{what} has unknown status {_short(status)}",
                did_you_mean(status, vocab.STATUSES),
            )
        self.add(graph, iri, RDF.type, KBO[kind])
        if label:
            self.add_text(graph, iri, RDFS.label, label)
        self.add(graph, iri, KBO.status, KBO[status])

    def read_event_details(self, node: Located, iri, graph, what: str) -> None:
        if node.get("place") is not None:
            place = self.attempt(self.ref, node, "place", self.places, "place")
            if place is not None:
                self.add(graph, iri, SEM.hasPlace, place)
        for key, predicate in (("offers", KBO.offers), ("means", KBO.means), ("note", KBO.curatorNote),
                               ("answers_unrecorded", KBO.answersUnrecorded)):
            value = self.attempt(self.text, node, key, what, False)
            if value is not None:
                self.add_text(graph, iri, predicate, value)
        for value in self.texts(node, "in_exchange_for", what):
            self.add_text(graph, iri, KBO.inExchangeFor, value)

    def read_relation(self, node: Located, key: str, predicate, iri, graph, what: str) -> None:
        for value in self.ids(node, key, what):
            target = self.ref(node, key, self.events, "event", value=value)
            self.add(graph, iri, predicate, target)

    def read_event_date(self, node: Located, iri, graph, what: str) -> None:
        if node.get("date") is None:
            self.fail(
                node,
                "date" if "date" in node else "id",
                f"{what} has no date",
                "add 'date:' with 'text' (the source's words) and 'edtf' (e.g. 2024-10)",
            )
        date_node = self.mapping(node.get("date"), node, "date", f"{what}: the date")
        self.closed(date_node, "date", f"{what}: the date")
        value = self.date_value(date_node, "edtf", f"event '{node.get('id', node.get('ref'))}' date.edtf")
        date_text = date_node.get("text")
        if not isinstance(date_text, str) or not date_text.strip():
            self.fail(
                date_node,
                "text",
                f"{what}: the date has no 'text'",
                "give the expression the source used, e.g. 'text: last week'",
            )
        note = self.text(date_node, "note", f"{what}: the date", required=False)
        anchor = date_node.get("anchor")
        anchor_value = self.anchor_value(date_node, anchor) if anchor is not None else None
        self.add_text(graph, iri, KBO.dateText, date_text.strip())
        self.add_date(graph, iri, value)
        for key in value.month_keys():
            self.add_text(graph, iri, KBO.monthKey, key)
        if anchor_value is not None:
            self.add(graph, iri, KBO.dateAnchor, anchor_value)
        if note:
            self.add_text(graph, iri, KBO.dateNote, note)

    def anchor_value(self, date_node: Located, anchor: object) -> Literal:
        if anchor == "published":
            if self.published is None:
                raise _Skip
            return Literal(self.published.edtf, datatype=EDTF_DATATYPE)
        if isinstance(anchor, str) and anchor.startswith("event:"):
            target = self.event_nodes.get(anchor[len("event:") :])
            if target is None or not isinstance(target.get("date"), Located):
                self.fail(
                    date_node,
                    "anchor",
                    f"anchor {anchor!r} names no dated event in this file",
                    did_you_mean(
                        anchor[len("event:") :],
                        self.event_nodes,
                        "use 'published', a day YYYY-MM-DD or 'event:ID'",
                    ),
                )
            edtf = self.date_value(target["date"], "edtf", f"{anchor} date.edtf").edtf
            return Literal(edtf, datatype=EDTF_DATATYPE)
        if not isinstance(anchor, (str, int)) or isinstance(anchor, bool):
            self.fail(
                date_node,
                "anchor",
                f"the date's anchor must be a text, not {_kind(anchor)}",
                "use 'published', a day YYYY-MM-DD or 'event:ID'",
            )
        return Literal(self.date_value(date_node, "anchor", "date.anchor").edtf, datatype=EDTF_DATATYPE)

    def read_event_actors(self, node: Located, iri, graph, what: str) -> None:
        actors = node.get("actors")
        if not isinstance(actors, list) or not actors:
            self.fail(
                node,
                "actors" if "actors" in node else "id",
                f"{what} has no actors",
                "add 'actors:' with at least one '{actor: ID, role: ROLE}'",
            )
        for index, entry in enumerate(actors):
            if not isinstance(entry, Located):
                self.fail(
                    node,
                    "actors",
                    f"{what}: each actor must be '{{actor: ID, role: ROLE}}', not {_kind(entry)}",
                    "write '- {actor: ID, role: ROLE}'",
                    item=index,
                )
            self.closed(entry, "event actor", f"{what}: an actor")
            actor = self.ref(entry, "actor", self.actors, "actor")
            role = entry.get("role")
            if role is None:
                self.fail(
                    entry,
                    "actor",
                    f"{what} gives actor '{entry.get('actor')}' no role",
                    "add 'role: ...', e.g. 'role: offerer'",
                )
            if role not in vocab.ROLE_TYPES:
                self.fail(
                    entry,
                    "role",
                    f"{what} gives actor '{entry.get('actor')}' unknown role {_short(role)}",
                    did_you_mean(role, vocab.ROLE_TYPES),
                )
            role_node = NamedNode(f"{iri.value}/role/{role}-{entry['actor']}")
            self.add(graph, iri, SEM.hasActor, role_node)
            self.add(graph, role_node, RDF.type, SEM.Role)
            self.add(graph, role_node, SEM.roleType, KBO[role])
            self.add(graph, role_node, RDF.value, actor)
            self.add(graph, iri, KBO.involves, actor)

    def read_codes(self, node: Located, iri, graph, what: str) -> None:
        for key, namespace, predicate in (("cameo", CAMEO_NS, KBO.cameo), ("plover", PLOVER_NS, KBO.plover)):
            value = node.get(key)
            if value is None:
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, (str, int))
                or not _CODE.fullmatch(str(value))
            ):
                self.fail(
                    node,
                    key,
                    f"{what}: {_short(value)} is not a {key.upper()} code",
                    "give the code as text, e.g. 'cameo: \"0353\"' or 'plover: AGREE'",
                )
            self.add(graph, iri, predicate, NamedNode(namespace + str(value).strip()))

    def read_terms(self, node: Located, iri, graph, what: str) -> None:
        """``terms:``: the structured terms of an offer, proposal or demand (see seeds/README.md)."""
        terms = node.get("terms")
        if terms is None:
            return
        if not isinstance(terms, list):
            self.fail(node, "terms", f"{what}: 'terms' must be a list of mappings, not {_kind(terms)}",
                      "write '- {type: ceasefire, number: 2, unit: day}' under it")
        for index, term in enumerate(terms, start=1):
            term = self.mapping(term, node, "terms", f"{what}: term {index}", item=index - 1)
            self.closed(term, "term", f"{what}: term {index}")
            kind = term.get("type")
            if kind not in TERM_TYPES:
                self.fail(term, "type", f"{what}: term {index} has unknown type {_short(kind)}",
                          did_you_mean(kind, TERM_TYPES, f"term types are: {', '.join(TERM_TYPES)}"))
            node_iri = NamedNode(f"{iri.value}/term/{self.source_slug}-{index}")
            self.add(graph, iri, KBO.hasTerm, node_iri)
            self.add(graph, node_iri, RDF.type, KBO.Term)
            self.add(graph, node_iri, RDF.type, KBO[vocab.TERM_CLASSES[kind]])
            for key, predicate in (("given_by", KBO.givenBy), ("to", KBO.givenTo)):
                for actor in self.ids(term, key, f"{what}: term {index}"):
                    target = self.ref(term, key, self.actors, "actor", value=actor)
                    self.add(graph, node_iri, predicate, target)
            number = term.get("number")
            if number is not None:
                if isinstance(number, bool) or not isinstance(number, (int, float)) or number != number:
                    self.fail(term, "number",
                              f"{what}: term {index}: 'number' {_short(number)} is not a number",
                              "write the number in digits (e.g. 'number: 4'); say what the source says "
                              "in words with 'text:' and leave 'number' out")
                if number < 0:
                    self.fail(term, "number", f"{what}: term {index}: 'number' {number} is negative",
                              "give the count or length the source states")
                literal = (Literal(str(number), datatype=XSD.integer) if isinstance(number, int)
                           else Literal(repr(float(number)), datatype=XSD.decimal))
                self.add(graph, node_iri, KBO.quantity, literal)
            unit = term.get("unit")
            if unit is not None:
                if unit not in TERM_UNITS:
                    self.fail(term, "unit", f"{what}: term {index} has unknown unit {_short(unit)}",
                              did_you_mean(unit, TERM_UNITS, f"units are: {', '.join(TERM_UNITS)}"))
                self.add_text(graph, node_iri, KBO.unit, unit)
            for key, predicate in (("category", KBO.termCategory), ("ratio", KBO.ratio),
                                   ("text", KBO.termText), ("note", KBO.curatorNote)):
                value = self.text(term, key, f"{what}: term {index}", required=False)
                if value:
                    self.add_text(graph, node_iri, predicate, value)
            if term.get("ratio") is not None and not re.fullmatch(r"\d+(\.\d+)?:\d+(\.\d+)?", term["ratio"]):
                self.fail(term, "ratio", f"{what}: term {index}: ratio {_short(term['ratio'])} is not 'N:M'",
                          "write e.g. 'ratio: \"1:30\"' (prisoners per hostage)")

    def read_paraphrase(self, node: Located, iri, graph, what: str) -> None:
        """A source without a stored text: the curator's own words for what it says, never its text."""
        for key in ("sentences", "quote"):
            if node.get(key) is not None:
                self.fail(node, key,
                          f"{what}: '{key}' needs the source's text, which this file does not store",
                          "write what the source says in your own words under 'paraphrase:'")
        paraphrase = node.get("paraphrase")
        if not isinstance(paraphrase, str) or len(paraphrase.split()) < MIN_SENTENCE_WORDS:
            self.fail(node, "paraphrase" if "paraphrase" in node else "id" if "id" in node else "ref",
                      f"{what} has no paraphrase",
                      "add 'paraphrase:' with what the source reports, in your own words")
        self.add_text(graph, iri, KBO.paraphrase, paraphrase.strip())
        self.add(graph, iri, KBO.source, self.article)

    def read_sentences(self, node: Located, iri, graph, what: str, annotation_slug: str) -> None:
        if self.paraphrase_mode:
            self.read_paraphrase(node, iri, graph, what)
            return
        if node.get("paraphrase") is not None:
            self.fail(node, "paraphrase",
                      f"{what}: a paraphrase belongs to a source without a stored text, and needs its url",
                      "cite the article's sentences here; curate a report you may not store in a file "
                      "of its own with 'url:' and no 'text:'")
        sentences = self.texts(node, "sentences", what)
        if not sentences:
            self.fail(
                node,
                "sentences" if "sentences" in node else "id",
                f"{what} cites no sentence",
                "add 'sentences:' with the verbatim sentence(s) of the article that report it",
            )
        raw = node.get("sentences")
        raw = [raw] if isinstance(raw, str) else raw
        quote = node.get("quote")
        if quote is not None and (not isinstance(quote, str) or len(quote.strip()) < 2):
            self.fail(
                node,
                "quote",
                f"{what}: the quote must be a text of at least two characters, not {_short(quote)}",
                "quote the words said, or leave 'quote' out",
            )
        text = self.article_text
        if text is None:
            raise _Skip  # the article could not be read; that error is already reported
        for number, sentence in enumerate(raw, start=1):
            if len(sentence.split()) < MIN_SENTENCE_WORDS or len(sentence.strip()) < MIN_SENTENCE_CHARS:
                self.fail(
                    node,
                    "sentences",
                    f"{what}: sentence {number} ({_short(sentence)}) is too short to cite",
                    "cite the whole sentence of the article",
                    item=number - 1,
                )
            start = text.find(sentence)
            if start < 0:
                found = closest_span(text, sentence)
                self.fail(
                    node,
                    "sentences",
                    f"{what}: sentence {number} does not occur verbatim in {self.text_name}",
                    found or "copy it exactly from the article (quotes, dashes and spaces included)",
                    item=number - 1,
                )
            end = start + len(sentence)
            self.add_text(graph, iri, KBO.sourceSentence, sentence)
            annotation = self.minter.entity("annotation", f"{annotation_slug}-{number}")
            target = NamedNode(annotation.value + "/target")
            quote_selector = NamedNode(annotation.value + "/quote")
            position = NamedNode(annotation.value + "/position")
            self.add(graph, iri, KBO.evidence, annotation)
            self.add(graph, annotation, RDF.type, OA.Annotation)
            self.add(graph, annotation, OA.hasBody, iri)
            self.add(graph, annotation, OA.motivatedBy, OA.describing)
            self.add(graph, annotation, OA.hasTarget, target)
            self.add(graph, target, RDF.type, OA.SpecificResource)
            self.add(graph, target, OA.hasSource, self.article)
            self.add(graph, target, OA.hasSelector, quote_selector)
            self.add(graph, target, OA.hasSelector, position)
            self.add(graph, quote_selector, RDF.type, OA.TextQuoteSelector)
            self.add_text(graph, quote_selector, OA.exact, sentence)
            self.add_text(graph, quote_selector, OA.prefix, text[max(0, start - 32) : start])
            self.add_text(graph, quote_selector, OA.suffix, text[end : end + 32])
            self.add(graph, position, RDF.type, OA.TextPositionSelector)
            self.add(graph, position, OA.start, Literal(str(start), datatype=XSD.integer))
            self.add(graph, position, OA.end, Literal(str(end), datatype=XSD.integer))
        self.add(graph, iri, KBO.source, self.article)
        if quote is not None:
            if not any(quote in sentence for sentence in raw):
                self.fail(
                    node,
                    "quote",
                    f"{what}: the quote does not occur verbatim in its sentences",
                    "quote the words exactly as one of the cited sentences has them",
                )
            self.add_text(graph, iri, KBO.quote, quote)


def _kind(value: object) -> str:
    """What a YAML value is, in the user's words."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {_short(value)}"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + "..."


def read_curation(
    path: Path, minter: Minter | None = None, is_known: Callable[[NamedNode], bool] | None = None
) -> SourceBundle:
    """Check one curation file alone and build its named graphs; raise on any fault.

    ``is_known`` says whether an IRI is already in the store, for references to actors, places or
    events that other files define. Every error of the file is raised at once as
    :class:`kb.errors.CurationErrors` (a single error as itself).
    """
    minter = minter or Minter()
    catalog = scan([path], minter)
    if is_known is not None:
        catalog.in_store = is_known  # type: ignore[method-assign]
    bundles = read_files(catalog)
    errors = catalog.errors + check_together(catalog)
    errors += [error for bundle in bundles for error in bundle.errors]
    raise_all(errors)
    return bundles[0]


def read_files(catalog: Catalog) -> list[SourceBundle]:
    """Check every parsed file of ``catalog``; each bundle carries its own errors."""
    bundles = []
    for entry in catalog.files:
        if entry.data is not None:
            bundles.append(_Reader(entry, catalog.minter, catalog).read())
    return bundles


def raise_all(errors: list[CurationError]) -> None:
    """Raise nothing, the one error, or all of them as :class:`kb.errors.CurationErrors`."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CurationErrors(errors)
