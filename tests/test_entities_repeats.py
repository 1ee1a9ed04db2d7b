"""Untagged repeats of an organisation's name take its label (pipeline.entities.repeats)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_entities import HandEnt, fixed, make_doc  # the hand-entity doc helpers, one home

from pipeline.entities.fixes import fix_entities


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Selon Lucie Marchal, la coopérative Terres d'Argoat recrute. "
            "En mars, Terres d'Argoat a ouvert un second silo.",
            [("Lucie Marchal", "PER"), ("Terres d'Argoat", "ORG")],
            [("Lucie Marchal", "PER"), ("Terres d'Argoat", "ORG"), ("Terres d'Argoat", "ORG")],
        ),
        (
            "Le fonds Breizh Up Capital a levé 20 millions. Breizh Up Capital vise les start-up.",
            [("Breizh Up Capital", "ORG")],
            [("Breizh Up Capital", "ORG"), ("Breizh Up Capital", "ORG")],
        ),
    ],
)
def test_entities_repeat_of_org_name_is_org(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.negative
@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # the head noun starts another name: "la Région Bretagne" is not a repeat of "Région Sud"
        (
            "La Région Sud et la Région Bretagne ont signé un accord à Rennes.",
            [("Région Sud", "ORG"), ("Région Bretagne", "ORG"), ("Rennes", "LOC")],
        ),
        # one-word names do not spread: "Orange" the colour stays untagged
        (
            "Le groupe Orange a choisi un logo Orange vif.",
            [("Orange", "ORG")],
        ),
        # the head noun alone is no repeat of the whole name
        (
            "La Métropole Rouen Normandie finance. Métropole et commune divergent.",
            [("Métropole Rouen Normandie", "ORG")],
        ),
        # a repeat followed by a capitalised word is part of a longer name
        (
            "Le fonds Breizh Up a investi. Breizh Up Capital est un autre fonds.",
            [("Breizh Up", "ORG"), ("Breizh Up Capital", "ORG")],
        ),
    ],
)
def test_entities_repeat_needs_whole_name_or_determined_head(
    blank_fr: Language, text: str, ents: list[HandEnt]
) -> None:
    assert fixed(blank_fr, text, ents) == [(t, lab) for t, lab in ents]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a coined one-word company name, repeated untagged at the start of a sentence
        (
            "La start-up Vélocia a levé deux millions d'euros. Vélocia recrute vingt techniciens.",
            [("Vélocia", "ORG")],
            [("Vélocia", "ORG"), ("Vélocia", "ORG")],
        ),
        # an acronym is no French word either
        (
            "Les douze pays de la CEMAC ont signé l'accord. Le sommet de la CEMAC aura lieu à Douala.",
            [("CEMAC", "ORG"), ("Douala", "LOC")],
            [("CEMAC", "ORG"), ("CEMAC", "ORG"), ("Douala", "LOC")],
        ),
        # glued to a hyphen, the acronym is a piece of another name
        pytest.param(
            "La CFDT a signé l'accord, mais la CFDT-Cadres s'y oppose.",
            [("CFDT", "ORG")],
            [("CFDT", "ORG")],
            marks=pytest.mark.negative,
        ),
        # a French word stays a word: "Orange" the colour is no repeat of the company
        pytest.param(
            "Le groupe Orange a choisi un logo. Orange vif ou bleu, le débat dure.",
            [("Orange", "ORG")],
            [("Orange", "ORG")],
            marks=pytest.mark.negative,
        ),
    ],
)
def test_entities_repeat_of_coined_one_word_org(
    nlp_md: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    with nlp_md.select_pipes(disable=["ner"]):
        doc = nlp_md(text)
    doc.ents = list(make_doc(nlp_md, text, ents).ents)
    assert [(s.text, s.label_) for s in fix_entities(doc).spans] == expected
