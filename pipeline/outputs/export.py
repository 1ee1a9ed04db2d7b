"""Export: write records as JSONL, Parquet (or CSV) tables, errors and the run manifest.

The only module that knows pyarrow. Every table has an explicit schema (the column
order and types below are the contract dashboards rely on). Each file is written to a
temporary name in the output folder and moved into place with ``os.replace``, so a
killed run leaves either the previous good file or the new one, never half a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.errors import OutputError, UsageError

Row = dict[str, Any]
Format = Literal["parquet", "csv"]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: the separator of list columns (tags, aliases, titles, participants) in CSV files,
#: which have no list type: never found in names
LIST_SEP = " | "

#: day columns (published, day, first/last_published): a timestamp at midnight, so that
#: pandas reads them as datetime64 (``.dt.year``) and DuckDB as TIMESTAMP; Arrow's date32
#: would come back to pandas as Python ``date`` objects (dtype object)
DAY = pa.timestamp("ms")
#: list columns: empty is an empty list, never null or ''
NAMES = pa.list_(pa.string())


def _day(value: str | None) -> dt.datetime | None:
    """A full ISO day as midnight of that day; anything coarser or fuzzier stays out."""
    if value and _ISO_DAY.match(value):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


# --- table schemas -------------------------------------------------------------------

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("id", pa.string()), ("source", pa.string()),
        ("title", pa.string()), ("published", DAY), ("published_inferred", pa.string()),
        ("published_inferred_from", pa.string()), ("published_inferred_evidence", pa.string()),
        ("url", pa.string()), ("tags", NAMES), ("lang", pa.string()), ("n_chars", pa.int64()),
        ("n_entities", pa.int64()), ("n_dates", pa.int64()), ("n_events", pa.int64()),
        ("n_people", pa.int64()), ("n_quotes", pa.int64()), ("text", pa.string()),
    ]),
    "mentions": pa.schema([
        ("doc_id", pa.string()), ("entity_id", pa.string()), ("canonical", pa.string()),
        ("text", pa.string()), ("label", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("sentence", pa.int64()), ("published", DAY),
    ]),
    "dates": pa.schema([
        ("doc_id", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("type", pa.string()), ("value", pa.string()), ("day", DAY),
        ("granularity", pa.string()), ("mod", pa.string()), ("anchor", pa.string()),
    ]),
    "events": pa.schema([
        ("doc_id", pa.string()), ("event_id", pa.string()), ("type", pa.string()),
        ("name", pa.string()), ("trigger", pa.string()), ("date", pa.string()),
        ("day", DAY), ("date_text", pa.string()), ("status", pa.string()),
        ("location", pa.string()), ("participants", NAMES), ("n_participants", pa.int64()),
        ("n_quantities", pa.int64()), ("confidence", pa.float64()), ("evidence_start", pa.int64()),
        ("evidence_end", pa.int64()), ("evidence_text", pa.string()), ("n_evidence", pa.int64()),
        ("published", DAY),
    ]),
    "event_participants": pa.schema([
        ("doc_id", pa.string()), ("event_id", pa.string()), ("name", pa.string()),
        ("label", pa.string()), ("role", pa.string()), ("entity_id", pa.string()),
    ]),
    "event_quantities": pa.schema([
        ("doc_id", pa.string()), ("event_id", pa.string()), ("value", pa.float64()),
        ("approximate", pa.bool_()), ("unit", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()),
    ]),
    "people": pa.schema([
        ("doc_id", pa.string()), ("name", pa.string()), ("titles", NAMES),
        ("affiliation", pa.string()), ("n_mentions", pa.int64()), ("entity_id", pa.string()),
    ]),
    "quotes": pa.schema([
        ("doc_id", pa.string()), ("speaker", pa.string()), ("speaker_title", pa.string()),
        ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("verb", pa.string()),
    ]),
    "entities": pa.schema([
        ("entity_id", pa.string()), ("canonical", pa.string()), ("label", pa.string()),
        ("aliases", NAMES), ("n_documents", pa.int64()), ("n_mentions", pa.int64()),
        ("first_published", DAY), ("last_published", DAY),
    ]),
    "cooccurrences": pa.schema([
        ("entity_id_a", pa.string()), ("entity_id_b", pa.string()), ("canonical_a", pa.string()),
        ("canonical_b", pa.string()), ("label_a", pa.string()), ("label_b", pa.string()),
        ("n_documents", pa.int64()), ("n_cooccurrences", pa.int64()),
    ]),
}

#: tables with one or more rows per document, in the order they are written
PER_DOCUMENT_TABLES = (
    "documents", "mentions", "dates", "events", "event_participants", "event_quantities",
    "people", "quotes",
)
#: corpus-level tables built from all documents at the end
CORPUS_TABLES = ("entities", "cooccurrences")


def iter_table_rows(record: Row) -> Iterator[tuple[str, Row]]:
    """Flatten one ``documents.jsonl`` record into ``(table, row)`` pairs."""
    doc_id = record["doc_id"]
    published = _day(record.get("published"))
    inferred = record.get("published_inferred") or {}
    yield "documents", {
        "doc_id": doc_id, "id": record.get("id"), "source": record["source"],
        "title": record.get("title"), "published": published,
        # the TIMEX value as inferred (a day or a month: "2021-10"), not a timestamp that
        # would make a month look like its first day
        "published_inferred": inferred.get("value"), "published_inferred_from": inferred.get("inferred_from"),
        "published_inferred_evidence": inferred.get("evidence"), "url": record.get("url"),
        "tags": list(record.get("tags") or []), "lang": record.get("lang"),
        "n_chars": len(record["text"]), "n_entities": len(record["entities"]),
        "n_dates": len(record["dates"]), "n_events": len(record["events"]),
        "n_people": len(record["people"]), "n_quotes": len(record["quotes"]),
        "text": record["text"],
    }
    for m in record["entities"]:
        yield "mentions", {
            "doc_id": doc_id, "entity_id": m.get("entity_id"), "canonical": m.get("canonical") or m["text"],
            "text": m["text"], "label": m["label"], "start": m["start"], "end": m["end"],
            "sentence": m.get("sentence"), "published": published,
        }
    for d in record["dates"]:
        yield "dates", {**{k: d.get(k) for k in ("text", "start", "end", "type", "value", "granularity", "mod", "anchor")},
                        "doc_id": doc_id, "day": _day(d.get("value"))}
    for e in record["events"]:
        evidence = e.get("evidence") or []
        first = evidence[0] if evidence else {}
        yield "events", {
            "doc_id": doc_id, "event_id": e["event_id"], "type": e["type"], "name": e.get("name"),
            "trigger": e.get("trigger"), "date": e.get("date"), "day": _day(e.get("date")),
            "date_text": e.get("date_text"), "status": e.get("status"), "location": e.get("location"),
            "participants": [p["name"] for p in e.get("participants") or []],
            "n_participants": len(e.get("participants") or []),
            "n_quantities": len(e.get("quantities") or []), "confidence": e.get("confidence"),
            "evidence_start": first.get("start"), "evidence_end": first.get("end"),
            "evidence_text": first.get("text"), "n_evidence": len(evidence), "published": published,
        }
        for p in e.get("participants") or []:
            yield "event_participants", {"doc_id": doc_id, "event_id": e["event_id"], **p}
        for q in e.get("quantities") or []:
            yield "event_quantities", {"doc_id": doc_id, "event_id": e["event_id"], **q}
    for p in record["people"]:
        yield "people", {
            "doc_id": doc_id, "name": p["name"], "titles": list(p.get("titles") or []),
            "affiliation": p.get("affiliation"), "n_mentions": len(p.get("mentions") or []),
            "entity_id": p.get("entity_id"),
        }
    for q in record["quotes"]:
        yield "quotes", {"doc_id": doc_id, **q}


# --- CSV: no list type, days as plain dates ----------------------------------------------


def csv_schema(schema: pa.Schema) -> pa.Schema:
    """The CSV form of a table schema: list columns as ``" | "``-joined strings, day
    columns as dates (``2021-03-04``)."""
    return pa.schema([
        pa.field(f.name, pa.string() if pa.types.is_list(f.type) else pa.date32() if f.type == DAY else f.type)
        for f in schema
    ])


def _to_csv_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns = []
    for field, column in zip(batch.schema, batch.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, LIST_SEP)
        elif field.type == DAY:
            column = column.cast(pa.date32())
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=csv_schema(batch.schema))


def _from_csv_table(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A table read from CSV with :func:`csv_schema` types, back in the table's own types."""
    columns = []
    for field in schema:
        column = table.column(field.name)
        if pa.types.is_list(field.type):
            column = pa.array([value.split(LIST_SEP) if value else [] for value in column.to_pylist()], type=field.type)
        elif field.type == DAY:
            column = column.cast(DAY)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


