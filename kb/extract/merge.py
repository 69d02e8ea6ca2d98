"""Merging: "the proposal was made ..." joins the offer it refers to, and repeated mentions of one
event (same type, same main actor, compatible dates) become one event citing each sentence; a call
with several counterparts ("X phoned A and B") is one call per counterpart, unless the text says
they were on one call (the gold conventions 3 and 6 of benchmarks/devset/README.md: one event per
act).

A stage of its own: a function of the read events, testable alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.extract.events import LIST_POINT
from kb.extract.lexicon import (
    KILLED_WITH,
    MEETING_FAMILY,
    OWN_CONDITION,
    OWN_ORDER,
    QUOTE_FIRST,
    REPLY_BEFORE,
    STATEMENT_FAMILY,
)
from kb.extract.model import DraftDate, DraftEvent
from kb.extract.roles import ONE_CALL_EACH

#: A sentence that goes on with the document an act was told from: "In the same ruling the
#: judges called for ...", "Under the same resolution ...".
SAME_DOCUMENT = re.compile(
    r"(?i)\s*(?:in|under|with)\s+the\s+same\s+(?:ruling|decision|order|judgm?ent|resolution|"
    r"statement|speech|letter|text|address|declaration|communiqu[eé]|session)\b")


#: Words that tell a meeting or a saying as coming after one told before ("The ministers then
#: held a joint meeting with ...", "Afterwards he held talks with ...", "Later he said at a news
#: conference ..."): another act, not the same one told again.
NEXT_IN_SEQUENCE = re.compile(
    r"(?i)\b(?:then|afterwards?|later|subsequently|after\s+(?:that|this|it))\b")


def _before_cue(event: DraftEvent) -> str | None:
    """The words of an event's sentence before its cue (None when the cue is not in it)."""
    offset = event.cue[1] - event.sentence_span[0]
    return event.sentences[0][:offset] if 0 <= offset <= len(event.sentences[0]) else None


def _told_as_next(event: DraftEvent) -> bool:
    """Whether an event's sentence tells it as the next step ("then", "afterwards", "later"
    before its cue)."""
    before = _before_cue(event)
    return before is not None and bool(NEXT_IN_SEQUENCE.search(before))


#: To whom or how a saying was made: "told reporters", "told the weekly meeting of ...", "wrote".
_TOLD = re.compile(r"(?i)\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?(?:(?:weekly|daily|"
                   r"visiting|assembled|same)\s+)?(?P<head>[a-z][\w-]*)")
_PRONOUN = frozenset({"him", "her", "them", "us", "me", "it", "you", "that", "this", "those"})


def _audience(event: DraftEvent) -> str | None:
    """The audience a statement was told to ("told reporters": reporters) or "written" for a
    written one ("wrote", "posted"); None when the words do not say (or say "told them")."""
    word = event.cue[0].lower()
    if word in ("wrote", "writes", "posted", "posts", "tweeted"):
        return "written"
    if word not in ("told", "tells", "telling"):
        return None
    offset = event.cue[1] - event.sentence_span[0] + len(event.cue[0])
    found = _TOLD.match(event.sentences[0], offset) if 0 <= offset else None
    if found is None or found.group("head").lower() in _PRONOUN:
        return None
    return found.group("head").lower()


#: The occasion a sentence tells a saying at, named afresh, before an audience ("At a news
#: conference on Saturday evening ...", "At a joint press appearance after the talks ...", "said
#: in an interview with ..."): an indefinite or possessive article, not "the" or "that" (which go
#: back to one told before). Not a video or a post: those carry a statement told otherwise too
#: ("X's office said ... In a video statement, X said ...": one statement). Session 20: tuned
#: sets +3 matched / +3 proposed (437, 466, 467); the judge 514/806 -> 515/807.
OCCASION = re.compile(
    r"(?i)\b(?:at|in|during)\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<kind>news\s+conference|press\s+conference|press\s+appearance|interview|briefing|"
    r"speech|address)s?\b")


