"""Events: what happened or is planned, when, where, who, how many.

:func:`find_events` reads a parsed ``Doc`` (dependencies, lemmas, entities) plus the
date mentions of the dates component (``doc._.dates``) and returns one
:class:`~pipeline.records.Event` per real-world event of the article.

How it works, per sentence:

1. *Triggers* are lemmas from ``resources/events_fr.json`` (nominal "la venue",
   verbal "a visité", multiword "levée de fonds"). A nominal trigger governed by a
   support verb ("a conclu un partenariat", "la rencontre aura lieu") or modified by
   one ("une rencontre organisée") is one mention; a noun that is counted ("une
   quarantaine de rendez-vous") is a quantity, not an event.
2. The sentence is cut into one *segment* per mention (from the mention's phrase to
   the next mention's): the parser often attaches dates and names to the wrong head
   in long French sentences, while the linear order of a press sentence is reliable.
3. In its segment a mention takes its date, participants (named entities, and the
   items of an "avec …" list), location ("à/au/dans" + place), name (MISC entity or
   short quoted name) and quantities (those governed by the trigger or its verb).
4. Status comes from tense, mood and cue words; when the verb gives nothing the
   date is compared with the publication date.

Mentions of one real-world event are then merged inside the article: same type and
compatible dates (one may be a prefix of the other: "décembre 2014" and
"11 décembre 2014"), or an undated anaphoric mention ("cette rencontre") with the
last event of its type. Every mention's evidence span is kept.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.attrs import LEMMA, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import doc_text, doc_words, norm_word
from pipeline.people import iter_quoted_spans
from pipeline.quantities import find_quantities
from pipeline.records import (
    DateMention,
    Event,
    EventStatus,
    Evidence,
    Participant,
    Quantity,
    Role,
)

logger = logging.getLogger(__name__)

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
_DEFINITES = frozenset({"le", "la", "l'", "les"})
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos"})
_ANAPHORIC_ADJ = frozenset({"premier", "première", "même", "dernier", "dernière"})
_DE_WORDS = frozenset({"de", "du", "des", "d'"})
_CLAUSE_BREAK = frozenset({";", ":", "(", ")", "—", "–"})
_PARTICIPANT_LABELS = frozenset({"ORG", "PER"})
_MAX_NAME_TOKENS = 8


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Trigger lemmas and cue words read from ``events_fr.json``."""

    nouns: dict[tuple[str, ...], str]
    verbs: dict[str, str]
    #: verbs that are events only when dated: lemma -> type
    dated_only_verbs: dict[str, str]
    generic_verbs: frozenset[str]
    reflexive_verbs: frozenset[str]
    #: verbs that are not events when reflexive ("les concerts se succéderont")
    non_reflexive_verbs: frozenset[str]
    weak_nouns: frozenset[str]
    support_verbs: frozenset[str]
    planned_lemmas: frozenset[str]
    planned_words: tuple[tuple[str, ...], ...]
    ongoing_words: tuple[tuple[str, ...], ...]
    modal_planned_lemmas: frozenset[str]
    organizer_preps: frozenset[str]
    with_preps: frozenset[str]
    location_preps: frozenset[str]
    place_nouns: frozenset[str]
    generic_entity_words: frozenset[str]
    subject_roles: dict[str, str]
    with_roles: dict[str, str]
    default_roles: dict[str, str]
    generic_subject_nouns: frozenset[str]
    max_noun_len: int
    #: first words of the nominal triggers, to skip most tokens at once
    noun_heads: frozenset[str]




@functools.lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"\s+|(?<=')", norm_word(text)) if w)


@functools.cache
def load_lexicon() -> EventLexicon:
    """Read the packaged trigger lexicon once per process.

    Returns:
        The :class:`EventLexicon`.
    """
    raw: dict[str, Any] = json.loads(
        resources.files("pipeline.resources").joinpath("events_fr.json").read_text(encoding="utf-8")
    )
    nouns = {_words(w): kind for kind, ws in raw["nouns"].items() for w in ws}
    verbs = {norm_word(w): kind for kind, ws in raw["verbs"].items() for w in ws}
    return EventLexicon(
        nouns=nouns,
        verbs=verbs,
        dated_only_verbs={
            norm_word(w): kind for kind, ws in raw["dated_only_verbs"].items() for w in ws
        },
        generic_verbs=frozenset(norm_word(w) for w in raw["generic_verbs"]),
        reflexive_verbs=frozenset(norm_word(w) for w in raw["verb_requires_reflexive"]),
        non_reflexive_verbs=frozenset(norm_word(w) for w in raw["verb_forbids_reflexive"]),
        weak_nouns=frozenset(norm_word(w) for w in raw["weak_nouns"]),
        support_verbs=frozenset(norm_word(w) for w in raw["support_verbs"]),
        planned_lemmas=frozenset(raw["planned_lemmas"]),
        planned_words=tuple(_words(w) for w in raw["planned_words"]),
        ongoing_words=tuple(_words(w) for w in raw["ongoing_words"]),
        modal_planned_lemmas=frozenset(raw["modal_planned_lemmas"]),
        organizer_preps=frozenset(raw["organizer_preps"]),
        with_preps=frozenset(raw["with_preps"]),
        location_preps=frozenset(raw["location_preps"]),
        place_nouns=frozenset(raw["place_nouns"]),
        generic_entity_words=frozenset(raw["generic_entity_words"]),
        subject_roles=dict(raw["subject_roles"]),
        with_roles=dict(raw["with_roles"]),
        default_roles=dict(raw["default_roles"]),
        generic_subject_nouns=frozenset(raw["generic_subject_nouns"]),
        max_noun_len=max(len(k) for k in nouns),
        noun_heads=frozenset(k[0] for k in nouns),
    )


