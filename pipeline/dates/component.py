"""The ``fr_news_dates`` spaCy component: it stores :func:`find_dates` in ``doc._.dates``."""

from __future__ import annotations

import datetime as dt
import logging

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.dates.extraction import find_dates
from pipeline.dates.grammar import load_grammar
from pipeline.nlp.extensions import register_extensions

logger = logging.getLogger(__name__)


def _parse_published(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            logger.warning("ignoring unreadable publication date %r", value)
    return None


class DateFinder:
    """The ``fr_news_dates`` component: stores :func:`find_dates` in ``doc._.dates``."""

    def __init__(self, *, split_ranges: bool = False) -> None:
        self.split_ranges = split_ranges
        load_grammar()  # compile the patterns now, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc, anchored on ``doc._.published``."""
        published = _parse_published(doc._.published)
        doc._.dates = tuple(find_dates(doc, published=published, split_ranges=self.split_ranges))
        return doc


@Language.factory("fr_news_dates", default_config={"split_ranges": False})
def make_date_finder(nlp: Language, name: str, split_ranges: bool) -> DateFinder:
    """Build the ``fr_news_dates`` component.

    Args:
        nlp: the pipeline (unused: the component only reads the text and the parse).
        name: the component name.
        split_ranges: see :func:`find_dates`.

    Returns:
        The component.
    """
    register_extensions()
    return DateFinder(split_ranges=split_ranges)
