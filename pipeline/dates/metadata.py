"""Publication dates in metadata: a page's date line, a JSON field, an HTML page's date.

The other reader of French dates, next to the grammar of running text: a metadata field
holds one full date ("2018-06-20", "20/06/18", "12 mars 2019", an ISO datetime), read
with the same lexicon (``dates_fr.json``): every spelling of a month, its dot optional.
:mod:`pipeline.ingest` calls it for date fields, date lines and press-release datelines.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from pipeline.dates.lexicon import alt, load_lexicon
from pipeline.dates.words import full_year, valid_date

#: two-digit years in metadata: "69" is 2069, "70" is 1970 (press archives rarely
#: predate 1970); running text has its own pivot (pipeline.dates.words)
METADATA_CENTURY_PIVOT = 70


@functools.cache
def date_pattern() -> re.Pattern[str]:
    """The pattern of a full date in metadata: ISO, numeric (d/m/y) or "12 mars 2019"."""
    month_alt = alt(load_lexicon().metadata_months)
    return re.compile(
        r"(?P<iso>(?P<Y>\d{4})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))"
        r"|(?P<num>(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2}))(?!\d)"
        rf"|(?P<txt>(?P<td>\d{{1,2}})(?:er)?\s+(?P<tm>{month_alt})\.?\s+(?P<ty>\d{{4}}))",
        re.IGNORECASE,
    )


def parse_date_string(value: str) -> str | None:
    """Read a metadata date ("2018-06-20", "20/06/18", "12 mars 2019", ISO datetime).

    Args:
        value: the string as found in a date line or a JSON field.

    Returns:
        The ISO date ``YYYY-MM-DD`` or None when no valid full date is found.
    """
    match = date_pattern().search(value)
    if match is None:
        return None
    if match.group("iso"):
        return _iso_day(int(match["Y"]), int(match["M"]), int(match["D"]))
    if match.group("num"):
        year = int(match["y"])
        if len(match["y"]) == 2:
            year = full_year(year, pivot=METADATA_CENTURY_PIVOT)
        return _iso_day(year, int(match["m"]), int(match["d"]))
    month = load_lexicon().metadata_months[match["tm"].lower()]
    return _iso_day(int(match["ty"]), month, int(match["td"]))


#: how much of a publication date is known
Precision = Literal["day", "month", "year"]
#: a publication date given as a month or a year alone ("2020-09", "2020"), whole field
_PARTIAL = re.compile(r"^\s*(?P<y>(?:1[89]|20)\d\d)(?:[-/.](?P<m>0?[1-9]|1[0-2]))?\s*$")
#: the middle of a month or a year stands for it when a direction is measured from it
_MIDDLE_DAY = 15
_MIDDLE_MONTH = 7


@dataclass(frozen=True, slots=True)
class Reference:
    """The date relative expressions are read from, and how much of it is known.

    ``day`` is the date itself at ``"day"`` precision; for a month or a year alone it is
    the middle of that month or year, used only to measure directions from.
    """

    day: dt.date
    precision: Precision

    @property
    def value(self) -> str:
        """The date as given: "2020-09-14", "2020-09" or "2020"."""
        if self.precision == "year":
            return str(self.day.year)
        if self.precision == "month":
            return f"{self.day.year}-{self.day.month:02d}"
        return self.day.isoformat()


def parse_publication_date(value: str) -> str | None:
    """Read a publication date field: a full date, or a month or a year alone.

    Args:
        value: the field as found ("2020-09-14", "14/09/2020", "2020-09", "2020").

    Returns:
        The ISO date, or "2020-09" / "2020" kept as given, or None when unreadable.
    """
    day = parse_date_string(value)
    if day is not None:
        return day
    match = _PARTIAL.match(value)
    if match is None:
        return None
    return f"{match['y']}-{int(match['m']):02d}" if match["m"] else match["y"]


def parse_reference(value: object) -> Reference | None:
    """The anchor of a document from its ``published`` value (ISO day, month or year).

    Args:
        value: a ``datetime.date``, or an ISO string "2020-09-14", "2020-09" or "2020"
            (what :func:`parse_publication_date` gives); anything else is None.

    Returns:
        The reference date and its precision, or None.
    """
    if isinstance(value, dt.datetime):
        return Reference(value.date(), "day")
    if isinstance(value, dt.date):
        return Reference(value, "day")
    if not isinstance(value, str) or not value:
        return None
    try:
        return Reference(dt.date.fromisoformat(value[:10]), "day")
    except ValueError:
        pass
    match = _PARTIAL.match(value)
    if match is None or not re.match(r"^\d{4}(?:-\d\d)?$", value.strip()):
        return None
    year = int(match["y"])
    if match["m"]:
        return Reference(dt.date(year, int(match["m"]), _MIDDLE_DAY), "month")
    return Reference(dt.date(year, _MIDDLE_MONTH, 1), "year")


def date_line_keywords() -> tuple[str, ...]:
    """The words that make a short line holding a date a publication line ("Publié le")."""
    return load_lexicon().publication_markers


def _iso_day(year: int, month: int, day: int) -> str | None:
    return dt.date(year, month, day).isoformat() if valid_date(year, month, day) else None
