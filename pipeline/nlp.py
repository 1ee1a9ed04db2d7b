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

import dataclasses
import importlib
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import UsageError
from pipeline.extensions import register_extensions
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
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise UsageError(
            f"spaCy model '{settings.model}' is not installed (pip install {settings.model.replace('_', '-')})"
        ) from exc
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
    """Run every article through ``nlp`` in one stream and yield its record.

    Memory stays bounded: articles are read lazily, and only the articles whose chunks
    are in flight (about ``batch_size * workers`` docs) are held.

    Args:
        nlp: a pipeline from :func:`build_nlp`.
        articles: the articles, in output order.
        settings: batch size, workers and chunk size.

    Yields:
        One :class:`DocumentRecord` per article, in input order, or an
        :class:`ErrorRecord` when a component failed on it.
    """
    pending: dict[int, _Pending] = {}

    def iter_docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for seq, article in enumerate(articles):
            chunks = split_chunks(article.text, settings.chunk_chars)
            pending[seq] = _Pending(article=article, n_chunks=len(chunks), parts=[])
            for offset, chunk in chunks:
                doc = nlp.make_doc(chunk)
                doc._.published = article.published
                yield doc, (seq, offset)

    stream = nlp.pipe(
        iter_docs(), as_tuples=True, batch_size=settings.batch_size, n_process=settings.workers
    )
    for doc, (seq, offset) in stream:
        # Articles before `seq` that are still pending lost a chunk to a component error.
        for stale in sorted(s for s in pending if s < seq):
            yield _failed(pending.pop(stale).article)
        entry = pending[seq]
        entry.parts.append((offset, doc))
        if len(entry.parts) == entry.n_chunks:
            del pending[seq]
            yield to_record(entry.article, entry.parts)
    for stale in sorted(pending):
        yield _failed(pending.pop(stale).article)


def _failed(article: Article) -> ErrorRecord:
    return ErrorRecord(
        source=article.source,
        stage="nlp",
        error_type="ComponentError",
        message="a pipeline component failed on this article (see the log for the traceback)",
    )


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
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return 1
    return sum(1 for _ in doc.sents)


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
        dates.extend(shift(tuple(doc._.dates), offset))
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
        entities=tuple(entities),
        dates=tuple(dates),
        events=tuple(events),
        people=tuple(people),
        quotes=tuple(quotes),
    )
