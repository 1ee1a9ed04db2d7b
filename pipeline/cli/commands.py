"""``pipeline extract``, ``report``, ``schema`` and ``eval``: one article, a run's report,
the record contract, scores against gold."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_STAGES,
    GazetteerOpt,
    ModelOpt,
    NerOpt,
    StagesOpt,
    VerboseOpt,
    command,
    err_console,
    fail,
    one_line,
    out_console,
    parse_stages,
    setup_logging,
    use_ner,
)
from pipeline.errors import PipelineError
from pipeline.settings import Settings


class InputFormat(StrEnum):
    """How ``extract`` reads its input."""

    auto = "auto"
    txt = "txt"
    html = "html"
    json = "json"


class Task(StrEnum):
    """What ``eval`` scores."""

    entities = "entities"
    dates = "dates"
    events = "events"
    people = "people"
    quotes = "quotes"


@command("extract", short_help="Print one article's record as JSON (a file, or - for stdin).")
def extract_cmd(
    file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="An article file, or - to read one from stdin.")],
    input_format: Annotated[InputFormat, typer.Option("--format", help="How to read the input. auto: a file by its extension; stdin by its first character (< HTML, { or [ JSON, else text). json: one object, an array or JSON lines.")] = InputFormat.auto,
    published: Annotated[str | None, typer.Option(metavar="DATE", help="Publication date (2021-03-04, 04/03/2021, '4 mars 2021') to resolve relative dates against; replaces any date the input gives.")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    stages: StagesOpt = DEFAULT_STAGES,
    gazetteer: GazetteerOpt = None,
    ner: NerOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Print the record of one article as JSON (one line per article for several).

    \b
    Examples:
      pipeline extract corpora/a/2017-01-brest-oceavia-levee-de-fonds.txt
      echo 'Le maire a inauguré hier la médiathèque.' | pipeline extract - \\
        --published 2021-03-04
      pipeline extract - --format html \\
        < corpora/b/2023-01-17-angers-rachat-maison-pean.html

    Exit code 0: a record for every article; 1: some input failed (one line on stderr
    each); 2: usage error.
    """
    setup_logging(verbose)
    use_ner(ner)
    from pipeline.api import extract_path, extract_stdin

    kind = None if input_format is InputFormat.auto else input_format.value
    try:
        settings = Settings(model=model, stages=parse_stages(stages), gazetteer=gazetteer)
        if str(file) == "-":
            results = extract_stdin(sys.stdin.buffer.read(), settings, kind=kind, published=published)
        else:
            path = file
            if path.is_dir():
                raise fail(f"{file} is a folder: extract reads one file (pipeline run reads a folder)")
            if not path.is_file():
                raise fail(f"file not found: {file}")
            results = extract_path(path, settings, kind=kind, published=published)
    except PipelineError as exc:
        raise fail(str(exc)) from None
    failed = 0
    for result in results:
        if "error_type" in result:
            failed += 1
            err_console.print(one_line(f"{result['source']}: {result['error_type']}: {result['message']}"), markup=False)
        else:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=None if len(results) > 1 else 2) + "\n")
    raise typer.Exit(1 if failed else 0)


@command("report", short_help="Write the HTML report of a run's outputs (OUT/report/).")
def report_cmd(
    out_dir: Annotated[Path, typer.Argument(metavar="OUT", show_default=False, help="A 'pipeline run' output folder (holding documents.jsonl).")],
    verbose: VerboseOpt = False,
) -> None:
    """Write a self-contained HTML report of a run's outputs into OUT/report/.

    \b
    Example:
      pipeline report outputs/

    Opens from disk with no network: OUT/report/index.html (overview, languages, event
    timeline, top entities, organisation network), one page per article.
    """
    setup_logging(verbose)
    from pipeline.outputs.report import write_report

    try:
        index = write_report(out_dir)
    except PipelineError as exc:
        raise fail(str(exc)) from None
    out_console.print(str(index), markup=False, highlight=False, soft_wrap=True)


@command("schema", short_help="Print the JSON Schema of a documents.jsonl record.")
def schema_cmd() -> None:
    """Print the JSON Schema (draft 2020-12) of one documents.jsonl record.

    \b
    Example:
      pipeline schema > documents.schema.json

    Every field has a description; labels, event types, granularities, anchors and
    statuses are enums; dates have "format": "date".
    """
    from pipeline.outputs.schema import document_schema

    sys.stdout.write(json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n")


@command("eval", short_help="Score the pipeline against gold annotations.")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", show_default=False, help="Gold JSONL: see the README, section 'Gold format'.")],
    task: Annotated[list[Task] | None, typer.Option("--task", metavar="TASK", help="entities, dates, events, people or quotes (repeatable); default: every layer the gold annotates. events, people and quotes are scored together.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object instead of tables.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    gazetteer: GazetteerOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Score the pipeline against hand-annotated text.

    \b
    Examples:
      pipeline eval tests/gold/corpora-gold-a.jsonl
      pipeline eval tests/gold/corpora-gold-b.jsonl --task dates --json

    Entities are scored for the raw model and for our pipeline side by side; dates on
    the gold "timex"; events, people and quotes by one suite. A file it cannot score
    (no gold layer; a pipeline output such as documents.jsonl) is refused in one line.
    """
    setup_logging(verbose)
    from pipeline.evaluation.suite import evaluate, reports_json

    try:
        tasks = [t.value for t in task] if task else None
        reports = evaluate(gold, Settings(model=model, gazetteer=gazetteer), tasks=tasks)
    except PipelineError as exc:
        raise fail(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps(reports_json(gold, reports), ensure_ascii=False, indent=2) + "\n")
        return
    for item in reports:
        # plain echo: rich would re-wrap the tables to the terminal width
        typer.echo(f"\n== {item.task} — {gold} ({item.n_docs} documents)")
        typer.echo(item.report.to_text())
