"""The rule families of the entity stage can be left out one by one (to measure each)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.entities.component import CLUSTER_VOTE, EntityFixer, UnknownFamilyError
from pipeline.entities.fixes import FAMILIES, fix_entities
from pipeline.entities.rules import default_rules


@pytest.mark.parametrize(
    ("text", "ents", "family", "with_it", "without_it"),
    [
        # junk: a share button is no mention
        (
            "Partager cet article :\nFacebook\n",
            [("Facebook", "MISC")],
            "junk",
            [],
            [("Facebook", "MISC")],
        ),
        # the labels from the words around a name: "la société X" is an organisation
        (
            "La société Brelvane a ouvert une usine.",
            [("Brelvane", "LOC")],
            "label_rules",
            [("Brelvane", "ORG")],
            [("Brelvane", "LOC")],
        ),
        # kinds: "le salon X" is an event
        (
            "Elle exposera au salon Maritimo à Brest.",
            [("Maritimo", "ORG"), ("Brest", "LOC")],
            "kinds",
            [("Maritimo", "EVENT"), ("Brest", "LOC")],
            [("Maritimo", "ORG"), ("Brest", "LOC")],
        ),
    ],
)
def test_entities_families_one_left_out(
    blank_fr: Language,
    text: str,
    ents: list[tuple[str, str]],
    family: str,
    with_it: list[tuple[str, str]],
    without_it: list[tuple[str, str]],
) -> None:
    doc = blank_fr.make_doc(text)
    doc.ents = [
        doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents
    ]
    assert family in FAMILIES
    on = fix_entities(doc).spans
    off = fix_entities(doc, without=frozenset({family})).spans
    assert [(s.text, s.label_) for s in on] == with_it
    assert [(s.text, s.label_) for s in off] == without_it


@pytest.mark.parametrize("family", ["jnuk", "corpus_vote"])
def test_entities_families_unknown_name_refused(family: str) -> None:
    with pytest.raises(UnknownFamilyError, match=family):
        EntityFixer("fr_entity_fixes", default_rules(), without=frozenset({family}))


def test_entities_families_cluster_vote_left_out(blank_fr: Language) -> None:
    text = "La société Brelvane recrute. Brelvane vise Lyon."
    doc = blank_fr.make_doc(text)
    first = text.index("Brelvane")
    second = text.index("Brelvane", first + 1)
    doc.ents = [
        doc.char_span(first, first + 8, label="ORG"),
        doc.char_span(second, second + 8, label="LOC"),
    ]
    voted = EntityFixer("f", default_rules())(doc.copy())
    alone = EntityFixer("f", default_rules(), without=frozenset({CLUSTER_VOTE}))(doc.copy())
    assert [e.label_ for e in voted.ents] == ["ORG", "ORG"]
    assert [e.label_ for e in alone.ents] == ["ORG", "LOC"]
