"""Mentions of one real-world event merged into one :class:`~pipeline.records.Event`.

Mentions merge inside the article when they have the same type and compatible dates
(one may be a prefix of the other: "décembre 2014" and "11 décembre 2014"), or when an
undated anaphoric mention ("cette rencontre") follows an event of its type. Groups too
weakly worded to be events are dropped; every mention's evidence span is kept.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.events.followups import follow_up_figures
from pipeline.events.lexicon import load_lexicon
from pipeline.events.mention import (
    Mention,
    add_participant,
    compatible_dates,
    date_value,
    event_value,
    named,
)
from pipeline.nlp.text import norm_word
from pipeline.records import DateMention, Event, EventStatus, Evidence, Participant, Quantity
from pipeline.resources import read_json

#: dependencies that open a clause of its own, not a phrase inside another mention's
_OWN_CLAUSE_DEPS = frozenset({"conj", "parataxis", "advcl", "ccomp"})


def build_events(doc: Doc, mentions: Sequence[Mention]) -> list[Event]:
    """Merge the article's mentions into events and keep those that are events.

    Args:
        doc: the article.
        mentions: every mention of the article, in text order, with its arguments.

    Returns:
        One event per kept group, in order of first mention.
    """
    groups = [g for g in _merge(mentions) if _keep(g)]
    told_after = follow_up_figures(
        doc, [g.mentions for g in groups], [None if g.date is None else event_value(g.date) for g in groups]
    )
    return [_build_event(doc, g, extra) for g, extra in zip(groups, told_after, strict=True)]


@dataclass(slots=True)
class _Group:
    """Mentions of one real-world event."""

    mentions: list[Mention]

    @property
    def type(self) -> str:
        """The event type (every mention of a group has its first mention's)."""
        return self.mentions[0].type

    @property
    def date(self) -> DateMention | None:
        """The group's most precise date, if any mention is dated."""
        dated = [m.date for m in self.mentions if m.date is not None]
        # an event told by its span and by a day inside it ("le vote s'est déroulé du 15
        # au 31 janvier", "résultats proclamés jeudi") spans the range
        ranges = [d for d in dated if "/" in event_value(d)]
        if ranges and all(compatible_dates(event_value(ranges[0]), event_value(d)) for d in dated):
            return ranges[0]
        # else the most precise date wins ("11 décembre 2014" over "décembre 2014")
        return max(dated, key=lambda d: len(date_value(d)), default=None)


def _same_kind(group: _Group, mention: Mention) -> bool:
    """Can the mention tell the group's event? ``other`` is every type no list names (a
    death, a match, an operation): two of them the same day are one event only when
    told by the same word or when the mention points back ("ce drame")."""
    if mention.type != "other" or mention.anaphoric:
        return True
    lemma = norm_word(mention.trigger.lemma_)
    return any(norm_word(m.trigger.lemma_) == lemma for m in group.mentions)


def _merge(mentions: Sequence[Mention]) -> list[_Group]:
    """Group the mentions, in text order: a dated mention joins the group with a
    compatible date (the one with its exact date first), an anaphoric or named undated
    one the group told last; any other mention starts a group."""
    groups: list[_Group] = []
    for mention in mentions:
        target: _Group | None = None
        full = None if mention.date is None else event_value(mention.date)
        value = None if mention.date is None else date_value(mention.date)
        if value is not None:
            candidates = []
            for g in groups:
                gdate = g.date
                if g.type != mention.type or gdate is None or not _same_kind(g, mention):
                    continue
                gvalue = date_value(gdate)
                if not compatible_dates(event_value(gdate), full):
                    continue
                names_m = mention.explicit_names()
                names_g = set().union(*(m.explicit_names() for m in g.mentions))
                if names_m and names_g and not names_m & names_g and gvalue != value:
                    continue
                candidates.append(g)
            if len(candidates) == 1 or (
                candidates and any(date_value(c.date) == value for c in candidates if c.date)
            ):
                exact = [c for c in candidates if c.date and date_value(c.date) == value]
                target = exact[-1] if exact else candidates[0]
        elif (nest := _nesting_group(mention, groups)) is not None:
            target = nest
        elif mention.anaphoric or mention.name is not None:
            # the event told last (not created last) is the one "cette rencontre" points to
            same = [
                g
                for g in groups
                if g.type == mention.type
                and (mention.anaphoric or any(m.name == mention.name for m in g.mentions))
            ]
            pool = _taken_up(mention, groups) or same
            if pool:
                target = max(pool, key=lambda g: g.mentions[-1].seg_start)
        if target is None:
            target = _deal_told_before(mention, groups)
        if target is None and mention.date is None:
            target = _told_again(mention, groups, mentions)
        if target is None:
            groups.append(_Group([mention]))
        else:
            target.mentions.append(mention)
    return groups


def _nesting_group(mention: Mention, groups: Sequence[_Group]) -> _Group | None:
    """ "Lumeo a remporté jeudi le trophée décerné par la CCI": an undated mention inside
    the phrase of a mention of its type in the same sentence tells that same event; a
    clause of its own ("… puis a inauguré …", a subordinate clause) is another one."""
    start = mention.trigger.sent.start
    above: set[int] = set()
    tok = mention.trigger
    while tok.head.i != tok.i and tok.dep_ not in _OWN_CLAUSE_DEPS:
        tok = tok.head
        above.add(tok.i)
    for group in reversed(groups):
        if group.type != mention.type:
            continue
        for m in group.mentions:
            if m.trigger.sent.start == start and above & m.anchor_ids:
                return group
    return None


def _taken_up(mention: Mention, groups: Sequence[_Group]) -> list[_Group]:
    """The dated events a definite event noun points back to, when the word says which:
    the one told by the same word ("Du 4 au 8 août, le festival X … Le trio Y, qui sort
    son disque en octobre … Le festival accueille aussi …": the festival, not the album
    told last), or for a ceremony noun ("la cérémonie s'est déroulée en présence de …")
    an inauguration, award or signing told before (the lexicon's ``ceremony_nouns``)."""
    if not (mention.anaphoric and mention.nominal):
        return []
    lemma = norm_word(mention.trigger.lemma_)
    ceremony = _ceremony_types() if lemma in _ceremony_nouns() else frozenset()
    return [
        g for g in groups
        if g.date is not None
        and (
            (g.type == mention.type and any(m.nominal and norm_word(m.trigger.lemma_) == lemma for m in g.mentions))
            or g.type in ceremony
        )
    ]


@functools.cache
def _ceremony_nouns() -> frozenset[str]:
    """Ceremony nouns (``ceremony_nouns`` of ``events_fr.json``), read once per process."""
    return frozenset(norm_word(w) for w in read_json("events_fr.json")["ceremony_nouns"]["nouns"])


@functools.cache
def _ceremony_types() -> frozenset[str]:
    """The event types a ceremony noun takes up, read once per process."""
    return frozenset(read_json("events_fr.json")["ceremony_nouns"]["types"])


def _deal_told_before(mention: Mention, groups: Sequence[_Group]) -> _Group | None:
    """ "X a accordé un prêt à Y. Le contrat a été signé lundi": a definite document noun
    ("le contrat", "l'accord") is the paper of the undated deal told just before (the
    lexicon's ``deal_documents``), whatever that deal's type."""
    lex = load_lexicon()
    if not (mention.nominal and mention.anaphoric):
        return None
    if norm_word(mention.trigger.lemma_) not in lex.deal_document_nouns or not groups:
        return None
    last = max(groups, key=lambda g: g.mentions[-1].trigger.i)
    before = last.mentions[-1].trigger.sent
    near = before.end >= mention.trigger.sent.start - 1 or before == mention.trigger.sent
    if near and last.date is None and last.type in lex.deal_types:
        return last
    return None


def _told_again(mention: Mention, groups: Sequence[_Group], mentions: Sequence[Mention]) -> _Group | None:
    """ "C'est au port que la convention a été paraphée mercredi. X et Y ont signé un accord
    de 48 millions d'euros …": an undated mention of the type of the dated event told in the
    sentence just before tells it again with its details, unless it names other actors or
    its own sentence dates another event."""
    if mention.type == "other" or not groups:
        return None
    last = max(groups, key=lambda g: g.mentions[-1].trigger.i)
    before = last.mentions[-1].trigger.sent
    sent = mention.trigger.sent
    if last.type != mention.type or last.date is None or before == sent or before.end < sent.start - 1:
        return None
    if mention.in_speech or all(m.in_speech for m in last.mentions):
        return None  # someone's words tell no event the text vouches for
    if any(m.date is not None and m.trigger.sent == sent for m in mentions):
        return None  # its sentence dates an event of its own: the mention may be that one's
    names_m = mention.explicit_names()
    names_g = set().union(*(m.explicit_names() for m in last.mentions))
    return last if not names_g or names_m & names_g else None


def _keep(group: _Group) -> bool:
    """Undated, unnamed, weakly worded mentions are too often not events at all."""
    if all(m.in_speech for m in group.mentions):
        return False  # "« nous avons investi dans … »": talk, not a reported event
    if group.date is None and all(m.dated_only for m in group.mentions):
        return False
    verbal = any(m.support is not None or not m.nominal for m in group.mentions)
    if group.date is not None:
        # a dated weak noun ("la création", "une journée") still needs a verb, a name, or
        # the date hung on it by the parse ("la reprise de Sodimec en 2017")
        return verbal or any(m.name or not m.weak or _dates_the_noun(m) for m in group.mentions)
    return verbal and any(not m.weak and (named(m.participants) or m.name) for m in group.mentions)


def _dates_the_noun(mention: Mention) -> bool:
    """Does the parse hang the mention's date on the trigger noun itself, or on its
    complement ("après la reprise de la société Sodimec en 2017", "réunis en session
    plénière jeudi", "l'ouverture d'une antenne à Kourou en septembre")? Then the noun
    tells an event as a verb would; a number naming the noun ("l'édition 2022") does not."""
    date = mention.date
    if date is None or not mention.nominal:
        return False
    span = mention.trigger.doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if head.i == root.i or root.dep_ == "nummod" or (date.text.isdigit() and not any(c.dep_ == "case" for c in root.children)):
        return False  # "l'édition 2025": a bare year with no preposition names the noun
    if head.dep_ == "nmod" and mention.trigger.i <= head.head.i < mention.trigger_end:
        head = head.head  # the parser hangs a trailing date on the last noun of the complement
    return mention.trigger.i <= head.i < mention.trigger_end


def event_id(kind: str, date: str | None, evidence: Sequence[Evidence]) -> str:
    """A stable id from the type, the date and the first evidence span (article offsets:
    :mod:`pipeline.nlp.pieces` gives the events of a long article's pieces theirs)."""
    key = f"{kind}|{date or ''}|{evidence[0].start}-{evidence[0].end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _evidence(doc: Doc, mention: Mention) -> Evidence:
    """The mention's segment as evidence, without its edge spaces and punctuation."""
    span = doc[mention.seg_start : mention.seg_end]
    text = span.text
    start = span.start_char
    stripped = text.strip(" \t\n,;:—–")
    start += len(text) - len(text.lstrip(" \t\n,;:—–"))
    return Evidence(start=start, end=start + len(stripped), text=stripped)


def _confidence(group: _Group) -> float:
    """A score in [0.05, 0.95] from what the group's mentions hold (date, participants,
    place or name, a verb, several mentions) and how weakly they are worded."""
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


def _build_event(doc: Doc, group: _Group, told_after: Sequence[Quantity] = ()) -> Event:
    """The event record of a group: its mentions' arguments pooled (and the figures told
    after it, :mod:`~pipeline.events.followups`), every evidence span."""
    first = group.mentions[0]
    date = group.date
    quantities: dict[tuple[int, int], Quantity] = {}
    for q in itertools.chain((q for m in group.mentions for q in m.quantities), told_after):
        quantities.setdefault((q.start, q.end), q)
    dated = [
        m for m in group.mentions if m.date is not None and date is not None and m.date == date
    ]
    status_from = dated[0] if dated else first
    # a later undated mention joined by pointing back ("le lancement n'a pas été notifié
    # à l'OMI", "la primaire compte neuf candidats, dont …") brings only the names of its
    # core roles: its side names are about its own sentence, not the event
    participants: dict[str, Participant] = {}
    for m in group.mentions:
        told_back = m is not first and m.date is None
        for p in m.core_participants() if told_back else m.participants:
            add_participant(participants, p)
    # a "planned" mention wins: the article announces it even when also told in the past
    statuses = {m.status for m in group.mentions}
    status: EventStatus = status_from.status
    if "planned" in statuses and status_from.status != "past":
        status = "planned"
    evidence = tuple(sorted({_evidence(doc, m) for m in group.mentions}, key=lambda e: e.start))
    trigger_mention = next((m for m in group.mentions if m.nominal), first)
    return Event(
        event_id=event_id(group.type, None if date is None else event_value(date), evidence),
        type=group.type,
        name=next((m.name for m in group.mentions if m.name), None),
        trigger=trigger_mention.trigger.text if trigger_mention.nominal else first.trigger.text,
        date=None if date is None else event_value(date),
        date_text=None if date is None else date.text,
        status=status,
        location=next((m.location for m in group.mentions if m.location), None),
        participants=tuple(participants.values()),
        quantities=tuple(sorted(quantities.values(), key=lambda q: q.start)),
        evidence=evidence,
        confidence=_confidence(group),
    )


__all__ = ["build_events", "event_id"]
