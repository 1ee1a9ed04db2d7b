"""Schema: the JSON Schema of a documents.jsonl record follows the records and accepts a real run."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline import records
from pipeline.cli import app
from pipeline.outputs.schema import DIALECT, document_schema

runner = CliRunner()
CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = document_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def run_records(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> list[dict[str, Any]]:
    """Every record of a real `pipeline run` over corpora/ plus the seed."""
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPORA, corpus / "corpora")
    shutil.copy(seed_path, corpus / seed_path.name)
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    lines = (out / "documents.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.model
@pytest.mark.slow
def test_schema_validates_every_record_of_a_run(
    validator: jsonschema.Draft202012Validator, run_records: list[dict[str, Any]],
) -> None:
    assert len(run_records) > 25
    problems = [
        f"{record['source']}: {error.json_path}: {error.message}"
        for record in run_records
        for error in validator.iter_errors(record)
    ]
    assert problems == []
    # the run exercised the nested records, not only empty lists
    for key in ("entities", "dates", "events"):
        assert any(record[key] for record in run_records), key


def _break_extra_field(r: dict[str, Any]) -> None:
    r["sentiment"] = 0.3


def _break_missing_field(r: dict[str, Any]) -> None:
    del r["text"]


def _break_entity_offset_type(r: dict[str, Any]) -> None:
    r["entities"] = [{"text": "Lyon", "label": "LOC", "start": "12", "end": 16, "sentence": 0,
                      "entity_id": None, "canonical": None, "cued": False}]


def _break_event_status(r: dict[str, Any]) -> None:
    r["events"] = [{"event_id": "e1", "type": "meeting", "name": None, "trigger": "rencontre", "date": None,
                    "date_text": None, "status": "maybe", "location": None, "participants": [],
                    "quantities": [], "evidence": [], "confidence": 0.5}]


def _break_participant_role(r: dict[str, Any]) -> None:
    _break_event_status(r)
    r["events"][0]["status"] = "past"
    r["events"][0]["participants"] = [{"name": "La Poste", "label": "ORG", "role": "sponsor", "entity_id": None}]


def _break_tags_null(r: dict[str, Any]) -> None:
    r["tags"] = None


def _break_entity_label(r: dict[str, Any]) -> None:
    _break_entity_offset_type(r)
    r["entities"][0].update(start=12, label="GPE")


def _break_event_type(r: dict[str, Any]) -> None:
    _break_event_status(r)
    r["events"][0].update(status="past", type="party")


def _break_date_granularity(r: dict[str, Any]) -> None:
    r["dates"] = [{"text": "mardi", "start": 0, "end": 5, "type": "DATE", "value": "2021-03-02",
                   "granularity": "fortnight", "mod": None, "anchor": "published"}]


@pytest.mark.parametrize(
    ("breakage", "where"),
    [
        (_break_extra_field, "$"),
        (_break_missing_field, "$"),
        (_break_entity_offset_type, "$.entities[0].start"),
        (_break_event_status, "$.events[0].status"),
        (_break_participant_role, "$.events[0].participants[0].role"),
        (_break_tags_null, "$.tags"),
        (_break_entity_label, "$.entities[0].label"),
        (_break_event_type, "$.events[0].type"),
        (_break_date_granularity, "$.dates[0].granularity"),
    ],
)
def test_schema_rejects_a_hand_broken_record(
    validator: jsonschema.Draft202012Validator, breakage: Any, where: str,
) -> None:
    record = records.to_dict(records.DocumentRecord(
        doc_id="d1", id=None, source="a.txt", title="Titre", published="2018-06-20", url=None,
        tags=("Lyon",), lang="fr", text="Le maire de Lyon.",
    ))
    assert list(validator.iter_errors(record)) == []
    broken = copy.deepcopy(record)
    breakage(broken)
    errors = list(validator.iter_errors(broken))
    assert [e.json_path for e in errors] == [where]


def test_schema_follows_the_record_dataclasses() -> None:
    schema = document_schema()
    assert schema["$schema"] == DIALECT
    assert list(schema["properties"]) == [f.name for f in dataclasses.fields(records.DocumentRecord)]
    event = schema["$defs"]["Event"]
    assert list(event["properties"]) == [f.name for f in dataclasses.fields(records.Event)]
    assert event["properties"]["status"]["enum"] == list(typing.get_args(records.EventStatus))
    assert schema["$defs"]["Participant"]["properties"]["role"]["enum"] == list(typing.get_args(records.Role))
    assert schema["$defs"]["DateMention"]["properties"]["mod"]["enum"] == [*typing.get_args(records.DateMod), None]
    assert event["properties"]["evidence"]["items"] == {"$ref": "#/$defs/Evidence"}
    assert all(d["additionalProperties"] is False for d in [schema, *schema["$defs"].values()])


def test_schema_cli_prints_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == document_schema()


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [(f"$.{name}", prop) for name, prop in schema["properties"].items()]
    for def_name, definition in schema["$defs"].items():
        out.extend((f"{def_name}.{name}", prop) for name, prop in definition["properties"].items())
    return out


def test_schema_describes_every_field() -> None:
    undescribed = [where for where, prop in _properties(document_schema()) if len(prop.get("description", "")) < 10]
    assert undescribed == []


@pytest.mark.parametrize(
    ("record", "field", "values"),
    [
        ("EntityMention", "label", ["EVENT", "LOC", "MISC", "ORG", "PER"]),
        ("Participant", "label", ["EVENT", "LOC", "MISC", "ORG", "PER", "GROUP"]),
        ("Event", "type", ["inauguration", "meeting", "funding"]),
        ("Event", "status", ["past", "planned", "ongoing"]),
        ("DateMention", "granularity", ["day", "month", "year", "minute", "set"]),
        ("DateMention", "anchor", ["absolute", "published", "narrative", "none"]),
    ],
)
def test_schema_closed_values_are_enums(record: str, field: str, values: list[str]) -> None:
    enum = document_schema()["$defs"][record]["properties"][field]["enum"]
    assert set(values) <= set(enum)


@pytest.mark.parametrize(("where", "fmt"), [("$.published", "date"), ("Event.date", None), ("DateMention.value", None)])
def test_schema_full_days_have_format_date(where: str, fmt: str | None) -> None:
    assert dict(_properties(document_schema()))[where].get("format") == fmt
