"""The model as ``build_nlp`` prepares it: the speed changes (lemma index, TAG-only
attribute rules) change no annotation that a stage reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START
from spacy.language import Language

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def test_lemma_index_fix_gives_the_raw_models_lemmas(nlp_md: Language, nlp_full: Language) -> None:
    index = nlp_full.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    assert not isinstance(nlp_md.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun"), frozenset)
    texts = [p.read_text("utf-8", errors="replace") for p in sorted(CORPORA.rglob("*.txt"))[:8]]
    texts.append("Les élues ont inauguré hier les nouvelles médiathèques rénovées du quartier.")
    for raw, ours in zip(nlp_md.pipe(texts), nlp_full.pipe(texts), strict=True):
        assert [(t.text, t.pos_, t.lemma_) for t in raw] == [(t.text, t.pos_, t.lemma_) for t in ours]


def test_tuned_model_gives_the_raw_models_annotations(nlp_md: Language, nlp_full: Language) -> None:
    """Every attribute a stage reads, on corpus articles with blank lines and odd spacing."""
    rules = nlp_full.get_pipe("attribute_ruler").patterns
    assert rules and all(set(rule["attrs"]) - {"TAG"} for rule in rules)  # TAG-only rules gone
    assert len(nlp_md.get_pipe("attribute_ruler").patterns) > len(rules)
    texts = [p.read_text("utf-8", errors="replace") for p in sorted(CORPORA.rglob("*.txt"))[:12]]
    texts.append(
        "Montpellier,\n\n  le 11 décembre 2014  \n\nLa Maison du numérique   accueillait   34 entreprises."
        "\n\nParallèlement, quatre hommes ont été arrêtés en 2014.\n\nCes essais ont repris.\n\n"
    )
    # without the ruler the parser makes these blank lines ROOT
    texts.append("La police a interpellé quatre hommes.\n\nParallèlement, une enquête a été ouverte à Lyon.")
    texts.append("Les résultats sont attendus en 2014.\n\nCes essais ont été menés à Toulouse.")
    # the entities are the shipped news NER's, not the raw model's (tests/test_newsner.py)
    attrs = [POS, MORPH, DEP, HEAD, LEMMA, SENT_START]
    with nlp_full.select_pipes(disable=[name for name in nlp_full.pipe_names if name.startswith("fr_")]):
        tuned = list(nlp_full.pipe(texts))  # the model's own components, tuned
    for raw, ours in zip(nlp_md.pipe(texts), tuned, strict=True):
        assert np.array_equal(raw.to_array(attrs), ours.to_array(attrs))
    # a kept rule at work: the parser attaches blank lines as ROOT, nsubj...; the ruler says "dep"
    spaces = [t for doc in tuned for t in doc if t.is_space and t.dep_]
    assert spaces and all(t.dep_ == "dep" for t in spaces)
