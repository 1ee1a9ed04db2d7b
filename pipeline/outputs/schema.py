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
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal

from pipeline.records import DocumentRecord

JsonSchema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def document_schema() -> JsonSchema:
    """The JSON Schema (draft 2020-12) of one ``documents.jsonl`` record.

    Returns:
        A JSON-ready dict: the root describes :class:`DocumentRecord`, nested records
        (entities, dates, events, participants, quantities, evidence, people, quotes)
        are in ``$defs``.
    """
    defs: dict[str, JsonSchema] = {}
    root = _record_schema(DocumentRecord, defs)
    return {
        "$schema": DIALECT,
        "$id": "urn:fr-news-pipeline:documents.jsonl",
        "title": "documents.jsonl record",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _record_schema(cls: type, defs: dict[str, JsonSchema]) -> JsonSchema:
    """The object schema of one record class; nested records are added to ``defs``."""
    hints = typing.get_type_hints(cls)
    properties: dict[str, JsonSchema] = {}
    for field in dataclasses.fields(cls):
        prop = _type_schema(hints[field.name], defs)
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


def _type_schema(hint: Any, defs: dict[str, JsonSchema]) -> JsonSchema:
    """The schema of one type hint."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in args if arg is not type(None)]
        nullable = len(members) < len(args)
        if len(members) != 1:
            schema: JsonSchema = {"anyOf": [_type_schema(arg, defs) for arg in members]}
        else:
            schema = _type_schema(members[0], defs)
        return _nullable(schema) if nullable else schema
    if origin is Literal:
        kinds = sorted({_SCALARS[type(value)] for value in args})
        return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": list(args)}
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise TypeError(f"only homogeneous tuples (tuple[X, ...]) are supported, not {hint}")
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if hint is Any:
        return {}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder first: guards against recursive records
            defs[hint.__name__] = _record_schema(hint, defs)
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


__all__ = ["DIALECT", "JsonSchema", "document_schema"]
