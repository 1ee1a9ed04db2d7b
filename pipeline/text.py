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
_TEXT_KEY = "pipeline.text"


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
