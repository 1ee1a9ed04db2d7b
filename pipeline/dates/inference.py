"""A publication date for an article that has none, inferred the way a reader does.

A clipping without a date still says when it was written: its URL or file name is often
dated ("/2021/10/07/", "2021-02-03-caen.txt"), and its own full dates ("le 7 octobre
2021", "jeudi 7 octobre" with 2021 nearby) place it in time. :func:`infer_published`
reads, in that order of trust, a dated URL, a dated file name, then the text, and says
what it read (the evidence, with offsets when it is in the text). It never replaces a
publication date given by the metadata: the record keeps it apart as
``published_inferred`` (:class:`~pipeline.records.InferredDate`).

From the text, the value is the *month* of the latest date the text names: a reader
knows that a note about "jeudi 7 octobre 2021" dates from about October 2021, not
which day it was written, so "hier" stays unknown while "le 23 janvier" gets its year.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from pipeline.dates.candidate import Candidate
from pipeline.dates.grammar import load_grammar
from pipeline.dates.words import valid_date
from pipeline.records import InferenceSource, InferredDate

#: "2021/10/07", "2021-10-07", "2021_10_07", "20211007", "2021/10" in a path or file name
_DATED_PATH = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/_.-])(?P<m>0?[1-9]|1[0-2])(?:(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01]))?"
    r"|(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01]))(?!\d)"
)
#: how far (in characters) a year may be from "jeudi 7 octobre" to give it its year
_YEAR_REACH = 400


def infer_published(text: str, *, url: str | None = None, source: str | None = None) -> InferredDate | None:
    """Infer a publication date from a dated URL, a dated file name or the text's dates.

    Args:
        text: the article text (offsets of the evidence refer to it).
        url: the article's URL, if any.
        source: the input's path relative to the corpus ("b/2021-02-03-caen.txt").

    Returns:
        The inferred date with its evidence, or None when nothing dates the article.
    """
    if url:
        found = _from_path(url.split("?")[0], "url")
        if found is not None:
            return found
    if source:
        found = _from_path(PurePosixPath(source.split("#")[0]).name, "source")
        if found is not None:
            return found
    return _from_text(text)


def _from_path(path: str, kind: InferenceSource) -> InferredDate | None:
    """The last date written in a URL or a file name ("/2021/10/07/" or "20211007")."""
    last = None
    for m in _DATED_PATH.finditer(path):
        last = m
    if last is None:
        return None
    year = int(last["y"])
    month = int(last["m"] or last["m2"] or 0)
    day = int(last["d"] or last["d2"] or 0)
    if not month or year > dt.date.today().year + 1:
        return None  # a year alone in a path is too often something else ("top-2020")
    if day and valid_date(year, month, day):
        value = dt.date(year, month, day).isoformat()
    else:
        value = f"{year}-{month:02d}"
    return InferredDate(value=value, inferred_from=kind, evidence=path)


def _from_text(text: str) -> InferredDate | None:
    """The month of the latest full date of the text (a weekday dates a yearless one)."""
    norm = text.replace("’", "'")
    cands = load_grammar().candidates(norm)
    years = [(c.start, c.year) for c in cands if c.year is not None and c.type == "DATE"]
    best: tuple[dt.date, Candidate] | None = None
    for c in cands:
        if c.type != "DATE" or c.month is None or c.day is None:
            continue
        day = _full_day(c, years)
        if day is not None and (best is None or day > best[0]):
            best = (day, c)
    if best is None:
        return None
    day, c = best
    return InferredDate(
        value=f"{day.year}-{day.month:02d}", inferred_from="text", evidence=text[c.start: c.end], start=c.start, end=c.end
    )


def _full_day(c: Candidate, years: list[tuple[int, int]]) -> dt.date | None:
    """The day of a full date, or of "jeudi 7 octobre" in a nearby year where the 7th of
    October is a Thursday (and only one such year)."""
    assert c.month is not None and c.day is not None
    if c.year is not None:
        return dt.date(c.year, c.month, c.day) if valid_date(c.year, c.month, c.day) else None
    if c.weekday is None:
        return None
    near = {y for pos, y in years if abs(pos - c.start) <= _YEAR_REACH}
    fits = {
        y + k
        for y in near
        for k in (-1, 0, 1)
        if valid_date(y + k, c.month, c.day) and dt.date(y + k, c.month, c.day).isoweekday() == c.weekday
    }
    if len(fits) != 1:
        return None
    year = fits.pop()
    return dt.date(year, c.month, c.day)
