"""Tests for the core names of a mention that a later sentence takes up (pipeline.events.
participants): the guests of "en présence de" and the organisation a subject person's title
names. A later undated mention brings only its core names to the event it points back to
(pipeline.events.merging); these are core, the organisation of a guest's title is not.

Sentences written by the team in the style of regional press and news wires, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event, _has  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "guest"), [
    # the ceremony told in a later sentence, before a guest named after her title
    ("Mardi 14 mai 2024, la communauté de communes du Pays de Landerneau a inauguré sa pépinière "
     "d'entreprises. La cérémonie s'est déroulée en présence de la sous-préfète de Brest, "
     "Claire Le Meur, et d'une cinquantaine d'élus.",
     "2024-05-14", "Claire Le Meur"),
    # a signature told again with its signatories and a guest named first
    ("La convention a été signée jeudi 6 juin 2024 à Lorient. Le maire, Yann Kerbrat, et la "
     "directrice de la société Océalis, Anne Guivarch, ont signé un accord de trois ans, en présence "
     "de Marc Tanguy, président de la Région Bretagne.",
     "2024-06-06", "Marc Tanguy"),
])
def test_participants_guests_of_a_later_mention_take_part(
    nlp_full: Language, text: str, date: str, guest: str
) -> None:
    event = _event(nlp_full, text, date)
    assert len(event.evidence) >= 2, event.evidence
    assert _has(event, guest), event.participants


@pytest.mark.parametrize(("text", "date", "absent"), [
    # the guest's title says who he is: his region does not sign
    ("La convention a été signée jeudi 6 juin 2024 à Lorient. Le maire, Yann Kerbrat, et la "
     "directrice de la société Océalis, Anne Guivarch, ont signé un accord de trois ans, en présence "
     "de Marc Tanguy, président de la Région Bretagne.",
     "2024-06-06", "Région Bretagne"),
])
def test_participants_guest_title_organisation_takes_no_part(
    nlp_full: Language, text: str, date: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert not _has(event, absent), event.participants


@pytest.mark.parametrize(("text", "date", "organisations"), [
    # the signatories named with their posts: their organisations sign through them
    ("La convention a été paraphée mercredi 3 avril 2024 à Saint-Malo. Loïc Morvan, président du "
     "directoire de la Compagnie Maritime Bretonne, et Sophie Le Goff, directrice générale de la "
     "société Océalis, ont signé un accord de vingt millions d'euros pour électrifier les quais.",
     "2024-04-03", ["Compagnie Maritime Bretonne", "Océalis"]),
])
def test_participants_subject_title_organisation_of_a_later_mention_takes_part(
    nlp_full: Language, text: str, date: str, organisations: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert len(event.evidence) >= 2, event.evidence
    assert all(_has(event, name) for name in organisations), event.participants
