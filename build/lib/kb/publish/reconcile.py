"""The W3C Reconciliation Service API (version 0.2) over actors, places and events, without the web.

OpenRefine (and other clients) send names from a user's table; each gets candidates with a score
(0-100) and ``match`` when one candidate is sure. Properties given with a query (an actor's
Wikidata id or role, an event's date or actor) raise the score of candidates that agree and lower
those that do not. Data extension adds columns (an actor's Wikidata id, an event's date) for
reconciled ids; suggest completes names; preview describes one candidate.

Ids are ``{kind}/{slug}`` (``actor/david-barnea``), so that the service's identifier space plus the id
is the entity's IRI, and the site's root plus the id is its page. Every malformed request raises
:class:`ReconcileError` (400) with one line saying what is wrong and where.
"""

from __future__ import annotations

import difflib
import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from kb.errors import KBError
from kb.publish.tables import all_tables
from kb.store import KnowledgeBase
from kb.vocab import KB_NS, Minter

TYPES = {"actor": "Actor", "place": "Place", "event": "Event"}
#: The properties of each type: id -> (name, what it holds).
PROPERTIES = {
    "actor": {
        "wikidata": "Wikidata id",
        "kind": "kind (person, organization, country, group)",
        "role": "role in an event",
        "alias": "other name",
        "member_of": "member of",
        "events": "number of events",
    },
    "place": {"wikidata": "Wikidata id", "within": "lies within"},
    "event": {
        "date": "date (EDTF)",
        "earliest": "earliest day",
        "latest": "latest day",
        "type": "event type",
        "actor": "actor taking part",
        "date_text": "date as worded",
        "ucdp_date_prec": "UCDP date_prec",
        "wikidata_precision": "Wikidata precision",
    },
}
MAX_QUERIES = 200
MAX_TEXT = 500
MAX_LIMIT = 100
DEFAULT_LIMIT = 5
#: How long a built index is reused (seconds).
INDEX_TTL = 300.0
#: At most this many candidates (those sharing most words with the query) are scored in full.
MAX_SCORED = 400


class ReconcileError(KBError):
    """A reconciliation request that is not well formed."""


@dataclass
class Entity:
    """One candidate: its id, type, names, description and properties."""

    id: str
    kind: str
    name: str
    names: list[str]
    description: str
    properties: dict[str, list] = field(default_factory=dict)


