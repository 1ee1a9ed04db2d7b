"""Command line: thin typer commands that check arguments, build Settings, call the library.

``pipeline run`` (:mod:`pipeline.cli.run`), ``extract``, ``report``, ``schema``, ``eval``
(:mod:`pipeline.cli.commands`); the app, one-line errors and the shared options are in
:mod:`pipeline.cli.common`. Expected errors become one line on stderr and an exit code
(0 ok, 1 some inputs failed, 2 usage or output error); never a traceback.
"""

from __future__ import annotations

from pipeline.cli import commands, run
from pipeline.cli.common import app

__all__ = ["app", "commands", "main", "run"]

#: the order of ``pipeline -h``: the main command first
COMMANDS = ("run", "extract", "report", "schema", "eval")
app.registered_commands.sort(key=lambda info: COMMANDS.index(info.name or ""))


def main() -> None:
    """Entry point for ``python -m pipeline``."""
    app(prog_name="pipeline")
