"""How the report looks: the label and status colours, and the page stylesheet.

The stylesheet lives next to this module as ``report.css`` (package data) so that it
can be edited as CSS; :func:`stylesheet` returns it unchanged and the report copies it
to ``report/assets/report.css``.
"""

from __future__ import annotations

from importlib.resources import files

#: displaCy's palette (spacy.displacy.render.DEFAULT_LABEL_COLORS) under our label names,
#: so highlighted articles look like displaCy and the charts use the same colours
LABEL_COLORS: dict[str, str] = {
    "ORG": "#7aecec", "PER": "#aa9cfc", "LOC": "#ff9561", "GPE": "#feca74", "MISC": "#e4e7d2",
    "EVENT": "#ffeb80", "PRODUCT": "#bfeeb7", "DATE": "#bfe1d9", "TIME": "#bfe1d9",
    "DURATION": "#bfe1d9", "SET": "#bfe1d9",
}
DEFAULT_COLOR = "#dddddd"
STATUS_COLORS = {"past": "#4c78a8", "ongoing": "#54a24b", "planned": "#f58518"}
#: planned events are hollow on the timeline; past ones filled
STATUS_SYMBOLS = {"past": "circle", "ongoing": "square", "planned": "circle-open"}


def stylesheet() -> str:
    """The text of ``report.css``, the stylesheet shared by every page of the report."""
    return files(__package__).joinpath("report.css").read_text(encoding="utf-8")
