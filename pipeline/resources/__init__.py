"""French resources as data: one file per kind of knowledge, read through one loader.

Each table lives in exactly one file (``docs/architecture.md`` says which stage reads
which); code never keeps a second copy of a word list. A list read by several stages is
one table whose entries name their uses (:func:`entries_with_use`). The files are package
data, so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any


@functools.cache
def read_json(name: str) -> Any:
    """The parsed content of the resource file ``name`` (read once per process).

    Callers must not mutate the result: it is shared.
    """
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def read_lines(name: str) -> tuple[str, ...]:
    """The lines of the text resource ``name`` (read once per process)."""
    return tuple(resources.files(__name__).joinpath(name).read_text(encoding="utf-8").splitlines())


def entries_with_use(table: Mapping[str, Any], use: str) -> frozenset[str]:
    """The entries of a shared table that have ``use``.

    A word list read by several stages is one table, ``{"_uses": {use: meaning, ...},
    entry: [use, ...], ...}``: each reader takes the entries of its own use, so an entry
    is written once and the differences between readers stay visible.

    Args:
        table: the table (a value of :func:`read_json`).
        use: one of the uses declared in the table's ``_uses``.

    Returns:
        The entries, as written in the file.

    Raises:
        ValueError: ``use``, or a use of some entry, is not declared in ``_uses`` (a typo
            would otherwise drop words silently).
    """
    declared = table.get("_uses", {})
    undeclared = {u for key, uses in table.items() if not key.startswith("_") for u in uses}
    undeclared = (undeclared | {use}) - declared.keys()
    if undeclared:
        raise ValueError(f"uses not declared in _uses: {', '.join(sorted(undeclared))}")
    return frozenset(key for key, uses in table.items() if not key.startswith("_") and use in uses)
