"""French news text-analysis pipeline: articles in, evidence-linked records out.

Stages: :mod:`pipeline.ingest` -> :mod:`pipeline.nlp` (spaCy components from
:mod:`pipeline.entities`, :mod:`pipeline.dates`, :mod:`pipeline.events`,
:mod:`pipeline.people`) -> :mod:`pipeline.records` -> :mod:`pipeline.outputs.export`;
:mod:`pipeline.runner.core` runs them over a corpus folder.
"""
