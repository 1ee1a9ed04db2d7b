"""The Dask engine gives the same records as the local engine (LocalCluster, 2 workers)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.batch import RunSummary, run
from pipeline.settings import Settings

pytest.importorskip("distributed")

pytestmark = [pytest.mark.model, pytest.mark.slow]

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
#: one of each input kind: plain text, cp1252 text, HTML, one JSON object, a JSONL of five
ARTICLES = (
    "a/2017-01-brest-oceavia-levee-de-fonds.txt",
    "a/2018-11-20-la-rochelle-exposition-terre-neuvas.html",
    "b/2022-06-02-dijon-saison-atelier-du-parc-cp1252.txt",
    "b/2022-03-10-ajaccio-salon-du-livre.json",
    "b/depeches.jsonl",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    root = tmp_path_factory.mktemp("dask") / "corpus"
    for name in ARTICLES:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPORA / name, target)
    shutil.copyfile(seed_path, root / seed_path.name)
    (root / "b" / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def local_run(corpus: Path) -> tuple[RunSummary, Path]:
    out = corpus.parent / "out-local"
    return run(corpus, out, Settings()), out


@pytest.fixture(scope="module")
def dask_run(corpus: Path) -> tuple[RunSummary, Path]:
    out = corpus.parent / "out-dask"
    return run(corpus, out, Settings(engine="dask", workers=2)), out


def _jsonl(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths for line in path.read_text("utf-8").splitlines() if line]


def test_distributed_same_records_as_local(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local = {r["doc_id"]: r for r in _jsonl([local_run[1] / "documents.jsonl"])}
    dask_records = _jsonl(sorted((dask_run[1] / "documents").glob("part-*.jsonl")))
    assert len(dask_records) == len({r["doc_id"] for r in dask_records}), "a record written twice"
    assert len(local) == 10
    assert {r["doc_id"]: r for r in dask_records} == local


def test_distributed_same_errors_and_counts(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local, dask_summary = local_run[0], dask_run[0]
    assert {e.source for e in dask_summary.errors} == {e.source for e in local.errors} == {"b/empty.txt"}
    assert dask_summary.exit_code == local.exit_code == 1
    for field in ("files", "articles", "processed", "failed", "entities", "dates", "events", "people", "quotes"):
        assert getattr(dask_summary, field) == getattr(local, field), field
    manifest = json.loads((dask_run[1] / "run.json").read_text("utf-8"))
    assert manifest["partitions"] > 1
    assert set(json.loads((local_run[1] / "run.json").read_text("utf-8"))) <= set(manifest)


@pytest.mark.parametrize(("table", "keys"), [
    ("mentions", ["doc_id", "start", "end", "label"]),
    ("entities", ["entity_id", "n_documents", "n_mentions"]),
])
def test_distributed_tables_read_as_one_dataset(
    local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path], table: str, keys: list[str]
) -> None:
    local = pd.read_parquet(local_run[1] / f"{table}.parquet")
    dask_table = pd.read_parquet(dask_run[1] / table)
    assert len(dask_table) == len(local) > 0
    assert set(dask_table[keys].itertuples(index=False)) == set(local[keys].itertuples(index=False))


def test_distributed_unchanged_rerun_reuses_every_partition(
    corpus: Path, dask_run: tuple[RunSummary, Path]
) -> None:
    summary, out = dask_run
    again = run(corpus, out, Settings(engine="dask", workers=2))
    assert (again.processed, again.reused) == (0, summary.processed)
    assert dataclasses.replace(again, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False) \
        == dataclasses.replace(summary, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False)
