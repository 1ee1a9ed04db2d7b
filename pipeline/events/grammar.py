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


__all__ = [
    "DEFINITES",
    "DEMONSTRATIVES",
    "DE_WORDS",
    "POSSESSIVES",
    "appositive_ranges",
    "inside",
    "morph",
    "preceding_word",
    "strip_det",
]
