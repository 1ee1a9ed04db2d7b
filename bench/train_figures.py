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

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared part beside this script
from pair_training import DEV, ROOT, WORK, cross_validate, dev_golds, fit, matched

CACHE = WORK / "figure-pairs.pkl"
TARGET = ROOT / "pipeline" / "resources" / "figure_scorer.json"
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


def collect() -> list[Example]:
    """Run the rules over the dev golds and make the examples."""
    from pipeline.evaluation.events import _quantity_values, _run
    from pipeline.events.figure_scorer import figure_config, iter_pair_features
    from pipeline.nlp import build_nlp
    from pipeline.settings import Settings

    nlp = build_nlp(Settings())
    nlp.get_pipe("fr_news_events").figures = figure_config({"mode": "rules"})
    examples: list[Example] = []
    for set_name, gold in dev_golds():
        doc = _run(nlp, gold["text"], gold.get("dct"))
        events = list(doc._.events)
        features = iter_pair_features(doc, events)
        for g, k in matched(gold, events):
            values = _quantity_values(g)
            pairs = [(q, f, int(float(q.value) in values)) for q, f in features[k]]
            examples.append(Example(set_name, str(gold.get("id")), events[k], values, pairs))
    return examples


def _correct(ex: Example, probs: Sequence[float], config: Any) -> bool:
    """Are the decided figures' values the gold's, as ``pipeline eval`` says?"""
    from pipeline.events.figure_scorer import decide

    chosen = decide(ex.event, [(q, p) for (q, _, _), p in zip(ex.pairs, probs, strict=True)], config)
    return {float(q.value) for q in chosen} == ex.gold_values


def _scorer(weights: dict[str, float], bias: float) -> Any:
    from pipeline.events.figure_scorer import figure_config

    return figure_config({"mode": "hybrid", "weights": weights, "bias": bias})


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
    weights, bias = fit(examples, C)
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
    table = compare(examples, cross_validate(examples, C, _scorer))
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
