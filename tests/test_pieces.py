"""Long articles in pieces (issue 18): cut with context, items kept once across the cuts."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from pipeline.nlp import iter_records
from pipeline.nlp.pieces import MAX_MARGIN, split_pieces
from pipeline.records import Article, DocumentRecord, Event
from pipeline.settings import Settings

TOWNS = ["Brest", "Quimper", "Rennes", "Lorient", "Vannes", "Morlaix", "Lannion", "Saint-Brieuc"]
#: one line without a full stop, as a text dump: the cuts fall between any two words
ONE_LINE = " puis ".join(
    f"le {day} mars 2019 la présidente de la Région Bretagne Isabelle Le Calvez a inauguré "
    f"la médiathèque de {TOWNS[day % 8]} avec {day * 10} salariés de la société Océavia"
    for day in range(1, 25)
)


@pytest.mark.parametrize(
    ("text", "max_chars"),
    [
        (ONE_LINE, 500),
        (ONE_LINE, 1_220),
        ("Un paragraphe court.\n\n" * 400, 1_000),
        ("x" * 50_000, 4_000),  # no space at all: hard cuts
        ("mot " * 60_000, 100_000),  # margins of MAX_MARGIN
    ],
)
def test_pieces_own_the_text_once_and_stay_within_the_size(text: str, max_chars: int) -> None:
    pieces = split_pieces(text, max_chars)
    assert len(pieces) > 1
    assert pieces[0].own_start == 0 and pieces[-1].own_end == len(text)
    assert all(a.own_end == b.own_start for a, b in itertools.pairwise(pieces))
    for piece in pieces:
        assert piece.start <= piece.own_start < piece.own_end <= piece.end
        assert piece.end - piece.start <= max_chars
        assert piece.of == len(pieces)
    # every piece but the first reads some context before what it owns, the last excepted after
    margin = min(MAX_MARGIN, max_chars // 8)
    assert all(0 < p.own_start - p.start <= margin for p in pieces[1:])
    assert all(0 < p.end - p.own_end <= margin for p in pieces[:-1])


@pytest.mark.parametrize(("text", "max_chars", "expected"), [("Un texte court.", 100, 1), ("a" * 100, 100, 1)])
def test_pieces_short_text_is_one_piece(text: str, max_chars: int, expected: int) -> None:
    (piece,) = split_pieces(text, max_chars)
    assert (piece.start, piece.end, piece.own_start, piece.own_end, piece.of) == (0, len(text), 0, len(text), expected)


def _article(text: str) -> Article:
    return Article(doc_id="long", id=None, source="long.txt", title=None, published="2019-03-30",
                   url=None, tags=(), text=text, content_hash="x")


def _record(nlp: Any, text: str, settings: Settings) -> DocumentRecord:
    (record,) = iter_records(nlp, [_article(text)], settings)
    assert isinstance(record, DocumentRecord), record
    return record


def _spans(items: Any, *fields: str) -> list[tuple[Any, ...]]:
    return [tuple(getattr(item, name) for name in fields) for item in items]


def _events(events: tuple[Event, ...]) -> list[tuple[Any, ...]]:
    return [(e.event_id, e.type, e.date, tuple((v.start, v.end) for v in e.evidence)) for e in events]


@pytest.fixture(scope="module")
def whole(nlp_full: Any) -> DocumentRecord:
    """The one-line article read in one piece (it is within the default chunk size)."""
    return _record(nlp_full, ONE_LINE, Settings())


@pytest.mark.model
# chunk sizes whose cuts fall inside a date ("le 7 | mars 2019", 1220), a name
# ("Isabelle | Le Calvez", 1460) and both kinds (1820 cuts "le 10 mars | 2019")
@pytest.mark.parametrize("chunk_chars", [1_220, 1_460, 1_820])
def test_pieces_records_are_whole_across_the_cuts(nlp_full: Any, whole: DocumentRecord, chunk_chars: int) -> None:
    pieces = split_pieces(ONE_LINE, chunk_chars)
    cuts = [piece.own_start for piece in pieces[1:]]
    across = [item.text for item in (*whole.entities, *whole.dates) if any(item.start < c < item.end for c in cuts)]
    assert len(pieces) >= 3 and across, "the test needs a cut inside a name or a date"

    chunked = _record(nlp_full, ONE_LINE, Settings(chunk_chars=chunk_chars))

    # nothing lost, nothing twice: the same items at the same offsets as in one piece
    assert _spans(chunked.entities, "start", "end", "label", "entity_id") == _spans(
        whole.entities, "start", "end", "label", "entity_id")
    assert _spans(chunked.dates, "start", "end", "value") == _spans(whole.dates, "start", "end", "value")
    assert _events(chunked.events) == _events(whole.events)
    assert len(chunked.events) == 24
    assert [(p.name, len(p.mentions)) for p in chunked.people] == [("Isabelle Le Calvez", 24)]
    # sentence numbers run over the article
    sentences = [mention.sentence for mention in chunked.entities]
    assert sentences == sorted(sentences)
    for item in (*chunked.entities, *chunked.dates, *chunked.people[0].mentions):
        assert ONE_LINE[item.start : item.end] == item.text
    # the record says it was read in pieces; the whole one says nothing
    assert whole.warnings == ()
    (note,) = chunked.warnings
    assert note.startswith(f"text: read in {len(pieces)} pieces of at most ")


@pytest.mark.model
def test_pieces_small_pieces_lose_and_double_nothing(nlp_full: Any, whole: DocumentRecord) -> None:
    """Tiny pieces (62 characters of context) may read an event's date or extent differently,
    but each name, date and event is still there once."""
    chunked = _record(nlp_full, ONE_LINE, Settings(chunk_chars=500))
    assert len(split_pieces(ONE_LINE, 500)) == 10
    assert _spans(chunked.entities, "start", "end", "text") == _spans(whole.entities, "start", "end", "text")
    assert _spans(chunked.dates, "start", "end", "value") == _spans(whole.dates, "start", "end", "value")
    assert len(chunked.events) == len(whole.events) == 24
    assert len({e.event_id for e in chunked.events}) == 24
    assert [e.trigger for e in chunked.events] == [e.trigger for e in whole.events]
