"""A source's page: the article text, each cited sentence linked to the events it supports.

The text is cut at every line break and at both ends of every cited passage (the
``oa:TextPositionSelector`` offsets of the events' evidence), so each piece of text carries exactly
the events whose evidence covers it, even where passages overlap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pyoxigraph import Variable

from kb.pages.parts import (
    Claim,
    DateInfo,
    EntityNotFound,
    EventRef,
    Ref,
    claims_where,
    date_info,
    event_refs,
    ref,
    values_by_name,
)
from kb.store import KnowledgeBase
from kb.timeline.window import labels
from kb.vocab import PREFIXES, SCHEMA, Minter


@dataclass
class Segment:
    """A piece of the article's text and the events that cite it (none for uncited text)."""

    text: str
    start: int
    end: int
    events: list[EventRef] = field(default_factory=list)

    @property
    def anchor_id(self) -> str:
        """The id of this piece on the page (its start offset), for links from an event."""
        return f"s{self.start}"


@dataclass
class Paragraph:
    """One line of the article's text file."""

    number: int
    segments: list[Segment] = field(default_factory=list)


@dataclass
class SourcePage:
    """Everything a source's page shows."""

    iri: str
    id: str
    title: str
    publisher: Ref | None
    published: DateInfo | None
    url: str | None
    file_name: str | None
    graphs: list[Claim] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    event_count: int = 0


_SOURCE = """
SELECT ?p ?o ?s WHERE {
  ?s ?p ?o .
  VALUES ?p { rdf:type schema:headline rdfs:label schema:publisher schema:text kbo:fileName
              schema:url kbo:edtf kbo:dateNote }
}"""
_SPANS = """
SELECT ?event ?start ?end ?s WHERE {
  ?event kbo:evidence ?annotation .
  ?annotation oa:hasTarget ?target .
  ?target oa:hasSource ?s ; oa:hasSelector ?position .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}"""


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Paragraph]:
    """The text cut into paragraphs (lines) and pieces, each with the ids of the spans covering it."""
    cuts = {0, len(text)}
    offset = 0
    for line in text.splitlines(keepends=True):
        cuts.add(offset)
        cuts.add(offset + len(line.rstrip("\r\n")))
        offset += len(line)
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    ordered = sorted(cuts)
    paragraphs: list[Paragraph] = []
    line_starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            line_starts.append(index + 1)
    for left, right in itertools.pairwise(ordered):
        piece = text[left:right]
        if not piece.strip():
            continue
        line = sum(1 for start in line_starts if start <= left)
        if not paragraphs or paragraphs[-1].number != line:
            paragraphs.append(Paragraph(line))
        covering = [name for start, end, name in spans if start <= left and right <= end]
        segment = Segment(piece, left, right)
        segment.events = covering  # ids for now; the page builder turns them into EventRefs
        paragraphs[-1].segments.append(segment)
    return paragraphs


def _spans_and_events(kb: KnowledgeBase, minter: Minter, subject: dict
                      ) -> tuple[list[tuple[int, int, str]], dict[str, EventRef]]:
    """The cited passages of the source (start, end, event) and the events they support."""
    spans = [(int(row["start"].value), int(row["end"].value), row["event"].value)
             for row in kb.select(_SPANS, substitutions=subject, prefixes=PREFIXES)]
    return spans, event_refs(kb, minter, [event for _, _, event in spans])


def source_page(kb: KnowledgeBase, minter: Minter, slug: str) -> SourcePage:
    """The page of the source ``slug``: its text, sentence by sentence, with the events each states."""
    iri = minter.source(slug)
    subject = {Variable("s"): iri}
    values = values_by_name(kb, _SOURCE, iri)  # first: an unknown slug costs this one request
    if SCHEMA.NewsArticle.value not in values.get("type", []):
        raise EntityNotFound("source", slug)
    publisher = values.get("publisher", [None])[0]
    # The page's parts that do not depend on one another: at once over a remote store.
    (spans, refs), claims_of, publisher_names = kb.together(
        lambda: _spans_and_events(kb, minter, subject),
        lambda: claims_where(kb, minter, "?graph kbo:reportedIn ?subject .", iri),
        lambda: labels(kb, [publisher]) if publisher else {})
    text = values.get("text", [""])[0]
    paragraphs = segments(text, spans)
    for paragraph in paragraphs:
        for segment in paragraph.segments:
            segment.events = sorted((refs[i] for i in dict.fromkeys(segment.events) if i in refs),
                                    key=lambda e: (e.earliest, e.latest, e.iri))
    graphs = sorted(claims_of.values(), key=lambda c: (len(c.chain), c.in_words, c.graph))
    edtf = values.get("edtf", [None])[0]
    return SourcePage(
        iri=iri.value, id=slug,
        title=(values.get("headline") or values.get("label") or [slug])[0],
        publisher=ref(minter, publisher, publisher_names.get(publisher)) if publisher else None,
        published=date_info(edtf, None, values.get("dateNote", [None])[0]) if edtf else None,
        url=values.get("url", [None])[0], file_name=values.get("fileName", [None])[0],
        graphs=graphs, paragraphs=paragraphs, event_count=len(refs),
    )
