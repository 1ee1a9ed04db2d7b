"""Reading the words of a match against the lexicon: numbers, months, years, modifiers.

:class:`Words` is the base of the handler classes (:mod:`~pipeline.dates.days`,
:mod:`~pipeline.dates.clock`, :mod:`~pipeline.dates.durations`); :func:`full_year` and
:func:`valid_date` also serve the metadata reader (:mod:`~pipeline.dates.metadata`).
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.dates.candidate import Candidate
from pipeline.dates.lexicon import DateLexicon, alt
from pipeline.records import DateMod

#: two-digit years in running text: "98" is 1998, "18" is 2018 (news archives)
TEXT_CENTURY_PIVOT = 50


def full_year(two_digits: int, *, pivot: int) -> int:
    """The four-digit year of a two-digit one: 20xx below ``pivot``, 19xx from it on."""
    return 2000 + two_digits if two_digits < pivot else 1900 + two_digits


def valid_date(year: int, month: int, day: int) -> bool:
    """Whether the day exists (not "31/02/2019")."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


class Words:
    """Reads the words of a match (a number, a month, a year) against a :class:`DateLexicon`."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lex = lexicon
        self._past = re.compile(rf"^(?:{alt(lexicon.past_words)})$", re.I)

    def number(self, text: str) -> float | None:
        """Value of a numeral in digits ("30,4") or words ("dix-huit", "vingt et un")."""
        t = text.lower().strip()
        if t[:1].isdigit():
            try:
                return float(t.replace(",", "."))
            except ValueError:
                return None
        total = 0
        current = 0
        for word in re.split(r"-et-|\s+et\s+|-", t):
            value = self.lex.number_words.get(word)
            if value is None:
                return None
            if value == 100:
                current = max(current, 1) * 100
            elif value == 20 and current == 4:  # quatre-vingt(s)
                current = 80
            else:
                current += value
        total += current
        return float(total)

    @staticmethod
    def day_number(text: str) -> int:
        """The day of "1er", "1 er", "premier", "14"."""
        word = re.sub(r"\s+", "", text.lower())
        return 1 if word in ("1er", "1re", "premier") else int(word)

    def month_of(self, word: str) -> int:
        """Month number of a French month name or abbreviation."""
        return self.lex.months[word.lower()]

    def weekday_of(self, word: str) -> int:
        """ISO weekday number (Monday = 1) of a French weekday name."""
        return self.lex.weekdays[word.lower()]

    def direction_of(self, word: str | None) -> int:
        """-1 for "dernier"-like words, +1 for "prochain"-like words, 0 for none."""
        if not word:
            return 0
        return -1 if self._past.match(word) else 1

    @staticmethod
    def two_digit_year(text: str) -> int:
        """Four-digit year of "98" or "'18"."""
        return full_year(int(text.lstrip("'")), pivot=TEXT_CENTURY_PIVOT)

    def year_value(self, text: str) -> int:
        """Year of a two- or four-digit year string."""
        return int(text) if len(text.lstrip("'")) == 4 else self.two_digit_year(text)

    def part_mod(self, text: str | None) -> DateMod | None:
        """TIMEX3 mod of "début"/"mi-"/"fin de" (None for "courant")."""
        if not text:
            return None
        word = re.sub(r"^(?:la|le)\s+", "", text.strip().lower())
        word = re.split(r"[\s-]", word)[0]
        return self.lex.part_mods.get(word)

    def set_part(self, cand: Candidate, part: str) -> None:
        """Make ``cand`` a time of the part of the day ``part`` ("soir": EV, "midi": 12:00)."""
        code = self.lex.day_parts[part.lower()]
        cand.type = "TIME"
        if ":" in code:
            cand.hour, cand.minute, cand.granularity = int(code[:2]), int(code[3:]), "minute"
        else:
            cand.part, cand.granularity = code, "part_of_day"
