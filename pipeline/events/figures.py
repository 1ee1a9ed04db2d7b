"""Which figures of a sentence are an event's: the phrase a figure sits in, the kinds of
figure told after an event, and the verbs that count an event of a given type.

Shared by the figures read in the event's own sentence (:mod:`~pipeline.events.arguments`)
and those told after it (:mod:`~pipeline.events.followups`). The counting verbs are data:
the count kinds of ``follow_up_figures`` in ``event_arguments_fr.json``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class FigureKind:
    """One kind of figure told after its event (``follow_up_figures`` in the resources)."""

    #: the verbs that count it: their object, passive subject or "sur" argument
    verbs: frozenset[str]
    #: the event types it counts
    types: frozenset[str]
    #: sums of money ("a coûté 3,1 millions d'euros") rather than counts
    sums: bool
    #: a figure after these, an adjunct of one of the verbs, counts too ("arrive deuxième
    #: avec 15 % des voix", and with the verb elided, "et X troisième avec 14 %")
    adjunct_preps: frozenset[str]

    def counts(self, group: Sequence[Mention]) -> bool:
        """Does this kind count the event of ``group``?"""
        return group[0].type in self.types


@functools.cache
def figure_kinds() -> tuple[FigureKind, ...]:
    """Each kind of figure told after its event, read once per process."""
    return tuple(
        FigureKind(
            verbs=frozenset(norm_word(w) for w in k["verbs"]),
            types=frozenset(k["types"]),
            sums=bool(k.get("sums", False)),
            adjunct_preps=frozenset(norm_word(w) for w in k.get("adjunct_preps", ())),
        )
        for k in read_json("event_arguments_fr.json")["follow_up_figures"]["kinds"]
    )


@functools.cache
def counting_verbs(event_type: str) -> frozenset[str]:
    """The verbs that count events of ``event_type`` (who comes, what a vote gave): the
    count kinds (not the sums) of :func:`figure_kinds`."""
    return frozenset().union(*(k.verbs for k in figure_kinds() if event_type in k.types and not k.sums))


__all__ = ["FigureKind", "counting_verbs", "figure_kinds", "figure_preps", "framed_count"]
