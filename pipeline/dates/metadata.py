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


def date_line_keywords() -> tuple[str, ...]:
    """The words that make a short line holding a date a publication line ("Publié le")."""
    return load_lexicon().publication_markers


def _iso_day(year: int, month: int, day: int) -> str | None:
    return dt.date(year, month, day).isoformat() if valid_date(year, month, day) else None
