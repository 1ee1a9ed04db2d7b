"""Publication dates in metadata: a date line, a JSON field, an HTML page's date."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources


@functools.cache
def _months() -> dict[str, int]:
    data = json.loads(
        resources.files("pipeline").joinpath("resources/furniture_fr.json").read_text("utf-8")
    )
    months: dict[str, int] = data["months"]
    return months


@functools.cache
def date_pattern() -> re.Pattern[str]:
    """The pattern of a full date in metadata: ISO, numeric (d/m/y) or "12 mars 2019"."""
    month_alt = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    return re.compile(
        r"(?P<iso>(?P<Y>\d{4})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))"
        r"|(?P<num>(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2}))(?!\d)"
        rf"|(?P<txt>(?P<td>\d{{1,2}})(?:er)?\s+(?P<tm>{month_alt})\.?\s+(?P<ty>\d{{4}}))",
        re.IGNORECASE,
    )


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _two_digit_year(year: int) -> int:
    # Press archives rarely predate 1970: 69 -> 2069 would be absurd, 98 -> 1998 is right.
    return 2000 + year if year < 70 else 1900 + year


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
        return _safe_date(int(match["Y"]), int(match["M"]), int(match["D"]))
    if match.group("num"):
        year = int(match["y"])
        if len(match["y"]) == 2:
            year = _two_digit_year(year)
        return _safe_date(year, int(match["m"]), int(match["d"]))
    month = _months()[match["tm"].lower()]
    return _safe_date(int(match["ty"]), month, int(match["td"]))