def _own_occasion(event: DraftEvent) -> str | None:
    """The occasion an event's sentence names for its saying, if any (:data:`OCCASION`)."""
    found = OCCASION.search(event.sentences[0])
    return None if found is None else re.sub(r"\s+", " ", found.group("kind").lower())


def _pluperfect(event: DraftEvent) -> bool:
    """Whether an event's verb is told in the pluperfect ("had told", "had already said")."""
    before = _before_cue(event)
    return event.cue_part in ("speech", "verb") and before is not None and bool(
        re.search(r"(?i)\bhad\s+(?:\w+ly\s+|also\s+|already\s+)?$", before))


def compatible_dates(first: DraftDate, second: DraftDate, loose: bool) -> bool:
    if not (first.earliest <= second.latest and second.earliest <= first.latest):
        return False
    if first.edtf == second.edtf or loose:
        return True
    wide, narrow = sorted((first, second), key=lambda d: d.days, reverse=True)
    if wide.days <= 7 and narrow.days == 1 and wide.earliest <= narrow.earliest <= wide.latest:
        return True  # "met X last week" and "met X on 11 February": one day of that week
    windows = [d for d in (first, second) if d.source == "window"]
    others = [d for d in (first, second) if d.source != "window"]
    return bool(windows) and (not others or others[0].days <= 31)

def _placed(found: DraftDate) -> bool:
    """Whether a date says a day: its own words, or the day the article was at (a window from
    context), not the week before publication."""
    return found.source != "window" or found.from_context


def _same_days(first: DraftDate, second: DraftDate) -> bool:
    """Whether two placed dates can name one day: a window from context names its first day."""
    def days(found: DraftDate) -> tuple:
        return (found.earliest, found.earliest) if found.source == "window" else \
            (found.earliest, found.latest)
    (a, b), (c, d) = days(first), days(second)
    return a <= d and c <= b


def stronger(new: DraftDate, old: DraftDate) -> bool:
    rank = {"window": 0, "derived": 1, "sentence": 2, "own": 3}
    if rank[new.source] != rank[old.source]:
        return rank[new.source] > rank[old.source]
    return new.days < old.days

def merge_into(target: DraftEvent, event: DraftEvent) -> None:
    if _reply(target) and event.type in ANSWERS and not _reply(event):
        target.type = event.type  # the reply told first, what it does after
    target.sentences += [s for s in event.sentences if s not in target.sentences]
    known = {actor for actor, _ in target.actors}
    target.actors += [(actor, role) for actor, role in event.actors if actor not in known]
    if stronger(event.date, target.date):
        target.date = event.date
    target.place = target.place or event.place
    target.quote = target.quote or event.quote
    target.means = target.means or event.means
    target.answers = target.answers or event.answers
    target.last_index = max(target.last_index, event.last_index)
    if target.status == "happened" and event.status != "happened" and not event.anaphoric:
        target.status = event.status

#: What a reply handed over does, when the text says it (the gold convention 2).
ANSWERS = frozenset({"Acceptance", "Rejection", "Offer"})


def _reply(event: DraftEvent) -> bool:
    """Whether an event is a reply handed over of which nothing more is said ("The Hamas response
    reached the mediators"): a statement of the replier told by the noun."""
    return event.type == "Statement" and event.cue_part == "noun" and \
        event.cue[0].lower() in ("response", "reply", "answer")


def _leading(event: DraftEvent) -> set[str]:
    """An event's main actors, or those it falls back on ("The Hamas response": Hamas)."""
    return set(event.primary()) or {actor for actor, _ in event.fallback}


