"""benchmarks/extract_accuracy.py's --tuned-only prints the sets tuned on and no other set's
figures, so a tuner never reads a held-out or never-tuned total by accident."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from extract_accuracy import CORPORA, main


def test_tuned_only_prints_no_held_out_or_never_tuned_set(capsys):
    tuned = next(c for c in CORPORA if c.role == "pooled" and c.folder.name == "devset3")
    others = [c for c in CORPORA if c.role in ("held-out", "never-tuned")]
    # devset3 is tuned on; devset12 is held out and unseen5 never tuned: only devset3 is printed
    assert main(["--tuned-only", "--only", "devset3", "devset12", "unseen5"]) == 0
    printed = capsys.readouterr().out
    assert tuned.label in printed
    for corpus in others:
        assert corpus.label not in printed
