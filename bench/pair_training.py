"""What the pair scorers' training scripts share (``bench/train_participants.py``,
``bench/train_figures.py``): the dev golds they learn from, the matching of predicted and
gold dated events as ``pipeline eval`` does it, the logistic regression over pairs, and the
leave-one-article-out scores. Held-out golds are never read here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / "_work"
#: the three dev golds (set name -> files): Wikinews dev, press dev, corpora/ a+b
DEV = {
    "wikinews dev": [WORK / "wikinews-gold-dev.jsonl"],
    "press dev": [ROOT / "tests" / "gold" / "press" / "dev.jsonl"],
    "corpora/ (a+b)": [ROOT / "tests" / "gold" / f"corpora-gold-{p}.jsonl" for p in ("a", "b")],
}

Pair = tuple[Any, dict[str, float], int]  # (candidate, features, label)


class Example(Protocol):
    """A matched dated event of a dev article with its (candidate, features, label) pairs."""

    gold_set: str
    article: str
    pairs: list[Pair]


class Scorer(Protocol):
    """What a scorer configuration offers: the probability of a pair from its features."""

    def score(self, features: Mapping[str, float]) -> float: ...


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The gold documents of one JSONL file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def dev_golds() -> list[tuple[str, dict[str, Any]]]:
    """(set name, gold document) of every dev gold, in the order of :data:`DEV`."""
    return [(name, doc) for name, paths in DEV.items() for path in paths for doc in load_jsonl(path)]


def matched(gold: dict[str, Any], events: Sequence[Any]) -> list[tuple[dict[str, Any], int]]:
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


def fit(examples: Sequence[Example], c: float) -> tuple[dict[str, float], float]:
    """A logistic regression on the examples' pairs: (feature -> weight, bias); deterministic."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for ex in examples for _, f, _ in ex.pairs]
    labels = [y for ex in examples for _, _, y in ex.pairs]
    if len(set(labels)) < 2:
        return {}, (10.0 if labels and labels[0] else -10.0)
    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}, float(model.intercept_[0])


def cross_validate(examples: Sequence[Example], c: float,
                   scorer: Callable[[dict[str, float], float], Scorer]) -> list[list[float]]:
    """Leave-one-article-out probabilities for every example's pairs; ``scorer`` makes a
    configuration that scores from (weights, bias)."""
    articles = sorted({(ex.gold_set, ex.article) for ex in examples})
    probs: list[list[float]] = [[] for _ in examples]
    for art in articles:
        config = scorer(*fit([ex for ex in examples if (ex.gold_set, ex.article) != art], c))
        for k, ex in enumerate(examples):
            if (ex.gold_set, ex.article) == art:
                probs[k] = [config.score(f) for _, f, _ in ex.pairs]
    return probs
