"""The spaCy component of the events stage: ``nlp.add_pipe("fr_news_events")``.

The component only stores :func:`~pipeline.events.extraction.find_events`'s result, so
the extraction stays a plain function that can be tested without a pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.actors import doc_entities, main_actor
from pipeline.events.extraction import find_events
from pipeline.events.figure_scorer import FigureConfig, load_figure_scorer, rescore_figures
from pipeline.events.lexicon import load_lexicon
from pipeline.events.scorer import ScorerConfig, load_scorer, rescore_participants
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
    """Stores :func:`find_events` in ``doc._.events`` (a tuple), each event's participants
    decided by :func:`~pipeline.events.scorer.rescore_participants` (the shipped
    ``participant_scorer.json`` unless ``participants`` is set: the training script sets
    the rules alone, ``bench/bench_events.py --participants`` any mode)."""

    def __init__(self, name: str = "fr_news_events", participants: ScorerConfig | None = None,
                 figures: FigureConfig | None = None) -> None:
        self.name = name
        self.participants = participants
        #: who decides each event's figures (:mod:`~pipeline.events.figure_scorer`); None: as shipped
        self.figures = figures

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        events = find_events(doc)
        config = self.participants or load_scorer()
        if events and config.mode != "rules":
            ents = doc_entities(doc)
            events = rescore_participants(doc, events, ents, main_actor(doc, ents), load_lexicon(), config)
        events = rescore_figures(doc, events, self.figures or load_figure_scorer())
        doc._.events = tuple(events)
        return doc


__all__ = ["EventsComponent", "make_events_component"]
