"""Distributed: the same pipeline on a Dask cluster, one task per partition of input files.

The client lists the input files and cuts them into partitions of similar byte size;
each partition is one task (``Client.submit``) that ingests its files, runs the same
``nlp.pipe`` stream as the local engine (:func:`pipeline.nlp.iter_records`, one process
per task) and writes its own part files of the output datasets
(:func:`pipeline.outputs.export.write_partition`):

    OUT/documents/part-00000.jsonl        the records (documents.jsonl, partitioned)
    OUT/mentions/part-00000.parquet       one folder per table: pd.read_parquet(OUT / "mentions")
    OUT/documents_table/part-00000.parquet
    OUT/entities/part-00000.parquet       corpus tables, built by the client from the parts
    OUT/errors.jsonl, OUT/run.json        written by the client, as in the local engine

The model is loaded once per worker process (a per-process cache keyed by the settings
that shape the pipeline) and the workers write straight to ``OUT``, so with several
machines ``OUT`` and the corpus must be on storage every worker sees at the same path.

A partition whose files (names, sizes, modification times) and settings are unchanged
since the previous run into ``OUT`` is not submitted again: its part files and its
manifest (``OUT/_partitions/part-N.json``) are reused, unless ``settings.force``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import math
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError
from pipeline.ingest import Skipped, iter_articles, iter_input_files, relative_source
from pipeline.outputs.export import (
    PER_DOCUMENT_TABLES,
    dataset_dir,
    part_name,
    write_corpus_datasets,
    write_json,
    write_jsonl,
    write_partition,
)
from pipeline.records import Article, ErrorRecord, to_dict
from pipeline.runner.core import (
    ProgressHook,
    RunSummary,
    check_output_dir,
    duplicate_id_error,
    package_version,
    previous_run,
    run_manifest,
    screen_language,
)
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: a partition holds about this many input bytes (a few hundred press articles)...
PARTITION_BYTES = 2_000_000
#: ...but there are at least this many partitions per worker, so that work balances
PARTITIONS_PER_WORKER = 4
#: per-partition manifests (the folder name starts with "_": dataset readers skip it)
MANIFEST_DIR = "_partitions"

_COUNTED = ("entities", "dates", "events", "people", "quotes")

#: Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, to hand freed
#: memory back to the OS. Setting it at all turns off glibc's sliding mmap threshold,
#: so the large arrays the model allocates for every batch are mapped and unmapped each
#: time: on 1,000 bench articles with 2 workers, 4x the system time (17.5 s against
#: 4.4 s) and 65.7 s against 52.3 s in all. Our workers start without it, like the
#: local engine's. (``docs/dask/pipeline.yaml`` does the same for ``dask worker``.)
WORKER_CONFIG: dict[str, Any] = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Partition:
    """One task's input: a run of consecutive input files."""

    part: int
    files: tuple[str, ...]
    #: hash of the files' names, sizes and mtimes and of the settings: unchanged means reusable
    key: str


def plan_partitions(
    files: Sequence[Path], corpus: Path, settings: Settings, *, target_bytes: int = PARTITION_BYTES
) -> list[Partition]:
    """Cut the input files into partitions of similar byte size, in corpus order.

    Args:
        files: the input files, in the stable order of ``iter_input_files``.
        corpus: the corpus folder (partition keys use paths relative to it).
        settings: the run settings (their fingerprint is part of each key).
        target_bytes: about how many input bytes a partition holds.

    Returns:
        The partitions, numbered from 0; empty for no files.
    """
    if not files:
        return []
    sizes, stamps = [], []
    for path in files:
        try:
            st = path.stat()
            sizes.append(st.st_size)
            stamps.append(f"{path.relative_to(corpus).as_posix()}:{st.st_size}:{st.st_mtime_ns}")
        except (OSError, ValueError):
            # unreadable now: the task will report it; never reuse a partition holding it
            sizes.append(0)
            stamps.append(f"{path}:missing:{time.time_ns()}")
    total = sum(sizes)
    n_parts = max(math.ceil(total / target_bytes), settings.workers * PARTITIONS_PER_WORKER)
    n_parts = min(n_parts, len(files))
    per_part = total / n_parts
    fingerprint = f"{package_version()}:{settings.fingerprint()}:{settings.output_format}"

    partitions: list[Partition] = []
    start, filled = 0, 0
    for i, size in enumerate(sizes):
        filled += size
        # close the k-th partition once the running total passes k shares of the bytes
        # or of the files (many small files before one big one still make several tasks)
        k = len(partitions) + 1
        if k < n_parts and (filled >= per_part * k or (i + 1) * n_parts >= len(files) * k):
            partitions.append(_partition(k - 1, files[start:i + 1], stamps[start:i + 1], fingerprint))
            start = i + 1
    if start < len(files):
        partitions.append(_partition(len(partitions), files[start:], stamps[start:], fingerprint))
    return partitions