# --- atomic files ----------------------------------------------------------------------


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; move it into place on success only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; outputs are meant to be shared like any other file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[IO[str]]:
    """Open a text file that replaces ``target`` atomically when the block succeeds."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        yield handle


def write_json(target: Path, data: Any) -> None:
    """Write one JSON document atomically (indented, UTF-8)."""
    with atomic_text(target) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2, default=str)
        handle.write("\n")


def write_jsonl(target: Path, rows: Iterable[Any]) -> int:
    """Write JSON lines atomically.

    Returns:
        The number of lines written.
    """
    n = 0
    with atomic_text(target) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, default=str))
            handle.write("\n")
            n += 1
    return n


class _TableWriter:
    """Streams rows of one table into a Parquet or CSV file, a row group at a time."""

    def __init__(self, target: Path, schema: pa.Schema, fmt: Format, *, flush_rows: int = 5000) -> None:
        self._ctx = atomic_path(target)
        self._tmp = self._ctx.__enter__()
        self._schema = schema
        self._rows: list[Row] = []
        self._flush_rows = flush_rows
        self._csv = fmt == "csv"
        if fmt == "parquet":
            self._writer: Any = pq.ParquetWriter(self._tmp, schema, compression="zstd")
        else:
            self._writer = pacsv.CSVWriter(self._tmp, csv_schema(schema))

    def add(self, row: Row) -> None:
        self._rows.append(row)
        if len(self._rows) >= self._flush_rows:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            batch = pa.RecordBatch.from_pylist(self._rows, schema=self._schema)
            if self._csv:
                batch = _to_csv_batch(batch)
            self._writer.write_batch(batch) if hasattr(self._writer, "write_batch") else self._writer.write(batch)
            self._rows = []

    def close(self, *, ok: bool) -> None:
        try:
            if ok:
                self.flush()
            self._writer.close()
        finally:
            if ok:
                self._ctx.__exit__(None, None, None)
            else:
                self._ctx.__exit__(RuntimeError, RuntimeError("aborted"), None)


def write_outputs(
    out_dir: Path,
    records: Iterable[Row],
    *,
    fmt: Format = "parquet",
    corpus_tables: Callable[[], dict[str, list[Row]]] | None = None,
    on_record: Callable[[Row], None] | None = None,
) -> int:
    """Write ``documents.jsonl`` and every table from a stream of records.

    Args:
        out_dir: the output folder.
        records: ``documents.jsonl`` records (plain dicts) in output order.
        fmt: ``parquet`` or ``csv`` for the tables.
        corpus_tables: called after the stream to get the corpus-level tables' rows.
        on_record: called with each record as it streams (to feed corpus aggregates).

    Returns:
        The number of documents written.

    Raises:
        OutputError: a file cannot be written.
    """
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    n = _write_documents(
        out_dir / "documents.jsonl",
        {name: out_dir / f"{name}{suffix}" for name in PER_DOCUMENT_TABLES},
        records,
        fmt=fmt,
        on_record=on_record,
    )
    if corpus_tables is not None:
        for name, rows in corpus_tables().items():
            _write_table(out_dir / f"{name}{suffix}", name, (_corpus_row(row) for row in rows), fmt=fmt)
    return n


def _write_table(target: Path, name: str, rows: Iterable[Row], *, fmt: Format) -> None:
    """Write one table's rows to ``target`` atomically."""
    writer = _TableWriter(target, SCHEMAS[name], fmt)
    ok = False
    try:
        for row in rows:
            writer.add(row)
        ok = True
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        writer.close(ok=ok)


