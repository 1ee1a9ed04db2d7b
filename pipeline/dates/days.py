"""Calendar dates in running text: days, months, years, seasons, "hier", "jeudi".

Each handler reads one match of its pattern (:mod:`~pipeline.dates.patterns`) and says
what it means, or rejects it ("La Poste 2020", "place du 8 Mai 1945", "a été").
"""

from __future__ import annotations

import re

from pipeline.dates.candidate import Candidate, Handler
from pipeline.dates.context import after_word, before_word, sentence_start, street_before, tail_word
from pipeline.dates.patterns import YEAR4
from pipeline.dates.words import Words, valid_date

#: the day a word counts from the day last talked about (absent: the same day)
_SHIFTS = {"surlendemain": 2, "lendemain": 1, "avant-veille": -2, "veille": -1}
#: a plural verb after a number makes it a count: a year is singular ("2015 a été")
_PLURAL_VERBS = frozenset({"ont", "sont", "avaient", "étaient", "seront", "auront", "furent", "eurent"})
#: the unit after the second number of "de 1500 à 2000 euros"
#: a list of days going on after one of them: "et 1er décembre", ", 2 et 3 mars"
_LIST_GOES_ON = re.compile(
    r"\s*(?:,|et|ou|au|à|-|–)\s*(?:le\s+)?(?:(?:lun|mar|mercre|jeu|vendre|same)di\s+|dimanche\s+)?(?:\d{1,2}|1er)\b", re.I)
_RANGE_UNIT = re.compile(r"\s*(?:à|a|et|ou|-)\s*\d+(?:\s\d{3})*\s*([^\s\d]\S*)")


def _counts(after: str, function_words: frozenset[str]) -> bool:
    """Whether a lower-case noun follows a number ("2150 dossiers"): it counts something."""
    # an elided word ("s'est", "n'a") starts a clause, it is not what is counted
    return bool(after) and after[0].isalpha() and after not in function_words and "'" not in after


