"""Tests for what a violent event costs, its toll, read in the event's own sentence
(pipeline.events.figures: the toll kind of ``follow_up_figures``, ``consequence_count``,
``framed_count``, ``companions``, ``phrase_head``).

Sentences written by the team in the style of the news, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_event_arguments import _read

from pipeline.events.figures import FigureKind, phrase_head


def _figures(nlp: Language, text: str, date: str) -> set[tuple[float, ...]]:
    """The figures of each event of ``text`` dated ``date`` (one set per event)."""
    events = [e for e in _read(nlp, text, "2024-06-10", None)._.events if e.date == date]
    assert events, [(e.type, e.date) for e in _read(nlp, text, "2024-06-10", None)._.events]
    return {tuple(sorted(q.value for q in e.quantities)) for e in events}


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "values"), [
    # a participle of the event's verb tells its toll, and the part of it after "dont"
    ("Mardi 4 juin vers 7 heures, une explosion a soufflé un entrepôt de Lens, faisant une "
     "quinzaine de blessés dont deux sont en urgence absolue.", "2024-06-04", (2, 15)),
    # the event's clause says when the toll of the main clause happened
    ("Au moins 9 personnes ont été tuées et 31 blessées lundi 3 juin lorsqu'un camion a explosé "
     "sur le parking d'un marché.", "2024-06-03", (9, 31)),
    # the clause that frames the nominal event counts it
    ("Le bilan de l'incendie a été porté à 7 morts, le 5 juin, à la suite de la mort d'un pompier.",
     "2024-06-05", (7,)),
    # the approximation's adverb the parser hangs on the verb does not head the figure
    ("L'avalanche a tué environ 40 personnes en 1999 lorsqu'une coulée a enseveli le hameau.",
     "1999", (40,)),
    # a toll told in a later sentence is not read (often another attack's, or a later total)
    ("Une fusillade a éclaté samedi 1er juin à Marseille. Elle a fait trois blessés.", "2024-06-01", ()),
    # "faire" counts no toll when its figure counts no people
    ("La foire a ouvert samedi 1er juin à Caen, faisant 3 000 entrées dès le premier jour.",
     "2024-06-01", ()),
])
def test_event_figures_toll_read_in_the_events_sentence(
    nlp_full: Language, text: str, date: str, values: tuple[float, ...]
) -> None:
    assert _figures(nlp_full, text, date) == {values}


def _parsed(blank_fr: Language, rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A doc with the parse given row by row: (word, head index, dep, pos, lemma)."""
    return Doc(blank_fr.vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows],
               deps=[r[2] for r in rows], pos=[r[3] for r in rows], lemmas=[r[4] for r in rows])


# "faisant une quinzaine de blessés et 3 000 entrées", "environ" hung on the verb
_TOLL = [("faisant", 0, "ROOT", "VERB", "faire"), ("environ", 0, "advmod", "ADV", "environ"),
         ("une", 3, "det", "DET", "un"), ("quinzaine", 0, "obj", "NOUN", "quinzaine"),
         ("de", 5, "case", "ADP", "de"), ("blessés", 3, "nmod", "NOUN", "blessé"),
         ("et", 7, "cc", "CCONJ", "et"), ("31", 0, "conj", "NUM", "31"),
         ("3", 9, "nummod", "NUM", "3"), ("000", 10, "fixed", "NUM", "000"),
         ("entrées", 0, "obj", "NOUN", "entrée")]


@pytest.mark.parametrize(("root", "units", "expected"), [
    # the noun after "une quinzaine de" is what is counted
    (3, {"blessé"}, True),
    # a bare number of an elided coordination counts
    (7, {"blessé"}, True),
    # another noun does not
    (10, {"blessé"}, False),
    # a kind that names no noun counts any
    (10, set(), True),
])
def test_event_figures_kind_counts_its_units(
    blank_fr: Language, root: int, units: set[str], expected: bool
) -> None:
    kind = FigureKind(verbs=frozenset({"faire"}), types=frozenset({"other"}), sums=False,
                      adjunct_preps=frozenset(), units=frozenset(units))
    assert kind.counts_unit(_parsed(blank_fr, _TOLL)[root]) is expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    # "environ une quinzaine de blessés": the noun, not the adverb beside it
    (1, 6, "quinzaine"),
    (7, 8, "31"),
])
def test_event_figures_phrase_head_is_the_noun(blank_fr: Language, start: int, end: int, expected: str) -> None:
    assert phrase_head(_parsed(blank_fr, _TOLL)[start:end]).text == expected
