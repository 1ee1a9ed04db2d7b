"""The events stage's entry point: :func:`find_events` reads one parsed article.

It reads what every mention looks up once per article (entities, quotations, the main
actor, the dates), then walks the sentences that hold a trigger candidate; the method
is told in the package docstring (:mod:`pipeline.events`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.events.anaphora import acronym_expansions
from pipeline.events.arguments import collect_arguments, compared
from pipeline.events.clauses import clause_mentions
from pipeline.events.grammar import morph
from pipeline.events.lexicon import EventLexicon, load_lexicon
from pipeline.events.mention import ArticleContext, Mention, is_dateline, is_event_date
from pipeline.events.merging import build_events
from pipeline.events.participants import doc_entities, main_actor
from pipeline.events.status import status
from pipeline.events.triggers import SentenceQuantities, find_mentions, trigger_candidates
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import doc_text, norm_word
from pipeline.people import iter_quoted_spans
from pipeline.records import DateMention, Event

logger = logging.getLogger(__name__)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAYS = re.compile(r"P(\d+)D")
#: a quotation this long is someone's words, not a quoted name
_SPEECH_WORDS = 6


def find_events(doc: Doc) -> list[Event]:
    """Find the events of one article.

    Args:
        doc: a parsed ``Doc`` (tagger, parser, lemmatizer, ner); ``doc._.dates`` should
            hold the date mentions and ``doc._.published`` the publication date.

    Returns:
        One event per real-world event, in order of first mention, each with every
        evidence span that supports it.
    """
    register_extensions()
    if not doc.has_annotation("DEP"):
        logger.debug("events need a dependency parse; none on this doc")
        return []
    lex = load_lexicon()
    ctx = _read_article(doc, lex)
    published: str | None = doc._.published
    all_mentions: list[Mention] = []
    durations = [d for d in doc._.dates if d.type == "DURATION" and _DAYS.fullmatch(d.value)]
    candidates = trigger_candidates(doc, lex)
    for sent in doc.sents:
        lo = bisect.bisect_left(candidates, sent.start)
        hi = bisect.bisect_left(candidates, sent.end, lo)
        d_lo = bisect.bisect_left(ctx.date_starts, sent.start_char)
        dated = d_lo < len(ctx.date_starts) and ctx.date_starts[d_lo] < sent.end_char
        if lo == hi and not dated:
            continue  # no token of this sentence can start a trigger, and no date tells of a clause
        # quantities are read only for sentences with a trigger or a date
        sent_quantities = SentenceQuantities(sent)
        in_sent = [c - sent.start for c in candidates[lo:hi]]
        mentions = find_mentions(sent, ctx, sent_quantities, in_sent) if in_sent else []
        for mention in mentions:
            collect_arguments(mention, ctx, sent_quantities.items)
            _stretch_by_duration(mention, ctx, durations)
        if dated:
            for mention in clause_mentions(sent, ctx, mentions, sent_quantities.items):
                date = mention.date
                collect_arguments(mention, ctx, sent_quantities.items)
                mention.date = date  # the date that made it an event, not the segment's nearest
                mentions.append(mention)
            mentions.sort(key=lambda m: m.phrase_start)  # stable: trigger mentions keep their order
        for mention in mentions:
            mention.status = status(mention, doc, lex, published)
            mention.in_speech = _in_speech(mention, ctx)
            all_mentions.append(mention)
    _date_speeches(all_mentions, lex)
    return build_events(doc, all_mentions)


def _date_speeches(mentions: Sequence[Mention], lex: EventLexicon) -> None:
    """A speech with no date of its own ("Dans son discours, il a annoncé …") was given at
    the occasion the article told before it: the last dated event before it its speaker
    takes part in, else the article's first dated event (its lead); in place."""
    for k, mention in enumerate(mentions):
        if (mention.date is not None or mention.support is None or mention.status == "planned"
                or norm_word(mention.trigger.lemma_) not in lex.speech_nouns or _pluperfect(mention.support)):
            continue
        before = [m for m in mentions[:k] if m.date is not None and m.status != "planned" and not m.in_speech]
        if not before:
            continue
        speaker = [set(name.split()) for name in mention.explicit_names()]
        told = [m for m in before if any(a <= b or b <= a for a in speaker
                                         for b in (set(n.split()) for n in m.explicit_names()))]
        mention.date = (told[-1] if told else before[0]).date


def _pluperfect(verb: Token) -> bool:
    """ "Ses prédécesseurs avaient tenu un discours": a time before the story's, not its occasion."""
    return any(c.dep_.startswith("aux") and "Imp" in morph(c, "Tense") for c in verb.children)


def _stretch_by_duration(mention: Mention, ctx: ArticleContext, durations: Sequence[DateMention]) -> None:
    """ "La foire ouvre ses portes jeudi 4 novembre, pour onze jours": a day followed in
    the mention's segment by a span of days ("pour", "pendant" + days: the lexicon's
    ``duration_preps``) dates the event with the interval from that day, in place."""
    date = mention.date
    if date is None or not _DAY.fullmatch(date.value) or not durations:
        return
    doc = ctx.doc
    seg_end = doc[mention.seg_end - 1].idx + len(doc[mention.seg_end - 1].text)
    text = doc_text(doc)
    for span in durations:
        if not date.end <= span.start < seg_end:
            continue
        before = text[max(date.end, span.start - 12) : span.start].split()
        days = _DAYS.fullmatch(span.value)
        if before and norm_word(before[-1]) in ctx.lex.duration_preps and days and int(days.group(1)) > 1:
            first = dt.date.fromisoformat(date.value)
            last = first + dt.timedelta(days=int(days.group(1)) - 1)
            mention.date = replace(date, value=f"{first.isoformat()}/{last.isoformat()}")
            return


def _in_speech(mention: Mention, ctx: ArticleContext) -> bool:
    """Is the trigger inside a quotation of several words (someone's words, not a name)?"""
    text = doc_text(ctx.doc)
    at = mention.trigger.idx
    return any(s <= at < e and len(text[s:e].split()) >= _SPEECH_WORDS for s, e in ctx.quoted)


def _baseline(doc: Doc, date: DateMention) -> bool:
    """Is the date the baseline a figure is compared with ("9 000 visiteurs, contre 7 400
    l'an dernier")? It dates no event: neither a clause of its own nor the event told."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and compared(span.root)


def _read_article(doc: Doc, lex: EventLexicon) -> ArticleContext:
    """What the mentions of the article look up: entities, quotations, issuer, dates."""
    ents = doc_entities(doc)
    quoted = list(iter_quoted_spans(doc_text(doc)))
    quoted_tokens = [
        (span.start, span.end)
        for span in (doc.char_span(s, e, alignment_mode="expand") for s, e in quoted)
        if span is not None
    ]
    dates = sorted((d for d in doc._.dates if is_event_date(d) and not is_dateline(doc, d)
                    and not _baseline(doc, d)), key=lambda d: d.start)
    return ArticleContext(
        doc=doc,
        lex=lex,
        ents=ents,
        ent_starts=[e.start for e in ents],
        quoted=quoted,
        quoted_tokens=quoted_tokens,
        named_tokens={i: e for e in ents for i in range(e.start, e.end)},
        issuer=main_actor(doc, ents),
        dates=dates,
        date_starts=[d.start for d in dates],
        acronyms=acronym_expansions(doc, ents),
    )


__all__ = ["find_events"]
