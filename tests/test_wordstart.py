"""Trying a regex only where its first words start gives exactly what finditer gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.dates import DateGrammar, load_lexicon
from pipeline.dates.wordstart import DIGIT, finditer_at, first_words, starts_for, word_starts

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"


def _spans(matches: object) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_first_words_of_a_case_insensitive_pattern() -> None:
    pattern = re.compile(r"(?<![\w'-])(?:(?:le|la)\s+)?(?:mi-)?(?P<m>janvier|mars)(?![\w-])", re.I)
    assert first_words(pattern) == {"le", "la", "mi", "janvier", "mars"}


def test_first_words_of_digits_and_elisions() -> None:
    assert first_words(re.compile(r"(?<![\w./-])\d{1,2}\s?h(?![\w/])", re.I)) == {DIGIT}
    assert first_words(re.compile(r"(?<![\w'-])(?:l'an|année)\s+\d{4}(?!\d)", re.I)) == {"l", "année"}


@pytest.mark.parametrize(
    "source",
    [
        r"\d{4}",  # may start inside a word: no look-behind
        r"(?<![\w-])[IVX]{1,5}e\s+siècle",  # a set of letters, repeated
        r"(?<![\w-])(?:le\s+)?\w+",  # any word
        r"(?<![\w-])(?:janv|mars)",  # may end inside a longer word ("marsupial")
    ],
)
def test_first_words_gives_up_when_they_cannot_be_listed(source: str) -> None:
    assert first_words(re.compile(source, re.I)) is None


def _texts() -> list[str]:
    texts = [p.read_text("utf-8", errors="replace") for p in sorted((ROOT / "corpora").rglob("*")) if p.is_file()]
    texts += [p.read_text("utf-8", errors="replace") for p in sorted(SEED.glob("*")) if p.is_file()]
    texts += [
        # upper case, word-internal digits and months, ranges, elisions and look-alikes
        "LE 3 JANVIER 2015, de 14h-16h puis 18h30 ; l'an 2000, mi-mars, A12h, marsupial.",
        "Du lundi au vendredi, les 1er, 2 et 3 mai ; l’année 2014-2015 ; il y a trois ans.",
        "Rendez-vous le 23/01/2015 à 9:45, 2015-01-23, cette semaine-là et ce soir-là.",
    ]
    return texts


def test_finditer_at_equals_finditer_for_every_date_pattern() -> None:
    """Every pattern of the date grammar, on every corpus article and tricky sentence."""
    grammar = DateGrammar(load_lexicon())
    listed = 0
    for text in _texts():
        index = word_starts(text)
        for name, pattern, _, _ in grammar.patterns:
            first = grammar.first_words[name]
            if first is None:
                continue
            listed += 1
            assert _spans(finditer_at(pattern, text, starts_for(first, index))) == _spans(
                pattern.finditer(text)
            ), name
    assert listed > 0


def test_most_date_patterns_get_their_first_words() -> None:
    grammar = DateGrammar(load_lexicon())
    unlisted = [name for name, first in grammar.first_words.items() if first is None]
    assert len(unlisted) <= 2, unlisted  # "century" ([IVX]{1,5}) is expected here
