"""Extract: the full pipeline on one file or on stdin, for ``pipeline extract``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.ingest import iter_articles, read_text_article
from pipeline.records import Article, ErrorRecord, to_dict
from pipeline.settings import Settings


def _process(items: Iterable[Article | ErrorRecord], settings: Settings) -> list[dict[str, Any]]:
    from pipeline.nlp import stream_records

    items = list(items)
    articles = [item for item in items if isinstance(item, Article)]  # the NLP identifies the language
    results: list[dict[str, Any]] = [to_dict(item) for item in items if isinstance(item, ErrorRecord)]
    if articles:
        results.extend(to_dict(record) for record in stream_records(articles, settings))
    return results


def extract_path(path: Path, settings: Settings) -> list[dict[str, Any]]:
    """Records (and error records) for every article in one file.

    Args:
        path: an article file of any supported format.
        settings: the run settings.

    Returns:
        ``documents.jsonl``-shaped dicts, error records as ``errors.jsonl``-shaped dicts.
    """
    return _process(iter_articles(path, root=path.parent, max_bytes=settings.max_file_bytes), settings)


def extract_stdin(data: bytes, settings: Settings) -> list[dict[str, Any]]:
    """Records for plain text given on standard input (decoded like a ``.txt`` file)."""
    try:
        article = read_text_article(data, source="<stdin>")
    except InputError as exc:
        return [to_dict(ErrorRecord(source="<stdin>", stage="ingest", error_type=exc.kind, message=str(exc)))]
    return _process([article], settings)
