"""The corpus vote: a name an article shows to be an organisation is one in the others.

An unknown company is often named with a cue in one article ("la banque publique
Bpifrance", "Hydrelis SAS") and bare in the next, where the model calls it a place or
MISC. The per-article rules cannot see the first article from the second; this second
pass over the corpus can. It reads records (plain dicts, as the run's store and
``documents.jsonl`` hold them), never a ``Doc``:

1. :meth:`CorpusVote.add_dict` counts, for each canonical name, the articles where the
   entity's label rests on the article's own words (``cued`` mentions) and those where
   the model alone gave it;
2. :meth:`CorpusVote.relabel_dict` gives an uncued MISC entity the organisation label
   its name carries with a cue elsewhere, and an uncued place too when the cued articles
   are at least as many as the uncued places ("Paris" named a place in a hundred
   articles stays one after "le club Paris" in one);
3. an entity an article names by its acronym alone ("le CNRS") becomes the entity the
   corpus spells out for that acronym ("Centre national de la recherche scientifique
   (CNRS)" in another article), when the corpus gives that acronym one expansion only
   for its label ("CCI" expanded to several chambers stays as it is).

The vote depends on the set of records only, not on their order, so the published files
are the same whatever the number of workers. Memory grows with distinct names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from pipeline.entities.candidates import name_key
from pipeline.entities.index import entity_id

Record = dict[str, Any]
#: the label a cue elsewhere gives, and the uncued labels it overrides
_TARGET = "ORG"
_OVERRIDDEN = frozenset({"MISC", "LOC"})


class CorpusVote:
    """Counts of cued and uncued labels per name over a corpus, and the relabelling."""

    def __init__(self) -> None:
        # name key -> label -> number of articles
        self._cued: dict[str, Counter[str]] = {}
        self._uncued: dict[str, Counter[str]] = {}
        # (label, acronym key) -> expansion key -> the canonical spellings seen
        self._expansions: dict[tuple[str, str], dict[str, set[str]]] = {}

    def add_dict(self, record: Record) -> None:
        """Count one article's entities (a ``documents.jsonl`` record as a dict)."""
        for key, label, cued in _article_entities(record.get("entities") or ()):
            table = self._cued if cued else self._uncued
            table.setdefault(key, Counter())[label] += 1
        for m in record.get("entities") or ():
            canonical, text = m.get("canonical"), m.get("text") or ""
            if canonical and _is_acronym(text) and not _is_acronym(canonical):
                spellings = self._expansions.setdefault((m["label"], name_key(text)), {})
                spellings.setdefault(name_key(canonical), set()).add(canonical)

    def update(self, records: Iterable[Record]) -> CorpusVote:
        """Add many records; returns self."""
        for record in records:
            self.add_dict(record)
        return self

    def label_for(self, key: str, label: str) -> str | None:
        """The corpus label of an uncued entity named ``key`` labelled ``label``, or None
        when the vote leaves it as it is."""
        if label not in _OVERRIDDEN:
            return None
        cued = self._cued.get(key)
        if not cued or cued[_TARGET] == 0 or len(cued) > 1:
            return None  # no cue, or cues that disagree
        if label == "LOC" and cued[_TARGET] < self._uncued.get(key, Counter())["LOC"]:
            return None
        return _TARGET

    def expansion_for(self, label: str, acronym: str) -> str | None:
        """The one name the corpus spells out for ``acronym`` as a ``label``, or None (no
        expansion, or several). Of its spellings, the first in sorted order."""
        spellings = self._expansions.get((label, name_key(acronym)))
        if not spellings or len(spellings) > 1:
            return None
        return min(next(iter(spellings.values())))

    def relabel_dict(self, record: Record) -> Record:
        """The record with its uncued entities relabelled by the vote.

        A relabelled entity gets the id of its new label (:func:`entity_id`), and the
        event participants that pointed to it follow.

        Args:
            record: a ``documents.jsonl`` record as a dict (not modified).

        Returns:
            The same dict when nothing changes, else a copy with new entities and events.
        """
        labels: dict[str, str] = {}  # entity id -> its label after the vote
        for m in record.get("entities") or ():
            eid, canonical = m.get("entity_id"), m.get("canonical")
            if not eid or not canonical or eid in labels:
                continue
            if not m.get("cued") and (label := self.label_for(name_key(canonical), m["label"])):
                labels[eid] = label
        # old entity id -> (new id, new label, new canonical)
        changes: dict[str, tuple[str, str, str]] = {}
        for m in record.get("entities") or ():
            eid, canonical = m.get("entity_id"), m.get("canonical")
            if not eid or not canonical or eid in changes:
                continue
            label = labels.get(eid, m["label"])
            named = (self.expansion_for(label, canonical) if _is_acronym(canonical) else None) or canonical
            if (label, named) != (m["label"], canonical):
                changes[eid] = (entity_id(label, named), label, named)
        if not changes:
            return record
        out = dict(record)
        out["entities"] = [_moved(m, changes) for m in record["entities"]]
        out["events"] = [
            {**ev, "participants": [_moved(p, changes) for p in ev.get("participants") or ()]}
            for ev in record.get("events") or ()
        ]
        return out


def _article_entities(mentions: Iterable[Record]) -> set[tuple[str, str, bool]]:
    """(name key, label, cued) of each entity of one article, counted once."""
    seen: set[tuple[str, str, bool]] = set()
    for m in mentions:
        canonical = m.get("canonical") or m.get("text")
        if canonical:
            seen.add((name_key(canonical), m["label"], bool(m.get("cued"))))
    return seen


def _is_acronym(name: str) -> bool:
    """A name written as an acronym: one word of 2 to 10 characters, capitals (and
    digits) only, with at least two capitals ("CNRS", "CEA", "ADEME"; not "Inserm")."""
    return (
        2 <= len(name) <= 10
        and name.isupper()
        and name.isalnum()
        and sum(c.isalpha() for c in name) >= 2
    )


def _moved(item: Record, changes: dict[str, tuple[str, str, str]]) -> Record:
    """An entity mention or event participant after the vote: its new id and label, and
    a mention's new canonical name (a participant keeps the name the article wrote)."""
    change = changes.get(item.get("entity_id") or "")
    if change is None:
        return item
    new_id, label, canonical = change
    out = {**item, "entity_id": new_id, "label": label}
    if "canonical" in item:
        out["canonical"] = canonical
    return out
