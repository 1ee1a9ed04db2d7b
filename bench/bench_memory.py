"""Peak memory and time of ``pipeline run`` on one huge article (a script, not a test).

Issue 18: a 2.2 MB one-line text dump took 5.5 GB. For each size asked for, this writes
one article of that many characters in two kinds, under ``bench/_work/memory/`` (git
ignores it), built from the Wikinews text of ``../shared/benchmarks/winer-fr-dev.jsonl``:

- ``one-line``: the articles with their full stops, brackets, quotes and dashes taken
  out, joined into one line (a text dump: no paragraph, little punctuation);
- ``prose``: the articles as they are, a blank line between them.

Each runs as ``pipeline run CORPUS --out OUT --workers 1 --force`` in a subprocess of
this tree's package (``PYTHONPATH``); the peak RSS is the kernel's (``ru_maxrss`` of the
process), the times are wall time from start to exit and CPU time (user + system, from
the same ``wait4``: other work on a shared machine stretches the wall time far more than
the CPU time). The first row is one sentence: the fixed cost (start-up, loading the
model, writing the outputs); ``net CPU s/MB`` is the CPU time above it per million
characters, which stays flat when time grows linearly. A run above
``--max-gb`` is killed and reported as such. One run at a time.

Usage::

    python bench/bench_memory.py                          # 0.1, 1, 5, 20 MB; hours on 2 shared cores
    python bench/bench_memory.py --sizes 0.1,1,5 --kinds one-line
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
from bench_speed import SOURCE, WORK

ROOT = Path(__file__).resolve().parent.parent
MEMORY_WORK = WORK / "memory"
#: what the one-line kind takes out: sentence ends, brackets, quotes, dashes
_PUNCTUATION = re.compile(r"[.!?;:…»«\"()\[\]–—-]")


def write_article(kind: str, megabytes: float) -> Path:
    """A corpus folder holding one article of ``megabytes`` million characters."""
    corpus = MEMORY_WORK / f"{kind}-{megabytes:g}MB"
    path = corpus / "article.txt"
    n_chars = int(megabytes * 1_000_000)
    if path.is_file() and len(path.read_text("utf-8")) == n_chars:
        return corpus
    with SOURCE.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if kind == "one-line":
        body, joiner = " ".join(" ".join(_PUNCTUATION.sub(" ", t).split()) for t in texts), " "
    else:
        body, joiner = "\n\n".join(texts), "\n\n"
    text = joiner.join([body] * (n_chars // len(body) + 1))[:n_chars]
    corpus.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return corpus


def measure(corpus: Path, out: Path, max_bytes: int) -> tuple[float, float, int, str]:
    """Run ``pipeline run`` on ``corpus``; (wall seconds, CPU seconds, peak RSS in bytes, outcome)."""
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "1", "--force"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    log = (MEMORY_WORK / "last.stderr").open("w")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=ROOT)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            if not killed and psutil.Process(proc.pid).memory_info().rss > max_bytes:
                proc.kill()  # the wait4 above reaps it
                killed = True
        except psutil.Error:
            pass
        time.sleep(0.2)
    log.close()
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    outcome = "killed over the limit" if killed else ("ok" if code == 0 else f"exit {code}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, outcome


def counts(out: Path) -> tuple[int, int, int]:
    """Entities, dates and events of the one article in ``out``."""
    try:
        record = json.loads((out / "documents.jsonl").read_text("utf-8").splitlines()[0])
    except (OSError, IndexError, ValueError):
        return 0, 0, 0
    return len(record["entities"]), len(record["dates"]), len(record["events"])


def main() -> None:
    """Measure every (kind, size) asked for and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,5,20", help="article sizes in millions of characters")
    parser.add_argument("--kinds", default="one-line,prose")
    parser.add_argument("--max-gb", type=float, default=8.0, help="kill a run whose RSS goes above this")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp.pieces import split_pieces
    from pipeline.settings import Settings

    chunk_chars = Settings().chunk_chars
    print(f"$ python bench/bench_memory.py --sizes {args.sizes} --kinds {args.kinds}   "
          f"({psutil.cpu_count()} CPUs, load {psutil.getloadavg()[0]:.1f} at start)", flush=True)
    header = f"{'text':<9} {'MB':>5} {'pieces':>6} {'wall s':>7} {'CPU s':>7} {'net CPU s/MB':>12} {'peak RSS':>9} " \
             f"{'entities':>9} {'dates':>7} {'events':>7}  outcome"
    print(header, flush=True)
    corpus = MEMORY_WORK / "one-sentence"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "article.txt").write_text("Le maire de Lyon a inauguré la médiathèque le 3 mars 2021.\n", "utf-8")
    wall, base, peak, outcome = measure(corpus, MEMORY_WORK / "out", int(args.max_gb * 1e9))
    print(f"{'sentence':<9} {0:>5g} {1:>6} {wall:>7.0f} {base:>7.0f} {'':>12} {peak / 1e9:>7.2f} GB {'':>9} {'':>7} {'':>7}  "
          f"{outcome}", flush=True)
    for kind in args.kinds.split(","):
        for size in (float(s) for s in args.sizes.split(",")):
            corpus = write_article(kind, size)
            n_pieces = len(split_pieces((corpus / "article.txt").read_text("utf-8"), chunk_chars))
            out = MEMORY_WORK / "out"
            shutil.rmtree(out, ignore_errors=True)
            seconds, cpu, peak, outcome = measure(corpus, out, int(args.max_gb * 1e9))
            entities, dates, events = counts(out)
            print(f"{kind:<9} {size:>5g} {n_pieces:>6} {seconds:>7.0f} {cpu:>7.0f} {(cpu - base) / size:>12.0f} "
                  f"{peak / 1e9:>7.2f} GB {entities:>9} {dates:>7} {events:>7}  {outcome}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
    print(f"load average at end: {psutil.getloadavg()[0]:.1f} (other work on the machine skews the times)")


if __name__ == "__main__":
    main()
