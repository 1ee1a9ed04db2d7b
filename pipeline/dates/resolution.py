"""Anchoring: candidates become values against the publication date and the narrative.

Candidates are read in text order. Partial dates ("le 23 janvier") take their year from
the latest explicit date of the narrative when one is close in the story and consistent,
else from the publication date, in the direction given by "dernier"/"prochain" or by the
tense. Clock times then take the day of a date around them (:func:`attach_times`), and
ranges of dates become intervals (:func:`merge_ranges`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from pipeline.dates.candidate import Candidate
from pipeline.dates.tense import Tense
from pipeline.dates.words import valid_date
from pipeline.records import Anchor

#: a narrative date this close to the publication date does not override the tense
_NARRATIVE_MIN_DAYS = 45


@dataclass(slots=True)
class Resolved:
    """A candidate with its value and the anchor that gave it."""

    cand: Candidate
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
        if valid_date(year, month, day or 1):
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


class Resolver:
    """Turns candidates into values, reading the text in order (the narrative state)."""

    def __init__(self, text: str, published: dt.date | None, tense: Tense, paragraphs: Sequence[int], dateline_re: re.Pattern[str]) -> None:
        self.text = text
        self.dateline_re = dateline_re
        self.published = published
        self.tense = tense
        self.paragraphs = paragraphs
        self.narrative: tuple[dt.date, int, int] | None = None  # (date, end offset, is month-level)
        self.last_day: dt.date | None = None

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)

    def resolve(self, cands: list[Candidate], nxt: Callable[[int], Candidate | None]) -> list[Resolved]:
        """Value the candidates in text order; ``nxt(i)`` gives a list head its month.

        Clock times and parts of the day are left to :func:`attach_times`.
        """
        out: list[Resolved] = []
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

    def _one(self, c: Candidate, following: Candidate | None) -> Resolved | None:
        if c.literal is not None and c.rel_unit is None:
            return Resolved(c, c.literal, c.granularity, "absolute" if c.literal[:1].isdigit() else "none")
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
            return Resolved(c, _fmt_day(day), "day", "narrative", day)
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
            return Resolved(c, value, c.granularity, "absolute")
        return None

    def _relative_day(self, c: Candidate) -> Resolved:
        if self.published is None:
            return Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none")
        day = self.published + dt.timedelta(days=c.rel_days or 0)
        return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "published", day)

    def _deictic(self, c: Candidate) -> Resolved:
        base = self.published
        unit, n = c.rel_unit, c.rel_n
        if base is None:
            masks = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}
            value = masks.get(unit or "Y", "XXXX")
            if c.suffix:
                value = f"XXXX-{c.suffix}"
            return Resolved(c, value, c.granularity, "none")
        if unit == "D":
            day = base + dt.timedelta(days=n)
            return Resolved(c, _fmt_day(day), "day", "published", day)
        if unit in ("W", "WE"):
            day = base + dt.timedelta(weeks=n)
            if unit == "WE" and n == 0 and base.isoweekday() < 5 and self.tense.of(c.start, c.end) < 0:
                day -= dt.timedelta(weeks=1)  # "ce week-end" told on a Tuesday, in the past
            value = _fmt_week(day) + ("-WE" if unit == "WE" else "")
            return Resolved(c, value, "week", "published")
        if unit == "M":
            day = base + relativedelta(months=n)
            return Resolved(c, f"{day.year}-{day.month:02d}", "month", "published")
        if unit == "Q":
            q = (base.month - 1) // 3 + 1 + n
            year = base.year + (q - 1) // 4
            return Resolved(c, f"{year}-Q{(q - 1) % 4 + 1}", "quarter", "published")
        if unit == "H":
            h = (base.month - 1) // 6 + 1 + n
            year = base.year + (h - 1) // 2
            return Resolved(c, f"{year}-H{(h - 1) % 2 + 1}", "half", "published")
        if unit == "DE":
            return Resolved(c, str(base.year // 10 + n)[:3], "decade", "published")
        if unit == "CE":
            return Resolved(c, str(base.year // 100 + n), "century", "published")
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
        return Resolved(c, value, c.granularity, "published")

    def _calendar(self, c: Candidate) -> Resolved | None:
        assert c.month is not None
        month_level = c.day is None
        gran = "month" if month_level else "day"
        if c.year is not None:
            day = dt.date(c.year, c.month, c.day or 1)
            return Resolved(c, _calendar_value(day, month_level), gran, "absolute", day)
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
            return Resolved(c, value, gran, "none")
        return Resolved(c, _calendar_value(chosen, month_level), gran, anchor, None if month_level else chosen)

    def _weekday(self, c: Candidate) -> Resolved | None:
        assert c.weekday is not None
        if c.day is not None:
            return self._weekday_and_day(c)
        if c.same_day and self.last_day is not None:
            base = self.last_day
            day = base + dt.timedelta(days=c.weekday - base.isoweekday())
            return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "narrative", day)
        if self.published is None:
            return Resolved(c, _with_time(c, f"XXXX-WXX-{c.weekday}"), c.granularity, "none")
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
        return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "published", day)

    def _weekday_and_day(self, c: Candidate) -> Resolved | None:
        """ "jeudi 18" (no month): the nearest month where the 18th is a Thursday."""
        assert c.weekday is not None and c.day is not None
        base, anchor = (self.published, "published") if self.published is not None else (self.last_day, "narrative")
        if base is None:
            return Resolved(c, _with_time(c, f"XXXX-XX-{c.day:02d}"), c.granularity, "none")
        first = base.replace(day=1)
        cands = []
        for k in range(-6, 7):
            month = first + relativedelta(months=k)
            if valid_date(month.year, month.month, c.day) and dt.date(month.year, month.month, c.day).isoweekday() == c.weekday:
                cands.append(dt.date(month.year, month.month, c.day))
        direction = c.direction or self.tense.of(c.start, c.end)
        day = _pick(cands, base, direction, month_level=False) or _pick(cands, base, 0, month_level=False)
        if day is None:
            return None
        resolved_anchor: Anchor = "published" if anchor == "published" else "narrative"
        return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, resolved_anchor, day)


def _calendar_value(day: dt.date, month_level: bool) -> str:
    return f"{day.year}-{day.month:02d}" if month_level else day.isoformat()


def _with_time(c: Candidate, day_value: str) -> str:
    if c.type != "TIME":
        return day_value
    if c.hour is not None:
        return f"{day_value}T{c.hour:02d}:{c.minute or 0:02d}"
    return f"{day_value}T{c.part}"


def attach_times(
    cands: list[Candidate], resolved: list[Resolved], published: dt.date | None, bounds: Sequence[int]
) -> list[Resolved]:
    """Give clock times and parts of the day their day: same sentence, story, or today.

    A time takes the anchor of a day named in its sentence ("hier vers 18 h" is
    anchored on the publication date); a day taken from an earlier sentence is the
    narrative's.
    """
    done = {id(r.cand) for r in resolved}
    days = [(r.cand.start, r.day, r.anchor) for r in resolved if r.day is not None]
    starts = [d[0] for d in days]
    sets = [r.cand.start for r in resolved if r.cand.type == "SET"]
    out: list[Resolved] = []
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
            out.append(Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none"))
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
            out.append(Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none"))
        else:
            out.append(Resolved(c, _with_time(c, day.isoformat()), c.granularity, anchor, day))
    return out


_RANGE_LINK = re.compile(r"^\s*(?:au|à|a|et|-|–|/)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:\b(?:du|de|d'|entre|les)\s*|\()$", re.I)


def merge_ranges(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """Join "du 3 au 5 mars", "entre 2014 et 2016", "les 19 et 20 mai" into intervals.

    A list of days is one interval only when the days follow each other ("les 19 et 20
    mai"); "les 6 et 13 avril" stays two dates.
    """
    out: list[Resolved] = []
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
            out.append(Resolved(merged, f"{first.value}/{last.value}", first.granularity, anchor, None))
            i += len(chain)
            continue
        out.append(first)
        i += 1
    return out
