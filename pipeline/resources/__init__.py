"""French resources as data: one file per kind of knowledge, read through one loader.

Each table lives in exactly one file (``docs/architecture.md`` says which stage reads
which); code never keeps a second copy of a word list. The files are package data, so
nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import json
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
