"""The learned stage: a model trained on the gold events retypes proposals and says how likely each
is an event a curator keeps.

What this module owns:

- the **features** of one proposal (:func:`features`): what the rules decided (type, the cue's
  part, the parse's decisions in ``event.parsed``, roles and how many actors, where the date came
  from, quotation, status, a claimant), where it sits (the kind of its sentence, its position in
  the article, how many proposals share its sentence and of which kinds, whether another
  proposal tells the same event), and the cue's syntax (its lemma, tag and dependency, the lemma
  of its head, the dependencies of its children and their function words, negation, modal and
  condition words near it). Names and numbers of one article are never features: they do not
  carry to another; the training leaves out the families that did not carry across the sets;
- the **model**: a multinomial logistic regression over those features predicting the gold type
  of a proposal or ``NONE`` (no gold event), stored as a small JSON file shipped in the package
  (:data:`MODEL_FILE`; written by ``benchmarks/train_learned.py --write``, never at run time), and
  its inference in pure Python (:func:`probabilities`);
- the **stage** (:func:`apply`): after :func:`kb.extract.confidence.score`, each proposal gets
  the model's probabilities; it is retyped where the model is sure of another type (its actors'
  roles mapped to the new type's), and its confidence is moved by the model's P(event); both are
  said in ``event.why``. The stage is off by default (``kb.extract.draft.LEARNED_BY_DEFAULT``):
  on the held-out sets it did not beat the rules (``benchmarks/train_learned.py``'s docstring).

A missing or corrupt model file is a :class:`~kb.errors.KBError` naming the file and the
command that writes it (never a silent stage off). Nothing here imports spaCy or scikit-learn: the
parse is read through the tokens :mod:`kb.extract.parse` made.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.errors import KBError
from kb.extract.jsonfile import read_json
from kb.extract.lexicon import MEETING_FAMILY, ROLES, STATEMENT_FAMILY
from kb.extract.model import DraftEvent

#: The shipped model (written by ``benchmarks/train_learned.py --write``).
MODEL_FILE = Path(__file__).with_name("learned_model.json")
#: The label of a proposal no gold event matches.
NONE = "NONE"
#: The families of features :func:`features` computes (a feature is ``family:value``).
FAMILIES = ("type", "part", "cue", "tag", "dep", "head", "child", "parsed", "role", "actors",
            "date", "days", "quote", "status", "claim", "answers", "kind", "position",
            "sentences", "crowd", "twin", "sibling", "negation", "modal", "condition", "length", "rules")

_NEGATION = frozenset(("not", "no", "never", "n't", "neither", "nor", "deny", "without"))
_MODAL = frozenset(("will", "would", "could", "may", "might", "should", "can", "shall", "plan",
                    "expect", "ready", "willing", "intend", "hope", "likely", "possible"))
_CONDITION = frozenset(("if", "unless", "provided", "condition", "once", "until", "only",
                        "whether"))
#: Kinds of event types that tell one event in different words.
_KINDS = {"statement": frozenset(STATEMENT_FAMILY), "meeting": frozenset(MEETING_FAMILY),
          "violence": frozenset(("Killing", "Attack"))}
#: Words either side of the cue in which negation, modality and condition are looked for.
_NEAR = 6
#: Parts of speech whose lemmas are features of the cue's children (function words and classes
#: that carry across writers; names and numbers do not).
_FUNCTION_PARTS = frozenset(("AUX", "PART", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "ADV"))


@dataclass
class Article:
    """What the features of a proposal read besides the proposal: the kind of each sentence
    (:func:`kb.extract.confidence.sentence_kinds`), the parses by sentence index (``None`` for one
    too long to parse) and the sentences' offsets."""

    kinds: dict[int, str]
    parses: dict[int, Any]
    spans: dict[int, tuple[int, int]]


def features(events: list[DraftEvent], article: Article) -> None:
    """Set ``event.features`` of each proposal of one article (the events in the order drafted,
    after scoring)."""
    per_sentence: dict[int, int] = {}
    for event in events:
        per_sentence[event.sentence_index] = per_sentence.get(event.sentence_index, 0) + 1
    count = max(len(article.spans), 1)
    for number, event in enumerate(events):
        found: dict[str, float] = {}
        _rules(event, found)
        kind = article.kinds.get(event.sentence_index, "story")
        found[f"kind:{kind}"] = 1.0
        found[f"position:{min(4, 5 * event.sentence_index // count)}"] = 1.0
        if event.sentence_index <= 1:
            found["position:lead"] = 1.0
        found[f"crowd:{min(per_sentence[event.sentence_index], 3)}"] = 1.0
        _neighbours(event, events[:number], events[number + 1:], found)
        _syntax(event, article, found)
        event.features = found


