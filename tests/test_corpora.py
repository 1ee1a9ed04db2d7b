"""The team's corpus end to end: ingest matches the hand-made gold, a full run is clean."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import iter_articles
from pipeline.records import Article

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
GOLD_FILES = sorted((REPO / "tests" / "gold").glob("corpora-gold-*.jsonl"))


def _gold() -> list[dict[str, Any]]:
    docs = []
    for path in GOLD_FILES:
        docs.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return docs


@functools.cache
def _ingested() -> dict[str, Article]:
    out: dict[str, Article] = {}
    for path in sorted(p for p in CORPORA.rglob("*") if p.is_file()):
        for item in iter_articles(path, root=CORPORA, max_bytes=50_000_000):
            assert isinstance(item, Article), item
            out[item.source] = item
    return out


def test_corpora_has_a_varied_development_set() -> None:
    articles = _ingested()
    suffixes = [Path(source.split("#")[0]).suffix for source in articles]
    assert len(articles) >= 25
    assert sum(s in (".html", ".htm") for s in suffixes) >= 3
    assert any("#" in source for source in articles)  # a JSONL file with several articles
    assert len(_gold()) == len(articles)


@pytest.mark.parametrize("gold", _gold(), ids=lambda g: g["source"])
def test_corpora_ingest_matches_gold_body_and_date(gold: dict[str, Any]) -> None:
    article = _ingested()[gold["source"]]
    assert article.text == gold["text"]
    assert article.published == gold["dct"]


@pytest.fixture(scope="module")
def corpora_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    out = tmp_path_factory.mktemp("corpora-out")
    result = CliRunner().invoke(app, ["run", str(CORPORA), "--out", str(out)])
    return result, out


@pytest.mark.model
@pytest.mark.slow
def test_corpora_full_run_is_clean(corpora_run: tuple[Any, Path]) -> None:
    result, out = corpora_run
    assert result.exit_code == 0, result.output
    assert (out / "errors.jsonl").read_text() == ""
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["source"] for r in records) == sorted(_ingested())
    for record in records:
        text = record["text"]
        for item in [*record["entities"], *record["dates"], *record["quotes"]]:
            assert text[item["start"] : item["end"]] == item["text"]
        for event in record["events"]:
            for span in [*event["evidence"], *event["quantities"]]:
                assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.model
@pytest.mark.slow
def test_corpora_tables_agree_with_records(corpora_run: tuple[Any, Path]) -> None:
    _, out = corpora_run
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(pd.read_parquet(out / "documents.parquet")) == len(records)
    for table, key in [("mentions", "entities"), ("dates", "dates"), ("events", "events"),
                       ("people", "people"), ("quotes", "quotes")]:
        assert len(pd.read_parquet(out / f"{table}.parquet")) == sum(len(r[key]) for r in records), table
    entities = pd.read_parquet(out / "entities.parquet")
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert entities["entity_id"].is_unique
    assert set(mentions["entity_id"]) == set(entities["entity_id"])
    pairs = pd.read_parquet(out / "cooccurrences.parquet")
    assert not pairs.duplicated(["entity_id_a", "entity_id_b"]).any()
    assert (pairs["entity_id_a"] < pairs["entity_id_b"]).all()
