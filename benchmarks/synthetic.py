"""Synthetic knowledge bases shaped like the seeds, written as N-Quads, for benchmarks.

Every event carries exactly the triples :mod:`kb.curation` gives an event (same predicates, same
literal datatypes, same role nodes and named graphs), apart from what a benchmark does not need:

- kept: ``rdf:type``, ``rdfs:label``, ``kbo:status``, ``kbo:dateText``, ``kbo:edtf``, the two
  ``sem:`` bounds, ``kbo:datePrecision``, one ``kbo:monthKey`` per month overlapped (or ``"wide"``),
  per actor the role node (``sem:hasActor``, its ``rdf:type sem:Role``, ``sem:roleType``,
  ``rdf:value``) and ``kbo:involves``, ``sem:hasPlace`` (one event in five), ``kbo:source``, one
  ``kbo:sourceSentence``, and the derived ``kbo:timelineRow`` of each event and
  ``kbo:timelineDigest`` of each graph's date periods, exactly as :mod:`kb.timeline.rows` derives them,
  and at the end of the file the ``kbo:timelineIndex`` of every bucket, as the loader's update
  writes it;
- left out by default: the ``kbo:evidence`` annotation of each sentence (17 triples: the
  ``oa:Annotation``, its target and two selectors), and the optional fields (``quote``, ``offers``,
  notes, anchors, links between events, codes). ``annotations=True`` adds the annotations, so that
  the data passes the SHACL shapes (``tests/test_synthetic.py`` loads it through the validating
  path).

That is about 21 triples an event (1.3 actors, 1.7 month keys and 0.7 digests on average); the
SPARQL queries the benchmarks compare read at least 15 of them, so the issue's ~14 triples an event
cannot be matched by leaving more out. Each source (25 events) has its article, claim-graph
descriptions and the actors and places it declares in its main graph, and zero to two claimant
graphs, as the loader writes them.

Dates: each source is published on a day between 2000 and 2025; its events fall before that day
with the mix of :data:`DATE_MIX` (days, weeks, months, ranges of several months, years, and rarely a
"wide" span past three years). Actors: :data:`BUSY_ACTOR` takes part in
``min(1000, n_events // 10)`` events at every scale; the others are drawn log-uniformly from a pool
of ``n_events // 40`` (a few very busy, a long tail).
"""

from __future__ import annotations

import calendar
import math
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from kb import vocab
from kb.curation import ACTOR_TYPES
from kb.dates import DateValue, parse_edtf
from kb.timeline import rows as digest
from kb.vocab import EDTF_DATATYPE, KBO, OA, PROV, RDF, RDFS, SCHEMA, SEM, XSD, Minter

#: Bump when the generated data changes, so cached files are regenerated.
GENERATOR_VERSION = 3
#: The actor with about 1,000 events at every scale (the ``actor-timeline`` benchmark's subject).
BUSY_ACTOR = "actor-0001"
BUSY_ACTOR_EVENTS = 1000
EVENTS_PER_SOURCE = 25
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2025, 12, 31)
#: How an event's date is given, with its share of events (see :func:`_date`).
DATE_MIX: dict[str, float] = {
    "day": 0.495,         # "on Thursday", 2024-10-24
    "week": 0.14,         # "last week", 2024-10-14/2024-10-20
    "days": 0.08,         # "the last couple of days", 2024-10-22/2024-10-24
    "month": 0.15,        # "in July", 2024-07
    "month-to-date": 0.05,  # "earlier this month", 2024-10-01/2024-10-25
    "months": 0.06,       # "for months", 2024-05/2024-10-25 (3 to 8 month keys)
    "year": 0.015,        # "in 2019", 2019 (12 month keys)
    "long": 0.007,        # "since the war began", 13 to 36 month keys
    "wide": 0.003,        # "for years", more than 36 months: the one key "wide"
}
#: Roles of an event's actors by event type: the first actor takes the first role, and so on.
ROLES: dict[str, tuple[str, ...]] = {
    "Offer": ("offerer", "recipient", "mediator"),
    "Rejection": ("responder", "offerer", "mediator"),
    "Acceptance": ("responder", "offerer", "mediator"),
    "Meeting": ("participant", "participant", "host"),
    "Summit": ("participant", "participant", "host"),
    "PressConference": ("speaker", "host", "addressee"),
    "Statement": ("speaker", "addressee", "subject"),
    "Vow": ("speaker", "addressee", "subject"),
    "Threat": ("speaker", "addressee", "subject"),
    "Demand": ("speaker", "addressee", "subject"),
    "Precondition": ("speaker", "addressee", "subject"),
    "Killing": ("perpetrator", "victim", "reporter"),
    "Attack": ("perpetrator", "victim", "reporter"),
    "HostageRelease": ("releaser", "released", "mediator"),
    "Ceasefire": ("participant", "participant", "mediator"),
    "MediaReport": ("reporter", "subject", "speaker"),
    "NegotiationRound": ("participant", "participant", "mediator"),
    "Effort": ("participant", "mediator", "subject"),
}
TYPE_WEIGHTS = {"Statement": 8, "Meeting": 4, "MediaReport": 4, "Offer": 3, "Rejection": 2,
                "Demand": 2, "Attack": 2, "Threat": 2}
