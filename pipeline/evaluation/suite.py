"""The ``pipeline eval`` suite: score every layer a gold file annotates, in one run.

Gold format: the JSONL of ``shared/benchmarks/`` (``text``, ``entities``, ``timex``,
``dct`` or ``meta.date``), extended with ``events``, ``people`` and ``quotes`` for the
team's own corpus gold (``tests/gold/``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language

from pipeline.errors import UsageError
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: task -> the gold field that must be present for it
TASKS: dict[str, str] = {"entities": "entities", "dates": "timex", "events": "events"}


class Report(Protocol):
    """A score table."""

    def to_text(self) -> str:
        """Render the table for a terminal."""
        ...


@dataclass(frozen=True, slots=True)
class TaskReport:
    """One task's scores on one gold file."""

    task: str
    n_docs: int
    report: Report


def load_gold_docs(path: Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file.

    Raises:
        UsageError: the file is missing or a line is not a JSON object with a text.
    """
    if not path.is_file():
        raise UsageError(f"gold file not found: {path}")
    docs: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}: line {n} is not valid JSON ({exc.msg})") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise UsageError(f"{path}: line {n} has no text field")
        docs.append(doc)
    return docs


def available_tasks(docs: Sequence[dict[str, Any]]) -> list[str]:
    """The tasks whose gold field some document of ``docs`` annotates."""
    return [task for task, field in TASKS.items() if any(doc.get(field) for doc in docs)]


def evaluate(path: Path, settings: Settings, *, tasks: Sequence[str] | None = None) -> list[TaskReport]:
    """Score the pipeline on a gold file.

    Args:
        path: the gold JSONL.
        settings: model and gazetteer to evaluate.
        tasks: subset of ``entities``, ``dates``, ``events``; default: all the gold annotates.

    Returns:
        One :class:`TaskReport` per task.

    Raises:
        UsageError: bad gold file or unknown task.
    """
    import spacy

    from pipeline.nlp import build_nlp

    docs = load_gold_docs(path)
    chosen = list(tasks) if tasks else available_tasks(docs)
    unknown = [t for t in chosen if t not in TASKS]
    if unknown:
        raise UsageError(f"unknown task(s) {', '.join(unknown)}; choose from {', '.join(TASKS)}")
    reports: list[TaskReport] = []
    raw: Language | None = None
    full: Language | None = None
    for task in chosen:
        if task in ("entities", "dates") and raw is None:
            raw = spacy.load(settings.model)
        gold = [doc for doc in docs if TASKS[task] in doc]
        logger.info("evaluating %s on %d documents", task, len(gold))
        if task == "entities" and raw is not None:
            from pipeline.evaluation.entities import evaluate_entities, load_gold

            # The full pipeline, as `pipeline run` builds it by default: an entities-only
            # pipeline swaps the parser for the sentence recogniser, which shifts a few
            # sentence-start rules.
            full = full or build_nlp(Settings(model=settings.model, gazetteer=settings.gazetteer))
            report: Report = evaluate_entities(load_gold(path), raw, full)
        elif task == "dates" and raw is not None:
            from pipeline.evaluation.dates import evaluate_dates

            report = evaluate_dates(gold, raw)
        else:
            from pipeline.evaluation.events import evaluate_events

            full = full or build_nlp(Settings(model=settings.model, gazetteer=settings.gazetteer))
            report = evaluate_events(gold, full)
        reports.append(TaskReport(task=task, n_docs=len(gold), report=report))
    return reports
