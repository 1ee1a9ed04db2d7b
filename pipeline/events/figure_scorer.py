"""Which figures of the article an event has, decided by a trained scorer of (event, figure) pairs.

The rules of :mod:`~pipeline.events.arguments` and :mod:`~pipeline.events.followups` give
an event the figures its own clause governs, and those a verb of attendance or of result
tells in the sentence after a gathering or a vote. The golds tie more figures to their
events than that: the toll of an accident told in the next sentence, the votes of an
election told in the one before. This module scores every pair (event, figure of the
article near it): the candidates are the quantities (:func:`~pipeline.quantities.find_quantities`)
of the event's evidence sentences and of the two sentences before and after them; the
features say whether the rules took it, how far and on which side of the evidence it is,
how it hangs in its sentence (its dependency, on the trigger, on the sentence's main verb,
in a relative clause), the kind of its unit (people, votes, jobs, money, percent, a
duration, a size), whether its sentence tells another event (and of which type) or dates
something else, whether another event took it, whether it is approximate, compared
("contre", "soit") or quoted, and the event's type.

The weights are data (``resources/figure_scorer.json``, written by
``bench/train_figures.py``, a logistic regression trained on the dev golds only); the
score is computed here in plain Python. ``mode`` says what decides an event's figures:

- ``rules``: the rules alone (the scorer is not read);
- ``hybrid``: the rules' figures, plus candidates scored at least ``high``, minus the
  rules' figures scored below ``low``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from pipeline.events.arguments import MONEY_UNITS, compared, vague
from pipeline.events.mention import compatible_dates, event_value, is_event_date
from pipeline.events.scorer import dependency_path, logistic, token_index, trigger_token
from pipeline.nlp.text import doc_text, norm_word
from pipeline.people import iter_quoted_spans
from pipeline.quantities import find_quantities
from pipeline.records import Event, Quantity
from pipeline.resources import read_json

Mode = Literal["rules", "hybrid"]
MODES: tuple[Mode, ...] = ("rules", "hybrid")
#: how many sentences before and after the event's evidence a candidate figure may be in
WINDOW = 2
#: words just before a figure that make it a comparison or a restatement, not a count of its own
_MARKERS = frozenset({"contre", "soit", "dont"})


@dataclass(frozen=True, slots=True)
class FigureConfig:
    """The trained weights and the decision (``resources/figure_scorer.json``)."""

    mode: Mode
    weights: Mapping[str, float]
    bias: float
    high: float
    low: float

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that the figure is the event's (logistic of the weighted features)."""
        return logistic(self.bias, self.weights, features)


@functools.cache
def load_figure_scorer() -> FigureConfig:
    """The shipped configuration, read once per process."""
    return figure_config(read_json("figure_scorer.json"))


def figure_config(raw: Mapping[str, Any]) -> FigureConfig:
    """A configuration from its JSON form (missing keys: the rules alone, nothing added).

    Raises:
        ValueError: when the mode is not one of :data:`MODES`.
    """
    mode = raw.get("mode", "rules")
    if mode not in MODES:
        raise ValueError(f"figure scorer mode must be one of {MODES}, not {mode!r}")
    return FigureConfig(
        mode=mode,
        weights={str(k): float(v) for k, v in raw.get("weights", {}).items()},
        bias=float(raw.get("bias", 0.0)),
        high=float(raw.get("high", 1.01)),
        low=float(raw.get("low", 0.0)),
    )


@functools.cache
def _unit_kinds() -> dict[str, str]:
    """Counted noun -> its kind (people, votes, jobs, duration, size), read once per process."""
    kinds: dict[str, str] = {}
    for kind, words in read_json("figure_units_fr.json")["kinds"].items():
        for w in words:
            kinds[norm_word(w)] = kind
    return kinds


def unit_kind(q: Quantity, head: Token | None = None) -> str:
    """The kind of what the figure counts: money, percent, one of the data's kinds, other,
    bare; ``head``, the counted noun when the parse has it, is looked up by its lemma too."""
    if q.unit in MONEY_UNITS:
        return "money"
    if not q.unit:
        return "bare"
    unit = norm_word(q.unit)
    if unit in ("%", "pour cent", "pourcent", "pour-cent") or "%" in q.text:
        return "percent"
    word = unit.split()[0] if unit.split() else unit
    kinds = _unit_kinds()
    forms = [word, word[:-1] if word.endswith(("s", "x")) else word]
    if head is not None:
        forms.append(norm_word(head.lemma_))
    return next((kinds[f] for f in forms if f in kinds), "other")


