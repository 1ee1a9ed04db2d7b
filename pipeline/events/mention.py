"""The data the events stages share: entities, trigger mentions, participants, date values.

A :class:`Mention` is made by :mod:`~pipeline.events.triggers`, filled by
:mod:`~pipeline.events.arguments` and :mod:`~pipeline.events.status`, and merged with
the other mentions of its event by :mod:`~pipeline.events.merging`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.dates.lexicon import load_lexicon as dates_lexicon
from pipeline.events.lexicon import EventLexicon
from pipeline.nlp.text import doc_text, norm_word
from pipeline.records import DateMention, EventStatus, Participant, Quantity

#: a day, a month, a year, or a part of a year TIMEX3 names: a season ("2019-SP"), a
#: quarter ("2022-Q1"), a half ("2021-H1")
_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12]))?$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True)
class Ent:
    """A named entity as token offsets, from ``doc._.entities`` or ``doc.ents``."""

    start: int  # token index
    end: int
    label: str
    text: str
    canonical: str
    entity_id: str | None


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What :func:`~pipeline.events.find_events` reads once per article and every
    mention's arguments look up."""

    doc: Doc
    lex: EventLexicon
    #: entities in text order, and their first tokens (for bisect)
    ents: Sequence[Ent]
    ent_starts: Sequence[int]
    #: quotations as character offsets, and as token offsets
    quoted: Sequence[tuple[int, int]]
    quoted_tokens: Sequence[tuple[int, int]]
    #: token index -> the entity that covers it
    named_tokens: Mapping[int, Ent]
    #: the organisation the article is about, if any
    issuer: Ent | None
    #: the date mentions that can date an event, in text order, and their starts
    dates: Sequence[DateMention]
    date_starts: Sequence[int]
    #: normalised acronym -> the entity the article defines it with ("(ADE)")
    acronyms: Mapping[str, Ent]


@dataclass(frozen=True, slots=True)
class Segment:
    """What a mention's segment offers its name, location and participants."""

    #: the entities that start in the segment
    ents: Sequence[Ent]
    #: descriptive appositions: their entities describe a participant, they do not act
    appositives: Sequence[tuple[int, int]]
    #: token starts of the entities already taken as the name or the location
    used: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Mention:
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
    #: inside a quoted sentence of someone's words, not a quoted name ("« Petit Déj'Démo »")
    in_speech: bool = False
    #: a verb that reports an event only with a date ("annulé le 3 mars")
    dated_only: bool = False
    #: normalised names added by default (the issuer), not read in the text
    implicit: set[str] = field(default_factory=set)
    #: normalised names read only as another name of the clause (an oblique "à l'OMI", a
    #: complement), not as its subject, object, "avec" list or the trigger's "de" phrase
    peripheral: set[str] = field(default_factory=set)

    def explicit_names(self) -> set[str]:
        """Named participants read in the mention's own text."""
        return named(self.participants) - self.implicit

    def core_participants(self) -> list[Participant]:
        """The participants read in the mention's core roles: what it tells of an event
        another mention of it dates (neither the issuer by default nor a side name)."""
        return [p for p in self.participants if norm_word(p.name) not in self.implicit | self.peripheral]

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

    @property
    def verbs(self) -> list[Token]:
        """The mention's own verbs: its support verb, and the trigger when it is a verb."""
        return [v for v in (self.support, None if self.nominal else self.trigger) if v]

    @property
    def anchor_ids(self) -> set[int]:
        """Token indices of the trigger and the mention's own verbs: what an argument hangs on."""
        return {self.trigger.i, *(v.i for v in self.verbs)}


def named(participants: Iterable[Participant]) -> set[str]:
    """Normalised names of the participants that are named (not a common-noun GROUP)."""
    return {norm_word(p.name) for p in participants if p.label != "GROUP"}


def add_participant(table: dict[str, Participant], participant: Participant) -> None:
    """Add ``participant`` under its normalised name, in place.

    A name met twice keeps its first place and role, unless that role was the vague
    "participant" and the new one says more.
    """
    key = norm_word(participant.name)
    old = table.get(key)
    if old is None or (old.role == "participant" and participant.role != "participant"):
        table[key] = participant


def event_value(date: DateMention) -> str:
    """The calendar value of a date or time mention: times drop their clock part
    ("2021-12-21T18:30" -> "2021-12-21"); ranges keep both ends; a week is the interval
    of its days ("2016-W36" -> "2016-09-05/2016-09-11")."""
    return "/".join(_week_days(part.split("T")[0]) for part in date.value.split("/"))


def _week_days(value: str) -> str:
    """An ISO week as the interval from its Monday to its Sunday; any other value as is."""
    week = _WEEK_VALUE.match(value)
    if week is None:
        return value
    year, number = int(week.group(1)), int(week.group(2))
    try:
        monday = dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        return value
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def is_event_date(date: DateMention) -> bool:
    """Can the date mention date an event: a calendar day, month or year, or a range of them?"""
    if date.type not in ("DATE", "TIME"):
        return False
    return all(_DATE_VALUE.match(part) for part in event_value(date).split("/"))


#: words before the date on a page's update line ("Information mise à jour le")
_MAX_UPDATE_WORDS = 5
_DATELINE_END = re.compile(r"[–—\n]|\.(?:\s|$)")


def is_dateline(doc: Doc, date: DateMention) -> bool:
    """Is the date a dateline: the date a line opens with, with no verb before the line's
    first dash or full stop ("16 juin 2016, 16 h 20 UTC. –", "Lille, 30 juin 2017 –")?

    A dateline says when the text was written, not when its events happened: it never
    dates an event (an event of that day says so: "aujourd'hui", "ce mardi").
    """
    text = doc_text(doc)  # doc.text joins every token again: once per date was quadratic
    line_start = text.rfind("\n", 0, date.start) + 1
    head = text[line_start:date.start]
    if _page_update_line(text, head, date):
        return True
    # the date opens the line, or follows a place name or the day and a comma ("Lille,
    # 30 juin", "5 octobre 2016, 9 h 55 UTC")
    if head.strip() and not re.fullmatch(r"[A-ZÀ-Ý\d][\w'’ .-]{0,40},\s*(?:le\s+)?", head):
        return False
    end = _DATELINE_END.search(text, date.end)
    line_end = end.start() if end else len(text)
    span = doc.char_span(line_start, line_end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _page_update_line(text: str, head: str, date: DateMention) -> bool:
    """A short line that ends with its date after a publication word ("Information mise à
    jour le 20/06/18", "Publié le 3 mars 2024"): the page's own date, like a dateline."""
    line_end = text.find("\n", date.end)
    tail = text[date.end : len(text) if line_end < 0 else line_end]
    words = norm_word(head).split()
    if tail.strip(" .,;:–—-") or not words or len(words) > _MAX_UPDATE_WORDS:
        return False
    phrase = " ".join(words[:-1] if words[-1] == "le" else words)
    return phrase.endswith(dates_lexicon().dateline_markers)


def compatible_dates(a: str | None, b: str | None) -> bool:
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


def date_value(date: DateMention) -> str:
    """The start of the date, used to merge and order ("2017-01-31/2017-02-02" -> "2017-01-31")."""
    return event_value(date).split("/")[0]


__all__ = [
    "ArticleContext",
    "Ent",
    "Mention",
    "Segment",
    "add_participant",
    "compatible_dates",
    "date_value",
    "event_value",
    "is_dateline",
    "is_event_date",
    "named",
]
