"""The loader's role counts (kb.timeline.role_counts) answer actor-roles over any window as reading
every event's claims and roles does, after per-file loads, removals, bulk loads and kb reindex."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pyoxigraph import Literal, Variable

from kb import queries
from kb.load import load
from kb.load.rederive import ROLES, lacking, rederive
from kb.paths import CODES_FILE, ONTOLOGY_FILE, SEEDS_DIR
from kb.store import open_kb
from kb.timeline.role_counts import (
    DAY_DIGITS,
    day_code,
    day_of_code,
    pair_node,
    rebuild_role_counts,
    recount_roles,
    role_counts_graph,
)
from kb.vocab import KBO, PREFIXES, XSD, Minter
from tests.support import synthetic_claims_file

#: What actor-roles stands for, read the slow way: every claim whose bounds meet the window, every
#: role of its event (from any graph), distinct events.
EXACT = """SELECT ?actor ?role_type (COUNT(DISTINCT ?event) AS ?events) (MIN(?earliest) AS ?first)
       (MAX(?latest) AS ?last) WHERE {
  GRAPH ?claim { ?event kbo:monthKey ?key ; sem:hasEarliestBeginTimeStamp ?earliest ;
                        sem:hasLatestEndTimeStamp ?latest }
  FILTER(?latest >= ?from && ?earliest <= ?to)
  ?event sem:hasActor ?role_node . ?role_node rdf:value ?actor ; sem:roleType ?role_type .
} GROUP BY ?actor ?role_type"""

#: What actor-roles without a window stands for: every dated event of each actor, whatever its date.
EXACT_ALL = """SELECT ?actor ?role_type (COUNT(DISTINCT ?event) AS ?events) (MIN(?earliest) AS ?first)
       (MAX(?latest) AS ?last) WHERE {
  GRAPH ?claim { ?event sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest }
  ?event sem:hasActor ?role_node . ?role_node rdf:value ?actor ; sem:roleType ?role_type .
  FILTER(isIRI(?actor))
} GROUP BY ?actor ?role_type"""

#: What co-actors stands for: the dated events that involve both actors, read the slow way.
EXACT_CO = """SELECT ?actor ?other (COUNT(DISTINCT ?event) AS ?events) (MIN(?earliest) AS ?first)
       (MAX(?latest) AS ?last) WHERE {
  ?actor a sem:Actor . ?event kbo:involves ?actor , ?other .
  FILTER(?other != ?actor && isIRI(?other))
  ?event sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest .
} GROUP BY ?actor ?other"""

BASE = [ONTOLOGY_FILE, CODES_FILE, SEEDS_DIR / "000_04768d44cf00b2f8.yaml"]


def windows(first: date, last: date, step_days: int) -> list[tuple[date, date]]:
    """Calendar months, partly covered months, a day, two months from mid-month, three months, a year,
    a window inside one month and one across a year's end, every ``step_days`` from ``first``."""
    found = []
    day = first
    while day <= last:
        month = day.replace(day=1)
        following = (month + timedelta(days=32)).replace(day=1)
        found += [(month, following - timedelta(days=1)), (day, day), (day, day + timedelta(days=9)),
                  (day, day + timedelta(days=61)), (month, month + timedelta(days=91)),
                  (day, day + timedelta(days=365)), (month, following + timedelta(days=3)),
                  (day - timedelta(days=40), day + timedelta(days=800))]
        day += timedelta(days=step_days)
    return found


def exact(kb, first: date, last: date) -> dict:
    bound = {Variable("from"): Literal(first.isoformat(), datatype=XSD.date),
             Variable("to"): Literal(last.isoformat(), datatype=XSD.date)}
    return {(r["actor"].value, r["role_type"].value.rsplit("#", 1)[-1]):
            (int(r["events"].value), r["first"].value, r["last"].value)
            for r in kb.select(EXACT, prefixes=PREFIXES, substitutions=bound)}


def named(kb, first: date, last: date) -> dict:
    rows = queries.run(kb, queries.find("actor-roles"),
                       {"from": first.isoformat(), "to": last.isoformat(), "limit": "10000"})
    found = {}
    for row in rows.records():
        found[(row["actor"], row["role"])] = (row["events"], str(row["first"]), str(row["last"]))
    return found


