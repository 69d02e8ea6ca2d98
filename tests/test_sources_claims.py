"""Many sources, one record (issue 15): claims of several sources about one event, their conflicts,
offer threads with their terms, vague dates and what was known when, on the curated seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb import queries
from kb.errors import CurationError
from kb.load import load
from kb.store import open_kb

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PROPOSAL = "egypt-two-day-proposal-2024-10-27"
JANUARY_OFFER = "barnea-offer-2024-01"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    store = open_kb(tmp_path_factory.mktemp("claims") / "store")
    load(store)
    yield store
    store.close()


def records(kb, name: str, **params) -> list[dict]:
    table = queries.run(kb, queries.find(name), {k: str(v) for k, v in params.items()})
    return table.records()


def slug(iri) -> str:
    return str(iri).rsplit("/", 1)[-1]


def test_known_conflicts_appear_with_claimant_and_source(kb):
    rows = records(kb, "conflicts")
    ceasefire = {(row["claimant"], row["value"]) for row in rows
                 if slug(row["event"]) == PROPOSAL and row["field"] == "term:CeasefireTerm"}
    assert ("The Eastern Herald", "12 day") in ceasefire
    assert ("Agence France-Presse", "2 day") in ceasefire
    status = {(row["claimant"], row["value"]) for row in rows
              if slug(row["event"]) == "doha-summit-2024-10-27" and row["field"] == "status"}
    assert status == {("All Israel News", "planned"), ("News.az", "happened")}
    # 48 hours and 2 days are the same length: never a conflict between the two on their own
    assert all(str(row["published"]) for row in rows)


def test_window_cutting_the_january_offer_gives_it_as_possible_not_certain(kb):
    window = {"from": "2024-01-15", "to": "2024-10-31"}
    possible = {slug(row["event"]) for row in records(kb, "timeline", **window)}
    certain = {slug(row["event"]) for row in records(kb, "timeline", certainty="certain", **window)}
    assert JANUARY_OFFER in possible
    assert JANUARY_OFFER not in certain
    assert PROPOSAL in certain


def test_as_known_on_the_day_before_the_seed_hides_what_only_the_seed_reports(kb):
    before = {slug(row["event"]) for row in records(kb, "timeline", as_known_on="2024-10-24")}
    assert JANUARY_OFFER not in before and PROPOSAL not in before
    after = records(kb, "timeline", as_known_on="2024-10-27")
    assert JANUARY_OFFER in {slug(row["event"]) for row in after}
    sources = {slug(row["source"]) for row in after if slug(row["event"]) == PROPOSAL}
    assert sources == {"afp-2024-10-27-sisi-two-day-truce"}  # the later reports are not yet known


def test_egyptian_proposal_thread_shows_its_terms_and_what_changed(kb):
    steps = records(kb, "offer-thread", offer="hamas-guarantees-condition-2024-11")
    assert slug(steps[0]["step"]) == PROPOSAL
    assert {slug(row["step"]) for row in steps} == {
        PROPOSAL, "hamas-rejects-egypt-proposal-2024-11", "hamas-guarantees-condition-2024-11"}
    assert "HostageReleaseTerm 4 person" in steps[0]["terms"]
    changes = {row["term"]: row["change"] for row in records(kb, "term-changes", offer=PROPOSAL)}
    assert changes["GuaranteeTerm"] == "added"
    assert changes["HostageReleaseTerm"] == "not stated"


def _copy_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.mark.parametrize(
    ("file_name", "old", "new", "expected"),
    [
        ("002_newsaz_egypt_offers_two_day.yaml", "- ref: doha-summit-2024-10-27",
         "- ref: doha-summit-2099", "no source defines an event 'doha-summit-2099'"),
        ("001_afp_sisi_two_day_truce.yaml", "{type: ceasefire, number: 2, unit: day}",
         "{type: ceasefire, number: two, unit: day}", "'number' 'two' is not a number"),
        ("001_afp_sisi_two_day_truce.yaml",
         "  url: http://195.154.48.48/news/region/egypts-sisi-unveils-plan-two-day-gaza-truce-release-four-hostages\n",
         "", "paraphrase mode) has no 'url'"),
        ("003_newsmax_blinken_hamas_refused.yaml", "    answers: egypt-two-day-proposal-2024-10-27\n",
         "    answers: hamas-guarantees-condition-2024-11\n", "loops back"),
    ],
)
def test_bad_claims_are_refused_naming_file_line_and_field_and_nothing_is_stored(
        tmp_path, file_name, old, new, expected):
    folder = _copy_seeds(tmp_path)
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if "loops back" in expected:  # the counter-proposal counters the rejection's answer: a loop
        other = folder / "004_easternherald_hamas_guarantees.yaml"
        body = other.read_text(encoding="utf-8")
        other.write_text(body.replace("counters: egypt-two-day-proposal-2024-10-27",
                                      "counters: hamas-rejects-egypt-proposal-2024-11"), encoding="utf-8")
    store = open_kb(tmp_path / "store")
    try:
        with pytest.raises(CurationError) as caught:
            load(store, [folder])
        message = str(caught.value)
        assert expected in message
        assert ".yaml line " in message
        count = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert count[0]["n"].value == "0"
    finally:
        store.close()


# --- the pages ----------------------------------------------------------------------------------

from tests.conftest import make_app, make_store  # noqa: E402
from tests.htmltree import parse_html  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = make_app(make_store(tmp_path_factory.mktemp("claims-web") / "store"))
    yield app.test_client()
    app.extensions["kb"].close()


def test_event_page_shows_each_sources_claim_in_columns_with_the_disputed_rows(client):
    document = parse_html(client.get(f"/event/{PROPOSAL}").data)
    table = document.find("table", class_="claims-table")
    heads = [cell.text.strip() for cell in table.find_all("th", class_="claim-column")]
    assert len(heads) == 4 and heads[0].startswith("Agence France-Presse")
    assert "published 27 October 2024" in heads[0] or "2024" in heads[0]
    rows = {row.attrs["data-field"]: row for row in table.find_all("tr") if "data-field" in row.attrs}
    assert "disputed" in rows["term: CeasefireTerm"].attrs.get("class", "")
    cells = [cell.text.strip() for cell in rows["term: CeasefireTerm"].find_all("td")]
    assert cells[0] == "2 day" and cells[-1].startswith("12 day")
    assert "disputed" not in rows["type"].attrs.get("class", "")
    marks = document.find_all("span", class_="paraphrased-mark")
    assert len(marks) == 4  # each report's claim is the curator's paraphrase, marked as such
    data = client.get(f"/event/{PROPOSAL}.json").get_json()
    assert len(data["claims"]) == 4 and data["claims"][0]["paraphrased"] is True


def test_a_seed_claim_shows_its_quote_not_a_paraphrase(client):
    document = parse_html(client.get("/event/doha-summit-2024-10-27").data)
    assert document.find_all("blockquote", class_="sentence")
    columns = document.find("table", class_="claims-table").find_all("th", class_="claim-column")
    assert [column.attrs["data-source"] for column in columns] == [
        "ain-2024-10-hamas-rejects-safe-passage", "newsaz-2024-10-28-egypt-two-day-proposal"]


def test_thread_page_lists_the_steps_in_order_with_terms_and_changes(client):
    document = parse_html(client.get(f"/thread/{PROPOSAL}").data)
    steps = document.find_all("li", class_="thread-step")
    assert steps[0].attrs["data-event"] == PROPOSAL
    assert {step.attrs["data-type"] for step in steps} == {"Offer", "Rejection", "Demand"}
    changes = {row.attrs["data-term"]: row.attrs["data-change"]
               for row in document.find_all("tr") if "data-term" in row.attrs}
    assert changes["GuaranteeTerm"] == "added"
    assert client.get("/thread/no-such-offer").status_code == 404
    data = client.get(f"/thread/{PROPOSAL}.json").get_json()
    assert data["steps"][0]["event"]["id"] == PROPOSAL


def test_timeline_json_windows_by_certainty_and_as_known_on_and_marks_disputes(client):
    window = "from=2024-01-15&to=2024-10-31"
    possible = client.get(f"/timeline.json?{window}").get_json()
    certain = client.get(f"/timeline.json?{window}&certainty=certain").get_json()
    assert JANUARY_OFFER in {e["id"] for e in possible["events"]}
    assert JANUARY_OFFER not in {e["id"] for e in certain["events"]}
    assert certain["filter"]["certainty"] == ["certain"]
    disputed = {e["id"] for e in possible["events"] if e["disputed"]}
    assert {PROPOSAL, "doha-summit-2024-10-27"} <= disputed
    before = client.get("/timeline.json?as_known_on=2024-10-24&from=2024-01-01&to=2024-12-31").get_json()
    assert before["total"] == 0
    known = client.get("/timeline.json?as_known_on=2024-10-27&from=2024-01-01&to=2024-12-31").get_json()
    proposal = next(e for e in known["events"] if e["id"] == PROPOSAL)
    assert proposal["sources"] == ["afp-2024-10-27-sisi-two-day-truce"]
    bad = client.get("/timeline.json?certainty=maybe")
    assert bad.status_code == 400 and "certainty" in bad.get_json()["error"]
    bad_day = client.get("/timeline.json?as_known_on=2024-02-30")
    assert bad_day.status_code == 400 and "as_known_on" in bad_day.get_json()["error"]


def test_the_timeline_query_refuses_a_certainty_it_does_not_know(kb):
    from kb.errors import QueryError

    with pytest.raises(QueryError, match="'sure' is not one of possible, certain"):
        records(kb, "timeline", certainty="sure")
