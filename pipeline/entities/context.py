"""Labels from the context of a name the model does not know.

The model labels an unknown start-up, fund or brand by its shape: a one-word name gets
LOC, PER or MISC as often as ORG. The words around it say what it is:

- an apposition after it: "Technilame, fabricant de lames", "X, une start-up ...",
  "X, spécialiste de ..." (:func:`add_appositions`);
- a preposition that introduces an organisation, never a place: "chez X", "auprès de X"
  (:func:`after_org_preposition`);
- a legal form after it: "Lumeo SAS" (:func:`join_legal_forms`: the form joins the name);
- the other items of its list: "l'État, la Région et Genopole" (:func:`share_list_labels`).

The cue words are data (``entities_rules.json``: ``org_triggers``,
``org_cues``, ``org_prepositions``, ``place_prepositions``,
``legal_forms_cased``, ``list_links``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from pipeline.entities.candidates import Candidate, is_cap, sentence_start, word_ending_at
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words

_APPOSITION_OPENERS = frozenset({",", "("})
_APPOSITION_DETERMINERS = frozenset({"un", "une", "l'", "l’", "le", "la"})
#: a cue noun without determiner takes a complement: "fabricant de lames", "leader du ..."
_COMPLEMENT_WORDS = frozenset({"de", "d'", "d’", "du", "des", "en", "dans"})


def add_appositions(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "X, un incubateur ...", "X, fabricant de lames", "X, spécialiste du ...": X is an ORG.

    After a name and a comma (or an opening bracket), an organisation noun (``org_triggers``) with or without a
    determiner, or an apposition cue (``org_cues``: nouns that also describe
    people, so a person keeps its label) makes a LOC/MISC name an organisation; an
    organisation noun also adds a name the model missed. It is no apposition when the
    noun introduces a name of its own ("Palmyre, l'organisation État islamique") or when
    the name is a place after a place preposition ("Installée à Brest, la société a ...").

    Args:
        doc: the doc.
        ents: candidates sorted by start.
        rules: the word lists.

    Returns:
        The candidates, relabelled in place, with the added ones, sorted by start.
    """
    by_end = {e.end: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[Candidate] = []
    for i, text in enumerate(doc_words(doc)[0]):
        # "X, la société ..." and "X (l'organisme de ...)": an apposition either way
        if text not in _APPOSITION_OPENERS or i == 0:
            continue
        cue = _apposition_cue(doc, i + 1, rules)
        if cue is None:
            continue
        strong, named = cue
        ent = by_end.get(i)
        if ent is not None:
            ent = _name_before_place(doc, ent, by_end, rules)
            # "X, la société ..." also opens a clause about X's company when X is a
            # person ("Lucie Montagne et Baptiste Revol, la société compte"): not PER;
            # a bare noun with its complement is no clause ("dans Hydrelis, fabricant de
            # ...", "Arbane, marque de ...": a one-word PER goes too)
            bare = i + 1 < len(doc) and doc[i + 1].lower_ not in _APPOSITION_DETERMINERS
            if (
                not ent.protected
                and (
                    ent.label in {"LOC", "MISC"}
                    or (ent.label == "PER" and bare and ent.end - ent.start == 1)
                )
                and (strong or not named)
                and not (
                    ent.label == "LOC"
                    and not bare
                    and (
                        _after_preposition(doc, ent.start, rules, named)
                        or (_place_complement(doc, ent.start, rules) and _opens_clause(doc, i + 1))
                    )
                )
            ):
                ent.label = "ORG"
                ent.certain = True
            continue
        if not strong or named or i - 1 in covered:
            continue
        start = _capitalised_run_start(doc, i, covered)
        if start is not None:
            added.append(Candidate(start, i, "ORG", certain=True))
    if not added:
        return ents
    return sorted([*ents, *added], key=lambda e: e.start)


def _opens_clause(doc: Doc, j: int) -> bool:
    """ "..., la brasserie travaille avec ...": the noun after the comma is a verb's
    subject (parsed docs only), not an apposition ("X, l'établissement qui gère ...")."""
    while j < len(doc) and not doc[j].is_alpha:
        j += 1
    while j < len(doc) and doc[j].pos_ in {"DET", "ADJ"}:
        j += 1
    return j < len(doc) and doc[j].dep_.startswith("nsubj")


def _name_before_place(
    doc: Doc, ent: Candidate, by_end: dict[int, Candidate], rules: EntityRules
) -> Candidate:
    """ "Néoline à Dunkerque, spécialiste de ...": the apposition describes the name
    before "à <place>", not the place."""
    if ent.label != "LOC" or ent.start < 2 or doc[ent.start - 1].lower_ not in {"à", "en"}:
        return ent
    return by_end.get(ent.start - 1, ent)


def _apposition_cue(doc: Doc, j: int, rules: EntityRules) -> tuple[bool, bool] | None:
    """The apposition opening at token ``j``, None when there is none; else whether its
    noun is an organisation noun (not a weaker cue such as "spécialiste"), and whether
    it introduces a name of its own ("X, le fonds Y": X is listed with Y, a fund)."""
    n = len(doc)
    has_det = j < n and doc[j].lower_ in _APPOSITION_DETERMINERS
    if has_det:
        j += 1
    while j < n - 1 and doc[j].is_lower and doc[j].pos_ == "ADJ" and has_det:
        j += 1  # "X, la jeune start-up ..."
    if j >= n or not doc[j].is_lower:
        return None
    while j + 2 < n and doc[j + 1].text == "-" and not doc[j].whitespace_:
        j += 2  # "start-up": the noun's last piece
    word = word_ending_at(doc, j)
    strong = word in rules.org_triggers
    if not (strong or word in rules.org_cues):
        return None
    k = j + 1
    while k < n and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k += 1  # "fabricant français de ..."
    named = k < n and is_cap(doc[k]) and not doc[k].is_punct
    if not has_det and not named and not (k < n and doc[k].lower_ in _COMPLEMENT_WORDS):
        return None  # without determiner an apposition noun takes a complement
    return strong, named


def _capitalised_run_start(doc: Doc, end: int, covered: set[int]) -> int | None:
    """Start of the capitalised words (at most 5) right before ``end``, None if none."""
    start = end
    while start > 0 and start > end - 6:
        prev = doc[start - 1]
        glued = start - 2 >= 0 and not doc[start - 2].whitespace_
        if prev.i in covered or prev.is_space or (prev.is_punct and prev.text not in _NAME_PUNCT):
            break
        if is_cap(prev) or (glued and prev.is_alpha):
            start -= 1
            continue
        break
    if start < end and sentence_start(doc, start) and doc[start].pos_ in _CLAUSE_OPENERS:
        start += 1  # "Depuis 1999, le régiment ...": a sentence's first word, no name's
    if start == end or not doc[start].text[:1].isupper():
        return None
    if end - start == 1 and sentence_start(doc, start):
        return None  # a lone capitalised word at sentence start is too often not a name
    return start


_NAME_PUNCT = frozenset({"’", "'", "&"})
#: parts of speech of a sentence's first word that open a clause, never a name
_CLAUSE_OPENERS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ", "PRON", "VERB", "AUX"})


def _after_preposition(doc: Doc, start: int, rules: EntityRules, any_of: bool = False) -> bool:
    """ "à Brest", "en France": the name follows a preposition of place, or "de" after
    a capitalised word ("le BIC de Montpellier") or, with ``any_of``, after any word."""
    j = start - 1
    while j >= 0 and doc[j].lower_ in {"la", "le", "les", "l'", "l’"}:
        j -= 1
    if j < 0:
        return False
    if doc[j].lower_ in rules.place_prepositions:
        return True
    return doc[j].lower_ in _OF and (any_of or (j > 0 and is_cap(doc[j - 1])))


_OF = frozenset({"de", "d'", "d’", "du", "des"})


def _place_complement(doc: Doc, start: int, rules: EntityRules) -> bool:
    """ "une grange de Mellac", "des vêtements techniques de Chamonix": a place of origin."""
    return (
        start >= 2
        and doc[start - 1].lower_ in {"de", "d'", "d’"}
        and _noun_of_place(doc[start - 2], rules)
    )


def _noun_of_place(tok: Token, rules: EntityRules) -> bool:
    """ "une grange de Mellac", "des vêtements de Chamonix": a thing's place of origin;
    not a role ("fondateur de Kazlab") nor an organisation noun ("la société de X")."""
    return (
        tok.is_lower
        and tok.pos_ in {"NOUN", "ADJ"}
        and tok.lower_ not in rules.role_words
        and not _is_org_noun(tok.lower_, rules)
    )


def _is_org_noun(word: str, rules: EntityRules) -> bool:
    return any(w in rules.org_triggers or w in rules.org_cues for w in (word, word.removesuffix("s")))


def _place_preposition_before(doc: Doc, start: int, rules: EntityRules) -> bool:
    j = start - 1
    while j >= 0 and doc[j].lower_ in {"la", "le", "les", "l'", "l’"}:
        j -= 1
    return j >= 0 and doc[j].lower_ in rules.place_prepositions


def after_org_preposition(doc: Doc, start: int, rules: EntityRules) -> bool:
    """ "chez X", "auprès de X": a preposition that introduces organisations, not places."""
    for phrase in rules.org_prepositions:
        words = phrase.split()
        if start >= len(words) and all(
            doc[start - len(words) + k].lower_.replace("’", "'") == w
            for k, w in enumerate(words)
        ):
            return True
    return False


def join_name_ends(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "Rhône Capital" + "Partenaires", "Normandie" + "Angels": a company word ends the name.

    A capitalised word of ``org_name_ends_cased`` right after a name (mid-sentence, no
    punctuation between) belongs to it, whether the model left it out or made it an entity
    of its own, or the model tagged the word alone ("d'Amiens Métropole"); the name is an
    organisation.

    Args:
        doc: the doc.
        ents: non-overlapping candidates sorted by start.
        rules: the word lists.

    Returns:
        The candidates, with names extended and merged, sorted by start.
    """
    out: list[Candidate] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.protected
            and not ent.protected
            and ent.start == prev.end
            and doc[prev.end - 1].whitespace_
            and doc[ent.start].text in rules.org_name_ends_cased
        ):
            prev.end, prev.label, prev.certain = ent.end, "ORG", True
            continue
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    for ent in out:
        if ent.protected:
            continue
        while (
            ent.end < len(doc)
            and ent.end not in taken
            and doc[ent.end - 1].whitespace_
            and doc[ent.end].text in rules.org_name_ends_cased
        ):
            ent.end, ent.label, ent.certain = ent.end + 1, "ORG", True
    for ent in out:
        if ent.protected or ent.end - ent.start != 1:
            continue
        if doc[ent.start].text in rules.org_name_ends_cased and ent.start > 0:
            # "président d'Amiens Métropole": the name before the word was left untagged
            start = _capitalised_run_start(doc, ent.start, taken)
            if start is not None and doc[ent.start - 1].whitespace_:
                ent.start, ent.label, ent.certain = start, "ORG", True
    return out


def join_legal_forms(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "Lumeo" + "SAS": a legal form after a name belongs to it and makes it an ORG.

    The form joins the entity ending right before it; when the model found no entity
    there, the capitalised words before the form are the name.

    Args:
        doc: the doc.
        ents: candidates sorted by start.
        rules: the word lists.

    Returns:
        The candidates, with names extended or added, sorted by start.
    """
    n = len(doc)
    forms = [
        i
        for i, text in enumerate(doc_words(doc)[0])
        if text in rules.legal_forms_after_cased and i > 0 and doc[i - 1].whitespace_
    ]
    if not forms:
        return ents
    by_end = {e.end: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[Candidate] = []
    for i in forms:
        if i in covered or (i + 1 < n and is_cap(doc[i + 1]) and doc[i].whitespace_):
            continue  # inside a name, or a capitalised word goes on: not a trailing form
        ent = by_end.get(i)
        if ent is not None:
            if not ent.protected:
                ent.end, ent.label, ent.certain = i + 1, "ORG", True
            continue
        start = _capitalised_run_start(doc, i, covered)
        if start is not None:
            added.append(Candidate(start, i + 1, "ORG", certain=True))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def share_list_labels(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Items of one enumeration share a type: "l'État, la Région et Genopole" -> Genopole ORG.

    Entities separated only by commas, "et"/"ou" and the determiners or prepositions
    each item repeats (``list_links``) form a list. An item whose label the model gave
    takes the label of the others when at least two of them, or one whose label rests
    on evidence or on its own organisation noun ("l'Agence ..."), agree on it and none
    disagrees. Only the labels the model confuses
    unknown names with change: to ORG from LOC, MISC or a one-word PER; to LOC from MISC
    or a one-word PER (MISC is the model's guess, not a type a list can teach; a person
    among organisations is too often one). An item is clearly different, and keeps its
    label, when it rests on evidence, is a person's full name, or is a place after a
    place preposition ("à Lyon et chez Renault").

    Args:
        doc: the doc.
        ents: non-overlapping candidates sorted by start.
        rules: the word lists.

    Returns:
        The candidates, relabelled in place.
    """
    for items in _iter_lists(doc, ents, rules):
        for k, ent in enumerate(items):
            if ent.protected or ent.certain or _clearly_typed(doc, ent, rules):
                continue
            others = [
                e
                for m, e in enumerate(items)
                if m != k and e.label in _LIST_LABELS and not _guessed(e)
            ]
            votes = Counter(e.label for e in others)
            if len(votes) != 1:
                continue
            ((label, count),) = votes.items()
            if ent.label not in _LIST_CHANGES.get(label, ()):
                continue
            if count >= 2 or any(e.certain or _headed_org(doc, e, rules) for e in others):
                ent.label = label
    return ents


def _guessed(ent: Candidate) -> bool:
    """A label the model gives unknown names, which the list may itself change: MISC, a
    one-word PER; it does not vote against the others."""
    if ent.certain:
        return False
    return ent.label == "MISC" or (ent.label == "PER" and ent.end - ent.start == 1)


def _headed_org(doc: Doc, ent: Candidate, rules: EntityRules) -> bool:
    """An organisation whose name starts with an organisation noun ("l'Agence fédérale
    ...", "le ministère de ...") is typed by its own words, as evidence is."""
    first = doc[ent.start]
    return ent.label == "ORG" and (
        first.text in rules.org_heads_cased or first.lower_ in rules.org_triggers_lower_first
    )


_LIST_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
#: list label -> item labels it overrides
_LIST_CHANGES: dict[str, frozenset[str]] = {
    "ORG": frozenset({"LOC", "MISC", "PER"}),
    "LOC": frozenset({"MISC", "PER"}),
}


def _clearly_typed(doc: Doc, ent: Candidate, rules: EntityRules) -> bool:
    """A person's full name, or a place after a place preposition, keeps its label."""
    if ent.label == "PER":
        return ent.end - ent.start >= 2
    return ent.label == "LOC" and (
        _place_preposition_before(doc, ent.start, rules)
        or _place_complement(doc, ent.start, rules)
    )


def _iter_lists(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[list[Candidate]]:
    """Runs of entities joined by list separators whose last link has "et" or "ou".

    An item may carry an apposition or a relative clause between commas ("A, qui teste
    une hydrolienne à Ouessant, B, producteur d'algues, et C"): the names inside it are
    no items of the list.
    """
    lists: list[list[Candidate]] = []
    run: list[Candidate] = []
    closed = False  # the run's last link has "et"/"ou": "A, B et C"
    k = 0
    while k < len(ents):
        ent = ents[k]
        link = _link(doc, run[-1].end, ent.start, rules) if run else None
        if link is None and run:
            nxt = _after_apposition(doc, ents, k, run[-1].end, rules)
            if nxt is not None:
                k, link = nxt
                ent = ents[k]
        if link is not None:
            run.append(ent)
            closed = link
            k += 1
            continue
        if closed:
            lists.append(run)
        run, closed = [ent], False
        k += 1
    if closed:
        lists.append(run)
    return lists


#: the longest apposition an item of a list may carry, in tokens
_MAX_APPOSITION = 16
_SENTENCE_PUNCT = frozenset({".", ";", ":", "!", "?", "«", "»", "(", ")"})


def _after_apposition(
    doc: Doc, ents: list[Candidate], k: int, end: int, rules: EntityRules
) -> tuple[int, bool] | None:
    """The next item after an apposition that follows the item ending at ``end``.

    The apposition starts with a comma, ends with the comma before the next item's
    list link, and holds no sentence punctuation; the entities inside it are skipped.

    Returns:
        (index of the next item in ``ents``, whether its link holds "et"/"ou"), or None.
    """
    if end >= len(doc) or doc[end].text != ",":
        return None
    for j in range(k, min(k + 3, len(ents))):
        gap = doc[end : ents[j].start]
        if len(gap) > _MAX_APPOSITION or any(
            t.text in _SENTENCE_PUNCT or "\n" in t.text for t in gap
        ):
            return None
        commas = [t.i for t in gap if t.text == ","]
        if len(commas) < 2 or any(e.start < commas[-1] < e.end for e in ents[k : j + 1]):
            continue
        if any(e.end > commas[-1] for e in ents[k:j]):
            continue  # a name between the last comma and the item is no apposition's
        if any(t.lower_ in rules.complement_prepositions for t in doc[commas[-1] : ents[j].start]):
            return None  # "une unité de l'université de X, du CNRS": the apposition's own list
        link = _link(doc, commas[-1], ents[j].start, rules)
        if link is not None:
            return j, link
    return None


def _link(doc: Doc, end: int, start: int, rules: EntityRules) -> bool | None:
    """Whether the tokens between two entities link items of a list: None if they do
    not, else whether they hold the conjunction ("et", "ou")."""
    gap: list[Token] = list(doc[end:start])
    if not gap or len(gap) > 6 or not all(_links_items(t, rules) for t in gap):
        return None
    if gap[0].text != "," and gap[0].lower_ not in _CONJUNCTIONS:
        return None  # "le Musée des Terre-Neuvas et de la Pêche": items start after a link
    return any(t.lower_ in _CONJUNCTIONS for t in gap)


_CONJUNCTIONS = frozenset({"et", "ou"})


def _links_items(tok: Token, rules: EntityRules) -> bool:
    """A comma, a list word, or the kind noun of the next item ("et du fonds lyonnais",
    "la start-up": a hyphenated noun is read whole)."""
    if tok.text == "," or tok.lower_ in rules.list_links:
        return True
    word = _whole_word(tok)
    if tok.text == "-":
        return word in rules.org_triggers
    return tok.is_lower and (
        word in rules.org_triggers
        or word in rules.org_cues
        or tok.pos_ == "ADJ"
        or word in rules.demonyms
    )


def _whole_word(tok: Token) -> str:
    """The lower-case hyphenated word a token is part of ("start", "-", "up": "start-up")."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and not doc[start - 1].whitespace_ and (
        doc[start - 1].text == "-" or doc[start].text == "-"
    ):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (
        doc[end].text == "-" or doc[end - 1].text == "-"
    ):
        end += 1
    return doc[start:end].text.lower()
