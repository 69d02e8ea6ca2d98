"""Timeline data for a window of days or for one actor, without scanning every event.

Oxigraph has no range index over literals, so a FILTER on date bounds reads every dated event. Each
event therefore carries one ``kbo:monthKey`` per month its bounds overlap (``"wide"`` past three
years, see :mod:`kb.dates`): a window becomes a ``VALUES`` list of month keys, each an index
lookup, and only the events of those months are filtered on their exact bounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, Variable

from kb.dates import months_between
from kb.queries import plain
from kb.store import KnowledgeBase
from kb.vocab import KB_NS, PREFIXES, XSD

_WINDOW = """
SELECT ?event ?type ?label ?earliest ?latest ?edtf ?date_text ?precision ?status ?from ?to WHERE {
  VALUES ?key { %s }
  ?event kbo:monthKey ?key .
  ?event sem:hasLatestEndTimeStamp ?latest .
  FILTER(?latest >= ?from)
  ?event sem:hasEarliestBeginTimeStamp ?earliest .
  FILTER(?earliest <= ?to)
  ?event a ?type ; rdfs:label ?label ; kbo:edtf ?edtf ; kbo:dateText ?date_text ;
         kbo:datePrecision ?precision ; kbo:status ?status .
}"""

_ACTOR = """
SELECT ?event ?type ?label ?earliest ?latest ?edtf ?date_text ?precision ?status ?role ?actor WHERE {
  ?event kbo:involves ?actor ;
         sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest ;
         a ?type ; rdfs:label ?label ; kbo:edtf ?edtf ; kbo:dateText ?date_text ;
         kbo:datePrecision ?precision ; kbo:status ?status ;
         sem:hasActor ?role_node .
  ?role_node rdf:value ?actor ; sem:roleType ?role .
}"""


@dataclass
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


def _event(row: dict) -> TimelineEvent:
    return TimelineEvent(
        iri=row["event"].value,
        type=row["type"].value.removeprefix(KB_NS),
        label=row["label"].value,
        earliest=plain(row["earliest"]),
        latest=plain(row["latest"]),
        edtf=row["edtf"].value,
        date_text=row["date_text"].value,
        precision=row["precision"].value,
        status=row["status"].value.removeprefix(KB_NS),
    )


def _key(event: TimelineEvent) -> tuple:
    return (event.earliest, event.latest, event.iri)


def window(kb: KnowledgeBase, earliest: date, latest: date) -> list[TimelineEvent]:
    """Events whose date bounds overlap ``earliest``..``latest``, in date order."""
    keys = " ".join(f'"{key}"' for key in months_between(earliest, latest))  # fixed YYYY-MM keys
    rows = kb.select(
        _WINDOW % keys,
        substitutions={
            Variable("from"): Literal(earliest.isoformat(), datatype=XSD.date),
            Variable("to"): Literal(latest.isoformat(), datatype=XSD.date),
        },
        prefixes=PREFIXES,
    )
    events = {row["event"].value: _event(row) for row in rows}
    return sorted(events.values(), key=_key)


def actor_events(kb: KnowledgeBase, actor_iri: str) -> list[TimelineEvent]:
    """One actor's events in date order, each with the actor's role(s) in it."""
    from pyoxigraph import NamedNode

    rows = kb.select(_ACTOR, substitutions={Variable("actor"): NamedNode(actor_iri)}, prefixes=PREFIXES)
    events: dict[str, TimelineEvent] = {}
    for row in rows:
        event = events.setdefault(row["event"].value, _event(row))
        role = row["role"].value.removeprefix(KB_NS)
        if role not in event.roles:
            event.roles.append(role)
    return sorted(events.values(), key=_key)
