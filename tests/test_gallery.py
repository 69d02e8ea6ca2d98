"""The gallery of named queries (queries/*.rq) against what the seed article says.

Every expected answer is worked out here from the curation file seeds/000_04768d44cf00b2f8.yaml
(the dates' bounds, roles, places, claimants and links as the curator wrote them), never from a
query's own output. The last tests check that each query answers the same from the CLI, Python,
the query page and the endpoint.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections import Counter, defaultdict
from datetime import date

import pytest
import yaml

import kb
from kb import queries
from kb.cli import main as kb_main
from kb.errors import QueryError
from kb.paths import QUERIES_DIR, SEEDS_DIR
from kb.timeline.role_counts import pair_node
from kb.vocab import KB_NS
from tests.conftest import TEST_BASE

SEED = yaml.safe_load((SEEDS_DIR / "000_04768d44cf00b2f8.yaml").read_text(encoding="utf-8"))
EVENTS = {event["id"]: event for event in SEED["events"]}
ACTORS = {actor["id"]: actor for actor in SEED["actors"]}
PLACES = {place["id"]: place for place in SEED["places"]}
CLAIMANTS = {claimant["id"]: ACTORS[claimant["actor"]]["name"] for claimant in SEED["claimants"]}
PUBLISHER = ACTORS[SEED["source"]["publisher"]]["name"]
HEADLINE = SEED["source"]["title"]
EVENT = f"{TEST_BASE}id/event/"
#: Parameters for the queries that need one, when every query is run.
PARAMS = {"actor-timeline": {"actor": "david-barnea"}, "offer-thread": {"offer": "barnea-offer-2024-10"},
          "term-changes": {"offer": "barnea-offer-2024-10"}}


def bounds(edtf: str) -> tuple[date, date]:
    """The first and last day an EDTF value of the seed allows (YYYY, YYYY-MM, YYYY-MM-DD, A/B)."""
    if "/" in edtf:
        start, end = edtf.split("/")
        return bounds(start)[0], bounds(end)[1]
    parts = [int(part) for part in edtf.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def precision(edtf: str) -> str:
    """How precise the seed's date is, in the words the knowledge base uses."""
    if "/" in edtf:
        return "range"
    return {3: "day", 2: "month", 1: "year"}[len(edtf.split("-"))]


def months(edtf: str) -> list[str]:
    """The YYYY-MM months a date overlaps (no seed date spans three years)."""
    first, last = bounds(edtf)
    found, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def edtf_of(event: dict) -> str:
    return str(event["date"]["edtf"])


def actors_in(event: dict, role: str | None = None) -> set[str]:
    return {taking["actor"] for taking in event["actors"] if role in (None, taking["role"])}


def names(ids) -> set[str]:
    return {ACTORS[actor]["name"] for actor in ids}


def split(text: str | None, separator: str = "; ") -> set[str]:
    return set(text.split(separator)) if text else set()


