"""The date stage: a model that chooses, among the dates the pipeline can give a proposal, the one
to keep, and replaces the rules' date only when it is confident (off by default, see
:data:`kb.extract.draft.DATES_BY_DEFAULT`).

The candidates of a proposal (:func:`candidates`) are what the rules could have said: the rules'
own date, each time expression of its sentence as resolved, the sentence's context date (as the
rules give it to an undated sentence, and the context expression's own bounds), the date of the
nearest earlier sentence's proposals, the date line's day, the publication day and the rules'
week-up-to-the-publication fallback. Candidates with the same bounds are one, with all their
kinds. A binary logistic regression (trained by ``benchmarks/train_dates.py``, shipped as
``date_model.json``) gives each the probability that its bounds overlap the gold's; the stage
takes the likeliest when it is another than the rules', at least :data:`settings.threshold
<load_model>` likely and ahead of the rules' by the model's margin, and says so in the event's
``why``. The features are the structure of the dating (which kind of candidate, how wide, where it
stands from the rules' choice and the reference time, the main verb's tense, a saying verb, the
sentence's kind, a date line or time stamps), never words, names or numbers themselves.

Pure Python reading a JSON file; no spaCy or scikit-learn (the parse comes through the tokens
:mod:`kb.extract.parse` made).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from kb.errors import KBError
from kb.extract.jsonfile import read_json
from kb.extract.lexicon import SAYING_LEMMAS
from kb.extract.model import DraftDate, DraftEvent
from kb.extract.sentence_stage import Reading, _tense
from kb.extract.timex import TimeExpression

#: The shipped model (written by ``benchmarks/train_dates.py --write``).
MODEL_FILE = Path(__file__).with_name("date_model.json")
#: How each kind of candidate is named in a proposal's ``why``.
NAMES = {"rules": "the rules' date", "own": "the sentence's own expression",
         "context": "the article's date before the sentence, up to its reference time",
         "context_day": "the article's date before the sentence",
         "previous": "the previous sentence", "dateline": "the date line's day",
         "published": "the publication day", "week": "the publication week"}
#: The order in which a candidate of several kinds is named by one (the first it has).
ORDER = ("rules", "own", "previous", "context", "context_day", "dateline", "published", "week")


@dataclass
class Dating:
    """What the stage reads of one article besides the proposals: the sentence stage's reading
    (sentences, kinds, parses, expressions, context dates, the extractor's way of dating), the
    date line and the publication day."""

    reading: Reading
    line: TimeExpression | None
    published: date
    stamps: bool = False  # whether the article has live-blog time stamps

    def sentence(self, index: int):
        return next((s for s in self.reading.sentences if s.index == index), None)


@dataclass
class Candidate:
    """One date a proposal could have, the kinds that give it, and what the model reads of it."""

    date: DraftDate
    kinds: list[str]
    found: dict[str, float] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return next(k for k in ORDER if k in self.kinds)


def _bucket(days: int, edges: tuple[int, ...] = (1, 2, 7, 31)) -> str:
    for edge in edges:
        if days <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _governed_by_saying(dating: Dating, index: int, expression: TimeExpression) -> bool:
    """Whether the verb an expression hangs on is a saying verb ("said on Monday")."""
    parsed = dating.reading.parses.get(index)
    if parsed is None:
        return False
    token = parsed.head_of(expression.start, expression.end)
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token is not None and token.lemma_.lower() in SAYING_LEMMAS


def _previous(dating: Dating, index: int, events: list[DraftEvent]) -> tuple[int, list[DraftDate]]:
    """The dates of the proposals of the nearest earlier sentence that has some, and how far
    back it is (in sentences)."""
    earlier = [e for e in events if e.sentence_index < index]
    if not earlier:
        return 0, []
    nearest = max(e.sentence_index for e in earlier)
    return index - nearest, [e.date for e in earlier if e.sentence_index == nearest]


def candidates(dating: Dating, event: DraftEvent, events: list[DraftEvent]) -> list[Candidate]:
    """The dates the pipeline can give a proposal (``events``: the article's proposals, for the
    previous sentence's), the rules' first, those of equal bounds joined."""
    reading = dating.reading
    extractor = reading.extractor
    index = event.sentence_index
    status = event.status if event.status in ("happened", "ongoing") else "happened"
    found: list[tuple[str, DraftDate, dict[str, float]]] = [("rules", event.date, {})]
    for expression in reading.own.get(index, []):
        if expression.kind == "duration":
            continue
        dated = extractor._draft_date(expression, "sentence", status)
        extra = {"own_tense:" + (expression.tense or "none"): 1.0,
                 "own_kind:" + expression.kind: 1.0}
        if _governed_by_saying(dating, index, expression):
            extra["own:saying"] = 1.0
        if event.cue[1] <= expression.start:
            extra["own:after_cue"] = 1.0
        found.append(("own", dated, extra))
    context = reading.context.get(index)
    if context is not None:
        extra = {"context_kind:" + context.kind: 1.0}
        found.append(("context", extractor._draft_date(None, "sentence", status,
                                                       context=context), extra))
        found.append(("context_day", DraftDate(context.text, context.anchor, context.edtf,
                                               context.earliest, context.latest, "sentence",
                                               None, None, True), extra))
    back, dates = _previous(dating, index, events)
    for dated in dates:
        found.append(("previous", dated, {f"previous:{min(back, 3)}": 1.0}))
    if dating.line is not None:
        day = dating.line.earliest
        found.append(("dateline", DraftDate(dating.line.text, day.isoformat(), day.isoformat(),
                                            day, day, "window", None), {}))
    day = dating.published
    found.append(("published", DraftDate("(the publication day)", "published", day.isoformat(),
                                         day, day, "window", None), {}))
    found.append(("week", extractor._dated_by(None, "window", "happened"), {}))
    joined: dict[tuple[date, date], Candidate] = {}
    for kind, dated, extra in found:
        key = (dated.earliest, dated.latest)
        if key not in joined:
            joined[key] = Candidate(dated, [kind], dict(extra))
        else:
            if kind not in joined[key].kinds:
                joined[key].kinds.append(kind)
            joined[key].found.update(extra)
    result = list(joined.values())
    _features(dating, event, result)
    return result


def _features(dating: Dating, event: DraftEvent, found: list[Candidate]) -> None:
    """What the model reads of each candidate (in place)."""
    reading = dating.reading
    index = event.sentence_index
    rules = event.date
    parsed = reading.parses.get(index)
    tense, saying = "none", False
    if parsed is not None:
        roots = [t for t in parsed.doc if t.dep_ == "ROOT"]
        if roots:
            tense = _tense(roots[0])
            saying = roots[0].lemma_.lower() in SAYING_LEMMAS
    own = [e for e in reading.own.get(index, []) if e.kind != "duration"]
    shared = {
        "tense:" + tense: 1.0,
        "saying:" + ("yes" if saying else "no"): 1.0,
        "sentence:" + reading.kinds.get(index, "story"): 1.0,
        "line:" + ("yes" if dating.line is not None else "no"): 1.0,
        "stamps:" + ("yes" if dating.stamps else "no"): 1.0,
        "own:" + str(min(len(own), 2)): 1.0,
        "rules_source:" + rules.source + ("+context" if rules.from_context else ""): 1.0,
        "rules_days:" + _bucket(rules.days): 1.0,
        "status:" + event.status: 1.0,
        "cue:" + event.cue_part: 1.0,
    }
    reference = reading.reference
    for candidate in found:
        dated = candidate.date
        local = dict(candidate.found)
        for kind in candidate.kinds:
            local["kind:" + kind] = 1.0
        local["days:" + _bucket(dated.days)] = 1.0
        if "rules" not in candidate.kinds:
            if rules.earliest <= dated.earliest and dated.latest <= rules.latest:
                local["vs_rules:inside"] = 1.0
            elif dated.earliest <= rules.earliest and rules.latest <= dated.latest:
                local["vs_rules:contains"] = 1.0
            elif dated.latest < rules.earliest:
                local["vs_rules:before"] = 1.0
                local["gap:" + _bucket((rules.earliest - dated.latest).days)] = 1.0
            elif dated.earliest > rules.latest:
                local["vs_rules:after"] = 1.0
                local["gap:" + _bucket((dated.earliest - rules.latest).days)] = 1.0
            else:
                local["vs_rules:overlaps"] = 1.0
        local["when:" + ("past" if dated.latest < reference else "future"
                         if dated.earliest > reference else "now")] = 1.0
        kind = candidate.kind
        crossed = {f"{kind}|{name}": value for name, value in shared.items()}
        candidate.found = {**local, **crossed}


def probability(model: dict, found: dict[str, float]) -> float:
    """The model's probability that a candidate's bounds overlap the gold's."""
    total = model["bias"] + sum(model["weights"].get(name, 0.0) * value
                                for name, value in found.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> dict:
    """The model of a JSON file, or a :class:`KBError` naming the file and how to write it."""
    hint = ("rebuild it with: python benchmarks/train_dates.py --write; or run kb extract "
            "--no-dates")
    model = read_json(path, "the date stage's model file", hint)
    settings = model.get("settings") if isinstance(model, dict) else None
    if not isinstance(model, dict) or not {"bias", "weights", "settings"} <= set(model) \
            or not isinstance(settings, dict) or not {"threshold", "margin"} <= set(settings):
        raise KBError("the date stage's model file lacks its bias, weights, threshold or margin",
                      where=str(path), hint=hint)
    return model


def choose(model: dict, found: list[Candidate]) -> tuple[Candidate, float, float] | None:
    """The candidate to date a proposal by instead of the rules', with its probability and the
    rules' date's, or ``None`` to keep the rules'."""
    settings = model["settings"]
    scored = [(probability(model, c.found), c) for c in found]
    rules = next(p for p, c in scored if "rules" in c.kinds)
    if not settings.get("widen", True):  # only as narrow as the rules' date, or narrower
        days = found[0].date.days
        scored = [(p, c) for p, c in scored if c.date.days <= days]
    best, chosen = max(scored, key=lambda item: (item[0], -found.index(item[1])))
    if "rules" in chosen.kinds or best < settings["threshold"] \
            or best - rules < settings["margin"]:
        return None
    return chosen, best, rules


def redate(dating: Dating, events: list[DraftEvent], model: dict) -> list[DraftEvent]:
    """The stage: each proposal of ``events`` whose date the model chooses otherwise is dated so
    (in place; the candidates are read from the rules' dates of all, before any change), and
    says so in its ``why``. Returns the re-dated proposals."""
    changes = []
    for event in events:
        found = candidates(dating, event, events)
        picked = choose(model, found)
        if picked is not None:
            changes.append((event, found[0], *picked))
    for event, own, chosen, p, p_rules in changes:
        rules = NAMES[_rules_kind(event, own)]
        note = (f"Chosen by the date stage ({NAMES[chosen.kind]}, p={p:.2f}) over the rules' "
                f"date ({rules}, {event.date.edtf}, p={p_rules:.2f}). Check it.")
        why = (f"date from {NAMES[chosen.kind]} ({chosen.date.edtf}), not {rules} "
               f"({event.date.edtf}): p={p:.2f}")
        event.date = replace(chosen.date, note=note)
        event.why.append(why)
    return [event for event, *_ in changes]


def _rules_kind(event: DraftEvent, rules: Candidate) -> str:
    """What the rules dated a proposal by, as a kind of candidate: the first other kind its
    candidate has, else by where its date came from."""
    other = [kind for kind in ("own", "context", "context_day", "dateline", "published", "week",
                               "previous") if kind in rules.kinds]
    if other:
        return other[0]
    dated = event.date
    if dated.from_context:
        return "context"
    if dated.source == "window":
        return "week"
    if dated.source in ("own", "sentence"):
        return "own"
    return "rules"


def dating_of(reading: Reading, line: TimeExpression | None, published: date,
              text: str) -> Dating:
    """The stage's reading of an article."""
    stamps = bool(re.search(r"(?m)^\s*\d{1,2}[:.]\d{2}\b", text))
    return Dating(reading, line, published, stamps)
