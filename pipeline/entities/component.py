"""The ``fr_entity_fixes`` spaCy component: corrected ``doc.ents`` and ``doc._.entities``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.fixes import FAMILIES, correct_entities
from pipeline.entities.rules import EntityRules, default_rules
from pipeline.nlp.extensions import register_extensions

#: the article's cluster vote (:func:`~pipeline.entities.clustering.cluster_mentions`),
#: switched off like the families of ``fix_entities``
CLUSTER_VOTE = "cluster_vote"


class UnknownFamilyError(ValueError):
    """A rule family name that ``fr_entity_fixes`` does not have."""


class EntityFixer:
    """The ``fr_entity_fixes`` component: corrected ``doc.ents`` and ``doc._.entities``."""

    def __init__(
        self,
        name: str,
        rules: EntityRules,
        *,
        remove_junk: bool = True,
        fix_boundaries: bool = True,
        fix_labels: bool = True,
        link_acronyms: bool = True,
        learned_labels: bool = False,
        cluster: bool = True,
        without: frozenset[str] = frozenset(),
    ) -> None:
        register_extensions()
        unknown = sorted(set(without) - {*FAMILIES, CLUSTER_VOTE})
        if unknown:
            raise UnknownFamilyError(
                f"unknown rule families {', '.join(unknown)}; "
                f"known: {', '.join((*FAMILIES, CLUSTER_VOTE))}"
            )
        self.name = name
        self.rules = rules
        self.options: dict[str, Any] = {
            "remove_junk": remove_junk,
            "fix_boundaries": fix_boundaries,
            "fix_labels": fix_labels,
            "link_acronyms": link_acronyms,
            "learned_labels": learned_labels,
            "without": frozenset(without) - {CLUSTER_VOTE},
        }
        self.cluster = cluster and CLUSTER_VOTE not in without

    def __call__(self, doc: Doc) -> Doc:
        """Store the corrected entities of ``doc`` (:func:`correct_entities`)."""
        fixed, mentions = correct_entities(
            doc, self.rules, options=self.options, cluster=self.cluster
        )
        doc.set_ents(fixed, default="outside")
        doc._.entities = mentions
        return doc


@Language.factory(
    "fr_entity_fixes",
    default_config={
        "rules_path": None,
        "remove_junk": True,
        "fix_boundaries": True,
        "fix_labels": True,
        "link_acronyms": True,
        "learned_labels": False,
        "cluster": True,
        "without": [],
    },
)
def make_entity_fixes(
    nlp: Language,
    name: str,
    rules_path: str | None = None,
    remove_junk: bool = True,
    fix_boundaries: bool = True,
    fix_labels: bool = True,
    link_acronyms: bool = True,
    learned_labels: bool = False,
    cluster: bool = True,
    without: list[str] | None = None,
) -> EntityFixer:
    """Build the entity-correction component (add it with ``after="ner"``).

    Args:
        nlp: the pipeline.
        name: the component name.
        rules_path: a JSON file of word lists replacing the packaged ``entities_rules.json``.
        remove_junk: drop generic words, navigation lines, titles and demonyms.
        fix_boundaries: trim determiners and titles, extend generic heads.
        fix_labels: relabel public bodies, legal forms, appositions (ORG) and events.
        link_acronyms: join acronyms and expansions into one entity.
        learned_labels: relabel each name with the learned decider after the rules
            (``pipeline.entities.learned``; off by default, see the README).
        cluster: cluster mentions within the article (``entity_id``, ``canonical``).
        without: rule families left out (``fixes.FAMILIES``, ``"cluster_vote"``): to
            measure what each one brings (``bench/bench_entities.py --ablation``).

    Returns:
        The component.

    Raises:
        UnknownFamilyError: a name in ``without`` is no rule family.
    """
    register_extensions()
    rules = EntityRules.load(Path(rules_path)) if rules_path else default_rules()
    return EntityFixer(
        name,
        rules,
        remove_junk=remove_junk,
        fix_boundaries=fix_boundaries,
        fix_labels=fix_labels,
        link_acronyms=link_acronyms,
        learned_labels=learned_labels,
        cluster=cluster,
        without=frozenset(without or ()),
    )
