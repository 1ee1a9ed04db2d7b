"""Names the model cut inside: pieces glued back into one name.

The model often tags only part of an unknown name and leaves the rest outside or as a
second entity: "Alpin" + "Impact II" for one fund, "Iroise" for "Hydrol'Iroise",
"Corsica" for the quoted list name « Corsica Impresa », "la Touraine" and "du Poitou" for
one bank's name. These rules read the words around an entity and join what belongs to
it; each is a general mechanism (adjacent pieces, an elided capitalised word glued by an
apostrophe, a sequel's roman numeral, the whole of a quoted name, a name's enumerated
complements), not a name list.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.entities.candidates import ACRONYM_RE, Candidate, in_compound, is_cap, line_start
from pipeline.entities.rules import EntityRules

#: a roman numeral after a name: "Alpin Impact II", "Fonds III" (not "I", a pronoun in English)
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
_APOSTROPHES = ("'", "’")
_OPEN_QUOTES = frozenset({"«", "“"})
_CLOSE_QUOTES = frozenset({"»", "”"})
#: the longest quoted text read as one name (a slogan or a title is longer)
_MAX_QUOTED = 5
#: parts of speech a quoted name never holds (a quoted clause is a quote, not a name)
_CLAUSE_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
#: pieces the model may split a name into; PER pieces stay apart ("Le Kényan Daniel K.")
_JOINABLE = frozenset({"ORG", "MISC", "LOC"})


def join_cut_names(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Glue back the pieces of names the model cut inside.

    In order: a name that ran on into a time word ends before it ("l'Agence mardi",
    "le Comité jeudi dernier"); an elided capitalised word glued by an apostrophe joins
    the name after it ("Hydrol'" + "Iroise"); a roman numeral right after a name joins it; two entities
    separated by a space only (no punctuation, no line break) are one name ("Alpin" +
    "Impact II"); an entity that covers part of a short quoted name takes all of it
    (« Corsica Impresa »). (:func:`join_enumerated_complements` runs once places have
    joined their bodies.)

    Args:
        doc: the doc.
        ents: candidates sorted by start, not overlapping.
        rules: the word lists (``elisions``).

    Returns:
        The candidates, some extended or merged, sorted by start.
    """
    ents = [e for e in (_without_time_words(doc, e, rules) for e in ents) if e is not None]
    ents = [_with_elided_word(doc, e, rules) for e in ents]
    ents = [_with_roman_numeral(doc, e) for e in ents]
    ents = _join_adjacent(doc, ents, rules)
    return [_whole_quoted_name(doc, e) for e in ents]


def _without_time_words(doc: Doc, ent: Candidate, rules: EntityRules) -> Candidate | None:
    """ "l'Agence mardi a annoncé": a lower-case time word right after a capitalised word
    (not a day number: "du 5 août" is a date inside a name) ends the name, and what
    follows it ("dernier", "soir") goes with it; None when no name is left before it."""
    if ent.protected:
        return ent
    cut = next(
        (
            i
            for i in range(ent.start + 1, ent.end)
            if doc[i].is_lower and doc[i].text in rules.time_words and doc[i - 1].text[:1].isupper()
        ),
        None,
    )
    if cut is None:
        return ent
    if all(t.lower_ in rules.function_words for t in doc[ent.start : cut]):
        return ent  # "Un dimanche de janvier": the time word is the title's own
    return Candidate(ent.start, cut, ent.label, ent.ent_id, ent.certain, ent.not_person)


def _with_elided_word(doc: Doc, ent: Candidate, rules: EntityRules) -> Candidate:
    """ "Hydrol'Iroise": a capitalised word glued by an apostrophe before the entity.

    An elided function word ("l'", "d'", "qu'") is no part of a name; any other
    capitalised word written against the name is.
    """
    i = ent.start
    if ent.protected or i == 0:
        return ent
    prev = doc[i - 1]
    if prev.whitespace_ or not prev.text.endswith(_APOSTROPHES) or not is_cap(prev):
        return ent
    if prev.text[:-1].lower() in rules.elisions or len(prev.text) < 3:
        return ent
    return Candidate(i - 1, ent.end, ent.label, ent.ent_id, ent.certain, ent.not_person)


