"""``pipeline run``: a corpus folder into records, tables and a manifest."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer
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

from pipeline.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_STAGES,
    EngineName,
    GazetteerOpt,
    ModelOpt,
    NerOpt,
    NonFrench,
    StagesOpt,
    TableFormat,
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

DEFAULT_OUT = Path("outputs")


@command("run", short_help="Process a folder of articles into records, tables and run.json.")
def run_cmd(
    corpus: Annotated[Path, typer.Argument(metavar="CORPUS", show_default=False, help="A folder of articles (.txt .md .html .htm .json .jsonl), read recursively; or one article file.")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="OUT", help="Output folder (created if missing; never read as input).")] = DEFAULT_OUT,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Worker processes, each loading the model once (1: in this process).")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Articles per nlp.pipe batch.")] = 16,
    model: ModelOpt = DEFAULT_MODEL,
    stages: StagesOpt = DEFAULT_STAGES,
    gazetteer: GazetteerOpt = None,
    ner: NerOpt = None,
    include: Annotated[list[str] | None, typer.Option("--include", metavar="GLOB", help="Read only the files matching GLOB (a path under CORPUS, or a file name); repeatable.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Leave out the files matching GLOB (repeatable); they are listed in run.json.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Process every article again, even the unchanged ones.")] = False,
    output_format: Annotated[TableFormat, typer.Option("--format", help="Table file format.")] = TableFormat.parquet,
    max_file_mb: Annotated[float, typer.Option(min=0.001, metavar="MB", help="Refuse input files above this size.")] = 50.0,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Follow symlinks inside the corpus.")] = False,
    non_french: Annotated[NonFrench, typer.Option(help="Articles not in French: keep their record without extraction, process them as French, or skip them (listed in run.json).")] = NonFrench.keep,
    engine: Annotated[EngineName, typer.Option(help="local: this machine; dask: a Dask cluster (docs/distributed.md).")] = EngineName.local,
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS", help="Dask scheduler (tcp://host:8786) for --engine dask; without it, a cluster of --workers processes on this machine.")] = None,
    verbose: VerboseOpt = False,
) -> None:
    """Process every article under CORPUS into records and tables in OUT.

    \b
    Examples:
      pipeline run corpora/ --out outputs/ --workers 2
      pipeline run corpora/ --exclude 'drafts/*' --format csv

    Writes documents.jsonl, one table per kind of record (Parquet or CSV), errors.jsonl
    and run.json. Unchanged articles are not processed again on a re-run (use --force).
    Hidden files, files of other types and output folders are skipped and listed in
    run.json. Exit code 0: all processed; 1: some inputs failed; 2: usage or output error.
    """
    setup_logging(verbose)
    use_ner(ner)
    if scheduler is not None and engine is not EngineName.dask:
        raise fail("--scheduler needs --engine dask")
    from pipeline.api import run

    try:
        settings = Settings(
            model=model, stages=parse_stages(stages), gazetteer=gazetteer, workers=workers,
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
    except (PipelineError, ValueError) as exc:
        raise fail(str(exc)) from None
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
            err_console.print(one_line(f"{payload.source}: {payload.error_type}: {payload.message}"), markup=False)
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


def summary_rows(summary: Any) -> list[tuple[str, str]]:
    """The rows of the end-of-run table: (what, count)."""
    languages = ", ".join(f"{lang} {n}" for lang, n in summary.languages.items()) or "-"
    rows = [
        ("files read", summary.files), ("articles", summary.articles),
        ("processed", summary.processed), ("unchanged (reused)", summary.reused),
        ("failed", summary.failed), ("skipped", summary.skipped), ("warnings", len(summary.warnings)),
        ("languages", languages), ("not French (not extracted)", summary.not_extracted),
        ("entity mentions", summary.entities), ("dates", summary.dates), ("events", summary.events),
        ("people", summary.people), ("quotes", summary.quotes),
        ("time", f"{summary.seconds:.1f} s"),
    ]
    return [(what, str(value)) for what, value in rows]


def _print_summary(summary: Any) -> None:
    table = Table(title="pipeline run", caption=f"{summary.corpus} -> {summary.out_dir}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for what, value in summary_rows(summary):
        table.add_row(what, value)
    out_console.print(table)
    if summary.warnings:
        out_console.print(f"{len(summary.warnings)} warning(s) on kept articles (unreadable metadata...): "
                          f"see {Path(summary.out_dir) / 'run.json'}", markup=False, highlight=False, soft_wrap=True)
    if summary.skipped:
        out_console.print(f"{summary.skipped} skipped input(s) and why: see {Path(summary.out_dir) / 'run.json'}",
                          markup=False, highlight=False, soft_wrap=True)
    if summary.failed:
        err_console.print(f"{summary.failed} input(s) failed: see {Path(summary.out_dir) / 'errors.jsonl'}", markup=False)
