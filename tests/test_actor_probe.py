"""benchmarks/actor_probe.py: the open events (actorless, or dropped for want of a speaker) of
a short article written for the test, their candidate actors and the rows' labels."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

#: Qatar's prime minister meets a Hamas delegation; unnamed officials speak (the rules find no
#: side for them, so they drop the saying); talks resume, an offer is tabled, a rejection comes,
#: each told without who did it.
_TEXT = (
    "CAIRO, March 3 - Qatar's prime minister met a Hamas delegation in Doha on Sunday.\n\n"
    "The talks went on late, and officials said afterwards that the gaps remained wide.\n\n"
    "Hamas handed over its reply. Talks resumed in Cairo on Monday. A new offer was tabled on "
    "Monday. The rejection came a day later.\n")


def _article(tmp_path: Path):
    import actor_probe as probe
    from extract_accuracy import devset_gold

    (tmp_path / "01_wire.txt").write_text(_TEXT, encoding="utf-8")
    gold = {"published": date(2024, 3, 4), "outlet": "wire", "actors": [
        {"id": "al-thani", "name": "Mohammed bin Abdulrahman Al Thani"},
        {"id": "hamas", "name": "Hamas"}], "events": [
        {"id": "said", "type": "Statement", "edtf": "2024-03-03", "actors": ["al-thani"],
         "sentence": "The talks went on late"},
        {"id": "resumed", "type": "NegotiationRound", "edtf": "2024-03-04", "actors": ["hamas"],
         "sentence": "Talks resumed in Cairo"}]}
    path = tmp_path / "01_wire.gold.yaml"
    path.write_text(yaml.safe_dump(gold), encoding="utf-8")
    gold = devset_gold(path)
    actors, places = probe.known_actors([probe.SEEDS]), probe.known_places([probe.SEEDS])
    draft = probe.draft_of(gold, actors, places)
    other = probe.draft_of(gold, actors, places, dropped=True)
    return probe, gold, draft, other


def test_the_dropped_saying_and_the_actorless_events_are_open_and_the_rest_kept(tmp_path):
    probe, _, draft, other = _article(tmp_path)
    original = probe.Extractor._unnamed_side
    kept, opened = probe.open_events(draft, other)
    assert probe.Extractor._unnamed_side is original  # the wrapper is gone after the draft
    assert all(event.actors and event.confidence >= 0.2 for event in kept)
    assert {e.cue[0] for e in kept} == {"met", "reply"}
    how = {event.cue[0]: kind for event, kind, _ in opened}
    assert how == {"said": "dropped", "Talks": "capped", "offer": "capped",
                   "rejection": "capped"}
    dropped = next(e for e, kind, _ in opened if kind == "dropped")
    assert dropped.actors == []  # the placeholder taken off
    # the rules' own draft never holds the saying
    assert not any(e.cue[0] == "said" for e in draft.events)


def test_candidates_are_the_actors_named_nearby_nearest_first_and_never_the_placeholder(
        tmp_path):
    probe, _, draft, other = _article(tmp_path)
    _, opened = probe.open_events(draft, other)
    by_cue = {event.cue[0]: (event, d) for event, _, d in opened}
    said, said_draft = by_cue["said"]
    found = probe.candidates(said_draft, said)
    assert [c["actor"] for c in found] == ["hamas-delegation", "al-thani"]
    assert [c["rank"] for c in found] == [0, 1] and all(c["distance"] == 1 for c in found)
    assert not any(probe.PLACEHOLDER in said_draft.actors[c["actor"]].name for c in found)
    talks, talks_draft = by_cue["Talks"]
    found = probe.candidates(talks_draft, talks)
    assert found[0]["actor"] == "hamas" and found[0]["distance"] == 1  # "Hamas handed over"
    rejection, rejection_draft = by_cue["rejection"]
    assert [c["actor"] for c in probe.candidates(rejection_draft, rejection)] == ["hamas"]


def test_rows_are_labelled_by_the_gold_event_of_the_sentence_and_restored_events_score(
        tmp_path):
    probe, gold, draft, other = _article(tmp_path)
    kept, opened = probe.open_events(draft, other)
    article = probe.Article("test", gold, draft, kept,
                            [(e, how, probe.candidates(d, e), d) for e, how, d in opened])
    rows = probe.rows_of([article])
    acts = {(article.opened[r["event"]][0].cue[0], r["actor"]) for r in rows
            if r["label"] == probe.ACTS}
    assert acts == {("said", "al-thani"), ("Talks", "hamas")}
    assert all("[said]" in r["text"] for r in rows if r["text"].startswith("The talks went on"))
    assert {r["how"] for r in rows} == {"dropped", "capped"}
    # the saying given its right speaker is kept at the default minimum, and then matches
    said, _, _, said_draft = next(o for o in article.opened if o[0].cue[0] == "said")
    back = probe.restored(said_draft, said, "al-thani")
    assert back is not None and back.confidence >= 0.2 and back.actors[0] == (
        "al-thani", "speaker")
    probs = [1.0 if r["actor"] == "al-thani" and r["how"] == "dropped" else 0.0 for r in rows]
    before = probe.totals([article], {})
    after = probe.totals([article], probe.choose([article], rows, probs, 0.5))
    assert after[0] == before[0] + 1 and after[1] == before[1] + 1
