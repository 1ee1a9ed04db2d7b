"""Report: a self-contained HTML view of a run's outputs (corpus overview + one page per article).

Export-side, like :mod:`pipeline.outputs.export`: it reads what ``pipeline run`` wrote (the tables
with pandas, ``documents.jsonl`` one record at a time) and writes::

    OUT/report/index.html              overview, timeline, top entities, ORG network, articles
    OUT/report/articles/<doc_id>.html  one page per article: highlighted text + tables
    OUT/report/assets/plotly.min.js    Plotly's JavaScript, written once and shared
    OUT/report/assets/report.css

Everything opens from ``file://`` with no network: no CDN, no web fonts. Article text
is untrusted input, so every value is escaped with :func:`html.escape` where it is
inserted, and hover texts given to Plotly are escaped too (Plotly turns a small subset
of HTML in hover text into SVG, links included).

Every value in an article page's tables links to its evidence in the text: the text
carries an element ``id="span-START-END"`` for each character span a table refers to.

The modules, in the order the data goes through them:

- :mod:`~pipeline.outputs.report.data`: the outputs read into DataFrames and records;
- :mod:`~pipeline.outputs.report.charts`: the index page's Plotly figures
  (with :mod:`~pipeline.outputs.report.graph_layout` for the network's positions);
- :mod:`~pipeline.outputs.report.index_page`: the index page;
- :mod:`~pipeline.outputs.report.highlight` and :mod:`~pipeline.outputs.report.article_page`:
  the article pages, their text with marked spans and their tables;
- :mod:`~pipeline.outputs.report.markup` and :mod:`~pipeline.outputs.report.style`:
  shared HTML pieces, colours and the stylesheet (``report.css``);
- :mod:`~pipeline.outputs.report.writer`: :func:`write_report`, which writes the files.
"""

from __future__ import annotations

from pipeline.outputs.report.article_page import article_html
from pipeline.outputs.report.graph_layout import force_layout
from pipeline.outputs.report.highlight import render_text
from pipeline.outputs.report.markup import page_name, span_id
from pipeline.outputs.report.writer import write_report

__all__ = ["article_html", "force_layout", "page_name", "render_text", "span_id", "write_report"]
