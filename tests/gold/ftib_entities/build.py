"""Build the entity gold of the French TimeBank articles from the hand annotations here.

French TimeBank (``../shared/benchmarks/ftib-dev.jsonl``: regional news of L'Est
Républicain, 1999-2003) has no named-entity layer, so the entity rules were never
written against it. The annotations (``dev.json``, ``heldout.json``) name each entity by
surface, occurrence and label (WiNER conventions, as in ``../shared/benchmarks/README.md``);
they hold no text, which stays in ``../shared/``. This script checks every surface and
writes ``pipeline eval``-ready JSONL to ``bench/_work/ftib-entities-{dev,heldout}.jsonl``.

Usage::

    python tests/gold/ftib_entities/build.py              # both parts; exit 1 on any bad span
    python tests/gold/ftib_entities/build.py --check dev  # check one part, write nothing

``split.json`` fixed the halves before anyone looked at the pipeline's output on them.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the shared part sits one folder up
from goldparts import ROOT, build_parts, locate  # noqa: E402

TEXTS = ROOT.parent / "shared" / "benchmarks" / "ftib-dev.jsonl"
LABELS = {"PER", "ORG", "LOC", "MISC"}


def build_doc(ann: dict[str, Any], item: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """One gold article in the benchmarks' format; what is wrong goes to ``problems``."""
    text = item["text"]
    entities = []
    for e in ann.get("entities", []):
        if e.get("label") not in LABELS:
            problems.append(f"{ann['id']}: {e} has no valid label")
            continue
        try:
            start = locate(text, e["surface"], int(e.get("occurrence", 1)))
        except ValueError as exc:
            problems.append(f"{ann['id']}: {exc}")
            continue
        entities.append({"start": start, "end": start + len(e["surface"]), "label": e["label"], "surface": e["surface"]})
    entities.sort(key=lambda e: (e["start"], e["end"]))
    for a, b in itertools.pairwise(entities):
        if b["start"] < a["end"]:
            problems.append(f"{ann['id']}: overlapping spans {a['surface']!r} and {b['surface']!r}")
    return {"id": ann["id"], "text": text, "dct": item.get("dct"), "entities": entities}


def main() -> int:
    """Check the annotations and write the gold files; exit 1 when a span is wrong."""
    return build_parts(HERE, TEXTS, "ftib-entities", build_doc,
                       lambda docs: f"{sum(len(d['entities']) for d in docs)} entities", __doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
