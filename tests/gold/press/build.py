"""Build the team's press gold (``dev.jsonl``, ``heldout.jsonl``) from the annotated sources here.

The 40 excerpts and their annotations are written by hand in ``source/*.txt`` (format
below); this script turns every surface into character offsets, checks them, splits the
articles into dev and held-out by the parity of ``sha1(id)`` and writes the two JSONL
files next to it, in the format of ``tests/gold/corpora-gold-*.jsonl``.

Usage::

    python tests/gold/press/build.py           # write dev.jsonl and heldout.jsonl; exit 1 on any bad span
    python tests/gold/press/build.py --check   # check only, write nothing

Source format, one article per block (a line ``=== <id>`` starts it)::

    title: ...
    dct: 2022-03-03            (or "null": the dateline in the text gives the date)
    source: ...
    text:
    <the article, as many lines as needed>
    ---
    PER: Name; Other Name      every whole-word occurrence, longest surfaces first,
    ORG: Name#2,3              never inside an entity already placed; "#2,3": only
                               those occurrences (1-based)
    tx: surface | TYPE | value [| mod]        surface may be "surface@context#n": the
                                              surface inside the n-th occurrence of context
    ev: type[/alt,alt] | trigger[#n] | date or - | status | key=value | ...
        keys: loc=, p= "Name LABEL role; ..." , q= "[~]value unit = surface; ...",
        name=, also= "trigger2; trigger3" (more evidence of the same event), opt
    person: Name | title; title | affiliation or -
    quote: Speaker | verb | first words … last words   (the quote runs from one to the other)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABELS = ("PER", "ORG", "LOC", "MISC")
TYPES = {"meeting", "conference", "inauguration", "visit", "launch", "funding", "partnership", "acquisition",
         "appointment", "election", "award", "announcement", "recruitment", "other"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
STATUSES = {"past", "ongoing", "planned"}
ROLES = {"organizer", "participant", "subject", "beneficiary", "partner"}
_VALUE = re.compile(r"^(\d{4}(-\d\d(-\d\d)?)?(T[\d:]+|T(MO|AF|EV|NI|MI))?|\d{4}-(SP|SU|FA|WI|Q\d|H\d|W\d\d)"
                    r"|P[\dYMWDTHS.]+|XXXX-WXX-\d|XXXX-XX-XXT[\d:]+|XXXX-XX-XXT(MO|AF|EV|NI)|PRESENT_REF|PAST_REF|FUTURE_REF|T[\d:]+"
                    r"|\d{2,3})$")


def part_of(doc_id: str) -> str:
    """The split rule, fixed before any pipeline output was seen: sha1(id) even -> dev."""
    return "dev" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "heldout"


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _weekday_problem(surface: str, value: str) -> bool:
    """A weekday named in the surface that is not the weekday of the value's day."""
    import datetime as dt

    named = [i for i, day in enumerate(_WEEKDAYS)
             if re.search(rf"\b{day}\b", surface.partition("@")[0].lower())]
    m = re.match(r"^(\d{4}-\d\d-\d\d)", value)
    return bool(named and m and dt.date.fromisoformat(m.group(1)).weekday() != named[0])


def _word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _occurrences(text: str, surface: str) -> list[int]:
    out, i = [], text.find(surface)
    while i >= 0:
        if _word_at(text, i, i + len(surface)):
            out.append(i)
        i = text.find(surface, i + 1)
    return out


def _split_occ(spec: str) -> tuple[str, list[int] | None]:
    m = re.match(r"^(.*?)#([\d,]+)$", spec)
    return (m.group(1), [int(x) for x in m.group(2).split(",")]) if m else (spec, None)


