"""Issue 11 item 11: a failed bulk load leaves no staging directory (nor does a killed one, after
the next start), and a 30 MB literal is a one-line error, not a MemoryError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.errors import CurationError
from kb.load import load
from kb.store import open_kb
from kb.store.swap import staging_of
from tests.support import canonical_dump

GRAPH = "http://example.org/graph/g"


def huge_literal_file(path: Path, size: int) -> Path:
    graph = f" <{GRAPH}>" if path.suffix == ".nq" else ""
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<http://example.org/a> <http://example.org/p> "small"{graph} .\n')
        out.write(f'<http://example.org/s> <http://example.org/p> "{"x" * size}"{graph} .\n')
    return path


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.is_dir() and p.name != "store")


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_a_30_mb_literal_is_one_clear_line_and_changes_nothing(seeded_store, tmp_path, suffix):
    before = canonical_dump(seeded_store)
    path = huge_literal_file(tmp_path / f"huge{suffix}", 30 * 1024 * 1024)
    result = CliRunner().invoke(main, ["--store", str(seeded_store), "load", str(path)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert f"huge{suffix}" in result.output and "larger than the parser can hold" in result.output
    assert canonical_dump(seeded_store) == before
    assert leftovers(tmp_path) == []


def test_a_17_mb_literal_below_the_bulk_threshold_is_refused_too(tmp_path):
    store = tmp_path / "store"
    path = huge_literal_file(tmp_path / "huge.nq", 17 * 1024 * 1024)
    with open_kb(store) as kb, pytest.raises(CurationError, match="larger than the parser can hold"):
        load(kb, [path])


def test_a_bulk_load_that_fails_after_parsing_leaves_no_staging(seeded_store, tmp_path):
    before = canonical_dump(seeded_store)
    path = tmp_path / "dates.nq"
    path.write_text(f'<http://example.org/s> <http://example.org/d> '
                    f'"2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> <{GRAPH}> .\n', encoding="utf-8")
    with open_kb(seeded_store) as kb, pytest.raises(CurationError):
        load(kb, [path], bulk_over=0)
    assert leftovers(tmp_path) == []
    assert canonical_dump(seeded_store) == before


def test_a_staging_store_left_by_a_killed_load_is_removed_at_the_next_start(seeded_store, tmp_path):
    before = canonical_dump(seeded_store)
    staging = staging_of(seeded_store)
    staging.mkdir()
    (staging / "000001.sst").write_bytes(b"\0" * 4096)
    with open_kb(seeded_store, read_only=True):  # a reader leaves it (a load may be building it)
        pass
    assert staging.exists()
    with open_kb(seeded_store):
        pass
    assert not staging.exists()
    assert canonical_dump(seeded_store) == before


def test_a_parser_error_quoting_a_newline_is_still_one_line(seeded_store, tmp_path):
    """Found by tests/test_fuzz_rdf.py: the parser quotes the bad character, here a newline."""
    path = tmp_path / "broken.nq"
    path.write_bytes(b'<\nhttp://example.org/s> <http://example.org/p> "v" <http://example.org/g> .\n')
    result = CliRunner().invoke(main, ["--store", str(seeded_store), "load", str(path)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "broken.nq" in result.output and "\\n" in result.output
