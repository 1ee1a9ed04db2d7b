"""Corpus walk: the input files under a corpus folder, in a stable order, and what is skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input deliberately not processed (symlink, hidden file...), with the reason."""

    source: str
    reason: str


def relative_source(path: Path, root: Path) -> str:
    """Name ``path`` relative to the corpus folder, with ``/`` separators."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def iter_input_files(root: Path, *, follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Walk ``root`` recursively in a stable order.

    Hidden files and folders are passed over silently; symlinks are reported as skipped
    unless ``follow_symlinks`` (and then loops and links leaving the corpus still are).

    Yields:
        File paths to read, and :class:`Skipped` notes for what was deliberately not read.
    """
    root = root.resolve() if follow_symlinks else root
    real_root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        current = Path(dirpath)
        if follow_symlinks:
            st = current.stat()
            if (st.st_dev, st.st_ino) in seen_dirs:
                dirnames[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            sub = current / name
            if sub.is_symlink() and not follow_symlinks:
                yield Skipped(source=relative_source(sub, root), reason="symlink to a folder, not followed")
                continue
            if follow_symlinks and not _inside(sub, real_root):
                yield Skipped(source=relative_source(sub, root), reason="symlink points outside the corpus")
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = current / name
            if path.is_symlink():
                if not follow_symlinks:
                    yield Skipped(source=relative_source(path, root), reason="symlink, not followed")
                    continue
                if not path.exists():
                    yield Skipped(source=relative_source(path, root), reason="broken symlink or symlink loop")
                    continue
                if not _inside(path, real_root):
                    yield Skipped(source=relative_source(path, root), reason="symlink points outside the corpus")
                    continue
            yield path


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True
