"""Run a regular expression only where its first word can start.

Python's ``re`` tries a pattern at every position of the text unless the pattern begins
with a literal or a case-sensitive character set. Our date patterns are case-insensitive
and begin with a look-behind, so each of them costs a full pass over every article
(about 0.1 ms a pattern on a news article, measured in ``bench/bench_components.py``).
Most of them can only start on a few words ("le", "la", a month name, a digit).

:func:`first_words` reads a compiled pattern's syntax tree and lists the first words
every match must start with, and whether a match can only start where a word starts.
:func:`word_starts` indexes a text's words once; :func:`finditer_at` then tries the
pattern at the starts of those words only. It yields exactly what ``pattern.finditer``
yields: the same leftmost, non-overlapping matches (``tests/test_wordstart.py``
compares both on every sentence of the test corpora). When the first words cannot be
listed (a character class of letters, a pattern that may start inside a word or match
the empty string), :func:`first_words` returns None and callers use ``finditer``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

# The standard library's own regex parser and its opcodes (private modules, unchanged
# from 3.11 to 3.13; the tests would catch a change).
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

#: the key of every word that starts with a decimal digit ("2014", "1er", "14h")
DIGIT = "#"
#: a word (a maximal run of ``\w``), as ``re`` defines it
_WORD = re.compile(r"\w+")
#: give up on repeats of word characters after this many turns ("[IVX]{1,5}")
_MAX_TURNS = 4
#: give up on character sets of more word characters than this
_MAX_SET = 8

_State = tuple[str, bool]  # (the first word so far, still open)


class _Unlisted(Exception):
    """The first words of this pattern cannot be listed."""


def word_key(word: str) -> str:
    """The key of a text's word: :data:`DIGIT` for a word starting with a digit, else
    the word in lower case."""
    return DIGIT if word[0].isdecimal() else word.lower()


def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` starts, by :func:`word_key`, in text order."""
    starts: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        starts.setdefault(word_key(m.group()), []).append(m.start())
    return starts


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The keys (:func:`word_key`) of the words every match of ``pattern`` starts with.

    None when they cannot be listed, or when a match could start inside a word or
    with a non-word character.
    """
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        items = list(tree.data)
        if not items or not _starts_word(items[0]):
            return None
        states = _walk(items, {("", True)})
    except (_Unlisted, RecursionError):
        return None
    if any(is_open for _, is_open in states):
        return None  # a match may end inside a longer word of the text
    return frozenset(word for word, _ in states)


def finditer_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only at ``starts`` (ascending).

    Exact when every match starts at one of ``starts``, as :func:`first_words` ensures
    for the words it lists (its matches are never empty).
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()


def starts_for(keys: Iterable[str], index: dict[str, list[int]]) -> list[int]:
    """The ascending positions of the words of ``index`` whose key is in ``keys``."""
    found: list[int] = []
    for key in keys:
        found.extend(index.get(key, ()))
    found.sort()
    return found


# --- the syntax tree walk ------------------------------------------------------------


def _is_word_char(ch: str) -> bool:
    return _WORD.fullmatch(ch) is not None


def _set_chars(members: Sequence[tuple[Any, Any]]) -> tuple[str, list[str]]:
    """What a character set ``[...]`` may match: ("digit" | "nonword" | "chars" | "other", chars)."""
    chars: list[str] = []
    kinds: set[str] = set()
    for op, av in members:
        if op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            kinds.add("digit")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            kinds.add("nonword")
        elif op is sre.LITERAL:
            ch = chr(av)
            if ch.isdecimal():
                kinds.add("digit")
            elif _is_word_char(ch):
                kinds.add("chars")
                chars.append(ch.lower())
            else:
                kinds.add("nonword")
        elif op is sre.RANGE and all(chr(c).isdecimal() for c in range(av[0], av[1] + 1)):
            kinds.add("digit")
        else:
            return "other", []
    if len(kinds) != 1 or len(chars) > _MAX_SET:
        return "other", []
    return kinds.pop(), sorted(set(chars))


def _extend(states: set[_State], ch: str) -> set[_State]:
    out: set[_State] = set()
    for word, is_open in states:
        if not is_open:
            out.add((word, False))
        elif word == "" and ch.isdecimal():
            out.add((DIGIT, False))
        elif ch.isdecimal():
            raise _Unlisted  # a digit inside a word of letters
        else:
            out.add((word + ch, True))
    return out


def _close(states: set[_State]) -> set[_State]:
    if ("", True) in states:
        raise _Unlisted  # a match may start with a non-word character
    return {(word, False) for word, _ in states}


def _no_word_follows(sub: Sequence[tuple[Any, Any]]) -> bool:
    """A negative look-ahead that refuses a word character: the word ends here."""
    first = list(sub)[:1]
    if not first:
        return False
    op, av = first[0]
    if op is sre.BRANCH:
        return any(_no_word_follows(alt) for alt in av[1])
    return op is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in av


def _starts_word(item: tuple[Any, Any]) -> bool:
    """Does this leading zero-width item ensure that a match starts where a word starts?"""
    op, av = item
    if op is sre.ASSERT_NOT and av[0] == -1:  # (?<![\w...])
        sub = list(av[1])
        return len(sub) == 1 and sub[0][0] is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in sub[0][1]
    if op is sre.ASSERT and av[0] == -1:  # (?<=... ) ending with a non-word character
        sub = list(av[1])
        if not sub:
            return False
        last_op, last_av = sub[-1]
        if last_op is sre.LITERAL:
            return not _is_word_char(chr(last_av))
        if last_op is sre.IN:
            return _set_chars(last_av)[0] == "nonword"
        return False
    if op is sre.SUBPATTERN:
        sub = list(av[3])
        return len(sub) == 1 and _starts_word(sub[0])
    if op is sre.BRANCH:  # every alternative begins with such an assertion
        return all(len(alt) > 0 and _starts_word(alt[0]) for alt in av[1])
    return False


def _walk(items: Iterable[tuple[Any, Any]], states: set[_State]) -> set[_State]:
    for op, av in items:
        if not any(is_open for _, is_open in states):
            return states
        states = _step(op, av, states)
    return states


def _step(op: Any, av: Any, states: set[_State]) -> set[_State]:
    if op is sre.LITERAL:
        ch = chr(av).lower()
        return _extend(states, ch) if _is_word_char(ch) else _close(states)
    if op is sre.IN:
        kind, chars = _set_chars(av)
        if kind == "nonword":
            return _close(states)
        if kind == "digit":
            return _extend(states, "0")
        if kind == "chars":
            return set().union(*(_extend(states, ch) for ch in chars))
        raise _Unlisted
    if op is sre.SUBPATTERN:
        return _walk(av[3], states)
    if op is sre.BRANCH:
        return set().union(*(_walk(alt, states) for alt in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        out: set[_State] = set(states) if low == 0 else set()
        current = states
        for turn in range(1, _MAX_TURNS + 1):
            current = _walk(sub, current)
            if not any(is_open for _, is_open in current):
                return out | current  # further turns cannot change a closed word
            if turn >= low:
                out |= current
            if turn >= high:
                return out
        raise _Unlisted
    if op is sre.ASSERT_NOT and av[0] == 1 and _no_word_follows(av[1]):
        return {(word, False) for word, _ in states if word} | (
            {("", True)} if ("", True) in states else set()
        )
    if op is sre.ASSERT and av[0] == 1:
        # a look-ahead that starts with a non-word character ends the word here
        try:
            ahead = _walk(av[1], states)
        except _Unlisted:
            return states
        if ahead == {(word, False) for word, _ in states}:
            return ahead
        return states
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return states  # zero-width: it can only refuse matches
    raise _Unlisted
