"""Curation files that used to end in tracebacks or load wrong data (issue 11, items 10, 13, 14):
each is refused with one line per error naming the file, line and field, and the store is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.errors import CurationError, CurationErrors
from kb.load import load
from kb.store import open_kb
from tests.support import DATA, line_of, quads_of, variant

LABEL = "    label: The Movement rejects the offer"
SENTENCE = "      - The Movement rejected the offer on Monday."

#: case: (replacements in tests/data/minimal.yaml, the line's text, words of the error)
BAD = {
    # -- item 13: once tracebacks ------------------------------------------------------------------
    "control character": ({LABEL: LABEL + "\x07"}, LABEL, "control character U+0007"),
    "escaped control character": (
        {LABEL: '    label: "The Movement\\x1b rejects"'},
        "Movement\\x1b",
        "invisible character U+001B",
    ),
    "lone surrogate": (
        {LABEL: '    label: "The Movement \\ud800 rejects"'},
        "The Movement \\ud800",
        "not valid YAML",
    ),
    "deep nesting": ({LABEL: LABEL + "\n    note: " + "[" * 60 + "]" * 60}, "note: [[[", "nested more than"),
    "IRI with a space": (
        {"  publisher: test-news": "  publisher: test-news\n  url: https://example.org/a b"},
        "url: https",
        "not an http(s) address",
    ),
    "non-http url": (
        {"  publisher: test-news": "  publisher: test-news\n  url: javascript:alert(1)"},
        "url: javascript",
        "not an http(s) address",
    ),
    "list where a text belongs": (
        {LABEL: "    label: [The Movement, rejects]"},
        "label: [The",
        "'label' must be a non-empty text, not a list",
    ),
    "list for the article's file": (
        {"  text: minimal.txt": "  text: [minimal.txt]"},
        "text: [minimal",
        "'text' must be a non-empty text, not a list",
    ),
    "list for a role": ({"role: responder": "role: [responder]"}, "role: [responder]", "unknown role"),
    "list for an actor type": ({"    type: person": "    type: [person]"}, "type: [person]", "unknown type"),
    "list for a claimant": (
        {LABEL: LABEL + "\n    according_to: [article]"},
        "according_to: [",
        "unknown claimant",
    ),
    "list for a wikidata id": (
        {"    type: person": "    type: person\n    wikidata: [Q1]"},
        "wikidata: [Q1]",
        "not in seeds/reference/wikidata.tsv",
    ),
    "list for an EDTF value": ({"edtf: 2024-03-04": "edtf: [2024-03-04]"}, "edtf: [2024", "no EDTF value"),
    "text where a mapping belongs": (
        {"    date:\n      text: on Monday": "    date: on Monday\n    x_date:\n      text: on Monday"},
        "date: on Monday",
        "must be a mapping",
    ),
    "text where the actors belong": (
        {"actors:\n  - id: test-news": "actors: test-news\nx_actors:\n  - id: test-news"},
        "actors: test-news",
        "'actors' must be a list",
    ),
    "code with a space": ({LABEL: LABEL + '\n    cameo: "03 5"'}, "cameo:", "is not a CAMEO code"),
    "key that is a list": ({LABEL: LABEL + "\n    ? [a, b]\n    : c"}, "? [a, b]", "is not a name"),
    "YAML alias": (
        {"    aliases: [Example]": "    aliases: &names [Example]\n    x: *names"},
        "aliases: &names",
        "aliases ('*name') are not used",
    ),
    "python tag": ({LABEL: "    label: !!python/name:os.system"}, "label: !!python", "not valid YAML"),
    # -- item 14: once accepted but wrong ----------------------------------------------------------
    "duplicate key": (
        {LABEL: LABEL + "\n    label: Another label"},
        "label: Another label",
        "the key 'label' appears twice",
    ),
    "Arabic-Indic digits": ({"edtf: 2024-03-04": "edtf: ٢٠٢٤-٠٣-٠٤"}, "edtf: ٢٠٢٤", "digits 0-9"),
    "empty quote": ({LABEL: LABEL + '\n    quote: ""'}, 'quote: ""', "the quote must be a text"),
    "one-character sentence": ({SENTENCE: "      - M"}, "      - M", "too short to cite"),
    "event answering itself": (
        {"    answers: test-offer": "    answers: test-rejection"},
        "answers: test-rejection",
        "answers itself",
    ),
    "cycle of answers": (
        {"    offers: a ceasefire": "    offers: a ceasefire\n    answers: test-rejection"},
        "answers: test-rejection",
        "links loop back",
    ),
    "article path outside the folder": (
        {"  text: minimal.txt": "  text: ../../etc/passwd"},
        "text: ../../etc/passwd",
        "outside the curation file's folder",
    ),
    "mapping stored as text": (
        {LABEL: LABEL + "\n    note: {said: yes}"},
        "note: {said",
        "'note' must be a non-empty text, not a mapping",
    ),
    "mapping as an alias": (
        {"    aliases: [Example]": "    aliases: [{name: Example}]"},
        "aliases: [{",
        "must be a non-empty text, not a mapping",
    ),
}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with open_kb(path) as kb:
        load(kb, [DATA / "script_label.yaml"])
    return path


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_curation_input_is_one_line_naming_its_line_and_changes_nothing(store, tmp_path, case):
    replace, needle, words = BAD[case]
    (tmp_path / "in").mkdir()
    bad = variant(tmp_path / "in", replace)
    before = quads_of(store)
    result = CliRunner().invoke(main, ["--store", str(store), "load", str(bad)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    lines = result.output.strip().splitlines()
    assert all(line.startswith("Error: ") for line in lines)
    matching = [line for line in lines if words in line]
    assert matching, lines
    line = line_of(bad, needle)
    assert f"minimal.yaml line {line}" in matching[0] or f"minimal.yaml line {line + 1}" in matching[0], (
        matching
    )
    assert quads_of(store) == before


def test_one_event_id_in_two_sources_is_refused_naming_both_files_and_lines(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = variant(tmp_path / "one", {})
    second = variant(
        tmp_path / "two",
        {
            "  id: test-minimal": "  id: test-minimal-two",
            "  - id: test-offer\n": "  - id: test-offer-two\n",
            "    answers: test-offer": "    answers: test-offer-two",
            "  - id: test-news": "  - id: test-news-two",
            "  publisher: test-news": "  publisher: test-news-two",
            "  - id: ann-example": "  - id: ann-example-two",
            "{actor: ann-example,": "{actor: ann-example-two,",
            "  - id: the-movement": "  - id: the-movement-two",
            "{actor: the-movement,": "{actor: the-movement-two,",
        },
        "minimal.yaml",
    )
    with pytest.raises(CurationError) as caught:
        with open_kb(tmp_path / "store") as kb:
            load(kb, [first, second])
    errors = caught.value.errors if isinstance(caught.value, CurationErrors) else [caught.value]
    text = [str(error) for error in errors]
    rejection_one = line_of(first, "- id: test-rejection")
    rejection_two = line_of(second, "- id: test-rejection")
    assert any(
        f"one/minimal.yaml line {rejection_one}: event 'test-rejection' is already defined by "
        f"{second.parent}/minimal.yaml line {rejection_two}" in line
        for line in text
    ), text
    assert any(
        f"two/minimal.yaml line {rejection_two}: event 'test-rejection' is already defined by "
        f"{first.parent}/minimal.yaml line {rejection_one}" in line
        for line in text
    ), text
    assert quads_of(tmp_path / "store") == set()
