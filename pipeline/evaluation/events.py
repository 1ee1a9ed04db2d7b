"""Score events, people and quotes against the hand-written gold of ``corpora/``.

Gold format: one JSON object per article with ``text``, ``dct`` and ``events``,
``people``, ``quotes`` as in ``tests/gold/corpora-gold-*.jsonl``.

- **Dated events** (the headline on real text, ``EVENTS_GUIDE.md``): gold and predicted
  events that have a date match one to one when the type (or one of the gold's
  ``alt_types``) and the day are the same (:func:`same_date`); a gold event marked
  ``optional`` is neither missed nor spurious. On matched ones, *arguments* counts
  participants (same set), location, status and quantities (same values), each right or not.
- An event matches when it has the same type, the same date value and at least one
  participant in common (waived when the gold event names no participant) (names compared without determiners, one may contain the
  other: "Région Bretagne" ~ "la Région Bretagne"). A looser "type + date" match is
  reported too, to tell a participant miss from an event miss. On matched events:
  accuracy of location, participants (same set), quantities (same values), status.
- People match by name; then title (a predicted title overlaps a gold one) and
  affiliation accuracy.
- Quotes match when their spans overlap; then speaker accuracy and mean span
  overlap (intersection over union of the character ranges).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluation.metrics import PRF, Accuracy
from pipeline.nlp.extensions import register_extensions
from pipeline.records import Event, Person, Quote, to_dict

logger = logging.getLogger(__name__)

_LEADING = re.compile(r"^(?:le |la |les |l'|l’|du |de la |des |d'|d’)", re.IGNORECASE)


def normalise_name(name: str | None) -> str:
    """Lowercase, typographic apostrophes folded, leading determiner removed."""
    if not name:
        return ""
    text = " ".join(name.replace("’", "'").lower().split())
    return _LEADING.sub("", text).strip(" .,;")


def same_name(a: str | None, b: str | None) -> bool:
    """Two names of one entity: equal, or one holds the other as whole words."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return x == y
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_) is not None


#: the four judgements on a matched dated event, in the order the benches print them
ARGUMENT_SLOTS = ("participants", "location", "status", "quantities")


@dataclass(slots=True)
class EventScores:
    """Everything :func:`evaluate_events` measures."""

    n_docs: int = 0
    events: PRF = field(default_factory=PRF)
    events_type_date: PRF = field(default_factory=PRF)
    #: the headline measure on real text: events with a date, type (or an alt type) and
    #: date value both right; optional gold events neither count as missed nor as spurious
    dated_events: PRF = field(default_factory=PRF)
    #: on matched dated events: participants, location, status and quantities, each right or not
    arguments: Accuracy = field(default_factory=Accuracy)
    #: the four judgements of ``arguments``, one by one (participants, location, status, quantities)
    argument_slots: dict[str, Accuracy] = field(default_factory=lambda: {slot: Accuracy() for slot in ARGUMENT_SLOTS})
    location: Accuracy = field(default_factory=Accuracy)
    participants: Accuracy = field(default_factory=Accuracy)
    participant_names: PRF = field(default_factory=PRF)
    quantities: Accuracy = field(default_factory=Accuracy)
    status: Accuracy = field(default_factory=Accuracy)
    name: Accuracy = field(default_factory=Accuracy)
    people: PRF = field(default_factory=PRF)
    titles: Accuracy = field(default_factory=Accuracy)
    affiliation: Accuracy = field(default_factory=Accuracy)
    quotes: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    quote_overlap_sum: float = 0.0
    #: per article: (id, missed gold events, spurious predicted events), for reading
    errors: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = field(
        default_factory=list
    )

    @property
    def quote_overlap(self) -> float:
        """Mean intersection-over-union of matched quote spans."""
        return self.quote_overlap_sum / self.speaker.total if self.speaker.total else 0.0

    def to_text(self) -> str:
        """Render the scores as a plain-text table."""

        def prf(label: str, s: PRF) -> str:
            return (
                f"{label:<34} P {s.precision:5.3f}  R {s.recall:5.3f}  F1 {s.f1:5.3f}"
                f"   (pred {s.tp_pred}/{s.n_pred}, gold {s.tp_gold}/{s.n_gold})"
            )

        def acc(label: str, a: Accuracy) -> str:
            return f"  {label:<32} {a.value:5.3f}   ({a.correct}/{a.total})"

        lines = [
            f"Events, people and quotes on {self.n_docs} gold articles",
            prf("dated events (type+date)", self.dated_events),
            acc("arguments of matched dated events", self.arguments),
            prf("events (type+date+participant)", self.events),
            prf("events (type+date only)", self.events_type_date),
            "on matched events:",
            acc("location", self.location),
            acc("participants (same set)", self.participants),
            acc("quantities (same values)", self.quantities),
            acc("status", self.status),
            acc("name", self.name),
            prf("  participant names (micro)", self.participant_names),
            prf("people (name)", self.people),
            acc("title (overlaps gold)", self.titles),
            acc("affiliation", self.affiliation),
            prf("quotes (span overlap)", self.quotes),
            acc("speaker", self.speaker),
            f"  {'mean span IoU':<32} {self.quote_overlap:5.3f}",
        ]
        return "\n".join(lines)


