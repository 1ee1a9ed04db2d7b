"""The kind of a name from the noun that introduces it: projects, programmes, events.

"le projet Molgate", "le plan « Horizon 2030 »", "le salon Solutrans": the noun before
the name says it is a project or a programme (MISC) or an event (EVENT), whatever the
model guessed from the name's shape. "Son projet, baptisé Molgate", "un laboratoire
commun, baptisé LogiCité": a naming participle gives the name the kind of the noun it
names. The nouns are data (``misc_triggers`` with their label, ``org_triggers``,
``naming_words`` in ``entities_rules.json``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.entities.candidates import ACRONYM_RE, Candidate, is_cap, name_key, sentence_start
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words

_OPEN_QUOTES = frozenset({"«", '"', "“"})
_CLOSE_QUOTES = frozenset({"»", '"', "”"})
#: a title in quotes is at most this many tokens
_MAX_TITLE = 10


def mark_kinds(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Label the names introduced by a kind noun or a naming participle.

    A name right after a ``misc_triggers`` noun (or in quotes after it) takes the noun's
    label; a title in quotes the model missed is added. A one-word PER takes it too ("le
    projet Molgate"), a person's full name does not ("le prix Jean-Ferré": the prize's
    person). The noun is not part of the name ("prix i-Lab" -> "i-Lab").
    After a naming participle ("baptisé", ``naming_words``) the name takes the kind of
    the noun it names, before it or, when the participle opens the sentence, after it.

    Args:
        doc: the doc.
        ents: candidates sorted by start (protected ones keep their label).
        rules: the word lists.

    Returns:
        The candidates, relabelled in place, with the added titles, sorted by start.
    """
    lowers = doc_words(doc)[1]
    triggers = rules.misc_triggers
    ents = _authored_titles(doc, ents)
    if not (rules.eponym_nouns.isdisjoint(lowers) and rules.eponym_nouns_of.isdisjoint(lowers)):
        ents = _without_eponyms(doc, ents, rules)
    if triggers.keys().isdisjoint(lowers) and rules.naming_words.isdisjoint(lowers):
        return ents
    ents = [_without_trigger(doc, e, rules) for e in ents]
    by_start = {e.start: e for e in ents}
    added: list[Candidate] = []
    for i, lower in enumerate(lowers):
        if not doc[i].is_lower:
            continue
        if lower in triggers:
            label: str | None = triggers[lower]
        elif lower in rules.naming_words:
            label = _named_kind(doc, i, by_start, rules)
        else:
            continue
        if label is None:
            continue
        j, quoted = _name_start(doc, _past_adjectives(doc, i + 1))
        ent = by_start.get(j)
        if ent is not None:
            if not ent.protected and _takes_kind(doc, ent, label):
                ent.label, ent.certain = label, True
            elif not ent.protected and ent.label == label:
                # the model's guess now rests on the noun: the article's bare mentions
                # ("le satellite Gaia" then "Gaia a observé") do not outvote it
                ent.certain = True
        else:
            # a kind noun vouches for a title in lower case ("le programme « pétrole
            # contre nourriture »"); a title alone must look like one
            end = _quoted_title(doc, j, ents, lower=True) if quoted else _bare_name(doc, j, ents)
            if end is not None:
                added.append(Candidate(j, end, label, certain=True))
    if added:
        kept = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)]
        ents = sorted([*kept, *added], key=lambda e: e.start)
    return _with_numbers(doc, ents, rules)


def _authored_titles(doc: Doc, ents: list[Candidate]) -> list[Candidate]:
    """ "« Corps flottants » de Robert Cahen": a title in quotes credited to a person."""
    texts = doc_words(doc)[0]
    if not _OPEN_QUOTES.intersection(texts):
        return ents
    persons = {e.start for e in ents if e.label == "PER"}
    added: list[Candidate] = []
    for i, text in enumerate(texts):
        if text not in _OPEN_QUOTES:
            continue
        j, _ = _name_start(doc, i)
        end = _quoted_title(doc, j, ents)
        if end is None:
            continue
        k = end
        while k < len(doc) and (doc[k].is_space or doc[k].text in _CLOSE_QUOTES):
            k += 1
        if k + 1 < len(doc) and doc[k].lower_ in {"de", "d'", "d’"} and k + 1 in persons:
            added.append(Candidate(j, end, "MISC", certain=True))
    if not added:
        return ents
    kept = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)]
    return sorted([*kept, *added], key=lambda e: e.start)


