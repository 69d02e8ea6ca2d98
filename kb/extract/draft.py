"""The last stage: the read, merged and scored events of an article as a draft curation file.

How the stages before read an article (see :mod:`kb.extract` for the list):

1. **Sentences** are split at full stops outside quotations, so a quoted passage of several
   sentences stays in the sentence that introduces it (as the curation format cites it).
2. **Actors** are the known actors of curation files (by name and alias, and by their names
   without honorifics and titles) and, for the rest, capitalised name sequences with leading
   titles taken off; later short forms ("Barnea", "IDF") join the full name.
3. **Event mentions** come from a cue lexicon (:data:`kb.extract.lexicon.CUES`). A noun counts
   only where it names something that happened; reported speech makes claims (``according_to``).
4. **Roles** follow the syntax: subject, object, "by X", "with X", "to X", victims of killings.
5. **Dates** come from :mod:`kb.extract.timex`, resolved against each sentence's reference time
   (:mod:`kb.extract.reference`); relative expressions ("a day later") are anchored on the event
   they refer to.
6. **Merging** joins repeated mentions of one event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kb.errors import ArticleError, DateError
from kb.extract import date_stage, parse, sentence_stage
from kb.extract import learned as learned_stage
from kb.extract.actors import DraftActor, DraftPlace, slugify
from kb.extract.confidence import box_repeats, score, sentence_kinds, timeline_box
from kb.extract.events import Extractor
from kb.extract.known import KnownActor, KnownEvent, KnownPlace, flag_known
from kb.extract.merge import merge
from kb.extract.model import DraftEvent
from kb.extract.parse import parse_sentences
from kb.extract.reference import anchor_relative, context_dates, dateline, under_headings
from kb.extract.sentences import split_sentences
from kb.extract.timex import TimeExpression, find_time_expressions
from kb.vocab import EVENT_TYPES, ROLE_TYPES


def read_article(path: str | Path) -> str:
    """The text of an article file, or an :class:`ArticleError` saying what is wrong with it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError("no such file", where=str(path),
                           hint="give the path of a plain-text article") from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not a file", where=str(path),
                           hint="give the path of a plain-text article") from None
    except OSError as err:
        raise ArticleError(f"cannot be read ({err.strerror})", where=str(path),
                           hint="check the file's permissions") from None
    if b"\x00" in raw:
        raise ArticleError("not UTF-8 text (it looks binary)", where=str(path),
                           hint="give a plain-text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(f"not UTF-8 text (byte {err.start} cannot be decoded)",
                           where=str(path), hint="give a plain-text article") from None
    if not text.strip():
        raise ArticleError("the file is empty", where=str(path), hint="give the article's text")
    return text


