"""The report's index page: the overview numbers, the charts, the list of articles and the errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline.outputs.report.charts import (
    entities_by_label,
    events_by_type,
    network,
    timeline,
    top_entities,
)
from pipeline.outputs.report.data import Tables, column
from pipeline.outputs.report.markup import empty, esc, html_table, page, page_name

MAX_ARTICLES_LISTED = 1000


def index_html(t: Tables, out_dir: Path) -> str:
    """The HTML of ``report/index.html`` for the run outputs read from ``out_dir``."""
    docs_by_id = {row["doc_id"]: row for row in t.documents.to_dict("records")}
    sections = [
        _overview_html(t),
        '<div class="grid2">'
        f'<section class="card"><h2>Entity mentions by label</h2>{entities_by_label(t)}</section>'
        f'<section class="card"><h2>Events by type</h2>{events_by_type(t)}</section>'
        "</div>",
        f'<section class="card"><h2>Timeline of dated events</h2>{timeline(t, docs_by_id)}</section>',
        f'<section class="card"><h2>Most cited</h2><div class="grid3">{top_entities(t)}</div></section>',
        f'<section class="card"><h2>Organisation co-occurrence network</h2>{network(t)}</section>',
        f'<section class="card"><h2>Articles</h2>{_articles_table(t)}</section>',
        f'<section class="card"><h2>Errors</h2>{_errors_table(t)}</section>',
    ]
    run = t.run
    versions = " · ".join(f"{esc(k)} {esc(v)}" for k, v in (run.get("versions") or {}).items())
    subtitle = f"{esc(out_dir.resolve())}"
    if run.get("finished"):
        subtitle += f" · run finished {esc(run['finished'])}"
    return page(
        title="Corpus report",
        css="assets/report.css",
        head_extra='<script src="assets/plotly.min.js"></script>',
        body=(
            f'<header><h1>Corpus report</h1><p class="sub">{subtitle}</p></header>'
            f'<main>{"".join(sections)}</main>'
            f'<footer>{versions}</footer>'
        ),
    )


def _overview_html(t: Tables) -> str:
    docs = t.documents
    published = pd.to_datetime(column(docs, "published"), errors="coerce").dropna()
    if len(published):
        date_range = f"{published.min():%Y-%m-%d} → {published.max():%Y-%m-%d}"
    else:
        date_range = "no publication dates"
    languages = Counter(column(docs, "lang").fillna("unknown"))
    non_french = sum(n for lang, n in languages.items() if lang not in ("fr", "unknown"))
    if not non_french:
        language_detail = "all in French" if languages else "no articles"
    elif (t.run.get("settings") or {}).get("non_french", "keep") == "keep":
        language_detail = f"{non_french} not in French: kept, not extracted"
    else:
        language_detail = f"{non_french} not in French"
    status = Counter(column(t.events, "status").dropna())
    events_detail = ", ".join(f"{n} {s}" for s, n in sorted(status.items())) or "none"
    cards = [
        ("Articles", f"{len(docs)}", date_range),
        ("Languages", " · ".join(f"{lang} {n}" for lang, n in languages.most_common()) or "-", language_detail),
        ("Entity mentions", f"{len(t.mentions)}", f"{len(t.entities)} distinct entities"),
        ("Dates", f"{len(t.dates)}", "temporal expressions"),
        ("Events", f"{len(t.events)}", events_detail),
        ("People", f"{len(t.people)}", f"{len(t.quotes)} quotes"),
        ("Errors", f"{len(t.errors)}", "inputs that failed" if len(t.errors) else "every input processed"),
    ]
    items = "".join(
        f'<div class="kpi{" bad" if name == "Errors" and value != "0" else ""}">'
        f'<div class="kpi-name">{esc(name)}</div><div class="kpi-value">{esc(value)}</div>'
        f'<div class="kpi-detail">{esc(detail)}</div></div>'
        for name, value, detail in cards
    )
    return f'<section class="kpis">{items}</section>'



def _articles_table(t: Tables) -> str:
    docs = t.documents
    if docs.empty:
        return empty("No articles.")
    docs = docs.assign(_published=pd.to_datetime(column(docs, "published"), errors="coerce"))
    docs = docs.sort_values(["_published", "source"], ascending=[False, True], na_position="last")
    shown = docs.head(MAX_ARTICLES_LISTED)
    rows = []
    for r in shown.to_dict("records"):
        published = r["_published"].strftime("%Y-%m-%d") if not pd.isna(r["_published"]) else ""
        counts = "".join(f'<td class="num">{esc(r.get(k))}</td>'
                         for k in ("n_entities", "n_dates", "n_events", "n_people", "n_quotes"))
        rows.append(
            f'<tr><td class="nowrap">{esc(published)}</td>'
            f'<td><a href="articles/{esc(page_name(r["doc_id"]))}">{esc(r.get("title") or r["source"])}</a></td>'
            f'<td class="src">{esc(r["source"])}</td>{counts}</tr>'
        )
    more = (f'<p class="note">Showing the {MAX_ARTICLES_LISTED} most recent of {len(docs)} articles; '
            "every article has its page in articles/.</p>" if len(docs) > MAX_ARTICLES_LISTED else "")
    return html_table(
        ["Published", "Title", "Source", "Entities", "Dates", "Events", "People", "Quotes"],
        "".join(rows),
        numeric={"Entities", "Dates", "Events", "People", "Quotes"},
    ) + more


def _errors_table(t: Tables) -> str:
    if t.errors.empty:
        return empty("No errors: every input was processed.")
    rows = "".join(
        f'<tr><td class="src">{esc(r.get("source"))}</td><td>{esc(r.get("stage"))}</td>'
        f'<td>{esc(r.get("error_type"))}</td><td>{esc(r.get("message"))}</td></tr>'
        for r in t.errors.to_dict("records")
    )
    return html_table(["Source", "Stage", "Error", "Message"], rows)