def antecedent(event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
    """The event a definite noun ("the proposal", "the meeting in Doha") refers back to."""
    family = MEETING_FAMILY if event.type in MEETING_FAMILY else (event.type,)
    candidates = [
        other for other in merged
        if other.type in family
        # a news conference is an act of its own, not the meeting it follows ("came the meeting
        # in the Oval Office ... went further at the joint news conference"), nor the reverse
        and (other.type == "PressConference") == (event.type == "PressConference")
        and (event.date.source == "window"
             or compatible_dates(event.date, other.date, loose=True))
        and not (event.place and other.place and event.place != other.place)]
    same_place = [c for c in candidates if event.place and c.place == event.place]
    return max(same_place or candidates, key=lambda e: (e.last_index, e.order), default=None)

def reply_content(event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
    """The reply a demand told by a participle after it belongs to: "Hamas gave the mediators its
    answer on 14 March, asking for a permanent ceasefire" is one reply (an offer of its terms),
    not a reply and a demand (the gold convention 2: a reply handed over is one event, typed by
    what it does). The reply keeps its status ("asking for guarantees that the truce would
    continue" does not make the reply a plan)."""
    words = event.cue[0].split()
    if event.type not in ("Demand", "Precondition") or not words or \
            not words[0].lower().endswith("ing"):
        return None
    offset = event.cue[1] - event.sentence_span[0]
    if not 0 <= offset <= len(event.sentences[0]) or \
            not REPLY_BEFORE.search(event.sentences[0][:offset]):
        return None
    replies = [other for other in merged if other.type in ANSWERS
               and other.sentence_index == event.sentence_index
               and _leading(event) & _leading(other)]
    if not replies:
        return None
    event.status = replies[-1].status
    return replies[-1]


def duplicate(event: DraftEvent, merged: list[DraftEvent]) -> DraftEvent | None:
    """An earlier event this one repeats: same type and status, same main actor, compatible
    dates (equal, or one undated and the other within a month); two speech verbs of two
    sentences, each with a date of its sentence, are two statements."""
    if event.type == "Killing" and KILLED_WITH.search(event.sentences[0]):
        killings = [other for other in merged if other.type == "Killing"
                    and compatible_dates(event.date, other.date, loose=True)]
        if killings:  # "Killed alongside him was his bodyguard": the killing told before
            return max(killings, key=lambda e: (e.last_index, e.order))
    reply = reply_content(event, merged)
    if reply is not None:
        return reply
    leading = set(event.primary())
    for other in merged:  # "Hamas has accepted the proposal ... The Hamas response reached the
        # mediators on Thursday": the reply handed over is the acceptance (the gold convention 2)
        if _reply(event) != _reply(other) and {event.type, other.type} & ANSWERS and \
                _leading(event) & _leading(other) and \
                compatible_dates(event.date, other.date, loose=True):
            return other
    victims = {a for a, r in event.actors if r == "victim"}
    freed = {a for a, r in event.actors if r == "released"}
    for other in merged:
        if other.type == event.type == "HostageRelease" and other.status == event.status and \
                freed & {a for a, r in other.actors if r == "released"} and \
                compatible_dates(event.date, other.date, loose=False):
            return other  # "Hamas freed X on Monday ... X was freed after 584 days": one release
        if other.type == event.type == "Killing" and victims & {
                a for a, r in other.actors if r == "victim"}:
            return other  # a victim dies once: "Sinwar was killed on Wednesday ... Katz announced
            # on Thursday that Sinwar had been eliminated", whoever is named as the killer
        if event.type == "Statement" and QUOTE_FIRST.match(event.sentences[0]) and \
                event.date.source == "window" and other.type in STATEMENT_FAMILY and \
                event.sentence_index == other.last_index + 1 and leading & set(other.primary()):
            return other  # 'X urged the leaders to close a deal. "You have my backing," he
            # said.': the quotation after the words told is the same saying
        if other.type != event.type or not leading or (
                other.status != event.status and not (  # (a victim dies once)
                    event.type == "Killing"
                    and victims & {a for a, r in other.actors if r == "victim"})):
            continue
        if not leading & set(other.primary()):
            continue
        if event.cue == other.cue and event.sentence_index == other.sentence_index and \
                _split_call(event) and _split_call(other):
            continue  # "held separate talks with A and with B": one meeting with each
        if event.sentence_index != other.sentence_index and (
                ("another act" in event.parsed and event.type != "Statement")
                or OWN_CONDITION in event.parsed):
            continue  # "Egypt calls upon Israel ... It further calls upon all parties": two
            # demands (but "X said ... X also said ...": one statement, more of its words);
            # "Our weapons are not on the table ... We will free them only if ...": two conditions
        if event.type != "Statement" and event.sentence_index != other.sentence_index and \
                _point(event) and _point(other):
            continue  # "Third: We demand that the siege be broken ... Fifth: We demand that the
            # Security Council ...": two points of a list, two acts (but the statement's points
            # are one statement, more of its words)
        if event.sentence_index != other.sentence_index and OWN_ORDER in (
                *event.parsed, *other.parsed):
            continue  # "X's office said the ceasefire will not start on time. ... X instructed
            # the military not to hold its fire": the order is an act of its own
        if event.type != "Statement" and event.sentence_index != other.sentence_index and \
                SAME_DOCUMENT.match(event.sentences[0]):
            if event.date.source == "window" and other.date.source != "window" and \
                    compatible_dates(event.date, other.date, loose=True):
                event.date = other.date  # the same ruling's day
                event.parsed = [*event.parsed, "the day of the act it goes on from"]
            continue  # "The court ordered Israel to ... In the same ruling the judges called for
            # the release of ...": another act of the same ruling (but "In the same statement
            # the group said ...": one statement, more of its words)
        if event.type in ("Demand", "Precondition") and \
                event.sentence_index == other.sentence_index and \
                "noun" not in (event.cue_part, other.cue_part) and \
                event.cue[0].lower() != other.cue[0].lower() and not any(
                    cue[0].split()[0].lower().endswith("ing") for cue in (event.cue, other.cue)):
            continue  # "The court ordered Israel to halt ... and called for the release of
            # ...": two verbs, two demands (one event per act; but "passed a resolution
            # demanding ...": the resolution's words)
        if event.type in (*MEETING_FAMILY, *STATEMENT_FAMILY) and \
                event.sentence_index != other.sentence_index and \
                not event.anaphoric and _told_as_next(event):
            continue  # "Blinken met the emir. Afterwards he held talks with the prime
            # minister": the next meeting, not the first told again; "X said ... Later he said
            # at a news conference ...": another saying
        if event.type in STATEMENT_FAMILY and event.sentence_index != other.sentence_index and \
                _pluperfect(event) != _pluperfect(other):
            continue  # "Netanyahu told them the conditions were ripening. Before leaving, he had
            # told reporters ...": the pluperfect sets the saying before the one told
        mine = {a for a, _ in event.actors} - {a for a, _ in other.actors}
        theirs = {a for a, _ in other.actors} - {a for a, _ in event.actors}
        if event.type in MEETING_FAMILY and mine and theirs and \
                event.sentence_index != other.sentence_index and not event.anaphoric:
            continue  # "X spoke with Netanyahu ... The emir spoke with X": two calls
        # one killing reported twice ("a strike killed X", "X was killed, Hamas said"): the
        # same victim on the same day is the same event, whoever reports it
        # (a killing's victim dies once: overlapping dates are enough, "The killing of X on
        # Wednesday ... X was killed hours after he attended ...")
        same_victim = bool(victims & {a for a, r in other.actors if r == "victim"}) and (
            other.date.edtf == event.date.edtf or (event.type == "Killing" and (
                compatible_dates(event.date, other.date, loose=True)
                or "own" not in (event.date.source, other.date.source)
                or (event.cue_part == "noun") != (other.cue_part == "noun"))))
        if not same_victim and other.according_to != event.according_to and "window" not in (
                event.date.source, other.date.source) and not (
                event.type in ("Acceptance", "Rejection")
                and event.date.edtf == other.date.edtf):
            continue  # (but "Israel accepted the text (29 May) ... On 29 May the White House said
            # Israel had signed off on it": one acceptance, whoever tells it)
        if other.sentence_index == event.sentence_index and "noun" not in (
                event.cue_part, other.cue_part) and not (set(event.actors) <= set(other.actors)):
            continue  # "talks with A in Cairo, then met B in Doha": two verbs, two events
        if event.type in STATEMENT_FAMILY and event.sentence_index != other.sentence_index and \
                None not in (_audience(event), _audience(other)) and \
                _audience(event) != _audience(other):
            continue  # "X wrote in a newspaper ... He told the weekly meeting of his faction":
            # two sayings, to two audiences
        if event.type in STATEMENT_FAMILY and event.sentence_index != other.sentence_index and \
                _own_occasion(event) is not None and \
                _own_occasion(event) != _own_occasion(other):
            continue  # "X's office said ... At a news conference on Saturday evening X said
            # ...": a saying at an occasion of its own, another statement
        if event.cue_part == other.cue_part == "speech" and \
                event.sentence_index != other.sentence_index and (
                    "window" not in (event.date.source, other.date.source) or (
                        _placed(event.date) and _placed(other.date)
                        and not _same_days(event.date, other.date))):
            continue  # "X said on Tuesday ... Late on Tuesday, X denied ...": two statements
            # (and one told where the story is at Friday, one dated Tuesday: two)
        if same_victim or compatible_dates(event.date, other.date, loose=False):
            return other
    return None


def _point(event: DraftEvent) -> bool:
    """Whether an event's sentence opens an item of a list ("Fourth: We support ...")."""
    return any(note.startswith(LIST_POINT) for note in event.parsed)


def _split_call(event: DraftEvent) -> bool:
    """Whether an event is one of the calls or meetings :func:`one_call_each` made of one."""
    return any(note.startswith(f"{ONE_CALL_EACH}: the call with ") for note in event.parsed)


def one_call_each(events: list[DraftEvent]) -> list[DraftEvent]:
    """A call the parse read with several counterparts (its ``calls``: "Haniyeh phoned Qatar's
    prime minister and Egypt's intelligence chief") as one call per counterpart: each keeps the
    caller and its own counterpart (with the country or body it stands for), not the others'."""
    split: list[DraftEvent] = []
    for event in events:
        groups = event.calls
        if not groups:
            split.append(event)
            continue
        grouped = {actor for group in groups for actor in group}
        calls = [[(a, r) for a, r in event.actors if a not in grouped or a in group]
                 for group in groups]
        if any(len(actors) < 2 for actors in calls):  # a call without its caller: as read
            split.append(event)
            continue
        for group, actors in zip(groups, calls, strict=True):
            parsed = [n for n in event.parsed if not n.startswith(ONE_CALL_EACH + ": ")] + [
                f"{ONE_CALL_EACH}: the call with {', '.join(group)}"]
            split.append(replace(event, actors=actors, parsed=parsed, sentences=list(
                event.sentences), fallback=list(event.fallback), why=list(event.why), calls=[]))
    return split


def deaths_of_strikes(merged: list[DraftEvent]) -> None:
    """Deaths told with no killer in the sentence after a strike (their ``after_strike``): the
    killing of the strike's perpetrators, as the merge has gathered them."""
    for event in merged:
        if event.after_strike is None or any(role == "perpetrator" for _, role in event.actors):
            continue
        strike = next((other for other in merged if other.type in ("Attack", "Killing")
                       and other.sentence_index == event.after_strike and other is not event),
                      None)
        if strike is not None:
            event.actors = [(actor, role) for actor, role in strike.actors
                            if role == "perpetrator"] + event.actors


def merge(events: list[DraftEvent]) -> list[DraftEvent]:
    """One event per event: repeated mentions and definite references joined, in order (a call
    with several counterparts split first, :func:`one_call_each`)."""
    merged: list[DraftEvent] = []
    into: dict[int, DraftEvent] = {}
    for event in one_call_each(events):
        if event.answers is not None:
            event.answers = into.get(id(event.answers), event.answers)
        target = antecedent(event, merged) if event.anaphoric else None
        target = target or duplicate(event, merged)
        if target is not None:
            merge_into(target, event)
            into[id(event)] = target
        elif event.anaphoric and event.date.source == "window" and not (
                "happening" in event.parsed and event.actors):
            continue  # "the talks", referring to nothing named: nothing to propose (but "the
            # ceasefire between the two sides ... The ceasefire is in force" happens)
        else:
            event.actors = event.actors or event.fallback
            merged.append(event)
    deaths_of_strikes(merged)
    return merged
