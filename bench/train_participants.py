"""Train the participant scorer on the dev golds, compare it with the rules, write its weights.

A script, not a test (needs scikit-learn, the ``dev`` extra). It runs the pipeline with the
rules alone over the three dev golds (Wikinews dev, press dev, ``corpora/`` a+b), matches
the predicted dated events with the gold ones as ``pipeline eval`` does (type and date),
and makes one example per (matched event, entity of the article): positive when one of the
gold event's participants is a name of that entity. Held-out golds are never read.

Then, by leave-one-article-out cross-validation on those dev examples, it compares
``rules`` (today), ``scorer`` (the candidates above a threshold) and ``hybrid`` (the
rules' set plus candidates above a high threshold, minus rule picks below a low one) on
"participants (same set)" per dev set, picks the configuration and thresholds on that
alone, trains on every dev example and writes ``pipeline/resources/participant_scorer.json``
(sorted features, rounded weights: the same file on every run).

Usage::

    python bench/train_participants.py            # compare, print, write the JSON
    python bench/train_participants.py --mode rules   # write that mode whatever CV says
    python bench/train_participants.py --cached   # reuse bench/_work/participant-pairs.pkl
    python bench/train_participants.py --off      # as shipped: weights and thresholds, mode rules
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

CACHE = WORK / "participant-pairs.pkl"
TARGET = ROOT / "pipeline" / "resources" / "participant_scorer.json"
HIGH = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
LOW = (0.0, 0.05, 0.1, 0.2, 0.3)
EMPTY = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
#: "any": the one-name guess for an event with nobody may take any candidate; "elsewhere":
#: only when the clause has no subject, a name of another sentence (none rather than a guess)
SCOPES = ("any", "elsewhere")
C = 1.0


@dataclass
class Example:
    """A matched dated event of a dev article: the rules' event, its gold names, its pairs."""

    gold_set: str
    article: str
    event: Any  # pipeline.records.Event
    gold_names: list[str]
    pairs: list[tuple[Any, dict[str, float], int]]  # (Candidate, features, label)


def collect() -> list[Example]:
    """Run the rules over the dev golds and make the examples."""
    from pipeline.evaluation.events import _run, same_name
    from pipeline.events.actors import doc_entities, main_actor
    from pipeline.events.scorer import iter_pair_features, scorer_from_dict
    from pipeline.nlp import build_nlp
    from pipeline.settings import Settings

    nlp = build_nlp(Settings())
    nlp.get_pipe("fr_news_events").participants = scorer_from_dict({"mode": "rules"})
    examples: list[Example] = []
    for set_name, gold in dev_golds():
        doc = _run(nlp, gold["text"], gold.get("dct"))
        events = list(doc._.events)
        ents = doc_entities(doc)
        features = iter_pair_features(doc, events, ents, main_actor(doc, ents))
        for g, k in matched(gold, events):
            names = [str(p["name"]) for p in g.get("participants", [])]
            pairs = [(c, f, int(any(same_name(n, x) for n in names for x in (c.canonical, *c.names))))
                     for c, f in features[k]]
            examples.append(Example(set_name, str(gold.get("id")), events[k], names, pairs))
    return examples


def _correct(ex: Example, probs: Sequence[float], config: Any) -> bool:
    """Is the decided set the gold's (same names, none extra), as ``pipeline eval`` says?"""
    from pipeline.evaluation.events import _common
    from pipeline.events.lexicon import load_lexicon
    from pipeline.events.scorer import decide, guessable

    chosen = decide(ex.event, [(c, p) for (c, _, _), p in zip(ex.pairs, probs, strict=True)], config, load_lexicon(),
                    [guessable(f, config) for _, f, _ in ex.pairs])
    names = [p.name for p in chosen]
    return _common(ex.gold_names, names) == len(ex.gold_names) and _common(names, ex.gold_names) == len(names)


def _scorer(weights: dict[str, float], bias: float) -> Any:
    from pipeline.events.scorer import scorer_from_dict

    return scorer_from_dict({"mode": "scorer", "weights": weights, "bias": bias})


def _configs() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"mode": "rules"}]
    out += [{"mode": "scorer", "threshold": t} for t in THRESHOLDS]
    out += [{"mode": "hybrid", "high": h, "low": lo, "empty": em, "empty_scope": scope}
            for h in HIGH for lo in LOW for em in EMPTY for scope in SCOPES if em <= 1.0 or scope == "any"]
    return out


def compare(examples: Sequence[Example], probs: Sequence[Sequence[float]]) -> list[tuple[dict[str, Any], dict[str, int]]]:
    """Correct sets per dev set for every configuration, on the cross-validated scores."""
    from pipeline.events.scorer import scorer_from_dict

    table = []
    for cfg in _configs():
        config = scorer_from_dict(cfg)
        right: dict[str, int] = {name: 0 for name in DEV}
        for ex, p in zip(examples, probs, strict=True):
            right[ex.gold_set] += _correct(ex, p, config)
        table.append((cfg, right))
    return table


