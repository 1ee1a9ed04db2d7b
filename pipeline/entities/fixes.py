"""The entity corrections in order, and the pure function behind ``fr_entity_fixes``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from pipeline.entities.acronyms import pair_acronyms
from pipeline.entities.boundaries import adjust_boundaries, merge_place_complements
from pipeline.entities.candidates import Candidate
from pipeline.entities.clustering import cluster_mentions
from pipeline.entities.context import share_list_labels
from pipeline.entities.facilities import add_facility_names
from pipeline.entities.junk import drop_junk
from pipeline.entities.kinds import mark_kinds
from pipeline.entities.labels import LABEL_STEPS, relabel
from pipeline.entities.learned import decide_labels
from pipeline.entities.repeats import add_org_repeats
from pipeline.entities.rules import EntityRules, default_rules
from pipeline.entities.spans import join_cut_names, join_enumerated_complements
from pipeline.records import EntityMention

#: the rule families of :func:`fix_entities`, each one switched off by its name in
#: ``without`` (``bench/bench_entities.py --without`` / ``--ablation`` measure each one);
#: ``labels.LABEL_STEPS`` are the families inside :func:`~pipeline.entities.labels.relabel`
FAMILIES: tuple[str, ...] = (
    "boundaries",
    *LABEL_STEPS,
    "kinds",
    "facilities",
    "cut_names",
    "place_complements",
    "enumerations",
    "junk",
    "lists",
    "repeats",
    "acronyms",
    "learned_labels",
)


class FixedEntities(NamedTuple):
    """What :func:`fix_entities` returns."""

    spans: list[Span]
    #: index pairs (into ``spans``) of an expansion and its acronym
    links: list[tuple[int, int]]
    #: indices of spans whose label comes from textual evidence ("l'association X")
    certain: set[int]
    #: indices in ``certain`` whose evidence only rules out a person ("présidente de X")
    not_person: set[int]


def fix_entities(
    doc: Doc,
    rules: EntityRules | None = None,
    *,
    remove_junk: bool = True,
    fix_boundaries: bool = True,
    fix_labels: bool = True,
    link_acronyms: bool = True,
    learned_labels: bool = False,
    without: frozenset[str] = frozenset(),
) -> FixedEntities:
    """Correct the entities of a doc that went through ``ner``.

    The doc is not modified. Entities matched by the gazetteer (``ent_id_`` set) and
    entities with labels other than PER/ORG/LOC/MISC are kept as they are.

    Args:
        doc: a doc with ``doc.ents`` (POS tags and sentences are used when present).
        rules: the word lists (packaged ones by default).
        remove_junk: drop generic words, navigation lines and share blocks, titles,
            demonyms.
        fix_boundaries: trim determiners/titles, extend generic heads to the full name
            (and a body's remit: "... aux droits de l'homme").
        fix_labels: ORG for public bodies, legal forms, organisation appositions and
            ministers' portfolios ("ministre de l'Intérieur" -> "Intérieur").
        link_acronyms: find "Expansion (ACR)" and "ACR (Expansion)" pairs.
        learned_labels: let the learned decider (:mod:`.learned`) relabel each name
            after the rules (off by default: it did not win on held-out data, README).
        without: names of rule families (:data:`FAMILIES`) left out, to measure what
            each one brings.

    Returns:
        The corrected entities sorted by start, the acronym links as index pairs into
        that list, the indices whose label rests on textual evidence, and those of them
        whose evidence only rules out a person.
    """
    rules = rules or default_rules()
    off = set(without)
    off |= {"junk"} if not remove_junk else set()
    off |= {"boundaries", "cut_names", "place_complements", "enumerations"} if not fix_boundaries else set()
    off |= {*LABEL_STEPS, "kinds", "facilities", "lists", "repeats", "learned_labels"} if not fix_labels else set()
    off |= {"acronyms"} if not link_acronyms else set()
    off |= {"learned_labels"} if not learned_labels else set()
    ents = [Candidate(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    if "boundaries" not in off:
        ents = adjust_boundaries(doc, ents, rules)
    ents = relabel(doc, ents, rules, without=frozenset(off))
    for family, step in _STEPS:
        if family not in off:
            ents = step(doc, ents, rules)
    ents = _without_overlaps(ents)
    if "lists" not in off:
        ents = share_list_labels(doc, ents, rules)
    if "repeats" not in off:
        ents = add_org_repeats(doc, ents)
    links: list[tuple[int, int]] = []
    if "acronyms" not in off:
        ents, links = pair_acronyms(doc, ents, rules)
    if "learned_labels" not in off:
        ents, kept = decide_labels(doc, ents, rules)
        new_index = {old: new for new, old in enumerate(kept)}
        links = [(new_index[a], new_index[b]) for a, b in links if a in new_index and b in new_index]
    spans = [Span(doc, e.start, e.end, label=e.label, span_id=e.ent_id) for e in ents]
    certain = {k for k, e in enumerate(ents) if e.certain or e.ent_id}
    not_person = {k for k, e in enumerate(ents) if e.certain and e.not_person}
    return FixedEntities(spans, links, certain, not_person)


#: the families between the labels and the overlaps, in their order: the names the model
#: cut are joined after the labels, a place joins an organisation once labelled ("Ville
#: de" + "Rennes"), junk goes last
_STEPS: tuple[tuple[str, Callable[[Doc, list[Candidate], EntityRules], list[Candidate]]], ...] = (
    ("kinds", mark_kinds),
    ("facilities", add_facility_names),
    ("cut_names", join_cut_names),
    ("place_complements", merge_place_complements),
    ("enumerations", join_enumerated_complements),
    ("junk", drop_junk),
)


def _without_overlaps(ents: list[Candidate]) -> list[Candidate]:
    """Sorted, non-overlapping entities (``doc.ents`` refuses overlaps); the longer wins."""
    out: list[Candidate] = []
    for ent in sorted(ents, key=lambda e: (e.start, -e.end)):
        if out and ent.start < out[-1].end:
            if ent.end - ent.start > out[-1].end - out[-1].start and not out[-1].protected:
                out[-1] = ent
            continue
        out.append(ent)
    return out


def correct_entities(
    doc: Doc,
    rules: EntityRules | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    cluster: bool = True,
) -> tuple[list[Span], tuple[EntityMention, ...]]:
    """The corrected entities of a doc and their mentions (what ``fr_entity_fixes`` stores).

    Args:
        doc: a doc that went through ``ner``.
        rules: the word lists (packaged ones by default).
        options: keyword arguments of :func:`fix_entities` (all rules by default).
        cluster: cluster mentions within the article; without it every span keeps its
            own label and the mentions are clustered by name only.

    Returns:
        The spans for ``doc.ents`` and one mention per span, sorted by start.
    """
    spans, links, certain, not_person = fix_entities(doc, rules, **(options or {}))
    if cluster:
        return cluster_mentions(doc, spans, links, rules, certain=certain, not_person=not_person)
    _, mentions = cluster_mentions(doc, spans, (), rules)
    return spans, mentions
