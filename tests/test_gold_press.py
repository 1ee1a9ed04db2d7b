"""The team's press gold (tests/gold/press): built from its sources, split by its rule, spans exact."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent / "gold" / "press"
PARTS = ("dev", "heldout")


def load_builder(folder: Path) -> ModuleType:
    """The ``build.py`` of a gold folder, as a module (the gold folders are no package)."""
    spec = importlib.util.spec_from_file_location(f"{folder.name}_build", folder / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _builder() -> ModuleType:
    return load_builder(HERE)


def _part(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (HERE / f"{name}.jsonl").read_text("utf-8").splitlines() if line]


def test_gold_press_sources_have_no_problem() -> None:
    docs, problems = _builder().load_sources()
    assert problems == []
    assert len(docs) == 40


@pytest.mark.parametrize("part", PARTS)
def test_gold_press_files_are_the_built_sources(part: str) -> None:
    builder = _builder()
    docs, _ = builder.load_sources()
    assert _part(part) == [d for d in docs if builder.part_of(d["id"]) == part]


@pytest.mark.parametrize("part", PARTS)
def test_gold_press_spans_are_their_surfaces(part: str) -> None:
    for doc in _part(part):
        text = doc["text"]
        for item in doc["entities"] + doc["timex"]:
            assert text[item["start"] : item["end"]] == item["surface"], (doc["id"], item)
        for event in doc["events"]:
            assert event["evidence"], (doc["id"], event["trigger"])
            for ev in event["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["text"]
        for quote in doc["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize("doc_id", ["press-01-toulouse-vektis-levee", "press-40-reims-champagne-josephine-dateline"])
def test_gold_press_split_follows_sha1_parity(doc_id: str) -> None:
    expected = "dev" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"
    assert _builder().part_of(doc_id) == expected
    assert doc_id in {d["id"] for d in _part(expected)}


@pytest.mark.parametrize(
    ("surface", "value", "wrong"),
    [("mardi 14 mars", "2017-03-14", False), ("mercredi", "2017-03-14", True), ("jeudi soir", "2018-07-05TEV", False)],
)
def test_gold_press_weekday_check_catches_wrong_dates(surface: str, value: str, wrong: bool) -> None:
    assert _builder()._weekday_problem(surface, value) is wrong
