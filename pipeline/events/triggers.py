"""Trigger mentions: the words of a sentence that name an event, and their segments.

A cheap prefilter (:func:`trigger_candidates`) reads the token arrays once per doc;
:func:`find_mentions` then reads only those tokens: nominal triggers (with the support
verb that governs or modifies them), verbal triggers, and one segment per mention.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.attrs import LEMMA, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from pipeline.events.grammar import agreeing_noun_before, morph, relative_antecedent
from pipeline.events.lexicon import EventLexicon, split_words
from pipeline.events.mention import ArticleContext, Ent, Mention
from pipeline.nlp.text import norm_word
from pipeline.quantities import find_quantities
from pipeline.records import DateMention, Quantity

_NOUNISH = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"], 0})  # 0: no tag ("")
_VERB = POS_IDS["VERB"]
#: (POS, ORTH, LEMMA) hashes -> may a trigger start at such a token? Bounded by the
#: vocabulary; cleared if a very large corpus ever fills it.
_CANDIDATE_CACHE: dict[tuple[int, int, int], bool] = {}
_CANDIDATE_CACHE_MAX = 500_000


class SentenceQuantities:
    """The quantities of one sentence, read on first use."""

    __slots__ = ("_items", "_sent")

    def __init__(self, sent: Span) -> None:
        self._sent = sent
        self._items: list[Quantity] | None = None

    @property
    def items(self) -> list[Quantity]:
        """The sentence's quantities (:func:`~pipeline.quantities.find_quantities`)."""
        if self._items is None:
            self._items = find_quantities(self._sent)
        return self._items


def _may_trigger(doc: Doc, pos: int, orth: int, lemma: int, lex: EventLexicon) -> bool:
    """The first tests of :func:`find_mentions`'s loop, on a token's hashes."""
    if pos in _NOUNISH:
        text = doc.vocab.strings[orth]
        lemma_text = doc.vocab.strings[lemma] if lemma else ""
        heads = split_words(norm_word(text))[:1] + split_words(norm_word(lemma_text or text))[:1]
        return any(h in lex.noun_heads for h in heads)
    if pos == _VERB:
        lemma_word = norm_word(doc.vocab.strings[lemma] if lemma else "")
        return lemma_word in lex.verbs or lemma_word in lex.dated_only_verbs
    return False


def trigger_candidates(doc: Doc, lex: EventLexicon) -> list[int]:
    """Indices of the tokens where :func:`find_mentions` may find a trigger, in order.

    Read from the token arrays with one cached answer per distinct (tag, form, lemma):
    most sentences have none, and the per-token loop then never makes a ``Token``.
    """
    if len(_CANDIDATE_CACHE) > _CANDIDATE_CACHE_MAX:
        _CANDIDATE_CACHE.clear()
    found: list[int] = []
    for i, (pos, orth, lemma) in enumerate(doc.to_array([POS, ORTH, LEMMA]).tolist()):
        key = (pos, orth, lemma)
        hit = _CANDIDATE_CACHE.get(key)
        if hit is None:
            hit = _CANDIDATE_CACHE[key] = _may_trigger(doc, pos, orth, lemma, lex)
        if hit:
            found.append(i)
    return found


def find_mentions(
    sent: Span, ctx: ArticleContext, quantities: SentenceQuantities, candidates: Sequence[int]
) -> list[Mention]:
    """Trigger mentions of one sentence, nominal and verbal, with support verbs merged.

    Args:
        sent: the sentence.
        ctx: the article's readings (the lexicon, the tokens inside entities).
        quantities: the sentence's quantities; a counted noun is not an event.
        candidates: the sentence's token indices (relative to ``sent``) from
            :func:`trigger_candidates`; no other token can start a mention.

    Returns:
        The mentions in text order, each with its segment set.
    """
    lex = ctx.lex
    nominal, verbal = _read_triggers(sent, ctx, quantities, candidates)
    _attach_support_verbs(nominal, verbal, lex, ctx.dates)
    _drop_generic_verbs(verbal, lex, ctx.named_tokens)
    _fold_relative_verbs(nominal, verbal)
    _fold_taking_place_verbs(nominal, verbal, lex)
    mentions = sorted([*nominal.values(), *verbal.values()], key=lambda m: (m.phrase_start, m.trigger.i))
    _set_segments(sent, mentions)
    return mentions


