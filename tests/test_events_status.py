"""Tests for an event's status (pipeline.events.status): a relative clause about the event
noun tells its time, even when the parse hangs the noun on a verb of another clause.

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_event_arguments import _event  # the event helpers, one home

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "date", "status"), [
    # the noun hangs on "a recruté" (past); its relative clause is in the future
    ("La Ville a recruté un programmateur pour le festival Les Embruns, qui s'installera sur le port "
     "du 5 au 7 juillet 2024.", "2024-07-05/2024-07-07", "planned"),
    # a past relative clause stays past
    ("La Ville a accueilli des milliers de visiteurs pendant le salon du livre, qui s'est tenu du 3 au "
     "5 mai 2024.", "2024-05-03/2024-05-05", "past"),
])
def test_events_status_from_the_relative_clause_on_the_event_noun(
    nlp_full: Language, text: str, date: str, status: str
) -> None:
    assert _event(nlp_full, text, date).status == status


@pytest.mark.parametrize(("text", "date", "published", "status"), [
    # a past verb about an event dated after the article tells the decision: still to come
    ("La première session du nouveau bureau a été fixée au lundi 13 janvier 2025.",
     "2025-01-13", "2024-10-07", "planned"),
    ("La remise des prix a été avancée au 2 novembre 2024.", "2024-11-02", "2024-10-07", "planned"),
    # a past verb about an event dated before the article stays past
    ("La médiathèque de Lannion a été inaugurée le 3 octobre 2024.", "2024-10-03", "2024-10-07", "past"),
    # no publication date: the dateline stands for it
    ("Perpignan, le 7 octobre 2024 – Le conseil a nommé Rosa Vidal directrice. La nouvelle directrice "
     "aura pour mission de conduire le rapprochement avec la coopérative Terres d'Oc, approuvé en juin "
     "par les deux conseils et qui doit aboutir au printemps 2025.", "2025-SP", None, "planned"),
])
def test_events_status_of_an_event_dated_after_the_article(
    nlp_full: Language, text: str, date: str, published: str | None, status: str
) -> None:
    assert _event(nlp_full, text, date, published=published).status == status