def _rules(event: DraftEvent, found: dict[str, float]) -> None:
    """What the rules decided: type, part, parse decisions, roles, date, quotation, status."""
    found[f"type:{event.type}"] = 1.0
    found[f"part:{event.cue_part}"] = 1.0
    found[f"part:{event.cue_part}|type:{event.type}"] = 1.0
    for decision in event.parsed:
        found[f"parsed:{_decision(decision)}"] = 1.0
    roles = sorted({role for _, role in event.actors})
    for role in roles:
        found[f"role:{role}"] = 1.0
    found[f"actors:{min(len(event.actors), 3)}"] = 1.0
    found[f"date:{event.date.source}" + ("|context" if event.date.from_context else "")] = 1.0
    days = event.date.days
    found["days:" + ("1" if days <= 1 else "week" if days <= 8 else "month" if days <= 31
                     else "more")] = 1.0
    if event.in_quote:
        found["quote:inside"] = 1.0
    if event.quote:
        found["quote:kept"] = 1.0
    found[f"status:{event.status}"] = 1.0
    if event.according_to:
        found["claim:according_to"] = 1.0
    if event.answers is not None:
        found["answers:yes"] = 1.0
    found[f"sentences:{min(len(event.sentences), 3)}"] = 1.0
    found["rules:confidence"] = event.confidence


def _decision(decision: str) -> str:
    """A parse decision without the actor it names ("speaker hamas": speaker)."""
    return "speaker" if decision.startswith("speaker ") else decision


def kind_of(event_type: str) -> str:
    """The family of an event type (statement, meeting, violence) or the type itself."""
    for name, members in _KINDS.items():
        if event_type in members:
            return name
    return event_type


def _meet(first: DraftEvent, second: DraftEvent) -> bool:
    """Whether two proposals' dates meet and they share an actor."""
    return (first.date.earliest <= second.date.latest
            and second.date.earliest <= first.date.latest
            and bool({a for a, _ in first.actors} & {a for a, _ in second.actors}))


def _neighbours(event: DraftEvent, before: list[DraftEvent], after: list[DraftEvent],
                found: dict[str, float]) -> None:
    """Other proposals that may tell the same event: a twin (same kind of type, dates that
    meet, an actor in common) before or after it, surer or not; siblings in its sentence (their
    kinds of type, beside its own)."""
    own = kind_of(event.type)
    for side, others in (("earlier", before), ("later", after)):
        twins = [other for other in others if kind_of(other.type) == own and _meet(other, event)]
        if twins:
            found[f"twin:{side}"] = 1.0
            if max(other.confidence for other in twins) > event.confidence:
                found["twin:surer"] = 1.0
        for other in others:
            if other.sentence_index == event.sentence_index:
                other_kind = kind_of(other.type)
                found[f"sibling:{other_kind}"] = 1.0
                found[f"sibling:{other_kind}|own:{own}"] = 1.0
                if _meet(other, event):
                    found["sibling:meets"] = 1.0


