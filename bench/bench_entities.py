"""Entity scores: raw fr_core_news_md vs. the same model + our components, one run.

Usage::

    python bench/bench_entities.py    # WiNER dev, then the team's press gold (tests/gold)
    python bench/bench_entities.py --gold FILE.jsonl [--gold ...] [--limit N]

For each gold file, both systems are scored on the same texts: strict (exact span +
label) and relaxed (overlap + label) P/R/F1 per label and for PER+ORG+LOC, then the time
per article of the model and of ``fr_entity_fixes`` (a ratio, not a promise).
The model runs once; our component is applied to copies of the raw docs, which is what
``nlp.pipe`` with the component after ``ner`` computes.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import spacy
from spacy.language import Language

import pipeline.entities  # noqa: F401  (registers the spaCy factories)
from pipeline.evaluation.entities import EntityScores, load_gold, score_spans, spans_of

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WINER_DEV = SHARED / "benchmarks" / "winer-fr-dev.jsonl"
PRESS_GOLD = sorted((REPO / "tests" / "gold").glob("corpora-gold-*.jsonl"))


def bench(nlp: Language, gold_paths: list[Path], *, limit: int | None, batch_size: int) -> str:
    """Score raw vs. ours on the articles of some gold files; return the printable report."""
    gold = [g for path in gold_paths for g in load_gold(path)][:limit]
    texts = [g.text for g in gold]
    fixer = nlp.get_pipe("fr_entity_fixes")
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["fr_entity_fixes"]):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    t_model = time.perf_counter() - t0
    raw = score_spans((g.entities, spans_of(d)) for g, d in zip(gold, docs, strict=True))
    t0 = time.perf_counter()
    fixed = [fixer(d.copy()) for d in docs]
    t_fix = time.perf_counter() - t0
    ours = score_spans((g.entities, spans_of(d)) for g, d in zip(gold, fixed, strict=True))
    n = max(1, len(gold))
    return "\n".join(
        [
            "gold: " + ", ".join(_show(p) for p in gold_paths),
            EntityScores(raw=raw, ours=ours, n_docs=len(gold)).to_text(),
            f"time per article: model {1000 * t_model / n:.1f} ms, fr_entity_fixes "
            f"{1000 * t_fix / n:.2f} ms ({100 * t_fix / max(t_model, 1e-9):.1f}% of the model)",
        ]
    )


def _show(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(REPO.parent)) if path.is_relative_to(REPO.parent) else str(path)


def main() -> None:
    """Parse arguments, run both systems on each gold file, print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--gold", type=Path, action="append", help="gold JSONL, one table each (repeatable)"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    # by default: WiNER dev, then the team's press-release gold files as one set
    golds = [[path] for path in args.gold] if args.gold else [[WINER_DEV], PRESS_GOLD]
    nlp = spacy.load(args.model)
    nlp.add_pipe("fr_entity_fixes", after="ner")
    print(f"raw = {args.model} {nlp.meta.get('version')}; ours = raw + fr_entity_fixes")
    for paths in golds:
        if paths:
            print()
            print(bench(nlp, paths, limit=args.limit, batch_size=args.batch_size))


if __name__ == "__main__":
    main()
