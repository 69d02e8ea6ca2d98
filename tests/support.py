"""Plain helpers shared by the knowledge-base tests (fixtures live in the test modules)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kb.load import load
from kb.paths import SEED_TARGETS
from kb.store import open_kb

DATA = Path(__file__).parent / "data"
#: The columns issue 2 asks of the `timeline` query, in order.
TIMELINE_COLUMNS = ["event", "type", "label", "earliest", "latest", "edtf", "date_text", "source",
                    "published", "sentence"]
DEFAULT_TARGETS = list(SEED_TARGETS)


def seed_store(path: Path) -> Path:
    """Create an on-disk store at ``path`` holding the ontology and the seeds."""
    with open_kb(path) as kb:
        load(kb, DEFAULT_TARGETS)
    return path


def quads_of(path: Path) -> set:
    """Every quad of the data in the store at ``path``, as a set (to compare states).

    The loader's records of who loaded each graph (kb.load.ownership) are left out: they name the files
    loaded, which differ between two ways of loading the same data. :func:`canonical_dump` keeps them.
    """
    with open_kb(path, read_only=True) as kb:
        return {quad for quad in kb.backend.store.quads_for_pattern(None, None, None)
                if not quad.graph_name.value.endswith("/id/graph/_loads")}


def variant(tmp_path: Path, replace: dict[str, str], name: str = "minimal.yaml") -> Path:
    """A copy of tests/data/minimal.yaml (and its text) with lines replaced, in ``tmp_path``."""
    text = (DATA / name).read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, f"test set-up: {old!r} not in {name}"
        text = text.replace(old, new, 1)
    shutil.copy(DATA / "minimal.txt", tmp_path / "minimal.txt")
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def canonical_dump(path: Path) -> bytes:
    """The store at ``path`` as sorted N-Quads lines: equal bytes mean an unchanged store."""
    with open_kb(path, read_only=True) as kb:
        lines = kb.dump("nquads").decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(lines)).encode("utf-8")


def data_count(kb) -> int:
    """How many quads of data ``kb`` holds: its count less the loader's records (kb.load.ownership),
    its month counts (kb.timeline.counts) and its role counts (kb.timeline.role_counts)."""
    rows = kb.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                     "FILTER(!STRENDS(STR(?g), '/id/graph/_loads') "
                     "&& !STRENDS(STR(?g), '/id/graph/_counts') && !STRENDS(STR(?g), '/id/graph/_roles')) }")
    return int(rows[0]["n"].value)


#: A date mix with every kind of dating, wide spans included, for small synthetic files.
EVERY_KIND_OF_DATE = {"day": 0.3, "week": 0.1, "month": 0.2, "months": 0.2, "year": 0.1, "long": 0.05,
                      "wide": 0.05}


def synthetic_claims_file(folder: Path, events: int = 300, seed: int = 5) -> Path:
    """A synthetic N-Quads file (benchmarks/synthetic.py) of ``events`` events, several sources
    dating some of them, with every kind of dating."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import synthetic

    path = folder / "synthetic.nq"
    synthetic.write_nquads(path, events, seed=seed, claims=True, date_mix=EVERY_KIND_OF_DATE)
    return path


def known_actors() -> list:
    """The four actors the extraction tests name (Hamas, Israel, Egypt, Qatar), as kb extract knows
    them."""
    from kb.extract import KnownActor

    return [KnownActor("hamas", "Hamas", "organization"), KnownActor("israel", "Israel", "country"),
            KnownActor("egypt", "Egypt", "country"), KnownActor("qatar", "Qatar", "country")]
