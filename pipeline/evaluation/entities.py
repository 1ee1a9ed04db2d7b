"""Named-entity scores against gold annotations: the raw model and ours, side by side.

Strict scoring counts a predicted entity as correct when its span and label are exactly
those of a gold entity; relaxed scoring when it overlaps a gold entity of the same label
(and a gold entity as found when some predicted entity of its label overlaps it). Gold
labels other than PER/ORG/LOC/MISC (DATE, TIME, EVENT in WiNER) are ignored.

Named events: our EVENT label is a kind of MISC. WiNER labels events EVENT (ignored, as
above); a gold file without any EVENT entity (the team's press gold, the French TimeBank
entities) files named events under MISC, so there our EVENT is scored as MISC.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluation.metrics import PRF

logger = logging.getLogger(__name__)

#: labels scored one by one
LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
#: labels pooled into the overall score (MISC is too convention-dependent to pool)
OVERALL_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")
OVERALL = "PER+ORG+LOC"
MODES: tuple[str, ...] = ("strict", "relaxed")

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDoc:
    """One gold article: its text and its (start, end, label) entity spans."""

    id: str
    text: str
    entities: tuple[Span, ...]
    #: the label this gold gives named events: EVENT (not scored), or MISC in a scheme
    #: without an EVENT label
    event_label: str = "EVENT"


@dataclass(slots=True)
class SystemScores:
    """PRF per (mode, label) for one system, overall included."""

    counts: dict[tuple[str, str], PRF] = field(default_factory=dict)

    def get(self, mode: str, label: str) -> PRF:
        """PRF for ``mode`` ("strict"/"relaxed") and a label or :data:`OVERALL`."""
        if label == OVERALL:
            total = PRF()
            for lab in OVERALL_LABELS:
                total.add(self.get(mode, lab))
            return total
        return self.counts.setdefault((mode, label), PRF())


@dataclass(slots=True)
class EntityScores:
    """Scores of the raw model and of our pipeline on the same gold documents."""

    raw: SystemScores
    ours: SystemScores
    n_docs: int

    def to_text(self) -> str:
        """Render the side-by-side table (F1 delta = ours - raw, in points)."""
        header = (
            f"{'mode':<8} {'label':<12} {'gold':>5} | {'raw P':>6} {'raw R':>6} {'raw F1':>6}"
            f" | {'our P':>6} {'our R':>6} {'our F1':>6} | {'dF1':>6}"
        )
        lines = [f"Entities on {self.n_docs} documents", header, "-" * len(header)]
        for mode in MODES:
            for label in (*LABELS, OVERALL):
                raw, ours = self.raw.get(mode, label), self.ours.get(mode, label)
                lines.append(
                    f"{mode:<8} {label:<12} {raw.n_gold:>5} | {raw.precision:>6.3f} {raw.recall:>6.3f}"
                    f" {raw.f1:>6.3f} | {ours.precision:>6.3f} {ours.recall:>6.3f} {ours.f1:>6.3f}"
                    f" | {100 * (ours.f1 - raw.f1):>+6.1f}"
                )
        return "\n".join(lines)


def load_gold(path: Path) -> list[GoldDoc]:
    """Read a benchmark JSONL (see ``shared/benchmarks/README.md``).

    Args:
        path: the JSONL file; each line has ``id``, ``text`` and ``entities``.

    Returns:
        One :class:`GoldDoc` per line, keeping only PER/ORG/LOC/MISC entities; named
        events are MISC when no entity of the file is labelled EVENT.
    """
    with path.open(encoding="utf-8") as handle:
        rows: list[dict[str, Any]] = [json.loads(line) for line in handle if line.strip()]
    has_events = any(e["label"] == "EVENT" for row in rows for e in row.get("entities", ()))
    return [
        GoldDoc(
            id=str(row.get("id", k)),
            text=row["text"],
            entities=tuple(
                (int(e["start"]), int(e["end"]), str(e["label"]))
                for e in row.get("entities", ())
                if e["label"] in LABELS
            ),
            event_label="EVENT" if has_events else "MISC",
        )
        for k, row in enumerate(rows)
    ]


def spans_of(doc: Doc, *, event_label: str = "EVENT") -> tuple[Span, ...]:
    """The doc's entities as (start_char, end_char, label), scored labels only.

    Args:
        doc: a doc with entities.
        event_label: the label the gold gives named events (:attr:`GoldDoc.event_label`);
            our EVENT entities take it.
    """
    spans = (
        (ent.start_char, ent.end_char, event_label if ent.label_ == "EVENT" else ent.label_)
        for ent in doc.ents
    )
    return tuple(s for s in spans if s[2] in LABELS)


def score_spans(
    pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]], scores: SystemScores | None = None
) -> SystemScores:
    """Accumulate strict and relaxed counts over (gold spans, predicted spans) pairs.

    Args:
        pairs: per document, the gold spans and the predicted spans.
        scores: counts to add to (a new object when omitted).

    Returns:
        The accumulated :class:`SystemScores`.
    """
    scores = scores if scores is not None else SystemScores()
    for gold, pred in pairs:
        gold_set = set(gold)
        for label in LABELS:
            g = [s for s in gold if s[2] == label]
            p = [s for s in pred if s[2] == label]
            strict = scores.get("strict", label)
            strict.n_gold += len(g)
            strict.n_pred += len(p)
            hits = sum(1 for s in p if s in gold_set)
            strict.tp_pred += hits
            strict.tp_gold += hits
            relaxed = scores.get("relaxed", label)
            relaxed.n_gold += len(g)
            relaxed.n_pred += len(p)
            relaxed.tp_pred += sum(1 for s in p if any(_overlap(s, t) for t in g))
            relaxed.tp_gold += sum(1 for t in g if any(_overlap(s, t) for s in p))
    return scores


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_entities(
    gold_docs: Sequence[GoldDoc],
    nlp_raw: Language,
    nlp_ours: Language,
    *,
    batch_size: int = 32,
) -> EntityScores:
    """Score the raw model and our pipeline on the same gold documents.

    Args:
        gold_docs: the gold articles (see :func:`load_gold`).
        nlp_raw: the model alone (reference).
        nlp_ours: the model with our entity components.
        batch_size: ``nlp.pipe`` batch size.

    Returns:
        The :class:`EntityScores` of both systems.
    """
    texts = [g.text for g in gold_docs]
    results = []
    for name, nlp in (("raw", nlp_raw), ("ours", nlp_ours)):
        logger.info("running %s pipeline on %d documents", name, len(texts))
        predicted = (
            spans_of(doc, event_label=g.event_label)
            for g, doc in zip(gold_docs, nlp.pipe(texts, batch_size=batch_size), strict=True)
        )
        results.append(score_spans(zip((g.entities for g in gold_docs), predicted, strict=True)))
    return EntityScores(raw=results[0], ours=results[1], n_docs=len(gold_docs))


__all__ = [
    "LABELS",
    "OVERALL",
    "PRF",
    "EntityScores",
    "GoldDoc",
    "SystemScores",
    "evaluate_entities",
    "load_gold",
    "score_spans",
    "spans_of",
]
