"""Agreement between the press gold and the second annotation in ``second.txt``.

Usage: ``python tests/gold/press/review/compare.py [--detail]``. The second annotation
uses the annotation lines of the source format (``build.py``) under ``=== <id>``; the
texts come from ``source/*.txt``. Prints per layer, over the reviewed excerpts:

- entities: exact span + label, precision / recall / F1 of the second annotation
  against the gold (F1 is symmetric: it is the agreement figure);
- timex: exact-span F1, and value agreement on the spans both annotated;
- events: dated events (date not null) matched one-to-one on date value and a shared
  type (main or alt); F1 over all of them, and F1 when an unmatched event that its own
  annotator marked optional is not counted.

``--detail`` lists every disagreement, article by article.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("press_gold_build", HERE.parent / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pairs() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold, second) for every excerpt of ``second.txt``, both parsed by ``build.py``."""
    builder = _builder()
    docs, problems = builder.load_sources()
    by_id = {d["id"]: d for d in docs}
    pairs = []
    for block in (HERE / "second.txt").read_text("utf-8").split("=== ")[1:]:
        doc_id, _, ann = block.partition("\n")
        gold = by_id[doc_id.strip()]
        source = (f"{gold['id']}\ntitle: {gold['title']}\ndct: {gold['dct'] or 'null'}\nsource: {gold['source']}"
                  f"\ntext:\n{gold['text']}\n---\n{ann}")
        pairs.append((gold, builder.parse_block(source, problems)))
    if problems:
        raise SystemExit("\n".join(problems))
    return pairs


def _f1(tp: int, n_second: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_second if n_second else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match_events(gold: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for i, g in enumerate(gold):
        types = {g["type"], *g["alt_types"]}
        for j, s in enumerate(second):
            if j not in used and s["date"] == g["date"] and types & {s["type"], *s["alt_types"]}:
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


_KEYS = ("ent_tp", "ent_g", "ent_s", "ent_span_tp", "tx_tp", "tx_g", "tx_s", "tx_val",
         "ev_tp", "ev_g", "ev_s", "ev_g_opt", "ev_s_opt")


def compare(detail: bool) -> dict[str, dict[str, int]]:
    """Count the agreements of every layer per half; print the disagreements when ``detail``."""
    part_of = _builder().part_of
    counts = {part: dict.fromkeys(_KEYS, 0) for part in ("dev", "heldout")}
    for gold, second in load_pairs():
        c = counts[part_of(gold["id"])]
        out = []
        ge = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
        se = {(e["start"], e["end"], e["label"]) for e in second["entities"]}
        c["ent_tp"] += len(ge & se)
        c["ent_g"] += len(ge)
        c["ent_s"] += len(se)
        c["ent_span_tp"] += len({x[:2] for x in ge} & {x[:2] for x in se})
        text = gold["text"]
        out += [f"  entity gold only   {text[s:e]!r} {lab}" for s, e, lab in sorted(ge - se)]
        out += [f"  entity second only {text[s:e]!r} {lab}" for s, e, lab in sorted(se - ge)]
        gt = {(t["start"], t["end"]): t for t in gold["timex"]}
        st = {(t["start"], t["end"]): t for t in second["timex"]}
        common = gt.keys() & st.keys()
        c["tx_tp"] += len(common)
        c["tx_g"] += len(gt)
        c["tx_s"] += len(st)
        for k in sorted(common):
            same = (gt[k]["value"], gt[k]["mod"]) == (st[k]["value"], st[k]["mod"])
            c["tx_val"] += same
            if not same:
                out.append(f"  timex value {gt[k]['surface']!r}: gold {gt[k]['value']} {gt[k]['mod'] or ''}"
                           f" / second {st[k]['value']} {st[k]['mod'] or ''}")
        out += [f"  timex gold only   {gt[k]['surface']!r} {gt[k]['value']}" for k in sorted(gt.keys() - common)]
        out += [f"  timex second only {st[k]['surface']!r} {st[k]['value']}" for k in sorted(st.keys() - common)]
        gv = [e for e in gold["events"] if e["date"]]
        sv = [e for e in second["events"] if e["date"]]
        matched = _match_events(gv, sv)
        c["ev_tp"] += len(matched)
        c["ev_g"] += len(gv)
        c["ev_s"] += len(sv)
        gm, sm = {i for i, _ in matched}, {j for _, j in matched}
        for i, e in enumerate(gv):
            if i not in gm:
                c["ev_g_opt"] += e["optional"]
                out.append(f"  event gold only   {e['type']}/{','.join(e['alt_types'])} {e['trigger']!r} {e['date']}"
                           + (" (optional)" if e["optional"] else ""))
        for j, e in enumerate(sv):
            if j not in sm:
                c["ev_s_opt"] += e["optional"]
                out.append(f"  event second only {e['type']}/{','.join(e['alt_types'])} {e['trigger']!r} {e['date']}"
                           + (" (optional)" if e["optional"] else ""))
        if detail and out:
            print(f"{gold['id']} ({part_of(gold['id'])})")
            print("\n".join(out))
    return counts


def main() -> int:
    """Print the agreement figures (and the disagreements with ``--detail``)."""
    counts = compare("--detail" in sys.argv)
    counts["both halves"] = {k: counts["dev"][k] + counts["heldout"][k] for k in _KEYS}
    for part, c in counts.items():
        print(f"-- {part}")
        _report(c)
    return 0


def _report(c: dict[str, int]) -> None:
    p, r, f = _f1(c["ent_tp"], c["ent_s"], c["ent_g"])
    print(f"entities span+label: gold {c['ent_g']}, second {c['ent_s']}, both {c['ent_tp']}: "
          f"P {p:.3f} R {r:.3f} F1 {f:.3f} (span only: {c['ent_span_tp']})")
    p, r, f = _f1(c["tx_tp"], c["tx_s"], c["tx_g"])
    print(f"timex exact span: gold {c['tx_g']}, second {c['tx_s']}, both {c['tx_tp']}: F1 {f:.3f}; "
          f"same value+mod on common spans {c['tx_val']}/{c['tx_tp']} = {c['tx_val'] / max(c['tx_tp'], 1):.3f}")
    p, r, f = _f1(c["ev_tp"], c["ev_s"], c["ev_g"])
    p2, r2, f2 = _f1(c["ev_tp"], c["ev_s"] - c["ev_s_opt"], c["ev_g"] - c["ev_g_opt"])
    print(f"dated events type+date: gold {c['ev_g']}, second {c['ev_s']}, matched {c['ev_tp']}: F1 {f:.3f}; "
          f"unmatched optionals not counted: P {p2:.3f} R {r2:.3f} F1 {f2:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
