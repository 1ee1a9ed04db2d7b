"""Corpus-wide entity and co-occurrence tables, and the corpus-stable ``entity_id``.

Plain Python over document records: nothing here needs a ``Doc``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from pipeline.entities.candidates import name_key
from pipeline.records import DocumentRecord


def entity_id(label: str, canonical: str) -> str:
    """Corpus-stable id of an entity: a hash of its label and normalised canonical name.

    Args:
        label: the entity label ("ORG").
        canonical: its canonical name ("Groupe La Poste").

    Returns:
        ``"E"`` followed by 15 hex digits; the same for the same label and name everywhere.
    """
    key = f"{label}\x1f{name_key(canonical)}".encode()
    return "E" + hashlib.blake2b(key, digest_size=8).hexdigest()[:15]


#: above this many distinct entities, a document's pairs are those that share a sentence:
#: every pair of a 1 MB text dump (3,953 entities, 7.8 million pairs) took 3.7 GB (issue 18)
MAX_ENTITIES_ALL_PAIRS = 1_000


@dataclass(slots=True)
class _EntityStats:
    canonical: str
    label: str
    aliases: set[str] = field(default_factory=set)
    n_documents: int = 0
    n_mentions: int = 0
    first_published: str | None = None
    last_published: str | None = None


@dataclass(slots=True)
class _PairStats:
    n_documents: int = 0
    n_cooccurrences: int = 0


class EntityIndex:
    """Corpus-wide entity and co-occurrence tables, built one document record at a time.

    Memory grows with the number of distinct entities and pairs, not with documents.
    Two entities co-occur in a document when both are mentioned in it; ``n_cooccurrences``
    counts the sentences where both appear (summed over documents). In a document that
    names more than :data:`MAX_ENTITIES_ALL_PAIRS` distinct entities (a text dump or a
    book rather than an article, whose pairs grow with the square of its length), only
    the entities mentioned in a same sentence co-occur.
    """

    def __init__(self) -> None:
        self._entities: dict[str, _EntityStats] = {}
        self._pairs: dict[tuple[str, str], _PairStats] = {}
        self.n_documents = 0

    def add(self, record: DocumentRecord) -> None:
        """Count one document's entity mentions.

        Args:
            record: a document record whose mentions carry ``entity_id``.
        """
        self._add(
            record.published,
            ((m.entity_id, m.canonical, m.text, m.label, m.sentence) for m in record.entities),
        )

    def add_dict(self, record: dict[str, Any]) -> None:
        """:meth:`add` for a ``documents.jsonl`` record read back as a dict (the export
        path of both engines: no record objects rebuilt)."""
        self._add(
            record.get("published"),
            (
                (m.get("entity_id"), m.get("canonical"), m["text"], m["label"], m["sentence"])
                for m in record.get("entities", ())
            ),
        )

    def _add(
        self,
        published: str | None,
        mentions: Iterable[tuple[str | None, str | None, str, str, int]],
    ) -> None:
        self.n_documents += 1
        sentences: dict[str, set[int]] = {}
        for entity_id, canonical, text, label, sentence in mentions:
            if entity_id is None:
                continue
            stats = self._entities.get(entity_id)
            if stats is None:
                stats = _EntityStats(canonical=canonical or text, label=label)
                self._entities[entity_id] = stats
            stats.aliases.add(" ".join(text.split()))
            stats.n_mentions += 1
            sentences.setdefault(entity_id, set()).add(sentence)
        for eid in sentences:
            stats = self._entities[eid]
            stats.n_documents += 1
            if published:
                if stats.first_published is None or published < stats.first_published:
                    stats.first_published = published
                if stats.last_published is None or published > stats.last_published:
                    stats.last_published = published
        for a, b in _pairs(sentences):
            pair = self._pairs.setdefault((a, b), _PairStats())
            pair.n_documents += 1
            pair.n_cooccurrences += len(sentences[a] & sentences[b])

    def update(self, records: Iterable[DocumentRecord]) -> EntityIndex:
        """Add many records; returns self."""
        for record in records:
            self.add(record)
        return self

    def entity_rows(self) -> list[dict[str, Any]]:
        """One row per entity, most documents first (ties by canonical name).

        Returns:
            Dicts with entity_id, canonical, label, aliases (sorted list), n_documents,
            n_mentions, first_published, last_published.
        """
        items = sorted(
            self._entities.items(),
            key=lambda kv: (-kv[1].n_documents, -kv[1].n_mentions, kv[1].canonical, kv[0]),
        )
        return [
            {
                "entity_id": eid,
                "canonical": s.canonical,
                "label": s.label,
                "aliases": sorted(s.aliases),
                "n_documents": s.n_documents,
                "n_mentions": s.n_mentions,
                "first_published": s.first_published,
                "last_published": s.last_published,
            }
            for eid, s in items
        ]

    def cooccurrence_rows(self) -> list[dict[str, Any]]:
        """One row per pair of entities mentioned in the same document (a < b by id).

        Returns:
            Dicts with entity_id_a, entity_id_b, canonical_a, canonical_b, label_a,
            label_b, n_documents, n_cooccurrences.
        """
        pairs = sorted(
            self._pairs.items(),
            key=lambda kv: (-kv[1].n_documents, -kv[1].n_cooccurrences, kv[0]),
        )
        rows: list[dict[str, Any]] = []
        for (a, b), p in pairs:
            sa, sb = self._entities[a], self._entities[b]
            rows.append(
                {
                    "entity_id_a": a,
                    "entity_id_b": b,
                    "canonical_a": sa.canonical,
                    "canonical_b": sb.canonical,
                    "label_a": sa.label,
                    "label_b": sb.label,
                    "n_documents": p.n_documents,
                    "n_cooccurrences": p.n_cooccurrences,
                }
            )
        return rows


def _pairs(sentences: dict[str, set[int]]) -> Iterable[tuple[str, str]]:
    """The co-occurring pairs of one document (see :class:`EntityIndex`), sorted."""
    if len(sentences) <= MAX_ENTITIES_ALL_PAIRS:
        return combinations(sorted(sentences), 2)
    by_sentence: dict[int, list[str]] = {}
    for eid, numbers in sentences.items():
        for number in numbers:
            by_sentence.setdefault(number, []).append(eid)
    pairs = {pair for eids in by_sentence.values() for pair in combinations(sorted(eids), 2)}
    return sorted(pairs)