def _read_triggers(
    tokens: Span, ctx: ArticleContext, quantities: SentenceQuantities, candidates: Sequence[int]
) -> tuple[dict[int, Mention], dict[int, Mention]]:
    """The nominal and the verbal trigger mentions at the candidates, by token index."""
    lex = ctx.lex
    nominal: dict[int, Mention] = {}
    verbal: dict[int, Mention] = {}
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside a multiword trigger already taken
        i = candidate
        tok = tokens[i]
        if in_fixed_phrase(tokens, i, lex):
            i += 1
            continue
        if tok.pos_ in ("NOUN", "PROPN", ""):
            match = _match_noun(tokens, i, lex)
            if match is not None:
                n, kind = match
                mention = _nominal_mention(tokens, i, n, kind, lex, quantities, ctx.named_tokens)
                if mention is not None:
                    nominal[tok.i] = mention
                i += n
                continue
        if tok.pos_ == "VERB":
            mention = _verbal_mention(tok, lex)
            if mention is not None:
                verbal[tok.i] = mention
        i += 1
    return nominal, verbal


def _match_noun(tokens: Span, i: int, lex: EventLexicon) -> tuple[int, str] | None:
    """Longest nominal trigger starting at ``tokens[i]``: (length, type).

    Asked only at the candidates of :func:`trigger_candidates`, which tests the first
    word against the lexicon's trigger heads.
    """
    best: tuple[int, str] | None = None
    for n in range(1, lex.max_noun_len + 1):
        if i + n > len(tokens):
            break
        by_lemma = tuple(norm_word(t.lemma_ or t.text) for t in tokens[i : i + n])
        by_form = tuple(norm_word(t.text) for t in tokens[i : i + n])
        # the written form first: "Rencontres" (a conference) is not "rencontre"
        for key in (by_form, by_lemma):
            flat = tuple(w for part in key for w in split_words(part))
            kind = lex.nouns.get(flat)
            if kind is not None:
                best = (n, kind)
                break
    return best


def _nominal_mention(
    tokens: Span,
    i: int,
    n: int,
    kind: str,
    lex: EventLexicon,
    quantities: SentenceQuantities,
    named_tokens: Mapping[int, Ent],
) -> Mention | None:
    """The mention of the ``n``-token nominal trigger at ``tokens[i]``, unless it is
    counted ("une quarantaine de rendez-vous") or part of a name that is not an event."""
    tok = tokens[i]
    ent = named_tokens.get(tok.i)
    # people counted in a list a verb acts on are still who the event is about ("la liste
    # des 37 lauréats")
    counted = any(q.start <= tok.idx < q.end for q in quantities.items) and not (
        norm_word(tok.lemma_) in lex.participant_nouns and _in_acted_list(tok, lex))
    # inside a name, only a named event counts ("le Salon du livre"), not an
    # organisation acting ("l'Atelier du Parc a présenté")
    named_ok = ent is None or (ent.label in ("MISC", "EVENT") and _named_event_is_the_event(tok, ent, lex))
    if counted or not named_ok or (ent is None and tok.pos_ == "PROPN"):
        return None
    key = " ".join(norm_word(t.lemma_ or t.text) for t in tokens[i : i + n])
    by_complement = lex.type_by_argument.get(key)
    if by_complement:
        complements = [norm_word(c.lemma_) for c in tok.children if c.dep_ in ("nmod", "amod")]
        kind = next((by_complement[c] for c in complements if c in by_complement), kind)
    if key in lex.edition_nouns:
        kind = _edition_type(tok, lex) or _earlier_edition_type(tok, lex) or kind
    return Mention(
        trigger=tok,
        trigger_end=tok.i + n,
        type=kind,
        nominal=True,
        weak=key in lex.weak_nouns or norm_word(tok.text) in lex.weak_nouns,
    )


