"""Batch: run the whole pipeline over a corpus folder into an output folder.

ingest (lazy walk) -> store lookup (incremental) -> nlp stream -> store -> export.
Nothing here prints: progress goes through the ``progress`` callback given by the CLI.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import platform
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.errors import OutputError, UsageError
from pipeline.ingest import Skipped, iter_articles, iter_input_files
from pipeline.ingest.language import detect_language
from pipeline.outputs.export import (
    CORPUS_TABLES,
    PER_DOCUMENT_TABLES,
    write_json,
    write_jsonl,
    write_outputs,
)
from pipeline.records import Article, ErrorRecord, to_dict
from pipeline.runner.store import RecordStore
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: progress callback: ("total", n_files) once, ("grow", 1) per extra article found in a
#: multi-article file, ("article", 1) per article done, ("error", ErrorRecord) per
#: failed input as soon as it is known
ProgressHook = Callable[[str, Any], None]

CACHE_FILE = Path(".cache") / "records.sqlite"


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """What a run did, for the end-of-run table and ``run.json``."""

    corpus: str
    out_dir: str
    files: int
    articles: int
    processed: int
    reused: int
    failed: int
    skipped: int
    entities: int
    dates: int
    events: int
    people: int
    quotes: int
    seconds: float
    nlp_seconds: float
    outputs_rewritten: bool
    errors: tuple[ErrorRecord, ...]

    @property
    def exit_code(self) -> int:
        """0 when every input was processed, 1 when some failed."""
        return 1 if self.failed else 0


def package_version() -> str:
    """The installed version of this package."""
    try:
        return metadata.version("fr-news-pipeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def versions(model: str) -> dict[str, str]:
    """Versions of everything that shapes the records: package, Python, spaCy, model.

    Read from the installed distributions' metadata: importing spaCy here would add a
    second to every (even unchanged) run.
    """
    out = {"pipeline": package_version(), "python": platform.python_version()}
    for name in ("spacy", model):
        try:
            out[name] = metadata.version(name.replace("_", "-"))
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def check_output_dir(out_dir: Path) -> None:
    """Create ``out_dir`` if needed and prove it is writable.

    Raises:
        OutputError: it cannot be created or written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise OutputError(f"output folder {out_dir} is not writable: {exc.strerror or exc}") from exc


def run(
    corpus: Path,
    out_dir: Path,
    settings: Settings,
    *,
    progress: ProgressHook | None = None,
) -> RunSummary:
    """Process every article under ``corpus`` and write the outputs to ``out_dir``.

    Incremental: an article whose content and settings are unchanged since a previous
    run into the same ``out_dir`` is taken from the store, not processed again (unless
    ``settings.force``). Resumable: records are committed as they are made.

    Args:
        corpus: the folder of input articles (searched recursively).
        out_dir: the output folder (created if missing).
        settings: the run settings.
        progress: optional callback for progress display.

    Returns:
        The :class:`RunSummary`.

    Raises:
        UsageError: ``corpus`` is not a folder.
        OutputError: ``out_dir`` is not writable.
    """
    started = time.perf_counter()
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    check_output_dir(out_dir)
    if settings.engine == "dask":
        from pipeline.runner.dask_engine import run_dask

        return run_dask(corpus, out_dir, settings, progress=progress)
    _remove_partial_files(out_dir)
    notify = progress or (lambda _event, _n: None)
    notify("total", sum(1 for item in iter_input_files(corpus, follow_symlinks=settings.follow_symlinks)
                        if isinstance(item, Path)))

    try:
        return _run(corpus, out_dir, settings, notify, started)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError(f"cannot write outputs to {out_dir}: {reason}") from exc


def _remove_partial_files(out_dir: Path) -> None:
    # Temporary files of a run that was killed while writing; the store has its data.
    for leftover in out_dir.glob(".*.partial"):
        leftover.unlink(missing_ok=True)


