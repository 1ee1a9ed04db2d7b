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
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa
import pyarrow.parquet as pq
from plotly.colors import qualitative
from plotly.offline import get_plotlyjs

from pipeline.errors import OutputError, UsageError
from pipeline.outputs.export import SCHEMAS, atomic_text

logger = logging.getLogger(__name__)

Row = dict[str, Any]

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

MAX_TIMELINE_EVENTS = 5000
MAX_ARTICLES_LISTED = 1000
MAX_NETWORK_NODES = 40
TOP_ENTITIES = 12
HOVER_PARTICIPANTS = 6

_PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


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
        _write_if_changed(assets / "report.css", _CSS)
        tables = _load_tables(out_dir)
        n_pages = _write_article_pages(report_dir / "articles", _iter_documents(documents_path))
        index = report_dir / "index.html"
        with atomic_text(index) as handle:
            handle.write(_index_html(tables, out_dir))
    except OSError as exc:
        raise OutputError(f"cannot write the report in {report_dir}: {exc.strerror or exc}") from exc
    logger.info("report: %s (%d article pages)", index, n_pages)
    return index


# --- reading the outputs -------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Tables:
    """The run's tables as DataFrames (empty, with the contract's columns, when missing)."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    cooccurrences: pd.DataFrame
    events: pd.DataFrame
    event_participants: pd.DataFrame
    people: pd.DataFrame
    quotes: pd.DataFrame
    dates: pd.DataFrame
    errors: pd.DataFrame
    run: dict[str, Any] = field(default_factory=dict)


def _load_tables(out_dir: Path) -> _Tables:
    names = ("documents", "mentions", "entities", "cooccurrences", "events", "event_participants",
             "people", "quotes", "dates")
    frames = {name: _read_table(out_dir, name) for name in names}
    errors_path = out_dir / "errors.jsonl"
    if errors_path.is_file() and errors_path.stat().st_size:
        errors = pd.read_json(errors_path, lines=True, dtype=False)
    else:
        errors = pd.DataFrame(columns=["source", "stage", "error_type", "message"])
    run: dict[str, Any] = {}
    run_path = out_dir / "run.json"
    if run_path.is_file():
        try:
            run = json.loads(run_path.read_text("utf-8"))
        except ValueError:
            logger.warning("run.json in %s is not valid JSON; the report leaves it out", out_dir)
    return _Tables(**frames, errors=errors, run=run)


def _read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """One table, from Parquet or (``--format csv``) CSV; an empty frame when absent.

    The article text column is not read: the index never shows it and it is most of
    the bytes of a large corpus (article pages read ``documents.jsonl`` instead).
    """
    columns = [c for c in SCHEMAS[name].names if c != "text" or name != "documents"]
    parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    if parquet.is_file():
        present = set(pq.read_schema(parquet).names)
        return pd.read_parquet(parquet, columns=[c for c in columns if c in present])
    if csv.is_file() and csv.stat().st_size:
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False, usecols=lambda c: c in columns)
        frame = frame.replace({"": None})
        for column in SCHEMAS[name]:
            if column.name in frame and (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
                frame[column.name] = pd.to_numeric(frame[column.name], errors="coerce")
        return frame
    logger.warning("%s has no %s table; the report shows it as empty", out_dir, name)
    return pd.DataFrame(columns=columns)


def _iter_documents(path: Path) -> Iterator[Row]:
    """``documents.jsonl`` one record at a time (article pages never hold the corpus).

    Raises:
        UsageError: a line is not a JSON object (the file was not written by ``pipeline run``).
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{path} line {number} is not valid JSON: {exc}") from None
            if not isinstance(record, dict) or "doc_id" not in record:
                raise UsageError(f"{path} line {number} is not a document record")
            yield record


# --- small helpers ---------------------------------------------------------------------


def _e(value: Any) -> str:
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