def normalize(text: str) -> str:
    """Lower case, accents and apostrophes dropped, punctuation as spaces: 'Minister’s' -> 'ministers'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"['’‘`´]", "", text.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


class Index:
    """Every actor, place and event, with a word index for finding candidates fast."""

    def __init__(self, entities: list[Entity]):
        self.entities = {entity.id: entity for entity in entities}
        self.words: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.normal: dict[str, list[str]] = {}
        for entity in entities:
            self.normal[entity.id] = [normalize(name) for name in entity.names]
            for name in self.normal[entity.id]:
                for word in name.split():
                    self.words[entity.kind][word].add(entity.id)
        self.built = time.monotonic()

    @classmethod
    def build(cls, kb: KnowledgeBase, minter: Minter | None = None) -> Index:
        """Read the candidates from the store (the published tables)."""
        return cls(entities(kb, (minter or Minter()).base))

    def candidates(self, kind: str | None, text: str) -> set[str]:
        """Entities of ``kind`` (or any) sharing a word with ``text``, the closest :data:`MAX_SCORED`."""
        overlap: Counter = Counter()
        for this_kind in [kind] if kind else list(TYPES):
            postings = self.words.get(this_kind, {})
            for word in set(text.split()):
                for entity_id in postings.get(word, ()):
                    overlap[entity_id] += 1
        return {entity_id for entity_id, _ in overlap.most_common(MAX_SCORED)}


def entities(kb: KnowledgeBase, base: str | None = None) -> list[Entity]:
    """Every actor, place and event of the store as a candidate (read from the published tables; the
    web app runs this in a query worker, under the time limit)."""
    minter = Minter(base)
    found: list[Entity] = []
    roles: dict[str, set[str]] = defaultdict(set)
    event_actors: dict[str, list[str]] = defaultdict(list)
    counts: Counter = Counter()
    tables = all_tables(kb, minter, ("events", "roles", "actors", "places"))
    for event_id, role, actor_id in tables["roles"]:
        roles[actor_id].add(role)
        event_actors[event_id].append(actor_id)
        counts[actor_id] += 1
    for actor_id, _iri, name, kind, aliases, wikidata, member_of in tables["actors"]:
        alias_list = aliases.split(" | ") if aliases else []
        found.append(
            Entity(
                f"actor/{actor_id}",
                "actor",
                name,
                [name, *alias_list],
                f"{kind}"
                + (f", Wikidata {wikidata}" if wikidata else "")
                + f", {counts[actor_id]} event(s)",
                {
                    "wikidata": [wikidata] if wikidata else [],
                    "kind": [kind],
                    "role": sorted(roles[actor_id]),
                    "alias": alias_list,
                    "member_of": member_of.split(" | ") if member_of else [],
                    "events": [counts[actor_id]],
                },
            )
        )
    for place_id, _iri, name, wikidata, within in tables["places"]:
        found.append(
            Entity(
                f"place/{place_id}",
                "place",
                name,
                [name],
                "place" + (f", Wikidata {wikidata}" if wikidata else ""),
                {"wikidata": [wikidata] if wikidata else [], "within": [within] if within else []},
            )
        )
    for row in tables["events"]:
        event_id, kind, label, earliest, latest, edtf = row[0], row[2], row[3], row[5], row[6], row[7]
        found.append(
            Entity(
                f"event/{event_id}",
                "event",
                label,
                [label, event_id.replace("-", " ")],
                f"{kind}, {edtf}",
                {
                    "date": [edtf],
                    "earliest": [earliest],
                    "latest": [latest],
                    "type": [kind],
                    "actor": event_actors.get(event_id, []),
                    "date_text": [row[13]] if row[13] else [],
                    "ucdp_date_prec": [row[11]],
                    "wikidata_precision": [row[12]],
                },
            )
        )
    return found


_cache: dict[str, Index] = {}


def index_for(kb: KnowledgeBase, minter: Minter | None = None) -> Index:
    """The index of ``kb``, built at most every :data:`INDEX_TTL` seconds."""
    cached = _cache.get(kb.location)
    if cached is None or time.monotonic() - cached.built > INDEX_TTL:
        cached = _cache[kb.location] = Index.build(kb, minter)
    return cached


def forget(kb: KnowledgeBase) -> None:
    """Drop the remembered index of ``kb`` (after a load)."""
    _cache.pop(kb.location, None)


# --- reading requests ------------------------------------------------------------------------------


def parse_json(raw: str | None, name: str) -> object:
    """A request parameter that must be JSON."""
    if raw is None or not raw.strip():
        raise ReconcileError(f"parameter '{name}' is empty", where=name, hint=f"send {name}={{...}} as JSON")
    try:
        return json.loads(raw)
    except RecursionError:
        raise ReconcileError(
            f"parameter '{name}' is nested too deeply",
            where=name,
            hint="send the flat JSON objects of the API",
        ) from None
    except ValueError as err:
        raise ReconcileError(
            f"parameter '{name}' is not JSON ({err})",
            where=name,
            hint="send a JSON object, as OpenRefine does",
        ) from None


@dataclass
class Query:
    """One reconciliation query, checked."""

    key: str
    text: str
    kind: str | None
    limit: int
    properties: list[tuple[str, list[str]]]


def _property_values(value, where: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    result = []
    for item in values:
        if isinstance(item, dict):
            item = item.get("id", item.get("name"))
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise ReconcileError(
                'a property value is not text, a number or {"id": ...}',
                where=where,
                hint='send {"pid": "wikidata", "v": "Q801"}',
            )
        result.append(str(item))
    return result


def read_queries(data: object) -> list[Query]:
    """Check a ``queries`` batch: ``{"q0": {"query": "...", "type": "actor", "properties": [...]}}``."""
    if not isinstance(data, dict) or not data:
        raise ReconcileError(
            "'queries' is not a JSON object of queries",
            where="queries",
            hint='send {"q0": {"query": "Hamas"}}',
        )
    if len(data) > MAX_QUERIES:
        raise ReconcileError(
            f"{len(data)} queries in one batch", where="queries", hint=f"send at most {MAX_QUERIES} at a time"
        )
    queries = []
    for key, spec in data.items():
        where = f"queries.{key}"
        if not isinstance(spec, dict):
            raise ReconcileError("a query is not a JSON object", where=where, hint='send {"query": "..."}')
        text = spec.get("query", "")
        if not isinstance(text, str):
            raise ReconcileError(
                "'query' is not text", where=f"{where}.query", hint="send the name as a string"
            )
        if len(text) > MAX_TEXT:
            raise ReconcileError(
                f"'query' is {len(text)} characters long",
                where=f"{where}.query",
                hint=f"send at most {MAX_TEXT}",
            )
        kind = spec.get("type")
        if isinstance(kind, list):
            kind = kind[0] if kind else None
        if isinstance(kind, dict):
            kind = kind.get("id")
        if kind is not None and kind not in TYPES:
            raise ReconcileError(
                f"unknown type {kind!r}", where=f"{where}.type", hint="use one of: " + ", ".join(TYPES)
            )
        limit = spec.get("limit", DEFAULT_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ReconcileError(
                "'limit' is not a positive whole number", where=f"{where}.limit", hint="send e.g. 3"
            )
        properties = spec.get("properties", [])
        if not isinstance(properties, list):
            raise ReconcileError(
                "'properties' is not a list",
                where=f"{where}.properties",
                hint='send [{"pid": "wikidata", "v": "Q801"}]',
            )
        pairs = []
        for number, item in enumerate(properties):
            place = f"{where}.properties[{number}]"
            if not isinstance(item, dict) or not isinstance(item.get("pid"), str) or "v" not in item:
                raise ReconcileError(
                    'a property is not {"pid": ..., "v": ...}',
                    where=place,
                    hint='send {"pid": "wikidata", "v": "Q801"}',
                )
            known = {pid for kinds in ([kind] if kind else TYPES) for pid in PROPERTIES[kinds]}
            if item["pid"] not in known:
                raise ReconcileError(
                    f"unknown property {item['pid']!r}",
                    where=place,
                    hint="use one of: " + ", ".join(sorted(known)),
                )
            pairs.append((item["pid"], _property_values(item["v"], place)))
        if not text.strip():
            raise ReconcileError(
                "the query has no text", where=f"{where}.query", hint='send {"query": "a name"}'
            )
        queries.append(Query(str(key), text, kind, min(limit, MAX_LIMIT), pairs))
    return queries


# --- scoring ----------------------------------------------------------------------------------------


def _name_score(query: str, names: list[str]) -> float:
    if not query:
        return 0.0
    best = 0.0
    words = set(query.split())
    for number, name in enumerate(names):
        if query == name:
            return 100.0 if number == 0 else 95.0
        name_words = set(name.split())
        shared = len(words & name_words) / max(1, len(words | name_words))
        ratio = difflib.SequenceMatcher(None, query, name).ratio()
        contained = 85.0 if name_words and name_words <= words else 0.0  # "Mossad Director David Barnea"
        best = max(best, 90 * max(ratio, shared), contained)
    return best


def _agrees(pid: str, wanted: list[str], entity: Entity) -> bool:
    have = entity.properties.get(pid, [])
    if pid in ("date", "earliest", "latest") and entity.kind == "event":
        return any(_date_agrees(value, entity) for value in wanted)
    have_text = {normalize(str(value)) for value in have}
    return any(
        normalize(value) in have_text or normalize(value).removeprefix("actor ") in have_text
        for value in wanted
    )


def _date_agrees(value: str, entity: Entity) -> bool:
    from kb.dates import parse_edtf
    from kb.errors import DateError

    try:
        asked = parse_edtf(value.strip()[:21], "date")
    except DateError:
        return False
    earliest, latest = entity.properties["earliest"][0], entity.properties["latest"][0]
    return asked.earliest <= latest and earliest <= asked.latest


def reconcile(index: Index, queries: list[Query]) -> dict:
    """The answer to a batch: for each key, ``{"result": [candidates]}`` best first."""
    answer = {}
    for query in queries:
        text = normalize(query.text)
        ids = (
            index.candidates(query.kind, text)
            if text
            else {entity.id for entity in index.entities.values() if query.kind in (None, entity.kind)}
        )
        scored = []
        for entity_id in ids:
            entity = index.entities[entity_id]
            name = _name_score(text, index.normal[entity_id]) if text else 50.0
            agreed = [_agrees(pid, values, entity) for pid, values in query.properties]
            score = name if not agreed else 0.7 * name + 30 * sum(agreed) / len(agreed)
            scored.append((round(score, 1), entity, all(agreed)))
        scored.sort(key=lambda item: (-item[0], item[1].name, item[1].id))
        top = scored[: query.limit]
        results = []
        for rank, (score, entity, agreed) in enumerate(top):
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            sure = rank == 0 and score >= 90 and agreed and score - runner_up >= 10
            results.append(
                {
                    "id": entity.id,
                    "name": entity.name,
                    "score": score,
                    "match": sure,
                    "type": [{"id": entity.kind, "name": TYPES[entity.kind]}],
                    "description": entity.description,
                }
            )
        answer[query.key] = {"result": results}
    return answer


# --- suggest, preview, extend ----------------------------------------------------------------------


def suggest_entities(index: Index, prefix: str, kind: str | None = None, limit: int = 10) -> list[dict]:
    """Entities whose name or a word of it starts with ``prefix`` (for OpenRefine's autocomplete)."""
    if kind is not None and kind not in TYPES:
        raise ReconcileError(f"unknown type {kind!r}", where="type", hint="use one of: " + ", ".join(TYPES))
    wanted = normalize(prefix[:MAX_TEXT])
    if not wanted:
        return []
    found = []
    for entity_id, names in index.normal.items():
        entity = index.entities[entity_id]
        if kind and entity.kind != kind:
            continue
        if any(name.startswith(wanted) or f" {wanted}" in f" {name}" for name in names):
            found.append(entity)
            if len(found) >= 1000:
                break
    found.sort(key=lambda entity: (not index.normal[entity.id][0].startswith(wanted), entity.name))
    return [
        {"id": entity.id, "name": entity.name, "description": entity.description} for entity in found[:limit]
    ]


def suggest_types(prefix: str) -> list[dict]:
    """Types whose name starts with ``prefix``."""
    wanted = normalize(prefix)
    return [{"id": kind, "name": name} for kind, name in TYPES.items() if normalize(name).startswith(wanted)]


def suggest_properties(prefix: str, kind: str | None = None) -> list[dict]:
    """Properties whose id or name starts with ``prefix``."""
    wanted = normalize(prefix)
    return [
        {"id": pid, "name": name}
        for this_kind in ([kind] if kind in TYPES else TYPES)
        for pid, name in PROPERTIES[this_kind].items()
        if normalize(pid).startswith(wanted) or normalize(name).startswith(wanted)
    ]


def propose_properties(kind: str | None, limit: int | None = None) -> dict:
    """The properties data extension can add for entities of ``kind``."""
    if kind not in TYPES:
        raise ReconcileError(f"unknown type {kind!r}", where="type", hint="use one of: " + ", ".join(TYPES))
    properties = [{"id": pid, "name": name} for pid, name in PROPERTIES[kind].items()]
    return {
        "type": kind,
        "properties": properties[:limit] if limit else properties,
        **({"limit": limit} if limit else {}),
    }


def entity(index: Index, entity_id: str) -> Entity:
    """One entity by reconciliation id; :class:`ReconcileError` naming it when unknown."""
    found = index.entities.get(str(entity_id))
    if found is None:
        raise ReconcileError(
            f"no entity {entity_id!r}",
            where="id",
            hint="use an id from a reconciliation answer, such as actor/hamas",
        )
    return found


def _cell(value) -> dict:
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, int):
        return {"int": value}
    return {"str": str(value)}


