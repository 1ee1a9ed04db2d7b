"""Tests for pipeline.quantities: ranges of counts and thousands groups."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp.extensions import register_extensions
from pipeline.quantities import find_quantities
from pipeline.records import DateMention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range is one figure: its low bound, approximate, the whole range as its text
        ("Le chantier mobilisera de 1 200 à 1 500 ouvriers.", [(1200, True, "ouvriers", "1 200 à 1 500 ouvriers")]),
        ("Le cortège a réuni entre 50 000 et 100 000 personnes.",
         [(50_000, True, "personnes", "50 000 et 100 000 personnes")]),
        ("La police évoque 8 000 à 9 500 manifestants.", [(8000, True, "manifestants", "8 000 à 9 500 manifestants")]),
        ("Le bilan provisoire fait état de 12 à 15 blessés.", [(12, True, "blessés", "12 à 15 blessés")]),
        # the scale after the high bound is the low bound's too
        ("La rénovation coûtera 2 à 3 millions d'euros.", [(2_000_000, True, "EUR", "2 à 3 millions d'euros")]),
        ("Il a parcouru environ deux à trois kilomètres.",
         [(2, True, "kilomètres", "environ deux à trois kilomètres")]),
        # a high bound below the low one is a score, not a range
        ("Lorient l'a emporté 3 à 1.", [(3, False, None, "3"), (1, False, None, "1")]),
        # "et" joins two bounds only after "entre"
        ("Le club compte 300 licenciés et 40 bénévoles.",
         [(300, False, "licenciés", "300 licenciés"), (40, False, "bénévoles", "40 bénévoles")]),
    ],
)
def test_quantities_range_is_one_figure(
    blank_fr: Language, text: str, expected: list[tuple[float, bool, str | None, str]]
) -> None:
    found = find_quantities(blank_fr(text))
    assert [(q.value, q.approximate, q.unit, q.text) for q in found] == expected


@pytest.mark.parametrize(
    ("text", "blocked", "expected"),
    [
        # the "50" a date (or a name) took leaves "000": the tail of a number, not a count
        ("Le 50 000 personnes sont restées.", "Le 50", []),
        ("Le 50 000 personnes sont restées, 300 habitants sont partis.", "Le 50", [(300, "habitants")]),
    ],
)
def test_quantities_thousands_group_never_starts_a_count(
    blank_fr: Language, text: str, blocked: str, expected: list[tuple[float, str]]
) -> None:
    register_extensions()
    doc = blank_fr(text)
    start = text.index(blocked)
    doc._.dates = (
        DateMention(text=blocked, start=start, end=start + len(blocked), type="DATE", value="2016",
                    granularity="year"),
    )
    assert [(q.value, q.unit) for q in find_quantities(doc)] == expected