def _write_if_changed(path: Path, content: str) -> None:
    if path.is_file() and path.read_text("utf-8") == content:
        return
    with atomic_text(path) as handle:
        handle.write(content)


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


def _empty(message: str) -> str:
    return f'<p class="empty">{_e(message)}</p>'


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column, or an empty one when an older output lacks it."""
    return frame[name] if name in frame else pd.Series([None] * len(frame), index=frame.index, dtype=object)


# --- index page ------------------------------------------------------------------------


def _index_html(t: _Tables, out_dir: Path) -> str:
    docs_by_id = {row["doc_id"]: row for row in t.documents.to_dict("records")}
    sections = [
        _overview_html(t),
        '<div class="grid2">'
        f'<section class="card"><h2>Entity mentions by label</h2>{_entities_by_label(t)}</section>'
        f'<section class="card"><h2>Events by type</h2>{_events_by_type(t)}</section>'
        "</div>",
        f'<section class="card"><h2>Timeline of dated events</h2>{_timeline(t, docs_by_id)}</section>',
        f'<section class="card"><h2>Most cited</h2><div class="grid3">{_top_entities(t)}</div></section>',
        f'<section class="card"><h2>Organisation co-occurrence network</h2>{_network(t)}</section>',
        f'<section class="card"><h2>Articles</h2>{_articles_table(t)}</section>',
        f'<section class="card"><h2>Errors</h2>{_errors_table(t)}</section>',
    ]
    run = t.run
    versions = " · ".join(f"{_e(k)} {_e(v)}" for k, v in (run.get("versions") or {}).items())
    subtitle = f"{_e(out_dir.resolve())}"
    if run.get("finished"):
        subtitle += f" · run finished {_e(run['finished'])}"
    return _page(
        title="Corpus report",
        css="assets/report.css",
        head_extra='<script src="assets/plotly.min.js"></script>',
        body=(
            f'<header><h1>Corpus report</h1><p class="sub">{subtitle}</p></header>'
            f'<main>{"".join(sections)}</main>'
            f'<footer>{versions}</footer>'
        ),
    )


def _overview_html(t: _Tables) -> str:
    docs = t.documents
    published = pd.to_datetime(_col(docs, "published"), errors="coerce").dropna()
    if len(published):
        date_range = f"{published.min():%Y-%m-%d} → {published.max():%Y-%m-%d}"
    else:
        date_range = "no publication dates"
    status = Counter(_col(t.events, "status").dropna())
    events_detail = ", ".join(f"{n} {s}" for s, n in sorted(status.items())) or "none"
    cards = [
        ("Articles", f"{len(docs)}", date_range),
        ("Entity mentions", f"{len(t.mentions)}", f"{len(t.entities)} distinct entities"),
        ("Dates", f"{len(t.dates)}", "temporal expressions"),
        ("Events", f"{len(t.events)}", events_detail),
        ("People", f"{len(t.people)}", f"{len(t.quotes)} quotes"),
        ("Errors", f"{len(t.errors)}", "inputs that failed" if len(t.errors) else "every input processed"),
    ]
    items = "".join(
        f'<div class="kpi{" bad" if name == "Errors" and value != "0" else ""}">'
        f'<div class="kpi-name">{_e(name)}</div><div class="kpi-value">{_e(value)}</div>'
        f'<div class="kpi-detail">{_e(detail)}</div></div>'
        for name, value, detail in cards
    )
    return f'<section class="kpis">{items}</section>'


def _entities_by_label(t: _Tables) -> str:
    counts = _col(t.mentions, "label").dropna().value_counts()
    if counts.empty:
        return _empty("No entity mentions.")
    counts = counts.sort_values()
    fig = go.Figure(go.Bar(
        x=counts.to_numpy(), y=[_e(v) for v in counts.index], orientation="h",
        marker_color=[LABEL_COLORS.get(str(label), DEFAULT_COLOR) for label in counts.index],
        text=counts.to_numpy(), textposition="auto", hovertemplate="%{y}: %{x} mentions<extra></extra>",
    ))
    return _figure_html(_layout(fig, height=260, xaxis_title="mentions"), "entities-by-label")


def _events_by_type(t: _Tables) -> str:
    events = t.events
    if events.empty:
        return _empty("No events.")
    table = pd.crosstab(_col(events, "type").fillna("?"), _col(events, "status").fillna("?"))
    order = table.sum(axis=1).sort_values().index
    fig = go.Figure()
    for status in [s for s in STATUS_COLORS if s in table.columns] + [s for s in table.columns if s not in STATUS_COLORS]:
        fig.add_bar(
            name=_e(status), y=[_e(v) for v in order], x=table.loc[order, status].to_numpy(), orientation="h",
            marker_color=STATUS_COLORS.get(status, DEFAULT_COLOR),
            marker_pattern_shape="/" if status == "planned" else "",
            hovertemplate=f"%{{y}} · {_e(status)}: %{{x}}<extra></extra>",
        )
    fig = _layout(fig, height=max(260, 40 + 24 * len(order)), barmode="stack", xaxis_title="events",
                  legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "traceorder": "normal"})
    return _figure_html(fig, "events-by-type")


def _timeline(t: _Tables, docs_by_id: dict[str, Row]) -> str:
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
        return _empty("No dated events." if events.empty else f"None of the {len(events)} events has a usable date.")
    points.sort(key=lambda p: (p["first"], p["type"] or "", p["event_id"]))
    if len(points) > MAX_TIMELINE_EVENTS:
        points = points[-MAX_TIMELINE_EVENTS:]
    type_order = [name for name, _ in Counter(str(p["type"]) for p in points).most_common()]
    row_of = {name: i for i, name in enumerate(reversed(type_order))}
    palette = qualitative.Safe + qualitative.Vivid
    colors = {name: palette[i % len(palette)] for i, name in enumerate(sorted(type_order))}

    fig = go.Figure()
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
            name=_e(kind), legendgroup=_e(kind), showlegend=False,
            marker={"color": colors[kind], "size": 11, "symbol": STATUS_SYMBOLS.get(status, "circle"),
                    "line": {"width": 2.5 if status == "planned" else 1,
                             "color": colors[kind] if status == "planned" else "white"}},
            text=[_hover(p, participants, docs_by_id) for p in group],
            customdata=[_event_href(p) for p in group],
            hovertemplate="%{text}<extra></extra>",
        )
    for kind in sorted(type_order):
        fig.add_scatter(x=[None], y=[None], mode="markers", name=_e(kind), legendgroup=_e(kind),
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
        yaxis={"tickvals": list(row_of.values()), "ticktext": [_e(k) for k in row_of],
               "range": [-0.6, len(row_of) - 0.4], "zeroline": False, "fixedrange": True},
        xaxis=xaxis,
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "itemclick": "toggle"},
        hovermode="closest",
    )
    notes = []
    if undated:
        notes.append(f"{_plural(undated, 'event')} without a usable date {'is' if undated == 1 else 'are'} "
                     "listed on the article pages.")
    if focus is not None:
        early = sum(1 for p in points if p["x"] < focus[0])
        notes.append(f"{_plural(early, 'event')} before {focus[0]:%Y} (history told in the articles) "
                     "left of the view: double-click the chart to see the whole period.")
    notes.append("Filled: past · hollow: planned · grey bar: the period of a month, year or range. "
                 "Click a point to open the article at its evidence.")
    # The click handler only navigates to our own relative article pages (customdata).
    click = ("var gd=document.getElementById('{plot_id}');gd.on('plotly_click',function(d){"
             "var u=d.points[0].customdata;if(u){window.location.href=u;}});")
    return _figure_html(fig, "timeline", post_script=click, toolbar=True) + "".join(f'<p class="note">{_e(n)}</p>' for n in notes)


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
    shown = ", ".join(_e(n) for n in names[:HOVER_PARTICIPANTS]) + (" …" if len(names) > HOVER_PARTICIPANTS else "")
    title = (docs_by_id.get(p["doc_id"]) or {}).get("title") or p["doc_id"]
    lines = [
        f"<b>{_e(p['type'])}</b> · {_e(p.get('name') or p.get('trigger'))}",
        f"{_e(p.get('date'))} ({_e(p.get('date_text'))}) · {_e(p.get('status'))}",
    ]
    if p.get("location"):
        lines.append(f"at {_e(p['location'])}")
    if shown:
        lines.append(f"with {shown}")
    lines.append(f"<i>{_e(_short(str(title), 70))}</i>")
    return "<br>".join(lines)


def _event_href(p: Row) -> str:
    anchor = ""
    start, end = p.get("evidence_start"), p.get("evidence_end")
    if start is not None and end is not None and not pd.isna(start) and not pd.isna(end):
        anchor = f"#{span_id(int(start), int(end))}"
    return f"articles/{page_name(p['doc_id'])}{anchor}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _top_entities(t: _Tables) -> str:
    out = []
    entities = t.entities
    for label, heading in (("ORG", "Organisations"), ("PER", "People"), ("LOC", "Places")):
        rows = entities[_col(entities, "label") == label] if not entities.empty else entities
        if rows.empty:
            out.append(f"<div><h3>{heading}</h3>{_empty('None found.')}</div>")
            continue
        top = rows.sort_values(["n_documents", "n_mentions", "canonical"], ascending=[False, False, True]).head(TOP_ENTITIES)
        top = top.iloc[::-1]
        # entity ids as categories: two entities sharing a name stay two bars
        ids = [str(i) for i in top["entity_id"]]
        fig = go.Figure(go.Bar(
            x=top["n_documents"].to_numpy(), y=ids, orientation="h", marker_color=LABEL_COLORS[label],
            customdata=top["n_mentions"].to_numpy(),
            text=[_e(c) for c in top["canonical"]], textposition="none",
            hovertemplate="%{text}<br>%{x} articles · %{customdata} mentions<extra></extra>",
        ))
        fig = _layout(fig, height=60 + 24 * len(top), xaxis_title="articles",
                      xaxis_dtick=1 if top["n_documents"].max() < 8 else None,
                      yaxis={"tickvals": ids, "ticktext": [_e(_short(str(c), 28)) for c in top["canonical"]]})
        out.append(f"<div><h3>{heading}</h3>{_figure_html(fig, f'top-{label.lower()}')}</div>")
    return "".join(out)


def _network(t: _Tables) -> str:
    co = t.cooccurrences
    if not co.empty:
        co = co[(_col(co, "label_a") == "ORG") & (_col(co, "label_b") == "ORG")]
    if co.empty:
        return _empty("No two organisations are named in the same article.")
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
        near = ", ".join(_e(n) for _, n in sorted(neighbours[i], key=lambda x: (-x[0], x[1]))[:6])
        hover.append(f"<b>{_e(names[e])}</b><br>{int(n_docs.get(e, 1))} article(s) · "
                     f"{len(neighbours[i])} linked organisation(s)<br>{near}")
    sizes = [10 + 6 * math.sqrt(int(n_docs.get(e, 1))) for e in nodes]
    fig.add_scatter(
        x=pos[:, 0], y=pos[:, 1], mode="markers+text", showlegend=False,
        text=[_e(_short(str(names[e]), 24)) for e in nodes], textposition="top center",
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
    return _figure_html(fig, "org-network", toolbar=True) + f'<p class="note">{_e(note)}</p>'


def force_layout(n: int, edges: Sequence[tuple[int, int, int]], *, iterations: int = 300) -> np.ndarray:
    """Deterministic layout of a small graph, scaled into [-1, 1]².

    Each connected component gets a Fruchterman-Reingold layout started from a circle
    (so equal input gives an equal picture, no random seed); the components are then
    packed in rows, largest first. Laying out the whole graph at once would let the
    components fly apart and squash each into a blob: co-occurrence graphs are mostly
    one clique per article.

    Args:
        n: the number of nodes.
        edges: ``(a, b, weight)`` node-index pairs.
        iterations: cooling steps per component.

    Returns:
        An ``(n, 2)`` array of positions.
    """
    if n == 0:
        return np.zeros((0, 2))
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, _ in edges:
        parent[root(a)] = root(b)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[root(i)].append(i)
    components = sorted(members.values(), key=lambda c: (-len(c), c[0]))

    gap = 0.6
    boxes = []
    for nodes in components:
        local = {node: i for i, node in enumerate(nodes)}
        sub = [(local[a], local[b], w) for a, b, w in edges if a in local and b in local]
        radius = 0.35 if len(nodes) == 1 else math.sqrt(len(nodes))
        boxes.append((nodes, _fruchterman_reingold(len(nodes), sub, iterations) * radius, 2 * radius + gap))
    # shelf packing into a band wider than high, like the figure
    width = max(max(d for _, _, d in boxes), math.sqrt(2 * sum(d * d for _, _, d in boxes)))
    pos = np.zeros((n, 2))
    x = y = row = 0.0
    for nodes, local_pos, d in boxes:
        if x > 0 and x + d > width:
            x, y, row = 0.0, y - row, 0.0
        pos[nodes] = local_pos + np.array([x + d / 2, y - d / 2])
        x, row = x + d, max(row, d)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


def _fruchterman_reingold(n: int, edges: Sequence[tuple[int, int, int]], iterations: int) -> np.ndarray:
    """One connected component laid out from a circle, centred and scaled into the unit disc."""
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    if n <= 2:
        return pos * (0 if n == 1 else 1)
    k = 1.0 / math.sqrt(n)
    temperature = 0.2
    a_idx = np.array([a for a, _, _ in edges], dtype=int)
    b_idx = np.array([b for _, b, _ in edges], dtype=int)
    weights = np.array([w for _, _, w in edges], dtype=float)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        disp = ((k * k / dist**2)[:, :, None] * delta).sum(axis=1)
        if len(edges):
            d = pos[a_idx] - pos[b_idx]
            length = np.maximum(np.linalg.norm(d, axis=-1), 1e-3)
            pull = (length * weights / k)[:, None] * d
            np.add.at(disp, a_idx, -pull)
            np.add.at(disp, b_idx, pull)
        size = np.maximum(np.linalg.norm(disp, axis=-1), 1e-9)
        pos = pos + disp / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature *= 0.985
    pos -= pos.mean(axis=0)
    radius = np.linalg.norm(pos, axis=-1).max()
    return pos / radius if radius > 0 else pos


def _articles_table(t: _Tables) -> str:
    docs = t.documents
    if docs.empty:
        return _empty("No articles.")
    docs = docs.assign(_published=pd.to_datetime(_col(docs, "published"), errors="coerce"))
    docs = docs.sort_values(["_published", "source"], ascending=[False, True], na_position="last")
    shown = docs.head(MAX_ARTICLES_LISTED)
    rows = []
    for r in shown.to_dict("records"):
        published = r["_published"].strftime("%Y-%m-%d") if not pd.isna(r["_published"]) else ""
        counts = "".join(f'<td class="num">{_e(r.get(k))}</td>'
                         for k in ("n_entities", "n_dates", "n_events", "n_people", "n_quotes"))
        rows.append(
            f'<tr><td class="nowrap">{_e(published)}</td>'
            f'<td><a href="articles/{_e(page_name(r["doc_id"]))}">{_e(r.get("title") or r["source"])}</a></td>'
            f'<td class="src">{_e(r["source"])}</td>{counts}</tr>'
        )
    more = (f'<p class="note">Showing the {MAX_ARTICLES_LISTED} most recent of {len(docs)} articles; '
            "every article has its page in articles/.</p>" if len(docs) > MAX_ARTICLES_LISTED else "")
    return _table(
        ["Published", "Title", "Source", "Entities", "Dates", "Events", "People", "Quotes"],
        "".join(rows),
        numeric={"Entities", "Dates", "Events", "People", "Quotes"},
    ) + more


def _errors_table(t: _Tables) -> str:
    if t.errors.empty:
        return _empty("No errors: every input was processed.")
    rows = "".join(
        f'<tr><td class="src">{_e(r.get("source"))}</td><td>{_e(r.get("stage"))}</td>'
        f'<td>{_e(r.get("error_type"))}</td><td>{_e(r.get("message"))}</td></tr>'
        for r in t.errors.to_dict("records")
    )
    return _table(["Source", "Stage", "Error", "Message"], rows)


# --- article pages -------------------------------------------------------------------


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


@dataclass(slots=True)
class _Spans:
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


def _link(value: Any, target: str | None) -> str:
    """A table value linked to its evidence (plain text when there is none)."""
    if value is None or value == "":
        return ""
    return f'<a class="ev" href="#{target}">{_e(value)}</a>' if target else _e(value)


def article_html(record: Row) -> str:
    """The HTML page of one ``documents.jsonl`` record.

    Args:
        record: one record (as read from ``documents.jsonl``).

    Returns:
        A complete HTML page: the text with entities and dates highlighted, and tables of
        events, people, quotes, dates and entities whose values link to spans of the text.
    """
    text = record.get("text") or ""
    spans = _Spans(text)
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
    meta = [f'<span class="src">{_e(record.get("source"))}</span>']
    if record.get("published"):
        meta.append(f"published {_e(record['published'])}")
    url = str(record.get("url") or "")
    if url.startswith(("http://", "https://")):
        meta.append(f'<a href="{_e(url)}" rel="noreferrer noopener">original page</a>')
    tags = "".join(f'<span class="tag">{_e(tag)}</span>' for tag in record.get("tags") or [])
    legend = "".join(
        f'<span class="legend-item" style="background:{LABEL_COLORS.get(label, DEFAULT_COLOR)}">{_e(label)}</span>'
        for label in sorted({str(m.get("label")) for m in entities} | ({"DATE"} if record.get("dates") else set()))
    )
    tables = "".join(f'<section class="card"><h2>{_e(name)}</h2>{html_}</section>' for name, html_ in sections)
    title = record.get("title") or record.get("source") or record.get("doc_id")
    return _page(
        title=str(title),
        css="../assets/report.css",
        body=(
            f'<header><p class="back"><a href="../index.html">← Corpus report</a></p>'
            f'<h1>{_e(title)}</h1><p class="sub">{" · ".join(meta)}</p>'
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


def _events_section(events: list[Row], spans: _Spans, mention_at: Any) -> str:
    if not events:
        return _empty("No events in this article.")
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
            people.append(f'<span class="who">{_link(p.get("name"), ref)} <span class="role">{_e(p.get("role"))}</span></span>')
        quantities = [_link(q.get("text"), spans.add(q.get("start"), q.get("end"))) for q in e.get("quantities") or []]
        proof = " ".join(f'<a class="ev pill" href="#{ref}">{i}</a>' for i, ref in enumerate(ev_ids, 1) if ref)
        status = str(e.get("status") or "")
        where = f'<div>at {_link(e.get("location"), place_ref)}</div>' if e.get("location") else ""
        rows.append(
            f'<tr><td><b>{_link(e.get("type"), first)}</b> <span class="status status-{_e(status)}">{_e(status)}</span>'
            f'<div class="muted">{_link(e.get("name") or e.get("trigger"), first)}</div></td>'
            f'<td><span class="nowrap">{_link(e.get("date"), date_ref or first)}</span><div class="muted">{_link(e.get("date_text"), date_ref)}</div>'
            f'{where}</td><td>{" ".join(people)}</td><td>{"<br>".join(quantities)}</td><td>{proof}</td></tr>'
        )
    return _table(["Event", "When, where", "Who", "How many", "Evidence"], "".join(rows), css_class="events")


def _table(headers: Sequence[str], body: str, *, numeric: Collection[str] = (), css_class: str | None = None) -> str:
    """A scrollable table: fixed header cells (``numeric`` ones right-aligned), rows as given."""
    head = "".join(f'<th class="num">{h}</th>' if h in numeric else f"<th>{h}</th>" for h in headers)
    table = f'<table class="{css_class}">' if css_class else "<table>"
    return f'<div class="scroll">{table}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _people_section(people: list[Row], spans: _Spans) -> str:
    if not people:
        return _empty("No people in this article.")
    rows = []
    for p in people:
        refs = [spans.add(m.get("start"), m.get("end")) for m in p.get("mentions") or []]
        first = next((r for r in refs if r), None) or spans.find(p.get("name"))
        titles = "<br>".join(_link(title, spans.find(title)) for title in p.get("titles") or [])
        proof = " ".join(f'<a class="ev pill" href="#{r}">{i}</a>' for i, r in enumerate(refs, 1) if r)
        rows.append(f'<tr><td>{_link(p.get("name"), first)}</td><td>{titles}</td>'
                    f'<td>{_link(p.get("affiliation"), spans.find(p.get("affiliation")))}</td><td class="nowrap">{proof}</td></tr>')
    return _table(["Name", "Titles", "Affiliation", "Mentions"], "".join(rows))


def _quotes_section(quotes: list[Row], spans: _Spans, mention_at: Any) -> str:
    if not quotes:
        return _empty("No quotes in this article.")
    rows = []
    for q in quotes:
        ref = spans.add(q.get("start"), q.get("end"))
        start = int(q.get("start") or 0)
        found = mention_at(q.get("speaker"), None, start)
        speaker_ref = spans.add(*found) if found else spans.find(q.get("speaker"))
        rows.append(
            f'<tr><td>{_link(q.get("speaker"), speaker_ref)}<div class="muted">{_link(q.get("speaker_title"), spans.find(q.get("speaker_title")))}</div></td>'
            f'<td class="quote">{_link(_short(str(q.get("text") or ""), 300), ref)}</td><td>{_e(q.get("verb"))}</td></tr>'
        )
    return _table(["Speaker", "Quote", "Verb"], "".join(rows))


def _dates_section(dates: list[Row], spans: _Spans) -> str:
    if not dates:
        return _empty("No dates in this article.")
    rows = "".join(
        f'<tr><td>{_link(d.get("text"), spans.add(d.get("start"), d.get("end"), "date", str(d.get("value") or "")))}</td>'
        f'<td class="nowrap">{_e(d.get("value"))}</td><td>{_e(d.get("type"))}</td><td>{_e(d.get("granularity"))}</td>'
        f'<td>{_e(d.get("mod"))}</td><td>{_e(d.get("anchor"))}</td></tr>'
        for d in dates
    )
    return _table(["Text", "Value", "Type", "Granularity", "Mod", "Anchor"], rows)


def _entities_section(entities: list[Row], spans: _Spans) -> str:
    if not entities:
        return _empty("No entities in this article.")
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for m in entities:
        groups[(str(m.get("label")), str(m.get("canonical") or m.get("text")))].append(m)
    rows = []
    for (label, name), mentions in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
        links = " ".join(
            f'<a class="ev pill" href="#{span_id(m["start"], m["end"])}" title="{_e(m.get("text"))}">{i}</a>'
            for i, m in enumerate(mentions, 1)
        )
        color = LABEL_COLORS.get(label, DEFAULT_COLOR)
        rows.append(f'<tr><td><span class="lbl" style="background:{color}">{_e(label)}</span></td>'
                    f'<td>{_e(name)}</td><td>{links}</td></tr>')
    return _table(["Label", "Entity", "Mentions"], "".join(rows))


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
        badge = f'<span class="badge">{_e(label)}</span>' if last and label else ""
        return f"{badge}</mark>"

    for b in sorted(boundaries):
        out.append(_e(text[pos:b]))
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


# --- page frame and style ------------------------------------------------------------


def _page(*, title: str, css: str, body: str, head_extra: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{_e(title)}</title><link rel="stylesheet" href="{_e(css)}">{head_extra}</head>'
        f"<body>{body}</body></html>\n"
    )


_CSS = """
:root { --bg: #f5f6f8; --card: #fff; --ink: #1f2933; --muted: #66788a; --line: #e3e7ec; --accent: #2f6fb0; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { padding: 20px 32px 8px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
.sub, .note, .muted, footer { color: var(--muted); }
.sub { margin: 0; font-size: 13px; }
.note { font-size: 12px; margin: 6px 0 0; }
main { padding: 8px 32px 24px; display: flex; flex-direction: column; gap: 16px; }
footer { padding: 0 32px 24px; font-size: 12px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
.card h2 { margin: 0 0 10px; font-size: 16px; }
.card h3 { margin: 0 0 4px; font-size: 14px; color: var(--muted); font-weight: 600; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.grid3 { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
@media (max-width: 900px) { .grid2, .grid3 { grid-template-columns: 1fr; } }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.kpi-name { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.kpi-value { font-size: 28px; font-weight: 650; }
.kpi-detail { font-size: 12px; color: var(--muted); }
.kpi.bad .kpi-value { color: #c0392b; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
.scroll { overflow: auto; max-height: 560px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line);
     padding: 6px 8px; position: sticky; top: 0; background: var(--card); }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.src { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.tag { display: inline-block; background: #e8eef5; border-radius: 10px; padding: 1px 9px; margin: 0 4px 4px 0; font-size: 12px; }
.back { margin: 0 0 6px; font-size: 13px; }
.article { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 16px; align-items: start; flex-direction: unset; }
@media (max-width: 1000px) { .article { grid-template-columns: 1fr; } }
/* the text scrolls with the page (so #span-… anchors just work); the tables stay in view */
.tables { display: flex; flex-direction: column; gap: 16px; position: sticky; top: 8px;
          max-height: calc(100vh - 16px); overflow: auto; }
.text { white-space: pre-wrap; line-height: 2.1; font-size: 15px; max-width: 80ch; }
.legend { margin-bottom: 8px; }
.legend-item, .lbl { display: inline-block; border-radius: 4px; padding: 0 6px; margin-right: 4px; font-size: 11px; font-weight: 600; }
mark { border-radius: 4px; padding: 2px 4px; color: inherit; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark .badge { font-size: 9px; font-weight: 700; text-transform: uppercase; margin-left: 4px; opacity: .75; vertical-align: middle; }
mark.date .badge { text-transform: none; }
[id^="span-"] { scroll-margin-top: 30vh; }
.ref:target, mark:target { outline: 2px solid #f0a500; background: #fff3bf !important; border-radius: 3px; }
a.ev { border-bottom: 1px dotted var(--accent); }
a.ev:hover { text-decoration: none; background: #eef4fb; }
a.pill { display: inline-block; min-width: 20px; text-align: center; border: 1px solid #c9d6e3; border-radius: 10px;
         padding: 0 6px; font-size: 11px; margin: 1px; }
.role { color: var(--muted); font-size: 11px; }
.who { display: inline-block; margin: 0 8px 2px 0; }
table.events td:nth-child(3) { min-width: 12em; }
.status { border-radius: 10px; padding: 1px 8px; font-size: 12px; color: #fff; background: #888; }
.status-past { background: #4c78a8; }
.status-planned { background: #f58518; }
.status-ongoing { background: #54a24b; }
td.quote { font-style: italic; }
"""


__all__ = ["article_html", "force_layout", "page_name", "render_text", "span_id", "write_report"]
