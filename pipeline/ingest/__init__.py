"""Ingest: turn files of a corpus folder into :class:`~pipeline.records.Article` objects.

- :mod:`~pipeline.ingest.walk`: the input files of a corpus folder, in a stable order,
  and what is skipped (hidden files, symlinks);
- :mod:`~pipeline.ingest.readers`: one file into articles. Plain text (``.txt``,
  ``.md``) is decoded (:mod:`~pipeline.ingest.decode`), normalised to NFC and split into
  web-page furniture and body (:mod:`~pipeline.ingest.furniture`); HTML goes through
  trafilatura; JSON/JSONL objects give their ``text`` field verbatim;
- :mod:`~pipeline.ingest.language`: language identification.

Publication dates in metadata are read by :mod:`pipeline.dates.metadata`, with the
lexicon of the date grammar; :func:`parse_date_string` is re-exported here.

Nothing here raises for one bad input: :func:`iter_articles` yields an
:class:`~pipeline.records.ErrorRecord` for it and goes on.
"""

from pipeline.dates.metadata import parse_date_string
from pipeline.ingest.decode import LEGACY_ENCODINGS, decode_bytes, sniff_binary
from pipeline.ingest.furniture import Layout, layout_text
from pipeline.ingest.readers import (
    DATE_FIELDS,
    MIN_HTML_LETTERS,
    TEXT_FIELDS,
    article_from_object,
    iter_articles,
    iter_data_articles,
    read_html_article,
    read_text_article,
)
from pipeline.ingest.walk import (
    SUPPORTED_SUFFIXES,
    Skipped,
    WalkRules,
    iter_input_files,
    relative_source,
)

__all__ = [
    "DATE_FIELDS",
    "LEGACY_ENCODINGS",
    "MIN_HTML_LETTERS",
    "SUPPORTED_SUFFIXES",
    "TEXT_FIELDS",
    "Layout",
    "Skipped",
    "WalkRules",
    "article_from_object",
    "decode_bytes",
    "iter_articles",
    "iter_data_articles",
    "iter_input_files",
    "layout_text",
    "parse_date_string",
    "read_html_article",
    "read_text_article",
    "relative_source",
    "sniff_binary",
]
