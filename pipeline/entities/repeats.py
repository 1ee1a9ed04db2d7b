"""Repeats of an organisation's name that the model left untagged.

One name, one label across the article: once "la coopérative Terres d'Argoat" is an
organisation, a later "Terres d'Argoat" the model did not tag is the same body.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.entities.candidates import Candidate, is_cap


def add_org_repeats(doc: Doc, ents: list[Candidate]) -> list[Candidate]:
    """Tag the untagged repeats of the article's organisation names as ORG.

    A repeat is the whole name of an ORG entity of two words or more, or of one coined
    word, an acronym or no French word ("la start-up Vélocia" ... "Vélocia recrute": a
    one-word name that is a French word is too often a common capitalised word,
    "Orange", "Ville"), not glued to a hyphen, not followed by a
    capitalised word (it would be part of a longer name), overlapping no entity. The
    bare head noun ("la Ville" after "Ville de Tulle") is left alone: the golds do not
    agree on it.

    Args:
        doc: the doc.
        ents: non-overlapping candidates sorted by start.

    Returns:
        The candidates with the repeats added, sorted by start.
    """
    names = {
        tuple(t.text for t in doc[e.start : e.end])
        for e in ents
        if e.label == "ORG" and (e.end - e.start >= 2 or _coined(doc[e.start]))
    }
    if not names:
        return ents
    # the names by their first word, longest first: a token is compared with those only
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[Candidate] = []
    i = 0
    while i < len(doc):
        candidates = by_first.get(doc[i].text)
        n = _repeat_length(doc, i, candidates, covered) if candidates and is_cap(doc[i]) else 0
        if n:
            added.append(Candidate(i, i + n, "ORG"))
            covered.update(range(i, i + n))
        i += n or 1
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _repeat_length(doc: Doc, i: int, names: list[tuple[str, ...]], covered: set[int]) -> int:
    """The length of the name repeated at token ``i``, 0 when there is none."""
    for name in names:
        end = i + len(name)
        if (
            end <= len(doc)
            and tuple(t.text for t in doc[i:end]) == name
            and not covered.intersection(range(i, end))
            and (end == len(doc) or not is_cap(doc[end]))
            # "CGT" in "CGT-Energie": a piece of a hyphenated name
            and not _glued_to_hyphen(doc, i, end)
        ):
            return len(name)
    return 0


def _glued_to_hyphen(doc: Doc, start: int, end: int) -> bool:
    """A hyphen right before or after the tokens, without a space."""
    before = start > 0 and doc[start - 1].text in _HYPHENS and not doc[start - 1].whitespace_
    after = end < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_
    return before or after


_HYPHENS = frozenset({"-", "–"})


def _coined(tok: Token) -> bool:
    """A one-word name that is no French word: an acronym ("COMESA") or a word whose
    lower-case form has no vector in the model ("Lumeo", not "Orange" or "Ville");
    without vectors nothing is coined."""
    vocab = tok.doc.vocab
    return vocab.vectors.shape[0] > 0 and tok.is_alpha and (tok.is_upper or not vocab.has_vector(tok.lower_))
