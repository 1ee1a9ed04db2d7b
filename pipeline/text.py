"""Small text helpers shared by the French extraction rules."""

from __future__ import annotations

import functools

#: typographic apostrophes -> "'", so that "l’an" and "l'an" read the same
APOSTROPHES = str.maketrans({"’": "'"})


@functools.lru_cache(maxsize=1 << 16)
def norm_word(text: str) -> str:
    """Lower-case ``text`` and straighten its apostrophes (cached: called per token)."""
    return text.lower().translate(APOSTROPHES)
