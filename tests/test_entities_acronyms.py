"""Acronyms in the entity stage: an article's acronym is the name it defined it with."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.fixes import correct_entities, fix_entities

HandEnt = tuple[str, str]  # (surface, label); "@k" after a surface picks its k-th occurrence


def make_doc(nlp: Language, text: str, ents: Sequence[HandEnt]) -> Doc:
    """A tokenizer-only doc with hand entities, in text order ("ADE@2": the second "ADE")."""
    doc = nlp.make_doc(text)
    spans: list[Span] = []
    for surface, label in ents:
        word, _, nth = surface.partition("@")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(word, start + 1)
        span = doc.char_span(start, start + len(word), label=label)
        assert span is not None, f"{word!r} is not on token boundaries"
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def fixed_spans(nlp: Language, text: str, ents: Sequence[HandEnt]) -> list[HandEnt]:
    """The (surface, label) of the entities once the rules corrected the hand ones."""
    return [(s.text, s.label_) for s in fix_entities(make_doc(nlp, text, ents)).spans]


ADE_TEXT = (
    "L'Agence de développement économique (ADE) de Montpellier a ouvert un bureau à Sète. "
    "L'ADE a recruté douze conseillers depuis janvier."
)
CCI_TEXT = (
    "La chambre de commerce et d'industrie de l'Aude (CCI Aude) lance un fonds de prêts. "
    "Selon la CCI, trente commerces ont déjà candidaté."
)


@pytest.mark.parametrize(
    ("text", "ents", "acronym", "expansion"),
    [
        # the initials of "économique" are an "E" all the same
        (
            ADE_TEXT,
            [
                ("Agence de développement économique", "ORG"),
                ("ADE", "ORG"),
                ("Montpellier", "LOC"),
                ("Sète", "LOC"),
                ("ADE@2", "ORG"),
            ],
            "ADE",
            "Agence de développement économique",
        ),
        # the model left the bare acronym out, and called the pair a product
        (
            ADE_TEXT,
            [
                ("Agence de développement économique", "MISC"),
                ("ADE", "MISC"),
                ("Montpellier", "LOC"),
                ("Sète", "LOC"),
            ],
            "ADE",
            "Agence de développement économique",
        ),
        # an acronym with its place: its first word alone is the same body
        (
            CCI_TEXT,
            [
                ("chambre de commerce et d'industrie de l'Aude", "ORG"),
                ("CCI Aude", "ORG"),
                ("CCI@2", "ORG"),
            ],
            "CCI",
            "chambre de commerce et d'industrie de l'Aude",
        ),
    ],
)
def test_entities_acronyms_bare_mention_is_the_expansion(
    blank_fr: Language, text: str, ents: list[HandEnt], acronym: str, expansion: str
) -> None:
    _, mentions = correct_entities(make_doc(blank_fr, text, ents))
    named = [m for m in mentions if m.text.split()[0] == acronym or m.text == expansion]
    assert len(named) == 3
    assert {m.canonical for m in named} == {expansion}
    assert {m.label for m in named} == {"ORG"}
    assert len({m.entity_id for m in named}) == 1


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # "ADE Conseil" is another company's name, not the agency
        pytest.param(
            "L'Agence de développement économique (ADE) recrute. ADE Conseil a ouvert à Nîmes.",
            [("Agence de développement économique", "ORG"), ("ADE", "ORG"), ("Nîmes", "LOC")],
            [("Agence de développement économique", "ORG"), ("ADE", "ORG"), ("Nîmes", "LOC")],
            marks=pytest.mark.negative,
        ),
        # "PME" spells a common noun: no name, and its other mentions are none either
        (
            "Les petites et moyennes entreprises (PME) recrutent. Les PME du Gard aussi.",
            [("Gard", "LOC")],
            [("Gard", "LOC")],
        ),
    ],
)
def test_entities_acronyms_bare_mention_left_alone(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[HandEnt]
) -> None:
    assert fixed_spans(blank_fr, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # "un comité ..." is a kind of body: its acronym names none
        (
            "Les salariés seront consultés lors d'un comité technique et social (CTS) lundi.",
            [],
            [],
        ),
        # a person's name after the body noun: the noun makes it the body's name
        pytest.param(
            "L'association Jeanne Morel (AJM) aide les familles.",
            [("Jeanne Morel", "PER"), ("AJM", "ORG")],
            [("association Jeanne Morel", "ORG"), ("AJM", "ORG")],
            marks=pytest.mark.negative,
        ),
    ],
)
def test_entities_acronyms_body_noun_kept_or_common(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[HandEnt]
) -> None:
    assert fixed_spans(blank_fr, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the acronym spells the body noun too; the name is what follows it
        (
            "L'association Roue libre en ville (ARLV), née à Roubaix, organise une bourse.",
            [("Roue libre en ville", "ORG"), ("ARLV", "ORG"), ("Roubaix", "LOC")],
            [("Roue libre en ville", "ORG"), ("ARLV", "ORG"), ("Roubaix", "LOC")],
        ),
    ],
)
def test_entities_acronyms_expansion_after_body_noun(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[HandEnt]
) -> None:
    fixed = fix_entities(make_doc(blank_fr, text, ents))
    assert [(s.text, s.label_) for s in fixed.spans] == expected
    assert fixed.links == [(0, 1)]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # an acronym before a person's name is a body and its leader, no inhabitant
        (
            "Selon la FSU Nadia Clerc, la grève sera suivie.",
            [("FSU", "ORG"), ("Nadia Clerc", "PER")],
            [("FSU", "ORG"), ("Nadia Clerc", "PER")],
        ),
    ],
)
def test_entities_acronyms_acronym_before_a_name_is_kept(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[HandEnt]
) -> None:
    assert fixed_spans(blank_fr, text, ents) == expected


@pytest.mark.model
def test_entities_acronyms_entities_and_events_agree() -> None:
    from pipeline.api import extract

    record = extract(
        "L'Agence de développement économique (ADE) de Montpellier a ouvert lundi un bureau "
        "à Sète. L'ADE a recruté douze conseillers en mars, a annoncé sa directrice.",
        published="2024-05-02",
    )
    ade = [m for m in record.entities if m.text in {"ADE", "Agence de développement économique"}]
    assert len(ade) == 3
    assert {m.canonical for m in ade} == {"Agence de développement économique"}
    ids = {m.entity_id for m in ade}
    named = [p for e in record.events for p in e.participants if p.entity_id in ids]
    assert named
    assert {p.name for p in named} == {"Agence de développement économique"}
