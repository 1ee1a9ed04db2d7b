"""Junk removal: entities that are no names (generic words, page furniture, positions).

A capitalised common word at sentence start, a demonym, a lone title or generic head,
an all-caps section title, a navigation line and the menu items after it ("Partager :",
"Facebook", "Twitter") are dropped; :func:`drop_junk` keeps the rest.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.entities.candidates import (
    ACRONYM_RE,
    Candidate,
    has_cap,
    is_cap,
    line_start,
    name_key,
    sentence_start,
)
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_text, doc_words


def drop_junk(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """The candidates that are names: not junk, not inside a share or menu block.

    Args:
        doc: the doc.
        ents: candidates (protected ones are always kept).
        rules: the word lists.

    Returns:
        The kept candidates, in their order.
    """
    navigation = _navigation_tokens(doc, rules)
    # a name the model also found mid-sentence is no word capitalised by its position
    named = frozenset(
        name_key(doc[e.start : e.end].text) for e in ents if not sentence_start(doc, e.start)
    )
    return [
        e
        for e in ents
        if e.protected
        or not (
            _is_junk(doc, e, rules, named) or any(i in navigation for i in range(e.start, e.end))
        )
    ]


_DEMONYM_SUFFIXES = (
    "ois",
    "oise",
    "oises",
    "ais",
    "aise",
    "aises",
    "ains",
    "aines",
    "iens",
    "iennes",
    "ins",
)


def _is_demonym_apposition(doc: Doc, ent: Candidate, rules: EntityRules) -> bool:
    """ "le Rémois Thomas Lefèvre", "les Bisontins": an inhabitant, not a place.

    A single capitalised word after a determiner is a demonym when a person's name follows
    it, or when it is plural with a demonym ending.
    """
    if ent.end - ent.start != 1 or ent.start == 0 or ent.label == "PER":
        return False
    det = doc[ent.start - 1].lower_
    if det not in {"le", "la", "l'", "l’", "les", "des", "un", "une"}:
        return False
    word = doc[ent.start]
    if ACRONYM_RE.match(word.text):
        return False  # "la CGT Sophie Marchal": a body and its leader, no inhabitant
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.ent_type_ == "PER" and nxt.ent_iob_ == "B" and is_cap(nxt):
        return True
    return det in {"les", "des"} and word.lower_.endswith(_DEMONYM_SUFFIXES)


def _navigation_tokens(doc: Doc, rules: EntityRules) -> set[int]:
    """Tokens of share/menu blocks: a navigation line and the short list lines after it.

    "Partager cet article :" followed by one-word lines "Courriel ,", "Facebook ,",
    "Google ," is page furniture: the names in it are buttons, not mentions.
    """
    if not any(
        name_key(line.strip(_LINE_PUNCT)) in rules.navigation_lines
        for line in doc_text(doc).splitlines()
    ):
        return set()  # most articles: no token walk
    lines: list[list[Token]] = [[]]
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            lines.append([])
            continue
        lines[-1].append(tok)
        if "\n" in tok.whitespace_:
            lines.append([])
    out: set[int] = set()
    in_block = False
    for line in lines:
        words = [t for t in line if not t.is_punct and not t.is_space]
        if not words:
            in_block = in_block and not line  # a blank line ends the block
            continue
        key = name_key(doc[words[0].i : words[-1].i + 1].text)
        if key in rules.navigation_lines:
            in_block = True
        elif not (in_block and len(words) <= _MENU_ITEM_WORDS):
            in_block = False
            continue
        out.update(t.i for t in line)
    return out


_LINE_PUNCT = " \t:;,.!?…«»\"'()[]-–—•|/"
#: a line of at most this many words right after a navigation line is a menu item
_MENU_ITEM_WORDS = 2


def _is_junk(
    doc: Doc, ent: Candidate, rules: EntityRules, named: frozenset[str] = frozenset()
) -> bool:
    """A generic word, a navigation line, a section title, a demonym or a lone title.

    ``named`` holds the name keys of the article's entities found mid-sentence: such a
    name at a sentence start is not a common word capitalised by its position.
    """
    span = doc[ent.start : ent.end]
    text = span.text
    low = name_key(text)
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(text) < 2 or not words:
        return True
    if not has_cap(span) and not _is_institution(span, rules) and not _quoted_kind(doc, ent):
        return True
    if low in rules.junk_words or (low in rules.common_words and not ent.certain):
        return True  # "Relance" alone; "ministre de l'Économie" made "Économie" certain
    if _is_period(span, rules):
        return True  # "Avant-Covid", "l'après-Guerre": a period, not a name
    if ent.label != "PER" and all(
        t.lower_ in rules.demonyms or t.like_num or t.lower_ in _INDEFINITE for t in words
    ):
        return True  # "Un Égyptien", "Les Bisontins"
    if all(t.lower_ in rules.time_words or t.like_num for t in words):
        return True  # "Vendredi matin", "Hier soir": a date capitalised by its position
    if ent.label != "LOC" and _is_kicker(doc, ent):
        return True  # "SONDAGE. Le renforcement ...": a section kicker
    if (
        not ent.certain
        and (len(span) > 1 or ent.label != "LOC")  # "Gabon : ...": a country tagged NOUN
        and _is_headline_noun(doc, span, rules)
    ):
        return True  # "Tournoi de boules annulé.": a headline's first word
    if (
        ent.label != "PER"
        and len(words) > 1
        and words[0].lower_.rstrip(".") in rules.titles
        and (words[1].is_lower or words[1].lower_ in rules.function_words)
    ):
        return True  # "Secrétaire d'État chargé de ...", "Chancelière allemande": a position
    if _lone_before_colon(doc, span) and line_start(doc, ent.start) and (
        text in rules.org_heads_cased or text in rules.generic_heads_cased
    ):
        return True  # "Rugby : victoire ...", "Mairie : ...": a rubric, no name
    if len(words) == 1 and text in rules.generic_heads_cased and sentence_start(doc, ent.start):
        return True  # "Parti à 8h45 ...": capitalised by its position only
    if not ent.certain and _is_demonym_apposition(doc, ent, rules):
        return True  # ("ministre de l'Intérieur Bernard Cazeneuve" is certain: a portfolio)
    if len(words) == 2 and words[0].text in rules.generic_heads_cased and len(words[1].text) == 1:
        return True  # "Groupe C", "Poule A": a pool of a competition
    at_line_start = line_start(doc, ent.start)
    at_line_end = (
        ent.end == len(doc)
        or "\n" in doc[ent.end - 1].whitespace_
        or (doc[ent.end].is_space and "\n" in doc[ent.end].text)
    )
    if at_line_start and at_line_end:
        if low in rules.navigation_lines:
            return True
        if len(words) >= 2 and text.isupper():
            return True  # an all-caps section title
    # "Information mise à jour ...": a common word capitalised only by its position
    return (
        len(words) == 1
        and sentence_start(doc, ent.start)
        and not ACRONYM_RE.match(text)
        and low not in named  # "Rosetta avait ciblé ..." after "la mission Rosetta"
        and not any(c.isdigit() for c in text)  # "MiG-29" is no common word
        and (
            span[0].pos_ in {"ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ"}
            # the tagger calls many proper nouns NOUN: ask the article for the lower form
            or (span[0].pos_ == "NOUN" and _lower_form_used(doc, ent.start))
        )
    )


_INDEFINITE = frozenset({"un", "une", "des"})


def _is_period(span: Span, rules: EntityRules) -> bool:
    """ "Avant-Covid": a period prefix glued to the name by a hyphen."""
    first = span[0]
    if "-" in first.text:  # the tokenizer may keep "Avant-Covid" whole
        return first.lower_.split("-", 1)[0] in rules.period_prefixes
    return (
        len(span) >= 3
        and first.lower_ in rules.period_prefixes
        and span[1].text in {"-", "–"}
        and not first.whitespace_
    )


def _is_kicker(doc: Doc, ent: Candidate) -> bool:
    """Capital letters at a line start, then a full stop and the text: a section kicker.

    Regional papers open paragraphs with a word in capitals ("SONDAGE.", "RALLYE
    PROMENADE."). A place in capitals is a dateline ("NANCY.-") and is kept by the caller.
    """
    if not line_start(doc, ent.start) or ent.end >= len(doc) - 1:
        return False
    span = doc[ent.start : ent.end]
    if not all(t.is_upper or not t.is_alpha for t in span) or not any(t.is_alpha for t in span):
        return False
    stop = doc[ent.end]
    return stop.text in {".", ".-"} and "\n" not in stop.whitespace_


def _is_headline_noun(doc: Doc, span: Span, rules: EntityRules) -> bool:
    """A common noun capitalised as a line's first word, with lower-case words after it.

    Short headlines of regional papers ("Modification de l'itinéraire du bus.",
    "Programme d'investissements.") start with a noun the tagger calls NOUN, not PROPN;
    the head nouns of names ("Caisse d'allocations familiales") are not judged here.
    """
    first = span[0]
    return (
        line_start(doc, span.start)
        and first.pos_ == "NOUN"
        and first.is_title
        and first.text not in rules.generic_heads_cased
        and first.text not in rules.org_heads_cased
        and first.text not in rules.event_heads_cased
        and all(not is_cap(t) for t in span[1:])
    )


def _quoted_kind(doc: Doc, ent: Candidate) -> bool:
    """A title in quotes whose kind a noun gave ("le programme « pétrole contre
    nourriture »"): a name in lower case."""
    before = ent.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return ent.certain and before >= 0 and doc[before].text in {"«", '"', "“"}


def _lone_before_colon(doc: Doc, span: Span) -> bool:
    """The span is one word and a colon follows it."""
    return len(span) == 1 and span.end < len(doc) and doc[span.end].text == ":"


def _is_institution(span: Span, rules: EntityRules) -> bool:
    """ "armée syrienne", "gouvernement ukrainien": an institution noun + nationality."""
    return (
        len(span) == 2
        and span[0].lower_ in rules.institution_nouns
        and span[1].lower_ in rules.demonyms
    )


def _lower_form_used(doc: Doc, i: int) -> bool:
    """The capitalised word at ``i`` also appears in lower case in the doc."""
    word = doc[i]
    lower = word.lower_
    # another token than word itself: twice if word is already lower case
    return doc_words(doc)[0].count(lower) > (1 if word.text == lower else 0)
