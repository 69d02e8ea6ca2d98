"""Each competency question of issue 2 is a named query; these assert its answer on the seeds."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from kb import open_kb
from kb.errors import NotFound, QueryError
from kb.paths import WIKIDATA_TSV
from tests.support import TIMELINE_COLUMNS, seed_store

EVENT = "http://localhost:5000/id/event/"
ACTOR = "http://localhost:5000/id/actor/"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = seed_store(tmp_path_factory.mktemp("competency") / "store")
    with open_kb(path, read_only=True) as base:
        yield base


def by_event(rows, key="event"):
    return {row[key].removeprefix(EVENT): row for row in rows}


def test_timeline_has_the_issue_columns_in_date_order(kb):
    from kb import queries

    table = queries.run(kb, queries.find("timeline"))
    assert table.columns == TIMELINE_COLUMNS
    rows = table.records()
    assert [(r["earliest"], r["latest"]) for r in rows] == sorted((r["earliest"], r["latest"]) for r in rows)
    deif = by_event(rows)["deif-killing-2024-07-13"]
    assert (deif["earliest"], deif["latest"], deif["edtf"]) == (
        date(2024, 7, 13),
        date(2024, 7, 13),
        "2024-07-13",
    )
    assert "on July 13" in deif["sentence"]


def test_a_month_stays_a_month(kb):
    january = by_event(kb.run("timeline"))["barnea-offer-2024-01"]
    assert january["edtf"] == "2024-01"
    assert (january["earliest"], january["latest"]) == (date(2024, 1, 1), date(2024, 1, 31))
    assert january["date_text"] == "In January"


def test_timeline_window_keeps_only_overlapping_events(kb):
    rows = by_event(kb.run("timeline", **{"from": "2024-10-01", "to": "2024-10-31"}))
    assert "sinwar-killing-2024-10" in rows
    assert "doha-summit-2024-10-27" in rows
    assert "barnea-offer-2024-01" not in rows
    assert "deif-killing-2024-07-13" not in rows
    assert all(
        r["latest"] >= date(2024, 10, 1) and r["earliest"] <= date(2024, 10, 31) for r in rows.values()
    )


def test_offers_to_hamas_with_what_was_offered_asked_and_the_response(kb):
    offers = by_event(kb.run("offers"), key="offer")
    last_week = offers["barnea-offer-2024-10"]
    assert last_week["offerers"] == "David Barnea"
    assert last_week["offered"] == "safe passage from Gaza to another country"
    assert set(last_week["asked"].split("; ")) == {"the release of the hostages", "the laying down of arms"}
    assert last_week["response"] == EVENT + "hamas-rejects-barnea-offer-2024-10"
    assert last_week["response_type"].endswith("#Rejection")
    january = offers["barnea-offer-2024-01"]
    assert set(january["recipients"].split("; ")) == {"Yahya Sinwar", "Mohammed Deif"}
    assert january["response"] == EVENT + "barnea-offer-2024-01-rejected"
    # Offers to the Hamas leadership count as offers to Hamas (the leadership is part of Hamas).
    assert "israel-free-passage-offers-since-2023-10" in offers
    # Hamas's own proposal is not an offer made to Hamas.
    assert "hamas-proposal-2024-07" not in offers


def test_rejected_offers_say_who_rejected_and_how_long_after(kb):
    rows = by_event(kb.run("rejected-offers"), key="offer")
    october = rows["barnea-offer-2024-10"]
    assert october["rejected_by"] == "Hamas"
    assert (october["days_after_min"], october["days_after_max"]) == (0, 6)
    january = rows["barnea-offer-2024-01"]
    assert "rejected_by" not in january or january["rejected_by"] == ""  # the article's passive voice
    assert january["days_after_min"] == 0


def test_mediators_and_their_events(kb):
    rows = kb.run("mediators")
    assert {r["mediator_name"] for r in rows} >= {"Egyptian mediators"}
    assert any(
        r["event"] == EVENT + "egypt-meeting-2024-10" and r["role"].endswith("#mediator") for r in rows
    )


def test_meetings_say_where_when_who_and_whether_planned(kb):
    all_rows = kb.run("meetings")
    rows = by_event(all_rows, key="meeting")
    claims = {r["source"].rsplit("/", 1)[-1]: r for r in all_rows
              if r["meeting"] == EVENT + "doha-summit-2024-10-27"}
    # Two sources report the summit: the seed as planned, News.az as held (each its own row)
    assert claims["newsaz-2024-10-28-egypt-two-day-proposal"]["status"] == "happened"
    summit = claims["ain-2024-10-hamas-rejects-safe-passage"]
    assert (summit["place"], summit["status"], summit["edtf"]) == ("Doha", "planned", "2024-10-27")
    assert "William Burns (participant)" in summit["participants"]
    assert "Hassan Rashad (participant)" in summit["participants"]
    assert rows["doha-press-conference-2024-10-24"]["status"] == "happened"


def test_leaders_killed_who_when_where_by_whom(kb):
    rows = {r["victim"]: r for r in kb.run("leaders-killed")}
    assert set(rows) == {"Mohammed Deif", "Yahya Sinwar"}
    deif, sinwar = rows["Mohammed Deif"], rows["Yahya Sinwar"]
    assert (deif["edtf"], deif["place"], deif["perpetrator"], deif["means"]) == (
        "2024-07-13",
        "Khan Younis",
        "Israel Defense Forces",
        "airstrike",
    )
    assert (sinwar["place"], sinwar["date_text"], sinwar["edtf"]) == (
        "Rafah",
        "earlier this month",
        "2024-10-01/2024-10-25",
    )


def test_preconditions_name_who_set_them_and_who_reports_it(kb):
    rows = kb.run("preconditions")
    hayya = [r for r in rows if r.get("set_by") == "Khalil al-Hayya"]
    assert hayya and hayya[0]["according_to"] == "Al-Araby al-Jadeed"


def test_actor_timeline_in_order_with_precision(kb):
    rows = kb.run("actor-timeline", actor="david-barnea")
    events = [r["event"].removeprefix(EVENT) for r in rows]
    assert events.index("barnea-offer-2024-01") < events.index("barnea-offer-2024-10")
    assert {r["precision"] for r in rows} <= {"day", "month", "year", "range"}
    assert by_event(rows)["barnea-offer-2024-01"]["precision"] == "month"
    assert kb.run("actor-timeline", actor="David Barnea") == rows  # by name
    assert kb.run("actor-timeline", actor="Barnea") == rows  # by alias


def test_actor_timeline_needs_a_known_actor(kb):
    with pytest.raises(NotFound, match="unknown actor 'Nobody'"):
        kb.run("actor-timeline", actor="Nobody")
    with pytest.raises(QueryError, match="needs the parameter 'actor'"):
        kb.run("actor-timeline")


def test_sources_keep_the_reported_speech_chain(kb):
    rows = kb.run("sources")
    offer = [r for r in rows if r["event"] == EVENT + "barnea-offer-2024-10"]
    assert {(r["claimant"], r.get("relayed_by")) for r in offer} == {
        ("The Wall Street Journal", "All Israel News")
    }
    assert any(r["sentence"].startswith("Mossad Director David Barnea offered Hamas") for r in offer)
    vow = [r for r in rows if r["event"] == EVENT + "al-hayya-vow-2024-10"]
    assert {r["claimant"] for r in vow} == {"Egyptian mediators"}


def test_uncertain_dates_are_those_known_to_more_than_a_week(kb):
    rows = by_event(kb.run("uncertain-dates"))
    assert rows["barnea-offer-2024-01"]["days"] == 31
    assert "deif-killing-2024-07-13" not in rows
    assert "barnea-offer-2024-10" not in rows  # "last week": seven days
    assert all(r["days"] > 7 for r in rows.values())


def test_actors_carry_only_verified_wikidata_ids(kb):
    with WIKIDATA_TSV.open(encoding="utf-8") as handle:
        verified = {row["qid"]: row["label"] for row in csv.DictReader(handle, delimiter="\t")}
    rows = {r["name"]: r for r in kb.run("actors")}
    assert rows["Hamas"]["qid"] == "Q38799"
    assert "qid" not in rows["David Barnea"] or not rows["David Barnea"]["qid"]
    assert not rows["Mossad"].get("qid")
    linked = {r["qid"]: name for name, r in rows.items() if r.get("qid")}
    assert linked and all(verified[qid] == name for qid, name in linked.items())


def test_a_source_claim_that_is_wrong_keeps_the_source_and_a_curator_note(kb):
    rows = kb.select(
        "SELECT ?title ?note WHERE { ?post org:heldBy ?who ; rdfs:label ?title ; kbo:curatorNote ?note . "
        "?who rdfs:label 'Ronen Bar' }",
        prefixes={
            "org": "http://www.w3.org/ns/org#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "kbo": "https://w3id.org/negotiation-kb/ontology#",
        },
    )
    assert rows and rows[0]["title"].value == "the head of Mossad"
    assert "Shin Bet" in rows[0]["note"].value
