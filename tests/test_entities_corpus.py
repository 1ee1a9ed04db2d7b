"""The corpus vote (pipeline.entities.corpus) and the cue flag it reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from test_entities import HandEnt, make_doc

from pipeline.entities import entity_id
from pipeline.entities.corpus import CorpusVote
from pipeline.entities.fixes import correct_entities


def _record(*entities: tuple[str, str, bool], events: bool = False) -> dict[str, Any]:
    """A documents.jsonl-like record of (name, label, cued) entities, one mention each."""
    mentions = [
        {"text": name, "label": label, "start": 0, "end": len(name), "sentence": 0,
         "entity_id": entity_id(label, name), "canonical": name, "cued": cued}
        for name, label, cued in entities
    ]
    record: dict[str, Any] = {"doc_id": "d", "entities": mentions}
    if events:
        record["events"] = [
            {"type": "contract", "participants": [
                {"name": m["canonical"], "label": m["label"], "role": "participant",
                 "entity_id": m["entity_id"]} for m in mentions
            ]}
        ]
    return record


def _labels(record: dict[str, Any]) -> list[tuple[str, str]]:
    return [(m["text"], m["label"]) for m in record["entities"]]


@pytest.mark.parametrize(
    ("corpus", "target", "expected"),
    [
        # a cue in one article, the model's MISC in another
        ([_record(("Océlia", "ORG", True))], _record(("Océlia", "MISC", False)), "ORG"),
        # a place the model saw once, named with a cue once
        (
            [_record(("Kerlenn", "ORG", True))],
            _record(("Kerlenn", "LOC", False), ("Brest", "LOC", False)),
            "ORG",
        ),
        # a place in many articles stays one after one cued organisation of that name
        (
            [_record(("Lorient", "ORG", True)), *[_record(("Lorient", "LOC", False))] * 3],
            _record(("Lorient", "LOC", False)),
            "LOC",
        ),
        # cues that disagree decide nothing
        (
            [_record(("Arvor", "ORG", True)), _record(("Arvor", "MISC", True))],
            _record(("Arvor", "MISC", False)),
            "MISC",
        ),
        # the article's own cue wins over the corpus
        ([_record(("Océlia", "ORG", True))], _record(("Océlia", "MISC", True)), "MISC"),
        # a person is never relabelled by the vote
        ([_record(("Morvan", "ORG", True))], _record(("Morvan", "PER", False)), "PER"),
    ],
)
def test_entities_corpus_vote_relabels_uncued_names(
    corpus: list[dict[str, Any]], target: dict[str, Any], expected: str
) -> None:
    vote = CorpusVote().update([*corpus, target])
    out = vote.relabel_dict(target)
    assert out["entities"][0]["label"] == expected
    assert out["entities"][0]["entity_id"] == entity_id(expected, out["entities"][0]["canonical"])


def test_entities_corpus_vote_moves_participants_and_keeps_the_input() -> None:
    target = _record(("Océlia", "MISC", False), ("Vannes", "LOC", False), events=True)
    vote = CorpusVote().update([_record(("Océlia", "ORG", True)), target])
    out = vote.relabel_dict(target)
    assert _labels(out) == [("Océlia", "ORG"), ("Vannes", "LOC")]
    participants = out["events"][0]["participants"]
    assert [(p["label"], p["entity_id"]) for p in participants] == [
        ("ORG", entity_id("ORG", "Océlia")),
        ("LOC", entity_id("LOC", "Vannes")),
    ]
    assert _labels(target) == [("Océlia", "MISC"), ("Vannes", "LOC")]


def test_entities_corpus_vote_ignores_article_order() -> None:
    records = [
        _record(("Océlia", "MISC", False)),
        _record(("Océlia", "ORG", True), ("Vannes", "LOC", False)),
        _record(("Vannes", "LOC", False), ("Océlia", "LOC", False)),
    ]
    forward = CorpusVote().update(records)
    backward = CorpusVote().update(reversed(records))
    assert [forward.relabel_dict(r) for r in records] == [backward.relabel_dict(r) for r in records]


def _spelled_out(name: str, acronym: str, label: str = "ORG") -> dict[str, Any]:
    """A record naming ``name`` and then its acronym, one entity (as the article-level
    acronym link leaves it: both mentions carry the expansion as canonical name)."""
    eid = entity_id(label, name)
    mentions = [
        {"text": text, "label": label, "start": 0, "end": len(text), "sentence": 0,
         "entity_id": eid, "canonical": name, "cued": True}
        for text in (name, acronym)
    ]
    return {"doc_id": "s", "entities": mentions}


@pytest.mark.parametrize(
    ("corpus", "canonical"),
    [
        # spelled out once in the corpus: the bare acronym elsewhere is that entity
        ([_spelled_out("Agence de développement économique", "ADE")], "Agence de développement économique"),
        # two expansions of one acronym: left as it is
        (
            [_spelled_out("Agence de développement économique", "ADE"),
             _spelled_out("Association des entreprises", "ADE")],
            "ADE",
        ),
        # an expansion under another label does not count
        ([_spelled_out("Agence de développement économique", "ADE", "MISC")], "ADE"),
        # never spelled out
        ([_record(("ADE", "ORG", False))], "ADE"),
    ],
)
def test_entities_corpus_vote_gives_a_bare_acronym_its_expansion(
    corpus: list[dict[str, Any]], canonical: str
) -> None:
    target = _record(("ADE", "ORG", False), events=True)
    vote = CorpusVote().update([*corpus, target])
    out = vote.relabel_dict(target)
    mention = out["entities"][0]
    assert (mention["text"], mention["canonical"]) == ("ADE", canonical)
    assert mention["entity_id"] == entity_id("ORG", canonical)
    assert out["events"][0]["participants"][0]["entity_id"] == mention["entity_id"]
    assert out["events"][0]["participants"][0]["name"] == "ADE"


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "La société Océlia équipe les quais. Océlia recrute à Vannes.",
            [("Océlia", "MISC"), ("Océlia", "MISC"), ("Vannes", "LOC")],
            [("Océlia", True), ("Océlia", True), ("Vannes", False)],
        ),
        (
            "Le contrat associe Océlia et la mairie de Vannes.",
            [("Océlia", "LOC"), ("Vannes", "LOC")],
            [("Océlia", False), ("Vannes", False)],
        ),
    ],
)
def test_entities_corpus_cue_flag_marks_evidence(
    blank_fr: Language, text: str, ents: list[HandEnt], expected: list[tuple[str, bool]]
) -> None:
    _, mentions = correct_entities(make_doc(blank_fr, text, ents))
    assert [(m.text, m.cued) for m in mentions] == expected


@pytest.mark.model
def test_entities_corpus_vote_in_a_run(tmp_path: Path) -> None:
    from pipeline.api import run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "L'entreprise Océlia a été fondée en 2019 à Vannes.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Le projet associe la mairie de Vannes et Océlia pour équiper les quais.\n",
        encoding="utf-8",
    )
    summary = run(corpus, tmp_path / "out", stages=("entities",), workers=1)
    assert summary.exit_code == 0
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    labels = {
        (Path(r["source"]).name, m["text"], m["label"])
        for r in map(json.loads, lines)
        for m in r["entities"]
    }
    assert ("b.txt", "Océlia", "ORG") in labels
    assert ("a.txt", "Océlia", "ORG") in labels
