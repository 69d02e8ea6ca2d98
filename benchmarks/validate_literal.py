"""How long a curation file with one long literal takes to check: validation time against its size.

Run: .venv/bin/python benchmarks/validate_literal.py

A source's note is filled with text of 125 KB to 1 MB whose characters N-Triples must escape
(line breaks, quotes and backslashes). The whole check of the file is timed: reading it, building
its quads and validating them against the SHACL shapes. The baseline beside each figure is the old
way of handing quads to pySHACL, through N-Triples text that rdflib parses, whose time grew with the
square of the escapes (issue 11, item 15); it is timed on the same quads.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, serialize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.curation import read_curation
from kb.curation.validate import check, to_rdflib

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _old_to_rdflib(quads):
    data = serialize([quad.triple for quad in quads], format=RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def main() -> None:
    """Print, per size, the time to check the file now and the baseline conversion time."""
    print(f"{'literal':>10} {'check now (s)':>14} {'to rdflib now (s)':>18} {'baseline to rdflib (s)':>23}")
    for size in (125_000, 250_000, 500_000, 1_000_000):
        folder = Path(tempfile.mkdtemp())
        shutil.copy(DATA / "minimal.txt", folder / "minimal.txt")
        note = ('a "quoted"\n line \\ ' * (size // 20 + 1))[:size]
        text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
        text = text.replace("    note: A test article.", f"    note: {json.dumps(note)}")
        (folder / "minimal.yaml").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        bundle = read_curation(folder / "minimal.yaml")
        quads = [quad for graph in bundle.graphs.values() for quad in graph]
        check(quads)
        whole = time.perf_counter() - started
        started = time.perf_counter()
        to_rdflib(quads)
        now = time.perf_counter() - started
        started = time.perf_counter()
        _old_to_rdflib(quads) if size <= 500_000 else None
        old = time.perf_counter() - started
        old_text = f"{old:.2f}" if size <= 500_000 else "(skipped: minutes)"
        print(f"{size:>10,} {whole:>14.2f} {now:>18.3f} {old_text:>23}", flush=True)
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
