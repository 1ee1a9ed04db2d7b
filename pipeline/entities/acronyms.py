"""Acronyms: "Expansion (ACR)" and "ACR (Expansion)" become one entity with one label."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.entities.candidates import ACRONYM_RE, Candidate, has_cap, is_cap
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words

#: "(Drac)", "(Feder)": acronyms written as words, accepted only inside parentheses
_TITLE_ACRONYM_RE = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ]{2,6}$"
    # "(FFTri)", "(CRIStAL)": mixed-case acronyms with at least two capitals
    r"|^(?=(?:[^A-ZÀ-Ý]*[A-ZÀ-Ý]){2})[A-ZÀ-Ý][A-Za-zÀ-ÿ]{2,7}$"
)


def _letter(c: str) -> str:
    """A letter without its accent, in upper case: "é" and "E" spell the same initial."""
    return unicodedata.normalize("NFD", c)[0].upper()


def _initials_match(acronym: str, words: Sequence[str], stop_words: frozenset[str]) -> bool:
    """Do the capital letters of ``acronym`` spell the initials of ``words``?

    Accents do not count: "Agence de développement économique" spells "ADE".
    """
    letters = [_letter(c) for c in acronym if c.isalpha()]
    content = [w for w in words if w.lower() not in stop_words and w[:1].isalpha()]
    initials = [_letter(w[0]) for w in content]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    if letters == initials:
        return True
    # allow extra letters taken from inside a word ("BIC" from "Business Incubation Centre")
    # only when every content word contributes its initial in order
    it = iter(letters)
    return all(any(c == ini for c in it) for ini in initials) and len(letters) <= 2 * len(initials)


def pair_acronyms(
    doc: Doc, ents: list[Candidate], rules: EntityRules
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Find "Expansion (ACR)" and "ACR (Expansion)" and make both one ORG (or their label).

    The article's bare mentions of an acronym it defined ("l'ADE a recruté" after
    "l'Agence de développement économique (ADE)", "la CCI" after "(CCI Hérault)") are
    linked to the expansion too, and added when the model left them out: one entity, whose
    canonical name is the expansion, for the entities, the corpus table and the events.

    Returns:
        The candidates sorted by start, and the links as index pairs (expansion, mention).
    """
    pairs = _find_pairs(doc, ents, rules)
    if not pairs:
        return ents, []
    common = [
        acr
        for exp, acr in pairs
        if not has_cap(doc[exp[0] : exp[1]])
        and (not _is_body_noun(doc[exp[0]], rules) or _after_indefinite(doc, exp[0], rules))
    ]
    if common:
        # "PME (petites et moyennes entreprises)": the acronym of a common noun is no name;
        # "service national de renseignement (SNR)" is a body written in lower case
        ents = [e for e in ents if e.protected or (e.start, e.end) not in common]
        pairs = [(exp, acr) for exp, acr in pairs if acr not in common]
    labels: list[str] = []
    for expansion, acronym in pairs:
        label = _pair_label(ents, expansion, acronym)
        labels.append(label)
        for rng in (expansion, acronym):
            ents = [
                e for e in ents if e.end <= rng[0] or e.start >= rng[1] or (e.start, e.end) == rng
            ]
            existing = next((e for e in ents if (e.start, e.end) == rng), None)
            if existing is None:
                ents.append(Candidate(rng[0], rng[1], label))
            elif not existing.protected:
                existing.label = label
    bare = _bare_mentions(doc, ents, pairs, labels)
    ents.sort(key=lambda e: e.start)
    index = {(e.start, e.end): k for k, e in enumerate(ents)}
    links = [(index[a], index[b]) for a, b in [*pairs, *bare] if a in index and b in index]
    return ents, links