@dataclass
class Draft:
    """Everything the extractor proposes for one article."""

    source: dict
    actors: dict[str, DraftActor]
    places: dict[str, DraftPlace]
    events: list[DraftEvent]
    claimants: dict[str, dict]
    #: What the learned stage's features read of the article besides the proposals (its
    #: training reads it too, to give other proposals of the same article today's features).
    article: learned_stage.Article | None = None
    #: What the sentence stage reads of the article (its training reads it too).
    reading: sentence_stage.Reading | None = None
    #: What the date stage reads of the article (its training reads it too).
    dating: date_stage.Dating | None = None

    def actor_name(self, actor_id: str) -> str:
        """The name of an actor of the draft."""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def to_curation(self) -> dict:
        """The draft as a dict in the curation format of ``seeds/README.md``.

        ``draft: true`` marks the file as a draft: the loader leaves out events with a ``todo``
        (a part the extractor could not fill) with a warning. Known actors are referred to by id,
        never declared again; only new actors are proposed. Each event's ``draft`` mapping says
        why it was proposed (confidence, cue, offsets) and which known events it may repeat.
        """
        claimants = [claimant for claimant in self.claimants.values()
                     if any(event.according_to == claimant["id"] for event in self.events)]
        used = {actor for event in self.events for actor, _ in event.actors}
        used |= {claimant["actor"] for claimant in claimants}
        if self.source.get("publisher"):
            used.add(self.source["publisher"])
        actors = []
        for actor in self.actors.values():
            if actor.id not in used or actor.known:
                continue
            entry: dict = {"id": actor.id, "name": actor.name, "type": actor.type}
            aliases = [alias for alias in actor.aliases if alias != actor.name]
            if aliases:
                entry["aliases"] = aliases
            if actor.titles:
                entry["positions"] = [{"title": title} for title in actor.titles]
            entry["note"] = ("kb extract was given no --publisher: replace this actor with the "
                             "article's publisher." if actor.name == "Unknown publisher" else
                             "Proposed by kb extract: check the name, type and aliases.")
            actors.append(entry)
        used_places = {event.place for event in self.events if event.place}
        places = [{"id": place.id, "name": place.name} for place in self.places.values()
                  if place.id in used_places and not place.known]
        return {"draft": True, "source": self.source, "claimants": claimants,
                "actors": actors, "places": places,
                "events": self._event_entries()}

    def _event_entries(self) -> list[dict]:
        """The events as entries. An event that matches exactly one known event is proposed as a
        claim about it (``ref: KNOWN-ID``, see seeds/README.md): the explicit field the curator
        keeps, or turns into ``id:`` for a new event; several matches stay listed in ``draft``."""
        known: dict[str, str] = {}
        for event in self.events:  # one claim per known event: a second match stays a new event
            if len(event.likely_known) == 1 and event.likely_known[0] not in known.values():
                known[event.id] = event.likely_known[0]
        entries = []
        for event in self.events:
            entry = self._event_entry(event)
            if entry.get("answers") in known:
                entry["answers"] = known[entry["answers"]]
            if event.id in known:
                entry["draft"]["proposed_id"] = entry.pop("id")
                entry = {"ref": known[event.id], **entry}
            entries.append(entry)
        return entries

    def _event_entry(self, event: DraftEvent) -> dict:
        names = ", ".join(f"{self.actor_name(actor)} ({role})" for actor, role in event.actors)
        entry: dict = {"id": event.id, "type": event.type,
                       "label": f"{event.type}: {names}" if names else event.type}
        if not event.actors:
            entry["todo"] = ("no actor found: add at least one under 'actors:' "
                             "({actor: ID, role: ROLE}), or delete the event")
        if event.according_to:
            entry["according_to"] = event.according_to
        if event.status != "happened":
            entry["status"] = event.status
        entry["date"] = {"text": event.date.text, "anchor": event.date.anchor,
                         "edtf": event.date.edtf}
        if event.date.note:
            entry["date"]["note"] = event.date.note
        entry["actors"] = [{"actor": actor, "role": role} for actor, role in event.actors]
        if event.place:
            entry["place"] = event.place
        if event.means:
            entry["means"] = event.means
        if event.quote:
            entry["quote"] = event.quote
        entry["sentences"] = list(event.sentences)
        if event.answers is not None and event.answers.id and event.answers.actors:
            entry["answers"] = event.answers.id
        entry["draft"] = self.provenance(event)
        return entry

    @staticmethod
    def provenance(event: DraftEvent) -> dict:
        """Why an event was proposed: confidence, cue, offsets, and the known events it may be."""
        cue_text, cue_start, cue_end = event.cue
        return {
            "confidence": event.confidence,
            "cue": {"text": cue_text, "start": cue_start, "end": cue_end},
            "sentence": {"start": event.sentence_span[0], "end": event.sentence_span[1]},
            "date_expression": ({"start": event.date.span[0], "end": event.date.span[1]}
                                if event.date.span else None),
            "why": list(event.why),
            "likely_known": list(event.likely_known),
        }

    def to_yaml(self) -> str:
        """The draft as curation YAML, with a comment saying it is a draft to check."""
        header = (
            "# DRAFT proposed by `kb extract`: every event, type, actor, role, date and sentence\n"
            "# is a guess to check. Correct, complete or delete entries, give undated events real\n"
            "# bounds (their date.note says where the draft guessed), finish or delete events with\n"
            "# a `todo` (left out of the load, with a warning, while `draft: true` stays), then\n"
            "# load with `kb load` (or review it in the browser with `kb curate`).\n"
        )
        return header + yaml.safe_dump(self.to_curation(), sort_keys=False, allow_unicode=True,
                                       width=100, default_flow_style=False)

    def to_json_events(self) -> list[dict]:
        """The events as a JSON-ready list with the keys id, type, date_text, edtf, earliest,
        latest, actors ({id, name, role}), place, sentence and draft (see :meth:`provenance`)."""
        return [{
            "id": event.id,
            "type": event.type,
            "date_text": event.date.text,
            "edtf": event.date.edtf,
            "earliest": event.date.earliest.isoformat(),
            "latest": event.date.latest.isoformat(),
            "actors": [{"id": actor, "name": self.actor_name(actor), "role": role}
                       for actor, role in event.actors],
            "place": self.places[event.place].name if event.place else None,
            "sentence": event.sentences[0],
            "draft": self.provenance(event),
        } for event in self.events]


def _assign_ids(events: list[DraftEvent], actors: dict[str, DraftActor]) -> None:
    """Ids from type, main actor and date, unique within the draft."""
    used: set[str] = set()
    for event in events:
        leading = event.primary()
        who = slugify(actors[leading[0]].id) if leading else "unknown"
        base = f"{slugify(event.type)}-{who}-{event.date.edtf.split('/')[0]}"
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        event.id = candidate
    for event in events:
        if event.date.source == "derived" and event.answers is not None:
            event.date.anchor = f"event:{event.answers.id}"


