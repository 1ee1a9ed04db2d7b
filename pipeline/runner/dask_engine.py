"""The Dask engine: the same run on a Dask cluster, one task per partition of input files.

The client lists the input files (:func:`pipeline.runner.core.run`) and cuts them into
partitions of similar byte size (:func:`plan_partitions`). Each partition is one task
(``Client.submit``) that reads its files and runs the same ``nlp.pipe`` stream as the
local engine (:func:`pipeline.nlp.iter_records`, one model per worker process). The
task returns what it found, in file order: every article's identity, the language
screen's verdict and its record (or error). The client replays each partition, in
corpus order, through the run state (:meth:`~pipeline.runner.core.RunState.admit`,
``take``), so duplicate ids, reuse, the record store, the published files and
``run.json`` are exactly the local engine's.

Unchanged articles are not processed again: each task is given the content hashes the
store holds for its files (:meth:`~pipeline.runner.core.RunState.known`) and skips the
NLP of an article whose hash matches. With several machines the corpus must be on
storage every worker sees at the same path; only the client writes ``OUT``.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError
from pipeline.ingest import Skipped, relative_source
from pipeline.records import Article, ErrorRecord, to_dict
from pipeline.runner.core import ArticleKey, RunState, iter_ingested, screen_language
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: a partition holds about this many input bytes (a few hundred press articles)...
PARTITION_BYTES = 2_000_000
#: ...but there are at least this many partitions per worker, so that work balances
PARTITIONS_PER_WORKER = 4

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


#: what a task reports, in file order: ("read", first_in_file), ("error", ErrorRecord),
#: ("article", ArticleKey, verdict) with verdict "known" (its stored record stands),
#: a Skipped (language screen) or "processed"
Event = tuple[Any, ...]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class PartitionResult:
    """A task's report: its events, and the record (or NLP error) of each processed article."""

    part: int
    events: list[Event]
    results: dict[str, dict[str, Any] | ErrorRecord]
    seconds: float


def plan_partitions(
    files: Sequence[Path], settings: Settings, *, target_bytes: int = PARTITION_BYTES
) -> list[Partition]:
    """Cut the input files into partitions of similar byte size, in corpus order.

    Args:
        files: the input files, in the stable order of ``iter_input_files``.
        settings: the run settings (``workers`` sets the least number of partitions).
        target_bytes: about how many input bytes a partition holds.

    Returns:
        The partitions, numbered from 0; empty for no files.
    """
    if not files:
        return []
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # unreadable now: the task reports it
    total = sum(sizes)
    n_parts = max(math.ceil(total / target_bytes), settings.workers * PARTITIONS_PER_WORKER)
    n_parts = min(n_parts, len(files))
    per_part = total / n_parts

    partitions: list[Partition] = []
    start, filled = 0, 0
    for i, size in enumerate(sizes):
        filled += size
        # close the k-th partition once the running total passes k shares of the bytes
        # or of the files (many small files before one big one still make several tasks)
        k = len(partitions) + 1
        if k < n_parts and (filled >= per_part * k or (i + 1) * n_parts >= len(files) * k):
            partitions.append(_partition(k - 1, files[start:i + 1]))
            start = i + 1
    if start < len(files):
        partitions.append(_partition(len(partitions), files[start:]))
    return partitions


def _partition(part: int, files: Sequence[Path]) -> Partition:
    # absolute paths: a worker's working folder is not the client's
    return Partition(part=part, files=tuple(str(f.absolute()) for f in files))


# --- on the worker --------------------------------------------------------------------


