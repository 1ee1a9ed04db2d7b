"""The working representation of the rules: candidate entities, token tests, name keys."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

#: labels our rules reason about; others (DATE from a gazetteer, ...) pass through untouched
NE_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
RULE_LABELS = NE_LABELS | {"EVENT"}
ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}$")
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "´": "'"})


@dataclass(slots=True)
class Candidate:
    """A mutable entity candidate (token offsets) while the rules run."""

    start: int
    end: int
    label: str
    ent_id: str = ""  # canonical name from the gazetteer, when it matched
    certain: bool = False  # label set by a rule with textual evidence, not by the model
    #: the evidence only rules out a person ("présidente de X"): ORG or MISC is open
    not_person: bool = False

    @property
    def protected(self) -> bool:
        """Left as it is by the rules: a gazetteer match or a label we do not reason about."""
        # EVENT is our own relabelling of MISC, still subject to the rules
        return bool(self.ent_id) or self.label not in RULE_LABELS


def is_cap(token: Token) -> bool:
    """The token starts with a capital or a digit."""
    return bool(token.text) and (token.text[0].isupper() or token.text[0].isdigit())


def has_cap(tokens: Iterable[Token]) -> bool:
    """Some token holds a capital or a digit."""
    return any(any(c.isupper() or c.isdigit() for c in t.text) for t in tokens)


def line_start(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a line."""
    return (
        i == 0
        or (doc[i - 1].is_space and "\n" in doc[i - 1].text)
        or "\n" in doc[i - 1].whitespace_
    )


def sentence_start(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a line, a sentence, a quote or a clause after a colon or dash."""
    if line_start(doc, i):
        return True
    prev = doc[i - 1]
    if doc.has_annotation("SENT_START") and doc[i].is_sent_start:
        return True
    return prev.text in {".", "!", "?", "«", '"', ":", "—", "–", "-", "…"}


def in_compound(doc: Doc, i: int) -> bool:
    """Token ``i`` is part of a hyphenated compound ("services-courrier-colis")."""
    tok = doc[i]
    if "-" in tok.text:
        return True
    glued_after = not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "-"
    glued_before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    return glued_after or glued_before


def word_ending_at(doc: Doc, i: int) -> str:
    """The lower-case word ending at token ``i``, hyphenated pieces joined: "start-up".

    The tokenizer splits "start-up" into "start", "-", "up"; a word list holds the word.
    """
    j = i
    while (
        j >= 2
        and doc[j - 1].text in {"-", "–"}
        and not doc[j - 1].whitespace_
        and not doc[j - 2].whitespace_
        and doc[j - 2].is_alpha
    ):
        j -= 2
    return doc[j : i + 1].text.lower() if j < i else doc[i].lower_


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Case-folded, NFKC, straight apostrophes, single spaces: the key of a name."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())
