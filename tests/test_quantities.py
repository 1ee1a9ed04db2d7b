"""Tests for pipeline.quantities: French numbers, approximations, money, units."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.nlp.extensions import register_extensions
from pipeline.quantities import find_quantities, parse_digits, parse_number_words
from pipeline.records import DateMention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trente-quatre", 34),
        ("quatre-vingt-dix", 90),
        ("soixante et onze", 71),
        ("vingt et un", 21),
        ("deux cents", 200),
        ("cent quatre-vingts", 180),
        ("trois cent mille", 300_000),
        ("deux mille quatorze", 2014),
        ("dix-sept", 17),
        ("entreprises", None),
    ],
)
def test_quantities_parse_number_words(text: str, expected: int | None) -> None:
    assert parse_number_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("34", 34.0), ("2,5", 2.5), ("1.500", 1500.0), ("3 000", 3000.0), ("1\u202f200", 1200.0)],
)
def test_quantities_parse_digits(text: str, expected: float) -> None:
    assert parse_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cette rencontre a réuni 34 entreprises numériques.", [(34, False, "entreprises")]),
        ("Elle a donné lieu à une quarantaine de rendez-vous.", [(40, True, "rendez-vous")]),
        ("Le site emploie près de 200 personnes.", [(200, True, "personnes")]),
        ("Plus d'une centaine de bénévoles étaient là.", [(100, True, "bénévoles")]),
        ("Le fonds lève 80 millions d'euros.", [(80_000_000, False, "EUR")]),
        (
            "Un budget de 4,5 M€ et de 300 k€ par an.",
            [(4_500_000, False, "EUR"), (300_000, False, "EUR")],
        ),
        (
            "Trente-quatre entreprises et 3 000 visiteurs.",
            [(34, False, "entreprises"), (3000, False, "visiteurs")],
        ),
        ("Les ventes ont progressé de 15 % cette année.", [(15, False, "%")]),
        ("Environ 2,5 milliards de dollars.", [(2_500_000_000, True, "USD")]),
        # a former currency, and a two-word one before its first word
        ("Il a été transféré en 1987 pour 12 millions de francs.", [(12_000_000, False, "FRF")]),
        ("Le contrat atteint 3 millions de francs suisses.", [(3_000_000, False, "CHF")]),
        # a number closing a name the model missed is no count; a count after it still is
        ("Le club joue en Nationale 1 et compte 300 licenciés.", [(300, False, "licenciés")]),
        ("Hier 3 personnes ont été reçues.", [(3, False, "personnes")]),
        # a rank whose suffix is written apart is no count
        pytest.param("La 45 e édition du salon a ouvert.", [], marks=pytest.mark.negative),
        pytest.param("Elle arrive 2 ème du classement.", [], marks=pytest.mark.negative),
        pytest.param("Il a signé un partenariat avec une entreprise.", [], marks=pytest.mark.negative),
    ],
)
def test_quantities_find_value_approximation_unit(
    blank_fr: Language, text: str, expected: list[tuple[float, bool, str]]
) -> None:
    doc = blank_fr(text)
    found = find_quantities(doc)
    assert [(q.value, q.approximate, q.unit) for q in found] == expected
    assert all(doc.text[q.start : q.end] == q.text for q in found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unit", "quantity_text"),
    [
        (
            "Cette première rencontre a réuni 34 entreprises numériques et donné lieu à des échanges.",
            "entreprises numériques",
            "34 entreprises numériques",
        ),
        (
            "Elle a donné lieu à une quarantaine de rendez-vous personnalisés avec des directeurs.",
            "rendez-vous personnalisés",
            "une quarantaine de rendez-vous personnalisés",
        ),
    ],
)
def test_quantities_unit_keeps_adjectives_with_pos(
    nlp_md: Language, text: str, unit: str, quantity_text: str
) -> None:
    found = find_quantities(nlp_md(text))
    assert [(q.unit, q.text) for q in found] == [(unit, quantity_text)]


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        pytest.param(
            "Le 11 décembre 2014, la rencontre a eu lieu.",
            "11 décembre 2014",
            [],
            marks=pytest.mark.negative,
        ),
        pytest.param("Depuis 2014, tout va bien.", "2014", [], marks=pytest.mark.negative),
        (
            "Depuis 2016, la fromagerie a embauché 12 salariés.",
            "2016",
            [(12, False, "salariés")],
        ),
        (
            "Le 3 juin 2021, 250 coureurs ont pris le départ à Pontivy.",
            "3 juin 2021",
            [(250, False, "coureurs")],
        ),
    ],
)
def test_quantities_skip_numbers_inside_dates(
    blank_fr: Language, text: str, date_text: str, expected: list[tuple[float, bool, str]]
) -> None:
    register_extensions()
    doc = blank_fr(text)
    start = text.index(date_text)
    doc._.dates = (
        DateMention(
            text=date_text,
            start=start,
            end=start + len(date_text),
            type="DATE",
            value="2014",
            granularity="year",
        ),
    )
    assert [(q.value, q.approximate, q.unit) for q in find_quantities(doc)] == expected


_ALPHABET = (
    "0123456789 ,.%€-'’abcdeéèilmnoqrstuxyz"
    + "une quarantaine près de plus d'environ millions euros trente-quatre"
)


_BLANK = spacy.blank("fr")  # the tokenizer only: cheap, and shared by the examples


@pytest.mark.invariant
@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=80))
def test_quantities_never_raise_and_keep_offsets(text: str) -> None:
    doc = _BLANK(text)
    for q in find_quantities(doc):
        assert text[q.start : q.end] == q.text
        assert q.value >= 0
