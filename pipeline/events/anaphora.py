"""Who a pronoun, a relative pronoun or a definite description stands for.

An event's clause often names its actor only by a word that points back: a subject
pronoun ("il est élu en 1955"), a relative pronoun ("la Région, qui avait accordé un
prêt"), a title ("le préfet a signé") or a definite description ("la brasserie emploie",
"cette branche a prêté allégeance"). Each is read back to the name it stands for, in the
discourse before it; none rather than a guess when nothing fits. An acronym is the name
the article defined it with ("l'Agence de développement économique (ADE)"), and a
person's former employer in their description ("X, ancien ingénieur de Y") describes
them without taking part.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.events.clause import argument_words
from pipeline.events.grammar import DEFINITES, DEMONSTRATIVES, SINGULAR_PRONOUNS, morph
from pipeline.events.mention import ArticleContext, Ent, Mention, add_participant
from pipeline.nlp.text import norm_word
from pipeline.records import Participant
from pipeline.resources import read_json

_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_ACTOR_LABELS = frozenset({"ORG", "PER"})
#: how many written sentences a subject pronoun is followed back through a chain of
#: pronoun subjects ("Le prêtre, X, avait 86 ans. Il assurait … Il avait fêté …")
_MAX_PRONOUN_CHAIN = 3
#: words between a describing noun and the name it introduces ("la jeune entreprise
#: brestoise Océavia"), or between a name and its apposition (", la coopérative de …")
_DESCRIPTION_WINDOW = 3


# --- subject pronouns ---------------------------------------------------------------


def previous_sentence_start(doc: Doc, start: int) -> int:
    """The start of the written sentence before the one that starts at ``start``: back to
    the full stop or line break before it, across the pieces the parser may cut a sentence
    into ("Perpignan, le 7 octobre – Le conseil … a nommé Rosa Vidal directrice.")."""
    k = start - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    k -= 1  # the previous sentence's own full stop
    while k >= 0 and doc[k].text not in _SENTENCE_ENDS and "\n" not in doc[k].text_with_ws:
        k -= 1
    return k + 1


def _in_subject(doc: Doc, e: Ent) -> bool:
    """Is the person the subject, or named inside the subject's phrase ("Un des deux
    suspects, du nom de X, se serait radicalisé")? A relative clause on the subject is
    a clause of its own: its names are not the subject."""
    tok = doc[e.start : e.end].root
    for _ in range(4):
        if tok.dep_.startswith("nsubj") or _fronted_bare_phrase(tok):
            return True
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX") or tok.dep_ not in ("nmod", "appos", "flat:name", "conj"):
            return False
        tok = tok.head
    return False


def _fronted_bare_phrase(tok: Token) -> bool:
    """The phrase a sentence opens with, with no preposition, before its verb ("Un des
    deux suspects, du nom de X, se serait …"): the subject, whatever dependency the
    parser gave it."""
    head = tok.head
    return (
        head.i != tok.i
        and head.pos_ in ("VERB", "AUX", "ADJ")
        and tok.i < head.i
        and not any(not (t.is_punct or t.is_space) for t in tok.doc[tok.sent.start : tok.left_edge.i])
        and tok.dep_.startswith(("obl", "nmod", "dep"))
        and not any(c.dep_ in ("case", "mark") for c in tok.children)
    )


def _subject_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.dep_.startswith("nsubj") and norm_word(tok.text) in SINGULAR_PRONOUNS


def person_referred(subj: Token, ctx: ArticleContext) -> Ent | None:
    """The person a subject pronoun ("il a été gracié", "elle annoncera") refers to.

    The last person named as a subject (or inside the subject's phrase) before it, in
    its sentence or the one before; when that sentence's subject is itself "il"/"elle",
    the chain goes on to the sentence before it (a pronoun continues the subject: "la mort
    de l'homme politique X, il est élu" is not X); else the person the article is about
    (:func:`main_person`); else the last person named in the first window; none when there
    is none (the pronoun may be the article's organisation, or anyone).
    """
    if subj.pos_ != "PRON" or norm_word(subj.text) not in SINGULAR_PRONOUNS:
        return None
    doc = subj.doc
    end = subj.i
    start = previous_sentence_start(doc, subj.sent.start)
    first_window: list[Ent] = []
    for step in range(_MAX_PRONOUN_CHAIN):
        people = [e for e in ctx.ents if e.label == "PER" and start <= e.start and e.end <= end]
        if step == 0:
            first_window = people
        subjects = [e for e in people if _in_subject(doc, e)]
        if subjects:
            return subjects[-1]
        if people or not any(_subject_pronoun(t) for t in doc[start:end]) or start == 0:
            break
        end, start = start, previous_sentence_start(doc, start)
    topic = main_person(doc, ctx.ents, ctx.issuer)
    if topic is not None:
        return topic
    return first_window[-1] if first_window else None


def main_person(doc: Doc, ents: Sequence[Ent], issuer: Ent | None = None) -> Ent | None:
    """The person the article is about: named at least three times, counting a mention
    in the lede three times, more often than any other person and than the main
    organisation (a portrait, an obituary: "il est élu en 1955")."""
    first_sent_end = next(iter(doc.sents)).end if len(doc) else 0
    counts: Counter[str] = Counter()
    org_count = 0
    for e in ents:
        weight = 3 if e.start < first_sent_end else 1
        if e.label == "PER":
            counts[e.canonical] += weight
        elif issuer is not None and e.canonical == issuer.canonical:
            org_count += weight
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or ranked[0][1] <= org_count:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two people as often: the pronoun is not settled
    return next(e for e in ents if e.canonical == ranked[0][0])


# --- titles and definite descriptions ---------------------------------------------------


def is_title_noun(tok: Token) -> bool:
    """ "le préfet", "la nouvelle directrice": a person's title with a definite article."""
    return (
        tok.pos_ == "NOUN"
        and norm_word(tok.text) in argument_words().person_titles
        and any(c.dep_ == "det" and norm_word(c.text) in DEFINITES for c in tok.children)
    )


def person_titled(subj: Token, ctx: ArticleContext) -> Ent | None:
    """The person a definite title stands for ("le président a annoncé", "signée par le
    préfet"): the last person named earlier with that title before or apposed to the name
    ("le président François Hollande", "Gerhard Müller, préfet de …"); else the person the
    article is about (:func:`main_person`)."""
    if not is_title_noun(subj):
        return None
    doc, title = ctx.doc, norm_word(subj.text)
    for e in reversed([e for e in ctx.ents if e.label == "PER" and e.end <= subj.i]):
        floor = doc[e.start].sent.start
        before = doc[max(floor, e.start - 3) : e.start]
        after = doc[e.end : min(e.end + 3, subj.i)]
        if any(norm_word(t.text) == title for t in (*before, *after)):
            return e
    return main_person(doc, ctx.ents, ctx.issuer)


@functools.cache
def _noun_classes() -> dict[str, frozenset[str]]:
    """Each describing noun -> the nouns that name the same kind of actor
    (``event_arguments_fr.json``: "l'entreprise" takes up "la société X")."""
    out: dict[str, frozenset[str]] = {}
    for group in read_json("event_arguments_fr.json")["description_noun_classes"]["classes"]:
        words = frozenset(norm_word(w) for w in group)
        for w in words:
            out[w] = out.get(w, frozenset()) | words
    return out


def _definite_description(noun: Token, ctx: ArticleContext) -> bool:
    """A common noun with "le/la/les" or "ce/cette" and no name of its own; an
    institution's capitalised noun outside any name counts ("la Région", "la Ville")."""
    common = noun.pos_ == "NOUN" and noun.text[:1].islower()
    institution = noun.pos_ in ("NOUN", "PROPN") and noun.text[:1].isupper() and noun.i not in ctx.named_tokens
    return (
        (common or institution)
        and any(c.dep_ == "det" and norm_word(c.text) in DEFINITES | DEMONSTRATIVES for c in noun.children)
        and not any(c.dep_ in ("flat:name", "appos") and c.pos_ == "PROPN" for c in noun.children)
    )


def _named_with(doc: Doc, e: Ent, nouns: frozenset[str], limit: int) -> bool:
    """Was the entity introduced with one of ``nouns``: just before it ("la jeune
    entreprise brestoise Océavia", "la société Cellvie Biotech") or as its apposition
    ("Vergers de l'Aspre, la coopérative de Thuir")? Only words before ``limit`` (the
    description being read back) count."""
    # not the parser's sentences: it may cut "La brasserie | Ker Avel a été créée"
    floor, ceiling = max(0, e.start - _DESCRIPTION_WINDOW), len(doc)

    def is_noun(t: Token) -> bool:
        return t.pos_ == "NOUN" and (norm_word(t.lemma_ or t.text) in nouns or norm_word(t.text) in nouns)

    # the name opens with the noun: "la Ville" takes up "la Ville de Rennes", "la chambre"
    # "la Chambre de commerce et d'industrie de Corse"
    if e.end - e.start > 1 and norm_word(doc[e.start].text) in nouns:
        return True
    # the noun names it: only adjectives in between, not "la campagne de X"
    before = doc[floor : e.start]
    for k in range(len(before) - 1, -1, -1):
        if is_noun(before[k]):
            return True
        if before[k].pos_ != "ADJ":
            break
    if e.end >= ceiling or doc[e.end].text != ",":
        return False
    after = doc[e.end + 1 : min(ceiling, limit, e.end + 1 + _DESCRIPTION_WINDOW)]
    return len(after) > 1 and after[0].pos_ == "DET" and any(is_noun(t) for t in after[1:])


def entity_described(noun: Token, ctx: ArticleContext) -> Ent | None:
    """The organisation or person a definite description takes up ("la brasserie
    emploie huit salariés" after "la brasserie Ker Avel"; "cette branche a prêté
    allégeance" after "X, la branche de …"): the last one named before it with that noun,
    or a noun of the same class (``description_noun_classes``). None when none was."""
    if not _definite_description(noun, ctx):
        return None
    word = norm_word(noun.lemma_ or noun.text)
    nouns = _noun_classes().get(word, frozenset()) | {word, norm_word(noun.text)}
    doc = ctx.doc
    before = bisect.bisect_left(ctx.ent_starts, noun.i)
    for e in reversed(ctx.ents[:before]):
        if e.label in _ACTOR_LABELS and e.end <= noun.i and _named_with(doc, e, nouns, noun.i):
            return e
    return None


# --- acronyms -----------------------------------------------------------------------------


def acronym_expansions(doc: Doc, ents: Sequence[Ent]) -> dict[str, Ent]:
    """The names an article defines its acronyms with: "l'Agence de développement
    économique (ADE)" makes a later "l'ADE" that agency; "la chambre de commerce et
    d'industrie de l'Hérault (CCI Hérault)" makes "la CCI" it too, the acronym's first
    word standing for the whole. Keys are normalised acronyms. Read once per article
    (``ArticleContext.acronyms``)."""
    out: dict[str, Ent] = {}
    short: dict[str, set[str]] = {}
    for a, b in itertools.pairwise(ents):
        if not (a.label == b.label == "ORG" and b.start == a.end + 1 and b.end < len(doc)):
            continue
        if doc[a.end].text != "(" or doc[b.end].text != ")" or len(b.text) >= len(a.text):
            continue
        if sum(c.isupper() for c in b.text) < 2:
            continue
        out[norm_word(b.canonical)] = a
        head = b.text.split()[0]
        if head != b.text and head.isupper():
            short.setdefault(norm_word(head), set()).add(a.canonical)
    for head, names in short.items():
        if len(names) == 1 and head not in out:
            out[head] = next(e for e in ents if e.canonical in names)
    return out


def expand_acronyms(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> list[Participant]:
    """Each participant under the name the article defines its acronym with, once."""
    expansions = ctx.acronyms
    if not expansions:
        return list(table.values())
    out: dict[str, Participant] = {}
    for key, p in table.items():
        full = expansions.get(key)
        if full is not None:
            if key in mention.implicit:
                mention.implicit.add(norm_word(full.canonical))
            p = Participant(name=full.canonical, label=full.label, role=p.role, entity_id=full.entity_id)
        add_participant(out, p)
    return list(out.values())


# --- descriptions ----------------------------------------------------------------------------


def former_employer(ctx: ArticleContext, e: Ent) -> bool:
    """Is the organisation a person's former employer, in the description of the person
    ("par X, ancien ingénieur de Naval Group", "par deux anciennes chercheuses de l'Ifremer,
    A et B")? It says who the person was; the person takes part, not the organisation (a
    current post, "X, président du port", is the organisation taking part through them)."""
    if e.label != "ORG":
        return False
    doc = ctx.doc
    # the name's word the parse hangs on the describing noun: not always the span's root
    # (a name it cut in two hangs its tail on the person: "de Thales | Alenia Space")
    attached = next((t for t in doc[e.start : e.end] if t.dep_ == "nmod" and not e.start <= t.head.i < e.end), None)
    if attached is None:
        return False
    noun = attached.head
    if noun.pos_ != "NOUN" or not noun.text[:1].islower():
        return False
    former = argument_words().former_words
    if not (norm_word(noun.text).startswith("ex-") or any(
        c.dep_ == "amod" and norm_word(c.text) in former for c in noun.children
    )):
        return False
    if noun.dep_ == "appos" and person_at(ctx, noun.head.i):
        return True
    # the person's name right after the description, or right before it
    first = noun.left_edge.i
    after = e.end + 1 if e.end + 1 < len(doc) and doc[e.end].text == "," else -1
    before = first - 2 if first > 0 and doc[first - 1].text == "," else -1
    return (after >= 0 and person_at(ctx, after)) or (before >= 0 and person_at(ctx, before))


def person_at(ctx: ArticleContext, i: int) -> bool:
    """Does a person's name cover token ``i``?"""
    k = bisect.bisect_right(ctx.ent_starts, i) - 1
    return k >= 0 and ctx.ents[k].start <= i < ctx.ents[k].end and ctx.ents[k].label == "PER"


# --- relative pronouns --------------------------------------------------------------------


def relative_antecedent(pronoun: Token, ctx: ArticleContext) -> Ent | None:
    """The name a relative pronoun stands for ("la Région Bretagne, qui avait accordé …",
    "X, la coopérative de Thuir, qu'elle avait rejointe"): the noun its clause describes,
    its entity, the name it is in apposition to, or the name its description takes up."""
    if pronoun.pos_ != "PRON" or "Rel" not in morph(pronoun, "PronType"):
        return None
    clause = pronoun.head
    if clause.dep_ != "acl:relcl" or clause.head.i == clause.i:
        return None
    noun = clause.head
    k = bisect.bisect_right(ctx.ent_starts, noun.i) - 1
    if k >= 0 and ctx.ents[k].start <= noun.i < ctx.ents[k].end:
        return ctx.ents[k] if ctx.ents[k].label in _ACTOR_LABELS else None
    # "X, la coopérative de Thuir, qu'…": the name the described noun is apposed to
    if noun.dep_ == "appos":
        k = bisect.bisect_right(ctx.ent_starts, noun.head.i) - 1
        if k >= 0 and ctx.ents[k].start <= noun.head.i < ctx.ents[k].end and ctx.ents[k].label in _ACTOR_LABELS:
            return ctx.ents[k]
    first = noun.left_edge.i
    while first < noun.i and ctx.doc[first].is_punct:
        first += 1  # the parse may hang the comma before the apposition on it
    if first > 0 and ctx.doc[first - 1].text == ",":
        k = bisect.bisect_right(ctx.ent_starts, first - 2) - 1
        if k >= 0 and ctx.ents[k].end == first - 1 and ctx.ents[k].label in _ACTOR_LABELS:
            return ctx.ents[k]
    return entity_described(noun, ctx)


__all__ = [
    "acronym_expansions",
    "entity_described",
    "expand_acronyms",
    "former_employer",
    "is_title_noun",
    "main_person",
    "person_at",
    "person_referred",
    "person_titled",
    "previous_sentence_start",
    "relative_antecedent",
]
