"""A mention's status: past, planned or ongoing.

Read from tense, mood, auxiliaries and cue words ("prévoit de", "à venir"); when the
verb says nothing of time, the mention's date is compared with the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from pipeline.events.clause import argument_list, non_finite
from pipeline.events.grammar import morph, relative_antecedent
from pipeline.events.lexicon import EventLexicon
from pipeline.events.mention import Mention, date_value, is_dateline
from pipeline.nlp.text import doc_words, norm_word
from pipeline.records import EventStatus

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _has_words(doc: Doc, start: int, end: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """Does one of ``phrases`` (normalised words) occur in tokens ``start:end``?"""
    words = [norm_word(w) for w in doc_words(doc)[0][start:end]]
    where: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        where.setdefault(word, []).append(i)
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in where.get(phrase[0], ())):
            return True
    return False


def _governing_verbs(mention: Mention) -> list[Token]:
    """The verbs whose tense tells the mention's: its own, else the nearest verb above it."""
    verbs: list[Token] = []
    if mention.support is not None:
        verbs.append(mention.support)
    if not mention.nominal:
        verbs.append(mention.trigger)
    if not verbs:
        # "le festival, qui s'installera du 5 au 7 avril": the relative clause about the
        # event noun (even one the parse hangs on another noun) tells its time, not a verb
        # the parse hangs the noun on further up
        trigger = mention.trigger
        verbs = [t for t in trigger.sent if t.i > trigger.i and t.dep_ == "acl:relcl" and not non_finite(t)
                 and relative_antecedent(t, [trigger]) == trigger]
    if not verbs:
        tok = mention.trigger
        for _ in range(6):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                verbs.append(tok)
                break
    return verbs


def _reported_past(verb: Token) -> bool:
    """A past conditional ("aurait rapporté", "se serait radicalisé"): a past act the
    writer reports without vouching for it, not a plan."""
    return "Part" in morph(verb, "VerbForm") and any(
        c.dep_ == "aux:tense" and "Cnd" in morph(c, "Mood") for c in verb.children
    )


def status(mention: Mention, doc: Doc, lex: EventLexicon, published: str | None) -> EventStatus:
    """past / planned / ongoing from mood, tense, auxiliaries and cue words.

    Args:
        mention: the mention, with its date.
        doc: the article.
        lex: the events lexicon.
        published: the publication date; when it is missing, the date inferred from the
            article (``doc._.published_inferred``) stands for it.

    Returns:
        The mention's status.
    """
    if not published and Doc.has_extension("published_inferred"):
        published = doc._.published_inferred
    if not published:
        published = _dateline_day(doc)
    told = _told_status(mention, doc, lex, published)
    # "la session a été fixée au 13 décembre", "a reporté au 15 novembre l'inauguration": a
    # past verb about an event noun dated after the article is a decision about it, the
    # event is still to come; the event's own verb ("a conclu un partenariat") tells it done
    decided = mention.support is None or norm_word(mention.support.lemma_) in argument_list("scheduling_verbs")
    if (
        told == "past" and mention.nominal and decided and mention.date is not None
        and published and _after(date_value(mention.date), published)
    ):
        return "planned"
    return told


def _dateline_day(doc: Doc) -> str | None:
    """The day of the article's dateline ("Perpignan, le 7 octobre 2015 –"), which stands
    for the publication date of a text that came without one."""
    if not Doc.has_extension("dates"):
        return None
    for date in doc._.dates:
        if _DAY.fullmatch(date.value) and is_dateline(doc, date):
            return str(date.value)
    return None


def _after(value: str, published: str) -> bool:
    """Is the date wholly after the publication day, at the precision both share?"""
    return value[: len(published)] > published[: len(value)]


def _told_status(mention: Mention, doc: Doc, lex: EventLexicon, published: str | None) -> EventStatus:
    """The status the mention's verbs and cue words tell, else its date against ``published``."""
    verbs = _governing_verbs(mention)
    for verb in verbs:
        if _reported_past(verb):
            return "past"
        related = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
        if verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp"):
            related.append(verb.head)
        for tok in related:
            tense = morph(tok, "Tense")
            mood = morph(tok, "Mood")
            if "Fut" in tense or "Cnd" in mood:
                return "planned"
            if (
                norm_word(tok.lemma_) in lex.modal_planned_lemmas
                and tok is not verb
                and "Pres" in tense
            ):
                return "planned"
        if norm_word(verb.lemma_) in lex.planned_lemmas:
            return "planned"
        # "pourrait accueillir": the infinitive of a modal; a verb with its own finite
        # auxiliary ("avait rejoint") that the parse hangs on one is not
        if verb.head is not verb and norm_word(verb.head.lemma_) in lex.modal_planned_lemmas and non_finite(verb):
            head_tense = morph(verb.head, "Tense")
            if "Fut" in head_tense or "Cnd" in morph(verb.head, "Mood") or "Pres" in head_tense:
                return "planned"
        if (
            verb.head is not verb
            and verb.dep_ in ("xcomp", "ccomp")
            and norm_word(verb.head.lemma_) in lex.planned_lemmas
        ):
            return "planned"  # "la Ville prévoit d'accueillir …"
    if _has_words(doc, mention.seg_start, mention.seg_end, lex.planned_words):
        return "planned"
    past = False
    present = False
    for verb in verbs:
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        tense = morph(verb, "Tense")
        finite_aux = [a for a in auxes if "Fin" in morph(a, "VerbForm")]
        if any(
            a.dep_ == "aux:pass" and "Pres" in morph(a, "Tense") for a in finite_aux
        ) and not any(a.dep_ == "aux:tense" for a in auxes):
            present = True  # "est financé par …": a state, not a past act
        elif auxes or "Imp" in tense or ("Past" in tense and "Fin" in morph(verb, "VerbForm")):
            past = True
        elif "Pres" in tense and "Fin" in morph(verb, "VerbForm"):
            present = True
        # a bare participle ("une rencontre organisée en …") says nothing of time
    if past:
        return "past"
    if mention.date is not None and published:
        value = date_value(mention.date)
        if value[: len(published)] > published[: len(value)]:
            return "planned"
        return "past"
    if present:
        return "ongoing"
    return "past"


__all__ = ["status"]
