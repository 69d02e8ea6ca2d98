"""The plain values a timeline is made of: the filter, events, lanes, facets, buckets and the view.

Shared by every way of building a view (:mod:`kb.timeline.view`) and of reading events
(:mod:`kb.timeline.window`); nothing here reads a store. A *bucket* is one bin of the counts drawn
when a window holds too many events to draw (a day, week, month or year, :func:`bucket_unit`); the
stored index's date ranges are *periods* (:mod:`kb.timeline.rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from kb.dates import describe, parse_day, parse_edtf
from kb.errors import DateError, QueryError
from kb.vocab import EVENT_TYPES, STATUSES, is_slug

#: Past this many matching events, :func:`timeline` sends counts per bucket instead of events.
THRESHOLD = 500
#: At most this many lanes; the rest are gathered in one lane, :data:`OTHER_LANE`.
MAX_LANES = 30
OTHER_LANE = "_other"
LANE_MODES = ("type", "actor")
FACETS = ("actor", "type", "source", "status")
#: How a window is read: events that *possibly* fall in it (their bounds overlap it, the default)
#: or that *certainly* do (both bounds inside it).
CERTAINTIES = ("possible", "certain")
#: At most this many values a facet lists (the chosen ones and the most frequent).
FACET_LIMIT = 40

@dataclass(slots=True)
class TimelineEvent:
    """One event as a timeline shows it: plain values only."""

    iri: str
    type: str
    label: str
    earliest: date
    latest: date
    edtf: str
    date_text: str
    precision: str
    status: str
    roles: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """True when the date is one known day (a point rather than a band)."""
        return self.earliest == self.latest

    @property
    def in_words(self) -> str:
        """The date as a reader would say it, with its uncertainty."""
        return describe(parse_edtf(self.edtf))



@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows: a window of days, filters (ids, OR within, AND across) and lanes."""

    earliest: date | None = None
    latest: date | None = None
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    text: str = ""
    lanes: str = "type"
    certainty: str = "possible"
    #: Only what the sources published by this day say (a source counts from its earliest day).
    as_known_on: date | None = None

    def selected(self, facet: str) -> tuple[str, ...]:
        """The ids selected in ``facet`` (one of :data:`FACETS`)."""
        return {"actor": self.actors, "type": self.types, "source": self.sources,
                "status": self.statuses}[facet]

    def as_params(self) -> dict[str, list[str]]:
        """The filter as URL parameters (the inverse of :func:`parse_filter`)."""
        params: dict[str, list[str]] = {}
        if self.earliest:
            params["from"] = [self.earliest.isoformat()]
        if self.latest:
            params["to"] = [self.latest.isoformat()]
        if self.lanes != "type":
            params["lanes"] = [self.lanes]
        for facet in FACETS:
            if self.selected(facet):
                params[facet] = list(self.selected(facet))
        if self.text:
            params["q"] = [self.text]
        if self.certainty != "possible":
            params["certainty"] = [self.certainty]
        if self.as_known_on:
            params["as_known_on"] = [self.as_known_on.isoformat()]
        return params


def _ids(values: Iterable[str], name: str, slugs: bool = True) -> tuple[str, ...]:
    ids = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            if slugs and not is_slug(part):
                raise QueryError(f"{part!r} is not an id", where=f"parameter '{name}'",
                                 hint="give ids such as 'hamas' or 'Offer', as the filters list them")
            if part not in ids:
                ids.append(part)
    return tuple(ids)