def exact_all(kb) -> dict:
    return {(r["actor"].value, r["role_type"].value.rsplit("#", 1)[-1]):
            (int(r["events"].value), r["first"].value, r["last"].value)
            for r in kb.select(EXACT_ALL, prefixes=PREFIXES)}


def named_all(kb) -> dict:
    """actor-roles without a window, every page of 50 actors read in turn."""
    found: dict = {}
    for offset in range(0, 100_000, 50):
        page = queries.run(kb, queries.find("actor-roles"), {"limit": "50", "offset": str(offset)}).records()
        listed = kb.select(f"SELECT DISTINCT ?actor WHERE {{ ?actor a sem:Actor }} LIMIT 50 OFFSET {offset}",
                           prefixes=PREFIXES)
        if not listed:
            return found
        for row in page:
            found[(row["actor"], row["role"])] = (row["events"], str(row["first"]), str(row["last"]))
    raise AssertionError("more than 100,000 actors")


def co_actors(kb) -> dict:
    """co-actors, every page of 50 rows read in turn."""
    found: dict = {}
    for offset in range(0, 10_000_000, 50):
        page = queries.run(kb, queries.find("co-actors"), {"limit": "50", "offset": str(offset)}).records()
        if not page:
            return found
        for row in page:
            assert (row["actor"], row["other"]) not in found, "a pair on two pages"
            found[(row["actor"], row["other"])] = (row["shared_events"], str(row["first"]), str(row["last"]))
    raise AssertionError("more than 10,000,000 pairs")


def assert_same_totals(kb) -> int:
    """actor-roles without a window and co-actors equal every dated event read the slow way; how many
    rows of actor-roles."""
    expected = exact_all(kb)
    assert named_all(kb) == expected
    co_expected = {(r["actor"].value, r["other"].value): (int(r["events"].value), r["first"].value,
                                                          r["last"].value)
                   for r in kb.select(EXACT_CO, prefixes=PREFIXES)}
    assert co_actors(kb) == co_expected
    assert co_expected
    return len(expected)


def stored_counts(kb) -> set:
    return set(kb.backend.store.quads_for_pattern(None, None, None, role_counts_graph(Minter())))


def assert_same(kb, spans: list[tuple[date, date]]) -> int:
    """The named query's answer equals the slow one over every window; how many rows in all."""
    rows = 0
    for first, last in spans:
        expected = exact(kb, first, last)
        assert named(kb, first, last) == expected, (first, last)
        rows += len(expected)
    return rows


def test_role_counts_answer_as_the_claims_do_after_a_bulk_load_with_several_sources_per_event(tmp_path):
    path = synthetic_claims_file(tmp_path)
    with open_kb(tmp_path / "store") as kb:
        load(kb, [path], bulk_over=0)
        exact_events = kb.select(f"SELECT DISTINCT ?e WHERE {{ GRAPH {role_counts_graph(Minter())} "
                                 f"{{ ?s kbo:exactEvent ?e }} }}", prefixes=PREFIXES)
        assert exact_events, "the synthetic claims date some events twice"
        years = sorted({int(r["key"].value[:4]) for r in kb.select(
            "SELECT DISTINCT ?key WHERE { ?e kbo:monthKey ?key FILTER(?key != 'wide') }", prefixes=PREFIXES)})
        assert assert_same(kb, windows(date(years[0], 1, 1), date(years[-1], 12, 31), 701)) > 100
        # windows that end on the 28th of February, the last day of a month only in common years
        # (and on the 29th, and on the 30th of a 30-day month), read the days or not accordingly
        month_ends = [(date(year, 2, 1), date(year, 2, 28)) for year in years]
        month_ends += [(date(year, 2, 10), date(year, 2, 29)) for year in years if year % 4 == 0]
        month_ends += [(date(year, 4, 3), date(year, 4, 30)) for year in years]
        assert assert_same(kb, month_ends) > 20
        # windows that begin or end on a quarter's first or last day, or a day off it: a quarter
        # after the first month and inside the window is read as one, any other month by itself
        some = years[::3]
        quarter_edges = [(date(year, 1, 1), date(year, 12, 31)) for year in some]
        quarter_edges += [(date(year, 4, 1), date(year, 9, 30)) for year in some]
        quarter_edges += [(date(year, 3, 31), date(year, 10, 1)) for year in some]
        quarter_edges += [(date(year, 2, 1), date(year + 1, 3, 30)) for year in some]
        quarter_edges += [(date(year, 6, 30), date(year + 1, 6, 30)) for year in some]
        assert assert_same(kb, quarter_edges) > 50
        assert assert_same_totals(kb) > 100
        written = stored_counts(kb)  # by the bulk load, in Python
        kb.backend.store.update(recount_roles(Minter()))  # as a per-file load recounts, in SPARQL
        assert stored_counts(kb) == written


