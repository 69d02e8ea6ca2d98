"""An actor's page: who they are, their positions, and their events on a strip in time."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Variable

from kb.pages.parts import (
    Claim,
    EntityNotFound,
    EventRef,
    Ref,
    claims_where,
    in_words,
    ref,
    values_by_name,
)
from kb.store import KnowledgeBase
from kb.timeline.axis import axis_ticks
from kb.timeline.window import actor_events, labels, type_labels
from kb.vocab import ACTOR_CLASSES, PREFIXES, WIKIDATA_ENTITY, Minter

#: The kind of actor (``person``) each actor class stands for.
ACTOR_KINDS = {cls.value: kind for kind, cls in ACTOR_CLASSES.items()}





@dataclass
class Position:
    """A post a source says the actor holds."""

    title: str
    organization: Ref | None
    according_to: Ref | None
    as_of: str | None
    note: str | None
    claim: Claim


@dataclass
class ActorEvent:
    """One of an actor's events, placed on the actor's small timeline (percentages of its width)."""

    event: EventRef
    roles: list[str]
    left: float
    width: float
    row: int

    @property
    def exact(self) -> bool:
        """True when the event's date is one known day."""
        return self.event.earliest == self.event.latest


@dataclass
class Tick:
    """A labelled mark on a small timeline's axis (``left``: percent of its width)."""

    left: float
    label: str


@dataclass
class ActorPage:
    """Everything an actor's page shows."""

    iri: str
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    wikidata_id: str | None = None
    positions: list[Position] = field(default_factory=list)
    member_of: list[Ref] = field(default_factory=list)
    members: list[Ref] = field(default_factory=list)
    events: list[ActorEvent] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    rows: int = 0
    ticks: list[Tick] = field(default_factory=list)


_ACTOR = """
SELECT ?p ?o ?s WHERE {
  ?s ?p ?o .
  VALUES ?p { rdf:type rdfs:label skos:altLabel schema:sameAs org:memberOf org:subOrganizationOf }
}"""
_MEMBERS = "SELECT ?member ?s WHERE { ?member org:memberOf|org:subOrganizationOf ?s }"
_POSITIONS = """
SELECT ?post ?title ?org ?according ?as_of ?note ?g ?s WHERE {
  GRAPH ?g {
    ?post org:heldBy ?s ; rdfs:label ?title .
    OPTIONAL { ?post org:postIn ?org }
    OPTIONAL { ?post kbo:accordingTo ?according }
    OPTIONAL { ?post kbo:asOf ?as_of }
    OPTIONAL { ?post kbo:curatorNote ?note }
  }
}"""


