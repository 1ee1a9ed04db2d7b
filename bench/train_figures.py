"""Train the figure scorer on the dev golds, compare it with the rules, write its weights.

A script, not a test (needs scikit-learn, the ``dev`` extra). It runs the pipeline with the
rules' figures over the three dev golds (Wikinews dev, press dev, ``corpora/`` a+b),
matches the predicted dated events with the gold ones as ``pipeline eval`` does (type and
date, then most common participants), and makes one example per (matched event, candidate
figure of :func:`~pipeline.events.figure_scorer.iter_pair_features`): positive when the
figure's value is among the gold event's quantity values. Held-out golds are never read.

Then, by leave-one-article-out cross-validation on those dev examples, it compares
``rules`` (today) with ``hybrid`` (the rules' figures plus candidates above a high
threshold, minus rule figures below a low one) on "quantities (same set of values)" per
dev set, picks the thresholds on that alone (most right over the three sets, none below
the rules), trains on every dev example and writes ``pipeline/resources/figure_scorer.json``
(sorted features, rounded weights: the same file on every run).

Usage::

    python bench/train_figures.py            # compare, print, write the JSON (the chosen mode)
    python bench/train_figures.py --cached   # reuse bench/_work/figure-pairs.pkl
    python bench/train_figures.py --off      # the chosen thresholds written with mode rules
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / "_work"
CACHE = WORK / "figure-pairs.pkl"
TARGET = ROOT / "pipeline" / "resources" / "figure_scorer.json"
DEV = {
    "wikinews dev": [WORK / "wikinews-gold-dev.jsonl"],
    "press dev": [ROOT / "tests" / "gold" / "press" / "dev.jsonl"],
    "corpora/ (a+b)": [ROOT / "tests" / "gold" / f"corpora-gold-{p}.jsonl" for p in ("a", "b")],
}
HIGH = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
LOW = (0.0, 0.05, 0.1, 0.2, 0.3)
C = 1.0


@dataclass
class Example:
    """A matched dated event of a dev article: the rules' event, its gold values, its pairs."""

    gold_set: str
    article: str
    event: Any  # pipeline.records.Event
    gold_values: set[float]
    pairs: list[tuple[Any, dict[str, float], int]]  # (Quantity, features, label)


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _matched(gold: dict[str, Any], events: Sequence[Any]) -> list[tuple[dict[str, Any], int]]:
    """(gold event, index of its predicted event): the matching of ``pipeline eval``."""
    from pipeline.evaluation.events import _common, _names, _types, same_date
    from pipeline.records import to_dict

    pred = [to_dict(e) for e in events]
    dated = [i for i, p in enumerate(pred) if p.get("date")]
    used: set[int] = set()
    out = []
    for g in sorted((g for g in gold["events"] if g.get("date")), key=lambda g: bool(g.get("optional"))):
        cands = [i for i in dated if i not in used and pred[i]["type"] in _types(g) and same_date(g["date"], pred[i]["date"])]
        if not cands:
            continue
        best = max(cands, key=lambda i: _common(_names(g), _names(pred[i])))
        used.add(best)
        if not g.get("optional"):
            out.append((g, best))
    return out


def collect() -> list[Example]:
    """Run the rules over the dev golds and make the examples."""
    from pipeline.evaluation.events import _quantity_values, _run
    from pipeline.events.figure_scorer import figure_config, iter_pair_features
    from pipeline.nlp import build_nlp
    from pipeline.settings import Settings

    nlp = build_nlp(Settings())
    nlp.get_pipe("fr_news_events").figures = figure_config({"mode": "rules"})
    examples: list[Example] = []
    for set_name, paths in DEV.items():
        for gold in (doc for path in paths for doc in _load(path)):
            doc = _run(nlp, gold["text"], gold.get("dct"))
            events = list(doc._.events)
            features = iter_pair_features(doc, events)
            for g, k in _matched(gold, events):
                values = _quantity_values(g)
                pairs = [(q, f, int(float(q.value) in values)) for q, f in features[k]]
                examples.append(Example(set_name, str(gold.get("id")), events[k], values, pairs))
    return examples


