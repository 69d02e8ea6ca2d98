"""The WordNet triggers: the builder reads WordNet's verb files (a tiny fixture in their format,
written here, so the tests need no WordNet installed) and relates verbs to the lexicon's cue
verbs; the switch turns a sentence whose only verb WordNet relates to a cue into a proposal whose
``why`` names WordNet; off by default; the shipped file loads and carries WordNet's licence."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.errors import KBError
from kb.extract import extract, lexicon
from kb.extract.cli import extract_command

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import build_wordnet_triggers as builder

PUBLISHED = date(2025, 1, 31)

#: A WordNet 3.0 folder in miniature (``wndb(5)``): "meet" (sense 1: with "meet up"; its
#: troponym "rendezvous"; its hypernym "gather"), "encounter" whose sense 3 is meet's
#: (too rare a sense to count), "ambush" a troponym of "attack", "met" an exception form.
LICENCE_HEADER = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
INDEX = {
    "ambush": ["00000020"],
    "attack": ["00000010"],
    "gather": ["00000003"],
    "encounter": ["00000004", "00000005", "00000001"],
    "hand_over": ["00000030"],
    "meet": ["00000001"],
    "release": ["00000030"],
    "rendezvous": ["00000002"],
    "meet_up": ["00000001"],
}
DATA = [
    ("00000001", ["meet", "meet_up", "encounter"], [("~", "00000002"), ("@", "00000003")]),
    ("00000002", ["rendezvous"], [("@", "00000001")]),
    ("00000003", ["gather"], [("~", "00000001")]),
    ("00000004", ["encounter"], []),
    ("00000005", ["encounter"], []),
    ("00000010", ["attack"], [("~", "00000020")]),
    ("00000020", ["ambush(a)"], [("@", "00000010")]),
    ("00000030", ["hand_over", "release"], []),
]


def write_wordnet(folder: Path) -> Path:
    index = [f"{lemma} v {len(offsets)} 0 {len(offsets)} 0 {' '.join(offsets)}  "
             for lemma, offsets in INDEX.items()]
    data = []
    for offset, words, pointers in DATA:
        spelled = " ".join(f"{word} 0" for word in words)
        linked = " ".join(f"{symbol} {target} v 0000" for symbol, target in pointers)
        data.append(f"{offset} 41 v {len(words):02x} {spelled} {len(pointers):03d} {linked} "
                    f"01 + 02 00 | a gloss  ")
    (folder / "index.verb").write_text(LICENCE_HEADER + "\n".join(index) + "\n", "utf-8")
    (folder / "data.verb").write_text(LICENCE_HEADER + "\n".join(data) + "\n", "utf-8")
    (folder / "verb.exc").write_text("met meet\n", "utf-8")
    return folder


@pytest.fixture()
def wordnet(tmp_path):
    return builder.read_wordnet(write_wordnet(tmp_path))


def test_the_reader_keeps_senses_in_order_words_and_pointers(wordnet):
    assert wordnet.senses["encounter"] == ["00000004", "00000005", "00000001"]
    assert wordnet.synsets["00000001"].words == ["meet", "meet_up", "encounter"]
    assert ("~", "00000002") in wordnet.synsets["00000001"].pointers
    assert wordnet.synsets["00000020"].words == ["ambush"]  # its adjective marker gone
    assert wordnet.lemmas("met") == ["meet"]  # verb.exc
    assert wordnet.lemmas("meets") == ["meet"] and wordnet.lemmas("ambushed") == ["ambush"]


def test_synonyms_and_troponyms_of_a_cue_become_triggers_with_their_why(wordnet):
    cues = {"meet": ("Meeting", "LEMMA_CUES")}
    model = builder.build(wordnet, cues, ["syn", "tropo"], cue_senses=1, word_senses=2)
    assert set(model["triggers"]) == {"meet up", "rendezvous"}  # not encounter: its 3rd sense
    assert model["triggers"]["rendezvous"]["type"] == "Meeting"
    assert model["triggers"]["rendezvous"]["why"] == "WordNet: rendezvous ~ meet (troponym): Meeting"
    assert model["triggers"]["meet up"]["why"].startswith("WordNet: meet up ~ meet (synonym)")
    assert "Princeton University" in model["licence"]
    wider = builder.build(wordnet, cues, ["syn", "hyper"], cue_senses=1, word_senses=3)
    assert set(wider["triggers"]) == {"meet up", "encounter", "gather"}


def test_a_cue_verb_is_never_its_own_trigger_and_the_nearest_relation_wins(wordnet):
    cues = {"attack": ("Attack", "LEMMA_CUES"), "meet": ("Meeting", "LEMMA_CUES"),
            "release": ("HostageRelease", "LEMMA_CUES")}
    model = builder.build(wordnet, cues, ["syn", "tropo", "hyper"], cue_senses=1, word_senses=1,
                          exclude={"rendezvous"})
    assert "meet" not in model["triggers"] and "rendezvous" not in model["triggers"]
    assert model["triggers"]["ambush"]["type"] == "Attack"
    assert model["triggers"]["hand over"]["why"] == \
        "WordNet: hand over ~ release (synonym): HostageRelease"


def test_the_lexicon_patterns_give_their_plain_words_only():
    assert builder.pattern_words(r"propos(?:e|es|ed)") == ["propose", "proposes", "proposed"]
    assert builder.pattern_words(r"attacked|bombed|emphasi[sz]ed") == [
        "attacked", "bombed", "emphasised", "emphasized"]
    assert builder.pattern_words(r"recommend(?:ed|s)(?=\s+the)|met") == ["met"]
    assert builder.pattern_words(r"(?:held|hold)\s+talks") == []


def test_the_cue_verbs_are_the_lexicons_with_their_types(wordnet):
    verbs = builder.cue_verbs(wordnet)
    assert verbs["attack"] == ("Attack", "LEMMA_CUES")
    assert verbs["tweet"] == ("Statement", "SAYING_LEMMAS")
    assert "meet" in verbs
    assert "attack" not in builder.cue_verbs(wordnet, left_out={"attack"})


#: A sentence whose only verb the lexicon knows no cue for.
RENDEZVOUSED = ("Talks update\n\nOn Tuesday 28 January, Qatar's envoys rendezvoused with Israel "
                "and Hamas in Doha.\n")


def test_a_wordnet_trigger_makes_a_proposal_whose_why_names_wordnet(wordnet):
    model = builder.build(wordnet, {"meet": ("Meeting", "LEMMA_CUES")}, ["syn", "tropo"], 1, 2)
    with lexicon.using_triggers(None):
        assert extract(RENDEZVOUSED, PUBLISHED, min_confidence=0.2).events == []
    with lexicon.using_triggers(model):
        event, = extract(RENDEZVOUSED, PUBLISHED, min_confidence=0.2).events
    assert event.type == "Meeting" and event.date.edtf == "2025-01-28"
    assert "WordNet: rendezvous ~ meet (troponym): Meeting" in event.why[0]


#: A sentence whose only verb is one of the shipped WordNet triggers ("strafe": a troponym of
#: the cue "attack").
STRAFED = ("Gaza update\n\nOn Tuesday 28 January, Israeli aircraft strafed a Hamas convoy near "
           "Rafah.\n")


def test_the_switch_uses_the_shipped_file_and_is_off_by_default():
    assert lexicon.WORDNET_BY_DEFAULT is False
    assert extract(STRAFED, PUBLISHED).events == []
    with lexicon.using_wordnet(True):
        event, = extract(STRAFED, PUBLISHED).events
    assert event.type == "Attack"
    assert any("cue 'strafed'" in line and "WordNet: strafe ~ attack (troponym)" in line
               for line in event.why)
    with lexicon.using_wordnet(False):
        assert extract(STRAFED, PUBLISHED).events == []


def test_kb_extract_wordnet_flag(tmp_path):
    article = tmp_path / "strafe.txt"
    article.write_text(STRAFED, encoding="utf-8")
    runner = CliRunner()
    args = [str(article), "--published", "2025-01-31", "--format", "json", "--actors",
            str(tmp_path)]
    off = runner.invoke(extract_command, args)
    on = runner.invoke(extract_command, [*args, "--wordnet"])
    assert off.exit_code == 0 and on.exit_code == 0, off.output + on.output
    assert json.loads(off.output) == []
    proposed, = json.loads(on.output)
    assert proposed["type"] == "Attack"
    assert "WordNet: strafe ~ attack" in json.dumps(proposed)


def test_the_shipped_file_loads_is_rebuilt_the_same_and_carries_the_licence():
    model = lexicon.load_wordnet_triggers()
    assert model["relations"] == list(builder.SHIPPED["relations"])
    assert all(entry["why"].startswith(f"WordNet: {key} ~ ")
               for key, entry in model["triggers"].items())
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in model["licence"]
    notice = (lexicon.WORDNET_FILE.parent / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in notice
    if (builder.DEFAULT_WORDNET / "data.verb").is_file():  # where WordNet is installed
        rebuilt = builder.shipped(builder.read_wordnet())
        assert builder.dump(rebuilt) == lexicon.WORDNET_FILE.read_text(encoding="utf-8")


def test_a_broken_file_names_itself_and_the_command(tmp_path):
    path = tmp_path / "wordnet_triggers.json"
    path.write_text(json.dumps({"triggers": {"ambush": {"type": "Attack"}}}), encoding="utf-8")
    with pytest.raises(KBError) as caught:
        lexicon.load_wordnet_triggers(path)
    message = str(caught.value)
    assert "lacks its triggers" in message and str(path) in message
    assert "benchmarks/build_wordnet_triggers.py --write" in message


def test_a_saying_trigger_speaks_only_with_the_clause_it_reports():
    said = {"triggers": {"rejoin": {"type": "Statement", "clause": True,
                                    "why": "WordNet: rejoin ~ reply (synonym): Statement"}},
            "anywhere": False}
    with lexicon.using_triggers(said):
        clause = extract("Talks update\n\nOn Tuesday 28 January, Hamas rejoined that Israel had "
                         "broken its word.\n", PUBLISHED, min_confidence=0.2).events
        bare = extract("Talks update\n\nOn Tuesday 28 January, Hamas rejoined the other "
                       "factions in Doha.\n", PUBLISHED, min_confidence=0.2).events
    assert [event.type for event in clause] == ["Statement"]
    assert "WordNet: rejoin ~ reply (synonym)" in clause[0].why[0]
    assert bare == []


def test_statement_triggers_carry_the_clause_flag_when_asked(wordnet):
    cues = {"meet": ("Meeting", "LEMMA_CUES"), "release": ("Statement", "SAYING_LEMMAS")}
    model = builder.build(wordnet, cues, ["syn"], 1, 1, clause=True)
    assert model["triggers"]["hand over"].get("clause") is True
    assert "clause" not in model["triggers"]["meet up"]