# --- entities -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ent:
    """A named entity as token offsets, from ``doc._.entities`` or ``doc.ents``."""

    start: int  # token index
    end: int
    label: str
    text: str
    canonical: str
    entity_id: str | None


def _doc_entities(doc: Doc) -> list[_Ent]:
    """The corrected entities when the entity component ran, else the model's."""
    out: list[_Ent] = []
    mentions = doc._.entities if Doc.has_extension("entities") else ()
    if mentions:
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(
                _Ent(span.start, span.end, m.label, m.text, m.canonical or m.text, m.entity_id)
            )
    else:
        out = [_Ent(e.start, e.end, e.label_, e.text, e.text, None) for e in doc.ents]
    out.sort(key=lambda e: e.start)
    return out


def _main_actor(doc: Doc, ents: Sequence[_Ent]) -> _Ent | None:
    """The organisation the article is about: mentioned at least twice, counting a
    mention in the opening sentence (the lede) three times."""
    first_sent_end = next(iter(doc.sents)).end if len(doc) else 0
    counts: Counter[str] = Counter()
    for e in ents:
        if e.label == "ORG":
            counts[e.canonical] += 3 if e.start < first_sent_end else 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    if count < 2:
        return None
    return next(e for e in ents if e.canonical == name)


# --- mentions ---------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    """One trigger occurrence with the arguments found in its segment."""

    trigger: Token
    trigger_end: int  # token index after the (multiword) trigger
    type: str
    nominal: bool
    support: Token | None = None
    weak: bool = False
    seg_start: int = 0
    seg_end: int = 0
    date: DateMention | None = None
    name: str | None = None
    location: str | None = None
    participants: list[Participant] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    status: EventStatus = "past"
    anaphoric: bool = False
    in_quote: bool = False
    #: a verb that reports an event only with a date ("annulé le 3 mars")
    dated_only: bool = False
    #: normalised names added by default (the issuer), not read in the text
    implicit: set[str] = field(default_factory=set)

    def explicit_names(self) -> set[str]:
        """Named participants read in the mention's own text."""
        return _named(self.participants) - self.implicit

    @property
    def phrase_start(self) -> int:
        """First token of the mention's phrase (its determiner, or the support verb)."""
        first = self.trigger.i
        for child in self.trigger.lefts:
            if child.dep_ in ("det", "amod", "nummod") or child.pos_ == "DET":
                first = min(first, child.i)
        if self.support is not None and self.support.i < first:
            first = self.support.i
        return first


def _match_noun(tokens: Span, i: int, lex: EventLexicon) -> tuple[int, str] | None:
    """Longest nominal trigger starting at ``tokens[i]``: (length, type).

    Asked only at the candidates of :func:`_trigger_candidates`, which tests the first
    word against the lexicon's trigger heads.
    """
    best: tuple[int, str] | None = None
    for n in range(1, lex.max_noun_len + 1):
        if i + n > len(tokens):
            break
        by_lemma = tuple(norm_word(t.lemma_ or t.text) for t in tokens[i : i + n])
        by_form = tuple(norm_word(t.text) for t in tokens[i : i + n])
        # the written form first: "Rencontres" (a conference) is not "rencontre"
        for key in (by_form, by_lemma):
            flat = tuple(w for part in key for w in _words(part))
            kind = lex.nouns.get(flat)
            if kind is not None:
                best = (n, kind)
                break
    return best


def _is_reflexive(verb: Token) -> bool:
    return any(c.dep_.startswith("expl") or norm_word(c.text) in ("se", "s'") for c in verb.children)


