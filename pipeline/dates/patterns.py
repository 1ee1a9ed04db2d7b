"""The regular expressions of the date grammar, built from the lexicon.

Each pattern has a name, the name of its handler in :mod:`~pipeline.dates.days`,
:mod:`~pipeline.dates.clock` or :mod:`~pipeline.dates.durations`, and a priority:
higher wins a tie between candidates of equal length. Their order matters too: on a
tie of length, priority and start, the pattern listed first wins.
"""

from __future__ import annotations

from pipeline.dates.lexicon import DateLexicon, alt

#: a year of the press: 1100 to 2999 (past 2099 only where the words around say it is
#: a year: "d'ici 2150", "le 3 mai 2150"; see pipeline.dates.days)
YEAR4 = r"(?:1[1-9]\d\d|2\d\d\d)"


# long function: one table, in matching order (the order breaks ties); split, it would hide that order
def pattern_specs(lex: DateLexicon) -> list[tuple[str, str, int]]:
    """The (name, regular expression, priority) of every pattern, in matching order."""
    month = alt(lex.months)
    wd = alt(lex.weekdays)
    numw = alt(lex.number_words)
    numword = rf"(?:{numw})(?:(?:-et-|\s+et\s+|-)(?:{numw}))*"
    num = rf"(?:\d+(?:[.,]\d+)?|{numword})"
    # "1 er": web text often sets the superscript apart
    day = r"(?:1\s?er|1re|premier|3[01]|[12]\d|0?[1-9])"
    year4 = YEAR4
    past = alt(lex.past_words)
    fut = alt(lex.future_words)
    rel = rf"(?:{past}|{fut})"
    units = alt(u for u in lex.units if u not in ("s", "min"))
    units_short = alt(lex.units)
    part_mod = r"(?:(?:la|le)\s+)?(?:début|fin|milieu|courant|mi)(?:\s+de\s+|\s+du\s+|\s+d'|\s*-\s*|\s+)"
    parts = alt(lex.day_parts)
    spaced_qmods = alt(q for q in lex.quantity_mods if not q.endswith("'"))
    elided_qmods = alt(q for q in lex.quantity_mods if q.endswith("'"))
    vague = alt(lex.vague_quantities)
    seasons = alt(lex.seasons)
    ordinal = alt(lex.ordinals)
    counted = alt(w for w, n in lex.ordinals.items() if n > 0)
    holidays = alt(lex.holidays)
    approx = alt(lex.approximate_nouns)
    short_pre = alt(lex.short_year_triggers)
    # "plus de deux ans", "moins d'un mois" (the group keeps its spaces: strip it)
    qmod = rf"(?P<qmod>(?:{spaced_qmods})\s+|(?:{elided_qmods}))"
    first_hours = r"(?:les\s+)?premières\s+heures\s+(?:de\s+|d')"
    # "12 h 30 locales", "20 h 15 heure de Paris": part of the time (its zone is not said)
    local = r"\s+(?:heures?\s+)?locales?|\s+heure\s+(?:de\s+Paris|française)"
    b = r"(?<![\w'-])"  # left word boundary that also refuses "COP-21", "d'21"
    e = r"(?![\w-])"
    # (name, pattern, priority): higher priority wins equal-length ties
    specs: list[tuple[str, str, int]] = [
        ("numeric", r"(?<![\w./-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w]|[./-]\d)", 9),
        ("iso", r"(?<![\w./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w]|[./-]\d)", 9),
        ("day_month", rf"(?:{b}|(?<=\d[-–]))(?:(?P<det>le|ce|les)\s+)?(?:(?P<wd>{wd})\s+)?(?P<day>{day})\s+(?P<month>{month})(?:\s+(?P<year>{year4}|'\d\d|\d\d(?=\s*[,.;:)]|\s*$)))?(?:\s+(?P<rel>{rel}))?{e}", 8),
        ("list_head", rf"{b}(?:(?P<det>les)\s+)?(?:(?P<wd>{wd})\s+)?(?P<day>{day})(?=(?:\s*,\s*{day})*(?:\s*[-–]\s*|\s+(?:et|ou|au|à)\s+)(?:(?:{wd})\s+)?{day}\s+(?:{month}){e})", 8),
        ("month", rf"{b}(?P<mod>{part_mod})?(?P<mde>(?:le\s+)?mois\s+d(?:e\s+|'))?(?P<month>{month})(?:\s+(?P<year>{year4}|'\d\d|\d\d(?=\s*[,.;:)]|\s*$)))?(?:\s+(?P<rel>{rel}))?{e}", 6),
        ("holiday", rf"{b}(?P<det>(?:la|le)\s+|l')?(?P<name>{holidays})(?:\s+(?P<year>{year4}))?(?:\s+(?P<rel>{rel}))?{e}", 7),
        ("short_year", rf"{b}(?P<pre>{short_pre})\s+(?P<year>'?\d\d)(?![\w%]|[.,]\d|\s?(?:h\b|%|€))", 4),
        ("ordinal_unit", rf"{b}(?:(?:le|la|sa|son|leur|cette|ce)\s+|l')(?P<ord>{counted})\s+(?P<unit>jour|nuit|semaine|mois|année|an|saison){e}", 5),
        ("year", rf"(?:{b}|(?<=\d\d\d\d[-–/]))(?P<mod>{part_mod})?(?:(?P<pre>l'an|l'année|année)\s+)?(?P<year>{year4})(?!\w|-(?!\d{{2,4}}\b)|[.,]\d)", 5),
        ("century", rf"{b}(?:le\s+)?(?P<rom>[IVX]{{1,5}})\s?(?:e|ème|è)\s+siècle{e}", 7),
        ("old_year", rf"{b}(?P<pre>l'an|l'année)\s+(?P<year>\d{{3,4}})(?!\d)", 6),
        ("decade", rf"{b}(?:les\s+)?années\s+(?P<dec>(?:1\d|20)?\d0)(?!\d)", 7),
        ("quarter", rf"{b}(?:(?:le|ce)\s+)?(?P<ord>{ordinal})\s+(?P<unit>trimestre|semestre)(?:\s+(?:de\s+)?(?P<year>{year4}))?{e}", 7),
        ("season", rf"{b}(?P<mod>{part_mod})?(?:(?P<det>cet|cette|ce|l'|le(?=\s+(?:{seasons})\s+{rel}))\s*)?(?P<season>{seasons})(?:\s+(?:(?P<year>{year4})|(?P<rel>{rel})))?{e}", 6),
        ("months_of_season", rf"{b}les\s+mois\s+d'(?P<season>{seasons}){e}", 7),
        ("deictic", rf"{b}(?:(?P<mod>{part_mod})(?<=du\s)|(?<=\ben\s)(?P<mod3>(?:début|fin|milieu)\s+(?:de\s+|d'))|(?P<mod2>{part_mod})?(?P<det>cette|ce|cet|la|le|l'|au)\s*)(?P<nouv>nouvelle\s+)?(?P<unit>semaine|week-end|mois|année|an|trimestre|semestre|décennie|siècle)(?:-ci|(?P<la>-là|\s+là))?(?:\s+(?P<rel>{rel}))?{e}", 6),
        ("rel_day", rf"{b}(?P<rd>{alt(lex.relative_days)})(?:\s+(?P<wd>{wd}))?(?:\s+(?:en\s+)?(?P<part>{parts}))?(?:\s+à\s+(?P<h>[01]?\d|2[0-3])\s?h(?:\s?(?P<m>[0-5]\d))?)?{e}", 7),
        (
            "shift_day",
            rf"{b}(?P<w>le\s+lendemain|la\s+veille|l'avant-veille|le\s+surlendemain|le\s+jour\s+même|le\s+même\s+jour"
            rf"|ce\s+(?:même\s+)?jour(?:-|\s+)?là|(?:(?:le|la)\s+|l')(?P<sunit>jour|nuit|soirée|matinée|soir|matin|après-midi)\s+(?P<rel>suivante?|précédente?|dernière))"
            rf"(?:\s+(?:au\s+)?(?P<part>matin|soir|après-midi))?{e}",
            7,
        ),
        ("weekday", rf"{b}(?P<first>{first_hours})?(?:(?P<det>ce|cet|le)\s+(?P<meme>même\s+)?)?(?P<wd>{wd})(?:\s+(?P<dnum>{day})(?!\s*(?:h\b|heures?\b|[/.:,]\d)|\d))?(?:\s+(?P<rel>{rel}))?(?:\s+(?:en\s+)?(?P<part>{parts}))?{e}", 6),
        ("deictic_part", rf"{b}(?P<det>ce|cet)\s+(?P<part>matin|après-midi|soir|midi|nuit)(?P<la>-là|\s+là)?{e}|{b}(?P<det2>cette)\s+(?P<part2>nuit)(?P<la2>-là|\s+là)?{e}", 6),
        (
            "same_day_part",
            # "dans la soirée", "le soir même", "à la mi-journée", "en début de nuit",
            # "aux premières heures de la matinée": the day the story is at
            rf"{b}(?:(?:dans|pendant|durant|en|cours\s+de|tard\s+dans|toute)\s+)(?P<span>(?:la|l')\s*(?P<part>soirée|nuit|matinée|après-midi|journée)){e}"
            rf"|{b}(?P<span2>le\s+(?P<part2>matin|soir)\s+même){e}"
            rf"|(?<=[àa]\s)(?P<span3>la\s+(?P<part3>mi-journée)){e}"
            rf"|(?<=en\s)(?P<span4>(?:(?P<mod4>début|fin|milieu)\s+(?:de\s+|d')|pleine\s+)?(?P<part4>matinée|soirée|nuit|journée|après-midi)){e}"
            # "le soir du 14 juillet", "la nuit de samedi": the part of the day that follows
            rf"|{b}(?P<span6>(?:(?:le|la)\s+|l')(?P<part6>soir|matin|nuit|soirée|matinée|après-midi))(?=\s+(?:du\s+\d|de\s+(?:ce\s+)?(?:{wd})|d'hier))"
            rf"|{b}(?P<span5>{first_hours}(?:la\s+|l')?(?P<part5>matinée|nuit|journée|soirée|après-midi)){e}",
            5,
        ),
        ("race_time", r"(?<![\w.,/:-])(?:(?P<h>\d{1,2})\s?h\s?(?P<m>[0-5]?\d)\s?(?:min|mn|')(?:\s?(?P<s>[0-5]?\d)(?:[,.](?P<frac>\d+))?\s?(?:s|''|\"))?|(?P<m2>\d{1,3})\s?(?:min|mn|')\s?(?P<s2>[0-5]?\d)(?:[,.](?P<frac2>\d+))?\s?(?:s|''|\"))(?!\w)", 8),
        ("weekday_span", rf"{b}du\s+(?P<wd1>{wd})\s+au\s+(?P<wd2>{wd})(?![\w-]|\s+\d)", 8),
        ("clock", rf"(?:(?<![\w.,/:-])|(?<=\dh-)|(?<=\d\sh-)|(?<=\dh\s-\s)|(?<=\d\sh\s-\s))(?P<h>[01]?\d|2[0-4])\s?[hH](?:\s?(?P<m>[0-5]\d))?(?:\s+(?P<tz>UTC|GMT|\(UTC\)|\(GMT\))|{local})?(?![\w/])", 7),
        ("clock_words", rf"{b}(?P<h>\d{{1,2}}|{numword})\s+heures?(?:\s+(?P<m>[0-5]\d|et\s+demie|et\s+quart|moins\s+le\s+quart))?{e}", 7),
        ("clock_colon", r"(?<![\w.,/:-])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s+(?P<tz>UTC|GMT|\(UTC\)|\(GMT\)))?(?![\w:]|[.,]\d)", 6),
        ("noon", rf"(?<![\w'-])(?P<w>midi|minuit){e}", 4),
        ("ago", rf"{b}(?:il\s+y\s+a|voici|voilà)\s+(?P<n>{num})\s+(?P<unit>{units}){e}", 7),
        ("in", rf"{b}dans\s+(?P<n>{num})\s+(?P<unit>{units}){e}", 7),
        ("duration", rf"(?<![\w'.,:-])(?:{qmod})?(?P<n>{num}|un|une)\s+(?:(?P<frac>demi|quart)\s+(?:de\s+|d'))?(?P<unit>{units_short})(?:\s+et\s+(?P<half>demie?|quart))?{e}", 5),
        (
            "spelled_duration",
            rf"(?<![\w'.,:-])(?:(?P<h>\d{{1,2}}|{numword})\s+heures?,?\s+(?:et\s+)?)?(?P<m>\d{{1,2}}|{numword})\s+minutes?"
            rf"(?:,?\s+(?:et\s+)?(?P<s>\d{{1,2}}|{numword})\s+secondes?)?{e}",
            6,
        ),
        ("approx_duration", rf"{b}(?:{qmod})?une\s+(?P<noun>{approx})\s+(?:de\s+|d')(?P<unit>{units}){e}", 6),
        ("half_duration", rf"{b}(?:{qmod})?(?:une?)\s+demi-(?P<unit>{units}){e}", 5),
        ("vague_duration", rf"{b}(?:{qmod})?(?P<vague>{vague})\s+(?P<unit>{units}){e}", 4),
        ("recent_duration", rf"{b}(?:ces|les|des)\s+(?:(?P<n>{num})\s+)?(?:(?:{rel})\s+(?P<unit>{units})|(?P<unit2>{units})\s+(?P<coming>à\s+venir)){e}", 6),
        ("unit_noun", rf"{b}(?P<w>{alt(lex.unit_nouns)}){e}", 4),
        ("set_every", rf"{b}(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<ord>{ordinal})\s+)?(?:(?P<n>{num})\s+)?(?:(?P<unit>{units})|(?P<wd>{wd})s?(?:\s+(?P<wdpart>{parts})s?)?|(?P<part>{parts})s?){e}", 7),
        ("set_ordinal_weekday", rf"{b}les\s+(?:{ordinal})(?:(?:\s*,\s*|\s+et\s+)(?:{ordinal}))*\s+(?P<wd>{wd})s{e}", 7),
        # "de 2,8 % sur l'année", "en hausse sur la semaine": the length of time a change is measured over
        ("over_unit", rf"(?<=\bsur\s)(?:(?:la|le)\s+|l')(?P<unit>année|an|mois|semaine|journée|trimestre|semestre|décennie){e}(?!\s+(?:de|du|des|d')\b|\s+d')", 3),
        ("set_per", rf"(?<=\bpar\s)(?P<unit>jour|semaine|mois|an|année|semestre|trimestre|heure|minute){e}", 4),
        ("set_adjective", rf"{b}(?P<w>{alt(lex.set_adjectives)}){e}", 3),
    ]
    for i, (lex_re, _, _) in enumerate(lex.lexical):
        specs.append((f"lexical{i}", rf"{b}(?:{lex_re}){e}", 2))
    return specs


