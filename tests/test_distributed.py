"""The Dask engine publishes exactly what the local engine does (LocalCluster, 2 workers)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.api import read_outputs
from pipeline.cli import app
from pipeline.outputs.export import CORPUS_TABLES, PER_DOCUMENT_TABLES
from pipeline.runner.core import RunSummary, run
from pipeline.runner.dask_engine import plan_partitions
from pipeline.runner.store import RecordStore
from pipeline.settings import Settings

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
#: one of each input kind: plain text, cp1252 text, HTML, one JSON object, a JSONL of five
ARTICLES = (
    "a/2017-01-brest-oceavia-levee-de-fonds.txt",
    "a/2018-11-20-la-rochelle-exposition-terre-neuvas.html",
    "b/2022-06-02-dijon-saison-atelier-du-parc-cp1252.txt",
    "b/2022-03-10-ajaccio-salon-du-livre.json",
    "b/depeches.jsonl",
)


ENGLISH = ("The mayor of Manchester opened the new library on Tuesday, the council said. "
           "It is an important step for the city, explained the managing director.\n")

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
    # not French: both engines keep its record without extraction (--non-french keep)
    (root / "b" / "english.txt").write_text(ENGLISH, encoding="utf-8")
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
def test_distributed_publishes_the_local_engine_files(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local_out, dask_out = local_run[1], dask_run[1]
    records = {r["source"]: r for r in _jsonl([local_out / "documents.jsonl"])}
    assert len(records) == 12
    assert records["b/english.txt"]["lang"] == "en" and records["b/english.txt"]["entities"] == []
    published = ["documents.jsonl", "errors.jsonl"] + [f"{t}.parquet" for t in (*PER_DOCUMENT_TABLES, *CORPUS_TABLES)]
    for name in published:
        assert (dask_out / name).read_bytes() == (local_out / name).read_bytes(), name
    # the layout is the local one: no part files, and the API reads it the same way
    assert not list(dask_out.glob("*/part-*"))
    tables = read_outputs(dask_out)
    assert tables["mentions"].equals(read_outputs(local_out)["mentions"])


@pytest.mark.model
@pytest.mark.slow
def test_distributed_outputs_feed_the_report(dask_run: tuple[RunSummary, Path]) -> None:
    out = dask_run[1]
    result = CliRunner().invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list((out / "report" / "articles").glob("*.html"))) == 12
    assert "en 1" in (out / "report" / "index.html").read_text("utf-8")


@pytest.mark.model
@pytest.mark.slow
def test_distributed_same_errors_and_counts(local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]) -> None:
    local, dask_summary = local_run[0], dask_run[0]
    def errors(summary: RunSummary) -> list[tuple[str, str, str]]:
        return [(e.source, e.error_type, e.message) for e in summary.errors]

    assert errors(dask_summary) == errors(local) == [
        ("b/empty.txt", "EmptyInput", "empty file"),
        ("c/reprise.jsonl#1", "DuplicateId", "id 'dep-2021-0001' already used by b/depeches.jsonl#1"),
    ]
    assert dask_summary.exit_code == local.exit_code == 1
    for field in ("files", "articles", "processed", "reused", "failed", "skipped", "entities", "dates", "events",
                  "people", "quotes", "not_extracted", "languages"):
        assert getattr(dask_summary, field) == getattr(local, field), field
    assert set(json.loads((dask_run[1] / "run.json").read_text("utf-8"))) == set(
        json.loads((local_run[1] / "run.json").read_text("utf-8"))
    )


@pytest.mark.model
@pytest.mark.slow
def test_distributed_rerun_processes_only_what_changed(corpus: Path, dask_run: tuple[RunSummary, Path]) -> None:
    summary, out = dask_run
    stamp = (out / "documents.jsonl").stat().st_mtime_ns
    again = run(corpus, out, Settings(engine="dask", workers=2))
    assert (again.processed, again.reused, again.outputs_rewritten) == (0, summary.processed, False)
    assert (out / "documents.jsonl").stat().st_mtime_ns == stamp
    assert dataclasses.replace(again, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False) \
        == dataclasses.replace(summary, seconds=0.0, nlp_seconds=0.0, processed=0, reused=0, outputs_rewritten=False)
    # one line of a JSONL file changes: that article only goes to the NLP again
    changed = corpus.parent / "corpus-changed"
    shutil.copytree(corpus, changed)
    shutil.copytree(out, corpus.parent / "out-changed")
    lines = (changed / "c" / "reprise.jsonl").read_text("utf-8").splitlines()
    item = json.loads(lines[1])
    item["text"] += " Le salon fermera ses portes le 7 février à 18 heures."
    (changed / "c" / "reprise.jsonl").write_text(lines[0] + "\n" + json.dumps(item, ensure_ascii=False) + "\n")
    third = run(changed, corpus.parent / "out-changed", Settings(engine="dask", workers=2))
    assert (third.processed, third.reused) == (1, summary.processed - 1)
    records = {r["source"]: r for r in _jsonl([corpus.parent / "out-changed" / "documents.jsonl"])}
    assert records["c/reprise.jsonl#2"]["text"].endswith("à 18 heures.")


@pytest.mark.model
@pytest.mark.slow
def test_distributed_removes_the_old_partitioned_layout(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for stale in ("_partitions/part-00000.json", "mentions/part-00000.parquet", "documents/part-00000.jsonl"):
        (out / stale).parent.mkdir(parents=True, exist_ok=True)
        (out / stale).write_text("{}")
    (out / "notes").mkdir()
    (out / "notes" / "keep.txt").write_text("not ours")
    run(corpus, out, Settings(engine="dask", workers=1))
    assert not (out / "_partitions").exists() and not (out / "mentions").exists() and not (out / "documents").exists()
    assert (out / "notes" / "keep.txt").read_text() == "not ours"
    assert (out / "mentions.parquet").is_file()


def test_distributed_store_knows_the_articles_of_a_file(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite")
    for doc_id, source, fingerprint in [("a", "d/x.jsonl#1", "f1"), ("b", "d/x.jsonl#3", "f1"), ("c", "d/x.jsonl2#1", "f1"),
                                        ("d", "d/x.jsonl", "f1"), ("e", "d/x.jsonl#2", "f0"), ("f", "d/y.txt", "f1")]:
        store.put(doc_id=doc_id, source=source, content_hash=f"h-{doc_id}", fingerprint=fingerprint, record={},
                  run_id="r", seq=0)
    assert store.known(["d/x.jsonl"], "f1") == {"a": "h-a", "b": "h-b", "d": "h-d"}
    assert store.known(["d/y.txt", "d/z.txt"], "f1") == {"f": "h-f"}
    assert store.known(["d/y.txt"], "f0") == {}
    store.close()


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
    plan = plan_partitions(files, settings)
    assert [p.part for p in plan] == list(range(n_parts))
    assert [f for p in plan for f in p.files] == [str(f.absolute()) for f in files]
    assert all(p.files for p in plan)


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:8786"], "error: --scheduler needs --engine dask"),
    (["--engine", "spark"], "error: Invalid value for '--engine': 'spark' is not one of 'local', 'dask'."),
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


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(("verbose", "dask_lines"), [([], False), (["-v"], True)])
def test_distributed_dask_logs_only_with_verbose(tmp_path: Path, verbose: list[str], dask_lines: bool) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le maire de Caen a inauguré la médiathèque le 3 mars 2021.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask",
         "--workers", "1", "--stages", "dates", *verbose],
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    assert ("distributed" in result.stderr) is dask_lines, result.stderr
    if not dask_lines:  # nothing but our progress line, written every 10 s off a terminal
        assert [line for line in result.stderr.splitlines() if not line.startswith("progress: ")] == []


def _readme_queries() -> list[str]:
    """The SQL statements of the README's DuckDB section, as a user copies them."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    section = readme.split("## For dashboards: DuckDB one-liners", 1)[1]
    sql = section.split("```sql", 1)[1].split("```", 1)[0]
    lines = [line for line in sql.splitlines() if line.strip() and not line.strip().startswith("--")]
    return [q.strip() for q in "\n".join(lines).split(";") if q.strip()]


@pytest.mark.model
@pytest.mark.slow
def test_distributed_readme_duckdb_queries_read_both_engines(
    local_run: tuple[RunSummary, Path], dask_run: tuple[RunSummary, Path]
) -> None:
    duckdb = pytest.importorskip("duckdb")
    queries = _readme_queries()
    assert len(queries) == 3
    results = []
    for out in (local_run[1], dask_run[1]):
        with duckdb.connect() as con:
            # sorted: rows tied on the ORDER BY keys come in any order from DuckDB's threads
            results.append([sorted(con.execute(q.replace("'outputs/", f"'{out}/")).fetchall(), key=repr)
                            for q in queries])
    assert results[0] == results[1]
    assert results[0][1], "the top-organisations query returned nothing"

