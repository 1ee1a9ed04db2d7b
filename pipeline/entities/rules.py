"""The word lists driving the entity rules, read from the resource files.

Most lists are in ``resources/entities_rules.json``; the head nouns of organisation names
are one table there whose entries carry their uses. Titles (``titles_fr.json``) and
navigation lines (``furniture_fr.json``) are shared with other stages: each stage takes
the entries marked with its own use.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pipeline.entities.candidates import name_key
from pipeline.resources import entries_with_use, read_json, read_lines

logger = logging.getLogger(__name__)

#: rule fields taken from the ``organisation_heads`` table, with the use each one reads;
#: ``_cased`` fields match the entry as written, the others its lower case
_HEAD_USES = {
    "org_heads_cased": "relabel",
    "generic_heads_cased": "complement",
    "collectivity_heads": "of_place",
    "institution_nouns": "nationality",
    "org_triggers_lower_first": "first_word",
    "org_name_ends_cased": "name_end",
}
#: the rules file's entries read apart from the plain word lists (tables, name keys)
_READ_APART = ("organisation_heads", "facility_nouns", "misc_triggers", "org_metonyms")
#: rule fields not read from the rules file
_DERIVED = frozenset(
    {
        *_HEAD_USES,
        "titles",
        "abbreviated_titles",
        "navigation_lines",
        "demonyms",
        "legal_forms_after_cased",
        "time_words",
        "facility_nouns",
        "misc_triggers",
        "quantity_words",
        "org_metonyms",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRules:
    """Word lists driving the fixes; see the module docstring for where each one lives."""

    function_words: frozenset[str]
    determiners_cased: frozenset[str]
    titles: frozenset[str]
    #: titles stripped even when capitalised from a non-person entity ("Mme", "Dr")
    abbreviated_titles: frozenset[str]
    junk_words: frozenset[str]
    navigation_lines: frozenset[str]
    org_heads_cased: frozenset[str]
    #: capitalised words that end a company name and join the name before them
    org_name_ends_cased: frozenset[str]
    generic_heads_cased: frozenset[str]
    org_triggers: frozenset[str]
    org_triggers_lower_first: frozenset[str]
    legal_forms_cased: frozenset[str]
    #: legal forms that may follow a name ("Lumeo SAS"); a form that is also an
    #: organisation noun leads it instead ("Groupe Vaudrey")
    legal_forms_after_cased: frozenset[str]
    event_heads_cased: frozenset[str]
    acronym_stop_words: frozenset[str]
    acronym_kind_articles: frozenset[str]
    acronym_place_articles: frozenset[str]
    institution_nouns: frozenset[str]
    loc_acronyms: frozenset[str]
    role_words: frozenset[str]
    collectivity_heads: frozenset[str]
    unit_triggers: frozenset[str]
    event_heads_strict_cased: frozenset[str]
    event_triggers: frozenset[str]
    loc_descriptors_dropped: frozenset[str]
    portfolio_holders: frozenset[str]
    portfolio_bodies: frozenset[str]
    portfolio_excluded_before: frozenset[str]
    demonyms: frozenset[str]
    #: weekdays, day parts, "hier", seasons, unambiguous months (``dates_fr.json``):
    #: an entity made of them only is a date, not a name ("Vendredi matin")
    time_words: frozenset[str]
    org_cues: frozenset[str]
    #: name keys of places standing for their institution ("Pentagone")
    org_metonyms: frozenset[str]
    common_words: frozenset[str]
    period_prefixes: frozenset[str]
    person_led_nouns: frozenset[str]
    member_roles: frozenset[str]
    org_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    list_links: frozenset[str]
    street_nouns: frozenset[str]
    #: lower-case noun -> label of the facility it names with a person's name
    facility_nouns: Mapping[str, str]
    #: lower-case noun -> label (MISC, EVENT) of the name it introduces ("le projet X")
    misc_triggers: Mapping[str, str]
    naming_words: frozenset[str]
    #: lower-case nouns of diseases and results named after someone ("maladie de Crohn")
    eponym_nouns: frozenset[str]
    #: the same with "de" only: "loi de Moore" (not "loi Evin", a statute)
    eponym_nouns_of: frozenset[str]
    #: scales, currencies, percent (``numbers_fr.json``): "2 millions" is no name's number
    quantity_words: frozenset[str]
    #: elided words written against the next word ("l'", "qu'"): no part of a name
    elisions: frozenset[str]
    #: prepositions of a name's complements ("Caisse ... de la Touraine et du Poitou")
    complement_prepositions: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None, demonyms_path: Path | None = None) -> EntityRules:
        """Read the rule lists.

        Args:
            path: JSON object of word lists and the ``organisation_heads`` table (the
                packaged ``entities_rules.json`` by default). Titles and navigation lines
                always come from the packaged shared tables.
            demonyms_path: one masculine singular demonym a line (packaged list by default).

        Returns:
            The rules, every list as a frozenset.
        """
        if path is None:
            data: dict[str, Any] = read_json("entities_rules.json")
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
        listed = [name for name in cls.__dataclass_fields__ if name not in _DERIVED]
        missing = [
            name for name in [*listed, *_READ_APART] if name not in data
        ]
        if missing:
            logger.warning("entity rules %s: no list for %s", path, ", ".join(missing))
        unread = [
            k
            for k in data
            if not k.startswith("_") and k not in {*listed, *_READ_APART}
        ]
        if unread:
            logger.warning("entity rules %s: lists not read: %s", path, ", ".join(unread))
        titles = read_json("titles_fr.json")["titles"]
        triggers = {w.lower() for w in data.get("org_triggers", ())}
        navigation = read_json("furniture_fr.json")["navigation_lines"]
        return cls(
            **{name: frozenset(data.get(name, ())) for name in listed},
            **_organisation_heads(data.get("organisation_heads", {})),
            titles=entries_with_use(titles, "entities"),
            abbreviated_titles=entries_with_use(titles, "abbreviated"),
            # the lines are matched by their name key (straight apostrophes, case-folded)
            navigation_lines=frozenset(
                name_key(s) for s in entries_with_use(navigation, "entities")
            ),
            demonyms=_demonyms(demonyms_path),
            time_words=_time_words(),
            org_metonyms=frozenset(name_key(w) for w in data.get("org_metonyms", ())),
            quantity_words=_quantity_words(),
            facility_nouns=MappingProxyType(dict(data.get("facility_nouns", {}))),
            misc_triggers=MappingProxyType(dict(data.get("misc_triggers", {}))),
            legal_forms_after_cased=frozenset(
                f for f in data.get("legal_forms_cased", ()) if f.lower() not in triggers
            ),
        )


def _organisation_heads(table: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """The rule fields read from the ``organisation_heads`` table (empty when it is)."""
    return {
        name: frozenset(
            word if name.endswith("_cased") else word.lower()
            for word in (entries_with_use(table, use) if table else ())
        )
        for name, use in _HEAD_USES.items()
    }


def _time_words() -> frozenset[str]:
    """Words that name a time, read from the date grammar's lexicon."""
    dates = read_json("dates_fr.json")
    months = (m for m, v in dates["months"].items() if not v.get("ambiguous"))
    keys = ("weekdays", "day_parts", "relative_days", "seasons")
    return frozenset(w for key in keys for w in dates[key]) | frozenset(months)


