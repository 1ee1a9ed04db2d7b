"""One run at a time per output folder.

Two runs into the same folder would write the same record store and the same published
files: the second used to fail half-way with SQLite's "database is locked", after
it had already deleted the first run's temporary files. A run now holds an exclusive
lock on ``OUT/.cache/run.lock`` from before it touches the folder until it has written
``run.json``; a second run finds the lock taken and stops at once, naming the pid that
holds it (written in the file). The lock is the kernel's (``flock``): it goes with the
process, so a killed run never leaves a stale lock behind, and the file may stay.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import OutputBusy

LOCK_FILE = Path(".cache") / "run.lock"


@contextlib.contextmanager
def hold_output(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for this process while the ``with`` block runs.

    Raises:
        OutputBusy: another process holds it.
        OSError: the lock file cannot be created.
    """
    path = out_dir / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"another run is writing to {out_dir} (pid {_holder(fd)})") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    """The pid the holder wrote ("unknown" in the instant between its lock and its write)."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"
