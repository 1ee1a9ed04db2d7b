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

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TEXTS = ROOT.parent / "shared" / "benchmarks" / "ftib-dev.jsonl"
OUT = ROOT / "bench" / "_work"
LABELS = {"PER", "ORG", "LOC", "MISC"}


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (1-based) exact match of ``surface``; ValueError if none."""
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} occurrence {occurrence} not in the text")
    return start


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", choices=["dev", "heldout"], help="check one part only, write nothing")
    args = parser.parse_args()
    with TEXTS.open(encoding="utf-8") as handle:
        items = {item["id"]: item for item in map(json.loads, handle)}
    split = json.loads((HERE / "split.json").read_text("utf-8"))
    problems: list[str] = []
    for part in [args.check] if args.check else ["dev", "heldout"]:
        path = HERE / f"{part}.json"
        annotations = json.loads(path.read_text("utf-8")) if path.is_file() else []
        outside = [a["id"] for a in annotations if a["id"] not in split[part]]
        if outside:
            problems.append(f"{part}: articles not in the {part} split: {outside}")
        docs = [build_doc(a, items[a["id"]], problems) for a in annotations if a["id"] in items]
        if args.check:
            print(f"{part}: {len(docs)} articles checked")
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        target = OUT / f"ftib-entities-{part}.jsonl"
        target.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
        print(f"{target}: {len(docs)} articles, {sum(len(d['entities']) for d in docs)} entities")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
