"""Reading what ``pipeline run`` wrote: the tables as DataFrames, the documents one by one.

The index page works from the tables (pandas); article pages from ``documents.jsonl``,
read one record at a time so that the report never holds the corpus text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import UsageError
from pipeline.outputs.export import SCHEMAS

logger = logging.getLogger(__name__)

Row = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Tables:
    """The run's tables as DataFrames (empty, with the contract's columns, when missing)."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    cooccurrences: pd.DataFrame
    events: pd.DataFrame
    event_participants: pd.DataFrame
    people: pd.DataFrame
    quotes: pd.DataFrame
    dates: pd.DataFrame
    errors: pd.DataFrame
    run: dict[str, Any] = field(default_factory=dict)


def load_tables(out_dir: Path) -> Tables:
    """The tables, ``errors.jsonl`` and ``run.json`` of the run outputs in ``out_dir``."""
    names = ("documents", "mentions", "entities", "cooccurrences", "events", "event_participants",
             "people", "quotes", "dates")
    frames = {name: _read_table(out_dir, name) for name in names}
    errors_path = out_dir / "errors.jsonl"
    if errors_path.is_file() and errors_path.stat().st_size:
        errors = pd.read_json(errors_path, lines=True, dtype=False)
    else:
        errors = pd.DataFrame(columns=["source", "stage", "error_type", "message"])
    run: dict[str, Any] = {}
    run_path = out_dir / "run.json"
    if run_path.is_file():
        try:
            run = json.loads(run_path.read_text("utf-8"))
        except ValueError:
            logger.warning("run.json in %s is not valid JSON; the report leaves it out", out_dir)
    return Tables(**frames, errors=errors, run=run)


def _read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """One table, from Parquet or (``--format csv``) CSV; an empty frame when absent.

    The article text column is not read: the index never shows it and it is most of
    the bytes of a large corpus (article pages read ``documents.jsonl`` instead).
    """
    columns = [c for c in SCHEMAS[name].names if c != "text" or name != "documents"]
    parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    if parquet.is_file():
        present = set(pq.read_schema(parquet).names)
        return pd.read_parquet(parquet, columns=[c for c in columns if c in present])
    if csv.is_file() and csv.stat().st_size:
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False, usecols=lambda c: c in columns)
        frame = frame.replace({"": None})
        for column in SCHEMAS[name]:
            if column.name in frame and (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
                frame[column.name] = pd.to_numeric(frame[column.name], errors="coerce")
        return frame
    logger.warning("%s has no %s table; the report shows it as empty", out_dir, name)
    return pd.DataFrame(columns=columns)


def iter_documents(path: Path) -> Iterator[Row]:
    """``documents.jsonl`` one record at a time (article pages never hold the corpus).

    Raises:
        UsageError: a line is not a JSON object (the file was not written by ``pipeline run``).
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{path} line {number} is not valid JSON: {exc}") from None
            if not isinstance(record, dict) or "doc_id" not in record:
                raise UsageError(f"{path} line {number} is not a document record")
            yield record


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column, or an empty one when an older output lacks it."""
    return frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index, dtype=object)
