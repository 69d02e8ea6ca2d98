"""/reconcile: the W3C Reconciliation Service API 0.2, with the requests OpenRefine sends."""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request

import pytest

from tests.conftest import TEST_BASE
from tests.helpers_server import kb_server
from tests.htmltree import parse_html


def reconcile(client, queries: dict, method: str = "post"):
    if method == "post":  # OpenRefine posts the batch as a form field
        return client.post("/reconcile", data={"queries": json.dumps(queries)})
    return client.get("/reconcile?" + urllib.parse.urlencode({"queries": json.dumps(queries)}))


def test_the_manifest_describes_a_version_0_2_service(client):
    response = client.get("/reconcile")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    manifest = response.get_json()
    assert "0.2" in manifest["versions"]
    assert manifest["identifierSpace"] == TEST_BASE + "id/"
    assert {kind["id"] for kind in manifest["defaultTypes"]} == {"actor", "place", "event"}
    assert manifest["view"]["url"] == "http://localhost/{{id}}"
    assert manifest["preview"]["url"].endswith("/reconcile/preview?id={{id}}")
    assert manifest["suggest"]["entity"]["service_path"] == "/suggest/entity"
    assert manifest["extend"]["propose_properties"]["service_path"] == "/propose_properties"


@pytest.mark.parametrize("method", ["post", "get"])
def test_a_name_reconciles_to_the_right_actor_with_its_wikidata_id(client, method):
    answer = reconcile(
        client,
        {
            "q0": {"query": "Hamas", "type": "actor", "limit": 3},
            "q1": {"query": "Mossad Director David Barnea", "type": "actor"},
            "q2": {"query": "Blinken", "type": "actor", "type_strict": "should"},
        },
        method,
    )
    assert answer.status_code == 200
    results = answer.get_json()
    best = results["q0"]["result"][0]
    assert (best["id"], best["name"], best["match"], best["score"]) == ("actor/hamas", "Hamas", True, 100.0)
    assert best["type"] == [{"id": "actor", "name": "Actor"}]
    assert len(results["q0"]["result"]) <= 3
    assert results["q1"]["result"][0]["id"] == "actor/david-barnea"
    assert results["q2"]["result"][0]["id"] == "actor/antony-blinken" and results["q2"]["result"][0]["match"]
    extended = client.post(
        "/reconcile",
        data={
            "extend": json.dumps(
                {
                    "ids": ["actor/hamas", "actor/hamas-leadership"],
                    "properties": [{"id": "wikidata"}, {"id": "kind"}],
                }
            )
        },
    )
    assert extended.status_code == 200
    body = extended.get_json()
    assert body["meta"] == [
        {"id": "wikidata", "name": "Wikidata id"},
        {"id": "kind", "name": "kind (person, organization, country, group)"},
    ]
    assert body["rows"]["actor/hamas"] == {"wikidata": [{"str": "Q38799"}], "kind": [{"str": "organization"}]}
    assert body["rows"]["actor/hamas-leadership"]["wikidata"] == []


def test_properties_disambiguate_candidates(client):
    results = reconcile(
        client,
        {
            "right": {"query": "Hamas", "type": "actor", "properties": [{"pid": "wikidata", "v": "Q38799"}]},
            "wrong": {"query": "Hamas", "type": "actor", "properties": [{"pid": "wikidata", "v": "Q801"}]},
            "role": {"query": "Barnea", "type": "actor", "properties": [{"pid": "role", "v": "offerer"}]},
            "dated": {
                "query": "Barnea offers safe passage",
                "type": "event",
                "properties": [{"pid": "date", "v": "2024-10"}],
            },
            "january": {
                "query": "Barnea offers safe passage",
                "type": "event",
                "properties": [{"pid": "date", "v": "2024-01"}],
            },
        },
    ).get_json()
    assert results["right"]["result"][0]["match"] is True
    assert (
        results["wrong"]["result"][0]["id"] == "actor/hamas"
        and results["wrong"]["result"][0]["match"] is False
    )
    assert results["role"]["result"][0]["id"] == "actor/david-barnea"
    assert results["dated"]["result"][0]["id"] == "event/barnea-offer-2024-10"
    assert results["january"]["result"][0]["id"] == "event/barnea-offer-2024-01"