def _edition_type(tok: Token, lex: EventLexicon) -> str | None:
    """The type of the event an edition is of ("la 12e édition du salon": a conference),
    read from its complement, a trigger noun or a name that starts with one."""
    for child in tok.children:
        if child.dep_ != "nmod":
            continue
        for word in (norm_word(child.lemma_), norm_word(child.text)):
            kind = lex.nouns.get((word,))
            if kind is not None:
                return kind
    return None


def _earlier_edition_type(tok: Token, lex: EventLexicon) -> str | None:
    """ "La prochaine édition se tiendra en mai": with no complement, an edition is one of
    the series an earlier edition of the article was of ("sa troisième édition, le salon")."""
    for prev in reversed(tok.doc[: tok.i]):
        if norm_word(prev.lemma_) not in lex.edition_nouns:
            continue
        # "pour sa troisième édition, le salon a ouvert": the subject of the verb it frames
        subjects = [c for c in prev.head.children if c.dep_ == "nsubj"] if prev.dep_.startswith("obl") else []
        kind = _edition_type(prev, lex) or next(
            (k for c in subjects if (k := lex.nouns.get((norm_word(c.lemma_),))) is not None), None)
        if kind is not None:
            return kind
    return None


def _named_event_is_the_event(tok: Token, ent: Ent, lex: EventLexicon) -> bool:
    """A trigger inside a named event counts unless the name is the subject of a verb that
    is not the event's own support ("l'Atelier du Parc a présenté": an organisation acting);
    "la cérémonie des Tony Awards s'est déroulée" is the event taking place."""
    root = tok.doc[ent.start : ent.end].root
    if root.dep_ not in ("nsubj", "nsubj:pass"):
        return True
    return norm_word(root.head.lemma_) in lex.taking_place_verbs


def _verbal_mention(tok: Token, lex: EventLexicon) -> Mention | None:
    """The mention of a verbal trigger ("a visité"), with the lexicon's reflexive rules."""
    lemma = norm_word(tok.lemma_)
    kind = lex.verbs.get(lemma)
    dated_only = kind is None and lemma in lex.dated_only_verbs
    if dated_only:
        kind = lex.dated_only_verbs[lemma]
    by_object = lex.type_by_argument.get(lemma)
    if kind is not None and by_object:
        kind = next((by_object[o] for o in _object_lemmas(tok, lex.container_nouns) if o in by_object), kind)
    reflexive = _is_reflexive(tok)
    if (
        kind is not None
        and (lemma not in lex.reflexive_verbs or reflexive)
        and not (lemma in lex.non_reflexive_verbs and reflexive)
    ):
        return Mention(
            trigger=tok,
            trigger_end=tok.i + 1,
            type=kind,
            nominal=False,
            weak=dated_only,
            dated_only=dated_only,
        )
    return None


def in_fixed_phrase(tokens: Span, i: int, lex: EventLexicon) -> bool:
    """Is ``tokens[i]`` a word of a fixed expression that names no event ("à point nommé")?

    A word of the phrase matches by its form or its lemma ("ont rendu hommage").
    """
    def same(k: int, word: str) -> bool:
        return 0 <= k < len(tokens) and word in (norm_word(tokens[k].text), norm_word(tokens[k].lemma_))

    for phrase in lex.fixed_phrases:
        for offset, word in enumerate(phrase):
            if same(i, word) and all(same(i - offset + j, w) for j, w in enumerate(phrase)):
                return True
    return False


def _object_lemmas(verb: Token, containers: frozenset[str]) -> list[str]:
    """What the verb acts on: its objects, its passive subject, or the noun its participle
    modifies ("les chiffres dévoilés mardi"); through a list, what it lists."""
    # the parser often labels a noun object "xcomp" ("a cédé le pouvoir")
    objects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") or (c.dep_ == "xcomp" and c.pos_ == "NOUN")]
    found: list[str] = []
    for obj in objects:
        if norm_word(obj.lemma_) in containers:
            # "a dévoilé la liste des lauréats": what the list names comes first
            found.extend(norm_word(c.lemma_) for c in obj.children if c.dep_ == "nmod")
        found.append(norm_word(obj.lemma_))
    clause = verb
    while clause.dep_ == "xcomp" and clause.head is not clause:
        clause = clause.head  # "qui devrait être dévoilée": the relative is the modal's
    if clause.dep_ in ("acl", "acl:relcl", "amod") and _agree(clause, clause.head):
        found.append(norm_word(clause.head.lemma_))
    elif _detached_participle(verb):
        # "la première promotion du programme X, dévoilée mardi": the parser hangs the
        # participle on the main verb or on the nearest noun; it qualifies the noun before
        # it that agrees with it
        nouns = [t for t in verb.sent if t.pos_ == "NOUN" and t.i < verb.i]
        noun = agreeing_noun_before(verb, verb.i, nouns)
        if noun is not None:
            found.append(norm_word(noun.lemma_))
    return found


