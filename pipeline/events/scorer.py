"""Who takes part in an event, decided by a trained scorer of (event, entity) pairs.

The rules of :mod:`~pipeline.events.participants` read an event's participants in its own
clause. Two gold participants in three that they miss are named in another sentence than
the event's (the subject of the sentence before, the article's actor named in the lede).
This module scores every pair (event, entity of the article): the candidates are the
article's organisations, people and places, one per entity (its mentions pooled); the
features say what the rules chose and in which role, how far the entity is from the
event's evidence (same sentence, the one before or after, further), its dependency to
the trigger, whether it is a subject there or in the sentence before, how often and how
early the article names it, its label, the event's type, how many other names the
event's sentence holds and whether another event took it.

The weights are data (``resources/participant_scorer.json``, written by
``bench/train_participants.py``, a logistic regression trained on the dev golds only);
the score is computed here in plain Python. ``mode`` says what decides an event's set:

- ``rules``: the rules alone (the scorer is not read);
- ``scorer``: the candidates scored at least ``threshold`` (names no entity covers, which
  the rules read, a common-noun group or a name the NER missed, are kept);
- ``hybrid``: the rules' set, plus candidates scored at least ``high``, minus the rules'
  picks scored below ``low``; when the rules name nobody, the best candidate too when it
  scores at least ``empty`` (one actor the clause leaves unnamed: "Elle a lancé …");
  with ``empty_scope`` ``elsewhere``, that guess is made only when the trigger's clause
  has no subject, and only from candidates named in another sentence than the event's
  (a name of the event's own sentence the rules did not read is no actor of it: none
  rather than a guess).
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.mention import Ent, add_participant
from pipeline.events.roles import as_role, subject_of
from pipeline.nlp.text import norm_word
from pipeline.records import Event, Participant
from pipeline.resources import read_json

Mode = Literal["rules", "scorer", "hybrid"]
MODES: tuple[Mode, ...] = ("rules", "scorer", "hybrid")
EmptyScope = Literal["any", "elsewhere"]
EMPTY_SCOPES: tuple[EmptyScope, ...] = ("any", "elsewhere")
#: labels of the entities that can take part (a country or a city acts: "la Chine a signé")
CANDIDATE_LABELS = frozenset({"ORG", "PER", "LOC"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_MAX_PATH = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity of the article (its mentions pooled) that may take part in an event."""

    canonical: str
    label: str
    entity_id: str | None
    #: normalised names it is written with (canonical and every mention's text)
    names: frozenset[str]
    mentions: tuple[Ent, ...]


@dataclass(frozen=True, slots=True)
class ScorerConfig:
    """The trained weights and the decision (``resources/participant_scorer.json``)."""

    mode: Mode
    weights: Mapping[str, float]
    bias: float
    threshold: float
    high: float
    low: float
    empty: float
    #: which candidates the one-name guess for an event with nobody may take
    empty_scope: EmptyScope = "any"

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that the pair takes part (logistic of the weighted features)."""
        return logistic(self.bias, self.weights, features)


def logistic(bias: float, weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    """The logistic of ``bias`` plus the weighted features (unknown features weigh nothing):
    the score of every pair scorer trained by the ``bench/train_*.py`` scripts."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@functools.cache
def load_scorer() -> ScorerConfig:
    """The shipped weights and decision, read once per process."""
    return scorer_from_dict(read_json("participant_scorer.json"))


def scorer_from_dict(raw: Mapping[str, Any]) -> ScorerConfig:
    """A :class:`ScorerConfig` from its JSON form (as the training script writes it)."""
    mode = str(raw.get("mode", "rules"))
    if mode not in MODES:
        raise ValueError(f"participant scorer mode must be one of {MODES}, not {mode!r}")
    scope = str(raw.get("empty_scope", "any"))
    if scope not in EMPTY_SCOPES:
        raise ValueError(f"participant scorer empty_scope must be one of {EMPTY_SCOPES}, not {scope!r}")
    return ScorerConfig(
        mode=mode,  # narrowed to a Mode by the check against MODES just above
        weights={str(k): float(v) for k, v in raw.get("weights", {}).items()},
        bias=float(raw.get("bias", 0.0)),
        threshold=float(raw.get("threshold", 0.5)),
        high=float(raw.get("high", 1.0)),
        low=float(raw.get("low", 0.0)),
        empty=float(raw.get("empty", 1.01)),
        empty_scope=scope,  # narrowed by the check against EMPTY_SCOPES just above
    )