# --- matching ---------------------------------------------------------------------


def _types(event: Mapping[str, Any]) -> set[str]:
    return {str(event["type"]), *event.get("alt_types", ())}


def same_date(gold: str | None, pred: str | None) -> bool:
    """Dates compared at day level: a time refining the day ("2021-03-16T10:00") is that day.

    The Wikinews gold dates events to the day; a system that adds the hour is not wrong.
    Two notations of the same stretch of days are the same date: a week and the interval
    of its days ("2018-W05" = "2018-01-29/2018-02-04"), a half or a quarter and its months
    ("2017-H1" = "2017-01/2017-06"): the golds write them both ways.
    """
    if not gold or not pred:
        return gold == pred
    gold, pred = _day_level(gold), _day_level(pred)
    if gold == pred:
        return True
    span = _days_spanned(gold)
    return span is not None and span == _days_spanned(pred)


def _day_level(value: str) -> str:
    return "/".join(part.split("T")[0] for part in value.split("/"))


_WEEK = re.compile(r"(\d{4})-W(\d\d)$")
_PART = re.compile(r"(\d{4})-([HQ])([1-4])$")
_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")


def _days_spanned(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a week, quarter, half, month, day or interval of them covers."""
    if "/" in value:
        start, _, end = value.partition("/")
        first, last = _days_spanned(start), _days_spanned(end)
        return (first[0], last[1]) if first and last else None
    try:
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _PART.match(value):
            months = 6 if m[2] == "H" else 3
            first_month = (int(m[3]) - 1) * months + 1
            return dt.date(int(m[1]), first_month, 1), _month_end(int(m[1]), first_month + months - 1)
        if m := _MONTH.match(value):
            return dt.date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
    except ValueError:
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _score_dated_events(scores: EventScores, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
    """Dated events: one-to-one matches on type (or an alt type) and date; then their arguments."""
    dated_gold = [g for g in gold if g.get("date")]
    dated_pred = [p for p in pred if p.get("date")]
    # required gold events first, so an optional one never takes a prediction a required one wants
    order = sorted(range(len(dated_gold)), key=lambda i: bool(dated_gold[i].get("optional")))
    used: set[int] = set()
    matched_optional = 0
    for gi in order:
        g = dated_gold[gi]
        candidates = [pi for pi, p in enumerate(dated_pred)
                      if pi not in used and p["type"] in _types(g) and same_date(g["date"], p["date"])]
        if not candidates:
            continue
        # the prediction sharing most participants is this event's
        best = max(candidates, key=lambda pi: _common(_names(g), _names(dated_pred[pi])))
        used.add(best)
        if g.get("optional"):
            matched_optional += 1
            continue
        p = dated_pred[best]
        scores.dated_events.tp_gold += 1
        scores.dated_events.tp_pred += 1
        for slot, right in (
            ("participants", _same_participants(g, p)),
            ("location", same_name(g.get("location"), p.get("location"))),
            ("status", g.get("status") == p.get("status")),
            ("quantities", _quantity_values(g) == _quantity_values(p)),
        ):
            scores.arguments.add(right)
            scores.argument_slots[slot].add(right)
    scores.dated_events.n_gold += sum(1 for g in dated_gold if not g.get("optional"))
    scores.dated_events.n_pred += len(dated_pred) - matched_optional


def _names(event: Mapping[str, Any]) -> list[str]:
    return [str(p["name"]) for p in event.get("participants", [])]


def _common(a: Sequence[str], b: Sequence[str]) -> int:
    return sum(1 for x in a if any(same_name(x, y) for y in b))


def _match_events(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    need_participant: bool,
) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        best, best_common = -1, -1
        for pi, p in enumerate(pred):
            if pi in used or p["type"] not in _types(g) or p.get("date") != g.get("date"):
                continue
            common = _common(_names(g), _names(p))
            # a gold event with nobody named ("la prochaine édition aura lieu …") cannot
            # share a participant: type and date decide alone
            if need_participant and common == 0 and _names(g):
                continue
            if common > best_common:
                best, best_common = pi, common
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _same_participants(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gn, pn = _names(g), _names(p)
    return _common(gn, pn) == len(gn) and _common(pn, gn) == len(pn)


def _quantity_values(event: Mapping[str, Any]) -> set[float]:
    return {float(q["value"]) for q in event.get("quantities", [])}


def _score_events(
    scores: EventScores, doc_id: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    _score_dated_events(scores, gold, pred)
    strict = _match_events(gold, pred, need_participant=True)
    loose = _match_events(gold, pred, need_participant=False)
    for s, pairs in ((scores.events, strict), (scores.events_type_date, loose)):
        s.n_gold += len(gold)
        s.n_pred += len(pred)
        s.tp_gold += len(pairs)
        s.tp_pred += len(pairs)
    for gi, pi in strict:
        g, p = gold[gi], pred[pi]
        scores.location.add(same_name(g.get("location"), p.get("location")))
        scores.participants.add(_same_participants(g, p))
        scores.quantities.add(_quantity_values(g) == _quantity_values(p))
        scores.status.add(g.get("status") == p.get("status"))
        scores.name.add(same_name(g.get("name"), p.get("name")))
        gn, pn = _names(g), _names(p)
        scores.participant_names.n_gold += len(gn)
        scores.participant_names.n_pred += len(pn)
        scores.participant_names.tp_gold += _common(gn, pn)
        scores.participant_names.tp_pred += _common(pn, gn)
    matched_g = {gi for gi, _ in strict}
    matched_p = {pi for _, pi in strict}
    scores.errors.append(
        (
            doc_id,
            [g for i, g in enumerate(gold) if i not in matched_g],
            [p for i, p in enumerate(pred) if i not in matched_p],
        )
    )


def _titles_overlap(gold: Sequence[str], pred: Sequence[str]) -> bool:
    for g in gold:
        for p in pred:
            gw, pw = set(normalise_name(g).split()), set(normalise_name(p).split())
            if (
                gw
                and pw
                and (same_name(g, p) or len(gw & pw) >= max(1, min(len(gw), len(pw)) // 2))
            ):
                return True
    return False


def _score_people(scores: EventScores, gold: list[dict[str, Any]], pred: Sequence[Person]) -> None:
    scores.people.n_gold += len(gold)
    scores.people.n_pred += len(pred)
    used: set[int] = set()
    for g in gold:
        hit = next(
            (i for i, p in enumerate(pred) if i not in used and same_name(g["name"], p.name)), None
        )
        if hit is None:
            continue
        used.add(hit)
        scores.people.tp_gold += 1
        scores.people.tp_pred += 1
        p = pred[hit]
        if g.get("titles"):
            scores.titles.add(_titles_overlap(g["titles"], p.titles))
        if g.get("affiliation"):
            scores.affiliation.add(same_name(g["affiliation"], p.affiliation))


def _score_quotes(scores: EventScores, gold: list[dict[str, Any]], pred: Sequence[Quote]) -> None:
    scores.quotes.n_gold += len(gold)
    scores.quotes.n_pred += len(pred)
    used: set[int] = set()
    for g in gold:
        gs, ge = int(g["start"]), int(g["end"])
        hit = next(
            (i for i, q in enumerate(pred) if i not in used and q.start < ge and gs < q.end), None
        )
        if hit is None:
            continue
        used.add(hit)
        q = pred[hit]
        scores.quotes.tp_gold += 1
        scores.quotes.tp_pred += 1
        scores.speaker.add(same_name(g.get("speaker"), q.speaker))
        inter = min(ge, q.end) - max(gs, q.start)
        union = max(ge, q.end) - min(gs, q.start)
        scores.quote_overlap_sum += inter / union if union else 0.0


def _run(nlp: Language, text: str, published: str | None) -> Doc:
    """Run every pipe on one text, with the publication date set before the dates pipe."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def evaluate_events(gold_docs: Iterable[Mapping[str, Any]], nlp: Language) -> EventScores:
    """Run the pipeline on gold articles and score events, people and quotes.

    Args:
        gold_docs: gold articles (``text``, ``dct``, ``events``, ``people``, ``quotes``).
        nlp: a pipeline with the model and our components (``build_nlp``, or the model
            plus ``fr_news_dates``, ``fr_news_events`` and ``fr_news_people``).

    Returns:
        The :class:`EventScores`.
    """
    register_extensions()
    scores = EventScores()
    for gold in gold_docs:
        dct = gold.get("dct") or (gold.get("meta") or {}).get("date")
        doc = _run(nlp, str(gold["text"]), str(dct) if dct else None)
        scores.n_docs += 1
        events: Sequence[Event] = doc._.events
        pred = [to_dict(e) for e in events]
        _score_events(
            scores, str(gold.get("id", scores.n_docs)), list(gold.get("events", [])), pred
        )
        _score_people(scores, list(gold.get("people", [])), doc._.people)
        _score_quotes(scores, list(gold.get("quotes", [])), doc._.quotes)
    return scores


__all__ = ["ARGUMENT_SLOTS", "PRF", "Accuracy", "EventScores", "evaluate_events", "normalise_name", "same_date", "same_name"]