def _agree(participle: Token, noun: Token) -> bool:
    """Do a participle and a noun agree in gender (unsaid agrees)? The tagger's number of
    a participle is too often wrong ("les chiffres dévoilés": singular) to disagree on."""
    gender, noun_gender = morph(participle, "Gender"), morph(noun, "Gender")
    return not gender or not noun_gender or gender == noun_gender


def _detached_participle(verb: Token) -> bool:
    """A past participle set off by a comma with no subject of its own (", dévoilée mardi")."""
    return (
        "Part" in morph(verb, "VerbForm")
        and verb.dep_ in ("advcl", "conj", "acl")
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_.startswith(("nsubj", "aux")) for c in verb.children)
    )


def _is_reflexive(verb: Token) -> bool:
    """Has the verb a reflexive pronoun ("se tiendra", "s'est déroulé")?"""
    return any(
        c.dep_.startswith("expl") or norm_word(c.text) in ("se", "s'") for c in verb.children
    )


def _attach_support_verbs(
    nominal: dict[int, Mention], verbal: dict[int, Mention], lex: EventLexicon, dates: Sequence[DateMention]
) -> None:
    """Give each nominal mention its support verb, in place; the verb is then not a
    mention of its own. A trigger complementing another is dropped."""
    for idx in sorted(nominal):
        mention = nominal[idx]
        tok = mention.trigger
        # a trigger complementing another ("la candidature au label", "le coup d'envoi du
        # festival", "le concours des vins de la foire") is one mention
        if _complement_owner(tok, nominal) is not None:
            del nominal[idx]
            continue
        support = _support_verb(tok, lex) or _support_past_date(tok, lex, dates) or _speech_support(tok, lex)
        if support is not None and support.i in verbal and _names_participants(mention, lex):
            # "les lauréats seront reçus le 28 mars": the verb's event, the noun its participants
            del nominal[idx]
            continue
        if support is not None:
            mention.support = support
            verbal.pop(support.i, None)
            if norm_word(support.lemma_) in lex.announcing_verbs:
                # announcing it is an event too, dated by its own clause
                verbal[support.i] = Mention(trigger=support, trigger_end=support.i + 1, type="announcement",
                                            nominal=False, weak=True, dated_only=True)
                if norm_word(tok.lemma_) in lex.announced_nouns:
                    del nominal[idx]  # "a officialisé sa candidature": the announcement is the event


#: how many nouns up a complement chain a trigger may sit below another ("le concours
#: des vins de la foire": two)
_MAX_COMPLEMENT_DEPTH = 2


def _names_participants(mention: Mention, lex: EventLexicon) -> bool:
    """Does the nominal trigger name who takes part ("les lauréats") rather than an event?"""
    return norm_word(mention.trigger.lemma_) in lex.participant_nouns


def _complement_owner(tok: Token, nominal: Mapping[int, Mention]) -> int | None:
    """The nominal trigger whose phrase ``tok`` complements, through a chain of noun
    complements; the head may be any word of a multiword trigger ("le coup d'envoi du …")."""
    word = tok
    for _ in range(_MAX_COMPLEMENT_DEPTH):
        if word.dep_ != "nmod" or word.head is word:
            return None
        head = word.head
        owner = next((i for i, m in nominal.items() if i <= head.i < m.trigger_end and i != tok.i), None)
        if owner is not None:
            return owner
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        word = head
    return None


