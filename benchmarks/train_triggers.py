"""Learn `kb extract`'s triggers from the anchored gold: verbs the lexicon does not know that assert
an event, fed to the rules as cues. Also measures where the rules lose the event sentences they
propose nothing from.

Run: .venv/bin/python benchmarks/train_triggers.py --measure [--list] | --evaluate | --write
[--min-right N] [--min-precision P]

``--measure``: of the sentences a gold event names (``sentence:``) in the sets tuned on, those no
proposal at the default minimum confidence cites, by the stage that lost them. Today's drafts are
recorded stage by stage (a recorder wraps four methods of the extractor while it drafts, in this
script only): the lexicon knows no word of the sentence ("no cue"), a cue was found and
:meth:`~kb.extract.cues.CueReader._keep` dropped it, kept and then absorbed (``_absorb``,
``_upgrade``, ``_reported_topics``), a question's, given to ``Extractor._event`` which made no
event (negation, condition, denial, an expectation ...), an event made and folded into another or
of a type outside the vocabulary, an event scored below the minimum confidence. The fresh-like
drafts (the before-commits' proposals of :mod:`train_learned`, cached under
``benchmarks/out/fresh_like/``) are counted the same way, by what today's rules do with the
sentence. For the "no cue" sentences the verbs the lexicon does not know are listed.

A gold event is counted in one sentence: the first its opening (``sentence:``) overlaps that is
more than a list item's label (session 16). Before, it was counted in every sentence its opening
overlapped, and the splitter then cut an ordinal's label from its item ("First:" / "Ten days ago,
..."), so the gold openings copied from the label ("First: Ten days ago") made each label a gold
sentence of its own besides its item, counted in "no cue" as a verbless line: 7 of the 12 verbless
"no cue" sentences of the session-15 figures below. Counted once: 553 gold sentences (was 560),
none cites 59 (was 66), "no cue" 26 (was 33), 5 of them verbless (was 12), the other stages
unchanged; fresh-like 482 gold sentences (was 489), uncited 122 (was 124), "no cue" 26 (was 28).
The splitter now keeps a label in its item's sentence (:func:`kb.extract.sentences.split_sentences`),
so the tuned sets have no label sentence left; the rule stays for a label alone on its line.

``--measure --list``: on the sets tuned on only (never a held-out or never-tuned set), every
gold sentence lost because ``Extractor._event`` made no event of its cues (the check that dropped
each cue, re-asked in ``_event``'s order by :func:`drop_reason`) or because its event scored below
the minimum (the confidence's ``why``), then the classes counted beside the same classes in the
sentences with no gold event (the cues and events the rules were right to drop).

What ``--list`` showed (session 15, before the fix; lost / of a gold event's kind / rightly
dropped in sentences with no gold event): at ``_event`` 17 sentences lost, by an unnamed source's
frame 12 / 11 / 24 (five of them an unnamed official of a named side, "An Israeli official said",
"A Hamas official ..., telling reporters"; the rest a definite description the actors do not
resolve, "the army said", "the prime minister said", "His Excellency stated"), a question line
2 / 2 / 6, ``_supposed`` 2 / 0 / 0, ``_negated`` 1 / 0 / 3, ``_effort_not_made`` 1 / 0 / 2 (and
0 / 0 / 5 for an expectation, the outlet's reporter, a denial); below the minimum 11 sentences,
every one by "no actor" (8 / 2 / 20, with the article's date 3 / 1 / 19; headline, background and
box 0 events / 43 non-events). So only the side of an unnamed official was a cause dropping more
events than non-events: ``Extractor._unnamed_side`` now gives it the speaker (the convention
"Unnamed officials of a named side"), when it stands before its words. After: 13 lost at
``_event`` (unnamed 8 / 7 / 23), 10 below the minimum (no actor 7 / 2 / 20). Tuned sets 543 / 692
-> 550 / 700 of 673 (no set loses a match); held out 169 / 277 -> 172 / 283 of 288 (+3 for +6).
Tried and dropped: the official after its words too ("..., an Israeli official said"), tuned
+3 for +8 more (0.38), not looked at held out.

``--evaluate`` leaves one set out over the anchored sets (today's drafts; the old extractors cannot
take new triggers): the triggers are learned from the other sets' sentences, the left-out set is
drafted with them, and its gold, proposals and matches at the default minimum confidence are
printed off and on, for a grid of thresholds (how many training sentences a trigger must be right
in, and its share of right ones), with the precision of what the triggers add. With
``--held-out`` it then prints the held-out sets' totals off and on for the settings given (totals
only). ``--evaluate --fresh-like`` asks what the triggers would have done when the lexicon was
young: for each set of ``BEFORE``, triggers are learned from the other anchored sets as the lexicon
of the set's before-commit reads them (verbs it does not know, in sentences where it knows no word;
the lexicon is read from git, no worktree), and in the left-out set's sentences where that lexicon
knows no word, the events today's rules draft from the triggers' verbs are added to the
before-commit's proposals (a proxy: today's roles, dates and merging, and today's cue where the
lexicon has since learned the verb by hand).

``--write`` learns from every anchored set with the chosen thresholds and writes
``kb/extract/learned_triggers.json`` (deterministic, byte for byte).

How a trigger is learned. A candidate is a finite verb (:func:`kb.extract.parse.finite_verbs`)
that no cue pattern or lemma of the lexicon covers, known by its lemma and particle
(:func:`kb.extract.lexicon.trigger_key`), in a sentence where the lexicon found no cue (the only
sentences where a learned trigger fires). For each candidate: in how many such training sentences
it stands (``seen``) and in how many of them a gold event of each type is asserted; its type is
the commonest, ``right`` that count. A trigger is kept when ``right >= --min-right`` and
``right / seen >= --min-precision``.

What it showed (session 15). ``--measure``: of 552 sentences a gold event names, today's drafts cite
66 with no proposal: 32 hold no cue of the lexicon (12 of them no verb it does not know either:
"First:", "Fifth:" lines of a numbered statement, a noun or a verbless line; the 20 others' verbs
each in one or two sentences: sit, answer, call 2; die, speak, join, arrive, receive ... 1), 4 a cue
``_keep`` dropped, 4 a cue absorbed, 14 a cue ``_event`` made nothing of, 2 an event folded into
another, 10 an event below the minimum confidence. Fresh-like (the nine sets of ``BEFORE``): 120
of 482 gold sentences uncited; the lexicon of the commit that drafted them knew no word of 49 and a
cue word of 71 (today's rules propose from 65 of the 120). So on the sets tuned on the triggers the
lexicon lacks are single sentences, and most lost sentences are lost after the cue.

``--evaluate`` (today's drafts, 655 gold, 547 matched of 692 proposed off): in quiet sentences a
trigger right in two training sentences at any share from 0.3 adds at most one proposal and no
match; right in one, 548 / 703 at 0.5 (+1 match for +11 proposals, 0.09), +1 / +18 at 0.3; firing
beside the lexicon's cues too (``--anywhere``), the best is 549 / 696 (right in four, share 0.5: +2
for +4), the rest 0.33 or less down to 0 / +44. ``--fresh-like`` (569 gold, 282 / 559 off): the
triggers learned against each young lexicon do carry: right in one, +9 for +28 at 0.3, +8 for +18
at 0.5; right in two, +5 for +8 at 0.3, +4 for +7 at 0.5; right in three at 0.3, +4 for +6 (0.67;
devset +3 for +4 with seven triggers learned against the first lexicon, devset3 +1 for +1, devset9
+0 for +1); right in four, +2 for +2; in six, nothing. So the idea works where the lexicon lacks
the words, and the hand tuning since has taken exactly those verbs (hand, urge, speak, sit
down, accuse ...): against today's lexicon no verb recurs. The shipped thresholds, (3, 0.3, quiet),
are the best of both judges (today's: +0 for +0; fresh-like: +4 for +6). Trained on every anchored
set they keep no trigger (nor does (2, 0.5); (2, 0.3) keeps one, call Statement 2 of 6); (1, 0.5,
quiet) keeps eight (arrive HostageRelease, cancel
Statement, hear Killing, join NegotiationRound, put Statement, raise Attack, roll Attack, speak
Statement), (4, 0.5, anywhere) three (carry out, lead, receive: Statement). Held out (totals only,
the two settings looked at, each once; off devset12 48 / 74 of 80, devset4 31 / 42 of 41, devset13
46 / 85 of 88): (1, 0.5, quiet) on devset12 50 / 76, the others unchanged (+2 for +2); (4, 0.5,
anywhere) devset12 48 / 75, devset13 46 / 86, devset4 unchanged (+0 for +2). Leaving one set out
does not agree with the first (0.09), so the triggers stay off (``TRIGGERS_BY_DEFAULT``) and the
shipped file is the chosen setting's, empty (on or off, the drafts are the same). Rerun ``--write``
when new sets with anchored gold come: the triggers learn from what the lexicon does not yet
know. Tried and dropped: counting a trigger right by family of types (a Vow for a Statement): no
better (2, 0.4: +0 for +1; 3, 0.4 anywhere: -1 for +23).

Session 17 (22 anchored sets, devset17-devset25 new; today's drafts 1705 gold, 1188 / 1644 off).
``--write`` at (3, 0.3, quiet) now keeps two triggers: call (Statement, right in 13 of 25) and
receive (Meeting, 3 of 7). ``--evaluate``: (1, 0.3) +16 for +47, (1, 0.5) +12 / +32, (2, 0.4) +7
/ +15, (3, 0.3) +8 / +18 (0.44; on the blind sets devset15-devset25 +8 / +14, on the older sets +0
/ +4), (3, 0.4) +7 / +14, (4, 0.3) and (6, 0.3) +7 / +12. Held out, on (one read, totals only, at
f98a544 with ``lexicon.using_triggers(load_triggers())`` around ``extract_accuracy.main`` and
``--only devset12 devset4 devset13 devset14``): 180 of 288 found, 292 proposed (48 / 76, 32 / 43,
49 / 90, 51 / 83), against 178 / 290 recorded for these rules with the triggers off; but the
sentence stage's read at the same commit found the same matches per set, so the off figure of
this commit is in doubt (+2 for +2, or +0 for +2). They stay off until an off read settles it.

Time: ``--write`` and ``--measure`` about a minute, ``--evaluate`` about 30 s (a minute with
``--anywhere``, 40 s with ``--fresh-like``); ``--measure`` and ``--fresh-like`` need the
before-commits in the clone (never the network) for the old lexicons and, if
``benchmarks/out/fresh_like/`` is empty, for the old drafts.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_accuracy import (  # noqa: E402
    CORPORA,
    SEEDS,
    Gold,
    Score,
    best_matching,
    compatible,
    devset_gold,
    overlaps,
    proposed_events,
    spans_of,
)
from train_learned import BEFORE, _old_proposals  # noqa: E402

from kb.extract import extract, known_actors, known_places, lexicon, parse  # noqa: E402
from kb.extract.cues import CueReader  # noqa: E402
from kb.extract.draft import DEFAULT_MIN_CONFIDENCE, Draft  # noqa: E402
from kb.extract.events import Extractor  # noqa: E402
from kb.extract.sentences import is_marker_only, split_sentences  # noqa: E402

#: The sets whose gold names each event's sentence (tuned on; never a held-out or never-tuned one).
ANCHORED = tuple(corpus for corpus in CORPORA if corpus.role in ("pooled", "apart"))
#: The held-out sets whose totals ``--evaluate --held-out`` prints.
HELD_OUT = tuple(corpus for corpus in CORPORA if corpus.role == "held-out")
#: The shipped thresholds (chosen by leaving one set out; see ``--evaluate``).
MIN_RIGHT = 3
MIN_PRECISION = 0.3
#: Whether the shipped triggers also fire beside the lexicon's cues.
ANYWHERE = False
#: The grid ``--evaluate`` tries.
GRID = tuple((right, share) for right in (1, 2, 3, 4, 6) for share in (0.3, 0.4, 0.5, 0.6, 0.7))

#: The stages that lose a gold sentence, in the order they run.
STAGES = ("no cue of the lexicon", "cue dropped by cues._keep",
          "cue absorbed (cues._absorb/_upgrade, events._reported_topics)",
          "a question (events._sentence)", "no event from the cue (events._event)",
          "event folded or typed out (events told/added/attribution, draft's types)",
          "scored below the minimum (confidence.score)")


@dataclass
class Record:
    """What the extractor did with one article, by article offsets."""

    offered: list[tuple[int, int, bool]] = field(default_factory=list)  # cues given to _keep
    found: list = field(default_factory=list)  # cues _cues returned
    drafted: list[tuple[int, bool]] = field(default_factory=list)  # cue start, event made
    asked: list[int] = field(default_factory=list)  # sentences read as questions (start)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # cue start, text, reason


@contextmanager
def recording() -> Iterator[Record]:
    """Record, while drafting, the cues the lexicon offers and keeps and the events made."""
    record = Record()
    keep, cues, event, question = (CueReader._keep, CueReader._cues, Extractor._event,
                                   Extractor.__dict__["_question"])

    def keep_(self, cue, before, after):
        kept = keep(self, cue, before, after)
        record.offered.append((cue.start, cue.end, kept))
        return kept

    def cues_(self, sentence, quotes):
        found = cues(self, sentence, quotes)
        record.found.extend(found)
        return found

    def event_(self, cue, context, claimant):
        made = event(self, cue, context, claimant)
        record.drafted.append((cue.start, made is not None))
        if made is None:
            record.dropped.append((cue.start, cue.text, drop_reason(self, cue, context)))
        return made

    def question_(context):
        asked = question.__func__(context)
        if asked:
            record.asked.append(context.sentence.start)
        return asked

    CueReader._keep, CueReader._cues, Extractor._event = keep_, cues_, event_
    Extractor._question = staticmethod(question_)
    try:
        yield record
    finally:
        CueReader._keep, CueReader._cues, Extractor._event = keep, cues, event
        Extractor._question = question


def drop_reason(extractor: Extractor, cue, context) -> str:
    """Why ``Extractor._event`` made no event of a cue: its checks in its order, re-asked (for
    ``--list`` only; the extractor itself does not say)."""
    from kb.extract.lexicon import (
        EXPECTED_AT,
        OWN_REPORTER,
        QUESTION_LINE,
        STATEMENT_FAMILY,
        is_past_form,
    )
    from kb.extract.timex import tense_at

    text, sentence, kind = extractor.text, context.sentence, cue.type
    frame = next((f for f in context.frames if f.cue is cue), None)
    if frame is not None and frame.speaker is None and kind in STATEMENT_FAMILY:
        return "an unnamed source's words (frame without a speaker)"
    if cue.quote is not None and kind not in STATEMENT_FAMILY and not (
            (cue.part != "noun" and is_past_form(cue.text))
            or tense_at(text, cue.start, cue.end) == "past"):
        return "an intention inside a quotation"
    if extractor._denied(cue, context):
        return "denied (_denied)"
    if extractor._negated(cue, context):
        return "negated (_negated)"
    if extractor._supposed(cue, context):
        return "condition or whether-clause (_supposed)"
    if cue.part in ("speech", "report") and OWN_REPORTER.search(text, sentence.start, cue.start):
        return "the outlet's own reporter"
    if kind == "Effort" and extractor._effort_not_made(cue, context):
        return "an effort promised or another's stance (_effort_not_made)"
    if cue.part != "noun" and re.search(r"(?i)\bstill\s+$", text[sentence.start:cue.start]):
        return "a stance still held ('still')"
    expression, _ = extractor._expression_for(cue, context)
    if expression is None and QUESTION_LINE.match(text, text.rfind("\n", 0, sentence.start) + 1):
        return "an interviewer's question line"
    if cue.part == "noun" and EXPECTED_AT.search(text, sentence.start, cue.start):
        return "an expectation ('is expected in ... for')"
    return "(unknown: a check this list does not know)"


@dataclass
class Sentence:
    """One sentence of an anchored article, as the training and the measure read it."""

    corpus: str
    start: int
    end: int
    index: int  # its index among the article's sentences
    types: list[str]  # the types of the gold events it asserts
    quiet: bool  # the lexicon found no cue in it
    candidates: list[str]  # trigger keys of its finite verbs the lexicon does not know
    stage: str | None  # for an event sentence no proposal cites: the stage that lost it


@dataclass
class Article:
    """An anchored article: its gold, its draft with no learned triggers (min-confidence 0), its
    sentences."""

    corpus: str
    gold: Gold
    draft: Draft
    sentences: list[Sentence]
    draft_cues: list = field(default_factory=list)  # the cues the lexicon found
    dropped: list = field(default_factory=list)  # the cues _event made nothing of, and why


def _cited(events, text: str) -> list[tuple[int, int]]:
    return [span for event in events for span in spans_of(event.sentences, text)]


def _stage(start: int, end: int, record: Record, low: list, kept: list) -> str | None:
    """The stage that lost a sentence's event (``None``: a proposal cites it)."""
    inside = lambda at: start <= at < end  # noqa: E731
    if any(overlaps((start, end), span) for span in kept):
        return None
    if any(overlaps((start, end), span) for span in low):
        return STAGES[6]
    if any(inside(at) and made for at, made in record.drafted):
        return STAGES[5]
    if any(inside(at) for at, _ in record.drafted):
        return STAGES[4]
    if any(inside(cue.start) for cue in record.found):
        return STAGES[3] if start in record.asked else STAGES[2]
    if any(inside(at) and not kept_ for at, _, kept_ in record.offered):
        return STAGES[1]
    return STAGES[0]


