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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from pipeline.dates.candidate import Candidate
from pipeline.dates.context import before_word
from pipeline.dates.metadata import Precision, Reference
from pipeline.dates.tense import Tense
from pipeline.dates.words import valid_date
from pipeline.records import Anchor

#: how coarse each precision of a publication date is
_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}
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


def _days_of(c: Candidate, year: int) -> list[dt.date]:
    """The day (or the first day of the month) a calendar candidate names in ``year``."""
    if c.easter is not None:
        return [easter(year) + dt.timedelta(days=c.easter)]
    assert c.month is not None
    return [dt.date(year, c.month, c.day or 1)] if valid_date(year, c.month, c.day or 1) else []


def _within(day: dt.date, ref: dt.date, precision: Precision) -> bool:
    """Whether ``day`` falls in the month or year a partial publication date names."""
    return day.year == ref.year and (precision == "year" or day.month == ref.month)


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

    def __init__(
        self,
        text: str,
        published: Reference | None,
        tense: Tense,
        paragraphs: Sequence[int],
        dateline_re: re.Pattern[str],
        direction_before: Mapping[str, int],
    ) -> None:
        self.text = text
        self.dateline_re = dateline_re
        self.published = published.day if published else None
        #: how much of ``published`` is known: "day", or "month"/"year" for a partial date
        self.precision: Precision = published.precision if published else "day"
        self.tense = tense
        self.paragraphs = paragraphs
        self.direction_before = direction_before
        #: (date, end offset, 0 day-level / 1 month-level / 2 year-level)
        self.narrative: tuple[dt.date, int, int] | None = None
        self.last_day: dt.date | None = None
        self.last_day_at = -1  # where the day last talked about was named

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)

    def resolve(self, cands: list[Candidate], nxt: Callable[[int], Candidate | None]) -> list[Resolved]:
        """Value the candidates in text order; ``nxt(i)`` gives a list head its month.

        Clock times and parts of the day are left to :func:`attach_times`.
        """
        out: list[Resolved] = []
        self._find_dateline(cands)
        for i, cand in enumerate(cands):
            res = self._one(cand, nxt(i))
            if res is None:
                continue
            out.append(res)
            if before_word(self.text, cand.start) in self.lex_since:
                continue  # "depuis le 2 avril 2014": where a state began, not a step of the story
            if (
                res.day is not None
                and cand.type in ("DATE", "TIME")
                and res.granularity not in ("month", "year")
                and not self.tense.anterior(cand.start, cand.end)
            ):
                # a plus-que-parfait ("avaient été annoncées le 3 mai") is background:
                # the story's day stays where it was
                self.last_day, self.last_day_at = res.day, cand.start
            if res.anchor != "absolute" or cand.type != "DATE":
                continue
            if res.granularity == "year" and cand.year is not None and not cand.suffix and cand.mod is None:
                if before_word(self.text, cand.start) not in ("en", "courant"):
                    continue  # "de 1968 à 1971", "l'Euro 2016": not where the story is
                if self.tense.in_passing(cand.start, cand.end):
                    continue  # "(née en 1965)", "qui avait appelé à la violence en 2014": a fact told in passing
                # "En 1998, ...": a story set in a year gives it to "en mars", "le 3 mai"
                self.narrative = (dt.date(cand.year, 7, 1), cand.end, 2)
                continue
            if res.day is None:
                continue
            if res.granularity == "day" and self.dateline_re.search(self.text, max(0, cand.start - 40), cand.start):
                # "Publié le 15/03/2019": the page's own date, not a step of the story
                self._take_dateline(res.day)
                continue
            if res.granularity in ("day", "month"):
                self.narrative = (res.day, cand.end, int(res.granularity == "month"))
        return out

    @property
    def lex_since(self) -> frozenset[str]:
        """The words before a date that make it a starting point ("depuis")."""
        return frozenset(w for w, d in self.direction_before.items() if d < 0)

    def _find_dateline(self, cands: Sequence[Candidate]) -> None:
        """A dateline or a page's date line anchors the whole text, its headline too, when
        no publication date is given: "Lyon, le 3 mars 2022 – ...", "Actualité – 18 novembre
        2020" in the first lines, or a line opening on "Publié le 23/02/2024" anywhere."""
        head_end = _nth_line_end(self.text, _DATELINE_LINES)
        for c in cands:
            if c.type != "DATE" or c.year is None or c.month is None or c.day is None:
                continue
            if not valid_date(c.year, c.month, c.day):
                continue
            line_start = self.text.rfind("\n", 0, c.start) + 1
            if c.start < head_end:
                marked = self.dateline_re.search(self.text, max(0, c.start - 40), c.start)
                head = _DATELINE_HEAD.match(self.text[line_start: c.start])
                tail = _DATELINE_TAIL.match(self.text, c.end)
                # "Lyon, le 3 mars 2022, la société...": a comma or a stop ends a dateline only
                # after its place ("Le 3 mars 2022, la société a signé" is a sentence)
                shaped = head and tail and (head["place"] or tail.group().strip() not in (",", "."))
                found = bool(marked or shaped)
            else:
                found = bool(self.dateline_re.match(self.text, line_start, c.start))  # the line opens on "Publié le"
            if found:
                self._take_dateline(dt.date(c.year, c.month, c.day))
                return

    def _take_dateline(self, day: dt.date) -> None:
        """A page's own date line anchors the text when the metadata gave less."""
        if self.published is None or (self.precision != "day" and _within(day, self.published, self.precision)):
            self.published, self.precision = day, "day"

    def _marker(self, c: Candidate) -> int:
        """The direction a word before the date gives: "d'ici le 17" +1, "depuis le 2" -1."""
        return self.direction_before.get(before_word(self.text, c.start), 0)

    def _coarse(self, unit: str) -> bool:
        """Whether the publication date is known too coarsely for a unit ("hier" on "2020-09")."""
        needed = {"D": 0, "W": 0, "WE": 0, "M": 1, "Q": 1, "H": 1}.get(unit, 2)
        return _RANK[self.precision] > needed

    # -- one candidate ------------------------------------------------------

    def _one(self, c: Candidate, following: Candidate | None) -> Resolved | None:
        if c.literal is not None and c.rel_unit is None:
            return Resolved(c, c.literal, c.granularity, "absolute" if c.literal[:1].isdigit() else "none")
        if c.list_head:
            if following is None or following.month is None:
                return None
            c.month, c.year, c.direction = following.month, following.year, following.direction
        elif c.month is not None and c.year is None and following is not None and following.year is not None:
            self._share_year(c, following)
        if c.rel_days is not None:
            return self._relative_day(c)
        if c.day_shift is not None:
            return self._shift(c)
        if c.rel_unit is not None:
            return self._deictic(c)
        if c.type == "TIME" and c.weekday is None and c.month is None:
            return None  # clock times and parts of the day: attached in a later pass
        if c.month is not None or c.easter is not None:
            return self._calendar(c)
        if c.weekday is not None:
            return self._weekday(c)
        if c.year is not None:
            value = f"{c.year}-{c.suffix}" if c.suffix else str(c.year)
            return Resolved(c, value, c.granularity, "absolute")
        return None

    def _share_year(self, c: Candidate, end: Candidate) -> None:
        """The first end of "du 29 novembre au 1er décembre 2022" takes the year the range
        ends in (the year before when its month comes later: "du 28 décembre au 3 janvier 2023")."""
        assert c.month is not None and end.month is not None and end.year is not None
        opened = _RANGE_OPEN.search(self.text, max(0, c.start - 8), c.start) or _LIST_OPEN.match(self.text, c.start)
        if not opened or not _YEAR_SHARING_LINK.match(self.text, c.end, end.start):
            return
        c.year = end.year if (c.month, c.day or 1) <= (end.month, end.day or 1) else end.year - 1

    def _shift(self, c: Candidate) -> Resolved | None:
        """ "la veille", "le lendemain", "le jour même": from the day the paragraph is
        about, else from the publication day (a news story's own day)."""
        assert c.day_shift is not None
        anchor: Anchor
        if self.last_day is not None and self._paragraph(self.last_day_at) == self._paragraph(c.start):
            base, anchor = self.last_day, "narrative"
        elif self.published is not None and self.precision == "day":
            base, anchor = self.published, "published"
        else:
            return Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none")
        day = base + dt.timedelta(days=c.day_shift)
        return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, anchor, day)

    def _relative_day(self, c: Candidate) -> Resolved:
        if self.published is None or self._coarse("D"):
            return Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none")
        day = self.published + dt.timedelta(days=c.rel_days or 0)
        return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "published", day)

    def _deictic(self, c: Candidate) -> Resolved:
        base = self.published
        unit, n = c.rel_unit, c.rel_n
        anchor: Anchor = "published"
        story = self._story_date(unit or "Y") if c.story else None
        if story is not None:
            base, anchor = story, "narrative"  # "la semaine suivante": after the story's day
        elif base is None or self._coarse(unit or "Y"):
            base = None
        if base is None:
            masks = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}
            value = masks.get(unit or "Y", "XXXX")
            if c.suffix:
                value = f"XXXX-{c.suffix}"
            return Resolved(c, value, c.granularity, "none")
        if unit == "D":
            day = base + dt.timedelta(days=n)
            return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity if c.type == "TIME" else "day", anchor, day)
        if unit in ("W", "WE"):
            day = base + dt.timedelta(weeks=n)
            if unit == "WE" and n == 0 and base.isoweekday() < 5 and self.tense.of(c.start, c.end) < 0:
                day -= dt.timedelta(weeks=1)  # "ce week-end" told on a Tuesday, in the past
            value = _fmt_week(day) + ("-WE" if unit == "WE" else "")
            return Resolved(c, value, "week", anchor)
        if unit == "M":
            day = base + relativedelta(months=n)
            return Resolved(c, f"{day.year}-{day.month:02d}", "month", anchor)
        if unit == "Q":
            q = (base.month - 1) // 3 + 1 + n
            year = base.year + (q - 1) // 4
            return Resolved(c, f"{year}-Q{(q - 1) % 4 + 1}", "quarter", anchor)
        if unit == "H":
            h = (base.month - 1) // 6 + 1 + n
            year = base.year + (h - 1) // 2
            return Resolved(c, f"{year}-H{(h - 1) % 2 + 1}", "half", anchor)
        if unit == "DE":
            return Resolved(c, str(base.year // 10 + n)[:3], "decade", anchor)
        if unit == "CE":
            return Resolved(c, str(base.year // 100 + n), "century", anchor)
        year = base.year + n
        if c.use_tense and not c.direction:
            c.direction = self.tense.of(c.start, c.end)
        if c.suffix and c.suffix in ("SP", "SU", "FA", "WI") and c.direction:
            # "l'été dernier": the last summer before today, "l'hiver prochain": the next
            # a winter is the year of its December ("2022-WI" is December 2022 to March 2023)
            season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[c.suffix]
            year = base.year
            if c.direction < 0 and season_month >= base.month:
                year -= 1
            if c.direction > 0 and season_month <= base.month:
                year += 1
        value = f"{year}-{c.suffix}" if c.suffix else str(year)
        return Resolved(c, value, c.granularity, anchor)

    def _story_date(self, unit: str) -> dt.date | None:
        """The date the story is at for "l'année suivante", "cette année-là": the day last
        talked about, or a later month or year of the narrative when the unit is as coarse
        ("En 1998, ... L'année suivante": 1999)."""
        story = self.last_day
        if self.narrative is not None:
            day, end, level = self.narrative
            coarse_enough = level == 0 or (level == 1 and unit not in ("D", "W", "WE")) or (level == 2 and unit in ("Y", "DE", "CE"))
            if coarse_enough and (story is None or end > self.last_day_at):
                story = day
        return story

    def _calendar(self, c: Candidate) -> Resolved | None:
        month_level = c.day is None and c.easter is None
        gran = "month" if month_level else "day"
        if c.year is not None:
            days = _days_of(c, c.year)
            if not days:
                return None
            return Resolved(c, _calendar_value(days[0], month_level), gran, "absolute", days[0])
        marker = self._marker(c)
        chosen = None if c.direction or marker else self._from_narrative(c)
        anchor: Anchor = "narrative"
        if chosen is None and self.published is not None:
            anchor = "published"
            direction = c.direction or marker or self.tense.of(c.start, c.end, of_noun=True)
            cands = [d for y in (-1, 0, 1) for d in _days_of(c, self.published.year + y)]
            if c.weekday is not None:
                matching = [d for d in cands if d.isoweekday() == c.weekday]
                cands = matching or cands
            if self.precision == "year":
                # only the year is known: the date of that year
                chosen = next((d for d in cands if d.year == self.published.year), None)
            else:
                month_pick = month_level or self.precision == "month"
                chosen = _pick(cands, self.published, direction, month_level=month_pick, strict=bool(c.direction))
                if chosen is None:
                    chosen = _pick(cands, self.published, 0, month_level=month_pick)
        if chosen is None:
            if c.month is None:
                return Resolved(c, "XXXX-XX-XX", gran, "none")
            value = f"XXXX-{c.month:02d}" + (f"-{c.day:02d}" if c.day else "")
            return Resolved(c, value, gran, "none")
        return Resolved(c, _calendar_value(chosen, month_level), gran, anchor, None if month_level else chosen)

    def _from_narrative(self, c: Candidate) -> dt.date | None:
        """The date the story is at makes "le 23 janvier" the next 23 January after it, when
        the story is close in the text (same or previous paragraph) and far from the
        publication date (a story told around its publication reads like the news)."""
        if self.narrative is None:
            return None
        ref, end, level = self.narrative
        # a day or a month carries the story into the next paragraph, a year only within its own
        if self._paragraph(end) < self._paragraph(c.start) - (0 if level == 2 else 1):
            return None
        if self.published is not None:
            if level == 2 and ref.year >= self.published.year:
                return None  # a story is told of past years; "pourrait démarrer en 2024" is a prospect
            if level == 2 and (self.tense.of(c.start, c.end) > 0 or self.tense.present(c.start, c.end)):
                # "fondé en 2008 ... prévoit une antenne en septembre", "est prévue le 6 juin":
                # a year's story is told in the past; a present or a future is the news's
                return None
            if level < 2 and abs((ref - self.published).days) <= _NARRATIVE_MIN_DAYS:
                return None
        if level == 2:
            # "En 1998, ... en mars": that year's
            days = _days_of(c, ref.year)
            return days[0] if days and (c.weekday is None or days[0].isoweekday() == c.weekday) else None
        cands = [d for y in (-1, 0, 1) for d in _days_of(c, ref.year + y)]
        pick = _pick(cands, ref, +1, month_level=True)
        if pick is not None and (pick - ref).days <= 366 and (c.weekday is None or pick.isoweekday() == c.weekday):
            return pick
        return None

    def _weekday(self, c: Candidate) -> Resolved | None:
        assert c.weekday is not None
        if c.day is not None:
            return self._weekday_and_day(c)
        if c.same_day and self.last_day is not None:
            base = self.last_day
            day = base + dt.timedelta(days=c.weekday - base.isoweekday())
            return Resolved(c, _with_time(c, _fmt_day(day)), c.granularity, "narrative", day)
        if self.published is None or self._coarse("D"):
            return Resolved(c, _with_time(c, f"XXXX-WXX-{c.weekday}"), c.granularity, "none")
        base = self.published
        if c.deictic_week:
            day = base + dt.timedelta(days=c.weekday - base.isoweekday())
        elif c.weekday == base.isoweekday() and not (c.direction or self.tense.anterior(c.start, c.end)):
            # the publication day's own weekday is that day: "ont signé mardi" in
            # Tuesday's paper; "mardi dernier", "mardi prochain" or a plus-que-parfait
            # ("avait signé mardi") say otherwise
            day = base
        else:
            direction = c.direction or self._marker(c) or self.tense.of(c.start, c.end)
            if not direction:
                # a present tells what is coming ("le salon ouvre vendredi"); with no verb
                # to read, a weekday in the news is the one just past
                direction = 1 if self.tense.present(c.start, c.end) else -1
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
        if base is None or (anchor == "published" and self._coarse("M")):
            return Resolved(c, _with_time(c, f"XXXX-XX-{c.day:02d}"), c.granularity, "none")
        first = base.replace(day=1)
        cands = []
        for k in range(-6, 7):
            month = first + relativedelta(months=k)
            if valid_date(month.year, month.month, c.day) and dt.date(month.year, month.month, c.day).isoweekday() == c.weekday:
                cands.append(dt.date(month.year, month.month, c.day))
        direction = c.direction or self._marker(c) or self.tense.of(c.start, c.end)
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
        return f"{day_value}T{c.hour:02d}:{c.minute or 0:02d}{c.tz or ''}"
    return f"{day_value}T{c.part}"


def attach_times(
    cands: list[Candidate], resolved: list[Resolved], published: dt.date | None, bounds: Sequence[int], text: str
) -> list[Resolved]:
    """Give clock times and parts of the day their day: same sentence, story, or today.

    A time takes the anchor of a day named in its sentence ("hier vers 18 h" is
    anchored on the publication date); a day taken from an earlier sentence is the
    narrative's.
    """
    done = {id(r.cand) for r in resolved}
    # a month or a year named in the sentence gives no day to a time ("en décembre 2014")
    days = [(r.cand.start, r.day, r.anchor) for r in resolved if r.day is not None and r.granularity not in ("month", "year")]
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
        if i < len(days) and _OF_DAY.match(text, c.end, starts[i]):
            _, day, anchor = days[i]  # "dans la nuit de samedi à dimanche", "la matinée du 3 mai"
        elif i > 0 and bisect.bisect_right(bounds, starts[i - 1]) == sentence:
            _, day, anchor = days[i - 1]
        elif i < len(days) and bisect.bisect_right(bounds, starts[i]) == sentence and not c.same_day:
            _, day, anchor = days[i]
        elif i > 0:
            day = days[i - 1][1]
        elif published is not None:
            # "en soirée", "dans la matinée" with no day told before: the news's own day
            day, anchor = published, "published"
        if day is None:
            out.append(Resolved(c, _with_time(c, "XXXX-XX-XX"), c.granularity, "none"))
        else:
            out.append(Resolved(c, _with_time(c, day.isoformat()), c.granularity, anchor, day))
    return out


#: how many lines of the text's head a dateline or a page's date line may open
_DATELINE_LINES = 3
#: what opens a dateline's line before its date: nothing, a place and a comma ("Lyon, le"),
#: or a heading word and a dash ("Actualité –")
_DATELINE_HEAD = re.compile(r"\s*(?P<place>[A-ZÀ-Ý][\w'’ .-]{0,40}(?:,|\s[–—-]))?\s*(?:le\s+)?$")
#: what follows the date of a dateline: a dash, a colon, a comma, a full stop, the line's end
_DATELINE_TAIL = re.compile(r"[ \t]*(?:[–—:,.-]|\n|$)")


def _nth_line_end(text: str, n: int) -> int:
    """The offset where the ``n``-th non-empty line of ``text`` ends."""
    for seen, m in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text), start=1):
        if seen == n:
            return m.end()
    return len(text)


#: what joins a part of the day to the day it is of: "la nuit de", "la soirée d'", "la matinée du"
_OF_DAY = re.compile(r"\s*(?:de\s+(?:ce\s+|cet\s+)?|du\s+|d')\s*$", re.I)
_RANGE_LINK = re.compile(r"^\s*(?:au|à|a|et|-|–|/)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:\b(?:du|de|d'|entre|les)\s*|\()$", re.I)
#: a list of days whose first carries the article: "les 30 novembre et 1er décembre"
_LIST_OPEN = re.compile(r"les\s", re.I)
#: what lies between the ends of a range or a list that share the year of the last one
_YEAR_SHARING_LINK = re.compile(r"\s*(?:au|à|a|et|-|–|/)(?:\s+(?:le|l'))?\s*$", re.I)


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
        opened = (
            _RANGE_OPEN.search(text[max(0, first.cand.start - 8): first.cand.start])
            or first.cand.list_head
            or _LIST_OPEN.match(text, first.cand.start)
        )
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
