"""The website's pages: the timeline without JavaScript, its JSON, and every entity page and twin."""

from __future__ import annotations

import urllib.parse
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kb.pages.linked import script_json
from kb.timeline.model import parse_filter
from kb.timeline.view import timeline
from tests.conftest import SEED_TARGETS, TEST_BASE, make_app, make_store
from tests.htmltree import parse_html

DATA = Path(__file__).parent / "data"
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kb.ttl"
OFFER = "barnea-offer-2024-10"
REJECTION = "hamas-rejects-barnea-offer-2024-10"
SOURCE = "ain-2024-10-hamas-rejects-safe-passage"


def get_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == "application/json"
    return response.get_json()


def table_ids(document) -> list[str]:
    return [row.attrs["data-event"] for row in document.find("table", id="event-table").find_all("tr")
            if "data-event" in row.attrs]


# --- the timeline without JavaScript ----------------------------------------------------------


def test_home_lists_every_event_in_date_order_as_a_table(client):
    document = parse_html(client.get("/").data)
    data = get_json(client, "/timeline.json")
    ids = table_ids(document)
    assert len(ids) == data["total"] == 32
    assert ids == [event["id"] for event in data["events"]]
    starts = [(event["earliest"], event["latest"]) for event in data["events"]]
    assert starts == sorted(starts)


def test_the_table_follows_the_filters_in_the_url(client):
    document = parse_html(client.get("/?actor=hamas&type=Offer&type=Rejection").data)
    data = get_json(client, "/timeline.json?actor=hamas&type=Offer&type=Rejection")
    assert table_ids(document) == [event["id"] for event in data["events"]]
    assert {event["type"] for event in data["events"]} == {"Offer", "Rejection"}
    for event in data["events"]:
        assert "hamas" in {actor["id"] for actor in event["actors"]}
    checked = [box.attrs["value"] for box in document.find_all("input", type="checkbox")
               if "checked" in box.attrs]
    assert sorted(checked) == ["Offer", "Rejection", "hamas"]


def test_a_window_keeps_the_events_whose_bounds_overlap_it(client):
    data = get_json(client, "/timeline.json?from=2024-10-21&to=2024-10-23")
    ids = {event["id"] for event in data["events"]}
    assert "qatar-meetings-with-hamas-2024-10" in ids      # 22-24 October
    assert "al-hayya-vow-2024-10" in ids                    # somewhere in 14-26 October
    assert OFFER not in ids                                 # 14-20 October
    assert data["earliest"] == "2024-10-21" and data["latest"] == "2024-10-23"


def test_text_search_matches_labels_sentences_and_actor_names(client):
    by_sentence = get_json(client, "/timeline.json?q=hunted%20down")["events"]
    assert {event["id"] for event in by_sentence} == {"falk-threat-2024-10",
                                                       "israel-reiterated-safe-passage-offer"}
    by_actor = get_json(client, "/timeline.json?q=burns")["events"]
    assert [event["id"] for event in by_actor] == ["doha-summit-2024-10-27"]


def test_facet_counts_count_each_filter_as_if_its_own_choice_were_open(client):
    facets = get_json(client, "/timeline.json?type=Offer")["facets"]
    types = {value["id"]: value for value in facets["type"]}
    assert types["Offer"]["selected"] and types["Offer"]["count"] == 6
    assert types["Rejection"]["count"] == 4 and not types["Rejection"]["selected"]
    actors = {value["id"]: value["count"] for value in facets["actor"]}
    assert actors["david-barnea"] == 2 and "wall-street-journal" not in actors


def test_each_event_says_whether_its_date_is_a_point_or_a_band(client):
    events = {event["id"]: event for event in get_json(client, "/timeline.json")["events"]}
    assert events["deif-killing-2024-07-13"]["precision"] == "day"
    assert events["deif-killing-2024-07-13"]["earliest"] == events["deif-killing-2024-07-13"]["latest"]
    assert events["barnea-offer-2024-01"]["in_words"] == "sometime in January 2024"
    assert events[OFFER]["in_words"] == "between 14 and 20 October 2024"
    assert events["doha-summit-2024-10-27"]["status"] == "planned"


