"""One page per article: the highlighted text beside tables of what was found in it.

The tables (events, people, quotes, dates, entities) link each value to its evidence,
a span of the text marked up by :mod:`pipeline.outputs.report.highlight`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pipeline.outputs.report.data import Row
from pipeline.outputs.report.highlight import Spans, render_text
from pipeline.outputs.report.markup import empty, esc, html_table, page, short, span_id
from pipeline.outputs.report.style import DEFAULT_COLOR, LABEL_COLORS


def _link(value: Any, target: str | None) -> str:
    """A table value linked to its evidence (plain text when there is none)."""
    if value is None or value == "":
        return ""
    return f'<a class="ev" href="#{target}">{esc(value)}</a>' if target else esc(value)


def article_html(record: Row) -> str:
    """The HTML page of one ``documents.jsonl`` record.

    Args:
        record: one record (as read from ``documents.jsonl``).

    Returns:
        A complete HTML page: the text with entities and dates highlighted, and tables of
        events, people, quotes, dates and entities whose values link to spans of the text.
    """
    text = record.get("text") or ""
    spans = Spans(text)
    entities = record.get("entities") or []
    for m in entities:
        spans.add(m.get("start"), m.get("end"), "ent", str(m.get("label") or ""))
    for d in record.get("dates") or []:
        spans.add(d.get("start"), d.get("end"), "date", str(d.get("value") or d.get("type") or ""))
    mention_at = _mention_finder(entities)

    sections = [
        ("Events", _events_section(record.get("events") or [], spans, mention_at)),
        ("People", _people_section(record.get("people") or [], spans)),
        ("Quotes", _quotes_section(record.get("quotes") or [], spans, mention_at)),
        ("Dates", _dates_section(record.get("dates") or [], spans)),
        ("Entities", _entities_section(entities, spans)),
    ]
    body_text = render_text(text, spans.spans)
    meta = [f'<span class="src">{esc(record.get("source"))}</span>']
    if record.get("published"):
        meta.append(f"published {esc(record['published'])}")
    url = str(record.get("url") or "")
    if url.startswith(("http://", "https://")):
        meta.append(f'<a href="{esc(url)}" rel="noreferrer noopener">original page</a>')
    tags = "".join(f'<span class="tag">{esc(tag)}</span>' for tag in record.get("tags") or [])
    legend = "".join(
        f'<span class="legend-item" style="background:{LABEL_COLORS.get(label, DEFAULT_COLOR)}">{esc(label)}</span>'
        for label in sorted({str(m.get("label")) for m in entities} | ({"DATE"} if record.get("dates") else set()))
    )
    tables = "".join(f'<section class="card"><h2>{esc(name)}</h2>{html_}</section>' for name, html_ in sections)
    title = record.get("title") or record.get("source") or record.get("doc_id")
    return page(
        title=str(title),
        css="../assets/report.css",
        body=(
            f'<header><p class="back"><a href="../index.html">← Corpus report</a></p>'
            f'<h1>{esc(title)}</h1><p class="sub">{" · ".join(meta)}</p>'
            f'<p class="tags">{tags}</p></header>'
            f'<main class="article"><section class="card text-pane"><div class="legend">{legend}</div>'
            f'<div class="text">{body_text}</div></section>'
            f'<div class="tables">{tables}</div></main>'
        ),
    )


def _mention_finder(entities: list[Row]) -> Any:
    """Returns ``find(name, entity_id, near)``: the span of the mention of a name closest to ``near``."""
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in entities:
        for key in (m.get("entity_id"), m.get("text"), m.get("canonical")):
            if key:
                by_key[str(key)].append((int(m["start"]), int(m["end"])))

    def find(name: str | None, entity_id: str | None, near: int) -> tuple[int, int] | None:
        candidates = by_key.get(str(entity_id), []) if entity_id else []
        candidates = candidates or by_key.get(str(name), [])
        return min(candidates, key=lambda se: abs(se[0] - near)) if candidates else None

    return find


def _events_section(events: list[Row], spans: Spans, mention_at: Any) -> str:
    if not events:
        return empty("No events in this article.")
    rows = []
    for e in events:
        evidence = [(int(v["start"]), int(v["end"])) for v in e.get("evidence") or [] if "start" in v and "end" in v]
        ev_ids = [spans.add(s, end) for s, end in evidence]
        first = ev_ids[0] if ev_ids else None
        near = evidence[0][0] if evidence else 0
        date_ref = spans.find(e.get("date_text"), evidence)
        place_ref = spans.find(e.get("location"), evidence)
        people = []
        for p in e.get("participants") or []:
            found = mention_at(p.get("name"), p.get("entity_id"), near)
            ref = spans.add(*found) if found else spans.find(p.get("name"), evidence)
            people.append(f'<span class="who">{_link(p.get("name"), ref)} <span class="role">{esc(p.get("role"))}</span></span>')
        quantities = [_link(q.get("text"), spans.add(q.get("start"), q.get("end"))) for q in e.get("quantities") or []]
        proof = " ".join(f'<a class="ev pill" href="#{ref}">{i}</a>' for i, ref in enumerate(ev_ids, 1) if ref)
        status = str(e.get("status") or "")
        where = f'<div>at {_link(e.get("location"), place_ref)}</div>' if e.get("location") else ""
        rows.append(
            f'<tr><td><b>{_link(e.get("type"), first)}</b> <span class="status status-{esc(status)}">{esc(status)}</span>'
            f'<div class="muted">{_link(e.get("name") or e.get("trigger"), first)}</div></td>'
            f'<td><span class="nowrap">{_link(e.get("date"), date_ref or first)}</span><div class="muted">{_link(e.get("date_text"), date_ref)}</div>'
            f'{where}</td><td>{" ".join(people)}</td><td>{"<br>".join(quantities)}</td><td>{proof}</td></tr>'
        )
    return html_table(["Event", "When, where", "Who", "How many", "Evidence"], "".join(rows), css_class="events")



def _people_section(people: list[Row], spans: Spans) -> str:
    if not people:
        return empty("No people in this article.")
    rows = []
    for p in people:
        refs = [spans.add(m.get("start"), m.get("end")) for m in p.get("mentions") or []]
        first = next((r for r in refs if r), None) or spans.find(p.get("name"))
        titles = "<br>".join(_link(title, spans.find(title)) for title in p.get("titles") or [])
        proof = " ".join(f'<a class="ev pill" href="#{r}">{i}</a>' for i, r in enumerate(refs, 1) if r)
        rows.append(f'<tr><td>{_link(p.get("name"), first)}</td><td>{titles}</td>'
                    f'<td>{_link(p.get("affiliation"), spans.find(p.get("affiliation")))}</td><td class="nowrap">{proof}</td></tr>')
    return html_table(["Name", "Titles", "Affiliation", "Mentions"], "".join(rows))


def _quotes_section(quotes: list[Row], spans: Spans, mention_at: Any) -> str:
    if not quotes:
        return empty("No quotes in this article.")
    rows = []
    for q in quotes:
        ref = spans.add(q.get("start"), q.get("end"))
        start = int(q.get("start") or 0)
        found = mention_at(q.get("speaker"), None, start)
        speaker_ref = spans.add(*found) if found else spans.find(q.get("speaker"))
        rows.append(
            f'<tr><td>{_link(q.get("speaker"), speaker_ref)}<div class="muted">{_link(q.get("speaker_title"), spans.find(q.get("speaker_title")))}</div></td>'
            f'<td class="quote">{_link(short(str(q.get("text") or ""), 300), ref)}</td><td>{esc(q.get("verb"))}</td></tr>'
        )
    return html_table(["Speaker", "Quote", "Verb"], "".join(rows))


def _dates_section(dates: list[Row], spans: Spans) -> str:
    if not dates:
        return empty("No dates in this article.")
    rows = "".join(
        f'<tr><td>{_link(d.get("text"), spans.add(d.get("start"), d.get("end"), "date", str(d.get("value") or "")))}</td>'
        f'<td class="nowrap">{esc(d.get("value"))}</td><td>{esc(d.get("type"))}</td><td>{esc(d.get("granularity"))}</td>'
        f'<td>{esc(d.get("mod"))}</td><td>{esc(d.get("anchor"))}</td></tr>'
        for d in dates
    )
    return html_table(["Text", "Value", "Type", "Granularity", "Mod", "Anchor"], rows)


def _entities_section(entities: list[Row], spans: Spans) -> str:
    if not entities:
        return empty("No entities in this article.")
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for m in entities:
        groups[(str(m.get("label")), str(m.get("canonical") or m.get("text")))].append(m)
    rows = []
    for (label, name), mentions in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
        links = " ".join(
            f'<a class="ev pill" href="#{span_id(m["start"], m["end"])}" title="{esc(m.get("text"))}">{i}</a>'
            for i, m in enumerate(mentions, 1)
        )
        color = LABEL_COLORS.get(label, DEFAULT_COLOR)
        rows.append(f'<tr><td><span class="lbl" style="background:{color}">{esc(label)}</span></td>'
                    f'<td>{esc(name)}</td><td>{links}</td></tr>')
    return html_table(["Label", "Entity", "Mentions"], "".join(rows))
