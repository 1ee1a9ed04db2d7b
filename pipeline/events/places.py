"""Places an event takes from its host: the place that gives or holds the event.

"Le Musée maritime de La Rochelle leur consacre une exposition", "la ville de Nice se
propose d'organiser ces épreuves": when the subject of a verb of hosting (organiser,
accueillir, consacrer: the lexicon's ``host_verbs``) is a place, the event happens
there. A place is a LOC name, a venue's name (its first word a place noun), or the
"de" place of the subject's noun ("la ville de Nice").
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from pipeline.events.clause import argument_words, home_predicate
from pipeline.events.grammar import DE_WORDS, preceding_word
from pipeline.events.mention import ArticleContext, Mention
from pipeline.events.roles import subject_of
from pipeline.nlp.text import norm_word
from pipeline.resources import read_json


@functools.cache
def _host_verbs() -> frozenset[str]:
    """Verbs whose subject hosts the event (``host_verbs`` of ``event_arguments_fr.json``)."""
    return frozenset(norm_word(w) for w in read_json("event_arguments_fr.json")["host_verbs"]["words"])


def host_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place of the subject of the mention's verb of hosting, if that subject is a place."""
    verb = home_predicate(mention)
    if norm_word(verb.lemma_) not in _host_verbs():
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    for noun in (subject, *(c for c in subject.children if c.dep_ == "conj")):
        place = _place_of(noun, ctx)
        if place is not None:
            return place
    return None


def _place_of(noun: Token, ctx: ArticleContext) -> str | None:
    """The place a subject names: itself (a LOC, a venue's name) or its "de" place."""
    ent = ctx.named_tokens.get(noun.i)
    place_nouns = ctx.lex.place_nouns | argument_words().place_nouns
    if ent is not None:
        first = ctx.doc[ent.start]
        if ent.label == "LOC" or (ent.label in ("ORG", "MISC") and norm_word(first.lemma_ or first.text) in place_nouns):
            return ent.text
        return None
    if noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        sub = ctx.named_tokens.get(c.i)
        if c.dep_ == "nmod" and sub is not None and sub.label == "LOC" and preceding_word(ctx.doc, sub.start, noun.i) in DE_WORDS:
            return sub.text
    return None


__all__ = ["host_place"]