@pytest.mark.parametrize("lanes, expected", [("type", "Offer"), ("actor", "hamas")])
def test_lanes_are_event_types_or_actors(client, lanes, expected):
    data = get_json(client, f"/timeline.json?lanes={lanes}")
    keys = [lane["key"] for lane in data["lanes"]]
    assert expected in keys
    for event in data["events"]:
        assert event["lanes"] and set(event["lanes"]) <= set(keys)
    if lanes == "actor":
        offer = next(event for event in data["events"] if event["id"] == OFFER)
        assert set(offer["lanes"]) == {"david-barnea", "hamas"}


def test_past_the_threshold_the_timeline_sends_counts_per_bucket(seeded_store):
    app = make_app(seeded_store, TIMELINE_THRESHOLD=5)
    try:
        data = app.test_client().get("/timeline.json?lanes=type").get_json()
    finally:
        app.extensions["kb"].close()
    assert data["mode"] == "aggregate" and data["events"] == []
    assert data["unit"] == "week"
    assert sum(bucket["count"] for bucket in data["buckets"]) == data["total"] == 32
    for bucket in data["buckets"]:
        start, end = date.fromisoformat(bucket["start"]), date.fromisoformat(bucket["end"])
        assert start.weekday() == 0 and (end - start).days == 6


def test_the_margin_adds_events_to_draw_but_not_to_the_counts(app):
    with app.app_context():
        from webapp.state import get_kb

        filt = parse_filter({"from": ["2024-10-24"], "to": ["2024-10-24"]})
        plain = timeline(get_kb(), filt, app.extensions["minter"])
        padded = timeline(get_kb(), filt, app.extensions["minter"], margin_days=10)
    assert padded.total == plain.total
    assert len(padded.events) > len(plain.events)
    assert {f.id: f.count for f in padded.facets["type"]} == {f.id: f.count for f in plain.facets["type"]}
    lanes = {lane.key: lane.count for lane in padded.lanes}
    assert all(lanes[lane.key] == lane.count for lane in plain.lanes)  # lanes count the window too


