"""Check that a code change leaves the outputs byte-identical (a script, not a test).

Runs ``pipeline run`` on ``corpora/`` and on a 300-article corpus of real Wikinews text
(built by ``bench_speed.build_corpus`` under ``bench/_work/``, never committed), with
``--force`` and 2 workers, and records the SHA-256 of ``documents.jsonl``,
``errors.jsonl`` and every table. Each run writes into its own folder and uses the package of the tree the script is in
(``PYTHONPATH``), so git worktrees can check in parallel. ``--save NAME`` keeps the digests as a reference;
``--against NAME`` compares a new run with it and exits 1 on any difference.

Usage::

    python bench/check_identical.py --save before      # at the old commit
    python bench/check_identical.py --against before   # after the change

``run.json`` is left out on purpose: it holds the time, the host and the durations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench_speed import WORK, build_corpus

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 300


def digests(out_dir: Path) -> dict[str, str]:
    """SHA-256 of every published output file (not the cache, the report or run.json)."""
    found = {}
    for path in sorted(out_dir.rglob("*")):
        rel = path.relative_to(out_dir).as_posix()
        if not path.is_file() or rel.startswith((".cache", "report/")) or rel == "run.json":
            continue
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_all(workers: int) -> dict[str, dict[str, str]]:
    """Run the pipeline on both corpora; return {corpus name: {file: digest}}."""
    corpora = {"corpora": ROOT / "corpora", f"corpus-{N_ARTICLES}": build_corpus(N_ARTICLES)}
    result = {}
    # the package of this tree (a git worktree too), whatever is installed in the venv
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, corpus in corpora.items():
        out_dir = WORK / f"identical-{os.getpid()}" / name
        cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out_dir),
               "--workers", str(workers), "--force"]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
        result[name] = digests(out_dir)
        print(f"  {len(result[name])} files", flush=True)
    shutil.rmtree(WORK / f"identical-{os.getpid()}", ignore_errors=True)
    return result


def main() -> int:
    """Save or compare output digests; exit 1 when a comparison finds a difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="NAME", help="keep this run's digests as reference NAME")
    group.add_argument("--against", metavar="NAME", help="compare this run with reference NAME")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    ref_path = WORK / f"identical-{args.save or args.against}.json"
    current = run_all(args.workers)
    if args.save:
        ref_path.write_text(json.dumps(current, indent=1), "utf-8")
        print(f"saved {ref_path}")
        return 0
    reference = json.loads(ref_path.read_text("utf-8"))
    differences = [
        f"{corpus}/{name}: {'missing' if name not in current.get(corpus, {}) else 'differs'}"
        for corpus, files in reference.items() for name, digest in files.items()
        if current.get(corpus, {}).get(name) != digest
    ] + [
        f"{corpus}/{name}: new file"
        for corpus, files in current.items() for name in files if name not in reference.get(corpus, {})
    ]
    for line in differences:
        print(line)
    n_files = sum(len(files) for files in reference.values())
    print(f"{'IDENTICAL' if not differences else 'DIFFERENT'}: {n_files} files compared, "
          f"{len(differences)} differences (reference {ref_path.name})")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
