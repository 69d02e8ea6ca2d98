"""From sentences to draft events: one per event mention, then merged where they are one.

"the proposal was made ..." joins the offer it refers to, and repeated mentions of one event
(same type, same main actor, compatible dates) become one event citing each sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from kb.extract import parse
from kb.extract.actors import KnownActor, KnownPlace, Mention
from kb.extract.cues import OWN_SETTING_BEFORE, Context, Cue
from kb.extract.lexicon import (
    AIM_NOUNS,
    ANOTHER_ACT,
    CONDITION,
    CONDITIONS,
    DEATHS_AFTER,
    DEMONYMS,
    DENYING_VERBS,
    EXPECTED_AT,
    HANDED_TO,
    HAPPENING_AFTER,
    LEAD_IN,
    LIGHT_VERB_BEFORE,
    NO_SIGN,
    ONGOING_BEFORE,
    OWN_CONDITION,
    OWN_REPORTER,
    PLACELESS,
    PRIMARY_ROLES,
    PROMISED_EFFORT,
    QUESTION_LINE,
    REMAINS_OF,
    RESOLUTION_WORD,
    SETTING_BEFORE,
    SIDE_BODIES,
    SPECIFICITY,
    STANCE_ON_EFFORT,
    STATEMENT_FAMILY,
    STATEMENT_NOUN,
    TIME_PREPOSITION,
    UNNAMED_SOURCES,
    WISHING_WORDS,
    is_past_form,
)
from kb.extract.model import DraftDate, DraftEvent
from kb.extract.parse import ParsedSentence, parse_sentences
from kb.extract.roles import RoleReader
from kb.extract.sentences import Sentence, is_marker_only, list_marker
from kb.extract.timex import TimeExpression, iso_span, quote_spans, tense_at

#: Session 19 (round 10): the nouns of talks a sentence may tell opening or ending with no party
#: named (:meth:`Extractor._talks_told_before`), and the verbs that tell it.
TALKS_NOUN = re.compile(r"(?i)\b(?:talks|round|negotiations)\b")
TALKS_HAPPENING = re.compile(
    r"(?:\s*,[^,;.]{1,40},|\s+(?:in|at|of)\s+[^,;.]{1,40}?|\s+(?:that|which))?\s+"
    r"(?:(?:have|has|had|will|were|was|are|is)\s+)?(?:opened|open|opens|resumed|resume|resumes|"
    r"began|begin|begins|ended|end|ends|closed|reopened|continued|continue|continues|"
    r"got\s+under\s+way)\b")
#: Talks named to date another act ("Hours before the talks began").
TIME_OF_TALKS = re.compile(r"(?i)\b(?:before|after|since|until|when|as)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,2}$")
#: A side named after its team ("a team of Mossad and Shin Bet officials").
TEAM_OF = re.compile(r"\b(?:team|delegations?|envoys|negotiators)\s+(?:of|from)\s+(?:the\s+)?"
                     r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+and\s+(?:the\s+)?)?$")
#: A side's delegation or team, by its noun.
_DELEGATION = r"(?:delegations?|teams?|negotiators)"
#: A side named with its delegation or team ("Israel's delegation", "a team of Mossad and Shin
#: Bet officials", "the Hamas delegation").
DELEGATION_NEAR = re.compile(r"(?:[’']s)?(?:\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+"
                             r"(?:officials\s+)?(?:" + _DELEGATION + r"|negotiating\s+teams?)\b")

#: The note on an event whose sentence opens an item of a list ("Fourth:", "7.", "-").
LIST_POINT = "the point of a list its sentence opens"

#: A sentence naming the target of a strike told just before: "The target, Israel says, was",
#: "Its main target was", "The targets of the strike were".
TARGET_WAS = re.compile(r"(?i)(?:the|its|their)\s+(?:main\s+|intended\s+|chief\s+)?(targets?)"
                        r"(?:\s+of\s+the\s+(?:strike|attack|raid|operation))?(?:,\s*[^,.;]{1,40},)?"
                        r"\s+(?:was|were)\s+")

#: A truce named with its two parties: "the ceasefire between Israel and Hamas".
_PARTY = r"((?-i:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))"
#: Two parties of a truce or a deal: "the ceasefire between Israel and Hamas", "a deal between
#: X and Y", "Israel and Hamas have agreed to a ceasefire".
TRUCE_BETWEEN = re.compile(r"(?i)\b(?:ceasefire|cease-fire|truce|pause\s+in\s+fighting|deal|"
                           r"agreement)\s+between\s+" + _PARTY + r"\s+and\s+" + _PARTY
                           + r"|(?<![\w’'-])" + _PARTY + r"\s+and\s+" + _PARTY
                           + r"\s+(?:have\s+|had\s+)?(?:agreed|signed|reached|accepted)\b")


#: What tells the counterparts of a meeting as met in turn: "met A and then B", "met A, then spent
#: two hours with B", "... and afterwards with B".
IN_TURN = re.compile(r"(?i)(?:,\s*|\s+)(?:and\s+)?(?:then|afterwards?|later)\b")
#: What says a meeting's counterparts were met apart: "held separate talks with A and with B",
#: "met A and B separately".
APART = re.compile(r"(?i)\bseparate(?:ly)?\b")
#: Where the counterparts met apart part: "A, and with B", "A and B".
APART_AND = re.compile(r"(?i)(?:,\s*|\s+)and\s+")

#: A verb coordinated with a speech verb after the words it reports, closed by a quotation mark
#: or a comma ('said "there is no deal" and rejected ...', 'called it "unrealistic", yet agreed
#: to ...'): the speaker's second act, not what the words tell. (Searched from the speech verb's
#: end up to the act's verb.)
COORDINATED_ACT = re.compile(r"(?:[\u201d\"],?|,)\s*(?:and|but|yet)\s+(?:(?:also|then|later|"
                             r"\w+ly)\s+)?$")

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
        self._document: DraftEvent | None = None  # a statement's own, from its heading
        #: the open list: its lead-in's event and sentence, and where its last line ends
        self._lead: tuple[DraftEvent, Sentence] | None = None
        self._list_end = 0
        self._marked = False  # whether the open list's items are marked ("1.", "-")
        #: what was found in each sentence, by index, for the stages after the rules
        #: (:mod:`kb.extract.sentence_stage`): its actor mentions (the list the rules go on
        #: amending) and the types of its cue words as the lexicon found them
        self.found_mentions: dict[int, list[Mention]] = {}
        self.found_cues: dict[int, list[str]] = {}

    def run(self, sentences: list[Sentence],
            parses: dict[int, ParsedSentence | None] | None = None) -> list[DraftEvent]:
        """Read every sentence: one event per mention (:func:`kb.extract.merge.merge` joins
        the mentions of one event); ``parses`` are the sentences' parses by index, if made."""
        self.parses = parses if parses is not None else dict(zip(
            (s.index for s in sentences), parse_sentences(
                [s.text for s in sentences], [s.start for s in sentences]), strict=True))
        for sentence in sentences:
            self._sentence(sentence)
        if self._document is not None and not self._said_in_text(self._document):
            self.events.append(self._document)  # last, so that a statement of its text joins it
        self._join_short_names()
        return self.events

    def _join_short_names(self) -> None:
        """A surname met before the full name ("Barnea ... David Barnea") is that person; an
        event that named an actor the reader replaced names the one that took its place."""
        renamed: dict[str, str] = dict(self.replaced)
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
            event.actors = list(dict.fromkeys((renamed.get(a, a), r) for a, r in event.actors))
            event.fallback = list(dict.fromkeys((renamed.get(a, a), r) for a, r in event.fallback))
            if event.according_to in renamed:
                event.according_to = self._claimant(renamed[event.according_to], "said")

    def _sentence(self, sentence: Sentence) -> None:
        quotes = [(sentence.start + a, sentence.start + b) for a, b in quote_spans(sentence.text)]
        context = Context(sentence, quotes, self._mentions(sentence, quotes),
                          self._cues(sentence, quotes), parsed=self.parses.get(sentence.index))
        self.found_mentions[sentence.index] = context.mentions
        self.found_cues[sentence.index] = [cue.type for cue in context.cues]
        self._absorb(context)
        self._frames(context)
        self._resolve_first_person(context)
        self._upgrade(context)
        self._reported_topics(context)
        context.expressions = [e for e in self.expressions
                               if e.start >= sentence.start and e.end <= sentence.end]
        self._owners(context)
        claimant = next((m.actor for m in context.mentions
                         if m.prep == "according to" and not m.modifier), None)
        drafted: list[tuple[Cue, DraftEvent]] = []
        asked = self._question(context)
        for cue in context.cues:
            if not cue.absorbed and not asked:
                event = self._event(cue, context, claimant)
                if event is not None:
                    drafted.append((cue, event))
        if not asked:
            drafted += self._own_condition(context, drafted, claimant)
        self._coupled_makers(drafted)
        if self._document is None:
            self._document = self._document_statement(context, claimant)
        told = self._told_acts(drafted, context) + self._added(drafted) + \
            self._attributions(drafted, context)
        kept = [event for cue, event in drafted if not any(cue is t for t in told)]
        kept = self._list_item(context, kept)
        self._mark_points(context, kept)
        kept = self._target_of_the_strike_before(context, kept)
        self._resolution_speaks(context, kept)
        self._talks_told_before(context, kept)
        self._deaths_of_the_strike_before(kept, sentence)
        self.events.extend(kept)
        people = [m for m in context.mentions if not m.modifier and not m.possessive
                  and self._person_of(m.actor)]
        if people:  # "he" in the next sentence: its subject first, else the last one named
            subjects = [self._person_of(m.actor) for m in people
                        if m.prep is None and m.quote is None]
            self.last_person = subjects[0] if subjects else self._person_of(people[-1].actor)

    def _resolution_speaks(self, context: Context, kept: list[DraftEvent]) -> None:
        """What a resolution told just before says is its body's act: "The Security Council
        passed a resolution ... It also asks the Secretary-General to ...", "The text ...
        demands the release of ...": the speaker is the body that passed it (a pronoun "it"
        names no person). A sentence telling a resolution passed by a body (no person) makes
        it the one later sentences speak of."""
        sentence = context.sentence
        spoken: list[int] = []  # where the verbs the resolution is the subject of stand
        for event in kept:
            if event.type not in STATEMENT_FAMILY or event.cue_part == "noun":
                continue
            word = context.parsed.head_of(event.cue[1], event.cue[2]) \
                if context.parsed is not None else None
            joined = word is not None and word.dep_ == "conj" and \
                context.parsed.span(word.head)[0] in spoken  # "It asks X to ..., and demands Y"
            body = self.resolution_body(sentence, event.cue[1])
            if body is None and joined and self.resolution is not None:
                body = self.resolution[0]
            speakers = [a for a, r in event.actors if r == "speaker"]
            if body is not None and set(speakers) == {body}:
                spoken.append(event.cue[1])  # (the speech verb's speaker: already the body)
                continue
            if body is None or (speakers and not joined
                                and not all(self._person_of(a) for a in speakers)):
                continue
            spoken.append(event.cue[1])
            event.actors = [(body, "speaker")] + [
                (a, r) for a, r in event.actors if r != "speaker" and a != body]
            event.parsed = [*event.parsed, "the resolution told before speaks for its body"]
        passed = next((e for e in kept if e.type == "Demand" and RESOLUTION_WORD.search(
            self.text, e.cue[2], e.cue[2] + 40) and e.primary()
            and not any(self._person_of(a) for a in e.primary())), None)
        if passed is not None:  # ("passed a resolution", "adopted resolution 2720")
            body = [a for a, r in passed.actors if r == "speaker"] or passed.primary()
            self.resolution = (body[0], sentence.index)

    def _talks_told_before(self, context: Context, kept: list[DraftEvent]) -> None:
        """Talks or a round that the sentence says opened, resumed or ended with no one named as
        taking part ("The talks resume today.", "The indirect round opened on Sunday"): the
        parties of the talks the article told last (within a few sentences), else the sides
        whose delegations or teams the sentence names ("after Israel's delegation left")."""
        sentence = context.sentence
        for event in kept:
            if event.actors or event.type not in ("Meeting", "NegotiationRound") or \
                    event.cue_part != "noun" or not TALKS_NOUN.search(event.cue[0]) or \
                    not TALKS_HAPPENING.match(self.text, event.cue[2], sentence.end) or \
                    TIME_OF_TALKS.search(self.text, sentence.start, event.cue[1]):
                continue  # ("Hours before the talks began": the talks date another act)
            before = next((e for e in reversed(self.events) if e.type in (
                "Meeting", "NegotiationRound", "Summit")
                and sentence.index - e.sentence_index <= 4 and TALKS_NOUN.search(e.cue[0])
                and any(r == "participant" for _, r in e.actors)), None)
            if before is not None:
                event.actors = [(a, r) for a, r in before.actors if r == "participant"]
                event.parsed = [*event.parsed, "the parties of the talks told before"]
                continue
            teams = [m.actor for m in context.mentions if m.quote is None and (
                self._a_delegation(m) or DELEGATION_NEAR.match(self.text, m.end, sentence.end)
                or TEAM_OF.search(self.text, sentence.start, m.start))]
            earlier = self.found_mentions.get(sentence.index - 1, [])
            if not teams and earlier and "\n\n" not in self.text[earlier[-1].end:sentence.start]:
                # the sentence before, in the same paragraph: "Israeli and Hamas negotiators
                # are sitting in the same resort. The indirect talks that opened on Monday ..."
                teams = [m.actor for m in earlier if m.quote is None and (
                    self._a_delegation(m) or DELEGATION_NEAR.match(self.text, m.end,
                                                                   sentence.start))]
            if teams:
                event.actors = self._with_owners([(a, "participant") for a in dict.fromkeys(teams)])
                event.parsed = [*event.parsed, "the sides whose delegations the sentence names"]

    def _a_delegation(self, mention: Mention) -> bool:
        """Whether a name is itself a side's delegation or team ("Hamas negotiators")."""
        return bool(re.search(r"(?i)\b" + _DELEGATION + "$", self.text[mention.start:mention.end]))

    def _target_of_the_strike_before(self, context: Context,
                                     kept: list[DraftEvent]) -> list[DraftEvent]:
        """The people named as a strike's target in the sentence after it ("Israeli jets struck a
        compound ... The target, Israel says, was Mohammed Deif"): an attack on them by the
        striker, on the strike's day, beside the strike (the gold convention 5: a target whose
        fate is open); the saying that names them is no statement of its own. Returns the
        sentence's events."""
        sentence = context.sentence
        target = TARGET_WAS.match(sentence.text)
        strike = self._strike_before(sentence)
        if target is None or strike is None:
            return kept
        named = [m.actor for m in context.mentions if m.start >= sentence.start + target.end()
                 and not m.possessive and not m.modifier and m.quote is None
                 and self._person_of(m.actor)]
        if not named:
            return kept
        self._order += 1
        attack = DraftEvent(
            type="Attack", date=strike.date, sentences=[sentence.text],
            actors=[(a, r) for a, r in strike.actors if r == "perpetrator"]
            + [(actor, "victim") for actor in dict.fromkeys(named)],
            status="happened", sentence_index=sentence.index, last_index=sentence.index,
            order=self._order, cue=(target.group(1), sentence.start + target.start(1),
                                    sentence.start + target.end(1)),
            sentence_span=(sentence.start, sentence.end), cue_part="noun",
            parsed=["another act", DEATHS_AFTER], after_strike=strike.sentence_index)
        inserted = (sentence.start + target.end(1), sentence.start + target.end())
        kept = [event for event in kept if not (
            event.type == "Statement" and inserted[0] <= event.cue[1] < inserted[1])]
        return [*kept, attack]

    def _strike_before(self, sentence: Sentence) -> DraftEvent | None:
        """The last strike (an attack or a killing) the sentence just before this one told."""
        return next((e for e in reversed(self.events) if e.type in ("Attack", "Killing")
                     and e.sentence_index == sentence.index - 1), None)

    def _deaths_of_the_strike_before(self, kept: list[DraftEvent], sentence: Sentence) -> None:
        """Deaths told with no killer in the sentence after a strike ("Israeli aircraft struck a
        compound in Doha. The group said its team survived, but six people were killed"): the
        striker's killing, a second event beside the strike (the gold convention 5); noted here,
        its killer taken from the strike once the merge has read all of it
        (:func:`kb.extract.merge.deaths_of_strikes`)."""
        strike = self._strike_before(sentence)
        if strike is None:
            return
        for event in kept:
            if event.type != "Killing" or event.actors or event.cue_part == "noun" or \
                    not (event.date.earliest <= strike.date.latest
                         and strike.date.earliest <= event.date.latest):
                continue
            if strike.date.days < event.date.days:
                event.date = strike.date
            event.parsed = [*event.parsed, DEATHS_AFTER]
            event.after_strike = strike.sentence_index

    @staticmethod
    def _coupled_makers(drafted: list) -> None:
        """An act's noun coupled with another's before it ("an Israeli offer of a truce, coupled
        with a demand that Hamas disarm"): made by the same side, whoever conveys both."""
        for number, (cue, event) in enumerate(drafted):
            if "made with another" not in cue.parsed:
                continue
            first = next((other for other_cue, other in reversed(drafted[:number])
                          if other_cue.part == "noun" and other_cue.end <= cue.start
                          and other.primary()), None)
            if first is None:
                continue
            role = next((r for _, r in event.actors if r in PRIMARY_ROLES), "speaker")
            makers = first.primary()
            event.actors = [(actor, role) for actor in makers] + [
                (actor, r) for actor, r in event.actors if r not in PRIMARY_ROLES
                and actor not in makers]

    def _list_item(self, context: Context, kept: list[DraftEvent]) -> list[DraftEvent]:
        """A list told as the items of its lead-in ("Hamas demands the following:" / "1. The
        withdrawal of the occupation forces." / "- the return of the displaced"): an item with no
        verb of its own is an event of the lead-in's type (a precondition where the lead-in says
        the items are conditions), of its actors, on its day, citing the item; an item with its
        own verb keeps its own reading. The lead-in's own event gives way to its items. Returns
        the sentence's events."""
        sentence, text = context.sentence, self.text
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if self._lead is not None:
            lead, lead_sentence = self._lead
            if is_marker_only(sentence.text):
                return kept  # the item's label ("First:", "1."): its words follow
            marker = list_marker(text, sentence)
            if marker is None and line_start < self._list_end:
                return kept  # more of an item's line
            contiguous = not text[self._list_end:line_start].strip()
            verbless = context.parsed is None or not parse.finite_verbs(context.parsed)
            if contiguous and (marker or (verbless and lead_sentence.text.rstrip().endswith(":")
                                          and len(sentence.text.split()) <= 25
                                          and not self._marked)):
                # (a list marked "1.", "-" ends at its first unmarked line: "Glory to ...")
                self._list_end = self._line_end(sentence)
                self._marked = bool(marker)
                if kept or not verbless:
                    for event in kept:  # "- calls on Israel to ...": the lead-in's actor's act
                        self._lead_subject(event, lead, lead_sentence, sentence)
                    return kept  # "2. Hamas will free the hostages": the item's own event
                item = self._item_event(lead, lead_sentence, sentence)
                if lead in self.events:
                    self.events.remove(lead)  # the items are its acts
                return [item]
            self._lead = None
        if LEAD_IN.search(sentence.text) and not text[sentence.end:].split("\n", 1)[0].strip():
            told = kept or ([event for event in self.events if event.sentence_index ==
                             sentence.index - 1] if len(sentence.text.split()) <= 4 else [])
            # ("The council adopted a resolution on Monday. The resolution:": its act's items)
            leads = [event for event in told if event.type in STATEMENT_FAMILY
                     and not event.in_quote and event.actors]
            if leads:
                lead = max(leads, key=lambda e: SPECIFICITY.get(e.type, 0))
                self._lead, self._marked = (lead, sentence), False
                self._list_end = self._line_end(sentence)
        return kept

    def _mark_points(self, context: Context, kept: list[DraftEvent]) -> None:
        """Events of a sentence that opens an item of a list ("Fourth: We support ...", "7. We
        demand ..."): each item is a point of its own, noted on the events so that the merge
        keeps the demands (or other acts) of two points apart (the gold convention 6: one event
        per act)."""
        marker = list_marker(self.text, context.sentence)
        if marker is None:
            return
        for event in kept:
            if event.sentence_index == context.sentence.index:
                event.parsed = [*event.parsed, f"{LIST_POINT}: {marker}"]

    def _lead_subject(self, event: DraftEvent, lead: DraftEvent, lead_sentence: Sentence,
                      sentence: Sentence) -> None:
        """An item that opens with its verb and names no leading actor ("* calls for an
        immediate ceasefire") tells an act of the lead-in's actor, on the lead-in's day if it
        has none of its own."""
        opening = self.text[sentence.start:event.cue[1]]
        if opening.strip() not in ("", list_marker(self.text, sentence) or "") or any(
                role in PRIMARY_ROLES for _, role in event.actors) or not lead.primary():
            return
        role = next((r for a, r in lead.actors if r in PRIMARY_ROLES), "speaker")
        event.actors = [*((a, role) for a in lead.primary()), *event.actors]
        if event.date.source == "window" or event.date.from_context:
            event.date = lead.date
        event.parsed = [*event.parsed, *([] if event.type == "Statement" else ["another act"]),
                        f"an item of the list its lead-in opens: {lead_sentence.text!r}"]

    def _line_end(self, sentence: Sentence) -> int:
        end = self.text.find("\n", sentence.end)
        return len(self.text) if end < 0 else end

    def _item_event(self, lead: DraftEvent, lead_sentence: Sentence,
                    sentence: Sentence) -> DraftEvent:
        """The event a verbless item of a list tells: its lead-in's, citing the item."""
        kind = "Precondition" if lead.type in ("Demand", "Statement") and CONDITIONS.search(
            lead_sentence.text) else lead.type
        self._order += 1
        return DraftEvent(
            type=kind, date=lead.date, sentences=[sentence.text], actors=list(lead.actors),
            status=lead.status, according_to=lead.according_to,
            sentence_index=sentence.index, last_index=sentence.index, order=self._order,
            cue=lead.cue, sentence_span=(sentence.start, sentence.end), cue_part=lead.cue_part,
            parsed=[*lead.parsed, "another act",
                    f"an item of the list its lead-in opens: {lead_sentence.text!r}"])

    def _document_statement(self, context: Context,
                            claimant: str | None) -> DraftEvent | None:
        """A statement's heading line that names its kind ("Statement", "Joint statement by
        Egypt and Qatar"; not a press release, which may only tell a meeting): the document
        itself is its issuer's statement, on its day (a statement of the issuer that day in its
        text is the same one: merged)."""
        sentence = context.sentence
        kind = STATEMENT_NOUN.search(sentence.text)
        if self.signatories is None or kind is None or not (
                sentence.index == 0 or not sentence.text.replace(kind.group(), "").strip()) or \
                re.search(r"[.!?]\s*$", sentence.text):
            return None
        cue = Cue("Statement", sentence.start + kind.start(), sentence.start + kind.end(),
                  kind.group(), "speech", None, first_person=True,
                  parsed=["the document's own heading"])
        event = self._event(cue, context, claimant)
        if event is not None:
            event.actors = self._with_owners([(self.signatories, "speaker")])
            event.status = "happened"
        return event

    def _said_in_text(self, document: DraftEvent) -> bool:
        """Whether the issuer's own words in the text, on the document's day, make a demand, a
        vow or a threat ("We welcome the agreement and urge both parties ..."): that saying is
        the document's statement (a condition set in its voice, "The prisoners will not be freed
        until ...", is an act it announces)."""
        issuer = set(document.primary())
        return any(event.type in STATEMENT_FAMILY and event.type != "Statement"
                   and OWN_CONDITION not in event.parsed and issuer & set(event.primary())
                   and event.date.edtf == document.date.edtf for event in self.events)

    def _own_condition(self, context: Context, drafted: list,
                       claimant: str | None) -> list[tuple[Cue, DraftEvent]]:
        """A condition the text sets in its own voice, with no speech verb: a statement's ("The
        prisoners will not be released until ...") or an interviewee's answer ("We will free
        them only if ..."): a precondition of the ones the text speaks for, on its day. Words
        that a speech verb reports are that verb's (:meth:`CueReader._upgrade`)."""
        sentence = context.sentence
        voice = next((m.actor for m in context.mentions if m.pronoun == "first"
                      and m.quote is None), None) or self.signatories
        if voice is None or any(event.type in STATEMENT_FAMILY for _, event in drafted) or \
                QUESTION_LINE.match(self.text, self.text.rfind("\n", 0, sentence.start) + 1):
            return []
        found = CONDITION.search(self.text, sentence.start, sentence.end)
        if found is None or any(a <= found.start() < b for a, b in context.quotes) or any(
                f.start <= found.start() < f.end for f in context.frames) or any(
                m.start == found.start() and m.actor != voice for m in context.mentions) or \
                re.match(r"(?i)(?:he|she)\b" if voice == self.signatories else
                         r"(?i)(?:he|she|it|they)\b", found.group()):
            return []  # ("Hamas will not free them until ...", "he will not ...": another's
            # condition, told; in an answer "it", "they" are others too)
        cue = Cue("Precondition", found.start(), found.end(), found.group(), "speech", None,
                  first_person=True, parsed=[OWN_CONDITION])
        event = self._event(cue, context, claimant)
        if event is None:
            return []
        event.actors, event.status = self._with_owners([(voice, "speaker")]), "happened"
        return [(cue, event)]

    @staticmethod
    def _question(context: Context) -> bool:
        """Whether the sentence is a question of the writer's ("How was he killed?", "Will
        Hamas accept?"): it asks, it tells no event (one quoted in it is someone's words)."""
        text = context.sentence.text.rstrip()
        return text.endswith("?") and not any(
            a <= context.sentence.start + len(text) - 1 < b for a, b in context.quotes)

    def _person_of(self, actor_id: str) -> str | None:
        """The person a mention names: a person, or a surname first met alone (in a headline,
        "the Witkoff plan") of a person named in full since ("Mr Witkoff held talks")."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        if actor.type == "person":
            return actor_id
        if not actor.known and " " not in actor.name:
            return self._surname_match(actor.name)
        return None

    @staticmethod
    def _attributions(drafted: list, context: Context) -> list:
        """A speech verb after the words it reports that tell a killing, an attack or a release
        ("X was killed in a strike on Tuesday, the group said"): its attribution, no statement."""
        found = []
        for cue, event in drafted:
            if event.type != "Statement" or cue.part != "speech":
                continue
            frame = next((f for f in context.frames if f.cue is cue), None)
            if frame is None or frame.end > cue.start:
                continue
            if any(other.type in ("Killing", "Attack", "HostageRelease")
                   and other_cue.part != "noun"
                   and frame.start <= other_cue.start < frame.end
                   for other_cue, other in drafted):
                found.append(cue)
        return found

    @staticmethod
    def _added(drafted: list) -> list:
        """A speech participle after a comma ("said on Monday ..., adding that ...", "...,
        saying ...") that goes on with the statement of a speech verb before it in the sentence,
        of the same speaker: one statement."""
        added = []
        for number, (cue, event) in enumerate(drafted):
            if cue.part != "speech" or not cue.text.lower().endswith("ing") or \
                    event.type not in STATEMENT_FAMILY:
                continue
            speakers = {actor for actor, role in event.actors if role == "speaker"}
            if any(((other_cue.part == "speech" and other.type in STATEMENT_FAMILY) or other.type in (
                        "Rejection", "Acceptance", "Offer")) and other_cue.end <= cue.start
                   and speakers & set(other.primary()) for other_cue, other in drafted[:number]):
                added.append(cue)  # (and "Hamas rejected it, saying ...": the rejection)
        return added

    def _told_acts(self, drafted: list, context: Context) -> list:
        """The speech verbs whose words report the speaker's own answer, offer or strike, on the
        same day ("Hamas told the mediators on Monday that it accepted their proposal", "said it
        had rejected the plan", "Israel said its jets struck launchers"): one event, the act,
        which cites the sentence; not a statement too. A killing the speaker announces ("Israel
        said on Tuesday that it had killed X") is both: the death and the announcing (the gold
        convention 5 of benchmarks/devset/README.md)."""
        told = []
        for cue, event in drafted:
            if event.type != "Statement" or cue.part != "speech":
                continue
            frame = next((f for f in context.frames if f.cue is cue and f.speaker), None)
            if frame is None:
                continue
            speakers = {actor for actor, role in event.actors if role == "speaker"}
            for other_cue, other in drafted:
                if other is event or other.type not in (
                        "Acceptance", "Rejection", "Offer", "HostageRelease", "Attack") or \
                        other_cue.part != "verb" or not frame.start <= other_cue.start < frame.end:
                    continue
                if COORDINATED_ACT.search(self.text, cue.end, other_cue.start):
                    continue  # 'said "there is no deal" and rejected the claim': a second act
                    # of the speaker, told beside the words, not in them
                doers = {actor for actor, role in other.actors if role in (
                    "responder", "offerer", "participant", "releaser", "perpetrator")}
                if speakers and speakers <= doers and (
                        other.date.edtf == event.date.edtf or (
                            other.date.source == "window"
                            and other.date.earliest <= event.date.earliest <= other.date.latest)):
                    told.append(cue)
                    break
        return told

    def _reported_topics(self, context: Context) -> None:
        """An event noun in the words a speaker reports, without a date of its own or a verb
        making it happen, is what the statement is about ("said the talks had been
        constructive", "said the plan fell short of Israel's demands"): no event of its own."""
        for cue in context.cues:
            if cue.part != "noun" or cue.absorbed or cue.quote is not None or \
                    cue.type in STATEMENT_FAMILY:  # those make the statement a demand, a vow
                continue
            frame = next((f for f in context.frames if not f.report and f.speaker
                          and f.start <= cue.start < f.end and f.cue.end <= cue.start), None)
            if frame is None:
                continue
            before = self.text[frame.cue.end:cue.start]
            after = self.text[cue.end:context.sentence.end]
            dated = any(0 <= e.start - cue.end <= 25 or 0 <= cue.start - e.end <= 3
                        for e in self.expressions if e.kind != "duration"
                        and context.sentence.start <= e.start < context.sentence.end)
            if not (dated or LIGHT_VERB_BEFORE.search(before) or HAPPENING_AFTER.match(after)
                    or SETTING_BEFORE.search(before) or OWN_SETTING_BEFORE.search(before)):
                cue.absorbed = True

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
            frame.speaker = self._unnamed_side(cue, context)
            if frame.speaker is None:
                return None  # an unnamed source's words: no statement to curate
            # ("An Israeli official said the gaps remained wide": Israel's words)
        if cue.quote is not None and kind not in STATEMENT_FAMILY and not (
                (cue.part != "noun" and is_past_form(cue.text))
                or tense_at(self.text, cue.start, cue.end) == "past"):
            return None  # intentions in quotations stay words
        if self._denied(cue, context):
            return None  # "denied reports that it had accepted the plan": nothing happened
        if self._negated(cue, context):
            return None  # "Israel has not rejected the offer", "did not meet": nothing happened
        if self._supposed(cue, context):
            return None  # "would be spared if they freed the captives": nothing happened
        if self._wished(cue, context):
            return None  # "he hoped to see a ceasefire in place", "freeing the hostages was
            # among his tasks": hoped for, nothing happened
        if cue.part in ("speech", "report") and OWN_REPORTER.search(
                self.text, sentence.start, cue.start):
            return None  # "Our correspondent Karim Nassar reports": the outlet's own telling
        if kind == "Effort" and self._effort_not_made(cue, context):
            return None  # "will continue its efforts", "supporting Israel's efforts"
        if cue.part != "noun" and re.search(r"(?i)\bstill\s+$", self.text[sentence.start:cue.start]):
            return None  # "it was Sinwar who still demanded an end to the war": a stance held
        expression, source = self._expression_for(cue, context)
        if expression is None and QUESTION_LINE.match(self.text, self.text.rfind(
                "\n", 0, sentence.start) + 1):
            return None  # "Q: Hamas says there will be no deal ...", "Q: ... the text Hamas
            # accepted ...": the interviewer's premise (but "Q: On Monday X met Y")
        status = self._status(cue, sentence, expression)
        if cue.part == "noun" and EXPECTED_AT.search(self.text, sentence.start, cue.start):
            return None  # "is expected in Paris today for a meeting": an expectation
        anchor_date = None
        outer = [f for f in context.frames if f.cue is not cue and f.start <= cue.start < f.end]
        if cue.quote is not None and outer:
            said, _ = self._expression_for(outer[0].cue, context)
            if said is not None and said.precision == "day":
                anchor_date = said.earliest  # "the last couple of days" said on Thursday
        cue.passive = cue.passive or self._participle_of_noun(cue, context)
        self._order += 1
        if expression is None and cue.quote is None and (
                cue.first_person or self._present_speech(cue, context)) and \
                self.resolution_body(sentence, cue.start) is None:
            when = self._today()  # "We affirm ...", "Qatar reaffirms ...": the day of the text,
            # not of its story (but "It also asks ...": what a resolution passed says)
        else:
            when = self._draft_date(expression, source, status, anchor_date,
                                    self.context.get(sentence.index))
        event = DraftEvent(
            type=kind, date=when,
            sentences=[sentence.text], actors=self._with_owners(self._roles(cue, context)),
            place=None if kind in PLACELESS else self._place(cue, context),
            status=status, sentence_index=sentence.index, last_index=sentence.index,
            order=self._order, cue=(cue.text, cue.start, cue.end),
            sentence_span=(sentence.start, sentence.end), in_quote=cue.quote is not None,
            cue_part=cue.part, parsed=cue.parsed + (["another act"] if self._another_act(
                cue, context) else []), calls=[list(group) for group in cue.calls])
        said = self._done_before_saying(cue, context, outer, expression, source)
        if said is not None and expression is not None and not self._sides(
                [said[1]]) & self._sides(event.primary()):
            day = said[0]  # (but "Israel said on Tuesday that it had killed X": the side's own
            # act, told that day, is dated by the telling)
            event.date = DraftDate(
                expression.text, day.isoformat(), iso_span(day - timedelta(days=6), day),
                day - timedelta(days=6), day, "sentence",
                "An act in the past perfect told by another side's saying of that day: the week "
                "up to the saying (often the day before it). Check its day.",
                (expression.start, expression.end))
        if kind == "Meeting" and not event.calls:
            event.calls = self._met_in_turn(cue, context, event)
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
                                if c.type == "means" and c.start > cue.end), None) or next(
                (c.text for c in reversed(context.cues)
                 if c.type == "means" and c.end <= cue.start), None)  # "a drone strike killed"
        quoted = self._quoted_side(cue, context) if kind == "MediaReport" else None
        if quoted is not None:  # "Al Qahera News quoted an Egyptian official as saying ...":
            event.type = "Statement"  # the side's statement (the gold convention 1)
            event.actors = self._with_owners([(quoted, "speaker")])
            event.parsed = [*event.parsed, "an unnamed official of a side quoted"]
        if kind == "Acceptance" and cue.text == "reached":
            event.actors = self._with_owners(self._deal_parties(cue, context)) + [
                pair for pair in event.actors if pair[1] != "responder"]
        if kind in ("Rejection", "Acceptance"):
            self._answer(event, cue, sentence)
        if kind == "HostageRelease":
            self._remains(event, cue, context)
            self._not_released(event, cue, context)
        if kind == "Ceasefire" and not event.actors and cue.part == "noun":
            if not re.search(r"(?i)\b(?:once|when|until|till|unless|if|after|before)\s+(?:the\s+)?$",
                             self.text[max(0, cue.start - 30):cue.start]):
                # (not "would open the crossing once the truce begins": a condition, no event)
                event.actors = self._truce_parties(cue) or self._gaza_truce(cue)
        event.anaphoric = cue.definite and (not event.actors or (
            kind in ("Killing", "Attack", "HostageRelease") and cue.part == "noun"
            and source != "own" and frame is None and any(
                f.cue.end <= cue.start < f.end for f in context.frames)))
        # ("the military confirmed the killing": the killing told before, not a new one)
        if not event.actors and cue.part == "noun" and not self._time_reference(cue, context):
            fallback = [m for m in context.mentions if self._eligible(m, cue) and m.prep is None
                        and m.start < cue.start]
            if fallback:
                role = "speaker" if kind in STATEMENT_FAMILY else "participant"
                event.fallback = self._with_owners([(fallback[0].actor, role)])
        return event

    def _sides(self, actors: list[str]) -> set[str]:
        """The actors and the sides they stand for (:meth:`_sides_of`), and a body's country by
        the demonym its name opens with ("Israeli Prime Minister's Office": Israel)."""
        sides = set()
        for actor in actors:
            sides |= self._sides_of(actor)
            known = self.actors.get(actor)
            words = known.name.split() if known is not None else []
            if words and words[0] in DEMONYMS:
                sides.add(self._actor_named(DEMONYMS[words[0]]))
        return sides - {None}

    def _done_before_saying(self, cue: Cue, context: Context, outer: list,
                            expression: TimeExpression | None,
                            source: str) -> tuple[date, str] | None:
        """The day and the speaker of the saying that reports a cue in the past perfect with no
        date of its own ("Hamas said on Friday that Israel had rejected the proposal"): what it
        had done was done by that day, often the day before it (but "said on Friday Israel
        rejected it": that day; "had rejected it on Tuesday": its own day)."""
        if expression is None or source == "own" or expression.precision != "day" or \
                expression.earliest != expression.latest or cue.part == "noun" or \
                cue.quote is not None or cue.type == "Acceptance":
            return None  # (an agreement told as reached is dated by its telling: "Qatar said on
            # Thursday that Israel and Hamas had agreed to a ceasefire")
        word = context.head(cue)
        if word is None or word.tag_ not in ("VBN", "VBD") or not any(
                child.dep_ in ("aux", "auxpass") and child.lower_ == "had"
                for child in word.children):
            return None
        saying = next((f for f in outer if f.cue.end <= cue.start), None)
        if saying is None or saying.speaker is None:
            return None
        said, _ = self._expression_for(saying.cue, context)
        return (expression.earliest, saying.speaker) if said is expression else None

    def _met_in_turn(self, cue: Cue, context: Context, event: DraftEvent) -> list[list[str]]:
        """The counterparts of a meeting met one after the other ("met Netanyahu and then the war
        cabinet") or apart ("held separate talks with the emir of Qatar and with the king of
        Jordan"): one meeting with each group (the gold conventions 3 and 6: one event per act),
        split by :func:`kb.extract.merge.one_call_each`; none when the words say no such thing
        or name one group only."""
        sentence = context.sentence
        participants = {a for a, r in event.actors if r == "participant"}
        after = [m for m in context.mentions if m.start >= cue.end and m.actor in participants
                 and m.quote is None]
        before = {m.actor for m in context.mentions if m.end <= cue.start}
        after = [m for m in after if m.actor not in before]
        if len(after) < 2 or cue.part not in ("verb", "noun"):
            return []
        stretch = (after[0].end, after[-1].start)
        cuts = [m.start() + stretch[0] for m in IN_TURN.finditer(
            self.text[stretch[0]:stretch[1]])]
        if not cuts and APART.search(sentence.text):
            cuts = [m.start() + stretch[0] for m in APART_AND.finditer(
                self.text[stretch[0]:stretch[1]])]
        if not cuts:
            return []
        bounds = [*cuts, sentence.end]
        groups: list[list[str]] = [[] for _ in bounds]
        for mention in after:
            slot = next(n for n, bound in enumerate(bounds) if mention.start < bound)
            groups[slot].append(mention.actor)
        groups = [list(dict.fromkeys(g)) for g in groups if g]
        if len(groups) < 2 or any(set(a) & set(b) for n, a in enumerate(groups)
                                  for b in groups[n + 1:]):
            return []
        event.parsed = [*event.parsed, "met in turn or apart: " + "; ".join(
            ", ".join(g) for g in groups)]
        return groups

    def _quoted_side(self, cue: Cue, context: Context) -> str | None:
        """The side an outlet quotes an unnamed official or source of ("quoted an Egyptian
        official as saying", "quoted a senior Hamas source as saying"): named by a demonym or by
        a known actor before the noun, one side and no person; ``None`` otherwise."""
        if not cue.text.lower().startswith("quot"):
            return None
        found = re.match(r"\s+(?:an?|the|one|two|several)\s+((?:[\w’'-]+\s+){0,3}?)(\w+?)s?\s+"
                         r"(?:(?:on|late|early|last)\s+\w+\s+)?(?:as\s+)?saying\b",
                         self.text[cue.end:context.sentence.end])
        if found is None or found.group(2).lower() not in UNNAMED_SOURCES:
            return None
        start, end = cue.end + found.start(1), cue.end + found.end(1)
        sides = {m.actor for m in context.mentions if start <= m.start and m.end <= end
                 and m.quote is None and not m.actor.startswith("@")}
        sides |= {self._new_actor(DEMONYMS[word], "country") for word in found.group(1).split()
                  if word in DEMONYMS}
        known = [self.actors.get(actor) for actor in sides]
        if len(sides) != 1 or any(a is None or a.type == "person" for a in known):
            return None
        return sides.pop()

    def _deal_parties(self, cue: Cue, context: Context) -> list[tuple[str, str]]:
        """The parties a deal was reached between ("was reached between the State of Israel and
        the Hamas movement through mediation"): those named after "between", up to a word that
        opens another phrase; each accepted it."""
        between = re.match(r"\s+between\s+(.*?)(?=\s+(?:through|via|by|with|under|after|on|in|"
                           r"at|mediated|brokered)\b|[.;,]|$)", self.text[cue.end:context.sentence.end])
        if between is None:
            return []
        start, end = cue.end + between.start(1), cue.end + between.end(1)
        parties = [m.actor for m in context.mentions if start <= m.start and m.end <= end
                   and not m.modifier and not m.possessive and m.quote is None]
        return [(actor, "responder") for actor in dict.fromkeys(parties)]

    def _unnamed_side(self, cue: Cue, context: Context) -> str | None:
        """The side an unnamed speaker belongs to, by the parse: the subject of the speech verb is
        an official, a source or a spokesman whose words name a country or a group and no person
        ("A Hamas official said", "an Israeli official told reporters", "Egyptian sources said",
        "a spokesman for Hamas said"): that side speaks (not "officials said", "a source close
        to the talks said", "the army said"), unless it follows its words (then what it
        vouches for is the news, as before)."""
        word = context.head(cue)
        if word is None or context.parsed is None:
            return None
        frame = next(f for f in context.frames if f.cue is cue)
        if frame.end <= cue.start:
            return None  # "The hostages met their families, an Israeli official said", "Israel
            # sent no one, an Egyptian source told AFP": the words are the news, an unnamed
            # source after them only vouches for them (before them, "An Israeli official said
            # that the three had agreed to meet", the side speaks)
        subject = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and word.dep_ in ("advcl", "xcomp", "conj") and word.tag_ == "VBG":
            # "A Hamas official poured cold water on it, telling reporters ...": the subject of
            # the verb the participle hangs from
            subject = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        if subject is None and word.dep_ == "conj" and word.head.pos_ in ("VERB", "AUX"):
            # "A source on the Israeli team went further and called it ...": the subject of
            # the first verb speaks
            subject = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in UNNAMED_SOURCES | SIDE_BODIES:
            return None
        if any(c.lower_ == "same" for c in subject.children):  # "the same official said"
            return self.unnamed_sides.get(subject.lemma_.lower())
        start, end = context.parsed.span(subject.left_edge)[0], context.parsed.span(
            subject.right_edge)[1]
        after_noun = [c for c in subject.children if c.dep_ in ("acl", "relcl")]
        # ("A US official travelling with Blinken said": whom the clause after the noun names is
        # no side of the official)
        clauses = [context.parsed.span(c.left_edge)[:1] + context.parsed.span(c.right_edge)[1:]
                   for c in after_noun]
        sides = {m.office or m.actor for m in context.mentions if start <= m.start
                 and m.end <= end and m.quote is None and not m.actor.startswith("@")
                 and not any(first <= m.start and m.end <= last for first, last in clauses)}
        # ("an official in Netanyahu's office said": the office of his post speaks)
        clause_words = {t.i for c in after_noun for t in c.subtree}
        sides |= {self._new_actor(DEMONYMS[t.text], "country") for t in subject.subtree
                  if t.text in DEMONYMS and t.i not in clause_words and (
                      t.dep_ in ("amod", "compound") or (
                      t.dep_ == "conj" and t.head.dep_ in ("amod", "compound")))}
        # ("a spokesman for the Egyptian presidency": the side of the body he speaks for)
        known = [self.actors.get(actor) for actor in sides]
        if len(sides) != 1 or any(a is None or a.type == "person" for a in known):
            return None
        self.unnamed_sides[subject.lemma_.lower()] = next(iter(sides))
        return sides.pop()

    @staticmethod
    def _participle_of_noun(cue: Cue, context: Context) -> bool:
        """Whether the parse makes a cue verb a past participle describing the noun before it
        ("16 Oct 2024 - Sinwar killed in Rafah", "a commander killed in the strike"): that
        noun is the one acted on."""
        word = context.head(cue)
        return cue.part == "verb" and word is not None and word.tag_ == "VBN" and \
            word.dep_ == "acl" and word.head.i < word.i

    @staticmethod
    def _another_act(cue: Cue, context: Context) -> bool:
        """Whether the parse gives a cue verb "also" or "further" ("It further calls upon all
        parties", "Egypt also urged"), or the verb it is coordinated with ("It also asks X to
        ..., and demands Y"): an act besides one told before, not its repetition."""
        word = context.head(cue)
        if cue.part == "noun" or word is None:
            return False
        while word.dep_ == "conj" and word.head is not word:  # "It also asks X ..., and demands
            if any(c.dep_ == "advmod" and c.lower_ in ANOTHER_ACT for c in word.children):
                return True  # Y": "also" goes with both verbs
            word = word.head
        return any(c.dep_ == "advmod" and c.lower_ in ANOTHER_ACT for c in word.children)

    def _time_reference(self, cue: Cue, context: Context) -> bool:
        """Whether an event noun with its date names a time ("since the Oct. 7 attack", "freed in
        the truce of November 2023"): the sentence's subject took no part in it."""
        start = context.sentence.start
        for expression in context.expressions:
            if expression.kind == "duration":
                continue
            if 0 <= cue.start - expression.end <= 1:  # "the Oct. 7 attack"
                opening = expression.start
            elif re.fullmatch(r"\s+of\s+", self.text[cue.end:expression.start]):
                opening = cue.start  # "the truce of November 2023"
            else:
                continue
            if TIME_PREPOSITION.search(self.text, start, opening) or re.match(
                    r"(?i)(?:since|after|before|until)\s", expression.text):
                return True  # (an anchored expression holds its preposition: "since the Oct. 7")
        return False

    @staticmethod
    def _present_speech(cue: Cue, context: Context) -> bool:
        """Whether a speech verb is in the simple present by the parse ("Qatar says the talks
        will resume", "The State of Qatar reaffirms its position", "Egypt and Qatar affirm"):
        said now, on the text's day."""
        parsed = context.parsed
        word = parsed.head_of(cue.start, cue.end) if parsed is not None and \
            cue.part == "speech" else None
        return word is not None and word.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in word.children)

    def _gaza_truce(self, cue: Cue) -> list[tuple[str, str]]:
        """The parties of a truce that takes effect ("the truce is now in effect across the Gaza
        Strip") in an article about Gaza that has named Israel and Hamas before it and no other
        pair: the two of them."""
        if "happening" not in cue.parsed or "Gaza" not in self.text:
            return []
        before = self.text[:cue.start]
        if re.search(r"(?<![\w-])(?:Hezbollah|Lebanon|Iran|Houthis?)(?![\w-])", before):
            return []  # another war's truce may be meant
        parties = [self._actor_named(name) for name in ("Israel", "Hamas")
                   if re.search(r"(?<![\w-])" + name + r"(?![\w-])", before)]
        if len(parties) != 2 or not all(parties):
            return []
        return [(actor, "participant") for actor in parties]

    def _truce_parties(self, cue: Cue) -> list[tuple[str, str]]:
        """The parties of "the ceasefire" without any named in its sentence: those of the last
        truce the article named between two parties ("The ceasefire between Israel and Hamas
        ... The ceasefire is in force")."""
        between = list(TRUCE_BETWEEN.finditer(self.text, 0, cue.start))
        if not between:
            return []
        parties = [name for name in between[-1].groups() if name]
        named = [self._actor_named(name) for name in parties]
        if not all(named):
            return []
        return [(actor, "participant") for actor in named]

    def _remains(self, event: DraftEvent, cue: Cue, context: Context) -> None:
        """The dead whose remains a handing over returns ("handed over to the Red Cross the
        remains of Sudthisak Rinthalak"): the released, named right after "the remains of"."""
        remains = REMAINS_OF.search(self.text, cue.end, min(context.sentence.end, cue.end + 60))
        if remains is None or not re.fullmatch(r"\s*(?:over\s+)?(?:to\s+(?:the\s+)?[\w\s]{2,40}?\s+)?",
                                               self.text[cue.end:remains.start()]):
            return
        named = [m.actor for m in context.mentions if m.start == remains.end() and m.quote is None]
        known = {actor for actor, _ in event.actors}
        event.actors = event.actors + [(actor, "released") for actor in named if actor not in known]

    def _not_released(self, event: DraftEvent, cue: Cue, context: Context) -> None:
        """The body hostages are handed to ("to the International Committee of the Red Cross")
        is not among the released."""
        handed = HANDED_TO.search(self.text, cue.end, context.sentence.end)
        if handed is None:
            return
        bodies = {m.actor for m in context.mentions
                  if handed.start() <= m.start and m.end <= handed.end()}
        event.actors = [(actor, role) for actor, role in event.actors
                        if not (role == "released" and actor in bodies)]

    @staticmethod
    def _denied(cue: Cue, context: Context) -> bool:
        """Whether a cue sits in what someone denies or dismisses ("denied that it had struck
        the school", "dismissed reports that talks had resumed") or in what there is no sign of
        ("no sign that Hamas had delivered its answer"), by the parse."""
        word = context.head(cue)
        return word is not None and any(
            node.lemma_.lower() in DENYING_VERBS or (node.lemma_.lower() in NO_SIGN and any(
                c.dep_ == "det" and c.lower_ == "no" for c in node.children))
            for node in parse.ancestors(word))

    @staticmethod
    def _effort_not_made(cue: Cue, context: Context) -> bool:
        """Whether the verb an effort hangs from promises it ("will continue its efforts",
        "would redouble its efforts") or is another's stance on it ("supporting Israel's
        efforts", "damages the effort"), by the parse: no effort made that day."""
        word = context.head(cue)
        verb = next((node for node in parse.ancestors(word) if node.pos_ in ("VERB", "AUX")),
                    None) if word is not None else None
        if PROMISED_EFFORT.search(context.sentence.text[:cue.start - context.sentence.start]):
            return True  # "will continue, together with its partners, its efforts" (which the
            # parse may hang from the verb of saying)
        return verb is not None and (verb.lemma_.lower() in STANCE_ON_EFFORT or any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in verb.children))

    @staticmethod
    def _supposed(cue: Cue, context: Context) -> bool:
        """Whether the parse puts a cue verb, or an event noun as its clause's subject, in a
        clause of condition ("if they laid down their arms and freed the captives", "unless
        Israel withdraws", "until ... a ceasefire was in place") or of a question ("whether the
        talks survived the blast", "unclear whether Hamas had accepted"): supposed, not told."""
        word = context.head(cue)
        if word is not None and cue.part == "noun":  # "until ... a ceasefire was in place"
            word = word.head if word.dep_ in ("nsubj", "nsubjpass") else None
        while word is not None and word.dep_ == "conj" and word.head is not word:
            word = word.head  # ("laid down ... and freed": the clause of the first verb)
        return word is not None and any(c.dep_ == "mark" and (c.lower_ == "whether" or (
            word.dep_ == "advcl" and c.lower_ in ("if", "unless", "until"))) for c in word.children)

    @staticmethod
    def _wished(cue: Cue, context: Context) -> bool:
        """Whether the parse puts a cue that is no speech in what someone hopes or wants ("he
        hoped to see a ceasefire in place", "the hostages whom Israel wanted freed") or in an aim
        ("ending the war and freeing the hostages were among the tasks of his last months"):
        wished for, not told. Only the chain of complements above the cue counts ("said it
        hoped ... and that Hamas had freed": the freeing is told)."""
        if cue.part in ("speech", "report") or cue.type in STATEMENT_FAMILY:
            return False
        word = context.head(cue)
        if word is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in WISHING_WORDS for c in word.children):
            return True  # "whom Israel wanted freed" (parsed with "wanted" as an auxiliary)
        first = word
        while first.dep_ == "conj" and first.head is not first:
            first = first.head  # "ending the war ... and freeing the hostages"
        verb = first.head
        around = [*verb.children, *(g for c in verb.children if c.dep_ == "parataxis"
                                    for g in c.children)]  # ("were, he said, among the tasks")
        if first.dep_ in ("csubj", "nsubj") and any(
                c.dep_ in ("attr", "prep") and (c.lemma_.lower() in AIM_NOUNS or any(
                    g.dep_ == "pobj" and g.lemma_.lower() in AIM_NOUNS for g in c.children))
                for c in around):
            return True
        node, steps = word, 0
        while node.dep_ in ("dobj", "xcomp", "ccomp", "relcl", "acl", "pobj", "prep", "oprd",
                            "nsubjpass") and node.head is not node and steps < 4:
            node, steps = node.head, steps + 1
            if node.lower_ in WISHING_WORDS or (node.pos_ == "VERB"
                                                and node.lemma_.lower() in WISHING_WORDS):
                return True
        return False

    @staticmethod
    def _negated(cue: Cue, context: Context) -> bool:
        """Whether the parse negates a cue verb that is no speech ("has not rejected", "did not
        meet", "never attacked", "no commitment to freeing"); a speech verb's negation is left
        to its words."""
        parsed = context.parsed
        if parsed is None or cue.part != "verb" or cue.quote is not None:
            return False
        word = parsed.head_of(cue.start, cue.end)
        if word is None or word.pos_ not in ("VERB", "AUX"):
            return False
        if any(child.dep_ == "neg" for child in word.children):
            return True
        head, steps = word, 0  # "made no commitment to a truce or to freeing prisoners"
        while head.dep_ in ("pcomp", "pobj", "prep", "conj") and head.head is not head and steps < 5:
            head, steps = head.head, steps + 1
            if head.pos_ == "NOUN":
                return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
        return False

    def _with_owners(self, roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """A group's country or body takes the group's role too ("a Hamas delegation met":
        Hamas met; "Israeli troops attacked": Israel attacked)."""
        taken = {actor for actor, _ in roles}
        owned = []
        for actor, role in roles:
            owner = self.owner_of(actor)
            if owner and owner not in taken:
                owned.append((owner, role))
                taken.add(owner)
        return roles + owned

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
