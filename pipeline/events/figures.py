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

from spacy.tokens import Doc, Span, Token

from pipeline.events.clause import home_predicate
from pipeline.events.mention import Mention
from pipeline.nlp.text import norm_word
from pipeline.records import Quantity
from pipeline.resources import read_json

#: how a counted figure hangs on the verb of a consequence: its object, its subject ("13
#: personnes sont mortes"), the "à" of a toll ("porté à 85 morts"), a bare number of an
#: elided coordination ("et 55 blessées")
_CONSEQUENCE_DEPS = frozenset({"obj", "obl:arg", "nsubj", "nsubj:pass", "conj"})


def figure_preps(root: Token, q: Quantity) -> set[str]:
    """The prepositions of a figure's phrase: those of its head, and those the parser
    hangs on its number when it reads the number as a noun ("avec 51,3 % des suffrages":
    "avec" on "51,3", not on "%")."""
    span = root.doc.char_span(q.start, q.end, alignment_mode="expand")
    heads = [root, *(t for t in span if t.i != root.i)] if span is not None else [root]
    return {norm_word(c.text) for t in heads for c in t.children if c.dep_ == "case"}


def phrase_head(span: Span) -> Token:
    """The head of a figure's phrase: its noun, not the adverb of an approximation the
    parser may hang beside it ("près de 200 objets", "a tué environ 800 personnes":
    "environ" and "personnes" both on the verb)."""
    outer = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    return next((t for t in outer if t.pos_ in ("NOUN", "PROPN", "NUM")), span.root)


def framed_count(mention: Mention, root: Token) -> bool:
    """Is the figure the object of the verb whose clause frames the nominal event, a verb
    that counts events of its type ("a obtenu 60 % des suffrages lors du scrutin", "a
    réuni 300 exposants lors du salon", "le bilan a été porté à 85 morts à la suite de la
    mort de X")? The verbs are the follow-up figures' own."""
    if not mention.nominal or mention.support is not None or root.dep_ not in ("obj", "obl:arg", "nsubj:pass"):
        return False
    home = home_predicate(mention)
    return root.head.i == home.i and any(
        norm_word(home.lemma_) in k.verbs and k.counts_unit(root) for k in counting_kinds(mention.type)
    )


def consequence_count(mention: Mention, root: Token, governors: set[int]) -> bool:
    """Is the figure counted by a verb of a kind that counts what an event causes (a toll:
    "une explosion a provoqué l'effondrement d'un immeuble, faisant une vingtaine de
    blessés"; "13 personnes sont mortes lorsqu'une voiture a explosé"), in a clause tied to
    the event's own? Either the figure's clause is a participle or a coordinated clause of
    one of the event's verbs (``governors``), or the event's clause is the one that says
    when or why the figure's happened ("la course s'est courue dimanche et a réuni 800
    coureurs" too: any count kind of the event's type)."""
    verb = root.head
    if verb.i == root.i or root.dep_ not in _CONSEQUENCE_DEPS:
        return False
    lemma = norm_word(verb.lemma_)
    if not any(lemma in k.verbs and k.counts_unit(root) for k in counting_kinds(mention.type)):
        return False
    doc = root.doc
    tied = [verb.head.i] if verb.dep_ in ("advcl", "conj") and verb.head.i in governors else []
    tied += [g for g in governors if g != verb.i and doc[g].head.i == verb.i and doc[g].dep_ in ("advcl", "dep", "conj")]
    # within the written sentence: the parser may join two ("… sont conservés. Placé en …")
    return any(not _full_stop_between(doc, g, root.i) for g in tied)


def _full_stop_between(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(t.text in (".", "!", "?") for t in doc[lo:hi])


def companions(doc: Doc, taken: Sequence[Quantity], quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures that go with a figure taken: its part ("une vingtaine de blessés dont
    deux sont en urgence absolue": the subject or object of a "dont" clause on its noun, a
    relative clause or a noun phrase as the parser may read it). (A figure coordinated with
    it, "60 morts et plus de 200 blessés", moved no dev event: not read.)"""
    heads: set[int] = set()
    for q in taken:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            heads.update(t.i for t in span)
    out: list[Quantity] = []
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or q in taken:
            continue
        root = phrase_head(span)
        clause = root.head
        part = clause.head.i in heads and any(
            norm_word(c.text) == "dont" for c in (*root.children, *clause.children)
        )
        if part:
            out.append(q)
    return out


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
    #: the lemmas of the nouns it counts (empty: any); a bare number counts too
    units: frozenset[str] = frozenset()
    #: counted in the sentences told after the event, not only in the event's own
    told_after: bool = True

    def counts(self, group: Sequence[Mention]) -> bool:
        """Does this kind count the event of ``group``?"""
        return group[0].type in self.types

    def counts_unit(self, root: Token) -> bool:
        """Does the figure headed by ``root`` count what this kind counts: any noun when the
        kind names none, else one of its nouns (the noun after "une vingtaine de"), or
        nothing (a bare number: "et 55 blessées")?"""
        if not self.units:
            return True
        nouns = [t for t in root.subtree if t.pos_ == "NOUN" and t.i >= root.i][:2]
        return not nouns or any(norm_word(t.lemma_) in self.units for t in nouns)


@functools.cache
def figure_kinds() -> tuple[FigureKind, ...]:
    """Each kind of figure told after its event, read once per process."""
    return tuple(
        FigureKind(
            verbs=frozenset(norm_word(w) for w in k["verbs"]),
            types=frozenset(k["types"]),
            sums=bool(k.get("sums", False)),
            adjunct_preps=frozenset(norm_word(w) for w in k.get("adjunct_preps", ())),
            units=frozenset(norm_word(w) for w in k.get("units", ())),
            told_after=bool(k.get("told_after", True)),
        )
        for k in read_json("event_arguments_fr.json")["follow_up_figures"]["kinds"]
    )


@functools.cache
def counting_kinds(event_type: str) -> tuple[FigureKind, ...]:
    """The kinds that count events of ``event_type`` (who comes, what a vote gave, what an
    attack cost): the count kinds (not the sums) of :func:`figure_kinds`."""
    return tuple(k for k in figure_kinds() if event_type in k.types and not k.sums)


__all__ = [
    "FigureKind", "companions", "consequence_count", "counting_kinds", "figure_kinds", "figure_preps",
    "framed_count", "phrase_head",
]