def _without_eponyms(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "la maladie de Crohn", "le virus Ebola": a name inside a disease's or a theorem's
    common noun is no entity, and no person is cited there.

    The name follows the noun (``eponym_nouns``, any case), a "de" between or not, or
    is a person's after "de" and an ``eponym_nouns_of`` noun ("la loi de Moore"); a name the
    model tagged with its noun ("syndrome de Down" whole) is dropped too.
    """
    kept = []
    for ent in ents:
        i = ent.start
        if not ent.protected and doc[i].lower_ in rules.eponym_nouns and ent.end - i > 1:
            continue
        while i > 0 and doc[i - 1].lower_ in _OF:
            i -= 1
        noun = doc[i - 1].lower_ if i > 0 else ""
        of = i < ent.start
        if ent.protected or not (
            noun in rules.eponym_nouns
            # "la loi du Québec" is the province's: only a person makes a "loi de X" eponym
            or (of and ent.label == "PER" and noun in rules.eponym_nouns_of)
        ):
            kept.append(ent)
    return kept


_OF = frozenset({"de", "d'", "d’", "du", "des"})


def _with_numbers(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """ "France" + "2030" in "le plan France 2030": the number ends the programme's name.

    A MISC or EVENT name followed by a number of at most four digits takes it (unless a
    scale, a currency or "%" follows: "X 3 millions"); the other mentions of the same
    name followed by the same number take it too, whatever their label ("Avec Cap
    Export 34, ..."), so that all of them are one name.
    """
    numbered = {
        (name_key(doc[e.start : e.end].text), doc[e.end].text)
        for e in ents
        if e.label in {"MISC", "EVENT"} and not e.protected and _number_follows(doc, e.end, rules)
    }
    if not numbered:
        return ents
    starts = {e.start for e in ents}
    for ent in ents:
        if (
            not ent.protected
            and ent.label != "PER"
            and ent.end not in starts
            and _number_follows(doc, ent.end, rules)
            and (name_key(doc[ent.start : ent.end].text), doc[ent.end].text) in numbered
        ):
            ent.end += 1
    return ents


def _number_follows(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Token ``i`` is a number of 1-4 digits, not the first of a quantity."""
    if i >= len(doc) or not doc[i].is_digit or len(doc[i].text) > 4 or not doc[i - 1].whitespace_:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not (nxt.is_digit or nxt.lower_ in rules.quantity_words)


def _without_trigger(doc: Doc, ent: Candidate, rules: EntityRules) -> Candidate:
    """ "prix i-Lab" -> "i-Lab": the kind noun leading a name is not part of it."""
    first = doc[ent.start]
    if (
        not ent.protected
        and ent.end - ent.start > 1
        and first.is_lower
        and first.lower_ in rules.misc_triggers
        and is_cap(doc[ent.start + 1])
    ):
        ent.start += 1
    return ent


def _name_start(doc: Doc, j: int) -> tuple[int, bool]:
    """The first token of a name at ``j``, after an opening quote; and whether quoted."""
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j < len(doc) and doc[j].text in _OPEN_QUOTES:
        j += 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return j, True
    return j, False


def _bare_name(doc: Doc, j: int, ents: list[Candidate]) -> int | None:
    """End of a name the model missed right after a kind noun ("le char AMX 10", "le
    télescope spatial Kepler"): proper nouns or acronyms, then a model number, no entity
    there. None when the word at ``j`` is no proper noun (without POS tags: never)."""
    if j >= len(doc) or not is_cap(doc[j]) or doc[j].is_punct or doc[j].like_num:
        return None
    if not (doc[j].pos_ == "PROPN" or ACRONYM_RE.match(doc[j].text)):
        return None
    end = j + 1
    while end < len(doc) and end - j < _MAX_BARE and _continues_name(doc[end]):
        end += 1
    if any(e.start < end and j < e.end for e in ents):
        return None
    return end


def _continues_name(tok: Token) -> bool:
    """A capitalised proper noun or a short number glued to a model's name ("AMX 10")."""
    if tok.is_digit:
        return len(tok.text) <= _MAX_MODEL_DIGITS and bool(tok.nbor(-1).whitespace_)
    return is_cap(tok) and not tok.is_punct and tok.pos_ == "PROPN"


#: a bare name after a kind noun is at most this many tokens
_MAX_BARE = 4
#: "AMX 10", "Airbus A320": a model number, not a year or a quantity
_MAX_MODEL_DIGITS = 3


def _past_adjectives(doc: Doc, j: int) -> int:
    """The token after the lower-case adjectives at ``j`` ("le télescope spatial Kepler",
    "le programme humanitaire « X »"): the name of a kind noun may follow its epithets.
    Without POS tags (a blank pipeline) nothing is skipped."""
    k = j
    while k < len(doc) and k - j < _MAX_EPITHETS and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k += 1
    return k


#: at most this many adjectives between a kind noun and its name
_MAX_EPITHETS = 2


def _takes_kind(doc: Doc, ent: Candidate, label: str) -> bool:
    """A name takes the kind of its noun unless it is already that, or a person's name."""
    if ent.label in {label, "EVENT"}:
        return False
    if ent.label != "PER":
        return True
    parts = doc[ent.start : ent.end].text.split("-")
    return ent.end - ent.start == 1 and len(parts) == 1


def _quoted_title(doc: Doc, j: int, ents: list[Candidate], *, lower: bool = False) -> int | None:
    """End of a capitalised title in quotes starting at ``j`` (the closing quote excluded);
    ``lower``: a title in lower case too."""
    if j >= len(doc) or not (is_cap(doc[j]) or (lower and doc[j].is_alpha)) or doc[j].is_punct:
        return None
    end = next(
        (k for k in range(j + 1, min(len(doc), j + _MAX_TITLE + 1)) if doc[k].text in _CLOSE_QUOTES),
        None,
    )
    if end is None:
        return None
    while end > j and doc[end - 1].is_space:
        end -= 1
    if any(e.protected and e.start < end and j < e.end for e in ents):
        return None
    return end


def _named_kind(
    doc: Doc, i: int, by_start: dict[int, Candidate], rules: EntityRules
) -> str | None:
    """The kind of the noun a naming participle at ``i`` names, None when none is found.

    "Son projet, baptisé X": the noun before; "Baptisé X, l'essai ...": the noun after
    the name, when the participle opens the sentence.
    """
    j = i - 1
    steps = 0
    while j >= 0 and steps < 4:
        tok = doc[j]
        kind = _kind_of(tok.lower_, rules)
        if kind is not None and tok.is_lower:
            return kind
        adjective = tok.pos_ == "ADJ" or not doc.has_annotation("POS")
        if not (tok.text == "," or (tok.is_lower and adjective)):
            break
        j -= 1
        steps += 1
    if not sentence_start(doc, i):
        return None
    start, _ = _name_start(doc, i + 1)
    ent = by_start.get(start)
    k = ent.end if ent is not None else start + 1
    while k < len(doc) and (doc[k].text in _CLOSE_QUOTES or doc[k].is_space):
        k += 1
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in _DETERMINERS:
        return _kind_of(doc[k + 2].lower_, rules)
    return None


_DETERMINERS = frozenset({"le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette"})


def _kind_of(word: str, rules: EntityRules) -> str | None:
    if word in rules.misc_triggers:
        return rules.misc_triggers[word]
    if word in rules.org_triggers:
        return "ORG"
    return None
