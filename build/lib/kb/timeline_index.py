"""An in-memory index of every event's timeline record, so a window is served in milliseconds.

On the embedded store a SPARQL pass over a month of events costs tens of microseconds per event
(each join is a RocksDB seek, each IRI returned a dictionary lookup), so a one-month window of a
100,000-event knowledge base takes about 100 ms. The web app's store does not change while it
runs (the SPARQL endpoint is read-only and ``kb load`` cannot open a store the app holds), so the
app reads each event's bounds, type, status, label, source and actors in roles once, from the
events' timeline rows (:mod:`kb.digest`; one scan per predicate for a store without them, see
:meth:`TimelineIndex.build`), and keeps them in compact arrays bucketed by month,
the same month keys as ``kbo:monthKey``. :func:`kb.timeline_view.timeline` uses the index when given
one and SPARQL otherwise; both give the same answer (``tests/test_pages.py`` checks it).
"""

from __future__ import annotations

import json
import threading
import time
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from kb.dates import WIDE_KEY, DateValue, describe, parse_edtf
from kb.errors import KBError
from kb.store import KnowledgeBase
from kb.timeline import labels
from kb.vocab import EVENT_TYPES, KBO, PREFIXES, RDF, RDFS, ROLE_TYPES, SEM, STATUSES, Minter, is_slug

NO_ROLE = 255
_ROWS = "SELECT ?row WHERE { ?event kbo:timelineRow ?row }"
#: How many recent timeline answers an index remembers (the index never changes, so they stay true).
MEMO_SIZE = 64


def _months(year: int, month: int, count: int) -> Iterable[tuple[int, int]]:
    for _ in range(count):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@lru_cache(maxsize=65536)
def _date(edtf: str) -> tuple[DateValue, str] | None:
    try:
        value = parse_edtf(edtf)
    except KBError:
        return None
    return value, describe(value)