def test_an_events_date_can_be_added_to_a_table(client):
    body = client.get(
        "/reconcile?"
        + urllib.parse.urlencode(
            {
                "extend": json.dumps(
                    {
                        "ids": ["event/barnea-offer-2024-01"],
                        "properties": [{"id": "earliest"}, {"id": "latest"}, {"id": "date"}, {"id": "actor"}],
                    }
                )
            }
        )
    ).get_json()
    row = body["rows"]["event/barnea-offer-2024-01"]
    assert row["earliest"] == [{"date": "2024-01-01"}] and row["latest"] == [{"date": "2024-01-31"}]
    assert row["date"] == [{"str": "2024-01"}]
    assert {"str": "david-barnea"} in row["actor"]


def test_suggest_propose_properties_and_preview(client):
    suggested = client.get("/reconcile/suggest/entity?prefix=blin&type=actor").get_json()["result"]
    assert suggested[0]["id"] == "actor/antony-blinken"
    assert client.get("/reconcile/suggest/type?prefix=pl").get_json()["result"] == [
        {"id": "place", "name": "Place"}
    ]
    assert {"id": "wikidata", "name": "Wikidata id"} in client.get(
        "/reconcile/suggest/property?prefix=wiki"
    ).get_json()["result"]
    proposed = client.get("/reconcile/propose_properties?type=event&limit=2").get_json()
    assert proposed["type"] == "event" and len(proposed["properties"]) == 2
    preview = client.get("/reconcile/preview?id=place/doha")
    assert preview.status_code == 200
    link = parse_html(preview.data).find("a")
    assert (link.attrs["href"], link.text) == ("http://localhost/place/doha", "Doha")


@pytest.mark.parametrize(
    ("request_args", "message"),
    [
        ({"queries": "{not json"}, "parameter 'queries' is not JSON"),
        ({"queries": "[1, 2]"}, "'queries' is not a JSON object of queries"),
        ({"queries": json.dumps({"q0": "Hamas"})}, "queries.q0: a query is not a JSON object"),
        (
            {"queries": json.dumps({"q0": {"query": "Hamas", "type": "spaceship"}})},
            "unknown type 'spaceship'",
        ),
        (
            {"queries": json.dumps({"q0": {"query": "Hamas", "limit": -1}})},
            "'limit' is not a positive whole number",
        ),
        (
            {"queries": json.dumps({"q0": {"query": "Hamas", "properties": [{"pid": "shoe size", "v": 3}]}})},
            "unknown property 'shoe size'",
        ),
        ({"queries": json.dumps({"q0": {"query": ""}})}, "queries.q0.query: the query has no text"),
        ({"queries": "[" * 100_000}, "parameter 'queries' is nested too deeply"),
        ({"queries": json.dumps({"q0": {"query": "x" * 501}})}, "'query' is 501 characters long"),
        ({"queries": json.dumps({f"q{n}": {"query": "a"} for n in range(201)})}, "201 queries in one batch"),
        (
            {"extend": json.dumps({"ids": ["actor/nobody"], "properties": [{"id": "wikidata"}]})},
            "no entity 'actor/nobody'",
        ),
        ({"extend": json.dumps({"ids": "actor/hamas"})}, "'extend' is not"),
    ],
)
def test_malformed_requests_get_one_clear_json_error(client, request_args, message):
    response = client.post("/reconcile", data=request_args)
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["status"] == 400
    assert message in body["error"] and "\n" not in body["error"]


def test_openrefines_requests_over_a_real_http_server(seeded_template, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seeded_template, store)
    with kb_server(store, base=TEST_BASE, query_timeout=15) as root:
        with urllib.request.urlopen(f"{root}/reconcile", timeout=10) as response:
            assert "0.2" in json.load(response)["versions"]
        form = urllib.parse.urlencode({"queries": json.dumps({"q0": {"query": "Qatar", "type": "actor"}})})
        request = urllib.request.Request(
            f"{root}/reconcile",
            data=form.encode("ascii"),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            best = json.load(response)["q0"]["result"][0]
        assert (best["id"], best["match"]) == ("actor/qatar", True)
