"""Loading: the seeds conform, reloads replace, and every kind of bad input leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import open_kb
from kb.errors import CurationError, DateError, ShapeError
from kb.load import load
from tests.support import DATA, DEFAULT_TARGETS, line_of, quads_of, seed_store, variant


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "store")


def load_into(store: Path, *paths: Path):
    with open_kb(store) as kb:
        return load(kb, list(paths))


def test_seeds_load_and_conform_to_the_shapes(tmp_path):
    with open_kb(tmp_path / "store") as kb:
        report = load(kb, DEFAULT_TARGETS)
        events = kb.run("timeline")
    assert not [w for w in report.warnings if "Violation" in w]
    assert len(events) >= 20
    # the seed article is quoted; the other reports are paraphrased (no sentence to cite)
    seed = "/ain-2024-10-hamas-rejects-safe-passage"
    quoted = [event for event in events if event["source"].endswith(seed)]
    assert quoted and all(event.get("sentence") for event in quoted)


def test_loading_a_source_again_replaces_its_graphs(seeded):
    before = quads_of(seeded)
    load_into(seeded, *DEFAULT_TARGETS)
    assert quads_of(seeded) == before


def test_a_removed_event_disappears_on_reload(tmp_path):
    store = tmp_path / "store"
    load_into(store, DATA / "minimal.yaml")
    trimmed = variant(tmp_path / "", {}, "minimal.yaml")
    text = trimmed.read_text(encoding="utf-8")
    trimmed.write_text(text[: text.index("  - id: test-rejection")], encoding="utf-8")
    load_into(store, trimmed)
    with open_kb(store, read_only=True) as kb:
        labels = [row["label"] for row in kb.run("timeline")]
    assert labels == ["Ann Example offers the Movement a ceasefire"]


BAD_INPUTS = {
    "event with no date": (
        {
            "    date:\n      text: last week\n      anchor: published\n"
            "      edtf: 2024-02-26/2024-03-03\n": ""
        },
        CurationError,
        "id: test-offer",
        "has no date",
    ),
    "impossible date": (
        {"edtf: 2024-03-04": "edtf: 2024-02-30"},
        DateError,
        "edtf: 2024-02-30",
        "2024-02-30",
    ),
    "unknown role": (
        {"role: responder": "role: bystander"},
        CurationError,
        "role: bystander",
        "unknown role",
    ),
    "event with no source sentence": (
        {"    sentences:\n      - The Movement rejected the offer on Monday.\n": ""},
        CurationError,
        "id: test-rejection",
        "cites no sentence",
    ),
    "sentence not verbatim": (
        {"- The Movement rejected the offer on Monday.": "- The Movement turned the offer down."},
        CurationError,
        "The Movement turned the offer down.",
        "does not occur verbatim",
    ),
    "unknown actor": (
        {"{actor: the-movement, role: responder}": "{actor: nobody-known, role: responder}"},
        CurationError,
        "nobody-known",
        "unknown actor",
    ),
    "unlisted wikidata id": (
        {"    type: person\n": "    type: person\n    wikidata: Q42\n"},
        CurationError,
        "wikidata: Q42",
        "not in seeds/reference/wikidata.tsv",
    ),
    "malformed yaml": (
        {"    label: The Movement rejects the offer": "    label: [unclosed"},
        CurationError,
        "label: [unclosed",
        "not valid YAML",
    ),
    "unknown event type": (
        {"type: Rejection": "type: Refusal"},
        CurationError,
        "type: Refusal",
        "unknown type",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_curation_file_names_its_line_and_leaves_the_store_unchanged(seeded, tmp_path, case):
    replace, error_type, needle, message = BAD_INPUTS[case]
    bad = variant(tmp_path, replace)
    before = quads_of(seeded)
    with pytest.raises(error_type) as caught:
        load_into(seeded, bad)
    text = str(caught.value)
    assert message in text
    line = line_of(bad, needle)
    # YAML syntax errors are reported where the parser noticed them: the same or the next line.
    assert any(f"minimal.yaml line {n}" in text for n in (line, line + 1)), text
    assert quads_of(seeded) == before


def test_malformed_turtle_names_line_and_leaves_the_store_unchanged(seeded, tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text(
        '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n', encoding="utf-8"
    )
    before = quads_of(seeded)
    with pytest.raises(CurationError) as caught:
        load_into(seeded, bad)
    assert "broken.ttl" in str(caught.value)
    assert "line 3" in str(caught.value) or "3:" in str(caught.value)
    assert quads_of(seeded) == before


def test_a_good_file_is_not_loaded_when_another_in_the_same_load_fails(tmp_path):
    store = tmp_path / "store"
    bad = variant(tmp_path, {"role: responder": "role: bystander"})
    with pytest.raises(CurationError):
        load_into(store, DATA / "minimal.yaml", bad)
    assert quads_of(store) == set()


def test_turtle_event_missing_a_date_fails_the_shapes(seeded, tmp_path):
    event = tmp_path / "event.ttl"
    event.write_text(
        "@prefix kbo: <https://w3id.org/negotiation-kb/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<http://localhost:5000/id/event/x> a kbo:Offer ; rdfs:label "An offer" .\n',
        encoding="utf-8",
    )
    before = quads_of(seeded)
    with pytest.raises(ShapeError) as caught:
        load_into(seeded, event)
    assert "event.ttl" in str(caught.value)
    assert quads_of(seeded) == before


def test_wikidata_id_must_be_listed_for_that_entity(tmp_path):
    bad = variant(tmp_path, {"    aliases: [the Movement]": "    wikidata: Q38799"})
    with pytest.raises(CurationError) as caught:
        load_into(tmp_path / "store", bad)
    assert "listed for 'Hamas', not for 'The Movement'" in str(caught.value)


def test_a_file_may_refer_to_actors_and_events_another_file_defines(tmp_path):
    store = tmp_path / "store"
    load_into(store, DATA / "minimal.yaml")
    (tmp_path / "follow-up.txt").write_text(
        "The Movement repeated its refusal on Friday.\n", encoding="utf-8"
    )
    (tmp_path / "follow-up.yaml").write_text(
        "source:\n  id: test-follow-up\n  text: follow-up.txt\n  title: Follow-up\n  publisher: test-news\n"
        "  published: {edtf: 2024-03-09}\n"
        "events:\n  - id: test-second-rejection\n    type: Rejection\n"
        "    label: The Movement rejects it again\n"
        "    answers: test-offer\n    date: {text: on Friday, anchor: published, edtf: 2024-03-08}\n"
        "    actors: [{actor: the-movement, role: responder}]\n"
        "    sentences: [The Movement repeated its refusal on Friday.]\n",
        encoding="utf-8",
    )
    load_into(store, tmp_path / "follow-up.yaml")
    with open_kb(store, read_only=True) as kb:
        answers = kb.run("rejected-offers")
    assert {row["rejection"].rsplit("/", 1)[-1] for row in answers} == {
        "test-rejection",
        "test-second-rejection",
    }
