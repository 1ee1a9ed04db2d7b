"""The ``pipeline eval`` suite: score every layer a gold file annotates, in one run.

Gold format (README, "Gold format"): one JSON object per line with ``text`` and any of
``entities``, ``timex`` (with ``dct`` or ``meta.date``), ``events``, ``people``,
``quotes``; ``tests/gold/corpora-gold-*.jsonl`` are examples, and the benchmarks of
``../shared/benchmarks/`` use the same format for entities and timex. Events, people
and quotes are scored by one suite (:mod:`pipeline.evaluation.events`), run once.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language

from pipeline.errors import UsageError
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: task -> the gold field it scores
TASKS: dict[str, str] = {
    "entities": "entities", "dates": "timex", "events": "events", "people": "people", "quotes": "quotes",
}
#: the tasks scored by the events suite, in one pass
EVENT_SUITE = ("events", "people", "quotes")
#: gold field -> the keys every item of it must have to be scored
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "entities": ("start", "end", "label"),
    "timex": ("start", "end", "type", "value"),
    "events": ("type",),
    "people": ("name",),
    "quotes": ("start", "end"),
}
FORMAT_HINT = "see the README, section 'Gold format'"


class Report(Protocol):
    """A score table."""

    def to_text(self) -> str:
        """Render the table for a terminal."""
        ...


@dataclass(frozen=True, slots=True)
class TaskReport:
    """One task's scores on one gold file (``events+people+quotes``: one suite)."""

    task: str
    n_docs: int
    report: Report


def load_gold_docs(path: Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file.

    Raises:
        UsageError: the file is missing or empty, a line is not a JSON object with a
            text, or the file is a pipeline output (``documents.jsonl``) rather than gold.
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
        if "dates" in doc and "timex" not in doc:
            raise UsageError(
                f"{path}: line {n} has 'dates' but no 'timex': this looks like a pipeline output "
                f"(documents.jsonl), not gold; gold dates are 'timex' items ({FORMAT_HINT})"
            )
        docs.append(doc)
    if not docs:
        raise UsageError(f"gold file {path} holds no document")
    return docs


def _problem(docs: Sequence[Mapping[str, Any]], field: str) -> str | None:
    """Why the ``field`` items of ``docs`` cannot be scored, or None when they can."""
    for n, doc in enumerate(docs, start=1):
        items = doc.get(field)
        if items is None:
            continue
        if not isinstance(items, list):
            return f"document {n}: '{field}' is not a list"
        for item in items:
            missing = [k for k in REQUIRED_KEYS[field] if not isinstance(item, dict) or k not in item]
            if missing:
                return f"document {n}: an item of '{field}' has no {', '.join(repr(k) for k in missing)}"
    return None


def available_tasks(docs: Sequence[dict[str, Any]]) -> list[str]:
    """The tasks whose gold field some document annotates, in a form that can be scored."""
    return [task for task, field in TASKS.items()
            if any(doc.get(field) for doc in docs) and _problem(docs, field) is None]


def choose_tasks(path: Path, docs: Sequence[dict[str, Any]], tasks: Sequence[str] | None) -> list[str]:
    """The tasks to score: ``tasks`` checked against the gold, or all it annotates.

    Raises:
        UsageError: an unknown task, a task the gold does not annotate or annotates in
            another format, or nothing to score at all.
    """
    if not tasks:
        chosen = available_tasks(docs)
        if not chosen:
            raise UsageError(f"nothing to score in {path}: no document annotates "
                             f"{', '.join(dict.fromkeys(TASKS.values()))} in the gold format ({FORMAT_HINT})")
        return chosen
    chosen = list(dict.fromkeys(tasks))
    unknown = [t for t in chosen if t not in TASKS]
    if unknown:
        raise UsageError(f"unknown task(s) {', '.join(unknown)}; choose from {', '.join(TASKS)}")
    for task in chosen:
        field = TASKS[task]
        if not any(field in doc for doc in docs):
            raise UsageError(f"cannot score {task}: no document of {path} has '{field}' ({FORMAT_HINT})")
        problem = _problem(docs, field)
        if problem is not None:
            raise UsageError(f"cannot score {task} on {path}: {problem} ({FORMAT_HINT})")
    return chosen


def _load_raw(model: str) -> Language:
    """The model as its package ships it: the reference the scores compare ours with."""
    import spacy

    from pipeline.nlp import model_missing

    try:
        return spacy.load(model)
    except OSError as exc:
        raise model_missing(model) from exc


def evaluate(path: Path, settings: Settings, *, tasks: Sequence[str] | None = None) -> list[TaskReport]:
    """Score the pipeline on a gold file.

    Args:
        path: the gold JSONL.
        settings: model and gazetteer to evaluate.
        tasks: subset of :data:`TASKS`; default: all the gold annotates. ``events``,
            ``people`` and ``quotes`` are scored together, in one report.

    Returns:
        One :class:`TaskReport` per task (one for the events suite).

    Raises:
        UsageError: bad gold file, unknown task or one the gold cannot be scored on,
            model not installed, bad gazetteer.
    """
    from pipeline.nlp import build_nlp

    docs = load_gold_docs(path)
    chosen = choose_tasks(path, docs, tasks)
    reports: list[TaskReport] = []
    raw: Language | None = None
    full: Language | None = None
    suite = [t for t in EVENT_SUITE if t in chosen]
    for task in [t for t in chosen if t not in EVENT_SUITE] + suite[:1]:
        if task in ("entities", "dates") and raw is None:
            raw = _load_raw(settings.model)
        if task == "entities" and raw is not None:
            from pipeline.evaluation.entities import evaluate_entities, load_gold

            # The full pipeline, as `pipeline run` builds it by default: an entities-only
            # pipeline swaps the parser for the sentence recogniser, which shifts a few
            # sentence-start rules.
            full = full or build_nlp(Settings(model=settings.model, gazetteer=settings.gazetteer))
            gold = [doc for doc in docs if "entities" in doc]
            report: Report = evaluate_entities(load_gold(path), raw, full)
        elif task == "dates" and raw is not None:
            from pipeline.evaluation.dates import evaluate_dates

            gold = [doc for doc in docs if "timex" in doc]
            report = evaluate_dates(gold, raw)
        else:
            from pipeline.evaluation.events import evaluate_events

            full = full or build_nlp(Settings(model=settings.model, gazetteer=settings.gazetteer))
            gold = [doc for doc in docs if any(TASKS[t] in doc for t in suite)]
            task = "+".join(suite)
            report = evaluate_events(gold, full)
        logger.info("evaluated %s on %d documents", task, len(gold))
        reports.append(TaskReport(task=task, n_docs=len(gold), report=report))
    return reports


def to_json(value: Any) -> Any:
    """Score objects as JSON-ready values, whatever their class.

    A dataclass becomes its fields plus its properties (``precision``, ``recall``,
    ``f1``, ``value``...); mappings keyed by tuples get ``strict/PER``-style keys;
    floats are rounded to 4 decimals.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name, None), property):
                out[name] = to_json(getattr(value, name))
        return out
    if isinstance(value, Mapping):
        return {"/".join(map(str, k)) if isinstance(k, tuple) else str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


def reports_json(path: Path, reports: Sequence[TaskReport]) -> dict[str, Any]:
    """What ``pipeline eval --json`` prints: the gold file and each task's scores."""
    return {"gold": str(path),
            "tasks": [{"task": r.task, "n_docs": r.n_docs, "scores": to_json(r.report)} for r in reports]}
