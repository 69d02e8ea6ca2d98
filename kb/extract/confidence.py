"""How sure the draft is of each event, and which sentences are headline or background.

:func:`sentence_kinds` labels each sentence: ``headline`` (the first line when it ends without a
full stop), ``dateline`` (a line that is only a date or a time stamp), ``background`` (context a
news article repeats: how the war began, casualty tolls, "since ...", "for months ...", "has long
...") or ``story``. :func:`score` gives every event a confidence between 0 and 1 and says why:
what proposed it (a verb is surer than a noun), where its date came from (its own words, its
sentence, the article's context, or no date at all), whether it has actors, and the kind of its
sentence. :func:`box_repeats` lowers the lines of a closing timeline box that only sum up the
body. ``kb extract --min-confidence`` leaves out what scores below the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from kb.extract.cues import STATEMENT_GOES_ON
from kb.extract.lexicon import TIMELINE_ENTRY
from kb.extract.model import DraftEvent
from kb.extract.sentences import LIST_MARKER, Sentence, line_of
from kb.extract.timex import TimeExpression

_BACKGROUND = re.compile(
    r"(?i)^(?:since\b[^.]*\b(?:has|have)\b|for\s+(?:months|years|weeks|decades)\b|over\s+the\s+"
    r"(?:past|last)\s+(?:months|years)\b|historically\b|previously\b)"
    r"|\b(?:has|have|had)\s+(?:long|since|previously|repeatedly)\s+\w+"
    r"|\bfollows\s+(?:months|weeks|years)\s+of\b"
    r"|\b(?:killed|displaced|wounded)\s+(?:more\s+than|over|at\s+least|nearly|about|some|"
    r"almost)\s+[\d,.]+\s*(?:million\s+)?(?:people|Palestinians|Israelis|civilians)?[^.]*"
    r"\b(?:health|tallies|tally|figures|authorities|ministry)\b"
)
#: How the war began: background ("The war began when ..."), but not as the start of a count in
#: a sentence that tells a past act ("The United States vetoed the draft, its third veto since
#: the war began": the veto is news; "... have been killed since the war began" stays background).
_WAR_BEGAN = re.compile(r"(?i)(?:\b(?P<since>since)\s+)?\b(?:the|this)\s+(?:war|conflict|fighting)"
                        r"\s+(?:began|started|erupted|broke\s+out)\b")


def _background_words(text: str) -> bool:
    """Whether a sentence's words read as context: the patterns of :data:`_BACKGROUND`, or how
    the war began other than as the start of a count in a sentence without a perfect."""
    if _BACKGROUND.search(text):
        return True
    return any(not m.group("since") or _PERFECT.search(text) for m in _WAR_BEGAN.finditer(text))


#: A sentence the writer labels as context ("Some background: ...", "For context, ..."):
#: background whatever it dates.
_LABELLED_BACKGROUND = re.compile(r"(?i)^(?:some\s+|a\s+little\s+|quick\s+)?(?:background|context)"
                                  r"\s*[:—–-]|^for\s+(?:some\s+)?(?:context|background)\b")
_TIME_STAMP = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|BST|CET|EET|IDT|[AP]M)?|"
                         r"(?:updated|posted)\b.*)\s*$", re.IGNORECASE)

#: The most an event without any actor scores: below the default threshold of ``kb extract``
#: (an event nobody is named in is rarely one a curator keeps; ``--min-confidence 0`` shows it).
_NO_ACTOR = 0.15

#: Base confidence by the cue's part of speech.
_BY_PART = {"verb": 0.7, "speech": 0.7, "report": 0.65, "noun": 0.55, "either": 0.6}


_PERFECT = re.compile(r"(?i)\b(?:has|have|had)\s+(?:\w+ly\s+|not\s+|long\s+|been\s+)*"
                      r"[a-z]+(?:ed|en|led|ld|un|ne|wn|ght|et)\b")


def _long_ago(sentence: Sentence, expressions: Iterable[TimeExpression],
              reference: date | None) -> bool:
    """A perfect ("had led", "has been") whose only dates lie two years or more before the
    article: history, not news ("Haniyeh had led the bureau since 2017")."""
    if reference is None or not _PERFECT.search(sentence.text):
        return False
    own = [e for e in expressions if sentence.start <= e.start < sentence.end
           and e.kind != "duration"]
    return bool(own) and all(e.latest <= reference - timedelta(days=730) or (
        e.text.lower().startswith("since") and e.earliest <= reference - timedelta(days=730))
        for e in own)


#: A bulletin's or a round-up's summary of what it goes on to tell ("NEWSREADER: Good morning. The
#: headlines this hour: ...", "In brief: ..."): read as a headline.
_SUMMARY_LEAD = re.compile(r"(?:[A-Z][A-Z ]{2,30}:\s*)?(?:(?:Good\s+(?:morning|afternoon|evening)|"
                           r"Hello)[.,!]\s*)?(?:The\s+|Our\s+)?(?:[Hh]eadlines|[Tt]op\s+stories|"
                           r"[Mm]ain\s+stories|In\s+brief)(?:\s+(?:this|at\s+the\s+top\s+of\s+the)\s+"
                           r"(?:hour|morning|afternoon|evening))?\s*:")


def sentence_kinds(text: str, sentences: list[Sentence],
                   expressions: Iterable[TimeExpression] = (),
                   reference: date | None = None) -> dict[int, str]:
    """Each sentence's kind: headline, dateline, background or story. A sentence that reads as
    background but dates something of the last six weeks before ``reference`` is story ("Egypt
    has long opposed it, and its officials said so last month"); one the writer labels as context
    is story when it dates something of the last week ("Some context: Netanyahu's office said on
    Friday that ...", not "Background: since the ceasefire took effect on 10 October ...")."""
    recent = [e for e in expressions if reference is not None and e.kind != "duration"
              and reference - timedelta(days=45) <= e.latest <= reference
              and e.earliest >= reference - timedelta(days=90)]  # not "since 2017"
    # what a labelled context tells of the last week ("Some context: X said on Friday that
    # ...") is news the writer recalls, not a count "since" something
    this_week = [e for e in recent if e.latest >= reference - timedelta(days=7)
                 and not e.text.lower().startswith("since")]
    kinds: dict[int, str] = {}
    first_line = text.strip().split("\n", 1)[0].strip()
    headline_end = text.find(first_line) + len(first_line) if sentences and not re.search(
        r"[.!?”\"]$", first_line) else -1  # "Analysis: Hamas said yes. Why Israel waits": all
    for sentence in sentences:
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line = line_of(text, sentence)
        if (sentence.index == 0 and line == sentence.text and not re.search(r"[.!?”\"]$", line)) \
                or sentence.end <= headline_end:
            kinds[sentence.index] = "headline"
        elif line == sentence.text and not re.search(r"[.!?”\"’:;,][\])]?$", line) and \
                len(line.split()) >= 4 and not _TIME_STAMP.match(line) and \
                not TIMELINE_ENTRY.match(line) and not LIST_MARKER.match(line):
            kinds[sentence.index] = "headline"  # a subheading, a "Key events" line, a caption
        elif _SUMMARY_LEAD.match(sentence.text) or (
                (lead := _SUMMARY_LEAD.match(text, line_start)) and lead.end() > sentence.start):
            kinds[sentence.index] = "headline"  # "The headlines this hour: ...": told again below
        elif _TIME_STAMP.match(sentence.text) or (
                len(sentence.text) <= 40 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]",
                                                           sentence.text)):
            kinds[sentence.index] = "dateline"
        elif (_LABELLED_BACKGROUND.match(sentence.text) and not any(
                sentence.start <= e.start < sentence.end for e in this_week)) or (
                (_background_words(sentence.text) or _long_ago(sentence, expressions, reference))
                and not any(sentence.start <= e.start < sentence.end for e in recent)):
            kinds[sentence.index] = "background"
        else:
            kinds[sentence.index] = "story"
    return kinds


