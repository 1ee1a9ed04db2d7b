"""Tests for the figure scorer (pipeline.events.figure_scorer) and its training script
(bench/train_figures.py).

Sentences written by the team in the style of regional press, not copied.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language
from test_event_arguments import _read  # the event helpers, one home

from pipeline.events.figure_scorer import (
    MODES,
    decide,
    figure_config,
    iter_pair_features,
    load_figure_scorer,
    rescore_figures,
    unit_kind,
)
from pipeline.records import Event, Quantity

REPO = Path(__file__).resolve().parent.parent

#: a salon told in one sentence, its visitors counted in the next by a verb no rule reads
_SALON = ("Le salon de l'emploi de Laval a ouvert ses portes jeudi 14 mars 2024 au Quartier Ferrié. "
          "Quelque 1 200 visiteurs ont arpenté les allées, selon les organisateurs.")
#: a festival, then another event (a signed deal) with its own sum in the next sentence
_FESTIVAL = ("Le festival Jazz en Baie s'est ouvert samedi 6 juillet 2024 à Granville. Lundi 8 juillet, "
             "la mairie a signé une convention de 40 000 euros avec la société Ouest Scène.")
#: weights that say what the tests check: a count of people told next is the event's,
#: a figure of a sentence telling another event, or taken by it, is not
_HAND = {"mode": "hybrid", "bias": -0.5, "high": 0.7, "low": 0.0,
         "weights": {"dist=+1": 1.0, "unit=people": 1.0, "other_event": -4.0, "taken": -2.0}}


def _rules(nlp: Language, text: str) -> tuple[Any, list[Event]]:
    """The article read with the rules' figures alone."""
    pipe = nlp.get_pipe("fr_news_events")
    before = pipe.figures
    pipe.figures = figure_config({"mode": "rules"})
    try:
        doc = _read(nlp, text, "2024-07-10")
    finally:
        pipe.figures = before
    return doc, list(doc._.events)


def _of(events: list[Event], date: str) -> int:
    return next(k for k, e in enumerate(events) if e.date == date)


def _quantity(text: str, unit: str | None, value: float = 3.0) -> Quantity:
    return Quantity(value=value, approximate=False, unit=unit, text=text, start=0, end=len(text))


@pytest.mark.parametrize(("text", "unit", "kind"), [
    ("42 voix", "voix", "votes"),
    ("1 300 visiteurs", "visiteurs", "people"),
    ("douze embauches", "embauches", "jobs"),
    ("3,5 millions d'euros", "EUR", "money"),
    ("48 %", "%", "percent"),
    ("56 ans", "ans", "duration"),
    ("trois scènes", "scènes", "other"),
    ("vingt", None, "bare"),
])
def test_figure_scorer_unit_kind(text: str, unit: str | None, kind: str) -> None:
    assert unit_kind(_quantity(text, unit)) == kind


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "figure", "present", "absent"), [
    # the visitors of the salon, counted in the next sentence: not the rules'
    (_SALON, "2024-03-14", "Quelque 1 200 visiteurs",
     {"dist=+1", "unit=people", "approximate", "dep=nsubj", "on_main_verb"},
     {"rules", "other_event", "in_evidence", "dist=0"}),
    # the deal's own sum, seen from the festival: another event's sentence, its figure
    (_FESTIVAL, "2024-07-06", "40 000 euros",
     {"dist=+1", "unit=money", "other_event", "other_type=partnership", "taken", "other_date"},
     {"rules", "own_date"}),
    # the same sum, seen from the deal: the rules' figure, on its trigger
    (_FESTIVAL, "2024-07-08", "40 000 euros",
     {"rules", "dist=0", "in_evidence", "on_trigger", "trigger_clause", "own_date"},
     {"other_event", "taken"}),
])
def test_figure_scorer_features_of_a_pair(nlp_full: Language, text: str, date: str, figure: str,
                                          present: set[str], absent: set[str]) -> None:
    doc, events = _rules(nlp_full, text)
    k = _of(events, date)
    features = {q.text: f for q, f in iter_pair_features(doc, events)[k]}
    assert present <= set(features[figure]), sorted(features[figure])
    assert not absent & set(features[figure]), sorted(features[figure])


