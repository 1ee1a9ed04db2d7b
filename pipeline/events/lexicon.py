"""The events lexicon: trigger lemmas and cue words read from ``resources/events_fr.json``.

Read once per process; the word splitting is cached because the trigger tests ask it
for the same few thousand words over and over.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from pipeline.nlp.text import norm_word
from pipeline.resources import read_json


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Trigger lemmas and cue words read from ``events_fr.json``."""

    nouns: dict[tuple[str, ...], str]
    verbs: dict[str, str]
    #: verbs that are events only when dated: lemma -> type
    dated_only_verbs: dict[str, str]
    #: trigger lemma -> argument lemma (a verb's object, a noun's complement) -> the type it takes
    type_by_argument: dict[str, dict[str, str]]
    #: event types whose unnamed actor defaults to the article's main organisation
    issuer_default_types: frozenset[str]
    #: verbs whose subject is an event taking place ("s'est déroulée", "aura lieu")
    taking_place_verbs: frozenset[str]
    #: the multiword ones in full ("avoir lieu"): verb lemma and object lemma
    taking_place_phrases: frozenset[tuple[str, str]]
    #: support verbs that are announcements of their own ("a annoncé le rachat")
    announcing_verbs: frozenset[str]
    #: nouns whose announcement is the event ("a officialisé sa candidature")
    announced_nouns: frozenset[str]
    #: fixed expressions whose words are never triggers ("à point nommé")
    fixed_phrases: tuple[tuple[str, ...], ...]
    generic_verbs: frozenset[str]
    reflexive_verbs: frozenset[str]
    #: verbs that are not events when reflexive ("les concerts se succéderont")
    non_reflexive_verbs: frozenset[str]
    weak_nouns: frozenset[str]
    support_verbs: frozenset[str]
    planned_lemmas: frozenset[str]
    planned_words: tuple[tuple[str, ...], ...]
    ongoing_words: tuple[tuple[str, ...], ...]
    modal_planned_lemmas: frozenset[str]
    organizer_preps: frozenset[str]
    with_preps: frozenset[str]
    location_preps: frozenset[str]
    place_nouns: frozenset[str]
    generic_entity_words: frozenset[str]
    subject_roles: dict[str, str]
    with_roles: dict[str, str]
    default_roles: dict[str, str]
    generic_subject_nouns: frozenset[str]
    #: verbs of state: a date they govern dates no event (:mod:`~pipeline.events.clauses`)
    state_lemmas: frozenset[str]
    #: words just before a date that make it bound a state ("depuis 2008")
    clause_blocking_words: frozenset[str]
    #: nouns that take the type of the event they are an instance of ("édition du salon")
    edition_nouns: frozenset[str]
    #: trigger nouns naming who takes part ("les lauréats"): a trigger verb of theirs tells the event
    participant_nouns: frozenset[str]
    #: nouns of the paper of a deal ("le contrat a été signé lundi"), and the deals' types
    deal_document_nouns: frozenset[str]
    deal_types: frozenset[str]
    #: prepositions before a span of days that an event lasts ("pour onze jours")
    duration_preps: frozenset[str]
    #: nouns of a speech ("dans son discours"), and the verbs they are the object of ("prononcer")
    speech_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    #: nouns of a list ("la liste des lauréats"): a verb acting on one acts on its complement
    container_nouns: frozenset[str]
    max_noun_len: int
    #: first words of the nominal triggers, to skip most tokens at once
    noun_heads: frozenset[str]


@functools.lru_cache(maxsize=1 << 14)
def split_words(text: str) -> tuple[str, ...]:
    """Normalised words of ``text``, split after an apostrophe as spaCy's French
    tokenizer does ("l'inauguration" -> ("l'", "inauguration"))."""
    return tuple(w for w in re.split(r"\s+|(?<=')", norm_word(text)) if w)


