"""The sentence stage: a model trained on the gold's anchored sentences proposes an event from a
sentence the rules proposed nothing from.

The rules of :mod:`kb.extract` most often fail on fresh text by proposing nothing from a sentence
that asserts an event. This stage reads each such sentence (one no proposal at the draft's minimum
confidence cites) and, where the model says it asserts an event with a probability of at least the
model's ``threshold``, proposes one:

- its **type** is the model's likeliest (one type per family: Statement, Meeting, Demand, Killing,
  and the types that are their own family);
- its **date** is the rules' date of the sentence: the sentence's own time expression as the
  pipeline resolved it (the first of the past, else the first), else the article's date at that
  point (:func:`kb.extract.reference.context_dates`), else the week up to the publication, as the
  rules date an event without an expression;
- its **actors** are the ones the actor reader found in the sentence (names, titles, pronouns it
  resolved; not a name that only modifies another), the subject of the sentence's main verb in the
  type's subject role (the agent of a passive too), the others in its object role, so the draft
  loads; a sentence without an actor gives no proposal;
- its cue is "learned sentence model" (the sentence's offsets), its confidence the model's
  probability, its ``why`` the probability and the features that weighed most.

What the model reads of a sentence (:func:`features`; names and numbers never): its words (lemmas,
numbers folded, proper nouns left out; the shipped model does without them, which carried better to
the left-out sets, also in session 17 with twice the sentences), the parse (the root's lemma and
tense, the subject and its kind, passive, negation, modals, conditions, a quotation, reported
speech), what the rules found (how many actors and of which kind, the time expressions and whether
they are past, the types of the cue words the lexicon found even where no event came of them, the
sentence's kind and position, whether the sentence before proposed an event). The model is a
multinomial logistic regression (``NONE`` or a type), stored as JSON in the package
(:data:`MODEL_FILE`, written by ``benchmarks/train_sentences.py --write``); its inference here is
pure Python. The stage is off by default (:data:`kb.extract.draft.SENTENCES_BY_DEFAULT`; ``kb
extract --sentences`` turns it on): leaving one set out it gained 44 matches for 74 proposals on
fresh-like drafts but 8 for 25 on today's, and on the held-out sets 2 for 17; rebuilt in session 17
on twice the sentences (threshold 0.8), 43 for 88 on today's drafts and 39 for 71 on the sets
written blind, but held out at most 2 for 18 (``benchmarks/train_sentences.py``'s docstring).

A missing or corrupt model file is a :class:`~kb.errors.KBError` naming the file and the command
that rebuilds it. Nothing here imports spaCy or scikit-learn: the parse is read through the tokens
:mod:`kb.extract.parse` made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.errors import KBError
from kb.extract.actors import Mention
from kb.extract.events import Extractor
from kb.extract.jsonfile import read_json
from kb.extract.learned import probabilities
from kb.extract.lexicon import ROLES, SAYING_LEMMAS
from kb.extract.model import DraftEvent
from kb.extract.sentences import Sentence
from kb.extract.timex import TimeExpression

#: The shipped model (written by ``benchmarks/train_sentences.py --write``).
MODEL_FILE = Path(__file__).with_name("sentence_model.json")
#: The label of a sentence that asserts no event.
NONE = "NONE"
#: The label of a sentence that asserts an event, in a binary model.
EVENT = "EVENT"
#: The cue a proposal of this stage names.
CUE = "learned sentence model"
#: The type each family of the benchmark is proposed as (other types are their own family).
FAMILY_TYPE = {"Vow": "Statement", "Threat": "Statement", "Summit": "Meeting",
               "PressConference": "Meeting", "NegotiationRound": "Meeting",
               "Precondition": "Demand", "Attack": "Killing"}

_NEGATION = frozenset(("not", "no", "never", "n't", "neither", "nor", "without"))
_CONDITION = frozenset(("if", "unless", "provided", "once", "until", "whether"))
_QUOTES = "\"“”"
#: Parts of speech whose lemmas are word features (names and numbers are not).
_WORD_PARTS = frozenset(("VERB", "NOUN", "ADJ", "ADV", "AUX", "ADP", "SCONJ", "PART", "PRON",
                         "DET", "CCONJ"))
_MOST_ACTORS = 4


@dataclass
class Reading:
    """What the stage reads of one article: its sentences, their kinds (headline, dateline,
    background, story) and parses, the actors and cue types the rules found in each, the time
    expressions, the context dates and the extractor (its actors, its way of dating)."""

    text: str
    sentences: list[Sentence]
    kinds: dict[int, str]
    parses: dict[int, Any]
    extractor: Extractor
    expressions: list[TimeExpression]
    context: dict[int, TimeExpression]
    reference: date
    own: dict[int, list[TimeExpression]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for sentence in self.sentences:
            self.own[sentence.index] = [e for e in self.expressions
                                        if sentence.start <= e.start and e.end <= sentence.end]

    def actors(self, index: int) -> list[Mention]:
        """The actors found in a sentence (not a name that only modifies another), once each."""
        seen: set[str] = set()
        kept = []
        for mention in self.extractor.found_mentions.get(index, []):
            if mention.modifier or mention.actor in seen \
                    or mention.actor not in self.extractor.actors:
                continue
            seen.add(mention.actor)
            kept.append(mention)
        return kept


def cited(reading: Reading, events: list[DraftEvent]) -> set[int]:
    """The sentences some proposals cite (by index: a sentence a proposal's sentence overlaps)."""
    spans = []
    for event in events:
        if event.sentence_span != (0, 0):
            spans.append(event.sentence_span)
        for text in event.sentences:
            start = reading.text.find(text)
            if start >= 0:
                spans.append((start, start + len(text)))
    return {s.index for s in reading.sentences
            if any(s.start < end and start < s.end for start, end in spans)}


def _fold(word: str) -> str:
    return re.sub(r"\d+", "0", word.lower())


def _tense(root: Any) -> str:
    """The tense of the main verb: past, perfect, future, modal, present or none."""
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {c.lemma_.lower() for c in aux}
    if "will" in lemmas or "shall" in lemmas:
        return "future"
    if any(c.tag_ == "MD" for c in aux):
        return "modal"
    if "have" in lemmas:
        return "perfect"
    tags = {root.tag_, *(c.tag_ for c in aux)}
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return "none"


def _in_span(mention: Mention, parsed: Any, token: Any) -> bool:
    start = parsed.base + token.left_edge.idx
    end = parsed.base + token.right_edge.idx + len(token.right_edge.text)
    return start <= mention.start < end


def _syntax(parsed: Any, mentions: list[Mention], found: dict[str, float]) -> Any:
    """The parse's features; returns the root."""
    doc = parsed.doc
    roots = [t for t in doc if t.dep_ == "ROOT"]
    root = roots[0] if roots else None
    for token in doc:
        if token.pos_ in _WORD_PARTS and not token.is_punct:
            found[f"word:{_fold(token.lemma_)}"] = 1.0
        if token.dep_ == "neg" or token.lower_ in _NEGATION:
            found["negation:" + ("root" if root is not None and token.head.i == root.i
                                 else "any")] = 1.0
        if token.tag_ == "MD":
            found[f"modal:{token.lower_}"] = 1.0
        if token.dep_ == "mark" and token.lower_ in _CONDITION:
            found["condition:yes"] = 1.0
    if root is None:
        return None
    lemma = _fold(root.lemma_)
    tense = _tense(root)
    found[f"root:{lemma}"] = 1.0
    found[f"root_pos:{root.pos_}"] = 1.0
    found[f"tense:{tense}"] = 1.0
    found[f"root:{lemma}|tense:{tense}"] = 1.0
    if root.lemma_.lower() in SAYING_LEMMAS:
        found["reported:saying"] = 1.0
        if any(c.dep_ == "ccomp" for c in root.children):
            found["reported:clause"] = 1.0
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in root.children):
        found["passive:yes"] = 1.0
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        found["subject:none"] = 1.0
    for subject in subjects[:1]:
        if any(_in_span(m, parsed, subject) for m in mentions):
            found["subject:actor"] = 1.0
        found[f"subject:{subject.pos_}"] = 1.0
        if subject.pos_ in ("NOUN", "PRON"):
            found[f"subject:{_fold(subject.lemma_)}"] = 1.0
    return root


