"""Tests for an event's figures told by the clause that frames it or by the sentence after
it (pipeline.events.followups, pipeline.events.figures): what the site an event opens
cost, a vote's results and turnout, and sentences the parser joins.

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_event_arguments import _event  # the event helpers, one home

from pipeline.events.mention import Mention
from pipeline.records import Quantity


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "values"), [
    # the sentence after an inauguration gives what the site cost: the main verb's object
    ("La commune de Plérin a inauguré samedi 14 septembre 2024 sa nouvelle salle de sports. "
     "L'investissement atteint 4,2 millions d'euros.", "2024-09-14", [4_200_000]),
    # a relative clause on the noun the sentence opens with; the size is not a sum
    ("La fromagerie Le Gall inaugurera le 5 octobre 2024 sa nouvelle cave d'affinage, à Landerneau. "
     "Le bâtiment de 1 800 m², qui a coûté 2,3 millions d'euros, permettra de doubler la production.",
     "2024-10-05", [2_300_000]),
    # the parts of the sum after "dont" are not the sum
    ("Le groupe Armor Pharma a inauguré lundi 7 octobre 2024 sa nouvelle usine de Vannes. "
     "L'investissement atteint 15 millions d'euros, dont 3 millions apportés par la Région.",
     "2024-10-07", [15_000_000]),
    # a count after an inauguration is no sum of its cost
    ("La médiathèque de Lamballe a été inaugurée samedi 12 octobre 2024. Le chantier a coûté "
     "cher et a atteint 18 mois.", "2024-10-12", []),
    # the cost of something else, in a relative clause inside the sentence, stays out
    ("La commune de Plérin a inauguré samedi 14 septembre 2024 sa nouvelle salle de sports. "
     "Elle remplace le gymnase, qui avait coûté 900 000 euros en 1985.", "2024-09-14", []),
])
def test_event_figures_cost_told_in_the_next_sentence(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    assert sorted(q.value for q in _event(nlp_full, text, date).quantities) == values


@pytest.mark.parametrize(("text", "expected"), [
    # the parser joined two written sentences, across a line break or not
    ("Les 40 salariés sont conservés.\nPlacée en redressement en mai, la société a été reprise.",
     ["Les 40 salariés sont conservés.", "Placée en redressement en mai, la société a été reprise."]),
    ("Le site a coûté 2 millions d'euros. Il ouvrira en juin.",
     ["Le site a coûté 2 millions d'euros.", "Il ouvrira en juin."]),
    # a full stop a small letter follows ends no sentence
    ("La société emploie 40 salariés. et 3 apprentis.", ["La société emploie 40 salariés. et 3 apprentis."]),
])
def test_event_figures_written_sentences_split_joined_ones(
    blank_fr: Language, text: str, expected: list[str]
) -> None:
    from pipeline.events.followups import _written_sentences

    doc = blank_fr(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0  # one parsed sentence, as the parser gives it
    assert [s.text.strip() for s in _written_sentences(doc)] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "values"), [
    # the sentence after the vote: its results as adjuncts, the verb elided in the second
    ("Les élections à la chambre d'agriculture du Morbihan se sont tenues le 31 janvier 2025. "
     "La liste de la FDSEA arrive en tête avec 52 % des voix, et la Coordination rurale deuxième avec 31 %.",
     "2025-01-31", [31, 52]),
    # and its turnout
    ("Les élections à la chambre des métiers se sont tenues le 14 octobre 2024. "
     "La participation s'établit à 38 %.", "2024-10-14", [38]),
    # a figure whose clause hangs on a clause with a date of its own is not the vote's
    ("Les élections municipales se sont tenues le 15 mars 2020. Le chômage a reculé lors du "
     "deuxième trimestre 2019 s'établissant à 8,1 %.", "2020-03-15", []),
])
def test_event_figures_vote_results_told_by_its_clause_or_the_next_sentence(
    nlp_full: Language, text: str, date: str, values: list[float]
) -> None:
    assert sorted(q.value for q in _event(nlp_full, text, date).quantities) == values


def _parsed(blank_fr: Language, rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A doc with the parse given row by row: (word, head index, dep, pos, lemma)."""
    words = [r[0] for r in rows]
    return Doc(blank_fr.vocab, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], lemmas=[r[4] for r in rows])


# "Sa liste était arrivée en tête avec 51,3 % des suffrages", as the parser reads it: "avec"
# on the decimal number it takes for a noun, "%" on the verb
_AHEAD = [("liste", 1, "nsubj", "NOUN", "liste"), ("arrivée", 1, "ROOT", "VERB", "arriver"),
          ("en", 3, "case", "ADP", "en"), ("tête", 1, "obl:mod", "NOUN", "tête"),
          ("avec", 5, "case", "ADP", "avec"), ("51,3", 6, "nummod", "NOUN", "51,3"),
          ("%", 1, "obl:mod", "NOUN", "%"), ("des", 8, "case", "ADP", "de"),
          ("suffrages", 6, "nmod", "NOUN", "suffrage")]
# "le président a obtenu 60 % des suffrages lors du scrutin", "lors" hung on the figure
_FRAMED = [("président", 1, "nsubj", "NOUN", "président"), ("obtenu", 1, "ROOT", "VERB", "obtenir"),
           ("60", 3, "nummod", "NUM", "60"), ("%", 1, "obj", "NOUN", "%"),
           ("des", 5, "case", "ADP", "de"), ("suffrages", 3, "nmod", "NOUN", "suffrage"),
           ("lors", 3, "advmod", "ADV", "lors"), ("du", 8, "case", "ADP", "de"),
           ("scrutin", 6, "obl:arg", "NOUN", "scrutin")]


def test_event_figures_preps_read_on_the_number(blank_fr: Language) -> None:
    from pipeline.events.figures import figure_preps

    doc = _parsed(blank_fr, _AHEAD)
    figure = Quantity(value=51.3, approximate=False, unit="%", text="51,3 %", start=doc[5].idx, end=doc[6].idx + 1)
    assert "avec" in figure_preps(doc[6], figure)


@pytest.mark.parametrize(("event_type", "root", "expected"), [
    ("election", 3, True),
    # "obtenir" counts no partnership
    ("partnership", 3, False),
    # a noun of the figure's phrase, not its head
    ("election", 5, False),
])
def test_event_figures_framed_count_is_the_framing_verbs_object(
    blank_fr: Language, event_type: str, root: int, expected: bool
) -> None:
    from pipeline.events.figures import framed_count

    doc = _parsed(blank_fr, _FRAMED)
    mention = Mention(trigger=doc[8], trigger_end=9, type=event_type, nominal=True)
    assert framed_count(mention, doc[root]) is expected
