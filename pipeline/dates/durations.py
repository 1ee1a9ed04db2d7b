"""Lengths of time and how often: "trois ans", "il y a deux mois", "chaque semaine".

Durations are TIMEX3 values ("P3Y", "PT2H", "PXM"); "il y a trois ans" and "dans deux
mois" are dates that many units away from the publication date; sets are frequencies
("XXXX-WXX-1" for "tous les lundis", "P1W" for "chaque semaine").
"""

from __future__ import annotations

import re

from pipeline.dates.candidate import Candidate, Handler
from pipeline.dates.context import after_word, before_word, sentence_start, tail_word
from pipeline.dates.words import Words
from pipeline.records import DateMod

#: "une peine de", "un chauffeur de bus de": a noun phrase ending in "de" (its head noun)
_NOUN_PHRASE_DE = re.compile(r"(?:^|[\s(])(?:(?:un|une|le|la|cette|ce|du|la\s+petite|le\s+jeune)\s+|l')([\w'-]+)(?:\s+[\w'-]+){0,3}\s+de\s*$")
_LONG_NOUN_PHRASE_DE = re.compile(r"(?:^|[\s(])(?:(?:un|une|le|la|cette|ce|du)\s+|l')([\w'-]+)(?:\s+[\w'-]+){0,5}\s+de\s*$")


