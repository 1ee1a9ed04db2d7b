"""Corpus walk: the input files under a corpus folder, in a stable order, and what is skipped."""

from __future__ import annotations

import fnmatch
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


#: extension -> reader kind: the files a corpus walk reads
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class WalkRules:
    """Which files of a corpus folder are articles to read.

    ``include``/``exclude`` are glob patterns (``fnmatch``) matched against the path
    relative to the corpus (``a/2021/*.txt``) and, for a pattern without ``/``, against
    the file name (``*.md``). ``skip_dirs`` are folders never entered (the run's own
    output folder).
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    skip_dirs: tuple[Path, ...] = ()


#: the files that make a folder one of our output folders
_OUTPUT_MARKERS = ("run.json", "documents.jsonl")


def _matches(rel: str, patterns: tuple[str, ...]) -> str | None:
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        if fnmatch.fnmatchcase(rel, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern)):
            return pattern
    return None


def _file_skip_reason(rel: str, rules: WalkRules) -> str | None:
    """Why the file at ``rel`` is not an article to read, or None when it is one."""
    name = rel.rsplit("/", 1)[-1]
    if name.startswith("."):
        return "hidden file"
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return f"not an article file ({suffix or 'no extension'}; read: {', '.join(SUPPORTED_SUFFIXES)})"
    excluded = _matches(rel, rules.exclude)
    if excluded is not None:
        return f"excluded by --exclude {excluded}"
    if rules.include and _matches(rel, rules.include) is None:
        return "not matched by --include"
    return None


def _dir_skip_reason(folder: Path, name: str, rules: WalkRules) -> str | None:
    if name.startswith("."):
        return "hidden folder, not read"
    if any(_same_dir(folder, skip) for skip in rules.skip_dirs):
        return "the output folder of this run"
    if all((folder / marker).is_file() for marker in _OUTPUT_MARKERS):
        return "an output folder of the pipeline (holds run.json and documents.jsonl)"
    return None


def _same_dir(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def iter_input_files(
    root: Path, *, follow_symlinks: bool = False, rules: WalkRules | None = None
) -> Iterator[Path | Skipped]:
    """Walk ``root`` recursively in a stable order.

    Every file is either yielded or reported as :class:`Skipped` with its reason: hidden
    files and folders, files that are not articles (unsupported extensions), files left
    out by ``rules``, the run's output folder and any other output folder of ours, and
    symlinks unless ``follow_symlinks`` (and then loops and links leaving the corpus still
    are). A skipped folder is reported once, not file by file.

    Yields:
        File paths to read, and :class:`Skipped` notes for what was deliberately not read.
    """
    rules = rules or WalkRules()
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
            sub = current / name
            reason = _dir_skip_reason(sub, name, rules)
            if reason is None and sub.is_symlink() and not follow_symlinks:
                reason = "symlink to a folder, not followed"
            if reason is None and follow_symlinks and not _inside(sub, real_root):
                reason = "symlink points outside the corpus"
            if reason is not None:
                yield Skipped(source=relative_source(sub, root) + "/", reason=reason)
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = current / name
            reason = _file_skip_reason(relative_source(path, root), rules)
            if reason is None and path.is_symlink():
                reason = _symlink_reason(path, real_root, follow_symlinks)
            if reason is not None:
                yield Skipped(source=relative_source(path, root), reason=reason)
                continue
            yield path


def _symlink_reason(path: Path, real_root: Path, follow_symlinks: bool) -> str | None:
    if not follow_symlinks:
        return "symlink, not followed"
    if not path.exists():
        return "broken symlink or symlink loop"
    if not _inside(path, real_root):
        return "symlink points outside the corpus"
    return None


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True
