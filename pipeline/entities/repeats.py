"""Repeats of an organisation's name that the model left untagged.

One name, one label across the article: once "la Région Bretagne" is an organisation,
"la Région" further on is the same body, and a later bare "Lumeo" the same company.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.candidates import Candidate, is_cap, sentence_start

#: determiners before a bare head noun that repeats a name ("la Région")
_DETERMINERS = frozenset({"la", "le", "l'", "l’", "les", "de", "du"})


def add_org_repeats(doc: Doc, ents: list[Candidate], heads: frozenset[str]) -> list[Candidate]:
    """Tag the untagged repeats of the article's organisation names as ORG.

    Two kinds of repeat: the whole name of an ORG entity (two words or more, so a
    common capitalised word does not spread), and its head noun alone after a
    determiner ("la Région" after "la Région Sud"), when the head is an organisation
    head noun (``heads``) and no capitalised word follows it (that would be another
    name). A repeat never overlaps an existing entity.

    Args:
        doc: the doc.
        ents: non-overlapping candidates sorted by start.
        heads: capitalised organisation head nouns ("Région", "Métropole", "Agence").

    Returns:
        The candidates with the repeats added, sorted by start.
    """
    orgs = [e for e in ents if e.label == "ORG"]
    names = {tuple(t.text for t in doc[e.start : e.end]) for e in orgs if e.end - e.start >= 2}
    bare = {doc[e.start].text for e in orgs if e.end - e.start >= 2} & heads
    if not names and not bare:
        return ents
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[Candidate] = []
    i = 0
    while i < len(doc):
        n = _repeat_length(doc, i, names, bare, covered)
        if n:
            added.append(Candidate(i, i + n, "ORG"))
            covered.update(range(i, i + n))
            i += n
        else:
            i += 1
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _repeat_length(
    doc: Doc, i: int, names: set[tuple[str, ...]], bare: set[str], covered: set[int]
) -> int:
    """The length of the repeat starting at token ``i``, 0 when there is none."""
    if i in covered or not is_cap(doc[i]):
        return 0
    for name in sorted(names, key=len, reverse=True):
        end = i + len(name)
        if (
            end <= len(doc)
            and tuple(t.text for t in doc[i:end]) == name
            and not covered.intersection(range(i, end))
            and (end == len(doc) or not is_cap(doc[end]))
        ):
            return len(name)
    if (
        doc[i].text in bare
        and i > 0
        and doc[i - 1].lower_ in _DETERMINERS
        and not sentence_start(doc, i)
        and (i + 1 == len(doc) or not is_cap(doc[i + 1]))
    ):
        return 1
    return 0
