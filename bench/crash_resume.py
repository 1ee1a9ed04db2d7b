"""Kill `pipeline run` with SIGKILL at random moments, resume, and count lost or doubled records.

Usage:
    python bench/crash_resume.py --trials 10 [--corpus corpora] [--seed 1] [--workers 2]
    python bench/crash_resume.py --trials 3 --hostile   # the hostile corpus of issue 19

``--hostile`` builds (under ``bench/_work/hostile/``) a corpus of valid articles mixed with
garbage JSONL lines, a line nested 5,000 deep, unusable metadata, a short UTF-8 text with
corrupt bytes, an empty and a binary file; then every input (file, or JSONL line) must be
exactly once in ``documents.jsonl`` or ``errors.jsonl``, and every valid one a record.

Each trial starts from an empty output folder, kills a first run after a random delay
(model loading, NLP, or export), kills the resumed run again at a second random moment,
then lets a third run finish, and compares the records with the corpus' articles.
Prints one line per trial and a total; exit code 1 if any record was lost or doubled.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def expected_articles(corpus: Path) -> int:
    n = 0
    for path in corpus.rglob("*"):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix == ".jsonl":
            n += sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        else:
            n += 1
    return n


def build_hostile(root: Path, seed: int) -> dict[str, bool]:
    """Write the hostile corpus; return source -> whether it must become a record."""
    rng = random.Random(seed)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    expect: dict[str, bool] = {}
    for f in range(4):
        lines = []
        for n in range(1, 26):
            kind = rng.choice(["valid", "valid", "valid", "garbage", "deep", "baddate"])
            if kind == "garbage":
                lines.append(rng.choice(["{", "not json at all", '{"id": 3}', "[1, 2", '"text"', "{\"text\": 5}"]))
            elif kind == "deep":
                lines.append("[" * 5000 + "]" * 5000)
            else:
                item = {"id": f"h{f}-{n}", "text": f"Le conseil municipal de Brest a voté le budget {f}-{n} mardi."}
                if kind == "baddate":
                    item["published"] = rng.choice(["pas une date", "2019-13-45", "hier"])
                lines.append(json.dumps(item, ensure_ascii=False))
            expect[f"lot-{f}.jsonl#{n}"] = kind in ("valid", "baddate")
        (root / f"lot-{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sentence = "La société Safran a inauguré à Évry une unité de 120 salariés.".encode()
    (root / "corrompu.txt").write_bytes(sentence[:10] + b"\xff" + sentence[10:])
    expect["corrompu.txt"] = True
    (root / "vide.txt").write_bytes(b"")
    expect["vide.txt"] = False
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    expect["image.txt"] = False
    return expect


def account(out: Path, expect: dict[str, bool]) -> tuple[int, int]:
    """(lost, doubled): inputs in neither output or in both, valid inputs not a record, repeats."""
    def sources(name: str) -> list[str]:
        path = out / name
        return [json.loads(line)["source"] for line in path.read_text("utf-8").splitlines() if line.strip()] \
            if path.exists() else []

    records, errors = sources("documents.jsonl"), sources("errors.jsonl")
    seen = records + errors
    lost = sum(1 for src, valid in expect.items() if src not in seen or (valid and src not in records))
    return lost, len(seen) - len(set(seen))


def stored_records(out: Path) -> int:
    """How many records the interrupted run had committed (0 when the store is absent)."""
    import sqlite3

    path = out / ".cache" / "records.sqlite"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        (n,) = db.execute("SELECT COUNT(*) FROM records").fetchone()
    return int(n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=REPO / "corpora")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="--workers of pipeline run (default 1)")
    parser.add_argument("--hostile", action="store_true", help="the hostile corpus of issue 19 (see above)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    hostile = build_hostile(REPO / "bench" / "_work" / "hostile", args.seed) if args.hostile else None
    if hostile is not None:
        args.corpus = REPO / "bench" / "_work" / "hostile"
    expected = len(hostile) if hostile is not None else expected_articles(args.corpus)
    command = [sys.executable, "-m", "pipeline", "run", str(args.corpus), "--workers", str(args.workers)]
    lost_total = doubled_total = 0
    print(f"corpus {args.corpus}: {expected} articles; {args.trials} trials, 2 kills each, --workers {args.workers}")
    print("trial  kill1(s)  stored  kill2(s)  stored  final  records  unique  lost  doubled")
    for trial in range(1, args.trials + 1):
        out = Path(tempfile.mkdtemp(prefix="crash-"))
        delays, stored = [], []
        for _ in range(2):
            delay = rng.uniform(1.0, args.max_delay)
            process = subprocess.Popen([*command, "--out", str(out)], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=REPO)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            delays.append(delay)
            stored.append(stored_records(out))
        final = subprocess.run([*command, "--out", str(out)], capture_output=True, text=True, cwd=REPO)
        lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        doc_ids = [json.loads(line)["doc_id"] for line in lines]
        unique = len(set(doc_ids))
        if hostile is not None:
            lost, doubled = account(out, hostile)
        else:
            lost = expected - unique
            doubled = len(doc_ids) - unique
        lost_total += lost
        doubled_total += doubled
        print(f"{trial:5d}  {delays[0]:8.1f}  {stored[0]:6d}  {delays[1]:8.1f}  {stored[1]:6d}  "
              f"{final.returncode:5d}  {len(doc_ids):7d}  {unique:6d}  {lost:4d}  {doubled:7d}")
        if final.returncode not in (0, 1) or lost:
            print("   final run stderr:", final.stderr.strip().splitlines()[-3:])
        shutil.rmtree(out, ignore_errors=True)
    time.sleep(2)  # workers of a killed run leave within a second of their parent
    left = subprocess.run(["pgrep", "-f", "multiprocessing.spawn"], capture_output=True, text=True).stdout.split()
    print(f"total: {lost_total} lost, {doubled_total} doubled over {args.trials} trials; "
          f"worker processes left behind: {len(left)}")
    return 1 if lost_total or doubled_total else 0


if __name__ == "__main__":
    sys.exit(main())
