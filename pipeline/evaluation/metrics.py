"""Counts behind precision, recall, F1 and accuracy, shared by every evaluation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class PRF:
    """Matched predictions, matched gold items and totals.

    ``tp_pred`` and ``tp_gold`` differ under relaxed matching, where one prediction may
    overlap several gold items (and the reverse).
    """

    tp_pred: int = 0
    tp_gold: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that match gold."""
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found."""
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        """Add another group's counts to this one."""
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold


@dataclass(slots=True)
class Accuracy:
    """Correct over total, on matched items."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one matched item."""
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float:
        """The accuracy (0 when nothing was matched)."""
        return self.correct / self.total if self.total else 0.0