def _partition(part: int, files: Sequence[Path], stamps: Sequence[str], fingerprint: str) -> Partition:
    digest = hashlib.sha256(fingerprint.encode())
    for stamp in stamps:
        digest.update(stamp.encode() + b"\n")
    # absolute paths: a worker's working folder is not the client's
    return Partition(part=part, files=tuple(str(f.absolute()) for f in files), key=digest.hexdigest())


# --- on the worker --------------------------------------------------------------------

def process_partition(partition: Partition, corpus: str, out_dir: str, settings: Settings) -> dict[str, Any]:
    """Run the whole pipeline over one partition and write its part files (a Dask task).

    Args:
        partition: the files to process.
        corpus: the corpus folder (sources are named relative to it).
        out_dir: the output folder, seen from the worker.
        settings: the run settings; the task itself always uses one process.

    Returns:
        The partition's manifest: counts, errors, skipped inputs, the digest of its
        articles (doc ids and content hashes), every article's (doc id, input id,
        source) for the client's duplicate check and the time spent, JSON-ready.
    """
    from pipeline.nlp import iter_records, worker_nlp_and_lock

    started = time.perf_counter()
    root, out = Path(corpus), Path(out_dir)
    task_settings = dataclasses.replace(settings, workers=1)
    nlp, lock = worker_nlp_and_lock(task_settings)
    errors: list[ErrorRecord] = []
    skipped: list[Skipped] = []
    counts = {"files": 0, "articles": 0, "processed": 0}
    state = hashlib.sha256()
    seen: dict[str, str] = {}
    # every article past ingest, in order: the client finds ids used in two partitions
    ids: list[tuple[str, str | None, str]] = []

    def iter_todo() -> Iterator[Article]:
        for name in partition.files:
            counts["files"] += 1
            for result in iter_articles(Path(name), root=root, max_bytes=settings.max_file_bytes):
                if isinstance(result, ErrorRecord):
                    errors.append(result)
                    continue
                counts["articles"] += 1
                if result.doc_id in seen:
                    errors.append(duplicate_id_error(result.source, result.id, seen[result.doc_id]))
                    continue
                seen[result.doc_id] = result.source
                ids.append((result.doc_id, result.id, result.source))
                article = screen_language(result, settings)
                if isinstance(article, Skipped):
                    skipped.append(article)
                    continue
                state.update(f"{article.doc_id}:{article.content_hash}\n".encode())
                yield article

    def iter_dicts() -> Iterator[dict[str, Any]]:
        for result in iter_records(nlp, iter_todo(), task_settings):
            if isinstance(result, ErrorRecord):
                errors.append(result)
                continue
            counts["processed"] += 1
            yield to_dict(result)

    with lock:
        write_partition(out, iter_dicts(), part=partition.part, fmt=settings.output_format)
    return {
        "part": partition.part,
        "key": partition.key,
        **counts,
        "errors": [to_dict(e) for e in errors],
        "skipped": [dataclasses.asdict(s) for s in skipped],
        "digest": state.hexdigest(),
        "ids": ids,
        "dropped": [],
        "seconds": time.perf_counter() - started,
    }


# --- on the client --------------------------------------------------------------------


