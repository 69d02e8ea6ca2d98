"""A draft loads as it is: known actors by id, unfinished events left out with a warning."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.errors import CurationError
from kb.extract.cli import extract_command
from kb.load import load
from kb.paths import ONTOLOGY_DIR, SEEDS_DIR
from kb.store import open_kb

ARTICLE = "Egypt offered Hamas a six-week truce on Monday.\nA new proposal came on Tuesday.\n"


def draft_file(tmp_path: Path, text: str, *options: str) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    output = tmp_path / "article.yaml"
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2025-01-30",
                                                  "--output", str(output), *options])
    assert result.exit_code == 0, result.output
    return output


def test_an_event_without_actors_is_kept_with_a_todo_and_left_out_with_a_warning(tmp_path):
    empty = tmp_path / "none"
    empty.mkdir()
    path = draft_file(tmp_path, ARTICLE, "--actors", str(empty), "--min-confidence", "0")
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    unfinished = [event for event in draft["events"] if "todo" in event]
    assert [event["sentences"] for event in unfinished] == [["A new proposal came on Tuesday."]]
    with open_kb(tmp_path / "store") as kb:
        report = load(kb, [ONTOLOGY_DIR, path])
        labels = {row[0].value for row in kb.query(
            "SELECT ?l WHERE { GRAPH ?g { ?e a <https://w3id.org/negotiation-kb/ontology#Offer> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }")}
    assert labels == {"Offer: Egypt (offerer), Hamas (recipient)"}
    [warning] = [w for w in report.warnings if "todo" in w]
    assert "article.yaml line " in warning
    assert f"event '{unfinished[0]['id']}' left out of the load: todo: no actor found" in warning


def test_an_unfinished_event_outside_a_draft_is_an_error_naming_its_line(tmp_path):
    empty = tmp_path / "none"
    empty.mkdir()
    path = draft_file(tmp_path, ARTICLE, "--actors", str(empty), "--min-confidence", "0")
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("todo:"))
    with open_kb(tmp_path / "store") as kb:
        load(kb, [ONTOLOGY_DIR])
        before = kb.dump("nquads")
        with pytest.raises(CurationError, match=rf"article\.yaml line {line}: event "
                                                r"'offer-unknown-2025-01-28' is not finished"):
            load(kb, [path])
        assert kb.dump("nquads") == before


def test_a_draft_refers_to_known_actors_by_id_and_loads_beside_the_seed(tmp_path):
    article = Path(shutil.copy(SEEDS_DIR / "000_04768d44cf00b2f8.txt", tmp_path / "seed.txt"))
    output = tmp_path / "seed-draft.yaml"
    result = CliRunner().invoke(extract_command, [str(article), "--published", "2024-10-25",
                                                  "--output", str(output)])
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(output.read_text(encoding="utf-8"))
    declared = {actor["id"] for actor in draft["actors"]}
    assert not declared & {"david-barnea", "hamas", "al-thani", "mossad"}
    used = {a["actor"] for event in draft["events"] for a in event["actors"]}
    assert {"david-barnea", "hamas"} <= used
    draft["source"]["id"] = "seed-draft"  # a second source, not the seed itself
    # Events that match one of the seed's are proposed as this source's claims about them
    claims = [event for event in draft["events"] if "ref" in event]
    assert claims and all(event["draft"]["likely_known"] == [event["ref"]] for event in claims)
    new = {event["id"] for event in draft["events"] if "id" in event}
    for event in draft["events"]:
        if "id" in event:
            event["id"] = "draft-" + event["id"]
        if event.get("answers") in new:
            event["answers"] = "draft-" + event["answers"]
        anchor = str(event["date"].get("anchor", ""))
        if anchor.startswith("event:") and anchor[6:] in new and "id" in event:
            event["date"]["anchor"] = "event:draft-" + anchor[6:]
        elif anchor.startswith("event:"):
            event["date"]["anchor"] = "published"
    output.write_text(yaml.safe_dump(draft, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with open_kb(tmp_path / "store") as kb:
        load(kb, [ONTOLOGY_DIR, SEEDS_DIR])
        load(kb, [output])


def test_every_event_says_why_it_was_proposed_with_offsets_into_the_article(tmp_path):
    from kb.extract import extract

    draft = extract(ARTICLE, date(2025, 1, 30))
    offer = next(event for event in draft.events if event.actors)
    entry = draft.provenance(offer)
    assert ARTICLE[entry["cue"]["start"]:entry["cue"]["end"]] == "offered"
    assert ARTICLE[entry["sentence"]["start"]:entry["sentence"]["end"]] == \
        "Egypt offered Hamas a six-week truce on Monday."
    span = entry["date_expression"]
    assert ARTICLE[span["start"]:span["end"]] == "on Monday"
    assert 0 < entry["confidence"] <= 1 and entry["why"]