def extend(index: Index, data: object) -> dict:
    """Data extension: ``{"ids": [...], "properties": [{"id": "wikidata"}]}`` -> meta and rows."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("ids"), list)
        or not isinstance(data.get("properties"), list)
    ):
        raise ReconcileError(
            '\'extend\' is not {"ids": [...], "properties": [...]}',
            where="extend",
            hint='send {"ids": ["actor/hamas"], "properties": [{"id": "wikidata"}]}',
        )
    if len(data["ids"]) > MAX_QUERIES * 5:
        raise ReconcileError(
            f"{len(data['ids'])} ids in one request",
            where="extend.ids",
            hint=f"send at most {MAX_QUERIES * 5}",
        )
    names = {pid: name for kinds in PROPERTIES.values() for pid, name in kinds.items()}
    wanted = []
    for number, item in enumerate(data["properties"]):
        pid = item.get("id") if isinstance(item, dict) else None
        if pid not in names:
            raise ReconcileError(
                f"unknown property {pid!r}",
                where=f"extend.properties[{number}]",
                hint="use one of: " + ", ".join(sorted(names)),
            )
        wanted.append(pid)
    rows = {}
    for entity_id in data["ids"]:
        found = entity(index, entity_id)
        rows[found.id] = {pid: [_cell(value) for value in found.properties.get(pid, [])] for pid in wanted}
    return {"meta": [{"id": pid, "name": names[pid]} for pid in wanted], "rows": rows}


def manifest(root: str, identifier_space: str) -> dict:
    """The service manifest (API version 0.2). ``root``: the site's root URL, ending in '/'."""
    service = root + "reconcile"
    return {
        "versions": ["0.2"],
        "name": "Negotiation timelines knowledge base",
        "identifierSpace": identifier_space,
        "schemaSpace": KB_NS,
        "defaultTypes": [{"id": kind, "name": name} for kind, name in TYPES.items()],
        "view": {"url": root + "{{id}}"},
        "preview": {"url": service + "/preview?id={{id}}", "width": 400, "height": 120},
        "suggest": {
            "entity": {"service_url": service, "service_path": "/suggest/entity"},
            "type": {"service_url": service, "service_path": "/suggest/type"},
            "property": {"service_url": service, "service_path": "/suggest/property"},
        },
        "extend": {
            "propose_properties": {"service_url": service, "service_path": "/propose_properties"},
            "property_settings": [],
        },
        "batchSize": 50,
    }