@pytest.mark.model
def test_figure_scorer_adds_a_figure_of_the_next_sentence_to_a_gathering(nlp_full: Language) -> None:
    doc, events = _rules(nlp_full, _SALON)
    k = _of(events, "2024-03-14")
    assert events[k].quantities == ()
    decided = rescore_figures(doc, events, figure_config(_HAND))
    assert [q.value for q in decided[k].quantities] == [1200.0]


@pytest.mark.model
def test_figure_scorer_leaves_another_events_figure(nlp_full: Language) -> None:
    doc, events = _rules(nlp_full, _FESTIVAL)
    festival, deal = _of(events, "2024-07-06"), _of(events, "2024-07-08")
    decided = rescore_figures(doc, events, figure_config(_HAND))
    assert decided[festival].quantities == ()
    assert [q.value for q in decided[deal].quantities] == [40000.0]


@pytest.mark.parametrize(("mode", "high", "low", "kept"), [
    ("rules", 0.5, 0.9, ["trois scènes"]),  # the rules alone: nothing scored
    ("hybrid", 0.5, 0.0, ["trois scènes", "800 festivaliers"]),  # the candidate above high
    ("hybrid", 0.95, 0.0, ["trois scènes"]),  # below high: not added
    ("hybrid", 0.95, 0.5, []),  # the rule figure below low: removed
])
def test_figure_scorer_decide(mode: str, high: float, low: float, kept: list[str]) -> None:
    ruled = Quantity(value=3.0, approximate=False, unit="scènes", text="trois scènes", start=10, end=22)
    other = Quantity(value=800.0, approximate=False, unit="festivaliers", text="800 festivaliers", start=40, end=56)
    event = Event(event_id="e1", type="other", name=None, trigger="festival", date="2024-07-06",
                  date_text=None, status="past", location=None, quantities=(ruled,))
    config = figure_config({"mode": mode, "high": high, "low": low})
    assert [q.text for q in decide(event, [(ruled, 0.3), (other, 0.8)], config)] == kept


def test_figure_scorer_json_loads() -> None:
    config = load_figure_scorer()
    assert config.mode in MODES
    assert config.weights, "the shipped file holds the trained weights"
    assert 0.0 < config.high <= 1.01 and 0.0 <= config.low < config.high


def test_figure_scorer_score_is_the_logistic() -> None:
    config = figure_config({"mode": "hybrid", "bias": -1.0, "weights": {"dist=+1": 2.0, "taken": -3.0}})
    assert config.score({"dist=+1": 1.0}) == pytest.approx(1.0 / (1.0 + math.exp(-1.0)))
    assert config.score({"dist=+1": 1.0, "taken": 1.0}) == pytest.approx(1.0 / (1.0 + math.exp(2.0)))


def test_figure_scorer_rejects_an_unknown_mode() -> None:
    with pytest.raises(ValueError, match="mode"):
        figure_config({"mode": "scorer"})


def _training_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_figures", REPO / "bench" / "train_figures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_figures"] = module
    spec.loader.exec_module(module)
    return module


def _fixture(train: ModuleType) -> list[Any]:
    """Six tiny examples: counts of people told next are the event's, sums of another event are not."""
    out = []
    for k in range(6):
        people = _quantity("300 visiteurs", "visiteurs", 300.0 + k)
        money = _quantity("5 000 euros", "EUR", 5000.0 + k)
        pairs = [(people, {"dist=+1": 1.0, "unit=people": 1.0}, 1),
                 (money, {"dist=+1": 1.0, "unit=money": 1.0, "other_event": 1.0}, 0)]
        out.append(train.Example("wikinews dev", f"a{k % 3}", None, {300.0 + k}, pairs))
    return out


def test_figure_scorer_training_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    train = _training_module()
    examples = _fixture(train)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    train.write(examples, {"mode": "hybrid", "high": 0.7, "low": 0.1}, first)
    train.write(list(reversed(examples)), {"mode": "hybrid", "high": 0.7, "low": 0.1}, second)
    assert first.read_bytes() == second.read_bytes()
    config = figure_config(__import__("json").loads(first.read_text("utf-8")))
    assert config.score({"dist=+1": 1.0, "unit=people": 1.0}) > 0.5 > config.score(
        {"dist=+1": 1.0, "unit=money": 1.0, "other_event": 1.0})
