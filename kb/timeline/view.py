"""What the website's timeline shows for a window and filters: events or counts, lanes, facets.

:func:`timeline` gives the events of a window that pass the filters (actor, type, source, status,
free text; OR within a filter, AND across), the facet counts of each filter (counted as if its own
choice were open), and lanes by event type or by actor. When more than ``threshold`` events match, it
sends counts per lane and per day, week, month or year (buckets) instead of the events, so a window
over 100,000 events stays as small as one over 100.

The view is built in one place, :func:`_build`, over a :class:`~kb.timeline.index.TimelineIndex`:
the web app's (every event, in memory) when one is given, else one filled with the window's events
from the store (:meth:`~kb.timeline.index.TimelineIndex.for_window`). One view is the exception:
without the web app's index, a window holding every event with no filter (the home page) is
counted from the stored counts (:func:`_from_counts`, :mod:`kb.timeline.overview`) rather than
read event by event; its table is still built over a window-sized index.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import OrderedDict, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from kb.errors import DateError
from kb.store import KnowledgeBase
from kb.timeline.index import MEMO_SIZE, TimelineIndex
from kb.timeline.model import (
    FACET_LIMIT,
    FACETS,
    MAX_LANES,
    OTHER_LANE,
    THRESHOLD,
    Bucket,
    FacetValue,
    Lane,
    TimelineFilter,
    TimelineView,
    bucket_of,
    bucket_unit,
)
from kb.timeline.overview import COUNTS_TTL, generation_of, slug_of, still, stored_counts
from kb.timeline.window import extent, labels, text_matches, type_labels
from kb.vocab import EVENT_TYPES, STATUSES, Minter, is_slug


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
    margin = _margin(margin_days)
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
    ``index`` (the web app's :class:`TimelineIndex`), events are read from memory and recent answers
    remembered; without, the window's events are read from the store.
    """
    minter = minter or Minter()
    if not (filt.earliest and filt.latest):  # the default window is every event's: say so
        default_first, default_last = default_window(kb, index)
        earliest = filt.earliest or default_first
        filt = replace(filt, earliest=earliest, latest=filt.latest or max(default_last, earliest))
    check_window(filt, margin_days)
    options = (threshold, max_lanes, margin_days, table_offset, table_size)
    if index is None:
        counted = _from_counts(kb, filt, minter, *options)
        if counted is not None:
            return counted
        drawn_from, drawn_to = _drawn(filt, margin_days)
        return _remembered(kb, (kb.location, minter.base, filt, *options), lambda: _build(
            TimelineIndex.for_window(kb, drawn_from, drawn_to, minter), kb, filt, *options))
    key = (filt, *options)  # the index does not change: remember recent answers
    view = index.memo.get(key)
    if view is None:
        view = _build(index, kb, filt, *options)
        index.remember(key, view)
    return view


#: Views read from the store (before the web app's index is there), by store and question:
#: (when read, the load generation then, the view).
_views: OrderedDict[tuple, tuple[float, object, TimelineView]] = OrderedDict()
_views_lock = threading.Lock()


def _remembered(kb: KnowledgeBase, key: tuple, make) -> TimelineView:
    """The view ``make()`` gives, remembered while the store's load generation stays the same
    (looked at after :data:`~kb.timeline.overview.COUNTS_TTL` seconds, see
    :func:`~kb.timeline.overview.still`), the :data:`MEMO_SIZE` most recent ones."""
    now = time.monotonic()
    found = _views.get(key)
    if found is not None:
        read, stamp, view = found
        if now - read < COUNTS_TTL:
            return view
        if still(generation_of(kb), stamp):
            _views[key] = (now, stamp, view)
            return view
    stamp = generation_of(kb)
    view = make()
    with _views_lock:  # request threads share it
        _views[key] = (now, stamp, view)
        _views.move_to_end(key)
        while len(_views) > MEMO_SIZE:
            _views.popitem(last=False)
    return view


def forget(location: str) -> None:
    """Drop the views remembered of the store at ``location`` (a load changed it)."""
    with _views_lock:
        for key in [key for key in _views if key[0] == location]:
            _views.pop(key, None)


def _margin(margin_days: int) -> timedelta:
    return timedelta(days=max(0, min(margin_days, MAX_MARGIN_DAYS)))


def _drawn(filt: TimelineFilter, margin_days: int) -> tuple[date, date]:
    """The days drawn: the window and its margins."""
    margin = _margin(margin_days)
    return filt.earliest - margin, filt.latest + margin