def _second_source(path: Path, event: str, actor: str, day: str) -> None:
    """A Turtle file in which another source dates ``event`` on ``day`` and names ``actor`` its
    mediator (or, with ``day`` empty, says nothing of it)."""
    if not day:
        path.write_text("<urn:x-test:nothing> <urn:x-test:says> \"nothing\" .\n", encoding="utf-8")
        return
    role = f"{event}/role/mediator-second-source"
    path.write_text(
        f"@prefix kbo: <{KBO.Offer.value.rsplit('#', 1)[0]}#> .\n"
        "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f"<{event}> kbo:monthKey \"{day[:7]}\" ; sem:hasEarliestBeginTimeStamp \"{day}\"^^xsd:date ;\n"
        f"  sem:hasLatestEndTimeStamp \"{day}\"^^xsd:date ; sem:hasActor <{role}> .\n"
        f"<{role}> a sem:Role ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> <{actor}> ;\n"
        "  sem:roleType kbo:mediator .\n", encoding="utf-8")


def test_role_counts_follow_a_second_source_added_then_removed(tmp_path):
    spans = windows(date(2023, 9, 1), date(2024, 12, 31), 67)
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        assert assert_same(kb, spans) > 50
        row = kb.select("SELECT ?event ?actor WHERE { GRAPH ?g { ?event kbo:monthKey '2024-10' } "
                        "?event sem:hasActor ?r . ?r rdf:value ?actor } ORDER BY ?event ?actor LIMIT 1",
                        prefixes=PREFIXES)[0]
        event, actor = row["event"].value, row["actor"].value
        extra = tmp_path / "second-source.ttl"
        _second_source(extra, event, actor, "2024-03-15")  # a second dating, months away, a new role
        load(kb, [extra])
        assert assert_same(kb, spans) > 50
        assert assert_same_totals(kb) > 10
        assert ("mediator" in {role for who, role in named_all(kb) if who == actor})
        march = named(kb, date(2024, 3, 1), date(2024, 3, 31))
        assert any(role == "mediator" and who == actor for who, role in march)
        _second_source(extra, event, actor, "2024-10-02")  # the second source moves it to October
        load(kb, [extra])
        assert assert_same(kb, spans) > 50
        assert not any(role == "mediator" and who == actor
                       for who, role in named(kb, date(2024, 3, 1), date(2024, 3, 31)))
        _second_source(extra, event, actor, "")  # and takes it back
        load(kb, [extra])
        assert assert_same(kb, spans) > 50
        assert assert_same_totals(kb) > 10
        assert not any(role == "mediator" and who == actor
                       for who, role in named(kb, date(2024, 10, 1), date(2024, 10, 31)))


def test_role_counts_follow_a_source_whose_event_moves(tmp_path):
    article = tmp_path / "001.yaml"
    article.write_text((SEEDS_DIR / "001_afp_sisi_two_day_truce.yaml").read_text(encoding="utf-8"),
                       encoding="utf-8")
    spans = windows(date(2019, 2, 1), date(2019, 4, 1), 45) + windows(date(2024, 8, 1), date(2024, 12, 1), 50)
    with open_kb(tmp_path / "store") as kb:
        load(kb, [*BASE, article])
        assert_same(kb, spans)
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace('edtf: "2024-10-27"', 'edtf: "2019-03-02"'), encoding="utf-8")
        load(kb, [article])
        assert named(kb, date(2019, 3, 2), date(2019, 3, 2))
        assert_same(kb, spans)
        assert_same_totals(kb)


