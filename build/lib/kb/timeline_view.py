"""What the website's timeline shows for a window and filters: events or counts, lanes, facets.

:func:`timeline` gives the events of a window that pass the filters (actor, type, source, status,
free text; OR within a filter, AND across), the facet counts of each filter (counted as if its own
choice were open), and lanes by event type or by actor. When more than ``threshold`` events match, it
sends counts per lane and per day, week, month or year instead of the events, so a window over
100,000 events stays as small as one over 100. Events come from a :class:`TimelineIndex` when one is
given (the web app's, in memory), else from SPARQL month-key lookups (:mod:`kb.timeline`); both give
the same answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pyoxigraph import Literal

from kb.dates import describe, parse_day, parse_edtf
from kb.errors import DateError, KBError, QueryError
from kb.store import KnowledgeBase
from kb.timeline import IN_WINDOW, _day, _key, _month_keys, _rows, _values, extent, labels, type_labels
from kb.vocab import EVENT_TYPES, KB_NS, PREFIXES, ROLE_TYPES, STATUSES, XSD, Minter, is_slug

if TYPE_CHECKING:
    from kb.timeline_index import TimelineIndex

# The lean pass: what filtering, facets, lanes and counts need, one row per event and actor.
_LEAN = """
SELECT ?event ?type ?earliest ?latest ?status ?actor WHERE {
%(in_window)s
  ?event a ?type ; kbo:status ?status ; kbo:involves ?actor .
}""".replace("%(in_window)s", IN_WINDOW)

_SOURCES = """
SELECT ?event ?source WHERE {
%(in_window)s
  ?event kbo:source ?source .
}""".replace("%(in_window)s", IN_WINDOW)

_TEXTS = """
SELECT ?event ?text WHERE {
%(in_window)s
  ?event rdfs:label|kbo:sourceSentence|kbo:dateText|kbo:quote ?text .
}""".replace("%(in_window)s", IN_WINDOW)

_DETAILS = """
SELECT ?event ?label ?edtf ?date_text ?precision ?role ?actor WHERE {
  VALUES ?event { %s }
  ?event rdfs:label ?label ; kbo:edtf ?edtf ; kbo:dateText ?date_text ; kbo:datePrecision ?precision .
  OPTIONAL { ?event sem:hasActor ?role_node . ?role_node sem:roleType ?role ; rdf:value ?actor . }
}"""


#: Past this many matching events, :func:`timeline` sends counts per bucket instead of events.
THRESHOLD = 500
#: At most this many lanes; the rest are gathered in one lane, :data:`OTHER_LANE`.
MAX_LANES = 30
OTHER_LANE = "_other"
LANE_MODES = ("type", "actor")
FACETS = ("actor", "type", "source", "status")
#: At most this many values a facet lists (the chosen ones and the most frequent).
FACET_LIMIT = 40

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


@dataclass(slots=True)
class _Lean:
    iri: str
    slug: str
    type: str
    earliest: date
    latest: date
    status: str
    actors: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    row: int = -1  # the event's row in a TimelineIndex


def _slug(minter: Minter, iri: str) -> str:
    split = minter.split(iri)
    return split[1] if split else iri


def _in_window(sparql: str, earliest: date, latest: date) -> str:
    """``sparql`` with the window's month keys and bounds (typed literals made from dates)."""
    return sparql % {"keys": _month_keys(earliest, latest),
                     "from": Literal(earliest.isoformat(), datatype=XSD.date),
                     "to": Literal(latest.isoformat(), datatype=XSD.date)}


def _lean_rows(kb: KnowledgeBase, minter: Minter, earliest: date, latest: date,
               with_sources: bool) -> dict[str, _Lean]:
    events: dict[str, _Lean] = {}
    columns = ("event", "type", "earliest", "latest", "status", "actor")
    for iri, kind, begin, end, status, actor in _rows(kb, _in_window(_LEAN, earliest, latest), columns):
        event = events.get(iri.value)
        if event is None:
            if not kind.value.startswith(KB_NS) or kind.value[len(KB_NS):] not in EVENT_TYPES:
                continue
            event = events[iri.value] = _Lean(
                iri.value, _slug(minter, iri.value), kind.value[len(KB_NS):], _day(begin), _day(end),
                status.value.removeprefix(KB_NS))
        event.actors.add(_slug(minter, actor.value))
    if with_sources:
        for iri, source in _rows(kb, _in_window(_SOURCES, earliest, latest), ("event", "source")):
            event = events.get(iri.value)
            if event is not None:
                event.sources.add(_slug(minter, source.value))
    return events


