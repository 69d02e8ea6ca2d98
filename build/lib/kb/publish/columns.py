"""Every table of the published data and every column, typed and described, in one place.

The tables (:mod:`kb.publish.tables`), the data package's schema (:mod:`kb.publish.datapackage`)
and the codebook (:mod:`kb.publish.codebook`) are all made from :data:`TABLES`, so a column cannot
be in one and missing from another. Column names are stable: a release never renames one.
``term`` names the ontology term (``kbo:edtf``, ``sem:hasActor`` ...) whose definition the codebook
quotes; ``values`` lists the allowed values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.publish.precision import ACLED_CODES, UCDP_CODES, WIKIDATA_CODES
from kb.vocab import EVENT_TYPES, ROLE_TYPES, STATUSES

#: Several values in one cell (aliases, sentences ...) are separated by this.
MULTI_SEPARATOR = " | "
ACTOR_KINDS = ("person", "organization", "country", "group")
RELATIONS = ("answers", "repeats", "isPreconditionFor", "partOfRound", "precedes", "reportsOn")


@dataclass(frozen=True)
class Column:
    """One column: its name, Frictionless type, what it holds and which values it allows."""

    name: str
    type: str  # string | integer | date
    description: str
    term: str | None = None
    values: tuple = ()
    value_labels: dict = field(default_factory=dict)
    required: bool = False
    multiple: bool = False
    format: str | None = None  # "uri" for links

    @property
    def allowed(self) -> list[str]:
        """The allowed values as text ('1: the exact day'), for the codebook."""
        return [
            f"{value}: {self.value_labels[value]}" if value in self.value_labels else str(value)
            for value in self.values
        ]


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values are the key of another table."""

    column: str
    table: str
    target: str


@dataclass(frozen=True)
class TableSpec:
    """A table: its name (``events`` is ``events.csv``), what one row is, its columns and keys."""

    name: str
    title: str
    row: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> list[str]:
        """The column names, in order."""
        return [column.name for column in self.columns]


def _id(name: str, what: str, required: bool = True) -> Column:
    return Column(
        name,
        "string",
        f"The id of the {what}: the last segment of its IRI; stable across releases.",
        required=required,
    )


_DATE_COLUMNS = (
    Column(
        "earliest",
        "date",
        "The first day the date allows (a month's first day for 'in January').",
        term="sem:hasEarliestBeginTimeStamp",
        required=True,
    ),
    Column(
        "latest",
        "date",
        "The last day the date allows (a month's last day for 'in January').",
        term="sem:hasLatestEndTimeStamp",
        required=True,
    ),
    Column(
        "edtf",
        "string",
        "The date as the curator read it, in Extended Date/Time Format (EDTF "
        "level 0: YYYY, YYYY-MM, YYYY-MM-DD or START/END).",
        term="kbo:edtf",
        required=True,
    ),
    Column(
        "date_precision",
        "string",
        "How precise the date is.",
        term="kbo:datePrecision",
        values=("day", "month", "year", "range"),
        required=True,
    ),
    Column(
        "days",
        "integer",
        "How many days the date allows: 1 for a known day, 31 for a month of 31 "
        "days. Weigh or filter events by it.",
        required=True,
    ),
    Column(
        "acled_time_precision",
        "integer",
        "The date's precision as ACLED's time_precision code "
        "(empty where ACLED has none: a span of more than 31 days).",
        values=tuple(ACLED_CODES),
        value_labels=ACLED_CODES,
    ),
    Column(
        "ucdp_date_prec",
        "integer",
        "The date's precision as UCDP GED's date_prec code.",
        values=tuple(UCDP_CODES),
        value_labels=UCDP_CODES,
        required=True,
    ),
    Column(
        "wikidata_precision",
        "integer",
        "The date's precision as a Wikidata time precision: the "
        "finest unit one value of which holds both bounds.",
        values=tuple(sorted(WIKIDATA_CODES, reverse=True)),
        value_labels=WIKIDATA_CODES,
        required=True,
    ),
)

EVENTS = TableSpec(
    "events",
    "Events",
    "one event (an offer, a rejection, a meeting ...)",
    (
        _id("event_id", "event"),
        Column(
            "event_iri",
            "string",
            "The event's IRI (linked data; answers with its page).",
            required=True,
            format="uri",
        ),
        Column(
            "type",
            "string",
            "The kind of event (a class of the ontology).",
            term="kbo:NegotiationEvent",
            values=tuple(EVENT_TYPES),
            required=True,
        ),
        Column(
            "label",
            "string",
            "A neutral one-line summary in the curator's words.",
            term="rdfs:label",
            required=True,
        ),
        Column(
            "status",
            "string",
            "How far the event had got when its source reported it.",
            term="kbo:status",
            values=STATUSES,
            required=True,
        ),
        *_DATE_COLUMNS,
        Column(
            "date_text",
            "string",
            "The date exactly as the source words it ('last week').",
            term="kbo:dateText",
        ),
        Column(
            "date_anchor",
            "string",
            "What a relative date was resolved against: an EDTF day or 'event:ID'.",
            term="kbo:dateAnchor",
        ),
        Column(
            "date_note",
            "string",
            "The curator's reasoning where the bounds are inferred.",
            term="kbo:dateNote",
        ),
        Column(
            "place_id",
            "string",
            "Where the event took place, when the source says (a place id).",
            term="sem:hasPlace",
        ),
        Column("offers", "string", "What an offer offers, in the source's words.", term="kbo:offers"),
        Column(
            "in_exchange_for",
            "string",
            "What an offer asks in return (several separated by ' | ').",
            term="kbo:inExchangeFor",
            multiple=True,
        ),
        Column("means", "string", "How a killing or attack was carried out.", term="kbo:means"),
        Column("quote", "string", "Words an actor said, verbatim from a source sentence.", term="kbo:quote"),
        Column("cameo", "string", "The event's CAMEO code, where the curator gave one.", term="kbo:cameo"),
        Column(
            "plover", "string", "The event's PLOVER category, where the curator gave one.", term="kbo:plover"
        ),
        Column("curator_note", "string", "The curator's note on the event.", term="kbo:curatorNote"),
        Column(
            "claims",
            "integer",
            "How many claims (source graphs) state the event; see claims.csv.",
            required=True,
        ),
    ),
    ("event_id",),
    (ForeignKey("place_id", "places", "place_id"),),
)

