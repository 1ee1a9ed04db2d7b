"""A mention's arguments, read in its segment: date, name, location, participants, quantities.

The segment, not the parse, bounds what a mention may take: the parser often attaches
dates and names to the wrong head in long French sentences, while the linear order of
a press sentence is reliable.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.events.clause import (
    argument_list,
    argument_words,
    home_predicate,
    in_event_clause,
    is_time_anchor,
)
from pipeline.events.figures import (
    companions,
    consequence_count,
    figure_preps,
    framed_count,
    phrase_head,
)
from pipeline.events.grammar import (
    DE_WORDS,
    DEFINITES,
    DEMONSTRATIVES,
    POSSESSIVES,
    appositive_ranges,
    inside,
    preceding_word,
)
from pipeline.events.lexicon import EventLexicon
from pipeline.events.mention import ArticleContext, Mention, Segment
from pipeline.events.participants import collect_participants
from pipeline.events.places import destination_place, host_place, in_description, seat_place
from pipeline.nlp.text import doc_text, norm_word
from pipeline.quantities import load_lexicon as numbers_lexicon
from pipeline.records import DateMention, Quantity

_ANAPHORIC_ADJ = frozenset({"premier", "première", "même", "dernier", "dernière"})
_MAX_NAME_TOKENS = 8
#: types whose event starts a state that holds since then: "depuis 2014" dates them
#: ("occupe ce poste depuis 2014", "testée depuis octobre 2016")
_STARTING_TYPES = frozenset({"appointment", "recruitment", "election", "launch"})
MONEY_UNITS = ("EUR", "USD", "GBP", "CHF", "FRF")


def collect_arguments(
    mention: Mention, ctx: ArticleContext, quantities: Sequence[Quantity]
) -> None:
    """Fill the mention's date, quote and anaphora flags, name, location, participants
    and quantities from its segment, in place.

    Args:
        mention: a mention with its segment set (:func:`~pipeline.events.triggers.find_mentions`).
        ctx: the article's readings.
        quantities: the quantities of the mention's sentence.
    """
    _attach_date(mention, ctx)
    mention.in_quote = any(s <= mention.trigger.idx < e for s, e in ctx.quoted)
    mention.anaphoric = _is_anaphoric(mention)
    seg_start, seg_end = mention.seg_start, mention.seg_end
    lo = bisect.bisect_left(ctx.ent_starts, seg_start)
    segment = Segment(
        ents=list(
            itertools.takewhile(lambda e: e.start < seg_end, itertools.islice(ctx.ents, lo, None))
        ),
        appositives=appositive_ranges(ctx.doc, seg_start, seg_end),
    )
    _set_name(mention, ctx, segment)
    _set_location(mention, ctx, segment)
    collect_participants(mention, ctx, segment)
    _attach_quantities(mention, ctx.doc, quantities)


def _attach_date(mention: Mention, ctx: ArticleContext) -> None:
    """The segment's date closest to the trigger, if the segment has one."""
    doc = ctx.doc
    seg_start_char = doc[mention.seg_start].idx
    seg_end_char = doc[mention.seg_end - 1].idx + len(doc[mention.seg_end - 1].text)
    lo = bisect.bisect_left(ctx.date_starts, seg_start_char)
    in_seg: list[DateMention] = []
    for d in itertools.islice(ctx.dates, lo, None):
        if d.start >= seg_end_char:
            break
        if not _deadline(doc, d) and not _since(doc, d, mention):
            in_seg.append(d)
    in_seg = [d for d in in_seg if not _in_reported_clause(doc, d, mention)]
    if in_seg:
        trig = mention.trigger.idx
        # "née en 1965 et nommée en septembre": of the segment's dates, the one the parse
        # hangs on the trigger (or its verb) is its own; the nearest only when none is
        own = [d for d in in_seg if _hangs_on(doc, d, mention)] if len(in_seg) > 1 else []
        mention.date = min(own or in_seg, key=lambda d: abs(d.start - trig))
        return
    mention.date = _governed_date(mention, ctx)


def _hangs_on(doc: Doc, date: DateMention, mention: Mention) -> bool:
    """Is the date's head the trigger or a verb that carries it?"""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and span.root.head.i != span.root.i and span.root.head.i in mention.anchor_ids