def _with_roman_numeral(doc: Doc, ent: Candidate) -> Candidate:
    """ "Alpin Impact" + "II": the numeral of a fund's or a plan's sequel is its name's."""
    if ent.protected or ent.label == "PER" or ent.end >= len(doc):
        return ent
    if not doc[ent.end - 1].whitespace_ or not _ROMAN.match(doc[ent.end].text):
        return ent
    return Candidate(ent.start, ent.end + 1, ent.label, ent.ent_id, ent.certain, ent.not_person)


def _join_adjacent(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Two entities with only a space between them are one name: "Alpin" "Impact II".

    The joined name keeps a label resting on evidence, else the first piece's when it is
    an organisation, else the last piece's (the head of a French name comes first, but
    the model's label of a name's first word is its least reliable).
    """
    out: list[Candidate] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is None or not _adjacent(doc, prev, ent, rules):
            out.append(ent)
            continue
        label = _joined_label(prev, ent)
        out[-1] = Candidate(
            prev.start,
            ent.end,
            label,
            certain=prev.certain or ent.certain,
            not_person=prev.not_person and ent.not_person,
        )
    return out


def _adjacent(doc: Doc, a: Candidate, b: Candidate, rules: EntityRules) -> bool:
    """Two pieces of one name: capitalised where they meet, neither a demonym alone
    ("la Britannique" + "Leanda Cave" are a description and a name)."""
    if a.protected or b.protected or a.end != b.start:
        return False
    if a.label not in _JOINABLE or b.label not in _JOINABLE:
        return False
    if not is_cap(doc[a.end - 1]) or not is_cap(doc[b.start]):
        return False  # "un avion de combat russe" + "MiG-29"
    if any(p.end - p.start == 1 and doc[p.start].lower_ in rules.demonyms for p in (a, b)):
        return False
    return doc[a.end - 1].whitespace_ == " " and not line_start(doc, b.start)


def _joined_label(a: Candidate, b: Candidate) -> str:
    for piece in (a, b):
        if piece.certain:
            return piece.label
    return a.label if a.label == "ORG" else b.label


def _whole_quoted_name(doc: Doc, ent: Candidate) -> Candidate:
    """« Corsica Impresa »: an entity inside short quotes names all that is quoted.

    Every quoted word must be capitalised (or a number) and none a clause word: a
    quotation or a title holding a name ("Seul sur Mars") is not that name. A place the
    model saw in it becomes the name of something else (MISC), unless evidence gave the
    label.
    """
    if ent.protected:
        return ent
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].text not in _OPEN_QUOTES:
        if end - start > _MAX_QUOTED or _stops_quote(doc[start - 1], _CLOSE_QUOTES):
            return ent
        start -= 1
    while end < len(doc) and doc[end].text not in _CLOSE_QUOTES:
        if end - start > _MAX_QUOTED or _stops_quote(doc[end], _OPEN_QUOTES):
            return ent
        end += 1
    if start == 0 or end >= len(doc) or (start, end) == (ent.start, ent.end):
        return ent
    words = doc[start:end]
    if end - start > _MAX_QUOTED or not is_cap(words[0]) or not _name_like(words):
        return ent
    label = ent.label if ent.certain or ent.label != "LOC" else "MISC"
    return Candidate(start, end, label, ent.ent_id, ent.certain, ent.not_person)


def _stops_quote(tok: Token, other_quotes: frozenset[str]) -> bool:
    """A token no quoted name runs over: the other quote mark or a line break."""
    return tok.text in other_quotes or "\n" in tok.text


def _name_like(words: Span) -> bool:
    """Every word capitalised (or a number): a name, not a title or a quotation ("Seul
    sur Mars" is a film whose title holds a place)."""
    return all(is_cap(t) and not t.is_punct and t.pos_ not in _CLAUSE_POS for t in words)


def join_enumerated_complements(
    doc: Doc, ents: list[Candidate], rules: EntityRules
) -> list[Candidate]:
    """ "Caisse régionale ... de la Touraine et du Poitou": the complements of one name.

    An organisation whose name ends with a capitalised complement ("de la Touraine",
    "de l'Agriculture") takes the complements that follow it in an enumeration
    (", de l'Agroalimentaire et de la Forêt"): each repeats the preposition and starts
    with a capital, and is no person or organisation of its own ("la Région et de
    Bpifrance" are two bodies). A name the next complement would run into is left alone.

    Args:
        doc: the doc.
        ents: candidates sorted by start, not overlapping.
        rules: the word lists (``complement_prepositions``).

    Returns:
        The candidates, some extended over the complements they absorbed.
    """
    starts = {e.start: e for e in ents}
    drop: set[int] = set()
    for ent in ents:
        if ent.protected or ent.label != "ORG" or not _ends_with_complement(doc, ent, rules):
            continue
        end, pieces, closed, reach = ent.end, [], False, ent.end
        while not closed:
            nxt = _next_complement(doc, end, rules)
            if nxt is None:
                break
            first, end, closed = nxt
            other = starts.get(first)
            if other is not None and (other.label == "PER" or other.certain):
                break
            # the model may tag the rest of the enumeration as one name ("Agroalimentaire
            # et de la Forêt"): it joins only if the enumeration covers it whole
            reach = max(reach, other.end if other is not None else end)
            pieces.append(first)
        if closed and reach <= end and ent.start not in drop:
            # an enumeration that never reaches its "et" is no part of the name
            drop.update(p for p in pieces if p in starts)
            ent.end = end
    return [e for e in ents if e.start not in drop]


def _ends_with_complement(doc: Doc, ent: Candidate, rules: EntityRules) -> bool:
    """The name ends with "de (la) Capitalised" and has words before that."""
    words = doc[ent.start : ent.end]
    k = len(words) - 1
    while k > 0 and words[k].lower_ not in rules.complement_prepositions:
        if not (
            is_cap(words[k])
            or words[k].lower_ in rules.function_words
            or in_compound(doc, ent.start + k)  # "des Terre-Neuvas"
        ):
            return False
        k -= 1
    return k > 0 and is_cap(words[-1])


def _next_complement(doc: Doc, end: int, rules: EntityRules) -> tuple[int, int, bool] | None:
    """The complement enumerated at ``end``: (start of its capitalised word, its end,
    whether "et" announced it, which closes the enumeration)."""
    i, n = end, len(doc)
    if i >= n or (doc[i].text != "," and doc[i].lower_ != "et"):
        return None
    closed = doc[i].lower_ == "et"
    i += 1
    if i >= n or doc[i].lower_ not in rules.complement_prepositions:
        return None
    i += 1
    while i < n and doc[i].text[:1].upper() + doc[i].text[1:] in rules.determiners_cased:
        i += 1
    if i >= n or not is_cap(doc[i]) or line_start(doc, i) or _names_a_body(doc, i, rules):
        return None
    first = i
    # a hyphenated name is one word: "de Bourgogne-Franche-Comté"
    while i + 2 < n and not doc[i].whitespace_ and doc[i + 1].text in {"-", "–"}:
        i += 2
    if closed and _place_of_name(doc, i + 1, rules):
        # "Musée des Terre-Neuvas et de la Pêche de Fécamp": the last complement takes
        # the place of the whole body (a body of its own has its head noun, above)
        i += 2
        while i + 1 < n and is_cap(doc[i + 1]) and not line_start(doc, i + 1):
            i += 1
    elif i + 1 < n and (doc[i + 1].lower_ in rules.complement_prepositions or is_cap(doc[i + 1])):
        # "et de la Ville d'Ajaccio", "et de Clermont Auvergne Métropole": a name of its own
        return None
    return first, i + 1, closed


def _place_of_name(doc: Doc, i: int, rules: EntityRules) -> bool:
    """ "de Fécamp" at ``i``: a preposition and one capitalised word ending the name."""
    return (
        i + 1 < len(doc)
        and doc[i].lower_ in {"de", "d'", "d’"}
        and is_cap(doc[i + 1])
        and not line_start(doc, i + 1)
        and not _names_a_body(doc, i + 1, rules)
    )


def _names_a_body(doc: Doc, i: int, rules: EntityRules) -> bool:
    """An acronym or an organisation's head noun starts a body of its own ("et du CNRS")."""
    return bool(ACRONYM_RE.match(doc[i].text)) or doc[i].text in rules.org_heads_cased