def pattern_keywords(lex: DateLexicon) -> dict[str, tuple[str, ...]]:
    """Words one of which must be in the text for a pattern to match at all, by pattern.

    A cheap substring test that skips most patterns on most articles (Python's regex
    engine tries every position of the text; ``in`` does not).
    """
    month_words = tuple(w.rstrip(".") for w in lex.months)
    weekday_words = tuple(lex.weekdays)
    long_units = ("seconde", "minute", "heure", "jour", "semaine", "mois", "an", "siècle", "décennie", "trimestre", "semestre", "nuit")
    return {
        "day_month": month_words,
        "list_head": month_words,
        "month": month_words,
        "decade": ("année",),
        "century": ("siècle",),
        "old_year": ("l'an",),
        "quarter": ("trimestre", "semestre"),
        "season": (*lex.seasons, "eté"),
        "months_of_season": ("mois d'",),
        "deictic": ("semaine", "week-end", "mois", "an", "trimestre", "semestre", "décennie", "siècle"),
        "rel_day": ("hier", "demain", "aujourd'hui"),
        "shift_day": ("lendemain", "veille", "même", "là", "suivant", "précédent", "dernière"),
        "holiday": tuple(lex.holidays),
        "short_year": tuple(lex.short_year_triggers),
        "ordinal_unit": tuple(w for w, n in lex.ordinals.items() if n > 0),
        "approx_duration": tuple(lex.approximate_nouns),
        "spelled_duration": ("minute",),
        "weekday": weekday_words,
        "weekday_span": weekday_words,
        "race_time": ("min", "mn", "'"),
        "deictic_part": ("matin", "soir", "midi", "nuit"),
        "same_day_part": ("soir", "matin", "nuit", "après-midi", "même", "journée"),
        "clock_words": ("heure",),
        "clock_colon": (":",),
        "noon": ("midi", "minuit"),
        "ago": ("il y a", "voici", "voilà"),
        "in": ("dans",),
        "half_duration": ("demi-",),
        "vague_duration": long_units,
        "recent_duration": ("dernier", "dernièr", "prochain", "à venir"),
        "unit_noun": tuple(lex.unit_nouns),
        "set_every": ("chaque", "tous les", "toutes les"),
        "set_ordinal_weekday": weekday_words,
        "set_per": ("par ",),
        "over_unit": ("sur l", "sur la"),
        "set_adjective": ("quotidien", "hebdomadaire", "mensuel", "annuel", "trimestriel"),
    }
