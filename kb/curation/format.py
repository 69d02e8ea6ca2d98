"""The curation format's closed sets of keys, one per kind of mapping (see seeds/README.md)."""

from __future__ import annotations

RELATIONS_KEYS = (
    "answers",
    "repeats",
    "precondition_for",
    "part_of_round",
    "precedes",
    "reports_on",
    "same_as",
)

#: Every mapping of the format and the keys it may hold; any other key is refused.
KEYS: dict[str, frozenset[str]] = {
    "file": frozenset({"source", "claimants", "actors", "places", "events", "draft"}),
    "source": frozenset({"id", "text", "title", "publisher", "url", "published"}),
    "published": frozenset({"edtf", "note"}),
    "claimant": frozenset({"id", "actor", "verb", "via"}),
    "actor": frozenset({"id", "name", "type", "aliases", "wikidata", "part_of", "positions", "note"}),
    "actor reference": frozenset({"ref", "aliases", "wikidata", "positions", "note"}),
    "position": frozenset({"title", "organization", "according_to", "note"}),
    "place": frozenset({"id", "name", "wikidata", "within", "note"}),
    "event": frozenset(
        {
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
            "answers_unrecorded",
            "todo",
            "draft",
            *RELATIONS_KEYS,
        }
    ),
    "date": frozenset({"text", "anchor", "edtf", "note"}),
    "event actor": frozenset({"actor", "role"}),
}
#: Relations whose chains must not loop back (an offer cannot answer, repeat or precede itself).
ACYCLIC = ("answers", "repeats", "precondition_for", "part_of_round", "precedes")
#: The shortest sentence that may be cited: a cited sentence is a sentence, not a letter.
MIN_SENTENCE_WORDS = 2
MIN_SENTENCE_CHARS = 8
#: Words curators reach for that are another key's name (no spelling distance finds these).
SYNONYMS = {
    "link": "url",
    "href": "url",
    "wikidata_id": "wikidata",
    "qid": "wikidata",
    "organisation": "organization",
    "org": "organization",
    "alias": "aliases",
    "sentence": "sentences",
    "quotes": "quote",
    "role_type": "role",
    "when": "date",
    "where": "place",
    "kind": "type",
    "name": "label",
    "label": "name",
    "title": "name",
    "source": "according_to",
}
