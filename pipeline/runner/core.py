"""The orchestration of a corpus run, written once for every engine.

    plan (walk the corpus)  ->  engine: ingest + NLP  ->  admit / take (this module)
                                (local: a process pool,     duplicate ids, unchanged
                                 dask: one task a            articles, counts, errors,
                                 partition)                  the record store
                            ->  export (documents.jsonl, tables)  ->  run.json

An engine (:mod:`pipeline.runner.local`, :mod:`pipeline.runner.dask_engine`) only
decides *where* articles are ingested and turned into records. It hands every article
it ingests to :meth:`RunState.admit` (in corpus order), which says whether it must be
processed (not a duplicate id, not unchanged since a previous run into the same output
folder), and every outcome to :meth:`RunState.take`. The store, the published files and
the manifest are the same whichever engine ran. Nothing here prints: progress goes
through the ``progress`` callback given by the CLI.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from pipeline.errors import OutputError, UsageError
from pipeline.ingest import Skipped, WalkRules, iter_articles, iter_input_files
from pipeline.ingest.language import detect_language
from pipeline.outputs.export import (
    CORPUS_TABLES,
    PER_DOCUMENT_TABLES,
    write_json,
    write_jsonl,
    write_outputs,
)
from pipeline.records import Article, DocumentRecord, ErrorRecord, to_dict
from pipeline.runner.lock import hold_output
from pipeline.runner.store import RecordStore
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

#: progress callback: ("total", n_files) once, ("grow", 1) per extra article found in a
#: multi-article file, ("article", 1) per article done, ("error", ErrorRecord) per
#: failed input as soon as it is known
ProgressHook = Callable[[str, Any], None]

CACHE_FILE = Path(".cache") / "records.sqlite"

#: what a record counts, for the summary table and run.json
COUNTED = ("entities", "dates", "events", "people", "quotes")

#: folders of the partitioned layout that earlier versions of the Dask engine wrote;
#: removed so that no stale table is left beside the published ones
_OLD_DASK_FOLDERS = ("_partitions", "documents", "documents_table", *PER_DOCUMENT_TABLES[1:], *CORPUS_TABLES)


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
    #: articles of a language other than French whose record has no extraction
    #: (``non_french="keep"``)
    not_extracted: int
    seconds: float
    nlp_seconds: float
    outputs_rewritten: bool
    errors: tuple[ErrorRecord, ...]
    #: language (ISO 639-1; ``unknown``: too short to tell) -> articles in the outputs
    languages: dict[str, int] = dataclasses.field(default_factory=dict)
    #: what ingest could not use in the articles it kept: {"source", "warning"} each
    warnings: tuple[dict[str, str], ...] = ()

    @property
    def exit_code(self) -> int:
        """0 when every input was processed, 1 when some failed."""
        return 1 if self.failed else 0


class Ingested(Protocol):
    """What :meth:`RunState.admit` reads of an article: an :class:`Article` or its key."""

    @property
    def doc_id(self) -> str: ...
    @property
    def id(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleKey:
    """The identity of an ingested article, as a remote task reports it."""

    doc_id: str
    id: str | None
    source: str
    content_hash: str

    @classmethod
    def of(cls, article: Article) -> ArticleKey:
        """The key of ``article``."""
        return cls(doc_id=article.doc_id, id=article.id, source=article.source, content_hash=article.content_hash)


class Engine(Protocol):
    """Where articles are ingested and turned into records."""

    def process(self, files: list[Path], corpus: Path, settings: Settings, state: RunState) -> None:
        """Ingest ``files``, admit each article (corpus order) and hand every outcome to ``state``."""


# --- shared by every engine --------------------------------------------------------------


def package_version() -> str:
    """The installed version of this package."""
    try:
        return metadata.version("fr-news-pipeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def record_fingerprint(settings: Settings) -> str:
    """What a stored record was made with: package version and the settings that shape records."""
    return f"{package_version()}:{settings.fingerprint()}"


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
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output folder {out_dir} is a file: give a folder (it is created if missing)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise OutputError(f"output folder {out_dir} is not writable: {exc.strerror or exc}") from exc


def duplicate_id_error(source: str, input_id: str | None, first: str) -> ErrorRecord:
    """The error of an article whose id the article at ``first`` already used."""
    return ErrorRecord(
        source=source, stage="ingest", error_type="DuplicateId", message=f"id {input_id!r} already used by {first}"
    )


def screen_language(article: Article, settings: Settings) -> Article | Skipped:
    """With ``--non-french skip``: the article with its language, or why it is skipped.

    Otherwise the article as it is: the worker identifies its language with the NLP
    (:func:`pipeline.nlp.iter_records`), off the process that reads the corpus, and
    with ``keep`` (the default) makes the record of a non-French article without
    extraction (:func:`pipeline.nlp.extracts`), whichever engine runs it.
    """
    if settings.non_french != "skip":
        return article
    article = dataclasses.replace(article, lang=detect_language(article.text))
    if article.lang in (None, "fr"):
        return article
    return Skipped(source=article.source, reason=f"not French (detected: {article.lang})")


def iter_ingested(files: Iterable[Path], corpus: Path, settings: Settings) -> Iterator[tuple[bool, Article | ErrorRecord]]:
    """Every article (or ingest error) of ``files``, with whether it is its file's first.

    Both engines read the corpus through this one loop (the Dask engine inside its tasks).
    """
    for path in files:
        for n_in_file, result in enumerate(iter_articles(path, root=corpus, max_bytes=settings.max_file_bytes)):
            yield n_in_file == 0, result


# --- one run -----------------------------------------------------------------------------


class RunState:
    """The bookkeeping of one run: what was seen, reused, processed and failed.

    Engines call :meth:`admit` for each ingested article in corpus order and
    :meth:`take` for each outcome (error, skipped input, record); both are cheap and
    run in the process that owns the store.
    """

    def __init__(self, store: RecordStore, settings: Settings, notify: ProgressHook) -> None:
        self.store = store
        self.settings = settings
        self.notify = notify
        self.run_id = uuid.uuid4().hex
        self.fingerprint = record_fingerprint(settings)
        self.errors: list[ErrorRecord] = []
        self.skipped: list[Skipped] = []
        #: articles longer than ``settings.chunk_chars``, read in pieces (run.json says which)
        self.in_pieces: list[dict[str, Any]] = []
        self.counts = {"files": 0, "articles": 0, "processed": 0, "reused": 0}
        #: digest of every article's (doc id, content hash) in the run: an unchanged run has the same
        self._state = hashlib.sha256(f"{self.fingerprint}:{settings.output_format}".encode())
        #: doc_id -> source of the first article with that id
        self._seen: dict[str, str] = {}
        #: doc_id -> (seq, content_hash) of the articles admitted for processing
        self._in_flight: dict[str, tuple[int, str]] = {}
        self._seq = 0
        self._since_commit = 0

    @property
    def state_digest(self) -> str:
        """The digest of the articles of this run and their contents."""
        return self._state.hexdigest()

    def known(self, sources: Iterable[str]) -> dict[str, str]:
        """doc_id -> content hash of the current records of the inputs named ``sources``.

        A remote task uses it to skip the NLP of articles :meth:`admit` will reuse.
        """
        return {} if self.settings.force else self.store.known(sources, self.fingerprint)

    def file_read(self, first_in_file: bool) -> None:
        """Count an input file (its first article or error) or an extra article in a file."""
        if first_in_file:
            self.counts["files"] += 1
        else:
            # the total was counted in files: a JSONL file's extra lines add to it
            self.notify("grow", 1)

    def admit(self, article: Ingested) -> bool:
        """Decide what becomes of an ingested article; True when it must be processed.

        A second article with the same id is an error; an article whose content and
        settings are unchanged since the last run into this output folder keeps its
        stored record (unless ``settings.force``).
        """
        self.counts["articles"] += 1
        first = self._seen.get(article.doc_id)
        if first is not None:
            self.take(duplicate_id_error(article.source, article.id, first))
            return False
        self._seen[article.doc_id] = article.source
        self._seq += 1
        # A stored record was made under the same settings (non_french included), so an
        # unchanged article needs neither language identification nor NLP.
        if not self.settings.force and self.store.reuse(
            doc_id=article.doc_id, content_hash=article.content_hash,
            fingerprint=self.fingerprint, run_id=self.run_id, seq=self._seq,
        ):
            self._state.update(f"{article.doc_id}:{article.content_hash}\n".encode())
            self.counts["reused"] += 1
            self.notify("article", 1)
            return False
        self._in_flight[article.doc_id] = (self._seq, article.content_hash)
        return True

    def screened_out(self, article: Ingested, skipped: Skipped) -> None:
        """An admitted article the language screen turned away (``--non-french skip``)."""
        self._in_flight.pop(article.doc_id, None)
        self.skipped.append(skipped)
        self.notify("article", 1)

    def started(self, article: Ingested) -> None:
        """An admitted article goes to the NLP."""
        self._state.update(f"{article.doc_id}:{article.content_hash}\n".encode())

    def take(self, outcome: DocumentRecord | dict[str, Any] | ErrorRecord) -> None:
        """Record one outcome: an error (ingest or NLP) or an article's record."""
        if isinstance(outcome, ErrorRecord):
            if outcome.stage != "ingest":
                self.notify("article", 1)  # an article that went to the NLP and failed there
            self.errors.append(outcome)
            self.notify("error", outcome)
            return
        record = outcome if isinstance(outcome, dict) else to_dict(outcome)
        self.notify("article", 1)
        if len(record["text"]) > self.settings.chunk_chars:
            self.in_pieces.append({"source": record["source"], "characters": len(record["text"])})
        seq, content_hash = self._in_flight.pop(record["doc_id"])
        self.store.put(doc_id=record["doc_id"], source=record["source"], content_hash=content_hash,
                       fingerprint=self.fingerprint, record=record, run_id=self.run_id, seq=seq)
        self.counts["processed"] += 1
        self._since_commit += 1
        if self._since_commit >= self.settings.batch_size:
            self.store.commit()
            self._since_commit = 0


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
    ``settings.force``). Resumable: records are committed as they are made. The
    published files are the same whichever engine (``settings.engine``) ran.

    Args:
        corpus: the folder of input articles (searched recursively), or one article file.
        out_dir: the output folder (created if missing).
        settings: the run settings.
        progress: optional callback for progress display.

    Returns:
        The :class:`RunSummary`.

    Raises:
        UsageError: ``corpus`` is neither a folder nor a file, or the engine cannot start.
        OutputError: ``out_dir`` is not writable.
        OutputBusy: another run is writing to ``out_dir``.
    """
    started = time.perf_counter()
    files, walk_skipped = plan_files(corpus, out_dir, settings)
    check_output_dir(out_dir)
    if corpus.is_file():
        corpus = corpus.parent  # one article file: its source is named from its folder
    engine = _engine(settings)
    try:
        # one run at a time: held before anything in out_dir is touched, until run.json
        with hold_output(out_dir):
            # temporary files of a run that was killed while writing; the store has its data
            for leftover in out_dir.glob(".*.partial"):
                leftover.unlink(missing_ok=True)
            notify = progress or (lambda _event, _n: None)
            notify("total", len(files))
            return _run(engine, files, walk_skipped, corpus, out_dir, settings, notify, started)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError(f"cannot write outputs to {out_dir}: {reason}") from exc


def plan_files(corpus: Path, out_dir: Path, settings: Settings) -> tuple[list[Path], list[Skipped]]:
    """The files to read under ``corpus`` (a folder, or one article file) and what is skipped.

    The output folder is never read as input, even when it sits inside the corpus.

    Raises:
        UsageError: ``corpus`` does not exist, or is neither a folder nor a file.
    """
    if corpus.is_file():
        return [corpus], []
    if not corpus.exists():
        raise UsageError(f"corpus not found: {corpus} (give a folder of articles or one article file)")
    if not corpus.is_dir():
        raise UsageError(f"corpus is neither a folder nor a file: {corpus}")
    rules = WalkRules(include=settings.include, exclude=settings.exclude, skip_dirs=(out_dir,))
    files: list[Path] = []
    skipped: list[Skipped] = []
    for item in iter_input_files(corpus, follow_symlinks=settings.follow_symlinks, rules=rules):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            files.append(item)
    return files, skipped


def _engine(settings: Settings) -> Engine:
    if settings.engine == "dask":
        from pipeline.runner.dask_engine import DaskEngine

        return DaskEngine()
    from pipeline.runner.local import LocalEngine

    return LocalEngine()


def _run(
    engine: Engine, files: list[Path], walk_skipped: list[Skipped], corpus: Path, out_dir: Path,
    settings: Settings, notify: ProgressHook, started: float,
) -> RunSummary:
    store = RecordStore(out_dir / CACHE_FILE)
    totals = dict.fromkeys(COUNTED, 0)
    languages: Counter[str] = Counter()
    warnings: list[dict[str, str]] = []
    try:
        state = RunState(store, settings, notify)
        state.skipped.extend(walk_skipped)
        nlp_started = time.perf_counter()
        engine.process(files, corpus, settings, state)
        store.commit()
        nlp_seconds = time.perf_counter() - nlp_started
        pruned = store.prune(state.run_id)
        rewrite = _needs_rewrite(out_dir, settings, state.state_digest, state.counts["processed"] + pruned)
        if rewrite:
            _remove_old_dask_layout(out_dir)
            _export(store, state.run_id, out_dir, settings, totals, languages, warnings)
        else:
            for record in store.iter_records(state.run_id):
                _count(record, totals, languages, warnings)
    finally:
        store.close()

    errors = tuple(state.errors)
    write_jsonl(out_dir / "errors.jsonl", (to_dict(e) for e in errors))
    summary = RunSummary(
        corpus=str(corpus), out_dir=str(out_dir), **state.counts, failed=len(errors),
        skipped=len(state.skipped), seconds=time.perf_counter() - started, nlp_seconds=nlp_seconds,
        outputs_rewritten=rewrite, errors=errors, **totals,
        not_extracted=_not_extracted(languages, settings), languages=dict(languages.most_common()),
        warnings=tuple(warnings),
    )
    write_json(out_dir / "run.json",
               run_manifest(summary, settings, state.skipped, state.state_digest, in_pieces=state.in_pieces))
    return summary


def _count(record: dict[str, Any], totals: dict[str, int], languages: Counter[str],
           warnings: list[dict[str, str]]) -> None:
    for key in totals:
        totals[key] += len(record.get(key) or ())
    languages[record.get("lang") or "unknown"] += 1
    warnings.extend({"source": record["source"], "warning": w} for w in record.get("warnings") or ())


def _not_extracted(languages: Counter[str], settings: Settings) -> int:
    """The articles :func:`pipeline.nlp.extracts` left out of the extraction."""
    if settings.non_french != "keep":
        return 0
    return sum(n for lang, n in languages.items() if lang not in ("fr", "unknown"))


def _needs_rewrite(out_dir: Path, settings: Settings, state_digest: str, changes: int) -> bool:
    if settings.force or changes:
        return True
    suffix = ".parquet" if settings.output_format == "parquet" else ".csv"
    expected = [out_dir / "documents.jsonl"] + [
        out_dir / f"{name}{suffix}" for name in (*PER_DOCUMENT_TABLES, *CORPUS_TABLES)
    ]
    return previous_run(out_dir, state_digest, expected) is None


def previous_run(out_dir: Path, state_digest: str, expected: Iterable[Path]) -> dict[str, Any] | None:
    """The previous run's ``run.json`` if it ended in this state and its ``expected`` outputs exist."""
    if not all(path.is_file() for path in expected):
        return None
    try:
        previous: dict[str, Any] = json.loads((out_dir / "run.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return previous if previous.get("state_digest") == state_digest else None


def _remove_old_dask_layout(out_dir: Path) -> None:
    """Delete the part-file folders an earlier Dask engine wrote (never anything else)."""
    for name in _OLD_DASK_FOLDERS:
        folder = out_dir / name
        if (folder.is_dir() and all(p.name.startswith(("part-", ".part-")) for p in folder.iterdir())) or (name == "_partitions" and folder.is_dir()):
            shutil.rmtree(folder)


def _export(
    store: RecordStore, run_id: str, out_dir: Path, settings: Settings, totals: dict[str, int],
    languages: Counter[str], warnings: list[dict[str, str]],
) -> None:
    from pipeline.entities import EntityIndex
    from pipeline.entities.corpus import CorpusVote

    index = EntityIndex()
    # the corpus vote's first pass: the store is read twice, no record is held in memory
    vote = CorpusVote().update(store.iter_records(run_id))

    def on_record(record: dict[str, Any]) -> None:
        _count(record, totals, languages, warnings)
        index.add_dict(record)

    write_outputs(
        out_dir,
        (vote.relabel_dict(r) for r in store.iter_records(run_id)),
        fmt=settings.output_format,
        corpus_tables=lambda: {"entities": index.entity_rows(), "cooccurrences": index.cooccurrence_rows()},
        on_record=on_record,
    )


def run_manifest(
    summary: RunSummary, settings: Settings, skipped: list[Skipped], state_digest: str,
    *, in_pieces: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The content of ``run.json``; ``in_pieces`` names the articles processed this run
    that were longer than ``settings.chunk_chars`` and so read in pieces."""
    counts = {k: v for k, v in dataclasses.asdict(summary).items()
              if k not in ("errors", "corpus", "out_dir", "languages", "warnings")}
    counts["warnings"] = len(summary.warnings)
    return {
        "corpus": summary.corpus,
        "out_dir": summary.out_dir,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "exit_code": summary.exit_code,
        "counts": counts,
        "languages": summary.languages,
        "versions": versions(settings.model),
        "settings": settings.to_dict(),
        "host": {"platform": platform.platform(), "cpus": os.cpu_count(), "argv0": sys.argv[0]},
        "skipped": [dataclasses.asdict(s) for s in skipped],
        "warnings": list(summary.warnings),
        "in_pieces": list(in_pieces),
        "state_digest": state_digest,
    }
