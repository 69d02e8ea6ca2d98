"""Could a learner that reads sentences find the events the rules of `kb extract` miss?

Run: .venv/bin/python benchmarks/sentence_events.py [--threshold P] [--strength C]

The sets tuned on name, for each gold event, the sentence that asserts it (``sentence:``, see
benchmarks/devset/README.md). This script labels every sentence of those sets' articles as one
that asserts an event of the gold or not, and marks whether the rules proposed anything from it
(``kb extract`` at its default minimum confidence, a proposal citing the sentence). Leaving one set
out at a time, it trains a classifier on the words of the other sets' sentences (a logistic
regression over word unigrams and bigrams, numbers folded, scikit-learn: the ``train`` extra) and
prints, for the left-out set: how many of its event sentences the rules proposed nothing from, how
many of those the classifier flags (P >= threshold), how many sentences without an event and
without a proposal it flags as well (what a proposer built on it would add wrongly), and the
classifier's ranking quality (ROC AUC over all sentences).

It measures the room for a sentence-level proposer before one is built: nothing here changes the
extractor. It reads no held-out or never-tuned set (they have no ``sentence:``).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_accuracy import CORPORA, SEEDS, devset_gold, overlaps, spans_of  # noqa: E402

from kb.extract import extract, known_actors, known_places, split_sentences  # noqa: E402
from kb.extract.draft import DEFAULT_MIN_CONFIDENCE  # noqa: E402

#: The sets whose gold names each event's sentence.
ANCHORED = tuple(corpus for corpus in CORPORA if corpus.role in ("pooled", "apart"))


@dataclass
class Row:
    """One sentence of an article of a set."""

    corpus: str
    text: str
    event: bool  # a gold event names it as the sentence that asserts it
    proposed: bool  # the rules proposed something from it


def _words(text: str) -> str:
    """The sentence as the classifier reads it: numbers folded, so that no count or date of one
    article becomes a feature."""
    return re.sub(r"\d+", "0", text)


def rows() -> list[Row]:
    """Every sentence of every article of the anchored sets."""
    actors, places = known_actors([SEEDS]), known_places([SEEDS])
    found = []
    for corpus in ANCHORED:
        for path in sorted(corpus.folder.glob("*.gold.yaml")):
            gold = devset_gold(path)
            draft = extract(gold.text, gold.published, actors=actors, places=places,
                            min_confidence=DEFAULT_MIN_CONFIDENCE)
            cited = [span for event in draft.events
                     for span in spans_of(event.sentences, gold.text)]
            anchors = [event["at"] for event in gold.events if event.get("at")]
            for sentence in split_sentences(gold.text):
                own = (sentence.start, sentence.end)
                found.append(Row(corpus.folder.name, _words(sentence.text),
                                 any(overlaps(own, anchor) for anchor in anchors),
                                 any(overlaps(own, span) for span in cited)))
    return found


def main(argv: list[str] | None = None) -> int:
    """Print, per left-out set and in total, what a sentence classifier finds that the rules miss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5,
                        help="the probability from which a sentence is flagged (default 0.5)")
    parser.add_argument("--strength", type=float, default=1.0,
                        help="the inverse regularisation C of the logistic regression (default 1)")
    args = parser.parse_args(argv)
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
    except ImportError:
        print("sentence_events.py: scikit-learn is missing: install the train extra "
              "(pip install -e '.[train]')", file=sys.stderr)
        return 2
    table = rows()
    names = [corpus.folder.name for corpus in ANCHORED]
    print(f"{len(table)} sentences of {len(names)} sets, {sum(r.event for r in table)} asserting a "
          f"gold event; threshold {args.threshold}, C {args.strength}")
    print(f"{'left out':<10} {'events':>6} {'rules':>6} {'missed':>6} {'flagged':>7} "
          f"{'quiet':>6} {'false':>6} {'AUC':>5}")
    totals = [0] * 6
    for name in names:
        train = [r for r in table if r.corpus != name]
        test = [r for r in table if r.corpus == name]
        vectors = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        model = LogisticRegression(C=args.strength, class_weight="balanced", max_iter=2000)
        model.fit(vectors.fit_transform([r.text for r in train]), [r.event for r in train])
        chances = model.predict_proba(vectors.transform([r.text for r in test]))[:, 1]
        flagged = [p >= args.threshold for p in chances]
        events = sum(r.event for r in test)
        by_rules = sum(r.event and r.proposed for r in test)
        missed = [i for i, r in enumerate(test) if r.event and not r.proposed]
        quiet = [i for i, r in enumerate(test) if not r.event and not r.proposed]
        found = sum(flagged[i] for i in missed)
        false = sum(flagged[i] for i in quiet)
        auc = roc_auc_score([r.event for r in test], chances)
        print(f"{name:<10} {events:6d} {by_rules:6d} {len(missed):6d} {found:7d} {len(quiet):6d} "
              f"{false:6d} {auc:5.2f}")
        for i, value in enumerate((events, by_rules, len(missed), found, len(quiet), false)):
            totals[i] += value
    events, by_rules, missed, found, quiet, false = totals
    print(f"{'total':<10} {events:6d} {by_rules:6d} {missed:6d} {found:7d} {quiet:6d} {false:6d}")
    print("events: sentences a gold event names; rules: of those, the rules proposed from; missed: "
          "the rest; flagged: of the missed, the classifier flags; quiet: sentences with no event "
          "and no proposal; false: of those, the classifier flags")
    return 0


if __name__ == "__main__":
    sys.exit(main())