def locate(text: str, spec: str, problems: list[str], where: str) -> tuple[int, int] | None:
    """Offsets of ``surface[@context][#n]``: the n-th whole-word occurrence (default 1)."""
    spec, occ = _split_occ(spec.strip())
    surface, _, context = spec.partition("@")
    n = (occ or [1])[0]
    base = context or surface
    found = _occurrences(text, base)
    if len(found) < n:
        problems.append(f"{where}: {base!r} occurrence {n} not in the text")
        return None
    start = found[n - 1]
    if context:
        inner = [start + i for i in _occurrences(context, surface)]
        if not inner:
            problems.append(f"{where}: {surface!r} not in {context!r}")
            return None
        start = inner[0]
    return start, start + len(surface)


def _entities(text: str, specs: list[tuple[str, str]], problems: list[str], doc_id: str) -> list[dict[str, Any]]:
    taken: list[tuple[int, int]] = []
    out = []
    for label, spec in sorted(specs, key=lambda s: -len(_split_occ(s[1])[0])):
        surface, occ = _split_occ(spec)
        found = _occurrences(text, surface)
        if not found:
            problems.append(f"{doc_id}: entity {surface!r} not in the text")
        free = [s for s in found if not any(s < e and b < s + len(surface) for b, e in taken)]
        chosen = free if occ is None else [free[k - 1] for k in occ if 1 <= k <= len(free)]
        if occ is not None and len(chosen) != len(occ):
            problems.append(f"{doc_id}: entity {spec!r}: only {len(free)} free occurrences")
        for s in chosen:
            taken.append((s, s + len(surface)))
            out.append({"start": s, "end": s + len(surface), "label": label, "surface": surface})
    return sorted(out, key=lambda e: e["start"])


def _event(text: str, line: str, problems: list[str], doc_id: str) -> dict[str, Any]:
    fields = [f.strip() for f in line.split(" | ")]
    types, trigger, date, status = fields[:4]
    main_type, _, alts = types.partition("/")
    where = f"{doc_id}: event {trigger!r}"
    for t in [main_type, *filter(None, alts.split(","))]:
        if t not in TYPES:
            problems.append(f"{where}: unknown type {t!r}")
    if status not in STATUSES:
        problems.append(f"{where}: status {status!r}")
    event: dict[str, Any] = {"type": main_type, "alt_types": [a for a in alts.split(",") if a], "name": None,
                             "trigger": _split_occ(trigger)[0].partition("@")[0],
                             "date": None if date == "-" else date, "status": status, "location": None,
                             "participants": [], "quantities": [], "optional": False, "evidence": []}
    for date_part in filter(None, (event["date"] or "").split("/")):
        if not _VALUE.match(date_part):
            problems.append(f"{where}: date {date!r}")
    triggers = [trigger]
    for f in fields[4:]:
        key, _, value = f.partition("=")
        if key == "opt":
            event["optional"] = True
        elif key == "loc":
            event["location"] = value
            if not _occurrences(text, value):
                problems.append(f"{where}: location {value!r} not in the text")
        elif key == "name":
            event["name"] = value
        elif key == "also":
            triggers += [v.strip() for v in value.split(";")]
        elif key == "p":
            for item in value.split(";"):
                name, label, role = item.strip().rsplit(" ", 2)
                if label not in LABELS or role not in ROLES or not _occurrences(text, name):
                    problems.append(f"{where}: participant {item!r}")
                event["participants"].append({"name": name, "label": label, "role": role})
        elif key == "q":
            for item in value.split(";"):
                head, _, surface = item.partition(" = ")
                number, _, unit = head.strip().partition(" ")
                surface = surface.strip()
                if surface not in text:
                    problems.append(f"{where}: quantity {surface!r} not in the text")
                event["quantities"].append({"value": float(number.lstrip("~")), "approximate": number.startswith("~"),
                                            "unit": unit or None, "text": surface})
        else:
            problems.append(f"{where}: unknown field {f!r}")
    for spec in triggers:
        span = locate(text, spec, problems, where)
        if span:
            event["evidence"].append({"start": span[0], "end": span[1], "text": text[span[0]:span[1]]})
    return event


