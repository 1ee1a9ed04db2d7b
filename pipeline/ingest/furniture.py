"""Web-page furniture in scraped text: navigation lines, date lines, datelines, tags.

General rules, not per-site ones; the lexicon is data (``resources/furniture_fr.json``).
Dates and the words of date lines are read by :mod:`pipeline.dates.metadata`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.dates.metadata import date_line_keywords, date_pattern, parse_date_string
from pipeline.resources import entries_with_use, read_json

#: a line ending with one of these is prose, not a title, tag or menu entry
_SENTENCE_END = ".!?…»:;\"”"


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture lexicon of ``resources/furniture_fr.json``."""

    navigation_lines: frozenset[str]
    navigation_prefixes: tuple[str, ...]
    breadcrumb_separators: tuple[str, ...]


@functools.cache
def furniture() -> Furniture:
    """The furniture lexicon (read once)."""
    data = read_json("furniture_fr.json")
    return Furniture(
        # the shared table of navigation lines: the entries marked for page layout
        navigation_lines=entries_with_use(data["navigation_lines"], "page"),
        navigation_prefixes=tuple(data["navigation_prefixes"]),
        breadcrumb_separators=tuple(sep.strip() for sep in data["breadcrumb_separators"]),
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the body of a plain-text page starts and ends, and what surrounds it."""

    title: str | None
    published: str | None
    tags: tuple[str, ...]
    body_start: int
    body_end: int


def _normal(line: str) -> str:
    return " ".join(line.lower().split()).strip(" :-–—|")


def _is_navigation(line: str) -> bool:
    lexicon = furniture()
    norm = _normal(line)
    if norm in lexicon.navigation_lines:
        return True
    if norm.startswith(lexicon.navigation_prefixes):
        return True
    # Breadcrumbs: "Accueil > Économie > Entreprises" (three parts or more)
    return any(len(norm.split(sep)) >= 3 for sep in lexicon.breadcrumb_separators)


def _date_line(line: str) -> str | None:
    """The ISO date of a publication/update line, or None when ``line`` is not one."""
    if len(line) > 120:
        return None
    match = date_pattern().search(line)
    if match is None:
        return None
    norm = _normal(line)
    rest = _normal(line[: match.start()] + " " + line[match.end():])
    has_keyword = any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", norm) for k in date_line_keywords())
    # Keep times and bylines ("à 10h12", "Par Jean Dupont") but not a sentence.
    if has_keyword or len(rest.split()) <= 4:
        if norm.endswith(".") and len(norm.split()) > 10:
            return None
        return parse_date_string(line)
    return None


def _dateline(line: str) -> str | None:
    """The date of a press-release dateline opening the body ("Lille, 30 juin 2017 – ...")."""
    head = line[:80]
    match = date_pattern().search(head)
    if match is None:
        return None
    before, after = head[: match.start()], head[match.end():]
    # "City[, le] DATE –": a place name, an optional "le", then a dash or an opening.
    if not re.fullmatch(r"[A-ZÀ-Ý][\w'’ .-]{0,40},\s*(?:le\s+)?", before):
        return None
    if not re.match(r"\s*(?:[–—-]|:|\.|,)", after):
        return None
    return parse_date_string(head[match.start(): match.end()])


def _is_short_unpunctuated(line: str, *, max_chars: int) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= max_chars and stripped[-1] not in _SENTENCE_END


def _is_tag_line(line: str) -> bool:
    stripped = line.strip()
    if not _is_short_unpunctuated(stripped, max_chars=80) or len(stripped.split()) > 10:
        return False
    # Contact lines and phone numbers are part of the release, not tags.
    return not (":" in stripped or "@" in stripped or re.search(r"\d{2}[ .]\d{2}[ .]\d{2}", stripped))


def layout_text(text: str, *, markdown: bool = False) -> Layout:
    """Find the title, publication date, tags and body span of a scraped text page.

    General rules, not per-site ones: leading short lines without sentence punctuation
    are the header (navigation lexicon, date lines, the title); two or more trailing
    short unpunctuated lines are tags or related links.

    Args:
        text: the decoded, NFC-normalised page text.
        markdown: treat ``# Heading`` as the title.

    Returns:
        The :class:`Layout`; ``text[body_start:body_end]`` is the body.
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        if content.strip():
            lead = len(content) - len(content.lstrip())
            lines.append((pos + lead, pos + len(content.rstrip()), content.strip()))
        pos += len(raw)
    if not lines:
        return Layout(title=None, published=None, tags=(), body_start=0, body_end=0)

    title: str | None = None
    published: str | None = None
    first_body = 0
    for i, (_, _, line) in enumerate(lines[:8]):
        if markdown and line.startswith("#"):
            if title is None:
                title = line.lstrip("#").strip() or None
                first_body = i + 1
                continue
            break
        date = _date_line(line)
        if date is not None:
            published = published or date
            first_body = i + 1
            continue
        if _is_navigation(line):
            first_body = i + 1
            continue
        if _is_short_unpunctuated(line, max_chars=200) and i + 1 < len(lines):
            if title is None or len(line) > len(title):
                title = line
            first_body = i + 1
            continue
        break

    if published is None and first_body < len(lines):
        published = _dateline(lines[first_body][2])

    last_body = len(lines) - 1
    tags: list[str] = []
    j = len(lines) - 1
    while j > first_body and _is_tag_line(lines[j][2]):
        tags.append(lines[j][2])
        j -= 1
    if len(tags) >= 2:
        last_body = j
    else:
        tags = []
    if first_body > last_body:
        # Everything looked like furniture: keep the text rather than lose it.
        first_body, last_body, title, tags = 0, len(lines) - 1, None, []
    return Layout(
        title=title,
        published=published,
        tags=tuple(reversed(tags)),
        body_start=lines[first_body][0],
        body_end=lines[last_body][1],
    )
