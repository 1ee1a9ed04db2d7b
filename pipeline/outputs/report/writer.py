"""Writing the report files: the shared assets, the index and one page per article."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from plotly.offline import get_plotlyjs

from pipeline.errors import OutputError, UsageError
from pipeline.outputs.export import atomic_text
from pipeline.outputs.report.article_page import article_html
from pipeline.outputs.report.data import Row, iter_documents, load_tables
from pipeline.outputs.report.index_page import index_html
from pipeline.outputs.report.markup import page_name
from pipeline.outputs.report.style import stylesheet

logger = logging.getLogger(__name__)


def write_report(out_dir: Path) -> Path:
    """Write the HTML report of the run outputs in ``out_dir``.

    Args:
        out_dir: a ``pipeline run`` output folder (``documents.jsonl`` and the tables).

    Returns:
        The path of ``out_dir/report/index.html``.

    Raises:
        UsageError: ``out_dir`` has no ``documents.jsonl``, or it is not one.
        OutputError: the report cannot be written.
    """
    documents_path = out_dir / "documents.jsonl"
    if not documents_path.is_file():
        raise UsageError(f"no documents.jsonl in {out_dir}: run `pipeline run CORPUS --out {out_dir}` first")
    report_dir = out_dir / "report"
    try:
        assets = report_dir / "assets"
        _write_if_changed(assets / "plotly.min.js", get_plotlyjs())
        _write_if_changed(assets / "report.css", stylesheet())
        tables = load_tables(out_dir)
        n_pages = _write_article_pages(report_dir / "articles", iter_documents(documents_path))
        index = report_dir / "index.html"
        with atomic_text(index) as handle:
            handle.write(index_html(tables, out_dir))
    except OSError as exc:
        raise OutputError(f"cannot write the report in {report_dir}: {exc.strerror or exc}") from exc
    logger.info("report: %s (%d article pages)", index, n_pages)
    return index


def _write_if_changed(path: Path, content: str) -> None:
    if path.is_file() and path.read_text("utf-8") == content:
        return
    with atomic_text(path) as handle:
        handle.write(content)


def _write_article_pages(folder: Path, records: Iterable[Row]) -> int:
    """One page per record; pages of articles no longer in the outputs are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for record in records:
        name = page_name(record["doc_id"])
        with atomic_text(folder / name) as handle:
            handle.write(article_html(record))
        written.add(name)
    for stale in folder.glob("*.html"):
        if stale.name not in written:
            stale.unlink()
    return len(written)
