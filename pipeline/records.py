"""Typed records: the output contract of the pipeline.

Every record is a frozen, slotted, keyword-only dataclass whose field order is the
output column order. Every extracted item keeps ``start``/``end`` character offsets into
the article text, so a reader can always go back to the evidence.

Records travel inside spaCy ``Doc`` extensions (``doc._.dates`` ...) within a process,
and are pickled as they are from a worker process to the main one (pipeline.nlp).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

DateType = Literal["DATE", "TIME", "DURATION", "SET"]
DateMod = Literal["APPROX", "START", "MID", "END", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"]
Anchor = Literal["absolute", "published", "narrative", "none"]
EventStatus = Literal["past", "planned", "ongoing"]
Role = Literal["organizer", "participant", "subject", "beneficiary", "partner"]
#: the values of ``DateMention.granularity``, finest first (the date stage types it ``str``)
GRANULARITIES: tuple[str, ...] = (
    "second", "minute", "hour", "part_of_day", "day", "week", "month", "season", "quarter", "half",
    "year", "decade", "century", "set", "present", "vague", "duration",
)
#: where an inferred publication date was read: a dated URL, a dated file name, the text's own dates
InferenceSource = Literal["url", "source", "text"]

@dataclass(frozen=True, slots=True, kw_only=True)
class InferredDate:
    """A publication date inferred from the article itself when its metadata gave none.

    ``value`` is as precise as the evidence: a day from a dated URL or file name, a
    month ("2021-10") from the text's own dates. ``evidence`` is what it was read from
    (the URL, the file name, or the words of the text, then at ``start``/``end``).
    """

    value: str
    inferred_from: InferenceSource
    evidence: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input article after ingest, before NLP."""

    doc_id: str
    id: str | None
    source: str
    title: str | None
    published: str | None
    url: str | None
    tags: tuple[str, ...]
    text: str
    content_hash: str
    lang: str | None = None
    published_inferred: InferredDate | None = None
    #: what ingest could not use, kept with the article ("published: not a date: 'pas une date'")
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """One named-entity mention: ``text == article.text[start:end]``."""

    text: str
    label: str
    start: int
    end: int
    sentence: int
    entity_id: str | None = None
    canonical: str | None = None
    #: the label rests on the article's own words (a cue noun, a legal form, an
    #: apposition, the gazetteer), not on the model alone; the corpus vote reads it
    cued: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """One temporal expression normalised to a TIMEX3-style value."""

    text: str
    start: int
    end: int
    type: DateType
    value: str
    granularity: str
    mod: DateMod | None = None
    anchor: Anchor = "none"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A span of the article text that supports an extracted fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    """An entity taking part in an event, with its role."""

    name: str
    label: str
    role: Role
    entity_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A figure attached to an event ("34 entreprises", "une quarantaine de rendez-vous")."""

    value: float
    approximate: bool
    unit: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened or is planned: what, when, where, who, how many."""

    event_id: str
    type: str
    name: str | None
    trigger: str
    date: str | None
    date_text: str | None
    status: EventStatus
    location: str | None
    participants: tuple[Participant, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A person named in the article, with titles and affiliation when stated."""

    name: str
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    mentions: tuple[Evidence, ...] = ()
    entity_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quotation attributed to a speaker."""

    speaker: str | None
    text: str
    start: int
    end: int
    verb: str | None = None
    speaker_title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    """One article's full record: the line written to ``documents.jsonl``."""

    doc_id: str
    id: str | None
    source: str
    title: str | None
    published: str | None
    url: str | None
    tags: tuple[str, ...]
    lang: str | None
    text: str
    #: only when ``published`` is None: the date anchoring the dates, and its evidence
    published_inferred: InferredDate | None = None
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: what ingest could not use (unreadable metadata, replaced bytes): the record's provenance
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON-ready dict written to ``documents.jsonl``."""
        data: dict[str, Any] = to_dict(self)
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorRecord:
    """One input that could not be processed: the line written to ``errors.jsonl``."""

    source: str
    stage: str
    error_type: str
    message: str


RECORD_TYPES: tuple[type, ...] = (
    InferredDate,
    Article,
    EntityMention,
    DateMention,
    Evidence,
    Participant,
    Quantity,
    Event,
    Person,
    Quote,
    DocumentRecord,
    ErrorRecord,
)


#: field names of each record class, or None for a type that is not a dataclass
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def to_dict(record: Any) -> Any:
    """Turn a record (or nested records, tuples, lists) into JSON-ready Python values.

    Tuples become lists; field order is kept.
    """
    cls = type(record)
    try:
        names = _FIELD_NAMES[cls]
    except KeyError:
        # asked once per type: dataclasses.fields() on every call cost more than the copy
        names = _FIELD_NAMES[cls] = (
            tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        )
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    return record


def shift(record: Any, offset: int) -> Any:
    """Return ``record`` with every ``start``/``end`` (also nested) moved by ``offset``.

    Used when a long article is processed in chunks and offsets are mapped back.
    """
    if offset == 0:
        return record
    if isinstance(record, tuple):
        return tuple(shift(item, offset) for item in record)
    if not (dataclasses.is_dataclass(record) and not isinstance(record, type)):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            changes[f.name] = shift(value, offset)
    return dataclasses.replace(record, **changes)


def document_from_dict(data: dict[str, Any]) -> DocumentRecord:
    """Rebuild a :class:`DocumentRecord` from its JSON form (the inverse of :func:`to_dict`)."""

    def build(cls: type, item: dict[str, Any]) -> Any:
        return cls(**item)

    def event(item: dict[str, Any]) -> Event:
        item = dict(item)
        item["participants"] = tuple(build(Participant, p) for p in item.get("participants", ()))
        item["quantities"] = tuple(build(Quantity, q) for q in item.get("quantities", ()))
        item["evidence"] = tuple(build(Evidence, e) for e in item.get("evidence", ()))
        return Event(**item)

    def person(item: dict[str, Any]) -> Person:
        item = dict(item)
        item["titles"] = tuple(item.get("titles", ()))
        item["mentions"] = tuple(build(Evidence, e) for e in item.get("mentions", ()))
        return Person(**item)

    fields = dict(data)
    fields["tags"] = tuple(fields.get("tags", ()))
    fields["warnings"] = tuple(fields.get("warnings", ()))
    inferred = fields.get("published_inferred")
    fields["published_inferred"] = build(InferredDate, inferred) if inferred else None
    fields["entities"] = tuple(build(EntityMention, m) for m in fields.get("entities", ()))
    fields["dates"] = tuple(build(DateMention, d) for d in fields.get("dates", ()))
    fields["events"] = tuple(event(e) for e in fields.get("events", ()))
    fields["people"] = tuple(person(p) for p in fields.get("people", ()))
    fields["quotes"] = tuple(build(Quote, q) for q in fields.get("quotes", ()))
    return DocumentRecord(**fields)


__all__ = [
    "RECORD_TYPES",
    "Anchor",
    "Article",
    "DateMention",
    "DateMod",
    "DateType",
    "DocumentRecord",
    "EntityMention",
    "ErrorRecord",
    "Event",
    "EventStatus",
    "Evidence",
    "InferenceSource",
    "InferredDate",
    "Participant",
    "Person",
    "Quantity",
    "Quote",
    "Role",
    "document_from_dict",
    "shift",
    "to_dict",
]
