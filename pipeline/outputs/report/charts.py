"""The index page's Plotly figures: counts by label and type, the timeline, top entities, the network.

Each function takes the run's :class:`~pipeline.outputs.report.data.Tables` and returns
an HTML fragment (a ``<div>`` and its script, or a note when there is nothing to draw)
that uses the Plotly loaded once by the page. Hover texts are escaped too: Plotly turns
a small subset of HTML in hover text into SVG, links included.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import qualitative

from pipeline.outputs.report.data import Row, Tables, column
from pipeline.outputs.report.graph_layout import force_layout
from pipeline.outputs.report.markup import empty, esc, page_name, plural, short, span_id
from pipeline.outputs.report.style import DEFAULT_COLOR, LABEL_COLORS, STATUS_COLORS, STATUS_SYMBOLS

MAX_TIMELINE_EVENTS = 5000
MAX_NETWORK_NODES = 40
TOP_ENTITIES = 12
HOVER_PARTICIPANTS = 6

_PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _period(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a TIMEX-style value (day, month, year or ``a/b`` range)."""
    if not isinstance(value, str) or not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = _period(first), _period(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        if match := _DAY.match(value):
            day = dt.date(*map(int, match.groups()))
            return day, day
        if match := _MONTH.match(value):
            year, month = map(int, match.groups())
            start = dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return start, following - dt.timedelta(days=1)
        if match := _YEAR.match(value):
            year = int(match.group(1))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None


def _figure_html(fig: go.Figure, div_id: str, post_script: str | None = None, *, toolbar: bool = False) -> str:
    """A figure as a ``<div>`` + script, using the shared Plotly loaded once by the page.

    The zoom toolbar is kept for the timeline and the network only: on small bar charts
    it hides the longest labels and there is nothing to zoom.
    """
    config = {**_PLOTLY_CONFIG, "displayModeBar": "hover" if toolbar else False}
    return str(pio.to_html(fig, include_plotlyjs=False, full_html=False, div_id=div_id,
                           config=config, post_script=post_script, default_height="100%"))


def _layout(fig: go.Figure, *, height: int, **extra: Any) -> go.Figure:
    extra.setdefault("margin", {"l": 10, "r": 10, "t": 10, "b": 10})
    fig.update_layout(
        template="plotly_white", height=height,
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
        hoverlabel={"align": "left"}, **extra,
    )
    return fig


def entities_by_label(t: Tables) -> str:
    """A bar chart of entity mentions per label, in the labels' highlight colours."""
    counts = column(t.mentions, "label").dropna().value_counts()
    if counts.empty:
        return empty("No entity mentions.")
    counts = counts.sort_values()
    fig = go.Figure(go.Bar(
        x=counts.to_numpy(), y=[esc(v) for v in counts.index], orientation="h",
        marker_color=[LABEL_COLORS.get(str(label), DEFAULT_COLOR) for label in counts.index],
        text=counts.to_numpy(), textposition="auto", hovertemplate="%{y}: %{x} mentions<extra></extra>",
    ))
    return _figure_html(_layout(fig, height=260, xaxis_title="mentions"), "entities-by-label")


def events_by_type(t: Tables) -> str:
    """A bar chart of events per type, stacked by status (past, ongoing, planned)."""
    events = t.events
    if events.empty:
        return empty("No events.")
    table = pd.crosstab(column(events, "type").fillna("?"), column(events, "status").fillna("?"))
    order = table.sum(axis=1).sort_values().index
    fig = go.Figure()
    for status in [s for s in STATUS_COLORS if s in table.columns] + [s for s in table.columns if s not in STATUS_COLORS]:
        fig.add_bar(
            name=esc(status), y=[esc(v) for v in order], x=table.loc[order, status].to_numpy(), orientation="h",
            marker_color=STATUS_COLORS.get(status, DEFAULT_COLOR),
            marker_pattern_shape="/" if status == "planned" else "",
            hovertemplate=f"%{{y}} · {esc(status)}: %{{x}}<extra></extra>",
        )
    fig = _layout(fig, height=max(260, 40 + 24 * len(order)), barmode="stack", xaxis_title="events",
                  legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "traceorder": "normal"})
    return _figure_html(fig, "events-by-type")



