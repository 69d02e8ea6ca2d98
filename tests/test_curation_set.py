"""Curation files across files: a folder of sources loads in any order, every mapping has a closed
set of keys, no file takes over what another defines, and one run reports every error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import open_kb
from kb.cli import main
from kb.errors import CurationError, CurationErrors
from kb.load import load
from kb.paths import ONTOLOGY_DIR, SEEDS_DIR
from tests.support import DATA, line_of, quads_of, variant

SEED = "000_04768d44cf00b2f8"
FOLLOW_UP = DATA / "follow_up"
ONTOLOGY = [ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl"]


def two_sources(folder: Path, replace: dict[str, str] | None = None) -> Path:
    """A folder holding the seed and the follow-up report (with lines of the latter replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".yaml", ".txt"):
        shutil.copy(SEEDS_DIR / f"{SEED}{suffix}", folder / f"{SEED}{suffix}")
    shutil.copy(FOLLOW_UP / "follow_up.txt", folder / "follow_up.txt")
    text = (FOLLOW_UP / "follow_up.yaml").read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, f"test set-up: {old!r} not in follow_up.yaml"
        text = text.replace(old, new, 1)
    (folder / "follow_up.yaml").write_text(text, encoding="utf-8")
    return folder


def load_into(store: Path, *paths: Path):
    with open_kb(store) as kb:
        return load(kb, list(paths))


