"""Tests for an event's place (pipeline.events.arguments): a place told in a relative
clause about another noun of the sentence describes that noun, not the event.

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "place"), [
    # where the partner makes its drones is not where the deal was signed
    ("La start-up Breizh Robotics a signé le 5 mars 2024 un partenariat avec la société Armor Tech, "
     "qui fabrique des drones à Lannion.", "2024-03-05", None),
    # where the bought company employs its staff, told in a relative clause on its name
    ("La coopérative Le Gall, qui emploie 80 salariés à Morlaix, a été rachetée le 2 février 2024 par "
     "le groupe Even.", "2024-02-02", None),
    # a relative clause on the event noun itself still places the event
    ("Le salon Nautic Ouest, qui réunit chaque année 300 exposants à Lorient, ouvrira ses portes le "
     "14 septembre 2024.", "2024-09-14", "Lorient"),
])
def test_event_arguments_place_in_a_relative_clause_on_another_noun(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


@pytest.mark.parametrize(("text", "date", "place"), [
    # the place of the assembly at the end of which the vote took place
    ("Marie Le Floch a été élue jeudi 7 mars 2024 à la tête de la chambre des métiers, au terme de "
     "l'assemblée générale qui s'est tenue à Vannes.", "2024-03-07", "Vannes"),
    # the place of the ceremony during which the prize is handed over
    ("Le prix lui sera remis le 17 mai 2024, lors d'une cérémonie organisée à l'Hôtel de Ville de "
     "Brest, en présence du maire.", "2024-05-17", "Hôtel de Ville de Brest"),
    # no gathering named: no place borrowed from a person's title
    ("Le maire a inauguré samedi 9 mars 2024 la médiathèque en présence du préfet de Bretagne.",
     "2024-03-09", None),
])
def test_event_arguments_place_of_the_gathering_the_event_happens_in(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


@pytest.mark.parametrize(("text", "date", "place"), [
    # a race's circuit is a place noun
    ("Les 600 pilotes prendront le départ dimanche 12 mai 2024 sur le circuit Paul-Armagnac.",
     "2024-05-12", "circuit Paul-Armagnac"),
    # "depuis" a place: where a launch leaves from
    ("Le lancement du premier satellite de la start-up est prévu en 2025 depuis la base de Kourou.",
     "2025", "Kourou"),
])
def test_event_arguments_place_of_a_race_and_of_a_departure(
    nlp_full: Language, text: str, date: str, place: str
) -> None:
    assert _event(nlp_full, text, date).location == place


def test_event_arguments_place_of_a_participle_set_beside_the_event(nlp_full: Language) -> None:
    # where the person the show is about was born is not where the show is given
    text = "Le 14 mars 2024, le comédien Yann Kervella reprendra son spectacle sur Anita Conti, née à Ermont."
    assert _event(nlp_full, text, "2024-03-14").location is None


def test_event_arguments_place_of_the_event_noun_in_the_trigger_complement(nlp_full: Language) -> None:
    # the defeat is told by "défaite"; the election it was at holds the place
    text = "Après sa défaite à l'élection cantonale de Quimper en mars 2015, l'élu a quitté le parti."
    assert _event(nlp_full, text, "2015-03").location == "Quimper"


@pytest.mark.parametrize(("text", "date", "place"), [
    # the many the event reaches, counted after "chez" or "à": where they are is where it happens
    ("Un essai du capteur doit débuter au printemps 2024 chez une trentaine de maraîchers du "
     "Finistère et du Morbihan.", "2024-SP", "Finistère"),
    ("Les premières bornes seront livrées en mars 2024 à une quinzaine de communes de la Sarthe.",
     "2024-03", "Sarthe"),
    # a place in a non-finite clause whose auxiliary is a participle ("ayant") is another act's
    ("N'ayant pas réussi à partir en Turquie, il a été interpellé le 4 mars 2024.", "2024-03-04", None),
    # "à base de": a bare noun after "à" is a preposition, not a place
    ("Six jeunes pousses figurent parmi les lauréats du concours, dévoilé mardi 5 mars 2024 par la "
     "Région : Kerdoux, marque de savons à base de lait d'ânesse, et Breizh Optics.", "2024-03-05", None),
])
def test_event_arguments_place_of_the_many_it_reaches_and_idioms(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


@pytest.mark.parametrize(("text", "date", "place"), [
    # the definite noun takes up the dairy told before with its place
    ("Le Crédit Mutuel a accordé un prêt de 5 millions d’euros à la coopérative Even pour moderniser la "
     "laiterie de Ploudaniel. La laiterie, reprise en 2015 par la coopérative, emploie 120 salariés.",
     "2015", "Ploudaniel"),
    ("La biscuiterie Ty Gwechall, qui emploie 40 salariés dans son usine de Quimperlé, a été rachetée "
     "lundi par le groupe Even. La Région avait soutenu l'agrandissement de l'usine en 2019.",
     "2019", "Quimperlé"),
    # nothing told before: no place
    ("La laiterie, reprise en 2015 par la coopérative, emploie 120 salariés.", "2015", None),
])
def test_event_arguments_place_of_a_definite_noun_told_before_with_its_place(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


def test_event_arguments_place_not_taken_up_from_an_actor(nlp_full: Language) -> None:
    # "l'équipe de France": whose team it is, not where the match is played
    text = ("Le sélectionneur de l'équipe de France a retenu 23 joueurs. L'équipe s'est imposée samedi "
            "8 juin 2024 face au Japon.")
    assert _event(nlp_full, text, "2024-06-08").location is None


@pytest.mark.parametrize(("text", "date", "place"), [
    # a venue that gives the show: the show is there
    ("Du 2 février au 30 juin 2024, le musée des Beaux-Arts de Quimper consacre une exposition "
     "aux peintres de Pont-Aven.", "2024-02-02/2024-06-30", "musée des Beaux-Arts de Quimper"),
    # a town among those that organise the race
    ("La fédération et la ville de Saint-Malo se proposent d'organiser la course en mai 2025.",
     "2025-05", "Saint-Malo"),
    # a club is no place: its training has none
    ("Le club organise le 21 décembre 2024 un entraînement ouvert au public.", "2024-12-21", None),
])
def test_event_arguments_place_of_the_host_subject(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


@pytest.mark.parametrize(("text", "date", "place"), [
    # the object a craft reaches is where the docking happens
    ("Le cargo Dragon atteindra la station spatiale internationale le mardi 4 juin 2024.",
     "2024-06-04", "station spatiale internationale"),
    # the "de" place of the noun a relative clause of joining is about
    ("Marc Le Goff dirige depuis 2019 la laiterie de Landerneau, qu'il avait rejointe en 2008 "
     "comme technicien.", "2008", "Landerneau"),
    # a firm joined is who, not where
    ("Claire Morvan a rejoint le groupe Legris en 2015 comme directrice financière.", "2015", None),
])
def test_event_arguments_place_of_the_destination_object(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place


@pytest.mark.parametrize(("text", "date", "place"), [
    # the court that rules sits where its "de" place says: the ruling is there
    ("Le tribunal de commerce de Quimper a prononcé lundi 4 mars 2024 la liquidation de la "
     "conserverie Kerlann.", "2024-03-04", "Quimper"),
    # where the people of the subject come from is who acts, not where the act happens
    ("Trois nouveaux consuls au Sénégal ont remis le 12 mars 2024 leurs lettres de créance au "
     "ministre.", "2024-03-12", None),
    # where the buyer named by "par" is based is no place of the takeover
    ("La conserverie Kerlann a été reprise le 9 avril 2024 par le groupe Océane, holding familiale "
     "installée à Lorient.", "2024-04-09", None),
    # where the work told in the subject was done is not where its results came out
    ("Les travaux, menés pendant deux ans sur le domaine expérimental de Kerbernez, ont été publiés "
     "le 3 mai 2024 dans une revue américaine.", "2024-05-03", None),
])
def test_event_arguments_place_of_the_acting_body(
    nlp_full: Language, text: str, date: str, place: str | None
) -> None:
    assert _event(nlp_full, text, date).location == place