def _patient(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("obj", "nsubj:pass"):
            return child
    return None


class _SentenceQuantities:
    """The quantities of one sentence, read on first use."""

    __slots__ = ("_items", "_sent")

    def __init__(self, sent: Span) -> None:
        self._sent = sent
        self._items: list[Quantity] | None = None

    @property
    def items(self) -> list[Quantity]:
        if self._items is None:
            self._items = find_quantities(self._sent)
        return self._items


_NOUNISH = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"], 0})  # 0: no tag ("")
_VERB = POS_IDS["VERB"]
#: (POS, ORTH, LEMMA) hashes -> may a trigger start at such a token? Bounded by the
#: vocabulary; cleared if a very large corpus ever fills it.
_CANDIDATE_CACHE: dict[tuple[int, int, int], bool] = {}
_CANDIDATE_CACHE_MAX = 500_000


def _may_trigger(doc: Doc, pos: int, orth: int, lemma: int, lex: EventLexicon) -> bool:
    """The first tests of :func:`_find_mentions`'s loop, on a token's hashes."""
    if pos in _NOUNISH:
        text = doc.vocab.strings[orth]
        lemma_text = doc.vocab.strings[lemma] if lemma else ""
        heads = _words(norm_word(text))[:1] + _words(norm_word(lemma_text or text))[:1]
        return any(h in lex.noun_heads for h in heads)
    if pos == _VERB:
        lemma_word = norm_word(doc.vocab.strings[lemma] if lemma else "")
        return lemma_word in lex.verbs or lemma_word in lex.dated_only_verbs
    return False


def _trigger_candidates(doc: Doc, lex: EventLexicon) -> list[int]:
    """Indices of the tokens where :func:`_find_mentions` may find a trigger, in order.

    Read from the token arrays with one cached answer per distinct (tag, form, lemma):
    most sentences have none, and the per-token loop then never makes a ``Token``.
    """
    if len(_CANDIDATE_CACHE) > _CANDIDATE_CACHE_MAX:
        _CANDIDATE_CACHE.clear()
    found: list[int] = []
    for i, (pos, orth, lemma) in enumerate(doc.to_array([POS, ORTH, LEMMA]).tolist()):
        key = (pos, orth, lemma)
        hit = _CANDIDATE_CACHE.get(key)
        if hit is None:
            hit = _CANDIDATE_CACHE[key] = _may_trigger(doc, pos, orth, lemma, lex)
        if hit:
            found.append(i)
    return found


def _find_mentions(
    sent: Span,
    lex: EventLexicon,
    quantities: _SentenceQuantities,
    named_tokens: dict[int, _Ent],
    candidates: Sequence[int],
) -> list[_Mention]:
    """Trigger mentions of one sentence, nominal and verbal, with support verbs merged.

    ``candidates``: the sentence's token indices (relative to ``sent``) from
    :func:`_trigger_candidates`; no other token can start a mention.
    """
    tokens = sent
    nominal: dict[int, _Mention] = {}
    verbal: dict[int, _Mention] = {}
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside a multiword trigger already taken
        i = candidate
        tok = tokens[i]
        if tok.pos_ in ("NOUN", "PROPN", ""):
            match = _match_noun(tokens, i, lex)
            if match is not None:
                n, kind = match
                ent = named_tokens.get(tok.i)
                counted = any(q.start <= tok.idx < q.end for q in quantities.items)
                # inside a name, only a named event counts ("le Salon du livre"), not an
                # organisation acting ("l'Atelier du Parc a présenté")
                named_ok = ent is None or (
                    ent.label in ("MISC", "EVENT")
                    and tok.doc[ent.start : ent.end].root.dep_ not in ("nsubj", "nsubj:pass")
                )
                if not counted and named_ok and (ent is not None or tok.pos_ != "PROPN"):
                    key = " ".join(norm_word(t.lemma_ or t.text) for t in tokens[i : i + n])
                    nominal[tok.i] = _Mention(
                        trigger=tok,
                        trigger_end=tok.i + n,
                        type=kind,
                        nominal=True,
                        weak=key in lex.weak_nouns or norm_word(tok.text) in lex.weak_nouns,
                    )
                i += n
                continue
        if tok.pos_ == "VERB":
            lemma = norm_word(tok.lemma_)
            kind_v = lex.verbs.get(lemma)
            dated_only = kind_v is None and lemma in lex.dated_only_verbs
            if dated_only:
                kind_v = lex.dated_only_verbs[lemma]
            reflexive = _is_reflexive(tok)
            if (
                kind_v is not None
                and (lemma not in lex.reflexive_verbs or reflexive)
                and not (lemma in lex.non_reflexive_verbs and reflexive)
            ):
                verbal[tok.i] = _Mention(
                    trigger=tok,
                    trigger_end=tok.i + 1,
                    type=kind_v,
                    nominal=False,
                    weak=dated_only,
                    dated_only=dated_only,
                )
        i += 1
    for idx in sorted(nominal):
        mention = nominal[idx]
        tok = mention.trigger
        head = tok.head
        # a trigger complementing another ("la candidature au label") is one mention
        if head.i in nominal and head.i != idx and tok.dep_ == "nmod":
            del nominal[idx]
            continue
        support = None
        if tok.dep_ in ("obj", "nsubj", "nsubj:pass") and head.pos_ in ("VERB", "AUX"):
            lemma = norm_word(head.lemma_)
            if lemma in lex.support_verbs or lemma in lex.verbs:
                support = head
        if support is None:
            for child in tok.rights:
                if child.dep_ == "acl" and child.pos_ == "VERB":
                    lemma = norm_word(child.lemma_)
                    if lemma in lex.support_verbs or lemma in lex.verbs:
                        support = child
                        break
        if support is not None:
            mention.support = support
            verbal.pop(support.i, None)
    # generic verbs ("organiser", "tenir") are events only with a named patient
    for idx in list(verbal):
        mention = verbal[idx]
        lemma = norm_word(mention.trigger.lemma_)
        if lemma in lex.generic_verbs:
            patient = _patient(mention.trigger)
            if patient is None or (patient.i not in named_tokens and patient.pos_ != "PROPN"):
                del verbal[idx]
    mentions = sorted([*nominal.values(), *verbal.values()], key=lambda m: m.phrase_start)
    doc = sent.doc
    for k, mention in enumerate(mentions):
        start = sent.start if k == 0 else mention.phrase_start
        end = mentions[k + 1].phrase_start if k + 1 < len(mentions) else sent.end
        # a line break ends a segment: headings and datelines are not the event's
        for j in range(mention.trigger.i - 1, start - 1, -1):
            if "\n" in doc[j].text_with_ws and j < mention.phrase_start:
                start = j + 1
                break
        for j in range(mention.trigger_end, end):
            if "\n" in doc[j].text_with_ws:
                end = j + 1
                break
        mention.seg_start, mention.seg_end = start, end
    return mentions


# --- arguments ---------------------------------------------------------------------


def _is_anaphoric(mention: _Mention) -> bool:
    """ "cette rencontre", "la première rencontre": points back to an event already told."""
    if not mention.nominal:
        return False
    dets = {norm_word(c.text) for c in mention.trigger.lefts if c.dep_ == "det" or c.pos_ == "DET"}
    adjs = {norm_word(c.lemma_) for c in mention.trigger.lefts if c.dep_ == "amod"}
    if dets & _DEMONSTRATIVES or dets & _POSSESSIVES:
        return True
    return bool(dets & _DEFINITES) or bool(adjs & _ANAPHORIC_ADJ)


def _event_value(date: DateMention) -> str:
    """The calendar value of a date or time mention: times drop their clock part
    ("2021-12-21T18:30" -> "2021-12-21"); ranges keep both ends."""
    return "/".join(part.split("T")[0] for part in date.value.split("/"))


def _is_event_date(date: DateMention) -> bool:
    if date.type not in ("DATE", "TIME"):
        return False
    return all(_DATE_VALUE.match(part) for part in _event_value(date).split("/"))


def _date_value(date: DateMention) -> str:
    """The start of the date, used to merge and order ("2017-01-31/2017-02-02" -> "2017-01-31")."""
    return _event_value(date).split("/")[0]


def _preceding_word(doc: Doc, start: int, floor: int) -> str:
    """The word before a phrase, skipping determiners ("avec les X" -> "avec")."""
    k = start - 1
    while k >= floor and (doc[k].pos_ == "DET" or norm_word(doc[k].text) in _DEFINITES):
        k -= 1
    return norm_word(doc[k].text) if k >= floor else ""


def _appositive_ranges(doc: Doc, seg_start: int, seg_end: int) -> list[tuple[int, int]]:
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
                finite = finite or "Fin" in _morph(doc[end], "VerbForm")
                end += 1
            if not finite:
                ranges.append((k + 1, end))
                k = end
                continue
        k += 1
    return ranges


def _inside(i: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in ranges)


def _role_for(
    mention: _Mention, ent_start: int, ent_root: Token, prep: str, lex: EventLexicon
) -> Role:
    verbs = [v for v in (mention.support, None if mention.nominal else mention.trigger) if v]
    organised = any(norm_word(v.lemma_) == "organiser" for v in verbs)
    if prep in lex.organizer_preps:
        return "organizer"
    if prep in lex.with_preps:
        if organised:
            return "organizer"
        return _as_role(lex.with_roles.get(mention.type, "participant"))
    subject = ent_root.dep_ in ("nsubj", "nsubj:pass") and ent_root.head in verbs
    if subject and ent_root.dep_ == "nsubj":
        return _as_role(lex.subject_roles.get(mention.type, "participant"))
    if prep in _DE_WORDS and mention.nominal and 0 < ent_start - mention.trigger_end <= 4:
        return "subject"
    if ent_root.dep_ == "obj" and ent_root.head in verbs:
        return "subject"
    return _as_role(lex.default_roles.get(mention.type, "participant"))


def _as_role(value: str) -> Role:
    roles: dict[str, Role] = {
        "organizer": "organizer",
        "participant": "participant",
        "subject": "subject",
        "beneficiary": "beneficiary",
        "partner": "partner",
    }
    return roles.get(value, "participant")


def _with_list(doc: Doc, k: int, seg_end: int) -> list[tuple[int, int]]:
    """Items of an "avec A, B et C" list starting after the preposition at ``k``."""
    items: list[tuple[int, int]] = []
    start = k + 1
    j = start
    while j <= seg_end:
        if j == seg_end:
            if j > start:
                items.append((start, j))
            break
        tok = doc[j]
        if tok.text in (",", ".", "et", "ainsi") or tok.text in _CLAUSE_BREAK:
            if j > start:
                items.append((start, j))
            if tok.text not in (",", "et", "ainsi"):
                break
            if tok.text == "ainsi":  # "ainsi que"
                j += 1
            start = j + 1
            # an indefinite apposition ends the list: ", un incubateur piloté par …"
            if start < seg_end and norm_word(doc[start].text) in ("un", "une"):
                break
        elif tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "ADP"
            and j > start
            and tok.dep_ == "case"
            and norm_word(tok.text) not in _DE_WORDS
        ):
            if j > start:
                items.append((start, j))
            break
        j += 1
    return items