class DayRules(Words):
    """The handlers of the patterns of calendar dates."""

    def handlers(self) -> dict[str, Handler]:
        """The handler of each pattern, by pattern name."""
        return {
            "numeric": self._numeric,
            "iso": self._iso,
            "day_month": self._day_month,
            "list_head": self._list_head,
            "month": self._month,
            "year": self._year,
            "century": self._century,
            "old_year": self._old_year,
            "decade": self._decade,
            "quarter": self._quarter,
            "season": self._season,
            "months_of_season": self._season,
            "deictic": self._deictic,
            "rel_day": self._rel_day,
            "shift_day": self._shift_day,
            "holiday": self._holiday,
            "short_year": self._short_year,
            "weekday": self._weekday,
        }

    def _numeric(self, m: re.Match[str], text: str) -> Candidate | None:
        day, month = int(m["d"]), int(m["m"])
        year = self.year_value(m["y"])
        if m["sep"] == "." and len(m["y"]) == 2:
            return None  # "01.23.45": more likely a phone or a version number
        if not valid_date(year, month, day):
            return None
        return Candidate(m.start(), m.end(), "DATE", year=year, month=month, day=day)

    def _iso(self, m: re.Match[str], text: str) -> Candidate | None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if not valid_date(year, month, day):
            return None
        return Candidate(m.start(), m.end(), "DATE", year=year, month=month, day=day)

    def _day_month(self, m: re.Match[str], text: str) -> Candidate | None:
        day = self.day_number(m["day"])
        month = self.month_of(m["month"])
        year = self.year_value(m["year"]) if m["year"] else None
        if not valid_date(year or 2000, month, day):
            return None
        if street_before(text, m.start()):
            return None  # "place du 8 Mai 1945": a street name
        start = m.start()
        det = (m["det"] or "").lower()
        if det == "les" and not _LIST_GOES_ON.match(text, m.end()):
            # "les 14 juillet": every year's. "les 30 novembre et 1er décembre 2019" is the
            # first of a list of days (with its article, as a list head "les 3, 4 et 5 mai")
            return None
        wd = self.weekday_of(m["wd"]) if m["wd"] else None
        return Candidate(start, m.end(), "DATE", year=year, month=month, day=day, weekday=wd, direction=self.direction_of(m["rel"]))

    def _list_head(self, m: re.Match[str], text: str) -> Candidate | None:
        day = self.day_number(m["day"])
        wd = self.weekday_of(m["wd"]) if m["wd"] else None
        return Candidate(m.start(), m.end(), "DATE", day=day, weekday=wd, list_head=True)

    def _month(self, m: re.Match[str], text: str) -> Candidate | None:
        word = m["month"]
        month = self.month_of(word)
        year = self.year_value(m["year"]) if m["year"] else None
        mod = self.part_mod(m["mod"])
        bare = not (m["year"] or m["mod"] or m["mde"] or m["rel"])
        day_before = re.search(r"\d{1,2}(?:er)?\s+$", text[max(0, m.start() - 6): m.start()])
        if day_before and street_before(text, m.start() - len(day_before.group(0))):
            return None  # "place du 8 Mai 1945"
        if bare:
            before = before_word(text, m.start())
            if word[0].isupper() and not sentence_start(text, m.start()):
                return None  # "Mars", "Août" inside a name
            if word.lower() in self.lex.ambiguous_months and before not in self.lex.year_triggers_strong | self.lex.year_triggers_weak:
                return None
            if word.endswith(".") or word.lower() in self.lex.month_abbreviations:
                return None  # an abbreviation alone is too ambiguous ("oct.", "déc")
        gran = "month"
        return Candidate(m.start(), m.end(), "DATE", year=year, month=month, mod=mod, granularity=gran, direction=self.direction_of(m["rel"]))

    def _year(self, m: re.Match[str], text: str) -> Candidate | None:
        year = int(m["year"])
        start = m.start("year")
        explicit = bool(m["mod"] or m["pre"])
        before = before_word(text, start)
        if before.count("'") == 1 and before not in self.lex.year_triggers_strong | self.lex.year_triggers_weak:
            # "qu'avant 1970", "l'édition 2022": the word after the elided article counts
            before = before.split("'")[-1]
        after = after_word(text, m.end())
        lex = self.lex
        if after in lex.year_blockers_after or before in lex.number_blockers_before:
            return None
        if re.search(r"\d[\s.]$", text[max(0, start - 2): start]) or re.match(r"\s\d{3}\b", text[m.end(): m.end() + 30]):
            return None  # "1 2000 000", "2 000 000": a number with grouped thousands
        if year > 2099 and not (explicit or (before in lex.year_triggers_strong and not _counts(after, lex.function_words))):
            return None  # "2150 dossiers", "en 2500 exemplaires": past 2099, a year only after "en", "d'ici"
        raw_before = tail_word(text, start)
        explicit = explicit or self._edition_year(text, start, after)
        if not explicit and raw_before[:1].isupper() and not sentence_start(text, text.rfind(raw_before, 0, start)):
            return None  # "La Poste 2020", "Horizon 2020", "Paris 2024": a name
        if not explicit:
            if text[start - 1: start] in ("/", "-", "–") and re.search(rf"{YEAR4}[/–-]$", text[max(0, start - 5): start]):
                pass  # second year of "2002/2003"
            elif re.match(rf"\s*[/–-]\s*(?:{YEAR4}|\d{{2}})(?!\d)", text[m.end(): m.end() + 30]):
                pass  # first year of "1999-2000"
            elif before in lex.year_triggers_strong:
                pass
            elif before in lex.year_triggers_weak:
                if after and after not in lex.function_words and after[0].isalpha() and after[0].islower():
                    return None  # "de 2000 personnes"
                if after in _PLURAL_VERBS:
                    return None  # "et 1370 ont perdu la vie": a count of people, not a year
                unit = _RANGE_UNIT.match(text, m.end(), m.end() + 30)
                if unit and unit.group(1).lower().strip(".,;") in lex.year_blockers_after:
                    return None  # "de 1500 à 2000 euros"
            elif (before == "(" and text[m.end(): m.end() + 1] == ")") or (sentence_start(text, start) and re.match(r"\s*[,:]", text[m.end(): m.end() + 30])):
                pass
            elif not self._names_its_year(text, start, before, after):
                return None
        mod = self.part_mod(m["mod"])
        return Candidate(m.start(), m.end(), "DATE", year=year, granularity="year", mod=mod)

    def _names_its_year(self, text: str, start: int, before: str, after: str) -> bool:
        """ "le circuit 2016", "ces séries mondiales 2016,": a common noun (and maybe its
        adjective) after an article, then the year and no noun after it (not "la
        commune compte 2014 habitants")."""
        lex = self.lex
        if not before.isalpha() or not before.islower() or before in lex.function_words or before in lex.number_blockers_before:
            return False
        if after and (after in lex.year_blockers_after or (after not in lex.function_words and after[0].isalpha())):
            return False
        pos = start
        for _ in range(2):
            word = before_word(text, pos)
            pos = text.rfind(word, max(0, pos - 40), pos) if word else -1
            article = before_word(text, pos) if pos > 0 else ""
            if article in lex.determiners or (article.endswith("'") and article[:-1] in ("l", "d")):
                return True
            if not article.isalpha() or not article.islower():
                return False
        return False

    def _edition_year(self, text: str, start: int, after: str) -> bool:
        """ "l'Euro 2016", "Tour de France 2016", "championne 2005", "la CAN 2017": the year
        of an edition of a named event (its head or acronym a few words before), of a
        title, or of a headline ("... 2016 : ...")."""
        word_after = re.match(r"\s*(\w)", text[start + 4: start + 10])
        if _counts(after, self.lex.function_words) and not (word_after and word_after.group(1).isupper()):
            return False  # "2014 habitants"; not "la Copa America 2016 Centennial", a name going on
        head = text[max(0, start - 45): start]
        head = re.split(r"[.!?;:()«»\n]", head)[-1]
        words = re.findall(r"[\w-]+", head)[-7:]
        if words and re.fullmatch(r"[A-Z]{2,6}", words[-1]) and not re.match(r"\s*\d", text[start + 4: start + 8]):
            return True  # "la CAN 2017", "les WTS 2016": an event's acronym and its year
        # "Élections américaines 2016 : ouverture des bureaux": a headline's year before its colon
        title = bool(re.match(r"[ \u00a0\u202f]:\s", text[start + 4: start + 7]))
        return title or any(w in self.lex.event_heads or w.lower() in self.lex.event_titles for w in words)

    def _century(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "le XXe siècle" is "19" in TimeML (the hundreds of its years)."""
        values = {"I": 1, "V": 5, "X": 10}
        roman = m["rom"]
        n = 0
        for i, ch in enumerate(roman):
            v = values[ch]
            n += -v if i + 1 < len(roman) and values[roman[i + 1]] > v else v
        if not 1 <= n <= 21:
            return None
        return Candidate(m.start(), m.end(), "DATE", literal=f"{n - 1:02d}", granularity="century")

    def _old_year(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "l'an 1000", "l'an 800": an explicit year before 1100."""
        return Candidate(m.start(), m.end(), "DATE", year=int(m["year"]), granularity="year")

    def _decade(self, m: re.Match[str], text: str) -> Candidate | None:
        dec = m["dec"]
        if len(dec) == 2:
            dec = ("19" if int(dec) >= 20 else "20") + dec
        return Candidate(m.start(), m.end(), "DATE", literal=dec[:3], granularity="decade")

    def _quarter(self, m: re.Match[str], text: str) -> Candidate | None:
        n = self.lex.ordinals[m["ord"].lower()]
        size = 4 if m["unit"].lower() == "trimestre" else 2
        if n == -1:
            n = size
        if not 1 <= n <= size:
            return None
        suffix = f"Q{n}" if size == 4 else f"H{n}"
        year = int(m["year"]) if m["year"] else None
        cand = Candidate(m.start(), m.end(), "DATE", year=year, suffix=suffix, granularity="quarter" if size == 4 else "half")
        if year is None:
            cand.rel_unit, cand.rel_n = "Y", 0
        return cand

    def _season(self, m: re.Match[str], text: str) -> Candidate | None:
        word = m["season"]
        code = self.lex.seasons[word.lower()]
        det = (m.groupdict().get("det") or "").lower()
        year = int(m["year"]) if m.groupdict().get("year") else None
        rel = m.groupdict().get("rel")
        mod = self.part_mod(m.groupdict().get("mod"))
        of_season = m.group(0).lower().startswith("les")
        if word.lower() in ("été", "eté") and not (det or year or rel or mod or of_season):
            before = before_word(text, m.start())
            if not (word[0].isupper() or before in self.lex.season_context_before):
                return None  # "a été": the past participle
        before = before_word(text, m.start())
        if before == "d'" and not of_season:
            return None  # "Jeux olympiques d'hiver": an adjective, not a time
        cand = Candidate(m.start(), m.end(), "DATE", year=year, suffix=code, granularity="season", mod=mod)
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

    def _deictic(self, m: re.Match[str], text: str) -> Candidate | None:
        # "au début du mois": "du" is "de le"; "en fin d'année": of this year
        det = (m["det"] or ("ce" if m["mod3"] else "le")).lower().replace("au", "le")
        unit = m["unit"].lower()
        rel = m["rel"]
        mod = self.part_mod(m["mod"] or m["mod2"] or m["mod3"])
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
        # "la semaine suivante", "l'année précédente": from the story's day, not today's
        # "cette année-là": the year the story is at
        story = bool(rel and rel.lower().startswith(("suivant", "précédent"))) or bool(m["la"])
        start = m.start("unit") if (m["det"] or "").lower() == "au" else m.start()  # "au week-end dernier"
        return Candidate(start, m.end(), "DATE", rel_unit=code, rel_n=n, granularity=grans[code], mod=mod, story=story)

    def _rel_day(self, m: re.Match[str], text: str) -> Candidate | None:
        word = m["rd"].lower()
        offset = self.lex.relative_days[word]
        if word == "aujourd'hui":
            before = before_word(text, m.start())
            if before in ("d'", "jusqu'à", "jusqu'"):
                return Candidate(m.start(), m.end(), "TIME", literal="PRESENT_REF", granularity="present")
            if sentence_start(text, m.start()) and text[m.end(): m.end() + 1] == "," and not m["part"] and not m["h"]:
                # "Aujourd'hui, la ville a changé": nowadays, set against the past
                return Candidate(m.start(), m.end(), "TIME", literal="PRESENT_REF", granularity="present")
            after = after_word(text, m.end())
            if before in self.lex.state_verbs and after not in self.lex.place_prepositions and not (m["part"] or m["h"]):
                # "elle est aujourd'hui la doyenne", "se présente aujourd'hui comme": what
                # is true nowadays, not what happens today ("il est aujourd'hui à Lyon")
                return Candidate(m.start(), m.end(), "TIME", literal="PRESENT_REF", granularity="present")
        cand = Candidate(m.start(), m.end(), "DATE", rel_days=offset)
        if m["h"]:
            cand.type, cand.hour, cand.minute, cand.granularity = "TIME", int(m["h"]), int(m["m"] or 0), "minute"
        elif m["part"]:
            self.set_part(cand, m["part"])
        return cand

    def _shift_day(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "la veille", "le lendemain matin", "le jour même", "la nuit précédente"."""
        t = m["w"].lower()
        if m["sunit"]:
            shift = 1 if m["rel"].lower().startswith("suiv") else -1
            part = None if m["sunit"].lower() == "jour" else m["sunit"]
        else:
            shift = next((v for k, v in _SHIFTS.items() if k in t), 0)
            part = None
        cand = Candidate(m.start(), m.end(), "DATE", day_shift=shift)
        part = m["part"] or part
        if part:
            self.set_part(cand, part)
        return cand

    def _weekday(self, m: re.Match[str], text: str) -> Candidate | None:
        wd = self.weekday_of(m["wd"])
        det = (m["det"] or "").lower()
        if m["wd"][0].isupper() and not sentence_start(text, m.start((m["det"] and "det") or "wd")) and not det:
            before = before_word(text, m.start())
            if before and before[0].isupper():
                return None  # "Robinson Vendredi", "Ouest-France Dimanche": a name
        dnum = m["dnum"]
        if det == "le" and not m["rel"] and not m["part"] and not dnum:
            return Candidate(m.start(), m.end(), "SET", literal=f"XXXX-WXX-{wd}", granularity="week")
        if det == "le" and not dnum:
            return None
        day = self.day_number(dnum) if dnum else None
        # "vendredi 13": the Friday the 13th nearest in the direction of the verb
        cand = Candidate(m.start(), m.end(), "DATE", weekday=wd, day=day, direction=self.direction_of(m["rel"]))
        if det in ("ce", "cet"):
            if m["meme"]:
                cand.same_day = True
            else:
                cand.deictic_week = True
        if m["part"]:
            self.set_part(cand, m["part"])
        if m["first"]:
            cand.mod = "START"  # "les premières heures de vendredi"
        return cand

    def _holiday(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "la Toussaint", "à Noël", "Pâques 2016": a feast's day, read like "le 1er novembre"."""
        if not m["det"] and not m["year"] and before_word(text, m.start()) not in self.lex.holiday_context_before:
            return None  # "le marché de Noël", "Noël Mamère": a name, not a day
        name = m["name"]
        if name.lower() in self.lex.cased_holidays and not name[0].isupper():
            return None  # "l'ascension du col": a climb
        kind, a, b = self.lex.holidays[name.lower()]
        year = int(m["year"]) if m["year"] else None
        cand = Candidate(m.start(), m.end(), "DATE", year=year, direction=self.direction_of(m["rel"]))
        if kind == "easter":
            cand.easter = a
        else:
            cand.month, cand.day = a, b
        return cand

    def _short_year(self, m: re.Match[str], text: str) -> Candidate | None:
        """ "en 95", "la saison 98": a two-digit year after a word that calls for a year."""
        after = after_word(text, m.end())
        if after and after not in self.lex.function_words and after[0].isalpha():
            return None  # "en 48 heures", "depuis 20 ans": a count of something
        if re.search(r"\d\s+(?:à|a|de)?\s*$", text[max(0, m.start() - 12): m.start()]):
            return None  # "passer de 10 en 20"
        if m["pre"].lower() == "en" and re.match(r"\s*[-/]\s*\d", text[m.end(): m.end() + 5]):
            return None
        return Candidate(m.start("year"), m.end(), "DATE", year=self.two_digit_year(m["year"]), granularity="year")
