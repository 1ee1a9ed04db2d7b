"""The article's actors: its entities, its main organisation (the *issuer* of a press
release) and its person, and when an event is theirs though the clause does not name
them ("elle a levé", "la start-up présentera", "sa candidature", or nobody named)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.events.anaphora import (
    entity_described,
    main_person,
    person_referred,
    relative_antecedent,
)
from pipeline.events.clause import anchor_subject, argument_words, is_time_anchor, names_phrase
from pipeline.events.grammar import (
    DE_WORDS,
    DEFINITES,
    DEMONSTRATIVES,
    POSSESSIVES,
    SUBJECT_PRONOUNS,
)
from pipeline.events.mention import ArticleContext, Ent, Mention, add_participant, named
from pipeline.events.roles import as_role, subject_of
from pipeline.nlp.text import norm_word
from pipeline.records import Participant


def doc_entities(doc: Doc) -> list[Ent]:
    """The corrected entities when the entity component ran, else the model's."""
    out: list[Ent] = []
    mentions = doc._.entities if Doc.has_extension("entities") else ()
    if mentions:
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(
                Ent(span.start, span.end, m.label, m.text, m.canonical or m.text, m.entity_id)
            )
    else:
        out = [Ent(e.start, e.end, e.label_, e.text, e.text, None) for e in doc.ents]
    out.sort(key=lambda e: e.start)
    return out


def main_actor(doc: Doc, ents: Sequence[Ent]) -> Ent | None:
    """The organisation the article is about: mentioned at least twice, counting a
    mention in the opening sentence (the lede) three times, and every mention of a name
    the model labels an organisation at least once."""
    first_sent_end = next(iter(doc.sents)).end if len(doc) else 0
    # the model labels one name differently from mention to mention ("le festival Rive
    # Sonore" an EVENT in the lede, an ORG later): every mention of an organisation counts
    organisations = {e.canonical for e in ents if e.label == "ORG"} | _lede_subjects(doc, ents)
    counts: Counter[str] = Counter()
    for k, e in enumerate(ents):
        if _titles_person(doc, ents, k):
            continue
        if e.canonical in organisations and e.label != "PER" and not _restated(doc, ents, k):
            counts[e.canonical] += 3 if e.start < first_sent_end else 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    if count < 2:
        return None
    named_as = [e for e in ents if e.canonical == name and e.label != "PER"]
    # its mention labelled an organisation, else (a subject of the lede) its first
    return next((e for e in named_as if e.label == "ORG"), named_as[0])


def _titles_person(doc: Doc, ents: Sequence[Ent], k: int) -> bool:
    """Is entity ``k`` the complement of a person's title right before the person's name
    ("le ministre de l'Intérieur, Bernard Cazeneuve")? It says who the person is: a
    ministry named with each of its ministers is not what the article is about."""
    e = ents[k]
    if k + 1 >= len(ents) or ents[k + 1].label != "PER" or ents[k + 1].start > e.end + 1:
        return False
    j = e.start - 1
    while j > 0 and (doc[j].pos_ == "DET" or norm_word(doc[j].text) in DEFINITES):
        j -= 1
    if j < 1 or norm_word(doc[j].text) not in DE_WORDS:
        return False
    title = doc[j - 1]
    return norm_word(title.text) in argument_words().person_titles


def _restated(doc: Doc, ents: Sequence[Ent], k: int) -> bool:
    """Is entity ``k`` the bracketed acronym of the name right before it ("l'Agence
    française de développement (AFD)")? One mention, not two: a funder named once with its
    acronym is not what the article is about."""
    e = ents[k]
    return k > 0 and e.start >= 1 and doc[e.start - 1].text == "(" and ents[k - 1].end == e.start - 1