def _strip_det(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].pos_ == "DET" or norm_word(doc[start].text) in _DEFINITES):
        start += 1
    return start, end


def _subject_of(verb: Token) -> Token | None:
    """The active subject of a verb, through "doit accueillir" / "a signé et lancé".

    A bare participle ("Fondée en 1962, Technilame …") is about its head's subject.
    """
    bare_participle = "Part" in _morph(verb, "VerbForm") and not any(
        c.dep_.startswith("aux") for c in verb.children
    )
    if bare_participle and verb.dep_ in ("advcl", "acl") and verb.head is not verb:
        head = verb.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _refers_to_issuer(mention: _Mention, lex: EventLexicon) -> bool:
    """ "elle a levé", "la start-up présentera", "sa levée de fonds": the article's main actor."""
    verbs = [v for v in (mention.support, None if mention.nominal else mention.trigger) if v]
    for verb in verbs:
        subj = _subject_of(verb)
        if subj is None:
            continue
        if subj.pos_ == "PRON" and norm_word(subj.text) in ("il", "elle", "ils", "elles"):
            return True
        dets = {norm_word(c.text) for c in subj.children if c.dep_ == "det"}
        return norm_word(subj.lemma_) in lex.generic_subject_nouns and bool(
            dets & (_DEFINITES | _DEMONSTRATIVES)
        )
    if mention.nominal:
        dets = {norm_word(c.text) for c in mention.trigger.children if c.dep_ == "det"}
        return bool(dets & _POSSESSIVES)
    return False


