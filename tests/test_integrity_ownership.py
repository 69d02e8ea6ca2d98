"""Issue 11 item 9: a graph belongs to the source that loaded it. A file that would replace another
source's graph (the ontology's included) is refused naming both, unless 'kb load --replace'; loading
the same file again replaces its own graphs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from kb.cli import main
from kb.errors import CurationError
from kb.load import load
from kb.load.ownership import loads_graph
from kb.paths import ONTOLOGY_DIR
from kb.store import open_kb
from kb.vocab import KBO, Minter
from tests.conftest import SEED_TARGETS
from tests.support import DATA, canonical_dump

MINTER = Minter()  # the base the CLI mints under, so that the CLI and the library see one store
MINIMAL_GRAPH = MINTER.graph("test-minimal").value


def cli(store: Path, *args: str):
    return CliRunner().invoke(main, ["--store", str(store), "load", *args], catch_exceptions=False)


PLAIN = '<http://example.org/s> <http://example.org/p> "v" .\n'


def turtle(folder: Path, name: str, text: str = PLAIN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def trig_into(folder: Path, graph: str, name: str = "other.trig") -> Path:
    return turtle(folder, name, f'<{graph}> {{ <http://example.org/x> <http://example.org/p> "forged" . }}\n')


@pytest.fixture
def store(tmp_path) -> Path:
    """The ontology, the seeds and tests/data/minimal.yaml, under the test base."""
    path = tmp_path / "store"
    shutil.copy(DATA / "minimal.txt", tmp_path / "minimal.txt")
    shutil.copy(DATA / "minimal.yaml", tmp_path / "minimal.yaml")
    with open_kb(path) as kb:
        load(kb, [*SEED_TARGETS, tmp_path / "minimal.yaml"], minter=MINTER)
    return path


def load_into(store: Path, *paths: Path, **options):
    with open_kb(store) as kb:
        return load(kb, list(paths), minter=MINTER, **options)


def test_a_users_kb_ttl_does_not_replace_the_ontology(store, tmp_path):
    before = canonical_dump(store)
    mine = turtle(tmp_path / "mine", "kb.ttl")
    with pytest.raises(CurationError) as caught:
        load_into(store, mine)
    message = str(caught.value)
    assert str(mine) in message and "ontology/kb.ttl" in message and "the ontology" in message
    assert "--replace" in message
    assert canonical_dump(store) == before


def test_an_rdf_file_cannot_silently_overwrite_a_curation_sources_graph(store, tmp_path):
    before = canonical_dump(store)
    forged = trig_into(tmp_path / "elsewhere", MINIMAL_GRAPH)
    result = cli(store, str(forged))
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "other.trig" in result.output and "minimal.yaml" in result.output
    assert "test-minimal" in result.output
    assert canonical_dump(store) == before


@pytest.mark.parametrize("bulk_over", [None, 0], ids=["checked", "bulk"])
def test_the_bulk_path_refuses_it_too_and_leaves_no_staging(store, tmp_path, bulk_over):
    before = canonical_dump(store)
    forged = tmp_path / "forged.nq"
    forged.write_text(f'<http://example.org/x> <http://example.org/p> "forged" <{MINIMAL_GRAPH}> .\n',
                      encoding="utf-8")
    with pytest.raises(CurationError, match=r"minimal\.yaml"):
        load_into(store, forged, bulk_over=bulk_over)
    assert canonical_dump(store) == before
    assert not [p for p in tmp_path.glob("store.*") if p.is_dir()]


def test_replace_lets_the_user_take_a_graph_over(store, tmp_path):
    forged = trig_into(tmp_path / "elsewhere", MINIMAL_GRAPH)
    result = cli(store, "--replace", str(forged))
    assert result.exit_code == 0, result.output
    with open_kb(store, read_only=True) as kb:
        owner = kb.select(f"SELECT ?o WHERE {{ GRAPH {loads_graph(MINTER)} {{ <{MINIMAL_GRAPH}> "
                          f"{KBO.loadedBy} ?o }} }}")
    assert owner[0]["o"].value.startswith(f"file {forged.name} #")


def test_loading_the_same_file_again_replaces_its_own_graphs(store, tmp_path):
    path = turtle(tmp_path / "data", "notes.ttl")
    load_into(store, path)
    turtle(tmp_path / "data", "notes.ttl", '<http://example.org/s> <http://example.org/p> "w" .\n')
    load_into(store, path)
    with open_kb(store, read_only=True) as kb:
        values = [row["o"].value for row in kb.select(
            "SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o }")]
    assert values == ["w"]


def test_another_file_of_the_same_name_is_refused_naming_the_first(store, tmp_path):
    first = turtle(tmp_path / "a", "notes.ttl")
    load_into(store, first)
    before = canonical_dump(store)
    with pytest.raises(CurationError) as caught:
        load_into(store, turtle(tmp_path / "b", "notes.ttl"))
    # the other file is named as the public records name it: by its name, not where it sits
    assert "b/notes.ttl" in str(caught.value)
    assert "which notes.ttl (a file outside the project) loaded" in str(caught.value)
    assert canonical_dump(store) == before


def test_two_files_of_one_load_writing_one_graph_are_refused(store, tmp_path):
    before = canonical_dump(store)
    with pytest.raises(CurationError, match="both write graph") as caught:
        load_into(store, turtle(tmp_path / "a", "x.ttl"), turtle(tmp_path / "b", "x.nt"))
    assert "a/x.ttl" in str(caught.value) and "b/x.nt" in str(caught.value)
    assert canonical_dump(store) == before


def test_a_curation_source_cannot_take_an_rdf_files_graph(store, tmp_path):
    owned = trig_into(tmp_path / "rdf", MINTER.graph("test-minimal-2").value)
    load_into(store, owned)
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8").replace("id: test-minimal\n",
                                                                      "id: test-minimal-2\n", 1)
    folder = tmp_path / "cur"
    folder.mkdir()
    shutil.copy(DATA / "minimal.txt", folder / "minimal.txt")
    (folder / "minimal.yaml").write_text(text, encoding="utf-8")
    before = canonical_dump(store)
    with pytest.raises(CurationError) as caught:
        load_into(store, folder / "minimal.yaml")
    assert "other.trig" in str(caught.value) and "cur/minimal.yaml" in str(caught.value)
    assert canonical_dump(store) == before


def test_the_default_load_reloads_the_ontology_and_seeds(store):
    before = canonical_dump(store)
    load_into(store, *SEED_TARGETS)
    assert canonical_dump(store) == before


def test_records_a_file_brings_are_not_taken(tmp_path):
    store = tmp_path / "store"
    forged = turtle(tmp_path / "f", "forged.trig",
                    f'<{loads_graph(MINTER).value}> {{ <{MINIMAL_GRAPH}> <{KBO.loadedBy.value}> '
                    f'"file {ONTOLOGY_DIR / "kb.ttl"}" . }}\n'
                    f'<http://example.org/g> {{ <http://example.org/s> <http://example.org/p> "v" . }}\n')
    load_into(store, forged)
    with open_kb(store, read_only=True) as kb:
        rows = kb.select(f"SELECT ?g ?o WHERE {{ GRAPH {loads_graph(MINTER)} {{ ?g {KBO.loadedBy} ?o }} }}")
    assert [row["g"].value for row in rows] == ["http://example.org/g"]
    assert rows[0]["o"].value.startswith(f"file {forged.name} #")


def test_the_public_records_never_show_where_a_file_sits_outside_the_project(store, tmp_path):
    """The load records are readable by anyone through /sparql and the dumps: a file from outside
    the project is named by its file name only, and loading it again from there is still its own."""
    path = turtle(tmp_path / "private" / "alice", "notes.ttl")
    load_into(store, path)
    load_into(store, path)  # the same file takes its own graph back
    with open_kb(store, read_only=True) as kb:
        rows = kb.select(f"SELECT ?p ?o WHERE {{ GRAPH {loads_graph(MINTER)} {{ ?g ?p ?o }} }}")
    values = {row["o"].value for row in rows}
    assert values and not [value for value in values if str(tmp_path) in value or "alice" in value]
    assert "notes.ttl (a file outside the project)" in values


def test_a_store_recorded_with_absolute_paths_lets_the_same_file_load_again(store, tmp_path):
    path = turtle(tmp_path / "data", "notes.ttl")
    load_into(store, path)
    # as a store written before the records left out paths
    loads, old_key = loads_graph(MINTER), f'"file {path.resolve()}"'
    raw = Store(str(store))
    try:
        raw.update(f"DELETE {{ GRAPH {loads} {{ ?g {KBO.loadedBy} ?o }} }} "
                   f"INSERT {{ GRAPH {loads} {{ ?g {KBO.loadedBy} {old_key} }} }} "
                   f"WHERE {{ GRAPH {loads} {{ ?g {KBO.loadedBy} ?o }} }}")
    finally:
        del raw
    turtle(tmp_path / "data", "notes.ttl", '<http://example.org/s> <http://example.org/p> "again" .\n')
    load_into(store, path)
    with open_kb(store, read_only=True) as kb:
        values = [row["o"].value for row in kb.select(
            "SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o }")]
    assert values == ["again"]