def features(reading: Reading, index: int, proposed: set[int]) -> dict[str, float]:
    """What the model reads of one sentence (``proposed``: the sentences the rules proposed from,
    for whether the sentence before did)."""
    sentence = next(s for s in reading.sentences if s.index == index)
    found: dict[str, float] = {}
    mentions = reading.actors(index)
    parsed = reading.parses.get(index)
    if parsed is not None:
        _syntax(parsed, mentions, found)
    text = sentence.text
    if any(q in text for q in _QUOTES):
        found["quote:inside"] = 1.0
        if text.lstrip()[:1] in _QUOTES:
            found["quote:opens"] = 1.0
    if text.rstrip().endswith("?"):
        found["question:yes"] = 1.0
    found[f"actors:{min(len(mentions), 3)}"] = 1.0
    for mention in mentions:
        actor = reading.extractor.actors[mention.actor]
        found[f"actor:{actor.type}"] = 1.0
        found["actor:" + ("known" if actor.known else "new")] = 1.0
        if mention.pronoun:
            found["actor:pronoun"] = 1.0
    own = [e for e in reading.own[index] if e.kind != "duration"]
    found[f"times:{min(len(own), 2)}"] = 1.0
    for expression in own:
        when = ("past" if expression.latest < reading.reference else "future"
                if expression.earliest > reading.reference else "now")
        found[f"time:{when}"] = 1.0
        if expression.tense:
            found[f"time_tense:{expression.tense}"] = 1.0
        if expression.days > 31:
            found["time:wide"] = 1.0
    if not own:
        found["time:" + ("context" if index in reading.context else "none")] = 1.0
    for kind in sorted(set(reading.extractor.found_cues.get(index, []))):
        found[f"lexicon:{kind}"] = 1.0
    if not reading.extractor.found_cues.get(index):
        found["lexicon:none"] = 1.0
    found[f"kind:{reading.kinds.get(index, 'story')}"] = 1.0
    count = max(len(reading.sentences), 1)
    found[f"position:{min(4, 5 * index // count)}"] = 1.0
    if index <= 1:
        found["position:lead"] = 1.0
    if index - 1 in proposed:
        found["previous:proposed"] = 1.0
    found[f"length:{min(len(text) // 80, 4)}"] = 1.0
    return found


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> dict:
    """The model of a JSON file, or a :class:`KBError` naming the file and how to write it."""
    hint = ("rebuild it with: python benchmarks/train_sentences.py --write; or run kb extract "
            "--no-sentences")
    model = read_json(path, "the sentence stage's model file", hint)
    if not isinstance(model, dict) or not {"classes", "bias", "weights", "settings"} <= set(model) \
            or "threshold" not in (model.get("settings") or {}):
        raise KBError("the sentence stage's model file lacks classes, bias, weights or its "
                      "threshold", where=str(path), hint=hint)
    return model