@functools.cache
def load_lexicon() -> EventLexicon:
    """Read the packaged trigger lexicon once per process.

    Returns:
        The :class:`EventLexicon`.
    """
    raw: dict[str, Any] = read_json("events_fr.json")
    nouns = {split_words(w): kind for kind, ws in raw["nouns"].items() for w in ws}
    verbs = {norm_word(w): kind for kind, ws in raw["verbs"].items() for w in ws}
    return EventLexicon(
        nouns=nouns,
        verbs=verbs,
        dated_only_verbs={
            norm_word(w): kind for kind, ws in raw["dated_only_verbs"].items() for w in ws
        },
        type_by_argument={
            norm_word(trigger): {norm_word(arg): kind for kind, args in by_kind.items() for arg in args}
            for trigger, by_kind in raw["type_by_argument"].items() if not trigger.startswith("_")
        },
        issuer_default_types=frozenset(raw["issuer_default_types"]["types"]),
        taking_place_verbs=frozenset(norm_word(w.split()[0]) for w in raw["taking_place_verbs"]["verbs"]),
        taking_place_phrases=frozenset(
            (norm_word(w.split()[0]), norm_word(w.split()[1])) for w in raw["taking_place_verbs"]["verbs"] if " " in w
        ),
        announcing_verbs=frozenset(norm_word(w) for w in raw["announcing_verbs"]["verbs"]),
        announced_nouns=frozenset(norm_word(w) for w in raw["announcing_verbs"]["nouns"]),
        fixed_phrases=tuple(split_words(p) for p in raw["fixed_phrases"]["phrases"]),
        generic_verbs=frozenset(norm_word(w) for w in raw["generic_verbs"]),
        reflexive_verbs=frozenset(norm_word(w) for w in raw["verb_requires_reflexive"]),
        non_reflexive_verbs=frozenset(norm_word(w) for w in raw["verb_forbids_reflexive"]),
        weak_nouns=frozenset(norm_word(w) for w in raw["weak_nouns"]),
        support_verbs=frozenset(norm_word(w) for w in raw["support_verbs"]),
        planned_lemmas=frozenset(raw["planned_lemmas"]),
        planned_words=tuple(split_words(w) for w in raw["planned_words"]),
        ongoing_words=tuple(split_words(w) for w in raw["ongoing_words"]),
        modal_planned_lemmas=frozenset(raw["modal_planned_lemmas"]),
        organizer_preps=frozenset(raw["organizer_preps"]),
        with_preps=frozenset(raw["with_preps"]),
        location_preps=frozenset(raw["location_preps"]),
        place_nouns=frozenset(raw["place_nouns"]),
        generic_entity_words=frozenset(raw["generic_entity_words"]),
        subject_roles=dict(raw["subject_roles"]),
        with_roles=dict(raw["with_roles"]),
        default_roles=dict(raw["default_roles"]),
        generic_subject_nouns=frozenset(raw["generic_subject_nouns"]),
        state_lemmas=frozenset(norm_word(w) for w in raw["clause_events"]["state_lemmas"]),
        clause_blocking_words=frozenset(norm_word(w) for w in raw["clause_events"]["blocking_words"]),
        edition_nouns=frozenset(norm_word(w) for w in raw["edition_nouns"]["nouns"]),
        participant_nouns=frozenset(norm_word(w) for w in raw["participant_nouns"]["nouns"]),
        deal_document_nouns=frozenset(norm_word(w) for w in raw["deal_documents"]["nouns"]),
        deal_types=frozenset(raw["deal_documents"]["types"]),
        duration_preps=frozenset(norm_word(w) for w in raw["duration_preps"]["words"]),
        speech_nouns=frozenset(norm_word(w) for w in raw["speech_nouns"]["nouns"]),
        speech_verbs=frozenset(norm_word(w) for w in raw["speech_nouns"]["verbs"]),
        container_nouns=frozenset(norm_word(w) for w in raw["container_nouns"]["nouns"]),
        max_noun_len=max(len(k) for k in nouns),
        noun_heads=frozenset(k[0] for k in nouns),
    )


__all__ = ["EventLexicon", "load_lexicon", "split_words"]