ACTOR_COUNTS = ((1, 0.72), (2, 0.25), (3, 0.03))
PLACE_SHARE = 0.2
CLAIMANT_SHARE = 0.3  # events told in a claimant's graph rather than the article's own


@dataclass(frozen=True)
class SyntheticEvent:
    """One generated event: what the brute-force checks and other benchmarks need to know."""

    slug: str
    type: str
    date: DateValue
    date_text: str
    actors: tuple[tuple[str, str], ...]  # (role, actor slug)
    source: str
    graph: str  # the claim graph's IRI
    place: str | None
    label: str
    sentence: str


@dataclass
class _Source:
    slug: str
    published: date
    publisher: str
    claimants: list[tuple[str, str]]  # (claimant id, actor slug)
    events: list[SyntheticEvent]


@lru_cache(maxsize=1 << 16)
def _parse(edtf: str) -> DateValue:
    return parse_edtf(edtf)


def _months_back(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _date(kind: str, published: date, rng: random.Random) -> tuple[str, str]:
    """An EDTF value and the words a source would use, for an event reported on ``published``."""
    if kind == "day":
        day = published - timedelta(days=int(rng.expovariate(1 / 12)))
        text = f"on {day:%A}" if (published - day).days < 7 else f"on {day.day} {day:%B}"
        return day.isoformat(), text
    if kind == "week":
        monday = published - timedelta(days=published.weekday() + 7 * rng.randint(1, 6))
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "last week"
    if kind == "days":
        end = published - timedelta(days=rng.randint(0, 20))
        start = end - timedelta(days=rng.randint(1, 3))
        return f"{start.isoformat()}/{end.isoformat()}", "the last couple of days"
    if kind == "month":
        year, month = _months_back(published, rng.randint(0, 11))
        return f"{year:04d}-{month:02d}", f"in {calendar.month_name[month]}"
    if kind == "month-to-date":
        if published.day == 1:
            return published.isoformat(), "today"
        return f"{published.replace(day=1).isoformat()}/{published.isoformat()}", "earlier this month"
    if kind == "months":
        year, month = _months_back(published, rng.randint(2, 7))
        return f"{year:04d}-{month:02d}/{published.isoformat()}", f"since {calendar.month_name[month]}"
    if kind == "year":
        year = published.year - rng.randint(0, 1)
        return f"{year:04d}", f"in {year}"
    if kind == "long":
        year, month = _months_back(published, rng.randint(12, 35))
        return f"{year:04d}-{month:02d}/{published.isoformat()}", "since the war began"
    if kind == "wide":
        year = published.year - rng.randint(4, 20)
        return f"{year:04d}/{published.isoformat()}", f"for years, since {year}"
    raise ValueError(f"unknown date kind {kind!r}")


def source_slug(index: int) -> str:
    """The slug of the ``index``-th synthetic source (its IRI: ``Minter().source(slug)``)."""
    return f"synthetic-source-{index:06d}"


def actor_name(slug: str) -> str:
    """The display name of a synthetic actor: 'actor-0001' -> 'Actor 0001'."""
    return slug.replace("-", " ").capitalize()


def _actor_pool(n_events: int) -> int:
    return max(20, n_events // 40)


def _place_pool(n_events: int) -> int:
    return max(10, n_events // 500)


def generate(n_events: int, seed: int = 0, base: str = vocab.DEFAULT_BASE,
             date_mix: dict[str, float] | None = None) -> Iterator[_Source]:
    """The synthetic sources, each with its events, in order (deterministic for a seed)."""
    rng = random.Random(seed)
    mix = date_mix or DATE_MIX
    kinds, kind_weights = list(mix), list(mix.values())
    types = [kind for kind in vocab.EVENT_TYPES if kind in ROLES]
    type_weights = [TYPE_WEIGHTS.get(kind, 1) for kind in types]
    counts, count_weights = zip(*ACTOR_COUNTS, strict=True)
    pool, places = _actor_pool(n_events), _place_pool(n_events)
    busy = set(rng.sample(range(n_events), min(BUSY_ACTOR_EVENTS, n_events // 10)))
    graph_prefix = Minter(base).graph("").value
    span = (LAST_DAY - FIRST_DAY).days - 30
    log_pool = math.log(pool - 1)

    def other_actor() -> str:
        return f"actor-{1 + int(math.exp(rng.random() * log_pool)):04d}"

    number = 0
    for source_index in range(math.ceil(n_events / EVENTS_PER_SOURCE)):
        slug = source_slug(source_index)
        published = FIRST_DAY + timedelta(days=30 + rng.randrange(span))
        claimants = [(f"claimant-{k}", other_actor()) for k in range(1, source_index % 3 + 1)]
        source = _Source(slug, published, other_actor(), claimants, [])
        for _ in range(min(EVENTS_PER_SOURCE, n_events - number)):
            kind = rng.choices(types, type_weights)[0]
            edtf, text = _date(rng.choices(kinds, kind_weights)[0], published, rng)
            how_many = rng.choices(counts, count_weights)[0]
            chosen: list[str] = [BUSY_ACTOR] if number in busy else []
            while len(chosen) < how_many:
                actor = other_actor()
                if actor not in chosen:
                    chosen.append(actor)
            roles = tuple(zip(ROLES[kind], chosen, strict=False))
            claimant = rng.random() < CLAIMANT_SHARE and claimants
            graph = f"{graph_prefix}{slug}/{rng.choice(claimants)[0]}" if claimant \
                else f"{graph_prefix}{slug}"
            place = f"place-{rng.randrange(1, places + 1):03d}" if rng.random() < PLACE_SHARE else None
            names = [actor_name(actor) for actor in chosen]
            label = f"{kind} {number}: {' and '.join(names)}"
            sentence = (f"Report {number}: {names[0]} ({kind.lower()}) {text}"
                        f"{', with ' + ', '.join(names[1:]) if len(names) > 1 else ''}.")
            source.events.append(SyntheticEvent(
                f"synthetic-{number:07d}", kind, _parse(edtf), text, roles, slug, graph, place,
                label, sentence))
            number += 1
        yield source


def events(n_events: int, seed: int = 0, base: str = vocab.DEFAULT_BASE,
           date_mix: dict[str, float] | None = None) -> Iterator[SyntheticEvent]:
    """The synthetic events alone, in order (the same as :func:`write_nquads` writes)."""
    for source in generate(n_events, seed, base, date_mix):
        yield from source.events


# --- N-Quads ------------------------------------------------------------------------------------

def _iri(node) -> str:
    return f"<{node.value}>"


def _text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


_DATE = f"^^<{XSD.date.value}>"
_EDTF = f"^^<{EDTF_DATATYPE.value}>"
_INTEGER = f"^^<{XSD.integer.value}>"
_JSON = f"^^<{RDF.JSON.value}>"
P_TYPE, P_LABEL, P_VALUE = _iri(RDF.type), _iri(RDFS.label), _iri(RDF.value)
P_NAME, P_HEADLINE, P_PUBLISHER, P_TEXT = (_iri(SCHEMA.name), _iri(SCHEMA.headline),
                                           _iri(SCHEMA.publisher), _iri(SCHEMA.text))
P_EARLIEST, P_LATEST = _iri(SEM.hasEarliestBeginTimeStamp), _iri(SEM.hasLatestEndTimeStamp)
P_HAS_ACTOR, P_ROLE_TYPE, P_PLACE = _iri(SEM.hasActor), _iri(SEM.roleType), _iri(SEM.hasPlace)
P_EDTF, P_PRECISION, P_MONTH_KEY = _iri(KBO.edtf), _iri(KBO.datePrecision), _iri(KBO.monthKey)
P_STATUS, P_DATE_TEXT, P_INVOLVES = _iri(KBO.status), _iri(KBO.dateText), _iri(KBO.involves)
P_SOURCE, P_SENTENCE, P_EVIDENCE = _iri(KBO.source), _iri(KBO.sourceSentence), _iri(KBO.evidence)
P_FILE_NAME, P_REPORTED_IN = _iri(KBO.fileName), _iri(KBO.reportedIn)
P_ROW, P_DIGEST, P_INDEX = _iri(KBO.timelineRow), _iri(KBO.timelineDigest), _iri(KBO.timelineIndex)
P_MID_DAY = _iri(KBO.midDay)
P_ATTRIBUTED, P_DERIVED = _iri(PROV.wasAttributedTo), _iri(PROV.wasDerivedFrom)


def _date_lines(subject: str, value: DateValue, graph: str) -> list[str]:
    return [
        f"{subject} {P_EDTF} {_text(value.edtf)}{_EDTF} {graph} .\n",
        f"{subject} {P_EARLIEST} \"{value.earliest.isoformat()}\"{_DATE} {graph} .\n",
        f"{subject} {P_LATEST} \"{value.latest.isoformat()}\"{_DATE} {graph} .\n",
        f"{subject} {P_PRECISION} {_text(value.precision)} {graph} .\n",
    ]


class _Writer:
    """Formats one source at a time as N-Quads lines."""

    def __init__(self, n_events: int, base: str, annotations: bool):
        self.minter = Minter(base)
        self.annotations = annotations
        self.n_sources = math.ceil(n_events / EVENTS_PER_SOURCE)
        self.pool, self.places = _actor_pool(n_events), _place_pool(n_events)
        self.prefix = {kind: self.minter.entity(kind, "x").value[:-1] for kind in Minter.KINDS}
        self.kinds = list(ACTOR_TYPES.values())
        self.status = _iri(KBO.happened)
        self.role_class = _iri(SEM.Role)
        self.oa = {name: _iri(OA[name]) for name in OA.terms}
        self.index: dict[str, list[str]] = {}  # bucket key -> the digests of every graph so far
        self.claims: list[SyntheticEvent] = []  # the current source's claims about earlier events

    def entity(self, kind: str, slug: str) -> str:
        return f"<{self.prefix[kind]}{slug}>"

    def source_lines(self, source: _Source) -> list[str]:
        main = self.entity("graph", source.slug)
        article = self.entity("source", source.slug)
        published = _parse(source.published.isoformat())
        title = f"Synthetic article {source.slug}"
        text = "\n".join(event.sentence for event in source.events)
        lines = [
            f"{article} {P_TYPE} {_iri(SCHEMA.NewsArticle)} {main} .\n",
            f"{article} {P_TYPE} {_iri(PROV.Entity)} {main} .\n",
            f"{article} {P_HEADLINE} {_text(title)} {main} .\n",
            f"{article} {P_LABEL} {_text(title)} {main} .\n",
            f"{article} {P_PUBLISHER} {self.entity('actor', source.publisher)} {main} .\n",
            f"{article} {P_TEXT} {_text(text)} {main} .\n",
            f"{article} {P_FILE_NAME} {_text(source.slug + '.txt')} {main} .\n",
            *_date_lines(article, published, main),
        ]
        lines += self.graph_lines(main, main, source.publisher, article,
                                  f"What '{title}' states in its own voice", None)
        for claimant, actor in source.claimants:
            lines += self.graph_lines(main, self.entity("graph", f"{source.slug}/{claimant}"), actor,
                                      article, f"What {actor_name(actor)} said, as the article relays it",
                                      main)
        index = int(source.slug.rsplit("-", 1)[1])
        for number in range(index + 1, self.pool, self.n_sources):  # actor-0001 .. in turn
            lines += self.actor_lines(main, f"actor-{number:04d}", number)
        for number in range(index + 1, self.places + 1, self.n_sources):
            lines += self.place_lines(main, f"place-{number:03d}")
        offset = 0
        for event in source.events:
            lines += self.event_lines(event, article)
            if self.annotations:
                lines += self.annotation_lines(event, article, text, offset)
            offset += len(event.sentence) + 1
        return lines + self.timeline_lines(source, article)

    def timeline_lines(self, source: _Source, article: str) -> list[str]:
        """Each event's ``kbo:timelineRow`` and ``kbo:midDay`` and each graph's ``kbo:timelineDigest``
        per date bucket, as :mod:`kb.timeline.rows` derives them from the event's triples."""
        lines, by_graph = [], {}
        for event in [*source.events, *self.claims]:
            iri = self.entity("event", event.slug)
            row = [iri[1:-1], event.type, event.date.earliest.isoformat(), event.date.latest.isoformat(),
                   event.date.edtf, event.date_text, event.date.precision, "happened", event.label,
                   article[1:-1], sorted([role, self.entity("actor", actor)[1:-1]]
                                         for role, actor in event.actors)]
            lines.append(f"{iri} {P_ROW} {_text(digest.encode(row).value)}{_JSON} <{event.graph}> .\n")
            middle = digest.mid_day(row).isoformat()
            lines.append(f"{iri} {P_MID_DAY} \"{middle}\"{_DATE} <{event.graph}> .\n")
            by_graph.setdefault(event.graph, []).append(row)
        for graph, rows in by_graph.items():
            for key, listed in digest.digests(rows):
                lines.append(f"{self.entity('bucket', key)} {P_DIGEST} {_text(listed)} <{graph}> .\n")
                self.index.setdefault(key, []).append(listed)
        return lines

    def index_lines(self) -> list[str]:
        """The ``kbo:timelineIndex`` of every bucket, as the loader's update writes it: the bucket's
        digests in order of their text, one line each (kept in memory until the end: about 150
        bytes an event)."""
        graph = f"<{digest.index_graph(self.minter).value}>"
        return [f"{self.entity('bucket', key)} {P_INDEX} {_text(chr(10).join(sorted(listed)))} {graph} .\n"
                for key, listed in sorted(self.index.items())]

    def graph_lines(self, main: str, graph: str, actor: str, article: str, label: str,
                    parent: str | None) -> list[str]:
        lines = [
            f"{graph} {P_TYPE} {_iri(KBO.ClaimGraph)} {main} .\n",
            f"{graph} {P_ATTRIBUTED} {self.entity('actor', actor)} {main} .\n",
            f"{graph} {P_REPORTED_IN} {article} {main} .\n",
            f"{graph} {P_LABEL} {_text(label)} {main} .\n",
        ]
        if parent:
            lines.append(f"{graph} {P_DERIVED} {parent} {main} .\n")
        return lines

    def actor_lines(self, graph: str, slug: str, number: int) -> list[str]:
        actor, name = self.entity("actor", slug), _text(actor_name(slug))
        kind = _iri(self.kinds[number % len(self.kinds)])
        return [
            f"{actor} {P_TYPE} {_iri(SEM.Actor)} {graph} .\n",
            f"{actor} {P_TYPE} {_iri(KBO.Actor)} {graph} .\n",
            f"{actor} {P_TYPE} {kind} {graph} .\n",
            f"{actor} {P_LABEL} {name} {graph} .\n",
            f"{actor} {P_NAME} {name} {graph} .\n",
        ]

    def place_lines(self, graph: str, slug: str) -> list[str]:
        place, name = self.entity("place", slug), _text(slug.replace("-", " ").capitalize())
        return [
            f"{place} {P_TYPE} {_iri(SEM.Place)} {graph} .\n",
            f"{place} {P_TYPE} {_iri(SCHEMA.Place)} {graph} .\n",
            f"{place} {P_LABEL} {name} {graph} .\n",
            f"{place} {P_NAME} {name} {graph} .\n",
        ]

    def event_lines(self, event: SyntheticEvent, article: str) -> list[str]:
        iri, graph = self.entity("event", event.slug), f"<{event.graph}>"
        lines = [
            f"{iri} {P_TYPE} <{KBO.iri}{event.type}> {graph} .\n",
            f"{iri} {P_LABEL} {_text(event.label)} {graph} .\n",
            f"{iri} {P_STATUS} {self.status} {graph} .\n",
            f"{iri} {P_DATE_TEXT} {_text(event.date_text)} {graph} .\n",
            *_date_lines(iri, event.date, graph),
        ]
        lines += [f"{iri} {P_MONTH_KEY} \"{key}\" {graph} .\n" for key in event.date.month_keys()]
        for role, actor_slug in event.actors:
            role_node, actor = f"<{iri[1:-1]}/role/{role}-{actor_slug}>", self.entity("actor", actor_slug)
            lines += [
                f"{iri} {P_HAS_ACTOR} {role_node} {graph} .\n",
                f"{role_node} {P_TYPE} {self.role_class} {graph} .\n",
                f"{role_node} {P_ROLE_TYPE} <{KBO.iri}{role}> {graph} .\n",
                f"{role_node} {P_VALUE} {actor} {graph} .\n",
                f"{iri} {P_INVOLVES} {actor} {graph} .\n",
            ]
        if event.place:
            lines.append(f"{iri} {P_PLACE} {self.entity('place', event.place)} {graph} .\n")
        lines.append(f"{iri} {P_SENTENCE} {_text(event.sentence)} {graph} .\n")
        lines.append(f"{iri} {P_SOURCE} {article} {graph} .\n")
        return lines

    def annotation_lines(self, event: SyntheticEvent, article: str, text: str, start: int) -> list[str]:
        """The evidence annotation of the event's sentence, as kb/curation/ writes it."""
        iri, graph = self.entity("event", event.slug), f"<{event.graph}>"
        annotation = self.entity("annotation", f"{event.slug}-1")
        target, quote, position = (f"{annotation[:-1]}/{part}>" for part in ("target", "quote", "position"))
        end = start + len(event.sentence)
        o = self.oa
        return [
            f"{iri} {P_EVIDENCE} {annotation} {graph} .\n",
            f"{annotation} {P_TYPE} {o['Annotation']} {graph} .\n",
            f"{annotation} {o['hasBody']} {iri} {graph} .\n",
            f"{annotation} {o['motivatedBy']} {o['describing']} {graph} .\n",
            f"{annotation} {o['hasTarget']} {target} {graph} .\n",
            f"{target} {P_TYPE} {o['SpecificResource']} {graph} .\n",
            f"{target} {o['hasSource']} {article} {graph} .\n",
            f"{target} {o['hasSelector']} {quote} {graph} .\n",
            f"{target} {o['hasSelector']} {position} {graph} .\n",
            f"{quote} {P_TYPE} {o['TextQuoteSelector']} {graph} .\n",
            f"{quote} {o['exact']} {_text(event.sentence)} {graph} .\n",
            f"{quote} {o['prefix']} {_text(text[max(0, start - 32):start])} {graph} .\n",
            f"{quote} {o['suffix']} {_text(text[end:end + 32])} {graph} .\n",
            f"{position} {P_TYPE} {o['TextPositionSelector']} {graph} .\n",
            f"{position} {o['start']} \"{start}\"{_INTEGER} {graph} .\n",
            f"{position} {o['end']} \"{end}\"{_INTEGER} {graph} .\n",
        ]


#: With ``claims=True``: each event is also reported by each of the next CLAIM_REACH sources with
#: this chance (so about 1 + CLAIM_REACH * CLAIM_SHARE claims an event), a claim's date is moved a
#: month later with DATE_CONFLICT_SHARE (a conflict), and an offer counters the source's previous
#: offer with COUNTER_SHARE (threads).
CLAIM_REACH, CLAIM_SHARE, DATE_CONFLICT_SHARE, COUNTER_SHARE = 2, 0.6, 0.1, 0.3
CEASEFIRE_DAYS = (2, 3, 7, 12)


class _Claims:
    """Several sources' claims about one event (issue 15), as kb/curation.py writes a '- ref:'
    claim: the same event IRI in the later source's main graph with its own date, actors, terms
    and ``kbo:alsoReportedBy``; offers carry a ceasefire term and may counter an earlier offer."""

    def __init__(self, writer: _Writer, seed: int):
        self.writer = writer
        self.rng = random.Random(seed + 15)
        self.recent: list[_Source] = []
        self.last_offer: str | None = None

    def term_lines(self, iri: str, graph: str, tag: str) -> list[str]:
        term = f"<{iri[1:-1]}/term/{tag}>"
        days = self.rng.choice(CEASEFIRE_DAYS)
        return [f"{iri} <{KBO.hasTerm.value}> {term} {graph} .\n",
                f"{term} {P_TYPE} <{KBO.Term.value}> {graph} .\n",
                f"{term} {P_TYPE} <{KBO.CeasefireTerm.value}> {graph} .\n",
                f"{term} <{KBO.quantity.value}> \"{days}\"{_INTEGER} {graph} .\n",
                f"{term} <{KBO.unit.value}> \"day\" {graph} .\n"]

    def own_lines(self, source: _Source) -> list[str]:
        """Terms and counter-proposal links of the source's own offers."""
        lines = []
        for event in source.events:
            if event.type != "Offer":
                continue
            iri = self.writer.entity("event", event.slug)
            lines += self.term_lines(iri, f"<{event.graph}>", source.slug)
            if self.last_offer and self.rng.random() < COUNTER_SHARE:
                lines.append(f"{iri} <{KBO.counters.value}> {self.last_offer} <{event.graph}> .\n")
            self.last_offer = iri
        return lines

    def claim_events(self, source: _Source) -> list[SyntheticEvent]:
        """This source's claims about the events of the sources just before it."""
        main = self.writer.entity("graph", source.slug)[1:-1]
        claims = []
        for earlier in self.recent[-CLAIM_REACH:]:
            for event in earlier.events:
                if self.rng.random() >= CLAIM_SHARE:
                    continue
                value = event.date
                if self.rng.random() < DATE_CONFLICT_SHARE:
                    moved = (value.earliest + timedelta(days=31), value.latest + timedelta(days=62))
                    value = _parse(f"{moved[0]}/{moved[1]}")
                claims.append(SyntheticEvent(event.slug, event.type, value, event.date_text,
                                             event.actors[:1], source.slug, main, None, "", ""))
        self.recent = [*self.recent[-CLAIM_REACH + 1:], source]
        return claims

    def claim_lines(self, claim: SyntheticEvent, article: str) -> list[str]:
        iri, graph = self.writer.entity("event", claim.slug), f"<{claim.graph}>"
        lines = [
            f"{iri} {P_TYPE} <{KBO.iri}{claim.type}> {graph} .\n",
            f"{iri} {P_STATUS} {self.writer.status} {graph} .\n",
            f"{iri} {P_DATE_TEXT} {_text(claim.date_text)} {graph} .\n",
            *_date_lines(iri, claim.date, graph),
            f"{iri} <{KBO.alsoReportedBy.value}> {article} {graph} .\n",
            f"{iri} <{KBO.paraphrase.value}> {_text('Synthetic paraphrase of ' + claim.slug)} {graph} .\n",
            f"{iri} {P_SOURCE} {article} {graph} .\n",
        ]
        lines += [f"{iri} {P_MONTH_KEY} \"{key}\" {graph} .\n" for key in claim.date.month_keys()]
        for role, actor_slug in claim.actors:
            role_node = f"<{iri[1:-1]}/role/{role}-{actor_slug}>"
            actor = self.writer.entity("actor", actor_slug)
            lines += [f"{iri} {P_HAS_ACTOR} {role_node} {graph} .\n",
                      f"{role_node} {P_TYPE} {self.writer.role_class} {graph} .\n",
                      f"{role_node} {P_ROLE_TYPE} <{KBO.iri}{role}> {graph} .\n",
                      f"{role_node} {P_VALUE} {actor} {graph} .\n",
                      f"{iri} {P_INVOLVES} {actor} {graph} .\n"]
        if claim.type == "Offer":
            lines += self.term_lines(iri, graph, claim.source)
        return lines


def write_nquads(path: str | os.PathLike, n_events: int, seed: int = 0,
                 base: str = vocab.DEFAULT_BASE, *, annotations: bool = False,
                 date_mix: dict[str, float] | None = None, claims: bool = False) -> int:
    """Write a synthetic knowledge base of ``n_events`` events as N-Quads; the quads written.
    With ``claims``, events are also reported by later sources (see :class:`_Claims`)."""
    writer = _Writer(n_events, base, annotations)
    several = _Claims(writer, seed) if claims else None
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for source in generate(n_events, seed, base, date_mix):
            if several is not None:
                writer.claims = several.claim_events(source)
                article = writer.entity("source", source.slug)
                extra = several.own_lines(source)
                for claim in writer.claims:
                    extra += several.claim_lines(claim, article)
                handle.writelines(extra)
                written += len(extra)
            lines = writer.source_lines(source)
            handle.writelines(lines)
            written += len(lines)
        lines = writer.index_lines()
        handle.writelines(lines)
        written += len(lines)
    return written


def cached_nquads(n_events: int, folder: str | os.PathLike = Path(__file__).parent / "out",
                  seed: int = 0) -> Path:
    """The N-Quads file of ``n_events`` events in ``folder``, written on first use."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n_events}-s{seed}-v{GENERATOR_VERSION}.nq"
    if not path.exists():
        partial = path.with_suffix(".partial")
        write_nquads(partial, n_events, seed)
        partial.rename(path)
    return path
