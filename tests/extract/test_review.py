"""What the review page saves, and the errors of kb curate, without a browser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.cli import main
from kb.errors import CurationError
from kb.extract import extract
from kb.extract.review import finalise, segments

ARTICLE = "Egypt offered Hamas a truce on Monday.\nHamas rejected the offer on Tuesday.\n"


@pytest.fixture
def draft() -> dict:
    return extract(ARTICLE, date(2025, 2, 14), source_file="a.txt").to_curation()


def test_only_accepted_events_are_saved_without_draft_marks(draft):
    curated = finalise(draft, [{"state": "accepted"}, {"state": "rejected"}])
    assert [event["type"] for event in curated["events"]] == ["Offer"]
    assert "draft" not in curated and "draft" not in curated["events"][0]
    assert {actor["id"] for actor in curated["actors"]} == {"egypt", "hamas", "unknown-publisher"}


def test_a_rejected_offer_takes_the_answer_link_of_its_rejection_away(draft):
    curated = finalise(draft, [{"state": "rejected"}, {"state": "accepted"}])
    assert "answers" not in curated["events"][0]


@pytest.mark.parametrize(("edits", "message"), [
    ({"type": "Ofer"}, "unknown type 'Ofer'"),
    ({"actors": [{"actor": "hamas", "role": "offerrer"}]}, "unknown role 'offerrer' for hamas"),
    ({"actors": [{"actor": "Hamas Movement", "role": "offerer"}]}, "is not an id"),
    ({"edtf": "2025-02-30"}, "2025-02-30"),
    ({"actors": []}, "has no actors"),
])
def test_a_bad_edit_is_refused_naming_the_event(draft, edits, message):
    with pytest.raises(CurationError, match=message) as caught:
        finalise(draft, [{"state": "accepted", "edits": edits}, {"state": "pending"}])
    assert "event 1" in str(caught.value)


@pytest.mark.parametrize("decisions", [
    7, "accepted", [{"state": "accepted", "edits": ["type"]}, {"state": "pending"}],
    [{"state": "accepted", "edits": {"actors": "hamas offerer"}}, {"state": "pending"}],
    [{"state": "accepted", "edits": {"repeats": "x"}}, {"state": "pending"}],
    [{"state": "maybe"}, {"state": "pending"}],
])
def test_malformed_decisions_are_a_clear_error(draft, decisions):
    with pytest.raises(CurationError):
        finalise(draft, decisions)


def test_segments_cover_the_article_exactly_once(draft):
    pieces = segments(ARTICLE, draft["events"])
    assert "".join(piece.text for piece in pieces) == ARTICLE
    cue = [piece.text for piece in pieces if piece.cue_of == [0]]
    assert cue == ["offered"]


def test_curate_names_a_missing_draft_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["curate", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'none.yaml'}: no such file (give the draft 'kb extract --output' "
        "wrote)"]


def test_curate_refuses_a_file_that_is_no_draft(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump({"actors": []}), encoding="utf-8")
    result = CliRunner().invoke(main, ["curate", str(path)])
    assert result.exit_code == 1
    assert "not a draft (no 'source' or 'events')" in result.output


def test_curate_names_a_missing_article(tmp_path: Path, draft):
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(draft), encoding="utf-8")
    result = CliRunner().invoke(main, ["curate", str(path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.txt'}: no such file" in result.output
