"""Tests for an event's figures (pipeline.events.arguments): the counts and amounts the
parse ties to the event, and the figures it does not.

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "values"), [
    # an adjective between the number and its noun: the number alone still counts the subject
    ("Le 12 mars 2024, les 25 premiers apprentis ont été embauchés par la société Kerlann.",
     "2024-03-12", [25]),
    # "auprès de", a compound preposition the parser splits into an adverb and "de"
    ("L'application a été testée en janvier 2024 auprès de 40 commerçants du centre-ville.",
     "2024-01", [40]),
    # the audience of the event: "en présence de", "devant"
    ("La signature a eu lieu le 4 avril 2024 à la mairie, en présence d'une trentaine d'élus.",
     "2024-04-04", [30]),
    ("L'équipe de Lorient a remporté le trophée régional samedi 9 mars 2024, devant 1 500 spectateurs.",
     "2024-03-09", [1500]),
    # the event noun is the subject of the verb whose object is the figure
    ("Organisée samedi 18 mai 2024 par l'association Abers Trail, la course a mobilisé 200 bénévoles.",
     "2024-05-18", [200]),
    # the counted noun the event's participle is about
    ("Le nouveau dispositif complète les deux postes électriques mis en service en 2022.", "2022", [2]),
    # "contre 180 l'an dernier": last year's figure, not this event's
    ("Pour la 25e édition des Foulées de Vannes : 4 000 coureurs prendront le départ dimanche 19 mai "
     "2024 sur le port, contre 3 200 l’an dernier.", "2024-05-19", [4000]),
    # a relative clause on the event noun tells the event
    ("Le festival Jazz en Baie, qui s'installera du 5 au 7 avril 2024 dans le parc du château avec une "
     "trentaine de groupes, est organisé par l'association Baie Jazz.", "2024-04-05/2024-04-07", [30]),
    # an order of size is no count
    ("Samedi 9 mars 2024, la manifestation a réuni des milliers de personnes à Brest.", "2024-03-09", []),
    # the result of a nominal event, told by the verb its phrase hangs on
    ("Sa liste était arrivée en tête du second tour des élections municipales, dimanche 15 mars 2020, "
     "avec 48 % des suffrages.", "2020-03-15", [48]),
    # "Nationale 1" is a name the model missed, not a count
    ("Le club de Vannes a signé samedi 9 mars 2024 sa troisième victoire consécutive en championnat de "
     "Nationale 1 en s'imposant 30-25 face à Lorient, devant 1 200 spectateurs réunis à la salle "
     "Kercado.", "2024-03-09", [1200]),
    # a sum in a former currency, however the parser hangs it
    ("Yann Le Bris avait rejoint Lorient en provenance de Brest en 1987 pour 12 millions de francs.",
     "1987", [12_000_000]),
])
def test_event_arguments_quantities_tied_by_the_parse(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    assert [q.value for q in _event(nlp_full, text, date).quantities] == values


@pytest.mark.parametrize(("text", "date", "values"), [
    # a sentence that tells no event counts the gathering told just before: a passive
    # subject of "attendre", "tabler sur"
    ("La 12e foire de Lannion ouvre ses portes ce jeudi 6 juin au parc des expositions. "
     "Quelque 300 exposants sont attendus et les organisateurs tablent sur 40 000 visiteurs.",
     "2024-06-06", [300, 40_000]),
    # a pronoun subject, and a figure in a relative clause on the counted object
    ("Le premier salon de l'apprentissage se tiendra le 20 juin à Saint-Brieuc. Organisé par la "
     "chambre des métiers, il réunira 70 entreprises, qui proposent 400 contrats.",
     "2024-06-20", [70, 400]),
    # the gathering named again by its noun, across a sentence about its funding; the figure
    # of another year ("en 2022") is not the gathering's
    ("Du 15 juin au 30 septembre, le musée de Pont-Aven consacre une exposition à Paul Sérusier. "
     "Elle a été financée par la Région Bretagne. Le musée, qui a accueilli 60 000 visiteurs en "
     "2022, espère 30 000 entrées pour cette seule exposition.",
     "2024-06-15/2024-09-30", [30_000]),
    # what the vote told before gave: "y a obtenu 24 sièges"; never a sum
    ("Les élections à la chambre de commerce se sont tenues le 9 novembre 2024. La liste « Entreprendre "
     "en Bretagne » y a obtenu 24 sièges.", "2024-11-09", [24]),
    # the verb says which event of the sentence before it counts: the vote, not the assembly
    ("Jean-Yves Le Goff a été élu jeudi 21 novembre 2024 président de la chambre d’agriculture du "
     "Finistère, au terme de l’assemblée générale qui s’est tenue à Quimper. Le maraîcher, qui dirige "
     "une exploitation à Plougastel, a recueilli 28 voix sur 40, face à Anne Kerboul.", "2024-11-21", [28]),
    ("Le conseil a élu mardi 4 juin 2024 son nouveau président. La liste sortante a obtenu 12 millions "
     "d'euros de la Région.", "2024-06-04", []),
    # a count after an event that is not a gathering stays out
    ("La société Kerlann a racheté le 3 juin la conserverie Ty Mad. Elle attend 200 nouveaux "
     "clients cette année.", "2024-06-03", []),
])
def test_event_arguments_quantities_told_in_the_next_sentence(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    assert sorted(q.value for q in _event(nlp_full, text, date).quantities) == values
