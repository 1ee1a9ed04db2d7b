"""Our rules after the shipped news NER (issue 16): what they must no longer undo.

Each case sets the entities by hand, so it tests the rules whatever the NER says; the
coordination cases need the parse and run the model's parser on our own sentences.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_entities import NEGATIVE, HandEnt, fixed, make_doc

from pipeline.entities import fix_entities
from pipeline.entities.fixes import correct_entities


def parsed(nlp: Language, text: str, ents: list[HandEnt]) -> Doc:
    """The parsed doc with the entities set by hand (first occurrence of each surface)."""
    doc = nlp(text)
    doc.ents = list(make_doc(nlp, text, ents).ents)
    return doc


def labels(doc: Doc) -> list[tuple[str, str]]:
    """The label of each mention after all the rules and the article's cluster vote."""
    _, mentions = correct_entities(doc)
    return [(m.text, m.label) for m in mentions]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        pytest.param(
            "Le secrétaire du parti Marc Delaunay a démissionné hier soir.",
            [("Marc Delaunay", "PER")],
            [("Marc Delaunay", "PER")],
            marks=NEGATIVE,
        ),
        pytest.param(
            "La porte-parole de la fédération Claire Vasseur dénonce la réforme.",
            [("Claire Vasseur", "PER")],
            [("Claire Vasseur", "PER")],
            marks=NEGATIVE,
        ),
        # without a position held in it, the organisation noun names the body
        (
            "Le parti Nouvelle Donne a tenu son congrès à Lyon.",
            [("Nouvelle Donne", "PER")],
            [("Nouvelle Donne", "ORG")],
        ),
        # a one-word name keeps the organisation noun's label ("l'équipe Lumeo")
        (
            "Le capitaine de l'équipe Korrigans a marqué deux essais.",
            [("Korrigans", "PER")],
            [("Korrigans", "ORG")],
        ),
    ],
)
def test_entities_news_position_holder_stays_person(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # one word read once as a person, once as a channel: a tie, the person loses
        (
            "Le concert passera sur Canalia samedi. Canalia diffusera aussi le festival.",
            [("Canalia", "PER"), ("Canalia", "ORG")],
            [("Canalia", "ORG"), ("Canalia", "ORG")],
        ),
        (
            "Kerbrat accueille le salon. Le car part de Kerbrat à midi.",
            [("Kerbrat", "PER"), ("Kerbrat", "LOC")],
            [("Kerbrat", "LOC"), ("Kerbrat", "LOC")],
        ),
        # no tie: the majority decides
        (
            "Morvan a signé. Morvan a remercié le club. Le maire a reçu Morvan.",
            [("Morvan", "PER"), ("Morvan", "PER"), ("Morvan", "ORG")],
            [("Morvan", "PER"), ("Morvan", "PER"), ("Morvan", "PER")],
        ),
    ],
)
def test_entities_news_one_word_tie_is_no_person(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert labels(make_doc(blank_fr, text, ents)) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a race named after its town, read as a person, does not make the town a surname
        (
            "Le marathon Paul Kerlann réunit 3 000 coureurs. Ils partiront à Kerlann dimanche.",
            [("Paul Kerlann", "PER"), ("Kerlann", "LOC")],
            [("Paul Kerlann", "PER"), ("Kerlann", "LOC")],
        ),
        # without a preposition of place, the surname joins the full name
        (
            "Paul Kerlann a gagné le marathon. Kerlann a remercié son club.",
            [("Paul Kerlann", "PER"), ("Kerlann", "LOC")],
            [("Paul Kerlann", "PER"), ("Kerlann", "PER")],
        ),
    ],
)
def test_entities_news_place_after_preposition_is_no_surname(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert labels(make_doc(blank_fr, text, ents)) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Le rectorat, la Mutualité sociale agricole et Pôle emploi financent le dispositif.",
            [("Mutualité sociale agricole et Pôle emploi", "ORG")],
            [("Mutualité sociale agricole", "ORG"), ("Pôle emploi", "ORG")],
        ),
        (
            "La mairie, l'Office national des forêts et Voies navigables de France ont "
            "signé une convention.",
            [("Office national des forêts et Voies navigables de France", "ORG")],
            [("Office national des forêts", "ORG"), ("Voies navigables de France", "ORG")],
        ),
        # "et" inside one name: coordinated with its first word, or a single last word
        pytest.param(
            "Le Conservatoire national des arts et Métiers ouvre un campus à Brest.",
            [("Conservatoire national des arts et Métiers", "ORG")],
            [("Conservatoire national des arts et Métiers", "ORG")],
            marks=NEGATIVE,
        ),
        pytest.param(
            "Le ministère de la Transition écologique et Solidaire publie un rapport.",
            [("ministère de la Transition écologique et Solidaire", "ORG")],
            [("ministère de la Transition écologique et Solidaire", "ORG")],
            marks=NEGATIVE,
        ),
    ],
)
def test_entities_news_coordinated_names_are_split(
    nlp_md: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    spans = fix_entities(parsed(nlp_md, text, ents)).spans
    assert [(s.text, s.label_) for s in spans] == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # an acronym written with roman-numeral letters is no numeral ("CICV", "CIC")
        (
            "Les vidéos du CIVC seront projetées au musée ce soir.",
            [("CIVC", "MISC")],
            [("CIVC", "ORG")],
        ),
        (
            "Les prêts de la CDC ont permis la reprise de l'usine de Morlaix.",
            [("CDC", "MISC"), ("Morlaix", "LOC")],
            [("CDC", "ORG"), ("Morlaix", "LOC")],
        ),
        # a well-formed numeral stays what the model said
        pytest.param(
            "Le tome XIV de la saga paraîtra en mars.",
            [("XIV", "MISC")],
            [("XIV", "MISC")],
            marks=NEGATIVE,
        ),
    ],
)
def test_entities_news_acronym_of_numeral_letters_is_org(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, str]]
) -> None:
    assert fixed(blank_fr, text, ents) == expected
