"""The model as ``build_nlp`` prepares it: the lemma-index speed fix changes no lemma."""

from __future__ import annotations

from pathlib import Path

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
