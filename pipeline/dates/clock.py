"""Times of day in running text: "18 h 30", "à 10:45", "midi", "ce soir", race times.

A clock time takes its day later, from the dates around it
(:func:`pipeline.dates.resolution.attach_times`).
"""

from __future__ import annotations

import re

from pipeline.dates.candidate import Candidate, Handler
from pipeline.dates.context import before_word, sentence_start
from pipeline.dates.words import Words
from pipeline.records import DateMod


class ClockRules(Words):
    """The handlers of the patterns of times of day."""

    def handlers(self) -> dict[str, Handler]:
        """The handler of each pattern, by pattern name."""
        return {
            "deictic_part": self._deictic_part,
            "same_day_part": self._same_day_part,
            "race_time": self._race_time,
            "clock": self._clock,
            "clock_words": self._clock_words,
            "clock_colon": self._clock_colon,
            "noon": self._noon,
        }

    def _deictic_part(self, m: re.Match[str], text: str) -> Candidate | None:
        # "cette soirée", "cette matinée" usually name an event ("la soirée sera animée
        # par..."), not a time: only "ce soir", "ce matin", "cette nuit" are deictic
        part = (m["part"] or m["part2"]).lower()
        cand = Candidate(m.start(), m.end(), "TIME")
        self.set_part(cand, part)
        if m["la"] or m["la2"]:
            cand.same_day = True  # "ce soir-là": the evening of the story
        else:
            cand.rel_days = 0
        return cand

    def _same_day_part(self, m: re.Match[str], text: str) -> Candidate | None:
        i = next(i for i in ("", "2", "3", "4", "5", "6") if m["span" + i])
        cand = Candidate(m.start("span" + i), m.end("span" + i), "TIME", same_day=True)
        self.set_part(cand, m["part" + i])
        if i == "5":
            cand.mod = "START"  # "aux premières heures de la matinée"
        elif i == "4" and m["mod4"]:
            cand.mod = self.part_mod(m["mod4"])  # "en début de nuit"
        return cand

    def _time_mod(self, text: str, start: int) -> DateMod | None:
        head = text[max(0, start - 25): start].lower()
        for word, mod in self.lex.time_mods.items():
            if head.rstrip().endswith(word):
                return mod
        return None

    def _clock(self, m: re.Match[str], text: str) -> Candidate | None:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour == 24 and minute:
            return None
        before = before_word(text, m.start())
        if before in ("pendant", "durant", "en") or re.search(r"(?:plus|moins|près)\s+de\s*$", text[max(0, m.start() - 20): m.start()], re.I):
            value = f"PT{hour}H{minute}M" if minute else f"PT{hour}H"
            return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity="minute")
        if before in self.lex.number_blockers_before - {"au", "a"}:
            return None
        cand = Candidate(m.start(), m.end(), "TIME", hour=hour % 24, minute=minute, granularity="minute", mod=self._time_mod(text, m.start()))
        if m["tz"]:
            cand.tz = "Z"  # "16 h 20 UTC"
        return cand

    def _race_time(self, m: re.Match[str], text: str) -> Candidate | None:
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
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity="second" if seconds else "minute")

    def _clock_words(self, m: re.Match[str], text: str) -> Candidate | None:
        before = before_word(text, m.start()).split("'")[-1] or before_word(text, m.start())
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
        return Candidate(m.start(), m.end(), "TIME", hour=hour % 24, minute=minute, granularity="minute", mod=self._time_mod(text, m.start()))

    def _clock_colon(self, m: re.Match[str], text: str) -> Candidate | None:
        before = before_word(text, m.start()).split("'")[-1]
        if before not in ("à", "vers", "dès", "jusqu'à", "avant", "après", "de", "et", "entre", "partir") and not m["tz"]:
            return None  # "2:1" may be a score or a ratio; "20:00 GMT" is a time
        cand = Candidate(m.start(), m.end(), "TIME", hour=int(m["h"]), minute=int(m["m"]), granularity="minute", mod=self._time_mod(text, m.start()))
        cand.tz = "Z" if m["tz"] else None
        return cand

    def _noon(self, m: re.Match[str], text: str) -> Candidate | None:
        word = m["w"]
        if word[0].isupper() and not sentence_start(text, m.start()):
            return None  # "le Midi", "Midi Libre"
        if re.match(r"\s*-", text[m.end(): m.end() + 30]):
            return None
        hour = 12 if word.lower() == "midi" else 0
        return Candidate(m.start(), m.end(), "TIME", hour=hour, minute=0, granularity="minute", mod=self._time_mod(text, m.start()))
