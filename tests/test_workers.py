"""Several worker processes (``--workers N``): same records, order kept, dead workers survived."""

from __future__ import annotations

import os
import shutil
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.nlp import _pool_records, _submit
from pipeline.records import Article, ErrorRecord
from pipeline.runner.core import run
from pipeline.settings import Settings

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

#: an article whose text contains this kills the worker process that gets it
KILL = "ARRÊT-BRUTAL-DU-PROCESSUS"


def _article(i: int, text: str) -> Article:
    return Article(doc_id=f"d{i:03d}", id=None, source=f"a{i:03d}.txt", title=None, published=None,
                   url=None, tags=(), text=text, content_hash=str(i))


def _ids_or_die(articles: list[Article], settings: Settings) -> list[str]:
    """A pool task without the model: dies like a crashed worker on the marked article."""
    if any(KILL in a.text for a in articles):
        os._exit(3)
    return [a.doc_id for a in articles]


@pytest.mark.slow
def test_two_workers_give_the_same_outputs_as_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in sorted(os.listdir(CORPORA / "a"))[:6]:
        shutil.copy(CORPORA / "a" / name, corpus / name)
    one = run(corpus, tmp_path / "one", Settings(workers=1, batch_size=2))
    two = run(corpus, tmp_path / "two", Settings(workers=2, batch_size=2))
    assert one.processed == two.processed == 6
    assert (two.failed, two.entities, two.events) == (0, one.entities, one.events)
    assert (tmp_path / "one" / "documents.jsonl").read_bytes() == (tmp_path / "two" / "documents.jsonl").read_bytes()


def test_pool_keeps_input_order_and_reports_only_the_batch_that_kills_a_worker() -> None:
    texts = ["Le conseil municipal s'est réuni lundi."] * 9
    texts[4] = f"Texte piégé {KILL}."
    articles = [_article(i, t) for i, t in enumerate(texts)]
    results = list(_pool_records(iter(articles), Settings(workers=2, batch_size=2), task=_ids_or_die))
    # batch 2 holds articles 4 and 5: it kills a pool alone, so both are reported; the
    # batches lost with the first broken pool are run again and come back in order
    assert [r if isinstance(r, str) else (r.source, r.error_type) for r in results] == [
        "d000", "d001", "d002", "d003",
        ("a004.txt", "WorkerDied"), ("a005.txt", "WorkerDied"),
        "d006", "d007", "d008",
    ]
    assert all(r.stage == "nlp" for r in results if isinstance(r, ErrorRecord))


def _not_installed(articles: list[Article], settings: Settings) -> list[str]:
    raise UsageError("spaCy model 'fr_core_news_xx' is not installed")


def test_pool_stops_on_a_set_up_error_instead_of_failing_every_article() -> None:
    articles = [_article(i, "Le conseil municipal s'est réuni lundi.") for i in range(4)]
    with pytest.raises(UsageError, match="not installed"):
        list(_pool_records(iter(articles), Settings(workers=2, batch_size=2), task=_not_installed))


class _BrokenPool:
    """A pool that broke between two submissions (a worker died before its future was read)."""

    def submit(self, *_args: object) -> None:
        raise BrokenProcessPool("a child process terminated abruptly")


@pytest.mark.parametrize("n_articles", [1])
def test_pool_submit_to_a_broken_pool_fails_its_future(n_articles: int) -> None:
    batch = [_article(i, "Le conseil municipal s'est réuni lundi.") for i in range(n_articles)]
    future = _submit(_BrokenPool(), _ids_or_die, batch, Settings())  # type: ignore[arg-type]
    with pytest.raises(BrokenProcessPool):
        future.result()
