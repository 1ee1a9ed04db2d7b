"""What the gold builders share: surfaces to offsets, and the dev/held-out build loop.

A builder's annotations name spans by surface and occurrence and hold no text (the
text stays in ``../shared/``); :func:`build_parts` joins them with the text, checks
them and writes eval-ready JSONL under ``bench/_work/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "_work"
PARTS = ("dev", "heldout")

#: (annotation, source item, problems) -> the gold article
BuildDoc = Callable[[dict[str, Any], dict[str, Any], list[str]], dict[str, Any]]


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start offset of the ``occurrence``-th (1-based) exact match of ``surface`` in ``text``.

    Raises:
        ValueError: there is no such occurrence.
    """
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} occurrence {occurrence} not in the text")
    return start


def build_parts(here: Path, texts: Path, name: str, build_doc: BuildDoc, describe: Callable[[list[dict[str, Any]]], str],
                description: str) -> int:
    """Check a folder's ``dev.json``/``heldout.json`` against ``split.json`` and write the gold.

    Returns:
        The exit code: 1 when a span or an article is wrong.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", choices=PARTS, help="check one part only, write nothing")
    args = parser.parse_args()
    with texts.open(encoding="utf-8") as handle:
        items = {item["id"]: item for item in map(json.loads, handle)}
    split = json.loads((here / "split.json").read_text("utf-8"))
    problems: list[str] = []
    for part in [args.check] if args.check else PARTS:
        path = here / f"{part}.json"
        annotations = json.loads(path.read_text("utf-8")) if path.is_file() else []
        outside = [a["id"] for a in annotations if a["id"] not in split[part]]
        if outside:
            problems.append(f"{part}: articles not in the {part} split: {outside}")
        docs = [build_doc(a, items[a["id"]], problems) for a in annotations if a["id"] in items]
        if args.check:
            print(f"{part}: {len(docs)} articles checked")
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        target = OUT / f"{name}-{part}.jsonl"
        target.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
        print(f"{target}: {len(docs)} articles, {describe(docs)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0
