"""Tombstones: what became of an event that is no longer in the data, so its links never break.

Where they live, and why there: ``kb release`` decides what was removed (by comparing the release's
events with the previous release's), and the curator says why in the release notes file
(``withdrawn.yaml``: ``id``, ``reason`` and, for a duplicate, ``merged_into``). The release writes
every tombstone so far into the store's graph ``id/graph/_releases`` (with the record of each
release), and into its bundle as ``tombstones.json``. So the curation files stay a plain description
of what is true now; the history of identifiers is kept by the releases that published them, where
it cannot be lost by editing a seed file; and the web app answers from the store alone.

An event removed answers *410 Gone* with when and why; one merged into another answers *301* to
the survivor (following a chain of merges).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad, Variable

from kb.store import KnowledgeBase
from kb.vocab import DCT, KBO, OWL, PREFIXES, PROV, RDF, SKOS, XSD, Minter

#: The slug of the graph of releases and tombstones (no source slug starts with "_").
RELEASES_SLUG = "_releases"
#: At most this many merges are followed from an old id to the survivor.
MAX_HOPS = 10


@dataclass(frozen=True)
class Tombstone:
    """An event id that is no longer in the data: when, in which release, why, and its survivor."""

    event_id: str
    version: str
    removed_on: date
    reason: str
    merged_into: str | None = None

    def as_json(self) -> dict:
        """A plain dict (for ``tombstones.json`` and the JSON answers)."""
        return {
            "event_id": self.event_id,
            "version": self.version,
            "removed_on": self.removed_on.isoformat(),
            "reason": self.reason,
            "merged_into": self.merged_into,
        }

    @classmethod
    def from_json(cls, data: dict) -> Tombstone:
        """The inverse of :meth:`as_json`."""
        return cls(
            data["event_id"],
            data["version"],
            date.fromisoformat(data["removed_on"]),
            data["reason"],
            data.get("merged_into"),
        )


def releases_graph(minter: Minter) -> NamedNode:
    """The named graph of release records and tombstones."""
    return minter.graph(RELEASES_SLUG)


def tombstone_quads(tombstones: list[Tombstone], minter: Minter) -> list[Quad]:
    """The tombstones as quads in the releases graph."""
    graph = releases_graph(minter)
    quads = []
    for stone in tombstones:
        iri = minter.event(stone.event_id)
        quads += [
            Quad(iri, OWL.deprecated, Literal("true", datatype=XSD.boolean), graph),
            Quad(
                iri, PROV.invalidatedAtTime, Literal(stone.removed_on.isoformat(), datatype=XSD.date), graph
            ),
            Quad(iri, SKOS.changeNote, Literal(stone.reason, language="en"), graph),
            Quad(iri, OWL.versionInfo, Literal(stone.version), graph),
            Quad(iri, RDF.type, PROV.Entity, graph),
        ]
        if stone.merged_into:
            quads.append(Quad(iri, DCT.isReplacedBy, minter.event(stone.merged_into), graph))
    return quads


_LOOKUP = """
SELECT ?graph ?subject ?when ?why ?version ?survivor WHERE {
  GRAPH ?graph { ?subject owl:deprecated true ; prov:invalidatedAtTime ?when ; skos:changeNote ?why ;
                         owl:versionInfo ?version .
                 OPTIONAL { ?subject dct:isReplacedBy ?survivor } }
}"""


def find(kb: KnowledgeBase, minter: Minter, event_id: str) -> Tombstone | None:
    """The tombstone of ``event_id``, or ``None`` when it has none (a live or unknown event)."""
    rows = kb.select(
        _LOOKUP,
        substitutions={
            Variable("graph"): releases_graph(minter),
            Variable("subject"): minter.event(event_id),
        },
        prefixes=PREFIXES,
    )
    if not rows:
        return None
    row = rows[0]
    survivor = row.get("survivor")
    split = minter.split(survivor.value) if survivor else None
    return Tombstone(
        event_id,
        row["version"].value,
        date.fromisoformat(row["when"].value),
        row["why"].value,
        split[1] if split else None,
    )


def survivor(kb: KnowledgeBase, minter: Minter, stone: Tombstone) -> str | None:
    """The live event a merged event leads to, following merges (``None`` if the chain ends in a
    removal or goes round)."""
    seen = {stone.event_id}
    current = stone
    for _ in range(MAX_HOPS):
        if current.merged_into is None or current.merged_into in seen:
            return None
        seen.add(current.merged_into)
        following = find(kb, minter, current.merged_into)
        if following is None:
            return current.merged_into
        current = following
    return None


def is_live(kb: KnowledgeBase, minter: Minter, event_id: str) -> bool:
    """True when ``event_id`` is an event of the data (a tombstone never hides a live event)."""
    return kb.ask(
        "ASK { ?event ?status_of ?status }",
        substitutions={Variable("event"): minter.event(event_id), Variable("status_of"): KBO.status},
    )