def _anchored(split: list, anchors: list[tuple[tuple[int, int], str]]) -> dict[int, list[str]]:
    """The types of the gold events each sentence asserts, by sentence index: a gold event is
    counted in one sentence, the first its opening (``sentence:``) overlaps that is more than a
    list item's label. (A label the splitter leaves alone on its line, "First:", is no sentence
    of the event; its item, which the opening overlaps too, is.)"""
    owned: dict[int, list[str]] = defaultdict(list)
    for at, kind in anchors:
        over = [s for s in split if overlaps((s.start, s.end), at)]
        body = [s for s in over if not is_marker_only(s.text)] or over
        if body:
            owned[body[0].index].append(kind)
    return owned


def read_article(corpus: str, gold: Gold, actors, places) -> Article:
    """Draft an article with no learned triggers, recorded, and read its sentences."""
    with lexicon.using_triggers(None), recording() as record:
        draft = extract(gold.text, gold.published, actors=actors, places=places,
                        source_file=gold.name + ".txt", min_confidence=0.0, learned=False)
    kept = _cited([e for e in draft.events if e.confidence >= DEFAULT_MIN_CONFIDENCE], gold.text)
    low = _cited(draft.events, gold.text)
    split = split_sentences(gold.text)
    owned = _anchored(split, [(event["at"], event["type"]) for event in gold.events
                              if event.get("at")])
    sentences = []
    parses = draft.article.parses if draft.article else {}
    for sentence in split:
        start, end = sentence.start, sentence.end
        types = owned.get(sentence.index, [])
        quiet = not any(start <= cue.start < end for cue in record.found)
        known = [(a, b) for a, b, _ in record.offered if start <= a < end]
        parsed = parses.get(sentence.index)
        candidates = sorted({lexicon.trigger_key(token) for token, a, b in (
            parse.finite_verbs(parsed) if parsed is not None else ())
            if not any(overlaps((a, b), span) for span in known)
            and token.lemma_.lower() not in lexicon.LEMMA_CUES
            and token.lemma_.lower() not in lexicon.SAYING_LEMMAS})
        stage = _stage(start, end, record, low, kept) if types else None
        sentences.append(Sentence(corpus, start, end, sentence.index, types, quiet, candidates,
                                  stage))
    return Article(corpus, gold, draft, sentences, record.found, record.dropped)


