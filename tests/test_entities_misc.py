"""MISC names introduced by a kind noun (issue 16, MISC recall): products, works, titles.

The kind noun before a name ("le satellite", "le roman", "le programme") says it is a
MISC name whatever the model guessed; adjectives may stand between them, the model may
have missed the name, the title may be in lower case inside quotes. Sentences written
for these tests in the style of regional and wire news.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_entities import NEGATIVE, HandEnt, fixed, make_doc

from pipeline.entities.fixes import correct_entities


def parsed(nlp: Language, text: str, ents: list[HandEnt]) -> Doc:
    """The tagged doc with the entities set by hand (first occurrence of each surface)."""
    doc = nlp(text)
    doc.ents = list(make_doc(nlp, text, ents).ents)
    return doc


def clustered(doc: Doc) -> list[tuple[str, str]]:
    """Each mention's label after all the rules and the article's cluster vote."""
    _, mentions = correct_entities(doc)
    return [(m.text, m.label) for m in mentions]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # adjectives between the kind noun and its name
        (
            "Les premières images du télescope spatial Vigie ont été publiées mardi.",
            [("Vigie", "LOC")],
            [("Vigie", "MISC")],
        ),
        (
            "Le constructeur prépare le lanceur lourd Orion pour la fin de l'année.",
            [("Orion", "PER")],
            [("Orion", "MISC")],
        ),
        # a name the model missed after the kind noun, a model number glued to it
        (
            "Les soldats ont signalé un char BX 12 à l'entrée du village.",
            [],
            [("BX 12", "MISC")],
        ),
        (
            "L'usine de Blagnac livrera les premiers moteurs KTR au printemps.",
            [("Blagnac", "LOC")],
            [("Blagnac", "LOC"), ("KTR", "MISC")],
        ),
        # a one-word "person" after the kind noun is the product; an adjective is no name
        (
            "Le char Leclerc a traversé la place. Un char blindé suivait.",
            [("Leclerc", "PER")],
            [("Leclerc", "MISC")],
        ),
        # a person's full name after a work noun stays a person's ("le film de ...")
        pytest.param(
            "Le film Marie Lambert, tourné à Brest, sort mercredi.",
            [("Marie Lambert", "PER"), ("Brest", "LOC")],
            [("Marie Lambert", "PER"), ("Brest", "LOC")],
            marks=NEGATIVE,
        ),
    ],
)
def test_entities_misc_kind_noun_names_product(
    nlp_md: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    with nlp_md.select_pipes(disable=["ner"]):
        doc = parsed(nlp_md, text, ents)
    assert clustered(doc) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a title in lower case inside quotes, vouched for by its kind noun
        (
            "Le département lance le programme « zéro papier » dans ses collèges.",
            [],
            [("zéro papier", "MISC")],
        ),
        (
            "Son dernier roman « la mer en hiver » paraît chez un éditeur nantais.",
            [],
            [("la mer en hiver", "MISC")],
        ),
        (
            "L'artiste présente l'exposition « Lumières du port » jusqu'en mars.",
            [("Lumières du port", "LOC")],
            [("Lumières du port", "MISC")],
        ),
        # a title holding a place is the work's name, not the place's
        (
            "Son roman « Retour vers Brest » paraîtra en mai.",
            [("Brest", "LOC")],
            [("Retour vers Brest", "MISC")],
        ),
        # without a kind noun, a phrase in quotes is a quotation, no name
        pytest.param(
            "Le maire a parlé d'un « vrai soulagement » pour les riverains.",
            [],
            [],
            marks=NEGATIVE,
        ),
    ],
)
def test_entities_misc_quoted_title_after_kind_noun(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the kind noun backs the model's MISC: the bare mentions do not outvote it
        (
            "Le satellite Astréa a été lancé lundi depuis Kourou. Astréa observera les "
            "glaciers ; Astréa doit fonctionner dix ans.",
            [("Astréa", "MISC"), ("Kourou", "LOC"), ("Astréa", "ORG"), ("Astréa", "ORG")],
            "MISC",
        ),
        (
            "L'application Pictoo séduit les lycéens. Pictoo revendique deux millions "
            "d'utilisateurs, selon Pictoo.",
            [("Pictoo", "MISC"), ("Pictoo", "ORG"), ("Pictoo", "ORG")],
            "MISC",
        ),
        # without a kind noun the vote is the model's as before
        pytest.param(
            "Hier, Pictoo a séduit les lycéens. Pictoo revendique deux millions "
            "d'utilisateurs, selon Pictoo.",
            [("Pictoo", "MISC"), ("Pictoo", "ORG"), ("Pictoo", "ORG")],
            "ORG",
            marks=NEGATIVE,
        ),
    ],
)
def test_entities_misc_kind_noun_outvotes_bare_mentions(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: str
) -> None:
    """The label of the first mention, the one the kind noun introduces."""
    assert clustered(make_doc(blank_fr, text, ents))[0][1] == expected