def text_matches(kb: KnowledgeBase, needle: str, earliest: date, latest: date) -> set[str]:
    """IRIs of the window's events whose label, sentence, date text or quote holds ``needle``."""
    found = set()
    for iri, text in _rows(kb, _in_window(_TEXTS, earliest, latest), ("event", "text")):
        if needle in text.value.casefold():
            found.add(iri.value)
    return found


def _text_matches(kb: KnowledgeBase, filt: TimelineFilter, earliest: date, latest: date,
                  actor_names: dict[str, str], events: dict[str, _Lean]) -> set[str]:
    needle = filt.text.casefold()
    found = text_matches(kb, needle, earliest, latest)
    for event in events.values():
        if any(needle in actor_names.get(actor, actor).casefold() for actor in event.actors):
            found.add(event.iri)
    return found


def _passes(event: _Lean, filt: TimelineFilter, texts: set[str] | None, skip: str | None = None) -> bool:
    if skip != "actor" and filt.actors and not event.actors.intersection(filt.actors):
        return False
    if skip != "type" and filt.types and event.type not in filt.types:
        return False
    if skip != "source" and filt.sources and not event.sources.intersection(filt.sources):
        return False
    if skip != "status" and filt.statuses and event.status not in filt.statuses:
        return False
    return texts is None or event.iri in texts


def _facet_ids(event: _Lean, facet: str) -> Iterable[str]:
    if facet == "actor":
        return event.actors
    if facet == "source":
        return event.sources
    return (event.type,) if facet == "type" else (event.status,)


def _facets(events: list[_Lean], filt: TimelineFilter, texts: set[str] | None,
            names: dict[str, dict[str, str]], limit: int = 0) -> tuple[dict[str, list[FacetValue]], dict]:
    """Facet values with counts, each facet counted as if its own choice were open.

    With ``limit``, at most that many values a facet (the chosen ones and the most frequent), and
    how many were left out.
    """
    counts: dict[str, dict[str, int]] = {facet: defaultdict(int) for facet in FACETS}
    actors, types, sources, statuses = (set(filt.actors), set(filt.types), set(filt.sources),
                                        set(filt.statuses))
    for event in events:
        if texts is not None and event.iri not in texts:
            continue
        misses = []
        if actors and actors.isdisjoint(event.actors):
            misses.append("actor")
        if types and event.type not in types:
            misses.append("type")
        if sources and sources.isdisjoint(event.sources):
            misses.append("source")
        if statuses and event.status not in statuses:
            misses.append("status")
        if len(misses) > 1:
            continue
        for facet in misses or FACETS:
            for value in _facet_ids(event, facet):
                counts[facet][value] += 1
    return facet_lists(counts, filt, names, limit)


def facet_lists(counts: dict[str, dict[str, int]], filt: TimelineFilter, names: dict[str, dict[str, str]],
                limit: int = 0) -> tuple[dict[str, list[FacetValue]], dict[str, int]]:
    """Each facet's values in order (types and statuses as declared, the others chosen first, then
    by count and name), at most ``limit`` of them, and how many were left out."""
    facets, more = {}, {}
    for facet in FACETS:
        found, selected = counts[facet], filt.selected(facet)
        ids = list(dict.fromkeys([*selected, *found]))
        if facet == "type":
            ids = [name for name in EVENT_TYPES if name in ids]
        elif facet == "status":
            ids = [name for name in STATUSES if name in ids]
        else:
            ids.sort(key=lambda i: (i not in selected, -found.get(i, 0), names[facet].get(i, i).casefold()))
        if limit and len(ids) > limit:
            more[facet] = len(ids) - limit
            ids = ids[:max(limit, len(selected))]
        facets[facet] = [FacetValue(i, names[facet].get(i, i), found.get(i, 0), i in selected) for i in ids]
    return facets, more


