"""Names the model cut inside are glued back (pipeline.entities.spans)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_entities import HandEnt, fixed  # the hand-entity doc helper, one home


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # two pieces with a space only between them, the fund's cue gives the label
        (
            "La société de gestion lance son fonds Rhône Avenir III auprès des épargnants.",
            [("Rhône", "LOC"), ("Avenir III", "MISC")],
            [("Rhône Avenir III", "ORG")],
        ),
        # a sequel's roman numeral after the name
        (
            "Le fonds Cap Innovation II a réuni 40 millions d'euros.",
            [("Cap Innovation", "ORG")],
            [("Cap Innovation II", "ORG")],
        ),
        # a capitalised word glued by an apostrophe is part of the name
        (
            "Parmi les lauréats figure Ker’Armor, qui recycle les filets de pêche.",
            [("Armor", "LOC")],
            [("Ker’Armor", "LOC")],
        ),
        # a name that ran on into a time word ends before it
        (
            "Selon l'Agence mardi soir, le chantier reprendra au printemps.",
            [("Agence mardi soir", "ORG")],
            [("Agence", "ORG")],
        ),
        (
            "Le club a battu le Stade Rennais dimanche devant ses supporters.",
            [("Stade Rennais dimanche", "ORG")],
            [("Stade Rennais", "ORG")],
        ),
        # an all-capitalised quoted name is one name; the place the model saw is not it
        (
            "La liste « Savoie Demain » est arrivée en tête au premier tour.",
            [("Savoie", "LOC")],
            [("Savoie Demain", "MISC")],
        ),
    ],
)
def test_entities_spans_cut_name_is_joined(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "La Banque populaire du Rhin et de la Moselle a ouvert une agence à Metz.",
            [("Banque populaire du Rhin", "ORG"), ("Moselle", "LOC"), ("Metz", "LOC")],
            [("Banque populaire du Rhin et de la Moselle", "ORG"), ("Metz", "LOC")],
        ),
        (
            "Une aide du ministère de l'Industrie, de l'Énergie et du Numérique est prévue.",
            [("ministère de l'Industrie", "ORG"), ("Énergie", "LOC")],
            [("ministère de l'Industrie, de l'Énergie et du Numérique", "ORG")],
        ),
        # the model tagged the rest of the enumeration as one name of its own
        (
            "Le plan est soutenu par le ministère de la Mer, de la Pêche et de l'Aquaculture.",
            [("ministère de la Mer", "ORG"), ("Pêche et de l'Aquaculture", "ORG")],
            [("ministère de la Mer, de la Pêche et de l'Aquaculture", "ORG")],
        ),
        # the last complement takes the place of the whole body; a compound complement
        (
            "Le Musée du Vin-Doux et de la Vigne de Banyuls rouvre ses portes samedi.",
            [("Musée du Vin-Doux", "ORG"), ("Vigne de Banyuls", "ORG")],
            [("Musée du Vin-Doux et de la Vigne de Banyuls", "ORG")],
        ),
    ],
)
def test_entities_spans_enumerated_complements_join_the_name(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.negative
@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a demonym and a name are a description and a name
        (
            "La course a été remportée par la Norvégienne Ingrid Solberg devant sa rivale.",
            [("Ingrid Solberg", "PER")],
        ),
        # a quoted title holding a place is not that place's name (after a kind noun,
        # "son roman « ... »", the whole title is a MISC name: test_entities_misc)
        ("Son texte « Retour vers Brest » paraîtra en mai.", [("Brest", "LOC")]),
        # two bodies in an enumeration: an acronym is a body of its own
        (
            "Le laboratoire dépend de l'université de Lille et du CNRS depuis 2015.",
            [("université de Lille", "ORG"), ("CNRS", "ORG")],
        ),
        # a complement followed by more name is a body of its own
        (
            "Avec le soutien du conseil départemental de l'Ain et de Bourg Habitat Services.",
            [("conseil départemental de l'Ain", "ORG"), ("Bourg Habitat Services", "ORG")],
        ),
        # a second body with its place after "et de": its head noun names it
        (
            "La fête est organisée par le Musée de la Mine et de la Ville de Carmaux.",
            [("Musée de la Mine", "ORG"), ("Ville de Carmaux", "ORG")],
        ),
        # a day number: the time word is part of a dated name
        ("Le Collectif du 5 juin a manifesté.", [("Collectif du 5 juin", "ORG")]),
        # an elided article is no part of a name
        ("Le bateau a rejoint l'Iroise au matin.", [("Iroise", "LOC")]),
    ],
)
def test_entities_spans_separate_names_stay_apart(
    blank_fr: Language, text: str, ents: list[HandEnt]
) -> None:
    assert fixed(blank_fr, text, ents) == list(ents)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the place after an elected person's party is the person's constituency
        (
            "Selon Anne Kervella, députée LFI de Gironde, le texte sera amendé.",
            [("Anne Kervella", "PER"), ("LFI", "ORG"), ("Gironde", "LOC")],
            [("Anne Kervella", "PER"), ("LFI", "ORG"), ("Gironde", "LOC")],
        ),
        # a body's place is part of its name
        (
            "La CCI de Bretagne a ouvert un guichet unique.",
            [("CCI", "ORG"), ("Bretagne", "LOC")],
            [("CCI de Bretagne", "ORG")],
        ),
    ],
)
def test_entities_spans_place_of_a_body_or_of_an_elected(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Le bataillon est arrivé en juin. Depuis 2004, le régiment a mené douze missions.",
        "Les travaux ont commencé. Pendant 2021, la coopérative a doublé ses ventes.",
    ],
)
def test_entities_spans_sentence_opener_is_no_apposed_name(nlp_md: Language, text: str) -> None:
    from pipeline.entities import fix_entities

    names = [s.text for s in fix_entities(nlp_md(text)).spans]
    assert not any(name.startswith(("Depuis", "Pendant")) for name in names)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le conseil de Vannes Agglomération votera le budget en mars.", "Vannes Agglomération"),
        ("Le président d’Orléans Métropole a signé la convention mardi.", "Orléans Métropole"),
    ],
)
def test_entities_spans_place_and_body_word_are_one_org(
    nlp_md: Language, text: str, name: str
) -> None:
    from pipeline.entities import fix_entities

    assert (name, "ORG") in [(s.text, s.label_) for s in fix_entities(nlp_md(text)).spans]
