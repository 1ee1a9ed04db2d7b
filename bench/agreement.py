"""How far two careful annotators agree on the Wikinews event gold: the ceiling of the scores.

A sample of round 6 of the Wikinews event gold was annotated a second time, from scratch and
blind to the first annotation (``tests/gold/wikinews/second.json``). This script scores the
second annotation as if it were a system, against the first (the gold of ``dev.json`` /
``heldout.json``), with the same matching and the same argument judgements as ``pipeline
eval`` (``pipeline.evaluation.events``), and the other way round. No pipeline runs here.

Usage::

    python bench/agreement.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "gold" / "wikinews"))
from build import TEXTS, build_doc  # noqa: E402

from pipeline.evaluation.events import ARGUMENT_SLOTS, EventScores, _score_dated_events  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "wikinews"


def _built(annotations: list[dict[str, Any]], texts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    problems: list[str] = []
    docs = {a["id"]: build_doc(a, texts[a["id"]], problems) for a in annotations}
    if problems:
        raise SystemExit("\n".join(problems))
    return docs


def _as_system(events: list[dict[str, Any]], *, optional: bool) -> list[dict[str, Any]]:
    """An annotation read as a system's output: its dated events, the optional ones or not."""
    return [e for e in events if optional or not e.get("optional")]


def agreement(reference: dict[str, dict[str, Any]], other: dict[str, dict[str, Any]], *, optional: bool) -> EventScores:
    scores = EventScores()
    for doc_id, doc in reference.items():
        scores.n_docs += 1
        _score_dated_events(scores, list(doc["events"]), _as_system(other[doc_id]["events"], optional=optional))
    return scores


def main() -> int:
    with TEXTS.open(encoding="utf-8") as handle:
        texts = {item["id"]: item for item in map(json.loads, handle)}
    second_raw = json.loads((GOLD / "second.json").read_text("utf-8"))
    first_raw = [a for part in ("dev", "heldout") for a in json.loads((GOLD / f"{part}.json").read_text("utf-8"))]
    ids = {a["id"] for a in second_raw}
    first = _built([a for a in first_raw if a["id"] in ids], texts)
    second = _built(second_raw, texts)
    missing = ids - set(first)
    if missing:
        raise SystemExit(f"second annotation of articles the gold lacks: {sorted(missing)}")
    print(f"{len(ids)} articles annotated twice (round 6 of the Wikinews gold)")
    header = f"{'scored against':<38}{'dated events P / R / F1':>26}{'arguments':>20}" + "".join(f"{s:>14}" for s in ARGUMENT_SLOTS)
    print(header)
    for label, ref, oth, opt in (
        ("second vs first (all its events)", first, second, True),
        ("second vs first (its required only)", first, second, False),
        ("first vs second (all its events)", second, first, True),
        ("first vs second (its required only)", second, first, False),
    ):
        s = agreement(ref, oth, optional=opt)
        d = s.dated_events
        print(f"{label:<38}{f'{d.precision:.2f} / {d.recall:.2f} / {d.f1:.3f}':>26}"
              f"{f'{s.arguments.value:.3f} ({s.arguments.correct}/{s.arguments.total})':>20}"
              + "".join(f"{s.argument_slots[slot].value:>14.3f}" for slot in ARGUMENT_SLOTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
