"""The disagreements between sources are derived when the data is loaded (kb/conflicts.py) and
never go stale: every load rewrites those of the events it touches, whichever way it loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kb import queries
from kb.conflicts import conflicts_graph, derive_all, disagreements, side
from kb.load import load
from kb.store import open_kb
from kb.vocab import KBO, Minter

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MINTER = Minter()
PROPOSAL = "egypt-two-day-proposal-2024-10-27"
DOHA = "doha-summit-2024-10-27"
HERALD = "004_easternherald_hamas_guarantees.yaml"
NEWSAZ = "002_newsaz_egypt_offers_two_day.yaml"


def stored(kb) -> set[tuple[str, str]]:
    """The disagreements the store holds: (event IRI, side)."""
    rows = kb.select(f"SELECT ?e ?side WHERE {{ GRAPH {conflicts_graph(MINTER)} "
                     f"{{ ?e {KBO.disagreement} ?side }} }}")
    return {(row["e"].value, row["side"].value) for row in rows}


def from_scratch(kb) -> set[tuple[str, str]]:
    """The disagreements worked out afresh from every claim in the store."""
    return {(quad.subject.value, quad.object.value) for quad in derive_all(kb, MINTER)}


def conflicts(kb, event: str) -> set[tuple[str, str, str]]:
    table = queries.run(kb, queries.find("conflicts"), {"of": event})
    return {(row["field"], row["claimant"], row["value"]) for row in table.records()}


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_loading_the_seeds_stores_the_disagreements_the_rule_gives(tmp_path):
    with open_kb(tmp_path / "store") as kb:
        load(kb)
        assert stored(kb) == from_scratch(kb)
        assert ("term:CeasefireTerm", "The Eastern Herald", "12 day") in conflicts(kb, PROPOSAL)


def test_a_reloaded_claim_that_now_agrees_takes_its_disagreements_away(tmp_path, seeds):
    with open_kb(tmp_path / "store") as kb:
        load(kb, [seeds])
        path = seeds / HERALD
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("number: 12, unit: day", "number: 48, unit: hour"), encoding="utf-8")
        load(kb, [path])
        # 48 hours are the two days the others report: no one disagrees on the ceasefire's length
        assert not {row for row in conflicts(kb, PROPOSAL) if row[0] == "term:CeasefireTerm"}
        assert stored(kb) == from_scratch(kb)
        path.write_text(text, encoding="utf-8")
        load(kb, [path])
        assert ("term:CeasefireTerm", "Agence France-Presse", "2 day") in conflicts(kb, PROPOSAL)
        assert stored(kb) == from_scratch(kb)


def test_an_event_a_source_no_longer_claims_loses_the_disagreements_of_that_claim(tmp_path, seeds):
    with open_kb(tmp_path / "store") as kb:
        load(kb, [seeds])
        assert "status" in {field for field, _, _ in conflicts(kb, DOHA)}
        path = seeds / NEWSAZ
        text = path.read_text(encoding="utf-8")
        start = text.index(f"  - ref: {DOHA}")
        end = text.index("  - id: ", start)
        path.write_text(text[:start] + text[end:], encoding="utf-8")
        load(kb, [path])
        assert conflicts(kb, DOHA) == set()  # the seed's own claim has no one left to disagree with
        assert stored(kb) == from_scratch(kb)


def test_loading_and_reloading_file_by_file_gives_what_one_load_gives(tmp_path):
    with open_kb(tmp_path / "together") as kb:
        load(kb)
        together = stored(kb)
    files = sorted(SEEDS.glob("*.yaml"))  # a file may name what an earlier one defines
    with open_kb(tmp_path / "one-by-one") as kb:
        load(kb, [ROOT / "ontology"])
        for path in files:
            load(kb, [path])
            assert stored(kb) == from_scratch(kb)
        assert stored(kb) == together
        for path in reversed(files):
            load(kb, [path])
        assert stored(kb) == together


def test_disagreements_a_file_brings_are_not_taken(tmp_path):
    forged = Quad(NamedNode(MINTER.entity("event", PROPOSAL).value), KBO.disagreement,
                  side(MINTER.graph("nobody"), "date", "1999"), conflicts_graph(MINTER))
    path = tmp_path / "forged.nq"
    path.write_bytes(serialize([forged], format=RdfFormat.N_QUADS))
    with open_kb(tmp_path / "store") as kb:
        load(kb)
        before = stored(kb)
        load(kb, [path])
        assert stored(kb) == before
        assert not any("1999" in value for _, value in stored(kb))


def test_a_bulk_load_derives_the_same_disagreements(tmp_path):
    with open_kb(tmp_path / "curated") as kb:
        load(kb)
        expected = stored(kb)
        dump = tmp_path / "all.nq"
        dump.write_bytes(kb.backend.store.dump(format=RdfFormat.N_QUADS))
    assert expected
    with open_kb(tmp_path / "bulk") as kb:
        load(kb, [dump], bulk_over=0)
        assert stored(kb) == expected


def test_hours_and_weeks_are_compared_in_days_and_dates_by_their_bounds():
    from kb.conflicts import Claim
    from kb.vocab import RDF, SEM, XSD

    def claim(days: str, unit: str, first: str, last: str) -> Claim:
        made = Claim()
        made.values[SEM.hasEarliestBeginTimeStamp] = [Literal(first, datatype=XSD.date)]
        made.values[SEM.hasLatestEndTimeStamp] = [Literal(last, datatype=XSD.date)]
        made.values[KBO.edtf] = [Literal(f"{first}/{last}")]
        term = NamedNode("http://example.org/term/" + unit)
        made.values[KBO.hasTerm] = [term]
        made.nodes[term] = {RDF.type: [KBO.Term, KBO.CeasefireTerm],
                            KBO.quantity: [Literal(days, datatype=XSD.integer)], KBO.unit: [Literal(unit)]}
        return made

    a, b, c = (MINTER.graph(name) for name in ("a", "b", "c"))
    same = {a: claim("14", "day", "2024-10-01", "2024-10-31"),
            b: claim("2", "week", "2024-10-31", "2024-11-02")}
    assert disagreements(same) == []  # 14 days are two weeks; the bounds share 31 October
    apart = {**same, c: claim("48", "hour", "2024-11-01", "2024-11-02")}
    rows = disagreements(apart)
    assert ("date", "2024-11-01/2024-11-02", c) in rows and ("date", "2024-10-01/2024-10-31", a) in rows
    assert ("term:CeasefireTerm", "48 hour", c) in rows and ("term:CeasefireTerm", "2 week", b) in rows
    assert not any(row[0] == "date" and row[2] == b for row in rows)  # b overlaps both a and c