def candidates(ents: Iterable[Ent]) -> list[Candidate]:
    """The article's organisations, people and places, one per entity, in order of first mention."""
    groups: dict[str, list[Ent]] = {}
    for e in ents:
        if e.label in CANDIDATE_LABELS and any(c.isalpha() for c in e.canonical):
            groups.setdefault(e.entity_id or f"{e.label}:{norm_word(e.canonical)}", []).append(e)
    out = []
    for mentions in groups.values():
        first = mentions[0]
        names = {norm_word(first.canonical), *(norm_word(m.text) for m in mentions)}
        out.append(Candidate(canonical=first.canonical, label=first.label, entity_id=first.entity_id,
                             names=frozenset(n for n in names if n), mentions=tuple(mentions)))
    return sorted(out, key=lambda c: c.mentions[0].start)


def picks(candidate: Candidate, participants: Iterable[Participant]) -> Participant | None:
    """The rules' participant that is this candidate, if any (same entity, or a same name)."""
    for p in participants:
        if (candidate.entity_id is not None and p.entity_id == candidate.entity_id) or norm_word(p.name) in candidate.names:
            return p
    return None


# --- features -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Article:
    """What every pair of an article reads: sentences, candidates, the issuer."""

    doc: Doc
    sents: Sequence[Span]
    sent_starts: Sequence[int]
    token_starts: Sequence[int]
    candidates: Sequence[Candidate]
    issuer: Ent | None
    #: candidate index -> number of events whose rules' set holds it
    taken: Mapping[int, int]

    def sent_of(self, token: int) -> int:
        """The index of the sentence that holds token ``token``."""
        return bisect.bisect_right(self.sent_starts, token) - 1

    def token_at(self, char: int) -> int:
        """The token that holds character ``char``."""
        return token_index(self.token_starts, char)


def _article(doc: Doc, events: Sequence[Event], ents: Sequence[Ent], issuer: Ent | None) -> _Article:
    cands = candidates(ents)
    sents = list(doc.sents)
    taken: Counter[int] = Counter()
    for event in events:
        for k, cand in enumerate(cands):
            if picks(cand, event.participants) is not None:
                taken[k] += 1
    return _Article(doc=doc, sents=sents, sent_starts=[s.start for s in sents],
                    token_starts=[t.idx for t in doc], candidates=cands, issuer=issuer, taken=taken)


def token_index(token_starts: Sequence[int], char: int) -> int:
    """The index of the token that holds character ``char`` (``token_starts``: each token's offset)."""
    return max(bisect.bisect_right(token_starts, char) - 1, 0)


def trigger_token(doc: Doc, token_starts: Sequence[int], event: Event) -> Token | None:
    """The trigger token: the first token of the evidence spans written as the trigger."""
    for ev in event.evidence:
        for i in range(token_index(token_starts, ev.start), token_index(token_starts, max(ev.end - 1, ev.start)) + 1):
            if doc[i].text == event.trigger:
                return doc[i]
    return None


