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


@pytest.mark.parametrize(("text", "amounts", "partnerships"), [
    # the lede dates the signing, the next sentence tells it again with its actors and amount
    ("La convention a été paraphée ce mardi matin à la gare de Rennes. La SNCF Bretagne et la société "
     "Breizh Rail ont signé un accord de 12 millions d'euros pour moderniser les quais.", [12_000_000], 1),
    # someone's words tell no event the text vouches for
    ("La convention a été paraphée ce mardi matin à la gare de Rennes. « Nous avons signé un accord de "
     "12 millions d'euros pour moderniser les quais de la gare », a déclaré le président de la SNCF "
     "Bretagne, Yann Le Goff.", [], 1),
    # a next sentence that dates an event of its own keeps its mention apart
    ("La convention a été paraphée ce mardi matin à Rennes. La société Breizh Rail signera un autre "
     "accord avec la Région le 3 juillet.", [], 2),
])
def test_events_merging_undated_mention_after_the_dated_one_tells_it_again(
    nlp_full: Language, text: str, amounts: list[float], partnerships: int
) -> None:
    events = [e for e in _read(nlp_full, text, "2024-06-12")._.events if e.type == "partnership"]
    assert len(events) == partnerships
    assert [q.value for q in events[0].quantities] == amounts



@pytest.mark.parametrize(("text", "expected"), [
    # the parse hangs the date on the weak noun itself: the noun tells the event
    ("C'est la troisième opération du groupe en quatre ans, après la reprise de la "
     "biscuiterie Le Guen en 2019.", ("acquisition", "2019")),
    # or on the last noun of its complement ("d'une agence à Lannion … en 2021")
    ("Après l'ouverture d'une agence à Lannion, dans les Côtes-d'Armor, en 2021, la société "
     "vise Brest.", ("launch", "2021")),
])
def test_events_merging_weak_noun_keeps_the_date_the_parse_hangs_on_it(
    nlp_full: Language, text: str, expected: tuple[str, str]
) -> None:
    found = [(e.type, e.date) for e in _read(nlp_full, text, "2024-03-20")._.events if e.date]
    assert expected in found


@pytest.mark.parametrize(("text", "year"), [
    # a year naming the edition is no date the event happens on
    ("Les bénévoles de l'édition 2025 se retrouveront lundi.", "2025"),
])
def test_events_merging_weak_noun_named_by_a_year_is_no_dated_event(nlp_full: Language, text: str, year: str) -> None:
    assert year not in [e.date for e in _read(nlp_full, text, "2024-03-20")._.events]