class TimelineIndex:
    """Every event's lean timeline record, in arrays, with its row numbers bucketed by month."""

    def __init__(self, minter: Minter):
        self.minter = minter
        self.iris: list[str] = []
        self.slugs: list[str] = []
        self.labels: list[str] = []
        self.edtfs: list[str] = []
        self.first = array("l")          # earliest day, as a date ordinal
        self.last = array("l")           # latest day, as a date ordinal
        self.types = array("B")          # index in EVENT_TYPES
        self.statuses = array("B")       # index in STATUSES
        self.sources = array("l")        # index in source_slugs, -1 when none
        self.actor_start = array("l", [0])
        self.actors = array("l")         # index in actor_slugs
        self.roles = array("B")          # index in ROLE_TYPES (NO_ROLE when unknown)
        self.months: dict[str, array] = {}
        self.actor_slugs: list[str] = []
        self.actor_names: dict[str, str] = {}
        self.actor_numbers: dict[str, int] = {}   # slug -> its number in actor_slugs
        self.source_slugs: list[str] = []
        self.source_names: dict[str, str] = {}
        self.source_numbers: dict[str, int] = {}
        self.seconds = 0.0
        self._extent: tuple[date | None, date | None] = (None, None)
        self.memo: OrderedDict = OrderedDict()  # recent answers of kb.timeline_view.timeline()
        self._memo_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.iris)

    def remember(self, key: tuple, answer: object) -> None:
        """Keep ``answer`` for ``key`` among the :data:`MEMO_SIZE` most recent."""
        with self._memo_lock:
            self.memo[key] = answer
            self.memo.move_to_end(key)
            while len(self.memo) > MEMO_SIZE:
                self.memo.popitem(last=False)

    # -- building ----------------------------------------------------------------------------

    @classmethod
    def build(cls, kb: KnowledgeBase, minter: Minter | None = None, use_rows: bool = True
              ) -> TimelineIndex | None:
        """Read every event from an embedded store (``None`` for a remote store: use SPARQL), from
        the timeline rows unless ``use_rows`` is false or there are none."""
        if kb.remote:
            return None
        started = time.perf_counter()
        index = cls(minter or Minter())
        if use_rows and index._from_rows(kb):
            index.seconds = time.perf_counter() - started
            return index
        store = kb.backend.store

        def scan(predicate: NamedNode, obj=None) -> Iterable:
            return store.quads_for_pattern(None, predicate, obj, None)

        kinds: dict[str, int] = {}
        for number, name in enumerate(EVENT_TYPES):
            for quad in scan(RDF.type, KBO[name]):
                kinds.setdefault(quad.subject.value, number)
        edtf: dict[str, str] = {}
        for quad in scan(KBO.edtf):
            if quad.subject.value in kinds:
                edtf[quad.subject.value] = quad.object.value
        status: dict[str, int] = {}
        for number, name in enumerate(STATUSES):
            for quad in scan(KBO.status, KBO[name]):
                status[quad.subject.value] = number
        source: dict[str, str] = {}
        for quad in scan(KBO.source):
            source.setdefault(quad.subject.value, quad.object.value)
        nodes: dict[str, str] = {}
        for quad in scan(SEM.hasActor):
            if quad.subject.value in kinds:
                nodes[quad.object.value] = quad.subject.value
        role_of: dict[str, int] = {}
        for number, name in enumerate(ROLE_TYPES):
            for quad in scan(SEM.roleType, KBO[name]):
                role_of[quad.subject.value] = number
        taking_part: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for quad in scan(RDF.value):
            event = nodes.get(quad.subject.value)
            if event is not None and isinstance(quad.object, NamedNode):
                taking_part[event].append((quad.object.value, role_of.get(quad.subject.value, NO_ROLE)))
        if not nodes:  # data without role nodes: the kbo:involves shortcut, roles unknown
            for quad in scan(KBO.involves):
                if quad.subject.value in kinds:
                    taking_part[quad.subject.value].append((quad.object.value, NO_ROLE))
        del nodes, role_of
        wanted = set(kinds) | set(source.values())
        wanted.update(iri for pairs in taking_part.values() for iri, _ in pairs)
        label: dict[str, str] = {}
        for quad in scan(RDFS.label):
            if quad.subject.value in wanted and isinstance(quad.object, Literal):
                label.setdefault(quad.subject.value, quad.object.value)
        index._fill(kinds, edtf, status, source, taking_part, label)
        index.seconds = time.perf_counter() - started
        return index

    def _from_rows(self, kb: KnowledgeBase) -> bool:
        """Fill the index from the events' timeline rows (:mod:`kb.digest`): one literal an event
        rather than one scan a predicate (at 1M events, seconds instead of minutes). False when the
        store has no rows (data loaded by an older version): then the scans do it."""
        kinds: dict[str, int] = {}
        edtf: dict[str, str] = {}
        status: dict[str, int] = {}
        source: dict[str, str] = {}
        taking_part: dict[str, list[tuple[str, int]]] = {}
        label: dict[str, str] = {}
        type_number = {name: number for number, name in enumerate(EVENT_TYPES)}
        status_number = {name: number for number, name in enumerate(STATUSES)}
        role_number = {name: number for number, name in enumerate(ROLE_TYPES)}
        solutions = kb.query(_ROWS, prefixes=PREFIXES)
        for (row,) in solutions:
            iri, kind, _, _, value, _, _, state, name, origin, pairs = json.loads(row.value)
            if kind not in type_number or iri in kinds:
                continue
            kinds[iri], edtf[iri], label[iri] = type_number[kind], value, name
            status[iri] = status_number.get(state, 0)
            if origin:
                source[iri] = origin
            taking_part[iri] = [(actor, role_number.get(role, NO_ROLE)) for role, actor in pairs]
        if not kinds:
            return False
        named = set(source.values()) | {actor for pairs in taking_part.values() for actor, _ in pairs}
        label.update(labels(kb, named))
        self._fill(kinds, edtf, status, source, taking_part, label)
        return True

    def _fill(self, kinds, edtf, status, source, taking_part, label) -> None:
        actor_number: dict[str, int] = {}
        source_number: dict[str, int] = {}
        months: dict[str, list[int]] = defaultdict(list)
        rows = sorted((parsed[0].earliest, parsed[0].latest, iri) for iri, value in edtf.items()
                      if (parsed := _date(value)) is not None)
        for earliest, latest, iri in rows:
            row = len(self.iris)
            value = _date(edtf[iri])[0]
            self.iris.append(iri)
            split = self.minter.split(iri)
            self.slugs.append(split[1] if split else iri)
            self.labels.append(label.get(iri, iri))
            self.edtfs.append(edtf[iri])
            self.first.append(earliest.toordinal())
            self.last.append(latest.toordinal())
            self.types.append(kinds[iri])
            self.statuses.append(status.get(iri, 0))
            self.sources.append(self._number(source.get(iri), source_number, self.source_slugs,
                                             self.source_names, label))
            pairs = sorted(taking_part.get(iri, ()),
                           key=lambda pair: (pair[1], label.get(pair[0], pair[0]).casefold(), pair[0]))
            for actor, role in pairs:
                self.actors.append(self._number(actor, actor_number, self.actor_slugs,
                                                self.actor_names, label))
                self.roles.append(role)
            self.actor_start.append(len(self.actors))
            for key in value.month_keys():
                months[key].append(row)
        self.months = {key: array("l", members) for key, members in months.items()}
        self.actor_numbers = {slug: number for number, slug in enumerate(self.actor_slugs)}
        self.source_numbers = {slug: number for number, slug in enumerate(self.source_slugs)}
        if self.iris:
            self._extent = (date.fromordinal(min(self.first)), date.fromordinal(max(self.last)))

    def _number(self, iri: str | None, numbers: dict[str, int], slugs: list[str], names: dict[str, str],
                label: dict[str, str]) -> int:
        if iri is None:
            return -1
        if iri not in numbers:
            split = self.minter.split(iri)
            slug = split[1] if split else iri
            numbers[iri] = len(slugs)
            slugs.append(slug)
            names[slug] = label.get(iri, slug)
        return numbers[iri]

    # -- reading -------------------------------------------------------------------------------

    def extent(self) -> tuple[date | None, date | None]:
        """The first and last day of any event."""
        return self._extent

    def rows(self, earliest: date, latest: date) -> list[int]:
        """Row numbers of the events whose bounds overlap ``earliest``..``latest``, in date order."""
        low, high = earliest.toordinal(), latest.toordinal()
        first, last = self.first, self.last
        months = (latest.year - earliest.year) * 12 + latest.month - earliest.month + 1
        if months > len(self.months):  # more months than keys: look at every event
            return [row for row in range(len(self.iris)) if last[row] >= low and first[row] <= high]
        found: set[int] = set()
        year, month = earliest.year, earliest.month
        for key in [*(f"{y:04d}-{m:02d}" for y, m in _months(year, month, months)), WIDE_KEY]:
            for row in self.months.get(key, ()):
                if last[row] >= low and first[row] <= high:
                    found.add(row)
        return sorted(found)

    def actors_of(self, row: int) -> list[tuple[str, str]]:
        """(actor slug, role) pairs of the event in ``row``."""
        start, end = self.actor_start[row], self.actor_start[row + 1]
        return [(self.actor_slugs[self.actors[i]],
                 ROLE_TYPES[self.roles[i]] if self.roles[i] != NO_ROLE else "")
                for i in range(start, end)]

    def source_of(self, row: int) -> str | None:
        """The source slug of the event in ``row``."""
        number = self.sources[row]
        return self.source_slugs[number] if number >= 0 else None

    def in_words(self, row: int) -> tuple[str, str]:
        """(precision, date in words) of the event in ``row``."""
        value, words = _date(self.edtfs[row])
        return value.precision, words

    def item(self, row: int, lanes: list[str], type_labels: dict[str, str]):
        """The :class:`kb.timeline_view.TimelineItem` of the event in ``row``."""
        from kb.timeline_view import ActorRole, TimelineItem

        precision, in_words = self.in_words(row)
        kind, source = EVENT_TYPES[self.types[row]], self.sources[row]
        return TimelineItem(
            id=self.slugs[row], iri=self.iris[row], type=kind, type_label=type_labels.get(kind, kind),
            label=self.labels[row], earliest=date.fromordinal(self.first[row]),
            latest=date.fromordinal(self.last[row]), edtf=self.edtfs[row], precision=precision,
            in_words=in_words, status=STATUSES[self.statuses[row]],
            actors=[ActorRole(slug, self.actor_names.get(slug, slug), role)
                    for slug, role in self.actors_of(row)],
            sources=[self.source_slugs[source]] if source >= 0 else [], lanes=lanes)

    def type_name(self, row: int) -> str:
        """The event type (local name) of the event in ``row``."""
        return EVENT_TYPES[self.types[row]]

    def status_name(self, row: int) -> str:
        """The status of the event in ``row``."""
        return STATUSES[self.statuses[row]]