def _lanes(drawn: list[_Lean], matched: list[_Lean], filt: TimelineFilter,
           names: dict[str, dict[str, str]], max_lanes: int) -> tuple[list[Lane], dict[str, list[str]]]:
    """The lanes of the events drawn, counted in the window, and each drawn event's lane keys."""
    by_actor = filt.lanes == "actor"
    in_window: dict[str, int] = defaultdict(int)
    anywhere: dict[str, int] = defaultdict(int)
    for event in matched:
        for key in (event.actors if by_actor else (event.type,)):
            in_window[key] += 1
    for event in drawn:
        for key in (event.actors if by_actor else (event.type,)):
            anywhere[key] += 1
    kept = lane_keys(in_window, anywhere, filt, names, max_lanes)
    rank = {key: number for number, key in enumerate(kept)}
    assignment: dict[str, list[str]] = {}
    for event in drawn:
        keys = event.actors if by_actor else (event.type,)
        assignment[event.iri] = sorted((k for k in keys if k in rank), key=rank.__getitem__) or [OTHER_LANE]
    facet = "actor" if by_actor else "type"
    lanes = [Lane(key, names[facet].get(key, key), in_window.get(key, 0)) for key in kept]
    if any(assignment[event.iri] == [OTHER_LANE] for event in drawn):
        other = sum(1 for event in matched if assignment[event.iri] == [OTHER_LANE])
        lanes.append(Lane(OTHER_LANE, "Other actors" if by_actor else "Other", other))
    return lanes, assignment


def lane_keys(in_window: dict[str, int], anywhere: dict[str, int], filt: TimelineFilter,
              names: dict[str, dict[str, str]], max_lanes: int) -> list[str]:
    """The lanes kept, in order: types as declared; actors chosen first, then by count and name."""
    if filt.lanes == "actor":
        chosen = set(filt.actors)
        order = sorted(anywhere, key=lambda i: (i not in chosen, -in_window.get(i, 0), -anywhere[i],
                                                names["actor"].get(i, i).casefold(), i))
    else:
        order = [name for name in EVENT_TYPES if name in anywhere]
    return order[:max_lanes]


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


def _buckets(matched: list[_Lean], assignment: dict[str, list[str]], earliest: date, latest: date,
             unit: str) -> list[Bucket]:
    """Counts per lane and bucket; an event counts once, in the bucket of its (clipped) midpoint."""
    counts: dict[tuple[str, date], int] = defaultdict(int)
    buckets: dict[int, tuple[date, date]] = {}
    low, high = earliest.toordinal(), latest.toordinal()
    for event in matched:
        first, last = max(event.earliest.toordinal(), low), min(event.latest.toordinal(), high)
        middle = (first + last) // 2
        bounds = buckets.get(middle)
        if bounds is None:
            bounds = buckets[middle] = bucket_of(date.fromordinal(middle), unit)
        for lane in assignment[event.iri]:
            counts[(lane, bounds[0])] += 1
    ends = {start: end for start, end in buckets.values()}
    return [Bucket(lane, start, ends[start], count)
            for (lane, start), count in sorted(counts.items(), key=lambda item: (item[0][1], item[0][0]))]


