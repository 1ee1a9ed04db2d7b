"""Who takes part in an event, and in which role.

A mention's participants come, in this order (the first role read for a name wins
unless it was the vague "participant"): the items of an "avec A, B et C" list, the
subject of its verb, active or passive, every coordinated subject too (a common noun
acting for the organisation or the institution's place its "de" complements name: "la
présidence du Burundi a annoncé"; through control:
"a reçu … avant d'être intronisé"; a fronted participle is about the subject after it,
"Créée en 2012 par X, la brasserie …"; a pronoun, a relative pronoun, a title or a
definite description is read back to its name by :mod:`~pipeline.events.anaphora`), the
owner of the noun a participle trigger describes ("la recommandation de X émise …"), a
relative pronoun object's antecedent, the subject of the clause a nominal event is the
occasion of ("lors des Rencontres X"), the names of the next sentence's participle about a
pronoun taking the event up ("Organisé par A, il réunira …"), the other organisations and
people of its own clause (:mod:`~pipeline.events.clause`; not a person's former employer),
for a nominal event naming nobody the organisation a description in its "de" complements
stands for, the article's person for a possessive event ("sa candidature"), and last the
article's main actor (the
*issuer* of a press release) when the text points to it or names nobody
(:mod:`~pipeline.events.actors`). An acronym the article defined takes its defined name.
Roles and a verb's subject are read by :mod:`~pipeline.events.roles`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Token

from pipeline.events.actors import add_issuer, add_possessor, doc_entities, main_actor
from pipeline.events.anaphora import (
    entity_described,
    expand_acronyms,
    former_employer,
    is_title_noun,
    main_person,
    person_at,
    person_referred,
    person_titled,
    relative_antecedent,
)
from pipeline.events.clause import (
    argument_words,
    fronted_subject,
    in_event_clause,
    non_finite,
    written_sentence,
)
from pipeline.events.grammar import (
    DE_WORDS,
    DEFINITES,
    SINGULAR_PRONOUNS,
    SUBJECT_PRONOUNS,
    inside,
    morph,
    preceding_word,
    strip_det,
)
from pipeline.events.lexicon import EventLexicon
from pipeline.events.mention import (
    ArticleContext,
    Ent,
    Mention,
    Segment,
    add_participant,
    named,
)
from pipeline.events.roles import as_role, role_for, subject_of
from pipeline.nlp.text import norm_word
from pipeline.records import Participant
from pipeline.resources import read_json

_CLAUSE_BREAK = frozenset({";", ":", "(", ")", "—", "–"})
_PARTICIPANT_LABELS = frozenset({"ORG", "PER"})
#: how many nouns of a title may stand between an organisation and the person it employs
_TITLE_DEPTH = 4


class _ListItem(NamedTuple):
    """An item of an "avec …" list, as token offsets."""

    start: int
    end: int
    prep: str
    #: is the preposition governed by the trigger or its verb?
    governed: bool


# --- one mention's participants ----------------------------------------------------


def collect_participants(mention: Mention, ctx: ArticleContext, segment: Segment) -> None:
    """Fill ``mention.participants`` from its segment.

    Args:
        mention: the mention, with its segment, name and quote flag set.
        ctx: the article's readings.
        segment: the segment's entities, appositions and the entities already used
            as the name or location.
    """
    table: dict[str, Participant] = {}
    list_items = _list_items(mention, ctx.doc, ctx.lex, segment.appositives)
    _add_list_participants(table, mention, ctx, list_items, segment.ents)
    _add_subjects(table, mention, ctx)
    _add_noun_owner(table, mention, ctx)
    _add_relative_objects(table, mention, ctx)
    _add_host_subject(table, mention, ctx)
    _add_next_description(table, mention, ctx)
    _add_segment_entities(table, mention, ctx, segment, list_items)
    _add_guests(table, mention, ctx, segment)
    _add_described_complement(table, mention, ctx)
    add_possessor(table, mention, ctx)
    add_issuer(table, mention, ctx)
    mention.participants = [p for p in expand_acronyms(table, mention, ctx) if any(c.isalpha() for c in p.name)]


def _list_items(
    mention: Mention, doc: Doc, lex: EventLexicon, appositives: Sequence[tuple[int, int]]
) -> list[_ListItem]:
    """The items of the segment's "avec …" / "par …" lists, without their determiners."""
    governors = {mention.trigger.i}
    if mention.support is not None:
        governors.add(mention.support.i)
    items: list[_ListItem] = []
    list_preps = lex.with_preps | lex.organizer_preps
    for k in range(mention.seg_start, mention.seg_end):
        prep = norm_word(doc[k].text)
        if prep not in list_preps or inside(k, appositives):
            continue
        governed = doc[k].head.head.i in governors
        for s, e_ in _with_list(doc, k, mention.seg_end):
            s, e_ = strip_det(doc, s, e_)
            if s < e_ and not inside(s, appositives):
                items.append(_ListItem(s, e_, prep, governed))
    return items


