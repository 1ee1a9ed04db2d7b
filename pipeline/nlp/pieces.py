"""Long articles in pieces: cut, run through the model one piece at a time, merged by offsets.

An article longer than ``Settings.chunk_chars`` is cut into pieces. Each piece *owns* a
stretch of the article (cut at a paragraph break, else a line break, a sentence end, a
space, else anywhere) and also reads a margin of context on each side, so that a name,
a date or an event across a cut is seen whole by the piece that owns its start, and
kept by that piece only. As soon as a piece's Doc is through the pipeline its items are
taken (:func:`take_piece`) and the Doc can go; the article's record is assembled from
these small parts (:func:`assemble_record`). What one article holds at a time is thus
one piece's Doc and its records so far, however long the article (issue 18: keeping
every chunk's Doc, and running up to ``batch_size`` chunks through the model at once,
took 5.5 GB for a 2.2 MB one-line article).

An article within ``chunk_chars`` is one piece that owns all of it: its record is what
the Doc gives, unchanged.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc

from pipeline.records import (
    Article,
    DateMention,
    DocumentRecord,
    EntityMention,
    Event,
    Evidence,
    Person,
    Quote,
    shift,
)

#: boundaries a cut prefers, best first: paragraph, line, sentence end, any space
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+"))
#: where a margin of context may start or end: a sentence boundary, else a space
_CONTEXT_BREAKS = (re.compile(r"\n\s*|(?<=[.!?…])\s+"), re.compile(r"\s+"))
#: the widest margin of context read on each side of a piece (about 15 sentences of news);
#: at most an eighth of the piece, so that small test pieces still own most of their text
MAX_MARGIN = 2_000


def split_chunks(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_chars``, at the best boundary available.

    Paragraph breaks first, then line breaks, sentence ends, any whitespace, and as a
    last resort a hard cut (a 1 MB line with no spaces).

    Returns:
        ``(offset, chunk)`` pairs with ``text[offset:offset + len(chunk)] == chunk``.
    """
    cuts = _cuts(text, max_chars)
    return [(start, text[start:end]) for start, end in itertools.pairwise(cuts)]