def timeline(t: Tables, docs_by_id: dict[str, Row]) -> str:
    """The dated events on a time axis, one row per event type; a click opens the evidence."""
    events = t.events
    participants: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in t.event_participants.to_dict("records"):
        participants[(p["doc_id"], p["event_id"])].append(str(p["name"]))
    points: list[Row] = []
    for row in events.to_dict("records"):
        period = _period(row.get("date"))
        if period is None:
            continue
        points.append({**row, "first": period[0], "last": period[1]})
    undated = len(events) - len(points)
    if not points:
        return empty("No dated events." if events.empty else f"None of the {len(events)} events has a usable date.")
    points.sort(key=lambda p: (p["first"], p["type"] or "", p["event_id"]))
    if len(points) > MAX_TIMELINE_EVENTS:
        points = points[-MAX_TIMELINE_EVENTS:]
    type_order = [name for name, _ in Counter(str(p["type"]) for p in points).most_common()]
    row_of = {name: i for i, name in enumerate(reversed(type_order))}
    palette = qualitative.Safe + qualitative.Vivid
    colors = {name: palette[i % len(palette)] for i, name in enumerate(sorted(type_order))}

    fig = go.Figure()
    # places every point (its x and y), which the focus range below reads
    _add_event_markers(fig, points, row_of, colors, lambda p: _hover(p, participants, docs_by_id))
    for kind in sorted(type_order):
        fig.add_scatter(x=[None], y=[None], mode="markers", name=esc(kind), legendgroup=esc(kind),
                        marker={"color": colors[kind], "size": 10})
    for status, symbol in STATUS_SYMBOLS.items():
        fig.add_scatter(x=[None], y=[None], mode="markers", name=f"<i>{status}</i>", legendgroup="status",
                        marker={"color": "#555", "size": 10, "symbol": symbol, "line": {"width": 2, "color": "#555"}})
    xaxis: dict[str, Any] = {"type": "date", "showgrid": True}
    focus = _focus_range([p["x"] for p in points])
    if focus is not None:
        xaxis["range"] = [focus[0].isoformat(), focus[1].isoformat()]
    fig = _layout(
        fig, height=max(300, 90 + 46 * len(type_order)), margin={"l": 10, "r": 10, "t": 36, "b": 10},
        yaxis={"tickvals": list(row_of.values()), "ticktext": [esc(k) for k in row_of],
               "range": [-0.6, len(row_of) - 0.4], "zeroline": False, "fixedrange": True},
        xaxis=xaxis,
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "itemclick": "toggle"},
        hovermode="closest",
    )
    # The click handler only navigates to our own relative article pages (customdata).
    click = ("var gd=document.getElementById('{plot_id}');gd.on('plotly_click',function(d){"
             "var u=d.points[0].customdata;if(u){window.location.href=u;}});")
    return _figure_html(fig, "timeline", post_script=click, toolbar=True) + _timeline_notes(points, undated, focus)


def _add_event_markers(
    fig: go.Figure, points: list[Row], row_of: dict[str, int], colors: dict[str, str], hover: Callable[[Row], str],
) -> None:
    """Draw the timeline's events: a grey bar over each period, one marker trace per (type, status).

    Each point gets its place: ``x`` the middle of its period, ``y`` its type's row.
    """
    lanes: Counter[str] = Counter()
    spans_x: list[Any] = []
    spans_y: list[Any] = []
    by_trace: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for p in points:
        # a small deterministic vertical offset, so events of one type on close dates stay visible
        lane = lanes[str(p["type"])] % 5
        lanes[str(p["type"])] += 1
        p["y"] = row_of[str(p["type"])] + (lane - 2) * 0.13
        p["x"] = p["first"] + (p["last"] - p["first"]) / 2
        if p["last"] > p["first"]:
            spans_x += [p["first"].isoformat(), p["last"].isoformat(), None]
            spans_y += [p["y"], p["y"], None]
        by_trace[(str(p["type"]), str(p.get("status") or "past"))].append(p)
    if spans_x:
        fig.add_scatter(x=spans_x, y=spans_y, mode="lines", line={"color": "rgba(90,90,90,0.35)", "width": 3},
                        hoverinfo="skip", showlegend=False, name="period")
    for (kind, status), group in sorted(by_trace.items()):
        fig.add_scatter(
            x=[p["x"].isoformat() for p in group], y=[p["y"] for p in group], mode="markers",
            name=esc(kind), legendgroup=esc(kind), showlegend=False,
            marker={"color": colors[kind], "size": 11, "symbol": STATUS_SYMBOLS.get(status, "circle"),
                    "line": {"width": 2.5 if status == "planned" else 1,
                             "color": colors[kind] if status == "planned" else "white"}},
            text=[hover(p) for p in group],
            customdata=[_event_href(p) for p in group],
            hovertemplate="%{text}<extra></extra>",
        )