def run_dask(
    corpus: Path,
    out_dir: Path,
    settings: Settings,
    *,
    progress: ProgressHook | None = None,
) -> RunSummary:
    """Process every article under ``corpus`` on a Dask cluster; write partitioned outputs.

    Connects to ``settings.scheduler`` when set, else starts a ``LocalCluster`` of
    ``settings.workers`` single-threaded worker processes for the length of the run.

    Args:
        corpus: the folder of input articles (searched recursively); with a remote
            scheduler, a path every worker can read.
        out_dir: the output folder (created if missing); with a remote scheduler, a path
            every worker can write.
        settings: the run settings.
        progress: optional callback for progress display (same events as the local engine).

    Returns:
        The :class:`~pipeline.runner.core.RunSummary`; ``reused`` counts the articles of
        unchanged partitions that were not processed again.

    Raises:
        UsageError: ``corpus`` is not a folder, or dask.distributed is not installed.
        OutputError: ``out_dir`` is not writable.
    """
    started = time.perf_counter()
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    check_output_dir(out_dir)
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise UsageError("the dask engine needs dask.distributed (pip install 'fr-news-pipeline[dask]')") from exc
    notify = progress or (lambda _event, _n: None)
    # temporary files of a run killed while writing; the part files they would replace are intact
    for leftover in out_dir.glob("*/.part-*.partial"):
        leftover.unlink(missing_ok=True)

    files: list[Path] = []
    skipped: list[Skipped] = []
    for item in iter_input_files(corpus, follow_symlinks=settings.follow_symlinks):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            files.append(item)
    notify("total", len(files))
    partitions = plan_partitions(files, corpus, settings)
    manifests: dict[int, dict[str, Any]] = {}
    todo: list[Partition] = []
    for partition in partitions:
        previous = None if settings.force else _reusable(out_dir, partition, settings, {p.part for p in todo})
        if previous is not None:
            manifests[partition.part] = {**previous, "reused": True}
            for _ in range(previous["processed"]):
                notify("article", 1)
        else:
            todo.append(partition)
    logger.info("%d files in %d partitions, %d to process", len(files), len(partitions), len(todo))

    nlp_started = time.perf_counter()
    if todo:
        with _client(settings, Client, LocalCluster) as client:
            futures = {
                client.submit(
                    process_partition, p, str(corpus.absolute()), str(out_dir.absolute()), settings,
                    key=f"pipeline-part-{p.part:05d}-{p.key[:12]}", pure=False,
                ): p
                for p in todo
            }
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                partition = futures[future]
                manifest = _collect(future, partition, corpus)
                manifests[partition.part] = manifest
                if manifest.get("failed_task"):
                    continue
                write_json(out_dir / MANIFEST_DIR / part_name(partition.part, ".json"), manifest)
                for error in manifest["errors"]:
                    notify("error", ErrorRecord(**error))
                for _ in range(manifest["processed"]):
                    notify("article", 1)
    for part, new_errors in _drop_duplicates(out_dir, partitions, manifests, settings).items():
        stored = {k: v for k, v in manifests[part].items() if k != "reused"}
        write_json(out_dir / MANIFEST_DIR / part_name(part, ".json"), stored)
        for error in new_errors:
            notify("error", ErrorRecord(**error))
    nlp_seconds = time.perf_counter() - nlp_started

    _remove_stale_parts(out_dir, len(partitions), settings)
    ordered = [manifests[p.part] for p in partitions]
    state = hashlib.sha256(f"{package_version()}:{settings.fingerprint()}:{settings.output_format}".encode())
    for m in ordered:
        state.update(f"{m.get('digest')}\n".encode())
    # Nothing changed since the last run (same partitions, same digests): its corpus
    # tables are still right, and rebuilding them from every part file was most of the
    # time of an unchanged re-run.
    totals = None if todo or settings.force else _previous_totals(out_dir, settings, state.hexdigest())
    if totals is None:
        totals = _write_corpus_tables(
            out_dir, settings, [p.part for p in partitions if not manifests[p.part].get("failed_task")]
        )

    errors = tuple(ErrorRecord(**e) for m in ordered for e in m["errors"])
    skipped += [Skipped(**s) for m in ordered for s in m["skipped"]]
    write_jsonl(out_dir / "errors.jsonl", (to_dict(e) for e in errors))
    reused = sum(m["processed"] for m in ordered if m.get("reused"))
    summary = RunSummary(
        corpus=str(corpus), out_dir=str(out_dir), files=sum(m["files"] for m in ordered),
        articles=sum(m["articles"] for m in ordered), processed=sum(m["processed"] for m in ordered) - reused,
        reused=reused, failed=len(errors), skipped=len(skipped), seconds=time.perf_counter() - started,
        nlp_seconds=nlp_seconds, outputs_rewritten=bool(todo) or settings.force, errors=errors, **totals,
    )
    manifest = run_manifest(summary, settings, skipped, state.hexdigest())
    manifest["partitions"] = len(partitions)
    write_json(out_dir / "run.json", manifest)
    return summary