def dependency_path(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence, capped at ``_MAX_PATH + 1``."""
    up_a = [a, *a.ancestors]
    index_b = {t.i: k for k, t in enumerate([b, *b.ancestors])}
    for k, t in enumerate(up_a):
        if t.i in index_b:
            return min(k + index_b[t.i], _MAX_PATH + 1)
    return _MAX_PATH + 1


def _root(doc: Doc, e: Ent) -> Token:
    return doc[e.start : e.end].root


def _coarse(dep: str) -> str:
    """A dependency relation, coarse: its part before the colon, the name's own arcs as one."""
    base = dep.split(":")[0]
    return base if base in ("nsubj", "obj", "obl", "nmod", "conj", "appos", "iobj") else "other"


@dataclass(frozen=True, slots=True)
class _EventView:
    """What every pair of one event reads: its trigger, its sentences, its subject's kind."""

    event: Event
    trigger: Token | None
    sents: Sequence[int]
    #: the subject of the trigger's verb: "name", "pron" (il, elle, qui), "noun", "none"
    subject: str


def _event_view(art: _Article, event: Event) -> _EventView:
    trigger = trigger_token(art.doc, art.token_starts, event)
    sents = sorted({art.sent_of(art.token_at(ev.start)) for ev in event.evidence})
    verb = None
    if trigger is not None:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.head.pos_ == "VERB" else None
    subj = subject_of(verb) if verb is not None else None
    kind = "none" if subj is None else "pron" if subj.pos_ == "PRON" else "name" if subj.pos_ == "PROPN" else "noun"
    return _EventView(event=event, trigger=trigger, sents=sents, subject=kind)


def _distance_features(art: _Article, event: Event, cand: Candidate, ev_sents: Sequence[int],
                       out: dict[str, float]) -> None:
    """Sentence distance to the nearest evidence span, and whether a mention is inside one."""
    best: int | None = None
    for m in cand.mentions:
        s = art.sent_of(m.start)
        for e_s in ev_sents:
            d = s - e_s
            if best is None or abs(d) < abs(best) or (abs(d) == abs(best) and d < best):
                best = d
    if best is None:
        out["dist=none"] = 1.0
    else:
        out["dist=" + ("0" if best == 0 else "-1" if best == -1 else "+1" if best == 1
                       else "far_before" if best < 0 else "far_after")] = 1.0
    if any(ev.start <= art.doc[m.start].idx < ev.end for m in cand.mentions for ev in event.evidence):
        out["in_evidence"] = 1.0


def _syntax_features(art: _Article, cand: Candidate, trigger: Token | None, ev_sents: Sequence[int],
                     out: dict[str, float]) -> None:
    """Dependency to the trigger in its sentence; subject of an evidence sentence or of the one before."""
    doc = art.doc
    in_sent = [m for m in cand.mentions if art.sent_of(m.start) in ev_sents]
    if trigger is not None:
        same = [m for m in in_sent if art.sent_of(m.start) == art.sent_of(trigger.i)]
        if same:
            nearest = min(same, key=lambda m: dependency_path(_root(doc, m), trigger))
            root = _root(doc, nearest)
            out["dep=" + _coarse(root.dep_)] = 1.0
            path = dependency_path(root, trigger)
            out["path<=2" if path <= 2 else "path<=4" if path <= _MAX_PATH else "path>4"] = 1.0
            if root.head.i == trigger.i or root.head.i == trigger.head.i:
                out["head_is_trigger"] = 1.0
            gap = abs(nearest.start - trigger.i)
            out["tokens<=5" if gap <= 5 else "tokens<=15" if gap <= 15 else "tokens>15"] = 1.0
            out["before_trigger" if nearest.start < trigger.i else "after_trigger"] = 1.0
    if any(_root(doc, m).dep_ in _SUBJECTS for m in in_sent):
        out["subj_sent"] = 1.0
    if ev_sents and ev_sents[0] > 0:
        before = ev_sents[0] - 1
        for m in cand.mentions:
            if art.sent_of(m.start) != before:
                continue
            root = _root(doc, m)
            if root.dep_ in _SUBJECTS:
                out["subj_prev"] = 1.0
                if root.head.dep_ == "ROOT":
                    out["subj_prev_main"] = 1.0


def _article_features(art: _Article, k: int, cand: Candidate, ev_sents: Sequence[int],
                      out: dict[str, float]) -> None:
    """How the article names the candidate: how often, how early, its label, the issuer."""
    out["mentions_log"] = math.log1p(len(cand.mentions))
    out["first" if k == 0 else "rank<=2" if k <= 2 else "rank>2"] = 1.0
    if art.sent_of(cand.mentions[0].start) == 0:
        out["in_lede"] = 1.0
    out["label=" + cand.label] = 1.0
    if art.issuer is not None and norm_word(art.issuer.canonical) in cand.names:
        out["issuer"] = 1.0
    others = {j for j, c in enumerate(art.candidates) if j != k
              and any(art.sent_of(m.start) in ev_sents for m in c.mentions)}
    out["others_in_sent"] = min(len(others), 4) / 4


def _listed_with_pick(art: _Article, cand: Candidate, event: Event) -> bool:
    """Is a mention of the candidate coordinated with a mention of one of the rules' picks
    ("avec A, B et C": the rules read A and B, the list goes on)?"""
    doc = art.doc
    picked_roots = {_root(doc, m).i for other in art.candidates if picks(other, event.participants) is not None
                    for m in other.mentions}
    for m in cand.mentions:
        root = _root(doc, m)
        if root.dep_ == "conj" and (root.head.i in picked_roots or any(
                c.dep_ == "conj" and c.i in picked_roots for c in root.head.children)):
            return True
        if any(c.dep_ == "conj" and c.i in picked_roots for c in root.children):
            return True
    return False


def pair_features(art: _Article, view: _EventView, k: int) -> dict[str, float]:
    """The features of the pair (event, candidate ``k`` of the article)."""
    cand, event = art.candidates[k], view.event
    out: dict[str, float] = {}
    picked = picks(cand, event.participants)
    named_rules = [p for p in event.participants if p.label != "GROUP"]
    if picked is not None:
        out["rule"] = 1.0
        out["rule_role=" + picked.role] = 1.0
    if not named_rules:
        out["rule_empty"] = 1.0
    out["rule_n"] = min(len(named_rules), 4) / 4
    taken_elsewhere = art.taken.get(k, 0) - (picked is not None)
    if taken_elsewhere:
        out["other_event"] = 1.0
    if picked is None and _listed_with_pick(art, cand, event):
        out["listed_with_pick"] = 1.0
    out["type=" + event.type] = 1.0
    out["ev_subj=" + view.subject] = 1.0
    _distance_features(art, event, cand, view.sents, out)
    _syntax_features(art, cand, view.trigger, view.sents, out)
    _article_features(art, k, cand, view.sents, out)
    # what counts as near depends on whether the rules read anyone in the clause, and on
    # whether the clause's subject is a pronoun that points back
    for key in ("dist=-1", "subj_prev", "issuer", "in_lede", "dist=0"):
        if key in out and "rule_empty" in out:
            out["rule_empty&" + key] = 1.0
        if key in out and view.subject in ("pron", "none"):
            out[f"ev_subj={view.subject}&{key}"] = 1.0
    return out


def iter_pair_features(
    doc: Doc, events: Sequence[Event], ents: Sequence[Ent], issuer: Ent | None
) -> list[list[tuple[Candidate, dict[str, float]]]]:
    """For each event, each candidate with the features of the pair (the training script's view).

    Args:
        doc: the parsed article.
        events: its events, with the rules' participants.
        ents: its entities (:func:`~pipeline.events.actors.doc_entities`).
        issuer: its main actor (:func:`~pipeline.events.actors.main_actor`).

    Returns:
        One list per event, in the order of ``events``.
    """
    if not len(doc) or not events:
        return [[] for _ in events]
    art = _article(doc, events, ents, issuer)
    views = [_event_view(art, event) for event in events]
    return [[(c, pair_features(art, view, k)) for k, c in enumerate(art.candidates)] for view in views]


# --- decision -----------------------------------------------------------------------


def guessable(features: Mapping[str, float], config: ScorerConfig) -> bool:
    """May the one-name guess for an event with nobody take this candidate (``empty_scope``)?"""
    return config.empty_scope == "any" or ("ev_subj=none" in features and "dist=0" not in features)


def decide(
    event: Event, scored: Sequence[tuple[Candidate, float]], config: ScorerConfig, lex: EventLexicon,
    may_guess: Sequence[bool] | None = None,
) -> tuple[Participant, ...]:
    """The event's participants under ``config.mode``, from the rules' set and the scores
    (``may_guess``: per candidate, whether the guess for an event with nobody may take it)."""
    if config.mode == "rules":
        return event.participants
    table: dict[str, Participant] = {}
    claimed: set[int] = set()
    allowed = may_guess if may_guess is not None else [True] * len(scored)
    best = max((pair for pair, ok in zip(scored, allowed, strict=True) if ok), key=lambda pair: pair[1], default=None)
    nobody = not any(p.label != "GROUP" for p in event.participants)
    for cand, p in scored:
        picked = picks(cand, event.participants)
        if picked is not None:
            claimed.add(id(picked))
        keep = p >= config.threshold if config.mode == "scorer" else (
            p >= config.low if picked is not None
            else p >= config.high or (nobody and best is not None and cand is best[0] and p >= config.empty))
        if keep:
            role = picked.role if picked is not None else as_role(lex.default_roles.get(event.type, "participant"))
            add_participant(table, picked or Participant(name=cand.canonical, label=cand.label, role=role,
                                                         entity_id=cand.entity_id))
    # the rules' names no entity covers (a common-noun group, a name the NER missed) stay
    for part in event.participants:
        if id(part) not in claimed:
            add_participant(table, part)
    order = {norm_word(p.name): k for k, p in enumerate(event.participants)}
    return tuple(sorted(table.values(), key=lambda p: order.get(norm_word(p.name), len(order))))


def rescore_participants(
    doc: Doc,
    events: Sequence[Event],
    ents: Sequence[Ent],
    issuer: Ent | None,
    lex: EventLexicon,
    config: ScorerConfig | None = None,
) -> list[Event]:
    """The events with their participant sets decided by ``config`` (the shipped one by default).

    Args:
        doc: the parsed article.
        events: its events, with the rules' participants.
        ents: its entities.
        issuer: its main actor, if any.
        lex: the events lexicon (default roles of the types).
        config: the scorer and decision; ``None`` reads ``participant_scorer.json``.

    Returns:
        The events, each with its decided participants (the same objects under ``rules``).
    """
    config = config or load_scorer()
    if config.mode == "rules" or not events:
        return list(events)
    features = iter_pair_features(doc, events, ents, issuer)
    out = []
    for event, pairs in zip(events, features, strict=True):
        scored = [(cand, config.score(f)) for cand, f in pairs]
        may_guess = [guessable(f, config) for _, f in pairs]
        out.append(replace(event, participants=decide(event, scored, config, lex, may_guess)))
    return out


__all__ = [
    "CANDIDATE_LABELS",
    "EMPTY_SCOPES",
    "MODES",
    "Candidate",
    "ScorerConfig",
    "candidates",
    "decide",
    "dependency_path",
    "guessable",
    "iter_pair_features",
    "load_scorer",
    "logistic",
    "pair_features",
    "picks",
    "rescore_participants",
    "scorer_from_dict",
    "token_index",
    "trigger_token",
]
