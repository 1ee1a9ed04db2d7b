"""Build the Wikinews event/date gold from the hand annotations in this folder.

The annotations (``dev.json``, ``heldout.json``) name every span by its surface and
occurrence, never by offset, and hold no article text: the text stays in
``../shared/benchmarks/winer-fr-dev.jsonl`` (CC BY 2.5) and is joined here by ``id``.
This script checks that every surface is in its article (the ``occurrence``-th exact
match, 1-based) and writes ``pipeline eval``-ready JSONL with the text and offsets to
``bench/_work/wikinews-gold-{dev,heldout}.jsonl``, which git ignores.

Usage::

    python tests/gold/wikinews/build.py            # both parts; exit 1 on any bad span
    python tests/gold/wikinews/build.py --check dev   # only check one part, write nothing

``split.json`` fixed which articles are dev and which are held-out before anyone looked
at the pipeline's output on them: rules may be written against dev only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TEXTS = ROOT.parent / "shared" / "benchmarks" / "winer-fr-dev.jsonl"
OUT = ROOT / "bench" / "_work"

TYPES = {"meeting", "conference", "inauguration", "visit", "launch", "funding", "partnership", "acquisition",
         "appointment", "election", "award", "announcement", "recruitment", "other"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
STATUSES = {"past", "ongoing", "planned"}
ROLES = {"organizer", "participant", "subject", "beneficiary", "partner"}


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start offset of the ``occurrence``-th exact match of ``surface`` in ``text``.

    Raises:
        ValueError: there is no such occurrence.
    """
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} occurrence {occurrence} not in the text")
    return start


def build_doc(ann: dict[str, Any], text: str, problems: list[str]) -> dict[str, Any]:
    """One gold article in ``pipeline eval`` format; what is wrong goes to ``problems``."""
    doc_id = ann["id"]
    timex = []
    for t in ann.get("timex", []):
        try:
            start = locate(text, t["surface"], int(t.get("occurrence", 1)))
        except ValueError as exc:
            problems.append(f"{doc_id}: timex {exc}")
            continue
        if t["type"] not in TIMEX_TYPES:
            problems.append(f"{doc_id}: timex {t['surface']!r} has type {t['type']!r}")
        timex.append({"start": start, "end": start + len(t["surface"]), "type": t["type"], "value": t["value"],
                      "mod": t.get("mod"), "surface": t["surface"]})
    events = []
    for e in ann.get("events", []):
        where = f"{doc_id}: event {e.get('trigger')!r}"
        for bad in [x for x in [e["type"], *e.get("alt_types", [])] if x not in TYPES]:
            problems.append(f"{where}: unknown type {bad!r}")
        if e.get("status") not in STATUSES:
            problems.append(f"{where}: status {e.get('status')!r}")
        try:
            start = locate(text, e["trigger"], int(e.get("trigger_occurrence", 1)))
            evidence = [{"start": start, "end": start + len(e["trigger"]), "text": e["trigger"]}]
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            evidence = []
        for p in e.get("participants", []):
            if p.get("role") not in ROLES or p["name"] not in text:
                problems.append(f"{where}: participant {p}")
        if e.get("location") and e["location"] not in text:
            problems.append(f"{where}: location {e['location']!r} not in the text")
        quantities = []
        for q in e.get("quantities", []):
            if q["surface"] not in text:
                problems.append(f"{where}: quantity {q['surface']!r} not in the text")
            quantities.append({"value": q["value"], "approximate": bool(q.get("approximate")), "unit": q.get("unit"),
                               "text": q["surface"]})
        events.append({"type": e["type"], "alt_types": e.get("alt_types", []), "name": e.get("name"),
                       "trigger": e["trigger"], "date": e.get("date"), "status": e.get("status"),
                       "location": e.get("location"), "participants": e.get("participants", []),
                       "quantities": quantities, "optional": bool(e.get("optional")), "evidence": evidence})
    return {"id": doc_id, "text": text, "dct": ann["dct"], "timex": timex, "events": events}


def main() -> int:
    """Check the annotations and write the gold files; exit 1 when a span is wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", choices=["dev", "heldout"], help="check one part only, write nothing")
    args = parser.parse_args()
    texts = {}
    with TEXTS.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            texts[item["id"]] = item
    split = json.loads((HERE / "split.json").read_text("utf-8"))
    problems: list[str] = []
    for part in [args.check] if args.check else ["dev", "heldout"]:
        path = HERE / f"{part}.json"
        annotations = json.loads(path.read_text("utf-8")) if path.is_file() else []
        outside = [a["id"] for a in annotations if a["id"] not in split[part]]
        if outside:
            problems.append(f"{part}: articles not in the {part} split: {outside}")
        docs = [build_doc(a, texts[a["id"]]["text"], problems) for a in annotations if a["id"] in texts]
        if not args.check:
            OUT.mkdir(parents=True, exist_ok=True)
            target = OUT / f"wikinews-gold-{part}.jsonl"
            target.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
            print(f"{target}: {len(docs)} articles, {sum(len(d['events']) for d in docs)} events, "
                  f"{sum(len(d['timex']) for d in docs)} timex")
        else:
            print(f"{part}: {len(docs)} articles checked")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
