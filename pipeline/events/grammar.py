"""French function words and token tests shared by the events stages.

Small readings of the parse that triggers, arguments, participants and status all
need: determiners, morphology, the word before a phrase, descriptive appositions.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from pipeline.nlp.text import doc_words, norm_word

DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
DEFINITES = frozenset({"le", "la", "l'", "les"})
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos"})
DE_WORDS = frozenset({"de", "du", "des", "d'"})
#: third-person subject pronouns that take up a name told before
SINGULAR_PRONOUNS = frozenset({"il", "elle"})
SUBJECT_PRONOUNS = SINGULAR_PRONOUNS | {"ils", "elles"}


def morph(token: Token, feature: str) -> list[str]:
    """Values of one morphological feature ("Tense" -> ["Past"])."""
    value = token.morph.to_dict().get(feature, "")
    return str(value).split(",") if value else []


def preceding_word(doc: Doc, start: int, floor: int) -> str:
    """The word before a phrase, skipping determiners ("avec les X" -> "avec")."""
    k = start - 1
    while k >= floor and (doc[k].pos_ == "DET" or norm_word(doc[k].text) in DEFINITES):
        k -= 1
    return norm_word(doc[k].text) if k >= floor else ""


def strip_det(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The token range without its leading determiners ("les startups" -> "startups")."""
    while start < end and (doc[start].pos_ == "DET" or norm_word(doc[start].text) in DEFINITES):
        start += 1
    return start, end


def appositive_ranges(doc: Doc, seg_start: int, seg_end: int) -> list[tuple[int, int]]:
    """Descriptive appositions after a name: ", l'association de …," / ", un incubateur …".

    Entities inside them describe a participant; they do not take part themselves.
    """
    ranges: list[tuple[int, int]] = []
    texts = doc_words(doc)[0]
    k = seg_start + 1
    while k < seg_end - 2:
        if (
            texts[k] == ","  # the cheap test first: most tokens are not commas
            and (doc[k - 1].pos_ == "PROPN" or bool(doc[k - 1].ent_type_))
            and (doc[k + 1].pos_ == "DET" or norm_word(doc[k + 1].text) == "l'")
            and doc[k + 2].pos_ == "NOUN"
            and doc[k + 2].text[:1].islower()
        ):
            end = k + 1
            finite = False
            while end < seg_end and doc[end].text not in (",", ".", ";", ":"):
                finite = finite or "Fin" in morph(doc[end], "VerbForm")
                end += 1
            if not finite:
                ranges.append((k + 1, end))
                k = end
                continue
        k += 1
    return ranges


def inside(i: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Is token (or character) ``i`` inside one of the half-open ``ranges``?"""
    return any(s <= i < e for s, e in ranges)


#: how far left of its relative pronoun an antecedent noun may sit ("le rapprochement
#: avec la coopérative X, approuvé en juin par les deux conseils, qui …")
_MAX_ANTECEDENT_GAP = 20


def relative_antecedent(verb: Token, nouns: Iterable[Token]) -> Token | None:
    """The event noun a relative clause is about ("les travaux, qui débuteront en mars";
    "la session, au cours de laquelle le conseil élira son président"), among ``nouns``.

    The parse's head of the relative when it is one of them; else, since the parser often
    hangs the relative on the nearest noun, the nearest of them before the relative
    pronoun that agrees in number with the pronoun's verb ("les conseils, qui devrait
    aboutir": not the councils). ``None`` when the verb opens no relative clause.
    """
    clause = verb
    while clause.dep_ == "xcomp" and clause.head is not clause:
        clause = clause.head  # "qui devrait aboutir": the relative is the modal's
    # the clause's own pronoun: a child ("qui", "que") or in a child phrase ("au cours de laquelle")
    near = [t for c in clause.children if c.i < clause.i for t in (c, *c.children)]
    pronoun = next((t for t in near if "Rel" in morph(t, "PronType")), None)
    if pronoun is None:
        return None
    candidates = {t.i: t for t in nouns}
    if clause.dep_ == "acl:relcl" and clause.head.i in candidates:
        return candidates[clause.head.i]
    return agreeing_noun_before(pronoun if morph(pronoun, "Number") else clause, pronoun.i, nouns)


def agreeing_noun_before(word: Token, start: int, nouns: Iterable[Token], *, gender: bool = True) -> Token | None:
    """The nearest of ``nouns`` before token ``start`` that agrees in number (and gender,
    when both say it and ``gender`` asks it) with ``word``, in the same clause: no finite verb, line break or
    semicolon between them, at most a few words away.

    A participle between them ("approuvé en juin par …") only describes the noun.
    """
    candidates = {t.i for t in nouns}
    doc = word.doc
    number, genders = morph(word, "Number"), (morph(word, "Gender") if gender else [])
    for k in range(start - 1, max(start - 1 - _MAX_ANTECEDENT_GAP, word.sent.start - 1), -1):
        tok = doc[k]
        # a capitalised "verb" inside a sentence is a word of a name ("Rock'n Loire")
        finite = tok.pos_ in ("VERB", "AUX") and "Part" not in morph(tok, "VerbForm") and not tok.text[:1].isupper()
        if finite or tok.text in (";", ":") or "\n" in tok.text_with_ws:
            return None
        if k in candidates and morph(tok, "Number") in ([], number or morph(tok, "Number")) and (
            not genders or morph(tok, "Gender") in ([], genders)
        ):
            return tok
    return None


__all__ = [
    "DEFINITES",
    "DEMONSTRATIVES",
    "DE_WORDS",
    "POSSESSIVES",
    "SINGULAR_PRONOUNS",
    "SUBJECT_PRONOUNS",
    "agreeing_noun_before",
    "appositive_ranges",
    "inside",
    "morph",
    "preceding_word",
    "relative_antecedent",
    "strip_det",
]
