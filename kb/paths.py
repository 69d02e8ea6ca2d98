"""Where the project's own files are: seeds, ontology, named queries, reference data."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
QUERIES_DIR = PROJECT_ROOT / "queries"
WIKIDATA_TSV = SEEDS_DIR / "reference" / "wikidata.tsv"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kb.ttl"
CODES_FILE = ONTOLOGY_DIR / "codes.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
#: What ``kb load`` loads when given nothing, and the web app into an empty store: the ontology,
#: its event codes and every seed file.
SEED_TARGETS = (ONTOLOGY_FILE, CODES_FILE, SEEDS_DIR)


def is_remote(location: str) -> bool:
    """True for a store location that is an ``http://`` or ``https://`` URL (a remote store)."""
    return location.startswith(("http://", "https://"))


def display(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