def _deadline(doc: Doc, date: DateMention) -> bool:
    """ "recruter 60 personnes d'ici 2025": a deadline, not when the event happens."""
    before = norm_word(doc_text(doc)[max(0, date.start - 8) : date.start]).rstrip()
    return before.endswith("d'ici") or norm_word(date.text).startswith("d'ici")


def _since(doc: Doc, date: DateMention, mention: Mention) -> bool:
    """ "pratiqués depuis mai 2015": the start of a state, not when an event happened;
    only a post held or a thing running since a date says when it began, and only when
    the date is its own ("il succéderait à X, président depuis 2007": X's post)."""
    before = norm_word(doc_text(doc)[max(0, date.start - 8) : date.start]).rstrip()
    since = before.endswith("depuis") or norm_word(date.text).startswith("depuis")
    if not since or mention.type not in _STARTING_TYPES:
        return since
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    anchors = mention.anchor_ids
    # the date qualifies a noun set apart from the trigger's clause (an apposition)
    return span is not None and span.root.head.i not in anchors and span.root.head.dep_ == "appos"


def _in_reported_clause(doc: Doc, date: DateMention, mention: Mention) -> bool:
    """Is the date inside a clause the mention's verb reports ("a annoncé qu'il serait
    incinéré aujourd'hui")? It dates that clause's event, not the saying."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    verbs = {v.i for v in mention.verbs}
    for tok in span.root.ancestors:
        if tok.i == mention.trigger.i:
            return False
        if tok.dep_ == "ccomp" and tok.head.i in verbs:
            return True
    return False


def _governed_date(mention: Mention, ctx: ArticleContext) -> DateMention | None:
    """A date of the sentence that the parse attaches to the trigger's clause.

    The segment is cut at commas and coordinations, which often leaves a fronted date
    ("En 1991, Fraser Stoddart a développé …") or a date after an incise outside it; the
    parse says whose it is: the date's head is the trigger, or the verb that carries a
    nominal trigger.
    """
    doc = ctx.doc
    sent = mention.trigger.sent
    anchors = mention.anchor_ids
    lo = bisect.bisect_left(ctx.date_starts, sent.start_char)
    best: DateMention | None = None
    for d in itertools.islice(ctx.dates, lo, None):
        if d.start >= sent.end_char:
            break
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or _deadline(doc, d) or _since(doc, d, mention) or span.root.head.i not in anchors or span.root.head.i == span.root.i:
            continue
        if best is None or abs(d.start - mention.trigger.idx) < abs(best.start - mention.trigger.idx):
            best = d
    return best


def _is_anaphoric(mention: Mention) -> bool:
    """ "cette rencontre", "la première rencontre": points back to an event already told."""
    if not mention.nominal:
        return False
    dets = {norm_word(c.text) for c in mention.trigger.lefts if c.dep_ == "det" or c.pos_ == "DET"}
    adjs = {norm_word(c.lemma_) for c in mention.trigger.lefts if c.dep_ == "amod"}
    if dets & DEMONSTRATIVES or dets & POSSESSIVES:
        return True
    return bool(dets & DEFINITES) or bool(adjs & _ANAPHORIC_ADJ)


def _set_name(mention: Mention, ctx: ArticleContext, segment: Segment) -> None:
    """The event's name: a MISC entity or a short quoted title near the trigger or holding it."""
    doc = ctx.doc
    seg_start, seg_end = mention.seg_start, mention.seg_end
    candidates: list[tuple[int, int, str]] = []
    for e in segment.ents:
        if e.label in ("MISC", "EVENT"):
            candidates.append((e.start, e.end, e.text))
    for q_start, q_end in ctx.quoted_tokens:
        if seg_start <= q_start < seg_end and q_end - q_start <= _MAX_NAME_TOKENS:
            span = doc[q_start:q_end]
            if span.text[:1].isupper():
                candidates.append((q_start, q_end, span.text))
    best_name: tuple[int, int, str] | None = None
    best_gap = 5
    anchors = [mention.trigger.i] + ([mention.support.i] if mention.support else [])
    for n_start, n_end, text in candidates:
        if n_start <= mention.trigger.i < n_end:
            gap = 0
        else:
            gap = min(min(abs(a - n_start), abs(a - (n_end - 1))) for a in anchors)
            if doc[n_start:n_end].root.head.i in anchors:
                gap = min(gap, 1)
        if gap < best_gap:
            best_gap, best_name = gap, (n_start, n_end, text)
    if best_name is not None:
        mention.name = best_name[2].strip()
        segment.used.add(best_name[0])