def read_sets() -> dict[str, list[Article]]:
    """Every anchored set's articles, drafted with no learned triggers."""
    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    return {corpus.folder.name: [read_article(corpus.folder.name, devset_gold(path), actors,
                                              places)
                                 for path in sorted(corpus.folder.glob("*.gold.yaml"))]
            for corpus in ANCHORED}


def learn(sentences: list[Sentence], min_right: int, min_precision: float,
          anywhere: bool = False) -> dict:
    """The triggers of some training sentences (the model as the file holds it): read in the
    sentences where the lexicon found no cue (where they fire), or in all with ``anywhere``."""
    seen: Counter = Counter()
    right: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        if not sentence.quiet and not anywhere:
            continue
        for key in sentence.candidates:
            seen[key] += 1
            for kind in set(sentence.types):
                right[key][kind] += 1
    triggers = {}
    for key in sorted(right):
        kind, count = min(right[key].items(), key=lambda item: (-item[1], item[0]))
        if count >= min_right and count / seen[key] >= min_precision:
            triggers[key] = {"type": kind, "right": count, "seen": seen[key]}
    return {"triggers": triggers, "min_right": min_right, "min_precision": min_precision,
            "anywhere": anywhere}


def score(article: Article, draft: Draft) -> Score:
    """An article's gold, proposals and matches at the default minimum confidence."""
    kept = [event for event in draft.events if event.confidence >= DEFAULT_MIN_CONFIDENCE]
    proposed = proposed_events(dataclasses.replace(draft, events=kept), article.gold.names)
    owner = best_matching(proposed, article.gold.events)
    return Score(proposed=len(proposed), gold=len(article.gold.events), matched=len(owner))


