"""The local engine: this machine, one process reading the corpus and a pool for the NLP.

The corpus is read in this process (:func:`~pipeline.runner.core.iter_ingested`); every
article :meth:`~pipeline.runner.core.RunState.admit` lets through goes to
:func:`pipeline.nlp.stream_records`, which runs ``settings.workers`` processes with one
model each, and its records come back to the run state as they are made.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest import Skipped
from pipeline.records import Article, ErrorRecord
from pipeline.runner.core import RunState, iter_ingested, screen_language
from pipeline.settings import Settings


class LocalEngine:
    """Process the corpus on this machine (see the module docstring)."""

    def process(self, files: list[Path], corpus: Path, settings: Settings, state: RunState) -> None:
        """Ingest ``files`` here, admit each article and process the admitted ones in a pool."""

        def iter_todo() -> Iterator[Article]:
            for first_in_file, result in iter_ingested(files, corpus, settings):
                state.file_read(first_in_file)
                if isinstance(result, ErrorRecord):
                    state.take(result)
                elif state.admit(result):
                    screened = screen_language(result, settings)
                    if isinstance(screened, Skipped):
                        state.screened_out(result, screened)
                    else:
                        state.started(screened)
                        yield screened

        todo = iter_todo()
        first = next(todo, None)
        if first is None:
            return  # nothing to process: the model is not even loaded
        from pipeline.nlp import stream_records

        for result in stream_records(_chain(first, todo), settings):
            state.take(result)


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest
