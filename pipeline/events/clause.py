"""An event's own clause, read in the dependency parse: who and where may be its arguments.

A segment (cut at commas and coordinations) often holds names that belong to another
predicate of the sentence: the subject of a main verb that a nominal trigger only dates
("se serait radicalisé peu après les attentats"), the complement of a verb of another
clause ("avait travaillé avec l'ONG …" before "être élue …"), a comparison ("comme
Jean-Paul II avant lui"). A name is an argument of the mention when the first predicate
above it is the mention's own, or lies inside the trigger's phrase; the subject of a verb
that controls the trigger's subjectless clause is shared ("Paul Martin a échoué en
essayant de lancer …").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.events.grammar import POSSESSIVES, morph
from pipeline.events.mention import Mention
from pipeline.nlp.text import norm_word
from pipeline.resources import entries_with_use, read_json

_PREDICATE_POS = frozenset({"VERB", "AUX"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
#: how far up the parse a name or a controlled clause is followed
_MAX_DEPTH = 12


@dataclass(frozen=True, slots=True)
class ArgumentWords:
    """Words read from ``event_arguments_fr.json``."""

    #: a name after these is compared with the event, not part of it ("comme", "sans")
    excluding_preps: frozenset[str]
    #: "au large de", "au nord du …": lead from a place preposition to the place
    spatial_nouns: frozenset[str]
    #: place nouns beyond the trigger lexicon's ("en mer du Japon")
    place_nouns: frozenset[str]
    #: "face à", "grâce à": the "à" of another preposition, not a place's
    compound_prep_heads: frozenset[str]
    #: "face à", "contre": the other side of a match or a dispute
    opponent_preps: frozenset[str]
    #: "après les attentats": a nominal event that only dates another clause
    time_anchor_preps: frozenset[str]
    #: "élu avec 42 voix": an adjunct figure that is the event's result
    result_preps: frozenset[str]
    #: "un seul-en-scène sur Gustave Eiffel": the person a work or a talk is about
    topic_preps: frozenset[str]
    #: "présentera sa gamme au salon X", "lors des Rencontres": the clause's subject takes part
    occasion_preps: frozenset[str]
    #: "ancien ingénieur de X": a person's former post, whose organisation takes no part
    former_words: frozenset[str]
    #: one-word person titles of the shared ``titles_fr.json`` ("le préfet", "la maire")
    person_titles: frozenset[str]


@functools.cache
def argument_list(key: str) -> frozenset[str]:
    """One word list of ``event_arguments_fr.json`` (``{"words": [...]}``), normalised,
    read once per process: for the lists a single module reads."""
    return frozenset(norm_word(w) for w in read_json("event_arguments_fr.json")[key]["words"])


@functools.cache
def argument_words() -> ArgumentWords:
    """Read the argument word lists once per process."""
    raw = read_json("event_arguments_fr.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(norm_word(w) for w in raw[key]["words"])

    return ArgumentWords(
        excluding_preps=words("excluding_preps"),
        topic_preps=words("topic_preps"),
        spatial_nouns=words("spatial_nouns"),
        place_nouns=words("place_nouns"),
        compound_prep_heads=words("compound_prep_heads"),
        opponent_preps=words("opponent_preps"),
        time_anchor_preps=words("time_anchor_preps"),
        result_preps=words("result_preps"),
        former_words=words("former_words"),
        occasion_preps=words("occasion_preps"),
        person_titles=frozenset(
            norm_word(t)
            for t in entries_with_use(read_json("titles_fr.json")["titles"], "people")
            if " " not in t
        ),
    )


def predicate_of(token: Token) -> Token:
    """The first verb above ``token`` (not itself), else the root of its sentence."""
    tok = token
    for _ in range(_MAX_DEPTH):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in _PREDICATE_POS:
            return tok
    return tok


def _is_reduced_relative(tok: Token) -> bool:
    """A bare participle or adjective describing a noun ("les spectateurs réunis au
    palais"): part of its noun's phrase, not a clause of its own."""
    return tok.dep_ == "acl" and not any(
        c.dep_.startswith(("aux", "nsubj", "mark")) for c in tok.children
    )


def _modal_chain(home: Token) -> set[int]:
    """The home predicate and the verbs it is the infinitive of ("pourrait démarrer",
    "doit accueillir"): one clause."""
    chain = {home.i}
    tok = home
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head
        chain.add(tok.i)
    return chain


def home_predicate(mention: Mention) -> Token:
    """The predicate of the mention's clause: its verb, its support verb, or the verb
    that governs its nominal trigger."""
    if not mention.nominal:
        return mention.trigger
    support = mention.support
    # "une réunion prévue le 7 octobre": a participle describing the trigger is part of
    # its phrase; the clause is the verb above it
    if support is not None and not (support.head.i == mention.trigger.i and _is_reduced_relative(support)):
        return support
    return predicate_of(mention.trigger)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") for c in verb.children)


def _controls(upper: Token, lower: Token) -> bool:
    """Is ``lower`` a subjectless non-finite clause under ``upper``, through other such
    clauses ("a échoué en essayant de lancer"), so that ``upper``'s subject is its own?"""
    tok = lower
    for _ in range(_MAX_DEPTH):
        if tok.i == upper.i:
            return True
        if tok.head.i == tok.i or _has_subject(tok) or "Fin" in morph(tok, "VerbForm"):
            return False
        if any(c.dep_.startswith("aux") and "Fin" in morph(c, "VerbForm") for c in tok.children):
            return False
        tok = predicate_of(tok)
    return False


def is_excluded(root: Token) -> bool:
    """Is the phrase of ``root`` (or of the head of its coordination) introduced by a
    comparison or an exclusion ("comme Jean Dupont", "sans la Région")?"""
    words = argument_words().excluding_preps
    heads = [root]
    if root.dep_ == "conj" and root.head.i != root.i:
        heads.append(root.head)
    return any(
        c.dep_ in ("case", "mark", "cc") and norm_word(c.text) in words
        for h in heads
        for c in h.children
    )


def _parenthesis(token: Token) -> tuple[int, int] | None:
    """The "(" and ")" around ``token`` in its sentence, if it is inside brackets."""
    sent = token.sent
    opening = next((k for k in range(token.i - 1, sent.start - 1, -1) if token.doc[k].text in "()"), None)
    if opening is None or token.doc[opening].text != "(":
        return None
    closing = next((k for k in range(token.i + 1, sent.end) if token.doc[k].text in "()"), None)
    if closing is None or token.doc[closing].text != ")":
        return None
    return opening, closing


def _before_bracket(root: Token, opening: int) -> bool:
    """Is the name of ``root`` the one a bracket describes ("Jacques Vergès (mort en 2013)")?"""
    doc = root.doc
    # the name's own words up to the bracket: "Jacques Le Gall", "Anne de Kerlo"
    return root.i < opening and all(
        doc[k].pos_ in ("PROPN", "DET", "ADP") and not doc[k].is_punct for k in range(root.i, opening)
    )


def in_event_clause(mention: Mention, root: Token) -> bool:
    """May the phrase of ``root`` (an entity's head token) be an argument of the mention?

    Yes when the first predicate above it is the mention's own (its verbs, the verb that
    governs its nominal trigger), when that predicate lies inside the trigger's phrase
    (a relative clause on the trigger), or when it is the subject of a verb that controls
    the mention's subjectless clause; never after "comme" / "sans". A trigger in brackets
    takes only the bracket's names and the name the bracket follows.
    """
    if is_excluded(root):
        return False
    brackets = _parenthesis(mention.trigger)
    if brackets is not None:
        # a bracketed aside ("(mort en 2013)") is about its own words and the name it follows
        return brackets[0] < root.i < brackets[1] or _before_bracket(root, brackets[0])
    if dates_another_clause(mention):
        # only the trigger's own phrase: "les attentats de janvier 2015 commis par X"
        return mention.trigger.is_ancestor(root)
    if is_time_anchor(mention):
        # "depuis sa création en 1968, le LAAS a vu ses chercheurs distingués par le CNRS":
        # the possessive's owner is the clause's subject; the clause's other names are not
        # the anchor's
        owner = anchor_subject(mention)
        return mention.trigger.is_ancestor(root) or (owner is not None and names_phrase(owner, root))
    home = home_predicate(mention)
    anchors = {*mention.anchor_ids, *_modal_chain(home)}
    tok = root
    for _ in range(_MAX_DEPTH):
        if tok.i in anchors:
            return True
        if tok.i != root.i and (
            (tok.pos_ in _PREDICATE_POS and not _is_reduced_relative(tok)) or tok.head.i == tok.i
        ):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    governor = tok
    if governor.i in anchors or mention.trigger.is_ancestor(governor):
        return True
    if _describes_trigger(governor, mention.trigger):
        return True
    return root.dep_.startswith("nsubj") and (
        _controls(governor, home) or _first_subject_after(home) == root.i
    )


def is_time_anchor(mention: Mention) -> bool:
    """Is the nominal trigger only a time reference of another clause ("se serait
    radicalisé peu après les attentats", "a rapporté 2 millions depuis son lancement")?"""
    if not mention.nominal or mention.support is not None:
        return False
    preps = argument_words().time_anchor_preps
    return any(c.dep_ == "case" and norm_word(c.text) in preps for c in mention.trigger.children)


def dates_another_clause(mention: Mention) -> bool:
    """A time-anchor trigger (:func:`is_time_anchor`) with no possessive tying it to that
    clause's subject ("depuis son lancement"): the clause's actors are not its own."""
    return is_time_anchor(mention) and not any(
        c.dep_ == "det" and norm_word(c.text) in POSSESSIVES for c in mention.trigger.children
    )


def anchor_subject(mention: Mention) -> Token | None:
    """The subject of the clause a time-anchor trigger dates ("Depuis sa création en 1968,
    le LAAS a vu …"): the subject of the predicate above it, else (the parse took the
    anchor for the subject) the words right after the anchor's comma."""
    trigger = mention.trigger
    above = predicate_of(trigger)
    subject = next((c for c in above.children if c.dep_.startswith("nsubj") and c.i != trigger.i), None)
    if subject is not None:
        return subject
    doc = trigger.doc
    comma = next((k for k in range(mention.trigger_end, min(len(doc), mention.trigger_end + 8)) if doc[k].text == ","), None)
    k = len(doc) if comma is None else comma + 1
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    return doc[k] if k < len(doc) else None


def names_phrase(noun: Token, root: Token) -> bool:
    """Is ``root`` the noun itself or the name that follows it without a preposition
    ("l'association Brest Rando", "la marque Kanaval")?"""
    return root.i == noun.i or (
        root.head.i == noun.i
        and root.dep_ in ("appos", "nmod", "flat:name")
        and not any(c.dep_ == "case" for c in root.children)
    )


def _describes_trigger(clause: Token, trigger: Token) -> bool:
    """Is ``clause`` a fronted bare participle about the trigger ("Organisée par X avec
    le soutien de Y, la course a mobilisé …"): subjectless, under a verb whose subject is
    the trigger?"""
    if _has_subject(clause) or "Part" not in morph(clause, "VerbForm") or not non_finite(clause):
        return False
    above = predicate_of(clause)
    return any(c.dep_.startswith("nsubj") and c.i == trigger.i for c in above.children)


def _first_subject_after(clause: Token) -> int | None:
    """The first subject after a fronted subjectless non-finite clause ("Après avoir conclu
    un partenariat avec X, La Poste a soutenu …"): its subject, whatever the parse made
    of the apposition in between."""
    if _has_subject(clause) or not non_finite(clause):
        return None
    sent = clause.sent
    after = clause.right_edge.i + 1
    return next((t.i for t in clause.doc[after : sent.end] if t.dep_.startswith("nsubj")), None)


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("a signé", "est élu")."""
    return "Fin" in morph(verb, "VerbForm") or any(
        c.dep_.startswith("aux") and "Fin" in morph(c, "VerbForm") for c in verb.children
    )


def written_sentence(doc: Doc, i: int) -> tuple[int, int]:
    """The written sentence around token ``i``: from the full stop or line break before
    it to the next one. Not the parser's sentence, which may run on across a line break
    ("… douze embauches.\nCréée en 2012 par X, la brasserie …")."""
    start = i
    while start > 0 and doc[start - 1].text not in _SENTENCE_ENDS and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end - 1].text not in _SENTENCE_ENDS and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return start, end


def fronted_subject(verb: Token) -> Token | None:
    """The subject of the main clause a fronted bare participle is about ("Créée en 2012
    par X, la brasserie travaille …", "Controversé …, puis gracié en 1953, il est élu"):
    the participle opens its written sentence (no subject and no finite verb before it)
    and the first subject of a finite verb after the comma that closes its phrase is the
    one it tells of, whatever head the parse gave the participle. None otherwise."""
    if "Part" not in morph(verb, "VerbForm") or not non_finite(verb) or _has_subject(verb):
        return None
    doc = verb.doc
    start, end = written_sentence(doc, verb.i)
    if any(t.dep_.startswith("nsubj") or (t.pos_ in _PREDICATE_POS and _finite(t)) for t in doc[start : verb.i]):
        return None
    comma = next((k for k in range(verb.i + 1, end) if doc[k].text == ","), None)
    if comma is None:
        return None
    for tok in doc[comma + 1 : end]:
        if tok.dep_ in ("nsubj", "nsubj:pass") and "Rel" not in morph(tok, "PronType"):
            return tok if _finite(tok.head) and tok.head.i > tok.i else None
    return None


def non_finite(verb: Token) -> bool:
    """An infinitive, a participle or a gerund with no finite auxiliary ("avant d'être
    intronisé", "en essayant"): its subject is another verb's."""
    return "Fin" not in morph(verb, "VerbForm") and not any(
        c.dep_.startswith("aux") and "Fin" in morph(c, "VerbForm") for c in verb.children
    )


__all__ = [
    "ArgumentWords",
    "anchor_subject",
    "argument_words",
    "dates_another_clause",
    "fronted_subject",
    "home_predicate",
    "in_event_clause",
    "is_excluded",
    "is_time_anchor",
    "names_phrase",
    "non_finite",
    "predicate_of",
    "written_sentence",
]