def _fit(examples: Sequence[Example]) -> tuple[dict[str, float], float]:
    """A logistic regression on the examples' pairs: (feature -> weight, bias)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for ex in examples for _, f, _ in ex.pairs]
    labels = [y for ex in examples for _, _, y in ex.pairs]
    if len(set(labels)) < 2:
        return {}, (10.0 if labels and labels[0] else -10.0)
    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}, float(model.intercept_[0])


def _correct(ex: Example, probs: Sequence[float], config: Any) -> bool:
    """Are the decided figures' values the gold's, as ``pipeline eval`` says?"""
    from pipeline.events.figure_scorer import decide

    chosen = decide(ex.event, [(q, p) for (q, _, _), p in zip(ex.pairs, probs, strict=True)], config)
    return {float(q.value) for q in chosen} == ex.gold_values


def cross_validate(examples: Sequence[Example]) -> list[list[float]]:
    """Leave-one-article-out probabilities for every example's pairs."""
    from pipeline.events.figure_scorer import figure_config

    articles = sorted({(ex.gold_set, ex.article) for ex in examples})
    probs: list[list[float]] = [[] for _ in examples]
    for art in articles:
        weights, bias = _fit([ex for ex in examples if (ex.gold_set, ex.article) != art])
        scorer = figure_config({"mode": "hybrid", "weights": weights, "bias": bias})
        for k, ex in enumerate(examples):
            if (ex.gold_set, ex.article) == art:
                probs[k] = [scorer.score(f) for _, f, _ in ex.pairs]
    return probs


def _configs() -> list[dict[str, Any]]:
    return [{"mode": "rules"}] + [{"mode": "hybrid", "high": h, "low": lo} for h in HIGH for lo in LOW]


def compare(examples: Sequence[Example], probs: Sequence[Sequence[float]]) -> list[tuple[dict[str, Any], dict[str, int]]]:
    """Right figure sets per dev set for every configuration, on the cross-validated scores."""
    from pipeline.events.figure_scorer import figure_config

    table = []
    for cfg in _configs():
        config = figure_config(cfg)
        right: dict[str, int] = {name: 0 for name in DEV}
        for ex, p in zip(examples, probs, strict=True):
            right[ex.gold_set] += _correct(ex, p, config)
        table.append((cfg, right))
    return table


def choose(table: Sequence[tuple[dict[str, Any], dict[str, int]]]) -> dict[str, Any]:
    """The configuration with most right sets over the dev sets, none of them below the rules;
    on a tie the rules, then the higher thresholds (fewer changes)."""
    base = table[0][1]
    fair = [(cfg, right) for cfg, right in table if all(right[n] >= base[n] for n in DEV)]
    best = max(fair, key=lambda row: (sum(row[1].values()), row[0]["mode"] == "rules",
                                      row[0].get("high", 0.0), -row[0].get("low", 0.0)))
    return best[0]


def write(examples: Sequence[Example], cfg: dict[str, Any], target: Path = TARGET) -> None:
    """Train on every dev example and write the JSON (sorted keys, rounded weights)."""
    weights, bias = _fit(examples)
    data = {
        "_about": "figure scorer: logistic regression over (event, figure) pairs, trained by "
                  "bench/train_figures.py on the dev golds only; mode rules|hybrid "
                  "(chosen_mode: what dev cross-validation chose, with its thresholds)",
        "mode": cfg["mode"],
        "chosen_mode": cfg.get("chosen_mode", cfg["mode"]),
        "high": cfg.get("high", 1.01),
        "low": cfg.get("low", 0.0),
        "bias": round(bias, 6),
        "weights": {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6) != 0.0},
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def _report(examples: Sequence[Example], table: Sequence[tuple[dict[str, Any], dict[str, int]]]) -> None:
    totals = {name: sum(1 for ex in examples if ex.gold_set == name) for name in DEV}
    pos = sum(y for ex in examples for *_, y in ex.pairs)
    values = sum(len(ex.gold_values) for ex in examples)
    reach = sum(1 for ex in examples for v in ex.gold_values if any(y and float(q.value) == v for q, _, y in ex.pairs))
    print(f"examples: {len(examples)} matched dated events {totals}, {sum(len(ex.pairs) for ex in examples)} pairs, "
          f"{pos} positive; gold values {values}, {reach} with a candidate")
    hybrids = sorted((row for row in table if row[0]["mode"] == "hybrid"), key=lambda row: -sum(row[1].values()))
    print("leave-one-article-out on the dev golds, quantities (same set of values) of matched dated events:")
    for cfg, right in [table[0], *hybrids[:10]]:
        print(f"{json.dumps(cfg):<40}" + "".join(f"{n}: {right[n] / max(totals[n], 1):.3f} ({right[n]}/{totals[n]})  "
                                                  for n in DEV))


def main() -> int:
    """Collect, cross-validate, choose, write."""
    global C
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cached", action="store_true", help="reuse the examples of the last run")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation of the regression")
    parser.add_argument("--off", action="store_true",
                        help="write the chosen thresholds with mode rules: the scorer trained but not used")
    args = parser.parse_args()
    C = args.c
    if args.cached and CACHE.exists():
        examples = pickle.loads(CACHE.read_bytes())
    else:
        examples = collect()
        CACHE.write_bytes(pickle.dumps(examples))
    table = compare(examples, cross_validate(examples))
    _report(examples, table)
    chosen = choose(table)
    print("chosen:", chosen)
    if args.off:
        chosen = {**chosen, "mode": "rules", "chosen_mode": chosen["mode"]}
    write(examples, chosen)
    print(f"written: {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
