"""Tests for the other side of a two-sided event (pipeline.events.actors): "un accord a été
signé avec X" names one side; when the clause names no other, the article's organisation is it.

Sentences written by the team in the style of regional press releases, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event, _has  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "present"), [
    # a passive with no agent: the association the article is about signed
    ("L’association Vents d’Ouest organise le festival de Concarneau. L’association Vents d’Ouest attend "
     "20 000 spectateurs. Un accord a été signé le 2 mai 2024 avec la société Transdev pour prolonger les "
     "navettes de nuit.", "2024-05-02", ["Vents d’Ouest", "Transdev"]),
    # a person's title as subject: she acts for her cooperative
    ("La coopérative Fruits du Roussillon a nommé une nouvelle directrice. La coopérative Fruits du "
     "Roussillon compte 300 adhérents. La directrice conduira le rapprochement avec la coopérative Terres "
     "du Lauragais, prévu le 1er mars 2025.", "2025-03-01", ["Fruits du Roussillon", "Terres du Lauragais"]),
])
def test_participants_other_side_of_an_avec_phrase_is_the_article_organisation(
    nlp_full: Language, text: str, date: str, present: list[str]
) -> None:
    event = _event(nlp_full, text, date)
    assert all(_has(event, name) for name in present), event.participants


@pytest.mark.parametrize(("text", "date", "absent"), [
    # "entre A et B" names both sides: nobody else signs
    ("La société Hydrolis emploie 30 salariés. La société Hydrolis a ouvert une usine. Un accord a été "
     "signé le 4 juin 2024 entre la SNCF et la Région Bretagne.", "2024-06-04", "Hydrolis"),
])
def test_participants_both_sides_named_bring_no_one_else(
    nlp_full: Language, text: str, date: str, absent: str
) -> None:
    event = _event(nlp_full, text, date)
    assert not _has(event, absent), event.participants
