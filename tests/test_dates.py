"""Tests for pipeline.dates (French temporal expressions) and its evaluation."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.dates import find_dates
from pipeline.evaluation.dates import TimexSpan, same_value, score_dates
from pipeline.records import DateMention

#: a Thursday
PUBLISHED = dt.date(2019, 3, 14)

Expected = tuple[str, str, str, str | None]

_BLANK = spacy.blank("fr")


@pytest.fixture
def blank_fr() -> Language:
    """Shadows the conftest fixture with one shared tokenizer-only pipeline.

    ``find_dates`` never changes the pipeline, and building a French tokenizer costs
    about 0.2 s: a fresh one per case would make this table-driven file slow.
    """
    return _BLANK


def _found(nlp: Language, text: str, published: dt.date | None = PUBLISHED, **kwargs: bool) -> list[Expected]:
    return [(m.text, m.type, m.value, m.mod) for m in find_dates(nlp(text), published=published, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le traité a été signé le 11 décembre 2014 à Paris.", ("le 11 décembre 2014", "DATE", "2014-12-11", None)),
        ("Il est né le 1er janvier 2015.", ("le 1er janvier 2015", "DATE", "2015-01-01", None)),
        ("La réunion a eu lieu le jeudi 16 novembre 2017.", ("le jeudi 16 novembre 2017", "DATE", "2017-11-16", None)),
        ("Date limite : 11/12/2014.", ("11/12/2014", "DATE", "2014-12-11", None)),
        ("Information mise à jour le 20/06/18", ("20/06/18", "DATE", "2018-06-20", None)),
        ("Publié le 2014-12-11.", ("2014-12-11", "DATE", "2014-12-11", None)),
        ("Le projet a démarré en décembre 2014.", ("décembre 2014", "DATE", "2014-12", None)),
        ("Il a été élu en 2014.", ("2014", "DATE", "2014", None)),
        ("Le bug de l'an 2000 n'a pas eu lieu.", ("l'an 2000", "DATE", "2000", None)),
        ("Le bug de l’an 2000 n’a pas eu lieu.", ("l’an 2000", "DATE", "2000", None)),
        ("Les faits remontent au 10 novembre 93.", ("10 novembre 93", "DATE", "1993-11-10", None)),
    ],
)
def test_dates_absolute(blank_fr: Language, text: str, expected: Expected) -> None:
    assert _found(blank_fr, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il est arrivé le 23 janvier.", ("le 23 janvier", "DATE", "2019-01-23", None)),
        ("Il est venu jeudi.", ("jeudi", "DATE", "2019-03-14", None)),  # the publication day's own weekday
        ("Il est venu mercredi.", ("mercredi", "DATE", "2019-03-13", None)),
        ("Les travaux commencent mi-mars.", ("mi-mars", "DATE", "2019-03", "MID")),
        ("Fin juin, le chantier était terminé.", ("Fin juin", "DATE", "2018-06", "END")),
        ("La hausse est attendue début 2015.", ("début 2015", "DATE", "2015", "START")),
        ("Le festival aura lieu au printemps 2019.", ("printemps 2019", "DATE", "2019-SP", None)),
        ("Le premier trimestre 2020 a été difficile.", ("Le premier trimestre 2020", "DATE", "2020-Q1", None)),
        ("Il a déménagé courant 2016.", ("courant 2016", "DATE", "2016", None)),
        ("Dans les années 1990, la ville s'est vidée.", ("les années 1990", "DATE", "199", None)),
        ("La toiture a été refaite à la fin de l'année dernière.", ("la fin de l'année dernière", "DATE", "2018", "END")),
        ("Les journaux se vendent bien en été.", ("été", "DATE", "XXXX-SU", None)),
        ("Le niveau des mers a monté au XXe siècle.", ("XXe siècle", "DATE", "19", None)),
        ("Publié le 13 fév 2016.", ("le 13 fév 2016", "DATE", "2016-02-13", None)),
        ("Le chantier durera jusqu'à la fin du mois de mars 2021.", ("la fin du mois de mars 2021", "DATE", "2021-03", "END")),
        ("Il a été élu le 6 mai dernier.", ("le 6 mai dernier", "DATE", "2018-05-06", None)),
        ("Le plan sera signé en juin prochain.", ("juin prochain", "DATE", "2019-06", None)),
        ("Les négociations devraient reprendre à l'automne.", ("l'automne", "DATE", "2019-FA", None)),
        ("Il a été reçu jeudi 7 à l'Élysée.", ("jeudi 7", "DATE", "2019-03-07", None)),
        ("Ce 3 mars, la ville fête son saint.", ("Ce 3 mars", "DATE", "2019-03-03", None)),
        ("Les inscriptions pour l'édition 2022 sont ouvertes.", ("2022", "DATE", "2022", None)),
        ("La saison 2015-2016 a été difficile.", ("2015-2016", "DATE", "2015/2016", None)),
    ],
)
def test_dates_partial_and_vague(blank_fr: Language, text: str, expected: Expected) -> None:
    assert _found(blank_fr, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le salon se tiendra du 3 au 5 mars 2019.", [("3 au 5 mars 2019", "DATE", "2019-03-03/2019-03-05", None)]),
        ("Les élections ont lieu les 19 et 20 mai.", [("les 19 et 20 mai", "DATE", "2019-05-19/2019-05-20", None)]),
        ("Entre 2014 et 2016, le chômage a baissé.", [("2014 et 2016", "DATE", "2014/2016", None)]),
        ("De janvier à mars, la boutique est fermée.", [("janvier à mars", "DATE", "2019-01/2019-03", None)]),
        ("Le festival aura lieu les 16, 17 et 18 juillet.", [("les 16, 17 et 18 juillet", "DATE", "2019-07-16/2019-07-18", None)]),
        ("Abu Dhabi accueille l'étape 3-4 mars.", [("3-4 mars", "DATE", "2019-03-03/2019-03-04", None)]),
        (
            "Les votes auront lieu les 6 et 13 avril prochains.",
            [("les 6", "DATE", "2019-04-06", None), ("13 avril prochains", "DATE", "2019-04-13", None)],
        ),
    ],
)
def test_dates_ranges_and_lists(blank_fr: Language, text: str, expected: list[Expected]) -> None:
    assert _found(blank_fr, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La déchetterie sera fermée du mercredi 3 avril au samedi 6 avril.", [("mercredi 3 avril", "DATE", "2019-04-03", None), ("samedi 6 avril", "DATE", "2019-04-06", None)]),
        ("Le salon se tiendra du 3 au 5 mars 2019.", [("3", "DATE", "2019-03-03", None), ("5 mars 2019", "DATE", "2019-03-05", None)]),
    ],
)
def test_dates_split_ranges_keep_both_ends(blank_fr: Language, text: str, expected: list[Expected]) -> None:
    assert _found(blank_fr, text, split_ranges=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il est parti hier.", ("hier", "DATE", "2019-03-13", None)),
        ("Il pleut aujourd'hui.", ("aujourd'hui", "DATE", "2019-03-14", None)),
        ("Aujourd'hui, la ville a changé.", ("Aujourd'hui", "TIME", "PRESENT_REF", None)),
        ("Il viendra demain.", ("demain", "DATE", "2019-03-15", None)),
        ("Il est venu mardi dernier.", ("mardi dernier", "DATE", "2019-03-12", None)),
        ("Il viendra la semaine prochaine.", ("la semaine prochaine", "DATE", "2019-W12", None)),
        ("Les ventes ont chuté le mois dernier.", ("le mois dernier", "DATE", "2019-02", None)),
        ("L'an dernier, il a gagné.", ("L'an dernier", "DATE", "2018", None)),
        ("Il a quitté la ville il y a trois ans.", ("il y a trois ans", "DATE", "2016", None)),
        ("Il reviendra dans deux semaines.", ("dans deux semaines", "DATE", "2019-W13", None)),
        ("Cette année, le budget augmente.", ("Cette année", "DATE", "2019", None)),
        ("Ce dimanche, un thé dansant est organisé.", ("Ce dimanche", "DATE", "2019-03-17", None)),
        ("Ils se sont rendus ce week-end à Lyon.", ("ce week-end", "DATE", "2019-W10-WE", None)),
    ],
)
def test_dates_relative(blank_fr: Language, text: str, expected: Expected) -> None:
    assert _found(blank_fr, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le rendez-vous est fixé à 14h30.", [("14h30", "TIME", "2019-03-14T14:30", None)]),
        ("Le départ est à 9 h.", [("9 h", "TIME", "2019-03-14T09:00", None)]),
        ("On déjeune à midi.", [("midi", "TIME", "2019-03-14T12:00", None)]),
        ("Il a été agressé hier vers 18 h.", [("hier", "DATE", "2019-03-13", None), ("18 h", "TIME", "2019-03-13T18:00", "APPROX")]),
        ("Permanence le 2 avril 2019, 14 h-18 h.", [
            ("le 2 avril 2019", "DATE", "2019-04-02", None),
            ("14 h", "TIME", "2019-04-02T14:00", None),
            ("18 h", "TIME", "2019-04-02T18:00", None),
        ]),
        ("Le feu a pris hier soir.", [("hier soir", "TIME", "2019-03-13TEV", None)]),
        ("Hier à 10 h, les délégués ont boycotté la réunion.", [("Hier à 10 h", "TIME", "2019-03-13T10:00", None)]),
        ("Vers 0 h 40, jeudi, deux voitures se sont heurtées.", [("0 h 40", "TIME", "2019-03-14T00:40", "APPROX"), ("jeudi", "DATE", "2019-03-14", None)]),
        ("Accueil du lundi au vendredi de 9h à 17h.", [
            ("lundi au vendredi", "SET", "XXXX-WXX-1/XXXX-WXX-5", None),
            ("9h", "TIME", "XXXX-XX-XXT09:00", None),
            ("17h", "TIME", "XXXX-XX-XXT17:00", None),
        ]),
        ("Le thé dansant aura lieu le 12 septembre 2002, de 18 h à 23 h.", [
            ("le 12 septembre 2002", "DATE", "2002-09-12", None),
            ("18 h", "TIME", "2002-09-12T18:00", None),
            ("23 h", "TIME", "2002-09-12T23:00", None),
        ]),
    ],
)
def test_dates_times_take_the_day_of_their_sentence(blank_fr: Language, text: str, expected: list[Expected]) -> None:
    assert _found(blank_fr, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il vit ici depuis plus de dix ans.", ("plus de dix ans", "DURATION", "P10Y", "MORE_THAN")),
        ("Il a travaillé pendant trois mois.", ("trois mois", "DURATION", "P3M", None)),
        ("Le délai est de 48 heures.", ("48 heures", "DURATION", "PT48H", None)),
        ("Il a passé un an et demi en prison.", ("un an et demi", "DURATION", "P18M", None)),
        ("Une demi-heure plus tard, tout était fini.", ("Une demi-heure", "DURATION", "PT30M", None)),
        ("Les travaux dureront environ deux mois.", ("environ deux mois", "DURATION", "P2M", "APPROX")),
        ("Il devance son coéquipier de 30,4 secondes.", ("30,4 secondes", "DURATION", "PT30.4S", None)),
        ("Le local sert depuis un quart de siècle.", ("un quart de siècle", "DURATION", "P25Y", None)),
        ("Le sous-marin échappe depuis plusieurs jours aux recherches.", ("plusieurs jours", "DURATION", "PXD", None)),
        ("Il a été condamné à une peine de 10 ans.", ("10 ans", "DURATION", "P10Y", None)),
        ("Au cours des trois dernières années, le chômage a baissé.", ("trois dernières années", "DURATION", "P3Y", None)),
        ("Il a bouclé le marathon en 2 h 18 min 42 s.", ("2 h 18 min 42 s", "DURATION", "PT2H18M42S", None)),
    ],
)
def test_dates_durations(blank_fr: Language, text: str, expected: Expected) -> None:
    assert _found(blank_fr, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le salon a lieu chaque année.", ("chaque année", "SET", "P1Y", None)),
        ("Il paie tous les mois.", ("tous les mois", "SET", "P1M", None)),
        ("Les inscriptions ont lieu tous les jeudis.", ("tous les jeudis", "SET", "XXXX-WXX-4", None)),
        ("Une conférence a lieu chaque premier jeudi du mois.", ("chaque premier jeudi", "SET", "XXXX-WXX-4", None)),
        ("Le congrès se réunit tous les deux ans.", ("tous les deux ans", "SET", "P2Y", None)),
        ("La bibliothèque ouvre uniquement le mercredi.", ("le mercredi", "SET", "XXXX-WXX-3", None)),
        ("Les fouilles sont le lot quotidien des soldats.", ("quotidien", "SET", "P1D", None)),
        ("Il gagne 5 milliards de dollars par semestre.", ("semestre", "SET", "P6M", None)),
    ],
)
def test_dates_sets(blank_fr: Language, text: str, expected: Expected) -> None:
    assert _found(blank_fr, text) == [expected]


@pytest.mark.negative
@pytest.mark.parametrize(
    "text",
    [
        "Le plan stratégique « La Poste 2020, conquérir l'avenir » est ambitieux.",
        "La COP21 s'est tenue à Paris.",
        "La Covid-19 a frappé la région.",
        "Il utilise encore Windows 95.",
        "Un accident sur la RN 165 puis sur l'A7.",
        "Le billet coûte 2000 euros.",
        "Le prix varie de 1500 à 2000 euros.",
        "Le projet Horizon 2020 finance la recherche.",
        "Le décret n° 2019-123 est paru.",
        "Il est arrivé en France à l'âge de 5 ans.",
        "Les 24 Heures du Mans attirent la foule.",
        "Le taux atteint 2015 %.",
        "Appelez le 01.02.03.04.05 ou le 03 84 21 20 15.",
        "Le score final est de 3-1.",
        "Voir page 2014 du rapport.",
        "La commune compte 2014 habitants.",
        "Il habite place du 8 Mai 1945.",
        "Un chauffeur de bus de 38 ans a été agressé.",
        "Une fillette de 6 ans s'est noyée.",
        "La presse quotidienne se vend bien.",
        "Il a été élu maire.",
        "Les Jeux olympiques d'hiver s'ouvrent.",
        "La sonde est en route vers Mars.",
    ],
)
def test_dates_not_dates(blank_fr: Language, text: str) -> None:
    assert _found(blank_fr, text) == []


def test_dates_narrative_anchor_wins_over_update_date(blank_fr: Language) -> None:
    text = "Une rencontre a été organisée en décembre 2014. Le PDG est venu le 23 janvier."
    dates = find_dates(blank_fr(text), published=dt.date(2018, 6, 20))
    assert [(d.value, d.anchor) for d in dates] == [("2014-12", "absolute"), ("2015-01-23", "narrative")]


@pytest.mark.parametrize("published", [None, dt.date(2019, 3, 15)])
def test_dates_page_dateline_is_not_a_narrative_anchor(blank_fr: Language, published: dt.date | None) -> None:
    text = "Publié le 15/03/2019\nLa médiathèque a été inaugurée le 9 mars. Elle ouvrira le 2 avril."
    dates = find_dates(blank_fr(text), published=published)
    assert [(d.value, d.anchor) for d in dates] == [("2019-03-15", "absolute"), ("2019-03-09", "published"), ("2019-04-02", "published")]


def test_dates_narrative_close_to_publication_leaves_the_tense_in_charge(blank_fr: Language) -> None:
    text = "Bordeaux, le 2 juillet 2018 – Le festival a réuni 38 000 personnes le 30 juin."
    dates = find_dates(blank_fr(text), published=dt.date(2018, 7, 2))
    assert [d.value for d in dates] == ["2018-07-02", "2018-06-30"]


def test_dates_weekday_rejects_an_inconsistent_narrative(blank_fr: Language) -> None:
    text = "Ils se sont mariés le 1er mai 1962. Ses obsèques seront célébrées lundi 17 février."
    dates = find_dates(blank_fr(text), published=dt.date(2003, 2, 16))
    assert [(d.value, d.anchor) for d in dates] == [("1962-05-01", "absolute"), ("2003-02-17", "published")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Il viendra le 23 janvier.", "XXXX-01-23"),
        ("Il est parti hier.", "XXXX-XX-XX"),
        ("Il est venu jeudi.", "XXXX-WXX-4"),
    ],
)
def test_dates_without_any_anchor_leave_the_unknown_unknown(blank_fr: Language, text: str, value: str) -> None:
    dates = find_dates(blank_fr(text), published=None)
    assert [(d.value, d.anchor) for d in dates] == [(value, "none")]


SEED_EXPECTED = [
    ("20/06/18", "DATE", "2018-06-20", None),
    ("décembre 2014", "DATE", "2014-12", None),
    ("23 janvier", "DATE", "2015-01-23", None),
    ("26 février", "DATE", "2015-02-26", None),
    ("juin 2014", "DATE", "2014-06", None),
    ("plus de dix ans", "DURATION", "P10Y", "MORE_THAN"),
    ("11 décembre 2014", "DATE", "2014-12-11", None),
    ("26 février", "DATE", "2015-02-26", None),
]


@pytest.mark.parametrize("published", [None, dt.date(2018, 6, 20)])
def test_dates_seed_gives_exactly_the_expected_dates(blank_fr: Language, seed_text: str, published: dt.date | None) -> None:
    dates = find_dates(blank_fr(seed_text), published=published)
    assert len(dates) == len(SEED_EXPECTED)
    for date, (surface, typ, value, mod) in zip(dates, SEED_EXPECTED, strict=True):
        assert surface in date.text
        assert (date.type, date.value, date.mod) == (typ, value, mod)
        assert seed_text[date.start: date.end] == date.text
    assert not any("2020" in d.text for d in dates)


def test_dates_component_stores_sorted_tuple_anchored_on_published() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("fr_news_dates")
    doc = nlp.make_doc("Il est arrivé hier. Il repartira le 2 avril.")
    doc._.published = "2019-03-14"
    doc = nlp(doc)
    assert isinstance(doc._.dates, tuple)
    assert [(d.text, d.value, d.anchor) for d in doc._.dates] == [("hier", "2019-03-13", "published"), ("le 2 avril", "2019-04-02", "published")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le conseil se réunira vendredi.", "2019-03-15"),
        ("Le conseil s'est réuni mercredi.", "2019-03-13"),
        ("Le maire va inaugurer le gymnase samedi.", "2019-03-16"),
        ("Le ministre est arrivé samedi à Lyon.", "2019-03-09"),
        ("Il devrait annoncer sa décision lundi.", "2019-03-18"),
        ("Le concert aura lieu le 2 mars.", "2020-03-02"),
        ("Une rencontre est programmée le 26 février.", "2020-02-26"),
        ("Le maire a inauguré le gymnase le 20 mars.", "2018-03-20"),
    ],
)
def test_dates_tense_of_the_governing_verb_chooses_past_or_future(nlp_md: Language, text: str, value: str) -> None:
    dates = find_dates(nlp_md(text), published=PUBLISHED)
    assert [d.value for d in dates] == [value]


@pytest.mark.model
def test_dates_seed_on_parsed_doc(nlp_md: Language, seed_text: str) -> None:
    dates = find_dates(nlp_md(seed_text), published=dt.date(2018, 6, 20))
    assert [d.value for d in dates] == [v for _, _, v, _ in SEED_EXPECTED]


# --------------------------------------------------------------------------- properties

_WORDS = [
    "le", "la", "les", "du", "de", "en", "à", "au", "et", "hier", "demain", "aujourd'hui", "jeudi", "dimanche", "prochain",
    "dernier", "dernière", "janvier", "février", "mars", "mai", "août", "décembre", "1er", "23", "31", "29", "30", "2",
    "2014", "1999", "2020", "18", "98", "h", "14h30", "9", "midi", "ans", "mois", "semaines", "depuis", "plus", "dix",
    "trois", "chaque", "tous", "il", "y", "a", "dans", "fin", "mi-", "début", "printemps", "été", "l'an", "année",
    "semaine", "cette", "ce", "soir", "matin", "/", "-", ".", ",", "«", "»", "’", "02/29/2019", "31/02/2019", "29/02/2019",
    "trimestre", "premier", "entre", "environ", "quart", "siècle", "lendemain", "veille", "week-end", "\n",
]

_texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(_WORDS), max_size=40).map("".join),
)
_ISO_DAY = re.compile(r"(?<![\dW])(\d{4})-(\d{2})-(\d{2})")


def _assert_well_formed(text: str, dates: list[DateMention]) -> None:
    previous_end = -1
    for d in dates:
        assert text[d.start: d.end] == d.text
        assert d.start >= previous_end  # sorted, no overlap
        previous_end = d.end
        for y, m, day in _ISO_DAY.findall(d.value):
            dt.date(int(y), int(m), int(day))  # raises on 2019-02-31
        for _y, m in re.findall(r"(?<![\dW])(\d{4})-(\d{2})(?!\d)", d.value):
            assert 1 <= int(m) <= 12, d.value


@pytest.mark.invariant
@settings(max_examples=300, deadline=None)
@given(text=_texts, published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))))
def test_dates_property_never_raises_and_offsets_hold(text: str, published: dt.date | None) -> None:
    nlp = _BLANK
    _assert_well_formed(text, find_dates(nlp(text), published=published))


# --------------------------------------------------------------------------- evaluation


def test_dates_evaluation_scores_strict_relaxed_and_values() -> None:
    gold = [TimexSpan(0, 4, "DATE", "2019-03-13"), TimexSpan(10, 20, "DURATION", "P3M"), TimexSpan(30, 35, "TIME", "T12:00")]
    pred = [TimexSpan(0, 4, "DATE", "2019-03-13"), TimexSpan(8, 20, "DURATION", "P2M"), TimexSpan(40, 45, "SET", "P1Y")]
    scores = score_dates([(gold, pred)], system="test")
    assert (scores.strict["ALL"].tp_gold, scores.relaxed["ALL"].tp_gold) == (1, 2)
    assert scores.relaxed["ALL"].precision == pytest.approx(2 / 3)
    assert scores.relaxed["ALL"].recall == pytest.approx(2 / 3)
    assert scores.value_accuracy["ALL"].value == pytest.approx(1 / 2)
    assert scores.value_accuracy["DATE"].value == 1.0
    assert scores.strict["DURATION"].f1 == 0.0
    assert "DURATION" in scores.to_text()


@pytest.mark.parametrize(
    ("gold", "pred", "equal"),
    [
        ("196X", "196", True),
        ("18XX", "18", True),
        ("196", "196X", True),
        ("196X/197X", "196/197", True),
        ("196X", "197", False),
        ("2019-XX", "2019", False),
        ("XXXX-SU", "XXXX-SU", True),
    ],
)
def test_dates_evaluation_counts_decades_and_centuries_in_both_notations(gold: str, pred: str, equal: bool) -> None:
    assert same_value(gold, pred) is equal


@pytest.mark.parametrize(
    ("text", "anchors"),
    [
        ("Il a été agressé hier vers 18 h.", ["published", "published"]),
        ("Le 2 avril 2019 à 14 h, il pleuvait.", ["absolute", "absolute"]),
        ("Le départ a été donné le 2 avril 2019. A 20 h, tout était fini.", ["absolute", "narrative"]),
    ],
)
def test_dates_time_takes_the_anchor_of_its_day(blank_fr: Language, text: str, anchors: list[str]) -> None:
    assert [d.anchor for d in find_dates(blank_fr(text), published=PUBLISHED)] == anchors