@dataclass(frozen=True, slots=True)
class _Article:
    """What every pair of an article reads: sentences, their figures, the events' sentences."""

    doc: Doc
    sents: Sequence[Span]
    sent_starts: Sequence[int]
    token_starts: Sequence[int]
    figures: Sequence[Sequence[Quantity]]
    quoted: Sequence[tuple[int, int]]
    #: sentence -> (event index, its type) of the events whose evidence is in it
    told: Mapping[int, Sequence[tuple[int, str]]]
    #: (start, end) of a figure -> indices of the events whose rules took it
    taken: Mapping[tuple[int, int], frozenset[int]]

    def sent_of(self, char: int) -> int:
        """The index of the sentence that holds character ``char``."""
        return _sentence_at(self.sent_starts, self.token_starts, char)

    def token_at(self, char: int) -> int:
        """The token that holds character ``char``."""
        return token_index(self.token_starts, char)


def _sentence_at(sent_starts: Sequence[int], token_starts: Sequence[int], char: int) -> int:
    """The index of the sentence that holds character ``char``."""
    return bisect.bisect_right(sent_starts, token_index(token_starts, char)) - 1


def _article(doc: Doc, events: Sequence[Event]) -> _Article:
    sents = list(doc.sents)
    token_starts = [t.idx for t in doc]
    sent_starts = [s.start for s in sents]
    told: dict[int, list[tuple[int, str]]] = {}
    taken: dict[tuple[int, int], set[int]] = {}
    for k, event in enumerate(events):
        for si in sorted({_sentence_at(sent_starts, token_starts, ev.start) for ev in event.evidence}):
            told.setdefault(si, []).append((k, event.type))
        for q in event.quantities:
            taken.setdefault((q.start, q.end), set()).add(k)
    return _Article(
        doc=doc, sents=sents, sent_starts=sent_starts, token_starts=token_starts,
        figures=[find_quantities(s) for s in sents], quoted=list(iter_quoted_spans(doc_text(doc))),
        told=told, taken={key: frozenset(v) for key, v in taken.items()},
    )


def _figure_head(span: Span) -> Token:
    """The head of the figure's phrase: the counted noun when the number hangs on it."""
    root = span.root
    if root.dep_ in ("nummod", "det") and root.head.pos_ == "NOUN":
        return root.head
    return root


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause that holds ``tok`` (itself when a verb), None when none."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _coarse(dep: str) -> str:
    base = dep.split(":")[0]
    return base if base in ("nsubj", "obj", "obl", "nmod", "conj", "appos", "root", "ROOT") else "other"


def unit_kind_of(features: Mapping[str, float]) -> str:
    """The unit kind a pair's features already hold ("unit=people" -> "people")."""
    return next((k[5:] for k in features if k.startswith("unit=")), "bare")


def _distance(si: int, ev_sents: Sequence[int]) -> int:
    """Signed sentence distance to the nearest evidence sentence (before: negative)."""
    return min((si - e for e in ev_sents), key=lambda d: (abs(d), d))


def _syntax_features(art: _Article, span: Span, trigger: Token | None, out: dict[str, float]) -> None:
    """How the figure hangs in its sentence, and on the trigger when they share it."""
    head = _figure_head(span)
    out["dep=" + _coarse(head.dep_).lower()] = 1.0
    verb = head.head
    if verb.dep_ == "ROOT" or verb.i == head.i:
        out["on_main_verb"] = 1.0
    if any(t.dep_ == "acl:relcl" for t in (verb, *verb.ancestors) if t.i != head.i):
        out["in_relative"] = 1.0
    if compared(span.root) or compared(head):
        out["compared"] = 1.0
    if vague(span):
        out["vague"] = 1.0  # "des milliers de personnes": an order of size, no count
    before = [norm_word(t.text) for t in art.doc[max(span.start - 3, span.sent.start) : span.start]]
    if _MARKERS & set(before):
        out["marker"] = 1.0
    if trigger is None or trigger.sent.start != span.sent.start:
        return
    if _clause_verb(head) is not None and _clause_verb(head) == _clause_verb(trigger):
        out["trigger_clause"] = 1.0
        out["trigger_clause|unit=" + unit_kind_of(out)] = 1.0
    path = dependency_path(head, trigger)
    out["path=" + (str(path) if path <= 2 else "far")] = 1.0
    if head.head.i == trigger.i or (trigger.head.i == head.head.i and trigger.pos_ != "VERB"):
        out["on_trigger"] = 1.0
    out["after_trigger" if span.start > trigger.i else "before_trigger"] = 1.0


def _context_features(art: _Article, k: int, event: Event, si: int, q: Quantity, out: dict[str, float]) -> None:
    """What else the figure's sentence tells: another event, a date of another time."""
    others = [t for e, t in art.told.get(si, ()) if e != k]
    if others:
        out["other_event"] = 1.0
        out["other_type=" + others[0]] = 1.0
    if any(e != k for e in art.taken.get((q.start, q.end), ())):
        out["taken"] = 1.0
    sent = art.sents[si]
    for d in art.doc._.dates:
        if sent.start_char <= d.start < sent.end_char and is_event_date(d):
            same = event.date is not None and compatible_dates(event_value(d), event.date)
            out["own_date" if same else "other_date"] = 1.0
    if any(s <= q.start < e for s, e in art.quoted):
        out["quoted"] = 1.0


