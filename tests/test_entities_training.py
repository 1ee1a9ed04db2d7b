"""Tests for pipeline.entities.training: gold docs in the model's labels, the NER update."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

from pipeline.entities.training import TrainSettings, gold_doc, repeat_docs, train_ner

TEXT = "Le festival Rives d'été , organisé par la mairie de Vesoul , s'ouvre le 3 juillet ."


def _span(text: str, surface: str, label: str) -> tuple[int, int, str]:
    start = text.index(surface)
    return start, start + len(surface), label


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        ([_span(TEXT, "Vesoul", "LOC")], [("Vesoul", "LOC")]),
        # a named event is the model's MISC; a date is no label of the model
        ([_span(TEXT, "Rives d'été", "EVENT"), _span(TEXT, "3 juillet", "DATE")], [("Rives d'été", "MISC")]),
        # a span cut inside a word shrinks to the whole words inside it
        ([(TEXT.index("Vesoul") - 2, TEXT.index("Vesoul") + 6, "LOC")], [("Vesoul", "LOC")]),
        # overlapping spans: the longest stays
        (
            [_span(TEXT, "mairie de Vesoul", "ORG"), _span(TEXT, "Vesoul", "LOC")],
            [("mairie de Vesoul", "ORG")],
        ),
    ],
)
def test_entities_training_gold_doc_in_model_labels(
    blank_fr: Language, entities: list[tuple[int, int, str]], expected: list[tuple[str, str]]
) -> None:
    doc = gold_doc(blank_fr, TEXT, entities)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_entities_training_update_learns_the_gold() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("ner")
    gold = [
        gold_doc(nlp, f"La société {name} recrute à {town} .", [
            _span(f"La société {name} recrute à {town} .", name, "ORG"),
            _span(f"La société {name} recrute à {town} .", town, "LOC"),
        ])
        for name, town in [("Kalvo", "Dole"), ("Trimex", "Gray"), ("Solvéa", "Lure")]
    ]
    nlp.initialize(lambda: [Example(nlp.make_doc(d.text), d) for d in gold])
    losses = train_ner(nlp, gold, [], TrainSettings(epochs=15, batch_size=2, dropout=0.0, learn_rate=0.01))
    assert losses[-1] < losses[0]
    doc = nlp("La société Trimex recrute à Gray .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Trimex", "ORG"), ("Gray", "LOC")]


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        # the shipped mix: WiNER once, then the press excerpts twice, in that order
        ((1, 2), ["w1", "w2", "p1", "p2", "p1", "p2"]),
        ((2, 1), ["w1", "w2", "w1", "w2", "p1", "p2"]),
        ((1, 0), ["w1", "w2"]),
    ],
)
def test_entities_training_repeat_docs_weighs_each_source(
    blank_fr: Language, times: tuple[int, int], expected: list[str]
) -> None:
    winer = [blank_fr.make_doc("w1"), blank_fr.make_doc("w2")]
    press = [blank_fr.make_doc("p1"), blank_fr.make_doc("p2")]
    docs = repeat_docs([(winer, times[0]), (press, times[1])])
    assert [d.text for d in docs] == expected


def test_entities_training_repeat_docs_refuses_a_negative_weight(blank_fr: Language) -> None:
    with pytest.raises(ValueError, match="-1 times"):
        repeat_docs([([blank_fr.make_doc("w1")], -1)])
