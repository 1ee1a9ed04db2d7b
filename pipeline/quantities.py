"""French quantities: "34 entreprises", "une quarantaine de rendez-vous", "80 millions d'euros".

Pure functions over spaCy tokens. Number words, scales, approximators and currencies
are data (``resources/numbers_fr.json``). A quantity keeps the counted unit (the noun
phrase after the number, or a currency code) and its character offsets.

Numbers that belong to a date mention (``doc._.dates``) or to a named entity
("La Poste 2020") are not quantities.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.text import norm_word
from pipeline.records import Quantity
from pipeline.resources import read_json

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_GROUP = re.compile(r"^\d{3}$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
#: adjectives that may follow the counted noun inside the unit ("entreprises numériques")
_UNIT_MODIFIER_POS = frozenset({"ADJ"})
_UNIT_HEAD_POS = frozenset({"NOUN", "PROPN"})
_STOP_UNIT_WORDS = frozenset(
    {"de", "d'", "du", "des", "et", "ou", "à", "au", "aux", "en", "le", "la", "les", "l'"}
)


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """The number vocabulary read from ``numbers_fr.json``."""

    words: dict[str, int]
    scales: dict[str, int]
    approximate_nouns: dict[str, int]
    approximators: tuple[tuple[str, ...], ...]
    #: first word -> approximators starting with it, longest first
    approximators_by_first: dict[str, tuple[tuple[str, ...], ...]]
    approximate_determiners: frozenset[str]
    currencies: dict[str, str]
    scaled_currencies: dict[str, tuple[int, str]]
    percent: frozenset[str]
    #: "la 45 e édition": a number followed by these is a rank
    ordinal_suffixes: frozenset[str]
    #: word before a range ("" for none) -> the words that join its two bounds
    range_links: dict[str, frozenset[str]]


@functools.cache
def load_lexicon() -> NumberLexicon:
    """Read the packaged number vocabulary once per process.

    Returns:
        The :class:`NumberLexicon`.
    """
    raw: dict[str, Any] = read_json("numbers_fr.json")
    approximators = sorted(
        (tuple(_split_words(a)) for a in raw["approximators"]), key=len, reverse=True
    )
    return NumberLexicon(
        words={word: entry["value"] for word, entry in raw["words"].items()},
        scales=dict(raw["scales"]),
        approximate_nouns=dict(raw["approximate_nouns"]),
        approximators=tuple(approximators),
        approximators_by_first={
            first: tuple(a for a in approximators if a[0] == first)
            for first in {a[0] for a in approximators}
        },
        approximate_determiners=frozenset(norm_word(w) for w in raw["approximate_determiners"]),
        currencies={norm_word(k): v for k, v in raw["currencies"].items()},
        scaled_currencies={
            norm_word(k): (int(v[0]), str(v[1])) for k, v in raw["scaled_currencies"].items()
        },
        percent=frozenset(raw["percent"]),
        ordinal_suffixes=frozenset(raw["ordinal_suffixes"]),
        range_links={
            norm_word(opener): frozenset(norm_word(w) for w in links)
            for opener, links in raw["range_links"]["links"].items()
        },
    )


def _split_words(text: str) -> list[str]:
    # "près d'" -> ["près", "d'"]: the same split as spaCy's French tokenizer
    return [w for w in re.split(r"\s+|(?<=')", norm_word(text)) if w]


@functools.lru_cache(maxsize=1 << 14)
def parse_number_words(text: str) -> int | None:
    """Value of a French number written in words ("trente-quatre", "quatre-vingt-dix").

    Args:
        text: one or more number words, joined by spaces or hyphens ("deux mille quatorze").

    Returns:
        The integer value, or None when a word is not a number word.
    """
    lex = load_lexicon()
    words = [w for w in re.split(r"[\s\-]+", norm_word(text).strip()) if w and w != "et"]
    if not words:
        return None
    total = 0
    current = 0
    for word in words:
        if word in ("mille",):
            total += max(current, 1) * 1000
            current = 0
        elif word in lex.scales and word not in lex.words:
            total += max(current, 1) * lex.scales[word]
            current = 0
        elif word in ("cent", "cents"):
            current = max(current, 1) * 100 if current < 100 else current + 100
        elif word in ("vingt", "vingts") and current % 100 == 4:
            # "quatre-vingt(s)": 4 x 20
            current += 76
        elif word in lex.words:
            current += lex.words[word]
        else:
            return None
    return total + current


def parse_digits(text: str) -> float | None:
    """Value of a number written in digits ("34", "2,5", "1.500", "3 000").

    Args:
        text: the digits as written; spaces (also narrow no-break) separate thousands.

    Returns:
        The value (an int-valued float for whole numbers), or None.
    """
    compact = re.sub(r"[\s\u202f\u00a0]", "", text)
    if _DOT_THOUSANDS.match(compact):
        compact = compact.replace(".", "")
    compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _token_number(token: Token) -> float | None:
    """Value of one token that is a number by itself (digits or a number word)."""
    text = token.text
    if _DIGITS.match(text) or _DOT_THOUSANDS.match(text):
        return parse_digits(text)
    value = parse_number_words(text)
    return None if value is None else float(value)


def _blocked_offsets(span: Doc | Span) -> list[tuple[int, int]]:
    """Character ranges in ``span`` whose numbers are not quantities (dates, named entities)."""
    doc = span if isinstance(span, Doc) else span.doc
    lo = span[0].idx if len(span) else 0
    hi = span[-1].idx + len(span[-1].text) if len(span) else 0
    ranges: list[tuple[int, int]] = []
    if Doc.has_extension("dates"):
        ranges.extend((d.start, d.end) for d in doc._.dates if d.start < hi and lo < d.end)
    # token.ent_type_ rather than span.ents: Span.ents walks every entity of the doc
    ranges.extend((t.idx, t.idx + len(t.text)) for t in span if t.ent_type_)
    return ranges


def _is_blocked(token: Token, blocked: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in blocked)


def _match_words(tokens: Sequence[Token], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(norm_word(tokens[i + k].text) == w for k, w in enumerate(words))


def find_quantities(span: Doc | Span) -> list[Quantity]:
    """Find the quantities in a doc or a sentence.

    Args:
        span: a ``Doc`` or ``Span``; the unit noun phrase uses POS tags when the doc has them.

    Returns:
        Quantities in text order, each with ``text == doc.text[start:end]``.
    """
    tokens = list(span)
    blocked = _blocked_offsets(span)
    # the first tokens tell whether a tagger ran (doc.has_annotation scans the whole doc)
    has_pos = any(t.pos_ for t in tokens[:3])
    lex = load_lexicon()
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        if not _may_start(tokens[i], lex):
            i += 1
            continue
        found = _quantity_at(tokens, i, blocked, has_pos)
        if found is None:
            i += 1
            continue
        quantity, next_i = found
        out.append(quantity)
        i = next_i
    return out


def _may_start(token: Token, lex: NumberLexicon) -> bool:
    """Whether :func:`_quantity_at` can read anything at ``token`` (a cheap first test).

    A quantity starts with an approximator ("environ"), an approximate determiner
    ("une quarantaine"), or a number (digits or number words); nothing else.
    """
    text = token.text
    if text[:1].isdigit():
        return True
    low = norm_word(text)
    return (
        low in lex.approximators_by_first
        or low in lex.approximate_determiners
        or parse_number_words(text) is not None
    )


def _quantity_at(
    tokens: Sequence[Token], i: int, blocked: Sequence[tuple[int, int]], has_pos: bool
) -> tuple[Quantity, int] | None:
    """Read one quantity starting at ``tokens[i]`` (an approximator or a number)."""
    lex = load_lexicon()
    start = i
    approximate = False
    for words in lex.approximators_by_first.get(norm_word(tokens[i].text), ()):
        if _match_words(tokens, i, words):
            approximate = True
            i += len(words)
            break
    if i >= len(tokens):
        return None
    count = _read_count(tokens, i, blocked, lex, approximate=approximate)
    if count is None:
        return None
    value, approximate, j = count
    range_end = _range_end(tokens, start, j, value, blocked, lex)
    if range_end is not None:
        # "de 1 200 à 1 500 ouvriers", "entre 50 000 et 100 000 personnes": one figure, its
        # low bound, an approximation; the scale and the unit after the high bound are its own
        j, approximate = range_end, True
    if j < len(tokens) and norm_word(tokens[j].text) in lex.ordinal_suffixes and tokens[j - 1].whitespace_:
        return None  # "la 45 e édition": a rank written apart, not a count
    # scale: "80 millions", "2,5 milliards", "trois mille"
    if j < len(tokens) and norm_word(tokens[j].text) in lex.scales:
        value *= lex.scales[norm_word(tokens[j].text)]
        j += 1
    unit, j = _read_unit(tokens, j, value, has_pos)
    if unit is not None and unit[1] is not None:
        value = unit[1]
    unit_text = None if unit is None else unit[0]
    value = round(value, 6)  # 4,1 x 10^6 is 4100000, not 4099999.9999999995
    first, last = tokens[start], tokens[j - 1]
    if unit_text is None and not approximate and value.is_integer() and 1800 <= value <= 2100:
        return None  # a bare year-like number is a date or a name, not a count
    if unit_text is None and not approximate and _ends_a_name(tokens, start):
        return None  # "en championnat de Nationale 1", "la Ligue 2": a name the model missed
    doc = first.doc
    end_char = last.idx + len(last.text)
    quantity = Quantity(
        value=int(value) if value.is_integer() else value,
        approximate=approximate,
        unit=unit_text,
        text=doc[first.i : last.i + 1].text,
        start=first.idx,
        end=end_char,
    )
    return quantity, j


def _range_end(
    tokens: Sequence[Token],
    start: int,
    j: int,
    low: float,
    blocked: Sequence[tuple[int, int]],
    lex: NumberLexicon,
) -> int | None:
    """Index after the high bound when the count read before ``tokens[j]`` opens a range
    ("50 000 à 100 000", "entre 50 et 60"), else None.

    The high bound must be larger than the low one: "3 à 1" is a score, not a range.
    """
    if j + 1 >= len(tokens):
        return None
    link = norm_word(tokens[j].text)
    opener = norm_word(tokens[start - 1].text) if start > 0 else ""
    if link not in lex.range_links.get(opener, lex.range_links.get("", frozenset())):
        return None
    if _is_blocked(tokens[j + 1], blocked):
        return None
    high = _read_number(tokens, j + 1, lex)
    if high is None or high[0] <= low:
        return None
    return high[1]


def _ends_a_name(tokens: Sequence[Token], i: int) -> bool:
    """Does the bare number at ``tokens[i]`` close a capitalised name ("Nationale 1")? The
    word before it is capitalised and does not open its sentence."""
    if i == 0 or not tokens[i - 1].is_alpha or not tokens[i - 1].text[:1].isupper():
        return False
    return not tokens[i - 1].is_sent_start


def _read_count(
    tokens: Sequence[Token],
    i: int,
    blocked: Sequence[tuple[int, int]],
    lex: NumberLexicon,
    *,
    approximate: bool,
) -> tuple[float, bool, int] | None:
    """Read the count at ``tokens[i]``, after any approximator: an approximate noun
    ("une quarantaine"; a bare "centaines" only after an approximator) or a number.

    Returns:
        (value, approximate, index after the count), or None when there is no count.
    """
    tok = tokens[i]
    low = norm_word(tok.text)
    # "une quarantaine de", "des centaines de", "plusieurs milliers de"
    if low in lex.approximate_determiners and i + 1 < len(tokens):
        noun = norm_word(tokens[i + 1].text)
        if noun in lex.approximate_nouns:
            return float(lex.approximate_nouns[noun]), True, i + 2
    if low in lex.approximate_nouns and approximate:
        return float(lex.approximate_nouns[low]), approximate, i + 1
    if _is_blocked(tok, blocked) or tok.is_punct or _group_tail(tokens, i):
        return None
    # "un"/"une" alone is an article, not a count
    if low in ("un", "une") and not (
        i + 1 < len(tokens) and norm_word(tokens[i + 1].text) in lex.scales
    ):
        return None
    number = _read_number(tokens, i, lex)
    if number is None:
        return None
    value, j = number
    return value, approximate, j


def _group_tail(tokens: Sequence[Token], i: int) -> bool:
    """Is ``tokens[i]`` the thousands group of a number begun before it ("000" in "50 000",
    whose "50" a name took)? Such a group never starts a count."""
    return (
        i > 0
        and bool(_GROUP.match(tokens[i].text))
        and bool(tokens[i - 1].whitespace_)
        and bool(_DIGITS.match(tokens[i - 1].text))
    )


def _read_number(tokens: Sequence[Token], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """Read a number at ``tokens[i]``, in digits or in words, over as many tokens as it
    takes ("3 000", "deux mille", "vingt et un").

    Returns:
        (value, index after the number), or None when ``tokens[i]`` is not a number.
    """
    tok = tokens[i]
    value = _token_number(tok)
    if value is None:
        return None
    j = i + 1
    # thousands written with spaces: "3 000", "1 200 000"
    while (
        j < len(tokens)
        and _GROUP.match(tokens[j].text)
        and tokens[j - 1].whitespace_
        and _DIGITS.match(tokens[j - 1].text)
    ):
        value = value * 1000 + float(tokens[j].text)
        j += 1
    # number words spread over tokens: "deux mille", "vingt et un"
    while j < len(tokens) and tok.text.isalpha():
        nxt = norm_word(tokens[j].text)
        if nxt in lex.words or (
            nxt == "et"
            and j + 1 < len(tokens)
            and norm_word(tokens[j + 1].text) in ("un", "une", "onze")
        ):
            joined = " ".join(t.text for t in tokens[i : j + 1 + (nxt == "et")])
            parsed = parse_number_words(joined)
            if parsed is None:
                break
            value = float(parsed)
            j += 1 + (nxt == "et")
        else:
            break
    return value, j


def _read_unit(
    tokens: Sequence[Token], j: int, value: float, has_pos: bool
) -> tuple[tuple[str, float | None] | None, int]:
    """Read the unit after a number: a currency (returns the scaled value) or a noun phrase."""
    lex = load_lexicon()
    if j >= len(tokens):
        return None, j
    low = norm_word(tokens[j].text)
    if low in lex.scaled_currencies:
        factor, code = lex.scaled_currencies[low]
        return (code, value * factor), j + 1
    if low in lex.percent:
        return ("%", None), j + 1
    if low == "pour" and j + 1 < len(tokens) and norm_word(tokens[j + 1].text) == "cent":
        return ("%", None), j + 2
    k = j
    if low in ("de", "d'") and k + 1 < len(tokens):
        k += 1
    low = norm_word(tokens[k].text)
    # "francs suisses": the two-word currency before the one-word one
    two = f"{low} {norm_word(tokens[k + 1].text)}" if k + 1 < len(tokens) else ""
    if two in lex.currencies:
        return (lex.currencies[two], None), k + 2
    if low in lex.currencies:
        return (lex.currencies[low], None), k + 1
    head = tokens[k]
    if head.is_punct or head.like_num or norm_word(head.text) in _STOP_UNIT_WORDS:
        return None, j
    if has_pos:
        if head.pos_ not in _UNIT_HEAD_POS:
            return None, j
    elif head.is_stop or (not head.is_alpha and "-" not in head.text):
        return None, j
    end = k + 1
    if has_pos:
        while (
            end < len(tokens)
            and tokens[end].pos_ in _UNIT_MODIFIER_POS
            and not tokens[end].like_num
        ):
            end += 1
    doc = head.doc
    last = tokens[end - 1]
    return (doc[head.i : last.i + 1].text, None), end


__all__ = ["NumberLexicon", "find_quantities", "load_lexicon", "parse_digits", "parse_number_words"]
