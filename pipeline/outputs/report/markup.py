"""Small HTML building blocks shared by the index and the article pages.

Article text is untrusted input: every value goes through :func:`esc` where it is
inserted into the HTML.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Collection, Sequence
from typing import Any

import pandas as pd

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def esc(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute; ``None``/NaN become ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def page_name(doc_id: str) -> str:
    """The file name of an article's page (``doc_id`` made safe for any file system)."""
    return f"{_SAFE_NAME.sub('_', doc_id)}.html"


def span_id(start: int, end: int) -> str:
    """The element id of a character span in an article page."""
    return f"span-{int(start)}-{int(end)}"


def empty(message: str) -> str:
    """The note shown in place of a chart or table that has nothing to show."""
    return f'<p class="empty">{esc(message)}</p>'


def html_table(headers: Sequence[str], body: str, *, numeric: Collection[str] = (), css_class: str | None = None) -> str:
    """A scrollable table: fixed header cells (``numeric`` ones right-aligned), rows as given."""
    head = "".join(f'<th class="num">{h}</th>' if h in numeric else f"<th>{h}</th>" for h in headers)
    table = f'<table class="{css_class}">' if css_class else "<table>"
    return f'<div class="scroll">{table}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def short(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters at most, an ellipsis marking the cut."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, with an English plural ``s`` unless ``n`` is 1."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def page(*, title: str, css: str, body: str, head_extra: str = "") -> str:
    """A complete HTML document around ``body`` (``css`` is the stylesheet's relative URL)."""
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)}</title><link rel="stylesheet" href="{esc(css)}">{head_extra}</head>'
        f"<body>{body}</body></html>\n"
    )