def _with_list(doc: Doc, k: int, seg_end: int) -> list[tuple[int, int]]:
    """Items of an "avec A, B et C" list starting after the preposition at ``k``."""
    items: list[tuple[int, int]] = []
    start = k + 1
    j = start
    while j <= seg_end:
        if j == seg_end:
            if j > start:
                items.append((start, j))
            break
        tok = doc[j]
        if tok.text in (",", ".", "et", "ainsi") or tok.text in _CLAUSE_BREAK:
            if j > start:
                items.append((start, j))
            if tok.text not in (",", "et", "ainsi"):
                break
            if tok.text == "ainsi":  # "ainsi que"
                j += 1
            start = j + 1
            # an indefinite apposition ends the list: ", un incubateur piloté par …", and
            # so does a relative clause on the last item: ", qui fabrique des drones"
            if start < seg_end and (
                norm_word(doc[start].text) in ("un", "une") or "Rel" in morph(doc[start], "PronType")
            ):
                break
        elif tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "ADP"
            # a new item that opens with a preposition is another complement: ", en
            # présence du préfet" after "entre A et B"
            and (j > start or k + 1 < j)
            and tok.dep_ == "case"
            and norm_word(tok.text) not in DE_WORDS
        ):
            if j > start:
                items.append((start, j))
            break
        j += 1
    return items


def _add_list_participants(
    table: dict[str, Participant],
    mention: Mention,
    ctx: ArticleContext,
    list_items: Sequence[_ListItem],
    seg_ents: Sequence[Ent],
) -> None:
    """List items that no entity covers: a capitalised name, or a common-noun group."""
    doc, lex = ctx.doc, ctx.lex
    for s, e_, prep, governed in list_items:
        if doc[s].is_punct or any(ent.start < e_ and s < ent.end for ent in seg_ents):
            continue
        run = [t for t in doc[s:e_] if t.pos_ in ("PROPN", "X") and t.text[:1].isupper()]
        if doc[s].text[:1].isupper():
            name, label = doc[s:e_].text.strip(), "ORG"
        elif run:
            # a name the NER missed: "l'agence AD Normandie"
            name, label = doc[run[0].i : run[-1].i + 1].text, "ORG"
        elif governed and prep in lex.with_preps and not any(t.like_num for t in doc[s:e_]):
            # a common-noun group ("les startups locales") only as the trigger's own
            # complement; "avec 42 voix" is a figure (a quantity), not a group
            name, label = doc[s:e_].text.strip(), "GROUP"
        else:
            continue
        role = role_for(mention, s, doc[s:e_].root, prep, lex)
        add_participant(table, Participant(name=name, label=label, role=role, entity_id=None))


