"""The French temporal vocabulary: ``resources/dates_fr.json`` read into a :class:`DateLexicon`.

Month names and publication-line words have one table each in ``dates_fr.json``, number
words one in ``numbers_fr.json`` (shared with :mod:`pipeline.quantities`); the subsets a
reader needs are derived here from the attributes of their entries, never kept twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pipeline.records import DateMod, DateType
from pipeline.resources import read_json

_RESOURCE = "dates_fr.json"
_NUMBERS = "numbers_fr.json"
#: event heads and triggers are the entity stage's table, read here too
_ENTITY_RULES = "entities_rules.json"
#: how running text reads an abbreviation (the ``in_text`` attribute of a month entry):
#: absent, as written and with its dot; "dotted", only with its dot; "no", not at all
_IN_TEXT = (None, "dotted", "no")


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """The French temporal vocabulary read from ``resources/dates_fr.json``."""

    #: the month spellings of running text: "janvier", "janv", "janv.", "sept." (not "sept")
    months: dict[str, int]
    #: month names that are also common words ("mars", "mai")
    ambiguous_months: frozenset[str]
    #: the short spellings, without their dot ("janv", "sept")
    month_abbreviations: frozenset[str]
    #: every spelling of ``months`` in the resource, read in metadata dates (dot optional)
    metadata_months: dict[str, int]
    #: the words of a publication line ("publié", "mis à jour", "le"; pipeline.ingest)
    publication_markers: tuple[str, ...]
    #: those of them that make a date right after them in the text the page's own date
    dateline_markers: tuple[str, ...]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, int, bool]]
    unit_nouns: dict[str, str]
    vague_quantities: tuple[str, ...]
    vague_duration_triggers: tuple[str, ...]
    quantity_mods: dict[str, DateMod | None]
    time_mods: dict[str, DateMod | None]
    part_mods: dict[str, DateMod | None]
    seasons: dict[str, str]
    season_context_before: frozenset[str]
    day_parts: dict[str, str]
    relative_days: dict[str, int]
    past_words: frozenset[str]
    #: "est", "reste": "aujourd'hui" after them is the present era (PRESENT_REF)
    state_verbs: frozenset[str]
    #: "à", "dans": after "est aujourd'hui", a place makes it the day again
    place_prepositions: frozenset[str]
    #: "d'ici" (+1), "depuis" (-1): the direction a word just before a date gives
    direction_before: dict[str, int]
    future_words: frozenset[str]
    future_lemmas: frozenset[str]
    #: verbs whose passé composé takes "être" ("est arrivé"): not a present passive
    etre_past_lemmas: frozenset[str]
    future_words_in_sentence: tuple[str, ...]
    past_words_in_sentence: tuple[str, ...]
    year_triggers_strong: frozenset[str]
    year_triggers_weak: frozenset[str]
    year_blockers_after: frozenset[str]
    number_blockers_before: frozenset[str]
    age_words_before: tuple[str, ...]
    #: forms of "avoir" that make "N ans" after them an age ("il avait 19 ans")
    age_verbs: frozenset[str]
    age_nouns: frozenset[str]
    function_words: frozenset[str]
    determiners: frozenset[str]
    set_adjectives: dict[str, str]
    lexical: tuple[tuple[str, DateType, str], ...]
    fractions: dict[str, float]
    duration_nouns: frozenset[str]
    #: feasts by name: (month, day) of a fixed one, or ("easter", days from Easter Sunday)
    holidays: dict[str, tuple[str, int, int]]
    #: feasts whose name is also a common noun: read only with a capital ("l'Ascension")
    cased_holidays: frozenset[str]
    #: the words before a feast's name, without an article, that make it a date ("à Noël")
    holiday_context_before: frozenset[str]
    #: the words before a two-digit year that make it one ("en 95", "la saison 98")
    short_year_triggers: frozenset[str]
    #: heads of event names ("Euro", "Tour", "Jeux"; entities_rules.json): "l'Euro 2016"
    event_heads: frozenset[str]
    #: words of a title, an edition or a kind of event a few words before its year
    #: ("championne 2005", "le festival Interceltique 2023")
    event_titles: frozenset[str]
    #: "dizaine": 10, "vingtaine": 20 (numbers_fr.json): "une vingtaine d'années"
    approximate_nouns: dict[str, int]
    set_adjective_blockers: frozenset[str]


@functools.cache
def load_lexicon() -> DateLexicon:
    """Read the French temporal vocabulary shipped with the package (cached).

    Returns:
        The lexicon; the same object on every call.
    """
    raw: dict[str, Any] = read_json(_RESOURCE)
    months: dict[str, dict[str, Any]] = raw["months"]
    markers: dict[str, dict[str, Any]] = raw["publication_markers"]
    numbers: dict[str, Any] = read_json(_NUMBERS)
    entity_rules: dict[str, Any] = read_json(_ENTITY_RULES)
    number_words: dict[str, dict[str, Any]] = numbers["words"]
    return DateLexicon(
        months=_text_months(months),
        ambiguous_months=frozenset(name for name, entry in months.items() if entry.get("ambiguous")),
        month_abbreviations=frozenset(name for name, entry in months.items() if entry.get("abbreviation")),
        metadata_months={name: entry["month"] for name, entry in months.items()},
        publication_markers=tuple(markers),
        dateline_markers=tuple(word for word, entry in markers.items() if entry.get("before_date")),
        weekdays=raw["weekdays"],
        number_words={word: entry["value"] for word, entry in number_words.items() if entry.get("in_dates", True)},
        ordinals=raw["ordinals"],
        units={k: (v[0], int(v[1]), bool(v[2])) for k, v in raw["units"].items()},
        unit_nouns={k: v for k, v in raw["unit_nouns"].items() if v},
        vague_quantities=tuple(raw["vague_quantities"]),
        vague_duration_triggers=tuple(raw["vague_duration_triggers"]),
        quantity_mods=raw["quantity_mods"],
        time_mods=raw["time_mods"],
        part_mods=raw["part_mods"],
        seasons=raw["seasons"],
        season_context_before=frozenset(raw["season_context_before"]),
        day_parts=raw["day_parts"],
        relative_days=raw["relative_days"],
        past_words=frozenset(raw["past_words"]),
        state_verbs=frozenset(raw["state_verbs"]["words"]),
        place_prepositions=frozenset(raw["place_prepositions"]),
        direction_before={k: int(v) for k, v in raw["direction_before"].items() if not k.startswith("_")},
        future_words=frozenset(raw["future_words"]),
        future_lemmas=frozenset(raw["future_lemmas"]),
        etre_past_lemmas=frozenset(raw["etre_past_lemmas"]),
        future_words_in_sentence=tuple(raw["future_words_in_sentence"]),
        past_words_in_sentence=tuple(raw["past_words_in_sentence"]),
        year_triggers_strong=frozenset(raw["year_triggers_strong"]),
        year_triggers_weak=frozenset(raw["year_triggers_weak"]),
        year_blockers_after=frozenset(raw["year_blockers_after"]),
        number_blockers_before=frozenset(raw["number_blockers_before"]),
        age_words_before=tuple(raw["age_words_before"]),
        age_verbs=frozenset(raw["age_verbs"]["words"]),
        age_nouns=frozenset(raw["age_nouns"]),
        function_words=frozenset(raw["function_words"]),
        determiners=frozenset(raw["determiners"]),
        set_adjectives=raw["set_adjectives"],
        lexical=tuple((e["re"], e["type"], e["value"]) for e in raw["lexical"]),
        fractions={k: float(v) for k, v in raw["fractions"].items()},
        duration_nouns=frozenset(raw["duration_nouns"]),
        holidays={name: _holiday(entry) for name, entry in raw["holidays"].items() if not name.startswith("_")},
        cased_holidays=frozenset(name for name, entry in raw["holidays"].items() if not name.startswith("_") and entry.get("cased")),
        holiday_context_before=frozenset(raw["holiday_context_before"]),
        short_year_triggers=frozenset(raw["short_year_triggers"]),
        approximate_nouns={k: int(v) for k, v in numbers["approximate_nouns"].items()},
        event_heads=frozenset(w for w in entity_rules["event_heads_strict_cased"] if " " not in w),
        event_titles=frozenset(entity_rules["event_triggers"]) | frozenset(raw["year_titles"]),
        set_adjective_blockers=frozenset(raw["set_adjective_blockers"]),
    )


def _holiday(entry: dict[str, int]) -> tuple[str, int, int]:
    """ ("fixed", month, day) or ("easter", days from Easter Sunday, 0)."""
    if "easter" in entry:
        return ("easter", int(entry["easter"]), 0)
    return ("fixed", int(entry["month"]), int(entry["day"]))


def _text_months(months: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The spellings running text is read with: full names as written, abbreviations as
    their ``in_text`` attribute says ("janv" and "janv.", "sept." alone, "dec" not at all)."""
    spellings: dict[str, int] = {}
    for name, entry in months.items():
        reading = entry.get("in_text")
        if reading not in _IN_TEXT:
            raise ValueError(f"{_RESOURCE}: month {name!r} has an unknown in_text {reading!r}")
        if not entry.get("abbreviation"):
            spellings[name] = entry["month"]
            continue
        if reading is None:
            spellings[name] = entry["month"]
        if reading != "no":
            spellings[name + "."] = entry["month"]
    return spellings


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