def _collect_arguments(
    mention: _Mention,
    doc: Doc,
    ents: Sequence[_Ent],
    ent_starts: Sequence[int],
    quoted: Sequence[tuple[int, int]],
    quoted_tokens: Sequence[tuple[int, int]],
    quantities: Sequence[Quantity],
    lex: EventLexicon,
    issuer: _Ent | None,
) -> None:
    """Fill name, location, participants and quantities from the mention's segment."""
    seg_start, seg_end = mention.seg_start, mention.seg_end
    appositives = _appositive_ranges(doc, seg_start, seg_end)
    lo = bisect.bisect_left(ent_starts, seg_start)
    seg_ents = list(
        itertools.takewhile(lambda e: e.start < seg_end, itertools.islice(ents, lo, None))
    )
    used: set[int] = set()  # token starts of entities already used as name/location
    # name: a MISC entity or a short quoted title near the trigger or holding it
    name_candidates: list[tuple[int, int, str]] = []
    for e in seg_ents:
        if e.label in ("MISC", "EVENT"):
            name_candidates.append((e.start, e.end, e.text))
    for q_start, q_end in quoted_tokens:
        if seg_start <= q_start < seg_end and q_end - q_start <= _MAX_NAME_TOKENS:
            span = doc[q_start:q_end]
            if span.text[:1].isupper():
                name_candidates.append((q_start, q_end, span.text))
    best_name: tuple[int, int, str] | None = None
    best_gap = 5
    anchors = [mention.trigger.i] + ([mention.support.i] if mention.support else [])
    for n_start, n_end, text in name_candidates:
        if n_start <= mention.trigger.i < n_end:
            gap = 0
        else:
            gap = min(min(abs(a - n_start), abs(a - (n_end - 1))) for a in anchors)
            if doc[n_start:n_end].root.head.i in anchors:
                gap = min(gap, 1)
        if gap < best_gap:
            best_gap, best_name = gap, (n_start, n_end, text)
    if best_name is not None:
        mention.name = best_name[2].strip()
        used.add(best_name[0])
    # location: "à/au/dans/en" + LOC entity, or + a place noun phrase
    for e in seg_ents:
        if e.label != "LOC" or e.start in used or _inside(e.start, appositives):
            continue
        prep = _preceding_word(doc, e.start, seg_start)
        if prep in lex.location_preps:
            mention.location = e.text
            used.add(e.start)
            break
    if mention.location is None:
        # an organisation that is also a place: "à l'université de La Rochelle"
        for e in seg_ents:
            if e.label not in ("ORG", "MISC") or _inside(e.start, appositives):
                continue
            first = doc[e.start]
            if (
                _preceding_word(doc, e.start, seg_start) in lex.location_preps
                and norm_word(first.lemma_ or first.text) in lex.place_nouns
            ):
                mention.location = e.text
                break
    if mention.location is None:
        for k in range(seg_start, seg_end - 1):
            if norm_word(doc[k].text) not in lex.location_preps or _inside(k, appositives):
                continue
            j = k + 1
            while j < seg_end and doc[j].pos_ == "DET":
                j += 1
            if (
                j < seg_end
                and norm_word(doc[j].lemma_ or doc[j].text) in lex.place_nouns
                and doc[j].pos_ in ("NOUN", "PROPN")
            ):
                end = j + 1
                while (
                    end < seg_end
                    and doc[end].text not in (",", ".", ";", ":", "(")
                    and doc[end].pos_ not in ("VERB", "AUX")
                    and norm_word(doc[end].text) not in ("avec", "pour", "et", "en", "à", "au", "dès")
                    # "de La Rochelle" goes on; a new "le 14 février" does not
                    and not (
                        norm_word(doc[end].text) in _DEFINITES
                        and norm_word(doc[end - 1].text) not in _DE_WORDS
                    )
                    and not doc[end].like_num
                ):
                    end += 1
                mention.location = doc[j:end].text
                break
    # participants; items of an "avec A, B et C" list take the list's role
    participants: dict[str, Participant] = {}

    def add(name: str, label: str, role: Role, entity_id: str | None) -> None:
        key = norm_word(name)
        old = participants.get(key)
        if old is None or (old.role == "participant" and role != "participant"):
            participants[key] = Participant(name=name, label=label, role=role, entity_id=entity_id)

    governors = {mention.trigger.i}
    if mention.support is not None:
        governors.add(mention.support.i)
    # (token start, end, preposition, governed by the trigger or its verb)
    list_items: list[tuple[int, int, str, bool]] = []
    list_preps = lex.with_preps | lex.organizer_preps
    for k in range(seg_start, seg_end):
        prep = norm_word(doc[k].text)
        if prep not in list_preps or _inside(k, appositives):
            continue
        governed = doc[k].head.head.i in governors
        for s, e_ in _with_list(doc, k, seg_end):
            s, e_ = _strip_det(doc, s, e_)
            if s < e_ and not _inside(s, appositives):
                list_items.append((s, e_, prep, governed))
    for s, e_, prep, governed in list_items:
        if doc[s].is_punct or any(ent.start < e_ and s < ent.end for ent in seg_ents):
            continue
        run = [t for t in doc[s:e_] if t.pos_ in ("PROPN", "X") and t.text[:1].isupper()]
        if doc[s].text[:1].isupper():
            name, label = doc[s:e_].text.strip(), "ORG"
        elif run:
            # a name the NER missed: "l'agence AD Normandie"
            name, label = doc[run[0].i : run[-1].i + 1].text, "ORG"
        elif governed and prep in lex.with_preps:
            # a common-noun group ("les startups locales") only as the trigger's own complement
            name, label = doc[s:e_].text.strip(), "GROUP"
        else:
            continue
        add(name, label, _role_for(mention, s, doc[s:e_].root, prep, lex), None)
    verbs = [v for v in (mention.support, None if mention.nominal else mention.trigger) if v]
    subjects = {s.i for s in (_subject_of(v) for v in verbs) if s is not None}
    near = bisect.bisect_left(ent_starts, mention.seg_start - 40)
    covered: set[int] = set()
    subject_role = _as_role(lex.subject_roles.get(mention.type, "participant"))
    for e in itertools.islice(ents, near, None):
        # the subject of a fronted participle may sit outside the segment's start
        if e.start >= seg_end + 40:
            break
        hit = {i for i in subjects if e.start <= i < e.end}
        covered |= hit
        if e.label in _PARTICIPANT_LABELS and hit:
            add(e.canonical, e.label, subject_role, e.entity_id)
    for i in subjects - covered:
        subj = doc[i]
        if subj.pos_ == "PROPN" and subj.text[:1].isupper():
            # a name the NER missed: "Fondée en 1962, Technilame emploie …"
            run = [subj, *(c for c in subj.children if c.dep_ == "flat:name")]
            add(
                doc[min(t.i for t in run) : max(t.i for t in run) + 1].text,
                "ORG",
                subject_role,
                None,
            )
    for e in seg_ents:
        if e.start in used or _inside(e.start, appositives):
            continue
        if any(q[0] <= doc[e.start].idx < q[1] for q in quoted):
            continue
        if e.end - e.start == 1 and norm_word(e.text) in lex.generic_entity_words:
            continue
        item = next((it[:3] for it in list_items if it[0] <= e.start < it[1]), None)
        prep = item[2] if item else _preceding_word(doc, e.start, seg_start)
        root = doc[e.start : e.end].root
        # a place is a participant only as the one acting or applying
        if e.label not in _PARTICIPANT_LABELS and (
            e.label != "LOC"
            or not (
                root.dep_ == "nsubj"
                or (prep in _DE_WORDS and e.start - mention.trigger_end <= 2 and mention.nominal)
            )
        ):
            continue
        add(e.canonical, e.label, _role_for(mention, e.start, root, prep, lex), e.entity_id)
    if issuer is not None:
        role = _as_role(lex.subject_roles.get(mention.type, "participant"))
        if _refers_to_issuer(mention, lex):
            add(issuer.canonical, issuer.label, role, issuer.entity_id)
        elif not _named(participants.values()) and not mention.in_quote:
            # a press release's event with nobody named is its issuer's own
            add(issuer.canonical, issuer.label, role, issuer.entity_id)
            mention.implicit.add(norm_word(issuer.canonical))
    mention.participants = [p for p in participants.values() if any(c.isalpha() for c in p.name)]
    # quantities governed by the trigger or its verb (not "autour de trois thèmes")
    if mention.support is not None:
        governors.update(
            c.i for c in mention.support.children if c.dep_ == "conj" and c.pos_ == "VERB"
        )
    for q in quantities:
        q_span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if q_span is None or not (seg_start <= q_span.start < seg_end):
            continue
        root = q_span.root
        money = q.unit in ("EUR", "USD", "GBP", "CHF")
        if money or (root.head.i in governors and root.dep_ not in ("obl:mod", "advcl", "advmod")):
            mention.quantities.append(q)