def _write_documents(
    jsonl_target: Path,
    table_targets: dict[str, Path],
    records: Iterable[Row],
    *,
    fmt: Format,
    on_record: Callable[[Row], None] | None = None,
) -> int:
    """Stream records into their JSONL file and every per-document table at once."""
    writers: dict[str, _TableWriter] = {}
    ok = False
    try:
        for name, target in table_targets.items():
            writers[name] = _TableWriter(target, SCHEMAS[name], fmt)

        def stream() -> Iterator[Row]:
            for record in records:
                for table, row in iter_table_rows(record):
                    writers[table].add(row)
                if on_record is not None:
                    on_record(record)
                yield record

        n = write_jsonl(jsonl_target, stream())
        ok = True
        return n
    except OSError as exc:
        raise OutputError(f"cannot write to {jsonl_target.parent}: {exc.strerror or exc}") from exc
    finally:
        for writer in writers.values():
            writer.close(ok=ok)


# --- reading the outputs back ------------------------------------------------------------


def _corpus_row(row: Row) -> Row:
    """A corpus-table row as its schema wants it (dates as days, lists as lists)."""
    row = {**row}
    for key in ("first_published", "last_published"):
        if key in row:
            row[key] = _day(row[key])
    if isinstance(row.get("aliases"), (list, tuple)):
        row["aliases"] = list(row["aliases"])
    return row


def read_tables(out_dir: Path) -> dict[str, Any]:
    """Every table of an output folder as a pandas DataFrame typed by its schema.

    Parquet or CSV, whichever the run wrote; columns keep the Arrow types of
    :data:`SCHEMAS` (``pd.ArrowDtype``), so days are timestamps, lists are lists and
    counts integers in both.
    ``errors`` (from ``errors.jsonl``) is added when the run wrote one.

    Raises:
        UsageError: the folder holds no tables.
    """
    import pandas as pd

    frames: dict[str, Any] = {}
    for name, schema in SCHEMAS.items():
        parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
        if parquet.is_file():
            table = pq.read_table(parquet, schema=schema)
        elif csv.is_file():
            table = pacsv.read_csv(csv, convert_options=pacsv.ConvertOptions(
                column_types=csv_schema(schema), strings_can_be_null=True, quoted_strings_can_be_null=False,
            )).select(schema.names)
            table = _from_csv_table(table, schema)
        else:
            continue
        frames[name] = table.to_pandas(types_mapper=pd.ArrowDtype)
    if not frames:
        raise UsageError(f"no output tables in {out_dir} (expected documents.parquet or documents.csv)")
    errors = out_dir / "errors.jsonl"
    if errors.is_file():
        rows = [json.loads(line) for line in errors.read_text("utf-8").splitlines() if line.strip()]
        frames["errors"] = pd.DataFrame(rows, columns=["source", "stage", "error_type", "message"]).astype(
            pd.ArrowDtype(pa.string())
        )
    return frames
