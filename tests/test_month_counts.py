"""The loader's month counts (kb.timeline.counts) answer events-per-month as counting the events does,
after every kind of load, and never go stale."""

from __future__ import annotations

import shutil

from kb import queries
from kb.load import load
from kb.paths import CODES_FILE, ONTOLOGY_FILE, SEEDS_DIR
from kb.store import open_kb
from kb.vocab import KBO, PREFIXES, Minter
from tests.support import synthetic_claims_file

#: What the counts stand for: each claim's month keys and types, distinct events (queries/events-per-month).
COUNTED = """SELECT ?month ?type (COUNT(DISTINCT ?event) AS ?events) WHERE {
  GRAPH ?claim { ?event kbo:monthKey ?month ; a ?type_iri }
  FILTER(STRSTARTS(STR(?type_iri), STR(kbo:)))
  BIND(STRAFTER(STR(?type_iri), "#") AS ?type)
} GROUP BY ?month ?type"""


#: The ontology and the seed article, which defines the actors the other articles name.
BASE = [ONTOLOGY_FILE, CODES_FILE, SEEDS_DIR / "000_04768d44cf00b2f8.yaml"]


def by_counting(kb) -> dict:
    return {(r["month"].value, r["type"].value): int(r["events"].value)
            for r in kb.select(COUNTED, prefixes=PREFIXES)}


def by_query(kb, **window) -> dict:
    rows = queries.run(kb, queries.find("events-per-month"), window).records()
    return {(r["month"], r["type"]): r["events"] for r in rows}


def test_counts_follow_a_source_whose_event_moves_to_another_month(tmp_path):
    article = tmp_path / "001.yaml"
    shutil.copy(SEEDS_DIR / "001_afp_sisi_two_day_truce.yaml", article)
    with open_kb(tmp_path / "store") as kb:
        load(kb, [*BASE, article])
        before = by_query(kb)
        assert before == by_counting(kb) and ("2024-10", "Offer") in before
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace('edtf: "2024-10-27"', 'edtf: "2019-03-02"'), encoding="utf-8")
        load(kb, [article])  # the source's graphs are replaced; its month keys recounted in the same update
        after = by_query(kb)
        assert after == by_counting(kb)
        assert after[("2019-03", "Offer")] == 1 and ("2019-03", "Offer") not in before
        assert after.get(("2024-10", "Offer"), 0) == before[("2024-10", "Offer")] - 1
        assert by_query(kb, **{"from": "2019-03-01", "to": "2019-03-31"}) == {
            key: n for key, n in after.items() if key[0] in ("2019-03", "wide")}


def test_counts_of_a_bulk_load_with_several_sources_per_event(tmp_path):
    path = synthetic_claims_file(tmp_path)
    with open_kb(tmp_path / "store") as kb:
        load(kb, [path], bulk_over=0)
        counted = by_counting(kb)
        assert sum(counted.values()) > 300 and any(key[0] == "wide" for key in counted)
        assert by_query(kb, limit="10000") == counted
        months = sorted({key[0] for key in counted})
        assert len(months) > 120  # more than the default page: pages of 120 months, in order, give them all
        pages = [by_query(kb, offset=str(start)) for start in range(0, len(months) + 120, 120)]
        assert [sorted({key[0] for key in page}) for page in pages if page] == [
            months[start:start + 120] for start in range(0, len(months), 120)]
        assert {key: n for page in pages for key, n in page.items()} == counted
        rows = queries.run(kb, queries.find("events-per-month"), {"from": "2010-01-01", "to": "2010-12-31"})
        assert {(r["month"], r["type"]) for r in rows.records()} == {
            key for key in counted if key[0].startswith("2010-") or key[0] == "wide"}


def test_counts_a_file_brings_are_dropped(tmp_path):
    minter = Minter()
    forged = tmp_path / "forged.trig"
    forged.write_text(
        f"<{minter.entity('graph', 'forged').value}> {{ <{minter.entity('bucket', '2024-10/Offer').value}> "
        f"<{KBO.countedMonth.value}> \"2024-10\" ; <{KBO.countedType.value}> <{KBO.Offer.value}> ; "
        f"<{KBO.eventCount.value}> 999 . }}\n", encoding="utf-8")
    with open_kb(tmp_path / "store") as kb:
        load(kb, BASE)
        load(kb, [forged])
        assert by_query(kb) == by_counting(kb)
        assert 999 not in by_query(kb).values()
