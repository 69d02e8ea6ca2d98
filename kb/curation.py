"""Turn a curation file (seeds/*.yaml) and the article it cites into named graphs of quads.

Everything is checked before a single quad is produced: ids, roles, types, dates, Wikidata ids
(only from ``seeds/reference/wikidata.tsv``) and that every cited sentence and quote occurs verbatim
in the article. Errors name the file, line and field, and say what to do.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kb import vocab
from kb.dates import DateValue, parse_edtf
from kb.errors import CurationError
from kb.paths import WIKIDATA_TSV, display
from kb.vocab import (
    CAMEO_NS,
    EDTF_DATATYPE,
    KBO,
    OA,
    ORG,
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
from kb.yamlines import Located, LocatedList, load_yaml

ACTOR_TYPES = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "country": SCHEMA.Country,
    "group": KBO.Group,
}
ARTICLE = "article"
RELATIONS = {
    "answers": KBO.answers,
    "repeats": KBO.repeats,
    "precondition_for": KBO.isPreconditionFor,
    "part_of_round": KBO.partOfRound,
    "precedes": KBO.precedes,
    "reports_on": KBO.reportsOn,
}
EVENT_KEYS = {
    "id",
    "type",
    "label",
    "according_to",
    "status",
    "date",
    "actors",
    "place",
    "offers",
    "in_exchange_for",
    "means",
    "quote",
    "sentences",
    "cameo",
    "plover",
    "note",
    "todo",
    "draft",
    *RELATIONS,
}


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
    warnings: list[str] = field(default_factory=list)

    @property
    def quad_count(self) -> int:
        """How many quads the bundle holds."""
        return sum(len(quads) for quads in self.graphs.values())


class _Reader:
    """Checks one curation file and builds its quads."""

    def __init__(self, path: Path, minter: Minter, is_known: Callable[[NamedNode], bool]):
        self.path = path
        self.where_file = display(path)
        self.minter = minter
        self.is_known = is_known
        self.data = load_yaml(path)
        self.external: set[NamedNode] = set()
        self.warnings: list[str] = []

    # -- errors ---------------------------------------------------------------------------------

    def fail(
        self,
        node: Located | None,
        key: str | None,
        message: str,
        hint: str | None = None,
        item: int | None = None,
        error: type[CurationError] = CurationError,
    ):
        line = node.line_of(key) if isinstance(node, Located) and key else getattr(node, "line", 0)
        items = node.get(key) if isinstance(node, Located) and key else None
        if item is not None and isinstance(items, LocatedList) and item < len(items.lines):
            line = items.lines[item]
        where = f"{self.where_file} line {line}" if line else self.where_file
        raise error(message, where=where, hint=hint)

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
            self.fail(node, key, f"{what}: '{key}' must be a non-empty text", f"write '{key}: ...'")
        return value.strip()

    def slug(self, node: Located, what: str) -> str:
        value = node.get("id")
        if not isinstance(value, str) or not is_slug(value):
            self.fail(
                node,
                "id",
                f"{what} has no valid 'id' ({value!r})",
                "use lower-case letters, digits, '-', '.' or '_', e.g. 'id: barnea-offer'",
            )
        return value

    def items(self, key: str) -> list[Located]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, Located) for item in value):
            self.fail(self.data, key, f"'{key}' must be a list of mappings", "see seeds/README.md")
        return value

    # -- the file -------------------------------------------------------------------------------

    def read(self) -> SourceBundle:
        source = self.data.get("source")
        if not isinstance(source, Located):
            self.fail(
                self.data,
                "source",
                "the file has no 'source' mapping",
                "start the file with 'source:' (see seeds/README.md)",
            )
        self.source_slug = self.slug(source, "the source")
        self.article = self.minter.source(self.source_slug)
        self.main_graph = self.minter.graph(self.source_slug)
        bundle = SourceBundle(self.source_slug, self.path)
        self.quads: dict[NamedNode, list[Quad]] = {self.main_graph: []}

        self.actors = self.read_actors()
        self.places = self.read_places()
        self.read_source(source)
        self.claimants = self.read_claimants()
        self.read_positions()
        self.read_events()
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

    def wikidata(self, node: Located, subject: NamedNode) -> None:
        qid = node.get("wikidata")
        if qid is None:
            return
        known = wikidata_ids()
        if str(qid) not in known:
            self.fail(
                node,
                "wikidata",
                f"Wikidata id {qid!r} is not in seeds/reference/wikidata.tsv",
                "only verified ids may be used: remove 'wikidata' to leave the entity unlinked",
            )
        names = {str(name).casefold() for name in [node.get("name"), *(node.get("aliases") or [])]}
        if known[str(qid)].casefold() not in names:
            self.fail(
                node,
                "wikidata",
                f"Wikidata id {qid} is listed for '{known[str(qid)]}', not for '{node.get('name')}'",
                f"add '{known[str(qid)]}' as an alias if it is the same entity, else remove 'wikidata'",
            )
        self.add(self.main_graph, subject, SCHEMA.sameAs, NamedNode(vocab.WIKIDATA_ENTITY + str(qid)))

    def read_actors(self) -> dict[str, NamedNode]:
        actors: dict[str, NamedNode] = {}
        for node in self.items("actors"):
            slug = self.slug(node, "an actor")
            if slug in actors:
                self.fail(node, "id", f"actor '{slug}' is defined twice", "keep one definition")
            kind = node.get("type", "organization")
            if kind not in ACTOR_TYPES:
                self.fail(
                    node,
                    "type",
                    f"actor '{slug}' has unknown type {kind!r}",
                    f"use one of: {', '.join(ACTOR_TYPES)}",
                )
            iri = self.minter.actor(slug)
            name = self.text(node, "name", f"actor '{slug}'")
            graph = self.main_graph
            self.add(graph, iri, RDF.type, SEM.Actor)
            self.add(graph, iri, RDF.type, KBO.Actor)
            self.add(graph, iri, RDF.type, ACTOR_TYPES[kind])
            self.add_text(graph, iri, RDFS.label, name)
            self.add_text(graph, iri, SCHEMA.name, name)
            for alias in node.get("aliases") or []:
                self.add_text(graph, iri, SKOS.altLabel, str(alias))
            self.wikidata(node, iri)
            actors[slug] = iri
        for node in self.items("actors"):
            for whole in self.as_list(node, "part_of"):
                outer = self.ref(node, "part_of", actors, self.minter.actor, "actor", value=whole)
                link = ORG.memberOf if node.get("type") == "person" else ORG.subOrganizationOf
                self.add(self.main_graph, actors[node["id"]], link, outer)
        return actors

    def read_places(self) -> dict[str, NamedNode]:
        places: dict[str, NamedNode] = {}
        nodes = self.items("places")
        for node in nodes:
            slug = self.slug(node, "a place")
            iri = self.minter.place(slug)
            name = self.text(node, "name", f"place '{slug}'")
            self.add(self.main_graph, iri, RDF.type, SEM.Place)
            self.add(self.main_graph, iri, RDF.type, SCHEMA.Place)
            self.add_text(self.main_graph, iri, RDFS.label, name)
            self.add_text(self.main_graph, iri, SCHEMA.name, name)
            self.wikidata(node, iri)
            places[slug] = iri
        for node in nodes:
            if node.get("within"):
                outer = self.ref(node, "within", places, self.minter.place, "place")
                self.add(self.main_graph, places[node["id"]], SCHEMA.containedInPlace, outer)
        return places

    def ref(self, node: Located, key: str, local: dict, mint, kind: str, value=None) -> NamedNode:
        """Resolve an id to an IRI: defined in this file, or already in the store."""
        value = node.get(key) if value is None else value
        if isinstance(value, str) and value in local:
            return local[value]
        if isinstance(value, str) and is_slug(value):
            iri = mint(value)
            if self.is_known(iri):
                self.external.add(iri)
                return iri
        self.fail(
            node,
            key,
            f"unknown {kind} {value!r}",
            f"define it under '{kind}s:' in this file or load the file that defines it",
        )

    def read_source(self, source: Located) -> None:
        graph, article = self.main_graph, self.article
        text_name = self.text_name = self.text(source, "text", "the source")
        text_path = self.path.parent / text_name
        try:
            self.article_text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            self.fail(
                source,
                "text",
                f"cannot read the article text {display(text_path)} ({err})",
                "put the article's text beside the curation file",
            )
        published = source.get("published")
        if not isinstance(published, Located):
            self.fail(
                source,
                "published",
                "the source has no 'published' date",
                "add 'published: {edtf: ..., note: ...}', with the reasoning when inferred",
            )
        self.published = self.date_value(published, "edtf", "source.published.edtf")
        publisher = self.ref(source, "publisher", self.actors, self.minter.actor, "actor")
        self.add(graph, article, RDF.type, SCHEMA.NewsArticle)
        self.add(graph, article, RDF.type, PROV.Entity)
        title = self.text(source, "title", "the source")
        self.add_text(graph, article, SCHEMA.headline, title)
        self.add_text(graph, article, RDFS.label, title)
        self.add(graph, article, SCHEMA.publisher, publisher)
        self.add_text(graph, article, SCHEMA.text, self.article_text)
        self.add_text(graph, article, KBO.fileName, text_name)
        self.add_date(graph, article, self.published)
        if published.get("note"):
            self.add_text(graph, article, KBO.dateNote, str(published["note"]).strip())
        if source.get("url"):
            self.add(graph, article, SCHEMA.url, NamedNode(str(source["url"])))
        self.describe_graph(graph, publisher, f"What '{title}' states in its own voice", None)
        self.publisher = publisher

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
            slug = self.slug(node, "a claimant")
            if slug == ARTICLE or slug in claimants:
                self.fail(node, "id", f"claimant id {slug!r} is taken", "choose another id")
            claimants[slug] = self.minter.graph(self.source_slug, slug)
        for node in nodes:
            actor = self.ref(node, "actor", self.actors, self.minter.actor, "actor")
            via = node.get("via", ARTICLE)
            if via not in claimants or via == node["id"]:
                self.fail(
                    node,
                    "via",
                    f"claimant {node['id']!r} is relayed via unknown {via!r}",
                    "name 'article' or another claimant id",
                )
            verb = node.get("verb") or "claims"
            label = f"What {self.actor_name(node['actor'])} {verb}, as the article relays it"
            self.describe_graph(claimants[node["id"]], actor, label, claimants[via])
        return claimants

    def actor_name(self, slug: str) -> str:
        for node in self.items("actors"):
            if node.get("id") == slug:
                return str(node.get("name"))
        return slug

    def claim_graph(self, node: Located) -> NamedNode:
        claimant = node.get("according_to", ARTICLE)
        if claimant not in self.claimants:
            self.fail(
                node,
                "according_to",
                f"unknown claimant {claimant!r}",
                f"use 'article' or one of the claimants: {', '.join(sorted(self.claimants))}",
            )
        return self.claimants[claimant]

    def read_positions(self) -> None:
        for actor_node in self.items("actors"):
            for index, node in enumerate(actor_node.get("positions") or [], start=1):
                if not isinstance(node, Located):
                    self.fail(actor_node, "positions", "each position must be a mapping with 'title'")
                slug = actor_node["id"]
                post = self.minter.entity("post", f"{self.source_slug}-{slug}-{index}")
                graph = self.claim_graph(node)
                self.add(graph, post, RDF.type, ORG.Post)
                self.add(graph, post, RDF.type, KBO.Position)
                self.add_text(graph, post, RDFS.label, self.text(node, "title", f"a position of '{slug}'"))
                self.add(graph, post, ORG.heldBy, self.actors[slug])
                self.add(graph, self.actors[slug], ORG.holds, post)
                self.add(graph, post, KBO.accordingTo, self.article)
                self.add(graph, post, KBO.asOf, Literal(self.published.edtf, datatype=EDTF_DATATYPE))
                if node.get("organization"):
                    org = self.ref(node, "organization", self.actors, self.minter.actor, "actor")
                    self.add(graph, post, ORG.postIn, org)
                if node.get("note"):
                    self.add_text(graph, post, KBO.curatorNote, str(node["note"]).strip())

    # -- events ---------------------------------------------------------------------------------

    def date_value(self, node: Located, key: str, field: str) -> DateValue:
        try:
            return parse_edtf(node.get(key), field)
        except CurationError as err:
            self.fail(node, key, f"{field}: {err.message}", err.hint, error=type(err))

    def read_events(self) -> None:
        nodes = self.items("events")
        if not nodes:
            self.fail(self.data, "events", "the file has no events", "add at least one under 'events:'")
        nodes = self.finished(nodes)
        self.events: dict[str, NamedNode] = {}
        for node in nodes:
            slug = self.slug(node, "an event")
            if slug in self.events:
                self.fail(node, "id", f"event '{slug}' is defined twice", "give each event its own id")
            self.events[slug] = self.minter.event(slug)
        for node in nodes:
            self.read_event(node)

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
                self.fail(node, "todo", f"event '{node.get('id')}' is not finished: {todo}",
                          "finish it and remove 'todo' (or mark the file 'draft: true')")
        return ready

    def read_event(self, node: Located) -> None:
        slug = node["id"]
        what = f"event '{slug}'"
        unknown = sorted(set(node) - EVENT_KEYS)
        if unknown:
            self.fail(
                node,
                unknown[0],
                f"{what} has an unknown field '{unknown[0]}'",
                f"fields are: {', '.join(sorted(EVENT_KEYS))}",
            )
        iri, graph = self.events[slug], self.claim_graph(node)
        kind = self.need(node, "type", what, "add e.g. 'type: Offer'")
        if kind not in vocab.EVENT_TYPES:
            self.fail(
                node,
                "type",
                f"{what} has unknown type {kind!r}",
                f"use one of: {', '.join(vocab.EVENT_TYPES)}",
            )
        self.add(graph, iri, RDF.type, KBO[kind])
        self.add_text(graph, iri, RDFS.label, self.text(node, "label", what))
        status = node.get("status", "happened")
        if status not in vocab.STATUSES:
            self.fail(
                node,
                "status",
                f"{what} has unknown status {status!r}",
                f"use one of: {', '.join(vocab.STATUSES)}",
            )
        self.add(graph, iri, KBO.status, KBO[status])
        self.read_event_date(node, iri, graph, what)
        self.read_event_actors(node, iri, graph, what)
        if node.get("place"):
            self.add(
                graph, iri, SEM.hasPlace, self.ref(node, "place", self.places, self.minter.place, "place")
            )
        for key, predicate in (("offers", KBO.offers), ("means", KBO.means), ("note", KBO.curatorNote)):
            if node.get(key) is not None:
                self.add_text(graph, iri, predicate, self.text(node, key, what))
        for value in self.as_list(node, "in_exchange_for"):
            self.add_text(graph, iri, KBO.inExchangeFor, str(value))
        for key, predicate in RELATIONS.items():
            for value in self.as_list(node, key):
                target = self.ref(node, key, self.events, self.minter.event, "event", value=value)
                self.add(graph, iri, predicate, target)
        self.read_codes(node, iri, graph)
        self.read_sentences(node, iri, graph, what)

    @staticmethod
    def as_list(node: Located, key: str) -> list:
        value = node.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def read_event_date(self, node: Located, iri, graph, what: str) -> None:
        date_node = node.get("date")
        if not isinstance(date_node, Located):
            self.fail(
                node,
                "date" if "date" in node else "id",
                f"{what} has no date",
                "add 'date:' with 'text' (the source's words) and 'edtf' (e.g. 2024-10)",
            )
        value = self.date_value(date_node, "edtf", f"event '{node['id']}' date.edtf")
        date_text = date_node.get("text")
        if not isinstance(date_text, str) or not date_text.strip():
            self.fail(
                date_node,
                "text",
                f"{what}: the date has no 'text'",
                "give the expression the source used, e.g. 'text: last week'",
            )
        self.add_text(graph, iri, KBO.dateText, date_text.strip())
        self.add_date(graph, iri, value)
        for key in value.month_keys():
            self.add_text(graph, iri, KBO.monthKey, key)
        anchor = date_node.get("anchor")
        if anchor is not None:
            self.add(graph, iri, KBO.dateAnchor, self.anchor_value(date_node, str(anchor)))
        if date_node.get("note"):
            self.add_text(graph, iri, KBO.dateNote, str(date_node["note"]).strip())

    def anchor_value(self, date_node: Located, anchor: str) -> Literal:
        if anchor == "published":
            return Literal(self.published.edtf, datatype=EDTF_DATATYPE)
        if anchor.startswith("event:"):
            target = self.items_by_id("events").get(anchor[len("event:") :])
            if target is None or not isinstance(target.get("date"), Located):
                self.fail(
                    date_node,
                    "anchor",
                    f"anchor {anchor!r} names no dated event in this file",
                    "use 'published', a day YYYY-MM-DD or 'event:ID'",
                )
            edtf = self.date_value(target["date"], "edtf", f"{anchor} date.edtf").edtf
            return Literal(edtf, datatype=EDTF_DATATYPE)
        return Literal(self.date_value(date_node, "anchor", "date.anchor").edtf, datatype=EDTF_DATATYPE)

    def items_by_id(self, key: str) -> dict[str, Located]:
        return {item.get("id"): item for item in self.items(key)}

    def read_event_actors(self, node: Located, iri, graph, what: str) -> None:
        actors = node.get("actors")
        if not isinstance(actors, list) or not actors:
            self.fail(
                node,
                "actors" if "actors" in node else "id",
                f"{what} has no actors",
                "add 'actors:' with at least one '{actor: ID, role: ROLE}'",
            )
        for entry in actors:
            if not isinstance(entry, Located):
                self.fail(node, "actors", f"{what}: each actor must be '{{actor: ID, role: ROLE}}'")
            actor = self.ref(entry, "actor", self.actors, self.minter.actor, "actor")
            role = entry.get("role")
            if role not in vocab.ROLE_TYPES:
                self.fail(
                    entry,
                    "role",
                    f"{what} gives actor '{entry.get('actor')}' unknown role {role!r}",
                    f"use one of: {', '.join(vocab.ROLE_TYPES)}",
                )
            role_node = NamedNode(f"{iri.value}/role/{role}-{entry['actor']}")
            self.add(graph, iri, SEM.hasActor, role_node)
            self.add(graph, role_node, RDF.type, SEM.Role)
            self.add(graph, role_node, SEM.roleType, KBO[role])
            self.add(graph, role_node, RDF.value, actor)
            self.add(graph, iri, KBO.involves, actor)

    def read_codes(self, node: Located, iri, graph) -> None:
        if node.get("cameo") is not None:
            self.add(graph, iri, KBO.cameo, NamedNode(CAMEO_NS + str(node["cameo"]).strip()))
        if node.get("plover") is not None:
            self.add(graph, iri, KBO.plover, NamedNode(PLOVER_NS + str(node["plover"]).strip()))

    def read_sentences(self, node: Located, iri, graph, what: str) -> None:
        sentences = node.get("sentences")
        if isinstance(sentences, str):
            sentences = [sentences]
        if not sentences:
            self.fail(
                node,
                "sentences" if "sentences" in node else "id",
                f"{what} cites no sentence",
                "add 'sentences:' with the verbatim sentence(s) of the article that report it",
            )
        text = self.article_text
        for number, sentence in enumerate(sentences, start=1):
            sentence = str(sentence)
            start = text.find(sentence)
            if start < 0:
                self.fail(
                    node,
                    "sentences",
                    f"{what}: sentence {number} does not occur verbatim in {self.text_name}",
                    "copy it exactly from the article (quotes, dashes and spaces included)",
                    item=number - 1,
                )
            end = start + len(sentence)
            self.add_text(graph, iri, KBO.sourceSentence, sentence)
            annotation = self.minter.entity("annotation", f"{node['id']}-{number}")
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
        quote = node.get("quote")
        if quote is not None:
            quote = str(quote)
            if not any(quote in str(sentence) for sentence in sentences):
                self.fail(
                    node,
                    "quote",
                    f"{what}: the quote does not occur verbatim in its sentences",
                    "quote the words exactly as one of the cited sentences has them",
                )
            self.add_text(graph, iri, KBO.quote, quote)


def read_curation(
    path: Path, minter: Minter | None = None, is_known: Callable[[NamedNode], bool] | None = None
) -> SourceBundle:
    """Check a curation file and build its named graphs; raise :class:`CurationError` on a fault.

    ``is_known`` says whether an IRI is already in the store, for references to actors, places or
    events that other files define.
    """
    return _Reader(path, minter or Minter(), is_known or (lambda iri: False)).read()
