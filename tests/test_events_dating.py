"""Event dating from discourse, on sentences written in the style of regional press (issue 20).

Each case is a kind of error seen on the dev halves: an event its own sentence does not
date, though the article told when it happened.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import _parse  # the hand-dated doc helper, one home

from pipeline.events import find_events


def _dated(nlp: Language, text: str, dates: list[tuple[str, str]], published: str) -> list[tuple[str, str]]:
    return sorted((e.type, e.date) for e in find_events(_parse(nlp, text, dates, published=published)) if e.date)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a speech framing what was announced is given at the occasion told before it
        ("Marie Le Goff a été élue mardi présidente de la communauté de communes du Pays de "
         "Landivisiau. Dans son discours, Marie Le Goff a annoncé la création d'une maison de "
         "santé à Plouvorn.",
         [("mardi", "2024-03-12")],
         ("announcement", "2024-03-12")),
        # a speech given ("prononcer"), by a speaker of the event told first
        ("Jeudi, le ministre Paul Kerhervé a inauguré la nouvelle laiterie de la coopérative "
         "Even à Ploudaniel. Paul Kerhervé a ensuite prononcé un discours devant deux cents "
         "salariés.",
         [("Jeudi", "2024-03-14")],
         ("announcement", "2024-03-14")),
    ],
)
def test_events_dating_speech_takes_the_occasion_date(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert expected in _dated(nlp_md, text, dates, "2024-03-15")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a speech dated in its own sentence keeps its own day
        ("Le maire de Vannes a été réélu samedi. Le 20 mars, il prononcera son discours de "
         "politique générale devant le conseil municipal.",
         [("samedi", "2024-03-16"), ("Le 20 mars", "2024-03-20")],
         ("announcement", "2024-03-20")),
        # a speech in the pluperfect is before the story's time: it takes no occasion's date
        ("Le nouveau recteur a été installé lundi à Rennes. Son prédécesseur avait tenu un "
         "discours d'adieu très applaudi.",
         [("lundi", "2024-03-11")],
         None),
    ],
)
def test_events_dating_speech_keeps_its_own_date(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str] | None
) -> None:
    found = _dated(nlp_md, text, dates, "2024-03-17")
    if expected is not None:
        assert expected in found
    # never the date of the event told before
    assert [kind for kind, _ in found].count("announcement") == (expected is not None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected", "not_expected"),
    [
        # of two dates in one segment, the one the parse hangs on the trigger is its own
        ("Côté français, c'est Claire Dumas (née en 1968) et nommée en septembre, qui a "
         "conduit la délégation à Bamako.",
         [("1968", "1968"), ("septembre", "2016-09")],
         ("appointment", "2016-09"), ("appointment", "1968")),
        ("Le fondateur de la coopérative, né en 1954 à Quimper, a été nommé en mars "
         "président du conseil de surveillance.",
         [("1954", "1954"), ("mars", "2016-03")],
         ("appointment", "2016-03"), ("appointment", "1954")),
    ],
)
def test_events_dating_segment_date_the_parse_hangs_on_the_trigger(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str],
    not_expected: tuple[str, str],
) -> None:
    found = _dated(nlp_md, text, dates, "2016-10-21")
    assert expected in found
    assert not_expected not in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # a reception takes its type from who or what is received
        ("Le chef de l'État a reçu mercredi une délégation de syndicalistes dans sa résidence "
         "de Brégançon.",
         [("mercredi", "2016-12-21")],
         ("meeting", "2016-12-21")),
        ("Au cours de sa carrière, la chanteuse a reçu en 2004 le titre de chevalier des Arts "
         "et des Lettres.",
         [("2004", "2004")],
         ("award", "2004")),
    ],
)
def test_events_dating_reception_typed_by_what_is_received(
    nlp_md: Language, text: str, dates: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    assert expected in _dated(nlp_md, text, dates, "2016-12-23")
