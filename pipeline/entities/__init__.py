"""Entities an analyst can trust: correct the model's named entities, cluster them, index them.

Three parts:

- ``fr_entity_gazetteer`` (:mod:`.gazetteer`): a user gazetteer (JSONL of ``{"name",
  "label", "aliases"}``) matched by spaCy's :class:`~spacy.pipeline.SpanRuler` ahead of
  the statistical NER.
- ``fr_entity_fixes`` (:mod:`.component`): runs right after ``ner``. :func:`fix_entities`
  (:mod:`.fixes`) adjusts boundaries (:mod:`.boundaries`), fixes labels (:mod:`.labels`),
  removes junk (:mod:`.junk`) and links acronyms to their expansions (:mod:`.acronyms`)
  with general rules whose word lists are data (:mod:`.rules`); :func:`cluster_mentions`
  (:mod:`.clustering`) groups the mentions of one thing within the article and gives
  each group a canonical name and a corpus-stable ``entity_id``. The component rewrites
  ``doc.ents`` and stores the mentions in ``doc._.entities``.
- :class:`EntityIndex` (:mod:`.index`): a streaming, plain-Python aggregation of document
  records into the corpus entity table and the co-occurrence table (the export module
  writes them).

Named events (``Jeux olympiques de Rio``) found by the model as MISC are relabelled
``EVENT``: they are not products, and the events stage can use them.
"""

from __future__ import annotations

from pipeline.entities.clustering import cluster_mentions
from pipeline.entities.component import EntityFixer, make_entity_fixes
from pipeline.entities.fixes import FixedEntities, correct_entities, fix_entities
from pipeline.entities.gazetteer import GazetteerError, make_entity_gazetteer, read_gazetteer
from pipeline.entities.index import EntityIndex, entity_id
from pipeline.entities.rules import EntityRules, default_rules

__all__ = [
    "EntityFixer",
    "EntityIndex",
    "EntityRules",
    "FixedEntities",
    "GazetteerError",
    "cluster_mentions",
    "correct_entities",
    "default_rules",
    "entity_id",
    "fix_entities",
    "make_entity_fixes",
    "make_entity_gazetteer",
    "read_gazetteer",
]
