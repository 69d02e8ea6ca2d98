"""``/query``: the editor, the named queries and their parameters, results, downloads, errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from rdflib import Graph

from kb import queries
from kb.vocab import PREFIXES, Minter
from tests.conftest import TEST_BASE, make_app
from tests.htmltree import Element, parse_html


def page_of(response) -> Element:
    return parse_html(response.data)


def one(element: Element, tag: str, **attrs: str) -> Element:
    """The only element of that kind below ``element``."""
    found = element.find_all(tag, **attrs)
    assert len(found) == 1, f"{len(found)} <{tag} {attrs}> elements"
    return found[0]


@pytest.fixture(scope="module")
def app(seeded_template, tmp_path_factory):
    copy = tmp_path_factory.mktemp("querypage") / "store"
    shutil.copytree(seeded_template, copy)
    application = make_app(copy, QUERY_TIMEOUT=5.0)  # generous: a loaded CI machine is slow
    yield application
    application.extensions["sparql"].close()
    application.extensions["kb"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def expected(app, name: str, **params) -> list[dict]:
    return queries.run(app.extensions["kb"], queries.find(name), params, Minter(TEST_BASE)).records()


def test_the_editor_starts_with_the_projects_prefixes(client):
    page = page_of(client.get("/query"))
    text = one(page, "textarea", id="kbq-editor").raw_text()
    for name, iri in PREFIXES.items():
        assert f"PREFIX {name}: <{iri}>" in text


def test_every_named_query_is_listed_with_title_and_description(client):
    page = page_of(client.get("/query"))
    listed = {item.attrs["data-name"]: item for item in page.find_all("li", class_="kbq-named")}
    catalogue = queries.catalogue()
    assert set(listed) == set(catalogue)
    for name, item in listed.items():
        assert catalogue[name].title in item.text
        assert " ".join(catalogue[name].description.split()) in item.text


def test_a_named_query_opens_with_its_parameters_as_fields(client):
    response = client.get("/query", query_string={"name": "timeline"})
    page = page_of(response)
    fields = {node.attrs["name"]: node for node in page.find_all("input")
              if node.attrs.get("name", "").startswith("param.")}
    assert set(fields) == {"param.from", "param.to", "param.certainty", "param.as_known_on",
                           "param.limit", "param.offset"}  # paged: a page at a time
    assert fields["param.from"].attrs["type"] == "date"
    assert "SELECT ?event" in one(page, "textarea", id="kbq-editor").raw_text()
    assert not page.find_all("section", class_="kbq-result")  # opening is not running


def test_running_a_named_query_binds_its_parameters(client, app):
    response = client.get("/query", query_string={"name": "actor-timeline", "param.actor": "david-barnea",
                                                  "run": "1"})
    assert response.status_code == 200
    page = page_of(response)
    table = one(page, "table", class_="kbq-table")
    columns = [th.text for th in table.find_all("th")]
    assert "actor" not in columns  # a bound parameter is a constant: its column is dropped
    rows = table.find_all("tbody")[0].find_all("tr")
    records = expected(app, "actor-timeline", actor="david-barnea")
    assert len(rows) == len(records) > 0
    first_link = rows[0].find_all("a")[0].attrs["href"]
    assert first_link.startswith("/id/event/")
    assert records[0]["event"] == TEST_BASE + first_link[1:]


def test_a_parameter_value_is_bound_never_pasted(client):
    response = client.get("/query", query_string={
        "name": "actor-timeline", "param.actor": 'x" } UNION { ?s ?p ?o } #', "run": "1"})
    assert response.status_code == 404
    error = one(page_of(response), "section", class_="kbq-error")
    assert "unknown actor" in error.text
    assert "syntax" not in error.text.lower()


def test_a_missing_required_parameter_asks_for_it(client):
    response = client.get("/query", query_string={"name": "actor-timeline", "run": "1"})
    assert response.status_code == 400
    assert "needs its parameters" in one(page_of(response), "section", class_="kbq-error").text


def test_the_share_link_carries_name_and_parameters_not_the_text(client):
    response = client.get("/query", query_string={"name": "actor-timeline", "param.actor": "david-barnea",
                                                  "run": "1"})
    share = one(page_of(response), "a", class_="kbq-share").attrs["href"]
    arguments = parse_qs(urlsplit(share).query)
    assert arguments == {"name": ["actor-timeline"], "param.actor": ["david-barnea"], "run": ["1"]}
    def rows(page: Element) -> list[str]:
        return [tr.text for tr in one(page, "table", class_="kbq-table").find_all("tr")]

    assert rows(page_of(client.get(share))) == rows(page_of(response))


def test_an_edited_named_query_keeps_its_parameters_and_its_text_in_the_url(client, app):
    # The latest first; actor-timeline is paged, so its page is a parameter (limit=2), not an edit.
    text = queries.find("actor-timeline").sparql.replace("ORDER BY ?earliest", "ORDER BY DESC(?earliest)")
    response = client.get("/query", query_string={"name": "actor-timeline", "query": text,
                                                  "param.actor": "david-barnea", "param.limit": "2",
                                                  "run": "1"})
    assert response.status_code == 200, page_of(response).text
    page = page_of(response)
    assert len(one(page, "table", class_="kbq-table").find_all("tbody")[0].find_all("tr")) <= 2
    share = parse_qs(urlsplit(one(page, "a", class_="kbq-share").attrs["href"]).query)
    assert share["query"] == [text]


def test_csv_download_is_the_table(client, app):
    response = client.get("/query.csv", query_string={"name": "actor-timeline",
                                                      "param.actor": "david-barnea"})
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))
    records = expected(app, "actor-timeline", actor="david-barnea")
    assert [row["event"] for row in rows] == [record["event"] for record in records]


def test_json_twin_lists_the_queries_and_gives_the_result(client, app):
    assert client.get("/query").headers["Link"] == '</query.json>; rel="alternate"; type="application/json"'
    listing = client.get("/query.json").get_json()
    assert listing["ok"] is True
    assert {q["name"] for q in listing["queries"]} == set(queries.catalogue())
    assert listing["prefixes"] == PREFIXES
    timeline = next(q for q in listing["queries"] if q["name"] == "timeline")
    assert [p["name"] for p in timeline["parameters"]] == ["from", "to", "certainty", "as_known_on",
                                                           "limit", "offset"]
    answer = client.get("/query.json", query_string={"name": "actor-timeline",
                                                     "param.actor": "david-barnea", "run": "1"}).get_json()
    bindings = answer["result"]["results"]["bindings"]
    assert [b["event"]["value"] for b in bindings] == \
        [r["event"] for r in expected(app, "actor-timeline", actor="david-barnea")]
    assert answer["truncated"] is False


def test_a_syntax_error_shows_the_message_at_its_line(client):
    query = "SELECT ?s\nWHERE {\n  ?s ?p\n}"
    response = client.get("/query", query_string={"query": query})
    assert response.status_code == 400
    page = page_of(response)
    error = one(page, "section", class_="kbq-error")
    assert "error at 4:" in error.text
    marked = one(error, "li", class_="kbq-error-line")
    assert marked.attrs["value"] == "4"
    editor = one(page, "textarea", id="kbq-editor")
    assert editor.attrs["data-error-line"] == "4"
    assert editor.raw_text().strip() == query  # the query stays in the editor, to fix


def test_an_update_on_the_query_page_is_refused(client, app):
    before = app.extensions["kb"].count()
    response = client.get("/query", query_string={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert response.status_code == 400
    assert "read-only" in one(page_of(response), "section", class_="kbq-error").text
    assert app.extensions["kb"].count() == before


def test_a_result_with_date_bounds_shows_as_a_timeline(client, app):
    arguments = {"name": "actor-timeline", "param.actor": "david-barnea", "run": "1"}
    table_page = page_of(client.get("/query", query_string=arguments))
    link = next(a for a in table_page.find_all("a") if a.text == "Show as timeline")
    page = page_of(client.get(link.attrs["href"]))
    chart = one(page, "div", id="kbq-timeline")
    assert chart.attrs["data-source"] == "kbq-timeline-data"
    data = json.loads(one(page, "script", id="kbq-timeline-data").raw_text())
    records = expected(app, "actor-timeline", actor="david-barnea")
    assert {event["label"] for event in data["events"]} == {record["label"] for record in records}
    assert len(data["events"]) == len({record["event"] for record in records})
    assert all(event["earliest"] <= event["latest"] for event in data["events"])
    types = {record["type"].rpartition("#")[2] for record in records}
    assert {lane["key"] for lane in data["lanes"]} == types
    assert {href.rpartition("/")[2] for href in data["links"].values()} == \
        {record["event"].rpartition("/")[2] for record in records}


def test_a_result_timeline_follows_only_web_links(client):
    query = ('SELECT ?thing ?label ?earliest ?latest WHERE { VALUES (?thing ?label) {'
             ' (<javascript:alert(1)> "script") (<https://example.org/a> "web") (<data:text/html,x> "data") }'
             ' BIND("2024-01-01"^^xsd:date AS ?earliest) BIND("2024-01-02"^^xsd:date AS ?latest) }')
    page = page_of(client.get("/query", query_string={"query": query, "view": "timeline"}))
    data = json.loads(one(page, "script", id="kbq-timeline-data").raw_text())
    labels = {event["id"]: event["label"] for event in data["events"]}
    assert sorted(labels.values()) == ["data", "script", "web"]
    assert {labels[key]: href for key, href in data["links"].items()} == {"web": "https://example.org/a"}
    assert {event["type"] for event in data["events"]} == {"result"}


def test_results_without_dates_offer_no_timeline(client):
    page = page_of(client.get("/query", query_string={"name": "actors", "run": "1"}))
    assert not [a for a in page.find_all("a") if a.text == "Show as timeline"]


def test_construct_shows_turtle_and_downloads_it(client):
    query = "CONSTRUCT WHERE { ?s a kbo:Offer ; rdfs:label ?label }"
    page = page_of(client.get("/query", query_string={"query": query}))
    text = one(page, "pre", class_="kbq-graph").raw_text()
    assert "kbo:Offer" in text
    download = client.get("/query.ttl", query_string={"query": query})
    assert len(Graph().parse(data=download.data, format="turtle")) > 0


def test_ask_shows_the_boolean(client):
    page = page_of(client.get("/query", query_string={"query": "ASK { ?e a kbo:Offer }"}))
    assert one(page, "p", class_="kbq-boolean").text == "true"


def test_a_runaway_query_on_the_page_is_stopped(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = client.get("/query", query_string={"query": query})
    assert response.status_code == 503
    assert "stopped after 5 s" in one(page_of(response), "section", class_="kbq-error").text


@pytest.mark.parametrize("name", ["no-such-query", "../queries/timeline", "/etc/passwd"])
def test_an_unknown_named_query_is_404(client, name):
    assert client.get("/query", query_string={"name": name}).status_code == 404


def test_a_window_that_ends_before_it_begins_says_so_on_the_page(client):
    response = client.get("/query", query_string={"name": "timeline", "param.from": "2024-12-01",
                                                  "param.to": "2024-01-01", "run": "1"})
    assert response.status_code == 400
    assert "is after its to" in one(page_of(response), "section", class_="kbq-error").text
