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

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the shared part sits one folder up
from goldparts import ROOT, build_parts, locate  # noqa: E402

TEXTS = ROOT.parent / "shared" / "benchmarks" / "winer-fr-dev.jsonl"

TYPES = {"meeting", "conference", "inauguration", "visit", "launch", "funding", "partnership", "acquisition",
         "appointment", "election", "award", "announcement", "recruitment", "other"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
STATUSES = {"past", "ongoing", "planned"}
ROLES = {"organizer", "participant", "subject", "beneficiary", "partner"}


def build_doc(ann: dict[str, Any], item: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """One gold article in ``pipeline eval`` format; what is wrong goes to ``problems``."""
    doc_id, text = ann["id"], item["text"]
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
    return build_parts(
        HERE, TEXTS, "wikinews-gold", build_doc,
        lambda docs: f"{sum(len(d['events']) for d in docs)} events, {sum(len(d['timex']) for d in docs)} timex",
        __doc__.splitlines()[0],
    )


if __name__ == "__main__":
    raise SystemExit(main())
