"""A date candidate: a span matched by a pattern and what its words say, before anchoring."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.records import DateMod, DateType


@dataclass(slots=True)
class Candidate:
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
    story: bool = False  # "la semaine suivante": counted from the day last talked about
    easter: int | None = None  # a movable feast: days from Easter Sunday ("Pentecôte" = 49)
    tz: str | None = None  # "Z": a clock time given in UTC ("16 h 20 UTC")
    mod: DateMod | None = None

    @property
    def length(self) -> int:
        """The number of characters of the span."""
        return self.end - self.start


#: reads one match of a pattern in the text: the candidate, or None to reject the match
Handler = Callable[[re.Match[str], str], Candidate | None]