def process_partition(partition: Partition, corpus: str, settings: Settings, known: dict[str, str]) -> PartitionResult:
    """Read one partition's files and make the records of its articles (a Dask task).

    Args:
        partition: the files to process.
        corpus: the corpus folder (sources are named relative to it).
        settings: the run settings; the task itself always uses one process.
        known: doc_id -> content hash of the records the client's store holds for these
            files: an article with that hash is not processed again.

    Returns:
        The :class:`PartitionResult`.
    """
    from pipeline.nlp import iter_records, worker_nlp_and_lock

    started = time.perf_counter()
    task_settings = dataclasses.replace(settings, workers=1)
    nlp, lock = worker_nlp_and_lock(task_settings)
    events: list[Event] = []

    def iter_todo() -> Iterator[Article]:
        for first_in_file, result in iter_ingested((Path(f) for f in partition.files), Path(corpus), settings):
            events.append(("read", first_in_file))
            if isinstance(result, ErrorRecord):
                events.append(("error", result))
                continue
            key = ArticleKey.of(result)
            if known.get(result.doc_id) == result.content_hash:
                events.append(("article", key, "known"))
                continue
            screened = screen_language(result, settings)
            events.append(("article", key, screened if isinstance(screened, Skipped) else "processed"))
            if isinstance(screened, Article):
                yield screened

    results: dict[str, dict[str, Any] | ErrorRecord] = {}
    with lock:
        for record in iter_records(nlp, iter_todo(), task_settings):
            if isinstance(record, ErrorRecord):
                # an NLP error names its article by source; find its doc id among the events
                results[_doc_id_of(events, record.source)] = record
            else:
                results[record.doc_id] = to_dict(record)
    return PartitionResult(part=partition.part, events=events, results=results,
                           seconds=time.perf_counter() - started)


def _doc_id_of(events: list[Event], source: str) -> str:
    for event in reversed(events):
        if event[0] == "article" and event[1].source == source:
            doc_id: str = event[1].doc_id
            return doc_id
    return source


# --- on the client --------------------------------------------------------------------


class DaskEngine:
    """Process the corpus on a Dask cluster (see the module docstring)."""

    def process(self, files: list[Path], corpus: Path, settings: Settings, state: RunState) -> None:
        """Submit one task a partition; replay the partitions' reports in corpus order.

        Connects to ``settings.scheduler`` when set, else starts a ``LocalCluster`` of
        ``settings.workers`` single-threaded worker processes for the length of the run.

        Raises:
            UsageError: dask.distributed is not installed, or the scheduler cannot be reached.
        """
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError as exc:
            raise UsageError("the dask engine needs dask.distributed (pip install 'fr-news-pipeline[dask]')") from exc
        partitions = plan_partitions(files, settings)
        if not partitions:
            return
        if not logger.isEnabledFor(logging.INFO):
            # Dask logs its scheduler, nanny and worker life at INFO, about 25 lines a run;
            # they are shown with --verbose only, like our own INFO lines
            logging.getLogger("distributed").setLevel(logging.WARNING)
        logger.info("%d files in %d partitions", len(files), len(partitions))
        with _client(settings, Client, LocalCluster) as client:
            futures = {
                client.submit(
                    process_partition, p, str(corpus.absolute()), settings,
                    state.known(relative_source(Path(f), corpus.absolute()) for f in p.files),
                    key=f"pipeline-part-{p.part:05d}", pure=False,
                ): p
                for p in partitions
            }
            # replay in corpus order: a report waits until the partitions before it are in
            ready: dict[int, PartitionResult | None] = {}
            next_part = 0
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                partition = futures[future]
                ready[partition.part] = _result(future, partition, corpus, state)
                while next_part in ready:
                    report = ready.pop(next_part)
                    if report is not None:
                        _replay(report, state)
                    next_part += 1


def _result(future: Any, partition: Partition, corpus: Path, state: RunState) -> PartitionResult | None:
    """The task's report, or None after one error per file when the whole task failed."""
    try:
        result: PartitionResult = future.result()
        return result
    except Exception as exc:
        logger.error("partition %d failed: %s: %s", partition.part, type(exc).__name__, exc)
        for name in partition.files:
            state.file_read(True)
            state.take(ErrorRecord(
                source=relative_source(Path(name), corpus.absolute()), stage="dask", error_type=type(exc).__name__,
                message=f"the task for partition {partition.part} failed: {exc}",
            ))
        return None


def _replay(report: PartitionResult, state: RunState) -> None:
    """Hand a partition's events to the run state as the local engine would have."""
    for event in report.events:
        kind = event[0]
        if kind == "read":
            state.file_read(event[1])
        elif kind == "error":
            state.take(event[1])
        elif state.admit(event[1]):
            key, verdict = event[1], event[2]
            if isinstance(verdict, Skipped):
                state.screened_out(key, verdict)
                continue
            state.started(key)
            outcome = report.results.get(key.doc_id)
            if verdict == "known" or outcome is None:
                # the store changed while the task ran (another run into OUT?): say so
                outcome = ErrorRecord(source=key.source, stage="dask", error_type="StoreChanged",
                                      message="the task reused a record the store no longer holds; run again")
            state.take(outcome)


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