def _cuts(text: str, max_chars: int) -> list[int]:
    """The offsets that cut ``text`` into stretches of at most ``max_chars``, 0 and ``len(text)`` included."""
    cuts = [0]
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for pattern in _BREAKS:
            # the last boundary in the second half of the window, so stretches stay large
            for match in pattern.finditer(text, start + max_chars // 2, window_end):
                cut = match.end()
            if cut > start:
                break
        if cut <= start:
            cut = window_end
        cuts.append(cut)
        start = cut
    cuts.append(len(text))
    return cuts


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """What the model reads of an article (``text[start:end]``) and what this piece keeps
    of it: the items that start in ``text[own_start:own_end]``."""

    start: int
    end: int
    own_start: int
    own_end: int
    #: number of pieces of the article
    of: int


def split_pieces(text: str, max_chars: int) -> list[Piece]:
    """Cut ``text`` into pieces the model reads, each at most ``max_chars`` long.

    A text within ``max_chars`` is one piece. A longer one is cut into owned stretches
    of ``max_chars - 2 * margin`` (:func:`split_chunks`'s boundaries), each read with
    a margin of context before and after, which starts and ends at a sentence boundary
    when there is one.

    Returns:
        The pieces in text order; their owned stretches cover ``text`` exactly once.
    """
    if len(text) <= max_chars:
        return [Piece(start=0, end=len(text), own_start=0, own_end=len(text), of=1)]
    margin = min(MAX_MARGIN, max_chars // 8)
    cuts = _cuts(text, max_chars - 2 * margin)
    pairs = list(itertools.pairwise(cuts))
    return [
        Piece(start=_context_start(text, own_start, margin), end=_context_end(text, own_end, margin),
              own_start=own_start, own_end=own_end, of=len(pairs))
        for own_start, own_end in pairs
    ]


def _context_start(text: str, cut: int, margin: int) -> int:
    """The start of the context read before ``cut``: the earliest boundary within ``margin``."""
    low = max(0, cut - margin)
    if low == 0:
        return 0
    for pattern in _CONTEXT_BREAKS:
        match = pattern.search(text, low, cut)
        if match is not None and match.end() < cut:
            return match.end()
    return low


def _context_end(text: str, cut: int, margin: int) -> int:
    """The end of the context read after ``cut``: the last boundary within ``margin``."""
    high = min(len(text), cut + margin)
    if high == len(text):
        return high
    for pattern in _CONTEXT_BREAKS:
        end = -1
        for match in pattern.finditer(text, cut, high):
            end = match.start()
        if end > cut:
            return end
    return high


# --- one piece's items ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class PiecePart:
    """The items one piece keeps, in article offsets, and where its sentences start."""

    piece: Piece
    entities: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]
    events: tuple[Event, ...]
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    #: the doc's index of the sentence holding ``own_start`` and of the one holding ``own_end``
    first_sentence: int
    next_sentence: int


def take_piece(doc: Doc, piece: Piece, entities: Sequence[EntityMention]) -> PiecePart:
    """The items of ``doc`` (the text of ``piece``) that ``piece`` keeps, in article offsets.

    Args:
        doc: the piece's Doc, through the whole pipeline.
        piece: where the doc's text lies in the article.
        entities: the doc's entity mentions (doc offsets, sentence indexes of the doc).

    Returns:
        The part; the Doc is not referenced by it.
    """
    people: tuple[Person, ...] = tuple(doc._.people)
    if piece.of == 1:
        return PiecePart(piece=piece, entities=tuple(entities), dates=tuple(doc._.timex),
                         events=tuple(doc._.events), people=people, quotes=tuple(doc._.quotes),
                         first_sentence=0, next_sentence=0)
    low, high = piece.own_start - piece.start, piece.own_end - piece.start

    def owned(start: int) -> bool:
        return low <= start < high

    starts = _sentence_starts(doc)
    people = tuple(
        dataclasses.replace(person, mentions=mentions)
        for person in people
        if (mentions := tuple(m for m in person.mentions if owned(m.start)))
    )
    return PiecePart(
        piece=piece,
        entities=shift(tuple(m for m in entities if owned(m.start)), piece.start),
        # the record's dates list has every end of a range apart (TimeML, doc._.timex);
        # events read the intervals of doc._.dates
        dates=shift(tuple(d for d in doc._.timex if owned(d.start)), piece.start),
        events=tuple(_moved_event(e, piece.start) for e in doc._.events if owned(_event_anchor(e))),
        people=shift(people, piece.start),
        quotes=shift(tuple(q for q in doc._.quotes if owned(q.start)), piece.start),
        first_sentence=max(0, bisect.bisect_right(starts, low) - 1),
        next_sentence=max(0, bisect.bisect_right(starts, high) - 1),
    )


def _sentence_starts(doc: Doc) -> list[int]:
    """The doc offsets where its sentences start (``[0]`` when it has no sentences)."""
    if len(doc) == 0 or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [sent.start_char for sent in doc.sents]


def _event_anchor(event: Event) -> int:
    """Where an event is, for the piece that keeps it: its trigger word.

    Not its first evidence span, which runs from the previous mention or the start of the
    sentence: in a piece that starts mid-sentence it starts at the piece's first word,
    and the piece that owns the event's real start sees its trigger only in its margin.
    """
    for evidence in event.evidence:
        at = evidence.text.find(event.trigger)
        if at >= 0:
            return evidence.start + at
    return event.evidence[0].start if event.evidence else 0


def _moved_event(event: Event, offset: int) -> Event:
    """``event`` in article offsets, with the id the same event would have in a whole doc."""
    # imported here: the events package imports pipeline.nlp's helpers, which import this module
    from pipeline.events.merging import event_id

    moved: Event = shift(event, offset)
    return dataclasses.replace(moved, event_id=event_id(moved.type, moved.date, moved.evidence))


# --- the article's record ------------------------------------------------------------


def assemble_record(article: Article, parts: Sequence[PiecePart]) -> DocumentRecord:
    """One article's record from the parts of its pieces.

    Items are concatenated in text order; a name, date or quote that a later piece saw
    inside one an earlier piece kept (a shorter reading of the same words at a cut) is
    dropped; sentence numbers run over the article; a person named in several pieces is
    one person with the mentions and titles of every piece.

    Args:
        article: the ingested article.
        parts: one part per piece, in any order.

    Returns:
        The :class:`DocumentRecord`, every offset relative to ``article.text``.
    """
    parts = sorted(parts, key=lambda part: part.piece.own_start)
    entities: list[EntityMention] = []
    dates: list[DateMention] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    sentence_base = 0
    #: where the items kept from earlier pieces end, by kind
    ends = [-1, -1, -1]
    for part in parts:
        moved = [dataclasses.replace(m, sentence=m.sentence - part.first_sentence + sentence_base)
                 for m in part.entities]
        ends[0] = _extend_after(entities, moved, ends[0])
        ends[1] = _extend_after(dates, part.dates, ends[1])
        ends[2] = _extend_after(quotes, part.quotes, ends[2])
        events.extend(part.events)
        sentence_base += part.next_sentence - part.first_sentence
    people = parts[0].people if len(parts) == 1 else _merged_people(p for part in parts for p in part.people)
    return DocumentRecord(
        doc_id=article.doc_id,
        id=article.id,
        source=article.source,
        title=article.title,
        published=article.published,
        url=article.url,
        tags=article.tags,
        lang=article.lang,
        text=article.text,
        published_inferred=article.published_inferred,
        entities=tuple(entities),
        dates=tuple(dates),
        events=tuple(events),
        people=people,
        quotes=tuple(quotes),
        warnings=article.warnings + _pieces_note(parts),
    )


def _pieces_note(parts: Sequence[PiecePart]) -> tuple[str, ...]:
    """The note a record read in several pieces carries: how many, and how much context
    each read around its cuts (a relation across more text than that is not seen)."""
    if len(parts) < 2:
        return ()
    longest = max(part.piece.end - part.piece.start for part in parts)
    return (f"text: read in {len(parts)} pieces of at most {longest:,} characters, "
            f"each with up to {MAX_MARGIN:,} characters of context around its cuts",)


def _extend_after(kept: list[Any], items: Sequence[Any], until: int) -> int:
    """Append the ``items`` of one piece but those that start before ``until``, the end
    of the items of earlier pieces: a shorter reading, past the cut, of words an earlier
    piece kept.

    Returns:
        The new ``until``.
    """
    added = [item for item in items if item.start >= until]
    kept.extend(added)
    ends: list[int] = [item.end for item in added]
    return max([until, *ends])


def _merged_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """One person per name: the mentions and titles of every piece, in text order."""
    by_name: dict[str, Person] = {}
    for person in people:
        seen = by_name.get(person.name)
        if seen is None:
            by_name[person.name] = person
            continue
        by_name[person.name] = dataclasses.replace(
            seen,
            titles=seen.titles + tuple(t for t in person.titles if t not in seen.titles),
            affiliation=seen.affiliation or person.affiliation,
            mentions=tuple(sorted(_unique(seen.mentions + person.mentions), key=lambda m: m.start)),
            entity_id=seen.entity_id or person.entity_id,
        )
    return tuple(by_name.values())


def _unique(mentions: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(mentions))


__all__ = ["Piece", "PiecePart", "assemble_record", "split_chunks", "split_pieces", "take_piece"]