# --- a window's view, in one pass over the index's arrays ------------------------------------------


def indexed_view(index: TimelineIndex, kb: KnowledgeBase, filt, threshold: int, max_lanes: int,
                 margin_days: int, table_offset: int | None, table_size: int):
    """:func:`kb.timeline_view.timeline` over the index: one pass over the window's rows.

    The same answer as the SPARQL path (``tests/test_pages.py`` compares them); about four times
    faster than building an object per event, which is what keeps a one-month window of a million
    events within tens of milliseconds.
    """
    from kb import timeline_view as tv

    earliest, latest = filt.earliest, filt.latest
    margin = timedelta(days=max(0, min(margin_days, 366 * 50)))
    drawn_from, drawn_to = earliest - margin, latest + margin
    low, high = earliest.toordinal(), latest.toordinal()
    first, last, types, statuses = index.first, index.last, index.types, index.statuses
    sources, start, actors, iris = index.sources, index.actor_start, index.actors, index.iris
    by_actor = filt.lanes == "actor"

    type_set = {EVENT_TYPES.index(name) for name in filt.types}
    status_set = {STATUSES.index(name) for name in filt.statuses}
    actor_set = {index.actor_numbers[slug] for slug in filt.actors if slug in index.actor_numbers}
    source_set = {index.source_numbers[slug] for slug in filt.sources if slug in index.source_numbers}
    by_actor_filter, by_type_filter = bool(filt.actors), bool(filt.types)
    by_source_filter, by_status_filter = bool(filt.sources), bool(filt.statuses)
    texts = text_actors = None
    if filt.text:
        needle = filt.text.casefold()
        texts = tv.text_matches(kb, needle, drawn_from, drawn_to)
        text_actors = {number for number, slug in enumerate(index.actor_slugs)
                       if needle in index.actor_names.get(slug, slug).casefold()}

    counts = {facet: defaultdict(int) for facet in tv.FACETS}
    type_counts, status_counts, source_counts, actor_counts = (
        counts["type"], counts["status"], counts["source"], counts["actor"])
    drawn: list[int] = []
    matched: list[int] = []
    for row in index.rows(drawn_from, drawn_to):
        cast = actors[start[row]:start[row + 1]]
        if texts is not None and iris[row] not in texts and text_actors.isdisjoint(cast):
            continue
        kind, status, source = types[row], statuses[row], sources[row]
        actor_miss = by_actor_filter and actor_set.isdisjoint(cast)
        type_miss = by_type_filter and kind not in type_set
        source_miss = by_source_filter and source not in source_set
        status_miss = by_status_filter and status not in status_set
        misses = actor_miss + type_miss + source_miss + status_miss
        in_window = last[row] >= low and first[row] <= high
        if in_window and misses <= 1:
            if not misses or actor_miss:
                for number in cast:
                    actor_counts[number] += 1
            if not misses or type_miss:
                type_counts[kind] += 1
            if (not misses or source_miss) and source >= 0:
                source_counts[source] += 1
            if not misses or status_miss:
                status_counts[status] += 1
        if not misses:
            drawn.append(row)
            if in_window:
                matched.append(row)

    names = {"actor": index.actor_names, "source": index.source_names, "type": tv.type_labels(kb),
             "status": {name: name for name in STATUSES}}
    missing = {index.minter.actor(slug).value: slug for slug in filt.actors
               if slug not in index.actor_names and is_slug(slug)}
    if missing:  # a chosen actor with no event at all still shows by name
        names["actor"] = {**index.actor_names,
                          **{missing[iri]: name for iri, name in tv.labels(kb, missing).items()}}
    by_slug = {
        "actor": {index.actor_slugs[n]: c for n, c in actor_counts.items()},
        "type": {EVENT_TYPES[n]: c for n, c in type_counts.items()},
        "source": {index.source_slugs[n]: c for n, c in source_counts.items()},
        "status": {STATUSES[n]: c for n, c in status_counts.items()},
    }

    # lanes: counted in the window, kept for what is drawn
    in_window_lanes: dict[str, int] = defaultdict(int)
    anywhere_lanes: dict[str, int] = defaultdict(int)
    for target, chosen in ((in_window_lanes, matched), (anywhere_lanes, drawn)):
        for row in chosen:
            if by_actor:
                for number in actors[start[row]:start[row + 1]]:
                    target[index.actor_slugs[number]] += 1
            else:
                target[EVENT_TYPES[types[row]]] += 1
    kept = tv.lane_keys(in_window_lanes, anywhere_lanes, filt, names, max_lanes)
    rank = {key: number for number, key in enumerate(kept)}
    lanes_of: dict[int, list[str]] = {}
    for row in drawn:
        if by_actor:
            keys = [index.actor_slugs[n] for n in actors[start[row]:start[row + 1]]]
            lanes_of[row] = sorted((k for k in keys if k in rank), key=rank.__getitem__) or [tv.OTHER_LANE]
        else:
            name = EVENT_TYPES[types[row]]
            lanes_of[row] = [name] if name in rank else [tv.OTHER_LANE]
    facet = "actor" if by_actor else "type"
    lanes = [tv.Lane(key, names[facet].get(key, key), in_window_lanes.get(key, 0)) for key in kept]
    if any(lanes_of[row] == [tv.OTHER_LANE] for row in drawn):
        other = sum(1 for row in matched if lanes_of[row] == [tv.OTHER_LANE])
        lanes.append(tv.Lane(tv.OTHER_LANE, "Other actors" if by_actor else "Other", other))

    one_by_one = len(matched) <= threshold and len(drawn) <= 3 * threshold
    extent_first, extent_last = index.extent()
    view = tv.TimelineView(
        earliest=earliest, latest=latest, extent_earliest=extent_first, extent_latest=extent_last,
        lanes_by=filt.lanes, mode="events" if one_by_one else "aggregate", total=len(matched),
        threshold=threshold, lanes=lanes, filter=filt.as_params())
    view.facets, view.facets_more = tv.facet_lists(by_slug, filt, names, tv.FACET_LIMIT)
    if margin:
        view.filter["margin"] = [str(margin.days)]

    def full(rows: list[int]) -> list:
        return [index.item(row, lanes_of.get(row, []), names["type"]) for row in rows]

    if view.mode == "events":
        view.events = full(drawn)
    else:
        view.unit = tv.bucket_unit(drawn_from, drawn_to)
        view.buckets = _buckets(index, drawn, lanes_of, drawn_from, drawn_to, view.unit)
    tv.fill_table(view, matched, full, margin, table_offset, table_size)
    return view


def _buckets(index: TimelineIndex, rows: list[int], lanes_of: dict[int, list[str]], earliest: date,
             latest: date, unit: str) -> list:
    """Counts per lane and bucket; an event counts once, in the bucket of its (clipped) midpoint."""
    from kb.timeline_view import Bucket, bucket_of

    counts: dict[tuple[str, date], int] = defaultdict(int)
    buckets: dict[int, tuple[date, date]] = {}
    low, high, first, last = earliest.toordinal(), latest.toordinal(), index.first, index.last
    for row in rows:
        begin, end = first[row], last[row]
        middle = ((begin if begin > low else low) + (end if end < high else high)) // 2
        bounds = buckets.get(middle)
        if bounds is None:
            bounds = buckets[middle] = bucket_of(date.fromordinal(middle), unit)
        for lane in lanes_of[row]:
            counts[(lane, bounds[0])] += 1
    ends = {start: end for start, end in buckets.values()}
    return [Bucket(lane, start, ends[start], count)
            for (lane, start), count in sorted(counts.items(), key=lambda item: (item[0][1], item[0][0]))]