def _quote(text: str, line: str, problems: list[str], doc_id: str) -> dict[str, Any] | None:
    speaker, verb, bounds = (f.strip() for f in line.split(" | "))
    first, _, last = bounds.partition(" … ")
    start = text.find(first)
    end = text.find(last, start) + len(last) if start >= 0 and text.find(last, start) >= 0 else -1
    if start < 0 or end < 0 or speaker not in text:
        problems.append(f"{doc_id}: quote {bounds!r} / speaker {speaker!r}")
        return None
    return {"speaker": speaker, "text": text[start:end], "start": start, "end": end, "verb": verb}


def parse_block(block: str, problems: list[str]) -> dict[str, Any]:
    """One article of the source format as a gold record."""
    head, _, rest = block.partition("\ntext:\n")
    text, _, ann = rest.partition("\n---\n")
    lines = head.splitlines()
    doc_id = lines[0].strip()
    meta = dict(line.split(": ", 1) for line in lines[1:] if line.strip())
    doc: dict[str, Any] = {"id": doc_id, "source": meta["source"], "title": meta["title"], "text": text,
                           "dct": None if meta["dct"] == "null" else meta["dct"]}
    specs: list[tuple[str, str]] = []
    timex, events, people, quotes = [], [], [], []
    for line in ann.splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if not line.strip():
            continue
        if key in LABELS:
            specs += [(key, s.strip()) for s in value.split(";") if s.strip()]
        elif key == "tx":
            f = [x.strip() for x in value.split(" | ")]
            span = locate(text, f[0], problems, f"{doc_id}: timex")
            if (f[1] not in TIMEX_TYPES or not all(_VALUE.match(v) for v in f[2].split("/"))
                    or _weekday_problem(f[0], f[2])):
                problems.append(f"{doc_id}: timex {f}")
            if span:
                timex.append({"start": span[0], "end": span[1], "type": f[1], "value": f[2],
                              "mod": f[3] if len(f) > 3 else None, "surface": text[span[0]:span[1]]})
        elif key == "ev":
            events.append(_event(text, value, problems, doc_id))
        elif key == "person":
            name, titles, affiliation = (x.strip() for x in value.split(" | "))
            if not _occurrences(text, name):
                problems.append(f"{doc_id}: person {name!r} not in the text")
            people.append({"name": name, "titles": [t.strip() for t in titles.split(";") if t.strip() not in ("", "-")],
                           "affiliation": None if affiliation == "-" else affiliation})
        elif key == "quote":
            q = _quote(text, value, problems, doc_id)
            if q:
                quotes.append(q)
        else:
            problems.append(f"{doc_id}: unknown line {line!r}")
    doc.update(entities=_entities(text, specs, problems, doc_id), timex=sorted(timex, key=lambda t: t["start"]),
               events=events, people=people, quotes=quotes)
    return doc


def load_sources() -> tuple[list[dict[str, Any]], list[str]]:
    """Every article of ``source/*.txt``, and what is wrong with them."""
    problems: list[str] = []
    docs = []
    for path in sorted((HERE / "source").glob("*.txt")):
        for block in path.read_text("utf-8").split("\n=== ")[1:]:
            docs.append(parse_block(block.rstrip("\n"), problems))
    ids = [d["id"] for d in docs]
    problems += [f"duplicate id {i}" for i in set(ids) if ids.count(i) > 1]
    return docs, problems


def main() -> int:
    """Check the sources; write the two halves unless ``--check``; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args()
    docs, problems = load_sources()
    for problem in problems:
        print(problem, file=sys.stderr)
    for part in ("dev", "heldout"):
        chosen = [d for d in docs if part_of(d["id"]) == part]
        words = sum(len(d["text"].split()) for d in chosen)
        print(f"{part}: {len(chosen)} articles, {words} words, {sum(len(d['entities']) for d in chosen)} entities, "
              f"{sum(len(d['timex']) for d in chosen)} timex, {sum(len(d['events']) for d in chosen)} events")
        if not args.check and not problems:
            (HERE / f"{part}.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in chosen),
                                                "utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