def _fold_taking_place_verbs(nominal: dict[int, Mention], verbal: dict[int, Mention], lex: EventLexicon) -> None:
    """ "La 70e cérémonie des X, organisée par Y, s'est déroulée le 12 juin": the parser
    often misses the subject of a verb of taking place after a long one; the event noun
    before it that agrees with it is what takes place, and the verb its support, in place.
    So is the event noun a name subject is the name of ("le salon professionnel Alpes
    Outdoor Expo a ouvert ses portes": an edition of the salon, not a launch)."""
    nouns = [m.trigger for m in nominal.values()]
    for idx in list(verbal):
        verb = verbal[idx].trigger
        if norm_word(verb.lemma_) not in lex.taking_place_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if subjects and (not _is_name(subjects[0]) or subjects[0].i > verb.i):
            continue
        # before the name, or before the verb's own auxiliary and pronoun ("s'est déroulée")
        start = subjects[0].left_edge.i if subjects else min(
            [verb.i, *(c.i for c in verb.children if c.dep_.startswith(("aux", "expl")))])
        # a participle agrees with its subject only after "être" ("s'est déroulée", not "a ouvert")
        with_etre = any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children)
        subject = agreeing_noun_before(verb, start, nouns, gender=with_etre)
        if subject is not None and nominal[subject.i].support is None:
            nominal[subject.i].support = verb
            del verbal[idx]


def _is_name(tok: Token) -> bool:
    """A proper name, or a capitalised word inside a sentence (the tagger often reads a
    name's words as adjectives or nouns: "Grand Pavois Expo")."""
    return tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.i > tok.sent.start)


def _fold_relative_verbs(nominal: dict[int, Mention], verbal: dict[int, Mention]) -> None:
    """A verbal trigger in a relative clause about an event noun tells that noun's event
    ("les travaux, qui débuteront en mars"; "la session, au cours de laquelle la chambre
    élira son président"): the noun, which names the event, keeps the type; the verb
    becomes its support when it has none, in place. An announcement made of a support
    verb stays its own event."""
    nouns = [m.trigger for m in nominal.values()]
    for idx in list(verbal):
        mention = verbal[idx]
        if mention.type == "announcement":
            continue
        antecedent = relative_antecedent(mention.trigger, nouns)
        if antecedent is None:
            continue
        noun = nominal[antecedent.i]
        if noun.support is None:
            noun.support = mention.trigger
        del verbal[idx]


def _speech_support(tok: Token, lex: EventLexicon) -> Token | None:
    """ "Dans son discours, elle a annoncé …", "il a prononcé une allocution": a speech is
    told by the verb it frames, or by the verb of giving it it is the object of."""
    if norm_word(tok.lemma_) not in lex.speech_nouns:
        return None
    head = tok.head
    if head.pos_ == "VERB" and (tok.dep_.startswith("obl") or (
            tok.dep_ == "obj" and norm_word(head.lemma_) in lex.speech_verbs)):
        return head
    return None


def _support_past_date(tok: Token, lex: EventLexicon, dates: Sequence[DateMention]) -> Token | None:
    """ "a validé mercredi la reprise": the object after a date between verb and object is
    often hung on the date by the parser; the verb the date modifies is its support."""
    head = tok.head
    if tok.dep_ != "nmod" or head.i > tok.i or not any(d.start <= head.idx < d.end for d in dates):
        return None
    # only determiners and adjectives between the date and the noun
    if any(t.pos_ not in ("DET", "ADJ", "NUM") for t in tok.doc[head.i + 1 : tok.i]):
        return None
    while head.head is not head and any(d.start <= head.head.idx < d.end for d in dates):
        head = head.head  # up to the date's own root ("ce jeudi 3 juin")
    verb = head.head
    lemma = norm_word(verb.lemma_)
    if head.dep_.startswith("obl") and verb.pos_ == "VERB" and (lemma in lex.support_verbs or lemma in lex.verbs):
        return verb
    return None


