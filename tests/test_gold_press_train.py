"""The press training excerpts (tests/gold/press_train): built from their sources, spans exact,
nothing shared with the press gold they must not be trained on."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from test_gold_press import load_builder  # the gold builder loader, one home

GOLD = Path(__file__).resolve().parent / "gold"
HERE = GOLD / "press_train"


def _builder() -> ModuleType:
    return load_builder(HERE)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def _sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?»])\s+", text) if len(s.strip()) > 30}


def test_gold_press_train_sources_have_no_problem() -> None:
    builder = _builder()
    docs, problems = builder.load_sources()
    assert problems + builder.token_problems(docs) == []
    assert len(docs) >= 60


def test_gold_press_train_file_is_the_built_sources() -> None:
    docs, _ = _builder().load_sources()
    assert _rows(HERE / "train.jsonl") == docs


def test_gold_press_train_spans_are_their_surfaces() -> None:
    for doc in _rows(HERE / "train.jsonl"):
        for e in doc["entities"]:
            assert doc["text"][e["start"] : e["end"]] == e["surface"], (doc["id"], e)
            assert e["label"] in {"PER", "ORG", "LOC", "MISC"}


@pytest.mark.parametrize("part", ["press/dev.jsonl", "press/heldout.jsonl", "corpora-gold-a.jsonl", "corpora-gold-b.jsonl"])
def test_gold_press_train_shares_no_sentence_with_a_scored_gold(part: str) -> None:
    train = set().union(*(_sentences(d["text"]) for d in _rows(HERE / "train.jsonl")))
    scored = set().union(*(_sentences(d["text"]) for d in _rows(GOLD / part)))
    assert train & scored == set()
