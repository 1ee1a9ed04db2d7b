"""The Python API: extract(), run(), read_outputs() (what a notebook user calls)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import pipeline
from pipeline.api import ExtractionError, extract, read_outputs, run
from pipeline.errors import UsageError
from pipeline.settings import Settings

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

#: written by the team; 10 March 2022 is a Thursday, so "mardi" (past tense) is 8 March
QUIMPER = (
    "La communauté d'agglomération de Quimper a inauguré mardi la pépinière d'entreprises "
    "de Creac'h Gwen, en présence de quarante chefs d'entreprise. Le bâtiment accueillera "
    "douze jeunes sociétés dès le 1er avril."
)


@pytest.mark.model
def test_api_extract_returns_the_record_and_its_dict() -> None:
    record = extract(QUIMPER, published="2022-03-10", title="Quimper : la pépinière inaugurée")
    assert record.text == QUIMPER and record.published == "2022-03-10"
    values = {d.text: d.value for d in record.dates}
    assert values["mardi"] == "2022-03-08"
    assert values["le 1er avril"] == "2022-04-01"  # the determiner is in the extent (TimeML)
    inauguration = next(e for e in record.events if e.type == "inauguration")
    assert inauguration.date == "2022-03-08"
    assert any(e.text == "communauté d'agglomération de Quimper" and e.label == "ORG" for e in record.entities)
    for mention in (*record.entities, *record.dates):
        assert QUIMPER[mention.start:mention.end] == mention.text
    data = record.to_dict()
    assert data["title"] == "Quimper : la pépinière inaugurée"
    assert data["dates"][0] == {f: getattr(record.dates[0], f) for f in data["dates"][0]}


@pytest.mark.parametrize(("text", "message"), [
    ("", "no article text"),
    ("   \n", "no article text"),
])
def test_api_extract_refuses_an_empty_text(text: str, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract(text)


def test_api_extract_takes_settings_or_options_not_both() -> None:
    with pytest.raises(TypeError, match="either settings or keyword options"):
        extract("Le salon ouvre lundi.", settings=Settings(), stages=("dates",))


def test_api_names_are_exported_by_the_package() -> None:
    assert (pipeline.extract, pipeline.run, pipeline.read_outputs) == (extract, run, read_outputs)
    with pytest.raises(AttributeError):
        _ = pipeline.not_a_name  # type: ignore[attr-defined]


@pytest.mark.model
@pytest.mark.slow
def test_api_run_and_read_outputs_give_typed_tables(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPORA / "b", corpus)
    n_files = len(list(corpus.rglob("*.*")))
    summary = run(corpus, tmp_path / "out", stages=("entities", "dates", "events"))
    assert summary.exit_code == 0 and summary.files == n_files
    tables = read_outputs(tmp_path / "out")
    assert len(tables["documents"]) == summary.processed
    assert len(tables["mentions"]) == summary.entities
    assert len(tables["events"]) == summary.events
    assert tables["dates"]["day"].dtype == pd.ArrowDtype(pa.timestamp("ms"))
    assert tables["mentions"]["start"].dtype == pd.ArrowDtype(pa.int64())
    assert isinstance(tables["dates"]["day"].dropna().iloc[0], dt.date)
    assert tables["documents"]["published"].dt.year.min() >= 2019
    assert len(tables["errors"]) == 0
    # the same run written as CSV reads back with the same types and values
    run(corpus, tmp_path / "out-csv", stages=("entities", "dates", "events"), output_format="csv")
    csv_tables = read_outputs(tmp_path / "out-csv")
    for name in ("documents", "mentions", "dates", "events", "entities"):
        pd.testing.assert_frame_equal(csv_tables[name], tables[name], check_dtype=True)


def test_api_read_outputs_of_a_folder_without_tables(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no output tables in"):
        read_outputs(tmp_path)