def test_role_counts_a_file_brings_are_dropped(tmp_path):
    """A file that writes role counts of its own (in its graph, or in the one the loader keeps them
    in) changes no count: the loader's are derived from the claims alone."""
    minter = Minter()
    month = minter.entity("bucket", "2024-10/roles").value
    forged_cells = (f"<{month}> <{KBO.rolesMonth.value}> \"2024-10\" ; "
                    f"<{KBO.carriedCells.value}> <{month}> . "
                    f"<{pair_node(minter.entity('actor', 'hamas').value, KBO.mediator.value).value}> "
                    f"<{month}> \"{day_code('2024-10-01')}{day_code('2024-10-31')}999\" ; "
                    f"<{KBO.cellActor.value}> <{minter.entity('actor', 'hamas').value}> ; "
                    f"<{KBO.cellRole.value}> <{KBO.mediator.value}> . ")
    forged = tmp_path / "forged.trig"
    forged.write_text(
        f"<{minter.entity('graph', 'forged').value}> {{ {forged_cells}"
        f"<{minter.entity('actor', 'hamas').value}/roles> <{KBO.roleTotal.value}> "
        f"\"999 1900-01-01 2100-12-31 {KBO.mediator.value}\" ; <{KBO.coActorTotal.value}> "
        f"\"999 1900-01-01 2100-12-31 {minter.entity('actor', 'israel').value}\" . }}\n"
        f"{role_counts_graph(minter)} {{ {forged_cells} }}\n",
        encoding="utf-8")
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        load(kb, [forged])
        answer = named(kb, date(2024, 10, 1), date(2024, 10, 31))
        assert answer == exact(kb, date(2024, 10, 1), date(2024, 10, 31))
        assert all(events < 999 for events, _, _ in answer.values())
        assert assert_same_totals(kb) > 10
        assert all(events < 999 for events, _, _ in named_all(kb).values())
        assert all(events < 999 for events, _, _ in co_actors(kb).values())


def test_reindex_derives_only_the_role_counts_a_store_lacks(tmp_path):
    spans = windows(date(2024, 1, 1), date(2024, 12, 1), 90)
    minter = Minter()
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        written = stored_counts(kb)  # by the load's SPARQL update
        kb.backend.store.remove_graph(role_counts_graph(minter))  # as an earlier version left it
        assert lacking(kb, minter) == [ROLES]
        october = (date(2024, 10, 1), date(2024, 10, 31))
        assert named(kb, *october) != exact(kb, *october)  # without them the answer is wrong
        assert rederive(kb, minter) == [ROLES]
        assert lacking(kb, minter) == []
        assert stored_counts(kb) == written  # the same, read in Python
        assert assert_same(kb, spans) > 50
        assert assert_same_totals(kb) > 10


def test_a_window_that_ends_on_a_months_last_day_counts_that_whole_month_and_no_more(tmp_path):
    minter = Minter()
    days = {"leap-day": "2024-02-29", "common-february-end": "2023-02-28", "april-end": "2024-04-30"}
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        for name, day in days.items():
            extra = tmp_path / f"{name}.ttl"
            _second_source(extra, minter.entity("event", f"test-{name}").value,
                           minter.entity("actor", f"test-{name}").value, day)
            load(kb, [extra])
        spans = [(date(2024, 2, 1), date(2024, 2, 28)), (date(2024, 2, 1), date(2024, 2, 29)),
                 (date(2023, 2, 1), date(2023, 2, 28)), (date(2023, 2, 28), date(2023, 2, 28)),
                 (date(2024, 4, 1), date(2024, 4, 29)), (date(2024, 4, 1), date(2024, 4, 30)),
                 (date(2024, 1, 15), date(2024, 2, 28)), (date(2023, 12, 1), date(2024, 4, 30))]
        assert_same(kb, spans)

        def mediators(first: date, last: date) -> set:
            return {who.rsplit("/", 1)[-1] for who, role in named(kb, first, last) if role == "mediator"}
        assert "test-leap-day" not in mediators(date(2024, 2, 1), date(2024, 2, 28))
        assert "test-leap-day" in mediators(date(2024, 2, 1), date(2024, 2, 29))
        assert "test-common-february-end" in mediators(date(2023, 2, 1), date(2023, 2, 28))
        assert "test-april-end" not in mediators(date(2024, 4, 1), date(2024, 4, 29))
        assert "test-april-end" in mediators(date(2024, 4, 1), date(2024, 4, 30))


RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


def test_an_event_whose_bounds_are_not_written_yyyy_mm_dd_is_counted_from_its_claim(tmp_path):
    """Role cells write days as codes of YYYY-MM-DD from 0001 on: an event dated with a time zone, a year
    of five digits or a year before 0001 is counted exactly (kbo:exactEvent), as the claims say, by
    either recount."""
    minter = Minter()
    odd = tmp_path / "odd-dates.ttl"
    lines = [f"@prefix kbo: <{KBO.Offer.value.rsplit('#', 1)[0]}#> .",
             "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for slug, first, last, key in (("zoned", "2024-10-05Z", "2024-10-07+02:00", "2024-10"),
                                   ("far", "12024-10-05", "12024-10-06", "12024-10"),
                                   ("ancient", "-0044-03-15", "-0044-03-15", "-44-03")):
        event, role = minter.entity("event", slug).value, minter.entity("event", f"{slug}/role/m").value
        lines += [f"<{event}> kbo:monthKey \"{key}\" ;",
                  f"  sem:hasEarliestBeginTimeStamp \"{first}\"^^xsd:date ;",
                  f"  sem:hasLatestEndTimeStamp \"{last}\"^^xsd:date ; sem:hasActor <{role}> .",
                  f"<{role}> a sem:Role ; <{RDF_VALUE}> <{minter.entity('actor', slug).value}> ;",
                  "  sem:roleType kbo:mediator ."]
    odd.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_kb(tmp_path / "store") as kb:
        load(kb, [*BASE, odd])
        october = named(kb, date(2024, 10, 1), date(2024, 10, 31))
        assert october[(minter.entity("actor", "zoned").value, "mediator")][0] == 1
        assert october == exact(kb, date(2024, 10, 1), date(2024, 10, 31))
        assert assert_same(kb, windows(date(2024, 9, 1), date(2024, 11, 30), 11)) > 10
        exactly = {row["e"].value for row in kb.select(
            f"SELECT ?e WHERE {{ GRAPH {role_counts_graph(minter)} {{ ?s kbo:exactEvent ?e }} }}",
            prefixes=PREFIXES)}
        assert {minter.entity("event", slug).value for slug in ("zoned", "far", "ancient")} <= exactly
        ides = named(kb, date(1, 1, 1), date(1, 12, 31))
        assert ides == exact(kb, date(1, 1, 1), date(1, 12, 31))
        written = stored_counts(kb)  # by the per-file load, in SPARQL
        rebuild_role_counts(kb.backend.store, minter)  # again in Python, as kb reindex does
        assert stored_counts(kb) == written


