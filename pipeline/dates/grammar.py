"""The date grammar: the compiled patterns, their handlers, and candidate matching.

The patterns (:mod:`~pipeline.dates.patterns`) propose spans; each one's handler
(:mod:`~pipeline.dates.days`, :mod:`~pipeline.dates.clock`,
:mod:`~pipeline.dates.durations`) accepts or rejects it and says what it means;
:meth:`DateGrammar.candidates` keeps the longest of overlapping ones.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from pipeline.dates.candidate import Candidate, Handler
from pipeline.dates.clock import ClockRules
from pipeline.dates.days import DayRules
from pipeline.dates.durations import DurationRules
from pipeline.dates.lexicon import DateLexicon, alt, load_lexicon
from pipeline.dates.patterns import pattern_keywords, pattern_specs
from pipeline.dates.wordstart import finditer_at, first_words, starts_for, word_starts
from pipeline.records import DateType


class DateGrammar:
    """The compiled patterns and their handlers, built once from a :class:`DateLexicon`."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lex = lex = lexicon
        handlers = {
            **DayRules(lex).handlers(),
            **ClockRules(lex).handlers(),
            **DurationRules(lex).handlers(),
            **{f"lexical{i}": _lexical_handler(typ, value) for i, (_, typ, value) in enumerate(lex.lexical)},
        }
        self.patterns: tuple[tuple[str, re.Pattern[str], Handler, int], ...] = tuple(
            (name, re.compile(pattern, re.I), handlers[name], prio) for name, pattern, prio in pattern_specs(lex)
        )
        self.keywords = pattern_keywords(lex)
        #: the words each pattern's matches start with (pipeline.dates.wordstart), or None
        self.first_words = {name: first_words(pattern) for name, pattern, _, _ in self.patterns}
        # the marker must end the text just before the date ("Mis à jour le 20/06/18")
        self.dateline_re = re.compile(rf"(?:{alt(lex.dateline_markers)})\s*(?:le|du)?\s*:?\s*$", re.I)
        self.future_re = re.compile(rf"\b(?:{alt(lex.future_words_in_sentence)})\b", re.I)

    def candidates(self, text: str) -> list[Candidate]:
        """All accepted candidates, overlapping ones resolved longest first."""
        found: list[Candidate] = []
        low = text.lower()
        index: dict[str, list[int]] | None = None
        for name, pattern, handler, prio in self.patterns:
            words = self.keywords.get(name)
            if words is not None and not any(w in low for w in words):
                continue
            first = self.first_words[name]
            if first is None:
                matches: Iterable[re.Match[str]] = pattern.finditer(text)
            else:
                # the same matches as finditer, trying only where a first word starts
                if index is None:
                    index = word_starts(text)
                matches = finditer_at(pattern, text, starts_for(first, index))
            for m in matches:
                cand = handler(m, text)
                if cand is not None and cand.end > cand.start:
                    cand.priority = prio
                    found.append(cand)
        found.sort(key=lambda c: (-c.length, -c.priority, c.start))
        taken: list[tuple[int, int]] = []
        kept: list[Candidate] = []
        for cand in found:
            i = bisect.bisect_left(taken, (cand.start, cand.end))
            if i > 0 and taken[i - 1][1] > cand.start:
                continue
            if i < len(taken) and taken[i][0] < cand.end:
                continue
            taken.insert(i, (cand.start, cand.end))
            kept.append(cand)
        kept.sort(key=lambda c: c.start)
        return kept


def _lexical_handler(typ: str, value: str) -> Handler:
    """The handler of a word of the ``lexical`` table: its value, as it stands."""
    date_type: DateType = typ  # type: ignore[assignment]

    def handler(m: re.Match[str], text: str) -> Candidate | None:
        gran = "present" if value == "PRESENT_REF" else "part_of_day" if value.startswith("T") else "vague"
        return Candidate(m.start(), m.end(), date_type, literal=value, granularity=gran)

    return handler


@functools.cache
def load_grammar() -> DateGrammar:
    """The compiled grammar for the packaged lexicon (built once per process)."""
    return DateGrammar(load_lexicon())