def _build(index: TimelineIndex, kb: KnowledgeBase, filt: TimelineFilter, threshold: int, max_lanes: int,
           margin_days: int, table_offset: int | None, table_size: int) -> TimelineView:
    """:func:`timeline` over an index (the web app's, or one window's): one pass over the window's
    rows, about four times faster than building an object per event, which is what keeps a
    one-month window of a million events within tens of milliseconds."""
    earliest, latest = filt.earliest, filt.latest
    margin = _margin(margin_days)
    drawn_from, drawn_to = _drawn(filt, margin_days)
    low, high = earliest.toordinal(), latest.toordinal()
    first, last, types, statuses = index.first, index.last, index.types, index.statuses
    sources, source_start = index.sources, index.source_start
    start, actors, iris, repeated = index.actor_start, index.actors, index.iris, index.repeated
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
        texts = text_matches(kb, needle, drawn_from, drawn_to)
        text_actors = {number for number, slug in enumerate(index.actor_slugs)
                       if needle in index.actor_names.get(slug, slug).casefold()}

    counts = {facet: defaultdict(int) for facet in FACETS}
    type_counts, status_counts, source_counts, actor_counts = (
        counts["type"], counts["status"], counts["source"], counts["actor"])
    drawn: list[int] = []
    matched: list[int] = []
    certain = filt.certainty == "certain"
    known_on = filt.as_known_on.toordinal() if filt.as_known_on else None
    drawn_low, drawn_high = drawn_from.toordinal(), drawn_to.toordinal()
    for row in index.rows(drawn_from, drawn_to):
        begin, end = first[row], last[row]
        if known_on is not None:
            bounds = index.known_bounds(row, known_on)
            if bounds is None:
                continue
            begin, end = bounds
            if end < drawn_low or begin > drawn_high:
                continue
        if certain and not (begin >= drawn_low and end <= drawn_high):
            continue
        cast = actors[start[row]:start[row + 1]] if row not in repeated else index.cast(row)
        if texts is not None and iris[row] not in texts and text_actors.isdisjoint(cast):
            continue
        kind, status = types[row], statuses[row]
        origins = sources[source_start[row]:source_start[row + 1]]
        actor_miss = by_actor_filter and actor_set.isdisjoint(cast)
        type_miss = by_type_filter and kind not in type_set
        source_miss = by_source_filter and source_set.isdisjoint(origins)
        status_miss = by_status_filter and status not in status_set
        misses = actor_miss + type_miss + source_miss + status_miss
        in_window = (begin >= low and end <= high) if certain else (end >= low and begin <= high)
        if in_window and misses <= 1:
            if not misses or actor_miss:
                for number in cast:
                    actor_counts[number] += 1
            if not misses or type_miss:
                type_counts[kind] += 1
            if not misses or source_miss:
                for number in origins:
                    source_counts[number] += 1
            if not misses or status_miss:
                status_counts[status] += 1
        if not misses:
            drawn.append(row)
            if in_window:
                matched.append(row)

    names = {"actor": index.actor_names, "source": index.source_names, "type": type_labels(kb),
             "status": {name: name for name in STATUSES}}
    missing = {index.minter.actor(slug).value: slug for slug in filt.actors
               if slug not in index.actor_names and is_slug(slug)}
    if missing:  # a chosen actor with no event at all still shows by name
        names["actor"] = {**index.actor_names,
                          **{missing[iri]: name for iri, name in labels(kb, missing).items()}}
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
                for number in index.cast(row):
                    target[index.actor_slugs[number]] += 1
            else:
                target[EVENT_TYPES[types[row]]] += 1
    kept = lane_keys(in_window_lanes, anywhere_lanes, filt, names, max_lanes)
    rank = {key: number for number, key in enumerate(kept)}
    lanes_of: dict[int, list[str]] = {}
    for row in drawn:
        if by_actor:
            keys = [index.actor_slugs[n] for n in index.cast(row)]
            lanes_of[row] = sorted((k for k in keys if k in rank), key=rank.__getitem__) or [OTHER_LANE]
        else:
            name = EVENT_TYPES[types[row]]
            lanes_of[row] = [name] if name in rank else [OTHER_LANE]
    facet = "actor" if by_actor else "type"
    lanes = [Lane(key, names[facet].get(key, key), in_window_lanes.get(key, 0)) for key in kept]
    if any(lanes_of[row] == [OTHER_LANE] for row in drawn):
        other = sum(1 for row in matched if lanes_of[row] == [OTHER_LANE])
        lanes.append(Lane(OTHER_LANE, "Other actors" if by_actor else "Other", other))

    one_by_one = len(matched) <= threshold and len(drawn) <= 3 * threshold
    extent_first, extent_last = index.extent()
    view = TimelineView(
        earliest=earliest, latest=latest, extent_earliest=extent_first, extent_latest=extent_last,
        lanes_by=filt.lanes, mode="events" if one_by_one else "aggregate", total=len(matched),
        threshold=threshold, lanes=lanes, filter=filt.as_params())
    view.facets, view.facets_more = facet_lists(by_slug, filt, names, FACET_LIMIT)
    if margin:
        view.filter["margin"] = [str(margin.days)]

    def full(rows: list[int]) -> list:
        return [index.item(row, lanes_of.get(row, []), names["type"], known_on) for row in rows]

    if view.mode == "events":
        view.events = full(drawn)
    else:
        view.unit = bucket_unit(drawn_from, drawn_to)
        view.buckets = _buckets(index, drawn, lanes_of, drawn_from, drawn_to, view.unit)
    fill_table(view, matched, full, margin, table_offset, table_size)
    return view


