"""French news text-analysis pipeline: articles in, evidence-linked records out.

The Python API (:mod:`pipeline.api`)::

    from pipeline import extract, run, read_outputs

Stages, one folder each: :mod:`pipeline.ingest` (files -> articles) -> :mod:`pipeline.nlp`
(the spaCy model and our components from :mod:`pipeline.entities`, :mod:`pipeline.dates`,
:mod:`pipeline.events`, :mod:`pipeline.people`, :mod:`pipeline.quantities`) ->
:mod:`pipeline.records` -> :mod:`pipeline.outputs` (export, schema, report);
:mod:`pipeline.runner` runs them over a corpus folder with its local or Dask engine.
``docs/architecture.md`` draws the data flow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.api import extract, read_outputs, run

__all__ = ["extract", "read_outputs", "run"]


def __getattr__(name: str) -> Any:
    # Imported on first use: ``pipeline --help`` and the worker processes need none of it.
    if name in __all__:
        from pipeline import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
