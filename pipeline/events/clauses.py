"""Events told by a dated clause whose verb is in no trigger list.

News states many events with a verb no lexicon lists ("il est fiché S le 19 mars",
"Cygnus atteindra la station samedi", "En 1991, il a développé un rotaxane"). A date
that no trigger of its sentence took, and that the parse attaches to a verb of the
sentence, is the strongest sign of such an event: the verb becomes a mention of type
``other``, dated by that date. A verb of state ("connaître", "rester", "représenter"),
a date that opens a state or a span ("depuis 2008", "jusqu'au mois de mai"), a negated
or quoted clause and a date inside a trigger's own phrase make no event.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from pipeline.events.grammar import relative_antecedent
from pipeline.events.mention import ArticleContext, Mention, date_value
from pipeline.events.triggers import in_fixed_phrase
from pipeline.nlp.text import doc_text, norm_word
from pipeline.records import DateMention, Quantity

#: how far up the parse a date may sit below its verb ("le 12 juin" -> "déroulée";
#: "au cours du 1er semestre 2017" -> "organiser")
_MAX_CLIMB = 2
#: a figure of these units, or this large, in a verb's object makes it a measure
_MEASURE_UNITS = frozenset({"EUR", "USD", "GBP", "CHF", "%"})
_LARGE_COUNT = 100
#: a verb's complements: with the verb they may form an idiom ("rendre hommage")
_COMPLEMENT_DEPS = frozenset({"obj", "obl:arg", "xcomp", "iobj"})
#: what a verb acts on or goes to: "a pris la tête", "arrivée à la direction"
_ARGUMENT_DEPS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "xcomp"})


def clause_mentions(
    sent: Span, ctx: ArticleContext, mentions: Sequence[Mention], quantities: Sequence[Quantity]
) -> list[Mention]:
    """Mentions of the sentence's dated clauses that no trigger mention holds.

    Args:
        sent: the sentence.
        ctx: the article's readings (its event dates, the lexicon's clause words).
        mentions: the sentence's trigger mentions, with their dates attached.
        quantities: the sentence's quantities (a verb whose object is a figure measures).

    Returns:
        One dated ``other`` mention per verb that governs a date no mention took, in
        text order; their segment is the verb's clause, their date already set. A weak
        noun of that clause dated by the same date takes the verb as support instead.
    """
    doc = ctx.doc
    # a weak noun alone is dropped later ("à l'aide du bras"): its date is not taken
    taken = {m.date.start for m in mentions if m.date is not None and not _dropped_later(m)}
    own_verbs = {t.i for m in mentions for t in (m.trigger, *m.verbs)}
    found: dict[int, Mention] = {}
    for date in _sentence_dates(sent, ctx):
        if date.start in taken or _opens_a_span(sent, date, ctx):
            continue
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _governing_verb(span, ctx, quantities)
        if verb is None or verb.i in own_verbs or verb.i in found:
            continue
        if _inside_mention_phrase(span.root, mentions) or _quoted(verb, ctx) or _idiom(verb, sent, ctx):
            continue
        if _date_relative_noun(verb, date, mentions):
            continue
        weak = [m for m in mentions if m.date is date and _dropped_later(m) and _in_clause(m.trigger, verb)]
        if weak:
            # "seront consultés le 2 février lors d'un comité": the dated verb carries the
            # weak noun of its clause, the event is the noun's
            weak[0].support = verb
            continue
        mention = Mention(trigger=verb, trigger_end=verb.i + 1, type=_clause_type(verb, ctx), nominal=False,
                          weak=True, dated_only=True, date=date)
        mention.seg_start, mention.seg_end = _clause(verb, sent)
        found[verb.i] = mention
    return [found[i] for i in sorted(found)]


def _date_relative_noun(verb: Token, date: DateMention, mentions: Sequence[Mention]) -> bool:
    """ "le rapprochement avec X, qui devrait aboutir au printemps": a dated relative clause
    about an event noun dates that noun's event, it is no event of its own. The noun takes
    the date unless it has another one the relative's does not refine; the verb becomes
    its support when it has none. Returns whether the date went to a noun."""
    by_token = {m.trigger.i: m for m in mentions if m.nominal}
    antecedent = relative_antecedent(verb, [by_token[i].trigger for i in by_token])
    if antecedent is None:
        return False
    noun = by_token[antecedent.i]
    if noun.date is not None and noun.date is not date and not date_value(date).startswith(date_value(noun.date)):
        return False
    noun.date = date
    if noun.support is None:
        noun.support = verb
    return True


def _in_clause(tok: Token, verb: Token) -> bool:
    """Is ``tok`` in the verb's clause (under it, through no other verb), or the noun
    the verb's participle qualifies ("une édition réduite en octobre")?"""
    if verb.head.i == tok.i and verb.dep_ in ("acl", "amod"):
        return True
    for ancestor in tok.ancestors:
        if ancestor.i == verb.i:
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


def _dropped_later(mention: Mention) -> bool:
    """Will merging drop this mention as too weak to be an event (a weak noun with no
    verb and no name, :func:`~pipeline.events.merging.build_events`)?"""
    return mention.nominal and mention.weak and mention.support is None and mention.name is None


def _clause_type(verb: Token, ctx: ArticleContext) -> str:
    """``other``, unless the verb's arguments say more: a career step ("arrivée à la tête
    du lieu en 2020", "a pris la direction du club") is an appointment (the lexicon's
    ``type_by_argument``: verb lemma -> type -> argument lemmas)."""
    by_argument = ctx.lex.type_by_argument.get(norm_word(verb.lemma_))
    if by_argument:
        arguments = [c for c in verb.children if c.dep_ in _ARGUMENT_DEPS or c.dep_ == "nsubj:pass"]
        if verb.dep_ == "acl":
            arguments.append(verb.head)  # "l'abattoir, repris en 2012": what the participle is about
        for arg in arguments:
            kind = by_argument.get(norm_word(arg.lemma_))
            if kind is not None:
                return kind
    return "other"


def _sentence_dates(sent: Span, ctx: ArticleContext) -> list[DateMention]:
    """The event dates of the sentence (datelines already left out), but clock times."""
    return [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char and not _clock_time(d)]


def _clock_time(date: DateMention) -> bool:
    """A clock time ("vers 18 heures") details a day already told: it makes no event of a
    clause alone ("hier soir", a part of a named day, does)."""
    return date.type == "TIME" and date.granularity in ("minute", "hour", "second")


def _opens_a_span(sent: Span, date: DateMention, ctx: ArticleContext) -> bool:
    """Is the date the start or the end of a state ("depuis 2008", "jusqu'en mai",
    "d'ici le 17 décembre")? Such a date bounds a state, it dates no event."""
    before = doc_text(ctx.doc)[max(sent.start_char, date.start - 12) : date.start]
    words = [norm_word(w) for w in before.replace("’", "'").replace("'", "' ").split()]
    tail = words[-2:]
    return any(w in ctx.lex.clause_blocking_words for w in tail) or any(
        w.startswith(("jusqu'", "jusqu")) for w in tail
    ) or norm_word(date.text.split()[0]) in ctx.lex.clause_blocking_words


def _governing_verb(span: Span, ctx: ArticleContext, quantities: Sequence[Quantity]) -> Token | None:
    """The verb the date modifies, a few steps up the parse; ``None`` for a verb of
    state, a negated verb, or a date that modifies a noun phrase. A date that opens its
    sentence before a comma ("Jeudi dernier, … se sont retrouvés") modifies the main
    verb, whatever the parser hung it on (a dash or a line break before it, often)."""
    verb = _verb_above(span.root)
    if verb is None and _fronted(span):
        root = span.sent.root
        verb = root if root.pos_ == "VERB" else None
    if verb is None:
        return None
    lemma = norm_word(verb.lemma_)
    taking_place = any((lemma, norm_word(c.lemma_)) in ctx.lex.taking_place_phrases
                       for c in verb.children if c.dep_ == "obj")  # "aura lieu"
    if (lemma in ctx.lex.state_lemmas and not taking_place) or _negated(verb) or _measures(verb, quantities):
        return None
    return verb


def _verb_above(tok: Token) -> Token | None:
    """The verb a few steps above ``tok`` through nouns and prepositions, if any."""
    for _ in range(_MAX_CLIMB):
        head = tok.head
        if head is tok:
            return None
        if head.pos_ == "VERB":
            return head
        # a date under a figure compares it ("contre 38 000 l'an dernier"): no event
        if head.pos_ not in ("NOUN", "ADP") or tok.dep_ not in ("nmod", "obl", "obl:mod"):
            return None
        tok = head
    return None


def _fronted(span: Span) -> bool:
    """Does the date open its sentence (only punctuation before it) and end with a comma?"""
    sent = span.sent
    before = sent.doc[sent.start : span.start]
    after = span.end < sent.end and sent.doc[span.end].text == ","
    return after and all(t.is_punct or t.is_space for t in before)


def _measures(verb: Token, quantities: Sequence[Quantity]) -> bool:
    """Does the verb report a figure ("a réalisé un chiffre d'affaires de 12 millions",
    "attendent 45 000 festivaliers")? Its object holds an amount, a share or a large
    count: a measure, not a happening ("a réussi à lier deux molécules" is one)."""
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
             if c.dep_ in ("obj", "xcomp")]
    return any(
        s <= q.start < e and (q.unit in _MEASURE_UNITS or q.value >= _LARGE_COUNT)
        for q in quantities for s, e in spans
    )


def _negated(verb: Token) -> bool:
    """"n'ont pas été payés": a negated verb tells what did not happen."""
    return any(norm_word(c.text) in ("pas", "jamais", "ne", "n'") for c in verb.children
               if c.dep_ == "advmod")


def _inside_mention_phrase(tok: Token, mentions: Sequence[Mention]) -> bool:
    """Does the date sit inside a trigger's phrase ("l'élection de mai 2017")?"""
    for ancestor in tok.ancestors:
        if any(ancestor.i == m.trigger.i for m in mentions if m.nominal):
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


def _idiom(verb: Token, sent: Span, ctx: ArticleContext) -> bool:
    """Is the verb or one of its complements part of a fixed expression ("ont rendu
    hommage", "est arrivé à point nommé")? The lexicon's ``fixed_phrases`` name no event;
    a modifier ("à l'aide d'un moteur") makes no idiom with the verb."""
    words = [verb, *(c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS)]
    return any(in_fixed_phrase(sent, t.i - sent.start, ctx.lex) for t in words if sent.start <= t.i < sent.end)


def _quoted(verb: Token, ctx: ArticleContext) -> bool:
    return any(s <= verb.idx < e for s, e in ctx.quoted)


def _clause(verb: Token, sent: Span) -> tuple[int, int]:
    """The verb's clause as a token range of the sentence, cut at a line break."""
    start = max(verb.left_edge.i, sent.start)
    end = min(verb.right_edge.i + 1, sent.end)
    doc = sent.doc
    for j in range(verb.i - 1, start - 1, -1):
        if "\n" in doc[j].text_with_ws:
            start = j + 1
            break
    for j in range(verb.i, end):
        if "\n" in doc[j].text_with_ws:
            end = j + 1
            break
    return start, end


__all__ = ["clause_mentions"]
