"""Do the tests notice when a component is gone? (a script, not a test).

For each component, run its test files with the component emptied (``find_events``,
``find_people``, ``find_quotes``, ``find_dates``, ``find_quantities`` returning nothing;
``fix_entities`` leaving the model's entities as they are) through the pytest plugin
``bench/mutation_plugin.py``, and print one table: tests run, tests that still pass, how
many of those are marked ``negative`` (they assert that something is *not* found) or
``invariant`` (a property of whatever is found: offsets, no exception), how many never
call the emptied function (tests of something else in the same file), and the names of
the others: tests of the component that cannot see it is gone.

Exit code 1 when any component has such a test, 2 when a pytest run broke.

Usage::

    python bench/mutation_check.py                      # every component, one at a time
    python bench/mutation_check.py --component events   # one component
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mutation_plugin import EXEMPT_MARKERS, TARGETS

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
_ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})")



@dataclass
class Row:
    """What one mutated run says about one component's tests."""

    component: str
    target: str
    run: int = 0
    still_pass: int = 0
    exempt: int = 0
    #: still-passing tests that never call the emptied function, per test function
    not_calling: Counter[str] = field(default_factory=Counter)
    blind: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def check(component: str) -> Row:
    """Run the component's test files with the component emptied."""
    module, name, _stand_in, files = TARGETS[component]
    row = Row(component, f"{module}.{name}")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(BENCH), str(REPO), env.get("PYTHONPATH", "")) if p
        )
        env["MUTATION_COMPONENT"] = component
        env["MUTATION_REPORT"] = str(report)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "mutation_plugin", "-p", "no:cacheprovider",
             *files],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        row.seconds = time.perf_counter() - started
        # 0: all passed, 1: some failed (what a mutation should cause); anything else broke
        if proc.returncode not in (0, 1) or not report.exists():
            row.error = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
            row.error = f"pytest exit {proc.returncode}: {row.error[0]}"
            return row
        results = json.loads(report.read_text(encoding="utf-8"))
    for nodeid, result in results.items():
        if result["outcome"] == "skipped":
            continue
        row.run += 1
        if result["outcome"] != "passed":
            continue
        row.still_pass += 1
        if result.get("markers"):
            row.exempt += 1
        elif not result.get("called"):
            row.not_calling[nodeid.split("::", 1)[1].split("[", 1)[0]] += 1
        else:
            # pytest escapes non-ASCII characters in parametrized ids ("\\xe9")
            name = nodeid.split("::", 1)[1]
            row.blind.append(_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), name))
    return row


def main() -> int:
    """Check every component (or one); print the table; 1 when a test is blind."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--component", choices=sorted(TARGETS), action="append")
    args = parser.parse_args()
    rows = [check(component) for component in args.component or TARGETS]
    exempt = "/".join(EXEMPT_MARKERS)
    print(f"{'component':<11} {'emptied':<36} {'run':>4} {'pass':>5} {exempt:>17} {'not calling':>11} {'blind':>5} {'s':>5}")
    for row in rows:
        if row.error:
            print(f"{row.component:<11} {row.target:<36} ERROR {row.error}")
            continue
        print(
            f"{row.component:<11} {row.target:<36} {row.run:>4} {row.still_pass:>5} "
            f"{row.exempt:>17} {row.not_calling.total():>11} {len(row.blind):>5} {row.seconds:>5.0f}"
        )
    for row in rows:
        if row.not_calling:
            names = ", ".join(f"{name} ({n})" for name, n in sorted(row.not_calling.items()))
            print(f"  {row.component}: never call {row.target.rsplit('.', 1)[1]}, not counted: {names}")
    for row in rows:
        for name in row.blind:
            print(f"  {row.component}: BLIND, still passes: {name}")
    if any(row.error for row in rows):
        return 2
    return 1 if any(row.blind for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