def _timeline_notes(points: list[Row], undated: int, focus: tuple[dt.date, dt.date] | None) -> str:
    """The notes under the timeline: what it leaves out or off-view, and how to read it."""
    notes = []
    if undated:
        notes.append(f"{plural(undated, 'event')} without a usable date {'is' if undated == 1 else 'are'} "
                     "listed on the article pages.")
    if focus is not None:
        early = sum(1 for p in points if p["x"] < focus[0])
        notes.append(f"{plural(early, 'event')} before {focus[0]:%Y} (history told in the articles) "
                     "left of the view: double-click the chart to see the whole period.")
    notes.append("Filled: past · hollow: planned · grey bar: the period of a month, year or range. "
                 "Click a point to open the article at its evidence.")
    return "".join(f'<p class="note">{esc(n)}</p>' for n in notes)


def _focus_range(days: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """The x range to open the timeline on when a few old events would squash the rest.

    Articles tell history ("founded in 1968"); a handful of such events would otherwise
    push the news itself into a corner. ``None`` when the full range reads well.
    """
    if len(days) < 10:
        return None
    ordered = sorted(days)
    low = ordered[len(ordered) // 20]
    if (low - ordered[0]).days < 2 * 365:
        return None
    pad = dt.timedelta(days=max(30, (ordered[-1] - low).days // 30))
    return low - pad, ordered[-1] + pad


def _hover(p: Row, participants: dict[tuple[str, str], list[str]], docs_by_id: dict[str, Row]) -> str:
    """Hover text of one timeline event; every value escaped (Plotly renders tags in it)."""
    names = participants.get((p["doc_id"], p["event_id"]), [])
    shown = ", ".join(esc(n) for n in names[:HOVER_PARTICIPANTS]) + (" …" if len(names) > HOVER_PARTICIPANTS else "")
    title = (docs_by_id.get(p["doc_id"]) or {}).get("title") or p["doc_id"]
    lines = [
        f"<b>{esc(p['type'])}</b> · {esc(p.get('name') or p.get('trigger'))}",
        f"{esc(p.get('date'))} ({esc(p.get('date_text'))}) · {esc(p.get('status'))}",
    ]
    if p.get("location"):
        lines.append(f"at {esc(p['location'])}")
    if shown:
        lines.append(f"with {shown}")
    lines.append(f"<i>{esc(short(str(title), 70))}</i>")
    return "<br>".join(lines)


def _event_href(p: Row) -> str:
    anchor = ""
    start, end = p.get("evidence_start"), p.get("evidence_end")
    if start is not None and end is not None and not pd.isna(start) and not pd.isna(end):
        anchor = f"#{span_id(int(start), int(end))}"
    return f"articles/{page_name(p['doc_id'])}{anchor}"



def top_entities(t: Tables) -> str:
    """Three bar charts: the organisations, people and places named in the most articles."""
    out = []
    entities = t.entities
    for label, heading in (("ORG", "Organisations"), ("PER", "People"), ("LOC", "Places")):
        rows = entities[column(entities, "label") == label] if not entities.empty else entities
        if rows.empty:
            out.append(f"<div><h3>{heading}</h3>{empty('None found.')}</div>")
            continue
        top = rows.sort_values(["n_documents", "n_mentions", "canonical"], ascending=[False, False, True]).head(TOP_ENTITIES)
        top = top.iloc[::-1]
        # entity ids as categories: two entities sharing a name stay two bars
        ids = [str(i) for i in top["entity_id"]]
        fig = go.Figure(go.Bar(
            x=top["n_documents"].to_numpy(), y=ids, orientation="h", marker_color=LABEL_COLORS[label],
            customdata=top["n_mentions"].to_numpy(),
            text=[esc(c) for c in top["canonical"]], textposition="none",
            hovertemplate="%{text}<br>%{x} articles · %{customdata} mentions<extra></extra>",
        ))
        fig = _layout(fig, height=60 + 24 * len(top), xaxis_title="articles",
                      xaxis_dtick=1 if top["n_documents"].max() < 8 else None,
                      yaxis={"tickvals": ids, "ticktext": [esc(short(str(c), 28)) for c in top["canonical"]]})
        out.append(f"<div><h3>{heading}</h3>{_figure_html(fig, f'top-{label.lower()}')}</div>")
    return "".join(out)


def network(t: Tables) -> str:
    """The organisations named together in an article, as a network of the most cited ones."""
    co = t.cooccurrences
    if not co.empty:
        co = co[(column(co, "label_a") == "ORG") & (column(co, "label_b") == "ORG")]
    if co.empty:
        return empty("No two organisations are named in the same article.")
    names: dict[str, str] = {}
    degree: Counter[str] = Counter()
    for row in co.to_dict("records"):
        names[row["entity_id_a"]], names[row["entity_id_b"]] = row["canonical_a"], row["canonical_b"]
        degree[row["entity_id_a"]] += int(row["n_documents"])
        degree[row["entity_id_b"]] += int(row["n_documents"])
    n_docs = dict(zip(t.entities["entity_id"], t.entities["n_documents"], strict=False)) if not t.entities.empty else {}
    ranked = sorted(names, key=lambda e: (-int(n_docs.get(e, 1)), -degree[e], str(names[e]), e))
    nodes = ranked[:MAX_NETWORK_NODES]
    index = {e: i for i, e in enumerate(nodes)}
    edges = [(index[r["entity_id_a"]], index[r["entity_id_b"]], int(r["n_documents"]))
             for r in co.to_dict("records") if r["entity_id_a"] in index and r["entity_id_b"] in index]
    pos = force_layout(len(nodes), edges)
    neighbours: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for a, b, w in edges:
        neighbours[a].append((w, names[nodes[b]]))
        neighbours[b].append((w, names[nodes[a]]))

    fig = go.Figure()
    for weight in sorted({w for _, _, w in edges}):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b, w in edges:
            if w == weight:
                xs += [float(pos[a, 0]), float(pos[b, 0]), None]
                ys += [float(pos[a, 1]), float(pos[b, 1]), None]
        fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                        line={"width": 0.6 + 1.6 * (weight - 1), "color": f"rgba(60,90,140,{min(0.9, 0.25 + 0.2 * weight)})"})
    hover = []
    for i, e in enumerate(nodes):
        near = ", ".join(esc(n) for _, n in sorted(neighbours[i], key=lambda x: (-x[0], x[1]))[:6])
        hover.append(f"<b>{esc(names[e])}</b><br>{int(n_docs.get(e, 1))} article(s) · "
                     f"{len(neighbours[i])} linked organisation(s)<br>{near}")
    sizes = [10 + 6 * math.sqrt(int(n_docs.get(e, 1))) for e in nodes]
    fig.add_scatter(
        x=pos[:, 0], y=pos[:, 1], mode="markers+text", showlegend=False,
        text=[esc(short(str(names[e]), 24)) for e in nodes], textposition="top center",
        textfont={"size": 10, "color": "#333"}, hovertext=hover, hoverinfo="text",
        marker={"size": sizes, "color": LABEL_COLORS["ORG"], "line": {"width": 1, "color": "#2a7f7f"}},
    )
    # ranges fitted to the drawing (plus room for labels); equal scales keep the layout's shape
    low, high = pos.min(axis=0) - 0.12, pos.max(axis=0) + 0.12
    fig = _layout(fig, height=600, xaxis={"visible": False, "range": [float(low[0]), float(high[0])]},
                  yaxis={"visible": False, "scaleanchor": "x", "range": [float(low[1]), float(high[1])]},
                  hovermode="closest",
                  margin={"l": 10, "r": 10, "t": 36, "b": 10})
    note = (f"The {len(nodes)} organisations named in the most articles (of {len(names)}); "
            "a line joins two organisations named in the same article, thicker when in more articles.")
    return _figure_html(fig, "org-network", toolbar=True) + f'<p class="note">{esc(note)}</p>'