def redraft(article: Article, model: dict, actors, places) -> Draft:
    """An article's draft with some learned triggers (the draft without, where none can fire)."""
    if not any((sentence.quiet or model["anywhere"])
               and set(sentence.candidates) & set(model["triggers"])
               for sentence in article.sentences):
        return article.draft
    with lexicon.using_triggers(model):
        return extract(article.gold.text, article.gold.published, actors=actors, places=places,
                       source_file=article.gold.name + ".txt", min_confidence=0.0, learned=False)


# --- the measure ------------------------------------------------------------------------------


#: The parts of a confidence's ``why`` that lower it, as ``--list`` classes them.
LOWERING = (("no actor found", "no actor"), ("a background sentence", "background sentence"),
            ("from the headline", "headline"), ("inside a quotation", "inside a quotation"),
            ("no date found", "no date"), ("no date of its own", "article's date"),
            ("a timeline box's line", "timeline box"))


def _low_class(event) -> str:
    """The class of an event scored below the minimum: what of its ``why`` pulled it down (the
    capping reasons first: no actor, background, headline, box; else the date and quote)."""
    found = [label for text, label in LOWERING if any(part.startswith(text) for part in event.why)]
    return " + ".join(found) or f"cue weight ({event.cue_part})"


def list_lost(sets: dict[str, list[Article]]) -> None:
    """``--list``: on the sets tuned on only, every gold sentence lost because ``_event`` made no
    event of its cues or its event scored below the minimum: the sentence, the cue, the reason;
    then the classes counted, beside the same classes in sentences with no gold event (what the
    rules were right to drop)."""
    assert all(corpus.role in ("pooled", "apart") for corpus in ANCHORED)
    lost: dict[str, Counter] = {STAGES[4]: Counter(), STAGES[6]: Counter()}
    right: dict[str, Counter] = {STAGES[4]: Counter(), STAGES[6]: Counter()}
    kind: dict[str, Counter] = {STAGES[4]: Counter(), STAGES[6]: Counter()}  # of the gold's kind
    for name, articles in sets.items():
        for article in articles:
            text = article.gold.text
            for sentence in article.sentences:
                inside = lambda at, s=sentence: s.start <= at < s.end  # noqa: E731
                drops = [(cue, why) for at, cue, why in article.dropped if inside(at)]
                types = {cue.text: cue.type for cue in article.draft_cues if inside(cue.start)}
                fits = lambda cue, golds, t=types: any(  # noqa: E731
                    compatible(t.get(cue, ""), gold) for gold in golds)
                low = [event for event in article.draft.events
                       if event.confidence < DEFAULT_MIN_CONFIDENCE
                       and any(overlaps((sentence.start, sentence.end), span)
                               for span in spans_of(event.sentences, text))]
                if sentence.types and sentence.stage == STAGES[4]:
                    print(f"\n[{name}/{article.gold.name}] NO EVENT ({', '.join(sentence.types)})"
                          f"\n  {text[sentence.start:sentence.end].strip()!r}")
                    for cue, why in drops:
                        print(f"  cue {cue!r}: {why}")
                    lost[STAGES[4]].update({why for _, why in drops})
                    kind[STAGES[4]].update({why for cue, why in drops
                                            if fits(cue, sentence.types)})
                elif sentence.types and sentence.stage == STAGES[6]:
                    print(f"\n[{name}/{article.gold.name}] BELOW THE MINIMUM "
                          f"({', '.join(sentence.types)})"
                          f"\n  {text[sentence.start:sentence.end].strip()!r}")
                    for event in low:
                        print(f"  {event.type} cue {event.cue[0]!r} {event.confidence}: "
                              + "; ".join(event.why))
                    lost[STAGES[6]].update({_low_class(event) for event in low})
                    kind[STAGES[6]].update({_low_class(event) for event in low if any(
                        compatible(event.type, gold) for gold in sentence.types)})
                elif not sentence.types:
                    right[STAGES[4]].update(why for _, why in drops)
                    right[STAGES[6]].update(_low_class(event) for event in low)
    for stage in (STAGES[4], STAGES[6]):
        print(f"\n{stage}: class; gold sentences lost (a sentence counted once per class); of "
              f"them, those where the cue or event dropped is of a gold event's kind (family); in "
              f"sentences with no gold event, the cues or events rightly dropped")
        for why in sorted(set(lost[stage]) | set(right[stage]),
                          key=lambda w: (-lost[stage][w], -right[stage][w], w)):
            print(f"  {lost[stage][why]:4d} {kind[stage][why]:4d} {right[stage][why]:5d}  {why}")


