"""Places an event takes from the nouns its verb governs: its host and its destination.

The host: "Le Musée maritime de La Rochelle leur consacre une exposition", "la ville de Nice se
propose d'organiser ces épreuves": when the subject of a verb of hosting (organiser,
accueillir, consacrer: the lexicon's ``host_verbs``) is a place, the event happens
there. A place is a LOC name, a venue's name (its first word a place noun), or the
"de" place of the subject's noun ("la ville de Nice").

The destination: the object of a verb of reaching (atteindre, rejoindre: the lexicon's
``destination_verbs``) is where the event ends, when it is a place noun ("Cygnus
atteindra la station spatiale internationale") or has a "de" place ("la coopérative de
Thuir, qu'elle avait rejointe en 2004"); a name joined (a club, a firm) is who, not where.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.clause import argument_list, argument_words, home_predicate
from pipeline.events.grammar import DE_WORDS, morph, preceding_word
from pipeline.events.mention import ArticleContext, Mention
from pipeline.events.roles import subject_of
from pipeline.nlp.text import norm_word


def host_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place of the subject of the mention's verb of hosting, if that subject is a place."""
    verb = home_predicate(mention)
    if norm_word(verb.lemma_) not in argument_list("host_verbs"):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    for noun in (subject, *(c for c in subject.children if c.dep_ == "conj")):
        place = _place_of(noun, ctx)
        if place is not None:
            return place
    return None


def seat_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place a body that acts sits in: the "de" place of the subject of the mention's
    clause when that subject is a body, not a person ("le tribunal de commerce de Tarbes
    a prononcé la liquidation", "le conseil municipal de Vannes a voté …")."""
    subject = subject_of(home_predicate(mention))
    if subject is None or subject.pos_ != "NOUN" or norm_word(subject.lemma_) in argument_words().person_titles:
        return None
    return _de_place(subject, ctx)


def destination_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place the mention's verb of reaching goes to: its object's place noun phrase or
    "de" place; through a relative pronoun, the noun the clause is about."""
    if mention.nominal or norm_word(mention.trigger.lemma_) not in argument_list("destination_verbs"):
        return None
    verb = mention.trigger
    obj = next((c for c in verb.children if c.dep_ == "obj"), None)
    if obj is not None and obj.pos_ == "PRON" and "Rel" in morph(obj, "PronType"):
        obj = _antecedent(obj)  # "la coopérative de Thuir, qu'elle avait rejointe"
    if obj is None or obj.pos_ != "NOUN":
        return None
    place = _de_place(obj, ctx)
    if place is not None:
        return place
    if obj.i in ctx.named_tokens or norm_word(obj.lemma_) not in _place_nouns(ctx):
        return None
    end = obj.i + 1
    while end < obj.sent.end and ctx.doc[end].dep_ == "amod" and ctx.doc[end].head.i == obj.i:
        end += 1
    return ctx.doc[obj.i : end].text


def in_description(mention: Mention, root: Token, ctx: ArticleContext) -> bool:
    """Is the place in a relative clause or a participle that describes another noun of
    the sentence ("le groupe Arvéa, holding installée à Angers", "X, qui conçoit des
    maisons à Saint-Paul")? It says where that one is, not where the event happens."""
    own = mention.anchor_ids
    tok = root
    described = False
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i in own:
            return False
        if tok.dep_ == "acl:relcl" and tok.head.i not in own:
            return True
        # "…, née à Ermont", "N'ayant pas obtenu de visa pour partir au Canada, …": a
        # non-finite clause set beside the event's tells another act
        if tok.dep_ == "advcl" and tok.pos_ == "VERB" and _non_finite(tok):
            return True
        # "sept ambassadeurs au Burundi ont remis …", "le groupe basé à La Roche-sur-Yon
        # s'est renforcé …", "par le groupe Arvéa, holding installée à Angers": what the
        # event's subject or agent phrase says of it tells who acts, not where
        if tok.dep_ in ("nsubj", "nsubj:pass", "obl:agent") and tok.head.i in own and not _event_noun(tok, ctx):
            return True
        # a participle or apposition on a "par" agent ("par le groupe Arvéa, holding
        # installée à Angers"); not a place hung on the agent itself ("organisé par
        # l'agence à Rouen", the parse's mistake)
        if described and tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and norm_word(c.text) == "par" for c in tok.children):
            return True
        described = described or tok.dep_ in ("acl", "appos")
    return False


def _event_noun(noun: Token, ctx: ArticleContext) -> bool:
    """Is the noun an event noun of the lexicon ("le salon, organisé à Lorient")?"""
    return (norm_word(noun.lemma_ or noun.text),) in ctx.lex.nouns


def _non_finite(verb: Token) -> bool:
    """An infinitive, or a participle with no finite auxiliary ("liée", "ayant réussi")."""
    form = morph(verb, "VerbForm")
    # "ayant réussi", "étant arrivé": the auxiliary is a participle too
    return "Inf" in form or ("Part" in form and all("Part" in morph(c, "VerbForm") for c in verb.children if c.dep_.startswith("aux")))


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the noun its clause is about, else (the
    parser often hangs the clause elsewhere) the noun just before it, through its "de"
    complement ("la laiterie de Landerneau, qu'il avait rejointe")."""
    clause = pronoun.head
    if clause.dep_ == "acl:relcl":
        return clause.head
    k = pronoun.i - 1
    while k >= pronoun.sent.start and pronoun.doc[k].is_punct:
        k -= 1
    if k < pronoun.sent.start:
        return None
    tok = pronoun.doc[k]
    while tok.pos_ != "NOUN" and tok.dep_ in ("nmod", "flat:name") and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _place_of(noun: Token, ctx: ArticleContext) -> str | None:
    """The place a subject names: itself (a LOC, a venue's name) or its "de" place."""
    ent = ctx.named_tokens.get(noun.i)
    if ent is not None:
        first = ctx.doc[ent.start]
        if ent.label == "LOC" or (ent.label in ("ORG", "MISC") and norm_word(first.lemma_ or first.text) in _place_nouns(ctx)):
            return ent.text
        return None
    return _de_place(noun, ctx) if noun.pos_ == "NOUN" else None


def _de_place(noun: Token, ctx: ArticleContext) -> str | None:
    """The LOC name of the noun's "de" complement ("la ville de Nice"), if it has one."""
    for c in noun.children:
        sub = ctx.named_tokens.get(c.i)
        if c.dep_ == "nmod" and sub is not None and sub.label == "LOC" and preceding_word(ctx.doc, sub.start, noun.i) in DE_WORDS:
            return sub.text
    return None


def _place_nouns(ctx: ArticleContext) -> frozenset[str]:
    """The nouns that name a place: the event lexicon's and the argument lists'."""
    return ctx.lex.place_nouns | argument_words().place_nouns


__all__ = ["destination_place", "host_place", "in_description", "seat_place"]
