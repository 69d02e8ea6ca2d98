"""The date stage: a model chooses among the dates the pipeline can give a proposal and replaces
the rules' date only when it is confident (here a model written for the test, then the shipped
one)."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from kb.errors import KBError
from kb.extract import date_stage as stage
from kb.extract import extract
from kb.extract.cli import extract_command

PUBLISHED = date(2024, 3, 6)  # a Wednesday
#: The rules date the meeting by its Sunday (3 March), the offer by the article's date before it
#: (the Sunday), the rejection by its own "On Friday" (1 March).
ARTICLE = ("Envoys meet again\n\n"
           "Egyptian mediators met the Hamas delegation in Cairo on Sunday, officials said.\n"
           "Qatar offered a new proposal to Hamas.\n"
           "On Friday Israel rejected the proposal, a spokesman said on Tuesday.\n")
REJECTED = "On Friday Israel rejected the proposal, a spokesman said on Tuesday."
#: A model taught in the test: a candidate that is the previous sentence's date is right, any
#: other is not.
MODEL = {"bias": -3.0, "weights": {"kind:previous": 6.0},
         "settings": {"threshold": 0.6, "margin": 0.2, "widen": True}}


def _taught(monkeypatch, model: dict) -> None:
    monkeypatch.setattr(stage, "load_model", lambda path=stage.MODEL_FILE: model)


def _by_type(draft) -> dict:
    return {event.type: event for event in draft.events}


def test_off_by_default_the_rules_dates_stay():
    events = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2))
    assert events["Meeting"].date.edtf == "2024-03-03"
    assert events["Offer"].date.edtf == "2024-03-03" and events["Offer"].date.from_context
    assert events["Rejection"].date.edtf == "2024-03-01"
    assert not any("date from" in why for e in events.values() for why in e.why)


def test_a_proposal_has_the_candidates_the_pipeline_can_date_it_by():
    draft = extract(ARTICLE, PUBLISHED, min_confidence=0.2)
    rejection = _by_type(draft)["Rejection"]
    found = {c.date.edtf: c.kinds for c in stage.candidates(draft.dating, rejection,
                                                               draft.events)}
    assert found["2024-03-01"] == ["rules", "own"]  # "On Friday"
    assert found["2024-03-05"] == ["own"]  # "on Tuesday"
    assert "previous" in found["2024-03-03"]  # the offer's (the sentence before)
    assert found["2024-03-06"] == ["published"]
    assert found["2024-02-28/2024-03-06"] == ["week"]


def test_a_confident_model_re_dates_a_proposal_and_says_why(monkeypatch):
    _taught(monkeypatch, MODEL)
    off = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2))
    events = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))
    rejection = events["Rejection"]
    assert rejection.date.edtf == "2024-03-03"
    assert rejection.date.note.startswith("Chosen by the date stage (the previous sentence, "
                                          "p=0.95) over the rules' date (the sentence's own "
                                          "expression, 2024-03-01, p=0.05)")
    assert rejection.why[-1] == ("date from the previous sentence (2024-03-03), not the "
                                 "sentence's own expression (2024-03-01): p=0.95")
    # the type, actors, sentence and confidence are the rules'
    assert rejection.sentences == [REJECTED]
    assert rejection.actors == off["Rejection"].actors
    assert rejection.confidence == off["Rejection"].confidence
    # the meeting has no earlier proposal; the offer's date already is the previous sentence's
    assert events["Meeting"].date.edtf == "2024-03-03" and events["Offer"].date.from_context
    assert events["Offer"].why == off["Offer"].why


def test_below_the_threshold_or_the_margin_the_rules_date_stays(monkeypatch):
    _taught(monkeypatch, {**MODEL, "settings": {"threshold": 0.99, "margin": 0.2}})
    assert _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))[
        "Rejection"].date.edtf == "2024-03-01"
    _taught(monkeypatch, {"bias": 1.0, "weights": {"kind:previous": 0.5},
                          "settings": {"threshold": 0.5, "margin": 0.2}})  # 0.82 against 0.73
    assert _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))[
        "Rejection"].date.edtf == "2024-03-01"


def test_a_model_not_allowed_to_widen_keeps_a_narrow_date(monkeypatch):
    weekly = {"bias": -3.0, "weights": {"kind:week": 6.0},
              "settings": {"threshold": 0.6, "margin": 0.2, "widen": True}}
    _taught(monkeypatch, weekly)
    rejection = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))["Rejection"]
    assert rejection.date.edtf == "2024-02-28/2024-03-06"
    assert rejection.why[-1].startswith("date from the publication week (2024-02-28/2024-03-06)")
    _taught(monkeypatch, {**weekly, "settings": {**weekly["settings"], "widen": False}})
    rejection = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))["Rejection"]
    assert rejection.date.edtf == "2024-03-01"


def test_the_draft_file_shows_the_re_dating(tmp_path, monkeypatch):
    _taught(monkeypatch, MODEL)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "article.yaml"
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2024-03-06",
                                                  "--dates", "--output", str(output)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(output.read_text(encoding="utf-8"))
    entry = next(e for e in draft["events"] if e["type"] == "Rejection")
    assert entry["date"]["edtf"] == "2024-03-03"
    assert entry["date"]["note"].startswith("Chosen by the date stage")
    assert entry["draft"]["why"][-1].startswith("date from the previous sentence")


def test_a_missing_or_corrupt_model_file_says_which_and_how_to_rebuild_it(tmp_path):
    with pytest.raises(KBError, match=r"none\.json: the date stage's model file is missing "
                                      r"\(rebuild it with: python benchmarks/"
                                      r"train_dates\.py --write"):
        stage.load_model(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(KBError, match=r"broken\.json: the date stage's model file cannot be read"):
        stage.load_model(broken)
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"bias": 0.0, "weights": {}, "settings": {"threshold": 0.5}}),
                       encoding="utf-8")
    with pytest.raises(KBError, match=r"partial\.json: the date stage's model file lacks"):
        stage.load_model(partial)


def test_kb_extract_names_a_missing_model_file_in_one_line(tmp_path, monkeypatch):
    missing, load = tmp_path / "none.json", stage.load_model.__wrapped__
    monkeypatch.setattr(stage, "load_model", lambda path=missing: load(missing))
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2024-03-06",
                                                  "--dates"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.strip().count("\n") == 0
    assert "none.json: the date stage's model file is missing" in result.output
    assert "train_dates.py --write" in result.output


def test_the_shipped_model_loads_and_keeps_an_own_date_it_is_not_sure_against():
    model = stage.load_model()
    assert 0 < model["settings"]["threshold"] < 1 and model["settings"]["margin"] >= 0
    families = {"kind", "days", "vs_rules", "gap", "when", "own_tense", "own_kind", "own",
                "context_kind", "previous"}
    assert {name.split("|")[0].split(":")[0] for name in model["weights"]} - families <= {
        "rules", "own", "previous", "context", "context_day", "dateline", "published", "week"}
    events = _by_type(extract(ARTICLE, PUBLISHED, min_confidence=0.2, dates=True))
    assert events["Rejection"].date.edtf == "2024-03-01"
    assert events["Meeting"].date.edtf == "2024-03-03"
