"""Which figures of a sentence are an event's: the phrase a figure sits in, and the verbs
that count an event of a given type.

Shared by the figures read in the event's own sentence (:mod:`~pipeline.events.arguments`)
and those told after it (:mod:`~pipeline.events.followups`). The counting verbs are data:
the count kinds of ``follow_up_figures`` in ``event_arguments_fr.json``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from pipeline.events.clause import home_predicate
from pipeline.events.mention import Mention
from pipeline.nlp.text import norm_word
from pipeline.records import Quantity
from pipeline.resources import read_json


def figure_preps(root: Token, q: Quantity) -> set[str]:
    """The prepositions of a figure's phrase: those of its head, and those the parser
    hangs on its number when it reads the number as a noun ("avec 51,3 % des suffrages":
    "avec" on "51,3", not on "%")."""
    span = root.doc.char_span(q.start, q.end, alignment_mode="expand")
    heads = [root, *(t for t in span if t.i != root.i)] if span is not None else [root]
    return {norm_word(c.text) for t in heads for c in t.children if c.dep_ == "case"}


def framed_count(mention: Mention, root: Token) -> bool:
    """Is the figure the object of the verb whose clause frames the nominal event, a verb
    that counts events of its type ("a obtenu 60 % des suffrages lors du scrutin", "a
    réuni 300 exposants lors du salon")? The verbs are the follow-up figures' own."""
    if not mention.nominal or mention.support is not None or root.dep_ not in ("obj", "obl:arg", "nsubj:pass"):
        return False
    home = home_predicate(mention)
    return root.head.i == home.i and norm_word(home.lemma_) in counting_verbs(mention.type)


@functools.cache
def counting_verbs(event_type: str) -> frozenset[str]:
    """The verbs that count events of ``event_type`` (who comes, what a vote gave): the
    count kinds of ``follow_up_figures`` in ``event_arguments_fr.json``."""
    kinds = read_json("event_arguments_fr.json")["follow_up_figures"]["kinds"]
    return frozenset(
        norm_word(w) for k in kinds if event_type in k["types"] and not k.get("sums") for w in k["verbs"]
    )


__all__ = ["counting_verbs", "figure_preps", "framed_count"]