def _run(corpus: Path, out_dir: Path, settings: Settings, notify: ProgressHook, started: float) -> RunSummary:
    store = RecordStore(out_dir / CACHE_FILE)
    run_id = uuid.uuid4().hex
    fingerprint = f"{package_version()}:{settings.fingerprint()}"
    errors: list[ErrorRecord] = []
    skipped: list[Skipped] = []
    counts = {"files": 0, "articles": 0, "processed": 0, "reused": 0}
    #: doc_id -> (seq, content_hash) of the articles in flight
    in_flight: dict[str, tuple[int, str]] = {}
    seen: dict[str, str] = {}
    state = hashlib.sha256(f"{fingerprint}:{settings.output_format}".encode())

    def iter_todo() -> Iterator[Article]:
        seq = 0
        for item in iter_input_files(corpus, follow_symlinks=settings.follow_symlinks):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            counts["files"] += 1
            for n_in_file, result in enumerate(
                iter_articles(item, root=corpus, max_bytes=settings.max_file_bytes)
            ):
                if n_in_file:
                    # the total was counted in files: a JSONL file's extra lines add to it
                    notify("grow", 1)
                if isinstance(result, ErrorRecord):
                    errors.append(result)
                    notify("error", result)
                    continue
                counts["articles"] += 1
                if result.doc_id in seen:
                    duplicate = duplicate_id_error(result.source, result.id, seen[result.doc_id])
                    errors.append(duplicate)
                    notify("error", duplicate)
                    continue
                seen[result.doc_id] = result.source
                seq += 1
                # A stored record was made under the same settings (non_french included),
                # so an unchanged article needs neither language detection nor NLP.
                if not settings.force and store.reuse(
                    doc_id=result.doc_id, content_hash=result.content_hash,
                    fingerprint=fingerprint, run_id=run_id, seq=seq,
                ):
                    state.update(f"{result.doc_id}:{result.content_hash}\n".encode())
                    counts["reused"] += 1
                    notify("article", 1)
                    continue
                article = screen_language(result, settings)
                if isinstance(article, Skipped):
                    skipped.append(article)
                    notify("article", 1)
                    continue
                state.update(f"{article.doc_id}:{article.content_hash}\n".encode())
                in_flight[article.doc_id] = (seq, article.content_hash)
                yield article

    totals = {"entities": 0, "dates": 0, "events": 0, "people": 0, "quotes": 0}
    nlp_started = time.perf_counter()
    todo = iter_todo()
    first = next(todo, None)
    try:
        if first is not None:
            from pipeline.nlp import stream_records

            since_commit = 0
            for result in stream_records(_chain(first, todo), settings):
                notify("article", 1)
                if isinstance(result, ErrorRecord):
                    errors.append(result)
                    notify("error", result)
                    continue
                seq, content_hash = in_flight.pop(result.doc_id)
                store.put(doc_id=result.doc_id, source=result.source, content_hash=content_hash,
                          fingerprint=fingerprint, record=to_dict(result), run_id=run_id, seq=seq)
                counts["processed"] += 1
                since_commit += 1
                if since_commit >= settings.batch_size:
                    store.commit()
                    since_commit = 0
        store.commit()
        nlp_seconds = time.perf_counter() - nlp_started
        pruned = store.prune(run_id)

        state_digest = state.hexdigest()
        rewrite = _needs_rewrite(out_dir, settings, state_digest, counts["processed"] + pruned)
        if rewrite:
            _export(store, run_id, out_dir, settings, totals)
        else:
            for record in store.iter_records(run_id):
                _count(record, totals)
    finally:
        store.close()

    errors_sorted = tuple(errors)
    write_jsonl(out_dir / "errors.jsonl", (to_dict(e) for e in errors_sorted))
    summary = RunSummary(
        corpus=str(corpus), out_dir=str(out_dir), files=counts["files"], articles=counts["articles"],
        processed=counts["processed"], reused=counts["reused"], failed=len(errors_sorted),
        skipped=len(skipped), seconds=time.perf_counter() - started, nlp_seconds=nlp_seconds,
        outputs_rewritten=rewrite, errors=errors_sorted, **totals,
    )
    write_json(out_dir / "run.json", run_manifest(summary, settings, skipped, state_digest))
    return summary


def duplicate_id_error(source: str, input_id: str | None, first: str) -> ErrorRecord:
    """The error of an article whose id the article at ``first`` already used (both engines)."""
    return ErrorRecord(
        source=source, stage="ingest", error_type="DuplicateId", message=f"id {input_id!r} already used by {first}"
    )


def screen_language(article: Article, settings: Settings) -> Article | Skipped:
    """With ``--non-french skip``: the article with its language, or why it is skipped.

    Otherwise the article as it is: the worker identifies its language with the NLP
    (:func:`pipeline.nlp.iter_records`), off the process that reads the corpus.
    Shared by the local and the Dask engine.
    """
    if settings.non_french != "skip":
        return article
    article = dataclasses.replace(article, lang=detect_language(article.text))
    if article.lang in (None, "fr"):
        return article
    return Skipped(source=article.source, reason=f"not French (detected: {article.lang})")


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _count(record: dict[str, Any], totals: dict[str, int]) -> None:
    for key in totals:
        totals[key] += len(record.get(key) or ())


def _needs_rewrite(out_dir: Path, settings: Settings, state_digest: str, changes: int) -> bool:
    if settings.force or changes:
        return True
    suffix = ".parquet" if settings.output_format == "parquet" else ".csv"
    expected = [out_dir / "documents.jsonl"] + [
        out_dir / f"{name}{suffix}" for name in (*PER_DOCUMENT_TABLES, *CORPUS_TABLES)
    ]
    return previous_run(out_dir, state_digest, expected) is None


def previous_run(out_dir: Path, state_digest: str, expected: Iterable[Path]) -> dict[str, Any] | None:
    """The previous run's ``run.json`` if it ended in this state and its ``expected`` outputs exist.

    Both engines ask this before rewriting outputs that an unchanged run would rewrite
    identically.
    """
    if not all(path.is_file() for path in expected):
        return None
    try:
        previous: dict[str, Any] = json.loads((out_dir / "run.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return previous if previous.get("state_digest") == state_digest else None


def _export(store: RecordStore, run_id: str, out_dir: Path, settings: Settings, totals: dict[str, int]) -> None:
    from pipeline.entities import EntityIndex

    index = EntityIndex()

    def on_record(record: dict[str, Any]) -> None:
        _count(record, totals)
        index.add_dict(record)

    write_outputs(
        out_dir,
        store.iter_records(run_id),
        fmt=settings.output_format,
        corpus_tables=lambda: {"entities": index.entity_rows(), "cooccurrences": index.cooccurrence_rows()},
        on_record=on_record,
    )


def run_manifest(summary: RunSummary, settings: Settings, skipped: list[Skipped], state_digest: str) -> dict[str, Any]:
    """The content of ``run.json`` (shared by the local and the Dask engine)."""
    counts = {k: v for k, v in dataclasses.asdict(summary).items() if k not in ("errors", "corpus", "out_dir")}
    return {
        "corpus": summary.corpus,
        "out_dir": summary.out_dir,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "exit_code": summary.exit_code,
        "counts": counts,
        "versions": versions(settings.model),
        "settings": settings.to_dict(),
        "host": {"platform": platform.platform(), "cpus": os.cpu_count(), "argv0": sys.argv[0]},
        "skipped": [dataclasses.asdict(s) for s in skipped],
        "state_digest": state_digest,
    }