class DurationRules(Words):
    """The handlers of the patterns of durations, relative shifts and sets."""

    def handlers(self) -> dict[str, Handler]:
        """The handler of each pattern, by pattern name."""
        return {
            "weekday_span": self._weekday_span,
            "ago": self._ago,
            "in": self._in,
            "duration": self._duration,
            "half_duration": self._half_duration,
            "approx_duration": self._approx_duration,
            "spelled_duration": self._spelled_duration,
            "ordinal_unit": self._ordinal_unit,
            "vague_duration": self._vague_duration,
            "recent_duration": self._recent_duration,
            "unit_noun": self._unit_noun,
            "set_every": self._set_every,
            "set_ordinal_weekday": self._set_ordinal_weekday,
            "over_unit": self._over_unit,
            "set_per": self._set_per,
            "set_adjective": self._set_adjective,
        }

    def _weekday_span(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "du lundi au vendredi" without day numbers: every week, not one week."""
        wd1, wd2 = self.weekday_of(m["wd1"]), self.weekday_of(m["wd2"])
        return Candidate(m.start("wd1"), m.end(), "SET", literal=f"XXXX-WXX-{wd1}/XXXX-WXX-{wd2}", granularity="set")

    def _qmod(self, m: re.Match[str]) -> DateMod | None:
        """The TIMEX3 mod of the quantity word of a match ("plus de": MORE_THAN)."""
        return self.lex.quantity_mods.get(m["qmod"].strip().lower()) if m["qmod"] else None

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
        return self._age_at(text, m.start())

    def _age_at(self, text: str, pos: int) -> bool:
        """Whether the number of years that starts at ``pos`` is someone's age."""
        head = text[max(0, pos - 60): pos].lower()
        if any(head.rstrip().endswith(w) for w in self.lex.age_words_before):
            return True
        before = before_word(text, pos)
        if before in self.lex.age_verbs and not re.search(r"\by\s+a\s*$", head):
            return True  # "il avait 19 ans", but not "il y a 19 ans"
        shared = re.search(r"(\d+|[a-zéèêû-]+)\s+(?:et|ou|à)\s*$", head)
        if before in ("et", "ou", "à") and shared and self.number(shared.group(1)) is not None:
            # "de 3 et 5 ans", "84 ou 86 ans": the first number says what both are
            return self._age_at(text, pos - len(head) + shared.start())
        if before in ("à", "a") and not re.search(r"\bici\s+(?:à|a)\s*$", head):
            return True  # "à 18 ans", but not "d'ici à dix ans"
        if before in ("les", "ses", "leurs", "aux", "nos", "mes"):
            return True  # "fête ses 100 ans", "les 30 ans du club"
        if before == "de":
            # "un chauffeur de bus de 38 ans", "une Alsacienne de 6 ans": the age of a
            # someone; "une peine de 10 ans", "au terme de trois ans": a length of time
            np = _NOUN_PHRASE_DE.search(head)
            if np and np.group(1) not in self.lex.duration_nouns:
                return True
            person = _LONG_NOUN_PHRASE_DE.search(head)
            if person and person.group(1) in self.lex.age_nouns:
                return True  # "un père de famille d'origine chinoise de 49 ans"
            noun = before_word(text, pos - len(tail_word(text, pos)) - 1)
            if noun in self.lex.age_nouns or noun.rstrip("s") in self.lex.age_nouns:
                return True  # "une fillette de 6 ans", "deux enfants de 3 ans"
        # "Bernard, 45 ans, ...": an apposition
        return bool(re.search(r",\s*$", text[max(0, pos - 5): pos]) and re.match(r"\s*\S+\s+ans?\s*[,)]", text[pos: pos + 30]))

    def _duration(self, m: re.Match[str], text: str) -> Candidate | None:
        unit = m["unit"]
        if unit[0].isupper() and not sentence_start(text, m.start()):
            return None  # "les 24 Heures du Mans": a name
        n = self.number(m["n"])
        if not n:
            return None
        if unit.lower() in ("s", "min") and (not m["n"][0].isdigit() or text[m.end(): m.end() + 1] in ("'", "’")):
            return None  # "deux s", "2023 s'est": not seconds
        if m["n"].lower() == "une" and unit.lower() == "seconde" and not m["qmod"]:
            follower = after_word(text, m.end())
            if follower and follower[0].isalpha() and follower not in self.lex.function_words:
                return None  # "une seconde victoire": the ordinal, not a second of time
        if m["n"].lower() in ("un", "une") and unit.lower() in ("jour", "an", "année", "nuit", "journée") and not m["qmod"] and not m["half"] and not m["frac"]:
            before = before_word(text, m.start())
            after = after_word(text, m.end())
            if before not in ("pendant", "durant", "depuis", "pour", "en", "sur", "dans", "après", "de", "d'", "ici", "d'ici") and after not in (
                "avant", "après", "plus", "auparavant"
            ) and not (unit.lower() == "an" and (after == "de" or after.startswith("d'"))):
                # "un jour", "une année exceptionnelle"; but "d'ici un an", "un jour avant" and
                # "un an d'accompagnement" (a year's worth of something: "an" is never a name)
                return None
        if self._is_age(m, text, unit):
            return None
        if unit.lower().startswith("heure") and re.search(r"\d\s?h\s?$", text[max(0, m.start() - 5): m.start()]):
            return None  # "20 h 15 heure locale": the minutes of a clock time
        if m["frac"]:
            n *= self.lex.fractions[m["frac"].lower()]
        if m["half"]:
            n += 0.5 if m["half"].lower().startswith("demi") else 0.25
        value = self._duration_value(n, unit)
        if value is None:
            return None
        qmod = self._qmod(m)
        start = m.start() if qmod else m.start("n")
        return Candidate(start, m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _half_duration(self, m: re.Match[str], text: str) -> Candidate | None:
        value = self._duration_value(0.5, m["unit"])
        if value is None:
            return None
        qmod = self._qmod(m)
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _approx_duration(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "une vingtaine d'années": about twenty years (P20Y, APPROX)."""
        value = self._duration_value(float(self.lex.approximate_nouns[m["noun"].lower()]), m["unit"])
        if value is None or m["unit"].lower() in ("s", "min"):
            return None
        qmod = self._qmod(m) if m["qmod"] else "APPROX"
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _spelled_duration(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "1 heure 56 minutes et 2 secondes": a race time in words is one length of time."""
        if not (m["h"] or m["s"]):
            return None  # "56 minutes" alone is a plain duration
        parts = [(self.number(m[g]) if m[g] else 0.0, code) for g, code in (("h", "H"), ("m", "M"), ("s", "S"))]
        if any(n is None for n, _ in parts):
            return None
        value = "PT" + "".join(f"{int(n)}{code}" for n, code in parts if n)
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity="second" if m["s"] else "minute")

    def _ordinal_unit(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "la troisième semaine", "le deuxième jour": one unit of a count (P1W, P1D).

        Not "la cinquième journée": in sports news that is a round of a championship."""
        unit = m["unit"].lower()
        value = "P1Y" if unit == "saison" else self._duration_value(1.0, unit)
        if value is None:
            return None
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value))

    def _vague_duration(self, m: re.Match[str], text: str) -> Candidate | None:
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
        qmod = self._qmod(m)
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value), mod=qmod)

    def _recent_duration(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "ces derniers jours" (PXD), "des trois dernières années" (P3Y), "les semaines
        à venir" (PXW)."""
        n = self.number(m["n"]) if m["n"] else None
        start = m.start()
        unit = m["unit"] or m["unit2"]
        if m.group(0)[:3].lower() in ("les", "des"):
            coming = m["coming"] or re.search(r"\bprochaine?s\b", m.group(0), re.I)
            if n is None and not coming:
                return None  # "les derniers jours de sa vie": not a length of time
            if n is None:
                return self._vague(unit, start, m.end())  # "dans les prochaines semaines": the weeks to come (PXW)
            start = m.start("n")
        value = self._duration_value(n, unit)
        if value is None:
            return None
        return Candidate(start, m.end(), "DURATION", literal=value, granularity=_unit_granularity(value))

    def _vague(self, unit: str, start: int, end: int) -> Candidate | None:
        """A length of time in ``unit`` whose count is not said (PXW)."""
        value = self._duration_value(None, unit)
        if value is None:
            return None
        return Candidate(start, end, "DURATION", literal=value, granularity=_unit_granularity(value))

    def _unit_noun(self, m: re.Match[str], text: str) -> Candidate | None:
        value = self.lex.unit_nouns[m["w"].lower()]
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity="year")

    def _relative_shift(self, m: re.Match[str], sign: int) -> Candidate | None:
        n = self.number(m["n"])
        code, size, is_time = self.lex.units[m["unit"].lower()]
        if n is None or n != int(n) or is_time or code == "WE":
            return None
        cand = Candidate(m.start(), m.end(), "DATE", rel_unit=code, rel_n=sign * int(n) * size)
        cand.granularity = {"D": "day", "W": "week", "M": "month", "Y": "year"}[code]
        return cand

    def _ago(self, m: re.Match[str], text: str) -> Candidate | None:
        return self._relative_shift(m, -1)

    def _in(self, m: re.Match[str], text: str) -> Candidate | None:
        return self._relative_shift(m, +1)

    def _set_every(self, m: re.Match[str], text: str) -> Candidate | None:
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
        return Candidate(m.start(), m.end(), "SET", literal=literal, granularity="set")

    def _set_ordinal_weekday(self, m: re.Match[str], text: str) -> Candidate | None:
        return Candidate(m.start(), m.end(), "SET", literal=f"XXXX-WXX-{self.weekday_of(m['wd'])}", granularity="set")

    def _over_unit(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "sur l'année", "sur la semaine": one unit of time (P1Y, P1W); "sur l'année 2023"
        and "sur l'année dernière" are longer dates and win."""
        value = self._duration_value(1.0, m["unit"])
        if value is None:
            return None
        return Candidate(m.start(), m.end(), "DURATION", literal=value, granularity=_unit_granularity(value))

    def _set_per(self, m: re.Match[str], text: str) -> Candidate | None:
        if not re.search(r"(?:\d|fois|€|euros?|dollars?|francs?|km|kilomètres?|\w+s)\s+par\s+$", text[max(0, m.start() - 40): m.start()], re.I):
            return None
        value = self._duration_value(1.0, m["unit"])
        return None if value is None else Candidate(m.start(), m.end(), "SET", literal=value, granularity="set")

    def _set_adjective(self, m: re.Match[str], text: str) -> Candidate | None:
        before = before_word(text, m.start())
        if before in self.lex.determiners or before in self.lex.set_adjective_blockers or not before:
            return None  # "le quotidien local", "la presse quotidienne": newspapers
        return Candidate(m.start(), m.end(), "SET", literal=self.lex.set_adjectives[m["w"].lower()], granularity="set")


def _unit_granularity(value: str) -> str:
    code = value[-1]
    if value.startswith("PT"):
        return {"H": "hour", "M": "minute", "S": "second"}.get(code, "duration")
    return {"Y": "year", "M": "month", "W": "week", "D": "day"}.get(code, "duration")