def parse_filter(params: Mapping[str, list[str]]) -> TimelineFilter:
    """A :class:`TimelineFilter` from URL parameters; a bad one raises an error naming it."""

    def one(name: str) -> str:
        values = params.get(name) or []
        return str(values[-1]).strip() if values else ""

    earliest = parse_day(one("from"), "parameter 'from'") if one("from") else None
    latest = parse_day(one("to"), "parameter 'to'") if one("to") else None
    if earliest and latest and latest < earliest:
        raise DateError(f"the window ends ({latest}) before it starts ({earliest})",
                        where="parameters 'from' and 'to'", hint="swap the two days")
    lanes = one("lanes") or "type"
    if lanes not in LANE_MODES:
        raise QueryError(f"unknown lanes {lanes!r}", where="parameter 'lanes'",
                         hint=f"use one of: {', '.join(LANE_MODES)}")
    certainty = one("certainty") or "possible"
    if certainty not in CERTAINTIES:
        raise QueryError(f"unknown certainty {certainty[:40]!r}", where="parameter 'certainty'",
                         hint="use 'possible' (bounds overlap the window) or 'certain' (inside it)")
    as_known_on = parse_day(one("as_known_on"), "parameter 'as_known_on'") if one("as_known_on") else None
    types = _ids(params.get("type") or [], "type", slugs=False)
    for name in types:
        if name not in EVENT_TYPES:
            raise QueryError(f"unknown event type {name!r}", where="parameter 'type'",
                             hint=f"use one of: {', '.join(EVENT_TYPES)}")
    statuses = _ids(params.get("status") or [], "status", slugs=False)
    for name in statuses:
        if name not in STATUSES:
            raise QueryError(f"unknown status {name!r}", where="parameter 'status'",
                             hint=f"use one of: {', '.join(STATUSES)}")
    return TimelineFilter(
        earliest=earliest, latest=latest,
        actors=_ids(params.get("actor") or [], "actor"),
        types=types,
        sources=_ids(params.get("source") or [], "source"),
        statuses=statuses,
        text=one("q")[:200],
        lanes=lanes,
        certainty=certainty,
        as_known_on=as_known_on,
    )


@dataclass
class ActorRole:
    """An actor in an event, in one role."""

    id: str
    name: str
    role: str


@dataclass
class TimelineItem:
    """An event as the timeline draws it and the table lists it."""

    id: str
    iri: str
    type: str
    type_label: str
    label: str
    earliest: date
    latest: date
    edtf: str
    precision: str
    in_words: str
    status: str
    actors: list[ActorRole] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)
    #: True when the sources that report the event disagree on it (the ``conflicts`` query).
    disputed: bool = False

    @property
    def exact(self) -> bool:
        """True when the date is one known day."""
        return self.earliest == self.latest


@dataclass
class FacetValue:
    """One value of a filter, with how many events it would match given the other filters."""

    id: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Lane:
    """A row of the timeline: an event type or an actor."""

    key: str
    label: str
    count: int


@dataclass
class Bucket:
    """How many events of a lane fall in one day, week, month or year of the window."""

    lane: str
    start: date
    end: date
    count: int


@dataclass
class TimelineView:
    """Everything the timeline page and ``/timeline.json`` show for one filter."""

    earliest: date
    latest: date
    extent_earliest: date | None
    extent_latest: date | None
    lanes_by: str
    mode: str  # "events" (each event drawn) or "aggregate" (counts per bucket)
    total: int
    threshold: int
    lanes: list[Lane] = field(default_factory=list)
    events: list[TimelineItem] = field(default_factory=list)
    unit: str | None = None
    buckets: list[Bucket] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    table: list[TimelineItem] = field(default_factory=list)
    table_offset: int = 0
    filter: dict[str, list[str]] = field(default_factory=dict)
    facets_more: dict[str, int] = field(default_factory=dict)  # values left out of each facet


def bucket_unit(earliest: date, latest: date) -> str:
    """The bucket a window of this length is counted in: day, week, month or year."""
    days = (latest - earliest).days + 1
    if days <= 92:
        return "day"
    if days <= 2 * 366:
        return "week"
    if days <= 30 * 366:
        return "month"
    return "year"


def bucket_of(day: date, unit: str) -> tuple[date, date]:
    """The first and last day of the ``unit`` bucket holding ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if unit == "month":
        start = day.replace(day=1)
        following = (start.replace(year=start.year + 1, month=1) if start.month == 12
                     else start.replace(month=start.month + 1))
        return start, following - timedelta(days=1)
    return date(day.year, 1, 1), date(day.year, 12, 31)