def items(kb: KnowledgeBase, minter: Minter, events: list[_Lean],
          assignment: dict[str, list[str]] | None = None) -> list[TimelineItem]:
    """Full timeline items (label, date in words, actors in roles) for events, in the order given."""
    lean = {e.iri: e for e in events}
    iris = [e.iri for e in events]
    if not iris:
        return []
    details: dict[str, dict] = {}
    actor_iris: set[str] = set()
    for start in range(0, len(iris), 500):
        rows = kb.select(_DETAILS % _values(iris[start:start + 500]), prefixes=PREFIXES)
        for row in rows:
            record = details.setdefault(row["event"].value, {"row": row, "roles": []})
            if "actor" in row:
                pair = (row["actor"].value, row["role"].value.removeprefix(KB_NS))
                if pair not in record["roles"]:
                    record["roles"].append(pair)
                actor_iris.add(pair[0])
    names = labels(kb, actor_iris)
    type_names = type_labels(kb)
    result = []
    for iri in iris:
        record, event = details.get(iri), lean.get(iri)
        if record is None or event is None:
            continue
        row = record["row"]
        edtf = row["edtf"].value
        try:
            in_words = describe(parse_edtf(edtf))
        except KBError:
            in_words = row["date_text"].value
        roles = sorted(record["roles"], key=lambda pair: (_role_order(pair[1]),
                                                          names.get(pair[0], pair[0]).casefold(), pair[0]))
        result.append(TimelineItem(
            id=event.slug, iri=iri, type=event.type, type_label=type_names.get(event.type, event.type),
            label=row["label"].value, earliest=event.earliest, latest=event.latest, edtf=edtf,
            precision=row["precision"].value, in_words=in_words,
            status=event.status,
            actors=[ActorRole(_slug(minter, actor), names.get(actor, _slug(minter, actor)), role)
                    for actor, role in roles],
            sources=sorted(event.sources),
            lanes=(assignment or {}).get(iri, []),
        ))
    return result


def _role_order(role: str) -> int:
    return ROLE_TYPES.index(role) if role in ROLE_TYPES else len(ROLE_TYPES)


def _names(kb: KnowledgeBase, minter: Minter, events: dict[str, _Lean]) -> tuple[dict, dict]:
    """Labels of the actors and sources of ``events``, by slug."""
    actor_iris = {minter.actor(slug).value: slug for e in events.values() for slug in e.actors
                  if is_slug(slug)}
    source_iris = {minter.source(slug).value: slug for e in events.values() for slug in e.sources
                   if is_slug(slug)}
    return ({actor_iris[iri]: name for iri, name in labels(kb, actor_iris).items()},
            {source_iris[iri]: name for iri, name in labels(kb, source_iris).items()})


