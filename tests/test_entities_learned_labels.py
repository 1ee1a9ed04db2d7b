"""The learned label decider: its features, its weights file, its decision, its training."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.candidates import Candidate
from pipeline.entities.fixes import FAMILIES, fix_entities
from pipeline.entities.learned import (
    CLASSES,
    NONE,
    POLICIES,
    LabelModel,
    choose,
    cluster_features,
    decide_labels,
    default_model,
    mention_features,
)
from pipeline.entities.rules import default_rules

TRAIN_SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "train_entity_labels.py"


def _doc(nlp: Language, text: str, ents: list[tuple[str, str]]) -> tuple[Doc, list[Candidate]]:
    """A doc whose model entities are ``ents`` (first occurrence of each surface)."""
    doc = nlp.make_doc(text) if nlp.pipe_names == [] else nlp(text)
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), label=lab) for s, lab in ents]
    doc.ents = [s for s in spans if s is not None]
    return doc, [Candidate(e.start, e.end, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "ents", "name", "expected"),
    [
        (
            "La société Brelvane a ouvert une usine à Morlaix.",
            [("Brelvane", "LOC"), ("Morlaix", "LOC")],
            "Brelvane",
            {"l1=société", "l2=la société", "rule=LOC", "ner=LOC", "ntok=1", "suf=ane"},
        ),
        (
            "Il a rejoint le groupe KERVAL SAS en mars.",
            [("KERVAL SAS", "ORG")],
            "KERVAL SAS",
            {"l2=le groupe", "l3=rejoint le groupe", "caps", "legal_form", "ntok=2", "r1=en"},
        ),
        (
            "Brelvane recrute. Puis Brelvane annonce un plan.",
            [("Brelvane", "ORG")],
            "Brelvane",
            {"l1=<s>", "mentions=1", "rules=ORG"},
        ),
    ],
)
def test_learned_features_of_a_small_doc(
    blank_fr: Language, text: str, ents: list[tuple[str, str]], name: str, expected: set[str]
) -> None:
    doc, cands = _doc(blank_fr, text, ents)
    names = cluster_features(doc, cands, default_rules())
    feats = next(f for members, f in names if doc[cands[members[0]].start : cands[members[0]].end].text == name)
    assert expected <= set(feats)


def test_learned_features_mentions_pooled(blank_fr: Language) -> None:
    text = "Brelvane recrute. La société Brelvane annonce un plan."
    doc = blank_fr.make_doc(text)
    second = text.rindex("Brelvane")
    doc.ents = [
        doc.char_span(0, 8, label="PER"),
        doc.char_span(second, second + 8, label="ORG"),
    ]
    cands = [Candidate(e.start, e.end, e.label_) for e in doc.ents]
    [(members, feats)] = cluster_features(doc, cands, default_rules())
    assert members == [0, 1]
    assert {"mentions=2", "rules=ORG+PER", "l1=<s>", "l1=société", "rule=PER", "rule=ORG"} <= set(feats)


def test_learned_features_none_for_gazetteer_matches(blank_fr: Language) -> None:
    doc, cands = _doc(blank_fr, "La ville de Brest a voté.", [("Brest", "LOC")])
    cands[0].ent_id = "Brest"
    assert mention_features(doc, cands, default_rules()) == [[]]
    assert cluster_features(doc, cands, default_rules()) == []


def test_learned_weights_load() -> None:
    model = default_model()
    assert set(model.intercept) == set(CLASSES)
    assert model.policy in POLICIES
    assert len(model.weights) > 100
    assert all(set(w) <= set(CLASSES) for w in model.weights.values())
    assert "learned_labels" in FAMILIES


#: a model that reads one cue word: "société" before a name makes it an organisation
_CUE_MODEL = LabelModel(
    weights={"l1=société": {"ORG": 3.0}, "l1=chez": {"ORG": 2.5}, "rule=LOC": {"LOC": 1.0}},
    intercept=dict.fromkeys(CLASSES, 0.0),
    policy="always",
)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("La société Trivenor a embauché trente personnes.", "Trivenor", "ORG"),
        ("Elle a travaillé dix ans chez Trivenor avant de partir.", "Trivenor", "ORG"),
        ("Le port de Trivenor est fermé.", "Trivenor", "LOC"),
    ],
)
def test_learned_decider_company_cue_gives_org(blank_fr: Language, text: str, name: str, label: str) -> None:
    doc, cands = _doc(blank_fr, text, [(name, "LOC")])
    kept, index = decide_labels(doc, cands, default_rules(), _CUE_MODEL)
    assert index == [0]
    assert kept[0].label == label


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "La société Quimvelt a annoncé mardi l'ouverture d'une usine à Lorient.",
        "Après quinze ans chez Quimvelt, l'ingénieure fonde sa propre entreprise.",
    ],
)
def test_learned_decider_packaged_weights_keep_company_cues(nlp_md: Language, text: str) -> None:
    """The model's LOC, the rules' ORG from the cue: the packaged weights score ORG first."""
    doc = nlp_md(text)
    start = text.index("Quimvelt")
    doc.ents = [doc.char_span(start, start + len("Quimvelt"), label="LOC")]
    fixed = fix_entities(doc, learned_labels=True)
    assert [(s.text, s.label_) for s in fixed.spans] == [("Quimvelt", "ORG")]
    cands = [Candidate(s.start, s.end, s.label_, certain=k in fixed.certain) for k, s in enumerate(fixed.spans)]
    [(_, feats)] = cluster_features(doc, cands, default_rules())
    scores = default_model().scores(feats)
    assert max(scores, key=lambda c: scores[c]) == "ORG"


@pytest.mark.parametrize(
    ("policy", "margin", "certain", "expected"),
    [
        ("always", 0.0, True, "ORG"),
        ("uncertain", 0.0, True, "LOC"),
        ("uncertain", 0.0, False, "ORG"),
        ("margin", 1.0, False, "ORG"),
        ("margin", 5.0, False, "LOC"),
    ],
)
def test_learned_decider_policy(policy: str, margin: float, certain: bool, expected: str) -> None:
    model = replace(_CUE_MODEL, policy=policy, margin=margin)
    # ORG 3.0 against LOC 1.0: the learned label wins by 2
    assert choose(model, ["l1=société", "rule=LOC"], "LOC", certain) == expected


def test_learned_decider_drops_only_when_allowed() -> None:
    model = LabelModel(weights={"l1=page": {NONE: 4.0}}, intercept=dict.fromkeys(CLASSES, 0.0), policy="always")
    assert choose(model, ["l1=page"], "ORG", False) == "ORG"
    assert choose(replace(model, drop=True), ["l1=page"], "ORG", False) == NONE


def _train_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_entity_labels", TRAIN_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_learned_training_is_deterministic() -> None:
    script = _train_script()
    rows = [
        (["l1=société", "rule=LOC", "ntok=1"], "ORG"),
        (["l1=société", "rule=ORG", "ntok=2"], "ORG"),
        (["l1=à", "rule=LOC", "ntok=1"], "LOC"),
        (["l1=à", "rule=LOC", "ntok=2"], "LOC"),
        (["l1=m.", "rule=PER", "ntok=2"], "PER"),
        (["l1=m.", "rule=PER", "ntok=1"], "PER"),
        (["l1=page", "rule=MISC", "ntok=1"], NONE),
        (["l1=page", "rule=MISC", "ntok=1"], NONE),
        (["l1=festival", "rule=MISC", "ntok=2"], "MISC"),
        (["l1=festival", "rule=MISC", "ntok=1"], "MISC"),
    ]
    texts = [
        script.write_weights(script.fit(rows, 1.0), c=1.0, policy="always", margin=0.0, drop=False)
        for _ in range(2)
    ]
    assert texts[0] == texts[1]
    fitted = script.fit(rows, 1.0)
    model = LabelModel(fitted["weights"], fitted["intercept"], policy="always")
    assert choose(model, ["l1=société", "rule=LOC", "ntok=1"], "LOC", False) == "ORG"
    assert choose(model, ["l1=m.", "rule=PER", "ntok=2"], "PER", False) == "PER"