def _find_pairs(
    doc: Doc, ents: list[Candidate], rules: EntityRules
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (expansion, acronym) token ranges of "Expansion (ACR)", "Expansion (ACR Place)"
    and "ACR (Expansion)"."""
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    n = len(doc)
    for i, text in enumerate(doc_words(doc)[0]):
        if text != "(":
            continue
        close = next((j for j in range(i + 1, min(n, i + 12)) if doc[j].text == ")"), None)
        if close is None or close == i + 1:
            continue
        inside = (i + 1, close)
        first = doc[i + 1].text
        if (close - i == 2 and (ACRONYM_RE.match(first) or _TITLE_ACRONYM_RE.match(first))) or (
            # "(CCI Hérault)": the acronym and the place its expansion ends with
            ACRONYM_RE.match(first)
            and close - i <= 2 + _MAX_PLACE_WORDS
            and all(is_cap(t) for t in doc[i + 2 : close])
        ):
            before = _expansion_before(doc, i, first, ents, rules)
            if before is not None:
                pairs.append((before, inside))
        elif i > 0 and ACRONYM_RE.match(doc[i - 1].text):
            words = [t.text for t in doc[inside[0] : inside[1]]]
            if _initials_match(doc[i - 1].text, words, rules.acronym_stop_words):
                pairs.append((inside, (i - 1, i)))
    return pairs


#: at most this many capitalised words of a place after an acronym in parentheses
_MAX_PLACE_WORDS = 3


def _bare_mentions(
    doc: Doc,
    ents: list[Candidate],
    pairs: list[tuple[tuple[int, int], tuple[int, int]]],
    labels: list[str],
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The article's other mentions of its defined acronyms, as (expansion, mention) ranges.

    A mention is the acronym as written, or its first word when the acronym carries a
    place ("CCI" of "CCI Hérault") and no other acronym of the article starts with it.
    An entity on exactly those words takes the pair's label; words no entity covers
    become one when they are an all-capital acronym not followed by another name ("l'ADE
    a recruté", not "ADE Conseil"). ``ents`` is modified in place.
    """
    keys: dict[tuple[str, ...], int] = {}
    heads: dict[str, set[int]] = {}
    for k, (_, (a, b)) in enumerate(pairs):
        keys[tuple(t.text for t in doc[a:b])] = k
        if b - a > 1:
            heads.setdefault(doc[a].text, set()).add(k)
    for head, ks in heads.items():
        if len(ks) == 1:
            keys.setdefault((head,), next(iter(ks)))
    defined = {i for rng in pairs for i in range(*rng[0])} | {i for rng in pairs for i in range(*rng[1])}
    by_range = {(e.start, e.end): e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    texts = doc_words(doc)[0]
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for i, text in enumerate(texts):
        for key, k in keys.items():
            if text != key[0] or tuple(texts[i : i + len(key)]) != key:
                continue
            rng = (i, i + len(key))
            if defined.intersection(range(*rng)):
                continue
            existing = by_range.get(rng)
            if existing is None:
                nxt = doc[rng[1]] if rng[1] < len(doc) else None
                if covered.intersection(range(*rng)) or not ACRONYM_RE.match(text) or (
                    nxt is not None and is_cap(nxt) and not nxt.is_punct
                ):
                    continue
                ents.append(Candidate(rng[0], rng[1], labels[k]))
            elif not existing.protected:
                existing.label = labels[k]
            out.append((pairs[k][0], rng))
    return out


def _after_indefinite(doc: Doc, i: int, rules: EntityRules) -> bool:
    """ "un comité social et économique (CSE)": a kind of body, not a body's name."""
    return i > 0 and doc[i - 1].lower_ in rules.acronym_kind_articles


def _is_body_noun(tok: Token, rules: EntityRules) -> bool:
    """A lower-case noun that heads the name of a body ("conseil", "service", "agence")."""
    return tok.is_lower and (
        tok.lower_ in rules.collectivity_heads
        or tok.lower_ in rules.org_triggers_lower_first
        or tok.lower_ in rules.institution_nouns
    )


def _expansion_before(
    doc: Doc, paren: int, acronym: str, ents: list[Candidate], rules: EntityRules
) -> tuple[int, int] | None:
    """The expansion ending right before "(ACR)": an entity, or words spelling ACR.

    The nearest start whose content-word initials spell the acronym wins.
    """
    for e in ents:
        if e.end == paren and (
            _initials_match(acronym, [t.text for t in doc[e.start : e.end]], rules.acronym_stop_words)
            or _initials_match(
                acronym, _without_place_tail(doc[e.start : e.end], rules), rules.acronym_stop_words
            )
        ):
            return (e.start, e.end)
        if e.end < paren and _lower_tail(doc, e, paren) and doc[e.start].text[:1] == acronym[:1]:
            # "Institut national de recherche pour l'agriculture" + ", l'alimentation et
            # l'environnement (INRAE)": the model stopped early, the acronym ends the name
            return (e.start, paren)
    limit = max(0, paren - 3 * len(acronym) - 2)
    for start in range(paren - 1, limit - 1, -1):
        tok = doc[start]
        if tok.is_punct or tok.is_space:
            break
        if not (is_cap(tok) or _is_body_noun(tok, rules)) or tok.text in rules.determiners_cased:
            continue  # "Les petites et moyennes entreprises (PME)": capitalised by position
        words = [t.text for t in doc[start:paren]]
        if _initials_match(acronym, words, rules.acronym_stop_words):
            if (
                tok.is_lower
                and doc[start + 1].ent_type_ != "PER"
                and any(e.start == start + 1 and e.end == paren for e in ents)
            ):
                # "l'association Roue libre (ARL)": the acronym spells the body noun too,
                # the name is what follows it; not a person's name, which the noun makes
                # a body's ("l'association Jeanne Morel (AJM)")
                return (start + 1, paren)
            return (start, paren)
    return None


#: at most this many tokens between an entity and the acronym that ends its name
_MAX_TAIL = 8


def _lower_tail(doc: Doc, ent: Candidate, paren: int) -> bool:
    """Lower-case words (and commas, apostrophes) only between ``ent`` and "(", no verb."""
    if ent.protected or ent.label == "PER" or paren - ent.end > _MAX_TAIL:
        return False
    tail = doc[ent.end : paren]
    return any(t.is_alpha for t in tail) and all(
        (t.is_lower and t.is_alpha and t.pos_ not in {"VERB", "AUX"})
        or t.text in {",", "'", "’"}
        or t.lower_ in {"l'", "l’", "d'", "d’"}
        for t in tail
    )


def _without_place_tail(span: Span, rules: EntityRules) -> list[str]:
    """Words of an expansion, without a final "de Bretagne" the acronym leaves out.

    "Direction régionale des affaires culturelles de Bretagne (Drac)", "chambre de
    commerce et d'industrie de l'Hérault (CCI Hérault)": the place is part of the name but
    not of the acronym.
    """
    words = [t.text for t in span]
    k = len(words)
    while k > 1 and words[k - 1][:1].isupper():
        k -= 1
    if k < len(words) and k > 1 and words[k - 1].lower() in rules.acronym_place_articles:
        k -= 1
    if k < len(words) and k > 1 and words[k - 1].lower() in {"de", "du", "d'", "d’"}:
        return words[: k - 1]
    return words


def _pair_label(ents: list[Candidate], expansion: tuple[int, int], acronym: tuple[int, int]) -> str:
    labels = {(e.start, e.end): e.label for e in ents if (e.start, e.end) in (expansion, acronym)}
    exp_label = labels.get(expansion)
    if "ORG" in labels.values():
        return "ORG"  # "Paris Saint-Germain (PSG)": either side says organisation
    if exp_label in {"ORG", "LOC", "PER"}:
        return exp_label
    if labels.get(acronym) in {"ORG", "LOC"}:
        return labels[acronym]
    return "ORG"
