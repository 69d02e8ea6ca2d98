"""The gallery of questions: each named query with its parameters and an example answer.

An example answer is the query's answer over the seed article (with the parameter values of its
``# example:`` header), kept in ``queries/examples/NAME.json`` so that the gallery page shows it at
no cost whatever the size of the served store; ``tests/test_gallery.py`` checks that every file
still equals the live answer. ``python -m kb.gallery`` writes them afresh. Queries in
``queries/federated/`` are shown but never run here (they call other endpoints with SERVICE).
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kb import queries
from kb.paths import QUERIES_DIR
from kb.store import KnowledgeBase

EXAMPLES_DIR = QUERIES_DIR / "examples"
FEDERATED_DIR = QUERIES_DIR / "federated"
#: Rows of an example answer kept and shown.
EXAMPLE_ROWS = 5


@dataclass
class Example:
    """The first rows of a query's answer over the seed, as text, and how many rows there were."""

    params: dict[str, str]
    columns: list[str]
    rows: list[list[str]]
    total: int


@dataclass
class Entry:
    """One question of the gallery."""

    name: str
    title: str
    description: str
    sparql: str
    parameters: list[queries.Parameter] = field(default_factory=list)
    example_params: dict[str, str] = field(default_factory=dict)
    example: Example | None = None
    federated: bool = False


def example_answer(kb: KnowledgeBase, query: queries.NamedQuery) -> Example:
    """The query's answer with its example parameters, cut to :data:`EXAMPLE_ROWS` rows."""
    table = queries.run(kb, query, query.example)
    rows = [["" if term is None else str(queries.plain(term)) for term in row]
            for row in table.rows[:EXAMPLE_ROWS]]
    return Example(dict(query.example), table.columns, rows, len(table.rows))


def read_example(name: str, folder: Path = EXAMPLES_DIR) -> Example | None:
    """The kept example answer of the query ``name``, if there is one."""
    path = folder / f"{name}.json"
    if not path.exists():
        return None
    return Example(**json.loads(path.read_text(encoding="utf-8")))


def write_examples(kb: KnowledgeBase, folder: Path = EXAMPLES_DIR) -> list[Path]:
    """Write the example answer of every named query over ``kb`` (a store holding the seeds)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, query in queries.catalogue().items():
        path = folder / f"{name}.json"
        example = example_answer(kb, query)
        path.write_text(json.dumps(example.__dict__, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def entries(folder: Path = QUERIES_DIR) -> list[Entry]:
    """Every question: the named queries, then the federated examples."""
    found = [Entry(q.name, q.title, q.description, q.sparql, q.parameters, q.example, read_example(q.name))
             for q in queries.catalogue(folder).values()]
    for path in sorted((folder / "federated").glob("*.rq")):
        q = queries.parse_header(path)
        found.append(Entry(q.name, q.title, q.description, q.sparql, q.parameters, federated=True))
    return found


def main() -> None:
    """Write the example answers over a fresh store of the ontology and the seeds."""
    from kb.load import load
    from kb.paths import ONTOLOGY_DIR, SEEDS_DIR
    from kb.store import open_kb

    with tempfile.TemporaryDirectory() as folder, open_kb(Path(folder) / "store") as kb:
        load(kb, [ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl", SEEDS_DIR])
        for path in write_examples(kb):
            sys.stdout.write(f"wrote {path}\n")


if __name__ == "__main__":
    main()