def measure(sets: dict[str, list[Article]]) -> None:
    """Print where today's and the fresh-like drafts lose the gold sentences."""
    articles = [article for items in sets.values() for article in items]
    stages: Counter = Counter()
    unknown: Counter = Counter()
    proposed_from = 0
    events = 0
    for article in articles:
        for sentence in article.sentences:
            if not sentence.types:
                continue
            events += 1
            if sentence.stage is None:
                proposed_from += 1
                continue
            stages[sentence.stage] += 1
            if sentence.stage == STAGES[0]:
                unknown.update(sentence.candidates or ["(no finite verb)"])
    print(f"TODAY'S DRAFTS: {events} gold sentences of {len(sets)} anchored sets; proposals cite "
          f"{proposed_from}; none cites {events - proposed_from}, lost at:")
    for stage in STAGES:
        print(f"  {stages[stage]:4d}  {stage}")
    verbless = sum(1 for a in articles for s in a.sentences
                   if s.stage == STAGES[0] and not s.candidates)
    print(f"  of the 'no cue' sentences, {verbless} have no finite verb the lexicon does not know "
          f"(a noun, an adjective or a verbless line asserts the event)")
    print("  the verbs of the 'no cue' sentences: " + ", ".join(
        f"{key} {count}" for key, count in unknown.most_common(40) if key != "(no finite verb)"))
    # the fresh-like drafts: the before-commits' proposals of the sets in BEFORE
    fresh: Counter = Counter()
    old_low: Counter = Counter()  # whether an old proposal below the minimum cites it
    carried: Counter = Counter()  # today's cues in the sentences today's rules propose from
    fresh_events = fresh_cited = 0
    old_known: Counter = Counter()  # (the old lexicon knew a cue word, today's rules propose)
    lexicons = {name: _old_lexicon(commit) for name, commit in BEFORE.items()}
    for name in BEFORE:
        old = _old_proposals(name, [article.gold for article in sets[name]])
        for article in sets[name]:
            cited = [span for found in old[article.gold.name]["events"]
                     if found["confidence"] >= DEFAULT_MIN_CONFIDENCE
                     for span in spans_of(found["sentences"], article.gold.text)]
            low = [span for found in old[article.gold.name]["events"]
                   for span in spans_of(found["sentences"], article.gold.text)]
            for sentence in article.sentences:
                if not sentence.types:
                    continue
                fresh_events += 1
                own = (sentence.start, sentence.end)
                if any(overlaps(own, span) for span in cited):
                    fresh_cited += 1
                    continue
                fresh[sentence.stage or "today's rules propose from it"] += 1
                old_low[any(overlaps(own, span) for span in low)] += 1
                knew = _old_lexicon_knows(lexicons[name], article, sentence)
                old_known[(knew, sentence.stage is None)] += 1
                if sentence.stage is None:
                    cues = sorted({cue.text.lower() for cue in article.draft_cues
                                   if sentence.start <= cue.start < sentence.end})
                    carried.update(cues)
    print(f"\nFRESH-LIKE DRAFTS ({len(BEFORE)} sets of train_learned.BEFORE): {fresh_events} gold "
          f"sentences; the old proposals cite {fresh_cited}; none cites "
          f"{fresh_events - fresh_cited}, of which, by what today's rules do with the sentence:")
    for stage in ("today's rules propose from it", *STAGES):
        print(f"  {fresh[stage]:4d}  {stage}")
    print(f"  (the old extractor proposed from {old_low[True]} of them below the minimum "
          f"confidence, from {old_low[False]} nothing at all)")
    print("  by the lexicon of the commit that drafted them (its cue patterns over the sentence, "
          "its verb lemmas over today's parse): it knew no word of "
          f"{old_known[(False, True)] + old_known[(False, False)]} "
          f"({old_known[(False, True)]} of which today's rules propose from), "
          f"a cue word of {old_known[(True, True)] + old_known[(True, False)]} "
          f"({old_known[(True, True)]} of which today's rules propose from)")
    print("  today's cues in the sentences today's rules propose from: " + ", ".join(
        f"{word} {count}" for word, count in carried.most_common(40)))


