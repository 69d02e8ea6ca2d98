"""`kb release`: versioned bundles, changelogs, CITATION.cff, and links that never break (410, 301)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse

from kb.cli import main
from kb.load import load
from kb.paths import ONTOLOGY_DIR
from kb.publish.release import ReleaseError, make_release
from kb.store import open_kb
from kb.vocab import Minter
from tests.conftest import TEST_BASE, make_app
from tests.htmltree import parse_html
from tests.support import DATA, quads_of

CFFCONVERT = Path(sys.executable).parent / "cffconvert"
REJECTION = "  - id: test-rejection"


def curation(folder: Path, without_rejection: bool = False) -> Path:
    """tests/data/minimal.yaml in ``folder``, optionally without its event 'test-rejection'."""
    folder.mkdir(exist_ok=True)
    shutil.copy(DATA / "minimal.txt", folder / "minimal.txt")
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    if without_rejection:
        text = text[: text.index(REJECTION)]
    (folder / "minimal.yaml").write_text(text, encoding="utf-8")
    return folder / "minimal.yaml"


def load_into(store: Path, path: Path) -> None:
    with open_kb(store) as kb:
        load(kb, [ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl", path], minter=Minter(TEST_BASE))


def release(store: Path, releases: Path, version: str, *extra: str):
    return CliRunner().invoke(
        main,
        ["--store", str(store), "release", version, "--into", str(releases), *extra],
        env={"KB_BASE": TEST_BASE},
    )


@pytest.fixture
def first(tmp_path) -> tuple[Path, Path]:
    """A store with the minimal curation file, released as 1.0.0; (store, releases)."""
    store, releases = tmp_path / "store", tmp_path / "releases"
    load_into(store, curation(tmp_path / "seeds"))
    result = release(store, releases, "1.0.0")
    assert result.exit_code == 0, result.output
    return store, releases


def test_a_release_is_a_complete_bundle_that_validates(first):
    _, releases = first
    bundle = releases / "1.0.0"
    assert sorted(path.name for path in bundle.iterdir()) == [
        "CHANGELOG.md",
        "CITATION.cff",
        "changes.csv",
        "data",
        "kb.nq",
        "kb.trig",
        "release.json",
        "tombstones.json",
    ]
    assert frictionless.validate(str(bundle / "data" / "datapackage.json")).valid
    package = json.loads((bundle / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "1.0.0" and package["temporal"] == {
        "start": "2024-02-26",
        "end": "2024-03-04",
    }
    checked = subprocess.run(
        [str(CFFCONVERT), "--validate", "-i", str(bundle / "CITATION.cff")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "version: 1.0.0" in (bundle / "CITATION.cff").read_text(encoding="utf-8")
    quads = list(parse(path=str(bundle / "kb.nq"), format=RdfFormat.N_QUADS))
    assert any(quad.subject.value == TEST_BASE + "id/event/test-offer" for quad in quads)
    changelog = (bundle / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Events added: 2, changed: 0, removed: 0, merged: 0 (first release)." in changelog
    assert "- `test-offer`: Ann Example offers the Movement a ceasefire" in changelog


def test_a_release_that_exists_is_refused_and_left_alone(first):
    store, releases = first
    before = {path: path.read_bytes() for path in (releases / "1.0.0").rglob("*") if path.is_file()}
    result = release(store, releases, "1.0.0")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {releases / '1.0.0'}: release 1.0.0 exists (choose a new version; a published release is "
        "never rewritten)"
    ]
    assert {path: path.read_bytes() for path in (releases / "1.0.0").rglob("*") if path.is_file()} == before


@pytest.mark.parametrize("version", ["../escape", "", "1.0 beta", "-rf"])
def test_a_malformed_version_is_refused(first, version):
    store, releases = first
    result = release(store, releases, version)
    assert result.exit_code in (1, 2)
    assert "is not a version" in result.output or "No such option" in result.output
    assert sorted(path.name for path in releases.iterdir()) == ["1.0.0"]


def test_a_removed_event_without_a_reason_stops_the_release_with_nothing_written(first, tmp_path):
    store, releases = first
    load_into(store, curation(tmp_path / "seeds", without_rejection=True))
    before = quads_of(store)
    result = release(store, releases, "1.1.0")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {releases / 'withdrawn.yaml'}: event 'test-rejection' was in release 1.0.0 and is gone, "
        "with no reason "
        "(add '- id: test-rejection' with 'reason: ...' (and 'merged_into: ID' for a duplicate))"
    ]
    assert sorted(path.name for path in releases.iterdir()) == ["1.0.0"]
    assert quads_of(store) == before


def test_notes_that_do_not_make_sense_are_refused(first, tmp_path):
    store, releases = first
    load_into(store, curation(tmp_path / "seeds", without_rejection=True))
    notes = releases / "withdrawn.yaml"
    cases = {
        "- id: test-rejection\n  reason: [unclosed\n": "cannot read the release notes",
        "id: test-rejection\n": "the release notes are not a list",
        "- id: test-rejection\n": "event 'test-rejection' has no reason",
        "- id: test-offer\n  reason: duplicate\n": "is in the notes as removed but is still",
        "- id: test-rejection\n  reason: duplicate\n  merged_into: nowhere\n": "which is not in the data",
    }
    for text, message in cases.items():
        notes.write_text(text, encoding="utf-8")
        result = release(store, releases, "1.1.0")
        assert result.exit_code == 1, text
        assert len(result.output.strip().splitlines()) == 1 and message in result.output, result.output
        assert sorted(path.name for path in releases.iterdir()) == ["1.0.0", "withdrawn.yaml"]


def test_a_removed_event_answers_410_with_when_and_why_in_every_format(first, tmp_path):
    store, releases = first
    load_into(store, curation(tmp_path / "seeds", without_rejection=True))
    (releases / "withdrawn.yaml").write_text(
        "- id: test-rejection\n  reason: The article does not say the Movement rejected the offer.\n",
        encoding="utf-8",
    )
    result = release(store, releases, "1.1.0")
    assert result.exit_code == 0, result.output
    assert "0 added, 0 changed, 1 removed, 0 merged since 1.0.0" in result.output
    changelog = (releases / "1.1.0" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert (
        "## Removed\n\n- `test-rejection`: The article does not say the Movement rejected the offer."
        in changelog
    )
    changes = list(csv.DictReader((releases / "1.1.0" / "changes.csv").open(encoding="utf-8")))
    assert changes == [
        {
            "event_id": "test-rejection",
            "change": "removed",
            "label": "",
            "reason": "The article does not say the Movement rejected the offer.",
            "merged_into": "",
        }
    ]
    dumped = list(parse(path=str(releases / "1.1.0" / "kb.nq"), format=RdfFormat.N_QUADS))
    gone = TEST_BASE + "id/event/test-rejection"
    assert [
        q.object.value
        for q in dumped
        if q.subject.value == gone and q.predicate.value.endswith("#changeNote")
    ] == ["The article does not say the Movement rejected the offer."]
    app = make_app(store, TIMELINE_INDEX="off")
    try:
        client = app.test_client()
        page = client.get("/event/test-rejection")
        assert page.status_code == 410
        main_text = parse_html(page.data).find("main").text
        assert "was removed from the data in release 1.1.0 on" in main_text
        assert "Why: The article does not say the Movement rejected the offer." in main_text
        data = client.get("/event/test-rejection.json")
        assert data.status_code == 410 and data.get_json()["tombstone"]["version"] == "1.1.0"
        turtle = client.get("/event/test-rejection.ttl")
        assert turtle.status_code == 410
        triples = list(parse(turtle.data, format=RdfFormat.TURTLE))
        assert any(t.predicate.value.endswith("#changeNote") for t in triples)
        assert client.get("/id/event/test-rejection").status_code == 410
        table = client.get("/event/test-rejection.csv")
        assert table.status_code == 410 and table.get_json()["tombstone"]["event_id"] == "test-rejection"
        assert (
            client.get("/event/test-rejection", headers={"Accept": "application/ld+json"}).status_code == 410
        )
        assert client.get("/event/test-offer").status_code == 200
        assert client.get("/event/never-existed").status_code == 404
    finally:
        app.extensions["kb"].close()


def test_a_merged_event_answers_301_to_the_survivor_in_every_format(first, tmp_path):
    store, releases = first
    load_into(store, curation(tmp_path / "seeds", without_rejection=True))
    (releases / "withdrawn.yaml").write_text(
        "- id: test-rejection\n  reason: A duplicate.\n  merged_into: test-offer\n", encoding="utf-8"
    )
    assert release(store, releases, "1.1.0").exit_code == 0
    assert "## Merged\n\n- `test-rejection`: into test-offer: A duplicate." in (
        releases / "1.1.0" / "CHANGELOG.md"
    ).read_text(encoding="utf-8")
    app = make_app(store, TIMELINE_INDEX="off")
    try:
        client = app.test_client()
        for path, target in (
            ("/event/test-rejection", "/event/test-offer"),
            ("/event/test-rejection.json", "/event/test-offer.json"),
            ("/event/test-rejection.ttl", "/event/test-offer.ttl"),
            ("/id/event/test-rejection", "/id/event/test-offer"),
        ):
            response = client.get(path)
            assert response.status_code == 301, path
            assert response.headers["Location"].endswith(target), path
        assert client.get("/event/test-rejection", follow_redirects=True).status_code == 200
    finally:
        app.extensions["kb"].close()


def test_an_event_added_back_loses_its_tombstone(first, tmp_path):
    store, releases = first
    load_into(store, curation(tmp_path / "seeds", without_rejection=True))
    (releases / "withdrawn.yaml").write_text("- id: test-rejection\n  reason: Unsure.\n", encoding="utf-8")
    assert release(store, releases, "1.1.0").exit_code == 0
    (releases / "withdrawn.yaml").unlink()
    load_into(store, curation(tmp_path / "seeds"))
    result = release(store, releases, "1.2.0")
    assert result.exit_code == 0, result.output
    assert "1 added, 0 changed, 0 removed" in result.output
    assert json.loads((releases / "1.2.0" / "tombstones.json").read_text(encoding="utf-8")) == []
    app = make_app(store, TIMELINE_INDEX="off")
    try:
        assert app.test_client().get("/event/test-rejection").status_code == 200
        void = app.test_client().get("/.well-known/void.ttl").get_data(as_text=True)
        assert 'dcat:version "1.2.0"' in void and "dct:bibliographicCitation" in void
    finally:
        app.extensions["kb"].close()


def test_a_changed_event_is_listed_as_changed(first, tmp_path):
    store, releases = first
    path = curation(tmp_path / "seeds")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "label: The Movement rejects the offer", "label: The Movement rejects Ann Example's offer"
        ),
        encoding="utf-8",
    )
    load_into(store, path)
    result = release(store, releases, "1.0.1")
    assert "0 added, 1 changed, 0 removed" in result.output
    assert "## Changed\n\n- `test-rejection`: The Movement rejects Ann Example's offer" in (
        releases / "1.0.1" / "CHANGELOG.md"
    ).read_text(encoding="utf-8")


def test_releases_into_a_file_are_refused(first, tmp_path):
    store, _ = first
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("mine", encoding="utf-8")
    result = release(store, blocker, "2.0.0")
    assert result.exit_code == 2 and "is a file" in result.output.splitlines()[-1]
    with open_kb(store) as kb, pytest.raises(ReleaseError) as raised:
        make_release(kb, "2.0.0", blocker, minter=Minter(TEST_BASE))
    assert str(raised.value) == f"{blocker}: is a file, not a directory of releases (give --into a directory)"
    assert blocker.read_text(encoding="utf-8") == "mine"
