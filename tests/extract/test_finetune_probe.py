"""benchmarks/finetune_probe.py: the proposer that turns a fine-tuned model's probabilities into
events (sentence_stage's way: the rules' actors and date, the model's type). That fine-tuning is
seeded needs PyTorch, so the probe checks it in its own venv (``--check-seeding``)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import finetune_probe as probe

from kb.extract import extract

PUBLISHED = date(2024, 3, 6)
#: The rules propose the meetings of the second and third sentences; the fourth has no cue of
#: theirs; the fifth names no actor.
ARTICLE = ("Mediators press on with Gaza talks\n\n"
           "Egyptian mediators met the Hamas delegation on 3 March, officials said.\n"
           "Egypt sat down with the Hamas delegation in Cairo on 4 March.\n"
           "Qatar and Egypt kept the channel open with Hamas through the night.\n"
           "The mood was described as calm.\n")
KEPT = "Qatar and Egypt kept the channel open with Hamas through the night."
CALM = "The mood was described as calm."


def _probs(reading, sure: dict[str, float]) -> dict[int, dict[str, float]]:
    """P(NONE) 0.99 for every sentence but those named in ``sure`` (text: P(event), an Effort)."""
    found = {}
    for sentence in reading.sentences:
        p_event = sure.get(sentence.text, 0.01)
        found[sentence.index] = {probe.NONE: 1.0 - p_event, "Effort": 0.8, "Meeting": 0.2}
    return found


def test_a_sentence_the_model_is_sure_of_becomes_an_event_of_its_likeliest_type():
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2)
    probs = _probs(draft.reading, {KEPT: 0.93})
    added = probe.propose(draft.reading, draft.events, probs, 0.9)
    assert [event.sentences for event in added] == [[KEPT]]
    event = added[0]
    assert event.type == "Effort"
    assert event.cue[0] == probe.CUE
    assert event.confidence == 0.93
    names = {draft.actor_name(actor) for actor, _ in event.actors}
    assert names == {"Qatar", "Egypt", "Hamas"}
    # no date of its own: the article's date before it (4 March) up to the publication
    assert event.date.earliest == date(2024, 3, 4) and event.date.latest == PUBLISHED


def test_below_the_threshold_or_without_an_actor_nothing_is_proposed():
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2)
    probs = _probs(draft.reading, {KEPT: 0.93, CALM: 0.99})
    assert probe.propose(draft.reading, draft.events, probs, 0.95) == []
    # joint: P(event) times P(Effort | event) = 0.93 * 0.8 < 0.9
    assert probe.propose(draft.reading, draft.events, probs, 0.9, joint=True) == []


def test_a_sentence_the_rules_proposed_from_is_never_proposed_again():
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2)
    met = next(s.text for s in draft.reading.sentences if s.text.startswith("Egypt sat down"))
    assert any(met in event.sentences for event in draft.events)
    probs = _probs(draft.reading, {met: 0.99})
    assert probe.propose(draft.reading, draft.events, probs, 0.5) == []