@pytest.fixture(scope="module")
def seeded_once(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seeded") / "store"
    load_into(store, *ONTOLOGY, SEEDS_DIR)
    return store


@pytest.fixture
def seeded(seeded_once: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seeded_once, copy)
    return copy


def all_errors(caught: pytest.ExceptionInfo) -> list[str]:
    error = caught.value
    return [str(e) for e in error.errors] if isinstance(error, CurationErrors) else [str(error)]


# -- a folder of sources -------------------------------------------------------------------------


def test_a_folder_of_two_sources_loads_in_either_order(tmp_path):
    folder = two_sources(tmp_path / "sources")
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    load_into(forward, *ONTOLOGY, folder / f"{SEED}.yaml", folder / "follow_up.yaml")
    load_into(backward, folder / "follow_up.yaml", folder / f"{SEED}.yaml", *ONTOLOGY)
    assert quads_of(forward) == quads_of(backward)
    with open_kb(forward, read_only=True) as kb:
        actors = kb.run("actors")
        repeats = kb.select("SELECT ?a ?b WHERE { ?a <https://w3id.org/negotiation-kb/ontology#repeats> ?b }")
    names = [row["actor"] for row in actors]
    assert len(names) == len(set(names)), "an actor is listed twice"
    with open_kb(forward, read_only=True) as kb:
        same = kb.select("SELECT ?a ?b WHERE { ?a <http://www.w3.org/2002/07/owl#sameAs> ?b }")
    assert [(row["a"].value.rsplit("/", 1)[1], row["b"].value.rsplit("/", 1)[1]) for row in same] == [
        ("test-recalled-rejection-2024-10", "hamas-rejects-barnea-offer-2024-10")
    ]
    assert any(
        row["a"].value.endswith("/test-barnea-repeats-offer-2024-10-29")
        and row["b"].value.endswith("/barnea-offer-2024-10")
        for row in repeats
    )


def test_a_second_source_adds_aliases_and_positions_in_its_own_graph(seeded, tmp_path):
    folder = two_sources(tmp_path / "sources")
    load_into(seeded, folder / "follow_up.yaml")
    with open_kb(seeded, read_only=True) as kb:
        rows = kb.select(
            "SELECT ?g WHERE { GRAPH ?g { ?a <http://www.w3.org/2004/02/skos/core#altLabel> "
            '"the Mossad chief" } }'
        )
        labels = kb.select(
            "SELECT ?name WHERE { <http://localhost:5000/id/actor/david-barnea> "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"
        )
    assert [row["g"].value for row in rows] == ["http://localhost:5000/id/graph/test-follow-up-report"]
    assert [row["name"].value for row in labels] == ["David Barnea"]


def test_loading_the_same_file_again_replaces_its_graphs(seeded, tmp_path):
    folder = two_sources(tmp_path / "sources")
    load_into(seeded, folder / "follow_up.yaml")
    once = quads_of(seeded)
    load_into(seeded, folder / "follow_up.yaml")
    assert quads_of(seeded) == once
    load_into(seeded, folder)  # the whole folder, seed included, again
    assert quads_of(seeded) == once


# -- closed keys ---------------------------------------------------------------------------------

MISSPELT = {
    # level: (file, original, misspelt, the misspelt key, the suggestion)
    "top level": ("minimal", "actors:\n", "actors:\n  []\nactor:\n", "actor", "did you mean 'actors'?"),
    "source": ("minimal", "  publisher: test-news", "  publisher: test-news\n  titel: x", "titel", "'title'"),
    "source url": ("follow_up", "  url: https", "  link: https", "link", "did you mean 'url'?"),
    "published": ("minimal", "    note: A test article.", "    nte: A test article.", "nte", "'note'"),
    "actor": ("minimal", "    aliases: [Example]", "    aliasses: [Example]", "aliasses", "'aliases'"),
    "actor wikidata": (
        "minimal",
        "    aliases: [Example]",
        "    wikidata_id: Q1",
        "wikidata_id",
        "'wikidata'",
    ),
    "position": (
        "minimal",
        "      - title: Negotiator",
        "      - title: Negotiator\n        organisation: test-news",
        "organisation",
        "'organization'",
    ),
    "actor reference": (
        "follow_up",
        "    aliases: [Officials",
        "    aliasses: [Officials",
        "aliasses",
        "'aliases'",
    ),
    "place": ("follow_up", "    name: Cairo", "    name: Cairo\n    withn: x", "withn", "'within'"),
    "event": ("minimal", "    label: Ann Example", "    lable: Ann Example", "lable", "'label'"),
    "date": (
        "minimal",
        "      anchor: published\n      edtf: 2024-02",
        "      ancor: published\n      edtf: 2024-02",
        "ancor",
        "'anchor'",
    ),
    "event actor": (
        "minimal",
        "{actor: the-movement, role: responder}",
        "{actor: the-movement, rol: responder}",
        "rol",
        "'role'",
    ),
}


@pytest.mark.parametrize("level", MISSPELT, ids=list(MISSPELT))
def test_each_misspelt_key_is_refused_with_its_suggestion(seeded, tmp_path, level):
    which, original, misspelt, key, suggestion = MISSPELT[level]
    if which == "minimal":
        path = variant(tmp_path, {original: misspelt})
    else:
        path = two_sources(tmp_path / "sources", {original: misspelt}) / "follow_up.yaml"
    before = quads_of(seeded)
    with pytest.raises(CurationError) as caught:
        load_into(seeded, path)
    expected_line = line_of(path, f"{key}:") if level != "top level" else line_of(path, "  []") + 1
    errors = [e for e in all_errors(caught) if f"unknown key '{key}'" in e]
    assert errors, all_errors(caught)
    assert f"{path.name} line {expected_line}:" in errors[0]
    assert suggestion in errors[0]
    assert quads_of(seeded) == before


# -- take-overs ----------------------------------------------------------------------------------

TAKE_OVERS = {
    "source id": ("  id: test-follow-up-report", "  id: ain-2024-10-hamas-rejects-safe-passage", "source"),
    "event id": ("  - id: test-cairo-talks-2024-10-29\n", "  - id: egypt-meeting-2024-10\n", "event"),
    "actor": (
        "  - ref: egyptian-officials\n    aliases: [Officials from Egypt]",
        "  - id: al-thani\n    name: Sheikh Al-Thani\n    type: person\n"
        "  - ref: egyptian-officials\n    aliases: [Officials from Egypt]",
        "actor",
    ),
}


@pytest.mark.parametrize("case", TAKE_OVERS, ids=list(TAKE_OVERS))
def test_a_take_over_of_the_store_is_refused_naming_the_owner(seeded, tmp_path, case):
    old, new, kind = TAKE_OVERS[case]
    if case == "event id":  # keep the file consistent: its anchor names the event too
        folder = two_sources(
            tmp_path / "sources",
            {old: new, "event:test-cairo-talks-2024-10-29": "event:egypt-meeting-2024-10"},
        )
    else:
        folder = two_sources(tmp_path / "sources", {old: new})
    before = quads_of(seeded)
    with pytest.raises(CurationError) as caught:
        load_into(seeded, folder / "follow_up.yaml")
    taken = [e for e in all_errors(caught) if "is already defined by" in e]
    slug = new.split(": ", 1)[1].split("\n")[0]
    owner_line = line_of(folder / f"{SEED}.yaml", f"id: {slug}")
    assert taken and f"{kind} '{slug}'" in taken[0], all_errors(caught)
    assert f"{SEED}.yaml line {owner_line} (in the store)" in taken[0], taken[0]
    assert quads_of(seeded) == before


@pytest.mark.parametrize("case", TAKE_OVERS, ids=list(TAKE_OVERS))
def test_a_take_over_within_one_load_is_refused_naming_the_other_file_and_line(tmp_path, case):
    old, new, _kind = TAKE_OVERS[case]
    replace = {old: new}
    if case == "event id":
        replace["event:test-cairo-talks-2024-10-29"] = "event:egypt-meeting-2024-10"
    folder = two_sources(tmp_path / "sources", replace)
    store = tmp_path / "store"
    load_into(store, *ONTOLOGY)
    before = quads_of(store)
    with pytest.raises(CurationError) as caught:
        load_into(store, folder)
    slug = new.split(": ", 1)[1].split("\n")[0]
    seed_line = line_of(folder / f"{SEED}.yaml", f"id: {slug}")
    messages = all_errors(caught)
    assert any("follow_up.yaml line" in e and f"{SEED}.yaml line {seed_line}" in e for e in messages), (
        messages
    )
    assert quads_of(store) == before


def test_a_second_wikidata_id_for_an_actor_is_refused(seeded, tmp_path):
    folder = two_sources(
        tmp_path / "sources",
        {
            "  - ref: egyptian-officials\n": "  - ref: hamas\n"
            "    wikidata: Q38799\n  - ref: egyptian-officials\n"
        },
    )
    before = quads_of(seeded)
    with pytest.raises(CurationError) as caught:
        load_into(seeded, folder / "follow_up.yaml")
    assert any("actor 'hamas' already has a Wikidata id" in e for e in all_errors(caught))
    assert quads_of(seeded) == before


# -- every error in one run ----------------------------------------------------------------------


def test_one_run_reports_every_error_of_a_file_sorted_with_a_count(seeded, tmp_path):
    bad = variant(
        tmp_path,
        {
            "  publisher: test-news": "  publisher: test-newz",
            "    aliases: [Example]": "    aliasses: [Example]",
            "type: Rejection": "type: Rejectoin",
            "edtf: 2024-03-04": "edtf: 2024-01-32",
            "- The Movement rejected the offer on Monday.": "- The Movement rejected the offer on monday.",
        },
    )
    before = quads_of(seeded)
    result = CliRunner().invoke(main, ["--store", str(seeded), "load", str(bad)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == "Error: 5 errors in 1 file"
    numbers = [int(line.split(" line ")[1].split(":")[0]) for line in lines[:-1]]
    assert numbers == sorted(numbers) and len(numbers) == 5
    text = result.output
    assert "unknown actor 'test-newz' (did you mean 'test-news'?)" in text
    assert "did you mean 'aliases'?" in text
    assert "unknown type 'Rejectoin' (did you mean 'Rejection'?)" in text
    assert "January 2024 has 31 days" in text
    assert "'m' here, 'M' in the article" in text
    assert "Traceback" not in text
    assert quads_of(seeded) == before


def test_errors_of_several_files_come_sorted_by_file_then_line(tmp_path):
    (tmp_path / "a").mkdir()
    first = variant(tmp_path / "a", {"type: Rejection": "type: Refusal"})
    folder = two_sources(
        tmp_path / "b",
        {
            "    type: Meeting": "    type: Meating",
            "{actor: hamas, role: responder}": "{actor: hamas, rol: responder}",
        },
    )
    with pytest.raises(CurationErrors) as caught:
        load_into(tmp_path / "store", folder, first)
    wheres = [
        (error.where.split(" line ")[0], int(error.where.split(" line ")[1])) for error in caught.value.errors
    ]
    assert wheres == sorted(wheres)
    assert [Path(file).name for file, _ in wheres] == ["minimal.yaml"] + ["follow_up.yaml"] * 3
    messages = str(caught.value).splitlines()
    assert "unknown type 'Meating' (did you mean 'Meeting'?)" in messages[1]
    same_line = " ".join(messages[2:4])  # two errors of one line
    assert "gives actor 'hamas' no role" in same_line and "unknown key 'rol'" in same_line
    assert messages[-1] == "4 errors in 2 files"


# -- hints ---------------------------------------------------------------------------------------


def test_a_sentence_with_straight_quotes_points_to_the_curly_ones_in_the_article(seeded, tmp_path):
    folder = two_sources(tmp_path / "sources")
    article = folder / "follow_up.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Mossad chief", "Mossad’s chief"), encoding="utf-8"
    )
    (folder / "follow_up.yaml").write_text(
        (folder / "follow_up.yaml")
        .read_text(encoding="utf-8")
        .replace("with the Mossad chief, David", "with the Mossad's chief, David"),
        encoding="utf-8",
    )
    with pytest.raises(CurationError) as caught:
        load_into(seeded, folder / "follow_up.yaml")
    (message,) = all_errors(caught)
    assert "does not occur verbatim" in message
    assert "closest in the article, line 2" in message
    assert "straight quote here, '’' (U+2019) in the article" in message


def test_an_unknown_actor_from_another_file_suggests_the_nearest(seeded, tmp_path):
    folder = two_sources(
        tmp_path / "sources", {"{actor: david-barnea, role: offerer}": "{actor: david-barnia, role: offerer}"}
    )
    with pytest.raises(CurationError) as caught:
        load_into(seeded, folder / "follow_up.yaml")
    assert "unknown actor 'david-barnia' (did you mean 'david-barnea'?)" in all_errors(caught)[0]


@pytest.mark.parametrize(
    ("article", "cited", "difference"),
    [
        (
            "Talks resumed — briefly — on Monday.\n",
            "Talks resumed - briefly - on Monday.",
            "hyphen here, '—' (U+2014) in the article",
        ),
        (
            "He said \u201cno deal\u201d on Monday.\n",
            'He said "no deal" on Monday.',
            "straight double quote here, '\u201c' (U+201C) in the article",
        ),
        ("The envoy\u00a0arrived in Doha.\n", "The envoy arrived in Doha.", "space here, '\u00a0' (U+00A0)"),
        (
            "First line.\nThe envoy arrived in Doha on Sunday.\n",
            "The envoy arived in Doha on Sunday.",
            "line 2",
        ),
    ],
)
def test_the_hint_shows_the_closest_span_and_how_it_differs(article, cited, difference):
    from kb.curation.hints import closest_span

    hint = closest_span(article, cited)
    assert hint is not None and difference in hint, hint