def _set_location(mention: Mention, ctx: ArticleContext, segment: Segment) -> None:
    """The event's place, the first found in this order: a LOC entity after "à/au/dans/en"
    (through "au large du port de …"), an organisation that is a place after them, a LOC
    complement of a nominal trigger ("la fusillade d'Orlando"), a place noun phrase.
    """
    doc, lex, seg_start = ctx.doc, ctx.lex, mention.seg_start
    appositives = segment.appositives
    places = [
        e for e in segment.ents
        if e.label == "LOC" and e.start not in segment.used and not inside(e.start, appositives)
        and not in_description(mention, doc[e.start : e.end].root, ctx)
    ]
    for e in places:
        if _after_place_prep(doc, lex, e.start, seg_start):
            mention.location = e.text
            segment.used.add(e.start)
            return
    # an organisation that is also a place: "à l'université de La Rochelle"
    for e in segment.ents:
        if e.label not in ("ORG", "MISC") or inside(e.start, appositives):
            continue
        first = doc[e.start]
        if (
            _place_prep_at(doc, lex, _word_before(doc, e.start, seg_start))
            and norm_word(first.lemma_ or first.text) in lex.place_nouns
        ):
            mention.location = e.text
            return
    if mention.nominal:
        for e in places:
            root = doc[e.start : e.end].root
            if _of_the_event(lex, root.head, mention) and preceding_word(doc, e.start, seg_start) in DE_WORDS:
                mention.location = e.text
                segment.used.add(e.start)
                return
    mention.location = (
        _place_phrase(ctx, mention, appositives) or _governed_place(mention, ctx) or _venue_place(mention, ctx)
        or _reached_place(mention, ctx) or _taken_up_place(mention, ctx) or host_place(mention, ctx)
        or destination_place(mention, ctx) or seat_place(mention, ctx)
    )


def _of_the_event(lex: EventLexicon, noun: Token, mention: Mention) -> bool:
    """Is ``noun`` the nominal trigger, or an event noun of its type in the trigger's
    complement ("sa défaite à l'élection municipale de Rennes": the election's place)?"""
    if noun.i == mention.trigger.i:
        return True
    lemma = norm_word(noun.lemma_ or noun.text)
    return noun.head.i == mention.trigger.i and noun.dep_ == "nmod" and lex.nouns.get((lemma,)) == mention.type


def _governed_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """A place of the sentence that the parse gives the event's own predicate, when its
    segment has none: "à Naves" after a relative clause that cut the segment ("la
    session, au cours de laquelle …, se tiendra le 25 février à Naves"), or the place of
    the post a person is elected or named to ("élu maire d'Amiens")."""
    doc, lex = ctx.doc, ctx.lex
    anchors = mention.anchor_ids
    titles = argument_words().person_titles
    posts = {c.i for v in mention.verbs for c in v.children
             if c.dep_ in ("xcomp", "obj") and c.pos_ == "NOUN" and norm_word(c.lemma_ or c.text) in titles}
    sent = mention.trigger.sent
    lo = bisect.bisect_left(ctx.ent_starts, sent.start)
    for e in itertools.islice(ctx.ents, lo, None):
        if e.start >= sent.end:
            break
        if e.label != "LOC":
            continue
        root = doc[e.start : e.end].root
        if root.head.i in anchors and _after_place_prep(doc, lex, e.start, sent.start):
            return e.text
        if root.head.i in posts and preceding_word(doc, e.start, sent.start) in DE_WORDS:
            return e.text
    return None


