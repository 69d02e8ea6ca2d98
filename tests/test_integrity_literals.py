"""Issue 11 item 14 (RDF files): a typed literal its XSD datatype cannot hold ("2024-02-30"^^xsd:date)
is refused with the file, the line and what to write instead; the store is left byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.errors import CurationError
from kb.load import load
from kb.store import open_kb
from tests.support import canonical_dump, data_count

XSD = "http://www.w3.org/2001/XMLSchema#"
BAD = [
    ("2024-02-30", "date"),
    ("2023-02-29", "date"),
    ("2024-13-01", "date"),
    ("2024-1-1", "date"),
    ("2024-10-01T25:00:00", "dateTime"),
    ("2024-13", "gYearMonth"),
    ("24", "gYear"),
    ("12x", "integer"),
    ("1.5.2", "decimal"),
    ("yes", "boolean"),
    ("99999999999", "int"),
    ("-1", "nonNegativeInteger"),
]
GOOD = [("2024-02-29", "date"), ("-0044-03-15", "date"), ("2024-10", "gYearMonth"), ("+7", "integer"),
        ("2024-10-01T09:30:00Z", "dateTime"), ("0", "nonNegativeInteger"), ("1", "boolean")]


def rdf_file(tmp_path: Path, suffix: str, lexical: str, datatype: str) -> Path:
    """A small file whose fourth line carries the literal."""
    literal = f'"{lexical}"^^<{XSD}{datatype}>'
    graph = " <http://example.org/graph/g>" if suffix in (".nq",) else ""
    head = [f'<http://example.org/s{i}> <http://example.org/p> "fine {i}"{graph} .' for i in range(3)]
    body = [*head, f"<http://example.org/s> <http://example.org/when> {literal}{graph} ."]
    if suffix == ".trig":
        body = ["<http://example.org/graph/g> {", *body, "}"]
        body = [body[0] + " " + body[1], *body[2:]]  # keep the literal on line 4
    path = tmp_path / f"data{suffix}"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(seeded_store):
    return seeded_store


@pytest.mark.parametrize("lexical, datatype", BAD)
def test_an_ill_typed_literal_is_refused_with_file_and_line(store, tmp_path, lexical, datatype):
    before = canonical_dump(store)
    path = rdf_file(tmp_path, ".ttl", lexical, datatype)
    with open_kb(store) as kb, pytest.raises(CurationError) as caught:
        load(kb, [path])
    message = str(caught.value)
    assert message.startswith(f"{path}: line 4:") or f"data.ttl line 4: \"{lexical}\"" in message
    assert f"xsd:{datatype}" in message and "the store was not changed" in message
    assert canonical_dump(store) == before


@pytest.mark.parametrize("suffix", [".nt", ".nq", ".trig"])
@pytest.mark.parametrize("bulk_over", [None, 0], ids=["checked", "bulk"])
def test_every_rdf_format_and_the_bulk_path_refuse_an_impossible_date(store, tmp_path, suffix, bulk_over):
    before = canonical_dump(store)
    path = rdf_file(tmp_path, suffix, "2024-02-30", "date")
    with open_kb(store) as kb, pytest.raises(CurationError) as caught:
        load(kb, [path], bulk_over=bulk_over)
    assert f"data{suffix} line 4" in str(caught.value) and "xsd:date" in str(caught.value)
    assert canonical_dump(store) == before
    assert not [p for p in tmp_path.glob("store.*") if p.is_dir()]


@pytest.mark.parametrize("lexical, datatype", GOOD)
def test_valid_typed_literals_load(tmp_path, lexical, datatype):
    path = rdf_file(tmp_path, ".ttl", lexical, datatype)
    with open_kb(tmp_path / "store") as kb:
        load(kb, [path])
        assert data_count(kb) == 4


def test_the_cli_says_it_in_one_line(store, tmp_path):
    path = rdf_file(tmp_path, ".ttl", "2024-02-30", "date")
    result = CliRunner().invoke(main, ["--store", str(store), "load", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "line 4" in result.output and "2024-02-30" in result.output


def test_a_date_the_validator_cannot_read_loads_without_a_traceback(tmp_path):
    """A year of five digits is a valid xsd:date that rdflib (under pySHACL) cannot turn into a Python
    date: it logged a traceback on the terminal of every load."""
    import subprocess
    import sys

    path = rdf_file(tmp_path, ".ttl", "12024-10-05", "date")
    kb = str(Path(sys.executable).parent / "kb")  # the console script, as a user runs it
    done = subprocess.run([kb, "--store", str(tmp_path / "store"), "load", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "ValueError" not in done.stderr
    assert "1 file" in done.stdout + done.stderr