def choose(table: Sequence[tuple[dict[str, Any], dict[str, int]]]) -> dict[str, Any]:
    """The configuration with most correct sets over the dev sets, none of them below the rules."""
    base = table[0][1]
    fair = [(cfg, right) for cfg, right in table if all(right[n] >= base[n] for n in DEV)]
    best = max(fair, key=lambda row: (sum(row[1].values()), row[0]["mode"] == "rules"))
    return best[0]


def write(examples: Sequence[Example], cfg: dict[str, Any], target: Path = TARGET) -> None:
    """Train on every dev example and write the JSON (sorted keys, rounded weights)."""
    weights, bias = fit(examples, C)
    data = {
        "_about": "participant scorer: logistic regression over (event, entity) pairs, trained by "
                  "bench/train_participants.py on the dev golds only; mode rules|scorer|hybrid "
                  "(chosen_mode: what dev cross-validation chose, with its thresholds)",
        "mode": cfg["mode"],
        "chosen_mode": cfg.get("chosen_mode", cfg["mode"]),
        "threshold": cfg.get("threshold", 0.5),
        "high": cfg.get("high", 1.0),
        "low": cfg.get("low", 0.0),
        "empty": cfg.get("empty", 1.01),
        "empty_scope": cfg.get("empty_scope", "any"),
        "bias": round(bias, 6),
        "weights": {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6) != 0.0},
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def main() -> int:
    """Collect, cross-validate, choose, write."""
    global C
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cached", action="store_true", help="reuse the examples of the last run")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation of the regression")
    parser.add_argument("--mode", choices=("rules", "scorer", "hybrid"), help="write this mode (best thresholds of it)")
    parser.add_argument("--guess", choices=("any", "elsewhere", "none"), default="elsewhere",
                        help="which one-name guesses for an event with nobody the choice may use")
    parser.add_argument("--off", action="store_true",
                        help="write the chosen thresholds with mode rules: the scorer trained but not used")
    args = parser.parse_args()
    C = args.c
    if args.cached and CACHE.exists():
        examples = pickle.loads(CACHE.read_bytes())
    else:
        examples = collect()
        CACHE.write_bytes(pickle.dumps(examples))
    totals = {name: sum(1 for ex in examples if ex.gold_set == name) for name in DEV}
    pos = sum(y for ex in examples for *_, y in ex.pairs)
    reach = sum(1 for ex in examples for n in ex.gold_names
                if any(y and __import__("pipeline.evaluation.events", fromlist=["same_name"]).same_name(n, c.canonical)
                       for c, _, y in ex.pairs))
    print(f"examples: {len(examples)} matched dated events {totals}, "
          f"{sum(len(ex.pairs) for ex in examples)} pairs, {pos} positive; gold names {sum(len(ex.gold_names) for ex in examples)}, {reach} with a candidate")
    table = compare(examples, cross_validate(examples, C, _scorer))
    hybrids = sorted((row for row in table if row[0]["mode"] == "hybrid"), key=lambda row: -sum(row[1].values()))
    variants = {
        "no guess": lambda cfg: cfg["empty"] > 1.0,
        "guess elsewhere": lambda cfg: cfg["empty"] <= 1.0 and cfg["empty_scope"] == "elsewhere",
        "guess any": lambda cfg: cfg["empty"] <= 1.0 and cfg["empty_scope"] == "any",
    }
    shown = [row for row in table if row[0]["mode"] != "hybrid"] + hybrids[:4] + [
        next(row for row in hybrids if keep(row[0])) for keep in variants.values()]
    print("leave-one-article-out on the dev golds, participants (same set) of matched dated events:")
    for cfg, right in shown:
        print(f"{json.dumps(cfg):<46}" + "".join(f"{n}: {right[n] / max(totals[n], 1):.3f} ({right[n]}/{totals[n]})  " for n in DEV))
    # "none rather than a guess" (issue 20): the one-name guess may not take a name of the event's own sentence
    allowed = [row for row in table if args.guess == "any" or row[0].get("empty", 1.01) > 1.0
               or (args.guess == "elsewhere" and row[0].get("empty_scope") == "elsewhere")]
    chosen = choose(allowed) if args.mode is None else max(
        (row for row in allowed if row[0]["mode"] == args.mode), key=lambda row: sum(row[1].values()))[0]
    print("chosen:", chosen)
    if args.off:
        chosen = {**chosen, "mode": "rules", "chosen_mode": chosen["mode"]}
    write(examples, chosen)
    print(f"written: {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