# --- status ----------------------------------------------------------------------


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


def _morph(token: Token, feature: str) -> list[str]:
    """Values of one morphological feature ("Tense" -> ["Past"])."""
    value = token.morph.to_dict().get(feature, "")
    return str(value).split(",") if value else []


def _governing_verbs(mention: _Mention) -> list[Token]:
    verbs: list[Token] = []
    if mention.support is not None:
        verbs.append(mention.support)
    if not mention.nominal:
        verbs.append(mention.trigger)
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


def _status(mention: _Mention, doc: Doc, lex: EventLexicon, published: str | None) -> EventStatus:
    """past / planned / ongoing from mood, tense, auxiliaries and cue words."""
    verbs = _governing_verbs(mention)
    for verb in verbs:
        related = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
        if verb.head is not verb and verb.dep_ in ("xcomp", "ccomp"):
            related.append(verb.head)
        for tok in related:
            tense = _morph(tok, "Tense")
            mood = _morph(tok, "Mood")
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
        if verb.head is not verb and norm_word(verb.head.lemma_) in lex.modal_planned_lemmas:
            head_tense = _morph(verb.head, "Tense")
            if "Fut" in head_tense or "Cnd" in _morph(verb.head, "Mood") or "Pres" in head_tense:
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
        tense = _morph(verb, "Tense")
        finite_aux = [a for a in auxes if "Fin" in _morph(a, "VerbForm")]
        if any(
            a.dep_ == "aux:pass" and "Pres" in _morph(a, "Tense") for a in finite_aux
        ) and not any(a.dep_ == "aux:tense" for a in auxes):
            present = True  # "est financé par …": a state, not a past act
        elif auxes or "Imp" in tense or ("Past" in tense and "Fin" in _morph(verb, "VerbForm")):
            past = True
        elif "Pres" in tense and "Fin" in _morph(verb, "VerbForm"):
            present = True
        # a bare participle ("une rencontre organisée en …") says nothing of time
    if past:
        return "past"
    if mention.date is not None and published:
        value = _date_value(mention.date)
        if value[: len(published)] > published[: len(value)]:
            return "planned"
        return "past"
    if present:
        return "ongoing"
    return "past"