CLAIMS = TableSpec(
    "claims",
    "Claims",
    "one event as one named graph states it: who says so, in which article",
    (
        Column(
            "claim_id",
            "string",
            "The claim's id: the graph id and the event id joined by '#'.",
            required=True,
        ),
        _id("event_id", "event"),
        Column(
            "graph_id",
            "string",
            "The named graph the claim is in (one per source, and one per claimant the source relays).",
            term="kbo:ClaimGraph",
            required=True,
        ),
        Column(
            "source_id", "string", "The article the claim is taken from.", term="kbo:source", required=True
        ),
        Column(
            "claimant_id",
            "string",
            "Whom the graph's claims are attributed to (an actor id): "
            "the publisher for the article's own voice, else the claimant it relays.",
            term="prov:wasAttributedTo",
        ),
        Column(
            "relayed_via",
            "string",
            "The graph through which the claimant is relayed (empty for the article's own voice).",
            term="prov:wasDerivedFrom",
        ),
        Column(
            "sentences",
            "string",
            "The source sentences the claim rests on, verbatim (several separated by ' | ').",
            term="kbo:sourceSentence",
            multiple=True,
        ),
    ),
    ("claim_id",),
    (
        ForeignKey("event_id", "events", "event_id"),
        ForeignKey("source_id", "sources", "source_id"),
        ForeignKey("claimant_id", "actors", "actor_id"),
    ),
)

ROLES = TableSpec(
    "roles",
    "Roles",
    "one actor in one role in one event",
    (
        _id("event_id", "event"),
        Column(
            "role",
            "string",
            "The part the actor plays in the event.",
            term="sem:roleType",
            values=tuple(ROLE_TYPES),
            required=True,
        ),
        _id("actor_id", "actor"),
    ),
    ("event_id", "role", "actor_id"),
    (ForeignKey("event_id", "events", "event_id"), ForeignKey("actor_id", "actors", "actor_id")),
)

ACTORS = TableSpec(
    "actors",
    "Actors",
    "one person, organisation, state or group",
    (
        _id("actor_id", "actor"),
        Column("actor_iri", "string", "The actor's IRI.", required=True, format="uri"),
        Column("name", "string", "The actor's name.", term="schema:name", required=True),
        Column(
            "kind", "string", "What sort of actor it is.", term="kbo:Actor", values=ACTOR_KINDS, required=True
        ),
        Column(
            "aliases",
            "string",
            "Other names the sources use (separated by ' | ').",
            term="skos:altLabel",
            multiple=True,
        ),
        Column(
            "wikidata_id",
            "string",
            "The actor's Wikidata item (Q...), only where curated.",
            term="schema:sameAs",
        ),
        Column(
            "member_of",
            "string",
            "Organisations the actor belongs to (actor ids, ' | ').",
            term="org:memberOf",
            multiple=True,
        ),
    ),
    ("actor_id",),
)

PLACES = TableSpec(
    "places",
    "Places",
    "one place",
    (
        _id("place_id", "place"),
        Column("place_iri", "string", "The place's IRI.", required=True, format="uri"),
        Column("name", "string", "The place's name.", term="schema:name", required=True),
        Column(
            "wikidata_id",
            "string",
            "The place's Wikidata item (Q...), only where curated.",
            term="schema:sameAs",
        ),
        Column("within", "string", "The place it lies in (a place id).", term="schema:containedInPlace"),
    ),
    ("place_id",),
    (ForeignKey("within", "places", "place_id"),),
)

SOURCES = TableSpec(
    "sources",
    "Sources",
    "one source article",
    (
        _id("source_id", "source"),
        Column("source_iri", "string", "The source's IRI.", required=True, format="uri"),
        Column("title", "string", "The article's headline.", term="schema:headline", required=True),
        Column("publisher_id", "string", "Who published it (an actor id).", term="schema:publisher"),
        Column("url", "string", "Where it was published, when known.", term="schema:url", format="uri"),
        *(
            Column(
                f"published_{column.name}",
                column.type,
                f"Publication date: {column.description}",
                term=column.term,
                values=column.values,
                value_labels=column.value_labels,
                required=column.required,
            )
            for column in _DATE_COLUMNS[:4]
        ),
        Column("file_name", "string", "The text file the article is stored in.", term="kbo:fileName"),
    ),
    ("source_id",),
    (ForeignKey("publisher_id", "actors", "actor_id"),),
)

RELATIONS_TABLE = TableSpec(
    "relations",
    "Relations between events",
    "one link from an event to another",
    (
        _id("event_id", "event the link starts from"),
        Column(
            "relation",
            "string",
            "How the two events are linked (a property of the ontology).",
            values=RELATIONS,
            required=True,
        ),
        _id("target_event_id", "event the link points to"),
    ),
    ("event_id", "relation", "target_event_id"),
    (ForeignKey("event_id", "events", "event_id"),),
)

#: Every table, in the order they are written and documented.
TABLES: dict[str, TableSpec] = {
    table.name: table for table in (EVENTS, CLAIMS, ROLES, ACTORS, PLACES, SOURCES, RELATIONS_TABLE)
}
