"""Tests for where an event's participants come from: a merged event (a later undated
mention that points back to the event brings the names of its core roles only, in
pipeline.events.merging) and the article's main actor (pipeline.events.participants).

Sentences written by the team in the style of regional press and news wires, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event, _has  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "present", "absent"), [
    # the recipient of a later sentence about the launch is no participant of the launch
    ("Jeudi 4 avril 2024, la Corée du Nord a lancé un missile depuis la côte est. Le lancement "
     "n'a pas été signalé à l'Organisation maritime internationale, selon Séoul.",
     "2024-04-04", ["Corée du Nord"], "Organisation maritime internationale"),
    # the same with a company: the agency told of the launch does not launch
    ("Mardi 2 avril 2024, la société Ariane Group a lancé une fusée depuis Kourou. Le lancement a été "
     "signalé à l'Agence spatiale européenne par radio.",
     "2024-04-02", ["Ariane Group"], "Agence spatiale européenne"),
])
def test_participants_merged_mention_brings_only_its_core_names(
    nlp_full: Language, text: str, date: str, present: list[str], absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert len(event.evidence) >= 2, event.evidence
    assert all(_has(event, name) for name in present) and not _has(event, absent), event.participants


@pytest.mark.parametrize(("text", "date", "present"), [
    # the subject of the later mention takes part in the event it points back to
    ("Le festival Jazz en Baie a ouvert ses portes vendredi 5 juillet 2024 à Lannion. Le festival "
     "a été organisé par l'association Musiques du Trégor.",
     "2024-07-05", ["Musiques du Trégor"]),
])
def test_participants_merged_mention_keeps_its_subject(
    nlp_full: Language, text: str, date: str, present: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in present), event.participants


@pytest.mark.parametrize(("text", "date", "absent"), [
    # the funder named once with its acronym is not what the article is about
    ("Le Festival des Hortensias ouvrira ses portes le 12 juillet 2024 à Perros-Guirec. Cette année, il "
     "a reçu le soutien de la Direction régionale des affaires culturelles (DRAC). Une conférence de "
     "presse aura lieu le 3 juillet 2024 à la mairie.",
     "2024-07-03", "Direction régionale des affaires culturelles"),
])
def test_participants_main_actor_counts_a_bracketed_acronym_once(
    nlp_full: Language, text: str, date: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert not _has(event, absent), event.participants


@pytest.mark.parametrize(("text", "date", "names"), [
    # the relative clause on the last item of an "avec" list is no item of it
    ("La start-up Breizh Robotics a signé le 5 mars 2024 un partenariat avec la société Armor Tech, "
     "qui fabrique des drones à Lannion.", "2024-03-05", {"Breizh Robotics", "Armor Tech"}),
    ("Le maire a signé le 5 mars 2024 une convention avec les associations sportives, qui géreront le "
     "gymnase.", "2024-03-05", {"associations sportives"}),
])
def test_participants_with_list_ends_at_a_relative_pronoun(
    nlp_full: Language, text: str, date: str, names: set[str]
) -> None:
    assert {p.name for p in _event(nlp_full, text, date).participants} == names