def whole_and_plain(kb: KnowledgeBase, filt: TimelineFilter, minter: Minter) -> bool:
    """True when ``filt`` chooses no actor, type, source, status, text or day of knowledge, has
    lanes by type and a window (the default one when it has none) holding every event: the view
    the stored counts answer."""
    if filt.actors or filt.types or filt.sources or filt.statuses or filt.text or filt.as_known_on:
        return False
    if filt.lanes != "type":
        return False
    first, last = extent(kb, minter)
    if first is None or last is None:
        return False
    return (filt.earliest is None or filt.earliest <= first) and (filt.latest is None or filt.latest >= last)


def _from_counts(kb: KnowledgeBase, filt: TimelineFilter, minter: Minter, threshold: int, max_lanes: int,
                 margin_days: int, table_offset: int | None, table_size: int) -> TimelineView | None:
    """The view of every event with no filter, from the stored counts (each event counted in the
    bucket of its middle day, as :func:`_buckets` places it when no bound is clipped); ``None``
    when it is not that view, the store has no counts, or there are few enough events to draw
    one by one (then the window's events are read)."""
    if not whole_and_plain(kb, filt, minter):
        return None
    counts = stored_counts(kb, minter)
    if counts is None or counts.total <= threshold:
        return None
    key = (filt, minter.base, threshold, max_lanes, margin_days, table_offset, table_size)
    if key not in counts.memo:
        if len(counts.memo) >= MEMO_SIZE:
            counts.memo.clear()
        counts.memo[key] = _counted_view(kb, counts, filt, minter, threshold, max_lanes, margin_days,
                                         table_offset, table_size)
    return counts.memo[key]