# --- merging ------------------------------------------------------------------


def _compatible_dates(a: str | None, b: str | None) -> bool:
    """One date may be the other told less precisely ("2014-12" and "2014-12-11"), or a
    day inside the other's range ("2022-04-09" in "2022-04-08/2022-04-10")."""
    if a is None or b is None:
        return False
    for x, y in ((a, b), (b, a)):
        if "/" in x and "/" not in y:
            lo, hi = x.split("/", 1)
            if lo[: len(y)] <= y <= hi[: len(y)] or (y >= lo and y[: len(hi)] <= hi):
                return True
    a0, b0 = a.split("/")[0], b.split("/")[0]
    return a0.startswith(b0) or b0.startswith(a0)


def _named(participants: Iterable[Participant]) -> set[str]:
    return {norm_word(p.name) for p in participants if p.label != "GROUP"}


@dataclass(slots=True)
class _Group:
    """Mentions of one real-world event."""

    mentions: list[_Mention]

    @property
    def type(self) -> str:
        return self.mentions[0].type

    @property
    def date(self) -> DateMention | None:
        dated = [m.date for m in self.mentions if m.date is not None]
        # the most precise date wins ("11 décembre 2014" over "décembre 2014")
        return max(dated, key=lambda d: len(_date_value(d)), default=None)


