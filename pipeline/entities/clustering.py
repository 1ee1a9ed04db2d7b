"""Mention clustering: the mentions of one thing in an article, one name, one label."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from pipeline.entities.candidates import NE_LABELS, name_key
from pipeline.entities.index import entity_id
from pipeline.entities.rules import EntityRules, default_rules
from pipeline.records import EntityMention


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _core_key(span: Span, rules: EntityRules) -> str:
    """Name key without determiner, generic head or legal form: "Le Groupe La Poste" -> "la poste"."""
    words = [t.text for t in span if not t.is_space]
    while len(words) > 1 and (
        words[0] in rules.determiners_cased
        or words[0].lower() in rules.function_words
        or (words[0].lower() == "groupe" and words[1][:1].isupper())
    ):
        words = words[1:]
    while len(words) > 1 and words[-1] in rules.legal_forms_cased:
        words = words[:-1]
    return name_key(" ".join(words))


def _canonical_text(span: Span, rules: EntityRules) -> str:
    words = [t for t in span if not t.is_space]
    while (
        len(words) > 1
        and words[0].text in rules.determiners_cased
        and words[1].text in rules.generic_heads_cased
    ):
        words = words[1:]
    text = span.doc[words[0].i : words[-1].i + 1].text
    return " ".join(text.split())


def cluster_mentions(
    doc: Doc,
    spans: Sequence[Span],
    links: Sequence[tuple[int, int]] = (),
    rules: EntityRules | None = None,
    *,
    certain: Iterable[int] = (),
    not_person: Iterable[int] = (),
) -> tuple[list[Span], tuple[EntityMention, ...]]:
    """Group the mentions of one thing within an article.

    Mentions with the same name (without determiner, "Groupe" or legal form), a surname and
    the full name of a person mentioned in the article, an acronym and its expansion, and
    gazetteer aliases of one name form one cluster. Its canonical name is the longest
    mention (the gazetteer name when there is one). Its label is, in this order, the
    gazetteer's, the acronym pair's, the majority of the labels resting on textual
    evidence (``certain``), PER when a surname joined a full name, else the majority
    label (ties go to the canonical mention). Evidence outvotes the model's PER, LOC
    and MISC mentions ("le biocluster Genopole" then "Genopole montre" as a place);
    evidence that only rules out a person (``not_person``: "fondatrice de Snapchat")
    outvotes its PER mentions only. Every mention takes the cluster label.

    Args:
        doc: the doc the spans belong to.
        spans: corrected entities sorted by start (from :func:`fix_entities`).
        links: index pairs of mentions known to be the same entity (acronyms).
        rules: the word lists (packaged ones by default).
        certain: indices of spans whose label rests on textual evidence.
        not_person: indices in ``certain`` whose evidence only rules out a person.

    Returns:
        The spans relabelled with their cluster's label, and one
        :class:`~pipeline.records.EntityMention` per span, sorted by start.
    """
    rules = rules or default_rules()
    n = len(spans)
    uf = _UnionFind(n)
    _join_same_names(spans, uf, rules)
    for a, b in links:
        uf.union(a, b)
    surname_linked = _link_surnames(spans, uf, set(certain), rules)
    linked = {k for pair in links for k in pair}
    certain_set = set(certain)
    not_person_set = set(not_person)

    clusters: dict[int, list[int]] = {}
    for k in range(n):
        clusters.setdefault(uf.find(k), []).append(k)
    labels: list[str] = [s.label_ for s in spans]
    canon: list[str] = [""] * n
    ids: list[str] = [""] * n
    cued = [False] * n
    for members in clusters.values():
        label, name = _name_cluster(
            spans, members, linked, (certain_set, not_person_set), surname_linked, rules
        )
        eid = entity_id(label, name)
        evidence = {
            k for k in members if spans[k].id_ or (k in certain_set and k not in not_person_set)
        }
        cluster_cued = any(spans[k].label_ == label for k in evidence)
        for k in members:
            canon[k], ids[k], cued[k] = name, eid, cluster_cued
            own = spans[k].label_
            if spans[k].id_ and own != label:
                cued[k] = True
                continue
            if k in evidence and own != label:
                # its own evidence says otherwise: "le festival X" and "l'association X"
                ids[k], cued[k] = entity_id(own, name), True
                continue
            labels[k] = label
    return _relabelled(doc, spans, labels, (canon, ids, cued))


def _join_same_names(spans: Sequence[Span], uf: _UnionFind, rules: EntityRules) -> None:
    """Join the mentions with the same name key, and the aliases of one gazetteer name."""
    by_key: dict[str, int] = {}
    by_gaz: dict[str, int] = {}
    for k, span in enumerate(spans):
        key = _core_key(span, rules)
        if key in by_key:
            uf.union(by_key[key], k)
        else:
            by_key[key] = k
        if span.id_:
            if span.id_ in by_gaz:
                uf.union(by_gaz[span.id_], k)
            else:
                by_gaz[span.id_] = k


def _name_cluster(
    spans: Sequence[Span],
    members: list[int],
    linked: set[int],
    evidence: tuple[set[int], set[int]],
    surname_linked: set[int],
    rules: EntityRules,
) -> tuple[str, str]:
    """The label and canonical name of one cluster (the order is :func:`cluster_mentions`'s).

    ``evidence`` holds the indices whose label rests on textual evidence, and those of
    them whose evidence only rules out a person.
    """
    certain, not_person = evidence
    gaz = next((spans[k] for k in members if spans[k].id_), None)
    best = max(members, key=lambda k: (len(_canonical_text(spans[k], rules)), -k))
    acronym = next((spans[k] for k in members if k in linked), None)
    sure = [k for k in members if k in certain]
    if gaz is not None:
        label = gaz.label_
    elif acronym is not None:
        label = acronym.label_
    else:
        sure_label = (
            _cluster_label(spans, sure, best if best in sure else sure[0], set(), None)
            if sure
            else None
        )
        overruled = _PERSON if all(k in not_person for k in sure) else _OVERRULED
        label = _cluster_label(spans, members, best, surname_linked, sure_label, overruled)
    if label not in NE_LABELS | {"EVENT"}:
        label = spans[best].label_
    name = gaz.id_ if gaz is not None else _canonical_text(spans[best], rules)
    return label, name


def _relabelled(
    doc: Doc,
    spans: Sequence[Span],
    labels: list[str],
    names: tuple[list[str], list[str], list[bool]],
) -> tuple[list[Span], tuple[EntityMention, ...]]:
    """The spans with their cluster's label, and their mentions (``names``: canonical
    name, entity id and whether the label is cued, one each a span)."""
    canon, ids, cued = names
    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    fixed: list[Span] = []
    mentions: list[EntityMention] = []
    for k, span in enumerate(spans):
        new = (
            span
            if span.label_ == labels[k]
            else Span(doc, span.start, span.end, label=labels[k], span_id=span.id_)
        )
        fixed.append(new)
        mentions.append(
            EntityMention(
                text=new.text,
                label=labels[k],
                start=new.start_char,
                end=new.end_char,
                sentence=max(0, bisect.bisect_right(sent_starts, new.start) - 1),
                entity_id=ids[k],
                canonical=canon[k],
                cued=cued[k],
            )
        )
    return fixed, tuple(mentions)


def _cluster_label(
    spans: Sequence[Span],
    members: list[int],
    best: int,
    surname_linked: set[int],
    sure_label: str | None,
    overruled: frozenset[str] = frozenset(),
) -> str:
    """The majority label, after the evidence has spoken.

    Textual evidence ("présidente de X", "l'association X") turns the model's votes
    with an ``overruled`` label into ``sure_label``; a surname joined to a full name
    makes the cluster PER.
    """
    if sure_label is None and any(k in surname_linked for k in members):
        return "PER"

    def vote(k: int) -> str:
        label = spans[k].label_
        return sure_label if sure_label and label in overruled else label

    votes = Counter(vote(k) for k in members)
    top = max(votes.values())
    tied = {label for label, count in votes.items() if count == top}
    if len(tied) > 1 and "PER" in tied and all(len(spans[k]) == 1 for k in members):
        # a one-word name the model read once as a person and once as something else
        # ("sur Arte"): a bare word is the model's weakest guess at a person
        tied.discard("PER")
    if vote(best) in tied:
        return vote(best)
    return min(tied)


#: model labels that textual evidence elsewhere in the cluster overrules
_OVERRULED = frozenset({"PER", "LOC", "MISC"})
_PERSON = frozenset({"PER"})


def _link_surnames(
    spans: Sequence[Span], uf: _UnionFind, certain: set[int], rules: EntityRules
) -> set[int]:
    """ "Wahl" / "M. Wahl" joins "Philippe Wahl" (the closest full name before it).

    A mention whose organisation label rests on evidence is no surname ("la société de
    transport Cristofari" is not "Paul-Antoine Cristofari"), nor a name the article gives
    as a place right after a preposition of place ("Ironman Cairns" read as a person,
    then "à Cairns").

    Returns:
        The indices of the mentions joined to a full name.
    """
    full: dict[str, list[int]] = {}
    for k, span in enumerate(spans):
        words = [t.text for t in span if not t.is_space]
        if span.label_ == "PER" and len(words) >= 2:
            for n_last in (1, 2):
                if len(words) > n_last:
                    full.setdefault(name_key(" ".join(words[-n_last:])), []).append(k)
    linked: set[int] = set()
    if not full:
        return linked
    places = {
        name_key(s.text)
        for s in spans
        if s.label_ == "LOC" and s.start > 0 and s.doc[s.start - 1].lower_ in rules.place_prepositions
    }
    for k, span in enumerate(spans):
        words = [t.text for t in span if not t.is_space]
        if len(words) > 2 or span.label_ not in NE_LABELS:
            continue
        if k in certain and span.label_ != "PER":
            continue
        if name_key(span.text) in places:
            continue
        candidates = full.get(name_key(" ".join(words)))
        if not candidates:
            continue
        targets = {name_key(spans[c].text) for c in candidates}
        if len(targets) > 1:
            before = [c for c in candidates if c < k]
            candidates = before[-1:] or candidates[:1]
        uf.union(candidates[0], k)
        linked.add(k)
    return linked