def _syntax(event: DraftEvent, article: Article, found: dict[str, float]) -> None:
    """The cue's lemma, tag, dependency, head and children, and the negation, modal and
    condition words near it, from its sentence's parse (the cue's own words without one)."""
    _, start, end = event.cue
    index = next((i for i, (s, e) in article.spans.items() if s <= start < e),
                 event.sentence_index)
    span = article.spans.get(index, (0, 0))
    found[f"length:{min((span[1] - span[0]) // 100, 4)}"] = 1.0
    parsed = article.parses.get(index)
    token = parsed.head_of(start, end) if parsed is not None else None
    if token is None:
        found[f"cue:{event.cue[0].lower()}"] = 1.0
        return
    found[f"cue:{token.lemma_.lower()}"] = 1.0
    found[f"cue:{token.lemma_.lower()}|type:{event.type}"] = 1.0
    found[f"tag:{token.tag_}"] = 1.0
    found[f"dep:{token.dep_}"] = 1.0
    head = token.head
    if head.i != token.i:
        found[f"head:{head.pos_}"] = 1.0
        if head.pos_ in ("VERB", "AUX", "NOUN", "ADP", "SCONJ"):
            found[f"head:{head.lemma_.lower()}"] = 1.0
    for child in token.children:
        found[f"child:{child.dep_}"] = 1.0
        if child.pos_ in _FUNCTION_PARTS:
            found[f"child:{child.lemma_.lower()}"] = 1.0
    near = [t.lemma_.lower() for t in parsed.doc if abs(t.i - token.i) <= _NEAR]
    for family, words in (("negation", _NEGATION), ("modal", _MODAL),
                          ("condition", _CONDITION)):
        if any(word in words for word in near):
            found[f"{family}:near"] = 1.0


def probabilities(model: dict, found: dict[str, float]) -> dict[str, float]:
    """The model's probability of each label (a type or ``NONE``) for one proposal's features."""
    classes = model["classes"]
    logits = list(model["bias"])
    weights = model["weights"]
    for name, value in found.items():
        row = weights.get(name)
        if row is not None:
            for k, weight in enumerate(row):
                logits[k] += weight * value
    top = max(logits)
    exps = [math.exp(logit - top) for logit in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(classes, exps, strict=True)}


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> dict:
    """The model of a JSON file, or a :class:`KBError` naming the file and how to write
    it."""
    hint = "write it with: python benchmarks/train_learned.py --write; or run kb extract --no-learned"
    model = read_json(path, "the learned stage's model file", hint)
    if not isinstance(model, dict) or not {"classes", "bias", "weights", "settings"} <= set(model):
        raise KBError("the learned stage's model file lacks classes, bias, weights or "
                      "settings", where=str(path), hint=hint)
    return model


def retype(event: DraftEvent, kind: str) -> None:
    """Give a proposal another type, its actors' roles mapped to the new type's: the old type's
    subject role becomes the new one's, the object role likewise (the first of two participants
    is the subject), other roles (mediator, host) stay."""
    old_subject, old_object = ROLES.get(event.type, ("participant", "participant"))
    new_subject, new_object = ROLES.get(kind, ("participant", "participant"))
    mapped: list[tuple[str, str]] = []
    subject_given = False
    for actor, role in event.actors:
        if role == old_subject and not (old_subject == old_object and subject_given):
            mapped.append((actor, new_subject))
            subject_given = True
        elif role == old_object:
            mapped.append((actor, new_object))
        else:
            mapped.append((actor, role))
    event.actors = list(dict.fromkeys(mapped))
    event.type = kind


def apply(events: Iterable[DraftEvent], model: dict) -> None:
    """The stage: retype each proposal where the model is sure of another type, move its
    confidence by the model's P(event), and say so in ``why``.

    The settings, chosen by leaving one set out, are the model file's: ``retype``, the least
    probability of another type that retypes; ``weight`` and ``pivot``, how the model moves the
    rules' score (``confidence + weight * (P(event) - pivot)``: down when the model is less sure
    than the pivot, and up when surer only if ``raise`` is set, so ``--min-confidence`` keeps its
    meaning); ``no_actor``, the most an event without actors scores (it cannot be loaded as it
    is)."""
    settings = model["settings"]
    for event in events:
        p = probabilities(model, event.features)
        p_event = 1.0 - p.get(NONE, 0.0)
        best = max((label for label in p if label != NONE), key=lambda label: p[label])
        if best != event.type and p[best] >= settings["retype"]:
            old = event.type
            retype(event, best)
            event.why.append(f"learned: {old}→{best}, p {p[best]:.2f}")
        shift = p_event - settings["pivot"]
        moved = event.confidence + settings["weight"] * (shift if settings["raise"] else
                                                         min(shift, 0.0))
        if not event.actors:
            moved = min(moved, settings["no_actor"])
        event.confidence = round(max(0.05, min(0.95, moved)), 2)
        event.why.append(f"learned: p(event) {p_event:.2f}")


def family_of(feature: str) -> str:
    """The family of a feature name ("cue:say|type:Statement": cue)."""
    return re.split(r"[:|]", feature, maxsplit=1)[0]