def _old_lexicon(commit: str) -> dict:
    """The lexicon module of an old commit (a file of words and patterns importing only ``re``),
    read from git without a worktree."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:kb/extract/lexicon.py"],
                            check=True, capture_output=True, text=True).stdout
    namespace: dict = {"__name__": f"lexicon_{commit}"}
    exec(compile(source, f"{commit}:kb/extract/lexicon.py", "exec"), namespace)
    return namespace


def _old_lexicon_knows(old: dict, article: Article, sentence: Sentence) -> bool:
    """Whether an old lexicon has a cue word in a sentence: one of its cue patterns (the first
    word read in lower case too, as the cue reader does), or a finite verb (today's parse) whose
    lemma its verb lemmas or verbs of saying list."""
    text = article.gold.text[sentence.start:sentence.end]
    lowered = text[:1].lower() + text[1:]
    if any(pattern.search(text) or pattern.search(lowered)
           for _, pattern, _ in old["CUE_PATTERNS"]):
        return True
    parsed = article.draft.article.parses.get(sentence.index) if article.draft.article else None
    lemmas = set(old.get("LEMMA_CUES", {})) | set(old.get("SAYING_LEMMAS", ()))
    return parsed is not None and any(token.lemma_.lower() in lemmas
                                      for token, _, _ in parse.finite_verbs(parsed))


# --- evaluation and writing -------------------------------------------------------------------


def _fold(sets: dict[str, list[Article]], leave: str, min_right: int, share: float,
          anywhere: bool, actors, places) -> tuple[Score, Score, dict]:
    """Off and on scores of one left-out set, and the fold's model."""
    training = [s for name, items in sets.items() if name != leave
                for article in items for s in article.sentences]
    model = learn(training, min_right, share, anywhere)
    off, on = Score(), Score()
    for article in sets[leave]:
        off.add(score(article, article.draft))
        on.add(score(article, redraft(article, model, actors, places)))
    return off, on, model


def _row(label: str, off: Score, on: Score) -> str:
    added = on.proposed - off.proposed
    gained = on.matched - off.matched
    share = f"{gained / added:5.2f}" if added else "    -"
    return (f"{label:<12} gold {off.gold:4d}  off {off.matched:4d} / {off.proposed:4d}  "
            f"on {on.matched:4d} / {on.proposed:4d}  gained {gained:+3d} added {added:+3d} "
            f"precision of added {share}")


def evaluate(sets: dict[str, list[Article]], grid, held_out: bool, min_right: int,
             share: float, anywhere: bool) -> None:
    """Leave one set out over the grid; the per-set table of the chosen setting; the held-out."""
    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    print("grid (leave one set out, today's drafts, totals): min-right min-precision")
    for right, precision in grid:
        off_all, on_all = Score(), Score()
        for name in sets:
            off, on, _ = _fold(sets, name, right, precision, anywhere, actors, places)
            off_all.add(off)
            on_all.add(on)
        print(_row(f"  {right} {precision:.2f}", off_all, on_all))
    print(f"\nper set, min-right {min_right}, min-precision {share}:")
    off_all, on_all = Score(), Score()
    for name in sets:
        off, on, model = _fold(sets, name, min_right, share, anywhere, actors, places)
        off_all.add(off)
        on_all.add(on)
        print(_row(name, off, on) + f"  ({len(model['triggers'])} triggers)")
    print(_row("TOTAL", off_all, on_all))
    if held_out:
        model = learn([s for items in sets.values() for a in items for s in a.sentences],
                      min_right, share, anywhere)
        print(f"\nheld out (totals only), triggers of all anchored sets ({len(model['triggers'])}):")
        off_all, on_all = Score(), Score()
        for corpus in HELD_OUT:
            off, on = Score(), Score()
            for path in sorted(corpus.folder.glob("*.gold.yaml")):
                gold = devset_gold(path)
                for target, triggers in ((off, None), (on, model)):
                    with lexicon.using_triggers(triggers):
                        draft = extract(gold.text, gold.published, actors=actors,
                                        places=places, source_file=gold.name + ".txt",
                                        min_confidence=0.0, learned=False)
                    target.add(score(Article(corpus.folder.name, gold, draft, []), draft))
            off_all.add(off)
            on_all.add(on)
            print(_row(corpus.folder.name, off, on))
        print(_row("held out", off_all, on_all))


def _old_reading(old: dict, article: Article, sentence: Sentence) -> tuple[bool, list[str]]:
    """How an old lexicon reads a sentence: whether it knows no word of it (no cue pattern, no
    finite verb of its lemmas), and the trigger keys of the finite verbs it does not know."""
    text = article.gold.text[sentence.start:sentence.end]
    lowered = text[:1].lower() + text[1:]
    spans = [(sentence.start + m.start(), sentence.start + m.end())
             for _, pattern, _ in old["CUE_PATTERNS"] for searched in {text, lowered}
             for m in pattern.finditer(searched)]
    parsed = article.draft.article.parses.get(sentence.index) if article.draft.article else None
    verbs = parse.finite_verbs(parsed) if parsed is not None else []
    lemmas = set(old.get("LEMMA_CUES", {})) | set(old.get("SAYING_LEMMAS", ()))
    quiet = not spans and not any(token.lemma_.lower() in lemmas for token, _, _ in verbs)
    return quiet, sorted({lexicon.trigger_key(token) for token, a, b in verbs
                          if token.lemma_.lower() not in lemmas
                          and not any(overlaps((a, b), span) for span in spans)})


def evaluate_fresh_like(sets: dict[str, list[Article]], grid) -> None:
    """Leave one set out on the fresh-like drafts: for each set of ``BEFORE``, triggers are
    learned from the other anchored sets as the lexicon of the set's before-commit reads them
    (verbs it does not know, in sentences where it knows no word), and in the left-out set's
    sentences where that lexicon knows no word, the events today's rules draft from the triggers'
    verbs are added to the before-commit's proposals (where today's lexicon has learned the verb
    by hand since, its cue stands for the trigger's: the trigger would have made that cue)."""
    from train_learned import draft_set, fresh_like, total

    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    readings = {}
    for name, commit in BEFORE.items():
        old = _old_lexicon(commit)
        readings[name] = {(a.corpus, a.gold.name, s.index): _old_reading(old, a, s)
                          for items in sets.values() for a in items for s in a.sentences}
    fresh = {name: fresh_like(name, draft_set([a.gold for a in sets[name]])) for name in BEFORE}
    for right, share in grid:
        off_all, on_all = Score(), Score()
        lines = []
        for name in BEFORE:
            reading = readings[name]
            training = [dataclasses.replace(s, quiet=q, candidates=c)
                        for other, items in sets.items() if other != name for a in items
                        for s in a.sentences
                        for q, c in [reading[(a.corpus, a.gold.name, s.index)]]]
            model = {**learn(training, right, share), "anywhere": True}
            on_items = []
            for article, item in zip(sets[name], fresh[name], strict=True):
                targets = {s.index for s in article.sentences
                           for q, c in [reading[(article.corpus, article.gold.name, s.index)]]
                           if q and set(c) & set(model["triggers"])}
                if not targets:
                    on_items.append(item)
                    continue
                with lexicon.using_triggers(model):
                    today = extract(article.gold.text, article.gold.published, actors=actors,
                                    places=places, source_file=article.gold.name + ".txt",
                                    min_confidence=0.0, learned=False)
                spans = [(a, b) for index in targets
                         for token, a, b in parse.finite_verbs(article.draft.article.parses[index])
                         if lexicon.trigger_key(token) in model["triggers"]]
                added = [event for event in today.events if event.sentence_index in targets
                         and any(overlaps(event.cue[1:], span) for span in spans)]
                draft = dataclasses.replace(item.draft, events=item.draft.events + added,
                                            actors={**today.actors, **item.draft.actors})
                on_items.append(dataclasses.replace(item, draft=draft))
            off, on = total(fresh[name], None)[0], total(on_items, None)[0]
            off_all.add(off)
            on_all.add(on)
            lines.append(_row(name, off, on) + f"  ({len(model['triggers'])} triggers)")
        print(f"fresh-like, min-right {right}, min-precision {share}:")
        for text in lines:
            print("  " + text)
        print("  " + _row("TOTAL", off_all, on_all))


def write(sets: dict[str, list[Article]], min_right: int, share: float, anywhere: bool,
          output: Path) -> None:
    """Learn from every anchored set and write the triggers, deterministically."""
    model = learn([s for items in sets.values() for a in items for s in a.sentences],
                  min_right, share, anywhere)
    model["trained_on"] = sorted(sets)
    text = json.dumps(model, sort_keys=True, indent=1) + "\n"
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output} ({len(text)} bytes): {len(model['triggers'])} triggers: " + ", ".join(
        f"{key} {entry['type']} {entry['right']}/{entry['seen']}"
        for key, entry in model["triggers"].items()))