#: What ``kb extract`` leaves out by default: headline events and most of the background.
DEFAULT_MIN_CONFIDENCE = 0.2
#: Whether the learned stage (:mod:`kb.extract.learned`) runs by default: off, since it gained
#: nothing on the held-out sets (see ``benchmarks/train_learned.py --evaluate``).
LEARNED_BY_DEFAULT = False
#: Whether the sentence stage (:mod:`kb.extract.sentence_stage`) runs by default: off, since on
#: the held-out sets it added 17 proposals for 2 matches (see ``benchmarks/train_sentences.py``).
SENTENCES_BY_DEFAULT = False
#: Whether the date stage (:mod:`kb.extract.date_stage`) runs by default: off, since on the
#: held-out sets its 3 matches gained (169 to 172 of 288) came by widening dates: the matched
#: events dated within the gold's bounds fell from 156 to 148 (see ``benchmarks/train_dates.py``).
DATES_BY_DEFAULT = False


def extract(text: str, published: date, *, title: str | None = None,
            publisher: str | None = None, url: str | None = None,
            source_file: str | None = None, actors: Iterable[KnownActor] = (),
            places: Iterable[KnownPlace] = (), events: Iterable[KnownEvent] = (),
            min_confidence: float = 0.0, learned: bool = LEARNED_BY_DEFAULT,
            sentence_model: bool = SENTENCES_BY_DEFAULT,
            dates: bool = DATES_BY_DEFAULT) -> Draft:
    """Propose the events of an article published on ``published``, as a :class:`Draft`.

    The stages of :mod:`kb.extract` in order; events scoring below ``min_confidence`` are left
    out. ``learned`` runs the learned stage (:mod:`kb.extract.learned`; off by default,
    :data:`LEARNED_BY_DEFAULT`); without it the types and confidences are the rules', as the
    stage's training reads them. ``sentence_model`` runs the sentence stage
    (:mod:`kb.extract.sentence_stage`, :data:`SENTENCES_BY_DEFAULT`): an event from a sentence no
    proposal kept at ``min_confidence`` cites, where its model is sure enough. ``dates`` runs the
    date stage (:mod:`kb.extract.date_stage`, :data:`DATES_BY_DEFAULT`): the proposals kept at
    ``min_confidence`` re-dated where its model chooses another of the dates the pipeline could
    give them, confidently.
    """
    if not isinstance(published, date):
        raise DateError(f"{published!r}: the publication date is not a date",
                        hint="give a datetime.date")
    if not text or not text.strip():
        raise ArticleError("the article is empty", hint="give the article's text")
    if not 0.0 <= min_confidence <= 1.0:
        raise ArticleError(f"minimum confidence {min_confidence} is not between 0 and 1",
                           hint="give a number such as 0.3")
    sentences = split_sentences(text)
    line = dateline(text, sentences, published)
    reference = line.earliest if line else published
    expressions = find_time_expressions(text, reference)
    if line is not None and line.start - (text.rfind("\n", 0, line.start) + 1) <= 40:
        # a date line ("CAIRO, March 3 -") dates the article, not the event after it
        expressions = [e for e in expressions if e.end <= line.start or e.start >= line.end]
    if line is not None:
        expressions = [_on_reference(e, reference) for e in expressions]
    expressions = under_headings(text, sentences, expressions, reference, line)
    parses = dict(zip((s.index for s in sentences), parse_sentences(
        [s.text for s in sentences], [s.start for s in sentences]), strict=True))
    embedded = _by_parse(sentences, parses, parse.noun_clause)
    conjunction = _by_parse(sentences, parses, parse.joins_clause)
    expressions = anchor_relative(text, sentences, expressions, reference, line, embedded,
                                  conjunction)
    kinds = sentence_kinds(text, sentences, expressions, reference)
    background = frozenset(index for index, kind in kinds.items() if kind == "background")
    present = frozenset(index for index, parsed in parses.items()
                        if kinds.get(index) != "headline" and _in_the_present(parsed))
    context = context_dates(text, sentences, expressions, reference, line, embedded, background,
                            present)
    extractor = Extractor(text, reference, actors, places, expressions, context)
    drafted = [event for event in merge(extractor.run(sentences, parses))
               if event.type in EVENT_TYPES]
    for event in drafted:
        event.actors = [(actor, role) for actor, role in event.actors if role in ROLE_TYPES]
        if event.date.anchor == "published" and line is not None:
            event.date.anchor = reference.isoformat()
    score(drafted, kinds)
    box_repeats(drafted, timeline_box(text, sentences))
    _off_the_headline(drafted, sentences, kinds)
    article = learned_stage.Article(kinds, parses, {s.index: (s.start, s.end) for s in sentences})
    learned_stage.features(drafted, article)
    if learned:
        learned_stage.apply(drafted, learned_stage.load_model())
    reading = sentence_stage.Reading(text, sentences, kinds, parses, extractor,
                                     extractor.expressions, context, reference)
    drafted = [event for event in drafted if event.confidence >= min_confidence]
    dating = date_stage.dating_of(reading, line, published, text)
    if dates:
        date_stage.redate(dating, drafted, date_stage.load_model())
    if sentence_model:
        drafted += [event for event in sentence_stage.propose(
            reading, drafted, sentence_stage.load_model()) if event.confidence >= min_confidence]
    drafted.sort(key=lambda event: (event.sentence_index, event.order))
    _assign_ids(drafted, extractor.actors)
    flag_known(drafted, list(events))
    if publisher:
        publisher_id = extractor._actor_named(publisher) or (
            publisher if publisher in extractor.actors else None) or extractor._new_actor(
            publisher, "organization")
    else:  # the format needs a publisher: a placeholder the curator replaces
        publisher_id = extractor._new_actor("Unknown publisher", "organization")
    source_title = title or (sentences[0].text if sentences else "")
    stem = Path(source_file).stem if source_file else slugify(source_title)[:60]
    source = {
        "id": slugify(f"{publisher_id if publisher else 'source'}-{published:%Y-%m}-{stem}")[
            :80].strip("-"),
        "text": Path(source_file).name if source_file else None,
        "title": source_title,
        "publisher": publisher_id,
        "url": url,
        "published": {"edtf": published.isoformat(),
                      "note": "Given to kb extract (--published); check it against the source."},
    }
    return Draft(source, extractor.actors, extractor.places, drafted, extractor.claimants,
                 article, reading, dating)