def slug(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def seed_only(tmp_path_factory):
    """The ontology and the seed article alone: the answers below are worked out from its file."""
    from kb.paths import CODES_FILE, ONTOLOGY_FILE
    from tests.conftest import make_store

    return make_store(tmp_path_factory.mktemp("seed-only") / "store",
                      [ONTOLOGY_FILE, CODES_FILE, SEEDS_DIR / "000_04768d44cf00b2f8.yaml"])


@pytest.fixture(scope="module")
def base(seed_only):
    import os

    previous = os.environ.get("KB_BASE")
    os.environ["KB_BASE"] = TEST_BASE  # parameters are resolved under the test base
    with kb.open(seed_only, read_only=True) as opened:
        yield opened
    if previous is None:
        os.environ.pop("KB_BASE", None)
    else:
        os.environ["KB_BASE"] = previous


# --- the catalogue -----------------------------------------------------------------------------

def test_the_gallery_has_at_least_twenty_questions_each_declared():
    catalogue = queries.catalogue()
    assert len(catalogue) >= 20
    for name, query in catalogue.items():
        assert query.title and len(query.description) > 40, name
        for parameter in query.parameters:
            if parameter.name in queries.PAGING:  # written once as LIMIT n / OFFSET m, its default
                assert f"{parameter.name.upper()} {parameter.default}" in query.sparql, (name, parameter.name)
            else:
                assert f"?{parameter.name}" in query.sparql, (name, parameter.name)
            assert parameter.help, (name, parameter.name)


PAGED = [name for name, query in queries.catalogue().items()
         if {p.name for p in query.parameters} >= set(queries.PAGING)]
#: The column naming what a query pages when a page holds several rows of it (else: a row).
PAGED_BY = {"date-precision": "source", "actor-roles": "actor", "events-per-month": "month"}


@pytest.mark.parametrize("name", PAGED)
def test_a_paged_query_gives_every_row_once_page_by_page(name, base):
    query = queries.find(name)  # a parameter it needs has the value it is shown with
    example = {p.name: query.example[p.name] for p in query.parameters if p.required}
    whole = base.run(name, **example)
    assert whole, name  # the seed fits in the default page
    # One of what the query pages (a meeting, a killing ...) a page, over more than the seed holds.
    pages = [base.run(name, **example, limit=1, offset=start) for start in range(0, max(60, len(whole) + 2))]
    units = len({row[PAGED_BY[name]] for row in whole}) if name in PAGED_BY else len(whole)
    assert not pages[-1] and sum(1 for page in pages if page) >= min(2, units)  # a part, not all
    key = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
    assert sorted(key(row) for page in pages for row in page) == sorted(key(row) for row in whole)


def test_actor_roles_over_a_window_gives_every_row_once_page_by_page(base):
    window = {"from": "2024-10-01", "to": "2024-11-30"}
    whole = base.run("actor-roles", **window, limit=10000)
    assert len(whole) > 3
    pages = [base.run("actor-roles", **window, limit=2, offset=start)
             for start in range(0, len(whole) + 2, 2)]
    assert all(len(page) == 2 for page in pages[:len(whole) // 2]) and not pages[-1]
    key = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
    assert sorted(key(row) for page in pages for row in page) == sorted(key(row) for row in whole)
    # the rows in the order of their events, most first, ties in the order of a digest of the actor's
    # role node (the same on every run); each page sorted by name and role
    first = base.run("actor-roles", **window, limit=3)
    by_name = sorted(first, key=lambda row: (row["name"], row["role"]))
    assert [key(row) for row in first] == [key(row) for row in by_name]

    def digest(row: dict) -> str:
        return hashlib.md5(pair_node(row["actor"], KB_NS + row["role"]).value.encode()).hexdigest()[:15]
    in_order = sorted(whole, key=lambda row: (-row["events"], digest(row)))[:3]
    assert {key(row) for row in first} == {key(row) for row in in_order}
    assert len({row["events"] for row in whole}) > 1  # an order by events is seen


def test_a_page_out_of_range_is_refused_with_what_to_give(base):
    name = next(name for name in PAGED if not any(p.required for p in queries.find(name).parameters))
    with pytest.raises(QueryError, match="limit 0 is out of range"):
        base.run(name, limit=0)
    with pytest.raises(QueryError, match=f"limit {queries.MAX_LIMIT + 1} is out of range"):
        base.run(name, limit=queries.MAX_LIMIT + 1)
    with pytest.raises(QueryError, match="offset must not be negative"):
        base.run(name, offset=-1)
    with pytest.raises(QueryError, match="not a whole number"):
        base.run(name, limit="ten")


def test_the_window_is_written_the_same_in_every_query_that_takes_one():
    blocks = set()
    for query in queries.catalogue().values():
        if "?month_index" in query.sparql:
            start = query.sparql.index("  {\n    # The window's months")
            blocks.add(query.sparql[start:query.sparql.index("  LATERAL", start)])
    assert len(blocks) == 1


WINDOWED = [name for name, query in queries.catalogue().items()
            if {"from", "to"} <= {p.name for p in query.parameters}]


@pytest.mark.parametrize("name", WINDOWED)
def test_every_way_of_covering_the_whole_seed_gives_the_same_answer(name, base):
    """A window of 1,199 months (read month by month), one of 151 years whose first century holds
    the seed (read event by event) and one open at its end give the same rows: each event once."""
    def rows(**window) -> list[str]:
        page = {"limit": 10000} if name in PAGED else {}
        answer = base.run(name, **window, **page)
        return sorted(json.dumps({k: v for k, v in row.items() if k not in ("from", "to")},
                                 sort_keys=True, default=str) for row in answer)

    by_months = rows(**{"from": "2000-01-01", "to": "2099-11-30"})
    assert by_months, name
    assert rows(**{"from": "1950-01-01", "to": "2100-12-31"}) == by_months, name
    assert rows(**{"from": "1950-01-01"}) == by_months, name


@pytest.mark.parametrize("name", WINDOWED)
def test_a_window_that_ends_before_it_begins_is_refused_with_what_to_give(name, base):
    with pytest.raises(QueryError, match=r"from \(2024-12-01\) is after its to \(2024-01-01\)") as refused:
        base.run(name, **{"from": "2024-12-01", "to": "2024-01-01"})
    assert refused.value.where == "--param from" and "on or before" in refused.value.hint
    assert base.run(name, **{"from": "2024-10-01", "to": "2024-10-01"}) is not None  # one day is a window


def test_the_federated_example_is_shown_but_not_in_the_catalogue():
    example = QUERIES_DIR / "federated" / "wikidata-actors.rq"
    parsed = queries.parse_header(example)
    assert "SERVICE <https://query.wikidata.org/" in parsed.sparql
    assert "wikidata-actors" not in queries.catalogue()


# --- each question against the seed ---------------------------------------------------------------

def test_offers_with_their_responses_and_the_days_between(base):
    rows = base.run("offer-responses")
    got = {(slug(row["offer"]), slug(row["response"]) if "response" in row else None):
           (split(row.get("offerers")), split(row.get("recipients")), split(row.get("repeats"), " "),
            split(row.get("responders")), row.get("days_min"), row.get("days_max")) for row in rows}
    expected = {}
    for offer in (e for e in SEED["events"] if e["type"] == "Offer"):
        o_first, o_last = bounds(edtf_of(offer))
        thread = (names(actors_in(offer, "offerer")), names(actors_in(offer, "recipient")),
                  {EVENT + repeated for repeated in offer.get("repeats", [])})
        responses = [e for e in SEED["events"] if e.get("answers") == offer["id"]
                     and e["type"] in ("Rejection", "Acceptance")]
        for response in responses:
            r_first, r_last = bounds(edtf_of(response))
            days = (max(0, (r_first - o_last).days), (r_last - o_first).days)
            responders = names(actors_in(response, "responder"))
            expected[(offer["id"], response["id"])] = (*thread, responders, *days)
        if not responses:
            expected[(offer["id"], None)] = (*thread, set(), None, None)
    assert got == expected
    # the January offer: rejected some time between January and Deif's killing on 13 July
    assert got[("barnea-offer-2024-01", "barnea-offer-2024-01-rejected")][4:] == (0, 194)


def test_who_mediated_what(base):
    rows = base.run("mediation")
    expected = {(e["id"], ACTORS[m]["name"], e.get("part_of_round")) for e in SEED["events"]
                for m in actors_in(e, "mediator")}
    assert {(slug(r["event"]), r["mediator_name"], slug(r["round"]) if "round" in r else None)
            for r in rows} == expected
    only = base.run("mediation", mediator="egyptian-mediators")
    assert [r["mediator_name"] for r in only] == [m for _, m, _ in expected if m == "Egyptian mediators"]


def test_events_per_month_by_type(base):
    expected = Counter((month, e["type"]) for e in SEED["events"] for month in months(edtf_of(e)))
    got = {(row["month"], row["type"]): row["events"] for row in base.run("events-per-month")}
    assert got == dict(expected)


def test_events_per_month_in_a_window_keeps_only_its_months(base):
    rows = base.run("events-per-month", **{"from": "2024-07-15", "to": "2024-08-02"})
    expected = Counter((month, e["type"]) for e in SEED["events"] for month in months(edtf_of(e))
                       if month in ("2024-07", "2024-08"))
    assert {(row["month"], row["type"]): row["events"] for row in rows} == dict(expected)


TALKS = ("NegotiationRound", "Meeting", "Summit")


def killings_during_talks(window: tuple[date, date] | None = None) -> set:
    found = set()
    for killing in (e for e in SEED["events"] if e["type"] == "Killing"):
        k_first, k_last = bounds(edtf_of(killing))
        if window and (k_last < window[0] or k_first > window[1]):
            continue
        for talks in (e for e in SEED["events"] if e["type"] in TALKS):
            t_first, t_last = bounds(edtf_of(talks))
            if t_first <= k_last and t_last >= k_first:
                within = t_first <= k_first and k_last <= t_last
                found.add((killing["id"], talks["id"], talks["type"], within))
    return found


def test_killings_during_talks(base):
    rows = base.run("killings-during-talks")
    got = {(slug(r["killing"]), slug(r["talks"]), r["talks_type"], r["within"]) for r in rows}
    assert got == killings_during_talks()
    assert {killing for killing, *_ in got} == {"sinwar-killing-2024-10"}  # Deif's: no talks in July


def test_killings_during_talks_in_a_window(base):
    rows = base.run("killings-during-talks", **{"from": "2024-07-01", "to": "2024-07-31"})
    assert rows == [] == list(killings_during_talks((date(2024, 7, 1), date(2024, 7, 31))))


def test_who_took_part_in_which_role(base):
    taking_part = defaultdict(list)
    for event in SEED["events"]:
        for taking in event["actors"]:
            taking_part[(ACTORS[taking["actor"]]["name"], taking["role"])].append(bounds(edtf_of(event)))
    expected = {key: (len(spans), min(s[0] for s in spans), max(s[1] for s in spans))
                for key, spans in taking_part.items()}
    got = {(r["name"], r["role"]): (r["events"], r["first"], r["last"]) for r in base.run("actor-roles")}
    assert got == expected
    assert got[("David Barnea", "offerer")] == (2, date(2024, 1, 1), date(2024, 10, 20))


def test_who_appears_with_an_actor(base):
    shared = Counter(other for e in SEED["events"] if "david-barnea" in actors_in(e)
                     for other in actors_in(e) - {"david-barnea"})
    rows = base.run("co-actors", actor="David Barnea")
    assert {slug(r["other"]): r["shared_events"] for r in rows} == dict(shared)
    assert {r["actor_name"] for r in rows} == {"David Barnea"}


def test_an_actors_co_actors_come_the_most_shared_first_a_page_of_rows_at_a_time(base):
    """With an actor given, a page holds its co-actors with the most shared events (not a page of
    actors, each with all of its co-actors): so a busy actor's first page stays small."""
    hamas = Counter(other for e in SEED["events"] if "hamas" in actors_in(e)
                    for other in actors_in(e) - {"hamas"})
    assert len(hamas) > 4
    pages = [base.run("co-actors", actor="Hamas", limit=2, offset=start)
             for start in range(0, len(hamas) + 2, 2)]
    assert [len(page) for page in pages[:len(hamas) // 2]] == [2] * (len(hamas) // 2) and not pages[-1]
    counts = [row["shared_events"] for page in pages for row in page]
    assert counts == sorted(hamas.values(), reverse=True)  # page after page, the most shared first
    assert {slug(row["other"]) for page in pages for row in page} == set(hamas)


def test_co_occurrence_of_every_pair_without_an_actor(base):
    pairs = Counter((a, b) for e in SEED["events"] for a in actors_in(e) for b in actors_in(e) if a != b)
    rows = base.run("co-actors")
    assert {(slug(r["actor"]), slug(r["other"])): r["shared_events"] for r in rows} == dict(pairs)


def test_events_by_place(base):
    expected = {(PLACES[e["place"]]["name"],
                 PLACES[PLACES[e["place"]]["within"]]["name"] if "within" in PLACES[e["place"]] else None,
                 e["id"]) for e in SEED["events"] if e.get("place")}
    rows = base.run("events-by-place")
    assert {(r["place_name"], r.get("within"), slug(r["event"])) for r in rows} == expected
    doha = base.run("events-by-place", place="Doha")
    assert {slug(r["event"]) for r in doha} == {e for name, _, e in expected if name == "Doha"}


def test_date_precision_per_source_and_claimant(base):
    expected = Counter((CLAIMANTS.get(e.get("according_to"), PUBLISHER), precision(edtf_of(e)))
                       for e in SEED["events"])
    rows = base.run("date-precision")
    assert {(r["claimant"], r["precision"]): r["events"] for r in rows} == dict(expected)
    assert {r["headline"] for r in rows} == {HEADLINE}


def test_claims_relayed_second_hand(base):
    expected = {(e["id"], CLAIMANTS[e["according_to"]]) for e in SEED["events"]
                if e.get("according_to", "article") != "article"}
    rows = base.run("second-hand")
    assert {(slug(r["event"]), r["claimant_name"]) for r in rows} == expected
    assert {r["relayed_by"] for r in rows} == {PUBLISHER}
    offer = next(r for r in rows if slug(r["event"]) == "barnea-offer-2024-10")
    assert set(offer["sentence"].split("\n")) == set(EVENTS["barnea-offer-2024-10"]["sentences"])
    journal = base.run("second-hand", claimant="wall-street-journal")
    journal_events = {e for e, who in expected if who == "The Wall Street Journal"}
    assert {slug(r["event"]) for r in journal} == journal_events


def test_actors_with_wikidata_and_positions(base):
    expected = set()
    for actor in SEED["actors"]:
        for position in actor.get("positions", []) or [None]:
            if position is None and "wikidata" not in actor:
                continue
            organization = ACTORS[position["organization"]]["name"] \
                if position and "organization" in position else None
            expected.add((actor["name"], actor.get("wikidata", ""), position["title"] if position else None,
                          organization, bool(position and "note" in position)))
    rows = base.run("actor-positions")
    assert {(r["name"], r.get("qid", ""), r.get("position"), r.get("organization"), "note" in r)
            for r in rows} == expected
    assert all(r["according_to"] == HEADLINE for r in rows if "position" in r)


def test_preconditions_and_whether_they_were_met(base):
    expected = set()
    for e in SEED["events"]:
        if e["type"] == "Precondition" or (e["type"] == "Demand" and e.get("precondition_for")):
            target = EVENTS[e["precondition_for"]] if e.get("precondition_for") else {}
            answers = [a["type"] for a in SEED["events"] if a.get("answers") == e["id"]]
            outcome = {"Acceptance": "accepted", "Rejection": "refused"}
            met = outcome[answers[0]] if answers else "not reported"
            expected.add((e["id"], next(iter(names(actors_in(e, "speaker"))), None), target.get("id"),
                          target.get("status", "happened") if target else None, met))
    rows = base.run("precondition-status")
    assert {(slug(r["precondition"]), r.get("set_by"),
             slug(r["condition_for"]) if "condition_for" in r else None,
             r.get("condition_for_status"), r["met"]) for r in rows} == expected


# --- the same answer from the CLI, Python, the query page and the endpoint ------------------------

@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_query_answers_the_same_everywhere(name, base, seed_only, tmp_path, capsys, monkeypatch):
    import shutil

    from tests.conftest import make_app

    shutil.copytree(seed_only, tmp_path / "store")
    app = make_app(tmp_path / "store", TIMELINE_INDEX="off")
    try:
        _answers_agree(name, base, seed_only, app.test_client(), capsys, monkeypatch)
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


def _answers_agree(name, base, seed_only, client, capsys, monkeypatch):
    params = PARAMS.get(name, {})
    from_python = base.run(name, **params)
    monkeypatch.setenv("KB_BASE", TEST_BASE)
    args = ["--store", str(seed_only), "query", name, "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    with pytest.raises(SystemExit) as exited:
        kb_main(args)
    assert exited.value.code in (0, None)
    from_cli = json.loads(capsys.readouterr().out)
    page = client.get("/query.json", query_string={"name": name, "run": "1",
                                                   **{f"param.{k}": v for k, v in params.items()}})
    from_page = page.get_json()["result"]
    assert _bindings(from_cli) == _bindings(from_page)
    assert len(from_cli["results"]["bindings"]) == len(from_python)
    if all(p.default is None and p.name not in params for p in queries.find(name).parameters):
        text = queries.find(name).sparql  # what the page shows: it runs as it is at the endpoint
        answer = client.post("/sparql", data={"query": text},
                             headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200, answer.data[:300]
        columns = from_cli["head"]["vars"]
        endpoint = [{k: v for k, v in b.items() if k in columns}
                    for b in answer.get_json()["results"]["bindings"]]
        assert _bindings({"results": {"bindings": endpoint}}) == _bindings(from_cli)


def _bindings(result: dict) -> list:
    return sorted(json.dumps(binding, sort_keys=True) for binding in result["results"]["bindings"])


# --- the gallery page and its example answers ------------------------------------------------------

def test_the_kept_example_answers_are_the_live_answers_over_the_seed(tmp_path, monkeypatch):
    from kb.gallery import example_answer, read_example
    from tests.conftest import make_store

    monkeypatch.delenv("KB_BASE", raising=False)  # examples show the default base, as a fresh load does
    store = make_store(tmp_path / "store", base="http://localhost:5000/")
    with kb.open(store, read_only=True) as opened:
        for name, query in queries.catalogue().items():
            kept = read_example(name)
            assert kept is not None, f"no queries/examples/{name}.json: run 'python -m kb.gallery'"
            assert kept == example_answer(opened, query), f"{name}: run 'python -m kb.gallery'"


def test_the_gallery_page_shows_each_question_with_text_run_link_and_example(client):
    from tests.htmltree import parse_html

    response = client.get("/queries")
    assert response.status_code == 200
    page = parse_html(response.data)
    sections = {s.attrs["id"]: s for s in page.find_all("section", class_="gallery-query")}
    catalogue = queries.catalogue()
    assert set(catalogue) < set(sections) and "wikidata-actors" in sections
    for name, query in catalogue.items():
        section = sections[name]
        assert query.title in section.find("h2").text
        assert " ".join(query.description.split()) in section.text
        assert section.find("pre").raw_text() == query.sparql
        run = section.find("a", class_="gallery-run").attrs["href"]
        assert run.startswith("/query?") and f"name={name}" in run and "run=1" in run
        assert section.find("figure", class_="gallery-example")
    federated = sections["wikidata-actors"]
    assert not federated.find_all("a", class_="gallery-run")
    assert "SERVICE" in federated.find("p", class_="gallery-note").text
    assert not page.find_all("script", src=None) or all(
        s.attrs.get("type") == "application/ld+json" for s in page.find_all("script"))
    assert not page.find_all("style")


def test_the_run_link_answers_on_the_query_page(client):
    page = client.get("/queries.json").get_json()
    timeline = next(q for q in page["queries"] if q["name"] == "timeline")
    answer = client.get(timeline["run"].replace("/query?", "/query.json?"))
    assert answer.status_code == 200
    rows = answer.get_json()["result"]["results"]["bindings"]
    assert len(rows) == timeline["example"]["total"] > 0


def test_the_query_page_pages_as_the_cli_does(client):
    def page(**values):
        answer = client.get("/query.json", query_string={"name": "actors", "run": "1",
                                                         **{f"param.{k}": v for k, v in values.items()}})
        return answer.status_code, answer.get_json()

    status, whole = page()
    assert status == 200
    names = sorted(b["name"]["value"] for b in whole["result"]["results"]["bindings"])
    status, first = page(limit=3)
    _, second = page(limit=3, offset=3)
    shown = [b["name"]["value"] for part in (first, second) for b in part["result"]["results"]["bindings"]]
    assert status == 200 and len(shown) == 6 and len(set(shown)) == 6 and set(shown) <= set(names)
    status, refused = page(limit=0)
    assert status == 400 and "limit 0 is out of range" in json.dumps(refused)


def test_a_limit_the_user_adds_to_a_paged_query_is_kept_as_written():
    """Only the page clause the .rq file writes ("LIMIT n OFFSET m") takes limit= and offset=: a
    LIMIT a researcher adds alone to an edited named query is not silently turned into the page size."""
    import dataclasses

    from pyoxigraph import Literal, Variable

    from kb import queries

    named = queries.catalogue()["actors"]
    edited = dataclasses.replace(named, sparql=named.sparql.rstrip() + "\nLIMIT 2\n")
    text, _ = queries.paged(edited, {Variable("limit"): Literal(7), Variable("offset"): Literal(3)})
    assert "LIMIT 7 OFFSET 3" in text and text.rstrip().endswith("LIMIT 2")