def default_window(kb: KnowledgeBase, index: TimelineIndex | None = None) -> tuple[date, date]:
    """The window shown when none is asked for: every event, with a little room at each end."""
    first, last = index.extent() if index is not None else extent(kb)
    if first is None or last is None:
        today = date.today()
        return today - timedelta(days=30), today
    room = timedelta(days=max(1, ((last - first).days + 1) // 40))
    return first - room, last + room


#: Widest margin a view may ask for, in days (wider ones are cut to it).
MAX_MARGIN_DAYS = 366 * 50


def check_window(filt: TimelineFilter, margin_days: int) -> None:
    """Refuse (400) a window that, with its margin, reaches past the calendar (years 1 to 9999)."""
    margin = timedelta(days=max(0, min(margin_days, MAX_MARGIN_DAYS)))
    first, last = date.min + margin, date.max - margin
    for day in (filt.earliest, filt.latest):
        if day is not None and not first <= day <= last:
            raise DateError(f"the window reaches past the calendar: with a margin of {margin.days} "
                            f"days, 'from' and 'to' must lie between {first} and {last}",
                            where="parameters 'from', 'to' and 'margin'",
                            hint=f"choose days between {first} and {last}, or a smaller margin")


def timeline(kb: KnowledgeBase, filt: TimelineFilter, minter: Minter | None = None, *,
             threshold: int = THRESHOLD, max_lanes: int = MAX_LANES, margin_days: int = 0,
             table_offset: int | None = None, table_size: int = THRESHOLD,
             index: TimelineIndex | None = None) -> TimelineView:
    """The timeline of a window: events (or counts past ``threshold``), lanes and facet counts.

    ``total``, the facet counts and the table are those of the window itself; the events or counts
    to draw also cover ``margin_days`` on each side of it, so that a client can pan a little before
    it needs to ask again. With ``table_offset``, also one page of ``table_size`` events in date
    order for the chronological table (the page without JavaScript), whichever the mode. With
    ``index`` (:class:`kb.timeline_index.TimelineIndex`), events are read from memory, not SPARQL.
    """
    minter = minter or Minter()
    if not (filt.earliest and filt.latest):  # the default window is every event's: say so
        default_first, default_last = default_window(kb, index)
        earliest = filt.earliest or default_first
        filt = replace(filt, earliest=earliest, latest=filt.latest or max(default_last, earliest))
    check_window(filt, margin_days)
    if index is not None:  # the index does not change: remember recent answers
        from kb.timeline_index import indexed_view

        key = (filt, threshold, max_lanes, margin_days, table_offset, table_size)
        view = index.memo.get(key)
        if view is None:
            view = indexed_view(index, kb, filt, threshold, max_lanes, margin_days, table_offset, table_size)
            index.remember(key, view)
        return view
    return _timeline(kb, filt, minter, threshold, max_lanes, margin_days, table_offset, table_size)


def _timeline(kb: KnowledgeBase, filt: TimelineFilter, minter: Minter, threshold: int, max_lanes: int,
              margin_days: int, table_offset: int | None, table_size: int) -> TimelineView:
    """:func:`timeline` by SPARQL: the window's events by month key, then details for those drawn."""
    earliest, latest = filt.earliest, filt.latest
    first, last = extent(kb)
    margin = timedelta(days=max(0, min(margin_days, MAX_MARGIN_DAYS)))
    drawn_from, drawn_to = earliest - margin, latest + margin
    events = _lean_rows(kb, minter, drawn_from, drawn_to, with_sources=True)
    actor_names, source_names = _names(kb, minter, events)
    missing = {minter.actor(slug).value: slug for slug in filt.actors
               if slug not in actor_names and is_slug(slug)}
    if missing:  # a chosen actor with no event in the window still shows by name
        actor_names = {**actor_names, **{missing[iri]: name for iri, name in labels(kb, missing).items()}}
    names = {"actor": actor_names, "source": source_names, "type": type_labels(kb),
             "status": {name: name for name in STATUSES}}
    texts = (_text_matches(kb, filt, drawn_from, drawn_to, actor_names, events) if filt.text else None)
    in_order = sorted(events.values(), key=_key)
    drawn = [event for event in in_order if _passes(event, filt, texts)]
    candidates = [event for event in in_order if event.latest >= earliest and event.earliest <= latest]
    matched = [event for event in drawn if event.latest >= earliest and event.earliest <= latest]
    lanes, assignment = _lanes(drawn, matched, filt, names, max_lanes)
    # One by one while the window holds at most ``threshold`` events (and the margins not many more).
    one_by_one = len(matched) <= threshold and len(drawn) <= 3 * threshold
    view = TimelineView(
        earliest=earliest, latest=latest, extent_earliest=first, extent_latest=last,
        lanes_by=filt.lanes, mode="events" if one_by_one else "aggregate",
        total=len(matched), threshold=threshold, lanes=lanes,
        filter=filt.as_params(),
    )
    view.facets, view.facets_more = _facets(candidates, filt, texts, names, FACET_LIMIT)
    if margin:
        view.filter["margin"] = [str(margin.days)]

    def full(chosen: list[_Lean]) -> list[TimelineItem]:
        return items(kb, minter, chosen, assignment)

    if view.mode == "events":
        view.events = full(drawn)
    else:
        view.unit = bucket_unit(drawn_from, drawn_to)
        view.buckets = _buckets(drawn, assignment, drawn_from, drawn_to, view.unit)
    fill_table(view, matched, full, margin, table_offset, table_size)
    return view


def fill_table(view, matched: list, full, margin, table_offset: int | None, table_size: int) -> None:
    """Page the chronological table: reuse the drawn events when they are the whole first page."""
    if table_offset is None:
        return
    view.table_offset = max(0, table_offset)
    page = matched[view.table_offset:view.table_offset + table_size]
    if view.mode == "events" and not margin and view.table_offset == 0 and table_size >= len(matched):
        view.table = view.events
    else:
        view.table = full(page)


def timeline_data(kb: KnowledgeBase, params: Mapping[str, list[str]], base: str, threshold: int = THRESHOLD,
                  margin_days: int = 0) -> dict:
    """What ``/timeline.json`` answers for URL parameters ``params``, by SPARQL, as JSON-ready data
    (the web app runs it in a query worker, under the time limit, for the expensive views)."""
    from kb.pages import as_json

    return as_json(timeline(kb, parse_filter(params), Minter(base), threshold=threshold,
                            margin_days=margin_days))