def _lede_subjects(doc: Doc, ents: Sequence[Ent]) -> set[str]:
    """Organisations and places that are the subject of a verb of the lede (up to its first
    full stop or line break), whatever label the model gave them: "la marque Kanaval a
    bouclé", "la Corée du Nord a lancé". A name in a complement ("le tribunal de Limoges
    a validé") is not the subject; a named event ("le salon X a ouvert") is not an actor."""
    end = next((t.i for t in doc if t.text == "." or "\n" in t.text_with_ws), len(doc))
    out: set[str] = set()
    for e in ents:
        if e.start >= end or e.label not in ("ORG", "LOC"):
            continue
        tok = doc[e.start : e.end].root
        if tok.dep_ in ("appos", "nmod") and not any(c.dep_ == "case" for c in tok.children):
            tok = tok.head  # "la marque Kanaval": the name of the subject noun
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.dep_ in ("ROOT", "conj"):
            out.add(e.canonical)
    return out


def add_issuer(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """The article's main actor, when the mention points to it or names nobody."""
    issuer = ctx.issuer
    if issuer is None:
        return
    role = as_role(ctx.lex.subject_roles.get(mention.type, "participant"))
    participant = Participant(
        name=issuer.canonical, label=issuer.label, role=role, entity_id=issuer.entity_id
    )
    if _refers_to_issuer(table, mention, ctx):
        add_participant(table, participant)
    elif not named(table.values()) and not mention.in_quote and mention.type in ctx.lex.issuer_default_types:
        # a press release's event with nobody named is its issuer's own
        add_participant(table, participant)
        mention.implicit.add(norm_word(issuer.canonical))


def _refers_to_issuer(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> bool:
    """ "elle a levé", "la start-up présentera", "sa levée de fonds": the article's main
    actor (a possessive points to the article's person instead when it is about one:
    :func:`add_possessor`)."""
    lex = ctx.lex
    for verb in mention.verbs:
        subj = subject_of(verb)
        if subj is None:
            continue
        if subj.pos_ == "PRON" and norm_word(subj.text) in SUBJECT_PRONOUNS:
            # also when it is a person: the company a manager joins takes part too, unless
            # the clause names the organisation ("qu'elle avait rejointe", "elle a cofondé
            # la start-up X")
            return not (
                any(p.label == "ORG" for p in table.values()) and person_referred(subj, ctx) is not None
            )
        if relative_antecedent(subj, ctx) is not None or entity_described(subj, ctx) is not None:
            return False  # the name it stands for is read in the text (_add_subjects)
        dets = {norm_word(c.text) for c in subj.children if c.dep_ == "det"}
        return norm_word(subj.lemma_) in lex.generic_subject_nouns and bool(
            dets & (DEFINITES | DEMONSTRATIVES)
        )
    if mention.nominal:
        return (
            _possessive(mention)
            and main_person(ctx.doc, ctx.ents, ctx.issuer) is None
            and not _owner_named(mention, ctx)
        )
    return False


def _owner_named(mention: Mention, ctx: ArticleContext) -> bool:
    """ "Depuis sa création en 1968, le LAAS a vu …": a possessive time anchor belongs to
    the subject of the clause it dates; when that subject is a name, it is the owner."""
    if not is_time_anchor(mention):
        return False
    owner = anchor_subject(mention)
    return owner is not None and any(
        t.i in ctx.named_tokens for t in (owner, *owner.children) if names_phrase(owner, t)
    )


def _possessive(mention: Mention) -> bool:
    """ "son premier match", "sa candidature": a nominal trigger with a possessive."""
    return mention.nominal and any(
        c.dep_ == "det" and norm_word(c.text) in POSSESSIVES for c in mention.trigger.children
    )


def add_possessor(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "sa candidature" in an article about a person, with no one named: that person's."""
    if named(table.values()) or not _possessive(mention):
        return
    person = main_person(ctx.doc, ctx.ents, ctx.issuer)
    if person is not None:
        role = as_role(ctx.lex.subject_roles.get(mention.type, "participant"))
        add_participant(table, Participant(name=person.canonical, label=person.label, role=role,
                                           entity_id=person.entity_id))


__all__ = ["add_issuer", "add_possessor", "doc_entities", "main_actor"]