def score(events: list[DraftEvent], kinds: dict[int, str]) -> None:
    """Set each event's confidence (0 to 1) and the reasons for it."""
    for event in events:
        why: list[str] = []
        part = event.cue_part
        value = _BY_PART.get(part, 0.6)
        why.append(f"{part} cue {event.cue[0]!r}" + (
            f" (parse: {', '.join(event.parsed)})" if event.parsed else ""))
        date = event.date
        if date.source == "own":
            value += 0.15
            why.append("dated by its own words")
        elif date.source in ("sentence", "derived"):
            value += 0.05
            why.append("dated from its sentence" if date.source == "sentence"
                       else "dated from the event it answers")
        elif date.from_context:
            value -= 0.05
            why.append("no date of its own: the article's date before it")
        else:
            value -= 0.15
            why.append("no date found")
        if not event.actors:
            value -= 0.3
            why.append("no actor found")
        if event.in_quote:
            value -= 0.1
            why.append("inside a quotation")
        if len(event.sentences) > 1:
            value += 0.05
            why.append(f"mentioned in {len(event.sentences)} sentences")
        kind = kinds.get(event.sentence_index, "story") if len(event.sentences) == 1 else "story"
        if kind == "headline":
            value = min(value, 0.15)
            why.append("from the headline")
        elif kind == "background":
            value = min(value * 0.4, 0.15)
            why.append("a background sentence")
        if not event.actors:  # whatever raised it ("mentioned in 2 sentences")
            value = min(value, _NO_ACTOR)
        if event.type == "Statement" and STATEMENT_GOES_ON in event.parsed and \
                len(event.sentences) == 1:
            value = min(value, _NO_ACTOR)  # "Talks will go on, the statement adds": more words
            why.append("more words of the statement the sentence before told, no statement of "
                       "their own")  # (but "the statement adds that X must ...": a demand)
        event.confidence = round(max(0.05, min(0.95, value)), 2)
        event.why = why


def timeline_box(text: str, sentences: list[Sentence]) -> frozenset[int]:
    """The sentences of a timeline box closing the article ("TIMELINE / 7 Oct 2023 - ... /
    17 Oct 2024 - ..."): three or more dated entry lines after its prose, nothing after them."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    entries = 0
    while entries < len(lines) and TIMELINE_ENTRY.match(lines[-1 - entries]):
        entries += 1
    if entries < 3 or entries == len(lines):
        return frozenset()
    start = text.rstrip().rfind(lines[-entries])
    return frozenset(s.index for s in sentences if s.start >= start)


def box_repeats(events: list[DraftEvent], box: frozenset[int]) -> None:
    """An event told only by a timeline box that closes the article is the box's summary, not
    news: one the body tells too (same type, dates that meet, an actor in common), or one older
    than anything the body tells ("7 Oct 2023 - Hamas-led attack" under a story of October
    2024), scores as background."""
    body = [e for e in events if e.sentence_index not in box]
    if not box or not body:
        return
    story_start = min(e.date.earliest for e in body)
    for event in events:
        if event.sentence_index not in box or len(event.sentences) > 1:
            continue
        actors = {actor for actor, _ in event.actors}
        repeated = any(other.type == event.type and other.date.earliest <= event.date.latest
                       and event.date.earliest <= other.date.latest
                       and actors & {actor for actor, _ in other.actors} for other in body)
        if repeated or event.date.latest < story_start:
            event.confidence = min(event.confidence, 0.15)
            event.why.append("a timeline box's line: what the body tells, or older")