def _strongest(model: dict, found: dict[str, float], label: str, count: int = 3) -> list[str]:
    """The features that weighed most for a label (by weight times value, the largest first)."""
    k = model["classes"].index(label)
    none = model["classes"].index(NONE) if NONE in model["classes"] else None
    weighed = []
    for name, value in found.items():
        row = model["weights"].get(name)
        if row is None:
            continue
        weight = row[k] - (row[none] if none is not None else 0.0)
        weighed.append((weight * value, name))
    weighed.sort(key=lambda item: (-item[0], item[1]))
    return [name for weight, name in weighed[:count] if weight > 0]


def _roles(reading: Reading, index: int, kind: str,
           mentions: list[Mention]) -> list[tuple[str, str]]:
    """The actors of a sentence in the roles of a type: the main verb's subject (or a passive's
    agent) in the subject role, the others in the object role; without a subject, the first."""
    subject_role, object_role = ROLES.get(kind, ("participant", "participant"))
    parsed = reading.parses.get(index)
    leading: list[str] = []
    if parsed is not None:
        roots = [t for t in parsed.doc if t.dep_ == "ROOT"]
        for root in roots[:1]:
            agents = [c for c in root.children if c.dep_ == "nsubj"]
            agents += [g for c in root.children if c.dep_ == "agent" for g in c.children]
            for token in agents:
                leading += [m.actor for m in mentions if _in_span(m, parsed, token)]
    if not leading:
        leading = [mentions[0].actor]
    roles = [(actor, subject_role) for actor in dict.fromkeys(leading)]
    roles += [(m.actor, object_role) for m in mentions if m.actor not in leading]
    return roles[:_MOST_ACTORS]


def _date_of(reading: Reading, index: int):
    """The rules' date of a sentence: its own expression (the first past one, else the first),
    else its context date, else the week up to the publication."""
    own = [e for e in reading.own[index] if e.kind != "duration"]
    past = [e for e in own if e.latest <= reading.reference]
    expression = (past or own or [None])[0]
    return reading.extractor._draft_date(expression, "sentence", "happened",
                                         context=reading.context.get(index))


def chances(model: dict, found: dict[str, float]) -> tuple[float, dict[str, float]]:
    """The probability that a sentence asserts an event, and of each type given that it does:
    of one multinomial model (``NONE`` or a type), or of a binary one (``NONE`` or ``EVENT``)
    with a model of the type beside it (``types``)."""
    p = probabilities(model, found)
    p_event = 1.0 - p.get(NONE, 0.0)
    if "types" in model:
        return p_event, probabilities(model["types"], found)
    rest = {label: value for label, value in p.items() if label != NONE}
    total = sum(rest.values()) or 1.0
    return p_event, {label: value / total for label, value in rest.items()}


def propose(reading: Reading, events: list[DraftEvent], model: dict) -> list[DraftEvent]:
    """The stage: an event for each sentence no proposal of ``events`` cites, where the model
    is sure enough that it asserts one and the rules found an actor in it."""
    proposed = cited(reading, events)
    threshold = model["settings"]["threshold"]
    added = []
    for sentence in reading.sentences:
        index = sentence.index
        if index in proposed:
            continue
        mentions = reading.actors(index)
        if not mentions:
            continue
        found = features(reading, index, proposed)
        p_event, p = chances(model, found)
        if p_event < threshold:
            continue
        kind = max(p, key=lambda label: (p[label], label))
        event = DraftEvent(type=kind, date=_date_of(reading, index), sentences=[sentence.text],
                           actors=_roles(reading, index, kind, mentions),
                           sentence_index=index, last_index=index, order=10_000 + index,
                           cue=(CUE, sentence.start, sentence.end),
                           sentence_span=(sentence.start, sentence.end), cue_part="sentence",
                           confidence=round(min(0.95, p_event), 2))
        event.why = [f"{CUE}: p(event) {p_event:.2f}, p({kind} | event) {p[kind]:.2f}; features "
                     + ", ".join(_strongest(model, found, kind if kind in model["classes"]
                                            else EVENT))]
        added.append(event)
    return added