def _venue_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place of the gathering the event happens in or before, given by a participle or
    a relative clause on the noun of that gathering ("élu au terme de l'assemblée qui s'est
    tenue à Ajaccio", "remise lors d'une cérémonie organisée à l'Hôtel de Région")."""
    doc, lex = ctx.doc, ctx.lex
    anchors = mention.anchor_ids
    sent = mention.trigger.sent
    place_nouns = lex.place_nouns | argument_words().place_nouns
    lo = bisect.bisect_left(ctx.ent_starts, sent.start)
    for e in itertools.islice(ctx.ents, lo, None):
        if e.start >= sent.end:
            break
        first = doc[e.start]
        if e.label != "LOC" and not (e.label in ("ORG", "MISC") and norm_word(first.lemma_ or first.text) in place_nouns):
            continue
        verb = doc[e.start : e.end].root.head
        if verb.dep_ not in ("acl", "acl:relcl") or norm_word(verb.lemma_) not in argument_list("venue_verbs"):
            continue
        # the gathering's noun is a complement of the event's predicate, directly ("devant
        # 300 invités réunis à …") or through "au terme de", "lors de"
        gathering = verb.head
        if (gathering.head.i in anchors or gathering.head.head.i in anchors) and _after_place_prep(doc, lex, e.start, sent.start):
            return e.text
    return None


def _reached_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place of the many the event reaches, a count after "chez/auprès de/à" on its
    own predicate ("débutera chez une vingtaine de producteurs du Vaucluse", "livrés à 40
    exploitations de la Drôme"): the event happens where they are."""
    doc = ctx.doc
    anchors = mention.anchor_ids
    approximate = numbers_lexicon().approximate_nouns
    sent = mention.trigger.sent
    lo = bisect.bisect_left(ctx.ent_starts, sent.start)
    for e in itertools.islice(ctx.ents, lo, None):
        if e.start >= sent.end:
            break
        root = doc[e.start : e.end].root
        noun = root.head
        if e.label != "LOC" or root.dep_ != "nmod" or preceding_word(doc, e.start, sent.start) not in DE_WORDS:
            continue
        # "une vingtaine de producteurs": the count heads the phrase; "40 exploitations": the noun
        counted = noun.head if noun.dep_ == "nmod" and norm_word(noun.head.lemma_) in approximate else noun
        if counted is noun and not any(c.dep_ == "nummod" for c in noun.children):
            continue
        preps = {norm_word(c.text) for c in counted.children if c.dep_ == "case"}
        if counted.head.i in anchors and preps & argument_list("reach_preps"):
            return e.text
    return None


def _taken_up_place(mention: Mention, ctx: ArticleContext) -> str | None:
    """The place of a definite noun the event acts on that takes up a noun told before with its
    place ("moderniser l'abattoir de Bourgueil. … L'abattoir, repris en 2012 …", "son usine
    d'Avrillé … l'extension de l'usine"): the event is where that thing is."""
    doc = ctx.doc
    own = [mention.trigger, *mention.verbs]
    # what the event acts on, not its actor: "de France" in "l'équipe de France" is whose
    # it is, not where it is (a "subject" the parser finds after the verb is its object)
    core = [c for v in own for c in v.children
            if c.dep_ in ("nsubj:pass", "obj") or (c.dep_ == "nsubj" and c.i > v.i)]
    if mention.trigger.dep_ in ("acl", "acl:relcl"):
        core.append(mention.trigger.head)  # "l'abattoir, repris en 2012": the noun it is about
    core += [c for n in core for c in n.children if c.dep_ == "nmod"]
    for noun in core:
        if noun.pos_ != "NOUN" or not any(norm_word(c.text) in DEFINITES for c in noun.children if c.dep_ == "det"):
            continue
        lemma = norm_word(noun.lemma_)
        for earlier in reversed(doc[: noun.sent.start]):
            if earlier.pos_ != "NOUN" or norm_word(earlier.lemma_) != lemma:
                continue
            for c in earlier.children:
                ent = ctx.named_tokens.get(c.i)
                if c.dep_ == "nmod" and ent is not None and ent.label == "LOC" and preceding_word(doc, ent.start, earlier.i) in DE_WORDS:
                    return ent.text
    return None


def _word_before(doc: Doc, start: int, floor: int) -> int:
    """Index of the word before a phrase, skipping determiners (``floor - 1`` if none)."""
    k = start - 1
    while k >= floor and (doc[k].pos_ == "DET" or norm_word(doc[k].text) in DEFINITES):
        k -= 1
    return k if k >= floor else floor - 1


def _place_prep_at(doc: Doc, lex: EventLexicon, k: int) -> bool:
    """Is token ``k`` a place preposition, not the tail of another one ("face à", "grâce à")?"""
    if k < 0 or norm_word(doc[k].text) not in lex.location_preps or doc[k].dep_ == "fixed":
        return False
    return k == 0 or norm_word(doc[k - 1].text) not in argument_words().compound_prep_heads


def _after_place_prep(doc: Doc, lex: EventLexicon, start: int, floor: int) -> bool:
    """Does a place preposition lead to the phrase at ``start``, directly or through
    spatial and place nouns ("au large du port de Wonsan", "au nord-ouest du comté de …")?"""
    words = argument_words()
    k = _word_before(doc, start, floor)
    for _ in range(4):
        if k < floor:
            return False
        if _place_prep_at(doc, lex, k):
            return True
        if norm_word(doc[k].text) not in DE_WORDS:
            return False
        noun = _word_before(doc, k, floor)
        if noun < floor:
            return False
        lemma = norm_word(doc[noun].lemma_ or doc[noun].text)
        if lemma not in words.spatial_nouns and lemma not in words.place_nouns and lemma not in lex.place_nouns:
            return False
        k = _word_before(doc, noun, floor)
    return False


def _place_phrase(ctx: ArticleContext, mention: Mention, appositives: Sequence[tuple[int, int]]) -> str | None:
    """The first "à/dans …" + place noun phrase of the mention's clause ("à la salle des
    fêtes"), unless it describes another noun (:func:`~pipeline.events.places.in_description`)."""
    doc, lex = ctx.doc, ctx.lex
    seg_start, seg_end = mention.seg_start, mention.seg_end
    place_nouns = lex.place_nouns | argument_words().place_nouns
    for k in range(seg_start, seg_end - 1):
        if not _place_prep_at(doc, lex, k) or inside(k, appositives):
            continue
        j = k + 1
        while j < seg_end and doc[j].pos_ == "DET":
            j += 1
        if norm_word(doc[k].text) == "à" and j == k + 1:
            continue  # "à base de", "à bord de": a bare noun after "à" makes a preposition, no place
        if (
            j < seg_end
            and norm_word(doc[j].lemma_ or doc[j].text) in place_nouns
            and doc[j].pos_ in ("NOUN", "PROPN")
            and not in_description(mention, doc[j], ctx)
        ):
            end = j + 1
            while (
                end < seg_end
                and doc[end].text not in (",", ".", ";", ":", "(")
                and doc[end].pos_ not in ("VERB", "AUX")
                and norm_word(doc[end].text) not in ("avec", "pour", "et", "en", "à", "au", "dès")
                # "de La Rochelle" goes on; a new "le 14 février" does not
                and not (
                    norm_word(doc[end].text) in DEFINITES
                    and norm_word(doc[end - 1].text) not in DE_WORDS
                )
                and not doc[end].like_num
            ):
                end += 1
            return doc[j:end].text
    return None


def _attach_quantities(mention: Mention, doc: Doc, quantities: Sequence[Quantity]) -> None:
    """Quantities of the segment governed by the trigger or its verbs (not "autour de
    trois thèmes"); a sum of money of the event's own clause belongs to it; so does an adjunct figure
    after "avec/chez/auprès de/devant" ("élu avec 42 voix", "installés chez une vingtaine
    d'éleveurs", "devant 300 invités"), even past the segment's comma, and a figure that
    counts the noun the event is about ("les deux postes mis en service"); never a figure
    it is compared with ("contre 3 200 l'an dernier")."""
    governors = {mention.trigger.i}
    if mention.support is not None:
        governors.add(mention.support.i)
        governors.update(
            c.i for c in mention.support.children if c.dep_ == "conj" and c.pos_ == "VERB"
        )
    elif mention.nominal and mention.trigger.dep_.startswith("nsubj"):
        # "la course a mobilisé 350 bénévoles": the event noun is the subject of the verb
        # whose figures it has
        governors.add(mention.trigger.head.i)
    if mention.nominal:
        # "le festival, qui s'installera du 5 au 7 avril avec une vingtaine d'auteurs": a
        # relative clause or a participle on the event noun tells the event
        governors.update(
            c.i for c in mention.trigger.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB"
        )
    for q in quantities:
        q_span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if q_span is None or vague(q_span):
            continue
        root = phrase_head(q_span)
        noun = root.head if root.dep_ in ("nummod", "det") and root.head.pos_ == "NOUN" else root
        if compared(root) or compared(noun):
            continue  # "contre 3 200 l'an dernier": the figure the event is compared with
        # "les 40 premiers patients": the number read alone, its noun after an adjective;
        # not the count of the event's agents ("créée par deux anciens ingénieurs")
        lift = root.dep_ == "nummod" and noun is not root and noun.dep_ != "obl:agent"
        roots = [root, noun] if lift else [root]
        if any(_figure_of(mention, r, q, governors, inside=mention.seg_start <= q_span.start < mention.seg_end)
               for r in roots):
            mention.quantities.append(q)
    # a count's part or companion is the event's too ("dont deux sont en urgence absolue", "60
    # morts et 200 blessés"); a sum's parts are what each payer gave, events of their own
    # ("15 millions d'euros, dont 3 de la Région")
    mention.quantities.extend(companions(doc, mention.quantities, [q for q in quantities if q.unit not in MONEY_UNITS]))


def _figure_of(mention: Mention, root: Token, q: Quantity, governors: set[int], *, inside: bool) -> bool:
    """Is the figure whose phrase is headed by ``root`` the mention's own?"""
    words = argument_words()
    preps = figure_preps(root, q)
    # "a été élu samedi, avec 42 voix": the parse joins the figure to the verb across
    # the comma that ends the segment; "auprès de", "en présence de": the head word of a
    # compound preposition the parser splits
    result = bool(preps & words.result_preps) and (
        root.head.i in governors
        # "arrivée en tête du second tour des élections, avec 48 % des suffrages": the
        # result of a nominal event told by the verb its phrase hangs on
        or (mention.nominal and mention.support is None and root.head.i == home_predicate(mention).i)
    )
    head = root.head
    if not result and head.i != root.i and preps & DE_WORDS:
        result = norm_word(head.lemma_ or head.text) in words.result_preps and head.head.i in governors
    # "les 80 lauréats du concours", "les deux postes mis en service": the figure counts
    # the noun the event is the complement or the participle of
    counts = mention.trigger.head.i == root.i and mention.trigger.dep_ in ("nmod", "acl", "acl:relcl")
    # "a obtenu 60 % des suffrages lors du scrutin": the clause that frames a nominal
    # event counts it with a verb of its kind
    counts = counts or framed_count(mention, root) or consequence_count(mention, root, governors)
    if not (inside or result or counts):
        return False
    # "depuis son lancement": the figures of the clause it dates are not the event's
    if is_time_anchor(mention) and not mention.trigger.is_ancestor(root):
        return False
    # a sum of the event's own clause, not of another predicate of the segment ("qui
    # réalise 310 millions d'euros de chiffre d'affaires")
    money = q.unit in MONEY_UNITS and in_event_clause(mention, root)
    # "élu avec 42 voix sur 55": the result the event had, an adjunct of its verb
    adjunct = root.dep_ not in ("obl:mod", "advcl", "advmod")
    return money or result or counts or (_governed_by(root, governors) and adjunct)


def vague(span: Span) -> bool:
    """ "des milliers de personnes", "plusieurs centaines d'invités": an order of size, no count."""
    return (
        len(span) > 1
        and norm_word(span[0].text) in argument_list("vague_magnitude_determiners")
        and norm_word(span[1].text) in numbers_lexicon().approximate_nouns
    )


def compared(head: Token) -> bool:
    """Is the phrase of ``head`` what an event's figure is compared with ("contre 3 200
    l'an dernier")? Neither that figure nor that date is the event's."""
    return any(c.dep_ == "case" and norm_word(c.text) in argument_list("comparison_figure_preps") for c in head.children)


def _governed_by(root: Token, governors: set[int]) -> bool:
    """Is the quantity's head a governor, or a noun of a governor's object phrase ("a
    annoncé un plan de formation de 500 000 chômeurs")? Clauses and adjuncts stop the walk."""
    tok = root.head
    for _ in range(4):
        if tok.i in governors:
            return True
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nmod", "obj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


__all__ = ["MONEY_UNITS", "collect_arguments", "compared", "vague"]
