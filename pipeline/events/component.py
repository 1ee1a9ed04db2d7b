"""The spaCy component of the events stage: ``nlp.add_pipe("fr_news_events")``.

The component only stores :func:`~pipeline.events.extraction.find_events`'s result, so
the extraction stays a plain function that can be tested without a pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.extraction import find_events
from pipeline.nlp.extensions import register_extensions


@Language.factory("fr_news_events")
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """spaCy factory for the events component (``nlp.add_pipe("fr_news_events")``).

    Args:
        nlp: the pipeline the component is added to.
        name: the component's name in that pipeline.

    Returns:
        The component.
    """
    register_extensions()
    return EventsComponent(name)


class EventsComponent:
    """Stores :func:`find_events` in ``doc._.events`` (a tuple)."""

    def __init__(self, name: str = "fr_news_events") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        doc._.events = tuple(find_events(doc))
        return doc


__all__ = ["EventsComponent", "make_events_component"]