def main(argv: list[str] | None = None) -> int:
    """Measure, evaluate or write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--measure", action="store_true",
                        help="where the rules lose the gold sentences they propose nothing from")
    parser.add_argument("--list", action="store_true",
                        help="--measure: list the tuned sets' sentences lost because _event made "
                             "no event or the event scored below the minimum, with the reasons")
    action.add_argument("--evaluate", action="store_true", help="leave one set out")
    action.add_argument("--write", action="store_true", help="learn from all and write the file")
    parser.add_argument("--min-right", type=int, default=MIN_RIGHT,
                        help=f"training sentences a trigger must be right in (default {MIN_RIGHT})")
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION,
                        help=f"its least share of right ones (default {MIN_PRECISION})")
    parser.add_argument("--anywhere", action="store_true", default=ANYWHERE,
                        help="triggers read in and fire in every sentence, not only where the "
                             "lexicon found no cue")
    parser.add_argument("--fresh-like", action="store_true",
                        help="--evaluate on the fresh-like drafts, as their commits' lexicons read")
    parser.add_argument("--no-grid", action="store_true", help="--evaluate without the grid")
    parser.add_argument("--held-out", action="store_true",
                        help="--evaluate: then the held-out sets' totals, off and on (totals only)")
    parser.add_argument("--output", type=Path, default=lexicon.TRIGGERS_FILE,
                        help="where --write writes (default: the shipped file)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    sets = read_sets()
    print(f"drafted {sum(len(items) for items in sets.values())} articles of {len(sets)} anchored "
          f"sets in {time.monotonic() - started:.0f} s")
    if args.measure and args.list:
        list_lost(sets)
    elif args.measure:
        measure(sets)
    elif args.write:
        write(sets, args.min_right, args.min_precision, args.anywhere, args.output)
    elif args.fresh_like:
        evaluate_fresh_like(sets, GRID if not args.no_grid else (
            (args.min_right, args.min_precision),))
    else:
        evaluate(sets, () if args.no_grid else GRID, args.held_out, args.min_right,
                 args.min_precision, args.anywhere)
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
