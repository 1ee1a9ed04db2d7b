"""Streets and named facilities: "place Gambetta", "rue de la Loi", "école Maurice-Henry".

A street is named by its lower-case noun and what follows ("place de la Mairie",
"avenue du Général de Gaulle"): the whole phrase is the place, whatever the model made
of its capitalised part (a person for "Gambetta", an organisation for "Mairie"). A
school, a library or a hospital named after someone ("médiathèque Simone-Veil") is one
name with its noun. The nouns are data: ``street_nouns`` and ``facility_nouns`` in
``entities_rules.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.candidates import Candidate, in_compound, is_cap, sentence_start
from pipeline.entities.rules import EntityRules
from pipeline.nlp.text import doc_words

#: what may link a street noun to its name ("rue de la Loi", "chemin des Montants")
_LINKS = (("de", "la"), ("de", "l'"), ("de", "l’"), ("du",), ("des",), ("d'",), ("d’",), ("de",))
#: lower-case words inside a name after a capitalised one ("Général de Gaulle")
_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le"})
#: "à la place de X" means "instead of X"
_NOT_A_STREET_BEFORE = (("à", "la"),)


def add_facility_names(doc: Doc, ents: list[Candidate], rules: EntityRules) -> list[Candidate]:
    """Streets and named facilities as whole names, replacing what the model found there.

    Args:
        doc: the doc.
        ents: candidates sorted by start (protected ones are never replaced).
        rules: the word lists.

    Returns:
        The candidates, with the streets and facilities, sorted by start.
    """
    lowers = doc_words(doc)[1]
    if rules.street_nouns.isdisjoint(lowers) and rules.facility_nouns.keys().isdisjoint(lowers):
        return ents  # most articles: no street, no facility
    added: list[Candidate] = []
    taken: set[int] = set()
    for i, lower in enumerate(lowers):
        if i in taken or not doc[i].is_lower:
            continue
        found = None
        if lower in rules.street_nouns and not _instead_of(doc, i):
            found = _street(doc, i, ents)
        elif lower in rules.facility_nouns:
            found = _facility(doc, i, ents, rules.facility_nouns[lower])
        if found is None:
            continue
        if any(e.protected and e.start < found.end and found.start < e.end for e in ents):
            continue
        added.append(found)
        taken.update(range(found.start, found.end))
    if not added:
        return ents
    kept = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)]
    return sorted([*kept, *added], key=lambda e: e.start)


def _instead_of(doc: Doc, i: int) -> bool:
    before = tuple(t.lower_ for t in doc[max(0, i - 2) : i])
    return doc[i].lower_ == "place" and before in _NOT_A_STREET_BEFORE


def _street(doc: Doc, i: int, ents: list[Candidate]) -> Candidate | None:
    """ "place" + "de la Mairie": the street from its noun to the end of its name."""
    j = i + 1
    n = len(doc)
    for link in _LINKS:
        if tuple(t.lower_ for t in doc[j : j + len(link)]) == link:
            j += len(link)
            break
    if j >= n or not is_cap(doc[j]) or doc[j].is_punct or sentence_start(doc, j):
        return None
    return Candidate(i, _name_end(doc, j, ents), "LOC", certain=True)


def _facility(doc: Doc, i: int, ents: list[Candidate], label: str) -> Candidate | None:
    """ "école" + "Maurice-Henry": a facility named after a person is one name.

    The name must follow the noun directly and look like a person's: the model took it
    for one, or it is a hyphenated compound of capitalised words.
    """
    j = i + 1
    if j >= len(doc) or not is_cap(doc[j]) or doc[j].is_punct:
        return None
    end = _name_end(doc, j, ents)
    person = any(e.start == j and e.label == "PER" for e in ents)
    parts = doc[j:end].text.split("-")
    hyphenated = len(parts) >= 2 and all(p[:1].isupper() and " " not in p for p in parts)
    if not (person or hyphenated):
        return None
    return Candidate(i, end, label, certain=True)


def _name_end(doc: Doc, j: int, ents: list[Candidate]) -> int:
    """End of the name starting at ``j``: the model's entity there, else the capitalised
    words (with particles and hyphens between them) after it, at most eight tokens."""
    ent = next((e for e in ents if e.start <= j < e.end), None)
    if ent is not None:
        return ent.end
    end = j + 1
    n = len(doc)
    while end < n and end - j < 8:
        tok = doc[end]
        if is_cap(tok) or (in_compound(doc, end) and doc[end - 1].whitespace_ == ""):
            end += 1
        elif tok.lower_ in _PARTICLES and end + 1 < n and is_cap(doc[end + 1]):
            end += 2
        else:
            break
    return end
