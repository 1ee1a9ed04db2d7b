"""People (names, titles, affiliation) and direct quotes with their speaker.

:func:`find_people` groups the PER mentions of an article under one full name
("M. Wahl" and "Wahl" go to "Philippe Wahl") and reads titles from two French
patterns: the apposition after the name ("Pierre Billet, délégué au développement
régional") and the title phrase before it ("le PDG du Groupe, Philippe Wahl",
"la maire de Rennes, Nathalie Appéré"). Title head words, honorifics and
attribution verbs are data (``resources/titles_fr.json``, ``resources/people_fr.json``).

:func:`find_quotes` reads « … », “ … ” and "…" quotations and finds the speaker in
an incise inside the quote (« Nous voulons…, explique Pierre Billet, délégué… »),
right after it (», a déclaré X), or before it (X explique : « … », selon X, « … »);
"il"/"elle" and short names are resolved to the last full name seen.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import doc_text, norm_word
from pipeline.records import Evidence, Person, Quote
from pipeline.resources import entries_with_use, read_json

logger = logging.getLogger(__name__)

_QUOTE_PATTERNS = (
    re.compile(r"«([^«»]*)»"),
    re.compile(r"“([^“”]*)”"),
    re.compile(r'"([^"\n]*)"'),
)
_TITLE_STOP = frozenset({",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”", "!", "?", "—", "–"})
_PRONOUNS = frozenset({"il", "elle"})
_DETERMINERS = frozenset({"le", "la", "l'", "les", "un", "une", "du", "de", "son", "sa", "notre"})
_MAX_TITLE_TOKENS = 12
_MIN_QUOTE_WORDS = 6
_SENT_END = frozenset({".", "!", "?", "«"})
#: an unattributed quote goes to the person named at most this many characters before it
_RECENT_CHARS = 300


def iter_quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of quoted text, inside the marks and without edge spaces.

    Args:
        text: the article text.

    Yields:
        ``(start, end)`` of each quotation's content, in text order.
    """
    found: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span(1)
            content = text[start:end]
            start += len(content) - len(content.lstrip())
            end -= len(content) - len(content.rstrip())
            if start < end:
                found.append((start, end))
    yield from sorted(found)