def _counted_view(kb: KnowledgeBase, counts, filt: TimelineFilter, minter: Minter, threshold: int,
                  max_lanes: int, margin_days: int, table_offset: int | None, table_size: int
                  ) -> TimelineView:
    """The view :func:`_from_counts` gives, drawn from ``counts``."""
    drawn_from, drawn_to = _drawn(filt, margin_days)
    type_names = type_labels(kb)
    by_type = counts.types()
    kept = lane_keys(by_type, by_type, filt, {"type": type_names}, max_lanes)
    lanes = [Lane(key, type_names.get(key, key), by_type[key]) for key in kept]
    other = sum(count for kind, count in by_type.items() if kind not in kept)
    if other:
        lanes.append(Lane(OTHER_LANE, "Other", other))

    by_slug: dict[str, dict[str, int]] = {"type": by_type, "status": counts.statuses}
    names = {"type": type_names, "status": {name: name for name in STATUSES}}
    shown: dict[str, list[str]] = {}
    for facet in ("actor", "source"):  # the stored counts' first values: all the page shows
        prefix, iris = minter.entity(facet, "").value, {}
        by_slug[facet] = {}
        for iri, count in counts.top.get(facet, []):
            slug = slug_of(iri, minter, prefix)
            iris.setdefault(slug, iri)
            by_slug[facet][slug] = by_slug[facet].get(slug, 0) + count
        shown[facet] = list(by_slug[facet])
        found = labels(kb, iris.values())  # only those shown
        names[facet] = {slug: found[iri] for slug, iri in iris.items() if iri in found}
    view = TimelineView(
        earliest=filt.earliest, latest=filt.latest, extent_earliest=None, extent_latest=None,
        lanes_by=filt.lanes, mode="aggregate", total=counts.total, threshold=threshold, lanes=lanes,
        filter=filt.as_params())
    view.extent_earliest, view.extent_latest = extent(kb, minter)
    view.facets, view.facets_more = facet_lists(by_slug, filt, names, FACET_LIMIT, shown, counts.how_many)
    margin = _margin(margin_days)
    if margin:
        view.filter["margin"] = [str(margin.days)]
    view.unit = bucket_unit(drawn_from, drawn_to)
    tally: dict[tuple[str, date], int] = defaultdict(int)
    ends: dict[date, date] = {}
    buckets: dict[date, tuple[date, date]] = {}
    for (kind, day), count in counts.by_type_day.items():
        bounds = buckets.get(day)
        if bounds is None:
            bounds = buckets[day] = bucket_of(day, view.unit)
        start, end = bounds
        ends[start] = end
        tally[(kind if kind in kept else OTHER_LANE, start)] += count
    ordered = sorted(tally.items(), key=lambda item: (item[0][1], item[0][0]))
    view.buckets = [Bucket(lane, start, ends[start], count) for (lane, start), count in ordered]
    if table_offset is not None:  # the first events in date order: those of the first months
        wanted, seen, until = max(0, table_offset) + table_size, 0, filt.latest
        for month, count in counts.by_month():
            seen += count
            if seen >= wanted:  # every event of these months starts by the month's end
                start = date.fromisoformat(f"{month}-01")
                until = min(filt.latest, bucket_of(start, "month")[1])
                break
        first_events = TimelineIndex.for_window(kb, drawn_from, until, minter)

        def full(rows: list[int]) -> list:
            return [first_events.item(row, [EVENT_TYPES[first_events.types[row]]
                                            if EVENT_TYPES[first_events.types[row]] in kept else OTHER_LANE],
                                      type_names) for row in rows]

        fill_table(view, list(range(len(first_events))), full, margin, table_offset, table_size)
    return view


def _buckets(index: TimelineIndex, rows: list[int], lanes_of: dict[int, list[str]], earliest: date,
             latest: date, unit: str) -> list[Bucket]:
    """Counts per lane and bucket; an event counts once, in the bucket of its (clipped) midpoint."""
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


def shown_values(found: dict[str, int], selected: tuple[str, ...] | list[str], limit: int = 0) -> list[str]:
    """The actors or sources a facet shows: those chosen, then by count, a tie by slug (a rule
    that needs no label, so only the values shown are ever named), at most ``limit`` of them
    (more when more are chosen), in no particular order."""
    if not limit or len(found) + len(selected) <= limit:
        return list(dict.fromkeys([*selected, *found]))
    room = max(0, limit - len(selected))
    least = heapq.nlargest(room, found.values())[-1] if room and found else None
    rest = sorted(((-count, slug) for slug, count in found.items()
                   if least is not None and count >= least and slug not in selected))
    return list(dict.fromkeys([*selected, *(slug for _, slug in rest[:room])]))


def facet_lists(counts: dict[str, dict[str, int]], filt: TimelineFilter, names: dict[str, dict[str, str]],
                limit: int = 0, shown: dict[str, list[str]] | None = None,
                how_many: dict[str, int] | None = None) -> tuple[dict[str, list[FacetValue]], dict[str, int]]:
    """Each facet's values in order (types and statuses as declared, the others chosen first, then
    by count and name), at most ``limit`` of them (actors and sources: :func:`shown_values`, or
    ``shown`` when given), and how many were left out (of all of them, or of ``how_many`` when
    ``counts`` holds only those shown). ``names`` needs only the values shown."""
    facets, more = {}, {}
    for facet in FACETS:
        found, selected = counts[facet], filt.selected(facet)
        total = (how_many or {}).get(facet) or len(found) + sum(1 for i in selected if i not in found)
        ids = list(dict.fromkeys([*selected, *found])) if facet in ("type", "status") else []
        if facet == "type":
            ids = [name for name in EVENT_TYPES if name in ids]
        elif facet == "status":
            ids = [name for name in STATUSES if name in ids]
        else:
            named = names[facet]
            ids = list((shown or {}).get(facet) or shown_values(found, selected, limit))
            ids.sort(key=lambda i: (i not in selected, -found.get(i, 0), named.get(i, i).casefold(), i))
        if limit and total > limit:
            more[facet] = total - limit
            ids = ids[:max(limit, len(selected))]
        facets[facet] = [FacetValue(i, names[facet].get(i, i), found.get(i, 0), i in selected) for i in ids]
    return facets, more


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

