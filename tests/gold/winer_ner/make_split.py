"""Split WiNER dev (``../shared/benchmarks/winer-fr-dev.jsonl``) for the trained NER route.

Each article goes, by a stable hash of its id (sha256 of ``id + "|ner-16"``, modulo 6),
to one of three parts, fixed before any model output was seen:

- ``heldout`` (0, 1: a third): only ever scored, never trained on nor read;
- ``rehearsal`` (2: a sixth): its text only, annotated by the original model, is mixed
  into training so that the fine-tuned model keeps what it knew; its gold is not used;
- ``train`` (3-5: a half): the gold annotations the NER is fine-tuned on.

``split.json`` holds the ids only (the texts stay in ``../shared/``). Usage::

    python tests/gold/winer_ner/make_split.py   # rewrites split.json (same result each time)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[2].parent / "shared" / "benchmarks" / "winer-fr-dev.jsonl"
SALT = "|ner-16"


def part_of(article_id: str) -> str:
    """The part an article id belongs to."""
    bucket = int(hashlib.sha256((article_id + SALT).encode("utf-8")).hexdigest(), 16) % 6
    return "heldout" if bucket < 2 else "rehearsal" if bucket == 2 else "train"


def main() -> None:
    """Write ``split.json`` next to this script."""
    parts: dict[str, list[str]] = {"train": [], "rehearsal": [], "heldout": []}
    with SOURCE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                article_id = str(json.loads(line)["id"])
                parts[part_of(article_id)].append(article_id)
    out = {
        "source": SOURCE.name,
        "rule": f"sha256(id + {SALT!r}) % 6: 0-1 heldout, 2 rehearsal (text only), 3-5 train",
        **parts,
    }
    (HERE / "split.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in parts.items()})


if __name__ == "__main__":
    main()
