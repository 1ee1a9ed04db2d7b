"""Small text helpers shared by the French extraction rules."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

#: typographic apostrophes -> "'", so that "l’an" and "l'an" read the same
APOSTROPHES = str.maketrans({"’": "'"})


@functools.lru_cache(maxsize=1 << 16)
def norm_word(text: str) -> str:
    """Lower-case ``text`` and straighten its apostrophes (cached: called per token)."""
    return text.lower().translate(APOSTROPHES)


#: where :func:`doc_text` keeps a doc's text (a plain string, safe to serialise)
_TEXT_KEY = "pipeline.nlp.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc.

    spaCy's ``Doc.text`` joins every token's text on each access (about a millisecond
    for an article); several of our components read it.
    """
    text = doc.user_data.get(_TEXT_KEY)
    # the length check catches user_data copied onto another doc
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not isinstance(text, str) or len(text) != length:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give :func:`doc_text` the text ``doc`` was made from (spaCy's tokenizer keeps
    every character, so ``doc.text == text``), sparing it the join."""
    doc.user_data[_TEXT_KEY] = text


_WORDS_KEY = "pipeline.words"


def doc_words(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's text and lower-case form, built once per doc.

    A rule that looks for a few words walks these lists and makes a ``Token`` only where
    one matches: making a ``Token`` for every word of every pass cost more than the
    tests themselves.
    """
    words = doc.user_data.get(_WORDS_KEY)
    if not isinstance(words, tuple) or len(words[0]) != len(doc):
        texts: list[str] = []
        lowers: list[str] = []
        for token in doc:
            texts.append(token.text)
            lowers.append(token.lower_)
        words = (texts, lowers)
        doc.user_data[_WORDS_KEY] = words
    return words