@pytest.mark.parametrize("query, parameter", [
    ("from=2024-13-01", "from"),
    ("from=2024-10-20&to=2024-10-01", "from"),
    ("lanes=colour", "lanes"),
    ("type=Negotiation", "type"),
    ("status=maybe", "status"),
    ("actor=Not%20an%20id!", "actor"),
    ("margin=lots", "margin"),
])
def test_a_bad_parameter_is_a_400_that_names_it(client, query, parameter):
    response = client.get(f"/timeline.json?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["status"] == 400
    assert f"'{parameter}'" in body["error"]


def test_the_home_page_names_its_json_twin(client):
    response = client.get("/?actor=hamas")
    assert '</timeline.json?actor=hamas>; rel="alternate"' in response.headers["Link"]
    document = parse_html(response.data)
    alternate = document.find("link", rel="alternate", type="application/json")
    assert alternate.attrs["href"] == "/timeline.json?actor=hamas"


def test_the_selected_event_is_shown_without_javascript(client):
    document = parse_html(client.get(f"/?actor=hamas&event={OFFER}").data)
    article = document.find("aside", id="details").find("article", class_="event-details")
    assert article.attrs["data-event-id"] == OFFER
    sentences = [item.text for item in article.find_all("blockquote", class_="sentence")]
    assert sentences[0].startswith("Mossad Director David Barnea offered Hamas terrorists safe passage")
    assert article.find(class_="claimant").text == "The Wall Street Journal, as reported by All Israel News"
    assert article.find(class_="date-words").text == "between 14 and 20 October 2024"
    answered = article.find("li", data_relation="answers", data_direction="in").find("a")
    assert answered.attrs["data-event"] == REJECTION
    assert f"event={REJECTION}" in answered.attrs["href"] and "actor=hamas" in answered.attrs["href"]
    selected_row = document.find("tr", data_event=OFFER)
    assert "selected" in selected_row.classes()


def test_an_unknown_selected_event_is_reported_on_the_page(client):
    response = client.get("/?event=no-such-event")
    assert response.status_code == 200
    assert "no event 'no-such-event'" in parse_html(response.data).find("aside", id="details").text


def test_the_table_is_paged_past_its_size(client):
    document = parse_html(client.get("/?page=2").data)
    assert table_ids(document) == []
    assert client.get("/?page=0").status_code == 400


# --- entity pages and their JSON twins ----------------------------------------------------------


def test_the_offer_page_shows_actors_in_roles_and_sentences_with_their_claimant(client):
    page = get_json(client, f"/event/{OFFER}.json")
    assert page["ok"] is True and page["iri"] == f"{TEST_BASE}id/event/{OFFER}"
    roles = {(role["actor"]["id"], role["role"]) for role in page["actors"]}
    assert roles == {("david-barnea", "offerer"), ("hamas", "recipient")}
    assert page["date"]["text"] == "last week" and page["date"]["precision"] == "range"
    chain = [link["label"] for link in page["claim"]["chain"]]
    assert chain == ["The Wall Street Journal", "All Israel News"]
    assert all(item["source"]["id"] == SOURCE for item in page["evidence"])
    document = parse_html(client.get(f"/event/{OFFER}").data)
    assert document.find("h1", class_="event-title").text == page["label"]
    cite = document.find("figcaption").find("a")
    assert cite.attrs["href"] == f"/source/{SOURCE}#s{page['evidence'][0]['start']}"


def test_the_rejection_points_to_the_offer_it_answers(client):
    page = get_json(client, f"/event/{REJECTION}.json")
    answers = [r for r in page["relations"] if r["property"] == "answers"]
    assert [(r["direction"], r["label"], r["event"]["id"]) for r in answers] == [("out", "answers", OFFER)]
    offer = get_json(client, f"/event/{OFFER}.json")
    back = [(r["direction"], r["label"], r["event"]["id"])
            for r in offer["relations"] if r["property"] == "answers"]
    assert back == [("in", "answered by", REJECTION)]


def test_an_actor_page_shows_positions_events_and_wikidata(client):
    hamas = get_json(client, "/actor/hamas.json")
    assert hamas["wikidata"] == "http://www.wikidata.org/entity/Q38799"
    assert len(hamas["events"]) == 16
    document = parse_html(client.get("/actor/hamas").data)
    assert document.find("a", class_="wikidata").attrs["href"] == hamas["wikidata"]
    chart = document.find("div", id="actor-timeline")
    assert urllib.parse.parse_qs(chart.attrs["data-filter"]) == {"actor": ["hamas"]}
    total = client.get(chart.attrs["data-api"] + "?" + chart.attrs["data-filter"]).get_json()["total"]
    assert total == len(hamas["events"])  # the chart's data: every event of the actor
    bar = get_json(client, "/actor/ronen-bar.json")
    [position] = bar["positions"]
    assert position["title"] == "the head of Mossad" and position["organization"]["id"] == "mossad"
    assert "Shin Bet" in position["note"]


def test_a_place_page_shows_what_it_contains_and_what_happened_there(client):
    gaza = get_json(client, "/place/gaza-strip.json")
    assert {place["id"] for place in gaza["contains"]} == {"khan-younis", "rafah"}
    assert {event["id"] for event in gaza["events_within"]} == {"deif-killing-2024-07-13",
                                                                 "sinwar-killing-2024-10"}
    khan_younis = get_json(client, "/place/khan-younis.json")
    assert khan_younis["within"]["id"] == "gaza-strip"
    assert [event["id"] for event in khan_younis["events"]] == ["deif-killing-2024-07-13"]


def test_the_source_page_links_each_cited_sentence_to_its_events(client):
    page = get_json(client, f"/source/{SOURCE}.json")
    document = parse_html(client.get(f"/source/{SOURCE}").data)
    segments = {item.attrs["id"]: item for item in document.find_all("li", class_="segment")}
    offer = get_json(client, f"/event/{OFFER}.json")
    for evidence in offer["evidence"]:
        segment = segments[evidence["anchor_id"]]
        assert segment.find("p", class_="segment-text").text == evidence["sentence"]
        assert OFFER in {a.attrs["data-event"] for a in segment.find_all("a") if "data-event" in a.attrs}
    cited = [s for p in page["paragraphs"] for s in p["segments"] if s["events"]]
    assert len({e["id"] for s in cited for e in s["events"]}) == page["event_count"] == 27
    text = "".join(s["text"] for p in page["paragraphs"] for s in p["segments"])
    assert "The proposal was rejected." in text


def test_the_ontology_page_documents_every_class_and_property(client):
    ontology = Graph().parse(ONTOLOGY)
    page = get_json(client, "/ontology.json")
    documented = {term["iri"]: term for section in page["sections"] for term in section["terms"]}
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    declared = {str(s) for kind in kinds for s in ontology.subjects(RDF.type, kind)
                if str(s).startswith(page["namespace"])}
    assert declared and declared <= set(documented)
    for iri in declared:
        assert documented[iri]["label"] and documented[iri]["definition"], iri
    document = parse_html(client.get("/ontology").data)
    assert document.find("dt", id="Offer").find(class_="term-label").text == "offer or proposal"


def test_the_ontology_page_reads_the_file_when_the_store_lacks_it(tmp_path):
    store = make_store(tmp_path / "store", [DATA / "minimal.yaml"])
    app = make_app(store)
    try:
        page = app.test_client().get("/ontology.json").get_json()
    finally:
        app.extensions["kb"].close()
    assert page["from_store"] is False
    assert any(term["name"] == "Offer" for section in page["sections"] for term in section["terms"])


@pytest.mark.parametrize("path", [
    f"/event/{OFFER}", "/actor/hamas", "/place/doha", f"/source/{SOURCE}", "/ontology",
    f"/graph/{SOURCE}/wsj", f"/annotation/{OFFER}-1", f"/post/{SOURCE}-ronen-bar-1",
])
def test_every_page_has_a_json_twin_and_schema_org(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<{path}.json>; rel="alternate"; type="application/json"' in response.headers["Link"]
    twin = get_json(client, f"{path}.json")
    [jsonld] = parse_html(response.data).json_ld()
    assert jsonld["@context"] == "https://schema.org"
    assert jsonld["@id"] == twin["iri"]


def test_the_timeline_embeds_the_dataset_in_schema_org(client):
    [jsonld] = parse_html(client.get("/").data).json_ld()
    assert jsonld["@type"] == "Dataset"
    dumps = {d["contentUrl"].rsplit("/", 1)[1] for d in jsonld["distribution"]}
    tables = {f"{name}.csv" for name in ("events", "claims", "roles", "actors", "places", "sources",
                                         "relations")}
    assert dumps == {"kb.nq", "kb.trig", "kb.jsonld", "datapackage.json", *tables}
    assert jsonld["temporalCoverage"] == "2023-10-01/2024-11-05"
    assert "unreleased snapshot" in jsonld["citation"]  # no release yet: no version to name


@pytest.mark.parametrize("path", [
    "/event/no-such-event", "/actor/no-such-actor", "/place/atlantis", "/source/no-such-source",
    "/post/no-such-post", "/graph/no-such-graph", "/annotation/none", "/nokind/none",
    "/event/hamas", "/actor/barnea-offer-2024-10", "/id/event/no-such-event",
])
@pytest.mark.parametrize("as_json", [False, True])
def test_an_unknown_entity_is_a_404(client, path, as_json):
    suffix = ".json" if as_json and not path.startswith("/id/") else ""
    headers = {"Accept": "application/json"} if as_json else {}
    response = client.get(path + suffix, headers=headers)
    assert response.status_code == 404
    if as_json:
        body = response.get_json()
        assert body["ok"] is False and body["status"] == 404
    else:
        assert parse_html(response.data).find("h1").text == "Error 404"


# --- markup in the data stays text ------------------------------------------------------------------


@pytest.fixture
def script_client(tmp_path):
    store = make_store(tmp_path / "store", [*SEED_TARGETS[:2], DATA / "script_label.yaml"])
    app = make_app(store)
    yield app.test_client()
    app.extensions["kb"].close()


@pytest.mark.parametrize("path", ["/?event=script-offer", "/event/script-offer", "/event/script-rejection",
                                  "/actor/script-group", "/source/test-script-label"])
def test_markup_in_labels_is_printed_as_text(script_client, path):
    response = script_client.get(path)
    assert response.status_code == 200
    document = parse_html(response.data)
    scripts = document.find_all("script")
    assert all("alert" not in script.raw_text() or script.attrs.get("type") in
               ("application/ld+json", "application/json") for script in scripts)
    assert not document.find_all("b")
    assert "<script>alert(1)</script>" in document.find("main").text
    for data in document.json_ld():  # parses: nothing closed the script element early
        assert data["@context"] == "https://schema.org"


def test_embedded_json_cannot_close_its_script_element():
    text = script_json({"label": "</script><script>alert(1)</script>", "line": "a\u2028b"})
    assert "</" not in text and "<" not in text and "\u2028" not in text
    import json

    assert json.loads(text)["label"] == "</script><script>alert(1)</script>"


# --- the in-memory index gives what SPARQL gives ------------------------------------------------------

QUERIES = ["", "lanes=actor&actor=hamas", "from=2024-10-01&to=2024-10-31&type=Offer&type=Rejection",
           "q=hunted", "from=2024-10-20&to=2024-10-22&margin=5", "status=planned&status=ongoing",
           "source=ain-2024-10-hamas-rejects-safe-passage&from=2024-01-01&to=2024-01-31"]


def views_both_ways(kb, minter, query: str, threshold: int = 500) -> tuple[dict, dict]:
    from urllib.parse import parse_qs

    from kb.pages.parts import as_json
    from kb.timeline.index import TimelineIndex

    params = parse_qs(query)
    margin = int(params.pop("margin", ["0"])[0])
    filt = parse_filter(params)
    index = TimelineIndex.build(kb, minter)
    options = {"margin_days": margin, "threshold": threshold, "table_offset": 0}
    by_index = timeline(kb, filt, minter, index=index, **options)
    by_sparql = timeline(kb, filt, minter, **options)
    return as_json(by_index), as_json(by_sparql)


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_and_sparql_give_the_same_timeline(app, query):
    with app.app_context():
        from webapp.state import get_kb

        by_index, by_sparql = views_both_ways(get_kb(), app.extensions["minter"], query)
    assert by_index == by_sparql


@pytest.mark.parametrize("query", ["", "from=2010-01-01&to=2010-12-31",
                                   "from=2012-03-01&to=2012-03-31&margin=40",
                                   "lanes=actor&from=2005-01-01&to=2015-12-31"])
def test_the_index_and_sparql_agree_on_synthetic_data(tmp_path, query):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    synthetic = pytest.importorskip("synthetic")
    from pyoxigraph import RdfFormat, Store

    from kb.store import open_kb
    from kb.vocab import Minter

    path = tmp_path / "synthetic.nq"
    synthetic.write_nquads(path, 400, seed=11, date_mix={"day": 0.3, "week": 0.1, "month": 0.2, "months": 0.2,
                                                         "year": 0.1, "long": 0.05, "wide": 0.05})
    store = Store(str(tmp_path / "store"))
    store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    store.flush()
    del store
    with open_kb(tmp_path / "store", read_only=True) as kb:
        by_index, by_sparql = views_both_ways(kb, Minter(), query, threshold=60)
    assert by_index["total"] > 0
    assert by_index == by_sparql


def _index_contents(index) -> dict:
    return {name: list(getattr(index, name)) for name in (
        "iris", "slugs", "labels", "edtfs", "first", "last", "types", "statuses", "source_start", "sources",
        "actor_start", "actors", "roles", "actor_slugs", "source_slugs")} | {
        "months": {key: list(rows) for key, rows in index.months.items()},
        "actor_names": index.actor_names, "source_names": index.source_names}


def test_the_index_read_from_timeline_rows_is_the_index_read_by_scans(app):
    from kb.timeline.index import TimelineIndex

    with app.app_context():
        from webapp.state import get_kb

        kb, minter = get_kb(), app.extensions["minter"]
        from_rows = TimelineIndex.build(kb, minter)
        by_scans = TimelineIndex.build(kb, minter, use_rows=False)
    assert len(from_rows) > 20
    assert _index_contents(from_rows) == _index_contents(by_scans)


def test_an_event_two_sources_report_lists_both_either_way(tmp_path):
    """An event two graphs hold (two sources report it) shows both sources, from the web app's
    index and from the store alike, and either source's filter finds it."""
    from pyoxigraph import Quad

    from kb.load import load
    from kb.store import open_kb
    from kb.timeline.index import TimelineIndex
    from kb.timeline.model import TimelineFilter
    from kb.timeline.rows import DERIVED, reindex, with_timeline
    from kb.vocab import KBO, SEM, Minter

    minter = Minter(TEST_BASE)
    event = minter.event("test-offer")
    with open_kb(tmp_path / "store") as kb:
        load(kb, [DATA / "minimal.yaml"], minter=minter)
        store = kb.backend.store
        own = [quad for quad in store.quads_for_pattern(event, None, None) if quad.predicate not in DERIVED]
        nodes = [quad.object for quad in own if quad.predicate == SEM.hasActor]
        own += [quad for node in nodes for quad in store.quads_for_pattern(node, None, None)]
        first_source = next(quad.object for quad in own if quad.predicate == KBO.source)
        second, graph = minter.source("second-report"), minter.entity("graph", "second-report")
        copied = [Quad(quad.subject, quad.predicate, second if quad.object == first_source else quad.object,
                       graph) for quad in own]
        store.extend(with_timeline(copied, minter))  # as the loader writes a graph, without the shapes
        store.update(reindex(minter))
        index = TimelineIndex.build(kb, minter)
        expected = sorted([minter.split(first_source.value)[1], "second-report"])
        for chosen in (index, None):
            window = TimelineFilter(earliest=date(2024, 2, 1), latest=date(2024, 3, 31))
            view = timeline(kb, window, minter, index=chosen)
            [item] = [item for item in view.events if item.iri == event.value]
            assert item.sources == expected
            counts = {facet.id: facet.count for facet in view.facets["source"]}
            assert counts["second-report"] == 1 and counts[expected[0] if expected[1] == "second-report"
                                                            else expected[1]] >= 1
            for slug in expected:
                narrowed = timeline(kb, TimelineFilter(earliest=window.earliest, latest=window.latest,
                                                       sources=(slug,)), minter, index=chosen)
                found = [item.iri for item in narrowed.events]
                assert found == [event.value] if slug == "second-report" else event.value in found


def test_an_actor_in_two_roles_counts_once_in_facets_and_lanes(tmp_path):
    """An actor holding two roles in one event is one actor of it: the actor facet counts the event
    once, its lane holds it once, and the event lists both roles; from the index and the store alike."""
    from kb.load import load
    from kb.store import open_kb
    from kb.timeline.index import TimelineIndex
    from kb.timeline.model import TimelineFilter
    from kb.vocab import Minter
    from tests.support import variant

    minter = Minter(TEST_BASE)
    path = variant(tmp_path, {"      - {actor: the-movement, role: recipient}\n":
                              "      - {actor: the-movement, role: recipient}\n"
                              "      - {actor: ann-example, role: mediator}\n"})
    with open_kb(tmp_path / "store") as kb:
        load(kb, [path], minter=minter)
        index = TimelineIndex.build(kb, minter)
        window = TimelineFilter(earliest=date(2024, 2, 1), latest=date(2024, 2, 29), lanes="actor")
        for chosen in (index, None):
            view = timeline(kb, window, minter, index=chosen, threshold=0)  # counts, per lane
            assert view.total == 1
            assert {facet.id: facet.count for facet in view.facets["actor"]}["ann-example"] == 1
            assert {lane.key: lane.count for lane in view.lanes}["ann-example"] == 1
            assert sum(bucket.count for bucket in view.buckets if bucket.lane == "ann-example") == 1
            drawn = timeline(kb, window, minter, index=chosen)
            [item] = drawn.events
            assert item.lanes.count("ann-example") == 1
            assert sorted(actor.role for actor in item.actors if actor.id == "ann-example") == [
                "mediator", "offerer"]
