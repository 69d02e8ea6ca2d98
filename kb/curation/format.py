"""The curation format's closed sets of keys, one per kind of mapping (see seeds/README.md)."""

from __future__ import annotations

from kb.vocab import TERM_CLASSES

RELATIONS_KEYS = (
    "answers",
    "repeats",
    "precondition_for",
    "part_of_round",
    "precedes",
    "reports_on",
    "same_as",
    "counters",
)
#: Term types an offer, proposal or demand can carry (``terms:``); each is a class of
#: ``ontology/kb.ttl`` mapped to the peace-agreement codebooks (PA-X, Peace Accords Matrix).
TERM_TYPES = tuple(TERM_CLASSES)
#: Units a term's number may be counted in.
TERM_UNITS = ("hour", "day", "week", "month", "person", "percent", "usd", "phase", "truck")

#: What a source says of an event, whether it defines the event or reports one another defines.
_ACCOUNT = frozenset({
    "type", "label", "according_to", "status", "date", "actors", "place", "offers", "in_exchange_for",
    "means", "quote", "sentences", "paraphrase", "terms", "note", "answers_unrecorded", "todo", "draft",
    *RELATIONS_KEYS,
})

#: Every mapping of the format and the keys it may hold; any other key is refused.
KEYS: dict[str, frozenset[str]] = {
    "file": frozenset({"source", "claimants", "actors", "places", "events", "draft"}),
    "source": frozenset({"id", "text", "title", "publisher", "url", "published", "author"}),
    "published": frozenset({"edtf", "note"}),
    "claimant": frozenset({"id", "actor", "verb", "via"}),
    "actor": frozenset({"id", "name", "type", "aliases", "wikidata", "part_of", "positions", "note"}),
    "actor reference": frozenset({"ref", "aliases", "wikidata", "positions", "note"}),
    "position": frozenset({"title", "organization", "according_to", "note"}),
    "place": frozenset({"id", "name", "wikidata", "within", "note"}),
    "event": frozenset({"id", "cameo", "plover", *_ACCOUNT}),
    # A claim about an event another source defines: '- ref: ID' under 'events:', with this
    # source's own account of it (no label of its own is needed; no new id).
    "event claim": frozenset({"ref", *_ACCOUNT}),
    "term": frozenset({"type", "given_by", "to", "number", "unit", "category", "ratio", "text", "note"}),
    "date": frozenset({"text", "anchor", "edtf", "note"}),
    "event actor": frozenset({"actor", "role"}),
}
#: Relations whose chains must not loop back (an offer cannot answer, repeat or precede itself).
ACYCLIC = ("answers", "repeats", "precondition_for", "part_of_round", "precedes", "counters")
#: The links that make an offer thread (proposal -> counter-proposal -> acceptance or rejection).
THREAD_LINKS = ("counters", "answers")
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
