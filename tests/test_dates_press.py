"""Dates in press releases and institution pages (issue 15, the press gold's kinds).

Every sentence here was written for these tests, in the style of French regional
business press; the expected values were written before the code ran on them.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from pipeline.dates import find_dates

_BLANK = spacy.blank("fr")


def _values(nlp: Language, text: str, published: dt.date | None) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published=published, split_ranges=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nantes, le 14 septembre 2021 – La coopérative Vélagri annonce une levée de fonds. "
            "Elle a signé l'accord en août avec ses banques.",
            [("le 14 septembre 2021", "2021-09-14"), ("août", "2021-08")],
        ),
        (
            "Actualité – 9 avril 2019\nLa médiathèque de Vitré a rouvert hier.",
            [("9 avril 2019", "2019-04-09"), ("hier", "2019-04-08")],
        ),
        (
            # the page line anchors the headline above it too (10 April 2019 is a Wednesday)
            "La nouvelle piscine sera inaugurée samedi\nPublié le 10/04/2019\nLes travaux ont duré deux ans.",
            [("samedi", "2019-04-13"), ("10/04/2019", "2019-04-10"), ("deux ans", "P2Y")],
        ),
        (
            "Angers, le 2 février 2017, la coopérative Maine Lait a tenu hier son assemblée.",
            [("le 2 février 2017", "2017-02-02"), ("hier", "2017-02-01")],
        ),
        (
            # a page line at the foot of the page anchors what comes before it
            "La halle gourmande a ouvert hier à Quimper.\nPhotos : Ville de Quimper\nContact presse\n"
            "Publié le 23/02/2024 – Mis à jour le 26/02/2024",
            [("hier", "2024-02-22"), ("23/02/2024", "2024-02-23"), ("26/02/2024", "2024-02-26")],
        ),
    ],
)
def test_dates_press_dateline_anchors_an_undated_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(_BLANK, text, None) == expected


@pytest.mark.parametrize(
    ("text", "unanchored"),
    [
        # a sentence opening on a full date is a step of the story, not the page's date
        ("Le 3 mars 2022, la société a signé un accord.\nElle a reçu hier le label.", "hier"),
        # a dated line far down the text is a programme, not a dateline
        ("Programme\nAccueil\nVisite des ateliers\nConférence\n5 juin 2021 : remise des prix\nLa lauréate sera reçue hier.", "hier"),
    ],
)
def test_dates_press_a_date_in_a_sentence_is_no_dateline(text: str, unanchored: str) -> None:
    dates = find_dates(_BLANK(text), published=None)
    assert [d.value for d in dates if d.text == unanchored] == ["XXXX-XX-XX"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "surface", "value"),
    [
        (
            "La Région, qui avait accordé un prêt à l'entreprise en 2014, salue la reprise. "
            "Une rencontre avec les salariés est prévue le 24 mars.",
            dt.date(2016, 3, 18),
            "le 24 mars",
            "2016-03-24",
        ),
        (
            "Le quai a été mis en service pour les paquebots en 2022. Une réunion publique se tiendra le 6 juin.",
            dt.date(2023, 5, 17),
            "le 6 juin",
            "2023-06-06",
        ),
        (
            # a past-tense story keeps its year
            "En 2011, la fromagerie a quitté le centre-ville. Elle a rouvert ses portes en mars à Rodez.",
            dt.date(2019, 10, 2),
            "mars",
            "2011-03",
        ),
    ],
)
def test_dates_press_narrative_year_carries_only_into_past_clauses(
    nlp_md: Language, text: str, published: dt.date, surface: str, value: str
) -> None:
    assert (surface, value) in _values(nlp_md, text, published)


@pytest.mark.parametrize(
    ("text", "published", "surface", "value"),
    [
        # a year in brackets or in a clause on a noun is told in passing: later days keep the news's year
        ("Le porte-parole du mouvement, qui avait appelé à la violence en 2014, a été tué. "
         "Ses obsèques ont eu lieu le 29 août.", dt.date(2016, 8, 31), "le 29 août", "2016-08-29"),
        ("La nouvelle conservatrice, Anne Morel (née en 1971) et nommée en septembre, présentera "
         "sa première exposition.", dt.date(2016, 10, 21), "septembre", "2016-09"),
    ],
)
def test_dates_press_year_told_in_passing_sets_no_story_year(
    nlp_md: Language, text: str, published: dt.date, surface: str, value: str
) -> None:
    assert (surface, value) in _values(nlp_md, text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Les fabricants y montrent leurs skis de l'hiver prochain.", dt.date(2022, 5, 13), ("l'hiver prochain", "2022-WI")),
        ("Les fabricants y montrent leurs skis de l'hiver prochain.", dt.date(2023, 1, 20), ("l'hiver prochain", "2023-WI")),
        ("La station a manqué de neige l'hiver dernier.", dt.date(2019, 6, 3), ("l'hiver dernier", "2018-WI")),
        ("L'élection aura lieu au printemps prochain.", dt.date(2021, 11, 26), ("printemps prochain", "2022-SP")),
        ("Le vote est reporté au printemps ; il aura lieu le printemps prochain.", dt.date(2021, 11, 26), ("le printemps prochain", "2022-SP")),
    ],
)
def test_dates_press_seasons_with_a_direction(text: str, published: dt.date, expected: tuple[str, str]) -> None:
    assert expected in _values(_BLANK, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chaque lauréate recevra 20 000 euros et un an d'accompagnement.", [("un an", "P1Y")]),
        ("Le projet représente un an de travail pour l'équipe.", [("un an", "P1Y")]),
        ("Un an après, la halle a rouvert.", [("Un an", "P1Y")]),
        ("Elle se souvient d'un jour de grève.", []),
    ],
)
def test_dates_press_a_year_of_something_is_a_duration(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(_BLANK, text, dt.date(2019, 3, 22)) == expected
