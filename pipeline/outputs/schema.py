"""JSON Schema of one ``documents.jsonl`` record, derived from the record dataclasses.

The schema is built by walking :func:`dataclasses.fields` and the resolved type hints of
:class:`~pipeline.records.DocumentRecord` and the records nested in it, so it cannot
drift from the code: a new field or a new ``Literal`` value shows up in the schema the
moment it is added to ``records.py``. A type this module does not know how to express
raises ``TypeError`` instead of being silently left open.

Mapping: ``str``/``int``/``float``/``bool`` -> JSON types; ``Literal[...]`` -> ``enum``;
``X | None`` -> nullable; ``tuple[X, ...]`` and ``list[X]`` -> arrays; a nested record ->
a ``$ref`` into ``$defs``. Every field is required, because :func:`pipeline.records.to_dict`
writes every field of every record (defaults are documented with ``default``).

Every field has a ``description`` (:data:`DESCRIPTIONS`; a field without one raises
``TypeError``, so a new field cannot go undocumented). String fields whose values are a
closed set the records type as ``str`` get their ``enum`` here (:func:`enums`: entity
labels, event types, date granularities), read from where those values are made; full
ISO days get ``"format": "date"``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal

from pipeline.records import GRANULARITIES, DocumentRecord

JsonSchema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


#: record class -> field -> description
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "DocumentRecord": {
        "doc_id": "Stable identifier: a hash of the input's id, else of its path in the corpus "
                  "(file.jsonl#12 for a line), else of the content (stdin, a Python string).",
        "id": "The input's own id (JSON field 'id'), if it has one.",
        "source": "Path of the input relative to the corpus folder; '#n' names a line of a JSONL file.",
        "title": "The article's title (HTML metadata, the JSON field, or the headline of scraped text).",
        "published": "Publication date (ISO day), from metadata, a date line or the dateline; "
                     "relative dates in the text are resolved against it.",
        "url": "Canonical URL, when the input gives one.",
        "tags": "Tags or keywords of the page (metadata, trailing tag lines); empty when none.",
        "lang": "ISO 639-1 language of the text (py3langid); null when too short to tell. "
                "Articles not in French keep their record without extraction (--non-french keep).",
        "text": "The article text that every start/end offset refers to.",
        "published_inferred": "When 'published' is null: the publication date read from the article itself "
                              "(a dated URL, a dated file name, or its own dates), with its evidence; else null.",
        "entities": "Named-entity mentions (organisations, people, places...).",
        "dates": "Temporal expressions, normalised to TIMEX3-style values.",
        "events": "Events: what happened or is planned, when, where, who, how many.",
        "people": "People named in the article, with their titles and affiliation.",
        "quotes": "Direct quotations and who said them.",
        "warnings": "What ingest could not use, the article being kept: unreadable metadata "
                    "(\"published: not a date: 'pas une date'\"), invalid bytes replaced, a long text read "
                    "in pieces; empty when none.",
    },
    "InferredDate": {
        "value": "The inferred date, as precise as its evidence (a day, or a month from the text's dates).",
        "inferred_from": "Where it was read: url, source (the file name) or text.",
        "evidence": "What it was read from: the URL, the file name, or the words of the text.",
        "start": "Start offset of the evidence in text, for text evidence; else null.",
        "end": "End offset of the evidence in text, for text evidence; else null.",
    },
    "EntityMention": {
        "text": "The mention as written: text[start:end].",
        "label": "PER person, ORG organisation, LOC place, MISC other, EVENT a named event.",
        "start": "Character offset of the first character in the article text.",
        "end": "Character offset just after the last character.",
        "sentence": "Index of the sentence holding the mention (0 is the first).",
        "entity_id": "Identifier of the corpus entity this mention belongs to (entities table).",
        "canonical": "The entity's canonical name (the longest full form among its mentions).",
        "cued": "True when the entity's label rests on the article's own words (a cue noun such as "
        "'la société', a legal form, an apposition, the gazetteer), false when on the model alone.",
    },
    "DateMention": {
        "text": "The expression as written: text[start:end].",
        "start": "Character offset of the first character.",
        "end": "Character offset just after the last character.",
        "type": "TIMEX3 type: DATE, TIME, DURATION or SET.",
        "value": "TIMEX3 value: 2021-03-04, 2021-03, 2021-W09, P3M, XXXX-WXX-1, PRESENT_REF...",
        "granularity": "The unit of the value (day, month, year, minute, set...).",
        "mod": "TIMEX3 modifier: APPROX ('vers'), START/MID/END ('début mars'), MORE_THAN...",
        "anchor": "What the value was computed from: absolute (the text says it all), published "
                  "(the publication date), narrative (a date mentioned earlier), none (no anchor).",
    },
    "Evidence": {
        "start": "Character offset of the first character.",
        "end": "Character offset just after the last character.",
        "text": "The supporting text: text[start:end].",
    },
    "Participant": {
        "name": "The participant's name, as its entity's canonical name when it is one.",
        "label": "Entity label (PER, ORG, LOC, MISC, EVENT), or GROUP for a group named by a common noun "
                 "('les startups locales').",
        "role": "Role in the event: organizer, participant, subject, beneficiary or partner.",
        "entity_id": "The corpus entity, when the participant is a recognised entity.",
    },
    "Quantity": {
        "value": "The number (2.5 for '2,5 millions' with unit 'millions d'euros' kept apart).",
        "approximate": "True for 'une quarantaine', 'près de', 'environ'.",
        "unit": "What is counted or measured ('entreprises', 'millions d'euros'), if stated.",
        "text": "The figure as written: text[start:end].",
        "start": "Character offset of the first character.",
        "end": "Character offset just after the last character.",
    },
    "Event": {
        "event_id": "Stable identifier of the event within the corpus.",
        "type": "Kind of event (meeting, conference, inauguration, funding...).",
        "name": "The event's own name ('Petit Déj'Démo'), if it has one.",
        "trigger": "The word that announces the event ('inauguré', 'rencontre').",
        "date": "TIMEX3 value of the event's date (a day, a month, a year...), if found.",
        "date_text": "The date expression as written, if found.",
        "status": "past, planned (to come) or ongoing, from tense and cue words.",
        "location": "Where it takes place, if stated.",
        "participants": "Who takes part, with their roles.",
        "quantities": "Figures attached to the event.",
        "evidence": "The text spans the event was read from.",
        "confidence": "How sure the rules are, from 0 to 1.",
    },
    "Person": {
        "name": "The person's full name.",
        "titles": "Titles and functions stated in the article; empty when none.",
        "affiliation": "The organisation the person belongs to, when stated.",
        "mentions": "Every mention of the person in the text.",
        "entity_id": "The corpus entity of the person.",
    },
    "Quote": {
        "speaker": "Who is quoted, when the article says.",
        "text": "The quotation: text[start:end].",
        "start": "Character offset of the first character.",
        "end": "Character offset just after the last character.",
        "verb": "The speech verb ('explique', 'souligne'), if any.",
        "speaker_title": "The speaker's title given with the quote, if any.",
    },
}

#: (record class, field) holding a full ISO day
DATE_FORMAT_FIELDS = frozenset({("DocumentRecord", "published")})


def enums() -> dict[tuple[str, str], list[str]]:
    """The closed sets of values of fields the records type as ``str``.

    Read from where the values are made: the entity labels of the entities stage, the
    event types of the events lexicon, the granularities of :data:`pipeline.records.GRANULARITIES`.
    """
    from pipeline.entities.candidates import RULE_LABELS
    from pipeline.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    event_types = {*lexicon.nouns.values(), *lexicon.verbs.values(), *lexicon.dated_only_verbs.values()}
    labels = sorted(RULE_LABELS)
    return {
        ("EntityMention", "label"): labels,
        # GROUP: a common-noun group the events stage names ("les startups locales")
        ("Participant", "label"): [*labels, "GROUP"],
        ("Event", "type"): sorted(event_types),
        ("DateMention", "granularity"): list(GRANULARITIES),
    }


def document_schema() -> JsonSchema:
    """The JSON Schema (draft 2020-12) of one ``documents.jsonl`` record.

    Returns:
        A JSON-ready dict: the root describes :class:`DocumentRecord`, nested records
        (entities, dates, events, participants, quantities, evidence, people, quotes)
        are in ``$defs``.
    """
    defs: dict[str, JsonSchema] = {}
    root = _record_schema(DocumentRecord, defs, enums())
    return {
        "$schema": DIALECT,
        "$id": "urn:fr-news-pipeline:documents.jsonl",
        "title": "documents.jsonl record",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _record_schema(cls: type, defs: dict[str, JsonSchema], closed: dict[tuple[str, str], list[str]]) -> JsonSchema:
    """The object schema of one record class; nested records are added to ``defs``.

    Raises:
        TypeError: a field has no description in :data:`DESCRIPTIONS`.
    """
    hints = typing.get_type_hints(cls)
    properties: dict[str, JsonSchema] = {}
    for field in dataclasses.fields(cls):
        description = DESCRIPTIONS.get(cls.__name__, {}).get(field.name)
        if description is None:
            raise TypeError(f"{cls.__name__}.{field.name} has no description in pipeline.outputs.schema.DESCRIPTIONS")
        prop = {"description": description, **_type_schema(hints[field.name], defs, closed)}
        key = (cls.__name__, field.name)
        if key in closed:
            prop = _with_enum(prop, closed[key])
        if key in DATE_FORMAT_FIELDS:
            prop["format"] = "date"
        if field.default is not dataclasses.MISSING:
            prop["default"] = _json_default(field.default)
        properties[field.name] = prop
    return {
        "description": (cls.__doc__ or cls.__name__).strip().splitlines()[0],
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _with_enum(prop: JsonSchema, values: list[str]) -> JsonSchema:
    """A string property restricted to ``values`` (and null when it was nullable)."""
    nullable = isinstance(prop.get("type"), list) and "null" in prop["type"]
    return {**prop, "enum": [*values, None] if nullable else list(values)}


def _type_schema(hint: Any, defs: dict[str, JsonSchema], closed: dict[tuple[str, str], list[str]]) -> JsonSchema:
    """The schema of one type hint."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in args if arg is not type(None)]
        nullable = len(members) < len(args)
        if len(members) != 1:
            schema: JsonSchema = {"anyOf": [_type_schema(arg, defs, closed) for arg in members]}
        else:
            schema = _type_schema(members[0], defs, closed)
        return _nullable(schema) if nullable else schema
    if origin is Literal:
        kinds = sorted({_SCALARS[type(value)] for value in args})
        return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": list(args)}
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise TypeError(f"only homogeneous tuples (tuple[X, ...]) are supported, not {hint}")
        return {"type": "array", "items": _type_schema(args[0], defs, closed)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs, closed)}
    if hint is Any:
        return {}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder first: guards against recursive records
            defs[hint.__name__] = _record_schema(hint, defs, closed)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    raise TypeError(f"no JSON Schema mapping for type {hint!r}")


def _nullable(schema: JsonSchema) -> JsonSchema:
    """Allow ``null`` in ``schema``, keeping it flat when it is a plain type or enum."""
    if "$ref" in schema or "anyOf" in schema:
        return {"anyOf": [*schema.get("anyOf", [schema]), {"type": "null"}]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    out = {**schema, "type": [*kinds, "null"]}
    if "enum" in schema:
        out["enum"] = [*schema["enum"], None]
    return out


def _json_default(value: Any) -> Any:
    """A field default as JSON (tuples are written as lists)."""
    return list(value) if isinstance(value, tuple) else value


__all__ = ["DESCRIPTIONS", "DIALECT", "JsonSchema", "document_schema", "enums"]
