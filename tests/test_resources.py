"""Tests for pipeline.resources: the shared tables whose entries name their uses."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.resources import entries_with_use, read_json

_TABLE: dict[str, Any] = {
    "_uses": {"a": "first reader", "b": "second reader"},
    "un": ["a"],
    "deux": ["a", "b"],
    "trois": ["b"],
}


@pytest.mark.parametrize(
    ("use", "expected"),
    [("a", {"un", "deux"}), ("b", {"deux", "trois"})],
)
def test_resources_entries_with_use_selects_one_use(use: str, expected: set[str]) -> None:
    assert entries_with_use(_TABLE, use) == expected


@pytest.mark.parametrize(
    ("table", "use"),
    [(_TABLE, "c"), ({**_TABLE, "quatre": ["c"]}, "a")],
)
def test_resources_entries_with_use_refuses_an_undeclared_use(
    table: dict[str, Any], use: str
) -> None:
    with pytest.raises(ValueError, match="c"):
        entries_with_use(table, use)


@pytest.mark.parametrize(
    ("name", "key", "use", "word"),
    [
        ("titles_fr.json", "titles", "people", "directrice"),
        ("titles_fr.json", "titles", "entities", "directrice"),
        ("titles_fr.json", "titles", "abbreviated", "mme"),
        ("titles_fr.json", "titles", "honorific", "monsieur"),
        ("furniture_fr.json", "navigation_lines", "page", "partager"),
        ("furniture_fr.json", "navigation_lines", "entities", "partager"),
        ("entities_rules.json", "organisation_heads", "relabel", "Métropole"),
        ("entities_rules.json", "organisation_heads", "of_place", "Préfecture"),
    ],
)
def test_resources_shared_table_serves_each_reader(
    name: str, key: str, use: str, word: str
) -> None:
    assert word in entries_with_use(read_json(name)[key], use)
