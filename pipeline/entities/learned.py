"""A learned decision of each name's label, on top of the model's entities and the rules.

The spans stay those of the rules; what is learned is only which label (PER, ORG, LOC,
MISC, or none: drop the span) a name gets. A name is the group of an article's
mentions with one name key (a cluster, one name, one label): the features of its
mentions are pooled, a logistic regression trained on the dev gold
(``bench/train_entity_labels.py``) scores each label, and plain Python sums the
weights of ``resources/entity_label_weights.json`` at run time (no scikit-learn).

Features are general, never the names of one article: the NER's label and the rules'
(and whether the rules' label rests on textual evidence), the cue words left of each
mention ("la société", "chez", "M."), the syntactic head of the mention (subject of
"annoncer", object of "rejoindre", "à"/"en" before a place), appositions, the labels
of the items coordinated with it, its shape (capitals, digits, hyphen, length, last
letters, a legal form, an organisation head noun) and demonyms.

When the learned label replaces the rules' one is the model file's ``policy``:
``always``; ``uncertain`` (only where the rules' label has no textual evidence); with a
``margin`` (the learned label must beat the rules' one by that much).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from math import inf
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.entities.candidates import NE_LABELS, Candidate, name_key
from pipeline.entities.rules import EntityRules
from pipeline.resources import read_json

#: the labels the decider chooses from; NONE drops the span
NONE = "none"
CLASSES: tuple[str, ...] = ("LOC", "MISC", "ORG", "PER", NONE)
WEIGHTS_FILE = "entity_label_weights.json"
#: when the learned label replaces the rules' one (:class:`LabelModel`)
POLICIES = ("always", "uncertain", "margin")


@dataclass(frozen=True, slots=True)
class LabelModel:
    """Label weights of the features, and when the learned label wins."""

    #: feature -> {label: weight}
    weights: Mapping[str, Mapping[str, float]]
    intercept: Mapping[str, float]
    policy: str = "margin"
    #: for ``margin``: how much the learned label must beat the rules' one by
    margin: float = 0.0
    #: whether a name may be dropped (learned label ``none``)
    drop: bool = False

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """The score of each label: the intercept plus the weights of the features."""
        totals = dict(self.intercept)
        for feature in features:
            for label, weight in self.weights.get(feature, {}).items():
                totals[label] = totals.get(label, 0.0) + weight
        return totals

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LabelModel:
        """The model of a weights file's content (``bench/train_entity_labels.py``)."""
        return cls(
            weights=data["weights"],
            intercept=data["intercept"],
            policy=str(data.get("policy", "margin")),
            margin=float(data.get("margin", 0.0)),
            drop=bool(data.get("drop", False)),
        )


@cache
def default_model() -> LabelModel:
    """The packaged weights, read once per process."""
    return LabelModel.from_json(read_json(WEIGHTS_FILE))


def decided(ent: Candidate) -> bool:
    """The decider reasons about this entity: a PER/ORG/LOC/MISC name, no gazetteer match."""
    return not ent.ent_id and ent.label in NE_LABELS


