"""Tables, the data package and the codebook: `kb export --format csv|datapackage`, /timeline.csv."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import frictionless
import pandas
import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.publish.columns import TABLES
from kb.publish.precision import acled_time_precision, ucdp_date_prec, wikidata_precision
from tests.conftest import TEST_BASE
from tests.htmltree import parse_html


def rows_of(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def export(store: Path, *args: str):
    return CliRunner().invoke(main, ["--store", str(store), "export", *args], env={"KB_BASE": TEST_BASE})


@pytest.fixture(scope="module")
def package(seeded_template, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("package") / "package"
    result = export(seeded_template, "--format", "datapackage", str(target))
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize(
    ("earliest", "latest", "acled", "ucdp", "wikidata"),
    [
        (date(2024, 10, 24), date(2024, 10, 24), 1, 1, 11),
        (date(2024, 10, 25), date(2024, 10, 26), 2, 2, 10),
        (date(2024, 10, 14), date(2024, 10, 20), 2, 3, 10),
        (date(2024, 1, 1), date(2024, 1, 31), 3, 4, 10),
        (date(2024, 1, 25), date(2024, 2, 3), 3, 4, 9),
        (date(2024, 1, 1), date(2024, 12, 31), None, 5, 9),
        (date(2023, 10, 1), date(2024, 10, 26), None, 5, 8),
        (date(1999, 12, 1), date(2001, 1, 31), None, 5, 6),
    ],
)
def test_precision_codes_follow_each_datasets_definition(earliest, latest, acled, ucdp, wikidata):
    assert acled_time_precision(earliest, latest) == acled
    assert ucdp_date_prec(earliest, latest) == ucdp
    assert wikidata_precision(earliest, latest) == wikidata


def test_the_data_package_validates_with_frictionless(package):
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    assert set(resources) == set(TABLES)
    roles = resources["roles"]["schema"]
    assert roles["primaryKey"] == ["event_id", "role", "actor_id"]
    actor_key = {"fields": "actor_id", "reference": {"resource": "actors", "fields": "actor_id"}}
    assert actor_key in roles["foreignKeys"]
    types = {field["name"]: field["type"] for field in resources["events"]["schema"]["fields"]}
    assert types["earliest"] == "date" and types["ucdp_date_prec"] == "integer"


def test_a_month_stays_a_month_and_a_week_a_week_in_the_events_table(package):
    events = {row["event_id"]: row for row in rows_of(package / "events.csv")}
    january = events["barnea-offer-2024-01"]
    assert (january["earliest"], january["latest"], january["edtf"], january["date_precision"]) == (
        "2024-01-01",
        "2024-01-31",
        "2024-01",
        "month",
    )
    assert (
        january["days"],
        january["acled_time_precision"],
        january["ucdp_date_prec"],
        january["wikidata_precision"],
    ) == ("31", "3", "4", "10")
    last_week = events["barnea-offer-2024-10"]
    assert (last_week["earliest"], last_week["latest"], last_week["date_text"]) == (
        "2024-10-14",
        "2024-10-20",
        "last week",
    )
    assert (last_week["acled_time_precision"], last_week["ucdp_date_prec"]) == ("2", "3")
    assert last_week["in_exchange_for"] == "the release of the hostages | the laying down of arms"


def test_claims_roles_and_actors_join_on_stable_ids(package):
    claims = rows_of(package / "claims.csv")
    offer = next(row for row in claims if row["event_id"] == "barnea-offer-2024-10")
    assert offer["graph_id"] == "ain-2024-10-hamas-rejects-safe-passage/wsj"
    assert offer["claimant_id"] == "wall-street-journal"
    assert offer["relayed_via"] == "ain-2024-10-hamas-rejects-safe-passage"
    assert "Mossad Director David Barnea offered Hamas" in offer["sentences"]
    roles = {(row["event_id"], row["role"], row["actor_id"]) for row in rows_of(package / "roles.csv")}
    assert ("barnea-offer-2024-10", "offerer", "david-barnea") in roles
    actors = {row["actor_id"]: row for row in rows_of(package / "actors.csv")}
    assert actors["hamas"]["wikidata_id"] == "Q38799"
    assert actors["david-barnea"]["aliases"] == "Barnea"
    assert actors["hamas-leadership"]["member_of"] == "hamas"


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.row_ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "tr" and dict(attrs).get("id"):
            self.row_ids.add(dict(attrs)["id"])
        self.scripts += tag == "script"


def test_the_codebook_covers_every_column_of_every_table(package):
    markdown = (package / "codebook.md").read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed((package / "codebook.html").read_text(encoding="utf-8"))
    for table in TABLES.values():
        assert f"## {table.name}.csv" in markdown
        with (package / f"{table.name}.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == table.column_names
        for column in header:
            assert f"| `{column}` |" in markdown, (table.name, column)
            assert f"{table.name}-{column}" in parser.row_ids, (table.name, column)
    assert parser.scripts == 0
    assert "`Offer` (offer or proposal: A proposal one actor puts to another" in markdown


def test_pandas_round_trip_keeps_every_value_and_still_validates(package, tmp_path):
    copy = tmp_path / "package"
    shutil.copytree(package, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"]
        dates = [field["name"] for field in fields if field["type"] == "date"]
        integers = {field["name"]: "Int64" for field in fields if field["type"] == "integer"}
        strings = {field["name"]: "string" for field in fields if field["type"] == "string"}
        frame = pandas.read_csv(
            copy / resource["path"],
            dtype={**integers, **strings},
            parse_dates=dates,
            keep_default_na=False,
            na_values=[""],
        )
        frame.to_csv(copy / resource["path"], index=False, date_format="%Y-%m-%d")
        again = pandas.read_csv(
            copy / resource["path"],
            dtype={**integers, **strings},
            parse_dates=dates,
            keep_default_na=False,
            na_values=[""],
        )
        pandas.testing.assert_frame_equal(frame, again)
        assert (copy / resource["path"]).read_bytes() == (package / resource["path"]).read_bytes()
    assert frictionless.validate(str(copy / "datapackage.json")).valid


def test_export_refuses_a_directory_that_is_not_empty_and_writes_nothing(seeded_template, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    result = export(seeded_template, "--format", "datapackage", str(target))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {target}: the directory is not empty (give a new or empty directory; nothing was written)"
    ]
    assert [path.name for path in target.iterdir()] == ["keep.txt"]
    assert [path.name for path in tmp_path.iterdir()] == ["out"]  # no temporary directory left


def test_export_refuses_an_unknown_format_and_a_directory_for_a_dump(seeded_template, tmp_path):
    result = export(seeded_template, "--format", "xlsx", str(tmp_path / "x"))
    assert result.exit_code == 2 and "'xlsx' is not one of" in result.output
    result = export(seeded_template, "--format", "csv")
    assert result.exit_code == 2 and "give it as DIRECTORY" in result.output
    result = export(seeded_template, "--format", "turtle", str(tmp_path / "y"))
    assert result.exit_code == 2 and "use --output FILE" in result.output
    assert list(tmp_path.iterdir()) == []


def test_export_csv_writes_the_tables_alone(seeded_template, tmp_path):
    result = export(seeded_template, "--format", "csv", str(tmp_path / "tables"))
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "tables").iterdir()) == sorted(f"{n}.csv" for n in TABLES)


def test_timeline_csv_takes_the_parameters_of_timeline_json(client):
    for query in ("type=Offer", "from=2024-10-01&to=2024-10-31", "actor=hamas&status=happened", "q=Doha"):
        listed = client.get(f"/timeline.json?{query}").get_json()
        response = client.get(f"/timeline.csv?{query}")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        rows = list(csv.DictReader(response.get_data(as_text=True).splitlines()))
        assert {row["event_id"] for row in rows} == {event["id"] for event in listed["events"]}, query
        assert len(rows) == listed["total"]
    bad = client.get("/timeline.csv?from=2024-02-30")
    assert bad.status_code == 400


def test_whole_tables_and_the_package_descriptor_are_served(client, package):
    response = client.get("/data/events.csv")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == (package / "events.csv").read_text(encoding="utf-8")
    assert client.get("/data/secrets.csv").status_code == 404
    assert client.get("/data/codebook.md").get_data(as_text=True) == (package / "codebook.md").read_text(
        encoding="utf-8")
    assert parse_html(client.get("/data/codebook.html").data).find("tr", id="events-ucdp_date_prec")
    descriptor = client.get("/data/datapackage.json").get_json()
    assert descriptor["resources"][0]["path"] == "http://localhost/data/events.csv"


def test_the_documented_python_recipe_runs_on_the_package(package, capsys):
    text = (Path(__file__).parent.parent / "docs" / "data.md").read_text(encoding="utf-8")
    recipe = text.split("## Python (pandas)", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    recipe = recipe.replace('Path("data/package")', f"Path({str(package)!r})")
    namespace: dict = {}
    exec(compile(recipe, "docs/data.md", "exec"), namespace)
    offers = namespace["offers"]
    events = rows_of(package / "events.csv")
    offerers = {row["event_id"] for row in rows_of(package / "roles.csv") if row["role"] == "offerer"}
    to_the_week = {row["event_id"] for row in events if row["ucdp_date_prec"] in ("1", "2", "3")}
    expected = to_the_week & {row["event_id"] for row in events if row["type"] == "Offer"}
    assert set(offers.event_id) == expected & offerers == {"barnea-offer-2024-10",
                                                          "egypt-two-day-proposal-2024-10-27"}
    assert str(offers.earliest.dtype).startswith("datetime64")
    assert "David Barnea" in list(offers.name)
    assert "2024-10-14" in capsys.readouterr().out


def test_every_page_gives_its_events_as_the_events_table(client, package):
    roles = rows_of(package / "roles.csv")
    events = {row["event_id"]: row for row in rows_of(package / "events.csv")}
    pages = {
        "/actor/david-barnea.csv": {row["event_id"] for row in roles if row["actor_id"] == "david-barnea"},
        "/place/doha.csv": {key for key, row in events.items() if row["place_id"] == "doha"},
        "/event/barnea-offer-2024-10.csv": {"barnea-offer-2024-10"},
        "/source/ain-2024-10-hamas-rejects-safe-passage.csv": {
            row["event_id"] for row in rows_of(package / "claims.csv")
            if row["source_id"] == "ain-2024-10-hamas-rejects-safe-passage"},
    }
    for path, expected in pages.items():
        response = client.get(path)
        assert response.status_code == 200 and response.mimetype == "text/csv", path
        rows = list(csv.DictReader(response.get_data(as_text=True).splitlines()))
        assert {row["event_id"] for row in rows} == expected and expected, path
        assert all(row == events[row["event_id"]] for row in rows), path
    assert client.get("/actor/nobody.csv").status_code == 404


def test_a_store_without_timeline_rows_gives_the_same_tables(seeded_store):
    from kb.publish.tables import all_tables
    from kb.store import open_kb
    from kb.vocab import Minter

    with open_kb(seeded_store) as kb:
        with_rows = all_tables(kb, Minter(TEST_BASE))
        kb.backend.store.update(
            "DELETE WHERE { GRAPH ?g { ?s <https://w3id.org/negotiation-kb/ontology#timelineRow> ?o } }")
        assert not kb.ask("ASK { ?s <https://w3id.org/negotiation-kb/ontology#timelineRow> ?o }")
        assert all_tables(kb, Minter(TEST_BASE)) == with_rows


def test_export_below_a_file_is_one_clear_error(seeded_template, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("mine", encoding="utf-8")
    result = export(seeded_template, "--format", "csv", str(blocker / "tables"))
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "cannot write here" in result.output
    assert blocker.read_text(encoding="utf-8") == "mine"
