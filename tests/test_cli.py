"""The kb command: each subcommand as a user runs it, and errors as one line with exit status 1."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from pyoxigraph import CanonicalizationAlgorithm, Dataset, RdfFormat, parse

from kb.cli import main
from tests.support import DATA, TIMELINE_COLUMNS, quads_of, seed_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("cli") / "store")


def kb(*args: str, store=None):
    runner = CliRunner()
    prefix = ["--store", str(store)] if store else []
    return runner.invoke(main, [*prefix, *args], catch_exceptions=False)


def test_help_explains_every_command():
    result = kb("--help")
    assert result.exit_code == 0
    for command in ("load", "validate", "query", "queries", "export", "stats", "serve", "extract"):
        assert command in result.output
        assert kb(command, "--help").exit_code == 0


def test_load_reports_files_and_quads(tmp_path):
    result = kb("load", str(DATA / "minimal.yaml"), store=tmp_path / "store")
    assert result.exit_code == 0
    assert result.output.startswith("loaded ")
    assert "minimal.yaml: 1 graph, 122 quads" in result.output  # 119 + curationFile + 2 kbo:midDay


def test_load_error_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "bad.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--store", str(tmp_path / "store"), "load", str(tmp_path / "bad.yaml")]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "bad.yaml line" in lines[0]


def test_store_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_STORE", str(tmp_path / "env-store"))
    assert CliRunner().invoke(main, ["load", str(DATA / "minimal.yaml")]).exit_code == 0
    assert quads_of(tmp_path / "env-store")


def test_query_formats(store):
    as_csv = kb("query", "timeline", "--format", "csv", store=store)
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert rows and list(rows[0]) == TIMELINE_COLUMNS
    as_json = json.loads(kb("query", "timeline", "--format", "json", store=store).output)
    assert len(as_json["results"]["bindings"]) == len(rows)
    as_tsv = kb("query", "timeline", "--format", "tsv", store=store).output.splitlines()
    assert len(as_tsv) == len(rows) + 1
    table = kb("query", "timeline", store=store).output
    assert f"({len(rows)} rows)" in table


def test_query_with_parameters_and_a_query_file(store, tmp_path):
    result = kb("query", "actor-timeline", "--param", "actor=david-barnea", "--format", "json", store=store)
    events = [b["event"]["value"] for b in json.loads(result.output)["results"]["bindings"]]
    assert "http://localhost:5000/id/event/barnea-offer-2024-10" in events
    custom = tmp_path / "count.rq"
    custom.write_text("# title: Count events\nSELECT (COUNT(*) AS ?n) WHERE { ?e kbo:dateText ?t }\n")
    counted = json.loads(kb("query", str(custom), "--format", "json", store=store).output)
    timeline = json.loads(kb("query", "timeline", "--format", "json", store=store).output)
    assert int(counted["results"]["bindings"][0]["n"]["value"]) == len(timeline["results"]["bindings"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "no-such-query"], "no named query 'no-such-query'"),
        (["query", "actor-timeline"], "needs the parameter 'actor'"),
        (["query", "actor-timeline", "-p", "actor=nobody"], "unknown actor 'nobody'"),
        (["query", "timeline", "-p", "from=2024-02-30"], "'2024-02-30' is not a day"),
        (["query", "timeline", "-p", "colour=red"], "has no parameter 'colour'"),
    ],
)
def test_query_errors_are_one_clear_line(store, args, message):
    result = CliRunner().invoke(main, ["--store", str(store), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_query_header_names_file_and_line(store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Broken\n# param: actor colour -- no such type\nSELECT * WHERE {}\n")
    result = CliRunner().invoke(main, ["--store", str(store), "query", str(bad)])
    assert result.exit_code == 1
    assert "bad.rq line 2" in result.output


def test_export_formats_parse(store):
    for name, rdf_format in (
        ("trig", RdfFormat.TRIG),
        ("nquads", RdfFormat.N_QUADS),
        ("turtle", RdfFormat.TURTLE),
        ("jsonld", RdfFormat.JSON_LD),
    ):
        result = CliRunner().invoke(main, ["--store", str(store), "export", "--format", name])
        assert result.exit_code == 0
        assert len(list(parse(result.stdout_bytes, format=rdf_format))) > 1000


@pytest.mark.parametrize("name, suffix", [("trig", "trig"), ("nquads", "nq"), ("jsonld", "jsonld")])
def test_export_then_load_gives_an_isomorphic_dataset(store, tmp_path, name, suffix):
    dump = tmp_path / f"dump.{suffix}"
    assert kb("export", "--format", name, "-o", str(dump), store=store).exit_code == 0
    fresh = tmp_path / "fresh"
    assert kb("load", str(dump), store=fresh).exit_code == 0
    original, reloaded = Dataset(quads_of(store)), Dataset(quads_of(fresh))
    original.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    reloaded.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    assert set(original) == set(reloaded)


def test_stats_counts_events_by_type(store):
    output = kb("stats", store=store).output
    counts = {label.strip(): value for label, value in (line.rsplit(None, 1) for line in output.splitlines())}
    assert int(counts["events"]) >= 20
    assert int(counts["Offer"]) >= 4 and int(counts["Killing"]) == 2


def test_validate_reports_conformance(store):
    result = kb("validate", store=store)
    assert result.exit_code == 0
    assert "0 violation(s)" in result.output
