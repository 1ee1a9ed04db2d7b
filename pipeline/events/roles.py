"""The role a participant plays, and the subject a verb's event is told about.

A participant's role comes from its preposition ("avec", "par") and its place in the
parse (subject, object, the nominal trigger's "de" complement), else the lexicon's
default for the event type. A verb's subject is read through control ("doit
accueillir", "a signé et lancé") and, for a bare participle, from the noun it is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.clause import fronted_subject, non_finite
from pipeline.events.grammar import DE_WORDS, morph
from pipeline.events.lexicon import EventLexicon
from pipeline.events.mention import Mention
from pipeline.nlp.text import norm_word
from pipeline.records import Role

#: a non-finite clause under these relations takes the subject of the verb above it
_CONTROLLED_DEPS = frozenset({"advcl", "obl:mod", "obl", "acl"})


def role_for(
    mention: Mention, ent_start: int, ent_root: Token, prep: str, lex: EventLexicon
) -> Role:
    """The role of a participant, from its preposition and its place in the parse."""
    verbs = mention.verbs
    organised = any(norm_word(v.lemma_) == "organiser" for v in verbs)
    if prep in lex.organizer_preps:
        return "organizer"
    if prep in lex.with_preps:
        if organised:
            return "organizer"
        return as_role(lex.with_roles.get(mention.type, "participant"))
    subject = ent_root.dep_ in ("nsubj", "nsubj:pass") and ent_root.head in verbs
    if subject and ent_root.dep_ == "nsubj":
        return as_role(lex.subject_roles.get(mention.type, "participant"))
    if prep in DE_WORDS and mention.nominal and 0 < ent_start - mention.trigger_end <= 4:
        return "subject"
    if ent_root.dep_ == "obj" and ent_root.head in verbs:
        return "subject"
    return as_role(lex.default_roles.get(mention.type, "participant"))


def as_role(value: str) -> Role:
    """A role name from the lexicon as a :data:`~pipeline.records.Role` ("participant"
    when the lexicon names an unknown role)."""
    roles: dict[str, Role] = {
        "organizer": "organizer",
        "participant": "participant",
        "subject": "subject",
        "beneficiary": "beneficiary",
        "partner": "partner",
    }
    return roles.get(value, "participant")


def subject_of(verb: Token) -> Token | None:
    """The active subject of a verb, through "doit accueillir" / "a signé et lancé".

    A bare participle ("Fondée en 1962, Technilame …") is about its head's subject; when
    the parse hangs a fronted one elsewhere, about the subject of the clause after it
    (:func:`~pipeline.events.clause.fronted_subject`).
    """
    named = _apposed_to_person(verb)
    if named is not None:
        return named
    found = _parsed_subject(verb)
    return found if found is not None else fronted_subject(verb)


def _apposed_to_person(verb: Token) -> Token | None:
    """ "sa directrice, Camille Royer, arrivée à la tête du lieu en 2020": a bare participle
    right after a person's name and a comma is about that person, whatever head the parse
    gave it."""
    doc, k = verb.doc, verb.i
    if k < 2 or doc[k - 1].text != "," or doc[k - 2].ent_type_ != "PER":
        return None
    if "Part" not in morph(verb, "VerbForm") or any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children):
        return None
    return doc[k - 2]


def _parsed_subject(verb: Token) -> Token | None:
    """The subject the parse gives a verb, through control and coordination."""
    bare_participle = "Part" in morph(verb, "VerbForm") and not any(
        c.dep_.startswith("aux") for c in verb.children
    )
    if bare_participle and verb.dep_ in ("advcl", "acl") and verb.head is not verb:
        head = verb.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    for _ in range(3):
        # an infinitive's subject is its controller's: a "subject" after it is the object
        # the parse mislabelled ("pour remplacer Manuel Valls")
        infinitive = "Inf" in morph(verb, "VerbForm")
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not (infinitive and c.i > verb.i)), None)
        if subj is not None:
            return subj
        if verb.head.i == verb.i or not (
            verb.dep_ in ("xcomp", "conj") or (verb.dep_ in _CONTROLLED_DEPS and non_finite(verb))
        ):
            return None
        verb = verb.head
    return None


__all__ = ["as_role", "role_for", "subject_of"]