def test_every_cell_is_a_short_code_of_its_days_and_count_under_its_actors_role(tmp_path):
    """Each cell: its actor's role node (kbo:cellActor, kbo:cellRole) as subject, the month's node as
    property, "EARLIEST LATEST EVENTS" as a code of at most 15 characters (the store keeps those
    inline); the days' digits are the query's, and codes compare as the days do."""
    assert f'"{DAY_DIGITS}"' in queries.find("actor-roles").sparql
    days = ["0001-01-01", "0999-12-31", "1969-12-31", "2000-02-29", "2024-10-27", "2024-10-28", "9999-12-31"]
    assert [day_code(day) for day in days] == sorted(day_code(day) for day in days)
    assert all(day_of_code(day_code(day)) == day for day in days)
    minter = Minter()
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        graph = role_counts_graph(minter)
        months = {q.subject: q.object.value
                  for q in kb.backend.store.quads_for_pattern(None, KBO.rolesMonth, None, graph)}
        carried = {q.object: q.subject
                   for q in kb.backend.store.quads_for_pattern(None, KBO.carriedCells, None, graph)}
        cells = [q for q in kb.backend.store.quads_for_pattern(None, None, None, graph)
                 if q.predicate in months or q.predicate in carried]
        assert len(cells) > 20 and any(q.predicate in carried for q in cells)
        for quad in cells:
            code = quad.object.value
            assert len(code) <= 15 and code[8:].isdigit() and int(code[8:]) >= 1, code
            assert day_of_code(code[:4]) <= day_of_code(code[4:8]), code
            actor = next(kb.backend.store.quads_for_pattern(quad.subject, KBO.cellActor, None, graph)).object
            role = next(kb.backend.store.quads_for_pattern(quad.subject, KBO.cellRole, None, graph)).object
            assert pair_node(actor.value, role.value) == quad.subject
            key = months.get(quad.predicate) or months[carried[quad.predicate]]
            if "-Q" not in key and key != "wide" and quad.predicate in months:  # begins in its month
                assert day_of_code(code[:4])[:7] == key, (key, code)
        # each quarter's cells sum its months' cells of the events that begin in them
        quarter = kb.select("SELECT ?q (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?s kbo:rolesMonth ?q . "
                            "?pair ?s ?c FILTER(CONTAINS(?q, '-Q')) } } GROUP BY ?q "
                            "ORDER BY DESC(?n) LIMIT 1", prefixes=PREFIXES)
        assert quarter and int(quarter[0]["n"].value) > 1


def test_a_role_type_from_another_vocabulary_is_counted_under_its_own_node(tmp_path):
    """A role type outside the ontology (a file's own) gets a node of its own, its IRI percent-encoded,
    and is counted as the claims say, in an event one source dates and in one that two sources date
    (counted from its claims)."""
    minter = Minter()
    witness = "http://example.org/roles#witness?of=talks"
    actor = minter.entity("actor", "test-witness").value
    lines = [f"@prefix kbo: <{KBO.Offer.value.rsplit('#', 1)[0]}#> .",
             "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for slug, day in (("witnessed-once", "2024-10-08"), ("witnessed-twice", "2024-10-09")):
        event, role = minter.entity("event", slug).value, minter.entity("event", f"{slug}/role/w").value
        lines += [f"<{event}> kbo:monthKey \"{day[:7]}\" ;",
                  f"  sem:hasEarliestBeginTimeStamp \"{day}\"^^xsd:date ;",
                  f"  sem:hasLatestEndTimeStamp \"{day}\"^^xsd:date ; sem:hasActor <{role}> .",
                  f"<{role}> a sem:Role ; <{RDF_VALUE}> <{actor}> ; sem:roleType <{witness}> ."]
    own = tmp_path / "witness.ttl"
    own.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = tmp_path / "second.ttl"  # another source dates the second event a day later
    _second_source(second, minter.entity("event", "witnessed-twice").value, actor, "2024-10-10")
    with open_kb(tmp_path / "store") as kb:
        load(kb, [*BASE, own, second])
        node = pair_node(actor, witness)
        assert node.value.endswith("/roles/http%3A%2F%2Fexample.org%2Froles%23witness%3Fof%3Dtalks")
        assert kb.ask(f"ASK {{ {node} <{KBO.cellActor.value}> <{actor}> ; "
                      f"<{KBO.cellRole.value}> <{witness}> }}")
        october = (date(2024, 10, 1), date(2024, 10, 31))
        answer = named(kb, *october)
        assert answer == exact(kb, *october)
        assert answer[(actor, "witness?of=talks")] == (2, "2024-10-08", "2024-10-10")
        assert assert_same(kb, windows(date(2024, 10, 1), date(2024, 10, 20), 4)) > 10
        written = stored_counts(kb)  # by the per-file loads, in SPARQL
        rebuild_role_counts(kb.backend.store, minter)  # again in Python, as kb reindex does
        assert stored_counts(kb) == written
