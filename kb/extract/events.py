"""From sentences to draft events: one per event mention, then merged where they are one.

"the proposal was made ..." joins the offer it refers to, and repeated mentions of one event
(same type, same main actor, compatible dates) become one event citing each sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kb.extract.actors import KnownActor, KnownPlace
from kb.extract.cues import Context, Cue
from kb.extract.lexicon import (
    MEETING_FAMILY,
    ONGOING_BEFORE,
    PLACELESS,
    PRIMARY_ROLES,
    STATEMENT_FAMILY,
    is_past_form,
)
from kb.extract.roles import DraftDate, RoleReader
from kb.extract.sentences import Sentence
from kb.extract.timex import TimeExpression, quote_spans, tense_at


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

    def primary(self) -> list[str]:
        """The actors in the event's leading role (offerer, speaker, perpetrator ...)."""
        leading = [actor for actor, role in self.actors if role in PRIMARY_ROLES]
        return leading or [actor for actor, _ in self.actors]


class Extractor(RoleReader):
    """Reads one article and collects its draft events, actors, places and claimants.

    Each class of the chain reads one thing: :class:`~kb.extract.actors.ActorReader` the actors,
    :class:`~kb.extract.cues.CueReader` the event mentions and reported speech,
    :class:`~kb.extract.roles.RoleReader` the roles, places and dates; this one the events.
    """

    def __init__(self, text: str, published: date, actors: Iterable[KnownActor],
                 places: Iterable[KnownPlace], expressions: list[TimeExpression] | None = None,
                 context: dict[int, TimeExpression] | None = None):
        super().__init__(text, published, actors, places, expressions)
        self.context = context or {}
        self.events: list[DraftEvent] = []
        self.claimants: dict[str, dict] = {}
        self._order = 0

    def run(self, sentences: list[Sentence]) -> list[DraftEvent]:
        """Read every sentence, then merge the events that are one."""
        for sentence in sentences:
            self._sentence(sentence)
        self._join_short_names()
        return self._merge()

    def _join_short_names(self) -> None:
        """A surname met before the full name ("Barnea ... David Barnea") is that person."""
        renamed: dict[str, str] = {}
        for actor in list(self.actors.values()):
            if actor.known or " " in actor.name:
                continue
            full = self._surname_match(actor.name)
            if full and full != actor.id:
                renamed[actor.id] = full
                if actor.name not in self.actors[full].aliases:
                    self.actors[full].aliases.append(actor.name)
                del self.actors[actor.id]
        if not renamed:
            return
        for event in self.events:
            event.actors = [(renamed.get(a, a), r) for a, r in event.actors]
            event.fallback = [(renamed.get(a, a), r) for a, r in event.fallback]
            if event.according_to in renamed:
                event.according_to = self._claimant(renamed[event.according_to], "said")

    def _sentence(self, sentence: Sentence) -> None:
        quotes = [(sentence.start + a, sentence.start + b) for a, b in quote_spans(sentence.text)]
        context = Context(sentence, quotes, self._mentions(sentence, quotes),
                          self._cues(sentence, quotes))
        self._absorb(context)
        self._frames(context)
        self._resolve_first_person(context)
        self._upgrade(context)
        context.expressions = [e for e in self.expressions
                               if e.start >= sentence.start and e.end <= sentence.end]
        self._owners(context)
        claimant = next((m.actor for m in context.mentions
                         if m.prep == "according to" and not m.modifier), None)
        for cue in context.cues:
            if not cue.absorbed:
                event = self._event(cue, context, claimant)
                if event is not None:
                    self.events.append(event)
        people = [m.actor for m in context.mentions if not m.modifier and not m.possessive
                  and self.actors[m.actor].type == "person"]
        if people:
            self.last_person = people[-1]

    def _claimant(self, actor_id: str, verb: str) -> str:
        for claimant_id, claimant in self.claimants.items():
            if claimant["actor"] == actor_id:
                return claimant_id
        self.claimants[actor_id] = {"id": actor_id, "actor": actor_id, "verb": verb,
                                    "via": "article"}
        return actor_id

    def _status(self, cue: Cue, sentence: Sentence, expression: TimeExpression | None) -> str:
        before = self.text[sentence.start:cue.start]
        if ONGOING_BEFORE.search(before):
            return "ongoing"
        if expression is not None and expression.earliest > self.published:
            return "planned"
        if cue.part != "noun" and not is_past_form(cue.text) and re.search(
                r"(?i)\b(?:will|to|shall|[’']ll)\s+(?:\w+ly\s+)?$", before):
            return "planned"  # "Barnea to meet Burns"
        if cue.part != "noun" and is_past_form(cue.text) and not re.search(
                r"(?i)\b(?:will|would|to|shall)\s+(?:\w+ly\s+)?(?:be\s+|have\s+|been\s+)?$", before):
            perfect = re.search(r"(?i)\b(?:has|have|had)\s+(?:\w+ly\s+)?$", before)
            return "ongoing" if perfect and expression is not None and (
                expression.kind == "duration" or expression.text.lower().startswith("since")) \
                else "happened"
        if tense_at(self.text, cue.start, cue.end) == "future" and cue.quote is None:
            return "planned"
        return "happened"

    def _event(self, cue: Cue, context: Context, claimant: str | None) -> DraftEvent | None:
        kind, sentence = cue.type, context.sentence
        frame = next((f for f in context.frames if f.cue is cue), None)
        if frame is not None and frame.speaker is None and kind in STATEMENT_FAMILY:
            return None  # an unnamed source's words: no statement to curate
        if cue.quote is not None and kind not in STATEMENT_FAMILY and not (
                (cue.part != "noun" and is_past_form(cue.text))
                or tense_at(self.text, cue.start, cue.end) == "past"):
            return None  # intentions in quotations stay words
        expression, source = self._expression_for(cue, context)
        status = self._status(cue, sentence, expression)
        anchor_date = None
        outer = [f for f in context.frames if f.cue is not cue and f.start <= cue.start < f.end]
        if cue.quote is not None and outer:
            said, _ = self._expression_for(outer[0].cue, context)
            if said is not None and said.precision == "day":
                anchor_date = said.earliest  # "the last couple of days" said on Thursday
        self._order += 1
        event = DraftEvent(
            type=kind, date=self._draft_date(expression, source, status, anchor_date,
                                             self.context.get(sentence.index)),
            sentences=[sentence.text], actors=self._roles(cue, context),
            place=None if kind in PLACELESS else self._place(cue, context),
            status=status, sentence_index=sentence.index, last_index=sentence.index,
            order=self._order, cue=(cue.text, cue.start, cue.end),
            sentence_span=(sentence.start, sentence.end), in_quote=cue.quote is not None,
            cue_part=cue.part)
        speaking = next((f for f in outer if not f.report and f.speaker), None)
        reporting = next((f for f in outer if f.report and f.speaker), None)
        if speaking:
            event.according_to = self._claimant(speaking.speaker, speaking.cue.text)
        elif claimant and claimant not in event.primary():
            event.according_to = self._claimant(claimant, "according to")
        elif reporting:
            event.according_to = self._claimant(reporting.speaker, reporting.cue.text)
        if frame is not None:
            quoted = [q for q in context.quotes if frame.start <= q[0] and q[1] <= frame.end]
            if quoted:
                event.quote = self.text[quoted[0][0] + 1:quoted[0][1] - 1].strip(" ,") or None
        if kind == "Killing":
            event.means = next((c.text for c in context.cues
                                if c.type == "means" and c.start > cue.end), None)
        if kind in ("Rejection", "Acceptance"):
            self._answer(event, cue, sentence)
        event.anaphoric = cue.definite and not event.actors
        if not event.actors and cue.part == "noun":  # if it stays an event of its own
            fallback = [m for m in context.mentions if self._eligible(m, cue) and m.prep is None
                        and m.start < cue.start]
            if fallback:
                role = "speaker" if kind in STATEMENT_FAMILY else "participant"
                event.fallback = [(fallback[0].actor, role)]
        return event

    def _answer(self, event: DraftEvent, cue: Cue, sentence: Sentence) -> None:
        """Link a rejection or acceptance to the offer it answers; date and voice it from there."""
        offers = [e for e in self.events if e.type == "Offer"]
        same = [e for e in offers if e.sentence_index == sentence.index]
        after = self.text[cue.end:sentence.end]
        before = self.text[sentence.start:cue.start]
        anaphoric = cue.passive or re.match(
            r"(?i)\s*(?:\w+ly\s+)?(?:it|this|that|them|the\s+(?:\w+\s+)?(?:offer|proposal|plan|"
            r"idea))\b", after) or re.search(r"(?i)\b(?:the|this|that)\s+(?:\w+\s+)?(?:offer|"
                                             r"proposal|plan)\s+(?:was|were|has been)\s+$", before)
        if same:
            event.answers = same[-1]
        elif offers and anaphoric:
            event.answers = max(offers, key=lambda e: e.last_index)
        if event.answers is None:
            return
        if not any(role == "responder" for _, role in event.actors):
            recipients = [a for a, r in event.answers.actors if r == "recipient"]
            event.actors = [(a, r) for a, r in event.actors if a not in recipients]
            event.actors += [(a, "responder") for a in recipients]
        offer = event.answers.date
        if event.date.source == "window" and offer.source != "window":
            event.date = DraftDate(
                "(undated; after the offer it answers)", "event:",
                f"{offer.edtf.split('/')[0]}/{self.published}", offer.earliest, self.published,
                "derived", "No time expression: from the offer it answers up to the publication.")

    # --- merging ----------------------------------------------------------------------------------

    @staticmethod
    def _compatible_dates(first: DraftDate, second: DraftDate, loose: bool) -> bool:
        if not (first.earliest <= second.latest and second.earliest <= first.latest):
            return False
        if first.edtf == second.edtf or loose:
            return True
        windows = [d for d in (first, second) if d.source == "window"]
        others = [d for d in (first, second) if d.source != "window"]
        return bool(windows) and (not others or others[0].days <= 31)

    @staticmethod
    def _stronger(new: DraftDate, old: DraftDate) -> bool:
        rank = {"window": 0, "derived": 1, "sentence": 2, "own": 3}
        if rank[new.source] != rank[old.source]:
            return rank[new.source] > rank[old.source]
        return new.days < old.days

    def _merge_into(self, target: DraftEvent, event: DraftEvent) -> None:
        target.sentences += [s for s in event.sentences if s not in target.sentences]
        known = {actor for actor, _ in target.actors}
        target.actors += [(actor, role) for actor, role in event.actors if actor not in known]
        if self._stronger(event.date, target.date):
            target.date = event.date
        target.place = target.place or event.place
        target.quote = target.quote or event.quote
        target.means = target.means or event.means
        target.answers = target.answers or event.answers
        target.last_index = max(target.last_index, event.last_index)
        if target.status == "happened" and event.status != "happened" and not event.anaphoric:
            target.status = event.status

    def _antecedent(self, event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
        """The event a definite noun ("the proposal", "the meeting in Doha") refers back to."""
        family = MEETING_FAMILY if event.type in MEETING_FAMILY else (event.type,)
        candidates = [
            other for other in merged
            if other.type in family
            and (other.type != "PressConference" or event.type == "PressConference")
            and (event.date.source == "window"
                 or self._compatible_dates(event.date, other.date, loose=True))
            and not (event.place and other.place and event.place != other.place)]
        same_place = [c for c in candidates if event.place and c.place == event.place]
        return max(same_place or candidates, key=lambda e: (e.last_index, e.order), default=None)

    def _duplicate(self, event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
        """An earlier event this one repeats: same type and status, same main actor, compatible
        dates (equal, or one undated and the other within a month)."""
        leading = set(event.primary())
        for other in merged:
            if other.type != event.type or other.status != event.status or not leading:
                continue
            if not leading & set(other.primary()):
                continue
            if other.according_to != event.according_to and "window" not in (
                    event.date.source, other.date.source):
                continue
            if self._compatible_dates(event.date, other.date, loose=False):
                return other
        return None

    def _merge(self) -> list[DraftEvent]:
        merged: list[DraftEvent] = []
        into: dict[int, DraftEvent] = {}
        for event in self.events:
            if event.answers is not None:
                event.answers = into.get(id(event.answers), event.answers)
            target = self._antecedent(event, merged) if event.anaphoric else None
            target = target or self._duplicate(event, merged)
            if target is not None:
                self._merge_into(target, event)
                into[id(event)] = target
            elif event.anaphoric and event.date.source == "window":
                continue  # "the talks", referring to nothing named: nothing to propose
            else:
                event.actors = event.actors or event.fallback
                merged.append(event)
        return merged