def _merge(mentions: Sequence[_Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for mention in mentions:
        target: _Group | None = None
        full = None if mention.date is None else _event_value(mention.date)
        value = None if mention.date is None else _date_value(mention.date)
        if value is not None:
            candidates = []
            for g in groups:
                gdate = g.date
                if g.type != mention.type or gdate is None:
                    continue
                gvalue = _date_value(gdate)
                if not _compatible_dates(_event_value(gdate), full):
                    continue
                names_m = mention.explicit_names()
                names_g = set().union(*(m.explicit_names() for m in g.mentions))
                if names_m and names_g and not names_m & names_g and gvalue != value:
                    continue
                candidates.append(g)
            if len(candidates) == 1 or (
                candidates and any(_date_value(c.date) == value for c in candidates if c.date)
            ):
                exact = [c for c in candidates if c.date and _date_value(c.date) == value]
                target = exact[-1] if exact else candidates[0]
        elif mention.anaphoric or mention.name is not None:
            # the event told last (not created last) is the one "cette rencontre" points to
            same = [
                g
                for g in groups
                if g.type == mention.type
                and (mention.anaphoric or any(m.name == mention.name for m in g.mentions))
            ]
            if same:
                target = max(same, key=lambda g: g.mentions[-1].seg_start)
        if target is None:
            groups.append(_Group([mention]))
        else:
            target.mentions.append(mention)
    return groups


def _keep(group: _Group) -> bool:
    """Undated, unnamed, weakly worded mentions are too often not events at all."""
    if group.date is None and all(m.in_quote or m.dated_only for m in group.mentions):
        return False  # "nous avons investi dans …": talk, not a reported event
    verbal = any(m.support is not None or not m.nominal for m in group.mentions)
    if group.date is not None:
        # a dated weak noun ("la création", "une journée") still needs a verb or a name
        return verbal or any(m.name or not m.weak for m in group.mentions)
    return verbal and any(not m.weak and (_named(m.participants) or m.name) for m in group.mentions)


def _event_id(kind: str, date: str | None, evidence: Sequence[Evidence]) -> str:
    key = f"{kind}|{date or ''}|{evidence[0].start}-{evidence[0].end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _evidence(doc: Doc, mention: _Mention) -> Evidence:
    span = doc[mention.seg_start : mention.seg_end]
    text = span.text
    start = span.start_char
    stripped = text.strip(" \t\n,;:—–")
    start += len(text) - len(text.lstrip(" \t\n,;:—–"))
    return Evidence(start=start, end=start + len(stripped), text=stripped)


def _confidence(group: _Group) -> float:
    score = 0.35
    if group.date is not None:
        score += 0.2
    if any(m.participants for m in group.mentions):
        score += 0.1
    if any(m.location or m.name for m in group.mentions):
        score += 0.1
    if any(m.support is not None or not m.nominal for m in group.mentions):
        score += 0.1
    if len(group.mentions) > 1:
        score += 0.1
    if all(m.weak for m in group.mentions):
        score -= 0.15
    if all(m.in_quote for m in group.mentions):
        score -= 0.15
    return round(min(max(score, 0.05), 0.95), 2)


def _build_event(doc: Doc, group: _Group) -> Event:
    first = group.mentions[0]
    date = group.date
    participants: dict[str, Participant] = {}
    quantities: dict[tuple[int, int], Quantity] = {}
    for m in group.mentions:
        for p in m.participants:
            key = norm_word(p.name)
            old = participants.get(key)
            if old is None or (old.role == "participant" and p.role != "participant"):
                participants[key] = p
        for q in m.quantities:
            quantities.setdefault((q.start, q.end), q)
    dated = [
        m for m in group.mentions if m.date is not None and date is not None and m.date == date
    ]
    status_from = dated[0] if dated else first
    # a "planned" mention wins: the article announces it even when also told in the past
    statuses = {m.status for m in group.mentions}
    status: EventStatus = status_from.status
    if "planned" in statuses and status_from.status != "past":
        status = "planned"
    evidence = tuple(sorted({_evidence(doc, m) for m in group.mentions}, key=lambda e: e.start))
    trigger_mention = next((m for m in group.mentions if m.nominal), first)
    return Event(
        event_id=_event_id(group.type, None if date is None else _event_value(date), evidence),
        type=group.type,
        name=next((m.name for m in group.mentions if m.name), None),
        trigger=trigger_mention.trigger.text if trigger_mention.nominal else first.trigger.text,
        date=None if date is None else _event_value(date),
        date_text=None if date is None else date.text,
        status=status,
        location=next((m.location for m in group.mentions if m.location), None),
        participants=tuple(participants.values()),
        quantities=tuple(sorted(quantities.values(), key=lambda q: q.start)),
        evidence=evidence,
        confidence=_confidence(group),
    )


# --- entry points -------------------------------------------------------------


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
    ents = _doc_entities(doc)
    ent_starts = [e.start for e in ents]
    named_tokens = {i: e for e in ents for i in range(e.start, e.end)}
    quoted = list(iter_quoted_spans(doc_text(doc)))
    quoted_tokens = [
        (span.start, span.end)
        for span in (doc.char_span(s, e, alignment_mode="expand") for s, e in quoted)
        if span is not None
    ]
    issuer = _main_actor(doc, ents)
    dates = sorted((d for d in doc._.dates if _is_event_date(d)), key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    published: str | None = doc._.published
    all_mentions: list[_Mention] = []
    candidates = _trigger_candidates(doc, lex)
    for sent in doc.sents:
        lo = bisect.bisect_left(candidates, sent.start)
        hi = bisect.bisect_left(candidates, sent.end, lo)
        if lo == hi:
            continue  # no token of this sentence can start a trigger
        # quantities are read only for sentences with a trigger (about one in four)
        sent_quantities = _SentenceQuantities(sent)
        in_sent = [c - sent.start for c in candidates[lo:hi]]
        mentions = _find_mentions(sent, lex, sent_quantities, named_tokens, in_sent)
        if not mentions:
            continue
        quantities = sent_quantities.items
        for mention in mentions:
            seg_start_char = doc[mention.seg_start].idx
            seg_end_char = doc[mention.seg_end - 1].idx + len(doc[mention.seg_end - 1].text)
            lo = bisect.bisect_left(date_starts, seg_start_char)
            in_seg: list[DateMention] = []
            for d in itertools.islice(dates, lo, None):
                if d.start >= seg_end_char:
                    break
                in_seg.append(d)
            if in_seg:
                trig = mention.trigger.idx
                mention.date = min(in_seg, key=lambda d: abs(d.start - trig))
            mention.in_quote = any(s <= mention.trigger.idx < e for s, e in quoted)
            mention.anaphoric = _is_anaphoric(mention)
            _collect_arguments(
                mention, doc, ents, ent_starts, quoted, quoted_tokens, quantities, lex, issuer
            )
            mention.status = _status(mention, doc, lex, published)
            all_mentions.append(mention)
    groups = [g for g in _merge(all_mentions) if _keep(g)]
    return [_build_event(doc, g) for g in groups]


@Language.factory("fr_news_events")
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """spaCy factory for the events component (``nlp.add_pipe("fr_news_events")``).

    Args:
        nlp: the pipeline the component is added to.
        name: the component's name in that pipeline.

    Returns:
        The component.
    """
    register_extensions()
    return EventsComponent(name)


class EventsComponent:
    """Stores :func:`find_events` in ``doc._.events`` (a tuple)."""

    def __init__(self, name: str = "fr_news_events") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = tuple(find_events(doc))
        return doc


__all__ = [
    "EventLexicon",
    "EventsComponent",
    "find_events",
    "load_lexicon",
    "make_events_component",
]
