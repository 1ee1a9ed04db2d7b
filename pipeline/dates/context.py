"""The words around a match: what the handlers read to accept or reject a candidate."""

from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"([\w'°-]+\.?|[(/\[])\s*$")
_WORD_AFTER = re.compile(r"^\s*([\w'€$%-]+)")
_NON_SPACE = re.compile(r"\S")


def tail_word(text: str, pos: int) -> str:
    """The word just before ``pos`` as written (case kept, even after a sentence end)."""
    m = _WORD_BEFORE.search(text[max(0, pos - 40): pos])
    return m.group(1) if m else ""


def before_word(text: str, pos: int) -> str:
    """The word just before ``pos``, lower case ("" at the start of a sentence)."""
    head = text[max(0, pos - 40): pos]
    if re.search(r"[.!?:;\n]\s*$", head) or not head.strip():
        return ""
    m = _WORD_BEFORE.search(head)
    if not m:
        return ""
    word = m.group(1).lower()
    # "jusqu'en", "l'an": keep the elided article with its word; "d'" alone stays "d'"
    return word


def after_word(text: str, pos: int) -> str:
    """The word just after ``pos``, lower case ("" when there is none)."""
    m = _WORD_AFTER.match(text[pos: pos + 30])
    return m.group(1).lower() if m else ""


def street_before(text: str, pos: int) -> bool:
    """Whether a street or a building name ends just before ``pos`` ("place du 8 Mai")."""
    return bool(re.search(r"\b(?:rue|place|avenue|boulevard|square|quai|pont|allée|stade|collège|lycée|école|salle)\s+(?:du|des)\s*$", text[max(0, pos - 30): pos], re.I))


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens the text, a sentence, a quotation or an item after a dash."""
    head = text[max(0, pos - 5): pos]
    return _NON_SPACE.search(text, 0, pos) is None or bool(re.search(r"(?:[.!?:;«\"\n]|\s[-–—_])\s*$", head))