def _quantity_words() -> frozenset[str]:
    """Words that make a number a quantity, read from the figures' lexicon."""
    numbers = read_json("numbers_fr.json")
    keys = ("scales", "currencies", "scaled_currencies", "percent")
    return frozenset(w for key in keys for w in numbers[key])


def _demonyms(path: Path | None) -> frozenset[str]:
    """The inflected demonyms of a list file, without the forms that are place names."""
    if path is None:
        lines: Iterable[str] = read_lines("entities_demonyms.txt")
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    lines = list(lines)
    bases = [w.strip() for w in lines if w.strip() and not w.startswith(("#", "!"))]
    # "!Suisse": a form that is also a place name is never treated as a demonym
    places = {w[1:].strip().lower() for w in lines if w.startswith("!")}
    return frozenset(_inflect_demonyms(bases)) - places


def _inflect_demonyms(bases: Iterable[str]) -> Iterator[str]:
    """Masculine/feminine, singular/plural forms of each demonym (lower-cased)."""
    for base in bases:
        word = base.lower()
        yield word
        if word.endswith("en"):
            yield from (word + "s", word + "ne", word + "nes")
        elif word.endswith("e"):
            yield word + "s"
        elif word.endswith("s"):
            yield from (word + "e", word + "es")
        else:
            yield from (word + "s", word + "e", word + "es")


@cache
def default_rules() -> EntityRules:
    """The packaged rules, read once per process."""
    return EntityRules.load()