def pair_features(art: _Article, k: int, event: Event, trigger: Token | None,
                  ev_sents: Sequence[int], si: int, q: Quantity) -> dict[str, float]:
    """The features of one (event, figure) pair."""
    out: dict[str, float] = {}
    if any(r.start == q.start and r.end == q.end for r in event.quantities):
        out["rules"] = 1.0
    d = _distance(si, ev_sents)
    out["dist=" + ("0" if d == 0 else f"{d:+d}")] = 1.0
    if any(ev.start <= q.start < ev.end for ev in event.evidence):
        out["in_evidence"] = 1.0
    span = art.doc.char_span(q.start, q.end, alignment_mode="expand")
    kind = unit_kind(q, _figure_head(span) if span is not None else None)
    out["unit=" + kind] = 1.0
    out[f"type={event.type}|unit={kind}"] = 1.0
    out["type=" + event.type] = 1.0
    if q.approximate:
        out["approximate"] = 1.0
    if event.quantities:
        out["event_has_figures"] = 1.0
    out["figures_in_sent=" + str(min(len(art.figures[si]), 3))] = 1.0
    if span is not None:
        _syntax_features(art, span, trigger, out)
    _context_features(art, k, event, si, q, out)
    return out


def iter_pair_features(doc: Doc, events: Sequence[Event]) -> list[list[tuple[Quantity, dict[str, float]]]]:
    """Each event's candidate figures with their features (the rules' figures among them).

    Args:
        doc: the parsed article.
        events: its events as the rules made them.

    Returns:
        For each event, (figure, features) for the figures of its evidence sentences and of
        the :data:`WINDOW` sentences around them, in text order; a rule figure outside the
        window is a candidate too.
    """
    if not events:
        return []
    art = _article(doc, events)
    out: list[list[tuple[Quantity, dict[str, float]]]] = []
    for k, event in enumerate(events):
        ev_sents = sorted({art.sent_of(ev.start) for ev in event.evidence})
        trigger = trigger_token(art.doc, art.token_starts, event)
        seen: set[tuple[int, int]] = set()
        pairs: list[tuple[Quantity, dict[str, float]]] = []
        window = sorted({s for e in ev_sents for s in range(e - WINDOW, e + WINDOW + 1) if 0 <= s < len(art.sents)})
        cands = [(si, q) for si in window for q in art.figures[si]]
        cands += [(art.sent_of(q.start), q) for q in event.quantities]
        for si, q in cands:
            if (q.start, q.end) in seen or not ev_sents:
                continue
            seen.add((q.start, q.end))
            pairs.append((q, pair_features(art, k, event, trigger, ev_sents, si, q)))
        out.append(sorted(pairs, key=lambda p: p[0].start))
    return out


def decide(event: Event, scored: Sequence[tuple[Quantity, float]], config: FigureConfig) -> tuple[Quantity, ...]:
    """The event's figures: the rules', plus those scored at least ``high``, minus the
    rules' scored below ``low`` (``rules``: the rules' alone), in text order."""
    if config.mode == "rules":
        return event.quantities
    ruled = {(q.start, q.end) for q in event.quantities}
    keep: dict[tuple[int, int], Quantity] = {}
    for q in event.quantities:
        keep[(q.start, q.end)] = q
    for q, p in scored:
        key = (q.start, q.end)
        if key in ruled and p < config.low:
            keep.pop(key, None)
        elif key not in ruled and p >= config.high:
            keep[key] = q
    return tuple(sorted(keep.values(), key=lambda q: q.start))


def rescore_figures(doc: Doc, events: Sequence[Event], config: FigureConfig) -> list[Event]:
    """The events with their figures decided by ``config`` (the rules' when ``rules``).

    Args:
        doc: the parsed article.
        events: its events as the rules made them.
        config: the scorer and its decision (:func:`load_figure_scorer`).

    Returns:
        The events, each with its decided figures (the same objects when nothing changed).
    """
    if config.mode == "rules" or not events:
        return list(events)
    out: list[Event] = []
    for event, pairs in zip(events, iter_pair_features(doc, events), strict=True):
        chosen = decide(event, [(q, config.score(f)) for q, f in pairs], config)
        out.append(event if chosen == event.quantities else replace(event, quantities=chosen))
    return out


__all__ = [
    "MODES",
    "FigureConfig",
    "decide",
    "figure_config",
    "iter_pair_features",
    "load_figure_scorer",
    "rescore_figures",
    "unit_kind",
]
