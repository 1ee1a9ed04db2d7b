"""The ``fr_news_dates`` spaCy component: it stores :func:`find_dates` in ``doc._.dates``."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.dates.extraction import find_date_layers
from pipeline.dates.grammar import load_grammar
from pipeline.dates.metadata import parse_reference
from pipeline.nlp.extensions import register_extensions

logger = logging.getLogger(__name__)


class DateFinder:
    """The ``fr_news_dates`` component: stores :func:`find_dates` in ``doc._.dates``.

    ``doc._.dates`` holds ranges as one interval ("du 3 au 5 mars": what events read),
    ``doc._.timex`` every end of a range as a mention of its own (the record's dates
    list, TimeML style). Both are anchored on ``doc._.published`` (a day, a month or a
    year), else on ``doc._.published_inferred``.
    """

    def __init__(self, *, split_ranges: bool = False) -> None:
        self.split_ranges = split_ranges
        load_grammar()  # compile the patterns now, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc, anchored on ``doc._.published``."""
        published = doc._.published or doc._.published_inferred
        if published and parse_reference(published) is None:
            logger.warning("ignoring unreadable publication date %r", published)
        endpoints, intervals = find_date_layers(doc, published=published)
        doc._.dates = tuple(endpoints if self.split_ranges else intervals)
        doc._.timex = tuple(endpoints)
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