def _by_parse(sentences: list, parses: dict,
              reading: Callable[[parse.ParsedSentence, int, int], object],
              ) -> Callable[[int, int], bool]:
    """A question about words (article offsets) answered by their sentence's parse: whether
    they sit in a clause on a noun, whether "after" joins a clause (never, for a sentence too
    long to parse)."""
    def answer(start: int, end: int) -> bool:
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        parsed = parses.get(sentence.index) if sentence is not None else None
        return parsed is not None and bool(reading(parsed, start, end))
    return answer


#: What a sentence in the present may tell the content of ("The text calls for", "The plan
#: provides", "It also asks"): a document, whose words are of the day it was written.
_DOCUMENTS = frozenset("text draft resolution proposal plan deal agreement framework document "
                       "letter statement declaration communique communiqué report paper "
                       "memorandum offer outline bill law order ruling decision it".split())


def _in_the_present(parsed: parse.ParsedSentence | None) -> bool:
    """Whether a sentence's main verb is in the simple present by the parse ("The Guards
    announce", "Hamas says", "The regime is warned", "Iran does not seek"), not a perfect ("has
    passed"), a past or a modal, nor what a document says ("The text calls for": the day it was
    adopted, not the day of the article); and no verb of the sentence in the past ("We value the
    position of Iran, whose leader declared ...": the declaring is not of today)."""
    root = next((t for t in parsed.doc if t.dep_ == "ROOT"), None) if parsed is not None else None
    if root is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _DOCUMENTS
                           for c in root.children) or any(t.tag_ == "VBD" for t in parsed.doc):
        return False
    helpers = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if root.tag_ in ("VBZ", "VBP"):
        return not helpers
    if len(helpers) != 1 or helpers[0].tag_ not in ("VBZ", "VBP"):
        return False
    return (root.tag_ == "VBN" and helpers[0].dep_ == "auxpass") or (
        root.tag_ == "VB" and helpers[0].lower_ in ("do", "does"))


def _off_the_headline(events: list[DraftEvent], sentences: list, kinds: dict[int, str]) -> None:
    """An event the headline also names cites the article's sentences, not the headline."""
    for event in events:
        if kinds.get(event.sentence_index) != "headline" or len(event.sentences) < 2:
            continue
        headline = sentences[event.sentence_index]
        event.sentences = [text for text in event.sentences if text != headline.text]
        body = next((s for s in sentences if s.text == event.sentences[0]), None)
        if body is not None:
            event.sentence_index, event.sentence_span = body.index, (body.start, body.end)


def _on_reference(expression: TimeExpression, reference: date) -> TimeExpression:
    """An expression resolved against the article's date line names that day as its anchor."""
    if expression.anchor != "published":
        return expression
    return TimeExpression(expression.text, expression.start, expression.end, expression.edtf,
                          expression.earliest, expression.latest, expression.precision,
                          reference.isoformat(), expression.kind, expression.tense)
