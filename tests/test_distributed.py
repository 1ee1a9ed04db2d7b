"""The Dask engine gives the same records as the local engine (LocalCluster, 2 workers)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs.export import PER_DOCUMENT_TABLES, dataset_dir, part_name, write_json
from pipeline.runner.core import RunSummary, run
from pipeline.runner.dask_engine import MANIFEST_DIR, _reusable, plan_partitions
from pipeline.settings import Settings

pytest.importorskip("distributed")

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
#: one of each input kind: plain text, cp1252 text, HTML, one JSON object, a JSONL of five
ARTICLES = (
    "a/2017-01-brest-oceavia-levee-de-fonds.txt",
    "a/2018-11-20-la-rochelle-exposition-terre-neuvas.html",
    "b/2022-06-02-dijon-saison-atelier-du-parc-cp1252.txt",
    "b/2022-03-10-ajaccio-salon-du-livre.json",
    "b/depeches.jsonl",
)


#: line 1 repeats the id of the first dispatch of b/depeches.jsonl; line 2 is new
REPRISE = (
    {"id": "dep-2021-0001", "title": "Caen : Hydrovia confirme sa levée de fonds", "published": "2021-02-04",
     "text": "La start-up caennaise Hydrovia a confirmé mercredi sa levée de 12 millions d'euros auprès "
             "de Normandie Participations et de deux fonds régionaux."},
    {"id": "rep-2021-0002", "title": "Rouen : le salon Normandinamik ouvre ses portes",
     "published": "2021-02-05",
     "text": "Le salon Normandinamik s'ouvre jeudi au Parc des expositions de Rouen. Selon la "
             "Chambre de commerce et d'industrie de Normandie, 180 exposants sont attendus jusqu'au 7 février."},
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
    # a later file, so a later partition, that reuses an id of b/depeches.jsonl
    (root / "c").mkdir()
    (root / "c" / "reprise.jsonl").write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in REPRISE) + "\n")
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


@pytest.mark.model
@pytest.mark.slow
def test_distributed_same_records_as_local(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local = {r["doc_id"]: r for r in _jsonl([local_run[1] / "documents.jsonl"])}
    dask_records = _jsonl(sorted((dask_run[1] / "documents").glob("part-*.jsonl")))
    assert len(dask_records) == len({r["doc_id"] for r in dask_records}), "a record written twice"
    assert len(local) == 11
    assert {r["doc_id"]: r for r in dask_records} == local


@pytest.mark.model
@pytest.mark.slow
def test_distributed_same_errors_and_counts(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local, dask_summary = local_run[0], dask_run[0]
    def errors(summary: RunSummary) -> set[tuple[str, str, str]]:
        return {(e.source, e.error_type, e.message) for e in summary.errors}

    assert errors(dask_summary) == errors(local) == {
        ("b/empty.txt", "EmptyInput", "empty file"),
        ("c/reprise.jsonl#1", "DuplicateId", "id 'dep-2021-0001' already used by b/depeches.jsonl#1"),
    }
    assert dask_summary.exit_code == local.exit_code == 1
    for field in ("files", "articles", "processed", "failed", "entities", "dates", "events", "people", "quotes"):
        assert getattr(dask_summary, field) == getattr(local, field), field
    manifest = json.loads((dask_run[1] / "run.json").read_text("utf-8"))
    assert manifest["partitions"] > 1
    assert set(json.loads((local_run[1] / "run.json").read_text("utf-8"))) <= set(manifest)


@pytest.mark.model
@pytest.mark.slow
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


@pytest.mark.model
@pytest.mark.slow
def test_distributed_unchanged_rerun_reuses_every_partition(
    corpus: Path, dask_run: tuple[RunSummary, Path]
) -> None:
    summary, out = dask_run
    corpus_tables = sorted((out / "entities").glob("part-*")) + sorted((out / "cooccurrences").glob("part-*"))
    stamps = [path.stat().st_mtime_ns for path in corpus_tables]
    again = run(corpus, out, Settings(engine="dask", workers=2))
    assert (again.processed, again.reused) == (0, summary.processed)
    # nothing changed, so the corpus tables are not rebuilt from the part files
    assert corpus_tables and [path.stat().st_mtime_ns for path in corpus_tables] == stamps
    assert dataclasses.replace(again, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False) \
        == dataclasses.replace(summary, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False)


@pytest.mark.model
@pytest.mark.slow
def test_distributed_duplicate_id_across_partitions_names_its_owner(dask_run: tuple[RunSummary, Path]) -> None:
    out = dask_run[1]
    manifests = {int(p.stem.split("-")[1]): json.loads(p.read_text("utf-8")) for p in (out / "_partitions").glob("part-*.json")}
    owner = next(n for n, m in manifests.items() if any(source == "b/depeches.jsonl#1" for _, _, source in m["ids"]))
    loser = next(n for n, m in manifests.items() if any(source == "c/reprise.jsonl#1" for _, _, source in m["ids"]))
    assert loser > owner
    assert manifests[loser]["dropped"] == [["c/reprise.jsonl#1", owner]]
    assert manifests[loser]["processed"] == 1  # line 2 is kept
    kept = _jsonl([out / "documents" / f"part-{loser:05d}.jsonl"])
    assert [r["source"] for r in kept] == ["c/reprise.jsonl#2"]


def test_distributed_partition_that_lost_an_id_is_reused_only_while_its_owner_is_unchanged(
    tmp_path: Path,
) -> None:
    settings = Settings(engine="dask", workers=2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = []
    for n in range(3):
        files.append(corpus / f"{n}.jsonl")
        files[-1].write_text("{}\n")
    partitions = plan_partitions(files, corpus, settings)
    assert len(partitions) == 3
    out = tmp_path / "out"
    for p in partitions:  # what a finished run leaves: every part file and a manifest
        for path in [out / "documents" / part_name(p.part, ".jsonl")] + [
            dataset_dir(out, table) / part_name(p.part, ".parquet") for table in PER_DOCUMENT_TABLES
        ]:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        dropped = [["2.jsonl#1", 0]] if p.part == 2 else []
        write_json(out / MANIFEST_DIR / part_name(p.part, ".json"), {"key": p.key, "ids": [], "dropped": dropped})
    last = partitions[2]
    assert _reusable(out, last, settings, set()) is not None
    assert _reusable(out, last, settings, {1}) is not None
    assert _reusable(out, last, settings, {0}) is None  # the owner of its dropped id is processed again
    # manifests written before ids were returned are not trusted
    write_json(out / MANIFEST_DIR / part_name(1, ".json"), {"key": partitions[1].key})
    assert _reusable(out, partitions[1], settings, set()) is None


@pytest.mark.parametrize(("sizes", "workers", "n_parts"), [
    ([100] * 10, 2, 8),          # small corpus: four partitions per worker
    ([100] * 3, 2, 3),           # never more partitions than files
    ([1_500_000] * 6, 1, 5),     # large files: about PARTITION_BYTES (2 MB) each
    ([10, 10, 10, 5_000_000], 1, 4),  # small files before a big one
])
def test_distributed_plan_partitions_covers_files_in_order(
    tmp_path: Path, sizes: list[int], workers: int, n_parts: int
) -> None:
    files = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i:03d}.txt"
        with path.open("wb") as handle:
            handle.truncate(size)
        files.append(path)
    settings = Settings(workers=workers)
    plan = plan_partitions(files, tmp_path, settings)
    assert [p.part for p in plan] == list(range(n_parts))
    assert [f for p in plan for f in p.files] == [str(f.absolute()) for f in files]
    assert all(p.files for p in plan)
    assert [p.key for p in plan_partitions(files, tmp_path, settings)] == [p.key for p in plan]


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:8786"], "error: --scheduler needs --engine dask"),
    (["--engine", "spark"], "error: --engine must be local or dask, not 'spark'"),
])
def test_distributed_cli_rejects_bad_engine_options(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_distributed_local_cluster_workers_start_without_malloc_trim_threshold() -> None:
    """Dask's default MALLOC_TRIM_THRESHOLD_ makes the model's tasks about 25% slower."""
    import os

    from distributed import Client, LocalCluster

    from pipeline.runner.dask_engine import _client

    with _client(Settings(engine="dask", workers=1), Client, LocalCluster) as client:
        seen = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]
