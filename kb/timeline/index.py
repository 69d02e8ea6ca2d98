"""Events' timeline records in compact arrays: what every timeline view is built from.

On the embedded store a SPARQL pass over a month of events costs tens of microseconds per event
(each join is a RocksDB seek, each IRI returned a dictionary lookup), so a one-month window of a
100,000-event knowledge base takes about 100 ms. The web app's store does not change while it
runs (the SPARQL endpoint is read-only and ``kb load`` cannot open a store the app holds), so the
app reads each event's bounds, type, status, label, source and actors in roles once, from the
events' timeline rows (:mod:`kb.timeline.rows`; one scan per predicate for a store without them,
see :meth:`TimelineIndex.build`), and keeps them in compact arrays listed by month key, the same
keys as ``kbo:monthKey``.

Without the web app's index (a remote store, the CLI), :meth:`TimelineIndex.for_window` fills the
same arrays with just one window's events, read from the stored index of periods
(:func:`kb.timeline.window.window_rows`). Either way :func:`kb.timeline.view.timeline` builds the
view from a :class:`TimelineIndex`, so there is one builder; ``tests/test_pages.py`` checks that
the two ways of filling it agree.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import time
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kb.conflicts import disputed
from kb.dates import WIDE_KEY, DateValue, describe, parse_edtf
from kb.errors import KBError
from kb.store import KnowledgeBase
from kb.timeline.model import ActorRole, TimelineItem
from kb.timeline.window import all_row_texts, extent, labels, window_rows
from kb.vocab import EVENT_TYPES, KBO, RDF, RDFS, ROLE_TYPES, SEM, STATUSES, Minter

NO_ROLE = 255
_PUBLISHED = """SELECT ?source ?published WHERE { %s
  ?source a <https://schema.org/NewsArticle> ;
          <http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp> ?published }"""
def _published(kb: KnowledgeBase, sources: dict[str, int] | None) -> Iterable[tuple[str, str]]:
    """(source IRI, publication day) of the ``sources``, read by IRI (a window's index: the cost
    grows with the window); of every source when ``None`` (the whole index: one pass)."""
    if sources is None:
        yield from ((row["source"].value, row["published"].value) for row in kb.select(_PUBLISHED % ""))
        return
    listed = sorted(sources)
    for start in range(0, len(listed), 500):
        values = " ".join(str(NamedNode(iri)) for iri in listed[start:start + 500])
        sparql = _PUBLISHED % f"VALUES ?source {{ {values} }}"
        yield from ((row["source"].value, row["published"].value) for row in kb.select(sparql))


#: How many recent timeline answers an index remembers (the index never changes, so they stay true).
MEMO_SIZE = 64
#: The layout of a snapshot written by :meth:`TimelineIndex.save` (another is not read).
SNAPSHOT_VERSION = 2


def _months(year: int, month: int, count: int) -> Iterable[tuple[int, int]]:
    for _ in range(count):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _parsed(texts: Iterable[str], chunk: int = 5000) -> Iterable[list]:
    """JSON rows parsed a few thousand at a time (one ``json.loads`` of many is several times
    cheaper than one a row)."""
    texts = iter(texts)
    while True:
        batch = list(islice(texts, chunk))
        if not batch:
            return
        yield from json.loads(f"[{','.join(batch)}]")


def _bounds(edtf: str) -> tuple:
    """An EDTF value's (earliest, latest) days, for choosing the earliest of several datings."""
    parsed = _date(edtf)
    return (parsed[0].earliest, parsed[0].latest) if parsed else (date.max, date.max)


@lru_cache(maxsize=65536)
def _date(edtf: str) -> tuple[DateValue, str] | None:
    try:
        value = parse_edtf(edtf)
    except KBError:
        return None
    return value, describe(value)


