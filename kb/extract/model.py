"""What the reading stages produce: draft events and their dates (plain data, no behaviour
beyond small derived values)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kb.extract.lexicon import PRIMARY_ROLES


@dataclass
class DraftDate:
    """The date of a draft event and where it came from: ``own`` (an expression of its cue),
    ``sentence`` (one of its sentence), ``derived`` (from another event) or ``window`` (none: the
    week up to the publication)."""

    text: str
    anchor: str
    edtf: str
    earliest: date
    latest: date
    source: str
    note: str | None = None
    span: tuple[int, int] | None = None  # character offsets of the time expression
    from_context: bool = False  # no expression of its own: the article's date at that point

    @property
    def days(self) -> int:
        """How many days the date allows."""
        return (self.latest - self.earliest).days + 1


@dataclass
class DraftEvent:
    """One proposed event."""

    type: str
    date: DraftDate
    sentences: list[str]
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor id, role)
    place: str | None = None
    status: str = "happened"
    according_to: str | None = None
    answers: DraftEvent | None = None
    quote: str | None = None
    means: str | None = None
    id: str = ""
    sentence_index: int = 0
    last_index: int = 0
    anaphoric: bool = False
    order: int = 0
    fallback: list[tuple[str, str]] = field(default_factory=list)
    cue: tuple[str, int, int] = ("", 0, 0)  # the words that proposed it and their offsets
    sentence_span: tuple[int, int] = (0, 0)  # offsets of its first sentence in the article
    cue_part: str = "verb"
    in_quote: bool = False
    confidence: float = 0.0
    why: list[str] = field(default_factory=list)  # what raised or lowered the confidence
    likely_known: list[str] = field(default_factory=list)  # ids of events the KB may have
    parsed: list[str] = field(default_factory=list)  # what the dependency parse decided
    features: dict[str, float] = field(default_factory=dict)  # what the learned stage reads
    #: a call the parse read with several counterparts: each group of counterparts, one call each
    #: (:func:`kb.extract.merge.one_call_each`)
    calls: list[list[str]] = field(default_factory=list)
    #: deaths told with no killer in the sentence after a strike: that strike's sentence index
    #: (:func:`kb.extract.merge.deaths_of_strikes`)
    after_strike: int | None = None

    def primary(self) -> list[str]:
        """The actors in the event's leading role (offerer, speaker, perpetrator ...)."""
        leading = [actor for actor, role in self.actors if role in PRIMARY_ROLES]
        return leading or [actor for actor, _ in self.actors]
