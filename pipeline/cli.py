"""Command line: thin typer commands that check arguments, build Settings, call the library.

Expected errors become one line on stderr and an exit code (0 ok, 1 some inputs failed,
2 usage or output error); never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from typer.core import TyperGroup

from pipeline.errors import PipelineError
from pipeline.settings import ALL_STAGES, Settings


class _OneLineErrors(TyperGroup):
    """Usage errors as one line (``error: …``) with the exit code 2, like every other error.

    Click's own display is a box or a usage block of four or five lines; a script or a
    person reading stderr wants the reason in one line, and ``--help`` says the rest.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except typer.TyperException as exc:  # click's usage errors, as Typer ships them
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else "pipeline"
            err_console.print(_one_line(f"error: {exc.format_message()} (see: {command} --help)"), markup=False)
            sys.exit(exc.exit_code)
        except typer.Abort:
            err_console.print("aborted", markup=False)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_OneLineErrors,
    rich_markup_mode=None,
    name="pipeline",
    help="French news analysis: entities, dates, events, people and quotes as evidence-linked records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

out_console = Console()
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def _one_line(text: str) -> str:
    """Escape line breaks and control characters (file names may hold them)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _stages(value: str) -> tuple[str, ...]:
    stages = tuple(s.strip() for s in value.split(",") if s.strip())
    unknown = [s for s in stages if s not in ALL_STAGES]
    if unknown:
        raise typer.BadParameter(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(ALL_STAGES)}")
    return stages


DEFAULT_STAGES = ",".join(ALL_STAGES)
DEFAULT_OUT = Path("outputs")

ModelOpt = Annotated[str, typer.Option(help="spaCy model package to load.")]
StagesOpt = Annotated[str, typer.Option(help=f"Comma-separated stages to run: {','.join(ALL_STAGES)}.")]
GazetteerOpt = Annotated[
    Path | None,
    typer.Option(help='JSONL of {"name", "label", "aliases"} matched ahead of the model.',
                 exists=True, dir_okay=False, readable=True),
]


class TableFormat(StrEnum):
    """Table file format."""

    parquet = "parquet"
    csv = "csv"


class EngineName(StrEnum):
    """Where a run processes its articles."""

    local = "local"
    dask = "dask"


class NonFrench(StrEnum):
    """What a run does with articles not in French."""

    process = "process"
    skip = "skip"


@app.command("run")
def run_cmd(
    corpus: Annotated[Path, typer.Argument(metavar="CORPUS", show_default=False, help="A folder of articles (.txt .md .html .htm .json .jsonl), read recursively; or one article file.")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="OUT", help="Output folder (created if missing; never read as input).")] = DEFAULT_OUT,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Worker processes, each loading the model once (1: in this process).")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Articles per nlp.pipe batch.")] = 16,
    model: ModelOpt = "fr_core_news_md",
    stages: StagesOpt = DEFAULT_STAGES,
    gazetteer: GazetteerOpt = None,
    include: Annotated[list[str] | None, typer.Option("--include", metavar="GLOB", help="Read only the files matching GLOB (path relative to CORPUS, or file name); repeatable.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Leave out the files matching GLOB; repeatable. Left-out files are listed in run.json.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-process every article, even unchanged ones.")] = False,
    output_format: Annotated[TableFormat, typer.Option("--format", help="Table file format.")] = TableFormat.parquet,
    max_file_mb: Annotated[float, typer.Option(min=0.001, metavar="MB", help="Refuse input files above this size.")] = 50.0,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Follow symlinks inside the corpus.")] = False,
    non_french: Annotated[NonFrench, typer.Option(help="Articles not in French: process them, or skip them (listed in run.json).")] = NonFrench.process,
    engine: Annotated[EngineName, typer.Option(help="local: this machine; dask: a Dask cluster (docs/distributed.md).")] = EngineName.local,
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS", help="Dask scheduler (tcp://host:8786) for --engine dask; default: a local cluster of --workers processes.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    """Process every article under CORPUS into records and tables in OUT.

    Example: pipeline run corpora/ --out outputs/ --workers 2

    Writes documents.jsonl, one table per kind of record (Parquet or CSV),
    errors.jsonl and run.json. Unchanged articles are not processed again on a
    re-run (use --force). Exit code 0: all processed; 1: some inputs failed;
    2: usage or output error.
    """
    _setup_logging(verbose)
    if scheduler is not None and engine is not EngineName.dask:
        raise _fail("--scheduler needs --engine dask")
    from pipeline.api import run

    try:
        settings = Settings(
            model=model, stages=_stages(stages), gazetteer=gazetteer, workers=workers,
            batch_size=batch_size, force=force, output_format=output_format.value,
            max_file_bytes=int(max_file_mb * 1_000_000), follow_symlinks=follow_symlinks,
            non_french=non_french.value, engine=engine.value, scheduler=scheduler,
            include=tuple(include or ()), exclude=tuple(exclude or ()),
        )
        with _progress_display() as hook:
            summary = run(corpus, out, settings=settings, progress=hook)
    except KeyboardInterrupt:
        err_console.print(
            f"interrupted: the records made so far are kept in {out}; run the same command again to resume",
            markup=False,
        )
        raise typer.Exit(130) from None
    except PipelineError as exc:
        raise _fail(str(exc)) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    _print_summary(summary)
    raise typer.Exit(summary.exit_code)


class _progress_display:
    """Progress bar on a terminal, periodic plain log lines otherwise (CI, cron)."""

    def __init__(self, every_seconds: float = 10.0) -> None:
        self._interactive = err_console.is_terminal
        self._every = every_seconds
        self._done = 0
        self._total = 0
        self._last = time.monotonic()
        self._started = self._last
        self._progress: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> Any:
        if self._interactive:
            self._progress = Progress(
                TextColumn("[bold]articles"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=err_console, transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("run", total=None, rate="")
        return self.hook

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)

    def hook(self, event: str, payload: Any) -> None:
        if event in ("total", "grow"):
            self._total = int(payload) if event == "total" else self._total + int(payload)
            if self._progress is not None:
                self._progress.update(self._task, total=self._total)
            return
        if event == "error":
            err_console.print(_one_line(f"{payload.source}: {payload.error_type}: {payload.message}"), markup=False)
        self._done += 1
        elapsed = max(1e-9, time.monotonic() - self._started)
        if self._progress is not None:
            self._progress.update(self._task, advance=1, rate=f"{self._done / elapsed:.1f}/s",
                                  total=max(self._total, self._done))
        elif time.monotonic() - self._last >= self._every:
            self._last = time.monotonic()
            err_console.print(
                f"progress: {self._done}/{max(self._total, self._done)} articles, "
                f"{self._done / elapsed:.1f}/s", markup=False,
            )


def _print_summary(summary: Any) -> None:
    table = Table(title="pipeline run", caption=f"{summary.corpus} -> {summary.out_dir}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("files read", summary.files), ("articles", summary.articles),
        ("processed", summary.processed), ("unchanged (reused)", summary.reused),
        ("failed", summary.failed), ("skipped", summary.skipped),
        ("entity mentions", summary.entities), ("dates", summary.dates), ("events", summary.events),
        ("people", summary.people), ("quotes", summary.quotes),
        ("time", f"{summary.seconds:.1f} s"),
    ]
    for what, value in rows:
        table.add_row(what, str(value))
    out_console.print(table)
    if summary.failed:
        err_console.print(f"{summary.failed} input(s) failed: see {Path(summary.out_dir) / 'errors.jsonl'}", markup=False)


@app.command("extract")
def extract_cmd(
    file: Annotated[str, typer.Argument(help="An article file, or - to read plain text from stdin.")],
    model: ModelOpt = "fr_core_news_md",
    stages: StagesOpt = DEFAULT_STAGES,
    gazetteer: GazetteerOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Print one article's record as JSON (one line per article for a .jsonl file).

    Example:

        pipeline extract corpora/a/article.txt
        echo "Le maire de Lyon a inauguré la médiathèque le 3 mars 2021." | pipeline extract -
    """
    _setup_logging(verbose)
    from pipeline.api import extract_path, extract_stdin

    try:
        settings = Settings(model=model, stages=_stages(stages), gazetteer=gazetteer)
        if file == "-":
            results = extract_stdin(sys.stdin.buffer.read(), settings)
        else:
            path = Path(file)
            if not path.is_file():
                raise _fail(f"file not found: {file}")
            results = extract_path(path, settings)
    except PipelineError as exc:
        raise _fail(str(exc)) from None
    failed = 0
    for result in results:
        if "error_type" in result:
            failed += 1
            err_console.print(_one_line(f"{result['source']}: {result['error_type']}: {result['message']}"), markup=False)
        else:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=None if len(results) > 1 else 2) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command("report")