class _client:
    """A Client on ``settings.scheduler``, or on a LocalCluster started (and stopped) here."""

    def __init__(self, settings: Settings, client_cls: Any, cluster_cls: Any) -> None:
        self._settings = settings
        self._client_cls = client_cls
        self._cluster_cls = cluster_cls
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> Any:
        if self._settings.scheduler:
            try:
                self._client = self._client_cls(self._settings.scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {self._settings.scheduler}: {exc}") from exc
        else:
            import dask

            with dask.config.set(WORKER_CONFIG):  # read when the nannies are made
                self._cluster = self._cluster_cls(
                    n_workers=self._settings.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )
            self._client = self._client_cls(self._cluster)
        return self._client

    def __exit__(self, *exc: object) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _collect(future: Any, partition: Partition, corpus: Path) -> dict[str, Any]:
    """The task's manifest, or one error per file when the whole task failed."""
    try:
        result: dict[str, Any] = future.result()
        return result
    except Exception as exc:
        logger.error("partition %d failed: %s: %s", partition.part, type(exc).__name__, exc)
        errors = [
            to_dict(ErrorRecord(
                source=relative_source(Path(name), corpus.absolute()), stage="dask", error_type=type(exc).__name__,
                message=f"the task for partition {partition.part} failed: {exc}",
            ))
            for name in partition.files
        ]
        return {"part": partition.part, "key": partition.key, "files": len(partition.files), "articles": 0,
                "processed": 0, "errors": errors, "skipped": [], "digest": None, "failed_task": True}


def _reusable(out_dir: Path, partition: Partition, settings: Settings, changed: set[int]) -> dict[str, Any] | None:
    """The previous manifest of an unchanged partition whose part files are all there.

    ``changed``: the earlier partitions this run processes again. A partition that lost
    articles to an earlier one's ids (:func:`_drop_duplicates`) is reused only while
    those partitions are unchanged: otherwise the id may be free now.
    """
    try:
        previous: dict[str, Any] = json.loads(
            (out_dir / MANIFEST_DIR / part_name(partition.part, ".json")).read_text("utf-8")
        )
    except (OSError, ValueError):
        return None
    if previous.get("key") != partition.key or "ids" not in previous:
        return None
    if any(owner in changed for _source, owner in previous.get("dropped", ())):
        return None
    suffix = ".parquet" if settings.output_format == "parquet" else ".csv"
    expected = [out_dir / "documents" / part_name(partition.part, ".jsonl")] + [
        dataset_dir(out_dir, t) / part_name(partition.part, suffix) for t in PER_DOCUMENT_TABLES
    ]
    return previous if all(path.is_file() for path in expected) else None


def _drop_duplicates(
    out_dir: Path, partitions: Sequence[Partition], manifests: dict[int, dict[str, Any]], settings: Settings
) -> dict[int, list[dict[str, Any]]]:
    """Keep only the first article of an id used in several partitions, as the local engine does.

    A task sees its own files only, so it cannot tell that an earlier partition used an
    id. Going through the partitions in corpus order, the first article with an id owns
    it; a later one becomes a ``DuplicateId`` error and its partition's part files are
    rewritten without its record. The manifest notes each such article and the partition
    that owns its id (see :func:`_reusable`). The client holds one entry per article id:
    for a million ids, about 117 MB and 1.4 s (measured with tracemalloc and a timer on
    synthetic ids), besides the manifests' own id lists.

    Returns:
        partition number -> the errors added to its manifest, for the partitions changed.
    """
    owners: dict[str, tuple[str, int]] = {}
    changed: dict[int, list[dict[str, Any]]] = {}
    for partition in partitions:
        manifest = manifests[partition.part]
        if manifest.get("failed_task"):
            continue
        already = {source for source, _owner in manifest.get("dropped", ())}
        new_errors: dict[str, dict[str, Any]] = {}
        dropped: list[list[Any]] = []
        for doc_id, input_id, source in manifest.get("ids", ()):
            owner = owners.get(doc_id)
            if owner is None:
                owners[doc_id] = (source, partition.part)
            elif source not in already:
                new_errors[source] = to_dict(duplicate_id_error(source, input_id, owner[0]))
                dropped.append([source, owner[1]])
        if not new_errors:
            continue
        manifest["processed"] = _rewrite_partition_without(out_dir, partition.part, set(new_errors), settings)
        manifest["errors"] = [e for e in manifest["errors"] if e["source"] not in new_errors]
        manifest["errors"] += new_errors.values()
        manifest["skipped"] = [s for s in manifest["skipped"] if s["source"] not in new_errors]
        manifest["dropped"] = [*manifest.get("dropped", ()), *dropped]
        changed[partition.part] = list(new_errors.values())
    return changed


def _rewrite_partition_without(out_dir: Path, part: int, sources: set[str], settings: Settings) -> int:
    """Rewrite a partition's part files without the records of ``sources``; return how many stay.

    Each part file is replaced atomically once written, so reading the old one meanwhile
    is safe, and a run killed half-way does the same again next time: the tables are
    rebuilt from the documents part, and the count is of what it holds.
    """
    kept = (r for r in _iter_part_records(out_dir, [part]) if r["source"] not in sources)
    return write_partition(out_dir, kept, part=part, fmt=settings.output_format)


def _remove_stale_parts(out_dir: Path, n_parts: int, settings: Settings) -> None:
    """Delete part files of partitions beyond this run's (the corpus got smaller)."""
    suffix = ".parquet" if settings.output_format == "parquet" else ".csv"
    folders = [(out_dir / "documents", ".jsonl"), (out_dir / MANIFEST_DIR, ".json")] + [
        (dataset_dir(out_dir, t), suffix) for t in PER_DOCUMENT_TABLES
    ]
    for folder, ext in folders:
        for path in folder.glob(f"part-*{ext}"):
            try:
                number = int(path.name[len("part-"):-len(ext)])
            except ValueError:
                continue
            if number >= n_parts:
                path.unlink(missing_ok=True)


def _previous_totals(out_dir: Path, settings: Settings, state_digest: str) -> dict[str, int] | None:
    """The totals of the previous run into ``out_dir`` if it had this state and its tables are there."""
    suffix = ".parquet" if settings.output_format == "parquet" else ".csv"
    tables = [dataset_dir(out_dir, name) / part_name(0, suffix) for name in ("entities", "cooccurrences")]
    previous = previous_run(out_dir, state_digest, tables)
    counts = (previous or {}).get("counts") or {}
    if not all(k in counts for k in _COUNTED):
        return None
    return {k: int(counts[k]) for k in _COUNTED}


def _iter_part_records(out_dir: Path, parts: Sequence[int]) -> Iterator[dict[str, Any]]:
    for part in parts:
        path = out_dir / "documents" / part_name(part, ".jsonl")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def _write_corpus_tables(out_dir: Path, settings: Settings, parts: Sequence[int]) -> dict[str, int]:
    """Build the corpus-level tables from the part files (streamed); return the totals."""
    from pipeline.entities import EntityIndex

    index = EntityIndex()
    totals = dict.fromkeys(_COUNTED, 0)
    for record in _iter_part_records(out_dir, parts):
        for key in _COUNTED:
            totals[key] += len(record.get(key) or ())
        index.add_dict(record)
    tables = {"entities": index.entity_rows(), "cooccurrences": index.cooccurrence_rows()}
    write_corpus_datasets(out_dir, tables, fmt=settings.output_format)
    return totals