def ner_labels(doc: Doc, ents: Sequence[Candidate]) -> list[str]:
    """The model's label of each entity: ``X`` with the same tokens, ``~X`` overlapping, or none."""
    by_bounds = {(e.start, e.end): e.label_ for e in doc.ents}
    owner = {i: e.label_ for e in doc.ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        label = by_bounds.get((ent.start, ent.end))
        if label is None:
            inside = [owner[i] for i in range(ent.start, ent.end) if i in owner]
            label = f"~{inside[0]}" if inside else NONE
        out.append(label)
    return out


def _lemma(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "<s>"
    tok = doc[i]
    if tok.is_space or "\n" in tok.text:
        return "<s>"
    return (tok.lemma_ or tok.text).lower()


def _cues(doc: Doc, ent: Candidate) -> list[str]:
    """The cue words left of the mention (one to three lemmas) and the word right of it."""
    left: list[str] = []
    for k in (1, 2, 3):  # back to the start of the line at most
        left.insert(0, _lemma(doc, ent.start - k))
        if left[0] == "<s>":
            break
    out = [f"l1={left[-1]}"]
    if len(left) >= 2:
        out.append(f"l2={left[-2]} {left[-1]}")
    if len(left) >= 3:
        out.append(f"l3={' '.join(left)}")
    out.append(f"r1={_lemma(doc, ent.end)}")
    return out


#: the rules' word lists whose words are read as classes of cue words ("président" is a
#: title, "chez" an organisation's preposition): a cue the training never saw still counts
WORD_CLASSES: tuple[str, ...] = (
    "titles",
    "role_words",
    "member_roles",
    "person_led_nouns",
    "org_cues",
    "org_triggers",
    "collectivity_heads",
    "institution_nouns",
    "unit_triggers",
    "facility_nouns",
    "misc_triggers",
    "event_triggers",
    "place_prepositions",
    "org_prepositions",
    "street_nouns",
    "portfolio_holders",
    "eponym_nouns",
)


def word_classes(word: str, rules: EntityRules) -> list[str]:
    """The classes (:data:`WORD_CLASSES`) of a lower-case word."""
    return [name for name in WORD_CLASSES if word in getattr(rules, name)]


def _syntax(
    doc: Doc, ent: Candidate, roots: Mapping[int, int], labels: Sequence[str], rules: EntityRules
) -> list[str]:
    """The head of the mention, its prepositions, appositions and coordinated names."""
    if not doc.has_annotation("DEP"):
        return []
    span = doc[ent.start : ent.end]
    root = span.root
    out = [f"dep={root.dep_}"]
    if not ent.start <= root.head.i < ent.end:
        head = root.head.lemma_.lower()
        out.append(f"head={root.dep_}:{head}")
        out += [f"head_class={root.dep_}:{c}" for c in word_classes(head, rules)]
    for child in root.children:
        if child.i < ent.start and child.dep_ == "case":
            out.append(f"case={child.lemma_.lower()}")
        elif child.dep_ == "appos" and not ent.start <= child.i < ent.end:
            out.append(f"appos={child.lemma_.lower()}")
            out += [f"appos_class={c}" for c in word_classes(child.lemma_.lower(), rules)]
    conj = [root.head] if root.dep_ == "conj" else []
    conj += [c for c in root.children if c.dep_ == "conj"]
    for tok in conj:
        other = roots.get(tok.i)
        if other is not None:
            out.append(f"conj={labels[other]}")
    return out


def _shape(span: Span, rules: EntityRules) -> list[str]:
    """Capitals, digits, hyphens, length, last letters, legal form, head noun, demonym."""
    words = [t.text for t in span if not t.is_space]
    text = span.text
    letters = [c for c in text if c.isalpha()]
    out = [f"ntok={min(len(words), 4)}", f"suf={words[-1][-3:].lower()}" if words else "suf="]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        out.append("caps")
    if any(c.isdigit() for c in text):
        out.append("digit")
    if "-" in text:
        out.append("hyphen")
    if words and words[-1] in rules.legal_forms_cased:
        out.append("legal_form")
    if words and words[0] in rules.org_heads_cased:
        out.append("org_head")
    if text.lower() in rules.demonyms:
        out.append("demonym")
    if name_key(text) in rules.org_metonyms:
        out.append("metonym")
    return out


def mention_features(
    doc: Doc,
    ents: Sequence[Candidate],
    rules: EntityRules,
) -> list[list[str]]:
    """The features of each entity's mention (empty for those the decider leaves alone)."""
    ner = ner_labels(doc, ents)
    roots = {doc[e.start : e.end].root.i: k for k, e in enumerate(ents)}
    labels = [e.label for e in ents]
    out: list[list[str]] = []
    for k, ent in enumerate(ents):
        if not decided(ent):
            out.append([])
            continue
        rule = f"rule={ent.label}"
        feats = [rule, f"ner={ner[k]}", f"{rule}&ner={ner[k]}"]
        if ent.certain:
            feats.append(f"{rule}&certain" + ("&not_person" if ent.not_person else ""))
        context = _cues(doc, ent) + _syntax(doc, ent, roots, labels, rules)
        before = doc[ent.start - 1].lower_ if ent.start else ""
        context += [f"l1_class={c}" for c in word_classes(before, rules)]
        # the same cue reads differently after each label the rules gave ("de X" after PER)
        feats += context + [f"{ent.label}|{f}" for f in context if not f.startswith("r1=")]
        feats += _shape(doc[ent.start : ent.end], rules)
        out.append(feats)
    return out


def _article_features(doc: Doc, ents: Sequence[Candidate]) -> tuple[frozenset[str], list[str]]:
    """The words of the article's names of several words, and which labels dominate it."""
    in_longer = frozenset(
        t.lower_ for e in ents if e.end - e.start > 1 for t in doc[e.start : e.end] if t.is_alpha
    )
    counts = {label: sum(1 for e in ents if e.label == label) for label in sorted(NE_LABELS)}
    total = max(1, sum(counts.values()))
    return in_longer, [f"article_{label}={round(3 * n / total)}" for label, n in counts.items()]


def cluster_features(
    doc: Doc, ents: Sequence[Candidate], rules: EntityRules
) -> list[tuple[list[int], list[str]]]:
    """The article's names: the indices of each name's mentions and their pooled features.

    A name is the mentions with one name key; its features are the set of its mentions'
    features, the number of mentions, and which labels the rules gave it.
    """
    per_mention = mention_features(doc, ents, rules)
    in_longer, article = _article_features(doc, ents)
    groups: dict[str, list[int]] = {}
    for k, ent in enumerate(ents):
        if decided(ent):
            groups.setdefault(name_key(doc[ent.start : ent.end].text), []).append(k)
    out = []
    for members in groups.values():
        feats = {f for k in members for f in per_mention[k]}
        feats.add(f"mentions={min(len(members), 3)}")
        rules_seen = "+".join(sorted({ents[k].label for k in members}))
        feats.add(f"rules={rules_seen}")
        feats.update(article)
        first = ents[members[0]]
        if first.end - first.start == 1:
            # one word: the surname of a person named in full, or a name of its own
            alone = doc[first.start].lower_ not in in_longer
            feats.add(f"{rules_seen}|one_word_{'alone' if alone else 'in_longer'}")
        out.append((members, sorted(feats)))
    return out


def rules_label(ents: Sequence[Candidate], members: Sequence[int]) -> str:
    """The label the rules give a name: its certain mentions' majority, else all mentions'."""
    certain = [ents[k].label for k in members if ents[k].certain]
    pool = certain or [ents[k].label for k in members]
    return max(sorted(set(pool)), key=pool.count)


def choose(model: LabelModel, features: Sequence[str], current: str, certain: bool) -> str:
    """The label of a name: the learned one where the policy lets it replace ``current``."""
    scores = model.scores(features)
    allowed = [c for c in CLASSES if model.drop or c != NONE]
    # a tie keeps the rules' label
    best = max(allowed, key=lambda c: (scores.get(c, -inf), c == current, c))
    if best == current:
        return current
    if model.policy == "uncertain" and certain:
        return current
    if model.policy == "margin" and scores.get(best, -inf) - scores.get(current, -inf) < model.margin:
        return current
    return best


def decide_labels(
    doc: Doc,
    ents: list[Candidate],
    rules: EntityRules,
    model: LabelModel | None = None,
) -> tuple[list[Candidate], list[int]]:
    """Relabel (or drop) each name of the article with the learned decision.

    Args:
        doc: the doc (its ``doc.ents`` are the model's entities, a feature).
        ents: the rules' entities.
        rules: the word lists.
        model: the weights (the packaged ones by default).

    Returns:
        The entities kept, each name's mentions with its decided label, and the index in
        ``ents`` of each one (dropped names are left out).
    """
    model = model or default_model()
    out = list(ents)
    dropped: set[int] = set()
    for members, features in cluster_features(doc, ents, rules):
        current = rules_label(ents, members)
        certain = any(ents[k].certain for k in members)
        label = choose(model, features, current, certain)
        if label == current:
            continue
        if label == NONE:
            dropped.update(members)
            continue
        for k in members:
            out[k] = replace(ents[k], label=label, certain=False, not_person=False)
    kept = [k for k in range(len(out)) if k not in dropped]
    return [out[k] for k in kept], kept