@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    """Title words, honorifics and attribution cues read from the resource files."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    attribution_verbs: frozenset[str]
    #: inflected forms of the -er verbs, for when the tagger takes "argumente" for a noun
    attribution_forms: frozenset[str]
    attribution_preps: frozenset[str]


@functools.cache
def load_lexicon() -> PeopleLexicon:
    """Read the packaged people/quote cue words once per process.

    Titles and honorifics are the entries of the shared ``titles_fr.json`` table marked
    for people; the attribution cues are in ``people_fr.json``.

    Returns:
        The :class:`PeopleLexicon`.
    """
    raw: dict[str, Any] = read_json("people_fr.json")
    titles = read_json("titles_fr.json")["titles"]
    return PeopleLexicon(
        titles=frozenset(norm_word(t) for t in entries_with_use(titles, "people")),
        honorifics=frozenset(norm_word(h) for h in entries_with_use(titles, "honorific")),
        attribution_verbs=frozenset(norm_word(v) for v in raw["attribution_verbs"]),
        attribution_forms=frozenset(
            v[:-2] + ending
            for v in (norm_word(v) for v in raw["attribution_verbs"])
            if v.endswith("er") and " " not in v
            for ending in ("e", "ent", "é", "ait", "a")
        ),
        attribution_preps=frozenset(norm_word(p) for p in raw["attribution_preps"]),
    )


# --- people -------------------------------------------------------------------------


@dataclass(slots=True)
class _PersonDraft:
    name: str
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Evidence] = field(default_factory=list)
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    """A PER or ORG mention as a token span."""

    span: Span
    label: str
    canonical: str
    entity_id: str | None


def _mentions(doc: Doc) -> list[_Mention]:
    out: list[_Mention] = []
    entities = doc._.entities if Doc.has_extension("entities") else ()
    if entities:
        for m in entities:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.append(_Mention(span, m.label, m.canonical or m.text, m.entity_id))
    else:
        out = [_Mention(e, e.label_, e.text, None) for e in doc.ents]
    return sorted(out, key=lambda m: m.span.start)


def _clean_name(span: Span, lex: PeopleLexicon) -> Span:
    """Drop a leading honorific ("M. Wahl" -> "Wahl")."""
    start = span.start
    while start < span.end - 1 and norm_word(span.doc[start].text) in lex.honorifics:
        start += 1
    return span.doc[start : span.end]


def _surname(name: str) -> str:
    return norm_word(name.split()[-1]) if name.split() else ""


def _is_title_word(tok: Token, lex: PeopleLexicon) -> bool:
    return norm_word(tok.text) in lex.titles or norm_word(tok.lemma_) in lex.titles


def _title_after(name: Span, lex: PeopleLexicon) -> Span | None:
    """ "Pierre Billet, délégué au développement régional[,.]" -> the title span."""
    doc = name.doc
    k = name.end
    # "a nommé Nathalie Ferrand au poste de directrice générale"
    if k + 3 < len(doc) and [norm_word(t.text) for t in doc[k : k + 2]] == ["au", "poste"]:
        k += 2  # doc[k] is now "de"/"d'", which the title reading skips like a comma
    elif k >= len(doc) or doc[k].text != ",":
        return None
    # "Stéphane Kieffer, 47 ans, ingénieur …": skip the age
    if (
        k + 3 < len(doc)
        and doc[k + 1].like_num
        and norm_word(doc[k + 2].text) == "ans"
        and doc[k + 3].text == ","
    ):
        k += 3
    start = k + 1
    while (
        start < len(doc)
        and norm_word(doc[start].text) in _DETERMINERS
        and doc[start].text[:1].islower()
    ):
        start += 1
    if start >= len(doc) or not _is_title_word(doc[start], lex):
        return None
    end = start + 1
    while (
        end < len(doc)
        and end - start < _MAX_TITLE_TOKENS
        and doc[end].text not in _TITLE_STOP
        and not doc[end].is_space
        and doc[end].pos_ not in ("VERB", "AUX", "PRON")
        and norm_word(doc[end].text) not in ("qui", "que", "dont")
    ):
        # "présidente et cofondatrice d'Océavia" goes on; "X, maire, et Y" stops
        if norm_word(doc[end].text) == "et" and not (
            end + 1 < len(doc) and _is_title_word(doc[end + 1], lex)
        ):
            break
        end += 1
    return doc[start:end]


def _title_before(name: Span, lex: PeopleLexicon, *, has_sents: bool) -> Span | None:
    """ "le PDG du Groupe, Philippe Wahl" / "la ministre déléguée chargée de l'Industrie,
    Martine Lavergne" -> the title (from its leftmost title word, with the adjectives
    before it: "ancien ingénieur de …")."""
    doc = name.doc
    end = name.start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    k = end - 1
    floor = max(name.sent.start if has_sents else 0, end - _MAX_TITLE_TOKENS)
    leftmost: int | None = None
    while k >= floor:
        tok = doc[k]
        finite = "Fin" in str(tok.morph.to_dict().get("VerbForm", "")) or tok.pos_ == "AUX"
        if tok.text in _TITLE_STOP or tok.is_space or finite:
            break
        if _is_title_word(tok, lex):
            leftmost = k
        k -= 1
    if leftmost is None or leftmost >= end:
        return None
    while leftmost > floor and doc[leftmost - 1].pos_ == "ADJ":
        leftmost -= 1
    return doc[leftmost:end]


def _is_former(title: Span) -> bool:
    """ "ancien directeur de …": the person no longer works there."""
    return any(
        norm_word(t.lemma_) in ("ancien", "ex") or norm_word(t.text).startswith("ex-") for t in title
    )


def _affiliation(title: Span, orgs: Sequence[_Mention], all_orgs: Counter[str]) -> str | None:
    """The organisation named inside a title ("PDG du Groupe" -> "Groupe La Poste")."""
    for org in orgs:
        if title.start <= org.span.start < title.end:
            name = org.canonical
            if len(name.split()) == 1:
                # a generic "Groupe" stands for the article's "Groupe La Poste"
                fuller = [n for n, _ in all_orgs.most_common() if norm_word(name) in norm_word(n).split()]
                if fuller:
                    return max(fuller, key=lambda n: (all_orgs[n], len(n)))
            return name
    return None


def _person_key(m: _Mention, lex: PeopleLexicon) -> str | None:
    """The name a PER mention stands for (honorific dropped), or None if it is not a name."""
    text = _clean_name(m.span, lex).text.strip()
    if not text or not text[:1].isupper():
        return None
    return m.canonical if m.canonical != m.span.text else text


def find_people(doc: Doc) -> list[Person]:
    """Find the people of one article with their titles and affiliation.

    Args:
        doc: a ``Doc`` with entities (``doc._.entities`` or ``doc.ents``); titles also
            use POS tags when present.

    Returns:
        One :class:`~pipeline.records.Person` per person, in order of first mention,
        named by the fullest form seen, with every mention as evidence.
    """
    register_extensions()
    lex = load_lexicon()
    mentions = _mentions(doc)
    orgs = [m for m in mentions if m.label == "ORG"]
    org_counts: Counter[str] = Counter(m.canonical for m in orgs)
    dominant = next((n for n, c in org_counts.most_common(1) if c >= 2), None)
    pers = [m for m in mentions if m.label == "PER"]
    has_sents = doc.has_annotation("SENT_START")  # once: it scans the whole doc
    # full names first, so that "M. Wahl" or "Wahl" before or after goes to "Philippe Wahl"
    by_surname: dict[str, str] = {}
    for m in pers:
        key = _person_key(m, lex)
        if key is not None and len(key.split()) > 1:
            by_surname.setdefault(_surname(key), key)
    people: dict[str, _PersonDraft] = {}
    for m in pers:
        key = _person_key(m, lex)
        if key is None:
            continue
        if len(key.split()) == 1:
            if _surname(key) not in by_surname:
                continue  # "Gambetta", "Crohn", "Simone-Veil": a street or a disease, rarely a person
            key = by_surname[_surname(key)]
        span = _clean_name(m.span, lex)
        draft = people.get(key)
        if draft is None:
            draft = people[key] = _PersonDraft(name=key, entity_id=m.entity_id)
        draft.mentions.append(Evidence(start=span.start_char, end=span.end_char, text=span.text))
        for title in (
            _title_after(m.span, lex),
            _title_before(m.span, lex, has_sents=has_sents),
        ):
            if title is None:
                continue
            text_title = title.text.strip()
            if text_title and text_title not in draft.titles:
                draft.titles.append(text_title)
            if draft.affiliation is None and not _is_former(title):
                draft.affiliation = _affiliation(title, orgs, org_counts)
    out: list[Person] = []
    for draft in people.values():
        affiliation = draft.affiliation
        if affiliation is None:
            # a press release's people work for its issuer unless told otherwise: on the
            # team's corpora this guess is right more often than not (affiliation accuracy
            # 0.59 -> 0.70); it is a default, wrong for outsiders named in passing
            affiliation = dominant
        out.append(
            Person(
                name=draft.name,
                titles=tuple(draft.titles),
                affiliation=affiliation,
                mentions=tuple(draft.mentions),
                entity_id=draft.entity_id,
            )
        )
    return out


# --- quotes -------------------------------------------------------------------------


def _resolve(name: str, people: Sequence[Person]) -> Person | None:
    low = norm_word(name)
    for p in people:
        if norm_word(p.name) == low:
            return p
    for p in people:
        if _surname(p.name) == _surname(name):
            return p
    return None


def _per_at(doc: Doc, start: int, end: int, pers: Sequence[_Mention]) -> _Mention | None:
    for m in pers:
        if start <= m.span.start < end:
            return m
    return None


def _is_pronoun(tok: Token) -> bool:
    """ "il", "elle", and their inverted forms "-il", "-t-elle"."""
    return norm_word(tok.text).lstrip("-").removeprefix("t-") in _PRONOUNS


def _speaker_after_verb(
    doc: Doc, k: int, limit: int, pers: Sequence[_Mention], lex: PeopleLexicon
) -> tuple[str | None, Token] | None:
    """At an attribution verb ``doc[k]``: the PER or pronoun that follows it."""
    verb = doc[k]
    j = k + 1
    # "a-t-il expliqué", "explique-t-elle": the subject clitic is glued with hyphens
    while j < limit and (doc[j].pos_ in ("AUX", "VERB") or doc[j].text.startswith("-")):
        if _is_pronoun(doc[j]):
            return None, verb
        j += 1
    if j < limit and _is_pronoun(doc[j]):
        return None, verb
    # "explique Pierre Billet", "précise le directeur du site, Olivier Lecanu"
    stop = k + 1
    while stop < min(limit, k + 12) and doc[stop].text not in (".", "«", "»", ";", ":"):
        stop += 1
    m = _per_at(doc, k + 1, stop, pers)
    if m is not None:
        return m.canonical, verb
    if j < limit and (doc[j].pos_ == "DET" or norm_word(doc[j].text) in _DETERMINERS):
        # "a confié le vainqueur": a description of someone already named
        return None, verb
    return None


def _find_speaker(
    doc: Doc, quote: Span, pers: Sequence[_Mention], lex: PeopleLexicon, *, has_sents: bool
) -> tuple[str | None, str | None, bool]:
    """(speaker name or None, verb text, found) for one quotation."""

    def is_attr(tok: Token) -> bool:
        low = norm_word(tok.text)
        return (
            norm_word(tok.lemma_) in lex.attribution_verbs
            or low in lex.attribution_verbs
            or low in lex.attribution_forms
        )

    # 1. incise inside the quote: ", explique Pierre Billet, délégué…"
    for k in range(quote.start + 1, quote.end):
        if doc[k - 1].text == "," and is_attr(doc[k]):
            found = _speaker_after_verb(doc, k, quote.end, pers, lex)
            if found is not None:
                return found[0], found[1].text, True
    # 2. right after the closing mark: "», a déclaré X" / "» selon X"
    # the parser often ends a sentence at "»": read on to the next full stop instead
    sent_end = quote.end + 1
    while sent_end < min(len(doc), quote.end + 25) and doc[sent_end - 1].text not in _SENT_END:
        sent_end += 1
    sent_end = min(sent_end, len(doc))
    limit = min(sent_end, quote.end + 10)
    for k in range(quote.end, limit):
        tok = doc[k]
        if norm_word(tok.text) in lex.attribution_preps - {"pour"}:
            m = _per_at(doc, k + 1, min(limit, k + 4), pers)
            if m is not None:
                return m.canonical, tok.text, True
        if is_attr(tok):
            # the speaker may come after a long title: "a plaidé le vice-président …, X"
            found = _speaker_after_verb(doc, k, max(limit, min(sent_end, k + 14)), pers, lex)
            if found is not None:
                return found[0], found[1].text, True
            # "», a-t-il précisé" / "», précise-t-elle": an inverted subject pronoun
            if any(_is_pronoun(t) for t in doc[quote.end : min(limit, k + 3)]):
                return None, tok.text, True
    # 3. before the opening mark: "X explique : « … »", "Selon X, « … »"
    sent_start = doc[quote.start].sent.start if has_sents else 0
    for k in range(quote.start - 1, max(sent_start, quote.start - 16) - 1, -1):
        tok = doc[k]
        if is_attr(tok):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            m = _per_at(doc, max(sent_start, k - 6), k, pers)
            if subj is not None and norm_word(subj.text) in _PRONOUNS:
                return None, tok.text, True
            if m is not None:
                return m.canonical, tok.text, True
        if norm_word(tok.text) in lex.attribution_preps:
            m = _per_at(doc, k + 1, min(quote.start, k + 5), pers)
            if m is not None:
                return m.canonical, tok.text, True
    return None, None, False


def find_quotes(doc: Doc, people: Sequence[Person] | None = None) -> list[Quote]:
    """Find the direct quotations of one article and who said them.

    Args:
        doc: a ``Doc`` with entities; attribution uses lemmas and the parse when present.
        people: the article's people (from :func:`find_people`) to give full names and
            titles; computed when not given.

    Returns:
        Quotes in text order; ``text`` is everything between the marks (incise
        included), ``text == doc.text[start:end]``.
    """
    register_extensions()
    lex = load_lexicon()
    if people is None:
        people = find_people(doc)
    # only mentions that are people ("place Gambetta" is not)
    pers = [
        m
        for m in _mentions(doc)
        if m.label == "PER" and _resolve(_clean_name(m.span, lex).text, people) is not None
    ]
    out: list[Quote] = []
    text = doc_text(doc)
    has_sents = doc.has_annotation("SENT_START")
    for start, end in iter_quoted_spans(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        name, verb, found = _find_speaker(doc, span, pers, lex, has_sents=has_sents)
        words = sum(1 for t in span if t.is_alpha)
        if not found and words < _MIN_QUOTE_WORDS:
            continue  # a quoted title or name (« Cap Manager »), not speech
        if not found and not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        before = [m for m in pers if m.span.end <= span.start]
        if name is None and before:
            recent = before[-1]
            # "il"/"elle", "le vainqueur", or no attribution at all: the person named
            # last, when it is close (the quote goes on about them)
            if found or start - recent.span.end_char <= _RECENT_CHARS:
                name = recent.canonical
        person = None if name is None else _resolve(name, people)
        speaker = person.name if person is not None else name
        out.append(
            Quote(
                speaker=speaker,
                text=text[start:end],
                start=start,
                end=end,
                verb=verb,
                speaker_title=person.titles[0] if person is not None and person.titles else None,
            )
        )
    return out


@Language.factory("fr_news_people")
def make_people_component(nlp: Language, name: str) -> PeopleComponent:
    """spaCy factory for the people/quotes component (``nlp.add_pipe("fr_news_people")``).

    Args:
        nlp: the pipeline the component is added to.
        name: the component's name in that pipeline.

    Returns:
        The component.
    """
    register_extensions()
    return PeopleComponent(name)


class PeopleComponent:
    """Stores :func:`find_people` in ``doc._.people`` and :func:`find_quotes` in ``doc._.quotes``."""

    def __init__(self, name: str = "fr_news_people") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        people = find_people(doc)
        doc._.people = tuple(people)
        doc._.quotes = tuple(find_quotes(doc, people))
        return doc


__all__ = [
    "PeopleComponent",
    "PeopleLexicon",
    "find_people",
    "find_quotes",
    "iter_quoted_spans",
    "load_lexicon",
    "make_people_component",
]
