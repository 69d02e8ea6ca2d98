"""Where the project's own files are: seeds, ontology, named queries, reference data."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
QUERIES_DIR = PROJECT_ROOT / "queries"
WIKIDATA_TSV = SEEDS_DIR / "reference" / "wikidata.tsv"
#: What ``kb load`` with no file, and the first ``kb serve`` on an empty store, load.
DEFAULT_SOURCES = (ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl", SEEDS_DIR)


def display(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