def actor_page(kb: KnowledgeBase, minter: Minter, slug: str) -> ActorPage:
    """The page of the actor ``slug``: its posts, its events on a small timeline, its Wikidata link."""
    iri = minter.actor(slug)
    subject = {Variable("s"): iri}
    values = values_by_name(kb, _ACTOR, iri)  # first: an unknown slug costs this one request
    kinds = [ACTOR_KINDS[t] for t in values.get("type", []) if t in ACTOR_KINDS]
    is_actor = any(t.endswith(("sem/Actor", "#Actor")) for t in values.get("type", []))
    if not is_actor or not values.get("label"):
        raise EntityNotFound("actor", slug)
    # What the page shows does not depend on one another: at once over a remote store.
    member_rows, position_rows, claims_of, events, _ = kb.together(
        lambda: kb.select(_MEMBERS, substitutions=subject, prefixes=PREFIXES),
        lambda: kb.select(_POSITIONS, substitutions=subject, prefixes=PREFIXES),
        lambda: claims_where(kb, minter, "GRAPH ?graph { ?post org:heldBy ?subject }", iri),
        lambda: actor_events(kb, iri.value),
        lambda: type_labels(kb))
    wikidata = next((v for v in values.get("sameAs", []) if v.startswith(WIKIDATA_ENTITY)), None)
    members = [row["member"].value for row in member_rows]
    outer = values.get("memberOf", []) + values.get("subOrganizationOf", [])
    names = labels(kb, [*members, *outer, *(r["org"].value for r in position_rows if "org" in r),
                        *(r["according"].value for r in position_rows if "according" in r)])
    position_rows = sorted(position_rows, key=lambda r: r["post"].value)
    claims = [claims_of.get(row["g"].value) or Claim(row["g"].value) for row in position_rows]
    positions = []
    for row, position_claim in zip(position_rows, claims, strict=True):
        positions.append(Position(
            title=row["title"].value,
            organization=ref(minter, row["org"].value, names.get(row["org"].value)) if "org" in row else None,
            according_to=(ref(minter, row["according"].value, names.get(row["according"].value))
                          if "according" in row else None),
            as_of=in_words(row["as_of"].value) if "as_of" in row else None,
            note=row["note"].value if "note" in row else None,
            claim=position_claim,
        ))
    page = ActorPage(
        iri=iri.value, id=slug, name=values["label"][0], kind=kinds[0] if kinds else "actor",
        aliases=sorted(values.get("altLabel", [])), wikidata=wikidata,
        wikidata_id=wikidata.removeprefix(WIKIDATA_ENTITY) if wikidata else None,
        positions=positions,
        member_of=[ref(minter, o, names.get(o)) for o in sorted(outer)],
        members=sorted((ref(minter, m, names.get(m)) for m in members), key=lambda r: r.label),
    )
    _place_on_strip(page, kb, minter, events)
    return page


def _place_on_strip(page: ActorPage, kb: KnowledgeBase, minter: Minter, events: list) -> None:
    """Fill ``page.events`` with the actor's events (:func:`actor_events`), laid out in rows that do
    not overlap."""
    if not events:
        return
    # One event a line, however many sources claim it; a claim that carries no label of its own
    # (another source's report of an event) takes the event's label.
    by_iri: dict[str, object] = {}
    for event in events:
        if event.iri not in by_iri or (event.label and not by_iri[event.iri].label):
            by_iri[event.iri] = event
    events = list(by_iri.values())
    missing = labels(kb, [event.iri for event in events if not event.label])
    names = type_labels(kb)
    page.first = min(e.earliest for e in events)
    page.last = max(e.latest for e in events)
    span = (page.last - page.first).days + 1
    # Each event goes on the first row free at its left edge. The events come in date order, so a
    # row once free stays free for every later event: rows in use wait in a heap by where they end,
    # free ones in a heap by number (a busy actor has tens of thousands of events on thousands of
    # rows; looking at every row for each event took 49 s for 88,290 events at 1M).
    in_use: list[tuple[float, int]] = []
    free: list[int] = []
    rows = 0
    for event in events:
        left = (event.earliest - page.first).days / span * 100
        width = ((event.latest - event.earliest).days + 1) / span * 100
        reach = left + max(width, 1.2) + 0.6
        while in_use and in_use[0][0] <= left:
            heapq.heappush(free, heapq.heappop(in_use)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, rows = rows, rows + 1
        heapq.heappush(in_use, (reach, row))
        reference = EventRef(ref(minter, event.iri).id, event.iri,
                             event.label or missing.get(event.iri) or ref(minter, event.iri).id, event.type,
                             names.get(event.type, event.type), event.in_words, event.earliest,
                             event.latest, event.status)
        page.events.append(ActorEvent(reference, event.roles, round(left, 3), round(width, 3), row))
    page.rows = rows
    page.ticks = strip_ticks(page.first, page.last)


def strip_ticks(first: date, last: date) -> list[Tick]:
    """Month ticks (years past two years) for a small timeline from ``first`` to ``last``."""
    span = (last - first).days + 1
    return [Tick(round((day - first).days / span * 100, 3), label)
            for day, label in axis_ticks(first, last, max_month_days=2 * 366 - 1)]