class TimelineIndex:
    """Events' lean timeline records, in arrays, with their row numbers listed by month key."""

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
        self.source_start = array("l", [0])
        self.sources = array("l")        # index in source_slugs (an event's sources in slug order)
        self.actor_start = array("l", [0])
        self.actors = array("l")         # index in actor_slugs
        self.roles = array("B")          # index in ROLE_TYPES (NO_ROLE when unknown)
        self.repeated: set[int] = set()  # rows whose cast names an actor in more than one role
        # Events several sources report: row -> [(source number, first, last)], one per claim.
        self.claims: dict[int, list[tuple[int, int, int]]] = {}
        #: True for the index of one window (:meth:`for_window`), False for the whole timeline's.
        self.window = False
        self.published: dict[int, int] = {}  # source number -> its earliest publication day (ordinal)
        self.disputed: set[int] = set()      # rows whose sources disagree (kb.conflicts)
        self.months: dict[str, array] = {}
        self.actor_slugs: list[str] = []
        self.actor_names: dict[str, str] = {}
        self.actor_numbers: dict[str, int] = {}   # slug -> its number in actor_slugs
        self.source_slugs: list[str] = []
        self.source_names: dict[str, str] = {}
        self.source_numbers: dict[str, int] = {}
        self.seconds = 0.0
        self._extent: tuple[date | None, date | None] = (None, None)
        self.memo: OrderedDict = OrderedDict()  # recent answers of kb.timeline.view.timeline()
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
        """Read every event from the store, from the timeline rows unless ``use_rows`` is false or
        there are none (an embedded store is then scanned one predicate at a time; for a remote
        store without rows, ``None``: each view reads its window over SPARQL)."""
        collecting = gc.isenabled()
        gc.disable()  # millions of small containers, none of them garbage: the collector's walks
        try:          # over them cost more than the build itself
            return cls._build(kb, minter, use_rows)
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _build(cls, kb: KnowledgeBase, minter: Minter | None, use_rows: bool) -> TimelineIndex | None:
        started = time.perf_counter()
        index = cls(minter or Minter())
        if use_rows and index._from_rows(kb):
            index.seconds = time.perf_counter() - started
            return index
        if kb.remote:
            return None
        store = kb.backend.store

        def scan(predicate: NamedNode, obj=None) -> Iterable:
            return store.quads_for_pattern(None, predicate, obj, None)

        def numbered(predicate: NamedNode, names: list[str], first: bool) -> dict[str, int]:
            """Subject -> the number in ``names`` of its object (the first or the last found)."""
            found: dict[str, int] = {}
            for number, name in enumerate(names):
                for quad in scan(predicate, KBO[name]):
                    if not first or quad.subject.value not in found:
                        found[quad.subject.value] = number
            return found

        kinds = numbered(RDF.type, EVENT_TYPES, first=True)
        edtf: dict[str, str] = {}
        for quad in scan(KBO.edtf):  # several sources' claims: the earliest dating, as rows do
            iri, value = quad.subject.value, quad.object.value
            if iri in kinds and (iri not in edtf or _bounds(value) < _bounds(edtf[iri])):
                edtf[iri] = value
        status = numbered(KBO.status, STATUSES, first=False)  # several claims: the last status
        source: dict[str, list[str]] = defaultdict(list)
        for quad in scan(KBO.source):
            if quad.object.value not in source[quad.subject.value]:
                source[quad.subject.value].append(quad.object.value)
        nodes: dict[str, str] = {}
        for quad in scan(SEM.hasActor):
            if quad.subject.value in kinds:
                nodes[quad.object.value] = quad.subject.value
        role_of = numbered(SEM.roleType, ROLE_TYPES, first=False)
        taking_part: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for quad in scan(RDF.value):
            event = nodes.get(quad.subject.value)
            if event is not None and isinstance(quad.object, NamedNode):
                pair = (quad.object.value, role_of.get(quad.subject.value, NO_ROLE))
                if pair not in taking_part[event]:
                    taking_part[event].append(pair)
        if not nodes:  # data without role nodes: the kbo:involves shortcut, roles unknown
            for quad in scan(KBO.involves):
                if quad.subject.value in kinds:
                    taking_part[quad.subject.value].append((quad.object.value, NO_ROLE))
        del nodes, role_of
        wanted = set(kinds) | {iri for iris in source.values() for iri in iris}
        wanted.update(iri for pairs in taking_part.values() for iri, _ in pairs)
        label: dict[str, str] = {}
        for quad in scan(RDFS.label):
            if quad.subject.value in wanted and isinstance(quad.object, Literal):
                known = label.get(quad.subject.value)
                if known is None or quad.object.value < known:  # several: the least, as rows do
                    label[quad.subject.value] = quad.object.value
        index._fill(kinds, edtf, status, source, taking_part, label)
        index.seconds = time.perf_counter() - started
        return index

    @classmethod
    def for_window(cls, kb: KnowledgeBase, earliest: date, latest: date, minter: Minter | None = None
                   ) -> TimelineIndex:
        """An index of just the events whose bounds overlap ``earliest``..``latest``, read from the
        stored index of periods and the events' timeline rows, on any store (embedded or remote).
        Its extent is the whole dataset's (:func:`kb.timeline.window.extent`)."""
        index = cls(minter or Minter())
        index.window = True
        index._from_rows(kb, window_rows(kb, earliest, latest, index.minter), month_keys=False)
        index._extent = extent(kb, index.minter)
        return index

    def _from_rows(self, kb: KnowledgeBase, rows: Iterable[list] | None = None, month_keys: bool = True
                   ) -> bool:
        """Fill the index from timeline rows (:mod:`kb.timeline.rows`; every stored row when ``rows``
        is ``None``): one literal an event rather than one scan a predicate (at 1M events, seconds
        instead of minutes). An event several graphs hold has a row in each: its earliest dating
        is kept, with the sources and actors of all. False when there are no rows (data loaded by
        an older version): then the scans do it."""
        kinds: dict[str, int] = {}
        edtf: dict[str, str] = {}
        dated: dict[str, tuple[str, str]] = {}
        status: dict[str, int] = {}
        source: dict[str, list[str]] = {}
        taking_part: dict[str, list[tuple[str, int]]] = {}
        label: dict[str, str] = {}
        type_number = {name: number for number, name in enumerate(EVENT_TYPES)}
        status_number = {name: number for number, name in enumerate(STATUSES)}
        role_number = {name: number for number, name in enumerate(ROLE_TYPES)}
        if rows is None:
            rows = _parsed(all_row_texts(kb))
        claimed: dict[str, list[tuple]] = defaultdict(list)
        for iri, kind, first, last, value, _, _, state, name, origin, pairs in rows:
            if kind not in type_number:
                continue
            claimed[iri].append((origin, first, last, kind, state, pairs))
            cast = [(actor, role_number.get(role, NO_ROLE)) for role, actor in pairs]
            if iri in kinds:  # the same event in another graph: another source's claim
                if origin and origin not in source[iri]:
                    source[iri].append(origin)
                taking_part[iri].extend(pair for pair in cast if pair not in taking_part[iri])
                status[iri] = max(status[iri], status_number.get(state, 0))  # the last status
                if name and (not label[iri] or name < label[iri]):
                    label[iri] = name  # a claim may have no label of its own: the least label
                kinds[iri] = min(kinds[iri], type_number[kind])  # types differ: the first type
                if (first, last) < dated[iri]:
                    edtf[iri], dated[iri] = value, (first, last)
                continue
            else:
                source[iri] = [origin] if origin else []
                taking_part[iri] = cast
            kinds[iri], edtf[iri], label[iri], dated[iri] = type_number[kind], value, name, (first, last)
            status[iri] = status_number.get(state, 0)
        if not kinds:
            return False
        named = {iri for iris in source.values() for iri in iris}
        named.update(actor for pairs in taking_part.values() for actor, _ in pairs)
        label.update(labels(kb, named))
        self._fill(kinds, edtf, status, source, taking_part, label, month_keys)
        self._claims(kb, {iri: [(*claim[:5], frozenset(actor for _, actor in claim[5])) for claim in found]
                          for iri, found in claimed.items() if len(found) > 1})
        return True

    def _claims(self, kb: KnowledgeBase, claimed: dict[str, list[tuple]]) -> None:
        """Each source's publication day, each claim's bounds of the events several sources
        report, and which events the sources disagree on."""
        numbers = {iri: number for number, iri in enumerate(self.iris)}
        source_number = {self.minter.entity("source", slug).value: number
                         for number, slug in enumerate(self.source_slugs)}
        for source, published in _published(kb, source_number if self.window else None):
            number = source_number.get(source)
            if number is not None:
                day = date.fromisoformat(published).toordinal()
                self.published[number] = min(day, self.published.get(number, day))
        for iri, found in claimed.items():
            if iri in numbers:
                self.claims[numbers[iri]] = [
                    (source_number.get(origin, -1), date.fromisoformat(first).toordinal(),
                     date.fromisoformat(last).toordinal()) for origin, first, last, *_ in found]
        # Which events the sources disagree on: those the loader found disagreements of
        # (kb.conflicts, the one statement of the rule), looked up for the events claimed twice.
        events = [NamedNode(iri) for iri in claimed if iri in numbers]
        self.disputed.update(numbers[iri] for iri in disputed(kb, events))

    def known_bounds(self, row: int, day: int) -> tuple[int, int] | None:
        """The bounds of the event in ``row`` as the sources published by ``day`` (an ordinal)
        give them; ``None`` when none of its sources was published by then."""
        claims = self.claims.get(row)
        if claims is None:
            origins = self.sources[self.source_start[row]:self.source_start[row + 1]]
            if any(self.published.get(number, 0) <= day for number in origins) or not origins:
                return self.first[row], self.last[row]
            return None
        known = [(first, last) for number, first, last in claims if self.published.get(number, 0) <= day]
        if not known:
            return None
        return min(known)

    def _fill(self, kinds, edtf, status, source, taking_part, label, month_keys: bool = True) -> None:
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
            origins = sorted(source.get(iri) or ())  # whichever way they were read
            if origins and len(origins) == 1:
                self.sources.append(self._number(origins[0], source_number, self.source_slugs,
                                                 self.source_names, label))
            elif origins:
                numbers = [self._number(origin, source_number, self.source_slugs, self.source_names, label)
                           for origin in origins]
                self.sources.extend(sorted(numbers, key=self.source_slugs.__getitem__))
            self.source_start.append(len(self.sources))
            pairs = sorted(taking_part.get(iri, ()),
                           key=lambda pair: (pair[1], label.get(pair[0], pair[0]).casefold(), pair[0]))
            for actor, role in pairs:
                self.actors.append(self._number(actor, actor_number, self.actor_slugs,
                                                self.actor_names, label))
                self.roles.append(role)
            begin, end = self.actor_start[-1], len(self.actors)
            if end - begin > 1 and len(set(self.actors[begin:end])) < end - begin:
                self.repeated.add(row)
            self.actor_start.append(end)
            if month_keys:
                for key in value.month_keys():
                    months[key].append(row)
        self.months = {key: array("l", members) for key, members in months.items()}
        self.actor_numbers = {slug: number for number, slug in enumerate(self.actor_slugs)}
        self.source_numbers = {slug: number for number, slug in enumerate(self.source_slugs)}
        if self.iris:
            self._extent = (date.fromordinal(min(self.first)), date.fromordinal(max(self.last)))

    def _number(self, iri: str, numbers: dict[str, int], slugs: list[str], names: dict[str, str],
                label: dict[str, str]) -> int:
        if iri not in numbers:
            split = self.minter.split(iri)
            slug = split[1] if split else iri
            numbers[iri] = len(slugs)
            slugs.append(slug)
            names[slug] = label.get(iri, slug)
        return numbers[iri]

    # -- a snapshot on disk, so that a restart does not read every event again -----------------

    _LISTS = ("iris", "slugs", "labels", "edtfs", "actor_slugs", "source_slugs")
    _ARRAYS = ("first", "last", "types", "statuses", "source_start", "sources", "actor_start", "actors",
               "roles")

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (JSON, written aside then renamed, so that a reader never
        sees half of one); a place that cannot be written is no error (a snapshot only saves time)."""
        data = {name: getattr(self, name) for name in self._LISTS}
        data.update({name: [getattr(self, name).typecode, getattr(self, name).tolist()]
                     for name in self._ARRAYS})
        data.update(repeated=sorted(self.repeated), actor_names=self.actor_names,
                    source_names=self.source_names, seconds=self.seconds,
                    claims=[[row, claims] for row, claims in self.claims.items()],
                    published=[[number, day] for number, day in self.published.items()],
                    disputed=sorted(self.disputed),
                    months={key: rows.tolist() for key, rows in self.months.items()},
                    extent=[day.isoformat() if day else None for day in self._extent],
                    version=SNAPSHOT_VERSION)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path, minter: Minter) -> TimelineIndex | None:
        """The index :meth:`save` wrote to ``path``; ``None`` when there is none or it does not read."""
        collecting = gc.isenabled()
        gc.disable()  # as for build(): no garbage among the many containers read
        try:
            return cls._load(path, minter)
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _load(cls, path: Path, minter: Minter) -> TimelineIndex | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != SNAPSHOT_VERSION:
                return None
            index = cls(minter)
            for name in cls._LISTS:
                setattr(index, name, [str(value) for value in data[name]])
            for name in cls._ARRAYS:
                typecode, values = data[name]
                setattr(index, name, array(typecode, values))
            index.repeated = set(data["repeated"])
            index.actor_names, index.source_names = dict(data["actor_names"]), dict(data["source_names"])
            index.claims = {int(row): [tuple(claim) for claim in claims] for row, claims in data["claims"]}
            index.published = {int(number): int(day) for number, day in data["published"]}
            index.disputed = set(data["disputed"])
            index.months = {key: array("l", rows) for key, rows in data["months"].items()}
            index._extent = tuple(date.fromisoformat(day) if day else None for day in data["extent"])
            index.seconds = float(data["seconds"])
            count = len(index.iris)
            if any(len(getattr(index, name)) != count for name in ("slugs", "labels", "edtfs", "first",
                                                                    "last", "types", "statuses")) \
                    or len(index.source_start) != count + 1 or len(index.actor_start) != count + 1:
                return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        index.actor_numbers = {slug: number for number, slug in enumerate(index.actor_slugs)}
        index.source_numbers = {slug: number for number, slug in enumerate(index.source_slugs)}
        return index

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

    def cast(self, row: int) -> array:
        """The actor numbers of the event in ``row``, each once (whatever its roles)."""
        cast = self.actors[self.actor_start[row]:self.actor_start[row + 1]]
        return array("l", dict.fromkeys(cast)) if row in self.repeated else cast

    def actors_of(self, row: int) -> list[tuple[str, str]]:
        """(actor slug, role) pairs of the event in ``row``."""
        start, end = self.actor_start[row], self.actor_start[row + 1]
        return [(self.actor_slugs[self.actors[i]],
                 ROLE_TYPES[self.roles[i]] if self.roles[i] != NO_ROLE else "")
                for i in range(start, end)]

    def sources_of(self, row: int, known_on: int | None = None) -> list[str]:
        """The source slugs of the event in ``row``, in order (those published by ``known_on``)."""
        return [self.source_slugs[number]
                for number in self.sources[self.source_start[row]:self.source_start[row + 1]]
                if known_on is None or self.published.get(number, 0) <= known_on]

    def in_words(self, row: int) -> tuple[str, str]:
        """(precision, date in words) of the event in ``row``."""
        value, words = _date(self.edtfs[row])
        return value.precision, words

    def item(self, row: int, lanes: list[str], type_labels: dict[str, str], known_on: int | None = None
             ) -> TimelineItem:
        """The :class:`kb.timeline.model.TimelineItem` of the event in ``row`` (as the sources
        published by ``known_on`` tell it, when given)."""
        precision, in_words = self.in_words(row)
        kind = EVENT_TYPES[self.types[row]]
        first, last = self.first[row], self.last[row]
        if known_on is not None and row in self.claims:
            first, last = self.known_bounds(row, known_on) or (first, last)
        return TimelineItem(
            id=self.slugs[row], iri=self.iris[row], type=kind, type_label=type_labels.get(kind, kind),
            label=self.labels[row], earliest=date.fromordinal(first),
            latest=date.fromordinal(last), edtf=self.edtfs[row], precision=precision,
            in_words=in_words, status=STATUSES[self.statuses[row]],
            actors=[ActorRole(slug, self.actor_names.get(slug, slug), role)
                    for slug, role in self.actors_of(row)],
            sources=self.sources_of(row, known_on), lanes=lanes, disputed=row in self.disputed)

