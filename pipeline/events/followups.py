"""Figures of an event told after it, in a sentence of their own.

A gathering is often told in one sentence and counted in the next: "La 12e foire de Rouen
ouvre ses portes jeudi. Quelque 400 exposants sont attendus et les organisateurs tablent
sur 90 000 visiteurs." The second sentence names no event; its verb of attendance
("attendre", "réunir", "accueillir", "tabler sur") counts who or what comes to the
gathering told just before; so does a verb of result ("a recueilli 31 voix") for the vote
told before, and a verb of cost ("L'investissement atteint 38 millions d'euros", "Le
site, qui a coûté 3,1 millions d'euros, …") for the site an inauguration opens. The kinds
are data: ``follow_up_figures`` in ``event_arguments_fr.json``.

Sentences are the written ones: the parser often joins two of them, and the event of one
must not stop the other from counting the event before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.events.arguments import MONEY_UNITS, compared, vague
from pipeline.events.clause import predicate_of
from pipeline.events.figures import FigureKind, figure_kinds, figure_preps, phrase_head
from pipeline.events.mention import Mention, compatible_dates, event_value, is_event_date
from pipeline.nlp.text import norm_word
from pipeline.quantities import find_quantities
from pipeline.records import DateMention, Quantity

#: how many written sentences back a follow-up sentence may look for its gathering
_LOOK_BACK = 2
#: how a figure's phrase hangs on the verb of attendance: its object, the passive subject
#: ("400 exposants sont attendus"), "tabler sur", a bare number the parser leaves loose
_FIGURE_DEPS = frozenset({"obj", "obl:arg", "nsubj:pass", "dep"})


def follow_up_figures(
    doc: Doc, groups: Sequence[Sequence[Mention]], dates: Sequence[str | None]
) -> list[list[Quantity]]:
    """The figures each event gets from the sentences told after it.

    A sentence gives its figures to an event when it tells no other event: either it
    tells only that one ("en espère 25 000 pour cette seule exposition"), or it tells none
    and the event is the last of the one or two sentences before it that the sentence's
    verb counts (who comes to a gathering, what a vote gave, what a site cost).

    Args:
        doc: the article.
        groups: the mentions of each event, in the order of the events.
        dates: each event's date value (``None`` when undated).

    Returns:
        For each group, the figures found for it after its mentions (often none).
    """
    kinds = tuple(k for k in figure_kinds() if k.told_after)
    all_verbs = frozenset().union(*(k.verbs for k in kinds))
    found: list[list[Quantity]] = [[] for _ in groups]
    sents = _written_sentences(doc)
    starts = [s.start for s in sents]
    told: dict[int, dict[int, int]] = {}  # sentence -> group -> its last trigger there
    for gi, group in enumerate(groups):
        for m in group:
            if m.type == "other" and not m.nominal and norm_word(m.trigger.lemma_) in all_verbs:
                continue  # a clause the count itself made an event: no event of its own
            at = told.setdefault(bisect.bisect_right(starts, m.trigger.i) - 1, {})
            at[gi] = max(at.get(gi, -1), m.trigger.i)
    event_dates = [d for d in doc._.dates if is_event_date(d)]
    for si, sent in enumerate(sents):
        lemmas = {norm_word(t.lemma_) for t in sent}
        if not lemmas & all_verbs:
            continue
        # the sentence's verb says which of the events it may count it counts ("a recueilli
        # 31 voix": the vote, not the assembly told after it in the sentence before)
        target: int | None = None
        told_kinds: list[FigureKind] = []
        for gi in _gatherings(si, sents, told, groups):
            told_kinds = [k for k in kinds if k.verbs & lemmas and k.counts(groups[gi])]
            if told_kinds:
                target = gi
                break
        if target is None:
            continue
        date_heads = _date_heads(doc, sent, event_dates, dates[target])
        for q in find_quantities(sent):
            if any(_attendance_figure(doc, q, k, date_heads) for k in told_kinds):
                found[target].append(q)
    return found


def _gatherings(
    si: int, sents: Sequence[Span], told: dict[int, dict[int, int]], groups: Sequence[Sequence[Mention]]
) -> list[int]:
    """The events sentence ``si`` may count, best first: the only one it tells; else those
    told before by an event noun the sentence names again ("en espère 25 000 pour cette
    seule exposition"); else those of the nearest of the sentences before it that tells
    any, the last told first."""
    sent = sents[si]
    here = told.get(si, {})
    if len(here) == 1:
        return list(here)
    if here:
        return []
    nouns = {norm_word(t.lemma_) for t in sent if t.pos_ == "NOUN"}
    named_again = {
        gi: max(m.trigger.i for m in group if m.trigger.i < sent.start)
        for gi, group in enumerate(groups)
        if any(m.nominal and m.trigger.i < sent.start and norm_word(m.trigger.lemma_) in nouns for m in group)
    }
    if named_again:
        return sorted(named_again, key=lambda gi: -named_again[gi])
    # the parser may cut a written sentence into pieces ("Paul-Antoine", a name's hyphen):
    # count the written sentences, those that end with a full stop
    crossed = 0
    for back in range(si - 1, -1, -1):
        if told.get(back):
            return sorted(told[back], key=lambda gi: -told[back][gi])
        crossed += _ends_a_sentence(sents[back])
        if crossed >= _LOOK_BACK:
            break
    return []


def _written_sentences(doc: Doc) -> list[Span]:
    """The article's sentences as written: the parser's, cut again after a full stop that
    a capital follows (it often joins two written sentences, "… sont conservés. Placé en
    redressement …"), so that a sentence's event is not taken for its neighbour's."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for k in range(sent.start, sent.end - 1):
            if doc[k].text not in (".", "!", "?"):
                continue
            nxt = k + 1
            while nxt < sent.end - 1 and doc[nxt].is_space:
                nxt += 1
            if doc[nxt].text[:1].isupper():
                out.append(doc[start : k + 1])
                start = k + 1
        out.append(doc[start : sent.end])
    return out


def _ends_a_sentence(sent: Span) -> bool:
    """Does the parsed sentence end a written one (a full stop, a question or exclamation)?"""
    return sent.text.rstrip(" \n»\"").endswith((".", "!", "?"))


def _date_heads(doc: Doc, sent: Span, dates: Sequence[DateMention], gathering: str | None) -> set[int]:
    """Tokens a calendar date of the sentence hangs on ("accueilli 52 000 visiteurs en
    2017"): a figure of theirs is dated by its own time, not the gathering's, unless that
    time holds the gathering's ("cette année"); through "lors du trimestre", the verb
    above the word it hangs on."""
    heads: set[int] = set()
    for d in dates:
        if sent.start_char <= d.start < sent.end_char and not compatible_dates(event_value(d), gathering):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                head = span.root.head
                heads.add(head.i)
                if head.pos_ in ("ADV", "ADP"):
                    heads.add(predicate_of(head).i)
    return heads


def _attendance_figure(doc: Doc, q: Quantity, kind: FigureKind, date_heads: set[int]) -> bool:
    """Does the figure count what ``kind`` counts: the object (or passive subject) of one
    of its verbs, or a figure in a relative clause on that object ("il réunira 90
    employeurs, qui proposent 1 200 postes")? Not a figure compared with, nor a dated one;
    a sum for a kind of sums, a count for the others."""
    if (q.unit in MONEY_UNITS) != kind.sums:
        return False  # who comes and what a vote gives are counts; what a site cost is a sum
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or vague(span):
        return False
    root = phrase_head(span)
    noun = root.head if root.dep_ in ("nummod", "det") and root.head.pos_ == "NOUN" else root
    if compared(root) or compared(noun) or noun.i in date_heads or not kind.counts_unit(root):
        return False
    phrase = noun
    if noun.dep_ in _FIGURE_DEPS and noun.head.dep_ == "acl:relcl":
        phrase = noun.head.head  # the counted noun the relative clause is about
    return (
        _counted_by_attendance(phrase, kind.verbs, date_heads)
        or (kind.sums and _counted_by_attendance(noun, kind.verbs, date_heads, relative=True))
        or (bool(figure_preps(root, q) & kind.adjunct_preps) and _adjunct_of(root, kind.verbs, date_heads))
    )


def _adjunct_of(root: Token, verbs: frozenset[str], date_heads: set[int]) -> bool:
    """Does the adjunct headed by ``root`` hang on a main verb of ``verbs``, directly or
    through the noun of a coordination that elides it ("X arrive deuxième avec 15 %, et Y
    troisième avec 14 %")?"""
    head = root.head
    # the elided verb's place: the ordinal or the noun of the coordinated phrase
    for _ in range(3):
        if head.pos_ == "VERB" or head.dep_ not in ("conj", "amod", "nmod", "obl:arg", "obl:mod"):
            break
        head = head.head
    return (
        head.i != root.i and not _dated_clause(head, date_heads) and head.dep_ != "acl:relcl"
        and norm_word(head.lemma_) in verbs
    )


def _dated_clause(verb: Token, date_heads: set[int]) -> bool:
    """Does a date of its own govern the verb's clause, or the clause it depends on ("ont
    évolué lors du troisième trimestre 2016, s'établissant à 9,6 %")?"""
    tok = verb
    for _ in range(4):
        if tok.i in date_heads:
            return True
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _counted_by_attendance(phrase: Token, verbs: frozenset[str], date_heads: set[int], *, relative: bool = False) -> bool:
    """Is ``phrase`` what a main verb of attendance counts, in a clause with no date of its own?

    With ``relative``, the verb may be a relative clause on the noun the sentence opens with
    ("Le site de 2 400 m², qui a coûté 3,1 millions d'euros, …"): the sentence is about it.
    """
    verb = phrase.head
    if phrase.dep_ not in _FIGURE_DEPS or verb.i == phrase.i or _dated_clause(verb, date_heads):
        return False
    if norm_word(verb.lemma_) not in verbs:
        return False
    # a relative clause describes its noun's own past ("le musée, qui a accueilli …")
    if verb.dep_ != "acl:relcl":
        return True
    return relative and _opens_sentence(verb.head)


def _opens_sentence(noun: Token) -> bool:
    """Is ``noun`` the head of the noun phrase a sentence opens with ("Le site de 2 400 m²,
    qui …"), whatever the parse made of it?"""
    doc = noun.doc
    k = noun.i - 1
    while k >= 0 and (doc[k].pos_ in ("DET", "ADJ") or doc[k].is_space):
        k -= 1
    return k < 0 or doc[k].text in (".", "!", "?") or bool(doc[k].is_sent_end)


__all__ = ["follow_up_figures"]
