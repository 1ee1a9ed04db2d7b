"""Tests for pipeline.events.merging: which event a later mention joins.

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _read  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "later"), [
    # a band's album told between the festival and "le festival": the festival is meant
    ("Du 4 au 8 août 2024, le festival Rias Jazz investit les quais de Quimperlé. Le trio Brume, "
     "qui sort son premier album en octobre, ouvrira la soirée du jeudi. Le festival accueillera "
     "aussi 3 000 enfants des centres de loisirs.", "2024-08-04/2024-08-08", "Le festival accueillera"),
    ("Du 4 au 8 août 2024, le festival Rias Jazz investit les quais de Quimperlé. Le trio Brume, "
     "qui lancera son premier album en octobre, jouera jeudi. Le festival accueille aussi une scène "
     "pour les enfants, avec Yannick Le Goff.", "2024-08-04/2024-08-08", "Le festival accueille"),
])
def test_events_merging_definite_noun_joins_the_event_told_by_that_word(
    nlp_full: Language, text: str, date: str, later: str
) -> None:
    events = _read(nlp_full, text, "2024-07-20")._.events
    holding = [e.date for e in events if any(ev.text.startswith(later) for ev in e.evidence)]
    assert holding == [date]


def test_events_merging_mention_inside_another_of_its_type_is_the_same_event(nlp_full: Language) -> None:
    text = ("La société Hydrolis a reçu mardi 5 mars 2024 le prix de l'innovation décerné par la Région "
            "Bretagne, devant 250 invités réunis au palais des congrès de Brest.")
    awards = [e for e in _read(nlp_full, text, "2024-03-10")._.events if e.type == "award"]
    assert [(e.date, e.location, [q.value for q in e.quantities]) for e in awards] == [
        ("2024-03-05", "palais des congrès de Brest", [250])
    ]
    assert {"Hydrolis", "Région Bretagne"} <= {p.name for p in awards[0].participants}


def test_events_merging_ceremony_takes_up_the_inauguration_not_the_last_event(nlp_full: Language) -> None:
    text = ("Le groupe Armor Énergie a inauguré lundi 7 octobre 2024 sa nouvelle usine de Lannion. Lancé "
            "en 2022, le chantier avait été interrompu le 12 mars 2023 par une grève. La cérémonie s'est "
            "déroulée en présence d'une centaine d'invités.")
    events = _read(nlp_full, text, "2024-10-08")._.events
    assert {e.date: [q.value for q in e.quantities] for e in events if e.date in ("2024-10-07", "2023-03-12")} == {
        "2024-10-07": [100], "2023-03-12": []
    }