def _support_verb(tok: Token, lex: EventLexicon) -> Token | None:
    """The verb that governs a nominal trigger ("a conclu un partenariat", "la rencontre
    aura lieu") or modifies it ("une rencontre organisée"). A conjunct shares its first
    conjunct's verb ("a annoncé la création d'un fonds et l'ouverture d'une antenne")."""
    first = tok
    while first.dep_ == "conj" and first.head is not first and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    head = first.head
    # a determined noun the parser coordinates with the verb itself is its second object
    object_of_verb = first.dep_ == "conj" and head.pos_ == "VERB" and head.i < first.i and any(
        c.pos_ == "DET" for c in first.lefts)
    if _in_acted_list(first, lex):
        # "ont présenté la liste des 37 lauréats": the verb acts on what the list names
        first, head = head, head.head
    if (first.dep_ in ("obj", "nsubj", "nsubj:pass") or object_of_verb) and head.pos_ in ("VERB", "AUX"):
        lemma = norm_word(head.lemma_)
        if lemma in lex.support_verbs or lemma in lex.verbs:
            return head
    for child in tok.rights:
        if child.dep_ == "acl" and child.pos_ == "VERB" and not _opens_missed_sentence(child):
            lemma = norm_word(child.lemma_)
            if lemma in lex.support_verbs or lemma in lex.verbs:
                return child
    return None


def _in_acted_list(tok: Token, lex: EventLexicon) -> bool:
    """Is ``tok`` what a list some verb acts on names ("la liste des lauréats", object)?"""
    head = tok.head
    return (tok.dep_ == "nmod" and norm_word(head.lemma_) in lex.container_nouns
            and head.dep_ in ("obj", "nsubj:pass") and head.head.pos_ == "VERB")


def _opens_missed_sentence(tok: Token) -> bool:
    """Does ``tok`` open a sentence the parser ran on into the one before ("… aux
    particules fines. Créée en 2017 par …, la société compte": the participle hung on a
    noun before the full stop)? A capitalised word right after a sentence's end."""
    if tok.is_sent_start or not tok.text[:1].isupper():
        return False
    before = tok.i - 1
    while before > tok.sent.start and tok.doc[before].is_space:
        before -= 1
    return before >= tok.sent.start and tok.doc[before].text.endswith((".", "!", "?"))


def _drop_generic_verbs(
    verbal: dict[int, Mention], lex: EventLexicon, named_tokens: Mapping[int, Ent]
) -> None:
    """Remove, in place, generic verbs ("organiser", "tenir") without a named patient:
    they are events only with one."""
    for idx in list(verbal):
        mention = verbal[idx]
        lemma = norm_word(mention.trigger.lemma_)
        if lemma in lex.generic_verbs:
            patient = _patient(mention.trigger)
            # a noun naming who takes part counts as named ("les lauréats seront reçus")
            if patient is None or (patient.i not in named_tokens and patient.pos_ != "PROPN"
                                   and norm_word(patient.lemma_) not in lex.participant_nouns):
                del verbal[idx]


def _patient(verb: Token) -> Token | None:
    """The verb's object, or the subject of its passive."""
    for child in verb.children:
        if child.dep_ in ("obj", "nsubj:pass"):
            return child
    return None


def _set_segments(sent: Span, mentions: Sequence[Mention]) -> None:
    """Cut the sentence into one segment per mention, in place: from the mention's
    phrase to the next mention's (the first segment starts with the sentence)."""
    doc = sent.doc
    cuts = [m.phrase_start for m in mentions]
    for k in range(1, len(cuts)):
        if cuts[k] <= cuts[k - 1]:
            # two nouns of one support verb ("a annoncé la création de X et l'ouverture de
            # Y"): the second one's segment starts at its own phrase
            own = min([mentions[k].trigger.i, *(c.i for c in mentions[k].trigger.lefts if c.pos_ == "DET")])
            cuts[k] = max(own, cuts[k - 1] + 1)
    for k, mention in enumerate(mentions):
        start = sent.start if k == 0 else cuts[k]
        end = cuts[k + 1] if k + 1 < len(mentions) else sent.end
        # a line break ends a segment: headings and datelines are not the event's
        for j in range(mention.trigger.i - 1, start - 1, -1):
            if "\n" in doc[j].text_with_ws and j < mention.phrase_start:
                start = j + 1
                break
        for j in range(mention.trigger_end, end):
            if "\n" in doc[j].text_with_ws:
                end = j + 1
                break
        mention.seg_start, mention.seg_end = start, end


__all__ = ["SentenceQuantities", "find_mentions", "in_fixed_phrase", "trigger_candidates"]