def _add_subjects(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """The subjects of the mention's verbs, as entities or as names the NER missed."""
    doc, lex, ents = ctx.doc, ctx.lex, ctx.ents
    active = [s for s in (subject_of(v) for v in mention.verbs) if s is not None]
    # "la Chine et la Russie ont signé": every coordinated subject acts
    active += [c for s in active for c in s.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    subjects = {s.i for s in active}
    # a passive's subject is the one the event happens to ("il a été gracié", "X avait
    # été écartée de la direction")
    subjects |= {c.i for v in mention.verbs for c in v.children if c.dep_ == "nsubj:pass"}
    # "signée par le préfet", "le président a été reçu": a person named by a title
    subjects |= {c.i for v in mention.verbs for c in v.children
                 if (c.dep_ in ("nsubj:pass", "obl:agent") or _passive_agent(v, c)) and is_title_noun(c)}
    near = bisect.bisect_left(ctx.ent_starts, mention.seg_start - 40)
    covered: set[int] = set()
    subject_role = as_role(lex.subject_roles.get(mention.type, "participant"))
    for i in sorted(subjects):
        apposed = _apposed_person(doc[i], ctx) if doc[i].pos_ in ("NOUN", "PROPN") else None
        if apposed is not None:
            # "Docteure en chimie, Anne Le Gall, a débuté": the person, not the description
            covered.add(i)
            add_participant(table, Participant(name=apposed.canonical, label=apposed.label,
                                               role=subject_role, entity_id=apposed.entity_id))
    subjects -= covered
    for e in itertools.islice(ents, near, None):
        # the subject of a fronted participle may sit outside the segment's start
        if e.start >= mention.seg_end + 40:
            break
        hit = {i for i in subjects if e.start <= i < e.end}
        covered |= hit
        # a place that acts is a participant, as in the segment ("la Corée du Nord a lancé")
        acting_place = e.label == "LOC" and any(k in hit for k in (s.i for s in active))
        if hit and (e.label in _PARTICIPANT_LABELS or acting_place):
            add_participant(
                table,
                Participant(
                    name=e.canonical, label=e.label, role=subject_role, entity_id=e.entity_id
                ),
            )
    for i in subjects - covered:
        subj = doc[i]
        referent = _subject_referent(subj, ctx)
        if referent is not None:
            add_participant(
                table, Participant(name=referent.canonical, label=referent.label, role=subject_role,
                                   entity_id=referent.entity_id),
            )
        elif subj.pos_ == "PROPN" and subj.text[:1].isupper():
            # a name the NER missed: "Fondée en 1962, Technilame emploie …"
            run = [subj, *(c for c in subj.children if c.dep_ == "flat:name")]
            name = doc[min(t.i for t in run) : max(t.i for t in run) + 1].text
            add_participant(
                table, Participant(name=name, label="ORG", role=subject_role, entity_id=None)
            )


def _add_noun_owner(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "la recommandation de l'Autorité X émise début juin", "le rapport de la Cour des
    comptes publié mardi": a participle trigger that describes a noun tells of the one
    the noun's "de" complement names."""
    trigger = ctx.doc[mention.trigger.i]
    noun = trigger.head
    if mention.nominal or trigger.dep_ != "acl" or noun.pos_ != "NOUN" or noun.i > trigger.i:
        return
    if "Part" not in morph(trigger, "VerbForm") or not non_finite(trigger):
        return
    for child in noun.children:
        if child.dep_ != "nmod" or child.i > trigger.i:
            continue
        if not any(c.dep_ == "case" and norm_word(c.text) in DE_WORDS for c in child.children):
            continue
        owner = ctx.named_tokens.get(child.i)
        if owner is not None and owner.label in _PARTICIPANT_LABELS:
            role = as_role(ctx.lex.subject_roles.get(mention.type, "participant"))
            add_participant(table, Participant(name=owner.canonical, label=owner.label, role=role,
                                               entity_id=owner.entity_id))


def _add_described_complement(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "l'ouverture d'une antenne de la chambre": a nominal event that names nobody takes
    the organisation a definite description in its "de" complements stands for ("la
    chambre" after "la Chambre de commerce et d'industrie de Corse")."""
    if not mention.nominal or named(table.values()):
        return
    level = [mention.trigger]
    for _ in range(2):
        level = _de_complements(level)
        for noun in level:
            found = entity_described(noun, ctx)
            if found is not None:
                role = as_role(ctx.lex.subject_roles.get(mention.type, "participant"))
                add_participant(table, Participant(name=found.canonical, label=found.label, role=role,
                                                   entity_id=found.entity_id))
                return


def _subject_referent(subj: Token, ctx: ArticleContext) -> Ent | None:
    """The name a subject that is not one stands for: a pronoun's person, a title's person,
    a relative pronoun's antecedent, the name right after its noun ("le collectif Sécurité
    pour tous a organisé"), or the name its definite description takes up ("la brasserie
    emploie" after "la brasserie Ker Avel")."""
    found = person_referred(subj, ctx) or person_titled(subj, ctx) or relative_antecedent(subj, ctx)
    if found is not None or subj.pos_ not in ("NOUN", "PROPN"):
        return found
    named_after = _entity_at(ctx, subj.i + 1)
    if named_after is not None and named_after.label in _PARTICIPANT_LABELS:
        return named_after
    return _owner_of_subject(subj, ctx) or entity_described(subj, ctx)


def _owner_of_subject(subj: Token, ctx: ArticleContext) -> Ent | None:
    """ "le conseil d'administration de X a nommé", "la ville de Nice se propose", "le
    compte Twitter de la présidence du Burundi a annoncé": a common noun with no name of its
    own acts for the organisation its "de" complements name, or for the place whose
    institution (``institution_nouns``) is on that path."""
    if subj.pos_ != "NOUN" or not subj.text[:1].islower():
        return None
    level, institution = [subj], norm_word(subj.lemma_) in _institution_nouns()
    for _ in range(3):
        level = _de_complements(level)
        for noun in level:
            owner = ctx.named_tokens.get(noun.i)
            if owner is not None and (owner.label == "ORG" or (owner.label == "LOC" and institution)):
                return owner
        level = [t for t in level if t.i not in ctx.named_tokens and t.pos_ == "NOUN"]
        institution = institution or any(norm_word(t.lemma_) in _institution_nouns() for t in level)
    return None


def _de_complements(nouns: list[Token]) -> list[Token]:
    """The nouns' "de" complements, one level down ("le compte de la présidence" -> "présidence")."""
    return [c for t in nouns for c in t.children
            if c.dep_ == "nmod" and any(k.dep_ == "case" and norm_word(k.text) in DE_WORDS for k in c.children)]


@functools.cache
def _institution_nouns() -> frozenset[str]:
    """The nouns of an institution a place's name completes (``institution_nouns``)."""
    return frozenset(norm_word(w) for w in read_json("event_arguments_fr.json")["institution_nouns"]["words"])


def _add_relative_objects(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "X, la coopérative de Thuir, qu'elle avait rejointe en 2004": the object a relative
    pronoun stands for is the event's."""
    for verb in mention.verbs:
        for child in verb.children:
            if child.dep_ != "obj":
                continue
            found = relative_antecedent(child, ctx)
            if found is not None:
                role = as_role(ctx.lex.default_roles.get(mention.type, "participant"))
                add_participant(table, Participant(name=found.canonical, label=found.label, role=role,
                                                   entity_id=found.entity_id))


def _add_host_subject(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "X présentera sa gamme au salon Y", "elle sera présente lors des Rencontres": the
    subject of the clause a nominal event is the occasion of takes part in it."""
    trigger, support = mention.trigger, mention.support
    # a participle on the trigger ("les Rencontres, organisées par Y") is no host
    if not mention.nominal or (support is not None and support.head.i != trigger.i):
        return
    host = trigger.head
    preps = {norm_word(c.text) for c in trigger.children if c.dep_ == "case"}
    if host.pos_ == "ADV" and host.head.i != host.i:  # "lors des Rencontres": "lors" heads them
        preps.add(norm_word(host.text))
        host = host.head
    if not trigger.dep_.startswith("obl") or host.pos_ != "VERB" or not preps & argument_words().occasion_preps:
        return
    subj = subject_of(host)
    if subj is None:
        return
    k = bisect.bisect_right(ctx.ent_starts, subj.i) - 1
    found = ctx.ents[k] if k >= 0 and ctx.ents[k].start <= subj.i < ctx.ents[k].end else None
    if found is None:
        found = _subject_referent(subj, ctx)
        if found is None and subj.pos_ == "PRON" and norm_word(subj.text) in SINGULAR_PRONOUNS:
            found = ctx.issuer  # "elle présentera … lors de …": the article's organisation
    if found is not None and found.label in _PARTICIPANT_LABELS:
        add_participant(table, Participant(name=found.canonical, label=found.label, role="participant",
                                           entity_id=found.entity_id))


def _add_next_description(table: dict[str, Participant], mention: Mention, ctx: ArticleContext) -> None:
    """ "Le premier Forum X se tiendra jeudi. Organisé par A et B, il réunira …": when a
    nominal event is the subject of its sentence and the next one opens with a participle
    about a pronoun that takes it up (same gender), the participle's names are the event's."""
    trigger, doc = mention.trigger, ctx.doc
    if not mention.nominal or not trigger.dep_.startswith("nsubj"):
        return
    k = written_sentence(doc, trigger.i)[1]
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return
    participle = doc[k]
    subject = fronted_subject(participle)
    if subject is None or subject.pos_ != "PRON" or norm_word(subject.text) not in SUBJECT_PRONOUNS:
        return
    if morph(subject, "Gender") and morph(trigger, "Gender") and morph(subject, "Gender") != morph(trigger, "Gender"):
        return
    lo = bisect.bisect_left(ctx.ent_starts, participle.i)
    for e in itertools.takewhile(lambda e: e.end <= subject.i, itertools.islice(ctx.ents, lo, None)):
        if e.label not in _PARTICIPANT_LABELS or doc[e.start - 1].text == "(" or former_employer(ctx, e):
            continue  # a bracketed restatement ("(Bundesagentur für Arbeit)") is no one else
        by = any(norm_word(t.text) in ctx.lex.organizer_preps for t in doc[participle.i : e.start])
        role = "organizer" if by else as_role(ctx.lex.default_roles.get(mention.type, "participant"))
        add_participant(table, Participant(name=e.canonical, label=e.label, role=role, entity_id=e.entity_id))


def _apposed_person(noun: Token, ctx: ArticleContext) -> Ent | None:
    """The person a fronted description is about ("Docteure en chimie, Anne Le Gall, 44
    ans, a débuté": the parse makes the description the subject, the name its complement
    without a preposition)."""
    for child in noun.children:
        if child.dep_ not in ("appos", "nmod") or any(c.dep_ == "case" for c in child.children):
            continue
        k = bisect.bisect_right(ctx.ent_starts, child.i) - 1
        if k >= 0 and ctx.ents[k].start <= child.i < ctx.ents[k].end and ctx.ents[k].label == "PER":
            return ctx.ents[k]
    return None


def _in_person_title(ctx: ArticleContext, e: Ent, floor: int) -> bool:
    """Is the entity the complement of a person's title, right before the person's name
    ("le ministre de l'Intérieur Bernard Cazeneuve", "le président de la République
    François Hollande")? It says who the person is; it does not take part."""
    after = _entity_at(ctx, e.end)
    if after is None or after.label != "PER" or e.label == "PER":
        return False
    doc = ctx.doc
    k = e.start - 1
    while k >= floor and (doc[k].pos_ == "DET" or norm_word(doc[k].text) in DEFINITES):
        k -= 1
    if k <= floor or norm_word(doc[k].text) not in DE_WORDS:
        return False
    title = doc[k - 1]
    return title.pos_ == "NOUN" and title.text[:1].islower()


def _entity_at(ctx: ArticleContext, start: int) -> Ent | None:
    """The entity that starts at token ``start``, if any."""
    k = bisect.bisect_left(ctx.ent_starts, start)
    return ctx.ents[k] if k < len(ctx.ents) and ctx.ents[k].start == start else None


def _passive_agent(verb: Token, obl: Token) -> bool:
    """ "a été signé par la présidente" when the parse takes the agent for an oblique."""
    return (
        obl.dep_.startswith("obl")
        and any(c.dep_ == "aux:pass" for c in verb.children)
        and any(c.dep_ == "case" and norm_word(c.text) == "par" for c in obl.children)
    )


def _add_segment_entities(
    table: dict[str, Participant],
    mention: Mention,
    ctx: ArticleContext,
    segment: Segment,
    list_items: Sequence[_ListItem],
) -> None:
    """The segment's organisations and people, and a place that acts or applies."""
    doc, lex = ctx.doc, ctx.lex
    for e in segment.ents:
        if e.start in segment.used or inside(e.start, segment.appositives):
            continue
        if any(q[0] <= doc[e.start].idx < q[1] for q in ctx.quoted):
            continue
        if e.end - e.start == 1 and norm_word(e.text) in lex.generic_entity_words:
            continue
        if _in_person_title(ctx, e, mention.seg_start) or former_employer(ctx, e):
            continue
        item = next((it for it in list_items if it.start <= e.start < it.end), None)
        prep = item.prep if item else preceding_word(doc, e.start, mention.seg_start)
        if e.label == "PER" and prep in argument_words().topic_preps:
            continue  # what the show or the talk is about
        root = doc[e.start : e.end].root
        # a place is a participant only as the one acting (a subject, a passive's agent:
        # "le projet préparé par la France"), applying or playing against; any other name
        # only as the event's agent ("organisées par Livre et lecture en Bretagne", a name
        # the NER calls a work)
        agent = e.label == "MISC" and prep in lex.organizer_preps
        if e.label not in _PARTICIPANT_LABELS and not agent and (
            e.label != "LOC"
            or not (
                root.dep_ == "nsubj"
                or (root.dep_ == "conj" and root.head.dep_ == "nsubj")
                or (prep in DE_WORDS and e.start - mention.trigger_end <= 2 and mention.nominal)
                or _after_opponent_prep(doc, e.start, mention.seg_start)
                or "obl:agent" in (root.dep_, root.head.dep_ if root.dep_ == "conj" else "")
            )
        ):
            continue
        # the parse decides only when it holds the name's first word too (a name across
        # a line break is two phrases to it)
        if not (
            in_event_clause(mention, root)
            or in_event_clause(mention, doc[e.start])
            or _in_fronted_phrase(mention, e.start)
        ):
            continue  # a name of another predicate of the sentence
        role = role_for(mention, e.start, root, prep, lex)
        key = norm_word(e.canonical)
        if key not in table and item is None and not _core_name(mention, root, e.start, prep, ctx):
            mention.peripheral.add(key)
        add_participant(
            table,
            Participant(name=e.canonical, label="ORG" if agent else e.label, role=role, entity_id=e.entity_id),
        )


@functools.cache
def _guest_phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases that open a list of guests before a "de" word (``guest_phrases``)."""
    words = read_json("event_arguments_fr.json")["guest_phrases"]["words"]
    return tuple(tuple(norm_word(w) for w in phrase.split()) for phrase in words)


def _add_guests(table: dict[str, Participant], mention: Mention, ctx: ArticleContext, segment: Segment) -> None:
    """ "inaugurée en présence de la préfète, Alice Ravaud", "ont signé …, en présence de
    Régis Aubanel, président de …": the people an event is held before take part in it, as
    a core name (a later mention that takes the event up brings them too). The organisation
    in a guest's title only describes the guest."""
    doc = ctx.doc
    for k in range(mention.seg_start, mention.seg_end):
        if norm_word(doc[k].text) not in DE_WORDS or not any(
            k >= len(p) and tuple(norm_word(t.text) for t in doc[k - len(p) : k]) == p for p in _guest_phrases()
        ):
            continue
        for s, e_ in _with_list(doc, k, mention.seg_end):
            person = next((e for e in segment.ents if s <= e.start < e_ and e.label == "PER"), None)
            if person is None or any(q[0] <= doc[person.start].idx < q[1] for q in ctx.quoted):
                continue
            mention.peripheral.discard(norm_word(person.canonical))
            add_participant(table, Participant(name=person.canonical, label="PER", role="participant",
                                               entity_id=person.entity_id))


def _in_fronted_phrase(mention: Mention, start: int) -> bool:
    """Is the name inside the phrase of a fronted participle trigger, before the subject
    it is about ("Créée en 2012 par X dans …, la brasserie")? Its words are the event's
    whatever head the parse gave them."""
    if mention.nominal:
        return False
    subject = fronted_subject(mention.trigger)
    return subject is not None and mention.trigger.i < start < subject.left_edge.i


def _core_name(mention: Mention, root: Token, start: int, prep: str, ctx: ArticleContext) -> bool:
    """Is the name the subject or object of the mention's verb, the nominal trigger's
    "de" complement ("la visite du pape"), or the organisation in the title of a person who
    is its subject ("X, directrice de la compagnie Y, a signé": Y signs through X)? Other
    names of the clause are side names."""
    if root.dep_ in ("nsubj", "nsubj:pass", "obj") and root.head in mention.verbs:
        return True
    if prep in DE_WORDS and mention.nominal and 0 < start - mention.trigger_end <= 4:
        return True
    tok = root
    for _ in range(_TITLE_DEPTH):
        if tok.dep_ not in ("nmod", "appos") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if person_at(ctx, tok.i):
            subject = tok.head if tok.dep_ == "conj" else tok
            return subject.dep_ in ("nsubj", "nsubj:pass") and subject.head in mention.verbs
    return False


def _after_opponent_prep(doc: Doc, start: int, floor: int) -> bool:
    """Does "face à" / "contre" come before the name at ``start`` (the other side)?"""
    words = argument_words().opponent_preps
    k = start - 1
    while k >= floor and doc[k].pos_ == "DET":
        k -= 1
    if k < floor:
        return False
    if norm_word(doc[k].text) in words:
        return True
    return norm_word(doc[k].text) == "à" and k > floor and norm_word(doc[k - 1].text) in words


__all__ = ["collect_participants", "doc_entities", "main_actor", "main_person"]
