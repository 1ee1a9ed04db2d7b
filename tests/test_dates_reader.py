"""Dates read the way a reader of the news reads them (issue 15).

Every sentence here was written for these tests, in the style of French regional news;
the expected values were written before the code ran on them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.language import Language

from pipeline.dates import (
    find_date_layers,
    find_dates,
    infer_published,
    parse_publication_date,
    parse_reference,
)
from pipeline.ingest.readers import article_from_object
from pipeline.records import InferredDate

#: a Wednesday
WEDNESDAY = dt.date(2024, 5, 15)

Expected = tuple[str, str, str, str | None]

_BLANK = spacy.blank("fr")


def _found(text: str, published: dt.date | str | None = WEDNESDAY, **kwargs: bool) -> list[Expected]:
    return [(m.text, m.type, m.value, m.mod) for m in find_dates(_BLANK(text), published=published, **kwargs)]


# --------------------------------------------------------------------------- weekdays


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present tells what is coming
        ("Le comité des fêtes organise un loto vendredi à la salle polyvalente.", "2024-05-17"),
        ("La salle des fêtes accueillera un concert lundi soir.", "2024-05-20TEV"),
        # passés composés with "être", pronominal or not, are past
        ("Les pompiers sont intervenus lundi soir sur la départementale.", "2024-05-13TEV"),
        ("Le conseil municipal s'est réuni mardi en séance extraordinaire.", "2024-05-14"),
        # the publication day's own weekday is that day, whatever the tense...
        ("Les deux clubs ont signé mercredi un accord de partenariat.", "2024-05-15"),
        ("Le maire signera la convention mercredi.", "2024-05-15"),
        # ...unless a plus-que-parfait or "dernier"/"prochain" says otherwise
        ("La passerelle avait été inaugurée mercredi.", "2024-05-08"),
        ("Le club a repris l'entraînement mercredi dernier.", "2024-05-08"),
        ("Le club reprendra l'entraînement mercredi prochain.", "2024-05-22"),
    ],
)
def test_dates_weekday_direction_from_tense_and_markers(nlp_md: Language, text: str, value: str) -> None:
    assert [d.value for d in find_dates(nlp_md(text), published=WEDNESDAY)] == [value]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a date in brackets after a noun dates that thing: the clause's tense does not turn it back a year
        ("Le parcours a été modifié à quelques jours du départ (le 17 mai).", "2024-05-17"),
        ("La commission s'est réunie avant l'élection du 20 mai.", "2024-05-20"),
    ],
)
def test_dates_date_of_a_noun_is_the_nearest(nlp_md: Language, text: str, value: str) -> None:
    assert [d.value for d in find_dates(nlp_md(text), published=WEDNESDAY)][-1] == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Rennes, 12 mars 2024 – Les partenaires ont signé mardi la charte.", dt.date(2024, 3, 12), "2024-03-12"),
        ("Les secours ont été appelés vendredi.", dt.date(2024, 3, 15), "2024-03-15"),
        ("Les secours ont été appelés jeudi.", dt.date(2024, 3, 15), "2024-03-14"),
    ],
)
def test_dates_publication_weekday_is_the_publication_day(text: str, published: dt.date, value: str) -> None:
    assert [d.value for d in find_dates(_BLANK(text), published=published)][-1] == value


# --------------------------------------------------------------------------- partial dates


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Le feu d'artifice sera tiré le 15 août sur les berges.", dt.date(2024, 7, 10), [("le 15 août", "2024-08-15")]),
        ("La fête du village a lieu le 15 août.", dt.date(2024, 7, 10), [("le 15 août", "2024-08-15")]),
        # a story set in a year gives it to the months that follow in its paragraph
        (
            "Le club a été fondé en 1998. En mars, il comptait déjà cent licenciés.",
            WEDNESDAY,
            [("1998", "1998"), ("mars", "1998-03")],
        ),
        # "d'ici" points forward, whatever the story said before
        (
            "Le tournoi a débuté en janvier 2022. Le vainqueur sera connu d'ici le 20 décembre.",
            dt.date(2024, 12, 6),
            [("janvier 2022", "2022-01"), ("le 20 décembre", "2024-12-20")],
        ),
        # "depuis" marks where a state began, not a step of the story
        (
            "Le préfet est en poste depuis le 2 avril 2019.\nL'ancien maire a annoncé sa candidature la veille.",
            dt.date(2024, 12, 6),
            [("le 2 avril 2019", "2019-04-02"), ("la veille", "2024-12-05")],
        ),
    ],
)
def test_dates_partial_date_direction_from_tense_markers_and_story(
    text: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert [(d.text, d.value) for d in find_dates(_BLANK(text), published=published)] == expected


# --------------------------------------------------------------------------- the story's day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le festival s'est ouvert le 12 juin 2023. La semaine suivante, les organisateurs ont dressé le bilan.",
            [("le 12 juin 2023", "DATE", "2023-06-12", None), ("La semaine suivante", "DATE", "2023-W25", None)],
        ),
        (
            "L'incendie a éclaté le 3 février 2024. Le lendemain matin, les enquêteurs étaient sur place.",
            [("le 3 février 2024", "DATE", "2024-02-03", None), ("Le lendemain matin", "TIME", "2024-02-04TMO", None)],
        ),
        (
            "La cérémonie s'est tenue le 12 juin 2023. L'orage avait éclaté la nuit précédente.",
            [("le 12 juin 2023", "DATE", "2023-06-12", None), ("la nuit précédente", "TIME", "2023-06-11TNI", None)],
        ),
        (
            "La tempête a frappé le 3 février 2024. Le jour même, la préfecture a levé l'alerte.",
            [("le 3 février 2024", "DATE", "2024-02-03", None), ("Le jour même", "DATE", "2024-02-03", None)],
        ),
        (
            "Le marché a été inauguré le 3 février 2024. Ce jour-là, il pleuvait.",
            [("le 3 février 2024", "DATE", "2024-02-03", None), ("Ce jour-là", "DATE", "2024-02-03", None)],
        ),
    ],
)
def test_dates_story_relative_days_count_from_the_story(text: str, expected: list[Expected]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un accident s'est produit en soirée sur la rocade.", [("soirée", "TIME", "2024-05-15TEV", None)]),
        (
            "Le cambriolage a eu lieu le 3 mai 2024 en début de nuit.",
            [("le 3 mai 2024", "DATE", "2024-05-03", None), ("début de nuit", "TIME", "2024-05-03TNI", "START")],
        ),
        ("Les gendarmes sont intervenus à la mi-journée.", [("la mi-journée", "TIME", "2024-05-15TMI", None)]),
        (
            "Le feu s'est déclaré dans la nuit de samedi à dimanche.",
            [("la nuit", "TIME", "2024-05-11TNI", None), ("samedi", "DATE", "2024-05-11", None), ("dimanche", "DATE", "2024-05-12", None)],
        ),
        (
            "Le cortège est parti aux premières heures de la matinée.",
            [("premières heures de la matinée", "TIME", "2024-05-15TMO", "START")],
        ),
    ],
)
def test_dates_parts_of_the_day_take_the_story_day(text: str, expected: list[Expected]) -> None:
    assert _found(text, split_ranges=True) == expected


# --------------------------------------------------------------------------- missed expressions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years in context: two digits after a year word, after an article and a noun, after an event
        ("Le club a été sacré champion régional en 95.", [("95", "DATE", "1995", None)]),
        ("Il a disputé la saison 98 sous le maillot nantais.", [("98", "DATE", "1998", None)]),
        ("Les résultats du circuit 2023 ont été homologués.", [("2023", "DATE", "2023", None)]),
        ("Le coup d'envoi du Tour de Bretagne 2023 sera donné à Lorient.", [("2023", "DATE", "2023", None)]),
        # present, past and future references
        ("À présent, la commune compte deux boulangeries.", [("À présent", "TIME", "PRESENT_REF", None)]),
        ("A présent, la commune compte deux boulangeries.", [("A présent", "TIME", "PRESENT_REF", None)]),
        ("Actuellement, le pont est fermé à la circulation.", [("Actuellement", "TIME", "PRESENT_REF", None)]),
        ("À l'avenir, les bus desserviront le quartier.", [("À l'avenir", "TIME", "FUTURE_REF", None)]),
        ("Par le passé, le site accueillait une filature.", [("le passé", "TIME", "PAST_REF", None)]),
        # "aujourd'hui" after a verb of state is the present era, not the day
        ("Âgée de 91 ans, elle est aujourd'hui la doyenne du village.", [("aujourd'hui", "TIME", "PRESENT_REF", None)]),
        ("La friche reste aujourd'hui sans repreneur.", [("aujourd'hui", "TIME", "PRESENT_REF", None)]),
        ("Le ministre est aujourd'hui à Quimper.", [("aujourd'hui", "DATE", "2024-05-15", None)]),
        ("La préfète inaugure aujourd'hui le nouveau pont.", [("aujourd'hui", "DATE", "2024-05-15", None)]),
        # holidays
        ("La mairie sera fermée à la Toussaint.", [("la Toussaint", "DATE", "2024-11-01", None)]),
        ("La brocante aura lieu le lundi de Pâques.", [("le lundi de Pâques", "DATE", "2025-04-21", None)]),
        ("Les cloches ont sonné à Noël.", [("Noël", "DATE", "2023-12-25", None)]),
        ("Une collecte a eu lieu pour la journée des droits des femmes.", [("la journée des droits des femmes", "DATE", "2024-03-08", None)]),
        # text in capitals
        (
            "LE CONCERT AURA LIEU SAMEDI 18 MAI À 20 HEURES.",
            [("SAMEDI 18 MAI", "DATE", "2024-05-18", None), ("20 HEURES", "TIME", "2024-05-18T20:00", None)],
        ),
        ("LES TRAVAUX DURERONT DEUX ANS.", [("DEUX ANS", "DURATION", "P2Y", None)]),
        # durations: ordinal, approximate, elided, "un jour avant", "d'ici un an", race times
        ("Les grévistes entament leur troisième semaine de mobilisation.", [("leur troisième semaine", "DURATION", "P1W", None)]),
        ("Il préside le club depuis une vingtaine d'années.", [("une vingtaine d'années", "DURATION", "P20Y", "APPROX")]),
        ("Le chantier a été bouclé en moins d'un mois.", [("moins d'un mois", "DURATION", "P1M", "LESS_THAN")]),
        ("Un jour avant l'ouverture, le chantier n'était pas fini.", [("Un jour", "DURATION", "P1D", None)]),
        ("La ligne sera rouverte d'ici un an.", [("un an", "DURATION", "P1Y", None)]),
        ("Il boucle le parcours en 2 heures 41 minutes et 12 secondes.", [("2 heures 41 minutes et 12 secondes", "DURATION", "PT2H41M12S", None)]),
        # decades of any century, UTC times, "1 er"
        ("Le moulin tournait déjà dans les années 1830.", [("les années 1830", "DATE", "183", None)]),
        ("Le séisme s'est produit à 14 h 05 UTC.", [("14 h 05 UTC", "TIME", "2024-05-15T14:05Z", None)]),
        ("Le marché reprend le 1 er juin.", [("le 1 er juin", "DATE", "2024-06-01", None)]),
        # more parts of the day, present references, the month's start, named days, vague spans
        ("Un coup de feu a retenti en pleine nuit.", [("pleine nuit", "TIME", "2024-05-15TNI", None)]),
        (
            "La sécurité du défilé a été critiquée le soir du 8 mai.",
            [("le soir", "TIME", "2024-05-08TEV", None), ("8 mai", "DATE", "2024-05-08", None)],
        ),
        ("Aucune fissure n'a été relevée jusqu'à présent.", [("jusqu'à présent", "TIME", "PRESENT_REF", None)]),
        ("Pour l'instant, la mairie ne commente pas.", [("Pour l'instant", "TIME", "PRESENT_REF", None)]),
        ("Le directeur a quitté son poste au début du mois.", [("début du mois", "DATE", "2024-05", "START")]),
        ("Une stèle a été érigée pour les victimes du 14-Juillet.", [("14-Juillet", "DATE", "2023-07-14", None)]),
        ("D'autres lâchers auront lieu dans les prochaines semaines.", [("les prochaines semaines", "DURATION", "PXW", None)]),
        ("Éliminée de la CAN 2025, l'équipe rentre au pays.", [("2025", "DATE", "2025", None)]),
        ("Législatives 2024 : la participation en hausse", [("2024", "DATE", "2024", None)]),
    ],
)
def test_dates_missed_expressions_are_found(text: str, expected: list[Expected]) -> None:
    assert _found(text) == expected


@pytest.mark.negative
@pytest.mark.parametrize(
    ("text", "not_a_date"),
    [
        ("Le marché de Noël attire les foules.", "Noël"),
        ("L'ascension du col a été rude pour les coureurs.", "L'ascension"),
        ("Le conducteur, qui avait 19 ans, a été blessé.", "19 ans"),
        ("Le couple et leurs enfants de 4 et 7 ans ont été relogés.", "7 ans"),
        ("Un chauffeur routier d'origine polonaise de 52 ans a été contrôlé.", "52 ans"),
        ("L'homme de 31 ans a été placé en garde à vue.", "31 ans"),
        ("Le cycliste signe une seconde victoire d'étape.", "une seconde"),
        ("La course passera de 10 en 20 participants.", "20"),
        ("Le bilan a été établi en 48 heures.", "48"),
        ("Depuis janvier, 830 personnes ont été secourues et 1270 ont disparu en mer.", "1270"),
        ("Vannes s'est imposé lors de la cinquième journée du championnat.", "la cinquième journée"),
    ],
)
def test_dates_not_dates_in_news_contexts(text: str, not_a_date: str) -> None:
    assert not_a_date not in [d[0] for d in _found(text)]


# --------------------------------------------------------------------------- remaining items


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the length of time a change is measured over
        ("Les inscriptions ont reculé de 1,4 % sur l'année.", [("l'année", "DURATION", "P1Y", None)]),
        ("Le trafic du port a progressé de 3 % sur la semaine.", [("la semaine", "DURATION", "P1W", None)]),
        ("Les ventes ont chuté de 6 % sur l'année 2023.", [("l'année 2023", "DATE", "2023", None)]),
        # years past 2099, where the words around make them years
        ("Le niveau de la mer pourrait monter d'un mètre d'ici 2150.", [("2150", "DATE", "2150", None)]),
        ("En 2100, le glacier aura disparu selon l'étude.", [("2100", "DATE", "2100", None)]),
        ("Le bail court jusqu'au 31 décembre 2105.", [("31 décembre 2105", "DATE", "2105-12-31", None)]),
        # a year in a name that goes on after it, an edition said before it
        (
            "L'attaquant a brillé dans cette édition de la Coupe Gambardella 2024 Crédit Agricole.",
            [("2024", "DATE", "2024", None)],
        ),
        # an event's head in lower case, a clause going on after the year
        ("Le festival Interceltique 2023 a battu son record d'entrées.", [("2023", "DATE", "2023", None)]),
        ("La Coupe du monde de rugby 2023 s'est jouée en France.", [("2023", "DATE", "2023", None)]),
        # the year or month the story is at, and the one after it
        (
            "La salle a ouvert en 1987. Cette année-là, elle a accueilli trois cents concerts.",
            [("1987", "DATE", "1987", None), ("Cette année-là", "DATE", "1987", None)],
        ),
        (
            "Le lycée a été agrandi en 2009. L'année suivante, il a ouvert un internat.",
            [("2009", "DATE", "2009", None), ("L'année suivante", "DATE", "2010", None)],
        ),
        (
            "La digue a cédé en février 2010. Ce mois-là, trois communes ont été inondées.",
            [("février 2010", "DATE", "2010-02", None), ("Ce mois-là", "DATE", "2010-02", None)],
        ),
        # the start or end of this year, month or week, without an article
        ("Le nouveau gymnase ouvrira en fin d'année.", [("fin d'année", "DATE", "2024", "END")]),
        ("Les résultats seront connus en début de semaine.", [("début de semaine", "DATE", "2024-W20", "START")]),
        ("L'incendie remonte au week-end dernier.", [("week-end dernier", "DATE", "2024-W19-WE", None)]),
        # past and future references
        ("Le tarif de la cantine a augmenté récemment.", [("récemment", "TIME", "PAST_REF", None)]),
        ("Les travaux de la halle commenceront bientôt.", [("bientôt", "TIME", "FUTURE_REF", None)]),
        # "voici dix ans" as "il y a dix ans", the weeks to come, last night
        ("La boulangerie a ouvert voici dix ans.", [("voici dix ans", "DATE", "2014", None)]),
        ("Le conseil tranchera dans les semaines à venir.", [("les semaines à venir", "DURATION", "PXW", None)]),
        ("Un orage a éclaté la nuit dernière sur le port.", [("la nuit dernière", "TIME", "2024-05-14TNI", None)]),
        # a local time is one expression, its minutes never a length of time
        ("Le vol s'est posé à 6 h 40 heure locale.", [("6 h 40 heure locale", "TIME", "2024-05-15T06:40", None)]),
        ("Les secours sont arrivés à 20 h 15 heure de Paris.", [("20 h 15 heure de Paris", "TIME", "2024-05-15T20:15", None)]),
    ],
)
def test_dates_remaining_kinds_are_found(text: str, expected: list[Expected]) -> None:
    assert _found(text) == expected


@pytest.mark.negative
@pytest.mark.parametrize(
    ("text", "not_a_date"),
    [
        ("Le greffe a enregistré 2150 dossiers l'an passé.", "2150"),
        ("La revue a été tirée en 2500 exemplaires.", "2500"),
        ("Le sommet culmine à 2400 mètres.", "2400"),
        ("Le village comptait 2014 habitants au dernier recensement.", "2014"),
        ("Le projet Horizon 2020 finance la recherche.", "2020"),
        ("Sur la journée de samedi, trois cents visiteurs sont venus.", "la journée"),
        ("Le Dakar 2022 s'est couru en Arabie saoudite.", "2022 s"),
    ],
)
def test_dates_not_years_past_2099_or_in_names(text: str, not_a_date: str) -> None:
    assert not_a_date not in [d[0] for d in _found(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On fête les 14 juillet au village depuis 1880.", None),  # every year's: no day, no list
        ("Le 29 novembre, le maire a signé. Le 1er décembre 2022, il est parti.", "2023-11-29"),  # two sentences
    ],
)
def test_dates_no_list_no_shared_year(text: str, value: str | None) -> None:
    assert [v for t, _, v, _ in _found(text) if t.endswith(("14 juillet", "29 novembre"))] == ([value] if value else [])


# --------------------------------------------------------------------------- TimeML ranges


@pytest.mark.parametrize(
    ("text", "endpoints", "intervals"),
    [
        (
            "Le salon se tiendra du 3 au 5 mars 2025.",
            [("3", "2025-03-03"), ("5 mars 2025", "2025-03-05")],
            [("3 au 5 mars 2025", "2025-03-03/2025-03-05")],
        ),
        ("Le club est monté en 2004 et 2010.", [("2004", "2004"), ("2010", "2010")], [("2004", "2004"), ("2010", "2010")]),
        ("Il a joué à Lorient de 1995 à 2001.", [("1995", "1995"), ("2001", "2001")], [("1995 à 2001", "1995/2001")]),
        ("Il a joué à Lorient (1995-2001).", [("1995", "1995"), ("2001", "2001")], [("1995-2001", "1995/2001")]),
        # the first end takes the year the range ends in, whatever the publication year
        (
            "Le congrès des maires aura lieu du 29 novembre au 1er décembre 2022 à Paris.",
            [("29 novembre", "2022-11-29"), ("1er décembre 2022", "2022-12-01")],
            [("29 novembre au 1er décembre 2022", "2022-11-29/2022-12-01")],
        ),
        (
            "La patinoire restera ouverte du 26 décembre au 4 janvier 2026.",
            [("26 décembre", "2025-12-26"), ("4 janvier 2026", "2026-01-04")],
            [("26 décembre au 4 janvier 2026", "2025-12-26/2026-01-04")],
        ),
        (
            "Le scrutin s'est tenu les 30 novembre et 1er décembre 2019.",
            [("les 30 novembre", "2019-11-30"), ("1er décembre 2019", "2019-12-01")],
            [("les 30 novembre et 1er décembre 2019", "2019-11-30/2019-12-01")],
        ),
        (
            "Les portes ouvertes auront lieu les vendredi 6 et samedi 7 mars 2026.",
            [("les vendredi 6", "2026-03-06"), ("samedi 7 mars 2026", "2026-03-07")],
            [("les vendredi 6 et samedi 7 mars 2026", "2026-03-06/2026-03-07")],
        ),
    ],
)
def test_dates_ranges_one_mention_per_end_and_an_interval_for_events(
    text: str, endpoints: list[tuple[str, str]], intervals: list[tuple[str, str]]
) -> None:
    ends, joined = find_date_layers(_BLANK(text), published=WEDNESDAY)
    assert [(d.text, d.value) for d in ends] == endpoints
    assert [(d.text, d.value) for d in joined] == intervals


def test_dates_component_keeps_intervals_for_events_and_endpoints_for_the_record() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("fr_news_dates")
    doc = nlp.make_doc("Le salon se tiendra du 3 au 5 mars 2025.")
    doc._.published = "2024-05-15"
    doc = nlp(doc)
    assert [d.value for d in doc._.dates] == ["2025-03-03/2025-03-05"]
    assert [d.value for d in doc._.timex] == ["2025-03-03", "2025-03-05"]


@pytest.mark.model
def test_dates_record_lists_endpoints_while_the_event_keeps_the_interval() -> None:
    from pipeline.api import extract

    record = extract(
        "Le salon de l'habitat se tiendra du 3 au 5 mars 2025 au parc des expositions de Rennes.",
        published="2024-05-15",
        stages=("entities", "dates", "events"),
    )
    assert [d.value for d in record.dates] == ["2025-03-03", "2025-03-05"]
    assert [e.date for e in record.events] == ["2025-03-03/2025-03-05"]


# --------------------------------------------------------------------------- partial publication dates


@pytest.mark.parametrize(
    ("raw", "value"),
    [("2020-09", "2020-09"), ("2020", "2020"), ("2020/9", "2020-09"), ("14/09/2020", "2020-09-14"), ("septembre", None), ("2020-13", None)],
)
def test_dates_partial_publication_date_is_kept_as_given(raw: str, value: str | None) -> None:
    assert parse_publication_date(raw) == value


@pytest.mark.parametrize("raw", ["2020-09", "2020"])
def test_dates_partial_publication_date_survives_json_ingest(raw: str) -> None:
    article = article_from_object({"text": "La ville a voté son budget.", "published": raw}, source="a.json")
    assert (article.published, article.published_inferred) == (raw, None)


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        ("2020-09", "Le chantier a démarré en mai dernier.", [("mai dernier", "2020-05", "published")]),
        ("2020-09", "Il y a un an, l'usine fermait ses portes.", [("Il y a un an", "2019", "published")]),
        ("2020-09", "Les ventes ont reculé le mois dernier.", [("le mois dernier", "2020-08", "published")]),
        ("2020-09", "La réunion aura lieu le 3 novembre.", [("le 3 novembre", "2020-11-03", "published")]),
        ("2020-09", "Hier, la route était coupée.", [("Hier", "XXXX-XX-XX", "none")]),
        ("2020-09", "Il viendra jeudi.", [("jeudi", "XXXX-WXX-4", "none")]),
        ("2020", "La foire a ouvert en mars.", [("mars", "2020-03", "published")]),
        ("2020", "L'an dernier, la foire avait été annulée.", [("L'an dernier", "2019", "published")]),
        ("2020", "Les ventes ont reculé le mois dernier.", [("le mois dernier", "XXXX-XX", "none")]),
    ],
)
def test_dates_partial_publication_date_is_a_coarser_anchor(
    published: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(d.text, d.value, d.anchor) for d in find_dates(_BLANK(text), published=published)] == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2020-09-14", "day"), ("2020-09", "month"), ("2020", "year"), ("n.d.", None), ("", None)],
)
def test_dates_reference_reads_day_month_or_year(value: str, precision: str | None) -> None:
    ref = parse_reference(value)
    assert (ref.precision if ref else None) == precision
    if ref is not None:
        assert ref.value == value


# --------------------------------------------------------------------------- no publication date


@pytest.mark.parametrize(
    ("text", "url", "source", "expected"),
    [
        ("Le conseil a voté.", "https://www.exemple.fr/actu/2021/10/07/conseil-vote", None, ("2021-10-07", "url", None)),
        ("Le conseil a voté.", None, "archives/2021-02-03-caen.txt", ("2021-02-03", "source", None)),
        ("Le conseil a voté.", None, "lot.jsonl#4", None),
        (
            "La kermesse a réuni 300 personnes le 19 juin 2022. Rendez-vous est pris pour 2023.",
            None,
            None,
            ("2022-06", "text", "le 19 juin 2022"),
        ),
        (
            "L'association, créée en 2021, tiendra son assemblée jeudi 7 octobre à la salle des fêtes.",
            None,
            None,
            ("2021-10", "text", "jeudi 7 octobre"),
        ),
        ("La kermesse a réuni 300 personnes.", None, None, None),
    ],
)
def test_dates_inferred_publication_date_says_where_it_comes_from(
    text: str, url: str | None, source: str | None, expected: tuple[str, str, str | None] | None
) -> None:
    found = infer_published(text, url=url, source=source)
    if expected is None:
        assert found is None
        return
    assert found is not None
    value, kind, words = expected
    assert (found.value, found.inferred_from) == (value, kind)
    if words is not None:
        assert (found.evidence, text[found.start: found.end]) == (words, words)  # type: ignore[misc]


def test_dates_inferred_date_never_overwrites_published() -> None:
    text = "La kermesse a réuni 300 personnes le 19 juin 2022."
    dated = article_from_object({"text": text, "published": "2022-06-21"}, source="a.json")
    undated = article_from_object({"text": text}, source="a.json")
    assert (dated.published, dated.published_inferred) == ("2022-06-21", None)
    assert undated.published is None
    assert undated.published_inferred == InferredDate(
        value="2022-06", inferred_from="text", evidence="le 19 juin 2022", start=34, end=49
    )


def test_dates_component_anchors_on_the_inferred_date() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("fr_news_dates")
    doc = nlp.make_doc("L'assemblée générale aura lieu le 3 novembre.")
    doc._.published_inferred = "2021-10"
    doc = nlp(doc)
    assert [(d.value, d.anchor) for d in doc._.dates] == [("2021-11-03", "published")]


def test_dates_inferred_date_is_in_the_record_contract() -> None:
    from pipeline.outputs.schema import document_schema
    from pipeline.records import DocumentRecord, document_from_dict

    schema = document_schema()
    field = schema["properties"]["published_inferred"]
    assert field["anyOf"] == [{"$ref": "#/$defs/InferredDate"}, {"type": "null"}] and field["default"] is None
    assert field["description"].startswith("When 'published' is null")
    record = DocumentRecord(
        doc_id="d", id=None, source="a.txt", title=None, published=None, url=None, tags=(), lang="fr", text="x",
        published_inferred=InferredDate(value="2021-10", inferred_from="url", evidence="https://x.fr/2021/10/"),
    )
    assert document_from_dict(record.to_dict()) == record


@pytest.mark.model
def test_dates_undated_article_is_anchored_on_its_inferred_date() -> None:
    from pipeline.api import extract

    record = extract(
        "La fanfare a défilé le samedi 9 octobre 2021 dans les rues de Vitré. Elle jouera de nouveau le 6 novembre.",
        stages=("entities", "dates", "events"),
    )
    assert record.published is None
    assert record.published_inferred is not None and record.published_inferred.value == "2021-10"
    assert [d.value for d in record.dates] == ["2021-10-09", "2021-11-06"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize(
    ("inferred", "expected"),
    [
        (
            InferredDate(value="2021-10", inferred_from="text", evidence="jeudi 7 octobre", start=4, end=19),
            ("2021-10", "text", "jeudi 7 octobre"),
        ),
        (
            InferredDate(value="2021-02-03", inferred_from="source", evidence="2021-02-03-caen.txt"),
            ("2021-02-03", "source", "2021-02-03-caen.txt"),
        ),
        (None, (None, None, None)),
    ],
)
def test_dates_inferred_date_is_a_column_of_the_documents_table(
    tmp_path: Path, fmt: str, inferred: InferredDate | None, expected: tuple[str | None, ...]
) -> None:
    from pipeline.outputs.export import read_tables, write_outputs
    from pipeline.records import DocumentRecord

    record = DocumentRecord(
        doc_id="d", id=None, source="2021-02-03-caen.txt", title=None, published=None, url=None, tags=(),
        lang="fr", text="Le jeudi 7 octobre, la foire a ouvert.", published_inferred=inferred,
    )
    write_outputs(tmp_path, [record.to_dict()], fmt=fmt,  # type: ignore[arg-type]
                  corpus_tables=lambda: {"entities": [], "cooccurrences": []})
    documents = read_tables(tmp_path)["documents"]
    columns = ["published_inferred", "published_inferred_from", "published_inferred_evidence"]
    assert list(documents.columns[4:8]) == ["published", *columns]
    row = documents.iloc[0]
    assert tuple(None if pd.isna(row[c]) else row[c] for c in columns) == expected
    assert pd.isna(row["published"])
