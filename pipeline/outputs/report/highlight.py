"""An article's text as HTML, with the character spans its tables refer to marked up.

Every value in an article page's tables links to its evidence in the text: the text
carries an element ``id="span-START-END"`` for each character span a table refers to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.outputs.report.markup import esc, span_id
from pipeline.outputs.report.style import DEFAULT_COLOR, LABEL_COLORS


@dataclass(slots=True)
class Spans:
    """The character spans of one article that get an element (and so an id) in its text."""

    text: str
    #: (start, end) -> (kind, label): kind is "ent", "date" or "ref" (a link target only)
    spans: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)

    def add(self, start: Any, end: Any, kind: str = "ref", label: str = "") -> str | None:
        """Register a span and return its element id (``None`` if the offsets are unusable)."""
        try:
            s, e = int(start), int(end)
        except (TypeError, ValueError):
            return None
        if not 0 <= s <= e <= len(self.text):
            return None
        rank = {"ent": 0, "date": 1, "ref": 2}
        current = self.spans.get((s, e))
        if current is None or rank[kind] < rank[current[0]]:
            self.spans[(s, e)] = (kind, label)
        return span_id(s, e)

    def find(self, needle: str | None, within: Sequence[tuple[int, int]] = ()) -> str | None:
        """Register and link the first occurrence of ``needle``, preferably inside ``within``."""
        if not needle:
            return None
        for s, e in within:
            at = self.text.find(needle, s, e)
            if at >= 0:
                return self.add(at, at + len(needle))
        at = self.text.find(needle)
        return self.add(at, at + len(needle)) if at >= 0 else None



def render_text(text: str, spans: dict[tuple[int, int], tuple[str, str]]) -> str:
    """The article text as escaped HTML, each span an element with ``id="span-START-END"``.

    displaCy's ``ent`` renderer draws the same marks but has no hook for element ids
    and cannot nest spans; here the event evidence (sentences) contains entity marks and
    spans may even cross, so spans are nested properly: a span that must close while an
    inner one is still open closes the inner one and reopens it (without the id).

    Args:
        text: the article text.
        spans: ``(start, end) -> (kind, label)`` with kind ``ent``, ``date`` or ``ref``.

    Returns:
        HTML (paragraphs as ``<p>``-like line breaks are kept with CSS ``white-space``).
    """
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    boundaries = {0, len(text)}
    for s, e in spans:
        starts[s].append((s, e))
        boundaries.update((s, e))
    out: list[str] = []
    stack: list[tuple[int, int]] = []
    pos = 0

    def open_tag(span: tuple[int, int], *, first: bool) -> str:
        kind, label = spans[span]
        ident = f' id="{span_id(*span)}"' if first else ""
        if kind == "ref":
            return f'<span class="ref"{ident}>'
        color = LABEL_COLORS.get(label if kind == "ent" else "DATE", DEFAULT_COLOR)
        return f'<mark class="{kind}" style="background:{color}"{ident}>'

    def close_tag(span: tuple[int, int], *, last: bool) -> str:
        kind, label = spans[span]
        if kind == "ref":
            return "</span>"
        badge = f'<span class="badge">{esc(label)}</span>' if last and label else ""
        return f"{badge}</mark>"

    for b in sorted(boundaries):
        out.append(esc(text[pos:b]))
        pos = b
        if any(e == b for _, e in stack):
            reopen = []
            while any(e == b for _, e in stack):
                span = stack.pop()
                out.append(close_tag(span, last=span[1] == b))
                if span[1] != b:
                    reopen.append(span)
            for span in reversed(reopen):
                out.append(open_tag(span, first=False))
                stack.append(span)
        for span in sorted(starts.get(b, []), key=lambda se: -se[1]):
            if span[0] == span[1]:
                out.append(f'<a id="{span_id(*span)}"></a>')
                continue
            out.append(open_tag(span, first=True))
            stack.append(span)
    return "".join(out)
