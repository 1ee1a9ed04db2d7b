"""The ``fr_entity_gazetteer`` component: a user's names matched ahead of the model."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler

from pipeline.errors import UsageError
from pipeline.nlp.extensions import register_extensions

logger = logging.getLogger(__name__)


class GazetteerError(UsageError, ValueError):
    """A gazetteer file is missing or has a malformed line."""


def read_gazetteer(path: Path) -> list[dict[str, Any]]:
    """Turn a gazetteer JSONL into SpanRuler patterns.

    Args:
        path: one ``{"name", "label", "aliases": [...]}`` object a line.

    Returns:
        Phrase patterns (name and aliases) whose ``id`` is the entry's name.

    Raises:
        GazetteerError: the file is missing or a line is malformed.
    """
    if not path.is_file():
        raise GazetteerError(f"gazetteer not found: {path}")
    patterns: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                name, label = str(entry["name"]).strip(), str(entry["label"]).strip()
                aliases = [str(a).strip() for a in entry.get("aliases", ())]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GazetteerError(f"{path}:{number}: bad gazetteer line ({exc})") from exc
            if not name or not label:
                raise GazetteerError(f"{path}:{number}: empty name or label")
            for text in dict.fromkeys([name, *aliases]):
                if text:
                    patterns.append({"label": label, "pattern": text, "id": name})
    return patterns


@Language.factory("fr_entity_gazetteer", default_config={"path": None})
def make_entity_gazetteer(nlp: Language, name: str, path: str | None = None) -> SpanRuler:
    """Build the gazetteer component (add it with ``before="ner"``).

    Gazetteer matches become ``doc.ents`` before the model runs, so the model keeps them
    and predicts around them; ``fr_entity_fixes`` leaves them untouched and uses the
    entry's name as the canonical name of all its aliases.

    Args:
        nlp: the pipeline.
        name: the component name.
        path: the gazetteer JSONL (an empty ruler when None).

    Returns:
        A :class:`~spacy.pipeline.SpanRuler` writing ``doc.ents``.

    Raises:
        GazetteerError: the file is missing or malformed.
    """
    register_extensions()
    ruler = SpanRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=False)
    if path is not None:
        patterns = read_gazetteer(Path(path))
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(patterns)
        logger.info("gazetteer %s: %d patterns", path, len(patterns))
    return ruler