def report_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A `pipeline run` output folder (holding documents.jsonl).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Write a self-contained HTML report of a run's outputs into OUT_DIR/report/.

    Example:

        pipeline report outputs/

    Opens from disk with no network: OUT_DIR/report/index.html (overview, timeline of
    events, top entities, organisation network) and one page per article.
    """
    _setup_logging(verbose)
    from pipeline.outputs.report import write_report

    try:
        index = write_report(out_dir)
    except PipelineError as exc:
        raise _fail(str(exc)) from None
    out_console.print(str(index), markup=False, highlight=False, soft_wrap=True)


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema (draft 2020-12) of one documents.jsonl record.

    Example:

        pipeline schema > documents.schema.json
    """
    from pipeline.outputs.schema import document_schema

    sys.stdout.write(json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (format of shared/benchmarks/README.md).")],
    task: Annotated[list[str] | None, typer.Option("--task", help="entities, dates or events (repeatable); default: every layer the gold annotates.")] = None,
    model: ModelOpt = "fr_core_news_md",
    gazetteer: GazetteerOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Score the pipeline against annotated text: entities, dates, events, people, quotes.

    Example:

        pipeline eval ../shared/benchmarks/ftib-dev.jsonl --task dates
        pipeline eval tests/gold/corpora-gold-a.jsonl

    Entities are scored for the raw model and for our pipeline side by side.
    """
    _setup_logging(verbose)
    from pipeline.evaluation.suite import evaluate

    try:
        reports = evaluate(gold, Settings(model=model, gazetteer=gazetteer), tasks=task)
    except PipelineError as exc:
        raise _fail(str(exc)) from None
    for item in reports:
        # plain echo: rich would re-wrap the tables to the terminal width
        typer.echo(f"\n== {item.task} — {gold} ({item.n_docs} documents)")
        typer.echo(item.report.to_text())


def main() -> None:
    """Entry point for ``python -m pipeline``."""
    app()
